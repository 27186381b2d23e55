"""Lexicographic optimisation of a `LinearModel` with the HiGHS MILP solver.

The only module that touches `highspy`. `domain.scheduling` builds the model and
reads the answer; this module solves each objective in turn and, before moving
on, keeps it at its optimum (a row: objective <= optimum + 1/1000). Every
objective the scheduler builds takes integer values at integer points, so the
optimum is rounded, and at integer points "<= optimum + 1/1000" means "<= optimum".
The thousandth is there because HiGHS's answers carry tolerance noise (4.000001
for 4): a row at the optimum plus 1e-6 made a later level infeasible on some
rosters. More slack costs time (half a unit: 1.5 s -> 2.0 s on 2,000 people in
4 sessions) and buys no safety.

Why no `import highspy`: the package's `__init__` imports NumPy, and NumPy with
its OpenBLAS would add some 50 MB to the desktop bundle for nothing the
scheduler uses. Its compiled core (`highspy._core`) needs NumPy only for calls
that take arrays, so the model goes to HiGHS as a free-format MPS file and only
scalar calls follow (costs, row bounds, the solution as a list).
"""

from __future__ import annotations

import functools
import importlib.machinery
import importlib.util
import os
import sys
import tempfile
import threading
from pathlib import Path
from types import ModuleType
from typing import Any

from facilitator.domain.scheduling_model import LexResult, LinearModel, Objective

# Objectives are integers at integer points; this only absorbs HiGHS's tolerance noise.
_KEEP_SLACK = 1e-3
_INF = 1e30  # what an MPS file says for "no bound"; HiGHS reads anything >= 1e20 as infinite


class SolverFailed(RuntimeError):
    """HiGHS stopped without an optimum (a bug in the model: every model is feasible)."""


@functools.cache
def highs_core() -> ModuleType:
    """`highspy._core`, loaded from its file without running `highspy/__init__` (NumPy)."""
    spec = importlib.util.find_spec("highspy")
    if spec is None or not spec.submodule_search_locations:
        raise SolverFailed("highspy is not installed")
    folder = Path(next(iter(spec.submodule_search_locations)))
    suffixes = tuple(importlib.machinery.EXTENSION_SUFFIXES)
    found = sorted(p for p in folder.glob("_core*") if p.name.endswith(suffixes))
    if not found:
        raise SolverFailed(f"highspy's compiled core is missing in {folder}")
    loader = importlib.machinery.ExtensionFileLoader("highspy._core", str(found[0]))
    core_spec = importlib.util.spec_from_file_location("highspy._core", found[0], loader=loader)
    assert core_spec is not None
    module = importlib.util.module_from_spec(core_spec)
    loader.exec_module(module)
    return module


def solver_version() -> str:
    """The HiGHS version this build solves with (the self-test shows it)."""
    version: str = _quiet_highs().version()
    return version


def solve_lexicographic(model: LinearModel) -> LexResult:
    """Minimise `model.objectives` in order; each later level keeps the earlier optima."""
    n = len(model.lower)
    if n == 0:  # nobody to place
        return LexResult((), {o.level: o.offset for o in model.objectives})
    core = highs_core()
    h = _quiet_highs()
    h.setOptionValue("output_flag", False)
    h.setOptionValue("log_to_console", False)
    # One thread: the same model gives the same plan on every run and machine.
    h.setOptionValue("threads", 1)
    h.setOptionValue("mip_rel_gap", 0.0)
    # One row per objective, free for now: it keeps that level at its optimum later.
    fixing = [o for o in model.objectives if o.columns]
    with tempfile.TemporaryDirectory(prefix="facilitator-highs-") as folder:
        path = Path(folder) / "assignment.mps"
        path.write_text(_mps(model, fixing), encoding="ascii")
        if h.readModel(str(path)) != core.HighsStatus.kOk:
            raise SolverFailed("HiGHS could not read the model")
    first_fix = len(model.rows)
    costs = [_costs(o) for o in model.objectives]
    # A first solve of all levels weighted together usually lands on a point that
    # already sits at most levels' floor; those levels then need no solve of their own.
    guide: dict[int, float] = {}
    for i, cost in enumerate(costs):
        weight = float((len(costs) - i) ** 3)
        for col, value in cost.items():
            guide[col] = guide.get(col, 0.0) + weight * value
    # The guide's program is nearly a network (class counts under capacities): its LP
    # bound is tight and presolve only costs time (3x on 2,000 people). The levels
    # after it carry the optimum rows, where presolve pays for itself again.
    h.setOptionValue("presolve", "off")
    current: dict[int, float] = {}
    values = _run(h, core, current, guide)
    h.setOptionValue("presolve", "choose")
    optima = {}
    row = first_fix
    for objective, cost in zip(model.objectives, costs, strict=True):
        if not objective.columns:
            optima[objective.level] = objective.offset
            continue
        reached = sum(v * values[c] for c, v in cost.items())
        if reached > objective.floor + 0.5:
            values = _run(h, core, current, cost)
            reached = sum(v * values[c] for c, v in cost.items())
        best = round(reached)
        optima[objective.level] = best + objective.offset
        h.changeRowBounds(row, -h.getInfinity(), best + _KEEP_SLACK)
        row += 1
    return LexResult(tuple(values), optima)


