"""The assignment rules as numbers: what each soft rule counts for one department.

The solver's model (`scheduling_model`) and the explanations (`scheduling`)
count the same things, so both come from here:

- `clashes`: sessions holding both a DX推進リーダー and a サブリーダー of the department;
- `unsplit`: 1 when one session holds the whole department (two or more people,
  two or more sessions);
- `uneven`: how far each session's share is from an even split, summed
  (a share is even between floor(n/k) and ceil(n/k) for n people and k sessions).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import Enum

from facilitator.domain.scheduling_inputs import Person, RoleKind


class Level(Enum):
    """The lexicographic levels, most important first; each is minimised in turn."""

    PLACED = "placed"  # nobody left without a session while there is room
    ROLES_APART = "roles_apart"  # rule 1
    SPLIT = "split"  # rule 2: no session holds a whole department
    EVEN_WORST = "even_worst"  # rule 2: the worst share's distance from even
    EVEN_TOTAL = "even_total"  # rule 2: all shares' distance from even
    MOVES = "moves"  # people already placed who change session
    PREFERENCES = "preferences"  # rule 3 (minimises the unmet ones)
    BALANCE = "balance"  # rule 4: largest minus smallest session


LEVELS: tuple[Level, ...] = tuple(Level)


def even_share(size: int, sessions: int) -> tuple[int, int]:
    """The lowest and highest even share of a department of `size` over `sessions`."""
    low = size // sessions
    return low, low if size % sessions == 0 else low + 1


@dataclass(frozen=True, order=True)
class DeptScore:
    """One department's breaches, in rule order (compares lexicographically)."""

    clashes: int = 0
    unsplit: int = 0
    worst: int = 0
    uneven: int = 0


def dept_score(
    members: Sequence[Person], where: Mapping[int, int | None], slots: Sequence[int]
) -> DeptScore:
    """Score one department's placement `where` (person key -> slot key or None)."""
    k = len(slots)
    size = len(members)
    counts = dict.fromkeys(slots, 0)
    leaders = dict.fromkeys(slots, 0)
    subs = dict.fromkeys(slots, 0)
    for p in members:
        s = where.get(p.key)
        if s is None or s not in counts:
            continue
        counts[s] += 1
        if p.role == RoleKind.LEADER:
            leaders[s] += 1
        elif p.role == RoleKind.SUBLEADER:
            subs[s] += 1
    clashes = sum(1 for s in slots if leaders[s] and subs[s])
    if k < 2 or size < 2:
        return DeptScore(clashes)
    unsplit = int(any(n == size for n in counts.values()))
    low, high = even_share(size, k)
    gaps = [max(0, n - high) + max(0, low - n) for n in counts.values()]
    return DeptScore(clashes, unsplit, max(gaps), sum(gaps))
