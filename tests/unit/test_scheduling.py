"""Session assignment: the solver's plan is the lexicographic optimum, checked by brute force.

The brute force scores every possible placement with its own, separate count of
the rules (not the model's), so a wrong constraint in the model shows up here.
"""

from __future__ import annotations

import itertools
from collections import defaultdict
from collections.abc import Sequence

from hypothesis import example, given, settings
from hypothesis import strategies as st

from facilitator.domain.scheduling import Plan, assign
from facilitator.domain.scheduling_inputs import Person, RoleKind, Slot, role_kind
from facilitator.domain.scheduling_issues import Reason, Rule
from facilitator.domain.scheduling_rules import Level
from facilitator.optimize.highs import solve_lexicographic


def plan_of(slots: Sequence[Slot], people: Sequence[Person], *, fresh: bool = False) -> Plan:
    return assign(slots, people, solve_lexicographic, fresh=fresh)


def score(
    slots: Sequence[Slot], people: Sequence[Person], where: dict[int, int | None]
) -> tuple[int, ...]:
    """The rules in priority order, counted directly (lower is better)."""
    keys = [s.key for s in slots]
    k = len(keys)
    depts: dict[str, list[Person]] = defaultdict(list)
    for p in people:
        depts[p.department].append(p)
    clashes = unsplit = worst = gaps = 0
    for members in depts.values():
        for s in keys:
            roles = {p.role for p in members if where[p.key] == s}
            clashes += {RoleKind.LEADER, RoleKind.SUBLEADER} <= roles
        n = len(members)
        if k >= 2 and n >= 2:
            shares = [sum(1 for p in members if where[p.key] == s) for s in keys]
            unsplit += n in shares
            low, high = n // k, -(-n // k)
            for share in shares:
                gap = max(0, share - high) + max(0, low - share)
                worst, gaps = max(worst, gap), gaps + gap
    sizes = [sum(1 for v in where.values() if v == s) for s in keys]
    return (
        sum(1 for v in where.values() if v is None),
        clashes,
        unsplit,
        worst,
        gaps,
        sum(1 for p in people if p.current in keys and where[p.key] != p.current),
        sum(1 for p in people if p.preferred is not None and where[p.key] != p.preferred),
        max(sizes) - min(sizes) if k >= 2 else 0,
    )


def feasible(slots: Sequence[Slot], people: Sequence[Person]) -> list[dict[int, int | None]]:
    """Every placement that keeps the hard rules (capacity, locks, 不可)."""
    options: list[list[int | None]] = []
    for p in people:
        if p.locked_to is not None:
            options.append([p.locked_to])
        else:
            options.append([None, *(s.key for s in slots if s.key not in p.unavailable)])
    out = []
    for combo in itertools.product(*options):
        where = {p.key: s for p, s in zip(people, combo, strict=True)}
        locked = {s.key: sum(1 for p in people if p.locked_to == s.key) for s in slots}
        if all(
            sum(1 for v in combo if v == s.key) <= max(s.capacity, locked[s.key]) for s in slots
        ):
            out.append(where)
    return out


@st.composite
def rosters(draw: st.DrawFn, *, max_people: int = 6) -> tuple[list[Slot], list[Person]]:
    n_slots = draw(st.integers(1, 3))
    slots = [Slot(i, f"S{i}", draw(st.integers(0, 4))) for i in range(n_slots)]
    n_people = draw(st.integers(0, max_people))
    people = []
    taken: set[tuple[str, RoleKind]] = set()  # one leader and one sub-leader per department
    room = {s.key: s.capacity for s in slots}
    for key in range(n_people):
        dept = f"課{draw(st.integers(0, 2))}"
        role = draw(st.sampled_from(list(RoleKind)))
        if role != RoleKind.OTHER and (dept, role) in taken:
            role = RoleKind.OTHER
        taken.add((dept, role))
        unavailable = frozenset(draw(st.sets(st.integers(0, n_slots - 1), max_size=n_slots - 1)))
        open_slots = [s for s in range(n_slots) if s not in unavailable]
        preferred = draw(st.none() | st.sampled_from(open_slots))
        locked = draw(st.none() | st.sampled_from(open_slots))
        if locked is not None and room[locked] > 0:
            room[locked] -= 1  # the UI refuses to lock more people than a session holds
        else:
            locked = None
        current = draw(st.none() | st.sampled_from(open_slots))
        if locked is not None:
            current = locked
        people.append(
            Person(
                key, f"人{key}", dept, role, preferred, locked, f"{key:05d}", unavailable, current
            )
        )
    return slots, people


