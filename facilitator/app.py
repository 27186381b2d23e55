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

from PySide6.QtCore import QObject, QSettings, QTranslator, Signal
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QWidget

from facilitator import APP_NAME, __version__
from facilitator.db.workspace import Workspace, open_workspace
from facilitator.domain.clock import Clock, SystemClock
from facilitator.errors import FacilitatorError
from facilitator.lang import Lang, parse_lang, system_lang
from facilitator.logs import LOG_FILE_NAME
from facilitator.paths import default_workspace_path, log_dir, user_data_dir
from facilitator.services.backup import backup_workspace
from facilitator.services.events import EventService
from facilitator.ui.fonts import register_bundled_fonts, ui_font
from facilitator.ui.main_window import MainWindow, about_text
from facilitator.ui.runner import Runner, ThreadRunner
from facilitator.ui.translations import install_translators, remove_translators

log = logging.getLogger(__name__)
MAX_RECENT = 8


class CurrentEvent(QObject):
    """The event every area works on; the event area changes it, the others follow."""

    changed = Signal(int)

    def __init__(self, event_id: int | None = None) -> None:
        super().__init__()
        self.event_id = event_id

    def set(self, event_id: int | None) -> None:
        if event_id != self.event_id:
            self.event_id = event_id
            if event_id is not None:
                self.changed.emit(event_id)


@dataclass
class Services:
    """The services of one open workspace, handed to the views that need them."""

    workspace: Workspace
    clock: Clock
    events: EventService


@dataclass(frozen=True)
class Area:
    key: str
    title: str
    view: QWidget


def build_services(workspace: Workspace, clock: Clock) -> Services:
    return Services(workspace=workspace, clock=clock, events=EventService(workspace, clock))


def build_areas(
    services: Services, runner: Runner, current: CurrentEvent, parent: QObject
) -> list[Area]:
    """The areas shown in the navigation, in the order of a training day."""
    from facilitator.ui.event_view import EventView

    tr = parent.tr
    return [
        Area("event", tr("Event"), EventView(services.events, runner, current)),
    ]


class AppSettings:
    """Preferences kept in an INI file in the user data folder (not the registry)."""

    def __init__(self) -> None:
        path = user_data_dir() / "settings.ini"
        self._qs = QSettings(str(path), QSettings.Format.IniFormat)

    def lang(self) -> Lang | None:
        value = self._qs.value("ui/lang")
        return parse_lang(str(value)) if value else None

    def set_lang(self, lang: Lang) -> None:
        self._qs.setValue("ui/lang", lang)

    def recent(self) -> list[Path]:
        raw = self._qs.value("workspaces/recent") or []
        items = [raw] if isinstance(raw, str) else list(raw)
        return [Path(p) for p in items if p]

    def add_recent(self, path: Path) -> None:
        items = [p for p in self.recent() if p != path.resolve()]
        self._qs.setValue(
            "workspaces/recent", [str(p) for p in [path.resolve(), *items][:MAX_RECENT]]
        )

    def sync(self) -> None:
        self._qs.sync()


