"""The one place that builds the services of an open workspace (no Qt here).

The GUI (`app.py`, which adds its views and the phone-server control on top),
`serve` and every other command, and the self-test all take their services from a
`Composition`; nothing else constructs a service, each is handed what it works with.
Every service is built the first time it is asked for, importing its module then,
so a command pays only for the capabilities it uses and `facilitator --version`
loads none of them.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cached_property
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from facilitator.db.workspace import Workspace
    from facilitator.domain.clock import Clock
    from facilitator.services.agenda.items import AgendaService
    from facilitator.services.agenda.live import LiveAgenda
    from facilitator.services.agenda.report import AgendaReportService
    from facilitator.services.certificates.eligibility import CertificateEligibility
    from facilitator.services.certificates.issue import CertificateIssuer
    from facilitator.services.certificates.suite import CertificateServices
    from facilitator.services.certificates.verify import CertificateVerifier
    from facilitator.services.checkin.service import CheckInService
    from facilitator.services.checkin.types import CheckInResult
    from facilitator.services.demo.finished import FinishedDemo
    from facilitator.services.demo.workspace import DemoSummary
    from facilitator.services.events import EventService
    from facilitator.services.feedback.capture import FeedbackService
    from facilitator.services.feedback.results import FeedbackResultsService
    from facilitator.services.feedback.survey_editor import SurveyEditorService
    from facilitator.services.records.area import RecordsArea
    from facilitator.services.reports.suite import ReportServices
    from facilitator.services.roster.area import RosterServices
    from facilitator.services.roster.attendees import RosterService
    from facilitator.services.roster.files import RosterImportService
    from facilitator.services.roster.rebook import RebookService
    from facilitator.services.roster.schedule import ScheduleService
    from facilitator.web.deps import WebDeps


class Composition:
    """The services of one open workspace, each built once, on first use."""

    def __init__(self, workspace: Workspace, clock: Clock) -> None:
        self.workspace = workspace
        self.clock = clock

    @cached_property
    def events(self) -> EventService:
        from facilitator.services.events import EventService

        return EventService(self.workspace, self.clock)

    # -- check-in and feedback (each runs a writer thread once it is asked to write) -----
    @cached_property
    def checkin(self) -> CheckInService:
        from facilitator.services.checkin.service import CheckInService

        return CheckInService(self.workspace, self.clock)

    @cached_property
    def feedback(self) -> FeedbackService:
        from facilitator.services.feedback.capture import FeedbackService

        return FeedbackService(self.workspace, self.clock)

    @cached_property
    def feedback_results(self) -> FeedbackResultsService:
        from facilitator.services.feedback.results import FeedbackResultsService

        return FeedbackResultsService(self.workspace, self.clock)

    @cached_property
    def records(self) -> RecordsArea:
        from facilitator.services.records.area import RecordsArea

        return RecordsArea(self.workspace, self.clock)

    @cached_property
    def survey_editor(self) -> SurveyEditorService:
        from facilitator.services.feedback.survey_editor import SurveyEditorService

        return SurveyEditorService(self.workspace, self.clock)

    def web_deps(
        self,
        on_checkin: Callable[[CheckInResult], None] | None = None,
        event_id: int | None = None,
    ) -> WebDeps:
        """What the phone server's routes need: check-in and feedback of this workspace."""
        return lan_deps(self.checkin, self.clock, self.feedback, on_checkin, event_id)

    # -- roster ------------------------------------------------------------------------------
    @cached_property
    def attendees(self) -> RosterService:
        from facilitator.services.roster.attendees import RosterService

        return RosterService(self.workspace, self.clock)

    @cached_property
    def roster_files(self) -> RosterImportService:
        from facilitator.services.roster.files import RosterImportService

        return RosterImportService(self.workspace, self.clock, self.attendees)

    @cached_property
    def schedule(self) -> ScheduleService:
        from facilitator.optimize.highs import solve_lexicographic
        from facilitator.services.roster.schedule import ScheduleService

        return ScheduleService(self.workspace, self.clock, solve_lexicographic)

    @cached_property
    def rebook(self) -> RebookService:
        from facilitator.services.roster.rebook import RebookService

        return RebookService(self.workspace, self.clock)

    @cached_property
    def roster(self) -> RosterServices:
        """The roster area's services together (its view takes them as one)."""
        from facilitator.services.roster.area import RosterServices
        from facilitator.services.roster.papers import RosterPapersService

        return RosterServices(
            events=self.events,
            roster=self.attendees,
            importer=self.roster_files,
            schedule=self.schedule,
            papers=RosterPapersService(self.workspace, self.events, self.attendees),
        )

    # -- agenda ------------------------------------------------------------------------------
    @cached_property
    def agenda(self) -> AgendaService:
        from facilitator.services.agenda.items import AgendaService

        return AgendaService(self.workspace, self.clock)

    @cached_property
    def agenda_reports(self) -> AgendaReportService:
        from facilitator.services.agenda.report import AgendaReportService

        return AgendaReportService(self.workspace, self.clock, self.agenda)

    def live_agenda(self, session_id: int) -> LiveAgenda:
        """The running clock of one session's agenda (one per presentation)."""
        from facilitator.services.agenda.live import LiveAgenda

        return LiveAgenda(self.workspace, self.clock, session_id)

    # -- certificates ------------------------------------------------------------------------
    @cached_property
    def issuer(self) -> CertificateIssuer:
        from facilitator.services.certificates.issue import CertificateIssuer

        return CertificateIssuer(self.workspace, self.clock)

    @cached_property
    def verifier(self) -> CertificateVerifier:
        from facilitator.services.certificates.verify import CertificateVerifier

        return CertificateVerifier(self.workspace)

    @cached_property
    def eligibility(self) -> CertificateEligibility:
        from facilitator.services.certificates.eligibility import CertificateEligibility

        return CertificateEligibility(self.workspace, self.clock)

    @cached_property
    def certificates(self) -> CertificateServices:
        """The certificate services together (the area's view and the export commands)."""
        from facilitator.services.certificates.export import CertificateExporter
        from facilitator.services.certificates.layouts import LayoutService
        from facilitator.services.certificates.suite import CertificateServices

        return CertificateServices(
            workspace=self.workspace,
            clock=self.clock,
            eligibility=self.eligibility,
            issuer=self.issuer,
            verifier=self.verifier,
            layouts=LayoutService(self.workspace, self.clock),
            exporter=CertificateExporter(self.workspace, self.issuer, self.eligibility),
        )

    # -- reports after the day -------------------------------------------------------------
    @cached_property
    def reports(self) -> ReportServices:
        """The reports (event report, attendees' drafts, department digests) together."""
        from facilitator.services.reports.export import ReportExporter
        from facilitator.services.reports.facts import ReportFactsService
        from facilitator.services.reports.people import PeopleReportsService
        from facilitator.services.reports.suite import ReportServices

        facts = ReportFactsService(
            self.workspace, self.clock, self.agenda_reports, self.feedback_results
        )
        people = PeopleReportsService(self.workspace, self.agenda_reports)
        return ReportServices(facts, people, ReportExporter(self.clock, facts, people))

    # -- the demo ----------------------------------------------------------------------------
    def demo(self, *, attendees: int = 100, seed: int = 1) -> DemoSummary:
        """Create the demo event in this workspace; the same seed gives the same people."""
        from facilitator.services.demo.workspace import write_demo

        return write_demo(
            self.workspace, self.clock, self.events, self.schedule, attendees=attendees, seed=seed
        )

    def finished_demo(self, *, attendees: int = 100, seed: int = 1) -> FinishedDemo:
        """The demo event on the last weekday, played to its end (check-ins, agenda runs,
        answers, certificates) through the services, on a clock that walks through that day."""
        from datetime import datetime, time

        from facilitator.domain.clock import FakeClock
        from facilitator.services.demo.finished import DayServices, FinishedDemo, play_demo_day
        from facilitator.services.demo.workspace import finished_event_date, write_demo

        day = finished_event_date(self.clock.now().astimezone().date())
        summary = write_demo(
            self.workspace,
            self.clock,
            self.events,
            self.schedule,
            attendees=attendees,
            seed=seed,
            day=day,
        )
        clock = FakeClock(datetime.combine(day, time(8, 45)).astimezone())
        on_the_day = Composition(self.workspace, clock)
        try:
            played = play_demo_day(
                DayServices(
                    self.workspace,
                    on_the_day.checkin,
                    on_the_day.feedback,
                    on_the_day.issuer,
                    on_the_day.live_agenda,
                ),
                clock,
                summary.event_id,
                seed,
            )
        finally:
            on_the_day.close()
        return FinishedDemo(summary, played)

    def close(self) -> None:
        """Finish the queued writes of the services that were built (before the file closes)."""
        for name in ("checkin", "feedback"):
            built = self.__dict__.get(name)
            if built is not None:
                built.close()


def build_roster_services(workspace: Workspace, clock: Clock) -> RosterServices:
    return Composition(workspace, clock).roster


def build_certificate_services(workspace: Workspace, clock: Clock) -> CertificateServices:
    return Composition(workspace, clock).certificates


def build_demo(
    workspace: Workspace, clock: Clock, *, attendees: int = 100, seed: int = 1
) -> DemoSummary:
    """The demo event in `workspace` (see `Composition.demo`)."""
    return Composition(workspace, clock).demo(attendees=attendees, seed=seed)


def lan_deps(
    checkin: CheckInService,
    clock: Clock,
    feedback: FeedbackService | None,
    on_checkin: Callable[[CheckInResult], None] | None = None,
    event_id: int | None = None,
) -> WebDeps:
    """The phone server's dependencies from the services given (the GUI's server control
    passes its own, with the relay that brings each check-in to the desk)."""
    from facilitator.web.deps import WebDeps

    deps = WebDeps(checkin=checkin, clock=clock, feedback=feedback, event_id=event_id)
    if on_checkin is not None:
        deps.on_checkin = on_checkin
    return deps
