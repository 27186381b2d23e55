"""The issued-certificates register for the records team: CSV, XLSX or PDF.

Cells a spreadsheet would run as a formula (=, +, -, @, tab, CR at the
start) are written with a leading apostrophe, so a name typed as a formula
on a phone can never execute on the records team's machine.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from datetime import datetime
from html import escape
from pathlib import Path

from facilitator.db.workspace import Workspace
from facilitator.domain.spreadsheet import neutralise
from facilitator.errors import InputRejected, Msg
from facilitator.services.certificates.issue import CertificateIssuer, IssuedCertificate
from facilitator.services.event_rows import load_event
from facilitator.services.files import write_atomically

HEADER = (
    "番号 Number",
    "職員番号 Staff no.",
    "氏名 Name",
    "ふりがな Kana",
    "所属 Department",
    "職名 Title",
    "発行日時 Issued",
    "状態 Status",
    "取消日時 Revoked",
    "取消理由 Reason",
    "再発行回数 Reissues",
    "再発行日時 Reissued",
    "検証コード Verification code",
)


def _when(value: datetime | None) -> str:
    return value.astimezone().strftime("%Y-%m-%d %H:%M") if value else ""


def rows(certificates: Sequence[IssuedCertificate]) -> list[list[str]]:
    return [
        [
            c.number,
            c.staff_no,
            c.name,
            c.kana,
            c.department,
            c.title,
            _when(c.issued_at),
            "取消 revoked" if c.revoked_at else "有効 valid",
            _when(c.revoked_at),
            c.revoke_reason,
            str(c.reissue_count),
            _when(c.reissued_at),
            c.code,
        ]
        for c in certificates
    ]


def csv_bytes(certificates: Sequence[IssuedCertificate]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(HEADER)
    writer.writerows([[neutralise(cell) for cell in row] for row in rows(certificates)])
    return buffer.getvalue().encode("utf-8-sig")  # the BOM makes Excel read UTF-8


def xlsx_bytes(certificates: Sequence[IssuedCertificate], title: str) -> bytes:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = "修了証"
    sheet.append(list(HEADER))
    for row in rows(certificates):
        sheet.append([neutralise(cell) for cell in row])
    for column, width in zip(
        "ABCDEFGHIJKLM", (16, 10, 16, 18, 18, 12, 17, 10, 17, 24, 8, 17, 34), strict=True
    ):
        sheet.column_dimensions[column].width = width
    sheet.freeze_panes = "A2"
    book.properties.title = title
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def pdf_bytes(certificates: Sequence[IssuedCertificate], title: str) -> bytes:
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

    from facilitator.pdf.fonts import register_japanese_fonts

    gothic, _ = register_japanese_fonts()
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(
        buffer,
        pagesize=landscape(A4),
        title=title,
        invariant=1,
        leftMargin=12 * mm,
        rightMargin=12 * mm,
        topMargin=12 * mm,
        bottomMargin=12 * mm,
        initialFontName=gothic,
    )
    heading = ParagraphStyle("h", fontName=gothic, fontSize=13, leading=18)
    columns = (0, 1, 2, 4, 6, 7, 9)  # the register on paper: no kana, title, codes
    data = [[HEADER[i].split(" ")[0] for i in columns]]
    cell = ParagraphStyle("c", fontName=gothic, fontSize=8.5, leading=10.5)
    # The reason is free text: a Paragraph wraps it inside its column.
    data += [
        [*(row[i] for i in columns[:-1]), Paragraph(escape(row[columns[-1]]), cell)]
        for row in rows(certificates)
    ]
    table = Table(
        data,
        repeatRows=1,
        colWidths=[32 * mm, 20 * mm, 34 * mm, 40 * mm, 30 * mm, 16 * mm, 100 * mm],
    )
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), gothic, 8.5),
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#E8E8E8")),
                ("GRID", (0, 0), (-1, -1), 0.3, colors.grey),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ]
        )
    )
    doc.build([Paragraph(f"修了証発行台帳 Issued certificates — {title}", heading), table])
    return buffer.getvalue()


def write_issued_list(
    workspace: Workspace,
    issuer: CertificateIssuer,
    event_id: int,
    out: Path,
    *,
    force: bool = False,
) -> int:
    """Write the register of `event_id` to `out` (.csv, .xlsx or .pdf); returns the row count."""
    suffix = out.suffix.lower()
    if suffix not in (".csv", ".xlsx", ".pdf"):
        raise InputRejected(
            Msg(
                en=f"{out.name}: the list can be written as .csv, .xlsx or .pdf.",
                ja=f"{out.name}：一覧は .csv、.xlsx、.pdf のいずれかで出力できます。",
            )
        )
    if out.exists() and not force:
        raise InputRejected(
            Msg(
                en=f"{out} already exists; use --force to replace it.",
                ja=f"{out} は既に存在します。置き換える場合は --force を指定してください。",
            )
        )
    certificates = issuer.issued(event_id)
    with workspace.session() as session:
        title = load_event(session, event_id).title
    if suffix == ".csv":
        data = csv_bytes(certificates)
    elif suffix == ".xlsx":
        data = xlsx_bytes(certificates, title)
    else:
        data = pdf_bytes(certificates, title)
    write_atomically(out, data)
    return len(certificates)
