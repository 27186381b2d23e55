"""Feedback performance, as issue 6 asks: `python benchmarks/bench_feedback.py`.

- burst: 500 submissions from distinct checked-in attendees at once against a
  real `facilitator serve` on 127.0.0.1, interleaved with a burst of 500
  `GET /healthz`, a few pairs; every submission must be stored exactly once
  and answered within 2 s; the medians of the pairs' p99 are compared
  (target: ≤ 1.75× or at most +60 ms);
- results view: `FeedbackView.refresh()` (read + aggregate + charts + comment
  table) with 5,000 responses, target ≤ 200 ms.

Prints the figures and whether each target is met.
"""

from __future__ import annotations

import asyncio
import gc
import json
import os
import random
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

import aiohttp
from latency import ms, p99
from serve_process import running_serve

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

PAIRS = 3
BURST = 500
REFRESH_RESPONSES = 5000
REFRESH_RUNS = 7


def answers(rng: random.Random) -> dict[str, object]:
    return {
        "understanding": rng.randint(1, 5),
        "usefulness": rng.randint(1, 5),
        "difficulty": rng.choice(["too_easy", "easy", "just_right", "hard", "too_hard"]),
        "motivation": rng.randint(1, 5),
        "action": rng.choice(["RPAの導入", "会議録に生成AI", "ペーパーレス化", "データ連携"]) * 3,
        "comments": rng.choice(["", "とても参考になりました", "<b>もっと演習を</b>"]),
    }


def prepare(folder: Path) -> tuple[Path, str, str, list[str]]:
    """A demo workspace with PAIRS*BURST attendees checked in to AM and its survey open."""
    from sqlalchemy import select

    from facilitator.db.models import Attendee, CheckIn, Event, TrainingSession
    from facilitator.db.workspace import open_workspace
    from facilitator.domain.clock import SystemClock
    from facilitator.services.demo import build_demo

    db = folder / "bench.sqlite"
    with open_workspace(db, create=True) as ws:
        build_demo(ws, SystemClock(), attendees=PAIRS * BURST * 2 + 200, seed=11)
        with ws.session() as s:
            secret = s.scalars(select(Event.secret)).one()
            am = s.scalars(select(TrainingSession).where(TrainingSession.label == "AM")).one()
            am.feedback_open = True
            people = s.execute(
                select(Attendee.id, Attendee.staff_no)
                .where(Attendee.assigned_session_id == am.id)
                .order_by(Attendee.id)
                .limit(PAIRS * BURST)
            ).all()
            now = datetime.now(UTC)
            for aid, _ in people:
                s.add(CheckIn(attendee_id=aid, session_id=am.id, checked_in_at=now, method="bench"))
            code = am.code
    assert len(people) == PAIRS * BURST, "demo too small"
    return db, secret, code, [staff for _, staff in people]


async def timed(
    client: aiohttp.ClientSession, method: str, url: str, body: object = None
) -> tuple[float, int, bytes]:
    """(latency, status, body); the latency ends when the whole answer has been read."""
    start = time.perf_counter()
    async with client.request(method, url, json=body) as response:
        data = await response.read()
    return time.perf_counter() - start, response.status, data


async def health_burst(client: aiohttp.ClientSession, base: str) -> list[float]:
    results = await asyncio.gather(*(timed(client, "GET", f"{base}/healthz") for _ in range(BURST)))
    assert all(status == 200 for _, status, _ in results)
    return [t for t, _, _ in results]


async def feedback_burst(
    client: aiohttp.ClientSession, base: str, code: str, token: str, staff: list[str], seed: int
) -> tuple[list[float], float, dict[str, int]]:
    rng = random.Random(seed)
    bodies = [
        {"session": code, "token": token, "staff_no": n, "answers": answers(rng)} for n in staff
    ]
    start = time.perf_counter()
    results = await asyncio.gather(
        *(timed(client, "POST", f"{base}/api/v1/feedback", b) for b in bodies)
    )
    total = time.perf_counter() - start
    outcomes: dict[str, int] = {}
    for _, status, data in results:
        key = json.loads(data)["outcome"] if status == 200 else f"http {status}"
        outcomes[key] = outcomes.get(key, 0) + 1
    return [t for t, _, _ in results], total, outcomes


async def run_http(base: str, secret: str, code: str, staff: list[str]) -> bool:
    from facilitator.domain.tokens import RotatingTokens

    ok = True
    # This client built the demo workspace in-process; without this its own garbage
    # collector scans that heap in the middle of a burst and adds tens of ms to
    # whichever requests are in flight (healthz and the API alike).
    gc.collect()
    gc.freeze()
    headers = {"Origin": base, "Accept-Language": "ja"}
    # One connection per phone, as in the room (no client-side limit). aiohttp, not
    # httpx: httpx's pool was itself the bottleneck at 500 concurrent requests
    # (its /healthz p99 was 1.4–9 s), so the figures measured the client.
    connector = aiohttp.TCPConnector(limit=0)
    timeout = aiohttp.ClientTimeout(total=30)
    async with aiohttp.ClientSession(
        connector=connector, timeout=timeout, headers=headers
    ) as client:
        # The connections a room of phones already holds (they loaded the page).
        await asyncio.gather(*(timed(client, "GET", f"{base}/healthz") for _ in range(BURST)))
        health_p99s, feedback_p99s = [], []
        print(
            f"burst: {BURST} distinct submissions vs {BURST} GET /healthz, {PAIRS} interleaved pairs"
        )
        for pair in range(PAIRS):
            token = RotatingTokens(secret, "feedback", code).token_at(time.time())
            h_lat = await health_burst(client, base)
            f_lat, total, outcomes = await feedback_burst(
                client, base, code, token, staff[pair * BURST : (pair + 1) * BURST], pair
            )
            health_p99s.append(p99(h_lat))
            feedback_p99s.append(p99(f_lat))
            right = outcomes == {"recorded": BURST}
            in_time = total <= 2.0
            ok &= right and in_time
            print(
                f"  pair {pair + 1}: healthz p99 {ms(p99(h_lat))}; feedback p99 {ms(p99(f_lat))}, "
                f"median {ms(statistics.median(f_lat))}, all answered in {ms(total)} "
                f"[{'ok' if in_time else 'OVER 2.0 s'}]; outcomes {outcomes} [{'ok' if right else 'WRONG'}]"
            )
        h_med, f_med = statistics.median(health_p99s), statistics.median(feedback_p99s)
        ratio_ok = f_med <= 1.75 * h_med or f_med <= h_med + 0.060
        ok &= ratio_ok
        print(
            f"  median p99: feedback {ms(f_med)} vs healthz {ms(h_med)} = {f_med / h_med:.2f}x, "
            f"+{ms(f_med - h_med)} [{'ok' if ratio_ok else 'FAIL'}: target ≤1.75x or ≤+60 ms]"
        )
    return ok