def _costs(objective: Objective) -> dict[int, float]:
    cost: dict[int, float] = {}
    for col, value in zip(objective.columns, objective.coefficients, strict=True):
        cost[col] = cost.get(col, 0.0) + value
    return cost


def _run(h: Any, core: Any, current: dict[int, float], cost: dict[int, float]) -> list[float]:
    """Minimise `cost` (changing only the columns whose cost differs); the optimal point."""
    for col in set(current) | set(cost):
        value = cost.get(col, 0.0)
        if current.get(col, 0.0) != value:
            h.changeColCost(col, value)
    current.clear()
    current.update(cost)
    h.run()
    status = h.getModelStatus()
    if status != core.HighsModelStatus.kOptimal:
        raise SolverFailed(h.modelStatusToString(status))
    return list(h.getSolution().col_value)


def _number(value: float) -> str:
    if value >= _INF or value <= -_INF:
        return f"{_INF if value > 0 else -_INF:.0e}"
    return repr(float(value))


def _mps(model: LinearModel, fixing: list[Objective]) -> str:
    """The model as free-format MPS: rows r0.., the fixing rows after them, columns c0.."""
    rows = list(model.rows)
    n = len(model.lower)
    entries: list[list[tuple[int, float]]] = [[] for _ in range(n)]
    kinds: list[str] = []
    rhs: list[tuple[int, float]] = []
    ranges: list[tuple[int, float]] = []
    for i, r in enumerate(rows):
        for col, value in zip(r.columns, r.coefficients, strict=True):
            entries[col].append((i, value))
        low = r.lower if r.lower > -_INF else -_INF
        high = r.upper if r.upper < _INF else _INF
        if low == high:
            kinds.append("E")
            rhs.append((i, high))
        elif low <= -_INF:
            kinds.append("L")
            rhs.append((i, high))
        elif high >= _INF:
            kinds.append("G")
            rhs.append((i, low))
        else:
            kinds.append("L")
            rhs.append((i, high))
            ranges.append((i, high - low))
    for k, objective in enumerate(fixing):
        i = len(rows) + k
        for col, value in _costs(objective).items():
            entries[col].append((i, value))
        kinds.append("L")
        rhs.append((i, _INF))
    out = ["NAME assignment", "ROWS", " N obj"]
    out += [f" {kind} r{i}" for i, kind in enumerate(kinds)]
    out.append("COLUMNS")
    integer = False
    for col in range(n):
        if model.integer[col] != integer:
            integer = model.integer[col]
            out.append(f" M{col} 'MARKER' '{'INTORG' if integer else 'INTEND'}'")
        out.append(f" c{col} obj 0")
        out += [f" c{col} r{i} {_number(v)}" for i, v in entries[col]]
    if integer:
        out.append(" Mend 'MARKER' 'INTEND'")
    out.append("RHS")
    out += [f" rhs r{i} {_number(v)}" for i, v in rhs if v != 0]
    if ranges:
        out.append("RANGES")
        out += [f" rng r{i} {_number(v)}" for i, v in ranges]
    out.append("BOUNDS")
    for col in range(n):
        low, high = model.lower[col], model.upper[col]
        if low <= -_INF and high >= _INF:
            out.append(f" FR bnd c{col}")
            continue
        out.append(f" LO bnd c{col} {_number(low)}" if low > -_INF else f" MI bnd c{col}")
        out.append(f" UP bnd c{col} {_number(high)}" if high < _INF else f" PL bnd c{col}")
    out.append("ENDATA")
    return "\n".join(out) + "\n"


_first = threading.Lock()
_banner_done: list[bool] = []


def _quiet_highs() -> Any:
    """A `Highs` instance, without the banner HiGHS prints on the first one.

    The banner goes to the process's file descriptor 1, so `--json` output
    would no longer parse; it is printed once per process, so only the first
    construction is muted (where there is no stdout, as in a windowed app, it
    is simply built).
    """
    core = highs_core()
    with _first:
        if _banner_done:
            return core._Highs()
        _banner_done.append(True)
        try:
            sys.stdout.flush()
            saved = os.dup(1)
        except (OSError, ValueError):
            return core._Highs()
        devnull = os.open(os.devnull, os.O_WRONLY)
        try:
            os.dup2(devnull, 1)
            return core._Highs()
        finally:
            os.dup2(saved, 1)
            os.close(saved)
            os.close(devnull)
