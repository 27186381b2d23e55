"""The roster area's services, built together for one workspace."""

from __future__ import annotations

from dataclasses import dataclass

from facilitator.db.workspace import Workspace
from facilitator.domain.clock import Clock
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


def build_roster_services(
    workspace: Workspace, clock: Clock, events: EventService
) -> RosterServices:
    roster = RosterService(workspace, clock)
    return RosterServices(
        events=events,
        roster=roster,
        importer=RosterImportService(workspace, clock, roster),
        schedule=ScheduleService(workspace, clock),
        papers=RosterPapersService(workspace, events, roster),
    )
