"""Certificate QR codes as PDF path operators: one filled path of merged runs.

zxing-cpp encodes in C++ (mask selection included) in about a tenth of a
millisecond, which is what lets 1,000 certificates render in well under a
second; a pure-Python encoder takes several milliseconds per code. The runs
are written in module units under one `cm`, so each is a few small integers.
"""

from __future__ import annotations

import re

import zxingcpp

QUIET_MODULES = 4  # the quiet zone the QR standard asks for, inside the element's box
_DARK_RUN = re.compile(rb"\x00+")


def certificate_qr_ops(text: str, x: float, y: float, size: float) -> str:
    """PDF operators drawing the QR for `text` in the square (x, y, size) in points.

    (x, y) is the lower-left corner in PDF coordinates; error correction M.
    """
    barcode = zxingcpp.create_barcode(text, zxingcpp.BarcodeFormat.QRCode, ec_level="M")
    image = barcode.to_image(scale=1, add_quiet_zones=False)
    _, cols = image.shape
    module = size / (cols + 2 * QUIET_MODULES)
    top = y + size - QUIET_MODULES * module
    # y grows downwards in module units, so a run's row index is its y.
    parts = [f"q 0 g {module:.5f} 0 0 {-module:.5f} {x + QUIET_MODULES * module:.3f} {top:.3f} cm"]
    # zxing-cpp writes 0 for dark modules: one C-level scan finds every run of them.
    # The Image supports the buffer protocol, which zxing-cpp's type stub does not declare.
    raw = bytes(memoryview(image))  # type: ignore[arg-type]
    for match in _DARK_RUN.finditer(raw):
        start, stop = match.span()
        row, col = divmod(start, cols)
        while stop - start > cols - col:  # a run that wraps into the next row is split
            parts.append(f"{col} {row} {cols - col} 1 re")
            start += cols - col
            row, col = row + 1, 0
        parts.append(f"{col} {row} {stop - start} 1 re")
    parts.append("f Q")
    return "\n".join(parts)
