"""Small queries the roster services share."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from facilitator.db.models import TrainingSession


def session_ids_by_label(session: Session, event_id: int) -> dict[str, int]:
    return dict(
        session.execute(
            select(TrainingSession.label, TrainingSession.id).where(
                TrainingSession.event_id == event_id
            )
        ).all()
    )
