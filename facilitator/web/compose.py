"""Putting the LAN app together from a workspace's services (GUI and `serve` alike)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from facilitator.db.workspace import Workspace
from facilitator.domain.clock import Clock
from facilitator.services.checkin.service import CheckInResult, CheckInService
from facilitator.web.app import WebDeps


def other_web_services(workspace: Workspace, clock: Clock) -> dict[str, Any]:
    """Services of other areas that serve phone pages (feedback)."""
    from facilitator.services.feedback.capture import FeedbackService

    return {"feedback": FeedbackService(workspace, clock)}


def lan_deps(
    checkin: CheckInService,
    clock: Clock,
    services: dict[str, Any],
    on_checkin: Callable[[CheckInResult], None] | None = None,
    event_id: int | None = None,
) -> WebDeps:
    deps = WebDeps(checkin=checkin, clock=clock, services=services, event_id=event_id)
    if on_checkin is not None:
        deps.on_checkin = on_checkin
    return deps


def close_services(services: dict[str, Any]) -> None:
    for service in services.values():
        close = getattr(service, "close", None)
        if callable(close):
            close()
