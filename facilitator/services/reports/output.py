"""Where a report batch goes (`--out`): one merged PDF, a ZIP or a folder; written whole
or not at all.

A ZIP or merged PDF is written beside its target and renamed into place; a folder
is filled under a temporary name and its files renamed in only once all are written,
so a cancelled or failed batch leaves no half-written file.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from enum import Enum
from pathlib import Path
from typing import BinaryIO

from facilitator.errors import InputRejected, Msg
from facilitator.services.files import exists_error, replacing

_FORBIDDEN = re.compile(r'[\\/:*?"<>|\x00-\x1f]')
_RESERVED = {"CON", "PRN", "AUX", "NUL", *(f"COM{i}" for i in range(1, 10))}
_RESERVED |= {f"LPT{i}" for i in range(1, 10)}


class BatchKind(Enum):
    MERGED = "merged"  # X.pdf
    ZIP = "zip"  # X.zip
    FOLDER = "folder"  # DIR/


class BatchCancelled(Exception):
    """The user cancelled; nothing was written."""


def batch_target(raw: str, *, merged: bool) -> tuple[BatchKind, Path]:
    """What `--out` asks for: a folder (ends with / or exists), a .zip or (if `merged`) a .pdf."""
    path = Path(raw)
    if raw.endswith(("/", os.sep)) or path.is_dir():
        return BatchKind.FOLDER, path
    suffix = path.suffix.lower()
    if suffix == ".zip":
        return BatchKind.ZIP, path
    if suffix == ".pdf" and merged:
        return BatchKind.MERGED, path
    pdf_en = ", a .pdf file (all in one)" if merged else ""
    pdf_ja = "、.pdf ファイル（1つにまとめる）" if merged else ""
    raise InputRejected(
        Msg(
            en=f"--out {raw!r}: give a folder ending with / (one file each), a .zip file{pdf_en}.",
            ja=f"--out {raw!r}：/ で終わるフォルダー（1人・1所属ごとのファイル）、.zip ファイル"
            f"{pdf_ja}を指定してください。",
        )
    )


def safe_name(*parts: str, suffix: str) -> str:
    """A file name Windows accepts: forbidden characters become '_', Japanese stays."""
    stem = _FORBIDDEN.sub("_", "_".join(p for p in parts if p).replace("\u3000", " "))
    stem = stem.strip().rstrip(". ")[:120] or "report"
    if stem.split(".")[0].upper() in _RESERVED:
        stem = f"_{stem}"
    return stem + suffix


def write_single(path: Path, force: bool, write: Callable[[BinaryIO], None]) -> None:
    """One file (`write` gets the open handle), replacing an existing one only with `force`."""
    if path.exists() and not force:
        raise exists_error(path)
    with replacing(path) as handle:
        write(handle)
