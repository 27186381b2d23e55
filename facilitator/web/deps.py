"""What every route of the LAN app is given: the services, the clock, the templates.

Below `web/app.py` (which assembles the routes) and the capability routes
(`web/checkin/`, `web/feedback/`), so that none of them imports another.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import BaseRoute
from starlette.templating import Jinja2Templates

from facilitator.domain.clock import Clock
from facilitator.domain.devices import LookupQuota
from facilitator.services.checkin.service import CheckInService
from facilitator.services.checkin.types import CheckInResult
from facilitator.services.feedback.capture import FeedbackService
from facilitator.web.i18n import Catalogue, negotiate, phrases_filter, translator
from facilitator.web.security import FailureLimiter, Limit

WEB_DIR = Path(__file__).resolve().parent
TEMPLATES_DIR = WEB_DIR / "templates"
STATIC_DIR = WEB_DIR / "static"


# `device_used` answers one phone may get per minute before it is told to wait.
REFUSALS_PER_PHONE = 5


@dataclass
class WebDeps:
    """Everything the routes need, passed in (the app holds no globals)."""

    checkin: CheckInService
    clock: Clock
    # Called on the server's thread after every check-in; the GUI passes a
    # function that emits a Qt signal, which Qt queues to the GUI thread.
    on_checkin: Callable[[CheckInResult], None] = lambda _result: None
    limiter: FailureLimiter | None = None
    # `device_used` answers per phone (genuine cookie and address) and per address:
    # a phone that keeps trying somebody else is sent away (429) before its attempts
    # reach the desk. The address limit is loose: a NAT-ed venue shares one.
    refusal_limiter: FailureLimiter | None = None
    # Distinct people each phone looked up on the confirm step (used on the loop only).
    lookups: LookupQuota = field(default_factory=LookupQuota)
    # The feedback area's pages are served when its service is given (the GUI and
    # `serve` give it; check-in tests run without it).
    feedback: FeedbackService | None = None
    # Called on the server's thread with the session id after every stored
    # submission (a live count can refresh).
    on_feedback: Callable[[int], None] = lambda _session_id: None
    # More routes from other areas, added after check-in's.
    extra_routes: Sequence[BaseRoute] = ()
    templates: Jinja2Templates = field(default_factory=lambda: phone_templates())
    # `facilitator serve --event ID` serves that event only; None (the GUI): every event.
    event_id: int | None = None
    _secrets: dict[int, str] = field(default_factory=dict, repr=False)
    _code_events: dict[str, int] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        if self.limiter is None:
            self.limiter = FailureLimiter(self.clock.monotonic)
        if self.refusal_limiter is None:
            self.refusal_limiter = FailureLimiter(
                self.clock.monotonic, Limit(REFUSALS_PER_PHONE, 60.0), Limit(600, 60.0)
            )

    @property
    def failures(self) -> FailureLimiter:
        assert self.limiter is not None
        return self.limiter

    @property
    def refusals(self) -> FailureLimiter:
        assert self.refusal_limiter is not None
        return self.refusal_limiter

    def serves(self, event_id: int) -> bool:
        return self.event_id is None or event_id == self.event_id

    def serves_code(self, session_code: str) -> bool:
        """Whether a session code belongs to the served event (session codes never change,
        so the answer is cached: the check-in hot path pays one dict lookup)."""
        if self.event_id is None:
            return True
        return self._code_event(session_code) == self.event_id

    def _code_event(self, session_code: str) -> int | None:
        """The event of a session code (None: no such code), cached once known."""
        event_id = self._code_events.get(session_code)
        if event_id is None:
            found = self.checkin.phone_session(session_code)
            if found is None:
                return None
            event_id = self._code_events.setdefault(session_code, found.event_id)
        return event_id

    def event_secret(self, session_code: str) -> tuple[int, str] | None:
        """(event id, signing secret) of the event a session code belongs to."""
        found = self.checkin.phone_session(session_code)
        return (found.event_id, found.secret) if found else None

    def code_secret(self, session_code: str) -> str | None:
        """The signing secret of a session code's event, from the caches when seen before."""
        event_id = self._code_event(session_code)
        return None if event_id is None else self.secret_for_event(event_id)

    def secret_for_event(self, event_id: int) -> str | None:
        """The event's signing secret (it never changes, so it is cached)."""
        secret = self._secrets.get(event_id)
        if secret is None:
            secret = self.checkin.event_secret(event_id)
            if secret is not None:
                self._secrets[event_id] = secret
        return secret


def phone_templates() -> Jinja2Templates:
    """The phone pages' templates, with the `| phrases` filter (Japanese phrase breaks)."""
    templates = Jinja2Templates(directory=str(TEMPLATES_DIR))
    templates.env.filters["phrases"] = phrases_filter
    return templates


def render_message(
    deps: WebDeps,
    request: Request,
    title_key: str,
    body_key: str,
    status: int,
    *catalogues: Catalogue,
    **values: Any,
) -> Response:
    """A plain page with one message, in the phone's language; keys from `catalogues`
    (an area's texts) or the common ones."""
    lang = negotiate(request.headers.get("accept-language"))
    return deps.templates.TemplateResponse(
        request,
        "message.html",
        {
            "t": translator(lang, *catalogues),
            "lang": lang,
            "title_key": title_key,
            "body_key": body_key,
            "values": values,
        },
        status_code=status,
    )
