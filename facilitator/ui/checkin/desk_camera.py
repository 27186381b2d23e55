"""The desk's webcam: its start/stop button, the live preview and what it decodes.

QtMultimedia loads only when the trainer first starts the webcam (its backends
take a while); the view hears `decoded` texts and `failed` reasons.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QPushButton, QVBoxLayout, QWidget

if TYPE_CHECKING:
    from PySide6.QtMultimediaWidgets import QVideoWidget

    from facilitator.ui.camera_scanner import CameraScanner


def open_camera() -> CameraScanner:
    # Imported on first use: QtMultimedia's backends take a while to load.
    from facilitator.ui.camera_scanner import CameraScanner

    return CameraScanner()


class DeskCamera(QObject):
    decoded = Signal(str)
    failed = Signal(str)

    def __init__(
        self,
        factory: Callable[[], CameraScanner] | None,
        preview_holder: QVBoxLayout,
        parent: QWidget,
    ) -> None:
        super().__init__(parent)
        self.factory = factory
        self._holder = preview_holder
        self._camera: CameraScanner | None = None
        self._preview: QVideoWidget | None = None
        self.button = QPushButton(self.tr("Start webcam"))
        self.button.setObjectName("cameraButton")
        self.button.setCheckable(True)
        self.button.setVisible(factory is not None)
        self.button.toggled.connect(self._toggle)
        self.failed.connect(lambda _text: self.button.setChecked(False))

    def _toggle(self, on: bool) -> None:
        if self.factory is None:
            return
        if on:
            if self._camera is None:
                from PySide6.QtMultimediaWidgets import QVideoWidget

                self._camera = self.factory()
                self._camera.decoded.connect(self.decoded)
                self._camera.failed.connect(self.failed)
                self._preview = QVideoWidget()
                self._preview.setMinimumHeight(240)
                self._holder.addWidget(self._preview)
            assert self._preview is not None
            self._preview.show()
            self.button.setText(self.tr("Stop webcam"))
            self._camera.start(self._preview)
        elif self._camera is not None:
            self._camera.stop()
            if self._preview is not None:
                self._preview.hide()
            self.button.setText(self.tr("Start webcam"))

    def shutdown(self) -> None:
        if self._camera is not None:
            self._camera.shutdown()
            self._camera = None
