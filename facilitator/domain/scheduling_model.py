"""The assignment as a mixed-integer linear program, built from plain data.

People of one department who are alike in every way the rules look at (role,
preference, unavailable sessions, current session) are one *class*; a variable
counts how many of a class go to each session. 2,000 people in 200 departments
become about a thousand classes, which keeps the program small enough to solve
to optimality in well under a second.

Nothing here calls a solver: `LinearModel` is what crosses to one (see
`facilitator.optimize.highs`), and the solver hands back the column values.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from facilitator.domain.scheduling_inputs import Person, RoleKind, Slot
from facilitator.domain.scheduling_rules import LEVELS, Level, even_share


@dataclass(frozen=True)
class Row:
    lower: float
    upper: float
    columns: tuple[int, ...]
    coefficients: tuple[float, ...]


@dataclass(frozen=True)
class Objective:
    """A linear objective to minimise; `offset` makes its value the rule's count."""

    level: Level
    columns: tuple[int, ...]
    coefficients: tuple[float, ...]
    offset: float = 0.0
    # No point scores below this (e.g. no clash at all): a solver that already
    # holds a point at the floor knows it is optimal without solving again.
    floor: float = 0.0


@dataclass(frozen=True)
class LinearModel:
    lower: tuple[float, ...]
    upper: tuple[float, ...]
    integer: tuple[bool, ...]
    rows: tuple[Row, ...]
    objectives: tuple[Objective, ...]  # solved in this order, each kept optimal


@dataclass(frozen=True)
class LexResult:
    values: tuple[float, ...]  # one per column
    optima: dict[Level, float]  # each level's optimum (with its offset)


# What the domain needs from a solver: optimise each objective in turn, keeping
# the ones before it at their optimum. Passed in, so domain/ never imports one.
LexSolve = Callable[[LinearModel], LexResult]


@dataclass(frozen=True)
class PersonClass:
    department: str
    role: RoleKind
    preferred: int | None
    unavailable: frozenset[int]
    current: int | None
    members: tuple[Person, ...]


@dataclass
class _Builder:
    lower: list[float] = field(default_factory=list)
    upper: list[float] = field(default_factory=list)
    integer: list[bool] = field(default_factory=list)
    rows: list[Row] = field(default_factory=list)

    def column(self, lower: float, upper: float, integer: bool) -> int:
        self.lower.append(lower)
        self.upper.append(upper)
        self.integer.append(integer)
        return len(self.lower) - 1

    def row(self, lower: float, upper: float, terms: Sequence[tuple[int, float]]) -> None:
        self.rows.append(Row(lower, upper, tuple(c for c, _ in terms), tuple(v for _, v in terms)))


INF = float("inf")


@dataclass(frozen=True)
class AssignmentModel:
    model: LinearModel
    classes: tuple[PersonClass, ...]
    # (class index, slot key) -> column counting that class in that slot
    placed: dict[tuple[int, int], int]


def classes_of(
    people: Sequence[Person], slot_keys: frozenset[int], fresh: bool
) -> list[PersonClass]:
    """Group the unlocked people into interchangeable classes, in a fixed order."""
    groups: dict[tuple[str, int, int, tuple[int, ...], int], list[Person]] = defaultdict(list)
    for p in people:
        if p.locked_to in slot_keys:
            continue
        current = None if fresh or p.current not in slot_keys else p.current
        preferred = p.preferred if p.preferred in slot_keys else None
        unavailable = tuple(sorted(p.unavailable & slot_keys))
        key = (
            p.department,
            p.role.value,
            -1 if preferred is None else preferred,
            unavailable,
            -1 if current is None else current,
        )
        groups[key].append(p)
    out = []
    for key in sorted(groups):
        members = tuple(sorted(groups[key], key=lambda p: (p.order, p.key)))
        first = members[0]
        out.append(
            PersonClass(
                first.department,
                first.role,
                first.preferred if first.preferred in slot_keys else None,
                frozenset(key[3]),
                None if key[4] == -1 else key[4],
                members,
            )
        )
    return out


