"""Recording who changed what, inside the caller's unit of work."""

from __future__ import annotations

import getpass
from datetime import datetime
from typing import Any

from sqlalchemy.orm import Session

from facilitator.db.models import AuditLog


def current_actor() -> str:
    try:
        return getpass.getuser()
    except (OSError, KeyError):
        return ""


def record(
    session: Session,
    *,
    at: datetime,
    action: str,
    event_id: int | None = None,
    entity: str = "",
    entity_id: int | None = None,
    detail: dict[str, Any] | None = None,
    actor: str | None = None,
) -> None:
    session.add(
        AuditLog(
            at=at,
            event_id=event_id,
            actor=current_actor() if actor is None else actor,
            action=action,
            entity=entity,
            entity_id=entity_id,
            detail=detail or {},
        )
    )