class AppController(QObject):
    """Owns the open workspace and the main window built around it."""

    def __init__(
        self,
        app: QApplication,
        settings: AppSettings,
        lang: Lang,
        clock: Clock,
        runner_factory: Callable[[Callable[[BaseException], None]], Runner] | None = None,
    ) -> None:
        super().__init__()
        self._app = app
        self._settings = settings
        self.lang: Lang = lang
        self._clock = clock
        self._translators: list[QTranslator] = install_translators(app, lang)
        self._runner_factory = runner_factory or (lambda on_error: ThreadRunner(on_error))
        self.workspace: Workspace | None = None
        self.window: MainWindow | None = None
        self.services: Services | None = None
        self.current = CurrentEvent()

    # -- workspace ---------------------------------------------------------------------------
    def open(self, path: Path, *, create: bool = False) -> bool:
        """Open `path` and show it; on failure say why and keep what was open before."""
        try:
            workspace = open_workspace(path, create=create, program=f"{APP_NAME} GUI")
        except FacilitatorError as exc:
            self.show_error(exc.message.text(self.lang))
            return False
        self._close_workspace()
        self.workspace = workspace
        self._settings.add_recent(path)
        self._settings.sync()
        self._build_window()
        return True

    def _build_window(self) -> None:
        assert self.workspace is not None
        old = self.window
        self.services = build_services(self.workspace, self._clock)
        events = self.services.events.list_events()
        self.current = CurrentEvent(events[0].id if events else None)
        runner = self._runner_factory(self.report_unexpected)
        window = MainWindow(self.workspace.path, self._settings.recent(), self.lang)
        for area in build_areas(self.services, runner, self.current, window):
            window.add_area(area.key, area.title, area.view)
        window.new_workspace_requested.connect(self._ask_new)
        window.open_workspace_requested.connect(self._ask_open)
        window.open_recent_requested.connect(lambda p: self.open(Path(p)))
        window.backup_requested.connect(self._ask_backup)
        window.language_requested.connect(self.switch_language)
        window.about_requested.connect(self._about)
        self.window = window
        if old is not None:
            window.restoreGeometry(old.saveGeometry())
            old.closing.disconnect()
            old.close()
            old.deleteLater()
        window.closing.connect(self.shutdown)
        window.show()

    def _close_workspace(self) -> None:
        if self.workspace is not None:
            self.workspace.close()
            self.workspace = None

    def shutdown(self) -> None:
        self._close_workspace()

    # -- menus -------------------------------------------------------------------------------
    def _ask_new(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self.window,
            self.tr("New workspace"),
            str(default_workspace_path().parent),
            self.tr("Workspaces (*.sqlite)"),
        )
        if name:
            path = Path(name if name.endswith(".sqlite") else name + ".sqlite")
            if path.exists():
                self.show_error(
                    self.tr("%1 already exists; choose another name.").replace("%1", str(path))
                )
                return
            self.open(path, create=True)

    def _ask_open(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self.window,
            self.tr("Open workspace"),
            str(default_workspace_path().parent),
            self.tr("Workspaces (*.sqlite);;All files (*)"),
        )
        if name:
            self.open(Path(name))

    def _ask_backup(self) -> None:
        if self.workspace is None:
            return
        source = self.workspace.path
        suggested = source.with_name(f"{source.stem}-backup{source.suffix}")
        name, _ = QFileDialog.getSaveFileName(
            self.window,
            self.tr("Back up workspace"),
            str(suggested),
            self.tr("Workspaces (*.sqlite)"),
        )
        if not name:
            return
        try:
            backup_workspace(self.workspace, Path(name))
        except FacilitatorError as exc:
            self.show_error(exc.message.text(self.lang))
            return
        QMessageBox.information(
            self.window, APP_NAME, self.tr("Backed up to %1.").replace("%1", name)
        )

    def switch_language(self, code: str) -> None:
        lang = parse_lang(code)
        if lang is None or lang == self.lang:
            return
        self.lang = lang
        self._settings.set_lang(lang)
        self._settings.sync()
        remove_translators(self._app, self._translators)
        self._translators = install_translators(self._app, lang)
        if self.workspace is not None:
            self._build_window()

    def _about(self) -> None:
        QMessageBox.about(
            self.window,
            APP_NAME,
            about_text() + "\n" + self.tr("Logs: %1").replace("%1", str(log_dir())),
        )

    # -- errors ------------------------------------------------------------------------------
    def show_error(self, text: str) -> None:
        QMessageBox.warning(self.window, APP_NAME, text)

    def report_unexpected(self, exc: BaseException) -> None:
        if isinstance(exc, FacilitatorError):
            self.show_error(exc.message.text(self.lang))
            return
        log.error("unexpected error", exc_info=(type(exc), exc, exc.__traceback__))
        path = log_dir() / LOG_FILE_NAME
        QMessageBox.critical(
            self.window,
            APP_NAME,
            self.tr(
                "Something went wrong. Your saved data is safe.\nDetails are in the log file:\n%1"
            ).replace("%1", str(path)),
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


def run_gui(db: Path | None, demo: bool, lang: Lang | None, *, exec_loop: bool = True) -> int:
    """Entry for `facilitator [--db PATH] [--demo]`: open the workspace and run the event loop."""
    app = create_application()
    settings = AppSettings()
    chosen: Lang = lang or settings.lang() or system_lang()
    controller = AppController(app, settings, chosen, SystemClock())
    _install_excepthook(controller)
    if demo:
        db = _fresh_demo_workspace()
    if db is None:
        recent = [p for p in settings.recent() if p.exists()]
        db = recent[0] if recent else default_workspace_path()
        db.parent.mkdir(parents=True, exist_ok=True)
    # A path that does not exist yet becomes a new, empty workspace.
    if not controller.open(db, create=True):
        return 3
    if not exec_loop:
        return 0
    app.aboutToQuit.connect(controller.shutdown)
    return app.exec()


def _fresh_demo_workspace() -> Path:
    from facilitator.services.demo import build_demo

    path = Path(tempfile.mkdtemp(prefix="facilitator-demo-")) / "demo.sqlite"
    with open_workspace(path, create=True) as workspace:
        build_demo(workspace, SystemClock())
    return path
