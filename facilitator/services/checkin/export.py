"""`facilitator checkins export`: who checked in, for the records team.

Columns 職員番号, 氏名, 所属, セッション, 受付時刻, 方法; one row per attendee
checked in (undone check-ins are left out). CSV is UTF-8 with a BOM so Excel
on a Japanese Windows opens it correctly; a cell that a spreadsheet would run
as a formula is written as text. The file is written beside the target and
moved into place, so a failed export never leaves half a file.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from facilitator.domain.checkin_methods import method_label
from facilitator.domain.spreadsheet import neutralise
from facilitator.errors import InputRejected, Msg
from facilitator.services.checkin.types import ExportRow
from facilitator.services.files import write_atomically

HEADER = ("職員番号", "氏名", "所属", "セッション", "受付時刻", "方法")


def table(rows: list[ExportRow]) -> list[list[str]]:
    return [list(HEADER)] + [
        [
            r.staff_no,
            r.name,
            r.department,
            r.session,
            r.checked_in_at.astimezone().strftime("%Y-%m-%d %H:%M:%S"),
            method_label(r.method).ja,  # the file's header is Japanese too
        ]
        for r in rows
    ]


def export_checkins(rows: list[ExportRow], out: Path) -> int:
    """Write `rows` to `out` (.csv or .xlsx); returns the number of attendees written."""
    suffix = out.suffix.lower()
    if suffix not in (".csv", ".xlsx"):
        raise InputRejected(
            Msg(
                en=f"{out.name}: the file must end in .csv or .xlsx.",
                ja=f"{out.name}：ファイル名の拡張子は .csv または .xlsx にしてください。",
            )
        )
    cells = table(rows)
    data = _csv(cells) if suffix == ".csv" else _xlsx(cells)
    write_atomically(out, data)
    return len(rows)


def _csv(cells: list[list[str]]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    for row in cells:
        writer.writerow([neutralise(c) for c in row])
    return buffer.getvalue().encode("utf-8-sig")


def _xlsx(cells: list[list[str]]) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "受付"
    for r, row in enumerate(cells, start=1):
        for c, value in enumerate(row, start=1):
            cell = sheet.cell(row=r, column=c)
            cell.value = value
            cell.data_type = "s"  # never a live formula, never a number that loses its zeros
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    sheet.freeze_panes = "A2"
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
