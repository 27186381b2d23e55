"""Reading personal QR codes with the laptop's webcam.

QtMultimedia delivers frames on the GUI thread; each frame is handed to one
decoder thread (zxing-cpp) and frames arriving while it is busy are dropped,
so a slow decode never queues up or freezes the window. Decoded texts come
back as the `decoded` signal on the GUI thread.
"""

from __future__ import annotations

import logging
from concurrent.futures import Future, ThreadPoolExecutor

import zxingcpp
from PySide6.QtCore import QObject, Signal, Slot
from PySide6.QtGui import QImage
from PySide6.QtMultimedia import (
    QCamera,
    QMediaCaptureSession,
    QMediaDevices,
    QVideoFrame,
    QVideoSink,
)
from PySide6.QtMultimediaWidgets import QVideoWidget

log = logging.getLogger(__name__)


class FrameDecoder:
    """Finds QR codes in one camera frame; safe to call from any thread."""

    def decode(self, image: QImage) -> list[str]:
        gray = image.convertToFormat(QImage.Format.Format_Grayscale8)
        found = zxingcpp.read_barcodes(
            gray,
            formats=zxingcpp.BarcodeFormats(zxingcpp.BarcodeFormat.QRCode),
            try_rotate=False,  # a slip is held up roughly upright
            try_downscale=True,
            try_invert=False,
        )
        return [b.text for b in found if b.valid and b.text]


def camera_available() -> bool:
    return bool(QMediaDevices.videoInputs())


class CameraScanner(QObject):
    decoded = Signal(str)
    failed = Signal(str)
    _finished = Signal(object)

    def __init__(self, decoder: FrameDecoder | None = None) -> None:
        super().__init__()
        self._decoder = decoder or FrameDecoder()
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="qr-decoder")
        self._busy = False
        self._camera: QCamera | None = None
        self._capture: QMediaCaptureSession | None = None
        self._sink: QVideoSink | None = None
        self.dropped = 0
        self._finished.connect(self._deliver)

    # -- camera ------------------------------------------------------------------------------
    def start(self, preview: QVideoWidget) -> bool:
        """Open the default camera into `preview`; False (and `failed`) when there is none."""
        device = QMediaDevices.defaultVideoInput()
        if device.isNull():
            self.failed.emit(self.tr("No camera was found."))
            return False
        self.stop()
        camera = QCamera(device)
        camera.errorOccurred.connect(lambda _e, text: self.failed.emit(text))
        capture = QMediaCaptureSession()
        capture.setCamera(camera)
        capture.setVideoOutput(preview)
        sink = preview.videoSink()
        if sink is not self._sink:  # restarting into the same preview: connected already
            sink.videoFrameChanged.connect(self._on_frame)
            self._sink = sink
        self._camera, self._capture = camera, capture
        camera.start()
        return True

    def stop(self) -> None:
        if self._camera is not None:
            self._camera.stop()
        self._camera = None
        self._capture = None

    def shutdown(self) -> None:
        self.stop()
        self._pool.shutdown(wait=False, cancel_futures=True)

    @Slot(QVideoFrame)
    def _on_frame(self, frame: QVideoFrame) -> None:
        if self._busy:
            self.dropped += 1
            return
        image = frame.toImage()
        if not image.isNull():
            self.handle_image(image)

    # -- decoding ----------------------------------------------------------------------------
    def handle_image(self, image: QImage) -> None:
        """Decode `image` on the decoder thread unless a frame is already being decoded."""
        if self._busy:
            self.dropped += 1
            return
        self._busy = True
        future = self._pool.submit(self._decoder.decode, image.copy())
        future.add_done_callback(self._finished.emit)

    @Slot(object)
    def _deliver(self, future: Future[list[str]]) -> None:
        self._busy = False
        try:
            texts = future.result()
        except Exception:
            log.exception("decoding a camera frame failed")
            return
        for text in texts:
            self.decoded.emit(text)
