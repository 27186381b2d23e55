"""What the agenda clock works with: instants, the plan, stretches on an item, the
phase and warning level, and what the workspace recorded of a run.

`agenda_clock.AgendaState` moves between these; they carry no behaviour of the
clock itself beyond a stretch's own arithmetic.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime
from enum import Enum

# Pace within this many seconds of the plan reads as "on time".
ON_TIME_TOLERANCE = 30.0


class Phase(Enum):
    IDLE = "idle"  # nothing on screen yet (or the trainer stopped)
    RUNNING = "running"
    PAUSED = "paused"
    FINISHED = "finished"  # moved past the last item


class Level(Enum):
    """How urgent the time left in the item is."""

    NORMAL = "normal"
    AMBER = "amber"
    RED = "red"
    OVERTIME = "overtime"  # past the end: the display counts up


class AgendaStateError(Exception):
    """A transition that makes no sense in the current phase (a programming error in the caller)."""


@dataclass(frozen=True)
class Instant:
    """One reading of the injected clock: monotonic seconds for durations, wall time for records."""

    mono: float
    wall: datetime


@dataclass(frozen=True)
class PlanItem:
    item_id: int
    title: str
    minutes: int  # planned for this session (a catch-up may have shortened it)
    flexible: bool = False
    amber_seconds: int = 120
    red_seconds: int = 0


@dataclass(frozen=True)
class Stretch:
    index: int  # position of the item in the plan
    item_id: int
    planned_minutes: int
    started_mono: float
    started_wall: datetime
    paused_seconds: float = 0.0  # finished pauses only
    paused_since_mono: float | None = None
    paused_since_wall: datetime | None = None
    adjust_seconds: int = 0  # +1/−1 minute presses
    ended_mono: float | None = None
    ended_wall: datetime | None = None
    run_id: int | None = None  # the workspace row, filled in by the service

    @property
    def open(self) -> bool:
        return self.ended_mono is None

    def elapsed(self, mono: float) -> float:
        """Seconds on screen and not paused, up to `mono` (or the end of the stretch)."""
        until = self.ended_mono if self.ended_mono is not None else mono
        paused = self.paused_seconds
        if self.paused_since_mono is not None:
            paused += until - self.paused_since_mono
        return max(0.0, until - self.started_mono - paused)

    def _closed(self, now: Instant) -> Stretch:
        paused = self.paused_seconds
        if self.paused_since_mono is not None:
            paused += now.mono - self.paused_since_mono
        return replace(
            self,
            paused_seconds=paused,
            paused_since_mono=None,
            paused_since_wall=None,
            ended_mono=now.mono,
            ended_wall=now.wall,
        )


@dataclass(frozen=True)
class RunRecord:
    """A stretch as the workspace stores it (wall-clock times only)."""

    run_id: int
    item_id: int
    planned_minutes: int
    started_at: datetime
    ended_at: datetime | None
    paused_seconds: float
    paused_since: datetime | None
    adjust_seconds: int


@dataclass(frozen=True)
class ClockStatus:
    """Everything the console and the projector show, at one instant."""

    phase: Phase
    index: int | None
    elapsed_seconds: float
    allotted_seconds: float
    remaining_seconds: float  # negative in overtime
    level: Level
    progress: float  # 0..1 of the item's time used
    planned_end: datetime
    projected_end: datetime
    pace_seconds: float  # > 0 ahead of plan, < 0 behind

    @property
    def overtime_seconds(self) -> float:
        return max(0.0, -self.remaining_seconds)


def level_for(remaining: float, amber_seconds: int, red_seconds: int) -> Level:
    if remaining < 0:
        return Level.OVERTIME
    if remaining <= red_seconds:
        return Level.RED
    if remaining <= amber_seconds:
        return Level.AMBER
    return Level.NORMAL
