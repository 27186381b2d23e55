"""Set-up shared by the certificate tests: check-ins written straight to the table."""

from __future__ import annotations

import io
import subprocess
from pathlib import Path

import zxingcpp
from PIL import Image
from sqlalchemy import select

from facilitator.db.models import Attendee, CheckIn, Event, SubmissionMarker, Survey
from facilitator.db.workspace import Workspace
from facilitator.domain.clock import Clock


def event_id(workspace: Workspace) -> int:
    with workspace.session() as session:
        return int(session.scalars(select(Event.id)).one())


def attendee_ids(workspace: Workspace) -> list[int]:
    with workspace.session() as session:
        return list(session.scalars(select(Attendee.id).order_by(Attendee.id)))


def check_in(workspace: Workspace, clock: Clock, ids: list[int], *, undone: bool = False) -> None:
    with workspace.session() as session:
        for attendee_id in ids:
            attendee = session.get(Attendee, attendee_id)
            assert attendee is not None and attendee.assigned_session_id is not None
            session.add(
                CheckIn(
                    attendee_id=attendee_id,
                    session_id=attendee.assigned_session_id,
                    checked_in_at=clock.now(),
                    method="manual",
                    undone_at=clock.now() if undone else None,
                )
            )


def mark_feedback(workspace: Workspace, clock: Clock, ids: list[int]) -> None:
    with workspace.session() as session:
        survey = session.scalars(select(Survey)).one()
        for attendee_id in ids:
            attendee = session.get(Attendee, attendee_id)
            assert attendee is not None and attendee.assigned_session_id is not None
            session.add(
                SubmissionMarker(
                    survey_id=survey.id,
                    attendee_id=attendee_id,
                    session_id=attendee.assigned_session_id,
                    submitted_at=clock.now(),
                )
            )


def decode_qr_on_page(pdf: Path, page: int, tmp: Path) -> str:
    """Render one page as a printer would see it (pdftoppm, 150 dpi) and read its QR."""
    prefix = tmp / f"page{page}"
    subprocess.run(
        [
            "pdftoppm",
            "-r",
            "150",
            "-f",
            str(page),
            "-l",
            str(page),
            "-png",
            "-singlefile",
            str(pdf),
            str(prefix),
        ],
        check=True,
    )
    image = Image.open(io.BytesIO(prefix.with_suffix(".png").read_bytes()))
    found = zxingcpp.read_barcodes(
        image, formats=zxingcpp.BarcodeFormats(zxingcpp.BarcodeFormat.QRCode)
    )
    assert len(found) == 1, f"expected one QR code on page {page}, found {len(found)}"
    return str(found[0].text)
