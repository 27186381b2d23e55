"""Phone pages with Japanese phrase breaks (issue 15): `python benchmarks/bench_phone_pages.py`.

The check-in and feedback benchmarks time the JSON API, which the phrase marks
(`| phrases`, BudouX) do not touch; this one times the HTML pages a phone
opens, in one run and one process, three ways:
- before: the filter only escapes (what the pages did without phrase breaks);
- after, cold: every text parsed by BudouX on each request (cache cleared);
- after: the cached phrase marks, as served.
Each page is requested through the real Starlette app (in-process), ROUNDS
times per way, interleaved so a busy machine affects the three alike.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

ROUNDS = 300


def main() -> int:
    from markupsafe import escape
    from sqlalchemy import select
    from starlette.testclient import TestClient

    from facilitator.composition import build_demo
    from facilitator.db.models import Event, TrainingSession
    from facilitator.db.workspace import open_workspace
    from facilitator.domain.clock import SystemClock
    from facilitator.domain.tokens import RotatingTokens
    from facilitator.services.checkin.service import CheckInService
    from facilitator.services.feedback.capture import FeedbackService
    from facilitator.web import i18n
    from facilitator.web.app import create_app
    from facilitator.web.deps import WebDeps

    with tempfile.TemporaryDirectory(prefix="bench-pages-") as tmp:
        clock = SystemClock()
        with open_workspace(Path(tmp) / "bench.sqlite", create=True) as ws:
            build_demo(ws, clock, attendees=80, seed=7)
            with ws.session() as s:
                secret = s.scalars(select(Event.secret)).one()
                am = s.scalars(select(TrainingSession).where(TrainingSession.label == "AM")).one()
                am.feedback_open = True
                code = am.code
                s.commit()
            checkin, feedback = CheckInService(ws, clock), FeedbackService(ws, clock)
            deps = WebDeps(checkin=checkin, clock=clock, feedback=feedback)
            client = TestClient(create_app(deps), client=("127.0.0.1", 5000))
            ja = {"Accept-Language": "ja"}

            def url(purpose: str, prefix: str) -> str:
                tok = RotatingTokens(secret, purpose, code).token_at(time.time())
                return f"/{prefix}/{code}?t={tok}"

            pages = {"check-in form": url("checkin", "c"), "feedback form": url("feedback", "f")}
            served = deps.templates.env.filters["phrases"]
            ways: dict[str, Callable[[], None]] = {
                "before (escape only)": lambda: None,
                "after, cold (parsed each time)": i18n._phrased_ja_cached.cache_clear,
                "after (cached, as served)": lambda: None,
            }
            escape_only = i18n.pass_context(lambda _ctx, text: escape(text))
            times: dict[tuple[str, str], list[float]] = {}
            for page, path in pages.items():
                assert client.get(path, headers=ja).status_code == 200, page
                for _ in range(ROUNDS):
                    for way, before_request in ways.items():
                        deps.templates.env.filters["phrases"] = (
                            escape_only if way.startswith("before") else served
                        )
                        before_request()
                        start = time.perf_counter()
                        response = client.get(path, headers=ja)
                        times.setdefault((page, way), []).append(time.perf_counter() - start)
                        assert response.status_code == 200
                        assert ("<wbr>" in response.text) != way.startswith("before")
            client.close()
            checkin.close()
            feedback.close()
    print(f"phone pages in Japanese, {ROUNDS} requests per page and way (in-process, one run):")
    ok = True
    for page in pages:
        base = statistics.median(times[(page, "before (escape only)")])
        for way in ways:
            values = times[(page, way)]
            med = statistics.median(values)
            p95 = sorted(values)[int(0.95 * (len(values) - 1))]
            print(
                f"  {page:14} {way:31} median {med * 1000:6.2f} ms, p95 {p95 * 1000:6.2f} ms"
                f"  ({med / base:.2f}x before)"
            )
        served_med = statistics.median(times[(page, "after (cached, as served)")])
        # The target: phrase marks cost a phone no more than a millisecond per page.
        ok &= served_med - base <= 0.001
    print(f"target: cached phrase marks add ≤ 1 ms per page [{'ok' if ok else 'FAIL'}]")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
