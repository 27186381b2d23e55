"""`facilitator feedback export`: responses to CSV/XLSX, a summary report to PDF.

CSV is UTF-8 with a BOM (Excel on a Japanese Windows reads it correctly),
one row per response and one column per question key. A cell a spreadsheet
would run as a formula (=, +, -, @, tab, CR at the start) is prefixed with an
apostrophe in CSV and stored as a plain string in XLSX.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from enum import Enum
from pathlib import Path
from typing import Any

from facilitator.domain.feedback_summary import SurveyInfo
from facilitator.domain.spreadsheet import neutralise
from facilitator.domain.survey_rules import QuestionKind
from facilitator.errors import InputRejected, Msg
from facilitator.lang import Lang
from facilitator.services.feedback.results import FeedbackResultsService, ResponseRow
from facilitator.services.files import write_atomically


class ExportFormat(Enum):
    CSV = ".csv"
    XLSX = ".xlsx"
    PDF = ".pdf"


@dataclass(frozen=True)
class ExportSummary:
    path: Path
    format: ExportFormat
    responses: int


def export_format(path: Path) -> ExportFormat:
    suffix = path.suffix.lower()
    for fmt in ExportFormat:
        if fmt.value == suffix:
            return fmt
    raise InputRejected(
        Msg(
            en=f"{path.name}: the file must end in .csv, .xlsx or .pdf.",
            ja=f"{path.name}：ファイル名の拡張子は .csv、.xlsx、.pdf のいずれかにしてください。",
        )
    )


def _local(at: datetime, anonymous: bool) -> str:
    # Anonymous responses only keep the day; showing a time would be invented.
    local = at.astimezone()
    return local.date().isoformat() if anonymous else local.strftime("%Y-%m-%d %H:%M:%S")


def _cell(kind: QuestionKind, value: Any) -> Any:
    if value is None:
        return ""
    if kind is QuestionKind.MULTIPLE_CHOICE and isinstance(value, list):
        return ";".join(str(v) for v in value)
    if kind is QuestionKind.RATING and isinstance(value, int):
        return value
    return str(value)


def header(survey: SurveyInfo) -> list[str]:
    people = [] if survey.anonymous else ["staff_no", "name"]
    return [
        "session",
        "submitted_at",
        "method",
        *people,
        "department",
        *(q.key for q in survey.questions),
    ]


def table(survey: SurveyInfo, rows: list[ResponseRow]) -> list[list[Any]]:
    """Header plus one row per response; cells still raw (neutralised by each writer)."""
    out: list[list[Any]] = [header(survey)]
    for r in rows:
        people = [] if survey.anonymous else [r.staff_no, r.name]
        out.append(
            [
                r.session_label,
                _local(r.submitted_at, survey.anonymous),
                r.method,
                *people,
                r.department,
                *(_cell(q.kind, r.answers.get(q.key)) for q in survey.questions),
            ]
        )
    return out


def csv_bytes(cells: list[list[Any]]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    for row in cells:
        writer.writerow([neutralise(c) if isinstance(c, str) else c for c in row])
    return buffer.getvalue().encode("utf-8-sig")


def xlsx_bytes(cells: list[list[Any]], survey: SurveyInfo, lang: Lang) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "回答" if lang == "ja" else "Responses"
    for r, row in enumerate(cells, start=1):
        for c, value in enumerate(row, start=1):
            cell = sheet.cell(row=r, column=c)
            cell.value = value
            if isinstance(value, str):
                # Without this openpyxl would store "=..." as a live formula.
                cell.data_type = "s"
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    sheet.freeze_panes = "A2"
    labels = book.create_sheet("質問" if lang == "ja" else "Questions")
    labels.append(["key", "kind", "label_ja", "label_en", "required"])
    for q in survey.questions:
        labels.append([q.key, q.kind.value, q.label_ja, q.label_en, q.required])
    for row in labels.iter_rows():
        for cell in row:
            if isinstance(cell.value, str):
                cell.data_type = "s"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def export_feedback(
    results: FeedbackResultsService,
    event_id: int,
    path: Path,
    lang: Lang,
    *,
    now: Callable[[], datetime],
) -> ExportSummary:
    """Write the event's feedback to `path`; the format follows the file's extension."""
    fmt = export_format(path)
    if fmt is ExportFormat.PDF:
        from facilitator.pdf.feedback_report import render_feedback_report

        summary = results.results(event_id)
        data = render_feedback_report(summary, lang, generated_at=now())
        count = sum(summary.responses.values())
    else:
        survey, rows = results.response_rows(event_id)
        cells = table(survey, rows)
        data = csv_bytes(cells) if fmt is ExportFormat.CSV else xlsx_bytes(cells, survey, lang)
        count = len(rows)
    write_atomically(path, data)
    return ExportSummary(path=path, format=fmt, responses=count)
