"""Which admission slips are out, and which of them name a session the attendee left.

A slip goes stale when its attendee moves: the roster and `schedule assign`
name exactly those people, so only their slips are reprinted.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from facilitator.db.models import Attendee, SlipPrint


def printed_sessions(session: Session, attendee_ids: Iterable[int]) -> dict[int, int | None]:
    """Attendee id -> the session on their last printed slip (None: that session was deleted)."""
    ids = list(attendee_ids)
    if not ids:
        return {}
    rows = session.execute(
        select(SlipPrint.attendee_id, SlipPrint.session_id).where(SlipPrint.attendee_id.in_(ids))
    )
    return {a: s for a, s in rows}


def record_printed(session: Session, printed: dict[int, int], at: datetime) -> None:
    """Remember the session each attendee's new slip names (attendee id -> session id)."""
    if not printed:
        return
    session.execute(delete(SlipPrint).where(SlipPrint.attendee_id.in_(list(printed))))
    session.add_all(
        SlipPrint(attendee_id=a, session_id=s, printed_at=at) for a, s in printed.items()
    )


def stale_slip_ids(session: Session, event_id: int) -> list[int]:
    """Attendees whose printed slip names another session than the one they now attend."""
    rows = session.execute(
        select(Attendee.id, Attendee.assigned_session_id, SlipPrint.session_id)
        .join(SlipPrint, SlipPrint.attendee_id == Attendee.id)
        .where(Attendee.event_id == event_id)
        .order_by(Attendee.staff_no)
    )
    return [a for a, now, printed in rows if printed != now]
