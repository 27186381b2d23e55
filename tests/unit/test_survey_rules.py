"""Answer validation, survey definition rules and paper-entry parsing (pure domain)."""

from __future__ import annotations

import pytest

from facilitator.domain.paper_entry import paper_value
from facilitator.domain.survey_rules import (
    AnswerProblem,
    ChoiceDef,
    QuestionDef,
    QuestionKind,
    SurveyCheck,
    validate_answers,
    validate_questions,
)

RATE = QuestionDef("rate", QuestionKind.RATING, "評価", "Rating")
ONE = QuestionDef(
    "one",
    QuestionKind.SINGLE_CHOICE,
    "一つ",
    "One",
    choices=(ChoiceDef("a", "あ", "A"), ChoiceDef("b", "い", "B"), ChoiceDef("c", "う", "C")),
)
MANY = QuestionDef(
    "many", QuestionKind.MULTIPLE_CHOICE, "複数", "Many", required=False, choices=ONE.choices
)
TEXT = QuestionDef("text", QuestionKind.TEXT, "記述", "Text", max_length=5)
SURVEY = (RATE, ONE, MANY, TEXT)


def problems(answers: dict[str, object]) -> dict[str, AnswerProblem]:
    return {e.key: e.problem for e in validate_answers(SURVEY, answers).errors}


def test_clean_answers_are_normalised() -> None:
    check = validate_answers(
        SURVEY, {"rate": 5, "one": "b", "many": ["c", "a"], "text": "  ab\r\ncd "}
    )
    assert check.ok
    assert check.answers == {"rate": 5, "one": "b", "many": ["a", "c"], "text": "ab\ncd"}


@pytest.mark.parametrize(
    ("answers", "expected"),
    [
        ({"rate": True}, {"rate": AnswerProblem.WRONG_TYPE}),
        ({"rate": 4.0}, {"rate": AnswerProblem.WRONG_TYPE}),
        ({"rate": 0}, {"rate": AnswerProblem.OUT_OF_RANGE}),
        ({"one": ["a"]}, {"one": AnswerProblem.WRONG_TYPE}),
        ({"many": "a"}, {"many": AnswerProblem.WRONG_TYPE}),
        ({"many": ["a", "a"]}, {"many": AnswerProblem.DUPLICATE_CHOICE}),
        ({"many": ["z"]}, {"many": AnswerProblem.UNKNOWN_CHOICE}),
        ({"text": "123456"}, {"text": AnswerProblem.TOO_LONG}),
        ({"text": "   "}, {"text": AnswerProblem.MISSING}),
        ({"text": "a\x00b"}, {"text": AnswerProblem.BAD_CHARACTERS}),
        ({"text": 12}, {"text": AnswerProblem.WRONG_TYPE}),
    ],
)
def test_each_problem_is_reported_for_its_key(
    answers: dict[str, object], expected: dict[str, AnswerProblem]
) -> None:
    base: dict[str, object] = {"rate": 3, "one": "a", "text": "ok"}
    assert problems({**base, **answers}) == expected


def test_optional_may_be_left_out_or_empty() -> None:
    assert validate_answers(SURVEY, {"rate": 1, "one": "a", "text": "x", "many": []}).ok
    assert validate_answers(SURVEY, {"rate": 1, "one": "a", "text": "x", "many": None}).ok


def test_five_japanese_characters_fit_a_limit_of_five() -> None:
    assert validate_answers(SURVEY, {"rate": 1, "one": "a", "text": "研修よかった"[:5]}).ok


def test_survey_definition_rules() -> None:
    bad = (
        QuestionDef("Bad Key", QuestionKind.RATING, "x", "x"),
        QuestionDef(
            "dup", QuestionKind.SINGLE_CHOICE, "x", "", choices=(ChoiceDef("a", "a", "a"),)
        ),
        QuestionDef("dup", QuestionKind.TEXT, "x", "x", max_length=None),
    )
    fields = [e.field for e in validate_questions(bad)]
    assert fields == [
        "questions[0].key",
        "questions[1].label",
        "questions[1].choices",
        "questions[2].key",
        "questions[2].max_length",
    ]
    assert validate_questions(SURVEY) == []
    assert [e.field for e in validate_questions(())] == ["questions"]


def test_paper_values() -> None:
    assert paper_value(RATE, "４") == 4
    assert paper_value(RATE, "9") == 9  # refused later as out of range, with that message
    assert paper_value(ONE, "2") == "b"
    assert paper_value(MANY, "13") == ["a", "c"]
    assert paper_value(MANY, "1 3") == ["a", "c"]
    assert paper_value(ONE, "7") == "7"
    assert paper_value(TEXT, "  ") is None
    assert problems({"rate": paper_value(RATE, "x"), "one": "a", "text": "t"}) == {
        "rate": AnswerProblem.WRONG_TYPE
    }


def test_one_survey_check_serves_a_whole_burst_alike() -> None:
    # The feedback writer builds the check once per survey and applies it to every
    # submission of a group: a bad one in between must not change the next answer.
    check = SurveyCheck(SURVEY)
    good = {"rate": 3, "one": "a", "text": "ok"}
    bad = {"rate": 9, "one": "z", "nope": 1}
    first, wrong, again = check(good), check(bad), check(good)
    assert first == again == validate_answers(SURVEY, good) and first.ok
    assert wrong == validate_answers(SURVEY, bad)
    assert {e.key for e in wrong.errors} == {"rate", "one", "nope", "text"}
