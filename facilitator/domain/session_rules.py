"""The rules a session plan keeps, checked for the plan as it is and for a move by hand.

The automatic assignment (`scheduling`) tries to keep them; a trainer moving
people by drag or menu can break them. The roster view asks `check_move`
before it moves anyone, warns with each rule the move would break (by name),
and lets the trainer confirm; the session lists show `rule_breaks` of the plan
as it is. Capacity is a hard rule: the roster service refuses a move past it,
so a move that would overfill a session is stopped here with its reason,
before anything is written.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from enum import Enum

from facilitator.domain.scheduling_inputs import RoleKind
from facilitator.errors import Msg


class Rule(Enum):
    LEADERS_APART = "leaders_apart"  # a department's leader and sub-leader in different sessions
    OFFICE_NOT_EMPTY = "office_not_empty"  # not every member of a department in one session
    CAPACITY = "capacity"  # a session holds at most its capacity

    @property
    def title(self) -> Msg:
        return _TITLES[self]


_TITLES = {
    Rule.LEADERS_APART: Msg(
        en="A department's leader and sub-leader attend different sessions",
        ja="所属のリーダーとサブリーダーは別のセッションにする",
    ),
    Rule.OFFICE_NOT_EMPTY: Msg(
        en="A department is never all in one session (its office stays staffed)",
        ja="所属の全員を同じセッションにしない（職場を空けない）",
    ),
    Rule.CAPACITY: Msg(
        en="A session holds at most its capacity",
        ja="セッションの人数は定員まで",
    ),
}


@dataclass(frozen=True)
class Seat:
    """A session as the rules see it."""

    id: int
    label: str
    capacity: int


@dataclass(frozen=True)
class Member:
    """An attendee as the rules see it."""

    id: int
    name: str
    department: str
    role: RoleKind
    session_id: int | None


@dataclass(frozen=True)
class RuleBreak:
    rule: Rule
    session_id: int
    session: str  # its label
    department: str  # "" for capacity
    member_ids: tuple[int, ...]  # whom it is about (for capacity: everyone in the session)
    names: tuple[str, ...]
    capacity: int = 0

    @property
    def key(self) -> tuple[Rule, int, str]:
        """The same break before and after a move has the same key."""
        return (self.rule, self.session_id, self.department)

    @property
    def message(self) -> Msg:
        """The rule's name, then what breaks it here."""
        who = "、".join(self.names)
        if self.rule is Rule.LEADERS_APART:
            detail = Msg(
                en=f"{self.department}: both in {self.session} ({who})",
                ja=f"{self.department}：2 人とも {self.session}（{who}）",
            )
        elif self.rule is Rule.OFFICE_NOT_EMPTY:
            n = len(self.member_ids)
            detail = Msg(
                en=f"{self.department}: all {n} in {self.session} ({who})",
                ja=f"{self.department}：{n} 名全員が {self.session}（{who}）",
            )
        else:
            n = len(self.member_ids)
            detail = Msg(
                en=f"{self.session}: {n} for {self.capacity} places",
                ja=f"{self.session}：定員 {self.capacity} 名に {n} 名",
            )
        title = self.rule.title
        return Msg(en=f"{title.en} — {detail.en}", ja=f"{title.ja} — {detail.ja}")


@dataclass(frozen=True)
class MoveCheck:
    """What a move would do to the rules."""

    blocked: RuleBreak | None  # a hard rule (capacity) the move cannot break
    new_breaks: tuple[RuleBreak, ...]  # soft rules broken by the move, not before it

    @property
    def clean(self) -> bool:
        return self.blocked is None and not self.new_breaks


def rule_breaks(seats: Sequence[Seat], members: Iterable[Member]) -> list[RuleBreak]:
    """Every rule the plan breaks now, session by session in the seats' order."""
    people = list(members)
    by_session: dict[int, list[Member]] = defaultdict(list)
    department_size: dict[str, int] = defaultdict(int)
    for m in people:
        department_size[m.department] += 1
        if m.session_id is not None:
            by_session[m.session_id].append(m)
    breaks: list[RuleBreak] = []
    for seat in seats:
        inside = by_session.get(seat.id, [])
        if len(inside) > seat.capacity:
            breaks.append(_break(Rule.CAPACITY, seat, "", inside, capacity=seat.capacity))
        by_department: dict[str, list[Member]] = defaultdict(list)
        for m in inside:
            by_department[m.department].append(m)
        for department in sorted(by_department):
            group = by_department[department]
            roles = {m.role for m in group}
            if RoleKind.LEADER in roles and RoleKind.SUBLEADER in roles:
                pair = [m for m in group if m.role is not RoleKind.OTHER]
                breaks.append(_break(Rule.LEADERS_APART, seat, department, pair))
            # With one session there is nowhere else to go: not a break.
            size = department_size[department]
            if len(seats) >= 2 and size >= 2 and len(group) == size:
                breaks.append(_break(Rule.OFFICE_NOT_EMPTY, seat, department, group))
    return breaks


def check_move(
    seats: Sequence[Seat], members: Sequence[Member], ids: Iterable[int], target: int | None
) -> MoveCheck:
    """The rules moving `ids` into `target` (None: out of every session) would break."""
    moving = set(ids)
    after = [replace(m, session_id=target) if m.id in moving else m for m in members]
    before_keys = {b.key for b in rule_breaks(seats, members)}
    after_breaks = rule_breaks(seats, after)
    arriving = any(m.id in moving and m.session_id != target for m in members)
    # Capacity is checked on the target even when it was already over (locked people):
    # the service refuses any arrival past it.
    blocked = next(
        (
            b
            for b in after_breaks
            if b.rule is Rule.CAPACITY and b.session_id == target and arriving
        ),
        None,
    )
    new = tuple(b for b in after_breaks if b.key not in before_keys and b.rule is not Rule.CAPACITY)
    return MoveCheck(blocked, new)


def _break(
    rule: Rule, seat: Seat, department: str, who: Sequence[Member], capacity: int = 0
) -> RuleBreak:
    return RuleBreak(
        rule,
        seat.id,
        seat.label,
        department,
        tuple(m.id for m in who),
        tuple(m.name for m in who) if rule is not Rule.CAPACITY else (),
        capacity,
    )
