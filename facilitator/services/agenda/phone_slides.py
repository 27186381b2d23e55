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
from enum import Enum
from typing import Protocol

from facilitator.db.models import TrainingSession
from facilitator.db.workspace import Workspace
from facilitator.domain.clock import Clock
from facilitator.domain.phone_links import (
    CHECKIN_PURPOSE,
    FEEDBACK_PURPOSE,
    short_checkin_url,
    short_feedback_url,
)
from facilitator.domain.tokens import DEFAULT_WINDOW_SECONDS, RotatingTokens

# The event setting (in `events.settings`): what reaching a feedback item does
# to a closed survey.
SURVEY_START_SETTING = "feedback_item_survey"


class SurveyStart(Enum):
    OPEN = "open"  # reaching the feedback item opens the survey
    ASK = "ask"  # the console offers a one-click start instead


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

    def survey_open(self, session_id: int) -> bool:
        """Whether phones can answer the session's survey now."""
        ...

    def open_survey(self, session_id: int) -> bool:
        """Open the session's survey; True when it is open afterwards."""
        ...

    def survey_start(self, session_id: int) -> SurveyStart: ...

    def set_survey_start(self, session_id: int, start: SurveyStart) -> SurveyStart: ...


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
        open_feedback: Callable[[int], bool] | None = None,
    ) -> None:
        self._workspace = workspace
        self._clock = clock
        self._base_url = base_url
        self._arrivals = arrivals
        self._responses = responses
        self._open_feedback = open_feedback
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
        return short_checkin_url(base, tokens.session_code, tokens.token_at(self._unix()))

    def feedback_url(self, session_id: int) -> str | None:
        base = self._base_url()
        tokens = self._tokens(session_id, FEEDBACK_PURPOSE)
        if base is None or tokens is None:
            return None
        return short_feedback_url(base, tokens.session_code, tokens.token_at(self._unix()))

    def arrivals(self, session_id: int) -> tuple[int, int] | None:
        return self._arrivals(session_id) if self._arrivals else None

    def responses(self, session_id: int) -> int | None:
        return self._responses(session_id) if self._responses else None

    def seconds_to_rotation(self, session_id: int) -> float:
        tokens = self._tokens(session_id, CHECKIN_PURPOSE)
        if tokens is None:
            return float(DEFAULT_WINDOW_SECONDS)
        return tokens.seconds_left(self._unix())

    def survey_open(self, session_id: int) -> bool:
        with self._workspace.session(readonly=True) as session:
            row = session.get(TrainingSession, session_id)
            return bool(row is not None and row.feedback_open)

    def open_survey(self, session_id: int) -> bool:
        """Through the feedback service's own open action (it gives an event without a
        survey the default one and records the audit entry)."""
        if self._open_feedback is None:
            return self.survey_open(session_id)
        return self._open_feedback(session_id)

    def survey_start(self, session_id: int) -> SurveyStart:
        with self._workspace.session(readonly=True) as session:
            row = session.get(TrainingSession, session_id)
            value = (row.event.settings or {}).get(SURVEY_START_SETTING) if row else None
        return SurveyStart.ASK if value == SurveyStart.ASK.value else SurveyStart.OPEN

    def set_survey_start(self, session_id: int, start: SurveyStart) -> SurveyStart:
        """The trainer's choice, kept for the session's event (all its sessions)."""
        with self._workspace.session() as session:
            row = session.get(TrainingSession, session_id)
            if row is not None:
                # A new dict, so the JSON column is written.
                settings = {**(row.event.settings or {}), SURVEY_START_SETTING: start.value}
                row.event.settings = settings
        return start

    def _unix(self) -> float:
        return self._clock.now().timestamp()
