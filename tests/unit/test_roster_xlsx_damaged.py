"""A damaged .xlsx is refused with the reader's bilingual message, never an unexpected error."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable
from pathlib import Path

import openpyxl
import pytest

from facilitator.importers.roster_reader import RosterFileRejected, read_roster_file

Mutate = Callable[[str, bytes], bytes | None]  # part name, bytes -> new bytes or None (drop)


def _workbook() -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["職員番号", "氏名", "所属"])
    sheet.append([1001, "山田 太郎", "総務課"])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _damaged(tmp_path: Path, mutate: Mutate) -> Path:
    source = zipfile.ZipFile(io.BytesIO(_workbook()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for name in source.namelist():
            data = mutate(name, source.read(name))
            if data is not None:
                target.writestr(name, data)
    path = tmp_path / "roster.xlsx"
    path.write_bytes(out.getvalue())
    return path


def test_the_undamaged_workbook_reads(tmp_path: Path) -> None:
    table = _damaged(tmp_path, lambda _name, data: data)
    assert read_roster_file(table).rows == (("1001", "山田 太郎", "総務課"),)


@pytest.mark.parametrize(
    "mutate",
    [
        pytest.param(
            lambda n, d: d[: len(d) // 2] if n.endswith("sheet1.xml") else d, id="cut-sheet"
        ),
        pytest.param(lambda n, d: None if n.endswith("sheet1.xml") else d, id="missing-sheet"),
        pytest.param(lambda n, d: b"<x" if n.endswith("workbook.xml") else d, id="bad-workbook"),
        pytest.param(lambda n, d: b"garbage" if n.endswith("styles.xml") else d, id="bad-styles"),
        pytest.param(lambda n, d: None if n == "[Content_Types].xml" else d, id="no-content-types"),
    ],
)
def test_damaged_workbook_is_refused_with_a_message(tmp_path: Path, mutate: Mutate) -> None:
    path = _damaged(tmp_path, mutate)
    with pytest.raises(RosterFileRejected) as refused:
        read_roster_file(path)
    assert refused.value.message.en == "roster.xlsx is not a readable Excel (.xlsx) file."
    assert (
        refused.value.message.ja
        == "roster.xlsx は読み込める Excel（.xlsx）ファイルではありません。"
    )
