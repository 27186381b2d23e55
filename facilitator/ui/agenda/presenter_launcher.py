"""Opening the presenter console and the projector window for one session.

Loading the saved runs happens off the GUI thread; when a run was still open
(the program stopped mid-item) the trainer is asked whether to resume it at
the right remaining time or to end it where it stands.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QObject, QThreadPool
from PySide6.QtWidgets import QWidget

from facilitator.domain.clock import Clock
from facilitator.errors import FacilitatorError
from facilitator.lang import Lang
from facilitator.services.agenda.live import LiveAgenda, LiveStart, instant
from facilitator.services.agenda.phone_slides import PhoneSlideSource
from facilitator.ui.agenda.audience_window import AudienceWindow, ScreenWatch
from facilitator.ui.agenda.pdf_pages import PdfPageCache
from facilitator.ui.agenda.presenter_console import PresenterConsole
from facilitator.ui.agenda.presenter_controller import PresenterController
from facilitator.ui.agenda.texts import countdown
from facilitator.ui.dialogs import Dialogs
from facilitator.ui.runner import Runner, ThreadRunner


@dataclass
class OpenPresentation:
    controller: PresenterController
    console: PresenterConsole
    audience: AudienceWindow


def _reraise(exc: BaseException) -> None:
    # On the GUI thread: the app's exception hook logs it and tells the user.
    raise exc


def serial_runner(on_error: Callable[[BaseException], None] = _reraise) -> ThreadRunner:
    """A runner with one worker thread: transitions are saved in the order they were made."""
    pool = QThreadPool()
    pool.setMaxThreadCount(1)
    return ThreadRunner(on_error, pool)


class PresenterLauncher(QObject):
    def __init__(
        self,
        live_factory: Callable[[int], LiveAgenda],
        clock: Clock,
        runner: Runner,
        transitions: Runner,
        screens: ScreenWatch,
        dialogs: Dialogs,
        lang: Lang,
        phone: PhoneSlideSource | None = None,
    ) -> None:
        super().__init__()
        self._live_factory = live_factory
        self._clock = clock
        self._runner = runner
        self._transitions = transitions
        self._screens = screens
        self._dialogs = dialogs
        self._lang = lang
        self._phone = phone
        self._pdf = PdfPageCache(runner, self)
        self.open: dict[int, OpenPresentation] = {}

    def present(self, session_id: int, parent: QWidget | None = None) -> None:
        """Open (or bring forward) the console and projector window of `session_id`."""
        if session_id in self.open:
            self.open[session_id].console.raise_()
            self.open[session_id].console.activateWindow()
            return
        live = self._live_factory(session_id)

        def failed(exc: BaseException) -> None:
            if isinstance(exc, FacilitatorError):
                self._dialogs.warn(parent, self.tr("Present"), exc.message.text(self._lang))
                return
            raise exc

        self._runner.run(live.load, lambda start: self._loaded(live, start, parent), failed)

    def _loaded(self, live: LiveAgenda, start: LiveStart, parent: QWidget | None) -> None:
        if start.resumable:
            status = start.state.status(instant(self._clock))
            item = start.items[status.index or 0]
            question = (
                self.tr("「%1」 was running when Facilitator stopped (%2 left). Resume it?")
                .replace("%1", item.title)
                .replace("%2", countdown(status.remaining_seconds))
            )
            if not self._dialogs.confirm(parent, self.tr("Resume session"), question):
                self._transitions.run(live.stop, lambda _state: self._show(live, start, parent))
                return
        self._show(live, start, parent)

    def _show(self, live: LiveAgenda, start: LiveStart, parent: QWidget | None) -> None:
        controller = PresenterController(
            live, start, self._transitions, self._clock, self._pdf, self._phone, self._runner
        )
        controller.state = live.state
        console = PresenterConsole(controller, parent, self._dialogs)
        audience = AudienceWindow(controller, self._screens, console)
        console.swap_requested.connect(audience.swap)
        console.projector_requested.connect(audience.place)
        session_id = start.session.id

        def closed() -> None:
            audience.close()
            audience.deleteLater()
            console.deleteLater()
            self.open.pop(session_id, None)

        console.closed.connect(closed)
        self.open[session_id] = OpenPresentation(controller, console, audience)
        # Full screen on the laptop's screen; the projector goes to another one.
        console.open_full_screen(audience.console_screen())
        audience.place()
        controller.begin()
        console.activateWindow()
