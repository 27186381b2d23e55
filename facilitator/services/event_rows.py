"""Finding an event inside the caller's unit of work, or refusing in the user's language.

Every area refuses an unknown event id the same way, with the same words.
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from facilitator.db.models import Event
from facilitator.errors import Msg, UnknownEvent


def unknown_event(event_id: int) -> UnknownEvent:
    return UnknownEvent(
        Msg(
            en=f"There is no event with id {event_id} in this workspace.",
            ja=f"このワークスペースに ID {event_id} の研修はありません。",
        )
    )


def load_event(session: Session, event_id: int) -> Event:
    """The event row, or `UnknownEvent` (an input the user can correct)."""
    event = session.get(Event, event_id)
    if event is None:
        raise unknown_event(event_id)
    return event
