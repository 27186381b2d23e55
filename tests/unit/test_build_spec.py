"""build.spec, checked without PyInstaller: the full bundle build is too slow for every CI run.

The spec is executed with stand-ins for PyInstaller's names, so these tests see
exactly what it would hand to PyInstaller: every data path exists, every hidden
import can be imported, no Qt module the app uses is excluded, and two
executables share one folder. scripts/build-bundle does the real build.
"""

from __future__ import annotations

import importlib.util
import re
import shutil
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from facilitator import resources

ROOT = Path(__file__).resolve().parents[2]
SPEC = ROOT / "build.spec"


@dataclass
class FakeAnalysis:
    scripts: list[str]
    kwargs: dict[str, Any]
    binaries: list[tuple[str, str, str]] = field(default_factory=list)
    datas: list[tuple[str, str, str]] = field(default_factory=list)
    pure: list[Any] = field(default_factory=list)


SAMPLE_BINARIES = [
    ("PySide6/Qt/plugins/platforms/libqxcb.so", "/x", "BINARY"),
    ("PySide6/Qt/plugins/platforms/libqoffscreen.so", "/x", "BINARY"),
    ("PySide6/Qt/plugins/platforms/qwindows.dll", "/x", "BINARY"),
    ("PySide6/Qt/plugins/platforms/libqvnc.so", "/x", "BINARY"),
    ("PySide6/Qt/plugins/platforminputcontexts/libibusplatforminputcontextplugin.so", "/x", "B"),
    ("PySide6/Qt/plugins/platforminputcontexts/libqtvirtualkeyboardplugin.so", "/x", "B"),
    ("PySide6/Qt/plugins/multimedia/libffmpegmediaplugin.so", "/x", "BINARY"),
    ("PySide6/Qt/lib/libQt6Quick.so.6", "/x", "BINARY"),  # the FFmpeg plugin links it
    ("PySide6/Qt/lib/libQt6VirtualKeyboard.so.6", "/x", "BINARY"),
    ("PySide6/Qt/lib/libavutil.so.59", "/x", "BINARY"),
    ("PySide6/Qt/plugins/imageformats/libqjpeg.so", "/x", "BINARY"),
    ("PySide6/Qt/plugins/imageformats/qtiff.dll", "/x", "BINARY"),
    ("PySide6/Qt/lib/libQt6Pdf.so.6", "/x", "BINARY"),
    ("libgtk-3.so.0", "/x", "BINARY"),
    ("libfreetype.so.6", "/x", "BINARY"),
    # Any small ELF file stands in for libpython, which the spec strips of debug symbols.
    ("libpython3.11.so.1.0", str(Path(sys.executable).resolve()), "BINARY"),
]
SAMPLE_DATAS = [
    ("PySide6/Qt/translations/qtbase_ja.qm", "/x", "DATA"),
    ("PySide6/Qt/translations/qtbase_de.qm", "/x", "DATA"),
    ("resources/fonts/ipaexg.ttf", "/x", "DATA"),
]


class SpecRun:
    """What build.spec asked PyInstaller for."""

    def __init__(self) -> None:
        self.analysis: FakeAnalysis | None = None
        self.exes: list[dict[str, Any]] = []
        self.collect: tuple[tuple[Any, ...], dict[str, Any]] | None = None

    def names(self, workpath: Path) -> dict[str, Any]:
        def analysis(scripts: list[str], **kwargs: Any) -> FakeAnalysis:
            self.analysis = FakeAnalysis(scripts, kwargs, list(SAMPLE_BINARIES), list(SAMPLE_DATAS))
            return self.analysis

        def exe(*args: Any, **kwargs: Any) -> dict[str, Any]:
            self.exes.append(kwargs)
            return kwargs

        def collect(*args: Any, **kwargs: Any) -> None:
            self.collect = (args, kwargs)

        return {
            "__name__": "__main__",
            "SPECPATH": str(ROOT),
            "workpath": str(workpath),
            "Analysis": analysis,
            "PYZ": lambda pure: ("pyz", pure),
            "EXE": exe,
            "COLLECT": collect,
        }


@pytest.fixture(scope="module")
def spec(tmp_path_factory: pytest.TempPathFactory) -> SpecRun:
    run = SpecRun()
    code = compile(SPEC.read_text(encoding="utf-8"), str(SPEC), "exec")
    exec(code, run.names(tmp_path_factory.mktemp("work")))
    return run


def test_every_data_source_exists(spec: SpecRun) -> None:
    assert spec.analysis is not None
    datas = spec.analysis.kwargs["datas"]
    for source, _dest in datas:
        path = Path(source)
        assert list(path.parent.glob(path.name)), f"build.spec ships {source}: matches nothing"
    shipped = {dest for _, dest in datas}
    # Where the running code looks for them (see resources.py, web/app.py, db/migrate.py).
    assert {"resources/fonts", "resources/translations", "resources/layouts"} <= shipped
    assert {"facilitator/web/templates", "facilitator/web/static"} <= shipped
    assert "facilitator/db/migrations/versions" in shipped


