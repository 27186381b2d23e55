"""Where a report batch goes (`--out`): one merged PDF, a ZIP or a folder; written whole
or not at all.

A ZIP or merged PDF is written beside its target and renamed into place; a folder
is filled under a temporary name and its files renamed in only once all are written,
so a cancelled or failed batch leaves no half-written file.
"""

from __future__ import annotations

import os
import re
import shutil
import zipfile
from collections.abc import Callable, Iterable
from enum import Enum
from pathlib import Path
from typing import BinaryIO

from facilitator.errors import InputRejected, Msg
from facilitator.services.files import cannot_write, replacing

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


def exists_error(path: Path) -> InputRejected:
    return InputRejected(
        Msg(
            en=f"{path} already exists; use --force to replace it.",
            ja=f"{path} は既に存在します。置き換える場合は --force を指定してください。",
        )
    )


def write_single(path: Path, force: bool, write: Callable[[BinaryIO], None]) -> None:
    """One file (`write` gets the open handle), replacing an existing one only with `force`."""
    if path.exists() and not force:
        raise exists_error(path)
    with replacing(path) as handle:
        write(handle)


def write_many(
    kind: BatchKind, path: Path, names: list[str], files: Iterable[bytes], force: bool
) -> None:
    """`files` (one per name, produced lazily) into a ZIP or a folder at `path`."""
    if kind is BatchKind.ZIP:
        if path.exists() and not force:
            raise exists_error(path)
        # Stored, not deflated: PDFs and XLSX files are compressed already.
        with replacing(path) as handle, zipfile.ZipFile(handle, "w", zipfile.ZIP_STORED) as zf:
            for name, data in zip(names, files, strict=True):
                zf.writestr(zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0)), data)
        return
    if path.exists() and not path.is_dir():
        raise InputRejected(
            Msg(
                en=f"{path} is a file, not a folder.",
                ja=f"{path} はフォルダーではなくファイルです。",
            )
        )
    clashes = [n for n in names if (path / n).exists()]
    if clashes and not force:
        raise InputRejected(
            Msg(
                en=f"{len(clashes)} file(s) in {path} would be replaced (e.g. {clashes[0]}); "
                "use --force to replace them.",
                ja=f"{path} 内の {len(clashes)} 個のファイル（例：{clashes[0]}）が置き換わります。"
                "置き換える場合は --force を指定してください。",
            )
        )
    temp = path.with_name(f".{path.name}.partial-{os.getpid()}")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        shutil.rmtree(temp, ignore_errors=True)
        temp.mkdir()
        for name, data in zip(names, files, strict=True):
            (temp / name).write_bytes(data)
        if not path.exists():
            os.replace(temp, path)
        else:
            for name in names:  # each rename is atomic; every file is complete before any
                os.replace(temp / name, path / name)
    except OSError as exc:
        raise cannot_write(path, exc) from exc
    finally:
        shutil.rmtree(temp, ignore_errors=True)
