"""The layer rules of ARCHITECTURE.md, checked over every module that exists."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import re
import typing
from collections.abc import Callable, Iterator
from typing import Any

from sqlalchemy.orm import Session

import facilitator.services
from facilitator.db.models import Base
from tests.unit.workspace_helpers import run_python


def _public_callables() -> Iterator[tuple[str, Callable[..., Any]]]:
    # walk_packages: the services are grouped in one package per capability.
    for info in pkgutil.walk_packages(facilitator.services.__path__, "facilitator.services."):
        module = importlib.import_module(info.name)
        for name, obj in vars(module).items():
            if getattr(obj, "__module__", None) != module.__name__ or name.startswith("_"):
                continue
            if inspect.isclass(obj):
                for attr, member in vars(obj).items():
                    if inspect.isfunction(member) and not attr.startswith("_"):
                        yield f"{module.__name__}.{name}.{attr}", member
            elif inspect.isfunction(obj):
                yield f"{module.__name__}.{name}", obj


def _mentions(annotation: object, kind: type) -> bool:
    if isinstance(annotation, type) and issubclass(annotation, kind):
        return True
    return any(_mentions(arg, kind) for arg in typing.get_args(annotation))


def test_units_of_work_return_plain_data_not_orm_rows() -> None:
    """A public service call owns its session, so what it returns must outlive it.

    Helpers that take the caller's `Session` (they run inside its unit of work)
    may hand rows back to that caller.
    """
    offenders = []
    checked = 0
    functions = list(_public_callables())
    # Names imported only under TYPE_CHECKING (to avoid import cycles) live in
    # sibling modules; let the annotations find them there.
    siblings: dict[str, Any] = {}
    for module_name in {f.__module__ for _, f in functions}:
        siblings.update(vars(importlib.import_module(module_name)))
    models = {mapper.class_.__name__ for mapper in Base.registry.mappers}
    for name, function in functions:
        module = importlib.import_module(function.__module__)
        try:
            hints = typing.get_type_hints(function, globalns={**siblings, **vars(module)})
        except NameError:  # an annotation this test cannot resolve: judge its words
            raw = {k: str(v) for k, v in function.__annotations__.items()}
            if any(v.split(".")[-1] == "Session" for k, v in raw.items() if k != "return"):
                continue
            checked += 1
            if models & set(re.findall(r"\w+", raw.get("return", ""))):
                offenders.append(f"{name} -> {raw['return']}")
            continue
        if any(_mentions(hint, Session) for key, hint in hints.items() if key != "return"):
            continue
        checked += 1
        if _mentions(hints.get("return"), Base):
            offenders.append(f"{name} -> {hints['return']}")
    assert checked > 10
    assert offenders == []


def test_domain_and_services_never_import_qt() -> None:
    probe = run_python(
        """
        import importlib, pkgutil, sys
        import facilitator.domain, facilitator.services
        for package in (facilitator.domain, facilitator.services):
            for info in pkgutil.walk_packages(package.__path__, package.__name__ + "."):
                importlib.import_module(info.name)
        print(sorted(m for m in sys.modules if m.startswith("PySide6")))
        """
    )
    assert probe.returncode == 0, probe.stderr
    assert probe.stdout.strip().splitlines()[-1] == "[]"
