"""Putting attendees into sessions (AM/PM, or any number).

Hard rules: a session never holds more than its capacity, and a locked
(manually placed) attendee is never moved. Soft rules, most important first:
1. a department's DX推進リーダー and サブリーダー attend different sessions;
2. a department with two or more attendees is split across sessions, so its
   office is never empty;
3. stated preferences are honoured;
4. session sizes are balanced.

A greedy pass places departments largest first, then a repair pass moves or
swaps unlocked attendees to fix rule 1 and 2 breaches that capacity caused.
Everything iterates in a fixed order, so the same input gives the same plan.
Whatever cannot be met is explained as typed `Issue`s.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from facilitator.domain.scheduling_inputs import Person, RoleKind, Slot
from facilitator.domain.scheduling_issues import Issue, IssueKind, explain


@dataclass(frozen=True)
class Plan:
    placements: dict[int, int | None]  # person key -> slot key (None: no room)
    counts: dict[int, int]  # slot key -> attendees
    issues: tuple[Issue, ...]
    unassigned: int
    unmet_preferences: int
    split_departments: int
    departments_with_2plus: int


class _State:
    """Placements plus the per-department counters the rules need, kept in step."""

    def __init__(self, slots: Sequence[Slot], people: Sequence[Person]) -> None:
        self.slots = list(slots)
        self.capacity = {s.key: s.capacity for s in slots}
        self.count = dict.fromkeys(self.capacity, 0)
        self.where: dict[int, int | None] = {}
        self.dept_count: dict[str, dict[int, int]] = defaultdict(
            lambda: dict.fromkeys(self.count, 0)
        )
        self.role_count: dict[tuple[str, RoleKind], dict[int, int]] = defaultdict(
            lambda: dict.fromkeys(self.count, 0)
        )
        self.size: dict[str, int] = defaultdict(int)
        for p in people:
            self.size[p.department] += 1

    def put(self, p: Person, slot: int | None) -> None:
        old = self.where.get(p.key)
        if old is not None:
            self.count[old] -= 1
            self.dept_count[p.department][old] -= 1
            self.role_count[p.department, p.role][old] -= 1
        self.where[p.key] = slot
        if slot is not None:
            self.count[slot] += 1
            self.dept_count[p.department][slot] += 1
            self.role_count[p.department, p.role][slot] += 1

    def room(self, slot: int) -> bool:
        return self.count[slot] < self.capacity[slot]

    def role_clashes(self, dept: str) -> int:
        leaders = self.role_count[dept, RoleKind.LEADER]
        subs = self.role_count[dept, RoleKind.SUBLEADER]
        return sum(1 for s in self.count if leaders[s] and subs[s])

    def unsplit(self, dept: str) -> int:
        if len(self.slots) < 2 or self.size[dept] < 2:
            return 0
        return int(sum(1 for n in self.dept_count[dept].values() if n) < 2)

    def badness(self, depts: Iterable[str]) -> tuple[int, int]:
        unique = set(depts)
        return (sum(self.role_clashes(d) for d in unique), sum(self.unsplit(d) for d in unique))


def assign(slots: Sequence[Slot], people: Sequence[Person]) -> Plan:
    """Place every person in a slot by the rules above; see the module docstring."""
    # Input order must not matter: everything below walks this fixed order.
    people = sorted(people, key=lambda p: (p.order, p.key))
    state = _State(slots, people)
    position = {s.key: i for i, s in enumerate(slots)}
    over_capacity: dict[int, list[Person]] = defaultdict(list)
    free: list[Person] = []
    for p in people:
        if p.locked_to in position:
            state.put(p, p.locked_to)
            if state.count[p.locked_to] > state.capacity[p.locked_to]:
                over_capacity[p.locked_to].append(p)
        else:
            free.append(p)
    by_dept: dict[str, list[Person]] = defaultdict(list)
    for p in free:
        by_dept[p.department].append(p)
    reasons: dict[int, IssueKind] = {}
    dept_order = sorted(by_dept, key=lambda d: (-state.size[d], d))
    for dept in dept_order:
        members = sorted(
            by_dept[dept], key=lambda p: (p.role.value, p.preferred is None, p.order, p.key)
        )
        for index, p in enumerate(members):
            _place(state, p, len(members) - index - 1, position, reasons)
    _repair(state, slots, by_dept, dept_order, reasons)
    return _summarise(state, slots, people, over_capacity, reasons)


def _place(
    state: _State,
    p: Person,
    still_to_place: int,
    position: dict[int, int],
    reasons: dict[int, IssueKind],
) -> None:
    open_slots = [s for s in state.count if state.room(s)]
    if not open_slots:
        state.put(p, None)
        return
    dept = state.dept_count[p.department]
    partner = {
        RoleKind.LEADER: RoleKind.SUBLEADER,
        RoleKind.SUBLEADER: RoleKind.LEADER,
    }.get(p.role)
    partners = state.role_count[p.department, partner] if partner else None
    needs_split = len(state.slots) >= 2 and state.size[p.department] >= 2
    covered = {s for s, n in dept.items() if n}

    def cost(s: int) -> tuple[int, int, int, int, int, int]:
        clash = int(bool(partners and partners[s]))
        split = int(needs_split and len(covered | {s}) + still_to_place < 2)
        pref = int(p.preferred is not None and s != p.preferred)
        return (clash, split, pref, dept[s], state.count[s], position[s])

    best = min(open_slots, key=cost)
    state.put(p, best)
    if p.preferred is not None and best != p.preferred:
        if p.preferred not in state.count:
            return
        if not state.room(p.preferred):
            reasons[p.key] = IssueKind.PREFERENCE_CAPACITY
        elif cost(p.preferred)[0] > cost(best)[0]:
            reasons[p.key] = IssueKind.PREFERENCE_ROLE
        else:
            reasons[p.key] = IssueKind.PREFERENCE_SPLIT


def _repair(
    state: _State,
    slots: Sequence[Slot],
    by_dept: dict[str, list[Person]],
    dept_order: list[str],
    reasons: dict[int, IssueKind],
) -> None:
    """Fix role clashes, then unsplit departments, by moving or swapping unlocked people."""
    if len(slots) < 2:
        return
    members_in: dict[int, list[Person]] = defaultdict(list)
    for dept in dept_order:
        for p in by_dept[dept]:
            slot = state.where.get(p.key)
            if slot is not None:
                members_in[slot].append(p)
    for dept in dept_order:
        while state.badness([dept]) != (0, 0):
            if not _improve(state, dept, by_dept[dept], members_in, reasons):
                break


def _improve(
    state: _State,
    dept: str,
    movable: list[Person],
    members_in: dict[int, list[Person]],
    reasons: dict[int, IssueKind],
) -> bool:
    """Make one move or swap that lowers `dept`'s badness.

    A first pass only swaps with people whose own department stays as good as
    it was; only if that finds nothing may a swap trade a lesser breach
    elsewhere for a greater one here.
    """
    kind = IssueKind.PREFERENCE_ROLE if state.role_clashes(dept) else IssueKind.PREFERENCE_SPLIT
    for gentle in (True, False):
        for p in movable:
            here = state.where.get(p.key)
            if here is None:
                continue
            for target in state.count:
                if target == here:
                    continue
                if state.room(target):
                    if gentle and _try(state, [(p, here, target)], [dept], members_in, None):
                        _note(p, target, kind, reasons)
                        return True
                    continue
                for x in list(members_in[target]):
                    if x.department == dept:
                        continue
                    swap = [(p, here, target), (x, target, here)]
                    protect = x.department if gentle else None
                    if _try(state, swap, [dept, x.department], members_in, protect):
                        _note(p, target, kind, reasons)
                        _note(x, here, IssueKind.PREFERENCE_SPLIT, reasons)
                        return True
    return False


def _try(
    state: _State,
    moves: list[tuple[Person, int, int]],
    depts: list[str],
    members_in: dict[int, list[Person]],
    protect: str | None,
) -> bool:
    """Apply `moves` if they make `depts` better (and leave `protect` no worse); else undo."""
    before = state.badness(depts)
    guarded = state.badness([protect]) if protect else (0, 0)
    pref_before = sum(int(p.preferred not in (None, a)) for p, a, _ in moves)
    for p, _, b in moves:
        state.put(p, b)
    after = state.badness(depts)
    pref_after = sum(int(p.preferred not in (None, b)) for p, _, b in moves)
    harmless = protect is None or state.badness([protect]) <= guarded
    if harmless and (after < before or (after == before and pref_after < pref_before)):
        for p, a, b in moves:
            members_in[a].remove(p)
            members_in[b].append(p)
        return True
    for p, a, _ in moves:
        state.put(p, a)
    return False


def _note(p: Person, target: int, kind: IssueKind, reasons: dict[int, IssueKind]) -> None:
    if p.preferred is not None and p.preferred != target:
        reasons[p.key] = kind
    else:
        reasons.pop(p.key, None)


def _summarise(
    state: _State,
    slots: Sequence[Slot],
    people: Sequence[Person],
    over_capacity: dict[int, list[Person]],
    reasons: dict[int, IssueKind],
) -> Plan:
    by_key = {s.key: s for s in slots}
    unmet = [
        p
        for p in people
        if p.preferred in by_key and state.where.get(p.key) not in (None, p.preferred)
    ]
    depts = sorted({p.department for p in people})
    issues = explain(
        by_key=by_key,
        people=people,
        where=state.where,
        unmet=unmet,
        reasons=reasons,
        over_capacity=over_capacity,
        clashing=[d for d in depts if state.role_clashes(d)],
        unsplit=[d for d in depts if state.unsplit(d)],
    )
    two_plus = [d for d in depts if state.size[d] >= 2]
    split = [d for d in two_plus if sum(1 for n in state.dept_count[d].values() if n) >= 2]
    return Plan(
        placements=dict(state.where),
        counts=dict(state.count),
        issues=tuple(issues),
        unassigned=sum(1 for v in state.where.values() if v is None),
        unmet_preferences=len(unmet),
        split_departments=len(split),
        departments_with_2plus=len(two_plus),
    )
