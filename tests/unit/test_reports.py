"""Issue #17: the reports after the day, read back as a person would (text via pypdf,
cells via openpyxl), on a finished demo day played through the real services."""

from __future__ import annotations

import io
import zipfile
from datetime import date
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook
from sqlalchemy import select, update

from facilitator.cli import main
from facilitator.commands.context import CliContext
from facilitator.composition import Composition
from facilitator.db.models import Attendee, Department, Event, Survey
from facilitator.db.workspace import Workspace
from facilitator.domain.clock import FakeClock
from facilitator.domain.report_placeholders import FIELDS
from facilitator.errors import InputRejected
from facilitator.services.reports.output import BatchCancelled
from tests.unit.report_helpers import pdf_text


@pytest.fixture
def day(finished_day: Workspace) -> Workspace:
    return finished_day


def services(ws: Workspace) -> Composition:
    return Composition(ws, FakeClock())


def run_cli(*argv: str, lang: str = "en") -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    ctx = CliContext(lang="en", out=out, err=err, clock=FakeClock())
    code = main(["--lang", lang, *argv], ctx)
    return code, out.getvalue(), err.getvalue()


def test_the_finished_demo_day_leaves_what_a_real_day_leaves(day: Workspace) -> None:
    facts = services(day).reports.facts.event_report(1)
    totals = {r.session: r for r in facts.attendance if not r.department}
    assert set(totals) == {"AM", "PM"}
    assert sum(r.attended for r in totals.values()) > 0
    assert sum(r.absent for r in totals.values()) >= 2  # no-shows
    assert sum(r.walk_in for r in totals.values()) == 4  # two walk-ins per session
    assert totals["PM"].rebooked == 2 and totals["AM"].rebooked == 0
    assert facts.certificates.issued == sum(r.attended for r in totals.values())
    # Both sessions' agendas ran: every item has a recorded time in both columns.
    assert all(a.actual_seconds for row in facts.agenda.rows for a in row.actuals)
    assert facts.feedback is not None and sum(facts.feedback.responses.values()) > 0
    assert any(c.names_person for c in services(day).reports.facts.comments(1))


def test_a_draft_holds_the_person_the_day_and_their_answers_action_first(
    day: Workspace, tmp_path: Path
) -> None:
    reports = services(day).reports
    batch = reports.people.drafts(1)
    draft = next(d for d in batch.drafts if d.answers.get("comments"))
    result = reports.exporter.attendees(1, str(tmp_path / "out") + "/", "ja")
    files = sorted((tmp_path / "out").iterdir())
    assert len(files) == result.count == len(batch.drafts)
    mine = next(f for f in files if draft.name in f.name)
    text = pdf_text(mine)
    arrived = draft.checked_in_at.astimezone().strftime("%H:%M")
    for expected in (
        "受講報告書",
        draft.name,
        draft.department,
        "令和8年7月3日",
        f"受付 {arrived}",
        draft.agenda[1].title,
        str(draft.answers["action"]),
        str(draft.answers["comments"]),
        "所見",
        "所属長確認",
    ):
        assert expected in text, expected
    assert text.index("所属で取り組みたいこと") < text.index("ご意見・ご感想")
    # Sorted by department then kana, and safe on Windows.
    departments = [d.department_kana for d in batch.drafts]
    assert departments == sorted(departments)
    assert all(not set(f.name) & set('\\/:*?"<>|') for f in files)


def test_an_anonymous_survey_puts_no_answers_on_any_draft(day: Workspace, tmp_path: Path) -> None:
    reports = services(day).reports
    named = reports.people.drafts(1)
    pledges = {str(d.answers["action"]) for d in named.drafts if "action" in d.answers}
    with day.session() as session:
        session.execute(update(Survey).values(anonymous=True))
    result = reports.exporter.attendees(1, str(tmp_path / "d.zip"), "ja")
    assert result.anonymous
    with zipfile.ZipFile(tmp_path / "d.zip") as archive:
        texts = [pdf_text(archive.read(name)) for name in archive.namelist()]
    assert texts and all("無記名のため" in t for t in texts)
    assert not any(p in t for p in pledges for t in texts)
    digests = reports.exporter.departments(1, str(tmp_path / "dep.pdf"), "ja")
    digest_text = pdf_text(tmp_path / "dep.pdf")
    assert digests.anonymous and "個人の回答は記載していません" in digest_text
    assert not any(p in digest_text for p in pledges)


