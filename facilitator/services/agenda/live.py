"""Presenting the agenda in one session: the clock's transitions, each saved at once.

`LiveAgenda` holds the current `AgendaState` of one session. Every
transition (start, next, pause, +1 minute, accepting a catch-up, ...) is
applied to the state and written to `agenda_runs` in the same call, so a crash
loses nothing and the next start can resume the running item. Calls are
serialised by a lock; the console runs them on a one-thread runner so they are
also saved in the order the trainer pressed the keys.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from facilitator.db.models import AgendaItem, AgendaRun, Event, TrainingSession
from facilitator.db.workspace import Workspace
from facilitator.domain.agenda_catchup import CatchUpProposal, accept_catch_up
from facilitator.domain.agenda_clock import AgendaState, changed_stretches
from facilitator.domain.agenda_timing import Instant, PlanItem, Stretch
from facilitator.domain.clock import Clock
from facilitator.errors import InputRejected, Msg
from facilitator.services.agenda.items import (
    AgendaItemInfo,
    item_info,
    local_datetime,
    run_record,
)
from facilitator.services.events import SessionInfo, session_info

CATCH_UP_SETTING = "agenda_catch_up"


class UnknownSession(InputRejected):
    pass


class EmptyAgenda(InputRejected):
    pass


@dataclass(frozen=True)
class LiveStart:
    """What the console needs to open: the items, the session and where it stands."""

    session: SessionInfo
    event_secret: str
    items: tuple[AgendaItemInfo, ...]
    state: AgendaState
    rehearsal: bool = False  # presented on another day than the session's

    @property
    def resumable(self) -> bool:
        """A run was open when the program stopped: offer to resume it."""
        return self.state.current is not None


def instant(clock: Clock) -> Instant:
    return Instant(clock.monotonic(), clock.now())


def local_day(at: datetime) -> date:
    """The laptop's calendar day of an instant (sessions are planned in local time)."""
    return at.astimezone().date()


