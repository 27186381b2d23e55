"""docs/index.md's map of capabilities names every module, and only modules that exist."""

from __future__ import annotations

import re
from pathlib import Path

import facilitator

ROOT = Path(facilitator.__file__).resolve().parent
INDEX = ROOT.parent / "docs" / "index.md"


def test_the_map_names_every_module_and_nothing_else() -> None:
    text = INDEX.read_text(encoding="utf-8")
    section = text[text.index("## Where each capability lives") :]
    named = {p for p in re.findall(r"`([\w/]+\.py)`", section) if not p.startswith("tests/")}
    modules = {
        path.relative_to(ROOT).as_posix()
        for path in ROOT.rglob("*.py")
        if path.name != "__init__.py" and "migrations" not in path.parts
    }
    assert sorted(modules - named) == [], "modules the map does not name"
    assert sorted(named - modules) == [], "the map names files that do not exist"
