"""How the server's loop hands requests to the writer: a burst together, a lone one at once."""

from __future__ import annotations

import asyncio
import threading
from concurrent.futures import Future

import pytest

from facilitator.domain.clock import FakeClock
from facilitator.web.loop_batcher import LoopBatcher


class FakeWriter:
    """Answers each request with its double, recording the batches it was given."""

    def __init__(self, fail_on: int | None = None) -> None:
        self.batches: list[list[int]] = []
        self.fail_on = fail_on

    def submit_many(self, requests: list[int]) -> Future[list[Future[int]]]:
        self.batches.append(list(requests))
        results: list[Future[int]] = []
        for request in requests:
            result: Future[int] = Future()
            if request == self.fail_on:
                result.set_exception(ValueError(f"bad {request}"))
            else:
                result.set_result(request * 2)
            results.append(result)
        done: Future[list[Future[int]]] = Future()
        done.set_result(results)
        return done


async def arriving_over_turns(
    batcher: LoopBatcher[int, int], turns: int, per_turn: int
) -> list[int]:
    """`per_turn` requests in each of `turns` consecutive loop turns, like a burst being read."""
    tasks = []
    for turn in range(turns):
        tasks += [asyncio.create_task(batcher.submit(turn * per_turn + i)) for i in range(per_turn)]
        await asyncio.sleep(0)
    return list(await asyncio.gather(*tasks))


def test_a_burst_read_over_several_turns_is_one_batch() -> None:
    writer = FakeWriter()
    batcher = LoopBatcher(writer.submit_many)
    answers = asyncio.run(arriving_over_turns(batcher, turns=5, per_turn=20))
    assert answers == [2 * i for i in range(100)]
    assert writer.batches == [list(range(100))]


def test_a_lone_request_is_handed_over_after_one_idle_turn() -> None:
    writer = FakeWriter()
    batcher = LoopBatcher(writer.submit_many)

    assert asyncio.run(batcher.submit(21)) == 42
    assert writer.batches == [[21]]


def test_requests_after_a_pause_form_a_new_batch() -> None:
    writer = FakeWriter()
    batcher = LoopBatcher(writer.submit_many)

    async def scenario() -> None:
        assert await batcher.submit(1) == 2
        assert await asyncio.gather(batcher.submit(2), batcher.submit(3)) == [4, 6]

    asyncio.run(scenario())
    assert writer.batches == [[1], [2, 3]]


def test_a_batch_is_handed_over_when_full_even_while_requests_keep_coming() -> None:
    writer = FakeWriter()
    batcher = LoopBatcher(writer.submit_many, max_batch=30)
    answers = asyncio.run(arriving_over_turns(batcher, turns=10, per_turn=10))
    assert answers == [2 * i for i in range(100)]
    assert [len(b) for b in writer.batches] == [30, 30, 30, 10]


def _never_pausing_stream(seconds_per_turn: float) -> list[list[int]]:
    """One request in every loop turn for 30 turns, the injected clock moving
    `seconds_per_turn` each turn; the batches the writer was given."""
    writer = FakeWriter()
    clock = FakeClock()
    batcher = LoopBatcher(writer.submit_many, max_gather_seconds=0.02, monotonic=clock.monotonic)

    async def stream() -> None:
        tasks = []
        for turn in range(30):
            tasks.append(asyncio.create_task(batcher.submit(turn)))
            await asyncio.sleep(0)
            clock.advance(seconds_per_turn)
        await asyncio.gather(*tasks)

    asyncio.run(stream())
    assert [r for batch in writer.batches for r in batch] == list(range(30))  # in order, once
    return writer.batches


def test_a_stream_that_never_pauses_is_still_written_within_the_gather_limit() -> None:
    # 10 ms a turn against a 20 ms limit: a batch is handed over every two or three turns.
    batches = _never_pausing_stream(0.01)
    assert len(batches) >= 10
    assert max(map(len, batches)) <= 3


def test_without_the_gather_limit_passing_a_never_pausing_stream_is_one_batch() -> None:
    # The clock standing still: the batch grows for as long as requests keep coming.
    assert len(_never_pausing_stream(0.0)) == 1


def test_one_failed_request_fails_only_its_caller() -> None:
    writer = FakeWriter(fail_on=3)
    batcher = LoopBatcher(writer.submit_many)

    async def scenario() -> list[object]:
        return await asyncio.gather(*(batcher.submit(i) for i in range(5)), return_exceptions=True)

    results = asyncio.run(scenario())
    assert results[:3] == [0, 2, 4] and results[4] == 8
    assert isinstance(results[3], ValueError)


def test_a_writer_that_refuses_the_batch_fails_every_caller() -> None:
    def refuse(_requests: list[int]) -> Future[list[Future[int]]]:
        raise RuntimeError("read-only workspace")

    batcher: LoopBatcher[int, int] = LoopBatcher(refuse)

    async def scenario() -> None:
        await asyncio.gather(batcher.submit(1), batcher.submit(2))

    with pytest.raises(RuntimeError, match="read-only"):
        asyncio.run(scenario())


def test_a_caller_cancelled_while_the_burst_is_gathered_is_not_written() -> None:
    writer = FakeWriter()
    batcher = LoopBatcher(writer.submit_many)

    async def scenario() -> int:
        gone = asyncio.create_task(batcher.submit(1))
        stays = asyncio.create_task(batcher.submit(2))
        await asyncio.sleep(0)  # both are waiting in the gathering
        gone.cancel()
        return await stays

    assert asyncio.run(scenario()) == 4
    assert writer.batches == [[2]]


def test_a_writer_that_fails_the_whole_batch_later_fails_every_caller() -> None:
    def dying(_requests: list[int]) -> Future[list[Future[int]]]:
        done: Future[list[Future[int]]] = Future()
        threading.Timer(0.01, done.set_exception, (RuntimeError("writer thread died"),)).start()
        return done

    batcher: LoopBatcher[int, int] = LoopBatcher(dying)

    async def scenario() -> list[object]:
        calls = (batcher.submit(1), batcher.submit(2))
        return await asyncio.wait_for(asyncio.gather(*calls, return_exceptions=True), 5)

    results = asyncio.run(scenario())
    assert [str(r) for r in results] == ["writer thread died"] * 2
