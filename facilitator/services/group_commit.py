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
# What callers queue: requests, their futures, and (for submit_many) the future
# settled once all of them are.
_Item = tuple[list[Req], list[Future[Res]], Future[list[Future[Res]]] | None]


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
        self._queue: queue.SimpleQueue[_Item[Req, Res] | None] = queue.SimpleQueue()
        self._thread = threading.Thread(target=self._run, name=name, daemon=True)
        self._started = False
        self._closed = False
        self._lock = threading.Lock()
        self.commits = 0  # for the benchmark: how many groups the writer needed
        self._conn: Connection | None = None  # used only on the writer thread
        self._uncheckpointed = 0

    def submit(self, request: Req) -> Future[Res]:
        future: Future[Res] = Future()
        self._put(([request], [future], None))
        return future

    def submit_many(self, requests: Sequence[Req]) -> Future[list[Future[Res]]]:
        """Several requests at once (a server loop's worth); the returned future is
        settled, with every request's own settled future, once all of them are.

        The caller's loop is woken once for the lot instead of once per request,
        and the requests stay together in one group.
        """
        futures: list[Future[Res]] = [Future() for _ in requests]
        done: Future[list[Future[Res]]] = Future()
        self._put((list(requests), futures, done))
        return done

    def _put(self, item: _Item[Req, Res]) -> None:
        with self._lock:
            if self._closed:
                raise RuntimeError("the check-in writer is closed")
            if not self._started:
                self._thread.start()
                self._started = True
            self._queue.put(item)

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
            size = len(first[0])
            stop = False
            while size < MAX_GROUP:
                try:
                    item = self._queue.get_nowait()
                except queue.Empty:
                    break
                if item is None:
                    stop = True
                    break
                group.append(item)
                size += len(item[0])
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

    def _write_group(self, group: Sequence[_Item[Req, Res]]) -> None:
        requests = [req for reqs, _, _ in group for req in reqs]
        futures = [future for _, futs, _ in group for future in futs]
        try:
            results = self._transaction(requests)
        except Exception:
            # One bad request must not sink the others: retry each alone.
            log.exception("check-in group of %d failed; retrying one by one", len(requests))
            for req, future in zip(requests, futures, strict=True):
                try:
                    (result,) = self._transaction([req])
                except Exception as exc:  # noqa: BLE001 - handed to the waiting caller
                    future.set_exception(exc)
                else:
                    future.set_result(result)
        else:
            for future, result in zip(futures, results, strict=True):
                future.set_result(result)
        for _, futs, done in group:
            if done is not None:
                done.set_result(futs)

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
