"""The feedback area's top bar and comments (issue #15 polish), as a trainer sees them:
the QR's place explained while the survey is closed instead of an empty band, why
キオスクモード cannot be pressed yet, and department names whole in the comments."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QStyle
from pytestqt.qtbot import QtBot
from sqlalchemy import select, update

from facilitator.db.models import Attendee, Department
from facilitator.db.workspace import Workspace
from facilitator.domain.clock import FakeClock
from facilitator.domain.phrases import WORD_JOINER
from facilitator.lang import Lang
from tests.ui.test_feedback_layout import SIZES, Area, _answer, _area, _show_at, japanese_font

__all__ = ["japanese_font"]  # the app's Japanese font, autouse

LONG_NAME = "こども未来部子育て支援課保育施設・幼児教育連携担当"


@pytest.fixture
def make_area(
    qtbot: QtBot, demo_workspace: Workspace, clock: FakeClock, qt_lang: Callable[[Lang], None]
) -> Iterator[Callable[[Lang, bool], Area]]:
    """The area in `lang`, its survey open or not; its kiosk/feedback closed afterwards."""
    made: list[Area] = []

    def make(lang: Lang, opened: bool) -> Area:
        qt_lang(lang)
        made.append(_area(qtbot, demo_workspace, clock, lang, opened=opened))
        return made[-1]

    yield make
    for area in made:
        area.feedback.close()


def _plain(text: str) -> str:
    return text.replace(WORD_JOINER, "")


@pytest.mark.parametrize("screen", list(SIZES))
def test_a_closed_survey_s_qr_place_says_why_and_the_row_sits_at_the_top(
    qtbot: QtBot,
    make_area: Callable[[Lang, bool], Area],
    screenshots: Path,
    screen: str,
) -> None:
    area = make_area("ja", False)
    view = area.view
    _show_at(qtbot, view, SIZES[screen])
    placeholder = view.qr_placeholder
    # The QR's place, at the QR's size, says the survey is not open yet.
    assert placeholder.isVisible() and not view.qr_label.isVisible()
    assert "回答受付前" in _plain(placeholder.text())
    assert placeholder.size() == view.qr_label.size()
    assert placeholder.heightForWidth(placeholder.width()) <= placeholder.height()
    # No empty band above the session row, none between it and the counts.
    bar = view.top_bar
    assert view.toggle_button.mapTo(bar, view.toggle_button.rect().topLeft()).y() <= 6
    count_top = view.count_label.mapTo(bar, view.count_label.rect().topLeft()).y()
    toggle_bottom = view.toggle_button.mapTo(bar, view.toggle_button.rect().bottomLeft()).y()
    assert 0 <= count_top - toggle_bottom <= 12, (toggle_bottom, count_top)
    view.grab().save(str(screenshots / f"feedback_top_bar_closed_{screen}_ja.png"))
    # Opening the survey puts the QR in the same place.
    qtbot.mouseClick(view.toggle_button, Qt.MouseButton.LeftButton)
    qtbot.wait(20)
    assert view.qr_label.isVisible() and not placeholder.isVisible()
    view.grab().save(str(screenshots / f"feedback_top_bar_open_{screen}_ja.png"))


def test_an_open_survey_without_the_phone_server_says_so_in_the_qr_place(
    qtbot: QtBot, make_area: Callable[[Lang, bool], Area]
) -> None:
    area = make_area("ja", True)
    view = area.view
    view._phone_url = lambda _sid: None  # the server is stopped
    _show_at(qtbot, view, SIZES["1366"])
    view.show_phone_link()
    assert view.qr_placeholder.isVisible() and not view.qr_label.isVisible()
    assert "サーバー" in _plain(view.qr_placeholder.text())


@pytest.mark.parametrize(
    ("lang", "closed_hint", "tip"),
    [
        ("ja", "回答受付を開始すると使えます", "「回答受付を開始」"),
        ("en", "Usable once the survey is open", "“Open survey”"),
    ],
)
def test_kiosk_mode_says_why_it_cannot_be_pressed(
    qtbot: QtBot,
    make_area: Callable[[Lang, bool], Area],
    screenshots: Path,
    lang: Lang,
    closed_hint: str,
    tip: str,
) -> None:
    area = make_area(lang, False)
    view = area.view
    _show_at(qtbot, view, SIZES["1366"])
    assert not view.kiosk_button.isEnabled()
    assert view.kiosk_hint.isVisible() and view.kiosk_hint.text() == closed_hint
    assert tip in view.kiosk_button.toolTip()
    # Right under the button, whole.
    button, hint = view.kiosk_button, view.kiosk_hint
    assert (
        hint.mapTo(view, hint.rect().topLeft()).y()
        >= button.mapTo(view, button.rect().bottomLeft()).y()
    )
    assert hint.fontMetrics().horizontalAdvance(hint.text()) <= hint.contentsRect().width()
    view.grab().save(str(screenshots / f"feedback_kiosk_hint_1366_{lang}.png"))
    qtbot.mouseClick(view.toggle_button, Qt.MouseButton.LeftButton)
    qtbot.wait(20)
    assert view.kiosk_button.isEnabled() and not view.kiosk_hint.isVisible()
    assert view.kiosk_button.toolTip() != "" and tip not in view.kiosk_button.toolTip()


def test_the_comment_table_shows_department_names_whole_at_1366(
    qtbot: QtBot,
    make_area: Callable[[Lang, bool], Area],
    screenshots: Path,
) -> None:
    area = make_area("ja", True)
    # The first attendee's department gets a long real-world name.
    of_first = select(Attendee.department_id).where(Attendee.id == area.ids[0])
    with area.ws.session() as s:
        s.execute(
            update(Department)
            .where(Department.id == of_first.scalar_subquery())
            .values(name=LONG_NAME)
        )
    _answer(area, 9)
    view = area.view
    view.tabs.setCurrentWidget(view.results_panel)
    _show_at(qtbot, view, SIZES["1366"])
    table = view.results_panel.text_table
    model = table.model()
    assert model.rowCount() >= 9
    names = {model.index(row, 1).data() for row in range(model.rowCount())}
    assert LONG_NAME in names
    # The delegate cuts text wider than the cell less its margin on each side.
    margin = table.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, table) + 1
    width = table.columnWidth(1)
    for name in names:
        assert table.fontMetrics().horizontalAdvance(name) + 2 * margin <= width, name
    # The answers keep most of the row.
    assert table.columnWidth(2) >= 400
    view.grab().save(str(screenshots / "feedback_comments_1366_ja.png"))
