"""The projector window: the current slide, full screen on the second screen.

With one screen it is a normal window (a preview the trainer can drag to a
projector plugged in later). Screens being plugged in or removed re-place it;
"swap screens" puts it on the other one.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QObject, QRect, Qt, Signal
from PySide6.QtGui import QCloseEvent, QGuiApplication, QKeyEvent, QScreen
from PySide6.QtWidgets import QVBoxLayout, QWidget

from facilitator.ui.agenda.presenter_controller import PresenterController
from facilitator.ui.agenda.slide import Screen, SlideCanvas
from facilitator.ui.agenda.texts import slide_time

PREVIEW_SIZE = (960, 540)


def _index_of(screens: Sequence[QRect], laptop: QRect | None) -> int:
    """The screen holding the centre of `laptop` (the first one when unknown or gone)."""
    if laptop is not None:
        for i, geometry in enumerate(screens):
            if geometry.contains(laptop.center()):
                return i
    return 0


def _first_other(screens: Sequence[QRect], index: int) -> int:
    return next(i for i in range(len(screens)) if i != index)


def choose_screen(screens: Sequence[QRect], console: QRect | None, swapped: bool) -> int | None:
    """Index of the screen the projector picture goes to, None for a windowed preview.

    The audience screen is the first one that is not the console's; swapping
    puts the picture on the console's screen instead (for a laptop whose
    internal display is the one facing the room).
    """
    if len(screens) < 2:
        return None
    console_index = _index_of(screens, console)
    return console_index if swapped else _first_other(screens, console_index)


def choose_console_screen(screens: Sequence[QRect], laptop: QRect | None, swapped: bool) -> int:
    """Index of the screen the console goes to: the laptop's, or after a swap (the
    projector then on the laptop's screen) the first other one."""
    laptop_index = _index_of(screens, laptop)
    if not swapped or len(screens) < 2:
        return laptop_index
    return _first_other(screens, laptop_index)


class ScreenWatch(QObject):
    """The list of screens and a signal when it changes (wraps QGuiApplication for tests)."""

    changed = Signal()

    def __init__(self, app: QGuiApplication) -> None:
        super().__init__()
        self._app = app
        app.screenAdded.connect(lambda _s: self.changed.emit())
        app.screenRemoved.connect(lambda _s: self.changed.emit())

    def screens(self) -> list[QScreen]:
        return list(self._app.screens())


class AudienceWindow(QWidget):
    def __init__(
        self,
        controller: PresenterController,
        screens: ScreenWatch,
        console: QWidget | None = None,
    ) -> None:
        super().__init__(console, Qt.WindowType.Window)
        self.setWindowTitle(self.tr("Projector — %1").replace("%1", controller.session.label))
        self.setObjectName("audienceWindow")
        self.setStyleSheet("#audienceWindow { background: black; }")
        self._controller = controller
        self._screens = screens
        self._console = console
        # The laptop's screen, as it was when presenting began: swapping moves the
        # console away from it, so its current screen is no reference.
        self._laptop: QRect | None = None
        if console is not None and console.screen() is not None:
            self._laptop = console.screen().geometry()
        self.swapped = False
        self.canvas = SlideCanvas(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.canvas)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        controller.state_changed.connect(self.refresh)
        controller.tick.connect(self.refresh_time)
        screens.changed.connect(self.place)
        self.resize(*PREVIEW_SIZE)
        self.refresh()

    # -- content -------------------------------------------------------------------------------
    def refresh(self) -> None:
        c = self._controller
        self.canvas.set_screen(Screen.BLACK if c.blackout else Screen.ITEM)
        self.canvas.set_frame(c.frame())
        self.refresh_time()

    def refresh_time(self) -> None:
        c = self._controller
        status = c.status()
        self.canvas.set_time(
            slide_time(status, c.clock.now()) if status.index is not None else None
        )

    # -- placement -----------------------------------------------------------------------------
    def console_screen(self) -> QScreen | None:
        """The screen the console belongs on (the projector is never on it)."""
        screens = self._screens.screens()
        if not screens:
            return None
        rects = [s.geometry() for s in screens]
        return screens[choose_console_screen(rects, self._laptop, self.swapped)]

    def place(self) -> None:
        screens = self._screens.screens()
        target = choose_screen([s.geometry() for s in screens], self._laptop, self.swapped)
        console = self._console
        if console is not None and console.isVisible() and len(screens) > 1:
            wanted = self.console_screen()
            if wanted is not None and console.screen() is not wanted:
                was_full = console.isFullScreen()
                handle = console.windowHandle()
                if handle is not None:
                    handle.setScreen(wanted)
                console.setGeometry(wanted.availableGeometry())
                if was_full:
                    console.showFullScreen()
        if target is None:
            if self.isFullScreen():
                self.showNormal()
            self.resize(*PREVIEW_SIZE)
            self.show()
            return
        screen = screens[target]
        handle = self.windowHandle()
        if handle is not None:
            handle.setScreen(screen)
        self.setGeometry(screen.geometry())
        self.showFullScreen()

    def swap(self) -> None:
        self.swapped = not self.swapped
        self.place()

    def full_screen_screen(self) -> QScreen | None:
        return self.screen() if self.isFullScreen() else None

    # -- input ---------------------------------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape and self.isFullScreen():
            self.showNormal()
            return
        if not self._controller.handle_key(event.key(), event.text()):
            super().keyPressEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        # The console owns the session; closing the projector only hides it.
        event.accept()
