"""Printed papers read back: text through pypdf, the slip QR from a rendered page."""

from __future__ import annotations

import io
import subprocess
from pathlib import Path

import zxingcpp
from PIL import Image
from pypdf import PdfReader
from sqlalchemy import select

from facilitator.db.models import Event
from facilitator.db.workspace import Workspace
from facilitator.domain.clock import FakeClock
from facilitator.domain.tokens import read_slip_code
from facilitator.services.events import EventService
from facilitator.services.roster.attendees import RosterService
from facilitator.services.roster.papers import RosterPapersService


def render_page(pdf: bytes, page: int, tmp_path: Path) -> Image.Image:
    source = tmp_path / "doc.pdf"
    source.write_bytes(pdf)
    subprocess.run(
        [
            "pdftoppm",
            "-r",
            "110",
            "-png",
            "-singlefile",
            "-f",
            str(page),
            "-l",
            str(page),
            str(source),
            str(tmp_path / "page"),
        ],
        check=True,
    )
    return Image.open(tmp_path / "page.png")


def papers_of(workspace: Workspace, clock: FakeClock) -> RosterPapersService:
    return RosterPapersService(
        workspace, EventService(workspace, clock), RosterService(workspace, clock)
    )


def test_slips_carry_a_scannable_personal_code(
    demo_workspace: Workspace, clock: FakeClock, tmp_path: Path
) -> None:
    event_id = EventService(demo_workspace, clock).resolve_event_id(None)
    paper = papers_of(demo_workspace, clock).slips(event_id)
    assert (paper.count, paper.skipped) == (100, 0)
    reader = PdfReader(io.BytesIO(paper.pdf))
    assert len(reader.pages) == 13  # eight to a page
    people = RosterService(demo_workspace, clock).list_attendees(event_id)
    first_page = reader.pages[0].extract_text()
    assert "受講票" in first_page
    assert people[0].name in first_page and people[0].department in first_page
    with demo_workspace.session() as session:
        secret = session.scalar(select(Event.secret).where(Event.id == event_id))
    assert secret is not None
    codes = [r.text for r in zxingcpp.read_barcodes(render_page(paper.pdf, 1, tmp_path))]
    assert len(codes) == 8
    read = [read_slip_code(secret, event_id, code) for code in codes]
    assert {r.staff_no for r in read if r is not None} == {p.staff_no for p in people[:8]}
    fonts = {
        font["/BaseFont"]
        for page in reader.pages[:1]
        for font in page["/Resources"]["/Font"].values()
    }
    assert any("IPAex" in str(f) for f in fonts)


def test_a_single_slip_can_be_reprinted(
    demo_workspace: Workspace, clock: FakeClock, tmp_path: Path
) -> None:
    event_id = EventService(demo_workspace, clock).resolve_event_id(None)
    person = RosterService(demo_workspace, clock).list_attendees(event_id)[42]
    paper = papers_of(demo_workspace, clock).slips(event_id, [person.id])
    assert paper.count == 1
    text = PdfReader(io.BytesIO(paper.pdf)).pages[0].extract_text()
    assert person.name in text and person.session_label in text
    (code,) = zxingcpp.read_barcodes(render_page(paper.pdf, 1, tmp_path))
    assert code.text.startswith("F1-")


def test_attendance_sheet_by_session_department_then_kana(
    demo_workspace: Workspace, clock: FakeClock
) -> None:
    event_id = EventService(demo_workspace, clock).resolve_event_id(None)
    people = RosterService(demo_workspace, clock).list_attendees(event_id)
    paper = papers_of(demo_workspace, clock).attendance(event_id)
    assert paper.count == 100
    text = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(paper.pdf)).pages)
    assert "出席簿 AM" in text.replace("\u3000", " ") and "署名" in text
    am = [p for p in people if p.session_label == "AM"]
    positions = [text.index(p.staff_no) for p in am]
    assert positions == sorted(positions)  # the service order: department, then kana


def test_department_notice_lists_each_departments_staff(
    demo_workspace: Workspace, clock: FakeClock
) -> None:
    event_id = EventService(demo_workspace, clock).resolve_event_id(None)
    people = RosterService(demo_workspace, clock).list_attendees(event_id)
    paper = papers_of(demo_workspace, clock).notices(event_id)
    pages = PdfReader(io.BytesIO(paper.pdf)).pages
    assert len(pages) == len({p.department for p in people})
    first = pages[0].extract_text()
    members = [p for p in people if p.department == people[0].department]
    assert people[0].department in first and "受講セッションのお知らせ" in first
    for p in members:
        assert p.name in first and p.session_label in first


def test_a_lost_slip_is_replaced_and_the_old_code_stops_matching(
    demo_workspace: Workspace, clock: FakeClock, tmp_path: Path
) -> None:
    event_id = EventService(demo_workspace, clock).resolve_event_id(None)
    roster = RosterService(demo_workspace, clock)
    person = roster.list_attendees(event_id)[3]
    papers = papers_of(demo_workspace, clock)
    (old,) = zxingcpp.read_barcodes(
        render_page(papers.slips(event_id, [person.id]).pdf, 1, tmp_path)
    )
    roster.reissue_slips([person.id])
    (new,) = zxingcpp.read_barcodes(
        render_page(papers.slips(event_id, [person.id]).pdf, 1, tmp_path)
    )
    with demo_workspace.session() as session:
        secret = session.scalar(select(Event.secret).where(Event.id == event_id))
    assert secret is not None
    current = roster.get_attendee(person.id).token_version
    old_read, new_read = (
        read_slip_code(secret, event_id, old.text),
        read_slip_code(secret, event_id, new.text),
    )
    assert old_read is not None and new_read is not None
    assert (old_read.version, new_read.version, current) == (0, 1, 1)
