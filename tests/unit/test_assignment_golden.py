"""The issue's staff list: 120 people, 50 departments of 2–3, a leader and a sub-leader in
each, 65 stated preferences, two sessions of 70.

The list is built deterministically so that its optimum can be proved by hand:
in 10 two-person departments the leader and the sub-leader both wish AM, and the
rule that keeps them apart (above preferences) lets only one of each pair have
it. Every other wish can be met at once, so the best plan meets 65 - 10 = 55.
"""

from __future__ import annotations

import random

from facilitator.domain.scheduling import assign
from facilitator.domain.scheduling_inputs import Person, RoleKind, Slot
from facilitator.domain.scheduling_issues import Reason, Rule
from facilitator.domain.scheduling_rules import Level
from facilitator.optimize.highs import solve_lexicographic

AM, PM = 1, 2


def staff_list() -> list[Person]:
    people: list[Person] = []

    def add(dept: str, role: RoleKind, wish: int | None) -> None:
        key = len(people)
        people.append(Person(key, f"職員{key:03d}", dept, role, wish, order=f"{key:05d}"))

    for d in range(30):  # two-person departments
        dept = f"第{d + 1:02d}課"
        if d < 10:  # both wish AM: only one can have it
            add(dept, RoleKind.LEADER, AM)
            add(dept, RoleKind.SUBLEADER, AM)
        else:  # wishes that fit together
            add(dept, RoleKind.LEADER, PM)
            add(dept, RoleKind.SUBLEADER, AM)
    for d in range(30, 50):  # three-person departments
        dept = f"第{d + 1:02d}課"
        add(dept, RoleKind.LEADER, None)
        add(dept, RoleKind.SUBLEADER, None)
        add(dept, RoleKind.OTHER, AM if d < 35 else None)
    random.Random(16).shuffle(people)  # the order of the list must not matter
    return people


def test_the_issues_list_meets_the_proved_optimum_of_55() -> None:
    people = staff_list()
    assert len(people) == 120
    assert len({p.department for p in people}) == 50
    assert sum(1 for p in people if p.preferred is not None) == 65
    slots = [Slot(AM, "AM", 70), Slot(PM, "PM", 70)]
    plan = assign(slots, people, solve_lexicographic)
    assert plan.preferences_stated == 65
    assert plan.preferences_met == 55
    assert plan.optima[Level.PREFERENCES] == 10  # the solver's own optimum: 10 unmet
    # The higher rules all hold: every department split, leaders apart, nobody left out.
    assert plan.unassigned == 0
    assert plan.split_departments == plan.departments_with_2plus == 50
    assert plan.optima[Level.ROLES_APART] == plan.optima[Level.SPLIT] == 0
    assert max(plan.counts.values()) <= 70
    # Each unmet wish is one of the both-AM pairs, and says why.
    unmet = [s for s in plan.shortfalls if s.rule == Rule.PREFERENCE]
    assert len(unmet) == 10
    assert {s.reason for s in unmet} == {Reason.ROLES_APART}
    assert {s.department for s in unmet} == {f"第{d + 1:02d}課" for d in range(10)}
    assert plan.optima[Level.BALANCE] == 0 and plan.counts == {AM: 60, PM: 60}
