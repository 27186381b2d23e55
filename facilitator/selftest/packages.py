"""The self-test's first check: every third-party package the app depends on imports.

The list is not written down here: it is the app's own dependency list
(pyproject.toml, as installed or as copied into the bundle by build.spec) and,
for each of those distributions, the top-level modules it installs. A new
dependency is therefore checked without anyone remembering to add it.
"""

from __future__ import annotations

import importlib
import re
from importlib import metadata

from facilitator.errors import Msg
from facilitator.selftest.base import fail
from facilitator.selftest.state import SelfTestState

APP = "facilitator"
_NAME = re.compile(r"^\s*([A-Za-z0-9][A-Za-z0-9._-]*)")


def canonical(name: str) -> str:
    """A distribution name as PEP 503 compares them (PySide6_Essentials == pyside6-essentials)."""
    return re.sub(r"[-_.]+", "-", name).lower()


def runtime_requirements(app: str = APP) -> list[str]:
    """The distributions `app` needs to run (its extras, such as test, left out)."""
    names = []
    for line in metadata.requires(app) or []:
        requirement, _, marker = line.partition(";")
        match = _NAME.match(requirement)
        if match and "extra" not in marker:
            names.append(canonical(match.group(1)))
    return names


def modules_of(dist: metadata.Distribution) -> list[str]:
    """The top-level modules a distribution installs, read from its file list (RECORD).

    Not top_level.txt: PySide6-Essentials declares a `Shiboken` there that no file provides.
    """
    found = set()
    for file in dist.files or []:
        parts = file.parts
        if len(parts) == 2 and parts[1] == "__init__.py":
            found.add(parts[0])
        elif len(parts) == 1 and parts[0].endswith((".py", ".so", ".pyd")):
            found.add(parts[0].split(".", 1)[0])
    return sorted(found)


def top_level_modules() -> dict[str, list[str]]:
    """Each runtime dependency -> the top-level modules it installs (empty when unknown)."""
    wanted = {}
    for name in runtime_requirements():
        try:
            wanted[name] = modules_of(metadata.distribution(name))
        except metadata.PackageNotFoundError:
            wanted[name] = []
    return wanted


def _import(module: str) -> None:
    if module == "highspy":
        # Its __init__ needs NumPy, which the bundle leaves out; the app loads the
        # compiled core the way this does (facilitator/optimize/highs.py).
        from facilitator.optimize.highs import highs_core

        highs_core()
        return
    importlib.import_module(module)


def import_every_package(_state: SelfTestState) -> Msg:
    """Import each dependency's modules; a missing one or a failing import fails the step."""
    try:
        wanted = top_level_modules()
    except metadata.PackageNotFoundError:
        raise fail(
            "the app's own package metadata is missing, so its dependencies are unknown",
            "アプリのパッケージ情報がないため、依存パッケージを確認できません",
        ) from None
    unknown = [name for name, modules in wanted.items() if not modules]
    broken = []
    for modules in wanted.values():
        for module in modules:
            try:
                _import(module)
            # Any error at import time (a missing data file, a library) is what this finds.
            except Exception as exc:  # noqa: BLE001
                broken.append(f"{module} ({type(exc).__name__}: {exc})")
    if not wanted or unknown or broken:
        problems = [f"no metadata for {', '.join(unknown)}"] if unknown else []
        problems += [f"cannot import {', '.join(broken)}"] if broken else []
        text = "; ".join(problems) or "no dependencies found"
        raise fail(text, f"依存パッケージの問題：{text}")
    modules = sorted({m for ms in wanted.values() for m in ms})
    return Msg(
        en=f"{len(wanted)} packages imported: {', '.join(modules)}",
        ja=f"{len(wanted)} 個のパッケージを読み込み：{', '.join(modules)}",
    )
