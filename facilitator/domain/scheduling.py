"""Putting attendees into sessions (AM/PM, or any number), provably best.

Hard rules: a session never holds more than its capacity, a locked (manually
placed) attendee is never moved, and nobody goes to a session marked 不可
(unavailable) for them. Then, each level optimal given the ones above it
(`scheduling_rules.Level`):

0. place everyone there is room for;
1. a department's DX推進リーダー and サブリーダー attend different sessions;
2. no session holds a whole department of two or more, and each session's
   share of a department is as even as its size allows (first the worst
   share, then all of them);
-. people already placed stay where they are (re-assignment moves as few as
   the rules above force; `fresh=True` ignores where they were);
3. stated preferences are met;
4. session sizes are balanced (largest minus smallest).

Moves rank below the department rules because those protect the office
(nobody's desk is empty, a leader covers for the other), and above
preferences because a slip already in the internal mail outweighs a wish.

The model and the solver live apart (`scheduling_model`, and the solver
passed in as `solve`); this module turns the solver's counts back into people
and explains every rule that is not met, person by person.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from facilitator.domain.scheduling_inputs import Person, RoleKind, Slot
from facilitator.domain.scheduling_issues import Issue, Move, Reason, Rule, Shortfall, group
from facilitator.domain.scheduling_model import LexSolve, build_model
from facilitator.domain.scheduling_rules import Level, dept_score, even_share


@dataclass(frozen=True)
class Plan:
    placements: dict[int, int | None]  # person key -> slot key (None: no room)
    counts: dict[int, int]  # slot key -> attendees
    shortfalls: tuple[Shortfall, ...]
    moves: tuple[Move, ...]
    optima: dict[Level, float]
    unassigned: int
    preferences_stated: int
    preferences_met: int
    split_departments: int
    departments_with_2plus: int

    @property
    def unmet_preferences(self) -> int:
        return self.preferences_stated - self.preferences_met

    @property
    def issues(self) -> tuple[Issue, ...]:
        return tuple(group(self.shortfalls))


def assign(
    slots: Sequence[Slot], people: Sequence[Person], solve: LexSolve, *, fresh: bool = False
) -> Plan:
    """The lexicographically best placement of `people` (see the module docstring)."""
    people = sorted(people, key=lambda p: (p.order, p.key))
    keys = [s.key for s in slots]
    slot_keys = frozenset(keys)
    where: dict[int, int | None] = {}
    for p in people:
        if p.locked_to in slot_keys:
            where[p.key] = p.locked_to
    if slots:
        built = build_model(slots, people, fresh=fresh)
        result = solve(built.model)
        optima = result.optima
        for ci, c in enumerate(built.classes):
            queue = list(c.members)
            # Those who stay come first, so "who moves" is the same every run.
            order = ([c.current] if c.current is not None else []) + [
                s for s in keys if s != c.current
            ]
            for s in order:
                col = built.placed.get((ci, s))
                if col is None:
                    continue
                for _ in range(round(result.values[col])):
                    where[queue.pop(0).key] = s
            for p in queue:
                where[p.key] = None
    else:
        optima = {}
        for p in people:
            where[p.key] = None
    return _explain(slots, people, where, optima, fresh)


def _explain(
    slots: Sequence[Slot],
    people: Sequence[Person],
    where: dict[int, int | None],
    optima: dict[Level, float],
    fresh: bool,
) -> Plan:
    keys = [s.key for s in slots]
    by_key = {s.key: s for s in slots}
    counts = dict.fromkeys(keys, 0)
    for s in where.values():
        if s is not None:
            counts[s] += 1
    members: dict[str, list[Person]] = defaultdict(list)
    for p in people:
        members[p.department].append(p)
    ctx = _Context(by_key, keys, counts, where, members)
    shortfalls = [*ctx.capacity_and_placing(people), *ctx.department_rules()]
    stated = met = 0
    for p in people:
        if p.preferred not in by_key:
            continue
        stated += 1
        got = where[p.key]
        if got == p.preferred:
            met += 1
        elif got is not None:
            reason = ctx.why_not(p, p.preferred, fresh)
            shortfalls.append(
                Shortfall(
                    Rule.PREFERENCE,
                    reason,
                    p.key,
                    p.name,
                    p.department,
                    by_key[p.preferred].label,
                    by_key[got].label,
                    by_key[p.preferred].capacity,
                )
            )
    moves = []
    for p in people:
        before = p.current if p.current in by_key and p.locked_to is None else None
        now = where[p.key]
        if before is None or now == before:
            continue
        reason = Reason.FRESH if fresh else ctx.why_not(p, before, False)
        label = by_key[now].label if now is not None else ""
        moves.append(Move(p.key, p.name, p.department, by_key[before].label, label, reason))
    two_plus = [d for d, m in members.items() if len(m) >= 2]
    split = [d for d in two_plus if len({where[p.key] for p in members[d]} - {None}) >= 2]
    return Plan(
        placements=where,
        counts=counts,
        shortfalls=tuple(shortfalls),
        moves=tuple(moves),
        optima=optima,
        unassigned=sum(1 for v in where.values() if v is None),
        preferences_stated=stated,
        preferences_met=met,
        split_departments=len(split),
        departments_with_2plus=len(two_plus),
    )


@dataclass
class _Context:
    by_key: dict[int, Slot]
    keys: list[int]
    counts: dict[int, int]
    where: dict[int, int | None]
    members: dict[str, list[Person]]

    def why_not(self, p: Person, wished: int, fresh: bool) -> Reason:
        """Why `p` is not in `wished`: what moving them there alone would break."""
        got = self.where[p.key]
        if p.locked_to is not None:
            return Reason.LOCK
        if wished in p.unavailable:
            return Reason.UNAVAILABLE
        if self.counts[wished] >= self.by_key[wished].capacity:
            return Reason.CAPACITY
        dept = self.members[p.department]
        before = dept_score(dept, self.where, self.keys)
        after = dept_score(dept, {**self.where, p.key: wished}, self.keys)
        if after.clashes > before.clashes:
            return Reason.ROLES_APART
        if after.unsplit > before.unsplit:
            return Reason.SPLIT
        if (after.worst, after.uneven) > (before.worst, before.uneven):
            return Reason.EVEN
        if not fresh and p.current == got and got is not None:
            return Reason.STAYED
        # Only a chain of moves could make room; every link costs a higher rule.
        return Reason.CAPACITY

    def capacity_and_placing(self, people: Sequence[Person]) -> list[Shortfall]:
        out = []
        locked: dict[int, list[Person]] = defaultdict(list)
        for p in people:
            if p.locked_to in self.by_key:
                locked[p.locked_to].append(p)
        for s, group_ in sorted(locked.items()):
            slot = self.by_key[s]
            for p in group_[slot.capacity :]:
                out.append(
                    Shortfall(
                        Rule.CAPACITY,
                        Reason.LOCK,
                        p.key,
                        p.name,
                        p.department,
                        slot.label,
                        slot.label,
                        slot.capacity,
                    )
                )
        total = sum(s.capacity for s in self.by_key.values())
        for p in people:
            if self.where[p.key] is None:
                nowhere = set(self.keys) <= p.unavailable
                reason = Reason.UNAVAILABLE if nowhere else Reason.CAPACITY
                out.append(
                    Shortfall(Rule.PLACED, reason, p.key, p.name, p.department, capacity=total)
                )
        return out

    def _pinned(self, p: Person, s: int) -> Reason | None:
        """Whether `p` can only be in `s`: by a lock or by 不可 everywhere else."""
        if p.locked_to is not None:
            return Reason.LOCK
        if set(self.keys) - p.unavailable <= {s}:
            return Reason.UNAVAILABLE
        return None

    def _department_reason(self, concerned: Sequence[Person], s: int) -> Reason:
        pins = [self._pinned(p, s) for p in concerned]
        if all(pins):
            return Reason.LOCK if Reason.LOCK in pins else Reason.UNAVAILABLE
        return Reason.CAPACITY

    def department_rules(self) -> list[Shortfall]:
        out: list[Shortfall] = []
        for dept in sorted(self.members):
            people = self.members[dept]
            score = dept_score(people, self.where, self.keys)
            if score.clashes:
                for s in self.keys:
                    pair = [
                        p for p in people if self.where[p.key] == s and p.role != RoleKind.OTHER
                    ]
                    if {p.role for p in pair} == {RoleKind.LEADER, RoleKind.SUBLEADER}:
                        reason = self._department_reason(pair, s)
                        label = self.by_key[s].label
                        out += [
                            Shortfall(Rule.ROLES_APART, reason, p.key, p.name, dept, label, label)
                            for p in pair
                        ]
            if score.unsplit:
                s = next(s for s in self.keys if all(self.where[p.key] == s for p in people))
                reason = self._department_reason(people, s)
                label = self.by_key[s].label
                out += [
                    Shortfall(Rule.SPLIT, reason, p.key, p.name, dept, label, label) for p in people
                ]
            elif score.uneven:
                out += self._uneven(dept, people)
        return out

    def _uneven(self, dept: str, people: Sequence[Person]) -> list[Shortfall]:
        """Name the people of the session holding more than an even share."""
        high = even_share(len(people), len(self.keys))[1]
        shares = {s: [p for p in people if self.where[p.key] == s] for s in self.keys}
        out = []
        for s, here in shares.items():
            if len(here) <= high:
                continue
            reason = self._department_reason(here, s)
            share = " / ".join(f"{self.by_key[k].label} {len(v)}" for k, v in shares.items())
            label = self.by_key[s].label
            out += [Shortfall(Rule.EVEN, reason, p.key, p.name, dept, label, share) for p in here]
        return out
