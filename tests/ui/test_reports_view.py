"""The 報告書 area through its real widgets, on a finished demo day: ticking comments, the
preview, exports off the GUI thread's code path, fitting a 1366×728 laptop screen."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from facilitator.composition import Composition
from facilitator.db.workspace import Workspace
from facilitator.domain.clock import FakeClock
from facilitator.lang import Lang
from facilitator.services.reports.export import ReportKind
from facilitator.ui.current_event import CurrentEvent
from facilitator.ui.dialogs import RecordingDialogs
from facilitator.ui.reports.view import ReportsView
from facilitator.ui.runner import SyncRunner
from tests.unit.report_helpers import pdf_text


@pytest.fixture
def day(finished_day: Workspace) -> Workspace:
    return finished_day


class Opened:
    """Records what the view asked the desktop to open, instead of launching a viewer."""

    def __init__(self, urls: list[QUrl]) -> None:
        self.urls = urls

    def __call__(self, url: QUrl) -> bool:
        self.urls.append(url)
        return True


def make_view(
    qtbot: QtBot,
    day: Workspace,
    dialogs: RecordingDialogs,
    folder: Path | None = None,
    lang: Lang = "en",
    opened: list[QUrl] | None = None,
) -> ReportsView:
    view = ReportsView(
        Composition(day, FakeClock()).reports,
        SyncRunner(),
        CurrentEvent(1),
        lang=lang,
        dialogs=dialogs,
        pick_folder=lambda parent, caption: folder,
        open_url=Opened(opened if opened is not None else []),
    )
    qtbot.addWidget(view)
    view.resize(1366, 728)
    view.show()
    return view


def test_comments_that_could_name_someone_start_unticked_and_ticking_puts_them_in(
    qtbot: QtBot, day: Workspace, tmp_path: Path
) -> None:
    dialogs = RecordingDialogs(paths=[tmp_path / "event.pdf", tmp_path / "chosen.pdf"])
    view = make_view(qtbot, day, dialogs)
    items = [view.comments.list.item(i) for i in range(view.comments.list.count())]
    flagged = [i for i in items if i.text().startswith("⚠")]
    assert flagged and all(i.checkState() == Qt.CheckState.Unchecked for i in flagged)
    assert all(i.checkState() == Qt.CheckState.Checked for i in items if i not in flagged)
    assert "Could name a person" in flagged[0].toolTip()
    assert view.preview_image is not None and view.preview_image.width() > 0
    qtbot.mouseClick(view.pdf_button, Qt.MouseButton.LeftButton)
    naming = flagged[0].text().split("：", 1)[1]
    assert "Wrote 1 file(s)" in view.status.text()
    assert naming not in pdf_text(tmp_path / "event.pdf")
    qtbot.mouseClick(view.comments.none_button, Qt.MouseButton.LeftButton)
    flagged[0].setCheckState(Qt.CheckState.Checked)
    assert "1 of" in view.comments.summary.text()
    qtbot.mouseClick(view.pdf_button, Qt.MouseButton.LeftButton)
    assert naming in pdf_text(tmp_path / "chosen.pdf")


def test_drafts_and_digests_export_to_a_folder_with_a_preview_of_the_first(
    qtbot: QtBot, day: Workspace, tmp_path: Path
) -> None:
    folder = tmp_path / "drafts"
    view = make_view(qtbot, day, RecordingDialogs(), folder)
    view.kind_combo.setCurrentIndex(view.kind_combo.findData(ReportKind.ATTENDEES))
    assert not view.comments.isVisible() and view.template_button.isVisible()
    assert view.preview_image is not None
    qtbot.mouseClick(view.folder_button, Qt.MouseButton.LeftButton)
    files = sorted(folder.iterdir())
    assert files and "受講報告書" in pdf_text(files[0])
    assert f"Wrote {len(files)} file(s)" in view.status.text()
    view.kind_combo.setCurrentIndex(view.kind_combo.findData(ReportKind.DEPARTMENTS))
    assert not view.template_button.isVisible()
    view._pick_folder = lambda parent, caption: tmp_path / "heads"
    qtbot.mouseClick(view.folder_button, Qt.MouseButton.LeftButton)
    assert len(list((tmp_path / "heads").iterdir())) > 1


def test_the_area_is_japanese_and_fits_the_laptop_screen(
    qtbot: QtBot, day: Workspace, qt_lang: Callable[[Lang], None]
) -> None:
    qt_lang("ja")
    view = make_view(qtbot, day, RecordingDialogs(), lang="ja")
    assert view.kind_combo.itemText(0) == "研修実施報告書"
    assert view.pdf_button.text() == "PDF…" and view.comments.none_button.text() == "なし"
    hint = view.minimumSizeHint()
    assert hint.width() <= 1366 and hint.height() <= 728, hint
    QApplication.processEvents()
    Path("/tmp/i17").mkdir(exist_ok=True)
    view.grab().save("/tmp/i17/reports-view-ja.png")


def test_a_written_report_offers_to_open_the_file(
    qtbot: QtBot, day: Workspace, tmp_path: Path
) -> None:
    out = tmp_path / "event.pdf"
    dialogs = RecordingDialogs(paths=[out], choice_answers=[0])
    opened: list[QUrl] = []
    view = make_view(qtbot, day, dialogs, opened=opened)
    qtbot.mouseClick(view.pdf_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(opened))
    kind, text = dialogs.messages[-1]
    assert kind == "choose" and str(out) in text
    assert opened == [QUrl.fromLocalFile(str(out))]