def build_model(slots: Sequence[Slot], people: Sequence[Person], *, fresh: bool) -> AssignmentModel:
    """The program whose lexicographic optimum is the best assignment (see `Level`)."""
    keys = [s.key for s in slots]
    slot_keys = frozenset(keys)
    k = len(keys)
    b = _Builder()
    classes = classes_of(people, slot_keys, fresh)
    placed: dict[tuple[int, int], int] = {}
    unplaced: list[int] = []
    by_slot: dict[int, list[int]] = defaultdict(list)
    dept_cols: dict[str, dict[int, list[int]]] = defaultdict(lambda: defaultdict(list))
    role_cols: dict[tuple[str, RoleKind], dict[int, list[int]]] = defaultdict(
        lambda: defaultdict(list)
    )
    moves: list[tuple[int, float]] = []
    moves_offset = 0.0
    moves_max = 0  # people who could stay: the floor of the moves objective
    prefs: list[tuple[int, float]] = []
    prefs_offset = 0.0
    prefs_max = 0
    for ci, c in enumerate(classes):
        n = len(c.members)
        terms = []
        for s in keys:
            if s in c.unavailable:
                continue
            col = b.column(0, n, True)
            placed[ci, s] = col
            terms.append((col, 1.0))
            by_slot[s].append(col)
            dept_cols[c.department][s].append(col)
            role_cols[c.department, c.role][s].append(col)
        none = b.column(0, n, True)
        unplaced.append(none)
        b.row(n, n, [*terms, (none, 1.0)])
        if c.current is not None:
            moves_offset += n
            if (ci, c.current) in placed:
                moves.append((placed[ci, c.current], -1.0))
                moves_max += n
        if c.preferred is not None:
            prefs_offset += n
            if (ci, c.preferred) in placed:
                prefs.append((placed[ci, c.preferred], -1.0))
                prefs_max += n
    # Locked people are constants: they take room and count in their department.
    locked_in: dict[int, int] = dict.fromkeys(keys, 0)
    dept_locked: dict[str, dict[int, int]] = defaultdict(lambda: dict.fromkeys(keys, 0))
    role_locked: dict[tuple[str, RoleKind], dict[int, int]] = defaultdict(
        lambda: dict.fromkeys(keys, 0)
    )
    size: dict[str, int] = defaultdict(int)
    role_size: dict[tuple[str, RoleKind], int] = defaultdict(int)
    for p in people:
        size[p.department] += 1
        role_size[p.department, p.role] += 1
        if p.locked_to in slot_keys:
            locked_in[p.locked_to] += 1
            dept_locked[p.department][p.locked_to] += 1
            role_locked[p.department, p.role][p.locked_to] += 1
    for slot in slots:
        room = max(0, slot.capacity - locked_in[slot.key])
        b.row(-INF, room, [(col, 1.0) for col in by_slot[slot.key]])
    clashes = _roles_apart(b, keys, size, role_size, role_cols, role_locked)
    unsplit, worst, gaps = _departments(b, keys, size, dept_cols, dept_locked)
    balance = _balance(b, slots, by_slot, locked_in) if k >= 2 else []
    objectives = {
        Level.PLACED: Objective(Level.PLACED, *_split([(c, 1.0) for c in unplaced])),
        Level.ROLES_APART: Objective(Level.ROLES_APART, *_split(clashes)),
        Level.SPLIT: Objective(Level.SPLIT, *_split(unsplit)),
        Level.EVEN_WORST: Objective(Level.EVEN_WORST, *_split(worst)),
        Level.EVEN_TOTAL: Objective(Level.EVEN_TOTAL, *_split(gaps)),
        Level.MOVES: Objective(
            Level.MOVES, *_split(moves), offset=moves_offset, floor=-float(len(moves) and moves_max)
        ),
        Level.PREFERENCES: Objective(
            Level.PREFERENCES, *_split(prefs), offset=prefs_offset, floor=-float(prefs_max)
        ),
        Level.BALANCE: Objective(Level.BALANCE, *_split(balance)),
    }
    model = LinearModel(
        tuple(b.lower),
        tuple(b.upper),
        tuple(b.integer),
        tuple(b.rows),
        tuple(objectives[level] for level in LEVELS),
    )
    return AssignmentModel(model, tuple(classes), placed)