def test_every_hidden_import_exists(spec: SpecRun) -> None:
    assert spec.analysis is not None
    hidden = spec.analysis.kwargs["hiddenimports"]
    assert "uvicorn.protocols.http.h11_impl" in hidden
    assert "sqlalchemy.dialects.sqlite.pysqlite" in hidden
    assert {"facilitator.web.feedback.routes", "facilitator.selftest.qt_checks"} <= set(hidden)
    for name in hidden:
        assert importlib.util.find_spec(name) is not None, f"hidden import {name} does not exist"


def test_no_qt_module_the_app_imports_is_excluded(spec: SpecRun) -> None:
    assert spec.analysis is not None
    excludes = set(spec.analysis.kwargs["excludes"])
    used = set()
    for path in (ROOT / "facilitator").rglob("*.py"):
        used |= set(re.findall(r"PySide6\.(Qt\w+)", path.read_text(encoding="utf-8")))
    assert {"QtCore", "QtWidgets", "QtPdf", "QtMultimedia"} <= used
    assert not {f"PySide6.{m}" for m in used} & excludes
    assert {"PySide6.QtWebEngineCore", "PySide6.QtQml", "PySide6.Qt3DCore"} <= excludes


def test_unused_plugins_and_their_libraries_are_dropped(spec: SpecRun) -> None:
    assert spec.analysis is not None
    kept = {dest.rsplit("/", 1)[-1] for dest, _, _ in spec.analysis.binaries}
    assert kept == {
        "libqxcb.so",
        "libqoffscreen.so",
        "qwindows.dll",
        "libibusplatforminputcontextplugin.so",  # Japanese input on Linux
        "libffmpegmediaplugin.so",  # the webcam scanner
        "libQt6Quick.so.6",
        "libavutil.so.59",
        "libqjpeg.so",
        "libQt6Pdf.so.6",
        "libfreetype.so.6",
        "libpython3.11.so.1.0",
    }
    datas = {dest for dest, _, _ in spec.analysis.datas}
    assert "PySide6/Qt/translations/qtbase_ja.qm" in datas
    assert "PySide6/Qt/translations/qtbase_de.qm" not in datas
    assert "resources/fonts/ipaexg.ttf" in datas


@pytest.mark.skipif(
    not sys.platform.startswith("linux") or shutil.which("strip") is None,
    reason="strips ELF files with binutils",
)
def test_libraries_are_stripped_as_copies_except_ffmpeg(spec: SpecRun) -> None:
    assert spec.analysis is not None
    sources = {Path(dest).name: Path(src) for dest, src, _ in spec.analysis.binaries}
    stripped = sources["libpython3.11.so.1.0"]
    assert "stripped" in stripped.parts and stripped.is_file()
    assert stripped != Path(sys.executable).resolve()  # the original is never touched
    # strip breaks Qt's FFmpeg libraries; a file strip cannot read is shipped as it is.
    assert sources["libavutil.so.59"] == Path("/x")
    assert sources["libQt6Pdf.so.6"] == Path("/x")
    assert all(not e["strip"] for e in spec.exes)


def test_two_executables_share_one_folder(spec: SpecRun) -> None:
    assert [(e["name"], e["console"]) for e in spec.exes] == [
        ("facilitator", False),
        ("facilitator-cli", True),
    ]
    assert all(e["exclude_binaries"] for e in spec.exes)
    assert spec.collect is not None
    args, kwargs = spec.collect
    assert kwargs["name"] == "facilitator"
    assert [a for a in args if isinstance(a, dict)] == spec.exes
    assert spec.analysis is not None
    assert spec.analysis.scripts == [str(ROOT / "facilitator" / "__main__.py")]


def test_every_dependency_brings_its_data_files_and_metadata(spec: SpecRun) -> None:
    assert spec.analysis is not None
    datas = {(Path(src).name, dest) for src, dest in spec.analysis.kwargs["datas"]}
    # BudouX's model, which a certificate's and a slide's line breaking read at run time.
    assert ("ja.json", "budoux/models") in datas
    assert ("skip_nodes.json", "budoux") in datas
    # The self-test's `packages` step reads the dependency list from the metadata.
    dests = {dest for _, dest in spec.analysis.kwargs["datas"]}
    for dist in ("facilitator", "budoux", "reportlab", "zxing_cpp"):
        assert any(d.startswith(f"{dist}-") and d.endswith(".dist-info") for d in dests), dist
    # Nothing of what the spec excludes comes back as data.
    assert not any(d.startswith(("greenlet", "tkinter")) for d in dests)


def test_resources_are_found_in_a_frozen_bundle(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "resources" / "fonts").mkdir(parents=True)
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    resources.resources_root.cache_clear()
    try:
        assert resources.resource_path("fonts", "x.ttf") == tmp_path / "resources/fonts/x.ttf"
    finally:
        resources.resources_root.cache_clear()
