"""Reading back what the report tests wrote (the finished demo day is in conftest.py)."""

from __future__ import annotations

import io
from pathlib import Path

from pypdf import PdfReader


def pdf_text(data: bytes | Path) -> str:
    reader = PdfReader(io.BytesIO(data) if isinstance(data, bytes) else data)
    return "\n".join(page.extract_text() for page in reader.pages)
