"""The certificates area through its real widgets: list, decisions, layout, export, verify."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from shell_helpers import type_text

from facilitator.composition import build_certificate_services
from facilitator.db.workspace import Workspace
from facilitator.domain.certificates import VerifyOutcome
from facilitator.domain.clock import FakeClock
from facilitator.ui.camera_scanner import CameraScanner
from facilitator.ui.certificates.images import render_first_page
from facilitator.ui.certificates.view import CertificatesView
from facilitator.ui.current_event import CurrentEvent
from facilitator.ui.dialogs import RecordingDialogs
from facilitator.ui.runner import SyncRunner
from tests.unit.certificate_helpers import attendee_ids, check_in, event_id


class Answers:
    """Stands in for the reason prompt: replies in order, None = the user cancelled."""

    def __init__(self, *replies: str | None) -> None:
        self.replies = list(replies)
        self.asked: list[str] = []

    def __call__(self, parent: object, title: str, label: str) -> str | None:
        self.asked.append(label)
        return self.replies.pop(0)


def make_view(
    qtbot: QtBot,
    workspace: Workspace,
    clock: FakeClock,
    *,
    dialogs: RecordingDialogs | None = None,
    answers: Answers | None = None,
    folder: Path | None = None,
    scanner: CameraScanner | None = None,
) -> CertificatesView:
    view = CertificatesView(
        build_certificate_services(workspace, clock),
        SyncRunner(),
        CurrentEvent(event_id(workspace)),
        lang="en",
        dialogs=dialogs or RecordingDialogs(),
        ask_text=answers or Answers(),
        pick_folder=lambda parent, caption: folder,
        scanner=scanner,
    )
    qtbot.addWidget(view)
    view.resize(1300, 800)
    view.show()
    return view


def select_name(view: CertificatesView, name: str) -> int:
    rows = view.eligibility.model.rows
    index = next(i for i, r in enumerate(rows) if r.name == name)
    view.eligibility.table.selectRow(index)
    return index


def cell(view: CertificatesView, row: int, column: int) -> str:
    model = view.eligibility.model
    return str(model.data(model.index(row, column)))


def test_list_shows_why_and_manual_decisions_need_a_reason(
    qtbot: QtBot, demo_workspace: Workspace, clock: FakeClock, screenshots: Path
) -> None:
    ids = attendee_ids(demo_workspace)
    check_in(demo_workspace, clock, ids[:30])
    answers = Answers(None, "別日程で受講済み")
    dialogs = RecordingDialogs(confirm_answers=[True])
    view = make_view(qtbot, demo_workspace, clock, answers=answers, dialogs=dialogs)
    panel = view.eligibility
    assert panel.model.rowCount() == 100
    assert "30 of 100 eligible" in panel.summary.text()
    absent = next(r for r in panel.model.rows if not r.eligible)
    row = select_name(view, absent.name)
    assert cell(view, row, 3) == "Not eligible" and cell(view, row, 4) == "Not checked in"
    qtbot.mouseClick(panel.include_button, Qt.MouseButton.LeftButton)  # cancelled: no change
    assert cell(view, row, 3) == "Not eligible"
    qtbot.mouseClick(panel.include_button, Qt.MouseButton.LeftButton)
    row = select_name(view, absent.name)
    assert cell(view, row, 3) == "Eligible"
    assert cell(view, row, 4) == "Included by hand: 別日程で受講済み"
    qtbot.mouseClick(panel.issue_button, Qt.MouseButton.LeftButton)
    assert (
        dialogs.messages[0][0] == "confirm"
        and "Issue 31 certificate numbers" in (dialogs.messages[0][1])
    )
    assert "31 of 100 eligible; 31 certificates issued; 0 waiting" in panel.summary.text()
    row = select_name(view, absent.name)
    assert cell(view, row, 5).startswith("CERT-2026-")
    view.grab().save(str(screenshots / "certificates_eligibility.png"))


def test_revoke_from_the_list_shows_in_verify(
    qtbot: QtBot, demo_workspace: Workspace, clock: FakeClock
) -> None:
    check_in(demo_workspace, clock, attendee_ids(demo_workspace)[:3])
    view = make_view(
        qtbot,
        demo_workspace,
        clock,
        answers=Answers("氏名の誤記"),
        dialogs=RecordingDialogs(confirm_answers=[True]),
    )
    qtbot.mouseClick(view.eligibility.issue_button, Qt.MouseButton.LeftButton)
    issued = [r for r in view.eligibility.model.rows if r.number]
    row = select_name(view, issued[0].name)
    qtbot.mouseClick(view.eligibility.revoke_button, Qt.MouseButton.LeftButton)
    assert cell(view, row, 5).endswith("(revoked)")
    services = build_certificate_services(demo_workspace, clock)
    code = next(
        c.code
        for c in services.issuer.issued(event_id(demo_workspace))
        if c.number == issued[0].number
    )
    view.tabs.setCurrentWidget(view.verify)
    qtbot.keyClicks(view.verify.code_edit, code)
    qtbot.mouseClick(view.verify.verify_button, Qt.MouseButton.LeftButton)
    assert view.verify.outcome is VerifyOutcome.REVOKED
    assert "氏名の誤記" in view.verify.result.text()


def test_layout_edit_previews_a_real_attendee_and_saves(
    qtbot: QtBot, demo_workspace: Workspace, clock: FakeClock, screenshots: Path
) -> None:
    view = make_view(qtbot, demo_workspace, clock)
    panel = view.layout_panel
    view.tabs.setCurrentWidget(panel)
    assert panel.preview_image is not None and not panel.preview_image.isNull()
    assert panel.preview_image.width() > panel.preview_image.height()  # A4 landscape
    assert panel.person_combo.count() == 100
    first = panel.preview_image
    panel.person_combo.setCurrentIndex(1)
    panel.person_combo.activated.emit(1)  # another attendee's certificate
    assert panel.preview_image is not None and panel.preview_image != first
    panel.element_list.setCurrentRow(3)  # the title
    panel.text_edit.selectAll()
    type_text(qtbot, panel.text_edit, "研修修了証")
    before = panel.preview_image
    panel.refresh_preview()  # what the debounce timer does
    assert panel.preview_image is not before
    qtbot.mouseClick(panel.save_button, Qt.MouseButton.LeftButton)
    saved = build_certificate_services(demo_workspace, clock).layouts.get(event_id(demo_workspace))
    assert saved.custom and saved.spec["elements"][3]["text"] == "研修修了証"
    panel.orientation_combo.setCurrentIndex(panel.orientation_combo.findData("portrait"))
    panel.orientation_combo.activated.emit(panel.orientation_combo.currentIndex())
    panel.refresh_preview()  # the landscape layout no longer fits: the reason is shown
    assert "beyond the edge" in panel.status.text()
    view.grab().save(str(screenshots / "certificates_layout.png"))


def test_a_one_page_pdf_becomes_the_background(
    qtbot: QtBot, demo_workspace: Workspace, clock: FakeClock, tmp_path: Path
) -> None:
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.pdfgen.canvas import Canvas

    def pdf(path: Path, pages: int) -> Path:
        canvas = Canvas(str(path), pagesize=landscape(A4))
        for _ in range(pages):
            canvas.setFillColorRGB(0.2, 0.4, 0.9)
            canvas.rect(0, 0, 60, 60, stroke=0, fill=1)  # a blue corner, bottom left
            canvas.showPage()
        canvas.save()
        return path

    dialogs = RecordingDialogs(paths=[pdf(tmp_path / "two.pdf", 2), pdf(tmp_path / "bg.pdf", 1)])
    view = make_view(qtbot, demo_workspace, clock, dialogs=dialogs)
    panel = view.layout_panel
    qtbot.mouseClick(panel.background_button, Qt.MouseButton.LeftButton)
    assert dialogs.messages == [("warn", "The background PDF must have exactly one page.")]
    qtbot.mouseClick(panel.background_button, Qt.MouseButton.LeftButton)
    panel.refresh_preview()
    image = panel.preview_image
    assert image is not None
    corner = image.pixelColor(5, image.height() - 5)
    assert corner.blue() > 180 and corner.red() < 100  # the background's blue corner
    qtbot.mouseClick(panel.save_button, Qt.MouseButton.LeftButton)
    saved = build_certificate_services(demo_workspace, clock).layouts.get(event_id(demo_workspace))
    assert saved.custom and saved.spec["background"]


def test_export_with_progress_and_cancel(
    qtbot: QtBot, demo_workspace: Workspace, clock: FakeClock, tmp_path: Path
) -> None:
    check_in(demo_workspace, clock, attendee_ids(demo_workspace)[:8])
    out = tmp_path / "out"
    out.mkdir()
    dialogs = RecordingDialogs(paths=[out / "all.pdf", out / "cancelled.pdf"])
    view = make_view(qtbot, demo_workspace, clock, dialogs=dialogs)
    panel = view.export
    qtbot.mouseClick(panel.merged_button, Qt.MouseButton.LeftButton)
    assert (out / "all.pdf").exists()
    assert "Wrote 8 certificates" in panel.status.text()
    assert panel.progress.maximum() == 8
    # Cancel pressed while the first pages are drawn:
    panel._relay.progressed.connect(lambda done, total: panel.cancel_button.click())
    qtbot.mouseClick(panel.merged_button, Qt.MouseButton.LeftButton)
    assert "cancelled" in panel.status.text()
    assert [p.name for p in out.iterdir()] == ["all.pdf"]
    assert panel.merged_button.isEnabled()


def test_verify_by_pasting_and_by_webcam(
    qtbot: QtBot, demo_workspace: Workspace, clock: FakeClock, tmp_path: Path
) -> None:
    check_in(demo_workspace, clock, attendee_ids(demo_workspace)[:2])
    services = build_certificate_services(demo_workspace, clock)
    ev = event_id(demo_workspace)
    cert = services.issuer.issue(ev).newly_issued[0]
    scanner = CameraScanner()
    view = make_view(qtbot, demo_workspace, clock, scanner=scanner)
    panel = view.verify
    panel.code_edit.setText(cert.code[:-1] + ("A" if cert.code[-1] != "A" else "B"))
    qtbot.mouseClick(panel.verify_button, Qt.MouseButton.LeftButton)
    assert panel.outcome is VerifyOutcome.FORGED
    # Only the number typed: who it belongs to, and that this proves nothing.
    panel.code_edit.setText(f" {cert.number.lower()} ")
    qtbot.mouseClick(panel.verify_button, Qt.MouseButton.LeftButton)
    assert panel.outcome is VerifyOutcome.NUMBER_ONLY
    assert cert.name in panel.result.text() and "C1-" in panel.result.text()
    panel.code_edit.setText("CERT-1999-0001")
    qtbot.mouseClick(panel.verify_button, Qt.MouseButton.LeftButton)
    assert panel.outcome is VerifyOutcome.UNKNOWN and "C1-" in panel.result.text()
    # A photo of the printed certificate, as the webcam would deliver it:
    services.exporter.export(ev, str(tmp_path / "c.pdf"))
    photo = render_first_page((tmp_path / "c.pdf").read_bytes(), 1600)
    scanner.handle_image(photo)
    qtbot.waitUntil(lambda: panel.outcome is VerifyOutcome.VALID, timeout=5000)
    assert cert.name in panel.result.text() and panel.code_edit.text() == cert.code
    panel.shutdown()


@pytest.fixture(autouse=True)
def _no_modal_dialogs(monkeypatch: pytest.MonkeyPatch) -> None:
    """Any real modal dialog would hang an offscreen run: fail loudly instead."""
    from PySide6.QtWidgets import QInputDialog, QMessageBox

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("a modal dialog was opened")

    monkeypatch.setattr(QMessageBox, "warning", refuse)
    monkeypatch.setattr(QInputDialog, "getText", refuse)
