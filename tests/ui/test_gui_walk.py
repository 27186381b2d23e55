"""What a trainer walking through the whole app notices: screen fit, messages, row numbers."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot
from shell_helpers import make_controller

from facilitator.composition import build_demo
from facilitator.db.workspace import open_workspace
from facilitator.domain.clock import FakeClock
from facilitator.lang import Lang
from facilitator.ui.agenda.presenter_console import PresenterConsole
from facilitator.ui.agenda.view import AgendaView
from facilitator.ui.app_controller import AppController
from facilitator.ui.certificates.view import CertificatesView
from facilitator.ui.checkin.view import CheckInView
from facilitator.ui.dialogs import RecordingDialogs
from facilitator.ui.feedback.view import FeedbackView
from facilitator.ui.roster.view import RosterView

# The smallest laptop screen the app is meant for.
SCREEN_WIDTH, SCREEN_HEIGHT = 1280, 800


@pytest.fixture
def demo_path(tmp_path: Path) -> Path:
    path = tmp_path / "walk.sqlite"
    with open_workspace(path, create=True) as ws:
        build_demo(ws, FakeClock(), attendees=30, seed=1)
    return path


def opened(demo_path: Path, lang: Lang, dialogs: RecordingDialogs | None = None) -> AppController:
    controller = make_controller(lang, dialogs)
    assert controller.open(demo_path)
    assert controller.window is not None
    return controller


def close(controller: AppController) -> None:
    assert controller.window is not None
    controller.window.close_guard = None
    controller.window.close()


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_every_area_fits_a_1280_by_800_screen(qtbot: QtBot, demo_path: Path, lang: Lang) -> None:
    controller = opened(demo_path, lang)
    window = controller.window
    assert window is not None
    for key in window.area_keys():
        window.show_area(key)
        window.area_view(key)
    hint = window.minimumSizeHint()
    assert hint.width() <= SCREEN_WIDTH, hint
    assert hint.height() <= SCREEN_HEIGHT, hint
    close(controller)


def test_presenter_console_fits_the_laptop_screen(qtbot: QtBot, demo_path: Path) -> None:
    controller = opened(demo_path, "ja")
    window = controller.window
    assert window is not None
    window.show_area("agenda")
    view = window.area_view("agenda")
    present = view.findChild(QPushButton, "present")
    assert present is not None
    qtbot.mouseClick(present, Qt.MouseButton.LeftButton)
    [console] = view.findChildren(PresenterConsole)
    assert console.minimumSizeHint().width() <= SCREEN_WIDTH
    console.close()
    close(controller)


def test_import_preview_numbers_rows_as_the_problems_do(
    qtbot: QtBot, demo_path: Path, tmp_path: Path
) -> None:
    csv = tmp_path / "名簿.csv"
    rows = [
        "職員番号,氏名,ふりがな,所属",
        "900001,髙橋 一郎,たかはし いちろう,㈱みなと派遣",
        ",名無し 権兵衛,ななし ごんべえ,総務課",
    ]
    csv.write_bytes("\r\n".join(rows).encode("cp932") + b"\r\n")
    dialogs = RecordingDialogs()
    controller = opened(demo_path, "ja", dialogs)
    window = controller.window
    assert window is not None
    window.show_area("roster")
    view = window.area_view("roster")
    assert isinstance(view, RosterView)
    dialog = view.open_import(csv)
    # A CSV has no sheets: no empty "sheet" chooser.
    assert not dialog.sheet.isVisible() and not dialog.sheet_label.isVisible()
    assert dialog.preview_table.item(0, 1).text() == "髙橋 一郎"
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert dialog.errors_table.rowCount() == 1
    problem_row = dialog.errors_table.item(0, 0).text()
    blank_row = dialog.preview_table.verticalHeaderItem(1).text()
    assert problem_row == blank_row == "3"  # the header is file row 1
    # The 30 demo attendees are not in the file: the question lists ten, in Japanese style.
    qtbot.mouseClick(dialog.valid_only_button, Qt.MouseButton.LeftButton)
    kind, question = dialogs.messages[-1]
    assert kind == "confirm" and "、" in question and ", " not in question
    assert "…）" in question
    close(controller)


def test_unknown_scan_says_what_to_do_next(qtbot: QtBot, demo_path: Path) -> None:
    controller = opened(demo_path, "ja")
    window = controller.window
    assert window is not None
    window.show_area("checkin")
    view = window.area_view("checkin")
    assert isinstance(view, CheckInView)
    qtbot.keyClicks(view.scanner, "999999")
    qtbot.keyClick(view.scanner, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.card.headline.text() == "名簿にありません", timeout=5000)
    assert "当日登録" in view.card.detail.text()
    view.shutdown()
    close(controller)


def test_number_alone_is_explained_on_verify(qtbot: QtBot, demo_path: Path) -> None:
    controller = opened(demo_path, "ja")
    window = controller.window
    assert window is not None
    window.show_area("certificates")
    view = window.area_view("certificates")
    assert isinstance(view, CertificatesView)
    view.verify.code_edit.setText("CERT-2026-0001")
    qtbot.mouseClick(view.verify.verify_button, Qt.MouseButton.LeftButton)
    assert "C1-" in view.verify.result.text()
    assert "修了証のコードではありません" in view.verify.result.text()
    close(controller)


def test_english_lists_are_not_joined_with_a_japanese_comma(qtbot: QtBot, demo_path: Path) -> None:
    controller = opened(demo_path, "en")
    window = controller.window
    assert window is not None
    window.show_area("roster")
    view = window.area_view("roster")
    assert isinstance(view, RosterView)
    qtbot.waitUntil(lambda: "AM " in view.summary.text(), timeout=5000)
    assert "、" not in view.summary.text()
    assert ", PM " in view.summary.text()
    close(controller)


def test_paper_entry_failure_is_told_in_japanese(qtbot: QtBot, demo_path: Path) -> None:
    controller = opened(demo_path, "ja")
    window = controller.window
    assert window is not None
    window.show_area("feedback")
    view = window.area_view("feedback")
    assert isinstance(view, FeedbackView)
    paper = view.paper
    # The session shown was deleted meanwhile (its id no longer exists).
    paper.set_survey(9999, paper._questions)
    paper.staff_edit.setText("000000")
    qtbot.mouseClick(paper.save_button, Qt.MouseButton.LeftButton)
    assert paper.status.text() == "ID 9999 のセッションはありません。"
    assert paper.save_button.isEnabled()
    close(controller)


def test_slide_picture_must_be_a_picture(qtbot: QtBot, demo_path: Path, tmp_path: Path) -> None:
    broken = tmp_path / "写真.png"
    broken.write_bytes(b"\x89PNG\r\n\x1a\n" + b"not really a picture" * 10)
    good = tmp_path / "会場.png"
    image = QImage(40, 30, QImage.Format.Format_RGB32)
    image.fill(0x3366CC)
    assert image.save(str(good))
    dialogs = RecordingDialogs(paths=[broken, good])
    controller = opened(demo_path, "ja", dialogs)
    window = controller.window
    assert window is not None
    window.show_area("agenda")
    view = window.area_view("agenda")
    assert isinstance(view, AgendaView)
    editor = view.editor
    editor.image.clear()
    editor._choose_image()
    assert dialogs.messages[-1] == ("warn", f"{broken} は画像（PNG または JPEG）として開けません。")
    assert editor.image.text() == ""
    editor._choose_image()
    assert editor.image.text() == str(good)
    close(controller)
