"""The GUI's composition root: opens the workspace, takes its services from
`composition.py`, builds the views and the main window.

Nothing else constructs views, and only `composition.py` and this module construct
services. Switching workspace or language closes the window and builds everything
again around the new choice.
"""

from __future__ import annotations

import logging
import sys
import tempfile
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

# SQLAlchemy, the models and the first area's service load before Qt: once PySide6 is
# imported, its `__feature__` import hook reads the source of every module imported
# after it, which costs about 0.1 s of CPU at start-up for SQLAlchemy alone.
import facilitator.services.events  # noqa: F401
from facilitator.composition import Composition
from facilitator.db.workspace import Workspace, open_workspace

# isort: split
from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtWidgets import QApplication, QWidget

from facilitator import APP_NAME, __version__
from facilitator.domain.clock import Clock, SystemClock
from facilitator.lang import Lang, system_lang
from facilitator.paths import default_workspace_path, user_data_dir
from facilitator.ui.app_controller import Activity, AppController, Area, WorkspaceServices
from facilitator.ui.current_event import CurrentEvent
from facilitator.ui.dialogs import Dialogs
from facilitator.ui.fonts import register_bundled_fonts, ui_font
from facilitator.ui.runner import Runner
from facilitator.ui.settings import AppSettings

if TYPE_CHECKING:
    # Each capability's services load when its area is first shown, not at start-up.
    from facilitator.services.agenda.items import AgendaService
    from facilitator.services.agenda.phone_slides import PhoneSlides
    from facilitator.services.agenda.report import AgendaReportService
    from facilitator.services.certificates.suite import CertificateServices
    from facilitator.services.checkin.service import CheckInService
    from facilitator.services.events import EventService
    from facilitator.services.feedback.capture import FeedbackService
    from facilitator.services.feedback.results import FeedbackResultsService
    from facilitator.services.feedback.survey_editor import SurveyEditorService
    from facilitator.services.roster.area import RosterServices
    from facilitator.ui.agenda.presenter_launcher import PresenterLauncher
    from facilitator.ui.lan_server_control import LanServerControl

log = logging.getLogger(__name__)


@dataclass
class Services:
    """The services of one open workspace, handed to the views that need them.

    Each is built (and its modules imported) the first time it is asked for, so
    start-up pays only for what the first area shows.
    """

    workspace: Workspace
    clock: Clock
    # Builds the services below; the presenter asks it for each session's live agenda.
    core: Composition

    @property
    def events(self) -> EventService:
        return self.core.events

    @property
    def checkin(self) -> CheckInService:
        return self.core.checkin

    @property
    def feedback(self) -> FeedbackService:
        return self.core.feedback

    @property
    def feedback_results(self) -> FeedbackResultsService:
        return self.core.feedback_results

    @property
    def survey_editor(self) -> SurveyEditorService:
        return self.core.survey_editor

    @property
    def roster(self) -> RosterServices:
        return self.core.roster

    @property
    def agenda(self) -> AgendaService:
        return self.core.agenda

    @property
    def agenda_reports(self) -> AgendaReportService:
        return self.core.agenda_reports

    @property
    def certificates(self) -> CertificateServices:
        return self.core.certificates

    @cached_property
    def lan(self) -> LanServerControl:
        """The phone server (check-in and feedback pages); stopped when the workspace closes."""
        from facilitator.ui.lan_server_control import LanServerControl

        return LanServerControl(
            self.checkin, self.clock, self.feedback, self.workspace.announce_server
        )

    @property
    def lan_running(self) -> bool:
        """Whether the phone server serves, without building its control to find out."""
        return "lan" in self.__dict__ and self.lan.running

    @cached_property
    def agenda_phone(self) -> PhoneSlides:
        """The projector's check-in / feedback slides: live URL while the server runs, counts."""
        from facilitator.services.agenda.phone_slides import PhoneSlides

        checkin, lan, feedback = self.checkin, self.lan, self.feedback

        def arrivals(session_id: int) -> tuple[int, int]:
            counts = checkin.desk.counts(session_id)
            return counts.arrived, counts.expected

        return PhoneSlides(
            self.workspace,
            self.clock,
            lambda: lan.base_url,
            arrivals,
            self.feedback.response_count,
            lambda session_id: feedback.set_feedback_open(session_id, True).is_open,
        )

    def close(self) -> None:
        """Stop the phone server, then finish queued writes before the file closes."""
        if "lan" in self.__dict__:
            self.lan.stop()
        self.core.close()


