"""Reading what staff type from a paper form into answer values.

Keyboard only: a rating is its digit, a choice is its number in the list
(1 = first), several choices are several numbers ("1 3" or "13"). Anything
else is passed on as typed, so `validate_answers` names the problem for that
question instead of the entry form guessing.
"""

from __future__ import annotations

from typing import Any

from facilitator.domain.survey_rules import QuestionDef, QuestionKind


def paper_value(q: QuestionDef, typed: str) -> Any:
    """The answer value for `typed` (None when left empty)."""
    text = typed.strip()
    if not text:
        return None
    if q.kind is QuestionKind.TEXT:
        return typed
    digits = text.translate(str.maketrans("０１２３４５６７８９", "0123456789"))
    if q.kind is QuestionKind.RATING:
        return int(digits) if digits.isdigit() else digits
    picks = digits.replace(",", " ").split()
    if len(picks) == 1 and picks[0].isdigit() and len(q.choices) < 10:
        picks = list(picks[0])  # "13" means choices 1 and 3
    values: list[str] = []
    for pick in picks:
        index = int(pick) - 1 if pick.isdigit() else -1
        values.append(q.choices[index].value if 0 <= index < len(q.choices) else pick)
    if q.kind is QuestionKind.SINGLE_CHOICE:
        return values[0] if len(values) == 1 else ",".join(values)
    return values


def paper_hint(q: QuestionDef, lang: str) -> str:
    """What to type, shown next to the field (e.g. "1–5", "1 易しすぎた / 2 …")."""
    if q.kind is QuestionKind.RATING:
        return "1–5"
    if q.kind.has_choices:
        return "  ".join(f"{i}:{c.label(lang)}" for i, c in enumerate(q.choices, start=1))
    return ""
