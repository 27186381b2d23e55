"""One writer thread that commits queued check-ins in groups.

`synchronous=FULL` makes every commit wait for the disk. Under a burst (a
hundred phones in ten seconds) committing each check-in alone would queue
them behind one fsync each; the writer instead takes everything waiting,
decides and writes it in one transaction and acknowledges each request only
after that commit returned. A single writer also means the decisions inside
a group are made in order, so duplicates in one group see each other.
"""

from __future__ import annotations

import logging
import queue
import threading
from collections.abc import Callable, Sequence
from concurrent.futures import Future
from typing import Generic, TypeVar

from sqlalchemy import Connection, Engine

log = logging.getLogger(__name__)

Req = TypeVar("Req")
Res = TypeVar("Res")

MAX_GROUP = 500
IDLE_CHECKPOINT_SECONDS = 0.5
FORCED_CHECKPOINT_COMMITS = 2000

# process(conn, request) -> result; runs inside the group's transaction.
Processor = Callable[[Connection, Req], Res]
# process_group(conn, requests) -> results in the same order, for writers that
# gain from handling the whole group at once (one query instead of one each).
GroupProcessor = Callable[[Connection, Sequence[Req]], list[Res]]


class GroupCommitWriter(Generic[Req, Res]):
    """Serialises writes through one thread; `submit` returns a Future settled after commit."""

    def __init__(
        self,
        engine: Engine,
        process: Processor[Req, Res] | None,
        name: str,
        *,
        process_group: GroupProcessor[Req, Res] | None = None,
    ) -> None:
        if (process is None) == (process_group is None):
            raise ValueError("give exactly one of process and process_group")
        self._engine = engine
        self._process = process
        self._process_group = process_group
        self._queue: queue.SimpleQueue[tuple[Req, Future[Res]] | None] = queue.SimpleQueue()
        self._thread = threading.Thread(target=self._run, name=name, daemon=True)
        self._started = False
        self._closed = False
        self._lock = threading.Lock()
        self.commits = 0  # for the benchmark: how many groups the writer needed
        self._conn: Connection | None = None  # used only on the writer thread
        self._uncheckpointed = 0

    def submit(self, request: Req) -> Future[Res]:
        future: Future[Res] = Future()
        with self._lock:
            if self._closed:
                raise RuntimeError("the check-in writer is closed")
            if not self._started:
                self._thread.start()
                self._started = True
            self._queue.put((request, future))
        return future

    def close(self, timeout: float = 10.0) -> None:
        """Finish what is queued, then stop the thread."""
        with self._lock:
            if self._closed:
                return
            self._closed = True
            started = self._started
            if started:
                self._queue.put(None)
        if started:
            self._thread.join(timeout)

    def _run(self) -> None:
        try:
            self._loop()
        finally:
            if self._conn is not None:
                self._conn.close()
                self._conn = None

    def _loop(self) -> None:
        while True:
            try:
                first = self._queue.get(timeout=IDLE_CHECKPOINT_SECONDS)
            except queue.Empty:
                self._checkpoint()
                continue
            if first is None:
                return
            group = [first]
            stop = False
            while len(group) < MAX_GROUP:
                try:
                    item = self._queue.get_nowait()
                except queue.Empty:
                    break
                if item is None:
                    stop = True
                    break
                group.append(item)
            self._write_group(group)
            if self._uncheckpointed >= FORCED_CHECKPOINT_COMMITS:
                self._checkpoint()  # traffic without a pause: do not let the WAL grow forever
            if stop:
                return

    def _checkpoint(self) -> None:
        """Copy the WAL back into the database while nobody is waiting for the writer.

        SQLite would otherwise do it inside whichever commit crosses 1000 WAL
        pages, and that commit (and every request queued behind it) would wait
        for it, in the middle of a burst.
        """
        if self._conn is None or not self._uncheckpointed:
            return
        try:
            # On the driver connection, outside any transaction: through SQLAlchemy the
            # statement would open a write transaction first (BEGIN IMMEDIATE), and SQLite
            # refuses to checkpoint from inside one ("database table is locked").
            raw = self._conn.connection.driver_connection
            assert raw is not None
            raw.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchall()
        except Exception:
            log.exception("WAL checkpoint failed; trying again at the next pause")
            conn, self._conn = self._conn, None
            conn.close()
            return
        self._uncheckpointed = 0

    def _write_group(self, group: Sequence[tuple[Req, Future[Res]]]) -> None:
        try:
            results = self._transaction([req for req, _ in group])
        except Exception:
            # One bad request must not sink the others: retry each alone.
            log.exception("check-in group of %d failed; retrying one by one", len(group))
            for req, future in group:
                try:
                    (result,) = self._transaction([req])
                except Exception as exc:  # noqa: BLE001 - handed to the waiting caller
                    future.set_exception(exc)
                else:
                    future.set_result(result)
            return
        for (_, future), result in zip(group, results, strict=True):
            future.set_result(result)

    def _transaction(self, requests: Sequence[Req]) -> list[Res]:
        # The writer keeps one connection: checking one out of the pool per
        # group (and the pool's rollback on return) costs more than a steady
        # trickle of single check-ins needs.
        if self._conn is None:
            self._conn = self._engine.connect()
            # Checkpoints happen in the pauses instead (see _checkpoint).
            self._conn.exec_driver_sql("PRAGMA wal_autocheckpoint=0")
            self._conn.commit()  # ends SQLAlchemy's autobegun (empty) transaction
        conn = self._conn
        try:
            with conn.begin():
                if self._process_group is not None:
                    results = self._process_group(conn, requests)
                else:
                    assert self._process is not None
                    results = [self._process(conn, req) for req in requests]
        except Exception:
            # Start the next group on a fresh connection, whatever state this one is in.
            self._conn = None
            conn.close()
            raise
        self.commits += 1
        self._uncheckpointed += 1
        return results
