"""What the Records area and the records commands do with an open workspace: the matrix,
a person's history, pushing an event, copying it for another laptop and adding such a
copy. Each method is one unit of work."""

from __future__ import annotations

from pathlib import Path

from facilitator.db.records.store import RecordsTarget, open_records, resolve_target
from facilitator.db.workspace import Workspace
from facilitator.domain.clock import Clock
from facilitator.services.event_transfer import EventTransfer, ImportedEvent
from facilitator.services.records.push import PushResult
from facilitator.services.records.reports import HistoryRow, Matrix, RecordsReports
from facilitator.services.records.service import push_event
from facilitator.services.records.snapshot import staff_key


class RecordsArea:
    def __init__(self, workspace: Workspace, clock: Clock) -> None:
        self._workspace = workspace
        self._clock = clock

    @staticmethod
    def target(records: str) -> RecordsTarget:
        """The records the user typed ("" means FACILITATOR_RECORDS or records.sqlite)."""
        return resolve_target(records.strip() or None)

    def matrix(self, records: str) -> Matrix:
        with open_records(self.target(records), migrate=False) as store:
            return RecordsReports(store).matrix()

    def history(self, records: str, staff_no: str) -> list[HistoryRow]:
        with open_records(self.target(records), migrate=False) as store:
            return RecordsReports(store).history(staff_key=staff_key(staff_no))

    def push(self, event_id: int, records: str) -> PushResult:
        return push_event(self._workspace, event_id, self.target(records))

    def export_event(self, event_id: int, out: Path) -> int:
        """Copy the event for another laptop (`event export`)."""
        return EventTransfer(self._workspace, self._clock).export(event_id, out)

    def import_event(self, source: Path) -> ImportedEvent:
        """Add an event copied from another laptop (`event import`)."""
        return EventTransfer(self._workspace, self._clock).import_file(source)