class LiveAgenda:
    def __init__(self, workspace: Workspace, clock: Clock, session_id: int) -> None:
        self._workspace = workspace
        self._clock = clock
        self.session_id = session_id
        self._lock = threading.Lock()
        self._state: AgendaState | None = None

    @property
    def state(self) -> AgendaState:
        assert self._state is not None, "load() first"
        return self._state

    def load(self) -> LiveStart:
        """Read the agenda, the session and its saved runs; rebuild the clock from them."""
        with self._workspace.session() as session:
            row = session.get(TrainingSession, self.session_id)
            if row is None:
                raise UnknownSession(
                    Msg(
                        en="This session no longer exists.",
                        ja="このセッションは既に削除されています。",
                    )
                )
            event = row.event
            info = session_info(row)
            secret = event.secret
            now = self._clock.now()
            today = local_day(now)
            overrides = self._overrides(event, today)
            # Only today's runs count: a rehearsal on another day never leaks into the session.
            records = [
                record
                for record in (
                    run_record(r)
                    for r in session.scalars(
                        select(AgendaRun)
                        .where(AgendaRun.session_id == self.session_id)
                        .order_by(AgendaRun.started_at, AgendaRun.id)
                    )
                )
                if local_day(record.started_at) == today
            ]
            items = tuple(_load_items(session, row.event_id))
        if not items:
            raise EmptyAgenda(
                Msg(
                    en="The agenda is empty; add items before presenting.",
                    ja="アジェンダが空です。項目を追加してから開始してください。",
                )
            )
        plan = [
            PlanItem(
                item_id=i.id,
                title=i.title,
                minutes=overrides.get(i.id, i.minutes),
                flexible=i.spec.flexible,
                amber_seconds=i.spec.amber_seconds,
                red_seconds=i.spec.red_seconds,
            )
            for i in items
        ]
        rehearsal = today != info.date
        if not rehearsal:
            start = local_datetime(info.date, info.start)
        else:
            # Another day: the plan is measured from whenever the first item starts.
            start = records[0].started_at if records else now
        original = AgendaState.new([PlanItem(i.id, i.title, i.minutes) for i in items], start)
        state = AgendaState.restore(
            plan,
            start,
            records,
            instant(self._clock),
            target_end=original.target_end,
            floating=rehearsal,
        )
        with self._lock:
            self._state = state
        return LiveStart(info, secret, items, state, rehearsal)

    # -- transitions (each saved before it returns) ------------------------------------------
    def start(self, index: int = 0) -> AgendaState:
        return self._apply(lambda s, now: s.start(now, index))

    def next(self) -> AgendaState:
        return self._apply(lambda s, now: s.next(now))

    def previous(self) -> AgendaState:
        return self._apply(lambda s, now: s.previous(now))

    def jump(self, index: int) -> AgendaState:
        return self._apply(lambda s, now: s.jump(index, now))

    def toggle_pause(self) -> AgendaState:
        return self._apply(lambda s, now: s.toggle_pause(now))

    def adjust(self, seconds: int) -> AgendaState:
        return self._apply(lambda s, _now: s.adjust(seconds))

    def finish(self) -> AgendaState:
        return self._apply(lambda s, now: s.finish(now))

    def stop(self) -> AgendaState:
        """End the open run where it stands (the trainer chose not to resume it)."""
        return self._apply(lambda s, now: s.stop(now))

    def accept(self, proposal: CatchUpProposal) -> AgendaState:
        """Shorten the proposed items for this session and remember it across restarts."""
        with self._lock:
            before = self.state
            after = accept_catch_up(before, proposal)
            with self._workspace.session() as session:
                row = session.get(TrainingSession, self.session_id)
                assert row is not None
                event = row.event
                settings = dict(event.settings or {})
                by_session = dict(settings.get(CATCH_UP_SETTING) or {})
                today = local_day(self._clock.now()).isoformat()
                stored = by_session.get(str(self.session_id)) or {}
                mine = dict(stored.get("items") or {}) if stored.get("day") == today else {}
                for cut in proposal.cuts:
                    mine[str(cut.item_id)] = cut.to_minutes
                by_session[str(self.session_id)] = {"day": today, "items": mine}
                settings[CATCH_UP_SETTING] = by_session
                event.settings = settings
            self._state = after
            return after

    def _apply(self, step: Callable[[AgendaState, Instant], AgendaState]) -> AgendaState:
        with self._lock:
            before = self.state
            after = step(before, instant(self._clock))
            changes = changed_stretches(before, after)
            if changes:
                after = self._save(after, changes)
            self._state = after
            return after

    def _save(self, state: AgendaState, changes: list[tuple[int, Stretch]]) -> AgendaState:
        stretches = list(state.stretches)
        with self._workspace.session() as session:
            saved: list[tuple[int, AgendaRun]] = []
            for position, stretch in changes:
                row = session.get(AgendaRun, stretch.run_id) if stretch.run_id else None
                if row is None:
                    row = AgendaRun(session_id=self.session_id, item_id=stretch.item_id)
                    session.add(row)
                _copy(stretch, row)
                saved.append((position, row))
            session.flush()
            for position, row in saved:
                if stretches[position].run_id != row.id:
                    stretches[position] = replace(stretches[position], run_id=row.id)
        return replace(state, stretches=tuple(stretches))

    def _overrides(self, event: Event, today: date) -> dict[int, int]:
        """Catch-up cuts accepted earlier today for this session (a rehearsal's are not kept)."""
        by_session: dict[str, Any] = (event.settings or {}).get(CATCH_UP_SETTING) or {}
        stored = by_session.get(str(self.session_id)) or {}
        if stored.get("day") != today.isoformat():
            return {}
        return {int(k): int(v) for k, v in (stored.get("items") or {}).items()}


def _copy(stretch: Stretch, row: AgendaRun) -> None:
    row.planned_minutes = stretch.planned_minutes
    row.started_at = stretch.started_wall
    row.ended_at = stretch.ended_wall
    row.paused_seconds = stretch.paused_seconds
    row.paused_since = stretch.paused_since_wall
    row.adjust_seconds = stretch.adjust_seconds


def _load_items(session: Session, event_id: int) -> list[AgendaItemInfo]:
    rows = session.scalars(
        select(AgendaItem)
        .where(AgendaItem.event_id == event_id)
        .order_by(AgendaItem.position, AgendaItem.id)
    )
    return [item_info(r) for r in rows]
