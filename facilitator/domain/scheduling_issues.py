"""Why an assignment could not meet every wish: typed issues with bilingual messages."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import Enum

from facilitator.domain.scheduling_inputs import Person, RoleKind, Slot
from facilitator.errors import Msg

_SHOW_NAMES = 10


class IssueKind(Enum):
    PREFERENCE_CAPACITY = "preference_capacity"  # the wished session was full
    PREFERENCE_ROLE = "preference_role"  # kept apart from the department's (sub)leader
    PREFERENCE_SPLIT = "preference_split"  # moved so the department is split
    PREFERENCE_LOCKED = "preference_locked"  # placed by hand elsewhere
    NO_ROOM = "no_room"  # every session is full
    LOCKED_OVER_CAPACITY = "locked_over_capacity"
    ROLES_TOGETHER = "roles_together"
    NOT_SPLIT = "not_split"


@dataclass(frozen=True)
class Issue:
    kind: IssueKind
    names: tuple[str, ...]
    session: str = ""  # the session concerned (wished, or over capacity)
    moved_to: str = ""
    capacity: int = 0
    department: str = ""

    @property
    def message(self) -> Msg:
        n = len(self.names)
        shown = self.names[:_SHOW_NAMES]
        more_en = f" and {n - len(shown)} more" if n > len(shown) else ""
        more_ja = f" ほか {n - len(shown)} 名" if n > len(shown) else ""
        who_en = ", ".join(shown) + more_en
        who_ja = "、".join(shown) + more_ja
        k = IssueKind
        if self.kind == k.PREFERENCE_CAPACITY:
            return Msg(
                en=f"Capacity of {self.session} is {self.capacity}; {n} preferences for {self.session} moved to {self.moved_to}: {who_en}.",
                ja=f"{self.session} の定員は {self.capacity} 名のため、{self.session} 希望の {n} 名を {self.moved_to} にしました：{who_ja}。",
            )
        if self.kind == k.PREFERENCE_ROLE:
            return Msg(
                en=f"{n} preferences for {self.session} moved to {self.moved_to} so a department's leader and sub-leader attend different sessions: {who_en}.",
                ja=f"所属の DX推進リーダーとサブリーダーを別のセッションにするため、{self.session} 希望の {n} 名を {self.moved_to} にしました：{who_ja}。",
            )
        if self.kind == k.PREFERENCE_SPLIT:
            return Msg(
                en=f"{n} preferences for {self.session} moved to {self.moved_to} so no department is away all at once: {who_en}.",
                ja=f"所属の全員が同時に不在にならないよう、{self.session} 希望の {n} 名を {self.moved_to} にしました：{who_ja}。",
            )
        if self.kind == k.PREFERENCE_LOCKED:
            return Msg(
                en=f"{n} attendees wishing {self.session} were placed by hand in {self.moved_to}: {who_en}.",
                ja=f"{self.session} 希望の {n} 名は手動で {self.moved_to} に固定されています：{who_ja}。",
            )
        if self.kind == k.NO_ROOM:
            return Msg(
                en=f"All sessions are full (total capacity {self.capacity}); {n} attendees have no session: {who_en}. Raise a capacity or add a session.",
                ja=f"すべてのセッションが満員です（定員合計 {self.capacity} 名）。{n} 名が未割当です：{who_ja}。定員を増やすかセッションを追加してください。",
            )
        if self.kind == k.LOCKED_OVER_CAPACITY:
            return Msg(
                en=f"Capacity of {self.session} is {self.capacity}, but {n} more attendees are locked to it by hand: {who_en}.",
                ja=f"{self.session} の定員は {self.capacity} 名ですが、手動で固定された受講者が {n} 名超えています：{who_ja}。",
            )
        if self.kind == k.ROLES_TOGETHER:
            return Msg(
                en=f"{self.department}: the leader and sub-leader are both in {self.session} (locked or no room elsewhere): {who_en}.",
                ja=f"{self.department}：DX推進リーダーとサブリーダーが同じ {self.session} です（手動固定または他に空きなし）：{who_ja}。",
            )
        return Msg(
            en=f"{self.department}: all {n} attendees are in {self.session} (locked or no room elsewhere): {who_en}.",
            ja=f"{self.department}：{n} 名全員が {self.session} です（手動固定または他に空きなし）：{who_ja}。",
        )


def explain(
    *,
    by_key: Mapping[int, Slot],
    people: Sequence[Person],
    where: Mapping[int, int | None],
    unmet: Sequence[Person],
    reasons: Mapping[int, IssueKind],
    over_capacity: Mapping[int, Sequence[Person]],
    clashing: Sequence[str],
    unsplit: Sequence[str],
) -> list[Issue]:
    """Group what went unmet into issues, in a fixed order."""
    issues: list[Issue] = []
    for slot, locked in sorted(over_capacity.items()):
        s = by_key[slot]
        issues.append(
            Issue(
                IssueKind.LOCKED_OVER_CAPACITY,
                tuple(p.name for p in locked),
                s.label,
                "",
                s.capacity,
            )
        )
    homeless = [p for p in people if where.get(p.key) is None]
    if homeless:
        total = sum(s.capacity for s in by_key.values())
        issues.append(Issue(IssueKind.NO_ROOM, tuple(p.name for p in homeless), capacity=total))
    groups: dict[tuple[IssueKind, int, int], list[str]] = defaultdict(list)
    for p in unmet:
        got = where.get(p.key)
        assert got is not None and p.preferred is not None
        if p.locked_to is not None:
            kind = IssueKind.PREFERENCE_LOCKED
        else:
            kind = reasons.get(p.key, IssueKind.PREFERENCE_CAPACITY)
        groups[kind, p.preferred, got].append(p.name)
    for (kind, wished, got), names in sorted(
        groups.items(), key=lambda g: (g[0][0].value, g[0][1], g[0][2])
    ):
        issues.append(
            Issue(
                kind, tuple(names), by_key[wished].label, by_key[got].label, by_key[wished].capacity
            )
        )
    members: dict[str, list[Person]] = defaultdict(list)
    for p in people:
        members[p.department].append(p)
    for dept in clashing:
        pair = [p for p in members[dept] if p.role in (RoleKind.LEADER, RoleKind.SUBLEADER)]
        slots = {where.get(p.key) for p in pair} - {None}
        label = ", ".join(
            by_key[s].label for s in sorted(slots, key=lambda s: s or 0) if s is not None
        )
        issues.append(
            Issue(IssueKind.ROLES_TOGETHER, tuple(p.name for p in pair), label, department=dept)
        )
    for dept in unsplit:
        placed = [p for p in members[dept] if where.get(p.key) is not None]
        only = where.get(placed[0].key) if placed else None
        issues.append(
            Issue(
                IssueKind.NOT_SPLIT,
                tuple(p.name for p in placed),
                by_key[only].label if only is not None else "",
                department=dept,
            )
        )
    return issues