def test_the_event_report_pdf_leaves_out_comments_that_could_name_someone(
    day: Workspace, tmp_path: Path
) -> None:
    reports = services(day).reports
    comments = reports.facts.comments(1)
    naming = next(c for c in comments if c.names_person)
    safe = next(c for c in comments if not c.names_person and c.question_key == "comments")
    text = pdf_text(reports.exporter.event_report_bytes(1, "ja", ".pdf"))
    for heading in ("研修実施報告書", "アジェンダ（予定と実績）", "セッション・所属別の出席"):
        assert heading in text
    for heading in ("修了証の発行", "難易度のバランス", "受講者の声", "令和8年7月3日"):
        assert heading in text
    assert safe.text in text and naming.text not in text
    chosen = pdf_text(reports.exporter.event_report_bytes(1, "ja", ".pdf", [naming.id]))
    assert naming.text in chosen and safe.text not in chosen
    english = pdf_text(reports.exporter.event_report_bytes(1, "en", ".pdf"))
    assert "Attendance by session and department" in english and "研修実施報告書" not in english


def test_the_event_report_xlsx_has_a_sheet_per_part_with_numbers_as_numbers(
    day: Workspace, tmp_path: Path
) -> None:
    code, _, err = run_cli(
        "reports", "event", "--db", str(day.path), "--out", str(tmp_path / "e.xlsx")
    )
    assert code == 0, err
    book = load_workbook(tmp_path / "e.xlsx")
    assert book.sheetnames == [
        "Overview", "Agenda", "Attendance", "Certificates", "Survey", "Difficulty", "Comments",
    ]  # fmt: skip
    sheet = book["Attendance"]
    header = next(r for r in sheet.iter_rows(values_only=True) if r[0] == "Session")
    rows = [r for r in sheet.iter_rows(values_only=True) if r[0] in ("AM", "PM")]
    assert header[2] == "Assigned" and all(isinstance(r[2], int) for r in rows)
    assert all(isinstance(r[7], int | float) and 0 <= r[7] <= 1 for r in rows if r[7] is not None)
    again = run_cli("reports", "event", "--db", str(day.path), "--out", str(tmp_path / "e.xlsx"))
    assert again[0] == 3 and "--force" in again[2]


def _template(path: Path, cells: dict[str, str]) -> Path:
    book = Workbook()
    sheet = book.active
    sheet.title = "報告書"
    for ref, value in cells.items():
        sheet[ref] = value
    sheet["A30"] = "固定の文字"
    book.save(path)
    return path


def test_a_template_with_every_placeholder_is_filled_for_each_attendee(
    day: Workspace, tmp_path: Path
) -> None:
    cells = {f"B{row}": f"{{{{{ja}}}}}" for row, (ja, _, _) in enumerate(FIELDS, start=1)}
    cells["C1"] = "{{name}}（{{department}}）"
    cells["D1"] = "{{回答:action}}"
    cells["D2"] = "{{answer:difficulty}}"
    template = _template(tmp_path / "form.xlsx", cells)
    code, _, err = run_cli(
        "reports", "attendees", "--db", str(day.path), "--out", str(tmp_path / "forms") + "/",
        "--template", str(template), "--lang", "ja",
    )  # fmt: skip
    assert code == 0, err
    batch = services(day).reports.people.drafts(1)
    files = sorted((tmp_path / "forms").iterdir())
    assert len(files) == len(batch.drafts) and files[0].suffix == ".xlsx"
    draft = batch.drafts[0]
    sheet = load_workbook(files[0])["報告書"]
    values = {ja: sheet[f"B{row}"].value for row, (ja, _, _) in enumerate(FIELDS, start=1)}
    assert values["氏名"] == draft.name and values["所属"] == draft.department
    assert values["開催日"] == "令和8年7月3日" and values["開催日西暦"] == "2026-07-03"
    assert values["受付時刻"] == draft.checked_in_at.astimezone().strftime("%H:%M")
    assert values["セッション"] == draft.session.label
    assert draft.agenda[0].title in values["アジェンダ"]
    assert sheet["C1"].value == f"{draft.name}（{draft.department}）"
    # An attendee without that answer gets an empty cell ("" or None alike).
    assert (sheet["D1"].value or None) == (draft.answers.get("action") or None)
    assert sheet["A30"].value == "固定の文字"
    assert all("{{" not in str(v) for v in values.values())


