"""Agenda items, session times, live recording and planned-vs-actual exports."""

from __future__ import annotations

import csv
import io
from datetime import time

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from facilitator.db.models import AgendaRun
from facilitator.db.workspace import Workspace, open_workspace
from facilitator.domain.agenda_catchup import propose_catch_up
from facilitator.domain.agenda_items import AgendaItemSpec, ItemKind, SlideContent
from facilitator.domain.agenda_timing import Phase
from facilitator.domain.clock import FakeClock
from facilitator.errors import ValidationFailed
from facilitator.services.agenda.items import AgendaService, local_datetime
from facilitator.services.agenda.live import LiveAgenda, instant
from facilitator.services.agenda.report import AgendaReportService
from facilitator.services.events import EventService


def event_id(ws: Workspace, clock: FakeClock) -> int:
    return EventService(ws, clock).resolve_event_id(None)


def to_session_start(ws: Workspace, clock: FakeClock, label: str) -> None:
    """Move the fake clock to the moment the session is planned to start."""
    detail = EventService(ws, clock).get_event(event_id(ws, clock))
    session = detail.session_by_label(label)
    clock.advance((local_datetime(session.date, session.start) - clock.now()).total_seconds())


def session_ids(ws: Workspace, clock: FakeClock) -> dict[str, int]:
    detail = EventService(ws, clock).get_event(event_id(ws, clock))
    return {s.label: s.id for s in detail.sessions}


def test_demo_agenda_and_planned_times_per_session(
    demo_workspace: Workspace, clock: FakeClock
) -> None:
    service = AgendaService(demo_workspace, clock)
    items = service.list_items(event_id(demo_workspace, clock))
    assert len(items) == 8
    assert items[0].kind == ItemKind.CHECKIN
    schedule = service.schedule(event_id(demo_workspace, clock))
    assert schedule.total_minutes == 140
    am, pm = schedule.sessions
    assert (am.label, pm.label) == ("AM", "PM")
    assert am.slots[0].start.time() == time(9, 30)
    assert am.slots[1].start.time() == time(9, 40)
    assert pm.slots[1].start.time() == time(13, 40)
    assert am.planned_end.time() == time(11, 50)
    assert schedule.fits


def test_does_not_fit_the_slot_warning(demo_workspace: Workspace, clock: FakeClock) -> None:
    service = AgendaService(demo_workspace, clock)
    eid = event_id(demo_workspace, clock)
    service.create_item(eid, AgendaItemSpec("質疑応答", 25))
    schedule = service.schedule(eid)
    assert not schedule.fits
    assert schedule.sessions[0].over_minutes == 15


def test_create_validates_and_changes_nothing_on_bad_input(
    demo_workspace: Workspace, clock: FakeClock
) -> None:
    service = AgendaService(demo_workspace, clock)
    eid = event_id(demo_workspace, clock)
    with pytest.raises(ValidationFailed) as info:
        service.create_item(eid, AgendaItemSpec("  ", 0, amber_seconds=10, red_seconds=20))
    fields = {e.field for e in info.value.errors}
    assert fields == {"title", "minutes", "thresholds"}
    assert "タイトル" in info.value.message.ja
    assert len(service.list_items(eid)) == 8


def test_reorder_duplicate_delete_and_undo(demo_workspace: Workspace, clock: FakeClock) -> None:
    service = AgendaService(demo_workspace, clock)
    eid = event_id(demo_workspace, clock)
    items = service.list_items(eid)
    moved = service.move_item(items[3].id, 0)
    assert [i.title for i in moved][:2] == ["休憩", "受付・オリエンテーション"]
    assert [i.position for i in service.list_items(eid)] == list(range(8))
    copy = service.duplicate_item(items[1].id)
    titles = [i.title for i in service.list_items(eid)]
    assert titles.count("DXとは何か") == 2
    assert titles.index("DXとは何か") + 1 == copy.position

    # A recorded run goes away with the item and comes back with the undo.
    to_session_start(demo_workspace, clock, "AM")
    live = LiveAgenda(demo_workspace, clock, session_ids(demo_workspace, clock)["AM"])
    live.load()
    live.start(copy.position)
    clock.advance(90)
    live.next()
    deleted = service.delete_item(copy.id)
    assert len(service.list_items(eid)) == 8
    assert len(deleted.runs) == 1
    restored = service.restore_item(deleted)
    after = service.list_items(eid)
    assert [i.id for i in after][restored.position] == restored.id
    assert restored.position == copy.position
    report = AgendaReportService(
        demo_workspace, clock, AgendaService(demo_workspace, clock)
    ).report(eid)
    row = next(r for r in report.rows if r.item_id == restored.id)
    assert row.actuals[0].actual_seconds == pytest.approx(90)


def test_update_keeps_slide_and_thresholds(demo_workspace: Workspace, clock: FakeClock) -> None:
    service = AgendaService(demo_workspace, clock)
    item = service.list_items(event_id(demo_workspace, clock))[1]
    spec = AgendaItemSpec(
        "DXとは何か（改）",
        30,
        ItemKind.DISCUSSION,
        notes="最初に質問する",
        flexible=True,
        slide=SlideContent("見出し", ("一", "二")),
        amber_seconds=300,
        red_seconds=60,
    )
    assert service.update_item(item.id, spec).spec == spec
    assert service.get_item(item.id).spec == spec


