"""One place that knows where `resources/` lives.

Three layouts exist: a source checkout (`<repo>/resources`), an installed wheel
(`facilitator/_resources`, see pyproject's force-include) and a PyInstaller
bundle (`<_MEIPASS>/resources`).
"""

from __future__ import annotations

import sys
from functools import cache
from pathlib import Path


@cache
def resources_root() -> Path:
    candidates: list[Path] = []
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        candidates.append(Path(frozen_root) / "resources")
    package_dir = Path(__file__).resolve().parent
    candidates += [package_dir / "_resources", package_dir.parent / "resources"]
    for candidate in candidates:
        if (candidate / "fonts").is_dir():
            return candidate
    raise FileNotFoundError(
        "Facilitator's resources folder is missing; looked in: "
        + ", ".join(str(c) for c in candidates)
    )


def resource_path(*parts: str) -> Path:
    """Path of a file under `resources/`, e.g. `resource_path("fonts", "ipaexg.ttf")`."""
    return resources_root().joinpath(*parts)
