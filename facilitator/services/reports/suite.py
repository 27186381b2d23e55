"""The report services of one workspace, handed on together (the commands, the GUI);
`composition.py` builds them."""

from __future__ import annotations

from dataclasses import dataclass

from facilitator.services.reports.export import ReportExporter
from facilitator.services.reports.facts import ReportFactsService
from facilitator.services.reports.people import PeopleReportsService


@dataclass(frozen=True)
class ReportServices:
    facts: ReportFactsService
    people: PeopleReportsService
    exporter: ReportExporter
