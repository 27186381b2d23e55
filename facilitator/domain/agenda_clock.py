"""The agenda clock: which item is on screen, how long it has run, and whether the day is on time.

Pure and immutable: every transition takes the current `Instant` and returns a
new `AgendaState`. Durations come only from the monotonic reading of the
instant (paused time excluded); the wall-clock reading is kept for the records
and for the clock times shown to people. Nothing here counts timer ticks, so a
late or skipped UI refresh can never make the countdown drift.

A `Stretch` is one unbroken stay on an item (going back to an item opens a new
stretch), which is exactly what the workspace stores as an `AgendaRun` row.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import datetime, timedelta

from facilitator.domain.agenda_timing import (
    AgendaStateError,
    ClockStatus,
    Instant,
    Level,
    Phase,
    PlanItem,
    RunRecord,
    Stretch,
    level_for,
)


@dataclass(frozen=True)
class AgendaState:
    plan: tuple[PlanItem, ...]
    planned_start: datetime
    target_end: datetime  # the end promised by the original plan; catch-ups aim here
    stretches: tuple[Stretch, ...] = ()
    phase: Phase = Phase.IDLE
    # A rehearsal (another day than the session's): the plan starts when the first item does.
    floating: bool = False

    # -- construction -----------------------------------------------------------------------
    @classmethod
    def new(
        cls, plan: Sequence[PlanItem], planned_start: datetime, *, floating: bool = False
    ) -> AgendaState:
        total = sum(item.minutes for item in plan)
        return cls(
            tuple(plan), planned_start, planned_start + timedelta(minutes=total), floating=floating
        )

    @classmethod
    def restore(
        cls,
        plan: Sequence[PlanItem],
        planned_start: datetime,
        records: Sequence[RunRecord],
        now: Instant,
        target_end: datetime | None = None,
        *,
        floating: bool = False,
    ) -> AgendaState:
        """Rebuild the state after a restart from the stored runs (oldest first).

        Monotonic readings do not survive a restart, so each stored wall time is
        mapped onto the new monotonic origin through its distance from `now`.
        The time the program was down counts as elapsed: the session went on.
        """
        base = cls.new(plan, planned_start, floating=floating and not records)
        index_of = {item.item_id: i for i, item in enumerate(base.plan)}

        def mono(at: datetime) -> float:
            return now.mono - (now.wall - at).total_seconds()

        stretches: list[Stretch] = []
        for record in records:
            if record.item_id not in index_of:
                continue  # the item was deleted since; its runs no longer show
            stretches.append(
                Stretch(
                    index=index_of[record.item_id],
                    item_id=record.item_id,
                    planned_minutes=record.planned_minutes,
                    started_mono=mono(record.started_at),
                    started_wall=record.started_at,
                    paused_seconds=record.paused_seconds,
                    paused_since_mono=mono(record.paused_since) if record.paused_since else None,
                    paused_since_wall=record.paused_since,
                    adjust_seconds=record.adjust_seconds,
                    ended_mono=mono(record.ended_at) if record.ended_at else None,
                    ended_wall=record.ended_at,
                    run_id=record.run_id,
                )
            )
        # Only the last stretch can be open; an older open one (never expected) ends where the next began.
        for i in range(len(stretches) - 1):
            if stretches[i].open:
                nxt = stretches[i + 1]
                stretches[i] = stretches[i]._closed(Instant(nxt.started_mono, nxt.started_wall))
        phase = Phase.IDLE
        if stretches:
            last = stretches[-1]
            if last.open:
                phase = Phase.PAUSED if last.paused_since_mono is not None else Phase.RUNNING
            elif last.index == len(base.plan) - 1:
                phase = Phase.FINISHED
        # A catch-up accepted before the restart is still in the stored planned minutes.
        plan_now = list(base.plan)
        for stretch in stretches:
            item = plan_now[stretch.index]
            if stretch.planned_minutes != item.minutes:
                plan_now[stretch.index] = replace(item, minutes=stretch.planned_minutes)
        return replace(
            base,
            plan=tuple(plan_now),
            target_end=target_end or base.target_end,
            stretches=tuple(stretches),
            phase=phase,
        )

    # -- queries -----------------------------------------------------------------------------
    @property
    def current(self) -> Stretch | None:
        if self.stretches and self.stretches[-1].open:
            return self.stretches[-1]
        return None

    @property
    def index(self) -> int | None:
        """The item on screen (or last shown, once finished or stopped)."""
        return self.stretches[-1].index if self.stretches else None

    def item_elapsed(self, index: int, mono: float) -> float:
        return sum(s.elapsed(mono) for s in self.stretches if s.index == index)

    def item_allotted(self, index: int) -> float:
        adjust = sum(s.adjust_seconds for s in self.stretches if s.index == index)
        return max(0.0, self.plan[index].minutes * 60.0 + adjust)

    def item_remaining(self, index: int, mono: float) -> float:
        return self.item_allotted(index) - self.item_elapsed(index, mono)

    def started(self, index: int) -> bool:
        return any(s.index == index for s in self.stretches)

    def projected_end(self, now: Instant) -> datetime:
        if self.phase == Phase.FINISHED:
            last = self.stretches[-1]
            return last.ended_wall or now.wall
        if self.phase == Phase.IDLE and not self.stretches:
            start = now.wall if self.floating else max(now.wall, self.planned_start)
            return start + timedelta(minutes=sum(item.minutes for item in self.plan))
        first = self.index or 0
        left = sum(max(0.0, self.item_remaining(i, now.mono)) for i in range(first, len(self.plan)))
        return now.wall + timedelta(seconds=left)

    def planned_end(self, now: Instant) -> datetime:
        if self.floating:
            return now.wall + (self.target_end - self.planned_start)
        return self.target_end

    def status(self, now: Instant) -> ClockStatus:
        index = self.index
        projected = self.projected_end(now)
        target = self.planned_end(now)
        pace = (target - projected).total_seconds()
        if index is None:
            return ClockStatus(
                self.phase, None, 0.0, 0.0, 0.0, Level.NORMAL, 0.0, target, projected, pace
            )
        item = self.plan[index]
        elapsed = self.item_elapsed(index, now.mono)
        allotted = self.item_allotted(index)
        remaining = allotted - elapsed
        progress = 1.0 if allotted <= 0 else min(1.0, elapsed / allotted)
        return ClockStatus(
            phase=self.phase,
            index=index,
            elapsed_seconds=elapsed,
            allotted_seconds=allotted,
            remaining_seconds=remaining,
            level=level_for(remaining, item.amber_seconds, item.red_seconds),
            progress=progress,
            planned_end=target,
            projected_end=projected,
            pace_seconds=pace,
        )

    # -- transitions -------------------------------------------------------------------------
    def start(self, now: Instant, index: int = 0) -> AgendaState:
        """Put item `index` on screen (from idle or finished)."""
        if self.phase in (Phase.RUNNING, Phase.PAUSED):
            raise AgendaStateError("already running; use jump()")
        state = self
        if self.floating:
            length = self.target_end - self.planned_start
            state = replace(
                self, planned_start=now.wall, target_end=now.wall + length, floating=False
            )
        return state._open(index, now, state.stretches)

    def jump(self, index: int, now: Instant) -> AgendaState:
        """Leave the current item and show item `index` (running)."""
        if self.phase in (Phase.IDLE, Phase.FINISHED):
            return self.start(now, index)
        if index == self.index:
            return self
        return self._open(index, now, self._closed_current(now))

    def next(self, now: Instant) -> AgendaState:
        if self.phase == Phase.FINISHED:
            return self
        if self.phase == Phase.IDLE:
            return self.start(now, self.index or 0)
        if self.on_last_item:
            # A clicker press must never end the session: finishing records the
            # end time for the report, so only the (confirmed) Finish button does it.
            return self
        assert self.index is not None
        return self._open(self.index + 1, now, self._closed_current(now))

    @property
    def on_last_item(self) -> bool:
        return self.index is not None and self.index + 1 >= len(self.plan)

    def previous(self, now: Instant) -> AgendaState:
        # After Finish, going back is no key's job either: Start (reopen) or Jump
        # are the explicit ways to continue a finished session.
        if self.phase not in (Phase.RUNNING, Phase.PAUSED):
            return self
        assert self.index is not None
        if self.index == 0:
            return self
        return self._open(self.index - 1, now, self._closed_current(now))

    def finish(self, now: Instant) -> AgendaState:
        if self.current is None:
            return self
        return replace(self, stretches=self._closed_current(now), phase=Phase.FINISHED)

    def stop(self, now: Instant) -> AgendaState:
        """End the item on screen without moving on (e.g. the trainer declined to resume)."""
        if self.current is None:
            return self
        return replace(self, stretches=self._closed_current(now), phase=Phase.IDLE)

    def pause(self, now: Instant) -> AgendaState:
        if self.phase != Phase.RUNNING:
            return self
        current = self.current
        assert current is not None
        paused = replace(current, paused_since_mono=now.mono, paused_since_wall=now.wall)
        return replace(self, stretches=(*self.stretches[:-1], paused), phase=Phase.PAUSED)

    def resume(self, now: Instant) -> AgendaState:
        if self.phase != Phase.PAUSED:
            return self
        current = self.current
        assert current is not None and current.paused_since_mono is not None
        resumed = replace(
            current,
            paused_seconds=current.paused_seconds + (now.mono - current.paused_since_mono),
            paused_since_mono=None,
            paused_since_wall=None,
        )
        return replace(self, stretches=(*self.stretches[:-1], resumed), phase=Phase.RUNNING)

    def toggle_pause(self, now: Instant) -> AgendaState:
        return self.resume(now) if self.phase == Phase.PAUSED else self.pause(now)

    def adjust(self, seconds: int) -> AgendaState:
        """Give the item on screen more (or less) time; its allotment never goes below zero."""
        current = self.current
        if current is None:
            return self
        index = current.index
        allotted = self.item_allotted(index)
        seconds = max(seconds, -int(allotted))
        if seconds == 0:
            return self
        changed = replace(current, adjust_seconds=current.adjust_seconds + seconds)
        return replace(self, stretches=(*self.stretches[:-1], changed))

    # -- helpers -----------------------------------------------------------------------------
    def _closed_current(self, now: Instant) -> tuple[Stretch, ...]:
        current = self.current
        if current is None:
            return self.stretches
        return (*self.stretches[:-1], current._closed(now))

    def _open(self, index: int, now: Instant, stretches: tuple[Stretch, ...]) -> AgendaState:
        if not 0 <= index < len(self.plan):
            raise AgendaStateError(f"no item {index}")
        item = self.plan[index]
        stretch = Stretch(
            index=index,
            item_id=item.item_id,
            planned_minutes=item.minutes,
            started_mono=now.mono,
            started_wall=now.wall,
        )
        return replace(self, stretches=(*stretches, stretch), phase=Phase.RUNNING)


def changed_stretches(before: AgendaState, after: AgendaState) -> list[tuple[int, Stretch]]:
    """(position, stretch) of every stretch a transition added or changed, for saving."""
    changes = []
    for position, stretch in enumerate(after.stretches):
        if position >= len(before.stretches) or before.stretches[position] != stretch:
            changes.append((position, stretch))
    return changes


def record_elapsed(record: RunRecord, now: datetime) -> float:
    """Seconds a stored run was on screen and not paused (an open run counts up to `now`)."""
    until = record.ended_at or now
    paused = record.paused_seconds
    if record.paused_since is not None:
        paused += (until - record.paused_since).total_seconds()
    return max(0.0, (until - record.started_at).total_seconds() - paused)
