"""What a valid survey and a valid set of answers look like (pure rules, no SQL, no Qt).

Every way of answering (phone, kiosk, paper entry) hands its answers to
`validate_answers`; nothing is ever cut short or coerced silently: a text over
its limit, a rating of 6 or a key the survey does not have is an error for
that key, and the whole submission is refused.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from enum import Enum
from typing import Any

from facilitator.errors import FieldError, Msg

RATING_MIN = 1
RATING_MAX = 5
MAX_TEXT_LIMIT = 5000
DEFAULT_TEXT_LIMIT = 1000
KEY_RE = re.compile(r"^[a-z][a-z0-9_]{0,39}$")


class QuestionKind(Enum):
    RATING = "rating"
    SINGLE_CHOICE = "single_choice"
    MULTIPLE_CHOICE = "multiple_choice"
    TEXT = "text"

    @property
    def has_choices(self) -> bool:
        return self in (QuestionKind.SINGLE_CHOICE, QuestionKind.MULTIPLE_CHOICE)


@dataclass(frozen=True)
class ChoiceDef:
    value: str
    label_ja: str
    label_en: str

    def label(self, lang: str) -> str:
        return self.label_ja if lang == "ja" else self.label_en


@dataclass(frozen=True)
class QuestionDef:
    """One question as the rules see it (the service builds these from the rows)."""

    key: str
    kind: QuestionKind
    label_ja: str
    label_en: str
    required: bool = True
    choices: tuple[ChoiceDef, ...] = ()
    min_label_ja: str = ""
    min_label_en: str = ""
    max_label_ja: str = ""
    max_label_en: str = ""
    max_length: int | None = None
    id: int | None = None

    def label(self, lang: str) -> str:
        return self.label_ja if lang == "ja" else self.label_en

    def choice_label(self, value: str, lang: str) -> str:
        for choice in self.choices:
            if choice.value == value:
                return choice.label(lang)
        return value


class AnswerProblem(Enum):
    UNKNOWN_KEY = "unknown_key"
    MISSING = "missing"
    WRONG_TYPE = "wrong_type"
    OUT_OF_RANGE = "out_of_range"
    UNKNOWN_CHOICE = "unknown_choice"
    DUPLICATE_CHOICE = "duplicate_choice"
    TOO_LONG = "too_long"
    BAD_CHARACTERS = "bad_characters"


@dataclass(frozen=True)
class AnswerError:
    key: str
    problem: AnswerProblem
    message: Msg


@dataclass(frozen=True)
class AnswerCheck:
    """Cleaned answers (key -> value; unanswered optional questions left out) or errors."""

    answers: dict[str, Any] = field(default_factory=dict)
    errors: tuple[AnswerError, ...] = ()

    @property
    def ok(self) -> bool:
        return not self.errors


# Control characters other than tab/newline have no place in a comment and
# break CSV/XLSX readers downstream.
_BAD_CHARS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def _is_empty(value: Any) -> bool:
    return value is None or value == "" or value == []


def _err(key: str, problem: AnswerProblem, en: str, ja: str) -> AnswerError:
    return AnswerError(key, problem, Msg(en=en, ja=ja))


def _check_rating(q: QuestionDef, value: Any) -> Any:
    # bool is an int in Python; true/false is never a rating.
    if isinstance(value, bool) or not isinstance(value, int):
        return _err(
            q.key,
            AnswerProblem.WRONG_TYPE,
            f"{q.label_en}: choose a number from {RATING_MIN} to {RATING_MAX}.",
            f"{q.label_ja}：{RATING_MIN}〜{RATING_MAX} の数字を選んでください。",
        )
    if not RATING_MIN <= value <= RATING_MAX:
        return _err(
            q.key,
            AnswerProblem.OUT_OF_RANGE,
            f"{q.label_en}: {value} is outside {RATING_MIN}–{RATING_MAX}.",
            f"{q.label_ja}：{value} は {RATING_MIN}〜{RATING_MAX} の範囲外です。",
        )
    return value


def _check_single(q: QuestionDef, value: Any) -> Any:
    if not isinstance(value, str):
        return _err(
            q.key,
            AnswerProblem.WRONG_TYPE,
            f"{q.label_en}: choose one option.",
            f"{q.label_ja}：選択肢を1つ選んでください。",
        )
    if not any(c.value == value for c in q.choices):
        return _err(
            q.key,
            AnswerProblem.UNKNOWN_CHOICE,
            f"{q.label_en}: {value!r} is not one of the options.",
            f"{q.label_ja}：{value!r} は選択肢にありません。",
        )
    return value


def _check_multiple(q: QuestionDef, value: Any) -> Any:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        return _err(
            q.key,
            AnswerProblem.WRONG_TYPE,
            f"{q.label_en}: give a list of options.",
            f"{q.label_ja}：選択肢のリストで答えてください。",
        )
    allowed = [c.value for c in q.choices]
    unknown = [v for v in value if v not in allowed]
    if unknown:
        return _err(
            q.key,
            AnswerProblem.UNKNOWN_CHOICE,
            f"{q.label_en}: {', '.join(map(repr, unknown))} not among the options.",
            f"{q.label_ja}：{'、'.join(map(repr, unknown))} は選択肢にありません。",
        )
    if len(set(value)) != len(value):
        return _err(
            q.key,
            AnswerProblem.DUPLICATE_CHOICE,
            f"{q.label_en}: an option is given twice.",
            f"{q.label_ja}：同じ選択肢が重複しています。",
        )
    # Stored in the survey's order so results and exports read the same way.
    return [v for v in allowed if v in value]


def _check_text(q: QuestionDef, value: Any) -> Any:
    if not isinstance(value, str):
        return _err(
            q.key,
            AnswerProblem.WRONG_TYPE,
            f"{q.label_en}: write text.",
            f"{q.label_ja}：文字で入力してください。",
        )
    text = value.replace("\r\n", "\n").replace("\r", "\n").strip()
    if _BAD_CHARS.search(text):
        return _err(
            q.key,
            AnswerProblem.BAD_CHARACTERS,
            f"{q.label_en}: contains control characters.",
            f"{q.label_ja}：使用できない制御文字が含まれています。",
        )
    limit = q.max_length or DEFAULT_TEXT_LIMIT
    if len(text) > limit:
        return _err(
            q.key,
            AnswerProblem.TOO_LONG,
            f"{q.label_en}: {len(text)} characters; at most {limit} allowed.",
            f"{q.label_ja}：{len(text)} 文字です。{limit} 文字以内にしてください。",
        )
    return text


_CHECKS = {
    QuestionKind.RATING: _check_rating,
    QuestionKind.SINGLE_CHOICE: _check_single,
    QuestionKind.MULTIPLE_CHOICE: _check_multiple,
    QuestionKind.TEXT: _check_text,
}


class SurveyCheck:
    """`validate_answers` for one survey, with the per-question work done once.

    The feedback writer checks a whole burst of submissions against the same
    questions; building the key index and picking each question's check per
    submission was most of the cost.
    """

    def __init__(self, questions: Sequence[QuestionDef]) -> None:
        self._keys = frozenset(q.key for q in questions)
        self._steps = tuple((q, _CHECKS[q.kind], q.kind is QuestionKind.TEXT) for q in questions)

    def __call__(self, answers: Mapping[str, Any]) -> AnswerCheck:
        """Check `answers` (key -> raw JSON value); every problem is reported."""
        errors: list[AnswerError] = [
            _err(
                key,
                AnswerProblem.UNKNOWN_KEY,
                f"The survey has no question {key!r}.",
                f"アンケートに質問 {key!r} はありません。",
            )
            for key in answers
            if key not in self._keys
        ]
        clean: dict[str, Any] = {}
        for q, check, is_text in self._steps:
            raw = answers.get(q.key)
            if is_text and isinstance(raw, str) and not raw.strip():
                raw = None
            if _is_empty(raw):
                if q.required:
                    errors.append(
                        _err(
                            q.key,
                            AnswerProblem.MISSING,
                            f"{q.label_en}: this question needs an answer.",
                            f"{q.label_ja}：この質問は回答必須です。",
                        )
                    )
                continue
            result = check(q, raw)
            if isinstance(result, AnswerError):
                errors.append(result)
            else:
                clean[q.key] = result
        return AnswerCheck(answers=clean if not errors else {}, errors=tuple(errors))


def validate_answers(questions: Sequence[QuestionDef], answers: Mapping[str, Any]) -> AnswerCheck:
    """Check `answers` (key -> raw JSON value) against `questions`; every problem is reported."""
    return SurveyCheck(questions)(answers)


def validate_questions(questions: Sequence[QuestionDef]) -> list[FieldError]:
    """Problems with a survey definition (the editor's Save), one per field."""
    errors: list[FieldError] = []
    seen: set[str] = set()
    if not questions:
        errors.append(
            FieldError(
                "questions",
                Msg(
                    en="A survey needs at least one question.", ja="質問を1つ以上作成してください。"
                ),
            )
        )
    for i, q in enumerate(questions):
        where = f"questions[{i}]"
        n = i + 1
        if not KEY_RE.match(q.key):
            errors.append(
                FieldError(
                    f"{where}.key",
                    Msg(
                        en=f"Question {n}: the key {q.key!r} must start with a-z and use only a-z, 0-9 and _ (up to 40).",
                        ja=f"質問{n}：キー {q.key!r} は英小文字で始め、英小文字・数字・_ のみ（40文字以内）にしてください。",
                    ),
                )
            )
        elif q.key in seen:
            errors.append(
                FieldError(
                    f"{where}.key",
                    Msg(
                        en=f"Question {n}: the key {q.key!r} is used twice.",
                        ja=f"質問{n}：キー {q.key!r} が重複しています。",
                    ),
                )
            )
        seen.add(q.key)
        if not q.label_ja.strip() or not q.label_en.strip():
            errors.append(
                FieldError(
                    f"{where}.label",
                    Msg(
                        en=f"Question {n}: write the question in Japanese and English.",
                        ja=f"質問{n}：質問文を日本語と英語の両方で入力してください。",
                    ),
                )
            )
        if q.kind.has_choices:
            values = [c.value for c in q.choices]
            if len(values) < 2 or len(set(values)) != len(values) or not all(values):
                errors.append(
                    FieldError(
                        f"{where}.choices",
                        Msg(
                            en=f"Question {n}: give at least two options with distinct values.",
                            ja=f"質問{n}：値が重複しない選択肢を2つ以上作成してください。",
                        ),
                    )
                )
        if q.kind == QuestionKind.TEXT and not (
            q.max_length is not None and 1 <= q.max_length <= MAX_TEXT_LIMIT
        ):
            errors.append(
                FieldError(
                    f"{where}.max_length",
                    Msg(
                        en=f"Question {n}: the length limit must be 1–{MAX_TEXT_LIMIT} characters.",
                        ja=f"質問{n}：文字数の上限は 1〜{MAX_TEXT_LIMIT} にしてください。",
                    ),
                )
            )
    return errors


# What became of one submission, whichever channel it came through (phone, kiosk,
# paper): decided by the feedback service against these rules.
class FeedbackOutcome(Enum):
    RECORDED = "recorded"
    REPLACED = "replaced"
    ALREADY_SUBMITTED = "already_submitted"
    NOT_CHECKED_IN = "not_checked_in"
    SURVEY_CLOSED = "survey_closed"
    INVALID_TOKEN = "invalid_token"
    EXPIRED_TOKEN = "expired_token"
    INVALID_ANSWERS = "invalid_answers"
    # The phone answers only as the attendee it checked in (or claimed after a desk
    # check-in); this one is bound to somebody else, or the attendee to another phone.
    DEVICE_USED = "device_used"

    @property
    def stored(self) -> bool:
        return self in (FeedbackOutcome.RECORDED, FeedbackOutcome.REPLACED)
