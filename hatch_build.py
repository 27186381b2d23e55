"""Compile Qt translations (.ts -> .qm) whenever the package is built or installed.

The .qm files are generated, never committed: `pyside6-lrelease` (from
PySide6-Essentials, a build requirement) turns each `resources/translations/*.ts`
into the binary catalogue Qt loads at run time.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface


def compile_translations(root: Path) -> list[Path]:
    tool = shutil.which("pyside6-lrelease") or str(Path(sys.executable).parent / "pyside6-lrelease")
    outputs = []
    for ts in sorted((root / "resources" / "translations").glob("*.ts")):
        qm = ts.with_suffix(".qm")
        subprocess.run([tool, "-silent", str(ts), "-qm", str(qm)], check=True)
        outputs.append(qm)
    return outputs


class TranslationsHook(BuildHookInterface):  # type: ignore[type-arg]
    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        # The .qm files land in resources/translations/, which the wheel's
        # force-include of `resources` (pyproject.toml) already carries.
        compile_translations(Path(self.root))
