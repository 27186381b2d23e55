"""The app's shell logic: the open workspace, the main window built around it, the
menus (new, open, recent, back up, language, about) and error reporting.

What the window holds comes from a `Composition` (app.py, the composition root): the
controller never constructs services or views itself. Switching workspace or language
closes the window and builds everything again around the new choice.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QObject, QTranslator
from PySide6.QtWidgets import QApplication, QWidget

from facilitator import APP_NAME
from facilitator.db.workspace import Workspace, open_workspace
from facilitator.domain.clock import Clock
from facilitator.errors import FacilitatorError
from facilitator.lang import Lang, parse_lang
from facilitator.logs import LOG_FILE_NAME
from facilitator.paths import default_workspace_path, log_dir
from facilitator.services.backup import backup_workspace
from facilitator.services.events import EventService
from facilitator.ui.current_event import CurrentEvent
from facilitator.ui.dialogs import Dialogs, QtDialogs
from facilitator.ui.main_window import MainWindow, about_text
from facilitator.ui.runner import Runner, ThreadRunner
from facilitator.ui.settings import AppSettings
from facilitator.ui.translations import install_translators, remove_translators

log = logging.getLogger(__name__)


class Activity(Enum):
    """Something under way that quitting would cut off, so the app asks first."""

    PHONE_SERVER = "phone_server"
    PRESENTING = "presenting"


@dataclass(frozen=True)
class Area:
    key: str
    title: str
    # A factory is called when the area is first shown, so start-up builds only the first area.
    view: QWidget | Callable[[], QWidget]
    # What of this area is under way now (asked before quitting); None when nothing is.
    running: Callable[[], Activity | None] | None = None


class WorkspaceServices(Protocol):
    """What the controller itself needs of a workspace's services."""

    @property
    def events(self) -> EventService: ...

    def close(self) -> None: ...


class Composition(Protocol):
    """Builds a workspace's services, and the areas of a window around them."""

    def services(self, workspace: Workspace, clock: Clock) -> WorkspaceServices: ...

    def areas(
        self,
        services: WorkspaceServices,
        runner: Runner,
        current: CurrentEvent,
        parent: QObject,
        *,
        lang: Lang,
        dialogs: Dialogs,
    ) -> list[Area]: ...


class AppController(QObject):
    """Owns the open workspace and the main window built around it."""

    def __init__(
        self,
        app: QApplication,
        settings: AppSettings,
        lang: Lang,
        clock: Clock,
        composition: Composition,
        runner_factory: Callable[[Callable[[BaseException], None]], Runner] | None = None,
        dialogs: Dialogs | None = None,
    ) -> None:
        super().__init__()
        self._compose = composition
        self._app = app
        self._settings = settings
        self.lang: Lang = lang
        self._clock = clock
        self._translators: list[QTranslator] = install_translators(app, lang)
        self._runner_factory = runner_factory or (lambda on_error: ThreadRunner(on_error))
        self.dialogs: Dialogs = dialogs or QtDialogs()
        self.workspace: Workspace | None = None
        self.window: MainWindow | None = None
        self.services: WorkspaceServices | None = None
        self.current = CurrentEvent()
        self._running: list[Callable[[], Activity | None]] = []

    # -- workspace ---------------------------------------------------------------------------
    def open(self, path: Path, *, create: bool = False) -> bool:
        """Open `path` and show it; on failure say why and keep what was open before."""
        if self.workspace is not None and _same_file(self.workspace.path, path):
            return True  # already open here; a second lock from this process would fail
        if not self._may_close_workspace(self.tr("Open the other workspace anyway?")):
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
            self.services = self._compose.services(self.workspace, self._clock)
        kept = self.current.event_id if keep_event else None
        if kept is None:
            events = self.services.events.list_events()
            kept = events[0].id if events else None
        self.current = CurrentEvent(kept)
        runner = self._runner_factory(self.report_unexpected)
        window = MainWindow(self.workspace.path, self._settings.recent(), self.lang)
        areas = self._compose.areas(
            self.services, runner, self.current, window, lang=self.lang, dialogs=self.dialogs
        )
        for area in areas:
            window.add_area(area.key, area.title, area.view)
        self._running = [area.running for area in areas if area.running is not None]
        window.new_workspace_requested.connect(self._ask_new)
        window.open_workspace_requested.connect(self._ask_open)
        window.open_recent_requested.connect(lambda p: self.open(Path(p)))
        window.backup_requested.connect(self._ask_backup)
        window.language_requested.connect(self.switch_language)
        window.about_requested.connect(self._about)
        window.close_guard = lambda: self._may_close_workspace(self.tr("Quit Facilitator anyway?"))
        self.window = window
        if old is not None:
            window.restoreGeometry(old.saveGeometry())
            if old.area_keys():
                window.show_area(old.current_area_key())
                window.show_tabs(old.current_tabs())
            old.closing.disconnect()
            old.close_guard = None
            old.close()
            old.deleteLater()
        window.closing.connect(self.shutdown)
        window.show()

    def _may_rebuild(self) -> bool:
        """Before a language switch rebuilds the window: it drops unsaved edits and closes a
        presentation (its console belongs to the window); the phone server goes on serving."""
        return self._may_stop({Activity.PRESENTING}, self.tr("Switch the language anyway?"))

    def _may_close_workspace(self, question: str) -> bool:
        """Before the workspace closes: unsaved edits, the phones and the projector stop."""
        return self._may_stop(set(Activity), question)

    def _may_stop(self, stopped: set[Activity], question: str) -> bool:
        """Ask `question` when unsaved edits or what of `stopped` is under way would be lost,
        naming each; with nothing to lose, go ahead without asking."""
        notes = [self._unsaved_note(), *self._running_notes(stopped)]
        said = [note for note in notes if note]
        if not said:
            return True
        return self.dialogs.confirm(self.window, APP_NAME, "\n".join([*said, "", question]))

    def _unsaved_note(self) -> str | None:
        if self.window is None:
            return None
        titles = self.window.unsaved_area_titles()
        if not titles:
            return None
        # The list separator is translated: "、" in Japanese, ", " in English.
        return self.tr("Changes in %1 have not been saved.").replace(
            "%1", self.tr(", ").join(titles)
        )

    def _running_notes(self, asked: set[Activity]) -> list[str]:
        """What of `asked` is under way now, said as the question before stopping it."""
        running = {activity for check in self._running if (activity := check()) in asked}
        notes = {
            Activity.PHONE_SERVER: self.tr(
                "The phone server is running: phones can no longer check in or answer the survey."
            ),
            Activity.PRESENTING: self.tr(
                "A session is being presented: the projector and the console will close."
            ),
        }
        return [text for activity, text in notes.items() if activity in running]

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
        if lang is None or lang == self.lang or not self._may_rebuild():
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
