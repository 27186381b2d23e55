"""The roster area's services, handed to its view together (built in `composition.py`)."""

from __future__ import annotations

from dataclasses import dataclass

from facilitator.services.events import EventService
from facilitator.services.roster.attendees import RosterService
from facilitator.services.roster.files import RosterImportService
from facilitator.services.roster.papers import RosterPapersService
from facilitator.services.roster.schedule import ScheduleService


@dataclass(frozen=True)
class RosterServices:
    events: EventService
    roster: RosterService
    importer: RosterImportService
    schedule: ScheduleService
    papers: RosterPapersService
