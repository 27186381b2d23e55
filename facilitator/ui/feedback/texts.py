"""The words the laptop shows for each submission outcome (kiosk, paper entry)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject

from facilitator.domain.survey_rules import FeedbackOutcome


def outcome_text(outcome: FeedbackOutcome, _context: QObject | None = None) -> str:
    # Literal strings in one context so lupdate finds every one of them.
    texts = {
        FeedbackOutcome.RECORDED: QCoreApplication.translate(
            "FeedbackOutcome", "Thank you! The answers were recorded."
        ),
        FeedbackOutcome.REPLACED: QCoreApplication.translate(
            "FeedbackOutcome", "Thank you! The earlier answers were replaced."
        ),
        FeedbackOutcome.ALREADY_SUBMITTED: QCoreApplication.translate(
            "FeedbackOutcome", "This attendee has already answered."
        ),
        FeedbackOutcome.NOT_CHECKED_IN: QCoreApplication.translate(
            "FeedbackOutcome",
            "No check-in for this staff number in this session. Check the number.",
        ),
        FeedbackOutcome.SURVEY_CLOSED: QCoreApplication.translate(
            "FeedbackOutcome", "The survey of this session is closed."
        ),
        FeedbackOutcome.INVALID_TOKEN: QCoreApplication.translate(
            "FeedbackOutcome", "The link is not valid."
        ),
        FeedbackOutcome.EXPIRED_TOKEN: QCoreApplication.translate(
            "FeedbackOutcome", "The link has expired."
        ),
        FeedbackOutcome.INVALID_ANSWERS: QCoreApplication.translate(
            "FeedbackOutcome", "Please check the marked questions."
        ),
        FeedbackOutcome.DEVICE_USED: QCoreApplication.translate(
            "FeedbackOutcome", "This phone answers only for the person it checked in."
        ),
    }
    return texts[outcome]
