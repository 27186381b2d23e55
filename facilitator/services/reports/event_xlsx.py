"""The event report as XLSX: one sheet per part, numbers as numbers, shares as percentages."""

from __future__ import annotations

import io

from facilitator.domain.report_tables import Ratio, Section
from facilitator.domain.spreadsheet import neutralise


def event_report_xlsx(title: str, sections: tuple[Section, ...]) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    book = Workbook()
    book.remove(book.active)
    bold = Font(bold=True)
    for section in sections:
        sheet = book.create_sheet(section.sheet[:31])
        sheet.append([neutralise(section.title)])
        sheet["A1"].font = Font(bold=True, size=13)
        for tab in section.tables:
            sheet.append([])
            if tab.caption:
                sheet.append([neutralise(tab.caption)])
                sheet.cell(sheet.max_row, 1).font = bold
            sheet.append(list(tab.header))
            for cell in sheet[sheet.max_row]:
                cell.font = bold
            for row in tab.rows:
                # Typed text (titles, comments) is neutralised so Excel never runs it as a formula.
                sheet.append(
                    [
                        v.value
                        if isinstance(v, Ratio)
                        else neutralise(v)
                        if isinstance(v, str)
                        else v
                        for v in row
                    ]
                )
                current = sheet.max_row
                for column, value in enumerate(row, start=1):
                    cell = sheet.cell(current, column)
                    if isinstance(value, Ratio):
                        cell.number_format = "0.0%"
                    elif isinstance(value, str) and len(value) > 40:
                        cell.alignment = Alignment(wrap_text=True, vertical="top")
        for note in section.notes:
            sheet.append([])
            sheet.append([neutralise(note)])
        widths: dict[int, int] = {}
        for row in sheet.iter_rows(min_row=2):
            for cell in row:
                if cell.value is not None:
                    widths[cell.column] = min(
                        60, max(widths.get(cell.column, 8), len(str(cell.value)) * 2)
                    )
        for column, width in widths.items():
            sheet.column_dimensions[sheet.cell(1, column).column_letter].width = width
    book.properties.title = title
    book.properties.creator = "Facilitator"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
