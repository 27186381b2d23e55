"""`facilitator agenda times|export`: read-only, work while the GUI holds the writer lock."""

from __future__ import annotations

import io
import json
from pathlib import Path

from pypdf import PdfReader

from facilitator.cli import main
from facilitator.commands.context import CliContext
from facilitator.db.workspace import Workspace
from facilitator.domain.clock import FakeClock
from facilitator.lang import Lang


def run_cli(*argv: str, lang: Lang = "en") -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    ctx = CliContext(lang=lang, out=out, err=err, clock=FakeClock())
    code = main(["--lang", lang, *argv], ctx)
    return code, out.getvalue(), err.getvalue()


def test_times_json(demo_workspace: Workspace) -> None:
    # demo_workspace stays open for writing: the command must not need the lock.
    code, out, _ = run_cli("agenda", "times", "--db", str(demo_workspace.path), "--json")
    assert code == 0
    data = json.loads(out)
    assert data["total_minutes"] == 140
    am = data["sessions"][0]
    assert am["label"] == "AM" and am["fits"] is True
    assert am["items"][1]["title"] == "DXとは何か"
    assert am["items"][1]["start"][11:16] == "09:40"


def test_times_text_in_japanese(demo_workspace: Workspace) -> None:
    code, out, _ = run_cli("agenda", "times", "--db", str(demo_workspace.path), lang="ja")
    assert code == 0
    assert "[AM]" in out and "09:30-09:40  受付・オリエンテーション" in out


def test_export_csv_and_pdf(demo_workspace: Workspace, tmp_path: Path) -> None:
    csv_path = tmp_path / "agenda.csv"
    code, out, _ = run_cli(
        "agenda", "export", "--db", str(demo_workspace.path), "--out", str(csv_path)
    )
    assert code == 0 and "Wrote" in out
    assert csv_path.read_bytes().decode("utf-8-sig").startswith("No,Item,Kind,AM planned (min)")
    pdf_path = tmp_path / "agenda.pdf"
    code, _, _ = run_cli(
        "agenda", "export", "--db", str(demo_workspace.path), "--out", str(pdf_path), lang="ja"
    )
    assert code == 0
    assert "予定と実績" in PdfReader(pdf_path).pages[0].extract_text()


def test_export_refuses_other_extensions(demo_workspace: Workspace, tmp_path: Path) -> None:
    code, _, err = run_cli(
        "agenda",
        "export",
        "--db",
        str(demo_workspace.path),
        "--out",
        str(tmp_path / "a.xlsx"),
        lang="ja",
    )
    assert code == 3 and ".csv" in err
    assert not (tmp_path / "a.xlsx").exists()
