"""Composition root: opens the workspace, builds services, views and the main window.

Nothing else constructs services or views. Switching workspace or language
closes the window and builds everything again around the new choice.
"""

from __future__ import annotations

import logging
import sys
import tempfile
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication, QObject, QTranslator
from PySide6.QtWidgets import QApplication, QWidget

from facilitator import APP_NAME, __version__
from facilitator.db.workspace import Workspace, open_workspace
from facilitator.domain.clock import Clock, SystemClock
from facilitator.errors import FacilitatorError
from facilitator.lang import Lang, parse_lang, system_lang
from facilitator.logs import LOG_FILE_NAME
from facilitator.paths import default_workspace_path, log_dir, user_data_dir
from facilitator.services.agenda.items import AgendaService
from facilitator.services.agenda.phone_slides import PhoneSlides
from facilitator.services.agenda.report import AgendaReportService
from facilitator.services.backup import backup_workspace
from facilitator.services.certificates.suite import CertificateServices, build_certificate_services
from facilitator.services.checkin.service import CheckInService
from facilitator.services.events import EventService
from facilitator.services.feedback.capture import FeedbackService
from facilitator.services.feedback.results import FeedbackResultsService
from facilitator.services.feedback.survey_editor import SurveyEditorService
from facilitator.services.roster.area import RosterServices, build_roster_services
from facilitator.ui.current_event import CurrentEvent
from facilitator.ui.dialogs import Dialogs, QtDialogs
from facilitator.ui.fonts import register_bundled_fonts, ui_font
from facilitator.ui.lan_server_control import LanServerControl
from facilitator.ui.main_window import MainWindow, about_text
from facilitator.ui.runner import Runner, ThreadRunner
from facilitator.ui.settings import AppSettings
from facilitator.ui.translations import install_translators, remove_translators

log = logging.getLogger(__name__)


@dataclass
class Services:
    """The services of one open workspace, handed to the views that need them."""

    workspace: Workspace
    clock: Clock
    events: EventService
    feedback: FeedbackService
    feedback_results: FeedbackResultsService
    survey_editor: SurveyEditorService
    checkin: CheckInService
    roster: RosterServices
    # The phone server (check-in and feedback pages); stopped when the workspace closes.
    lan: LanServerControl
    agenda: AgendaService
    agenda_reports: AgendaReportService
    agenda_phone: PhoneSlides
    certificates: CertificateServices

    def close(self) -> None:
        """Stop the phone server, then finish queued writes before the file closes."""
        self.lan.stop()
        self.checkin.close()
        self.feedback.close()


@dataclass(frozen=True)
class Area:
    key: str
    title: str
    # A factory is called when the area is first shown, so start-up builds only the first area.
    view: QWidget | Callable[[], QWidget]


def build_services(workspace: Workspace, clock: Clock) -> Services:
    checkin = CheckInService(workspace, clock)
    feedback = FeedbackService(workspace, clock)
    events = EventService(workspace, clock)
    agenda = AgendaService(workspace, clock)
    lan = LanServerControl(checkin, clock, feedback, workspace.announce_server)

    def arrivals(session_id: int) -> tuple[int, int]:
        counts = checkin.counts(session_id)
        return counts.arrived, counts.expected

    return Services(
        workspace=workspace,
        clock=clock,
        events=events,
        checkin=checkin,
        roster=build_roster_services(workspace, clock, events),
        lan=lan,
        agenda=agenda,
        agenda_reports=AgendaReportService(workspace, clock, agenda),
        # The projector's check-in / feedback slides: live URL while the server runs, counts.
        agenda_phone=PhoneSlides(
            workspace, clock, lambda: lan.base_url, arrivals, feedback.response_count
        ),
        feedback=feedback,
        feedback_results=FeedbackResultsService(workspace, clock),
        survey_editor=SurveyEditorService(workspace, clock),
        certificates=build_certificate_services(workspace, clock),
    )


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

    def roster() -> QWidget:
        from facilitator.ui.roster.view import RosterView

        return RosterView(services.roster, runner, current, lang=lang, dialogs=dialogs)

    def checkin() -> QWidget:
        from facilitator.ui.checkin.chimes import Chimes
        from facilitator.ui.checkin.view import CheckInView, open_camera
        from facilitator.web.addresses import ipv4_addresses

        return CheckInView(
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
        )

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
        Area("checkin", QCoreApplication.translate("Areas", "Check-in"), checkin),
        Area(
            "agenda",
            QCoreApplication.translate("Areas", "Agenda"),
            lambda: _agenda_view(services, runner, current, lang=lang, dialogs=dialogs),
        ),
        Area("feedback", QCoreApplication.translate("Areas", "Feedback"), feedback),
        # Same context and text as ui/certificates/view.area_title(), without importing the view.
        Area("certificates", QCoreApplication.translate("Areas", "Certificates"), certificates),
    ]