def achieved(slots: Sequence[Slot], people: Sequence[Person], plan: Plan) -> tuple[int, ...]:
    return score(slots, people, plan.placements)


@settings(max_examples=120, deadline=None)
@given(rosters())
def test_every_level_equals_the_brute_force_optimum(case: tuple[list[Slot], list[Person]]) -> None:
    slots, people = case
    plan = plan_of(slots, people)
    best = min(score(slots, people, w) for w in feasible(slots, people))
    assert achieved(slots, people, plan) == best
    # In particular the preference count: met = stated - the optimum's unmet.
    assert plan.preferences_met == plan.preferences_stated - best[6]


def _noise_case() -> tuple[list[Slot], list[Person]]:
    """HiGHS answered 4.000001 for an even-share total of 4; keeping that level at
    4 + 1e-6 made the balance level infeasible (found by this test in CI)."""
    slots = [Slot(0, "S0", 2), Slot(1, "S1", 3), Slot(2, "S2", 4)]
    spec = [
        ("課1", RoleKind.LEADER, {0, 1}),
        ("課0", RoleKind.LEADER, set()),
        ("課1", RoleKind.OTHER, {1}),
        ("課1", RoleKind.OTHER, {0, 1}),
    ] + [("課0", RoleKind.OTHER, set())] * 5
    people = [
        Person(k, f"人{k}", dept, role, None, None, f"{k:05d}", frozenset(off), None)
        for k, (dept, role, off) in enumerate(spec)
    ]
    return slots, people


@settings(max_examples=120, deadline=None)
@given(rosters(max_people=12))
@example(_noise_case())
def test_hard_rules_always_hold(case: tuple[list[Slot], list[Person]]) -> None:
    slots, people = case
    plan = plan_of(slots, people)
    for slot in slots:
        placed = [k for k, s in plan.placements.items() if s == slot.key]
        assert len(placed) <= slot.capacity
        assert plan.counts[slot.key] == len(placed)
    for p in people:
        if p.locked_to is not None:
            assert plan.placements[p.key] == p.locked_to
        assert plan.placements[p.key] not in p.unavailable
    assert plan == plan_of(slots, list(reversed(people)))  # deterministic, order-free


@settings(max_examples=80, deadline=None)
@given(rosters(max_people=5), st.data())
def test_adding_one_person_moves_only_what_the_rules_force(
    case: tuple[list[Slot], list[Person]], data: st.DataObject
) -> None:
    slots, people = case
    first = plan_of(slots, people)
    placed = [
        Person(
            p.key,
            p.name,
            p.department,
            p.role,
            p.preferred,
            p.locked_to,
            p.order,
            p.unavailable,
            first.placements[p.key],
        )
        for p in people
    ]
    dept = data.draw(st.sampled_from(["課0", "課1", "課2"]))
    role = data.draw(st.sampled_from(list(RoleKind)))
    newcomer = Person(99, "新人", dept, role, order="99999")
    roster = [*placed, newcomer]
    again = plan_of(slots, roster)
    scores = [score(slots, roster, w) for w in feasible(slots, roster)]
    rules_optimum = min(s[:5] for s in scores)
    forced = min(s[5] for s in scores if s[:5] == rules_optimum)
    assert len(again.moves) == forced
    assert achieved(slots, roster, again)[:5] == rules_optimum
    for move in again.moves:
        assert move.key != 99 and move.reason != Reason.FRESH


def test_moves_are_listed_with_a_reason_when_capacity_drops() -> None:
    slots = [Slot(1, "AM", 3), Slot(2, "PM", 5)]
    people = [Person(k, f"人{k}", f"課{k}", current=1, order=f"{k:02d}") for k in range(5)]
    plan = plan_of(slots, people)
    assert len(plan.moves) == 2  # two must leave AM; nobody else moves
    assert {m.reason for m in plan.moves} == {Reason.CAPACITY}
    assert all(m.from_label == "AM" and m.to_label == "PM" for m in plan.moves)
    assert "AM → PM" in plan.moves[0].message.en and "定員" in plan.moves[0].message.ja


