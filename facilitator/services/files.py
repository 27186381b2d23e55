"""Writing an export the user named: whole or not at all, refusals in their language."""

from __future__ import annotations

import os
import shutil
import stat
import tempfile
import zipfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

from facilitator.errors import InputRejected, Msg


def cannot_write(out: Path, exc: OSError) -> InputRejected:
    reason = exc.strerror or str(exc)
    return InputRejected(
        Msg(en=f"Cannot write {out}: {reason}.", ja=f"{out} に書き込めません（{reason}）。")
    )


def write_atomically(out: Path, data: bytes) -> None:
    """Write `data` to `out`, whole or not at all (see `replacing`)."""
    with replacing(out) as handle:
        handle.write(data)


@contextmanager
def replacing(out: Path) -> Iterator[BinaryIO]:
    """A file beside `out` to write into; when the block ends it is moved into place.

    A failure (a folder of that name, no permission, a full disk) leaves any existing
    file as it was and is refused with exit 3, not reported as an unexpected error; an
    exception from the block (a cancelled export) also leaves `out` untouched. A
    missing folder on the way is created, for every export alike: the user named
    where the file should go."""
    folder = out.parent if str(out.parent) else Path()
    try:
        if out.is_dir():
            raise IsADirectoryError(21, "Is a directory", str(out))
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{out.name}.", suffix=".partial", dir=folder)
    except OSError as exc:
        raise cannot_write(out, exc) from exc
    try:
        with os.fdopen(fd, "wb") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        if os.name == "posix":
            # mkstemp makes the file private (0600); an export should get the
            # permissions the file it replaces had, or those of any new file.
            mode = stat.S_IMODE(out.stat().st_mode) if out.exists() else _new_file_mode()
            Path(tmp).chmod(mode)
        os.replace(tmp, out)
    except OSError as exc:
        raise cannot_write(out, exc) from exc
    finally:
        Path(tmp).unlink(missing_ok=True)


def _new_file_mode() -> int:
    """What `open()` gives a new file: 0o666 less the process's umask."""
    try:
        # Linux says it without changing it (os.umask would, for a moment, for all threads).
        with Path("/proc/self/status").open(encoding="ascii") as status:
            for line in status:
                if line.startswith("Umask:"):
                    return 0o666 & ~int(line.split()[1], 8)
    except OSError:
        pass
    mask = os.umask(0o022)
    os.umask(mask)
    return 0o666 & ~mask


def exists_error(path: Path) -> InputRejected:
    return InputRejected(
        Msg(
            en=f"{path} already exists; use --force to replace it.",
            ja=f"{path} は既に存在します。置き換える場合は --force を指定してください。",
        )
    )


def write_many(
    path: Path, names: list[str], files: Iterable[bytes], force: bool, *, as_zip: bool
) -> None:
    """`files` (one per name, produced lazily) into a ZIP (`as_zip`) or a folder at `path`,
    whole or not at all: a folder is filled under a temporary name first, and an existing
    file is replaced only with `force`."""
    if as_zip:
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
