"""Issue #14: one composition root. `composition.py` (with the GUI's `app.py` on top)
is the only place that constructs services; each is built when first asked for."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import facilitator
from facilitator.composition import Composition
from facilitator.db.workspace import Workspace
from facilitator.domain.clock import FakeClock

ROOT = Path(facilitator.__file__).resolve().parent
BUILDERS = {ROOT / "composition.py", ROOT / "app.py"}
# How a service class is named (its unit of work), plus the two that read differently.
SERVICE_SUFFIXES = ("Service", "Services", "Issuer", "Verifier", "Eligibility", "Exporter")
OTHER_SERVICES = {"LiveAgenda", "PhoneSlides"}


def _service_classes() -> set[str]:
    names = set()
    for path in (ROOT / "services").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ClassDef) and (
                node.name.endswith(SERVICE_SUFFIXES) or node.name in OTHER_SERVICES
            ):
                names.add(node.name)
    return names


def test_only_the_composition_root_constructs_services() -> None:
    services = _service_classes()
    assert {"CheckInService", "EventService", "CertificateIssuer", "LiveAgenda"} <= services
    offenders = []
    for path in ROOT.rglob("*.py"):
        if path in BUILDERS:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call):
                func = node.func
                name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", None)
                if name in services:
                    offenders.append(f"{path.relative_to(ROOT)}:{node.lineno} {name}")
    assert offenders == []


def test_a_service_is_built_once_and_only_when_asked_for(workspace: Workspace) -> None:
    services = Composition(workspace, FakeClock())
    assert services.events is services.events
    assert services.roster.events is services.events
    assert services.certificates.issuer is services.issuer
    built = set(vars(services)) - {"workspace", "clock"}
    assert built == {
        "events",
        "roster",
        "attendees",
        "roster_files",
        "schedule",
        "certificates",
        "issuer",
        "verifier",
        "eligibility",
    }
    services.close()  # closes only what was built: no check-in or feedback writer appears
    assert "checkin" not in vars(services) and "feedback" not in vars(services)


def test_importing_the_composition_loads_no_service_and_no_qt() -> None:
    code = (
        "import sys, facilitator.composition\n"
        "loaded = [m for m in sys.modules if m.startswith(('facilitator.services', 'PySide6'))]\n"
        "print(loaded)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert out.strip() == "[]"
