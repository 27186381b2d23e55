"""ARCHITECTURE.md: "There are no import cycles." Checked over every module of facilitator/.

Every import counts: at module level, inside functions (a deferred import hides a cycle
from import time, not from the reader, who still cannot understand one module without
the other) and under `if TYPE_CHECKING:` (the type still ties the two modules together).
A shared type belongs below both modules that use it.
"""

from __future__ import annotations

import ast
from pathlib import Path

import facilitator

ROOT = Path(facilitator.__file__).resolve().parent


def _module_name(path: Path) -> str:
    parts = path.relative_to(ROOT.parent).with_suffix("").parts
    return ".".join(parts).removesuffix(".__init__")


def _import_graph() -> dict[str, set[str]]:
    files = {
        _module_name(path): path for path in ROOT.rglob("*.py") if "migrations" not in path.parts
    }
    graph: dict[str, set[str]] = {name: set() for name in files}
    for name, path in files.items():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            targets: list[str] = []
            if isinstance(node, ast.Import):
                targets = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                assert node.level == 0, f"{path}: relative import"
                base = node.module or ""
                # `from package import module` depends on that module, not on the package.
                targets = [
                    f"{base}.{alias.name}" if f"{base}.{alias.name}" in files else base
                    for alias in node.names
                ]
            graph[name].update(t for t in targets if t in files and t != name)
    return graph


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected groups of more than one module (Tarjan, iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[list[str]] = []
    for root in sorted(graph):
        if root in index:
            continue
        work = [(root, iter(sorted(graph[root])))]
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = len(index)
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph[child]))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                group = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    group.append(member)
                    if member == node:
                        break
                if len(group) > 1:
                    groups.append(sorted(group))
    return groups


def test_the_checker_finds_a_cycle() -> None:
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}, "e": set()}
    assert _cycles(graph) == [["a", "b", "c"]]


def test_the_graph_sees_function_level_and_type_checking_imports() -> None:
    graph = _import_graph()
    assert len(graph) > 150
    # cli.main imports the self-test inside the function; the GUI views import
    # `CurrentEvent` for their annotations only.
    assert "facilitator.selftest.runner" in graph["facilitator.cli"]
    assert "facilitator.ui.current_event" in graph["facilitator.ui.roster.view"]


def test_no_import_cycles_between_modules_of_facilitator() -> None:
    assert _cycles(_import_graph()) == []