def build_services(workspace: Workspace, clock: Clock) -> Services:
    """The workspace's services (from `Composition`) plus what only the GUI has: the phone
    server's control and the projector's phone slides that read its live address."""
    return Services(workspace=workspace, clock=clock, core=Composition(workspace, clock))


def build_areas(
    services: Services,
    runner: Runner,
    current: CurrentEvent,
    parent: QObject,
    *,
    lang: Lang,
    dialogs: Dialogs,
) -> list[Area]:
    """The areas shown in the navigation, in the order of a training day.

    Titles use the "Areas" translation context; write
    `QCoreApplication.translate("Areas", "Title")` in full with literal strings,
    or lupdate does not find them. Every area but the first is given as a factory
    that imports and builds its view: the window calls it when the area is first shown.
    """
    # Only the first area's module loads at start; each factory imports its own view.
    from facilitator.ui.events.view import EventView

    launchers: list[PresenterLauncher] = []  # the agenda area's, once it is built

    def roster() -> QWidget:
        from facilitator.ui.roster.view import RosterView

        return RosterView(services.roster, runner, current, lang=lang, dialogs=dialogs)

    def checkin() -> QWidget:
        from facilitator.ui.checkin.chimes import Chimes
        from facilitator.ui.checkin.desk_camera import open_camera
        from facilitator.ui.checkin.server_note import WorkspaceNote
        from facilitator.ui.checkin.view import CheckInView
        from facilitator.web.addresses import ipv4_addresses

        view = CheckInView(
            services.checkin,
            services.events,
            runner,
            current,
            services.lan,
            services.clock,
            lang=lang,
            dialogs=dialogs,
            addresses=ipv4_addresses,
            chimes=Chimes(user_data_dir() / "sounds"),
            camera_factory=open_camera,
            server_note=WorkspaceNote(
                user_data_dir() / "settings.ini", services.workspace.path, "phone_server"
            ),
        )
        from facilitator.ui.checkin.rebook_dialog import attach_rebook

        # The desk's day-of rebooking (#16), wired beside its session choice.
        rebook = services.core.rebook
        attach_rebook(view.session_combo, rebook, services.events, runner, current, dialogs, lang)
        return view

    def feedback() -> QWidget:
        from facilitator.ui.feedback.view import FeedbackView

        return FeedbackView(
            services.feedback,
            services.feedback_results,
            services.survey_editor,
            services.events,
            runner,
            current,
            lang=lang,
            dialogs=dialogs,
            phone_url=services.agenda_phone.feedback_url,
        )

    def certificates() -> QWidget:
        from facilitator.ui.camera_scanner import CameraScanner, camera_available
        from facilitator.ui.certificates.view import CertificatesView

        return CertificatesView(
            services.certificates,
            runner,
            current,
            lang=lang,
            dialogs=dialogs,
            scanner=CameraScanner() if camera_available() else None,
        )

    def reports() -> QWidget:
        from facilitator.ui.reports.view import ReportsView

        return ReportsView(services.core.reports, runner, current, lang=lang, dialogs=dialogs)

    def records() -> QWidget:
        from facilitator.ui.records.view import RecordsView

        return RecordsView(services.core.records, runner, current, lang=lang, dialogs=dialogs)

    return [
        Area(
            "event",
            QCoreApplication.translate("Areas", "Event"),
            EventView(
                services.events, runner, current, lang=lang, dialogs=dialogs, clock=services.clock
            ),
        ),
        Area("roster", QCoreApplication.translate("Areas", "Roster & sessions"), roster),
        # Check-in follows the roster area in a training day's order.
        Area(
            "checkin",
            QCoreApplication.translate("Areas", "Check-in"),
            checkin,
            # The server may run with the area not built (after a language switch).
            running=lambda: Activity.PHONE_SERVER if services.lan_running else None,
        ),
        Area(
            "agenda",
            QCoreApplication.translate("Areas", "Agenda"),
            lambda: _agenda_view(
                services, runner, current, lang=lang, dialogs=dialogs, launchers=launchers
            ),
            running=lambda: Activity.PRESENTING if any(x.open for x in launchers) else None,
        ),
        Area("feedback", QCoreApplication.translate("Areas", "Feedback"), feedback),
        # Same context and text as ui/certificates/view.area_title(), without importing the view.
        Area("certificates", QCoreApplication.translate("Areas", "Certificates"), certificates),
        # Same context and text as ui/reports/view.area_title(), without importing the view.
        Area("reports", QCoreApplication.translate("Areas", "Reports"), reports),
        # After the day: into the records across trainings (ui/records/view.area_title()).
        Area("records", QCoreApplication.translate("Areas", "Records"), records),
    ]


