"""Every CSV export keeps user text from running as a formula in Excel."""

from __future__ import annotations

import csv
import io

import pytest
from sqlalchemy import select

from facilitator.db.models import AgendaItem
from facilitator.db.workspace import Workspace
from facilitator.domain.clock import FakeClock
from facilitator.domain.spreadsheet import neutralise
from facilitator.services.agenda.items import AgendaService
from facilitator.services.agenda.report import AgendaReportService
from facilitator.services.events import EventService


@pytest.mark.parametrize("text", ["=1+1", "+81", "-2", "@SUM(A1)", "\tx", "\rx"])
def test_formula_starts_are_neutralised(text: str) -> None:
    assert neutralise(text) == "'" + text


@pytest.mark.parametrize("text", ["受付", "DX 1", "", "a=b"])
def test_plain_text_is_unchanged(text: str) -> None:
    assert neutralise(text) == text


def test_agenda_csv_neutralises_titles(demo_workspace: Workspace, clock: FakeClock) -> None:
    with demo_workspace.session() as session:
        item = session.scalars(select(AgendaItem).order_by(AgendaItem.position)).first()
        assert item is not None
        item.title = '=HYPERLINK("http://x","y")'
    event_id = EventService(demo_workspace, clock).resolve_event_id(None)
    text = AgendaReportService(
        demo_workspace, clock, AgendaService(demo_workspace, clock)
    ).export_csv(event_id, "en")
    table = list(csv.reader(io.StringIO(text.decode("utf-8-sig"))))
    assert table[1][1] == "'" + '=HYPERLINK("http://x","y")'
