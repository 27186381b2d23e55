"""Writing an export the user named: whole or not at all, refusals in their language."""

from __future__ import annotations

import os
import stat
import tempfile
from collections.abc import Iterator
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
