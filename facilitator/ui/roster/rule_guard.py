"""Before a move by hand: which session rules it would break, said by name, confirmed or
cancelled by the trainer. The rules themselves are `domain/session_rules.py`."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QWidget

from facilitator.domain.scheduling_inputs import role_kind
from facilitator.domain.session_rules import (
    Member,
    RuleBreak,
    Seat,
    check_move,
    rule_breaks,
)
from facilitator.lang import Lang
from facilitator.services.roster.attendees import AttendeeRow, SessionLoad
from facilitator.ui.dialogs import Dialogs


def plan_of(
    loads: Sequence[SessionLoad], people: Sequence[AttendeeRow]
) -> tuple[list[Seat], list[Member]]:
    seats = [Seat(s.id, s.label, s.capacity) for s in loads]
    members = [Member(p.id, p.name, p.department, role_kind(p.role), p.session_id) for p in people]
    return seats, members


def plan_breaks(loads: Sequence[SessionLoad], people: Sequence[AttendeeRow]) -> list[RuleBreak]:
    return rule_breaks(*plan_of(loads, people))


class RuleGuard(QObject):
    def __init__(self, dialogs: Dialogs, lang: Lang) -> None:
        super().__init__()
        self._dialogs, self._lang = dialogs, lang

    def allows(
        self,
        parent: QWidget,
        loads: Sequence[SessionLoad],
        people: Sequence[AttendeeRow],
        ids: Sequence[int],
        target: int | None,
    ) -> bool:
        """Whether to go ahead with moving `ids` into `target`: True when no rule breaks or
        the trainer confirms; a move past capacity is refused with its reason."""
        seats, members = plan_of(loads, people)
        check = check_move(seats, members, ids, target)
        title = self.tr("Move attendees")
        if check.blocked is not None:
            self._dialogs.warn(
                parent,
                title,
                self.tr("This move cannot be made:")
                + "\n\n"
                + check.blocked.message.text(self._lang),
            )
            return False
        if not check.new_breaks:
            return True
        lines = "\n".join("• " + b.message.text(self._lang) for b in check.new_breaks)
        return self._dialogs.confirm(
            parent,
            title,
            self.tr("This move breaks these rules:")
            + "\n\n"
            + lines
            + "\n\n"
            + self.tr("Move anyway?"),
        )
