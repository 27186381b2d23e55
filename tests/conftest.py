"""Shared test set-up: Qt offscreen, a private app-data folder, workspace fixtures."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

# Before anything imports Qt: no display in CI, and the tests never touch ~/.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from hypothesis import HealthCheck, settings

from facilitator.db.workspace import Workspace, open_workspace
from facilitator.domain.clock import FakeClock
from facilitator.lang import Lang

# CI runs on a loaded 2-core machine: no per-example deadline, and a fixed
# example sequence so a red run can be reproduced exactly.
settings.register_profile(
    "ci", derandomize=True, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile("dev", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("ci" if os.environ.get("CI") else "dev")


@pytest.fixture(autouse=True)
def _private_app_home(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Path:
    home = tmp_path_factory.mktemp("facilitator-home")
    monkeypatch.setenv("FACILITATOR_HOME", str(home))
    return home


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def workspace(tmp_path: Path) -> Iterator[Workspace]:
    """An empty, writable workspace."""
    ws = open_workspace(tmp_path / "ws.sqlite", create=True)
    yield ws
    ws.close()


@pytest.fixture
def demo_workspace(tmp_path: Path, clock: FakeClock) -> Iterator[Workspace]:
    """A workspace holding the 100-attendee demo event (seed 1)."""
    from facilitator.composition import build_demo

    ws = open_workspace(tmp_path / "demo.sqlite", create=True)
    build_demo(ws, clock, attendees=100, seed=1)
    yield ws
    ws.close()


@pytest.fixture(scope="session")
def finished_demo_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A 12-attendee demo whose day was played to its end (`demo --finished`), built once."""
    from facilitator.composition import Composition

    path = tmp_path_factory.mktemp("finished") / "finished.sqlite"
    ws = open_workspace(path, create=True)
    try:
        Composition(ws, FakeClock()).finished_demo(attendees=12, seed=3)
    finally:
        ws.close()
    return path


@pytest.fixture
def finished_day(finished_demo_file: Path, tmp_path: Path) -> Iterator[Workspace]:
    """A copy of the finished demo day, writable by the test."""
    target = tmp_path / "finished.sqlite"
    shutil.copyfile(finished_demo_file, target)
    ws = open_workspace(target)
    yield ws
    ws.close()


@pytest.fixture
def screenshots(tmp_path: Path) -> Path:
    """Where a test saves the pictures of what it showed, to be looked at by a person:
    the folder in $FACILITATOR_SCREENSHOTS when set (kept), else the test's own tmp_path."""
    folder = os.environ.get("FACILITATOR_SCREENSHOTS")
    if not folder:
        return tmp_path
    path = Path(folder)
    path.mkdir(parents=True, exist_ok=True)
    return path


@pytest.fixture
def qt_lang(qapp: object) -> Iterator[Callable[[Lang], None]]:
    """Pins the language a Qt test reads: `qt_lang("ja")` installs the Japanese
    catalogues (removed after the test), `qt_lang("en")` the source texts."""
    from PySide6.QtCore import QCoreApplication

    from facilitator.ui.translations import install_translators, remove_translators

    app = QCoreApplication.instance()
    assert app is not None
    installed: list[object] = []

    def pin(lang: Lang) -> None:
        remove_translators(app, installed)  # type: ignore[arg-type]
        installed[:] = install_translators(app, lang)

    yield pin
    remove_translators(app, installed)  # type: ignore[arg-type]
    install_translators(app, "en")