def test_a_department_all_in_one_session_is_split_by_one_move() -> None:
    slots = [Slot(1, "AM", 10), Slot(2, "PM", 10)]
    people = [Person(k, f"人{k}", "課", preferred=2, current=1, order=f"{k}") for k in range(2)]
    plan = plan_of(slots, people)
    assert [m.reason for m in plan.moves] == [Reason.SPLIT]  # one moves, to PM as wished
    assert plan.preferences_met == 1


def test_fresh_reassigns_everyone_and_says_so() -> None:
    slots = [Slot(1, "AM", 10), Slot(2, "PM", 10)]
    people = [Person(k, f"人{k}", f"課{k}", preferred=2, current=1, order=f"{k}") for k in range(2)]
    kept = plan_of(slots, people)
    assert kept.moves == () and kept.preferences_met == 0
    assert {s.reason for s in kept.shortfalls} == {Reason.STAYED}
    fresh = plan_of(slots, people, fresh=True)
    assert [m.reason for m in fresh.moves] == [Reason.FRESH, Reason.FRESH]
    assert fresh.preferences_met == 2


def test_a_wish_kept_from_by_an_earlier_placement_says_so() -> None:
    slots = [Slot(1, "AM", 10), Slot(2, "PM", 10)]
    people = [Person(1, "甲", "課", preferred=2, current=1, order="1")]
    plan = plan_of(slots, people)
    assert plan.placements[1] == 1
    (short,) = plan.shortfalls
    assert (short.rule, short.reason) == (Rule.PREFERENCE, Reason.STAYED)


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
    plan = plan_of(slots, people)
    assert plan.placements[1] != plan.placements[2]
    assert plan.placements[3] == 2
    assert len({plan.placements[k] for k in (4, 5, 6)}) == 2
    assert sorted(plan.counts.values()) == [3, 3]
    assert plan.unmet_preferences == 1
    (issue,) = plan.issues
    assert (issue.rule, issue.reason) == (Rule.PREFERENCE, Reason.ROLES_APART)
    assert "DX推進リーダーとサブリーダー" in issue.message.ja


def test_full_session_says_who_moved_and_why() -> None:
    slots = [Slot(1, "AM", 3), Slot(2, "PM", 40)]
    people = [Person(k, f"人{k}", f"課{k}", preferred=2, order=f"{k:02d}") for k in range(43)]
    plan = plan_of(slots, people)
    assert plan.counts == {1: 3, 2: 40}
    (issue,) = plan.issues
    assert (issue.rule, issue.reason) == (Rule.PREFERENCE, Reason.CAPACITY)
    assert len(issue.names) == 3
    assert issue.message.en.startswith(
        "3 preferences for PM not met, placed in AM — the session is full"
    )
    assert "PM 希望の 3 名を AM にしました（定員に達しているため）" in issue.message.ja


def test_unavailable_is_a_hard_rule_and_explains_itself() -> None:
    slots = [Slot(1, "AM", 1), Slot(2, "PM", 5)]
    people = [
        Person(1, "甲", "課", order="1", unavailable=frozenset({2})),
        Person(2, "乙", "課", order="2", unavailable=frozenset({2})),
    ]
    plan = plan_of(slots, people)
    assert plan.unassigned == 1
    rules = {(s.rule, s.reason) for s in plan.shortfalls}
    assert (Rule.PLACED, Reason.CAPACITY) in rules


def test_no_room_leaves_people_unassigned_and_says_so() -> None:
    plan = plan_of(
        [Slot(1, "AM", 1)], [Person(1, "甲", "課", order="1"), Person(2, "乙", "課", order="2")]
    )
    assert plan.unassigned == 1
    assert plan.issues[0].rule == Rule.PLACED
    assert plan.optima[Level.PLACED] == 1


def test_role_names() -> None:
    assert role_kind("DX推進リーダー") == RoleKind.LEADER
    assert role_kind("ｻﾌﾞﾘｰﾀﾞｰ") == RoleKind.SUBLEADER
    assert role_kind("Sub-leader") == RoleKind.SUBLEADER
    assert role_kind("") == RoleKind.OTHER
