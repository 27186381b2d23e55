"""Certificate export speed: `python benchmarks/bench_certificates.py [--count N]`.

Prints, for N (default 1,000) demo attendees with the Japanese layout:
- one merged PDF through the real export (database read, render, atomic write);
- the same pages drawn the straightforward way (reportlab canvas, every element
  drawn on every page, a QrCodeWidget per page) and the speed-up;
- one PDF per attendee into a folder, and the largest single certificate.
"""

from __future__ import annotations

import argparse
import io
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from reportlab.graphics import renderPDF
from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.shapes import Drawing
from reportlab.lib.colors import HexColor
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from sqlalchemy import select

from facilitator.composition import build_certificate_services, build_demo
from facilitator.db.models import Attendee, CheckIn
from facilitator.db.workspace import Workspace, open_workspace
from facilitator.domain.certificate_layout import (
    FrameElement,
    QrElement,
    TextElement,
    fill_placeholders,
)
from facilitator.domain.clock import SystemClock
from facilitator.pdf.certificates import fit_text
from facilitator.pdf.fonts import register_japanese_fonts
from facilitator.services.certificates.export import CertificateExporter
from facilitator.services.certificates.issue import CertificateIssuer


def prepare(path: Path, count: int) -> tuple[Workspace, int]:
    clock = SystemClock()
    workspace = open_workspace(path, create=True)
    summary = build_demo(workspace, clock, attendees=count, seed=7)
    with workspace.session() as session:
        for attendee in session.scalars(select(Attendee)):
            assert attendee.assigned_session_id is not None
            session.add(
                CheckIn(
                    attendee_id=attendee.id,
                    session_id=attendee.assigned_session_id,
                    checked_in_at=clock.now(),
                    method="manual",
                )
            )
    CertificateIssuer(workspace, clock).issue(summary.event_id)
    return workspace, summary.event_id


def straightforward(exporter: CertificateExporter, event_id: int) -> bytes:
    """Every element on every page, a QR widget per page, nothing reused."""
    batch = exporter.batch(event_id)
    gothic, mincho = register_japanese_fonts()
    fonts = {"gothic": gothic, "mincho": mincho}
    width_mm, height_mm = batch.layout.page_mm
    page_h = height_mm * mm
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=(width_mm * mm, page_h))
    for cert in batch.certificates:
        values = {
            **batch.values,
            "name": cert.name,
            "name_kana": cert.kana,
            "department": cert.department,
            "title": cert.title,
            "number": cert.number,
            "code": cert.code,
        }
        for element in batch.layout.elements:
            if isinstance(element, FrameElement):
                box = element.box
                canvas.setStrokeColor(HexColor(element.color))
                canvas.setLineWidth(element.line_width)
                canvas.rect(
                    box.x * mm, page_h - (box.y + box.height) * mm, box.width * mm, box.height * mm
                )
            elif isinstance(element, TextElement):
                box = element.box
                font = fonts[element.font.value]
                text = fill_placeholders(element.text, values)
                size, lines = fit_text(
                    text,
                    font,
                    element.size,
                    box.width * mm,
                    box.height * mm,
                    element.wrap,
                    element.letter_spacing,
                )
                canvas.setFont(font, size)
                y = page_h - box.y * mm - size
                for line in lines:
                    canvas.drawCentredString((box.x + box.width / 2) * mm, y, line)
                    y -= size * 1.25
            elif isinstance(element, QrElement):
                widget = QrCodeWidget(cert.code)
                x0, y0, x1, y1 = widget.getBounds()
                size = element.size * mm
                drawing = Drawing(
                    size, size, transform=[size / (x1 - x0), 0, 0, size / (y1 - y0), 0, 0]
                )
                drawing.add(widget)
                renderPDF.draw(drawing, canvas, element.x * mm, page_h - element.y * mm - size)
        canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=1000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        workspace, event_id = prepare(root / "bench.sqlite", args.count)
        exporter = build_certificate_services(workspace, SystemClock()).exporter
        exporter.export(event_id, str(root / "warm.pdf"))  # fonts parsed once per process

        # Wall-clock time, and this process's CPU time: on a shared machine the wall
        # clock also counts time spent waiting for a core.
        start, cpu = time.perf_counter(), time.process_time()
        result = exporter.export(event_id, str(root / "all.pdf"))
        ours, ours_cpu = time.perf_counter() - start, time.process_time() - cpu
        merged_size = (root / "all.pdf").stat().st_size

        start, cpu = time.perf_counter(), time.process_time()
        plain = straightforward(exporter, event_id)
        baseline, baseline_cpu = time.perf_counter() - start, time.process_time() - cpu

        start, cpu = time.perf_counter(), time.process_time()
        exporter.export(event_id, f"{root}/each/")
        each, each_cpu = time.perf_counter() - start, time.process_time() - cpu
        sizes = [p.stat().st_size for p in (root / "each").iterdir()]
        workspace.close()

    print(f"certificates: {result.count} (Japanese layout)")
    print("                             wall s   cpu s")
    print(
        f"merged PDF, ours:            {ours:6.3f}  {ours_cpu:6.3f}  "
        f"({merged_size / 1e6:.1f} MB)  limit 1.0 s"
    )
    print(
        f"merged PDF, straightforward: {baseline:6.3f}  {baseline_cpu:6.3f}  "
        f"({len(plain) / 1e6:.1f} MB)"
    )
    print(
        f"speed-up:                    {baseline / ours:6.1f}x  {baseline_cpu / ours_cpu:5.1f}x  "
        "(needs >= 10x)"
    )
    print(
        f"one PDF per attendee:        {each:6.3f}  {each_cpu:6.3f}  "
        f"({len(sizes)} files)  limit 5.0 s"
    )
    print(f"largest single certificate: {max(sizes) / 1000:7.1f} KB  limit 60 KB")


if __name__ == "__main__":
    main()
