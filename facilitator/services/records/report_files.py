"""Writing a records report: CSV (UTF-8 with BOM, or CP932 for personnel systems) or XLSX.

Every text cell that a spreadsheet would run as a formula gets a leading
apostrophe (`domain.spreadsheet.neutralise`), as in every export of the app.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from facilitator.domain.spreadsheet import neutralise
from facilitator.errors import InputRejected, Msg
from facilitator.services.files import write_atomically
from facilitator.services.records.reports import Cell, Report

ENCODINGS = {"utf-8": "utf-8-sig", "utf8": "utf-8-sig", "cp932": "cp932", "shift_jis": "cp932"}


def _cells(row: tuple[Cell, ...]) -> list[Cell]:
    return [neutralise(c) if isinstance(c, str) else c for c in row]


def check_output(out: Path, encoding: str) -> str:
    """The codec for `out`, or a refusal before any database is read."""
    suffix = out.suffix.lower()
    if suffix not in (".csv", ".xlsx"):
        raise InputRejected(
            Msg(
                en=f"{out.name}: a records report is written as .csv or .xlsx.",
                ja=f"{out.name}：記録のレポートは .csv または .xlsx で出力できます。",
            )
        )
    codec = ENCODINGS.get(encoding.strip().lower().replace("-", "_").replace("utf_8", "utf-8"))
    if codec is None:
        raise InputRejected(
            Msg(
                en=f"Unknown encoding {encoding!r}: use utf-8 or cp932.",
                ja=f"文字コード {encoding!r} は使えません。utf-8 または cp932 を指定してください。",
            )
        )
    return codec


def csv_bytes(report: Report, codec: str) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(report.header)
    for row in report.rows:
        writer.writerow(_cells(row))
    text = buffer.getvalue()
    try:
        return text.encode(codec)
    except UnicodeEncodeError as exc:
        char = text[exc.start]
        line = text.count("\n", 0, exc.start) + 1
        raise InputRejected(
            Msg(
                en=f"Line {line} has {char!r} (U+{ord(char):04X}), which CP932 cannot hold. "
                "Write the report as UTF-8 (the default) or .xlsx instead; nothing was written.",
                ja=f"{line} 行目の {char!r}（U+{ord(char):04X}）は CP932 で表せません。"
                "UTF-8（既定）または .xlsx で出力してください。何も出力していません。",
            )
        ) from exc


def xlsx_bytes(report: Report) -> bytes:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = report.kind.value
    sheet.append(list(report.header))
    for row in report.rows:
        sheet.append(_cells(row))
    sheet.freeze_panes = "B2"
    book.properties.title = report.title
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def write_report(report: Report, out: Path, encoding: str = "utf-8") -> None:
    codec = check_output(out, encoding)
    data = xlsx_bytes(report) if out.suffix.lower() == ".xlsx" else csv_bytes(report, codec)
    write_atomically(out, data)