def stored_once(db: Path, expected: int) -> bool:
    from sqlalchemy import func, select

    from facilitator.db.models import Answer, Response, SubmissionMarker
    from facilitator.db.workspace import open_workspace

    with open_workspace(db, readonly=True) as ws, ws.session() as s:
        markers = s.scalar(select(func.count(SubmissionMarker.id)))
        distinct = s.scalar(select(func.count(func.distinct(SubmissionMarker.attendee_id))))
        responses = s.scalar(select(func.count(Response.id)))
        answers_n = s.scalar(select(func.count(Answer.id)))
    ok = markers == distinct == responses == expected
    print(
        f"stored: {responses} responses, {markers} markers for {distinct} attendees, {answers_n} answers "
        f"[{'ok' if ok else 'WRONG'}: expected exactly {expected}]"
    )
    return ok


def refresh_benchmark(folder: Path) -> bool:
    """FeedbackView.refresh() with 5,000 responses (read, aggregate, redraw)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication
    from sqlalchemy import select

    from facilitator.app import CurrentEvent
    from facilitator.db.models import Answer, Attendee, Question, Response, Survey, TrainingSession
    from facilitator.db.workspace import open_workspace
    from facilitator.domain.clock import SystemClock
    from facilitator.services.demo import build_demo
    from facilitator.services.events import EventService
    from facilitator.services.feedback import FeedbackService
    from facilitator.services.feedback_results import FeedbackResultsService
    from facilitator.services.survey_editor import SurveyEditorService
    from facilitator.ui.dialogs import RecordingDialogs
    from facilitator.ui.feedback_view import FeedbackView
    from facilitator.ui.runner import SyncRunner

    app = QApplication.instance() or QApplication([])
    clock = SystemClock()
    ws = open_workspace(folder / "refresh.sqlite", create=True)
    summary = build_demo(ws, clock, attendees=REFRESH_RESPONSES, seed=5)
    rng = random.Random(9)
    now = clock.now()
    with ws.session() as s:
        survey = s.scalars(select(Survey)).one()
        qid = {q.key: q.id for q in s.scalars(select(Question))}
        people = s.execute(
            select(Attendee.id, Attendee.department_id, Attendee.assigned_session_id)
        ).all()
        sessions = [t.id for t in s.scalars(select(TrainingSession))]
        for aid, dept, sid in people:
            response = Response(
                survey_id=survey.id,
                session_id=sid or sessions[0],
                attendee_id=aid,
                department_id=dept,
                submitted_at=now,
                method="phone",
            )
            s.add(response)
            s.flush()
            for key, value in answers(rng).items():
                if value != "":
                    s.add(Answer(response_id=response.id, question_id=qid[key], value=value))
    feedback = FeedbackService(ws, clock)
    view = FeedbackView(
        feedback,
        FeedbackResultsService(ws, clock),
        SurveyEditorService(ws, clock),
        EventService(ws, clock),
        SyncRunner(),
        CurrentEvent(summary.event_id),
        lang="ja",
        dialogs=RecordingDialogs(),
    )
    view.timer.stop()
    view.resize(1280, 800)
    view.show()
    app.processEvents()
    times, cpu = [], []
    for _ in range(REFRESH_RUNS):
        start, start_cpu = time.perf_counter(), time.process_time()
        view.refresh()
        app.processEvents()  # includes laying out and painting the new charts
        times.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
    count = (
        sum(view._snapshot.results.responses.values())
        if view._snapshot and view._snapshot.results
        else 0
    )
    view.close()
    feedback.close()
    ws.close()
    med = statistics.median(times)
    ok = med <= 0.200 and count == REFRESH_RESPONSES
    print(
        f"results view: refresh with {count} responses: median {ms(med)}, max {ms(max(times))} "
        f"over {REFRESH_RUNS} runs (CPU time median {ms(statistics.median(cpu))}) "
        f"[{'ok' if ok else 'FAIL'}: target ≤ 200 ms]"
    )
    return ok


def main() -> int:
    with tempfile.TemporaryDirectory(prefix="bench-feedback-") as tmp:
        db, secret, code, staff = prepare(Path(tmp))
        try:
            with running_serve(db) as server:
                print(f"server: facilitator serve on {server.url} (synchronous=FULL)")
                ok = asyncio.run(run_http(server.url, secret, code, staff))
        except RuntimeError as exc:
            print(exc)
            return 1
        if not ok and server.log.strip():
            print("server log (last lines):\n" + "\n".join(server.log.strip().splitlines()[-15:]))
        ok &= stored_once(db, PAIRS * BURST)
        ok &= refresh_benchmark(Path(tmp))
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
