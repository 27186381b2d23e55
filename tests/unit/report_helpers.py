"""A finished demo day (check-ins, agenda runs, answers, certificates) for the report tests,
built once per test module and copied for each test."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

from pypdf import PdfReader

from facilitator.composition import Composition
from facilitator.db.workspace import Workspace, open_workspace
from facilitator.domain.clock import FakeClock


def build_finished(folder: Path, attendees: int = 12, seed: int = 3) -> Path:
    path = folder / "finished.sqlite"
    ws = open_workspace(path, create=True)
    try:
        Composition(ws, FakeClock()).finished_demo(attendees=attendees, seed=seed)
    finally:
        ws.close()
    return path


def copy_of(original: Path, folder: Path) -> Workspace:
    target = folder / "ws.sqlite"
    shutil.copyfile(original, target)
    return open_workspace(target)


def pdf_text(data: bytes | Path) -> str:
    reader = PdfReader(io.BytesIO(data) if isinstance(data, bytes) else data)
    return "\n".join(page.extract_text() for page in reader.pages)
