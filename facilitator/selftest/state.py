"""What the self-test's steps share: the folder, the workspace and what was made in it."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from facilitator.domain.clock import SystemClock
from facilitator.lang import Lang

if TYPE_CHECKING:
    from facilitator.composition import Composition
    from facilitator.db.workspace import Workspace
    from facilitator.services.roster.area import RosterServices


class SelfTestState:
    """A later step builds on what an earlier one made (the event, its roster, a check-in)."""

    def __init__(self, folder: Path, lang: Lang) -> None:
        self.folder = folder
        self.lang = lang
        self.db = folder / "selftest.sqlite"
        self.clock = SystemClock()
        self.workspace: Workspace | None = None
        self.event_id = 0
        self.checked_in_staff_no = ""
        self.certificate_pdf = folder / "certificate.pdf"
        self.certificate_number = ""

    def open(self) -> Workspace:
        if self.workspace is None:
            from facilitator.db.workspace import open_workspace

            self.workspace = open_workspace(self.db, program="facilitator --self-test")
        return self.workspace

    def services(self) -> Composition:
        """The workspace's services, built as the app builds them (fresh for each step;
        a step that writes through check-in or feedback closes them)."""
        from facilitator.composition import Composition

        return Composition(self.open(), self.clock)

    def roster(self) -> RosterServices:
        """The roster area's services on the workspace."""
        return self.services().roster

    def close(self) -> None:
        if self.workspace is not None:
            self.workspace.close()
            self.workspace = None
