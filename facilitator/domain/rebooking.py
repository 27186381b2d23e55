"""Day-of rebooking: who of a session's no-shows may move to a later session.

A no-show is offered the later session when it has room and the department's
rules still hold there:
- its DX推進リーダー and サブリーダー stay apart (a leader does not join the
  later session while the sub-leader attends it, nor the other way round);
- the department is not away all at once: at least one of a department of two
  or more stays out of the later session (a no-show was at their desk during the
  morning; in the afternoon somebody else must be).

Even shares (rule 2's second half) are not asked for: the morning is over, so
the only share left to protect is the office's cover in the afternoon.

Within a department, people without a role go first (they block nobody), then
the leader and the sub-leader; departments come in roster order, people by
staff number, so the same no-shows always give the same offers.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from enum import Enum

from facilitator.domain.scheduling_inputs import RoleKind


class RebookOutcome(Enum):
    MOVED = "moved"
    NO_ROOM = "no_room"  # the later session is full
    ROLES_APART = "roles_apart"  # their (sub-)leader counterpart attends the later session
    SPLIT = "split"  # the whole department would be away in the later session


@dataclass(frozen=True)
class Member:
    """Someone of a department as the roster has them now."""

    key: int
    department: str
    role: RoleKind
    in_target: bool  # assigned to the later session already
    no_show: bool  # assigned to the earlier session and not checked in
    order: str = ""


@dataclass(frozen=True)
class Offer:
    key: int
    outcome: RebookOutcome


_PARTNER = {RoleKind.LEADER: RoleKind.SUBLEADER, RoleKind.SUBLEADER: RoleKind.LEADER}


def plan_rebooking(members: Sequence[Member], room: int, departments: Sequence[str]) -> list[Offer]:
    """An offer for every no-show in `members`; `room` is the later session's free places."""
    by_dept: dict[str, list[Member]] = defaultdict(list)
    for m in members:
        by_dept[m.department].append(m)
    ordered = [d for d in departments if d in by_dept] + sorted(
        d for d in by_dept if d not in set(departments)
    )
    offers: list[Offer] = []
    for dept in ordered:
        people = by_dept[dept]
        roles_in = {m.role for m in people if m.in_target}
        staying_out = sum(1 for m in people if not m.in_target)
        candidates = sorted(
            (m for m in people if m.no_show),
            key=lambda m: (m.role != RoleKind.OTHER, m.role.value, m.order, m.key),
        )
        for m in candidates:
            partner = _PARTNER.get(m.role)
            if partner is not None and partner in roles_in:
                offers.append(Offer(m.key, RebookOutcome.ROLES_APART))
            elif len(people) >= 2 and staying_out <= 1:
                offers.append(Offer(m.key, RebookOutcome.SPLIT))
            elif room <= 0:
                offers.append(Offer(m.key, RebookOutcome.NO_ROOM))
            else:
                offers.append(Offer(m.key, RebookOutcome.MOVED))
                room -= 1
                staying_out -= 1
                roles_in.add(m.role)
    return offers
