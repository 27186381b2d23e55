"""Modules stay readable: STYLE.md splits a module past 400 lines. Checked for the
presenter's package, where the console grew past it once (issue #15)."""

from __future__ import annotations

from pathlib import Path

import pytest

import facilitator

LIMIT = 400
AGENDA_UI = Path(facilitator.__file__).parent / "ui" / "agenda"


@pytest.mark.parametrize("module", sorted(AGENDA_UI.glob("*.py")), ids=lambda p: p.name)
def test_agenda_ui_modules_stay_under_the_limit(module: Path) -> None:
    lines = len(module.read_text(encoding="utf-8").splitlines())
    assert lines <= LIMIT, f"{module.name}: {lines} lines; split it by responsibility"