def _split(terms: Sequence[tuple[int, float]]) -> tuple[tuple[int, ...], tuple[float, ...]]:
    return tuple(c for c, _ in terms), tuple(v for _, v in terms)


def _roles_apart(
    b: _Builder,
    keys: Sequence[int],
    size: dict[str, int],
    role_size: dict[tuple[str, RoleKind], int],
    role_cols: dict[tuple[str, RoleKind], dict[int, list[int]]],
    role_locked: dict[tuple[str, RoleKind], dict[int, int]],
) -> list[tuple[int, float]]:
    """A clash column per department and session holding a leader and a sub-leader."""
    objective: list[tuple[int, float]] = []
    for dept in sorted(size):
        lead = (dept, RoleKind.LEADER)
        sub = (dept, RoleKind.SUBLEADER)
        if not role_size.get(lead) or not role_size.get(sub):
            continue
        for s in keys:
            present: list[int | None] = []
            for role in (lead, sub):
                fixed = role_locked[role][s]
                cols = role_cols[role].get(s, [])
                if fixed:
                    present.append(None)  # certainly present
                elif cols:
                    # has = 1 whenever any of this role is here
                    has = b.column(0, 1, True)
                    b.row(-INF, 0, [*((c, 1.0) for c in cols), (has, -float(role_size[role]))])
                    present.append(has)
                else:
                    break  # this role cannot be here: no clash possible
            else:
                clash = b.column(0, 1, False)
                variable = [h for h in present if h is not None]
                # clash >= sum(has) - (number of has - 1): 1 exactly when all are present
                b.row(
                    -INF,
                    len(variable) - 1 if variable else -1,
                    [*((h, 1.0) for h in variable), (clash, -1.0)],
                )
                objective.append((clash, 1.0))
    return objective


def _departments(
    b: _Builder,
    keys: Sequence[int],
    size: dict[str, int],
    dept_cols: dict[str, dict[int, list[int]]],
    dept_locked: dict[str, dict[int, int]],
) -> tuple[list[tuple[int, float]], list[tuple[int, float]], list[tuple[int, float]]]:
    """Unsplit flags, the worst gap from an even share, and every gap, per department."""
    unsplit: list[tuple[int, float]] = []
    gaps: list[tuple[int, float]] = []
    k = len(keys)
    if k < 2:
        return [], [], []
    worst = b.column(0, INF, False)
    for dept in sorted(size):
        n = size[dept]
        if n < 2:
            continue
        flag = b.column(0, 1, True)
        unsplit.append((flag, 1.0))
        low, high = even_share(n, k)
        for s in keys:
            cols = [(c, 1.0) for c in dept_cols[dept].get(s, [])]
            fixed = dept_locked[dept][s]
            # share <= n - 1 + flag: a session holding all n sets the flag
            b.row(-INF, n - 1 - fixed, [*cols, (flag, -1.0)])
            over = b.column(0, INF, False)
            under = b.column(0, INF, False)
            b.row(-INF, high - fixed, [*cols, (over, -1.0)])  # over >= share - high
            b.row(low - fixed, INF, [*cols, (under, 1.0)])  # under >= low - share
            b.row(0, INF, [(worst, 1.0), (over, -1.0), (under, -1.0)])
            gaps += [(over, 1.0), (under, 1.0)]
    return unsplit, [(worst, 1.0)], gaps


def _balance(
    b: _Builder,
    slots: Sequence[Slot],
    by_slot: dict[int, list[int]],
    locked_in: dict[int, int],
) -> list[tuple[int, float]]:
    """Largest minus smallest session."""
    top = b.column(0, INF, False)
    bottom = b.column(0, INF, False)
    for s in slots:
        cols = [(c, 1.0) for c in by_slot[s.key]]
        fixed = locked_in[s.key]
        b.row(-INF, -fixed, [*cols, (top, -1.0)])  # top >= size
        b.row(-fixed, INF, [*cols, (bottom, -1.0)])  # bottom <= size
    return [(top, 1.0), (bottom, -1.0)]
