"""A QR code as a QImage, one pixel per module (the painter scales it without smoothing)."""

from __future__ import annotations

import qrcode
from PySide6.QtGui import QImage
from qrcode.constants import ERROR_CORRECT_M

QUIET_MODULES = 4  # the white border phone cameras need to find the code


def qr_image(text: str) -> QImage:
    code = qrcode.QRCode(error_correction=ERROR_CORRECT_M, border=QUIET_MODULES, box_size=1)
    code.add_data(text)
    code.make(fit=True)
    matrix = code.get_matrix()
    size = len(matrix)
    # Built from bytes rather than setPixel(): PySide6 6.12's setPixel corrupts
    # Python's reference count of None, which crashes the interpreter at exit.
    data = bytes(0 if dark else 255 for row in matrix for dark in row)
    return QImage(data, size, size, size, QImage.Format.Format_Grayscale8).copy()
