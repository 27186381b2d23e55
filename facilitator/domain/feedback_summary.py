"""Feedback results as plain data: what the results view, the PDF summary and exports read."""

from __future__ import annotations

from dataclasses import dataclass

from facilitator.domain.survey_rules import RATING_MAX, RATING_MIN, QuestionDef

# An anonymous survey never shows or keeps a department that fewer people than
# this could be behind: results pool smaller groups, and a response stores its
# department only when at least this many of its session's checked-in
# attendees share it (see services/feedback/submission.anonymous_department).
MIN_GROUP = 3


@dataclass(frozen=True)
class SurveyInfo:
    id: int
    event_id: int
    title: str
    template_key: str
    anonymous: bool
    allow_resubmit: bool
    questions: tuple[QuestionDef, ...]

    def question(self, key: str) -> QuestionDef | None:
        for q in self.questions:
            if q.key == key:
                return q
        return None


@dataclass(frozen=True)
class SessionRef:
    id: int
    label: str


@dataclass(frozen=True)
class QuestionResult:
    question: QuestionDef
    # session id -> value -> count; values are "1".."5" for ratings, choice values otherwise.
    counts: dict[int, dict[str, int]]
    means: dict[int, float | None]  # ratings only; session id -> mean
    # department (None = pooled small groups / unknown) -> value -> count
    by_department: dict[str | None, dict[str, int]]

    def department_mean(self, department: str | None) -> float | None:
        counts = self.by_department.get(department, {})
        total = sum(counts.values())
        return sum(int(v) * n for v, n in counts.items()) / total if total else None


@dataclass(frozen=True)
class TextAnswer:
    key: str
    session_label: str
    department: str | None
    text: str


@dataclass(frozen=True)
class FeedbackResults:
    event_id: int
    event_title: str
    survey: SurveyInfo
    sessions: tuple[SessionRef, ...]
    responses: dict[int, int]  # session id -> responses
    departments: tuple[str | None, ...]  # in roster order, pooled group last
    questions: tuple[QuestionResult, ...]
    texts: tuple[TextAnswer, ...]


def rating_values() -> list[str]:
    return [str(v) for v in range(RATING_MIN, RATING_MAX + 1)]
