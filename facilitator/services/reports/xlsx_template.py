"""A city's own 受講報告書 form (XLSX) filled once per attendee.

The template is checked with openpyxl first: every placeholder must be known
(`domain/report_placeholders.py`), or it is refused naming the cell, before any file
is written. Filling then works on the file's XML directly: only the strings that hold
a placeholder are rewritten and every other part of the workbook (styles, images,
print settings, the seal box) is copied byte for byte, so a form keeps its look and a
thousand copies take seconds, not minutes.
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape, unescape

from facilitator.domain.report_placeholders import PLACEHOLDER, fill, unknown_placeholders
from facilitator.errors import InputRejected, Msg

# A shared string (<si>) or a cell's inline string (<is>), and the text runs inside.
_STRING = re.compile(rb"<(si|is)>(.*?)</\1>", re.S)
_TEXT = re.compile(rb"<t(?:\s[^>]*)?>(.*?)</t>|<t(?:\s[^>]*)?/>", re.S)
_PHONETIC = re.compile(rb"<rPh\b.*?</rPh>", re.S)
_STRING_PARTS = re.compile(r"xl/(sharedStrings\.xml|worksheets/[^/]+\.xml)$")


class UnknownPlaceholder(InputRejected):
    """A template cell names a placeholder that does not exist (exit 3)."""


@dataclass(frozen=True)
class _Part:
    info: zipfile.ZipInfo
    data: bytes
    has_placeholder: bool


class XlsxTemplate:
    """A checked template; `fill` makes one filled workbook's bytes."""

    def __init__(self, path: Path, survey_keys: frozenset[str]) -> None:
        self.path = path
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise InputRejected(
                Msg(
                    en=f"Cannot read the template {path}: {exc.strerror or exc}.",
                    ja=f"テンプレート {path} を読み込めません（{exc.strerror or exc}）。",
                )
            ) from exc
        self.placeholders = _check(path, data, survey_keys)
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            self._parts = [
                _Part(info, body, bool(_STRING_PARTS.match(info.filename)) and b"{{" in body)
                for info in archive.infolist()
                for body in (archive.read(info),)
            ]

    def fill(self, values: dict[str, str], answers: dict[str, str]) -> bytes:
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
            for part in self._parts:
                body = _fill_part(part.data, values, answers) if part.has_placeholder else part.data
                info = zipfile.ZipInfo(part.info.filename, date_time=(1980, 1, 1, 0, 0, 0))
                info.compress_type = zipfile.ZIP_DEFLATED
                archive.writestr(info, body, compresslevel=1)
        return out.getvalue()


def _check(path: Path, data: bytes, survey_keys: frozenset[str]) -> tuple[str, ...]:
    """Every placeholder the template uses; refuses it at the first unknown one."""
    from openpyxl import load_workbook

    try:
        book = load_workbook(io.BytesIO(data))
    except Exception as exc:  # noqa: BLE001 - openpyxl raises many kinds for a bad file
        raise InputRejected(
            Msg(
                en=f"{path} is not an Excel workbook (.xlsx) that can be read: {exc}.",
                ja=f"{path} は読み込める Excel ブック（.xlsx）ではありません（{exc}）。",
            )
        ) from None
    found: list[str] = []
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                if not isinstance(cell.value, str) or "{{" not in cell.value:
                    continue
                bad = unknown_placeholders(cell.value, survey_keys)
                if bad:
                    where = f"{sheet.title}!{cell.coordinate}"
                    known = ", ".join(sorted(survey_keys)) or "—"
                    raise UnknownPlaceholder(
                        Msg(
                            en=f"{path}: cell {where} has an unknown placeholder "
                            f"{{{{{bad[0]}}}}}; see docs/reports.md for the ones that exist "
                            f"(answers: {{{{回答:KEY}}}} with KEY one of {known}). "
                            "Nothing was written.",
                            ja=f"{path}：セル {where} の差し込み項目 {{{{{bad[0]}}}}} は使えません。"
                            f"使える項目は docs/reports.md を参照してください（回答は "
                            f"{{{{回答:KEY}}}}、KEY は {known}）。何も出力していません。",
                        )
                    )
                found += PLACEHOLDER.findall(cell.value)
    if not found:
        raise InputRejected(
            Msg(
                en=f"{path} has no placeholders such as {{{{氏名}}}}; nothing would be filled in.",
                ja=f"{path} には {{{{氏名}}}} のような差し込み項目がありません。",
            )
        )
    return tuple(dict.fromkeys(found))


def _fill_part(data: bytes, values: dict[str, str], answers: dict[str, str]) -> bytes:
    def one(match: re.Match[bytes]) -> bytes:
        inner = _PHONETIC.sub(b"", match.group(2))
        text = "".join(
            unescape(m.group(1).decode("utf-8")) for m in _TEXT.finditer(inner) if m.group(1)
        )
        if "{{" not in text:
            return match.group(0)
        # Rich text inside a cell that holds a placeholder becomes plain: the cell's own
        # format (font, size, borders) stays.
        filled = escape(fill(text, values, answers)).encode("utf-8")
        tag = match.group(1)
        return b'<%s><t xml:space="preserve">%s</t></%s>' % (tag, filled, tag)

    return _STRING.sub(one, data)
