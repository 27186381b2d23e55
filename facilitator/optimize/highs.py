"""Lexicographic optimisation of a `LinearModel` with the HiGHS MILP solver.

The only module that imports `highspy`. `domain.scheduling` builds the model
and reads the answer; this module solves each objective in turn and, before
moving on, keeps it at its optimum with an extra row (objective <= optimum).
Every objective the scheduler builds takes integer values at integer points,
so the optimum is rounded and the row allows no slack beyond rounding noise.
"""

from __future__ import annotations

import os
import sys
import threading
from typing import Any

import numpy as np

from facilitator.domain.scheduling_model import LexResult, LinearModel, Objective
from facilitator.domain.scheduling_rules import Level

_TOLERANCE = 1e-6


class SolverFailed(RuntimeError):
    """HiGHS stopped without an optimum (a bug in the model: every model is feasible)."""


def solve_lexicographic(model: LinearModel) -> LexResult:
    """Minimise `model.objectives` in order; each later level keeps the earlier optima."""
    import highspy

    n = len(model.lower)
    if n == 0:  # nobody to place
        return LexResult((), {o.level: o.offset for o in model.objectives})
    h = _quiet_highs(highspy)
    h.setOptionValue("output_flag", False)
    h.setOptionValue("log_to_console", False)
    # One thread: the same model gives the same plan on every run and machine.
    h.setOptionValue("threads", 1)
    h.setOptionValue("mip_rel_gap", 0.0)
    inf = h.getInfinity()
    lower = np.array([max(v, -inf) for v in model.lower], dtype=np.float64)
    upper = np.array([min(v, inf) for v in model.upper], dtype=np.float64)
    h.addVars(n, lower, upper)
    integer = np.array([i for i, flag in enumerate(model.integer) if flag], dtype=np.int32)
    if len(integer):
        types = np.full(len(integer), highspy.HighsVarType.kInteger)
        h.changeColsIntegrality(len(integer), integer, types)
    _add_rows(h, model, inf)
    optima: dict[Level, float] = {}
    everything = np.arange(n, dtype=np.int32)
    costs = [_costs(n, o) for o in model.objectives]
    # A first solve of all levels weighted together usually lands on a point that
    # already sits at most levels' floor; those levels then need no solve of their own.
    weights = [float((len(costs) - i) ** 3) for i in range(len(costs))]
    guide = sum((w * c for w, c in zip(weights, costs, strict=True)), np.zeros(n))
    # The guide's program is nearly a network (class counts under capacities): its LP
    # bound is tight and presolve only costs time (3x on 2,000 people). The levels
    # after it carry the optimum rows, where presolve pays for itself again.
    h.setOptionValue("presolve", "off")
    values = _run(h, highspy, n, everything, guide)
    h.setOptionValue("presolve", "choose")
    for objective, cost in zip(model.objectives, costs, strict=True):
        if not objective.columns:
            optima[objective.level] = objective.offset
            continue
        reached = float(cost @ values)
        if reached > objective.floor + 0.5:
            values = _run(h, highspy, n, everything, cost)
            reached = float(cost @ values)
        best = round(reached)
        optima[objective.level] = best + objective.offset
        cols = np.array(objective.columns, dtype=np.int32)
        vals = np.array(objective.coefficients, dtype=np.float64)
        h.addRow(-inf, best + _TOLERANCE, len(cols), cols, vals)
    return LexResult(tuple(float(v) for v in values), optima)


def solver_version() -> str:
    """The HiGHS version this build solves with (the self-test shows it)."""
    import highspy

    version: str = _quiet_highs(highspy).version()
    return version


_first = threading.Lock()
_banner_done: list[bool] = []


def _quiet_highs(highspy: Any) -> Any:
    """A `Highs` instance, without the banner HiGHS prints on the first one.

    The banner goes to the process's file descriptor 1, so `--json` output
    would no longer parse; it is printed once per process, so only the first
    construction is muted (where there is no stdout, as in a windowed app, it
    is simply built).
    """
    with _first:
        if _banner_done:
            return highspy.Highs()
        _banner_done.append(True)
        try:
            sys.stdout.flush()
            saved = os.dup(1)
        except (OSError, ValueError):
            return highspy.Highs()
        devnull = os.open(os.devnull, os.O_WRONLY)
        try:
            os.dup2(devnull, 1)
            return highspy.Highs()
        finally:
            os.dup2(saved, 1)
            os.close(saved)
            os.close(devnull)


def _costs(n: int, objective: Objective) -> np.ndarray:
    cost = np.zeros(n, dtype=np.float64)
    for col, value in zip(objective.columns, objective.coefficients, strict=True):
        cost[col] += value
    return cost


def _run(h: Any, highspy: Any, n: int, everything: np.ndarray, cost: np.ndarray) -> np.ndarray:
    """Minimise `cost`; returns the optimal point (read before the model changes again)."""
    h.changeColsCost(n, everything, cost)
    h.run()
    status = h.getModelStatus()
    if status != highspy.HighsModelStatus.kOptimal:
        raise SolverFailed(h.modelStatusToString(status))
    return np.array(h.getSolution().col_value, dtype=np.float64)


def _add_rows(h: Any, model: LinearModel, inf: float) -> None:
    rows = model.rows
    if not rows:
        return
    lower = np.array([max(r.lower, -inf) for r in rows], dtype=np.float64)
    upper = np.array([min(r.upper, inf) for r in rows], dtype=np.float64)
    starts = np.zeros(len(rows), dtype=np.int32)
    indices: list[int] = []
    values: list[float] = []
    for i, r in enumerate(rows):
        starts[i] = len(indices)
        indices.extend(r.columns)
        values.extend(r.coefficients)
    h.addRows(
        len(rows),
        lower,
        upper,
        len(indices),
        starts,
        np.array(indices, dtype=np.int32),
        np.array(values, dtype=np.float64),
    )
