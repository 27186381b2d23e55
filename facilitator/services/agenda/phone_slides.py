"""What the check-in and feedback slides need from the phone side: live URLs and counts.

The projector shows a QR of the current rotating URL, so the URL is rebuilt
from the event secret whenever the token window turns. The LAN server and the
counts belong to other areas; they come in as plain callables, and a missing
server gives None so the slide can say the server is not running instead of
showing a QR that leads nowhere.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

from facilitator.db.models import TrainingSession
from facilitator.db.workspace import Workspace
from facilitator.domain.clock import Clock
from facilitator.domain.phone_links import (
    CHECKIN_PURPOSE,
    FEEDBACK_PURPOSE,
    checkin_url,
    feedback_url,
)
from facilitator.domain.tokens import DEFAULT_WINDOW_SECONDS, RotatingTokens


class PhoneSlideSource(Protocol):
    def checkin_url(self, session_id: int) -> str | None:
        """The check-in URL phones open now, or None when the server is not running."""
        ...

    def feedback_url(self, session_id: int) -> str | None: ...

    def arrivals(self, session_id: int) -> tuple[int, int] | None:
        """(arrived, expected), or None when the check-in area is not available."""
        ...

    def responses(self, session_id: int) -> int | None: ...

    def seconds_to_rotation(self, session_id: int) -> float:
        """Seconds until the URL changes (the slide redraws the QR then)."""
        ...


@dataclass(frozen=True)
class _SessionKeys:
    secret: str
    code: str
    feedback_window: int


class PhoneSlides:
    def __init__(
        self,
        workspace: Workspace,
        clock: Clock,
        base_url: Callable[[], str | None],
        arrivals: Callable[[int], tuple[int, int]] | None = None,
        responses: Callable[[int], int] | None = None,
    ) -> None:
        self._workspace = workspace
        self._clock = clock
        self._base_url = base_url
        self._arrivals = arrivals
        self._responses = responses
        self._keys: dict[int, _SessionKeys] = {}

    def _session(self, session_id: int) -> _SessionKeys | None:
        # The secret and code of a session never change while it is presented; read them once.
        if session_id not in self._keys:
            with self._workspace.session() as session:
                row = session.get(TrainingSession, session_id)
                if row is None:
                    return None
                window = int(
                    (row.event.settings or {}).get("token_window_seconds", DEFAULT_WINDOW_SECONDS)
                )
                self._keys[session_id] = _SessionKeys(row.event.secret, row.code, window)
        return self._keys[session_id]

    def _tokens(self, session_id: int, purpose: str) -> RotatingTokens | None:
        keys = self._session(session_id)
        if keys is None:
            return None
        if purpose == FEEDBACK_PURPOSE:
            return RotatingTokens(keys.secret, purpose, keys.code, keys.feedback_window)
        return RotatingTokens(keys.secret, purpose, keys.code)

    def checkin_url(self, session_id: int) -> str | None:
        base = self._base_url()
        tokens = self._tokens(session_id, CHECKIN_PURPOSE)
        if base is None or tokens is None:
            return None
        return checkin_url(base, tokens.session_code, tokens.token_at(self._unix()))

    def feedback_url(self, session_id: int) -> str | None:
        base = self._base_url()
        tokens = self._tokens(session_id, FEEDBACK_PURPOSE)
        if base is None or tokens is None:
            return None
        return feedback_url(base, tokens.session_code, tokens.token_at(self._unix()))

    def arrivals(self, session_id: int) -> tuple[int, int] | None:
        return self._arrivals(session_id) if self._arrivals else None

    def responses(self, session_id: int) -> int | None:
        return self._responses(session_id) if self._responses else None

    def seconds_to_rotation(self, session_id: int) -> float:
        tokens = self._tokens(session_id, CHECKIN_PURPOSE)
        if tokens is None:
            return float(DEFAULT_WINDOW_SECONDS)
        return tokens.seconds_left(self._unix())

    def _unix(self) -> float:
        return self._clock.now().timestamp()
