"""Roster rows: the fields, how each is normalised, and what makes a row invalid.

Normalisation follows how Japanese staff lists are really typed: staff numbers,
preferences and e-mail addresses are NFKC-folded (so `１２３` is `123` and
`ＡＭ` is `AM`); names are kept exactly as written (NFKC would turn 髙 or ㈱
into something else); half-width katakana in readings become full-width.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import time
from enum import Enum

import jaconv

from facilitator.errors import Msg

MAX_FIELD_CHARS = 200


class RosterField(Enum):
    STAFF_NO = "staff_no"
    NAME = "name"
    KANA = "kana"
    DEPARTMENT = "department"
    TITLE = "title"
    ROLE = "role"
    PREFERENCE = "preference"
    EMAIL = "email"
    UNAVAILABLE = "unavailable"  # 不可: sessions the attendee cannot attend

    @property
    def required(self) -> bool:
        return self in REQUIRED_FIELDS

    @property
    def label(self) -> Msg:
        return FIELD_LABELS[self]


REQUIRED_FIELDS = frozenset({RosterField.STAFF_NO, RosterField.NAME, RosterField.DEPARTMENT})

FIELD_LABELS: dict[RosterField, Msg] = {
    RosterField.STAFF_NO: Msg(en="Staff number", ja="職員番号"),
    RosterField.NAME: Msg(en="Name", ja="氏名"),
    RosterField.KANA: Msg(en="Kana", ja="ふりがな"),
    RosterField.DEPARTMENT: Msg(en="Department", ja="所属"),
    RosterField.TITLE: Msg(en="Title", ja="職名"),
    RosterField.ROLE: Msg(en="Role", ja="役割"),
    RosterField.PREFERENCE: Msg(en="Preference", ja="希望"),
    RosterField.EMAIL: Msg(en="E-mail", ja="メール"),
    RosterField.UNAVAILABLE: Msg(en="Unavailable", ja="不可"),
}


def nfkc(text: str) -> str:
    return unicodedata.normalize("NFKC", text).strip()


def normalise_staff_no(text: str) -> str:
    """The one form of a staff number, wherever it comes from (file, phone, kiosk, desk).

    NFKC folds the full-width digits a Japanese IME types; spaces anywhere are dropped,
    so `１２ ３４` typed on a phone finds `1234` from the staff list.
    """
    return "".join(unicodedata.normalize("NFKC", text).split())


def normalise_kana(text: str) -> str:
    """Trimmed, half-width katakana (ｶﾅ) made full-width (カナ); nothing else changes."""
    return jaconv.h2z(text.strip(), kana=True, ascii=False, digit=False)


def kana_sort_key(kana: str, fallback: str = "") -> str:
    """Sort key that treats hiragana and katakana alike; names without kana sort last."""
    if not kana.strip():
        return "\uffff" + fallback
    return jaconv.kata2hira(normalise_kana(kana)).replace(" ", "").replace("\u3000", "")


def normalise_value(fld: RosterField, text: str) -> str:
    if fld == RosterField.STAFF_NO:
        return normalise_staff_no(text)
    if fld in (RosterField.EMAIL, RosterField.PREFERENCE):
        return nfkc(text)
    if fld == RosterField.KANA:
        return normalise_kana(text)
    # str.strip() also removes the full-width space U+3000.
    return text.strip()


@dataclass(frozen=True)
class SessionChoice:
    """What a preference can name: a session's label and when it starts."""

    label: str
    start: time


_MORNING = {"am", "午前", "ごぜん", "morning"}
_AFTERNOON = {"pm", "午後", "ごご", "afternoon"}


class PreferenceMatcher:
    """Turns a preference as typed (AM, ｐｍ, 午後, a label) into a session label."""

    def __init__(self, sessions: Sequence[SessionChoice]) -> None:
        self._by_label = {nfkc(s.label).casefold(): s.label for s in sessions}
        morning = [s for s in sessions if s.start < time(12, 0)]
        afternoon = [s for s in sessions if s.start >= time(12, 0)]
        self._morning = self._by_label.get("am") or (morning[0].label if morning else None)
        self._afternoon = self._by_label.get("pm") or (afternoon[0].label if afternoon else None)
        self.labels = tuple(s.label for s in sessions)

    def match(self, text: str) -> str | None:
        """The label meant by `text`; raises ValueError when it names no session."""
        key = nfkc(text).casefold()
        if not key:
            return None
        if key in self._by_label:
            return self._by_label[key]
        if key in _MORNING and self._morning is not None:
            return self._morning
        if key in _AFTERNOON and self._afternoon is not None:
            return self._afternoon
        raise ValueError(text)


@dataclass(frozen=True)
class RosterRecord:
    """One attendee as the file gives it, normalised; `given` lists the optional fields present."""

    row: int
    staff_no: str
    name: str
    kana: str
    department: str
    title: str
    role: str
    email: str
    preference: str | None
    given: frozenset[RosterField]
    unavailable: tuple[str, ...] = ()  # session labels (the 不可 column)


@dataclass(frozen=True)
class RowError:
    """A problem in the file: 1-based file row, the column's header, and why."""

    row: int
    column: str
    message: Msg


FIELDS: tuple[RosterField, ...] = tuple(RosterField)
_HALF_WIDTH_KANA = re.compile("[\uff61-\uff9f]")


