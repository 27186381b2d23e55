"""The agenda area: editing, planned times and fit warning, presenting, planned vs actual."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QApplication, QPushButton, QTableWidget
from pytestqt.qtbot import QtBot

from facilitator.db.workspace import Workspace
from facilitator.domain.agenda_timing import Phase
from facilitator.domain.clock import FakeClock
from facilitator.services.agenda.items import AgendaService, local_datetime
from facilitator.services.agenda.live import LiveAgenda
from facilitator.services.agenda.phone_slides import PhoneSlides
from facilitator.services.agenda.report import AgendaReportService
from facilitator.services.events import EventService
from facilitator.ui.agenda.audience_window import ScreenWatch
from facilitator.ui.agenda.presenter_launcher import PresenterLauncher
from facilitator.ui.agenda.view import AgendaView
from facilitator.ui.current_event import CurrentEvent
from facilitator.ui.dialogs import RecordingDialogs
from facilitator.ui.runner import SyncRunner


def cell(table: QTableWidget, row: int, column: int) -> str:
    item = table.item(row, column)
    assert item is not None, (row, column)
    return item.text()


def header(table: QTableWidget, column: int) -> str:
    item = table.horizontalHeaderItem(column)
    assert item is not None
    return item.text()


class Area:
    def __init__(self, ws: Workspace, clock: FakeClock, qapp: QApplication) -> None:
        self.ws, self.clock = ws, clock
        self.events = EventService(ws, clock)
        self.event_id = self.events.resolve_event_id(None)
        self.agenda = AgendaService(ws, clock)
        self.dialogs = RecordingDialogs()
        runner = SyncRunner()
        self.launcher = PresenterLauncher(
            lambda sid: LiveAgenda(ws, clock, sid),
            clock,
            runner,
            runner,
            ScreenWatch(qapp),
            self.dialogs,
            "en",
            PhoneSlides(ws, clock, lambda: None),
        )
        self.view = AgendaView(
            self.agenda,
            AgendaReportService(ws, clock, AgendaService(ws, clock)),
            self.events,
            runner,
            CurrentEvent(self.event_id),
            self.dialogs,
            "en",
            self.launcher.present,
        )

    def button(self, name: str) -> QPushButton:
        button = self.view.findChild(QPushButton, name)
        assert button is not None, name
        return button

    def titles(self) -> list[str]:
        return [i.title for i in self.agenda.list_items(self.event_id)]


@pytest.fixture
def area(demo_workspace: Workspace, clock: FakeClock, qapp: QApplication, qtbot: QtBot) -> Area:
    a = Area(demo_workspace, clock, qapp)
    qtbot.addWidget(a.view)
    a.view.show()
    return a


def test_editor_lists_and_saves_an_item(area: Area, qtbot: QtBot) -> None:
    editor = area.view.editor
    assert editor.list.count() == 8
    editor.list.setCurrentRow(1)
    assert editor.title.text() == "DXとは何か"
    editor.title.setText("DXとは何か（基礎）")
    editor.minutes.setValue(30)
    editor.notes.setPlainText("最初に挙手で質問")
    editor.flexible.setChecked(True)
    qtbot.mouseClick(area.button("saveItem"), Qt.MouseButton.LeftButton)
    saved = area.agenda.list_items(area.event_id)[1]
    assert (saved.title, saved.minutes, saved.spec.notes, saved.spec.flexible) == (
        "DXとは何か（基礎）",
        30,
        "最初に挙手で質問",
        True,
    )
    assert editor.list.currentRow() == 1


def test_bad_input_is_refused_with_a_message(area: Area, qtbot: QtBot) -> None:
    editor = area.view.editor
    editor.list.setCurrentRow(2)
    editor.title.setText("   ")
    qtbot.mouseClick(area.button("saveItem"), Qt.MouseButton.LeftButton)
    assert area.dialogs.messages and "title" in area.dialogs.messages[-1][1].lower()
    assert area.titles()[2] == "本市のDX推進計画"


def test_duplicate_delete_and_undo(area: Area, qtbot: QtBot) -> None:
    editor = area.view.editor
    editor.list.setCurrentRow(1)
    qtbot.mouseClick(area.button("duplicate"), Qt.MouseButton.LeftButton)
    assert area.titles()[1:3] == ["DXとは何か", "DXとは何か"]
    qtbot.mouseClick(area.button("delete"), Qt.MouseButton.LeftButton)
    assert len(area.titles()) == 8
    editor.list.setCurrentRow(0)
    qtbot.mouseClick(area.button("delete"), Qt.MouseButton.LeftButton)
    assert area.titles()[0] == "DXとは何か"
    qtbot.mouseClick(area.button("undo"), Qt.MouseButton.LeftButton)
    assert area.titles()[0] == "受付・オリエンテーション"
    qtbot.keySequence(editor, "Ctrl+Z")
    assert area.titles().count("DXとは何か") == 2
    assert not area.button("undo").isEnabled()


def test_drag_reorder_saves_the_order(area: Area) -> None:
    editor = area.view.editor
    editor.list.setCurrentRow(3)  # 休憩
    # What a drop does inside the list: the row moves, the view reports it.
    assert editor.list.model().moveRow(QModelIndex(), 3, QModelIndex(), 1)
    assert area.titles()[:3] == ["受付・オリエンテーション", "休憩", "DXとは何か"]
    assert editor.list.item(1).text().startswith("2. 休憩")


def test_planned_times_and_fit_warning(area: Area, qtbot: QtBot, screenshots: Path) -> None:
    times = area.view.times
    headers = [header(times, c) for c in range(times.columnCount())]
    assert headers[2:] == ["AM", "PM"]
    assert cell(times, 0, 2) == "09:30–09:40"
    assert cell(times, 1, 3) == "13:40–14:05"
    assert not area.view.fit_warning.isVisible()
    editor = area.view.editor
    editor.list.setCurrentRow(4)
    editor.minutes.setValue(60)  # 40 -> 60: ends 12:10, the slot ends 12:00
    qtbot.mouseClick(area.button("saveItem"), Qt.MouseButton.LeftButton)
    assert area.view.fit_warning.isVisible()
    assert "10 min" in area.view.fit_warning.text() and "AM" in area.view.fit_warning.text()
    area.view.resize(1100, 800)
    area.view.grab().save(str(screenshots / "agenda_editor.png"))


def test_present_opens_console_and_projector(area: Area, qtbot: QtBot) -> None:
    qtbot.mouseClick(area.button("present"), Qt.MouseButton.LeftButton)
    [opened] = area.launcher.open.values()
    assert opened.console.isVisible() and opened.audience.isVisible()
    qtbot.keyClick(opened.console, Qt.Key.Key_Space)
    assert opened.controller.state.phase == Phase.RUNNING
    opened.console.close()
    assert not area.launcher.open


def _start_and_crash(area: Area) -> int:
    detail = area.events.get_event(area.event_id)
    am = detail.session_by_label("AM")
    area.clock.advance((local_datetime(am.date, am.start) - area.clock.now()).total_seconds())
    live = LiveAgenda(area.ws, area.clock, am.id)
    live.load()
    live.start()
    area.clock.advance(11 * 60)
    live.next()
    area.clock.advance(5 * 60)
    return am.id


def test_restart_offers_to_resume_at_the_right_time(area: Area) -> None:
    _start_and_crash(area)
    area.dialogs.confirm_answers.append(True)
    area.view._present_clicked()
    kind, question = area.dialogs.messages[-1]
    assert kind == "confirm" and "DXとは何か" in question and "20:00" in question
    [opened] = area.launcher.open.values()
    status = opened.controller.status()
    assert status.index == 1 and status.remaining_seconds == pytest.approx(20 * 60)
    assert "20:00" in opened.console.time_left.text()
    opened.console.close()


def test_declining_resume_ends_the_run(area: Area) -> None:
    session_id = _start_and_crash(area)
    area.dialogs.confirm_answers.append(False)
    area.view._present_clicked()
    [opened] = area.launcher.open.values()
    assert opened.controller.state.phase == Phase.IDLE
    assert not LiveAgenda(area.ws, area.clock, session_id).load().resumable
    opened.console.close()


def test_planned_vs_actual_tab_and_export(area: Area, tmp_path: Path) -> None:
    _start_and_crash(area)
    area.view.tabs.setCurrentIndex(1)
    report = area.view.report
    assert cell(report, 0, 0) == "1. 受付・オリエンテーション"
    assert cell(report, 0, 2) == "11.0"
    assert cell(report, 0, 3) == "+1.0"
    target = tmp_path / "am-pm"
    area.dialogs.paths.append(target)
    qtbot_click(area.button("exportCsv"))
    written = target.with_name("am-pm.csv").read_bytes().decode("utf-8-sig")
    assert "AM actual (min)" in written and "11.0" in written
    area.dialogs.paths.append(tmp_path / "report.pdf")
    qtbot_click(area.button("exportPdf"))
    assert (tmp_path / "report.pdf").read_bytes().startswith(b"%PDF")


def qtbot_click(button: QPushButton) -> None:
    button.click()


def test_a_file_that_is_not_a_pdf_is_refused(area: Area, tmp_path: Path) -> None:
    bogus = tmp_path / "deck.pdf"
    bogus.write_text("not a pdf", encoding="utf-8")
    area.view.editor.list.setCurrentRow(1)
    area.view.editor.attach_pdf(str(bogus))
    assert area.dialogs.messages[-1][0] == "warn"
    assert "deck.pdf" in area.dialogs.messages[-1][1]
    assert area.view.editor.pdf.text() == ""
    assert area.view.editor.spec().pdf is None


def test_the_session_box_shows_the_whole_session(area: Area, qtbot: QtBot) -> None:
    combo = area.view.sessions
    qtbot.waitUntil(lambda: combo.count() == 2, timeout=5000)
    # Sessions arrive after the window is shown (they load in the background); the box
    # must then grow to its entries, not keep the width it had when first shown.
    longer = combo.itemText(0) + "  (Council chamber, 3rd floor)"
    combo.addItem(longer)
    layout = area.view.layout()
    assert layout is not None
    layout.activate()
    qtbot.waitUntil(
        lambda: combo.width() >= combo.fontMetrics().horizontalAdvance(longer), timeout=2000
    )


def test_planned_vs_actual_after_a_rehearsal_says_why_it_is_blank(
    area: Area, screenshots: Path
) -> None:
    # A rehearsal: presented the day before the session's date.
    detail = area.events.get_event(area.event_id)
    am = detail.session_by_label("AM")
    day_before = local_datetime(am.date, am.start).timestamp() - 24 * 3600
    area.clock.advance(day_before - area.clock.now().timestamp())
    live = LiveAgenda(area.ws, area.clock, am.id)
    live.load()
    live.start()
    area.clock.advance(5 * 60)
    live.next()
    area.view.tabs.setCurrentIndex(1)
    note = area.view.report_note
    assert note.isVisible()
    assert "rehearsal" in note.text() and "Present…" in note.text()
    assert cell(area.view.report, 0, 2) == ""  # nothing recorded, and now it says why
    area.view.resize(1366, 700)
    area.view.grab().save(str(screenshots / "agenda_report_after_rehearsal.png"))
    # A real run on the session's date fills the column and the note goes.
    _start_and_crash(area)
    area.view._refresh_report()
    assert not note.isVisible()
    assert cell(area.view.report, 0, 2) == "11.0"
