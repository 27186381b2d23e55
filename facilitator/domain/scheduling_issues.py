"""What an assignment could not meet, person by person and rule by rule, and why.

A `Shortfall` names one person, the rule not met for them and the reason; a
`Move` names one already-placed person whose session changes and why. `group`
folds shortfalls into `Issue`s (one line each on screen) with bilingual messages.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from enum import Enum

from facilitator.errors import Msg

_SHOW_NAMES = 10


class Rule(Enum):
    """The rule a shortfall breaks, hard rules first, then the soft ones in priority order."""

    CAPACITY = "capacity"  # locked attendees exceed a session's capacity
    PLACED = "placed"  # the person has no session
    ROLES_APART = "roles_apart"
    SPLIT = "split"
    EVEN = "even"
    PREFERENCE = "preference"


class Reason(Enum):
    """Why: a hard limit (capacity, lock, 不可) or a conflict with a higher rule."""

    CAPACITY = "capacity"
    LOCK = "lock"
    UNAVAILABLE = "unavailable"
    ROLES_APART = "roles_apart"  # keeping the leader and sub-leader apart
    SPLIT = "split"  # splitting the department
    EVEN = "even"  # keeping the department's shares even
    STAYED = "stayed"  # already placed: re-assignment keeps them (slips may be out)
    FRESH = "fresh"  # `--fresh`: everyone was reassigned


@dataclass(frozen=True)
class Shortfall:
    rule: Rule
    reason: Reason
    key: int
    name: str
    department: str
    session: str = ""  # the wished session, or the session concerned
    placed_in: str = ""  # where the person is ("" when nowhere)
    capacity: int = 0  # of `session`, for capacity messages


@dataclass(frozen=True)
class Move:
    """An already-placed person whose session changes; `to_label` "" means no session."""

    key: int
    name: str
    department: str
    from_label: str
    to_label: str
    reason: Reason

    @property
    def message(self) -> Msg:
        why = REASON_TEXT[self.reason]
        to_en = self.to_label or "no session"
        to_ja = self.to_label or "未割当"
        return Msg(
            en=f"{self.name} ({self.department}): {self.from_label} → {to_en} — {why.en}",
            ja=f"{self.name}（{self.department}）：{self.from_label} → {to_ja}（{why.ja}）",
        )


REASON_TEXT: dict[Reason, Msg] = {
    Reason.CAPACITY: Msg(en="the session is full", ja="定員に達しているため"),
    Reason.LOCK: Msg(en="placed by hand (locked)", ja="手動で固定されているため"),
    Reason.UNAVAILABLE: Msg(en="marked unavailable (不可)", ja="不可の指定があるため"),
    Reason.ROLES_APART: Msg(
        en="to keep the department's leader and sub-leader apart",
        ja="DX推進リーダーとサブリーダーを別のセッションにするため",
    ),
    Reason.SPLIT: Msg(
        en="so the department is not away all at once", ja="所属の全員が同時に不在にならないため"
    ),
    Reason.EVEN: Msg(
        en="to keep the department's shares even", ja="所属の人数をセッション間で均等にするため"
    ),
    Reason.STAYED: Msg(
        en="already placed there (the slip may be out); lock them by hand to move them",
        ja="すでに割り当て済みのため（受講票送付済みの可能性）。移すには手動で固定してください",
    ),
    Reason.FRESH: Msg(en="everyone was reassigned (--fresh)", ja="全員を割り当て直したため"),
}


@dataclass(frozen=True)
class Issue:
    """Shortfalls of one rule, reason and session (or department), for one line on screen."""

    rule: Rule
    reason: Reason
    names: tuple[str, ...]
    session: str = ""
    placed_in: str = ""
    capacity: int = 0
    department: str = ""

    @property
    def message(self) -> Msg:
        n = len(self.names)
        shown = self.names[:_SHOW_NAMES]
        who_en = ", ".join(shown) + (f" and {n - len(shown)} more" if n > len(shown) else "")
        who_ja = "、".join(shown) + (f" ほか {n - len(shown)} 名" if n > len(shown) else "")
        why = REASON_TEXT[self.reason]
        what = self._what(n)
        return Msg(en=f"{what.en} — {why.en}: {who_en}.", ja=f"{what.ja}（{why.ja}）：{who_ja}。")

    def _what(self, n: int) -> Msg:
        s, got, dept = self.session, self.placed_in, self.department
        if self.rule == Rule.CAPACITY:
            return Msg(
                en=f"Capacity of {s} is {self.capacity}, but {n} more attendees are locked to it",
                ja=f"{s} の定員は {self.capacity} 名ですが、固定された受講者が {n} 名超えています",
            )
        if self.rule == Rule.PLACED:
            return Msg(
                en=f"{n} attendees have no session (total capacity {self.capacity})",
                ja=f"{n} 名が未割当です（定員合計 {self.capacity} 名）",
            )
        if self.rule == Rule.PREFERENCE:
            return Msg(
                en=f"{n} preferences for {s} not met, placed in {got}",
                ja=f"{s} 希望の {n} 名を {got} にしました",
            )
        if self.rule == Rule.ROLES_APART:
            return Msg(
                en=f"{dept}: leader and sub-leader are both in {s}",
                ja=f"{dept}：DX推進リーダーとサブリーダーが同じ {s} です",
            )
        if self.rule == Rule.SPLIT:
            return Msg(
                en=f"{dept}: all {n} attendees are in {s}",
                ja=f"{dept}：{n} 名全員が {s} です",
            )
        return Msg(
            en=f"{dept}: the share in {s} is not even ({got})",
            ja=f"{dept}：{s} の人数が均等ではありません（{got}）",
        )


def group(shortfalls: Sequence[Shortfall]) -> list[Issue]:
    """One issue per rule, reason and session (or department), in rule order."""
    buckets: dict[tuple[int, str, str, str, str, int, str], list[str]] = defaultdict(list)
    rules = list(Rule)
    reasons = list(Reason)
    for f in shortfalls:
        dept = f.department if f.rule in (Rule.ROLES_APART, Rule.SPLIT, Rule.EVEN) else ""
        placed_in = f.placed_in if f.rule in (Rule.PREFERENCE, Rule.EVEN) else ""
        key = (rules.index(f.rule), dept, f.session, placed_in, f.reason.value, f.capacity, "")
        buckets[key].append(f.name)
    issues = []
    for key in sorted(buckets, key=lambda k: (k[0], k[1], k[2], k[3], reasons.index(Reason(k[4])))):
        rule_i, dept, session, placed_in, reason, capacity, _ = key
        issues.append(
            Issue(
                rules[rule_i],
                Reason(reason),
                tuple(buckets[key]),
                session,
                placed_in,
                capacity,
                dept,
            )
        )
    return issues