def _agenda_view(
    services: Services,
    runner: Runner,
    current: CurrentEvent,
    *,
    lang: Lang,
    dialogs: Dialogs,
    launchers: list[PresenterLauncher],
) -> QWidget:
    """The agenda editor plus what presenting a session needs (console, projector, live clock)."""
    from PySide6.QtGui import QGuiApplication

    from facilitator.ui.agenda.audience_window import ScreenWatch
    from facilitator.ui.agenda.presenter_launcher import PresenterLauncher, serial_runner
    from facilitator.ui.agenda.view import AgendaView

    app = QGuiApplication.instance()
    assert isinstance(app, QGuiApplication)
    launcher = PresenterLauncher(
        services.core.live_agenda,
        services.clock,
        runner,
        serial_runner(),
        ScreenWatch(app),
        dialogs,
        lang,
        services.agenda_phone,
    )
    view = AgendaView(
        services.agenda,
        services.agenda_reports,
        services.events,
        runner,
        current,
        dialogs,
        lang,
        launcher.present,
    )
    launcher.setParent(view)  # lives as long as the view
    launchers.append(launcher)
    return view


class AppComposition:
    """The composition the GUI runs with: `build_services` and `build_areas`."""

    def services(self, workspace: Workspace, clock: Clock) -> Services:
        return build_services(workspace, clock)

    def areas(
        self,
        services: WorkspaceServices,
        runner: Runner,
        current: CurrentEvent,
        parent: QObject,
        *,
        lang: Lang,
        dialogs: Dialogs,
    ) -> list[Area]:
        assert isinstance(services, Services)  # built by `services` above
        return build_areas(services, runner, current, parent, lang=lang, dialogs=dialogs)


def app_controller(
    app: QApplication,
    settings: AppSettings,
    lang: Lang,
    clock: Clock,
    runner_factory: Callable[[Callable[[BaseException], None]], Runner] | None = None,
    dialogs: Dialogs | None = None,
) -> AppController:
    """The controller of the GUI, composed with this app's services and areas."""
    return AppController(
        app, settings, lang, clock, AppComposition(), runner_factory=runner_factory, dialogs=dialogs
    )


def _install_excepthook(controller: AppController) -> None:
    def hook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, exc, tb)
            return
        log.error("unhandled: %s", "".join(traceback.format_exception(kind, exc, tb)))
        controller.report_unexpected(exc)

    sys.excepthook = hook


def create_application() -> QApplication:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setFont(ui_font(register_bundled_fonts()))
    return app


def run_gui(
    db: Path | None,
    demo: bool,
    lang: Lang | None,
    *,
    exec_loop: bool = True,
    dialogs: Dialogs | None = None,
) -> int:
    """Entry for `facilitator [--db PATH] [--demo]`: open the workspace and run the event loop.

    With `exec_loop=False` the window is left shown (for tests and the start-up
    benchmark); the controller is parented to the application so it stays alive.
    """
    app = create_application()
    settings = AppSettings()
    chosen: Lang = lang or settings.lang() or system_lang()
    controller = app_controller(app, settings, chosen, SystemClock(), dialogs=dialogs)
    controller.setParent(app)
    _install_excepthook(controller)
    if demo:
        db = _fresh_demo_workspace()
    if db is None:
        recent = [p for p in settings.recent() if p.exists()]
        db = recent[0] if recent else default_workspace_path()
        db.parent.mkdir(parents=True, exist_ok=True)
    # A path that does not exist yet becomes a new, empty workspace.
    if not controller.open(db, create=True):
        controller.shutdown()
        controller.setParent(None)
        return 3
    if not exec_loop:
        return 0
    app.aboutToQuit.connect(controller.shutdown)
    return app.exec()


def _fresh_demo_workspace() -> Path:
    path = Path(tempfile.mkdtemp(prefix="facilitator-demo-")) / "demo.sqlite"
    with open_workspace(path, create=True) as workspace:
        Composition(workspace, SystemClock()).demo()
    return path
