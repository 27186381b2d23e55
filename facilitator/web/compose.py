"""Putting the LAN app together from a workspace's services (GUI and `serve` alike)."""

from __future__ import annotations

from collections.abc import Callable

from facilitator.domain.clock import Clock
from facilitator.services.checkin.service import CheckInService
from facilitator.services.checkin.types import CheckInResult
from facilitator.services.feedback.capture import FeedbackService
from facilitator.web.deps import WebDeps


def lan_deps(
    checkin: CheckInService,
    clock: Clock,
    feedback: FeedbackService | None,
    on_checkin: Callable[[CheckInResult], None] | None = None,
    event_id: int | None = None,
) -> WebDeps:
    deps = WebDeps(checkin=checkin, clock=clock, feedback=feedback, event_id=event_id)
    if on_checkin is not None:
        deps.on_checkin = on_checkin
    return deps
