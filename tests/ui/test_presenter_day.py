"""Presenting as the trainer meets it (issue #15): the last item, pause and blackout,
the console on a laptop screen, the feedback item's survey, the server stopped."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import QApplication, QPushButton, QToolButton
from pytestqt.qtbot import QtBot

from facilitator.db.models import TrainingSession
from facilitator.db.workspace import Workspace
from facilitator.domain.agenda_items import ItemKind
from facilitator.domain.agenda_timing import Phase
from facilitator.domain.clock import FakeClock
from facilitator.services.agenda.phone_slides import SurveyStart
from facilitator.ui.agenda.presenter_console import PresenterConsole
from facilitator.ui.agenda.slide import Screen
from facilitator.ui.dialogs import RecordingDialogs
from tests.ui import test_agenda_presenter as shared
from tests.ui.test_agenda_presenter import BASE, Presenting

# The presenting set-up and the Japanese catalogue of the presenter tests.
agenda_qm = shared.agenda_qm
japanese = shared.japanese
presenting = shared.presenting

LAST = 7  # the demo agenda's closing item
FEEDBACK = 6


def survey_open(ws: Workspace, session_id: int) -> bool:
    with ws.session(readonly=True) as s:
        row = s.get(TrainingSession, session_id)
        assert row is not None
        return row.feedback_open


def test_a_key_on_the_last_item_never_finishes(presenting: Presenting, qtbot: QtBot) -> None:
    c, console = presenting.controller, presenting.console
    c.start()
    c.jump(LAST)
    for key in (Qt.Key.Key_Right, Qt.Key.Key_Space, Qt.Key.Key_PageDown):
        qtbot.keyClick(console, key)
        assert c.state.phase is Phase.RUNNING and c.index == LAST
    # The projector window hears the clicker too: the same rule.
    qtbot.keyClick(presenting.audience, Qt.Key.Key_Right)
    assert c.state.phase is Phase.RUNNING
    assert console.notice_label.isVisible()
    assert console.notice_label.text().replace("\u2060", "").startswith("This is the last item.")
    assert not console.next_button.isEnabled()  # the way on is Finish


def test_finish_is_the_button_and_back_does_not_reopen(
    presenting: Presenting, qtbot: QtBot
) -> None:
    c = presenting.controller
    c.start()
    c.jump(LAST)
    dialogs = RecordingDialogs(confirm_answers=[True])
    console = PresenterConsole(c, dialogs=dialogs)
    qtbot.addWidget(console)
    console.show()
    finish = console.findChild(QPushButton, "finish")
    assert finish is not None
    qtbot.mouseClick(finish, Qt.MouseButton.LeftButton)
    assert c.state.phase is Phase.FINISHED
    assert [kind for kind, _ in dialogs.messages] == ["confirm"]  # it asked
    for key in (Qt.Key.Key_Left, Qt.Key.Key_PageUp, Qt.Key.Key_Right):
        qtbot.keyClick(console, key)
        assert c.state.phase is Phase.FINISHED, key
    assert console.notice_label.text().replace("\u2060", "").startswith("The session has finished.")
    # Continuing is explicit: the Start button reads "Reopen session".
    assert console.start_button.text() == "Reopen session"
    qtbot.mouseClick(console.start_button, Qt.MouseButton.LeftButton)
    assert c.state.phase is Phase.RUNNING and c.index == LAST


def test_pause_and_blackout_are_plain_on_the_console_only(
    presenting: Presenting, qtbot: QtBot, japanese: None, screenshots: Path
) -> None:
    c, console = presenting.controller, presenting.console
    console.resize(1366, 768)
    c.start()
    c.next()
    canvas = presenting.audience.canvas
    running = (canvas.frame(), canvas._time, canvas._screen)
    qtbot.keyClick(console, Qt.Key.Key_P)
    assert c.state.phase is Phase.PAUSED
    assert console.state_banner.isVisible() and "一時停止中" in console.state_banner.text()
    assert console.time_left.text().startswith("一時停止中")
    assert "#e65100" in console.time_left.styleSheet()
    assert console.current_frame.property("mode") == "paused"
    grab = console.grab().toImage()
    grab.save(str(screenshots / "console_paused_ja.png"))
    corner = console.current_frame.mapTo(console, QPoint(3, 3))
    assert grab.pixelColor(corner).name() == "#e65100"
    # The projector shows nothing of the pause: the same slide, time and screen.
    assert (canvas.frame(), canvas._time, canvas._screen) == running
    qtbot.keyClick(console, Qt.Key.Key_P)
    qtbot.keyClick(console, Qt.Key.Key_B)
    assert console.state_banner.isVisible() and "暗転中" in console.state_banner.text()
    assert console.current_frame.property("mode") == "blackout"
    console.grab().save(str(screenshots / "console_blackout_ja.png"))
    assert presenting.audience.canvas._screen == Screen.BLACK
    black = presenting.audience_image()
    assert {black.pixelColor(x, y).name() for x in (5, 960, 1900) for y in (5, 540, 1070)} == {
        "#000000"
    }
    qtbot.keyClick(console, Qt.Key.Key_B)
    assert not console.state_banner.isVisible()


def _buttons_on_screen(presenting: Presenting, size: tuple[int, int], shot: Path) -> None:
    console = presenting.console
    presenting.controller.start()
    console.resize(*size)
    QApplication.processEvents()
    assert console.size().width() <= size[0] and console.size().height() <= size[1]
    # The type scales with the height; at that size everything still fits.
    assert console.minimumSizeHint().width() <= size[0]
    assert console.minimumSizeHint().height() <= size[1]
    window = QRect(QPoint(0, 0), console.size())
    buttons = [*console.findChildren(QPushButton), *console.findChildren(QToolButton)]
    assert len(buttons) >= 12
    for button in buttons:
        if not button.isVisibleTo(console):  # catch-up, survey: shown with their banners
            continue
        assert button.isVisible(), button.objectName()
        rect = QRect(button.mapTo(console, QPoint(0, 0)), button.size())
        assert window.contains(rect), (button.objectName(), rect, window)
        assert button.width() >= button.minimumSizeHint().width(), button.objectName()
    console.grab().save(str(shot))


@pytest.mark.parametrize("size", [(1366, 768), (1920, 1080)])
def test_every_console_button_is_on_screen(
    japanese: None, presenting: Presenting, screenshots: Path, size: tuple[int, int]
) -> None:
    _buttons_on_screen(presenting, size, screenshots / f"console_{size[0]}x{size[1]}_ja.png")


def test_every_console_button_is_on_a_laptop_screen_in_english(
    presenting: Presenting, screenshots: Path
) -> None:
    _buttons_on_screen(presenting, (1366, 768), screenshots / "console_1366x768_en.png")


def test_console_full_screen_and_f11(presenting: Presenting, qtbot: QtBot) -> None:
    console = presenting.console
    console.open_full_screen(presenting.audience.console_screen())
    assert console.isFullScreen()
    qtbot.keyClick(console, Qt.Key.Key_F11)
    assert not console.isFullScreen()
    qtbot.keyClick(console, Qt.Key.Key_F11)
    assert console.isFullScreen()


@pytest.mark.parametrize("size", [(1366, 768), (1920, 1080)])
def test_next_preview_keeps_the_slide_shape(presenting: Presenting, size: tuple[int, int]) -> None:
    presenting.controller.start()
    preview = presenting.console.next_preview
    presenting.console.resize(*size)
    QApplication.processEvents()
    assert preview.width() > 200
    assert abs(preview.height() - preview.width() * 9 / 16) <= 2  # no black bars


def test_reaching_the_feedback_item_opens_the_survey(
    presenting: Presenting, demo_workspace: Workspace
) -> None:
    c = presenting.controller
    assert not survey_open(demo_workspace, presenting.session_id)
    c.start()
    c.jump(FEEDBACK - 1)
    frame = presenting.audience.canvas.frame()
    c.next()
    assert survey_open(demo_workspace, presenting.session_id)
    frame = presenting.audience.canvas.frame()
    assert frame is not None and frame.kind == ItemKind.FEEDBACK and not frame.survey_closed
    [url] = presenting.audience_qr()
    assert url.startswith(f"{BASE.upper()}/F/")


def test_a_closed_survey_is_never_projected_as_a_qr(
    japanese: None,
    presenting: Presenting,
    demo_workspace: Workspace,
    qtbot: QtBot,
    screenshots: Path,
) -> None:
    c, console = presenting.controller, presenting.console
    # The trainer chose to be asked (the console's check box, kept for the event).
    assert console.survey_auto.isChecked()
    console.survey_auto.click()
    assert presenting.phone.survey_start(presenting.session_id) is SurveyStart.ASK
    c, console = presenting.controller, presenting.console
    console.resize(1366, 768)
    c.start()
    c.jump(FEEDBACK)
    assert not survey_open(demo_workspace, presenting.session_id)
    frame = presenting.audience.canvas.frame()
    assert frame is not None and frame.survey_closed and frame.qr_url is None
    assert presenting.audience_qr() == []
    image = presenting.audience_image()
    image.save(str(screenshots / "projector_survey_soon_ja.png"))
    assert image.pixelColor(500, 540).name() == "#eef2f7"  # the calm box, no QR
    assert console.phone_banner.isVisible()
    QApplication.processEvents()
    console.grab().save(str(screenshots / "console_survey_ask_ja.png"))
    button = console.survey_button
    assert button.isVisible() and button.text() == "アンケートを開始"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert survey_open(demo_workspace, presenting.session_id)
    assert len(presenting.audience_qr()) == 1
    assert not console.phone_banner.isVisible()


def test_the_server_stopped_is_said_on_the_console_not_the_projector(
    demo_workspace: Workspace,
    clock: FakeClock,
    qapp: QApplication,
    qtbot: QtBot,
    screenshots: Path,
    japanese: None,
) -> None:
    p = Presenting(demo_workspace, clock, qapp, None)
    qtbot.addWidget(p.console)
    qtbot.addWidget(p.audience)
    try:
        p.console.resize(1366, 768)
        p.controller.start()  # the check-in item
        QApplication.processEvents()
        frame = p.audience.canvas.frame()
        assert frame is not None and frame.server_down and frame.qr_url is None
        assert p.audience_qr() == []
        image = p.audience_image()
        image.save(str(screenshots / "projector_server_down_ja.png"))
        # A calm blue-grey box where the QR goes; no red staff text anywhere.
        assert image.pixelColor(500, 540).name() == "#eef2f7"
        reds = sum(
            1
            for x in range(0, 1920, 8)
            for y in range(0, 1080, 8)
            if image.pixelColor(x, y).name() == "#c62828"
        )
        assert reds == 0
        assert p.console.phone_banner.isVisible()
        assert "サーバーが停止" in p.console.phone_text.text().replace("\u2060", "")
        p.console.grab().save(str(screenshots / "console_server_down_ja.png"))
    finally:
        p.feedback.close()


@pytest.mark.parametrize("size", [(1920, 1080), (1366, 768)])
def test_projector_screens_in_japanese_at_both_sizes(
    japanese: None, presenting: Presenting, screenshots: Path, size: tuple[int, int]
) -> None:
    c, audience = presenting.controller, presenting.audience
    audience.resize(*size)
    c.start()  # check-in: the QR reads at this size too
    image = audience.canvas.grab().toImage()
    assert image.size().width() == size[0]
    image.save(str(screenshots / f"projector_checkin_{size[0]}x{size[1]}_ja.png"))
    assert len(presenting.audience_qr()) == 1
    c.jump(3)  # the break countdown
    audience.canvas.grab().save(str(screenshots / f"projector_break_{size[0]}x{size[1]}_ja.png"))
    c.jump(FEEDBACK)  # opened on arrival: the feedback QR
    assert len(presenting.audience_qr()) == 1
    audience.canvas.grab().save(str(screenshots / f"projector_feedback_{size[0]}x{size[1]}_ja.png"))


def test_the_last_item_notice_in_japanese(
    japanese: None, presenting: Presenting, qtbot: QtBot, screenshots: Path
) -> None:
    c, console = presenting.controller, presenting.console
    console.resize(1366, 768)
    c.start()
    c.jump(LAST)
    qtbot.keyClick(console, Qt.Key.Key_Right)
    assert c.state.phase is Phase.RUNNING
    text = console.notice_label.text().replace("\u2060", "")
    assert text.startswith("最後の項目です。") and "セッション終了" in text
    QApplication.processEvents()
    console.grab().save(str(screenshots / "console_last_item_ja.png"))
