"""QR codes drawn as one vector path: sharp at any print size, fast for 1,000 pages.

Shared by the admission slips and the certificates.
"""

from __future__ import annotations

import qrcode
from qrcode.constants import ERROR_CORRECT_M
from reportlab.pdfgen.canvas import Canvas

QUIET_MODULES = 4  # the white border scanners need, inside the requested size


def qr_matrix(text: str) -> list[list[bool]]:
    """The QR modules of `text` (no quiet zone); medium error correction survives a crease."""
    # A fixed mask skips the library's search over all eight (most of its time);
    # every mask is valid QR and scanners read them all.
    code = qrcode.QRCode(error_correction=ERROR_CORRECT_M, border=0, box_size=1, mask_pattern=2)
    code.add_data(text)
    code.make(fit=True)
    return [list(row) for row in code.get_matrix()]


def qr_path_ops(text: str, x: float, y: float, size: float) -> str:
    """PDF operators filling `text`'s QR code in the square (x, y, size), quiet zone included.

    One rectangle per run of dark modules keeps the page small; the operators
    are wrapped in q/Q so the caller's graphics state is untouched.
    """
    matrix = qr_matrix(text)
    n = len(matrix)
    module = size / (n + 2 * QUIET_MODULES)
    left = x + QUIET_MODULES * module
    top = y + size - QUIET_MODULES * module
    ops = ["q", "0 g"]
    for r, row in enumerate(matrix):
        c = 0
        while c < n:
            if not row[c]:
                c += 1
                continue
            start = c
            while c < n and row[c]:
                c += 1
            ops.append(
                f"{left + start * module:.3f} {top - (r + 1) * module:.3f} "
                f"{(c - start) * module:.3f} {module:.3f} re"
            )
    ops += ["f", "Q"]
    return "\n".join(ops)


def draw_qr(canvas: Canvas, text: str, x: float, y: float, size: float) -> None:
    """Draw `text` as a QR code of `size` points (quiet zone included) with its corner at (x, y)."""
    canvas.addLiteral(qr_path_ops(text, x, y, size))
