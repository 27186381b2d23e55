"""Session assignment: hard rules always hold; soft rules hold whenever capacity allows."""

from __future__ import annotations

from collections import defaultdict

from hypothesis import given, settings
from hypothesis import strategies as st

from facilitator.domain.scheduling import Plan, assign
from facilitator.domain.scheduling_inputs import Person, RoleKind, Slot, role_kind
from facilitator.domain.scheduling_issues import IssueKind


@st.composite
def rosters(draw: st.DrawFn, *, locks: bool) -> tuple[list[Slot], list[Person]]:
    n_slots = draw(st.integers(1, 4))
    n_people = draw(st.integers(0, 60))
    n_depts = draw(st.integers(1, 15))
    people = []
    # As in a real roster, a department has at most one leader and one sub-leader.
    taken: set[tuple[str, RoleKind]] = set()
    for key in range(n_people):
        dept = f"課{draw(st.integers(0, n_depts - 1))}"
        preferred = draw(st.none() | st.integers(0, n_slots - 1))
        role = draw(st.sampled_from(list(RoleKind)))
        if role != RoleKind.OTHER and (dept, role) in taken:
            role = RoleKind.OTHER
        taken.add((dept, role))
        people.append(Person(key, f"人{key}", dept, role, preferred, None, f"{key:05d}"))
    slots = [Slot(i, f"S{i}", draw(st.integers(1, 40))) for i in range(n_slots)]
    if locks:
        # Locked people never exceed a session's capacity: the UI refuses such moves.
        room = {s.key: s.capacity for s in slots}
        locked = []
        for p in people:
            target = draw(st.none() | st.integers(0, n_slots - 1))
            if target is not None and room[target] > 0:
                room[target] -= 1
                p = Person(p.key, p.name, p.department, p.role, p.preferred, target, p.order)
            locked.append(p)
        people = locked
    return slots, people


def departments(people: list[Person]) -> dict[str, list[Person]]:
    out: dict[str, list[Person]] = defaultdict(list)
    for p in people:
        out[p.department].append(p)
    return out


@settings(max_examples=150, deadline=None)
@given(rosters(locks=True))
def test_capacity_and_locks_are_never_broken(case: tuple[list[Slot], list[Person]]) -> None:
    slots, people = case
    plan = assign(slots, people)
    for slot in slots:
        placed = [k for k, s in plan.placements.items() if s == slot.key]
        assert len(placed) <= slot.capacity
        assert plan.counts[slot.key] == len(placed)
    for p in people:
        if p.locked_to is not None:
            assert plan.placements[p.key] == p.locked_to
    # Everyone is placed when there is room for everyone.
    if sum(s.capacity for s in slots) >= len(people):
        assert plan.unassigned == 0
    assert plan == assign(slots, list(reversed(people)))  # deterministic, order-free


@settings(max_examples=300, deadline=None)
@given(rosters(locks=False))
def test_departments_are_split_whenever_capacity_allows(
    case: tuple[list[Slot], list[Person]],
) -> None:
    slots, people = case
    depts = departments(people)
    two_plus = sum(1 for members in depts.values() if len(members) >= 2)
    roomy = sum(s.capacity for s in slots) >= len(people) and all(
        s.capacity >= two_plus for s in slots
    )
    plan = assign(slots, people)
    assert plan.departments_with_2plus == two_plus
    if len(slots) >= 2 and roomy:
        for members in depts.values():
            if len(members) >= 2:
                assert len({plan.placements[p.key] for p in members}) >= 2
        assert plan.split_departments == two_plus
        assert not [i for i in plan.issues if i.kind == IssueKind.NOT_SPLIT]


def test_leaders_apart_preferences_and_balance() -> None:
    slots = [Slot(1, "AM", 10), Slot(2, "PM", 10)]
    people = [
        Person(1, "リーダー", "総務課", RoleKind.LEADER, preferred=1, order="1"),
        Person(2, "サブ", "総務課", RoleKind.SUBLEADER, preferred=1, order="2"),
        Person(3, "一人", "人事課", RoleKind.OTHER, preferred=2, order="3"),
        Person(4, "甲", "企画課", order="4"),
        Person(5, "乙", "企画課", order="5"),
        Person(6, "丙", "企画課", order="6"),
    ]
    plan = assign(slots, people)
    assert plan.placements[1] == 1 and plan.placements[2] == 2  # leader kept their wish
    assert plan.placements[3] == 2
    assert len({plan.placements[k] for k in (4, 5, 6)}) == 2
    assert sorted(plan.counts.values()) == [3, 3]
    assert plan.unmet_preferences == 1
    (issue,) = plan.issues
    assert issue.kind == IssueKind.PREFERENCE_ROLE and issue.names == ("サブ",)


def test_full_session_says_who_moved_and_why() -> None:
    slots = [Slot(1, "AM", 3), Slot(2, "PM", 40)]
    people = [Person(k, f"人{k}", f"課{k}", preferred=2, order=f"{k:02d}") for k in range(43)]
    plan: Plan = assign(slots, people)
    assert plan.counts == {1: 3, 2: 40}
    (issue,) = plan.issues
    assert issue.kind == IssueKind.PREFERENCE_CAPACITY
    assert len(issue.names) == 3
    assert issue.message.en.startswith("Capacity of PM is 40; 3 preferences for PM moved to AM")
    assert "PM の定員は 40 名" in issue.message.ja


def test_no_room_leaves_people_unassigned_and_says_so() -> None:
    plan = assign(
        [Slot(1, "AM", 1)], [Person(1, "甲", "課", order="1"), Person(2, "乙", "課", order="2")]
    )
    assert plan.unassigned == 1
    assert plan.issues[0].kind == IssueKind.NO_ROOM


def test_role_names() -> None:
    assert role_kind("DX推進リーダー") == RoleKind.LEADER
    assert role_kind("ｻﾌﾞﾘｰﾀﾞｰ") == RoleKind.SUBLEADER
    assert role_kind("Sub-leader") == RoleKind.SUBLEADER
    assert role_kind("") == RoleKind.OTHER
