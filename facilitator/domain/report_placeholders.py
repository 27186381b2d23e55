"""The placeholders of a city's own 受講報告書 form (an XLSX template), and what each holds.

A cell holds `{{氏名}}` and the like, alone or inside other text. `{{回答:KEY}}` is the
attendee's answer to the survey question KEY (empty for an anonymous survey). Every
placeholder also has an English name (`{{name}}`, `{{answer:KEY}}`). Anything else
between `{{` and `}}` is unknown and refuses the template.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

PLACEHOLDER = re.compile(r"\{\{\s*([^{}]*?)\s*\}\}")

# Japanese name, English name, what it holds (docs/reports.md lists the same).
FIELDS: tuple[tuple[str, str, str], ...] = (
    ("氏名", "name", "the attendee's name"),
    ("フリガナ", "kana", "the name's reading as on the roster"),
    ("職員番号", "staff_no", "the staff number"),
    ("所属", "department", "the department"),
    ("職名", "title", "the job title"),
    ("役割", "role", "the DX role (DX推進リーダー, …) or empty"),
    ("研修名", "event", "the training's title"),
    ("開催日", "date", "the day in 和暦, e.g. 令和8年12月3日"),
    ("開催日西暦", "date_iso", "the day as 2026-12-03"),
    ("会場", "venue", "the venue"),
    ("主催", "issuer", "who held the training (the certificate's issuer)"),
    ("セッション", "session", "the session attended (AM, PM, …)"),
    ("研修時間", "session_time", "its time, e.g. 9:30–12:00"),
    ("教室", "room", "its room"),
    ("受付時刻", "checkin_time", "when the attendee checked in, e.g. 9:12"),
    ("時間数", "hours", "the training's hours, e.g. 2.5"),
    ("アジェンダ", "agenda", "the agenda as delivered, one item per line"),
)
ANSWER_PREFIXES = ("回答:", "回答：", "answer:")
_BY_NAME = {name: ja for ja, en, _ in FIELDS for name in (ja, en)}


@dataclass(frozen=True)
class Placeholder:
    raw: str  # as written between the braces
    field: str | None  # the Japanese field name, or None for an answer
    answer_key: str | None  # the question key of an answer placeholder


def parse_placeholder(raw: str) -> Placeholder | None:
    """What `raw` (the text between the braces) asks for, or None when it is unknown."""
    if raw in _BY_NAME:
        return Placeholder(raw, _BY_NAME[raw], None)
    for prefix in ANSWER_PREFIXES:
        if raw.startswith(prefix) and raw[len(prefix) :].strip():
            return Placeholder(raw, None, raw[len(prefix) :].strip())
    return None


def unknown_placeholders(text: str, survey_keys: frozenset[str]) -> list[str]:
    """The placeholders in `text` that are not known (an answer to a question the survey
    does not have counts as unknown)."""
    bad = []
    for raw in PLACEHOLDER.findall(text):
        found = parse_placeholder(raw)
        if found is None or (found.answer_key is not None and found.answer_key not in survey_keys):
            bad.append(raw)
    return bad


def fill(text: str, values: dict[str, str], answers: dict[str, str]) -> str:
    """`text` with every known placeholder replaced (checked beforehand)."""

    def one(match: re.Match[str]) -> str:
        found = parse_placeholder(match.group(1))
        if found is None:
            return match.group(0)
        if found.answer_key is not None:
            return answers.get(found.answer_key, "")
        return values.get(found.field or "", "")

    return PLACEHOLDER.sub(one, text)
