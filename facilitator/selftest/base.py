"""What every self-test module shares: a step, its outcome, and loopback HTTP helpers."""

from __future__ import annotations

import json
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import Any

from facilitator.errors import FacilitatorError, Msg

LOOPBACK = "127.0.0.1"  # the self-test never listens on the venue network
HTTP_TIMEOUT = 10.0


class StepFailed(FacilitatorError):
    """A self-test check did not hold; the message says what was expected."""


def fail(en: str, ja: str) -> StepFailed:
    return StepFailed(Msg(en=en, ja=ja))


class StepStatus(Enum):
    PASSED = "OK"
    FAILED = "FAIL"


@dataclass(frozen=True)
class Step:
    key: str  # stable, ASCII: scripts and tests look for it
    run: Callable[[], Msg]  # returns what it verified; raises on failure


@dataclass(frozen=True)
class StepResult:
    key: str
    status: StepStatus
    seconds: float
    detail: Msg


@dataclass(frozen=True)
class SelfTestReport:
    results: tuple[StepResult, ...]
    seconds: float
    folder: Path

    @property
    def passed(self) -> bool:
        return all(r.status is StepStatus.PASSED for r in self.results)

    @property
    def failed_step(self) -> str | None:
        failed = [r.key for r in self.results if r.status is StepStatus.FAILED]
        return failed[0] if failed else None


def _opener() -> urllib.request.OpenerDirector:
    # No proxy, whatever the environment says: the server is on this machine.
    return urllib.request.build_opener(urllib.request.ProxyHandler({}))


def http_get(url: str, headers: dict[str, str]) -> str:
    request = urllib.request.Request(url, headers=headers)
    with _opener().open(request, timeout=HTTP_TIMEOUT) as response:
        body: bytes = response.read()
    return body.decode("utf-8")


def http_post_json(base: str, path: str, payload: dict[str, Any]) -> dict[str, Any]:
    """POST `payload` as a phone page's script does: JSON, from the server's own origin."""
    request = urllib.request.Request(
        base + path,
        data=json.dumps(payload).encode("utf-8"),
        headers={"Content-Type": "application/json", "Origin": base},
        method="POST",
    )
    with _opener().open(request, timeout=HTTP_TIMEOUT) as response:
        answer: dict[str, Any] = json.loads(response.read())
    return answer
