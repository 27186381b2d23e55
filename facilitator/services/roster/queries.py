"""Small queries the roster services share."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from facilitator.db.models import Event, TrainingSession
from facilitator.errors import Msg, UnknownEvent


def load_event(session: Session, event_id: int) -> Event:
    row = session.get(Event, event_id)
    if row is None:
        raise UnknownEvent(
            Msg(
                en=f"There is no event with id {event_id} in this workspace.",
                ja=f"このワークスペースに ID {event_id} の研修はありません。",
            )
        )
    return row


def session_ids_by_label(session: Session, event_id: int) -> dict[str, int]:
    return dict(
        session.execute(
            select(TrainingSession.label, TrainingSession.id).where(
                TrainingSession.event_id == event_id
            )
        ).all()
    )
