"""The certificates area's fixes (issue 15): an example number beside the format, the
preview starting on someone eligible, the export tab as a form, 番号を発行 asking first
with its count, and a saved file offering to open it or its folder."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtWidgets import QFormLayout, QLabel
from pytestqt.qtbot import QtBot

from facilitator.composition import build_certificate_services
from facilitator.db.workspace import Workspace
from facilitator.domain.clock import FakeClock
from facilitator.ui.certificates.view import CertificatesView
from facilitator.ui.current_event import CurrentEvent
from facilitator.ui.dialogs import RecordingDialogs
from facilitator.ui.runner import SyncRunner
from tests.unit.certificate_helpers import attendee_ids, check_in, event_id


def make_view(
    qtbot: QtBot, workspace: Workspace, clock: FakeClock, dialogs: RecordingDialogs
) -> tuple[CertificatesView, list[QUrl]]:
    opened: list[QUrl] = []

    def open_url(url: QUrl) -> bool:
        opened.append(url)
        return True

    view = CertificatesView(
        build_certificate_services(workspace, clock),
        SyncRunner(),
        CurrentEvent(event_id(workspace)),
        lang="en",
        dialogs=dialogs,
        pick_folder=lambda parent, caption: None,
        open_url=open_url,
    )
    qtbot.addWidget(view)
    view.resize(1300, 800)
    view.show()
    return view, opened


def test_the_format_shows_an_example_number_as_issuing_would_give_it(
    qtbot: QtBot, demo_workspace: Workspace, clock: FakeClock
) -> None:
    check_in(demo_workspace, clock, attendee_ids(demo_workspace)[:3])
    dialogs = RecordingDialogs(confirm_answers=[True])
    view, _ = make_view(qtbot, demo_workspace, clock, dialogs)
    panel = view.eligibility
    assert panel.format_edit.text() == "{prefix}-{year}-{seq:04d}"
    assert panel.example_label.text() == "e.g. CERT-2026-0001"
    panel.format_edit.setText("{prefix}/{seq:03d}")  # typed, not saved yet
    assert panel.example_label.text() == "e.g. CERT/001"
    panel.format_edit.setText("{prefix}-{year}")
    assert "{seq}" in panel.example_label.text()  # why this format gives no number
    panel.format_edit.setText("{prefix}-{year}-{seq:04d}")
    panel.issue_button.click()
    issued = sorted(r.number or "" for r in panel.model.rows if r.number)
    assert issued[0] == "CERT-2026-0001"
    # The example moves on with the register: the next number to be issued.
    assert panel.example_label.text() == "e.g. CERT-2026-0004"


def test_issue_numbers_says_how_many_and_asks_first(
    qtbot: QtBot, demo_workspace: Workspace, clock: FakeClock
) -> None:
    check_in(demo_workspace, clock, attendee_ids(demo_workspace)[:5])
    dialogs = RecordingDialogs(confirm_answers=[False, True])
    view, _ = make_view(qtbot, demo_workspace, clock, dialogs)
    panel = view.eligibility
    panel.issue_button.click()
    assert dialogs.messages[-1] == (
        "confirm",
        "Issue 5 certificate numbers (CERT-2026-0001 to CERT-2026-0005)? An issued number "
        "stays with its person; a revoked number is never given again.",
    )
    assert not any(r.number for r in panel.model.rows)  # cancelled: nothing issued
    panel.issue_button.click()
    assert sum(1 for r in panel.model.rows if r.number) == 5
    panel.issue_button.click()  # nobody left to number: said, not asked
    assert dialogs.messages[-1] == ("inform", "Everyone eligible already has a number.")
    assert sum(1 for r in panel.model.rows if r.number) == 5


def test_the_preview_starts_on_an_eligible_attendee(
    qtbot: QtBot, demo_workspace: Workspace, clock: FakeClock
) -> None:
    view, _ = make_view(qtbot, demo_workspace, clock, RecordingDialogs())
    combo = view.layout_panel.person_combo
    first = combo.itemData(0)
    # Someone well down the list is the only one checked in.
    chosen = combo.itemData(40)
    check_in(demo_workspace, clock, [chosen])
    view.layout_panel.show_event(event_id(demo_workspace))
    assert combo.currentData() == chosen != first
    assert "no certificate" in combo.itemText(0) and "no certificate" not in combo.currentText()


def test_the_export_tab_is_a_form_and_a_saved_pdf_offers_to_open_it(
    qtbot: QtBot, demo_workspace: Workspace, clock: FakeClock, tmp_path: Path, screenshots: Path
) -> None:
    check_in(demo_workspace, clock, attendee_ids(demo_workspace)[:4])
    dialogs = RecordingDialogs(paths=[tmp_path / "all.pdf", tmp_path / "list.xlsx"])
    dialogs.choice_answers = [0, 1]
    view, opened = make_view(qtbot, demo_workspace, clock, dialogs)
    view.tabs.setCurrentWidget(view.export)
    panel = view.export
    forms = panel.findChildren(QFormLayout)
    buttons = [panel.merged_button, panel.zip_button, panel.folder_button, panel.list_button]
    # Every button sits in a form row with the words saying what it writes...
    for button in buttons:
        form = next(f for f in forms if f.indexOf(button) >= 0)
        label = form.labelForField(button)
        assert isinstance(label, QLabel) and label.text()
    # ...at its own size, not stretched across the tab.
    assert all(b.width() < panel.width() / 3 for b in buttons)
    view.grab().save(str(screenshots / "certificates_export_form.png"))
    panel.merged_button.click()
    assert dialogs.messages[-1] == ("choose", f"Wrote 4 certificates to {tmp_path / 'all.pdf'}.")
    panel.list_button.click()
    assert [u.toLocalFile() for u in opened] == [str(tmp_path / "all.pdf"), str(tmp_path)]