def test_rehearsal_on_another_day_stays_out_of_the_session(
    demo_workspace: Workspace, clock: FakeClock
) -> None:
    am = session_ids(demo_workspace, clock)["AM"]
    eid = event_id(demo_workspace, clock)
    # The day before: a rehearsal. The plan runs from whenever the first item starts.
    to_session_start(demo_workspace, clock, "AM")
    clock.advance(-24 * 3600 + 5 * 3600)  # the day before, 14:30
    live = LiveAgenda(demo_workspace, clock, am)
    start = live.load()
    assert start.rehearsal
    assert live.state.status(instant(clock)).pace_seconds == pytest.approx(0)
    live.start()
    clock.advance(15 * 60)
    state = live.next()
    status = state.status(instant(clock))
    assert status.pace_seconds == pytest.approx(-300)
    proposal = propose_catch_up(state, instant(clock))
    assert proposal is not None
    live.accept(proposal)
    # The session day: nothing of the rehearsal is resumed, cut or reported.
    to_session_start(demo_workspace, clock, "AM")
    start = LiveAgenda(demo_workspace, clock, am).load()
    assert not start.rehearsal and not start.resumable and not start.state.stretches
    assert sum(p.minutes for p in start.state.plan) == 140
    report = AgendaReportService(
        demo_workspace, clock, AgendaService(demo_workspace, clock)
    ).report(eid)
    assert all(a.actual_seconds is None for row in report.rows for a in row.actuals)


def test_every_transition_is_saved_at_once(
    demo_workspace: Workspace, clock: FakeClock, tmp_path: object
) -> None:
    am = session_ids(demo_workspace, clock)["AM"]
    live = LiveAgenda(demo_workspace, clock, am)
    start = live.load()
    assert not start.resumable
    live.start()
    clock.advance(30)
    live.toggle_pause()
    # Another reader (e.g. an export while presenting) sees each step immediately.
    reader = open_workspace(demo_workspace.path, readonly=True)
    try:
        with reader.session() as session:
            runs = session.scalars(select(AgendaRun).where(AgendaRun.session_id == am)).all()
            assert len(runs) == 1
            assert runs[0].paused_since == clock.now()
        clock.advance(10)
        live.toggle_pause()
        live.adjust(60)
        live.next()
        with reader.session() as session:
            runs = session.scalars(
                select(AgendaRun).where(AgendaRun.session_id == am).order_by(AgendaRun.id)
            ).all()
            assert [r.ended_at is None for r in runs] == [False, True]
            assert runs[0].paused_seconds == pytest.approx(10)
            assert runs[0].adjust_seconds == 60
    finally:
        reader.close()


def test_resume_after_restart_and_catch_up_survives(
    demo_workspace: Workspace, clock: FakeClock
) -> None:
    am = session_ids(demo_workspace, clock)["AM"]
    to_session_start(demo_workspace, clock, "AM")
    live = LiveAgenda(demo_workspace, clock, am)
    live.load()
    live.start()
    clock.advance(25 * 60)  # the 10-minute check-in ran 15 minutes over
    state = live.next()
    proposal = propose_catch_up(state, instant(clock))
    assert proposal is not None and proposal.cuts
    live.accept(proposal)
    clock.advance(5 * 60)
    before = live.state.status(instant(clock))

    # "Crash": a fresh LiveAgenda on the same workspace, with a new monotonic origin.
    clock._mono = 0.0
    again = LiveAgenda(demo_workspace, clock, am)
    start = again.load()
    assert start.resumable
    after = start.state.status(instant(clock))
    assert after.index == 1
    assert after.remaining_seconds == pytest.approx(before.remaining_seconds, abs=1e-3)
    cut = proposal.cuts[0]
    assert start.state.plan[cut.index].minutes == cut.to_minutes
    again.stop()
    assert not LiveAgenda(demo_workspace, clock, am).load().resumable


def test_planned_vs_actual_am_pm_csv_and_pdf(demo_workspace: Workspace, clock: FakeClock) -> None:
    ids = session_ids(demo_workspace, clock)
    eid = event_id(demo_workspace, clock)
    for label, first_minutes in (("AM", 12.0), ("PM", 9.0)):
        to_session_start(demo_workspace, clock, label)
        live = LiveAgenda(demo_workspace, clock, ids[label])
        live.load()
        live.start()
        clock.advance(first_minutes * 60)
        live.next()
        clock.advance(25 * 60)
        state = live.next()
        assert state.phase == Phase.RUNNING
    reports = AgendaReportService(demo_workspace, clock, AgendaService(demo_workspace, clock))
    report = reports.report(eid)
    assert report.sessions == ("AM", "PM")
    first = report.rows[0]
    assert first.actuals[0].difference_seconds == pytest.approx(120)
    assert first.actuals[1].difference_seconds == pytest.approx(-60)
    assert report.rows[7].actuals[0].actual_seconds is None

    text = reports.export_csv(eid, "ja").decode("utf-8-sig")
    table = list(csv.reader(io.StringIO(text)))
    assert table[0][:6] == ["No", "項目", "種類", "AM 予定(分)", "AM 実績(分)", "AM 差(分)"]
    assert table[1][1:] == [
        "受付・オリエンテーション",
        "受付",
        "10",
        "12.0",
        "2.0",
        "10",
        "9.0",
        "-1.0",
    ]

    pdf = PdfReader(io.BytesIO(reports.export_pdf(eid, "ja")))
    page = pdf.pages[0].extract_text()
    assert "予定と実績" in page
    assert "受付・オリエンテーション" in page
    assert "+2.0" in page and "-1.0" in page
