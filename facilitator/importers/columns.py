"""Which file column holds which roster field, recognised by Japanese or English header."""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from facilitator.domain.roster_rules import FIELDS, RosterField
from facilitator.errors import Msg

# Headers as people write them; compared after `header_key` folding.
_ALIASES: dict[RosterField, tuple[str, ...]] = {
    RosterField.STAFF_NO: (
        "職員番号",
        "職員no",
        "職員コード",
        "staff_no",
        "staffno",
        "staff number",
        "employee id",
        "id",
    ),
    RosterField.NAME: ("氏名", "名前", "name", "full name"),
    RosterField.KANA: (
        "ふりがな",
        "フリガナ",
        "カナ",
        "かな",
        "よみがな",
        "カナ氏名",
        "氏名カナ",
        "kana",
        "furigana",
        "reading",
    ),
    RosterField.DEPARTMENT: ("所属", "所属名", "部署", "課名", "department", "dept", "section"),
    RosterField.TITLE: ("職名", "役職", "title", "job title", "position"),
    RosterField.ROLE: ("役割", "role"),
    RosterField.PREFERENCE: (
        "希望",
        "希望セッション",
        "希望時間帯",
        "preference",
        "preferred session",
        "session preference",
    ),
    RosterField.EMAIL: (
        "メール",
        "メールアドレス",
        "email",
        "e-mail",
        "mail",
        "e-mail address",
        "email address",
    ),
    RosterField.UNAVAILABLE: (
        "不可",
        "参加不可",
        "不可セッション",
        "参加できない時間帯",
        "unavailable",
        "not available",
        "unavailability",
    ),
}


def header_key(text: str) -> str:
    """Fold a header for comparison: NFKC, case, spaces, `_` and `-` ignored."""
    folded = unicodedata.normalize("NFKC", text).casefold()
    return "".join(ch for ch in folded if not ch.isspace() and ch not in "_-・")


_LOOKUP: dict[str, RosterField] = {
    header_key(alias): fld for fld, aliases in _ALIASES.items() for alias in aliases
}


@dataclass(frozen=True)
class ColumnMapping:
    """Field -> 0-based column index; unmapped optional fields are simply absent."""

    columns: Mapping[RosterField, int] = field(default_factory=dict)

    def get(self, fld: RosterField) -> int | None:
        return self.columns.get(fld)

    def missing_required(self) -> list[RosterField]:
        return [f for f in RosterField if f.required and f not in self.columns]

    def with_column(self, fld: RosterField, index: int | None) -> ColumnMapping:
        """A copy with `fld` mapped to `index` (None unmaps it); one column feeds one field."""
        columns = {f: i for f, i in self.columns.items() if f != fld and i != index}
        if index is not None:
            columns[fld] = index
        return ColumnMapping(columns)


def guess_mapping(headers: Sequence[str]) -> ColumnMapping:
    """Map every recognised header; the first column wins when two name the same field."""
    columns: dict[RosterField, int] = {}
    for index, header in enumerate(headers):
        fld = _LOOKUP.get(header_key(header))
        if fld is not None and fld not in columns:
            columns[fld] = index
    return ColumnMapping(columns)


def missing_columns_message(missing: Sequence[RosterField], headers: Sequence[str]) -> Msg:
    names_en = ", ".join(f.label.en for f in missing)
    names_ja = "、".join(f.label.ja for f in missing)
    seen = ", ".join(h for h in headers if h) or "-"
    return Msg(
        en=f"The file has no column for: {names_en} (headers found: {seen}). "
        "Rename the headers or map the columns in the import window.",
        ja=f"ファイルに次の列がありません：{names_ja}（見出し：{seen}）。"
        "見出しを直すか、取り込み画面で列を割り当ててください。",
    )


@dataclass(frozen=True)
class MappedRows:
    """Each row's cells in `FIELDS` order ("" when unmapped), with each mapped field's header."""

    rows: tuple[tuple[int, tuple[str, ...]], ...]
    column_names: dict[RosterField, str]


def apply_mapping(
    headers: Sequence[str],
    rows: Sequence[Sequence[str]],
    row_numbers: Sequence[int],
    mapping: ColumnMapping,
) -> MappedRows:
    """Pick each mapped field's cell from every row; short rows give empty cells."""
    names = {
        fld: (headers[i] if i < len(headers) and headers[i] else fld.label.ja)
        for fld, i in mapping.columns.items()
    }
    picks = [mapping.get(fld) for fld in FIELDS]
    out = []
    for number, row in zip(row_numbers, rows, strict=True):
        width = len(row)
        out.append((number, tuple(row[i] if i is not None and i < width else "" for i in picks)))
    return MappedRows(tuple(out), names)