def _agenda_view(
    services: Services, runner: Runner, current: CurrentEvent, *, lang: Lang, dialogs: Dialogs
) -> QWidget:
    """The agenda editor plus what presenting a session needs (console, projector, live clock)."""
    from PySide6.QtGui import QGuiApplication

    from facilitator.services.agenda.live import LiveAgenda
    from facilitator.ui.agenda.audience_window import ScreenWatch
    from facilitator.ui.agenda.presenter_launcher import PresenterLauncher, serial_runner
    from facilitator.ui.agenda.view import AgendaView

    app = QGuiApplication.instance()
    assert isinstance(app, QGuiApplication)
    launcher = PresenterLauncher(
        lambda session_id: LiveAgenda(services.workspace, services.clock, session_id),
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
    return view


class AppController(QObject):
    """Owns the open workspace and the main window built around it."""

    def __init__(
        self,
        app: QApplication,
        settings: AppSettings,
        lang: Lang,
        clock: Clock,
        runner_factory: Callable[[Callable[[BaseException], None]], Runner] | None = None,
        dialogs: Dialogs | None = None,
    ) -> None:
        super().__init__()
        self._app = app
        self._settings = settings
        self.lang: Lang = lang
        self._clock = clock
        self._translators: list[QTranslator] = install_translators(app, lang)
        self._runner_factory = runner_factory or (lambda on_error: ThreadRunner(on_error))
        self.dialogs: Dialogs = dialogs or QtDialogs()
        self.workspace: Workspace | None = None
        self.window: MainWindow | None = None
        self.services: Services | None = None
        self.current = CurrentEvent()

    # -- workspace ---------------------------------------------------------------------------
    def open(self, path: Path, *, create: bool = False) -> bool:
        """Open `path` and show it; on failure say why and keep what was open before."""
        if self.workspace is not None and _same_file(self.workspace.path, path):
            return True  # already open here; a second lock from this process would fail
        if not self._may_leave():
            return False
        try:
            workspace = open_workspace(path, create=create, program=f"{APP_NAME} GUI")
        except FacilitatorError as exc:
            self.show_error(exc.message.text(self.lang))
            return False
        self._close_workspace()
        self.workspace = workspace
        self._settings.add_recent(path)
        self._settings.sync()
        self._build_window(keep_event=False)
        return True

    def _build_window(self, *, keep_event: bool) -> None:
        assert self.workspace is not None
        old = self.window
        # A rebuild for another language keeps the services: the phone server goes on
        # serving (phones choose their own language), queued writes are not disturbed.
        if self.services is None:
            self.services = build_services(self.workspace, self._clock)
        kept = self.current.event_id if keep_event else None
        if kept is None:
            events = self.services.events.list_events()
            kept = events[0].id if events else None
        self.current = CurrentEvent(kept)
        runner = self._runner_factory(self.report_unexpected)
        window = MainWindow(self.workspace.path, self._settings.recent(), self.lang)
        areas = build_areas(
            self.services, runner, self.current, window, lang=self.lang, dialogs=self.dialogs
        )
        for area in areas:
            window.add_area(area.key, area.title, area.view)
        window.new_workspace_requested.connect(self._ask_new)
        window.open_workspace_requested.connect(self._ask_open)
        window.open_recent_requested.connect(lambda p: self.open(Path(p)))
        window.backup_requested.connect(self._ask_backup)
        window.language_requested.connect(self.switch_language)
        window.about_requested.connect(self._about)
        window.close_guard = self._may_leave
        self.window = window
        if old is not None:
            window.restoreGeometry(old.saveGeometry())
            if old.area_keys():
                window.show_area(old.current_area_key())
            old.closing.disconnect()
            old.close_guard = None
            old.close()
            old.deleteLater()
        window.closing.connect(self.shutdown)
        window.show()

    def _may_leave(self) -> bool:
        """Ask before a window with unsaved edits is closed or rebuilt."""
        if self.window is None or not self.window.has_unsaved_changes():
            return True
        return self.dialogs.confirm(
            self.window,
            APP_NAME,
            self.tr("Some changes have not been saved. Discard them?"),
        )

    def _close_workspace(self) -> None:
        if self.services is not None:
            self.services.close()
            self.services = None
        if self.workspace is not None:
            self.workspace.close()
            self.workspace = None

    def shutdown(self) -> None:
        """The window is gone: release the workspace and this controller's translations."""
        self._close_workspace()
        remove_translators(self._app, self._translators)
        self._translators = []

    # -- menus -------------------------------------------------------------------------------
    def _ask_new(self) -> None:
        chosen = self.dialogs.save_path(
            self.window,
            self.tr("New workspace"),
            default_workspace_path().parent,
            self.tr("Workspaces (*.sqlite)"),
        )
        if chosen is None:
            return
        path = chosen if chosen.suffix == ".sqlite" else chosen.with_name(chosen.name + ".sqlite")
        if path.exists():
            self.show_error(
                self.tr("%1 already exists; choose another name.").replace("%1", str(path))
            )
            return
        self.open(path, create=True)

    def _ask_open(self) -> None:
        chosen = self.dialogs.open_path(
            self.window,
            self.tr("Open workspace"),
            default_workspace_path().parent,
            self.tr("Workspaces (*.sqlite);;All files (*)"),
        )
        if chosen is not None:
            self.open(chosen)

    def _ask_backup(self) -> None:
        if self.workspace is None:
            return
        source = self.workspace.path
        chosen = self.dialogs.save_path(
            self.window,
            self.tr("Back up workspace"),
            source.with_name(f"{source.stem}-backup{source.suffix}"),
            self.tr("Workspaces (*.sqlite)"),
        )
        if chosen is None:
            return
        try:
            backup_workspace(self.workspace, chosen)
        except FacilitatorError as exc:
            self.show_error(exc.message.text(self.lang))
            return
        self.dialogs.inform(
            self.window, APP_NAME, self.tr("Backed up to %1.").replace("%1", str(chosen))
        )

    def switch_language(self, code: str) -> None:
        """Rebuild the window in `code`'s language; the choice is kept for the next start."""
        lang = parse_lang(code)
        if lang is None or lang == self.lang or not self._may_leave():
            if self.window is not None:
                self.window.check_language(self.lang)
            return
        self.lang = lang
        self._settings.set_lang(lang)
        self._settings.sync()
        remove_translators(self._app, self._translators)
        self._translators = install_translators(self._app, lang)
        if self.workspace is not None:
            self._build_window(keep_event=True)

    def _about(self) -> None:
        self.dialogs.inform(
            self.window,
            APP_NAME,
            about_text() + "\n" + self.tr("Logs: %1").replace("%1", str(log_dir())),
        )

    # -- errors ------------------------------------------------------------------------------
    def show_error(self, text: str) -> None:
        self.dialogs.warn(self.window, APP_NAME, text)

    def report_unexpected(self, exc: BaseException) -> None:
        if isinstance(exc, FacilitatorError):
            self.show_error(exc.message.text(self.lang))
            return
        log.error("unexpected error", exc_info=(type(exc), exc, exc.__traceback__))
        path = log_dir() / LOG_FILE_NAME
        self.dialogs.critical(
            self.window,
            APP_NAME,
            self.tr(
                "Something went wrong. Your saved data is safe.\nDetails are in the log file:\n%1"
            ).replace("%1", str(path)),
        )


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve()
    except OSError:
        return False


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
    controller = AppController(app, settings, chosen, SystemClock(), dialogs=dialogs)
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
    from facilitator.services.demo.workspace import build_demo

    path = Path(tempfile.mkdtemp(prefix="facilitator-demo-")) / "demo.sqlite"
    with open_workspace(path, create=True) as workspace:
        build_demo(workspace, SystemClock())
    return path
