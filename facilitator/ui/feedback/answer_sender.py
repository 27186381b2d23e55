"""Sending the answers a kiosk or paper-entry form holds, off the UI thread.

Both go through the same `FeedbackService.submit` as phones; this is the part of
the round trip they share: the button is disabled while the answers are on
their way, and a refusal the service explains (`FacilitatorError`) comes back as
a message in the form's language. Anything else is a bug and goes to the runner.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from PySide6.QtWidgets import QPushButton

from facilitator.errors import FacilitatorError
from facilitator.lang import Lang
from facilitator.services.feedback.capture import (
    FeedbackMethod,
    FeedbackService,
    Respondent,
    SubmitResult,
)
from facilitator.ui.runner import Runner


class AnswerSender:
    """Submits one form's answers by `method` (kiosk or paper)."""

    def __init__(
        self, feedback: FeedbackService, runner: Runner, method: FeedbackMethod, lang: Lang
    ) -> None:
        self._feedback, self._runner, self._method, self._lang = feedback, runner, method, lang

    def send(
        self,
        button: QPushButton,
        session_id: int,
        who: Respondent,
        answers: Mapping[str, Any],
        done: Callable[[SubmitResult], None],
        refused: Callable[[str], None],
    ) -> None:
        """`done` gets the service's result; `refused` the message of an error it raised."""
        button.setEnabled(False)
        method, answers = self._method, dict(answers)

        def work() -> SubmitResult:
            return self._feedback.submit(session_id, who, answers, method)

        def finished(result: SubmitResult) -> None:
            button.setEnabled(True)
            done(result)

        def failed(exc: BaseException) -> None:
            button.setEnabled(True)
            if not isinstance(exc, FacilitatorError):
                raise exc  # a bug: the runner reports it and points to the log
            refused(exc.message.text(self._lang))

        self._runner.run(work, finished, failed)
