"""Catching up: shorter durations for the flexible items still to come, so the session ends on time.

The trainer sees the proposal on the console and accepts or ignores it;
nothing changes until it is accepted.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace

from facilitator.domain.agenda_clock import AgendaState
from facilitator.domain.agenda_timing import AgendaStateError, Instant, Phase

# A flexible item is never cut below this share of its plan.
MIN_FLEXIBLE_SHARE = 0.5


@dataclass(frozen=True)
class Cut:
    index: int
    item_id: int
    title: str
    from_minutes: int
    to_minutes: int


@dataclass(frozen=True)
class CatchUpProposal:
    cuts: tuple[Cut, ...]
    behind_seconds: float
    saved_seconds: int
    still_late_seconds: float  # > 0 when even the deepest allowed cuts are not enough


def propose_catch_up(state: AgendaState, now: Instant) -> CatchUpProposal | None:
    """Cuts to flexible items not yet started that bring the end back to the plan.

    None when on time (less than a minute behind) or when nothing can be cut.
    The minutes are shared out in proportion to how much each item can give,
    whole minutes only (largest remainders take what rounding leaves over).
    """
    if state.phase not in (Phase.RUNNING, Phase.PAUSED, Phase.IDLE):
        return None
    behind = (state.projected_end(now) - state.planned_end(now)).total_seconds()
    if behind < 60:
        return None
    first = (state.index + 1) if state.index is not None else 0
    room: list[tuple[int, int]] = []
    for i in range(first, len(state.plan)):
        item = state.plan[i]
        if not item.flexible or state.started(i):
            continue
        floor = max(1, math.ceil(item.minutes * MIN_FLEXIBLE_SHARE))
        if item.minutes > floor:
            room.append((i, item.minutes - floor))
    total_room = sum(r for _, r in room)
    if total_room == 0:
        return None
    needed = min(math.ceil(behind / 60), total_room)
    shares = [needed * r / total_room for _, r in room]
    cut_minutes = [math.floor(share) for share in shares]
    order = sorted(range(len(room)), key=lambda k: shares[k] - cut_minutes[k], reverse=True)
    for k in order[: needed - sum(cut_minutes)]:
        cut_minutes[k] += 1
    cuts = tuple(
        Cut(
            i,
            state.plan[i].item_id,
            state.plan[i].title,
            state.plan[i].minutes,
            state.plan[i].minutes - c,
        )
        for (i, _), c in zip(room, cut_minutes, strict=True)
        if c > 0
    )
    saved = needed * 60
    return CatchUpProposal(cuts, behind, saved, max(0.0, behind - saved))


def accept_catch_up(state: AgendaState, proposal: CatchUpProposal) -> AgendaState:
    """The state with the proposed items shortened; refuses a proposal that went stale."""
    plan = list(state.plan)
    for cut in proposal.cuts:
        if state.started(cut.index) or plan[cut.index].item_id != cut.item_id:
            raise AgendaStateError("the proposal no longer matches the agenda")
        plan[cut.index] = replace(plan[cut.index], minutes=cut.to_minutes)
    return replace(state, plan=tuple(plan))
