"""The feedback area as a trainer sees it in Japanese, at 1366×768 (taskbar: 728 high)
and 1920×1080: department names whole, a still top bar, empty charts that say what
comes, the editor's live count and refused tick, the kiosk's picked answer."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication, QLabel, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from facilitator.db.models import Event
from facilitator.db.workspace import Workspace
from facilitator.domain.clock import FakeClock
from facilitator.domain.contrast import contrast_ratio
from facilitator.domain.phrases import WORD_JOINER
from facilitator.lang import Lang
from facilitator.services.events import EventService
from facilitator.services.feedback.capture import FeedbackMethod, FeedbackService, Respondent
from facilitator.services.feedback.results import FeedbackResultsService
from facilitator.services.feedback.survey_editor import SurveyEditorService
from facilitator.ui.current_event import CurrentEvent
from facilitator.ui.dialogs import RecordingDialogs
from facilitator.ui.feedback.kiosk_pages import QuestionsPage, StartPage
from facilitator.ui.feedback.kiosk_parts import (
    FIELD_WIDTH,
    PICKED_BORDER,
    PICKED_FILL,
    PICKED_TEXT,
    READABLE_WIDTH,
    UNPICKED_BORDER,
    UNPICKED_FACE,
    UNPICKED_TEXT,
)
from facilitator.ui.feedback.view import FeedbackView
from facilitator.ui.fonts import register_bundled_fonts, ui_font
from facilitator.ui.runner import SyncRunner
from tests.unit.feedback_helpers import GOOD_ANSWERS, check_in, open_feedback, session_ids

# The screens of the issue; 1366×768 minus a 40 px taskbar.
SIZES = {"1366": (1366, 728), "1920": (1920, 1040)}


@dataclass
class Area:
    view: FeedbackView
    feedback: FeedbackService
    results: FeedbackResultsService
    ids: list[int]
    event_id: int
    ws: Workspace


def _area(
    qtbot: QtBot, ws: Workspace, clock: FakeClock, lang: Lang, *, opened: bool = True
) -> Area:
    if opened:
        open_feedback(ws, "AM", "PM")
    ids = check_in(ws, clock, "AM", 9)
    with ws.session() as s:
        event_id = s.scalars(select(Event.id)).one()
    feedback = FeedbackService(ws, clock)
    results = FeedbackResultsService(ws, clock)
    view = FeedbackView(
        feedback,
        results,
        SurveyEditorService(ws, clock),
        EventService(ws, clock),
        SyncRunner(),
        CurrentEvent(event_id),
        lang=lang,
        dialogs=RecordingDialogs(),
        phone_url=lambda sid: f"http://127.0.0.1:8765/f/S{sid}?t=1-AAAA",
    )
    view.timer.stop()
    qtbot.addWidget(view)
    return Area(view, feedback, results, ids, event_id, ws)


@pytest.fixture(autouse=True)
def japanese_font(qapp: QApplication) -> Iterator[None]:
    """The app's font (IPAex Gothic after the system's), as the shell sets it, so sizes
    and screenshots are those of the Japanese window; the previous font comes back."""
    before = QApplication.font()
    QApplication.setFont(ui_font(register_bundled_fonts()))
    yield
    QApplication.setFont(before)


@pytest.fixture
def area_ja(
    qtbot: QtBot, demo_workspace: Workspace, clock: FakeClock, qt_lang: Callable[[Lang], None]
) -> Iterator[Area]:
    qt_lang("ja")
    area = _area(qtbot, demo_workspace, clock, "ja")
    yield area
    area.feedback.close()


def _answer(area: Area, count: int) -> None:
    sid = session_ids(area.ws)["AM"]
    for attendee in area.ids[:count]:
        area.feedback.submit(sid, Respondent(attendee), GOOD_ANSWERS, FeedbackMethod.KIOSK)
    area.view.poll()  # what the area's timer does every 3 s


def _show_at(qtbot: QtBot, widget: QWidget, size: tuple[int, int]) -> None:
    widget.resize(*size)
    widget.show()
    qtbot.waitExposed(widget)
    qtbot.wait(20)  # let the layouts settle


def _not_cut(label: QLabel) -> bool:
    """The label shows its whole text: wrapped lines fit its height, one line its width."""
    inner = label.contentsRect()
    if label.wordWrap():
        return label.heightForWidth(label.width()) <= label.height()
    return label.fontMetrics().horizontalAdvance(label.text()) <= inner.width()


@pytest.mark.parametrize("screen", list(SIZES))
def test_department_names_are_shown_whole(
    qtbot: QtBot, area_ja: Area, screenshots: Path, screen: str
) -> None:
    from facilitator.db.models import Attendee, Department

    with area_ja.ws.session() as s:
        first = s.get(Attendee, area_ja.ids[0])
        assert first is not None
        department = s.get(Department, first.department_id)
        assert department is not None
        # A long real-world name: the chart used to cut even short ones to "…".
        department.name = "こども未来部子育て支援課保育施設・幼児教育連携担当"
    _answer(area_ja, 9)
    view = area_ja.view
    view.tabs.setCurrentWidget(view.results_panel)
    _show_at(qtbot, view, SIZES[screen])
    expected = [d for d in area_ja.results.results(area_ja.event_id).departments if d is not None]
    bars = view.results_panel.department_bars
    shown = [label.text().replace(WORD_JOINER, "") for label in bars.name_labels]
    assert len(shown) >= 3 and shown == expected  # the full names, none cut to "…"
    assert all(_not_cut(label) and label.isVisible() for label in bars.name_labels)
    assert all("…" not in label.text() for label in bars.name_labels)
    assert all(f.text().startswith("4.00 (n=") for f in bars.figure_labels)
    axis = view.results_panel.session_chart.chart().axes(Qt.Orientation.Horizontal)[0]
    assert not axis.labelsTruncated()  # "1 理解できなかった" whole under the session chart
    view.grab().save(str(screenshots / f"i15c_results_{screen}_ja.png"))
    # A choice question: a legend names each choice, and each row gives the counts.
    panel = view.results_panel
    panel.question_combo.setCurrentIndex(panel.question_combo.findData("difficulty"))
    qtbot.wait(20)  # the new rows are shown by the event loop
    assert all(_not_cut(label) and label.isVisible() for label in bars.name_labels)
    assert [label.text().replace(WORD_JOINER, "") for label in bars.name_labels] == expected
    assert bars.title.text() == "所属別の回答"
    assert sum(int(n) for f in bars.figure_labels for n in f.text().split(" / ")) == 9
    view.grab().save(str(screenshots / f"i15c_results_choice_{screen}_ja.png"))


def test_opening_a_survey_keeps_the_top_bar_still(
    qtbot: QtBot,
    demo_workspace: Workspace,
    clock: FakeClock,
    qt_lang: Callable[[Lang], None],
    screenshots: Path,
) -> None:
    qt_lang("ja")
    area = _area(qtbot, demo_workspace, clock, "ja", opened=False)
    view = area.view
    _show_at(qtbot, view, SIZES["1366"])
    assert not view.qr_label.isVisible()
    before = (view.top_bar.geometry(), view.toggle_button.geometry(), view.tabs.geometry())
    view.grab().save(str(screenshots / "i15c_topbar_closed_1366_ja.png"))
    qtbot.mouseClick(view.toggle_button, Qt.MouseButton.LeftButton)
    qtbot.wait(20)
    assert view.toggle_button.text() == "回答受付を終了" and view.qr_label.isVisible()
    after = (view.top_bar.geometry(), view.toggle_button.geometry(), view.tabs.geometry())
    assert after == before
    view.grab().save(str(screenshots / "i15c_topbar_open_1366_ja.png"))
    # One line per session, each whole: never wrapped in the middle of a phrase.
    lines = view.count_label.text().split("\n")
    assert len(lines) == 2 and all("名が回答" in line for line in lines)
    assert not view.count_label.wordWrap()
    width = view.count_label.contentsRect().width()
    assert all(view.count_label.fontMetrics().horizontalAdvance(x) <= width for x in lines)
    area.feedback.close()


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_empty_charts_say_what_will_appear_and_when(
    qtbot: QtBot,
    demo_workspace: Workspace,
    clock: FakeClock,
    qt_lang: Callable[[Lang], None],
    screenshots: Path,
    lang: Lang,
) -> None:
    qt_lang(lang)
    area = _area(qtbot, demo_workspace, clock, lang)
    panel = area.view.results_panel
    _show_at(qtbot, area.view, SIZES["1920"])
    assert panel.session_stack.currentWidget() is panel.session_empty
    assert panel.session_empty.isVisible() and panel.department_bars.empty.isVisible()
    appear = {"ja": "回答が届くと", "en": "When attendees answer"}[lang]
    assert appear in panel.session_empty.text().replace(WORD_JOINER, "")
    assert {"ja": "回答が届くと", "en": "appear here once"}[lang] in (
        panel.department_bars.empty.text().replace(WORD_JOINER, "")
    )
    area.view.grab().save(str(screenshots / f"i15c_results_empty_1920_{lang}.png"))
    _answer(area, 1)
    assert panel.session_stack.currentWidget() is panel.session_chart
    assert not panel.department_bars.empty.isVisible()
    area.feedback.close()


def test_the_editor_counts_answers_as_they_arrive(qtbot: QtBot, area_ja: Area) -> None:
    editor = area_ja.view.editor
    assert editor.response_count.text() == "これまでの回答：0 件"
    assert editor.anonymous_check.isEnabled()
    _answer(area_ja, 3)
    assert editor.response_count.text() == "これまでの回答：3 件"
    # With answers in, named/anonymous is fixed.
    assert not editor.anonymous_check.isEnabled()


def test_a_refused_tick_is_undone_and_says_why_beside_it(
    qtbot: QtBot, area_ja: Area, screenshots: Path
) -> None:
    view, editor = area_ja.view, area_ja.view.editor
    view.tabs.setCurrentWidget(editor)
    _show_at(qtbot, view, SIZES["1366"])
    assert editor.anonymous_check.isEnabled() and not editor.anonymous_check.isChecked()
    # An answer arrives between two polls, while the trainer ticks the box.
    sid = session_ids(area_ja.ws)["AM"]
    area_ja.feedback.submit(sid, Respondent(area_ja.ids[0]), GOOD_ANSWERS, FeedbackMethod.PAPER)
    box_mark = QPoint(8, editor.anonymous_check.height() // 2)
    qtbot.mouseClick(editor.anonymous_check, Qt.MouseButton.LeftButton, pos=box_mark)
    assert editor.anonymous_check.isChecked()
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert not editor.anonymous_check.isChecked()
    assert not editor.anonymous_check.isEnabled()
    assert editor.anonymous_error.isVisible()
    assert "記名・無記名は変更できません" in editor.anonymous_error.text()
    assert editor.response_count.text() == "これまでの回答：1 件"
    # Beside the box, on its row, not only in the status line at the bottom.
    box, why = editor.anonymous_check.geometry(), editor.anonymous_error.geometry()
    assert abs(box.center().y() - why.center().y()) <= box.height()
    assert why.left() >= box.right()
    view.grab().save(str(screenshots / "i15c_editor_refused_1366_ja.png"))


def _pixel(widget: QWidget, at: QPoint) -> str:
    return QColor(widget.grab().toImage().pixel(at)).name()


@pytest.mark.parametrize("screen", [(1920, 1080), (1366, 768)])
def test_the_kiosk_s_picked_answer_is_filled_and_meets_wcag_aa(
    qtbot: QtBot, area_ja: Area, screenshots: Path, screen: tuple[int, int]
) -> None:
    assert contrast_ratio(PICKED_TEXT, PICKED_FILL) >= 4.5
    assert contrast_ratio(UNPICKED_TEXT, UNPICKED_FACE) >= 4.5
    # The state itself (filled or not, and the borders) at 3:1 for a control's parts.
    assert contrast_ratio(PICKED_FILL, UNPICKED_FACE) >= 3
    assert contrast_ratio(UNPICKED_BORDER, UNPICKED_FACE) >= 3
    assert contrast_ratio(PICKED_BORDER, UNPICKED_FACE) >= 3
    survey = area_ja.results.results(area_ja.event_id).survey
    page = QuestionsPage(survey.questions, "ja", lambda: None, lambda: None)
    qtbot.addWidget(page)
    _show_at(qtbot, page, screen)
    box = page.box("understanding")
    picked, other = box.group.buttons()[3], box.group.buttons()[0]
    qtbot.mouseClick(picked, Qt.MouseButton.LeftButton)
    assert picked.isChecked()
    corner = QPoint(12, 12)  # inside the border, away from the number
    assert _pixel(picked, corner) == PICKED_FILL
    assert _pixel(other, corner) == UNPICKED_FACE
    assert picked.font().bold() or "font-weight: bold" in picked.styleSheet()
    # A readable width on a large screen: centred, at most READABLE_WIDTH.
    assert all(b.width() <= READABLE_WIDTH for b in page.boxes)
    assert box.mapTo(page, QPoint(0, 0)).x() >= (screen[0] - READABLE_WIDTH) // 2 - 20
    # Send stays on screen (the questions scroll above it).
    send = page.send_button
    assert page.rect().contains(send.mapTo(page, QPoint(send.width(), send.height())))
    page.grab().save(str(screenshots / f"i15c_kiosk_questions_{screen[0]}_ja.png"))
    start = StartPage("管理職向けDX推進研修", lambda: None)
    qtbot.addWidget(start)
    _show_at(qtbot, start, screen)
    assert start.staff_edit.width() == FIELD_WIDTH and start.start_button.width() == FIELD_WIDTH
    start.grab().save(str(screenshots / f"i15c_kiosk_start_{screen[0]}_ja.png"))


def test_the_area_fits_a_1366_screen_with_a_taskbar(
    qtbot: QtBot, area_ja: Area, screenshots: Path
) -> None:
    view = area_ja.view
    _answer(area_ja, 9)
    hint = view.minimumSizeHint()
    assert hint.width() <= 1366 and hint.height() <= 728, hint
    for tab in (view.results_panel, view.paper, view.editor):
        view.tabs.setCurrentWidget(tab)
        _show_at(qtbot, view, SIZES["1366"])
        assert tab.minimumSizeHint().height() <= view.tabs.height()
    # Save is on screen, inside the area, at 1366×728.
    save = view.editor.save_button
    corner = save.mapTo(view, QPoint(save.width(), save.height()))
    assert save.isVisible() and view.rect().contains(corner)
    view.grab().save(str(screenshots / "i15c_editor_1366_ja.png"))
