"""The records actions of the app: push an event, open the reports, verify a code."""

from __future__ import annotations

from sqlalchemy.exc import DBAPIError

from facilitator.db.records.store import RecordsTarget, open_records, unreachable
from facilitator.db.workspace import Workspace
from facilitator.services.event_rows import load_event
from facilitator.services.records.push import PushResult, push_snapshot
from facilitator.services.records.snapshot import read_snapshot


def push_event(workspace: Workspace, event_id: int, target: RecordsTarget) -> PushResult:
    """Merge `event_id` of `workspace` into the records at `target`.

    The workspace is read in one read-only unit of work (it may be open for
    writing elsewhere). An SQLite records file is created or upgraded when needed;
    a PostgreSQL database must have been set up with `records init`."""
    with workspace.session(readonly=True) as session:
        load_event(session, event_id)  # an unknown id is refused in the user's language
        snapshot = read_snapshot(session, event_id)
    with open_records(target, migrate=target.is_sqlite) as store:
        try:
            return push_snapshot(store, snapshot)
        except DBAPIError as exc:
            # The transaction was rolled back: say so, with the server's reason.
            raise unreachable(target, exc) from exc
