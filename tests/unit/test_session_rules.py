"""The rules a move by hand can break: named, only the new ones, capacity as a hard stop."""

from __future__ import annotations

from facilitator.domain.scheduling_inputs import RoleKind
from facilitator.domain.session_rules import Member, Rule, Seat, check_move, rule_breaks

AM, PM = Seat(1, "AM", 3), Seat(2, "PM", 3)
SEATS = (AM, PM)


def people() -> list[Member]:
    return [
        Member(10, "Leader", "Tax", RoleKind.LEADER, AM.id),
        Member(11, "Sub", "Tax", RoleKind.SUBLEADER, PM.id),
        Member(20, "Alone", "Audit", RoleKind.OTHER, AM.id),
        Member(21, "Pair", "Audit", RoleKind.OTHER, PM.id),
        Member(30, "Solo", "Legal", RoleKind.OTHER, PM.id),
    ]


def test_a_good_plan_breaks_nothing_and_a_neutral_move_is_clean() -> None:
    assert rule_breaks(SEATS, people()) == []
    # Legal has one member: it may sit anywhere.
    assert check_move(SEATS, people(), [30], AM.id).clean


def test_moving_the_sub_leader_to_the_leader_s_session_names_the_rule() -> None:
    check = check_move(SEATS, people(), [11], AM.id)
    assert check.blocked is None
    rules = {b.rule for b in check.new_breaks}
    # Tax is then all in AM too: both rules are named.
    assert rules == {Rule.LEADERS_APART, Rule.OFFICE_NOT_EMPTY}
    leaders = next(b for b in check.new_breaks if b.rule is Rule.LEADERS_APART)
    assert leaders.member_ids == (10, 11) and leaders.session == "AM"
    assert leaders.message.ja.startswith("所属のリーダーとサブリーダーは別のセッションにする — Tax")
    assert "both in AM (Leader、Sub)" in leaders.message.en


def test_a_department_all_in_one_session_is_a_break_but_not_with_one_session() -> None:
    check = check_move(SEATS, people(), [21], AM.id)
    (office,) = check.new_breaks
    assert office.rule is Rule.OFFICE_NOT_EMPTY and office.department == "Audit"
    assert "全員" in office.message.ja
    only_am = [Member(m.id, m.name, m.department, m.role, AM.id) for m in people()[2:4]]
    assert rule_breaks((Seat(1, "AM", 10),), only_am) == []


def test_a_break_that_was_already_there_is_not_new() -> None:
    together = [
        Member(10, "Leader", "Tax", RoleKind.LEADER, AM.id),
        Member(11, "Sub", "Tax", RoleKind.SUBLEADER, AM.id),
        Member(12, "Other", "Tax", RoleKind.OTHER, PM.id),
    ]
    assert [b.rule for b in rule_breaks(SEATS, together)] == [Rule.LEADERS_APART]
    # The pair stays a break, but only the emptied office is news.
    new = check_move(SEATS, together, [12], AM.id).new_breaks
    assert [b.rule for b in new] == [Rule.OFFICE_NOT_EMPTY]


def test_a_move_past_capacity_is_blocked_with_its_reason() -> None:
    crowd = [*people(), Member(40, "Extra", "Legal", RoleKind.OTHER, None)]
    check = check_move(SEATS, crowd, [40], PM.id)  # PM holds 3 of 3
    assert check.blocked is not None and check.blocked.rule is Rule.CAPACITY
    assert check.blocked.message.en == "A session holds at most its capacity — PM: 4 for 3 places"
    # Taking someone out of a full session is never blocked.
    assert check_move(SEATS, crowd, [30], None).blocked is None
