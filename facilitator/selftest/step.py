"""What one self-test step is, and how it says it failed (shared by the runner and the steps)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from facilitator.errors import FacilitatorError, Msg


class StepFailed(FacilitatorError):
    """A self-test check did not hold; the message says what was expected."""


@dataclass(frozen=True)
class Step:
    key: str  # stable, ASCII: scripts and tests look for it
    run: Callable[[], Msg]  # returns what it verified; raises on failure
