"""The feedback area through its real widgets: kiosk, paper entry, results, survey editor."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from facilitator.db.models import Event
from facilitator.db.workspace import Workspace
from facilitator.domain.clock import FakeClock
from facilitator.domain.survey_rules import FeedbackOutcome
from facilitator.lang import Lang
from facilitator.services.events import EventService
from facilitator.services.feedback.capture import (
    FeedbackMethod,
    FeedbackService,
    Respondent,
    SubmitResult,
)
from facilitator.services.feedback.results import FeedbackResultsService
from facilitator.services.feedback.survey_editor import SurveyEditorService
from facilitator.ui.current_event import CurrentEvent
from facilitator.ui.dialogs import RecordingDialogs
from facilitator.ui.feedback.kiosk_window import KioskWindow
from facilitator.ui.feedback.view import FeedbackView
from facilitator.ui.runner import SyncRunner
from tests.unit.feedback_helpers import GOOD_ANSWERS, attendees_of, check_in, open_feedback


@dataclass
class Area:
    view: FeedbackView
    feedback: FeedbackService
    staff: dict[int, str]
    ids: list[int]
    dialogs: RecordingDialogs


@pytest.fixture
def area(
    qtbot: QtBot, demo_workspace: Workspace, clock: FakeClock, qt_lang: Callable[[Lang], None]
) -> Iterator[Area]:
    qt_lang("en")  # the windows read English (no catalogue), whatever ran before
    open_feedback(demo_workspace, "AM", "PM")
    ids = check_in(demo_workspace, clock, "AM", 6)
    with demo_workspace.session() as s:
        event_id = s.scalars(select(Event.id)).one()
    feedback = FeedbackService(demo_workspace, clock)
    dialogs = RecordingDialogs()
    view = FeedbackView(
        feedback,
        FeedbackResultsService(demo_workspace, clock),
        SurveyEditorService(demo_workspace, clock),
        EventService(demo_workspace, clock),
        SyncRunner(),
        CurrentEvent(event_id),
        lang="ja",
        dialogs=dialogs,
    )
    view.timer.stop()
    qtbot.addWidget(view)
    view.resize(1200, 800)
    yield Area(view, feedback, dict(attendees_of(demo_workspace, "AM")), ids, dialogs)
    if view.kiosk is not None:
        view.kiosk.close()  # the app's own close needs no PIN
    feedback.close()


def test_live_count_rises_with_a_phone_answer(area: Area, screenshots: Path) -> None:
    assert "AM: 0 of 6" in area.view.count_label.text()
    area.feedback.submit(
        area.view.session_combo.currentData(),
        Respondent(area.ids[0]),
        GOOD_ANSWERS,
        FeedbackMethod.PHONE,
    )
    area.view.poll()  # what the timer does every few seconds
    assert "AM: 1 of 6" in area.view.count_label.text()
    area.view.grab().save(str(screenshots / "feedback_view.png"))
    panel = area.view.results_panel
    assert panel.text_model.rowCount() == 1
    # Typed HTML stays text in the table.
    panel.text_combo.setCurrentIndex(panel.text_combo.findData("comments"))
    assert panel.text_model.data(panel.text_model.index(0, 2)) == "<b>ありがとう</b>"


def open_locked_kiosk(qtbot: QtBot, area: Area, pin: str = "2468") -> KioskWindow:
    """Open kiosk mode as staff do: choose the PIN, then hand the laptop over."""
    qtbot.mouseClick(area.view.kiosk_button, Qt.MouseButton.LeftButton)
    kiosk = area.view.kiosk
    assert kiosk is not None and kiosk.isFullScreen()
    kiosk.activateWindow()  # Esc is a window shortcut, as on the laptop
    qtbot.waitUntil(kiosk.isActiveWindow)
    assert kiosk.pages.currentWidget() is kiosk.setup_page
    qtbot.keyClicks(kiosk.pin_edit, pin)
    qtbot.keyClicks(kiosk.pin_again_edit, pin)
    qtbot.keyClick(kiosk.pin_again_edit, Qt.Key.Key_Return)
    assert kiosk.locked and kiosk.pages.currentIndex() == 0
    return kiosk


def test_kiosk_one_attendee_after_another(qtbot: QtBot, area: Area, screenshots: Path) -> None:
    kiosk = open_locked_kiosk(qtbot, area)
    for turn, aid in enumerate(area.ids[:2]):
        qtbot.keyClicks(kiosk.staff_edit, area.staff[aid])
        qtbot.mouseClick(kiosk.start_button, Qt.MouseButton.LeftButton)
        assert kiosk.pages.currentWidget() is kiosk.questions_page
        if turn == 0:
            kiosk.grab().save(str(screenshots / "feedback_kiosk_questions.png"))
        # Send with nothing chosen: every required question says so.
        qtbot.mouseClick(kiosk.send_button, Qt.MouseButton.LeftButton)
        assert not kiosk.box("understanding").error.isHidden()
        if turn == 0:
            kiosk.grab().save(str(screenshots / "feedback_kiosk_refused.png"))
        for key, value in (
            ("understanding", "4"),
            ("usefulness", "5"),
            ("motivation", "3"),
            ("difficulty", "just_right"),
        ):
            button = kiosk.findChild(type(kiosk.send_button), f"kiosk_{key}_{value}")
            qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        text = kiosk.box("action").text
        assert text is not None
        text.insertPlainText("AIで議事録")  # what a Japanese IME commits
        qtbot.mouseClick(kiosk.send_button, Qt.MouseButton.LeftButton)
        assert kiosk.pages.currentIndex() == 2
        assert kiosk.done_label.text() == "Thank you! The answers were recorded."
        # Back to the start by itself, empty for the next person.
        if turn == 0:
            kiosk.reset_timer.setInterval(200)  # the real timer, shortened
            qtbot.waitUntil(lambda: kiosk.pages.currentIndex() == 0, timeout=6000)
        else:
            kiosk.reset_timer.timeout.emit()
        assert kiosk.staff_edit.text() == ""
    assert "AM: 2 of 6" in area.view.count_label.text()
    # An unknown staff number is told so before any question is shown.
    qtbot.keyClicks(kiosk.staff_edit, "not-a-number")
    qtbot.keyClick(kiosk.staff_edit, Qt.Key.Key_Return)
    assert kiosk.pages.currentIndex() == 0
    assert kiosk.start_error.text() == (
        "No check-in for this staff number in this session. Check the number."
    )
    kiosk.grab().save(str(screenshots / "feedback_kiosk_start.png"))


def test_paper_entry_keyboard_only(qtbot: QtBot, area: Area, screenshots: Path) -> None:
    view = area.view
    view.show()
    view.activateWindow()
    qtbot.waitUntil(view.isActiveWindow)
    view.tabs.setCurrentWidget(view.paper)
    paper = view.paper
    paper.staff_edit.setFocus()
    qtbot.keyClicks(paper.staff_edit, area.staff[area.ids[3]])
    qtbot.keyClick(paper.staff_edit, Qt.Key.Key_Return)
    assert paper.field("understanding").hasFocus()
    for key, typed in (
        ("understanding", "4"),
        ("usefulness", "9"),
        ("difficulty", "3"),
        ("motivation", "2"),
    ):
        field = paper.field(key)
        qtbot.keyClicks(field, typed)
        qtbot.keyClick(field, Qt.Key.Key_Return)
    action = paper.field("action")
    assert action.hasFocus()
    action.insertPlainText("紙の回答")  # type: ignore[union-attr]  # an IME commit
    qtbot.keyClick(action, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    # 9 is no rating: refused, said beside the field, nothing stored.
    assert not paper.error_line("usefulness").isHidden()
    assert paper.error_line("understanding").isHidden()
    assert "AM: 0 of 6" in view.count_label.text()
    view.grab().save(str(screenshots / "feedback_paper_refused.png"))
    field = paper.field("usefulness")
    assert field.hasFocus()
    field.clear()  # type: ignore[union-attr]
    qtbot.keyClicks(field, "5")
    qtbot.keyClick(field, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert paper.staff_edit.text() == "" and paper.staff_edit.hasFocus()
    assert "AM: 1 of 6" in view.count_label.text()
    rows = FeedbackResultsService(area.feedback._workspace, area.feedback.clock).response_rows(
        view._current.event_id or 0
    )[1]
    assert rows[0].answers["difficulty"] == "just_right"
    assert rows[0].method == "paper"


def test_survey_editor_renames_label_and_refuses_removing_answered(
    qtbot: QtBot, area: Area
) -> None:
    area.feedback.submit(
        area.view.session_combo.currentData(),
        Respondent(area.ids[0]),
        GOOD_ANSWERS,
        FeedbackMethod.KIOSK,
    )
    editor = area.view.editor
    editor.load(area.view._current.event_id or 0)
    editor.question_list.setCurrentRow(0)
    assert not editor.key_edit.isEnabled()  # answered: the key is fixed
    editor.label_en.setText("")
    qtbot.keyClicks(editor.label_en, "Did the content make sense?")
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert "Saved" in editor.status.text()
    qtbot.mouseClick(editor.remove_button, Qt.MouseButton.LeftButton)
    assert editor.question_list.count() == 6
    # A new optional text question with a stable key.
    qtbot.mouseClick(editor.add_button, Qt.MouseButton.LeftButton)
    editor.key_edit.setText("tools")
    editor.kind_combo.setCurrentIndex(editor.kind_combo.findData("multiple_choice"))
    editor.label_ja.setText("使いたいツール")
    editor.label_en.setText("Tools you want to use")
    editor.required_check.setChecked(False)
    editor.choices_edit.setPlainText("rpa | RPA | RPA\nai | 生成AI | Generative AI")
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    state = SurveyEditorService(area.feedback._workspace, area.feedback.clock).state(
        area.view._current.event_id or 0
    )
    assert state.survey is not None
    assert state.survey.questions[0].label_en == "Did the content make sense?"
    tools = state.survey.question("tools")
    assert tools is not None and [c.value for c in tools.choices] == ["rpa", "ai"]


def test_view_shows_the_phone_qr_while_open(qtbot: QtBot, area: Area, screenshots: Path) -> None:
    import zxingcpp
    from PySide6.QtGui import QImage

    view = area.view
    view._phone_url = lambda sid: area.feedback.feedback_link(sid, "192.168.1.20", 8765)
    view.show_phone_link()
    image = view.qr_label.pixmap().toImage().convertToFormat(QImage.Format.Format_Grayscale8)
    view.grab().save(str(screenshots / "feedback_view_qr.png"))
    found = zxingcpp.read_barcodes(image)
    assert [r.text for r in found] == [
        area.feedback.feedback_link(view.session_combo.currentData(), "192.168.1.20", 8765)
    ]
    qtbot.mouseClick(view.toggle_button, Qt.MouseButton.LeftButton)  # close the survey
    assert view.qr_label.isHidden()
    assert not view.kiosk_button.isEnabled()


def test_export_from_the_view(qtbot: QtBot, area: Area, tmp_path: Path) -> None:
    import csv

    area.feedback.submit(
        area.view.session_combo.currentData(),
        Respondent(area.ids[0]),
        GOOD_ANSWERS,
        FeedbackMethod.KIOSK,
    )
    target = tmp_path / "結果.csv"
    area.dialogs.paths.append(target)
    qtbot.mouseClick(area.view.export_button, Qt.MouseButton.LeftButton)
    with target.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert [r["understanding"] for r in rows] == ["4"]
    assert area.dialogs.messages[-1][0] == "inform"
    # A wrong extension is refused with a message, and no file appears.
    area.dialogs.paths.append(tmp_path / "結果.txt")
    qtbot.mouseClick(area.view.export_button, Qt.MouseButton.LeftButton)
    assert area.dialogs.messages[-1][0] == "warn" and ".csv" in area.dialogs.messages[-1][1]
    assert not (tmp_path / "結果.txt").exists()


def test_editor_creates_a_survey_for_an_event_without_one(
    qtbot: QtBot, area: Area, demo_workspace: Workspace
) -> None:
    from sqlalchemy import delete

    from facilitator.db.models import Survey

    with demo_workspace.session() as s:
        s.execute(delete(Survey))
    view = area.view
    view.refresh()
    editor = view.editor
    editor.load(view._current.event_id or 0)
    assert not editor.create_row.isHidden()
    assert not view.export_button.isEnabled()
    assert editor.source_combo.currentData() is None  # the default template first
    qtbot.mouseClick(editor.create_button, Qt.MouseButton.LeftButton)
    assert editor.create_row.isHidden()
    assert editor.question_list.count() == 6
    assert view.export_button.isEnabled()


def test_kiosk_pin_is_chosen_with_care(qtbot: QtBot, area: Area, screenshots: Path) -> None:
    qtbot.mouseClick(area.view.kiosk_button, Qt.MouseButton.LeftButton)
    kiosk = area.view.kiosk
    assert kiosk is not None
    kiosk.activateWindow()
    qtbot.waitUntil(kiosk.isActiveWindow)
    kiosk.grab().save(str(screenshots / "feedback_kiosk_setup.png"))
    qtbot.keyClicks(kiosk.pin_edit, "12ab")  # the field takes digits only
    assert kiosk.pin_edit.text() == "12"
    qtbot.mouseClick(kiosk.begin_button, Qt.MouseButton.LeftButton)
    assert "4" in kiosk.setup_error.text() and not kiosk.locked
    qtbot.keyClicks(kiosk.pin_edit, "34")
    qtbot.keyClicks(kiosk.pin_again_edit, "1235")
    qtbot.mouseClick(kiosk.begin_button, Qt.MouseButton.LeftButton)
    assert kiosk.setup_error.text() and not kiosk.locked
    assert kiosk.pages.currentWidget() is kiosk.setup_page
    # Esc before a PIN is set: staff changed their mind, the kiosk just closes.
    qtbot.keyClick(kiosk, Qt.Key.Key_Escape)
    assert not kiosk.isVisible()


def test_leaving_the_kiosk_needs_the_pin(qtbot: QtBot, area: Area, screenshots: Path) -> None:
    kiosk = open_locked_kiosk(qtbot, area, pin="97531")
    # An attendee half-way through the questions presses Esc.
    qtbot.keyClicks(kiosk.staff_edit, area.staff[area.ids[0]])
    qtbot.mouseClick(kiosk.start_button, Qt.MouseButton.LeftButton)
    kiosk.box("action").text.insertPlainText("途中まで")  # type: ignore[union-attr]
    qtbot.keyClick(kiosk, Qt.Key.Key_Escape)
    assert kiosk.pages.currentWidget() is kiosk.leave_page
    kiosk.grab().save(str(screenshots / "feedback_kiosk_leave.png"))
    qtbot.keyClicks(kiosk.leave_edit, "1111")
    qtbot.keyClick(kiosk.leave_edit, Qt.Key.Key_Return)
    assert kiosk.isVisible() and "PIN" in kiosk.leave_error.text()
    # Back: their answers are where they left them.
    qtbot.mouseClick(kiosk.findChild(QPushButton, "kioskLeaveBack"), Qt.MouseButton.LeftButton)
    assert kiosk.pages.currentWidget() is kiosk.questions_page
    assert kiosk.box("action").text.toPlainText() == "途中まで"  # type: ignore[union-attr]
    # The window manager's close (Alt+F4, the title bar) is refused the same way.
    closing = WindowManagerClose()
    kiosk.closeEvent(closing)  # type: ignore[arg-type]
    assert closing.ignored and kiosk.isVisible()
    assert kiosk.pages.currentWidget() is kiosk.leave_page
    # Five wrong PINs: the field rests for a while, even the right PIN is not taken.
    for _ in range(5):
        qtbot.keyClicks(kiosk.leave_edit, "0000")
        qtbot.keyClick(kiosk.leave_edit, Qt.Key.Key_Return)
    assert not kiosk.leave_edit.isEnabled() and kiosk.lockout_timer.isActive()
    kiosk.lockout_timer.timeout.emit()  # the 30 s, without waiting them
    assert kiosk.leave_edit.isEnabled()
    qtbot.keyClicks(kiosk.leave_edit, "97531")
    qtbot.keyClick(kiosk.leave_edit, Qt.Key.Key_Return)
    assert not kiosk.isVisible()


class WindowManagerClose:
    """What Qt hands closeEvent for Alt+F4: a spontaneous close (Qt's own tests cannot
    make one from Python)."""

    ignored = False

    def spontaneous(self) -> bool:
        return True

    def ignore(self) -> None:
        self.ignored = True


def test_a_reply_while_staff_type_the_pin_does_not_pull_the_page_away(
    qtbot: QtBot, area: Area
) -> None:
    kiosk = open_locked_kiosk(qtbot, area)
    kiosk.staff_edit.setText(area.staff[area.ids[0]])
    # Esc while the staff-number check is on its way; the reply lands on the PIN page.
    kiosk.ask_to_leave()
    kiosk._prechecked(None)
    assert kiosk.pages.currentWidget() is kiosk.leave_page
    qtbot.mouseClick(kiosk.findChild(QPushButton, "kioskLeaveBack"), Qt.MouseButton.LeftButton)
    assert kiosk.pages.currentWidget() is kiosk.questions_page
    # A thank-you that arrives under the PIN page, then the PIN page left idle: the
    # next person sees the start page, not the last one's answers.
    kiosk.ask_to_leave()
    kiosk._done(SubmitResult(FeedbackOutcome.RECORDED))
    kiosk.reset_timer.timeout.emit()
    kiosk.leave_timer.timeout.emit()
    assert kiosk.pages.currentIndex() == 0 and kiosk.staff_edit.text() == ""
    # The app's own close (quitting, another workspace) needs no PIN.
    kiosk.close()
    assert not kiosk.isVisible()


def test_an_idle_leave_page_returns_to_the_start(qtbot: QtBot, area: Area) -> None:
    kiosk = open_locked_kiosk(qtbot, area)
    qtbot.keyClick(kiosk, Qt.Key.Key_Escape)
    assert kiosk.pages.currentWidget() is kiosk.leave_page
    kiosk.leave_timer.setInterval(100)  # the real timer, shortened
    kiosk.leave_timer.start()
    qtbot.waitUntil(lambda: kiosk.pages.currentIndex() == 0, timeout=3000)
    assert kiosk.locked and kiosk.isVisible()
