"""Importing into a workspace: rejections write nothing; re-imports report what changed."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select

from facilitator.db.models import Attendee, AuditLog, Department
from facilitator.db.workspace import Workspace
from facilitator.domain.clock import FakeClock
from facilitator.domain.event_rules import EventSpec, SessionSpec
from facilitator.errors import InputRejected, ValidationFailed
from facilitator.services.events import EventService
from facilitator.services.roster.attendees import AttendeeInput, RosterService
from facilitator.services.roster.files import RosterImportRejected, RosterImportService

HEADER = "職員番号,氏名,ふりがな,所属,職名,役割,希望"


@pytest.fixture
def event_id(workspace: Workspace, clock: FakeClock) -> int:
    from datetime import date, time

    spec = EventSpec(
        title="研修",
        date=date(2026, 12, 1),
        sessions=(
            SessionSpec("AM", time(9, 30), time(12), 40, "会議室"),
            SessionSpec("PM", time(13, 30), time(16), 40, "会議室"),
        ),
    )
    return EventService(workspace, clock).create_event(spec).id


def csv_file(tmp_path: Path, *rows: str, name: str = "r.csv") -> Path:
    path = tmp_path / name
    path.write_bytes(("\r\n".join([HEADER, *rows]) + "\r\n").encode("cp932"))
    return path


def attendee_count(workspace: Workspace) -> int:
    with workspace.session() as session:
        return int(session.scalar(select(func.count(Attendee.id))) or 0)


def test_import_then_reimport_reports_each_kind(
    workspace: Workspace, clock: FakeClock, event_id: int, tmp_path: Path
) -> None:
    service = RosterImportService(workspace, clock, RosterService(workspace, clock))
    first = csv_file(
        tmp_path,
        "１００１,髙橋 﨑子,ﾀｶﾊｼ,㈱総務課①,課長,DX推進リーダー,ＡＭ",
        "1002,山田 太郎,やまだ,人事課,,,pm",
        "1003,佐藤 花子,さとう,人事課,,,",
    )
    report = service.import_file(event_id, first)
    assert (report.added, report.updated, report.unchanged, report.missing) == (3, 0, 0, 0)
    people = {a.staff_no: a for a in RosterService(workspace, clock).list_attendees(event_id)}
    assert people["1001"].name == "髙橋 﨑子"
    assert people["1001"].kana == "タカハシ"
    assert people["1001"].preferred_label == "AM"
    assert people["1002"].preferred_label == "PM"
    second = csv_file(
        tmp_path,
        "1001,髙橋 﨑子,ﾀｶﾊｼ,㈱総務課①,課長,DX推進リーダー,午前",
        "1002,山田 太郎,やまだ,企画課,,,午後",
        "1004,新人,しんじん,企画課,,,",
        name="r2.csv",
    )
    report = service.import_file(event_id, second)
    assert (report.added, report.updated, report.unchanged, report.missing) == (1, 1, 1, 1)
    assert report.missing_staff == ("1003",)
    assert attendee_count(workspace) == 4  # missing ones are kept unless confirmed
    report = service.import_file(event_id, second, remove_missing=True)
    assert (report.removed, attendee_count(workspace)) == (1, 3)
    with workspace.session() as session:
        assert session.scalar(select(func.count(Department.id))) == 3
        assert (
            session.scalar(
                select(func.count(AuditLog.id)).where(AuditLog.action == "roster.import")
            )
            == 3
        )


@pytest.mark.parametrize(
    ("row", "column", "phrase"),
    [
        (",名無し,,総務課,,,", "職員番号", "empty"),
        ("2001,,,総務課,,,", "氏名", "empty"),
        ("2001,名前,,,,,", "所属", "empty"),
        ("2001,名前,,総務課,,,夕方", "希望", "Unknown preference"),
        ("2001," + "長" * 201 + ",,総務課,,,", "氏名", "longer than 200"),
        ("1001,重複,,総務課,,,", "職員番号", "already appears in row 2"),
    ],
)
def test_every_invalid_row_rejects_the_whole_import(
    workspace: Workspace,
    clock: FakeClock,
    event_id: int,
    tmp_path: Path,
    row: str,
    column: str,
    phrase: str,
) -> None:
    path = csv_file(tmp_path, "1001,正しい 人,,総務課,,,AM", row)
    with pytest.raises(RosterImportRejected) as caught:
        RosterImportService(workspace, clock, RosterService(workspace, clock)).import_file(
            event_id, path
        )
    errors = caught.value.report.errors
    assert [(e.row, e.column) for e in errors] == [(3, column)]
    assert phrase in errors[0].message.en
    assert errors[0].message.ja
    assert attendee_count(workspace) == 0
    with workspace.session() as session:
        assert session.scalar(select(func.count(Department.id))) == 0


def test_valid_rows_only_when_asked(
    workspace: Workspace, clock: FakeClock, event_id: int, tmp_path: Path
) -> None:
    path = csv_file(
        tmp_path, "1001,正しい 人,,総務課,,,", "1002,,,総務課,,,", "1003,別の 人,,総務課,,,"
    )
    report = RosterImportService(workspace, clock, RosterService(workspace, clock)).import_file(
        event_id, path, valid_rows_only=True
    )
    assert (report.added, report.skipped_rows, len(report.errors)) == (2, 1, 1)


def test_unknown_headers_need_a_mapping(
    workspace: Workspace, clock: FakeClock, event_id: int, tmp_path: Path
) -> None:
    path = tmp_path / "x.csv"
    path.write_text("番号,なまえ,課\n1,山田,総務課\n", encoding="utf-8")
    service = RosterImportService(workspace, clock, RosterService(workspace, clock))
    with pytest.raises(InputRejected) as caught:
        service.import_file(event_id, path)
    assert "Staff number" in caught.value.message.en
    preview = service.preview(path)
    from facilitator.domain.roster_rules import RosterField
    from facilitator.importers.columns import ColumnMapping

    mapping = ColumnMapping(
        {RosterField.STAFF_NO: 0, RosterField.NAME: 1, RosterField.DEPARTMENT: 2}
    )
    report = service.import_table(event_id, preview.table, mapping)
    assert report.added == 1


def test_attendee_crud_moves_and_locks(
    workspace: Workspace, clock: FakeClock, event_id: int
) -> None:
    roster = RosterService(workspace, clock)
    with pytest.raises(ValidationFailed) as caught:
        roster.add_attendee(
            event_id, AttendeeInput(staff_no="", name="", department="総務課", preference="夜")
        )
    assert {e.field for e in caught.value.errors} == {"staff_no", "name", "preference"}
    added = roster.add_attendee(
        event_id, AttendeeInput("５", "髙橋", "総務課", kana="ﾀｶﾊｼ", preference="pm")
    )
    assert (added.staff_no, added.kana, added.preferred_label) == ("5", "タカハシ", "PM")
    with pytest.raises(ValidationFailed):
        roster.add_attendee(event_id, AttendeeInput("5", "別人", "総務課"))
    pm = EventService(workspace, clock).get_event(event_id).session_by_label("PM")
    roster.move([added.id], pm.id)
    moved = roster.get_attendee(added.id)
    assert (moved.session_label, moved.locked) == ("PM", True)
    roster.set_locked([added.id], False)
    assert not roster.get_attendee(added.id).locked
    edited = roster.update_attendee(added.id, AttendeeInput("5", "髙橋 﨑子", "人事課"))
    assert (edited.name, edited.department) == ("髙橋 﨑子", "人事課")
    roster.remove_attendee(added.id)
    assert roster.list_attendees(event_id) == []


def test_move_into_a_full_session_is_refused(
    workspace: Workspace, clock: FakeClock, event_id: int
) -> None:
    roster = RosterService(workspace, clock)
    am = EventService(workspace, clock).get_event(event_id).session_by_label("AM")
    ids = [
        roster.add_attendee(event_id, AttendeeInput(str(i), f"人{i}", "課")).id for i in range(41)
    ]
    roster.move(ids[:40], am.id)
    with pytest.raises(InputRejected) as caught:
        roster.move([ids[40]], am.id)
    assert "full" in caught.value.message.en
    assert roster.get_attendee(ids[40]).session_id is None


def test_export_csv_is_excel_safe(
    workspace: Workspace, clock: FakeClock, event_id: int, tmp_path: Path
) -> None:
    roster = RosterService(workspace, clock)
    roster.add_attendee(event_id, AttendeeInput("1", '=HYPERLINK("x")', "@総務課", role="-1+1"))
    out = tmp_path / "out.csv"
    assert (
        RosterImportService(workspace, clock, RosterService(workspace, clock)).export(event_id, out)
        == 1
    )
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    import csv
    import io

    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    assert rows[0] == ["職員番号", "氏名", "ふりがな", "所属", "職名", "役割", "希望", "セッション"]
    assert rows[1][1] == '\'=HYPERLINK("x")'
    assert (rows[1][3], rows[1][5]) == ("'@総務課", "'-1+1")
    xlsx = tmp_path / "out.xlsx"
    RosterImportService(workspace, clock, RosterService(workspace, clock)).export(event_id, xlsx)
    from openpyxl import load_workbook

    sheet = load_workbook(xlsx).active
    assert sheet.cell(2, 2).value.startswith("'=")
    assert sheet.cell(2, 2).data_type == "s"
