"""Handing a burst's requests from the server's loop to a writer thread together.

A room of phones reaches the loop over several of its turns: each turn reads
whatever sockets are ready by then. Handing each turn's requests to the writer
at once would start a commit while the loop is still reading the rest of the
burst, and the two threads would then take the GIL from each other at every
socket call and every SQLite step, slowing both. Measured on a 2-core laptop
against `facilitator serve` (300 check-ins + 100 duplicates): the writer's
groups were 2, 14, 172 and 212 requests and the last phone waited 45–50 ms
longer than for `GET /healthz`; gathering the burst first gave one group of
400, written while the loop had nothing else to do, and 20–35 ms.

So a batch is handed over at the first turn that brought no new request (the
burst has been read), or once it is `MAX_GATHER_SECONDS` old or `MAX_BATCH`
large, whichever comes first. A lone request waits one idle turn of the loop,
a few microseconds.
"""

from __future__ import annotations

import asyncio
import contextlib
import time
import weakref
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass, field
from typing import Generic, TypeVar

from facilitator.services.group_commit import MAX_GROUP

Req = TypeVar("Req")
Res = TypeVar("Res")

# A stream that never pauses (every turn brings a request) is still written at least
# this often, so no request waits longer than this for its group to start.
MAX_GATHER_SECONDS = 0.05
# The writer's own group size. Checked once per turn of the loop, so a batch can
# exceed it by what one turn read (the writer then commits it as one group).
MAX_BATCH = MAX_GROUP


@dataclass
class _Gathering(Generic[Req, Res]):
    started: float
    waiting: list[tuple[Req, asyncio.Future[Res]]] = field(default_factory=list)
    seen: int = 0  # how many had arrived at the previous turn's check


class LoopBatcher(Generic[Req, Res]):
    """Collects the requests of one burst and submits them to the writer together.

    The writer answers with one future for the lot, settled after the commit,
    and the loop is woken once to hand each request its result.
    """

    def __init__(
        self,
        submit_many: Callable[[list[Req]], Future[list[Future[Res]]]],
        max_gather_seconds: float = MAX_GATHER_SECONDS,
        max_batch: int = MAX_BATCH,
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        self._submit_many = submit_many
        self._monotonic = monotonic  # injected: the gather limit is testable without sleeping
        self._max_gather = max_gather_seconds
        self._max_batch = max_batch
        # Keyed by loop: the GUI's server has one, test clients start their own. Weakly,
        # so a loop closed in the middle of a gathering does not stay here.
        self._gathering: weakref.WeakKeyDictionary[
            asyncio.AbstractEventLoop, _Gathering[Req, Res]
        ] = weakref.WeakKeyDictionary()

    async def submit(self, request: Req) -> Res:
        loop = asyncio.get_running_loop()
        future: asyncio.Future[Res] = loop.create_future()
        gathering = self._gathering.get(loop)
        if gathering is None:
            gathering = self._gathering[loop] = _Gathering(self._monotonic())
            # Runs after every callback already on the loop's ready list, i.e. after
            # the requests this turn has read have all been queued here.
            loop.call_soon(self._check, loop)
        gathering.waiting.append((request, future))
        return await future

    def _check(self, loop: asyncio.AbstractEventLoop) -> None:
        gathering = self._gathering[loop]
        arrived = len(gathering.waiting)
        still_arriving = arrived > gathering.seen
        if (
            still_arriving
            and arrived < self._max_batch
            and self._monotonic() - gathering.started < self._max_gather
        ):
            gathering.seen = arrived
            loop.call_soon(self._check, loop)
            return
        del self._gathering[loop]
        self._flush(loop, gathering.waiting)

    def _flush(
        self, loop: asyncio.AbstractEventLoop, gathered: list[tuple[Req, asyncio.Future[Res]]]
    ) -> None:
        # A caller cancelled while the burst was gathered (the phone hung up, the
        # server is stopping) is not written: nobody would hear its result.
        batch = [(request, future) for request, future in gathered if not future.cancelled()]
        if not batch:
            return
        try:
            done = self._submit_many([request for request, _ in batch])
        except Exception as exc:  # noqa: BLE001 - e.g. a read-only workspace: each caller raises it
            for _, future in batch:
                if not future.done():
                    future.set_exception(exc)
            return

        def wake(settled: Future[list[Future[Res]]]) -> None:
            # RuntimeError: the server stopped meanwhile; nobody is waiting any more.
            with contextlib.suppress(RuntimeError):
                loop.call_soon_threadsafe(_settle, batch, settled)

        done.add_done_callback(wake)


def _settle(
    batch: list[tuple[Req, asyncio.Future[Res]]], settled: Future[list[Future[Res]]]
) -> None:
    failed = None if settled.cancelled() else settled.exception()
    if settled.cancelled() or failed is not None:
        # The writer could not take the batch at all: every caller hears so.
        for _, future in batch:
            if future.done():
                continue
            if failed is None:
                future.cancel()
            else:
                future.set_exception(failed)
        return
    for (_, future), outcome in zip(batch, settled.result(), strict=True):
        if future.done():  # the phone hung up and its task was cancelled
            continue
        error = outcome.exception()
        if error is not None:
            future.set_exception(error)
        else:
            future.set_result(outcome.result())
