"""The writer's lock: one process at a time may change a workspace.

An OS-level lock on `<workspace>.lock` (released by the OS if the process
dies, so a crash never leaves a stale lock) plus a JSON note in the same file
saying who holds it, so the second process can tell the user which program on
which computer to close.
"""

from __future__ import annotations

import json
import os
import socket
import sys
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path
from typing import IO

from facilitator.errors import Msg, WorkspaceLocked, WorkspaceNotWritable

# Windows locks byte ranges and refuses reads of a locked range, so the lock
# sits far past the note that other processes need to read.
_LOCK_OFFSET = 1 << 20


@dataclass(frozen=True)
class LockHolder:
    pid: int
    host: str
    program: str
    since: str
    # The phone server's address while the holder serves (`serve` or the GUI), so
    # `checkin-url` can print a working link even when the server moved to another port.
    server_url: str = ""

    def describe(self) -> str:
        return f"{self.program} (PID {self.pid}) on {self.host} since {self.since}"


def lock_path_for(workspace: Path) -> Path:
    return workspace.with_name(workspace.name + ".lock")


class WorkspaceLock:
    def __init__(self, workspace: Path) -> None:
        self.path = lock_path_for(workspace)
        self._file: IO[bytes] | None = None
        self._note = LockHolder(pid=0, host="", program="", since="")

    def acquire(self, program: str) -> None:
        # POSIX: release() deletes the lock file, so a process that opened it
        # just before may hold a lock on a file that is gone; retry on the new one.
        for _attempt in range(10):
            handle = self._open_and_lock()
            if _still_linked(handle, self.path):
                break
            _unlock(handle)
            handle.close()
        else:
            raise WorkspaceLocked(
                Msg(
                    en=f"Could not lock {self.path}; try again.",
                    ja=f"{self.path} をロックできませんでした。もう一度お試しください。",
                )
            )
        note = LockHolder(
            pid=os.getpid(),
            host=socket.gethostname(),
            program=program,
            since=datetime.now().astimezone().isoformat(timespec="seconds"),
        )
        self._file = handle
        self._note = note
        self._write_note()

    def set_server_url(self, url: str) -> None:
        """Tell other processes where this holder's phone server listens ("" when stopped)."""
        if self._file is None:
            return
        self._note = replace(self._note, server_url=url)
        self._write_note()

    def _write_note(self) -> None:
        assert self._file is not None
        self._file.seek(0)
        self._file.truncate()
        self._file.write(json.dumps(self._note.__dict__).encode())
        self._file.flush()

    def _open_and_lock(self) -> IO[bytes]:
        try:
            handle = self.path.open("a+b")
        except OSError as exc:
            raise WorkspaceNotWritable(
                Msg(
                    en=f"Cannot open {self.path.parent / self.path.stem} for writing: "
                    f"the folder is read-only ({exc.strerror}).",
                    ja=f"{self.path.parent / self.path.stem} を書き込み用に開けません。"
                    f"フォルダーが読み取り専用です（{exc.strerror}）。",
                )
            ) from exc
        if not _try_lock(handle):
            holder = _read_holder(handle)
            handle.close()
            who_en = holder.describe() if holder else "another program"
            who_ja = (
                f"{holder.host} の {holder.program}（PID {holder.pid}、{holder.since} から）"
                if holder
                else "別のプログラム"
            )
            raise WorkspaceLocked(
                Msg(
                    en=f"{self.path.stem} is open for writing in {who_en}. "
                    "Close it there first, or use a read-only command.",
                    ja=f"{self.path.stem} は{who_ja}で書き込み用に開かれています。"
                    "そちらを閉じてから開き直すか、読み取り専用のコマンドを使ってください。",
                )
            )
        return handle

    def release(self) -> None:
        if self._file is None:
            return
        handle, self._file = self._file, None
        handle.seek(0)
        handle.truncate()
        handle.flush()
        if sys.platform != "win32":
            # Leave no lock file behind; Windows cannot delete an open file.
            self.path.unlink(missing_ok=True)
        _unlock(handle)
        handle.close()


def read_holder(workspace: Path) -> LockHolder | None:
    """Who holds the writer's lock now, if anyone (for messages and read-only commands)."""
    path = lock_path_for(workspace)
    try:
        with path.open("rb") as handle:
            return _read_holder(handle)
    except OSError:
        return None


def running_server_url(workspace: Path) -> str:
    """The phone server address the live writer announced, or "" when there is none.

    A note left behind by a crashed process is ignored: the OS released its lock,
    which a moment's non-blocking probe shows (the probe is released at once).
    """
    path = lock_path_for(workspace)
    try:
        with path.open("rb") as handle:
            holder = _read_holder(handle)
            if holder is None or not holder.server_url:
                return ""
            if _probe_free(handle):
                return ""  # stale note: nobody holds the lock
            return holder.server_url
    except OSError:
        return ""


def _still_linked(handle: IO[bytes], path: Path) -> bool:
    """Whether the locked file is still the one at `path` (it was not deleted meanwhile)."""
    try:
        return os.path.samestat(os.fstat(handle.fileno()), path.stat())
    except OSError:
        return False


def _read_holder(handle: IO[bytes]) -> LockHolder | None:
    try:
        handle.seek(0)
        raw = handle.read(4096)
        data = json.loads(raw.decode()) if raw else None
        return LockHolder(**data) if isinstance(data, dict) else None
    except (OSError, ValueError, TypeError):
        return None


if sys.platform == "win32":
    import msvcrt

    def _try_lock(handle: IO[bytes]) -> bool:
        handle.seek(_LOCK_OFFSET)
        try:
            msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

    def _unlock(handle: IO[bytes]) -> None:
        handle.seek(_LOCK_OFFSET)
        msvcrt.locking(handle.fileno(), msvcrt.LK_UNLCK, 1)

    def _probe_free(handle: IO[bytes]) -> bool:
        handle.seek(_LOCK_OFFSET)
        try:
            msvcrt.locking(handle.fileno(), msvcrt.LK_NBRLCK, 1)
        except OSError:
            return False
        _unlock(handle)
        return True

else:
    import fcntl

    def _try_lock(handle: IO[bytes]) -> bool:
        try:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            return False
        return True

    def _unlock(handle: IO[bytes]) -> None:
        fcntl.flock(handle.fileno(), fcntl.LOCK_UN)

    def _probe_free(handle: IO[bytes]) -> bool:
        # Shared: never conflicts with another reader's probe, only with the writer.
        try:
            fcntl.flock(handle.fileno(), fcntl.LOCK_SH | fcntl.LOCK_NB)
        except OSError:
            return False
        _unlock(handle)
        return True
