"""The agenda clock state machine, driven by a fake clock (no sleeping)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from facilitator.domain.agenda_catchup import accept_catch_up, propose_catch_up
from facilitator.domain.agenda_clock import AgendaState, changed_stretches
from facilitator.domain.agenda_timing import Instant, Level, Phase, PlanItem, RunRecord
from facilitator.domain.clock import FakeClock

START = datetime(2026, 7, 4, 0, 30, tzinfo=UTC)  # 09:30 JST


def at(clock: FakeClock) -> Instant:
    return Instant(clock.monotonic(), clock.now())


def plan() -> list[PlanItem]:
    return [
        PlanItem(1, "受付", 10),
        PlanItem(2, "講義", 30, flexible=False),
        PlanItem(3, "演習", 40, flexible=True),
        PlanItem(4, "事例", 20, flexible=True),
        PlanItem(5, "閉会", 5),
    ]


@pytest.fixture
def fake() -> FakeClock:
    return FakeClock(START)


def test_start_counts_down_from_the_plan(fake: FakeClock) -> None:
    state = AgendaState.new(plan(), START).start(at(fake))
    fake.advance(125.5)
    status = state.status(at(fake))
    assert status.phase == Phase.RUNNING
    assert status.index == 0
    assert status.elapsed_seconds == pytest.approx(125.5)
    assert status.remaining_seconds == pytest.approx(600 - 125.5)
    assert status.planned_end == START + timedelta(minutes=105)
    assert status.pace_seconds == pytest.approx(0.0)


def test_pause_excludes_the_paused_time(fake: FakeClock) -> None:
    state = AgendaState.new(plan(), START).start(at(fake))
    fake.advance(60)
    state = state.pause(at(fake))
    fake.advance(300)
    paused = state.status(at(fake))
    assert paused.phase == Phase.PAUSED
    assert paused.elapsed_seconds == pytest.approx(60)
    # The session now ends five minutes late: pausing costs time.
    assert paused.pace_seconds == pytest.approx(-300)
    state = state.resume(at(fake))
    fake.advance(30)
    assert state.status(at(fake)).elapsed_seconds == pytest.approx(90)
    assert state.toggle_pause(at(fake)).phase == Phase.PAUSED


def test_levels_amber_red_then_overtime_counting_up(fake: FakeClock) -> None:
    items = [PlanItem(1, "講義", 10, amber_seconds=120, red_seconds=30)]
    state = AgendaState.new(items, START).start(at(fake))
    fake.advance(7 * 60)
    assert state.status(at(fake)).level == Level.NORMAL
    fake.advance(60 + 1)
    assert state.status(at(fake)).level == Level.AMBER
    fake.advance(90)
    assert state.status(at(fake)).level == Level.RED
    fake.advance(29 + 45)
    status = state.status(at(fake))
    assert status.level == Level.OVERTIME
    assert status.overtime_seconds == pytest.approx(45)
    assert status.progress == 1.0


def test_default_thresholds_red_at_zero(fake: FakeClock) -> None:
    state = AgendaState.new([PlanItem(1, "x", 3)], START).start(at(fake))
    fake.advance(180)
    assert state.status(at(fake)).level == Level.RED
    fake.advance(1)
    assert state.status(at(fake)).level == Level.OVERTIME


def test_next_previous_and_overrun_are_recorded_per_stretch(fake: FakeClock) -> None:
    state = AgendaState.new(plan(), START).start(at(fake))
    fake.advance(12 * 60)  # two minutes over
    state = state.next(at(fake))
    assert state.index == 1
    fake.advance(60)
    state = state.previous(at(fake))
    assert state.index == 0
    # Back on the first item: the earlier 12 minutes still count, so it is 3 min over.
    fake.advance(60)
    status = state.status(at(fake))
    assert status.remaining_seconds == pytest.approx(-180)
    assert [s.index for s in state.stretches] == [0, 1, 0]
    assert [s.open for s in state.stretches] == [False, False, True]
    assert state.stretches[0].elapsed(at(fake).mono) == pytest.approx(720)


def test_next_on_last_item_does_not_finish(fake: FakeClock) -> None:
    state = AgendaState.new(plan()[:2], START).start(at(fake))
    state = state.next(at(fake))
    assert state.on_last_item
    fake.advance(10)
    assert state.next(at(fake)) is state  # a clicker press changes nothing
    state = state.finish(at(fake))
    assert state.phase == Phase.FINISHED
    assert state.status(at(fake)).projected_end == state.stretches[-1].ended_wall
    assert state.next(at(fake)) is state
    # Nor does going back silently reopen it: only start() or jump() do.
    assert state.previous(at(fake)) is state
    reopened = state.start(at(fake), state.index or 0)
    assert reopened.phase == Phase.RUNNING and reopened.index == 1


def test_pause_then_next_closes_the_pause(fake: FakeClock) -> None:
    state = AgendaState.new(plan(), START).start(at(fake))
    fake.advance(100)
    state = state.pause(at(fake))
    fake.advance(50)
    state = state.next(at(fake))
    first = state.stretches[0]
    assert first.paused_seconds == pytest.approx(50)
    assert first.paused_since_mono is None
    assert first.elapsed(at(fake).mono) == pytest.approx(100)
    assert state.phase == Phase.RUNNING


def test_plus_minus_minute_moves_the_end(fake: FakeClock) -> None:
    state = AgendaState.new(plan(), START).start(at(fake))
    state = state.adjust(60).adjust(60).adjust(-60)
    status = state.status(at(fake))
    assert status.allotted_seconds == 660
    assert status.pace_seconds == pytest.approx(-60)
    # Never below zero.
    assert state.adjust(-3600).status(at(fake)).allotted_seconds == 0


def test_jump_to_item(fake: FakeClock) -> None:
    state = AgendaState.new(plan(), START).start(at(fake))
    state = state.jump(3, at(fake))
    assert state.index == 3
    assert state.jump(3, at(fake)) is state


def test_late_start_is_behind_and_catch_up_cuts_flexible_items(fake: FakeClock) -> None:
    state = AgendaState.new(plan(), START)
    fake.advance(7 * 60)  # started seven minutes late
    state = state.start(at(fake))
    status = state.status(at(fake))
    assert status.pace_seconds == pytest.approx(-420)
    proposal = propose_catch_up(state, at(fake))
    assert proposal is not None
    assert proposal.behind_seconds == pytest.approx(420)
    # Only the flexible items (40 and 20 minutes) give time, in proportion: 5 and 2 minutes.
    assert [(c.item_id, c.from_minutes, c.to_minutes) for c in proposal.cuts] == [
        (3, 40, 35),
        (4, 20, 18),
    ]
    assert proposal.still_late_seconds == 0
    state = accept_catch_up(state, proposal)
    assert state.status(at(fake)).pace_seconds == pytest.approx(0)
    assert propose_catch_up(state, at(fake)) is None


def test_catch_up_never_cuts_below_half_and_reports_what_is_left(fake: FakeClock) -> None:
    state = AgendaState.new(plan(), START).start(at(fake))
    fake.advance(60 * 60)  # the first item ran 50 minutes over
    proposal = propose_catch_up(state, at(fake))
    assert proposal is not None
    assert [(c.from_minutes, c.to_minutes) for c in proposal.cuts] == [(40, 20), (20, 10)]
    assert proposal.still_late_seconds == pytest.approx(50 * 60 - 30 * 60)


def test_catch_up_skips_items_already_started_and_when_nothing_is_flexible(
    fake: FakeClock,
) -> None:
    state = AgendaState.new(plan(), START).start(at(fake)).jump(3, at(fake))
    fake.advance(30 * 60)
    proposal = propose_catch_up(state, at(fake))
    assert proposal is None  # item 3 is on screen, nothing after it is flexible
    rigid = AgendaState.new([PlanItem(1, "a", 10), PlanItem(2, "b", 10)], START).start(at(fake))
    fake.advance(20 * 60)
    assert propose_catch_up(rigid, at(fake)) is None


def test_resume_after_restart_from_records(fake: FakeClock) -> None:
    state = AgendaState.new(plan(), START).start(at(fake))
    fake.advance(11 * 60)
    state = state.next(at(fake)).adjust(120)
    fake.advance(5 * 60)
    state = state.pause(at(fake))
    fake.advance(40)
    before = state.status(at(fake))
    records = [
        RunRecord(
            run_id=n,
            item_id=s.item_id,
            planned_minutes=s.planned_minutes,
            started_at=s.started_wall,
            ended_at=s.ended_wall,
            paused_seconds=s.paused_seconds,
            paused_since=s.paused_since_wall,
            adjust_seconds=s.adjust_seconds,
        )
        for n, s in enumerate(state.stretches, start=1)
    ]
    # The program restarts 3 minutes later: a new monotonic origin.
    fake.advance(180)
    restarted = Instant(5.0, fake.now())
    restored = AgendaState.restore(plan(), START, records, restarted)
    after = restored.status(restarted)
    assert restored.phase == Phase.PAUSED
    assert after.index == 1
    assert after.remaining_seconds == pytest.approx(before.remaining_seconds, abs=1e-6)
    assert restored.stretches[-1].run_id == 2
    resumed = restored.resume(restarted)
    assert resumed.status(Instant(65.0, fake.now() + timedelta(seconds=60))).elapsed_seconds == (
        pytest.approx(360)
    )


def test_restore_running_counts_the_downtime(fake: FakeClock) -> None:
    started = fake.now()
    fake.advance(600)
    records = [RunRecord(1, 2, 30, started, None, 0.0, None, 0)]
    restored = AgendaState.restore(plan(), START, records, Instant(0.0, fake.now()))
    assert restored.phase == Phase.RUNNING
    assert restored.status(Instant(0.0, fake.now())).elapsed_seconds == pytest.approx(600)


def test_restore_keeps_catch_up_minutes_and_skips_deleted_items(fake: FakeClock) -> None:
    started = fake.now()
    records = [
        RunRecord(1, 99, 10, started, started + timedelta(minutes=1), 0.0, None, 0),
        RunRecord(2, 3, 35, started + timedelta(minutes=1), None, 0.0, None, 0),
    ]
    fake.advance(120)
    restored = AgendaState.restore(plan(), START, records, at(fake))
    assert len(restored.stretches) == 1
    assert restored.plan[2].minutes == 35
    assert restored.target_end == START + timedelta(minutes=105)


def test_changed_stretches_lists_what_to_save(fake: FakeClock) -> None:
    before = AgendaState.new(plan(), START).start(at(fake))
    fake.advance(5)
    after = before.next(at(fake))
    changes = changed_stretches(before, after)
    assert [position for position, _ in changes] == [0, 1]
    assert changes[0][1].ended_wall == fake.now()
    assert changed_stretches(after, after) == []


def test_idle_projection_uses_planned_start(fake: FakeClock) -> None:
    early = FakeClock(START - timedelta(minutes=20))
    state = AgendaState.new(plan(), START)
    assert state.status(at(early)).projected_end == START + timedelta(minutes=105)
    assert state.status(at(early)).index is None


def test_floating_plan_starts_with_the_first_item(fake: FakeClock) -> None:
    """A rehearsal on another day: the plan is measured from the first start, not 09:30."""
    other_day = FakeClock(START - timedelta(days=1, hours=-5))
    state = AgendaState.new(plan(), START, floating=True)
    before = state.status(at(other_day))
    assert before.pace_seconds == pytest.approx(0)
    assert before.planned_end == other_day.now() + timedelta(minutes=105)
    other_day.advance(600)
    state = state.start(at(other_day))
    assert not state.floating
    assert state.planned_start == other_day.now()
    other_day.advance(11 * 60)
    assert state.status(at(other_day)).pace_seconds == pytest.approx(-60)
