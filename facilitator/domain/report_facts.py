"""What the reports after the day are made of, as plain data (services build it, `pdf/`
and the XLSX writers draw it). It lives below both, so `pdf/` never imports a service."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time
from typing import Any

from facilitator.domain.agenda_report import AgendaReport
from facilitator.domain.feedback_summary import FeedbackResults, SurveyInfo
from facilitator.domain.survey_rules import QuestionDef, QuestionKind
from facilitator.lang import Lang

# "Too easy" and "too hard" sides of the difficulty question (the default survey's values).
EASY_VALUES = ("too_easy", "easy")
HARD_VALUES = ("hard", "too_hard")
DIFFICULTY_KEY = "difficulty"
# The text question whose answer is "what I will try": it goes first on a draft.
ACTION_KEY = "action"
# The difficulty row of the roles that have fewer than MIN_GROUP answers, pooled.
OTHER_GROUP = "*"


def t(lang: Lang, ja: str, en: str) -> str:
    return ja if lang == "ja" else en


@dataclass(frozen=True)
class SessionFacts:
    id: int
    label: str
    day: date
    start: time
    end: time
    room: str

    def times_text(self) -> str:
        return f"{self.start:%H:%M}–{self.end:%H:%M}"


@dataclass(frozen=True)
class EventFacts:
    id: int
    title: str
    day: date
    date_wareki: str
    venue: str
    issuer: str
    trainer: str  # the signatory, who runs the training for the issuer
    hours: float
    sessions: tuple[SessionFacts, ...]


@dataclass(frozen=True)
class AttendanceRow:
    """One session × department line (department "" is the session's total).

    assigned: on the session's list now (a person admitted here from another session
    counts here); attended: checked in (not undone); absent: assigned, not checked in;
    walk_in: added at the desk on the day; rebooked: checked in here although assigned
    to another session, as the desk recorded when it admitted them."""

    session: str
    department: str
    assigned: int
    attended: int
    absent: int
    walk_in: int
    rebooked: int

    @property
    def rate(self) -> float | None:
        return self.attended / self.assigned if self.assigned else None


@dataclass(frozen=True)
class CertificateCounts:
    issued: int
    revoked: int
    eligible_unnumbered: int


@dataclass(frozen=True)
class DifficultyRow:
    """Who found a session too easy or too hard; `group` is a session label or a role."""

    session: str
    group: str
    answers: int
    easy: int
    just_right: int
    hard: int

    @property
    def easy_share(self) -> float | None:
        return self.easy / self.answers if self.answers else None

    @property
    def hard_share(self) -> float | None:
        return self.hard / self.answers if self.answers else None


@dataclass(frozen=True)
class Comment:
    """A text answer that may go into the event report; `id` is its answer's row id."""

    id: int
    question_key: str
    label_ja: str
    label_en: str
    session: str
    department: str | None  # None: anonymous and its department too small to show
    text: str
    names_person: bool  # could name a person (see domain/comment_privacy.py)
    reasons: tuple[str, ...] = ()  # what was found, e.g. "山田さん"

    def label(self, lang: Lang) -> str:
        return self.label_ja if lang == "ja" else self.label_en


@dataclass(frozen=True)
class EventReportFacts:
    event: EventFacts
    agenda: AgendaReport
    attendance: tuple[AttendanceRow, ...]
    certificates: CertificateCounts
    feedback: FeedbackResults | None  # None: the event has no survey
    difficulty: tuple[DifficultyRow, ...]
    roles_shown: bool  # difficulty per role (a named survey with roles on the roster)
    comments: tuple[Comment, ...]  # only the ones chosen for the report
    generated_at: datetime


@dataclass(frozen=True)
class DeliveredItem:
    title: str
    planned_minutes: int
    actual_minutes: float | None  # None: no recorded timing (the draft says "planned")


@dataclass(frozen=True)
class AttendeeDraft:
    """One 受講報告書 draft: a checked-in attendee and what they attended."""

    attendee_id: int
    staff_no: str
    name: str
    kana: str
    department: str
    department_kana: str
    title: str
    role: str
    session: SessionFacts
    checked_in_at: datetime
    agenda: tuple[DeliveredItem, ...]
    answers: dict[str, Any]  # question key -> stored value; empty for an anonymous survey


@dataclass(frozen=True)
class DraftBatch:
    event: EventFacts
    survey: SurveyInfo | None
    drafts: tuple[AttendeeDraft, ...]  # department then kana

    @property
    def anonymous(self) -> bool:
        """No answers appear on any draft (an anonymous survey keeps no link to a person)."""
        return self.survey is not None and self.survey.anonymous


def answer_text(question: QuestionDef, value: Any, lang: Lang) -> str:
    """A stored answer as a person reads it (choices by their label)."""
    if value is None:
        return ""
    if question.kind is QuestionKind.MULTIPLE_CHOICE and isinstance(value, list):
        return "、".join(question.choice_label(str(v), lang) for v in value)
    if question.kind is QuestionKind.SINGLE_CHOICE:
        return question.choice_label(str(value), lang)
    return str(value)


def text_answers(survey: SurveyInfo, answers: dict[str, Any]) -> list[tuple[QuestionDef, str]]:
    """The text questions answered, "what I will try" first, then in the survey's order."""
    texts = [q for q in survey.questions if q.kind is QuestionKind.TEXT]
    texts.sort(key=lambda q: q.key != ACTION_KEY)
    return [(q, str(answers[q.key]).strip()) for q in texts if str(answers.get(q.key, "")).strip()]


@dataclass(frozen=True)
class DigestPerson:
    name: str
    kana: str
    title: str
    assigned: str  # session label, "" when unassigned
    attended_at: datetime | None
    attended_session: str
    rebooked_from: str  # "" unless admitted to another session than assigned
    walk_in: bool
    pledge: str  # their "what I will try" (named surveys only)


@dataclass(frozen=True)
class AverageRow:
    label: str
    department: float
    event: float


@dataclass(frozen=True)
class DepartmentDigest:
    department: str
    kana: str
    position: int
    people: tuple[DigestPerson, ...]
    answered: int  # responses from this department
    averages: tuple[AverageRow, ...]  # empty unless answered >= MIN_GROUP


@dataclass(frozen=True)
class DigestBatch:
    event: EventFacts
    anonymous: bool  # pledges are not shown: the answers are not linked to anyone
    has_survey: bool
    digests: tuple[DepartmentDigest, ...]