def _strip(text: str) -> str:
    return text.strip()


def _kana(text: str) -> str:
    # jaconv is only needed when there is half-width kana to convert.
    return normalise_kana(text) if _HALF_WIDTH_KANA.search(text) else text.strip()


_NORMALISERS = {
    RosterField.STAFF_NO: normalise_staff_no,
    RosterField.EMAIL: nfkc,
    RosterField.PREFERENCE: nfkc,
    RosterField.UNAVAILABLE: nfkc,
    RosterField.KANA: _kana,
}
# Between several sessions in one 不可 cell: "AM、PM", "AM/PM", "午前・午後", "AM PM".
_LIST_SEPARATORS = re.compile(r"[,、，/／・;；\s]+")


def match_unavailable(
    text: str, matcher: PreferenceMatcher, preference: str | None
) -> tuple[tuple[str, ...], Msg | None]:
    """The session labels a 不可 cell names, or why the cell cannot be used."""
    labels: list[str] = []
    for token in _LIST_SEPARATORS.split(text):
        if not token:
            continue
        try:
            label = matcher.match(token)
        except ValueError:
            names = ", ".join(matcher.labels)
            return (), Msg(
                en=f"Unknown session {token!r} in Unavailable; use AM, PM, 午前, 午後 or a session label ({names}).",
                ja=f"不可の「{token}」は不明です。AM、PM、午前、午後、セッション名（{names}）のいずれかにしてください。",
            )
        if label is not None and label not in labels:
            labels.append(label)
    if preference is not None and preference in labels:
        return (), Msg(
            en=f"The preference is {preference}, but the attendee is marked unavailable for {preference}.",
            ja=f"希望が {preference} ですが、{preference} は不可になっています。",
        )
    if labels and set(matcher.labels) <= set(labels):
        return (), Msg(
            en="Unavailable for every session: leave one session open or remove the attendee.",
            ja="すべてのセッションが不可です。どれか一つを空けるか、受講者を名簿から外してください。",
        )
    return tuple(labels), None


def _error(row: int, column: str, en: str, ja: str) -> RowError:
    return RowError(row, column, Msg(en=en, ja=ja))


def check_records(
    raw: Sequence[tuple[int, Sequence[str]]],
    column_names: Mapping[RosterField, str],
    matcher: PreferenceMatcher,
) -> tuple[list[RosterRecord], list[RowError]]:
    """Normalise and validate every row; returns the valid records and every error found.

    Each row is (file row number, cells in `FIELDS` order). Runs once per
    imported row, so it avoids per-cell dictionary work.
    """
    records: list[RosterRecord] = []
    errors: list[RowError] = []
    first_row: dict[str, int] = {}
    given = frozenset(column_names)
    specs = [
        (fld, _NORMALISERS.get(fld, _strip), fld.required, column_names.get(fld, fld.label.ja))
        for fld in FIELDS
    ]
    staff_i, pref_i = FIELDS.index(RosterField.STAFF_NO), FIELDS.index(RosterField.PREFERENCE)
    unavail_i = FIELDS.index(RosterField.UNAVAILABLE)
    for row, cells in raw:
        values = [
            fn(cell) if cell else "" for (_, fn, _, _), cell in zip(specs, cells, strict=True)
        ]
        row_errors = []
        for (fld, _, required, column), value in zip(specs, values, strict=True):
            if required and not value:
                row_errors.append(
                    _error(row, column, f"{fld.label.en} is empty.", f"{fld.label.ja}が空です。")
                )
            elif len(value) > MAX_FIELD_CHARS:
                row_errors.append(
                    _error(
                        row,
                        column,
                        f"{fld.label.en} is longer than {MAX_FIELD_CHARS} characters.",
                        f"{fld.label.ja}が {MAX_FIELD_CHARS} 文字を超えています。",
                    )
                )
        preference: str | None = None
        try:
            preference = matcher.match(values[pref_i])
        except ValueError:
            labels = ", ".join(matcher.labels)
            wish = values[pref_i]
            row_errors.append(
                _error(
                    row,
                    specs[pref_i][3],
                    f"Unknown preference {wish!r}; use AM, PM, 午前, 午後 or a session label ({labels}), or leave it empty.",
                    f"希望「{wish}」は不明です。AM、PM、午前、午後、セッション名（{labels}）のいずれかにするか、空欄にしてください。",
                )
            )
        unavailable: tuple[str, ...] = ()
        if values[unavail_i]:
            unavailable, problem = match_unavailable(values[unavail_i], matcher, preference)
            if problem is not None:
                row_errors.append(RowError(row, specs[unavail_i][3], problem))
        staff_no = values[staff_i]
        if staff_no and staff_no in first_row:
            row_errors.append(
                _error(
                    row,
                    specs[staff_i][3],
                    f"Staff number {staff_no} already appears in row {first_row[staff_no]}.",
                    f"職員番号 {staff_no} は {first_row[staff_no]} 行目にもあります。",
                )
            )
        elif staff_no:
            first_row[staff_no] = row
        if row_errors:
            errors.extend(row_errors)
            continue
        staff_no, name, kana, department, title, role, _, email, _ = values
        records.append(
            RosterRecord(
                row,
                staff_no,
                name,
                kana,
                department,
                title,
                role,
                email,
                preference,
                given,
                unavailable,
            )
        )
    return records, errors