def test_an_unknown_placeholder_is_refused_naming_the_cell_before_anything_is_written(
    day: Workspace, tmp_path: Path
) -> None:
    template = _template(tmp_path / "bad.xlsx", {"B2": "{{氏名}}", "C7": "{{役職名}}"})
    out = tmp_path / "forms"
    code, _, err = run_cli(
        "reports",
        "attendees",
        "--db",
        str(day.path),
        "--out",
        f"{out}/",
        "--template",
        str(template),
    )
    assert code == 3 and "報告書!C7" in err and "役職名" in err
    assert not out.exists()
    unknown_answer = _template(tmp_path / "bad2.xlsx", {"B2": "{{回答:nope}}"})
    code, _, err = run_cli(
        "reports", "attendees", "--db", str(day.path), "--out", f"{out}/",
        "--template", str(unknown_answer), "--lang", "ja",
    )  # fmt: skip
    assert code == 3 and "報告書!B2" in err and not out.exists()


def test_digest_averages_only_for_departments_where_three_answered(
    day: Workspace, tmp_path: Path
) -> None:
    reports = services(day).reports
    # Most demo departments are pairs (walk-ins may join one): averages only where three
    # or more answered, whoever the assignment put in which session.
    before = reports.people.digests(1).digests
    assert any(d.answered < 3 for d in before)
    assert all(bool(d.averages) == (d.answered >= 3) for d in before)
    with day.session() as session:
        first = session.scalars(select(Department.id).order_by(Department.position)).first()
        session.execute(update(Attendee).values(department_id=first))
    digests = reports.people.digests(1).digests
    big = next(d for d in digests if d.people)
    assert big.answered >= 3 and {a.label for a in big.averages} >= {"understanding"}
    reports.exporter.departments(1, str(tmp_path / "d") + "/", "ja")
    text = pdf_text(sorted((tmp_path / "d").iterdir())[0])
    assert "評価の平均" in text and "研修全体" in text
    assert any(p.pledge and p.pledge in text for p in big.people)


@pytest.mark.parametrize(
    ("day_of_event", "wareki"),
    [(date(2019, 4, 30), "平成31年4月30日"), (date(2019, 5, 1), "令和元年5月1日")],
)
def test_drafts_and_reports_write_the_era_of_the_day(
    day: Workspace, tmp_path: Path, day_of_event: date, wareki: str
) -> None:
    with day.session() as session:
        session.execute(update(Event).values(date=day_of_event))
    reports = services(day).reports
    reports.exporter.attendees(1, str(tmp_path / "all.pdf"), "ja")
    assert wareki in pdf_text(tmp_path / "all.pdf")
    assert wareki in pdf_text(reports.exporter.event_report_bytes(1, "ja", ".pdf"))


def test_a_cancelled_batch_leaves_no_file(day: Workspace, tmp_path: Path) -> None:
    exporter = services(day).reports.exporter
    folder = tmp_path / "out"
    folder.mkdir()
    for out in ("x.zip", "dir/", "x.pdf"):
        asked = iter(range(1000))
        with pytest.raises(BatchCancelled):
            # Cancelled while the third file is being made.
            exporter.attendees(1, f"{folder}/{out}", "ja", cancelled=lambda a=asked: next(a) >= 2)
    assert list(folder.iterdir()) == []


def test_bad_out_and_nobody_checked_in_are_refused(
    tmp_path: Path, demo_workspace: Workspace
) -> None:
    exporter = services(demo_workspace).reports.exporter
    out = tmp_path / "out"
    with pytest.raises(InputRejected):
        exporter.attendees(1, str(out / "x.docx"), "ja")
    with pytest.raises(InputRejected) as refused:
        exporter.attendees(1, str(out / "x.zip"), "en")
    assert "Nobody has checked in" in refused.value.message.en
    assert not out.exists()
