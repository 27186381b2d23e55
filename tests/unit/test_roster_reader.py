"""Reading roster files: encodings, delimiters, XLSX, and files that are not rosters."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import Workbook

from facilitator.domain.roster_rules import RosterField, kana_sort_key, normalise_value
from facilitator.importers.columns import ColumnMapping, guess_mapping
from facilitator.importers.roster_reader import (
    MAX_FILE_BYTES,
    RosterFileRejected,
    read_roster_file,
)

HEADER = "職員番号,氏名,フリガナ,所属,職名,役割,希望"
ROWS = [
    "1001,髙橋 﨑子,ﾀｶﾊｼ ｻｷｺ,㈱総務課①,課長,DX推進リーダー,AM",
    "1002,山田 太郎,やまだ たろう,人事課,係長,,午後",
]


def write(path: Path, text: str, encoding: str) -> Path:
    path.write_bytes(text.encode(encoding))
    return path


@pytest.mark.parametrize(
    ("encoding", "expected"),
    [("cp932", "cp932"), ("utf-8", "utf-8"), ("utf-8-sig", "utf-8")],
)
def test_detects_encoding_and_keeps_extension_characters(
    tmp_path: Path, encoding: str, expected: str
) -> None:
    path = write(tmp_path / "r.csv", "\r\n".join([HEADER, *ROWS]) + "\r\n", encoding)
    table = read_roster_file(path)
    assert table.encoding == expected
    assert table.headers[0] == "職員番号"  # a BOM never sticks to the first header
    assert table.rows[0][1] == "髙橋 﨑子"
    assert table.rows[0][3] == "㈱総務課①"
    assert table.row_numbers == (2, 3)


def test_encoding_override_and_wrong_override(tmp_path: Path) -> None:
    path = write(tmp_path / "r.csv", "\n".join([HEADER, *ROWS]), "cp932")
    assert read_roster_file(path, encoding="shift_jis").rows[0][1] == "髙橋 﨑子"
    with pytest.raises(RosterFileRejected) as caught:
        read_roster_file(path, encoding="utf-8")
    assert "utf-8" in caught.value.message.en
    with pytest.raises(RosterFileRejected):
        read_roster_file(path, encoding="latin-9")


def test_tsv_and_semicolon_are_sniffed(tmp_path: Path) -> None:
    tsv = write(
        tmp_path / "r.tsv", "\n".join(x.replace(",", "\t") for x in [HEADER, *ROWS]), "utf-8"
    )
    assert read_roster_file(tsv).rows[1][3] == "人事課"
    semi = write(
        tmp_path / "r.txt", "\n".join(x.replace(",", ";") for x in [HEADER, *ROWS]), "utf-8"
    )
    assert read_roster_file(semi).rows[1][0] == "1002"


def test_quoted_cells_with_commas_and_newlines(tmp_path: Path) -> None:
    text = HEADER + '\n1003,"佐藤, 花子","さとう","総務課\n分室",,,\n'
    table = read_roster_file(write(tmp_path / "q.csv", text, "utf-8"))
    assert table.rows[0][1] == "佐藤, 花子"
    assert table.rows[0][3] == "総務課\n分室"


def test_xlsx_first_or_chosen_sheet(tmp_path: Path) -> None:
    book = Workbook()
    first = book.active
    first.title = "表紙"
    first.append(["staff_no", "name", "department"])
    first.append([1234.0, "Alice", "IT"])
    second = book.create_sheet("名簿")
    second.append(["職員番号", "氏名", "所属"])
    second.append(["9", "髙橋", "㈱"])
    path = tmp_path / "r.xlsx"
    book.save(path)
    table = read_roster_file(path)
    assert table.sheet == "表紙" and table.sheets == ("表紙", "名簿")
    assert table.rows[0][0] == "1234"  # a number typed in Excel, not 1234.0
    assert read_roster_file(path, sheet="名簿").rows[0] == ("9", "髙橋", "㈱")
    with pytest.raises(RosterFileRejected):
        read_roster_file(path, sheet="無い")


@pytest.mark.parametrize(
    ("content", "phrase"),
    [
        (b"", "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00IHDR", "not a text file"),
        ("職員番号,氏名,所属\r\n".encode("cp932"), "only a header"),
        (b"\n\n  \n", "no rows"),
        (b"\xff\xfe\xfa\x80\x81", "neither UTF-8"),
        (b"PK\x03\x04broken", "not a readable Excel"),
    ],
)
def test_unreadable_files_get_a_clear_message(tmp_path: Path, content: bytes, phrase: str) -> None:
    path = tmp_path / "bad.csv"
    path.write_bytes(content)
    with pytest.raises(RosterFileRejected) as caught:
        read_roster_file(path)
    assert phrase in caught.value.message.en
    assert caught.value.message.ja


def test_huge_file_is_refused_without_reading_it(tmp_path: Path) -> None:
    path = tmp_path / "huge.csv"
    with path.open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)  # a sparse 50 MB file
    assert path.stat().st_size > MAX_FILE_BYTES
    with pytest.raises(RosterFileRejected) as caught:
        read_roster_file(path)
    assert "50 MB" in caught.value.message.en


def test_header_mapping_in_both_languages_any_order() -> None:
    mapping = guess_mapping(
        ["備考", "Department", "ＮＡＭＥ", "staff number", "ﾌﾘｶﾞﾅ", "E-Mail", "希望"]
    )
    assert mapping.columns == {
        RosterField.DEPARTMENT: 1,
        RosterField.NAME: 2,
        RosterField.STAFF_NO: 3,
        RosterField.KANA: 4,
        RosterField.EMAIL: 5,
        RosterField.PREFERENCE: 6,
    }
    assert guess_mapping(["a", "b"]).missing_required() == [
        RosterField.STAFF_NO,
        RosterField.NAME,
        RosterField.DEPARTMENT,
    ]
    remapped = ColumnMapping({RosterField.NAME: 0}).with_column(RosterField.STAFF_NO, 0)
    assert remapped.columns == {RosterField.STAFF_NO: 0}


def test_normalisation() -> None:
    assert normalise_value(RosterField.STAFF_NO, "\u3000０１２３ ") == "0123"
    assert normalise_value(RosterField.EMAIL, "ＴＡＲＯ＠example.jp") == "TARO@example.jp"
    # Names keep their exact characters (NFKC would change ㈱ and ①).
    assert normalise_value(RosterField.NAME, "\u3000㈱髙橋①　") == "㈱髙橋①"
    assert normalise_value(RosterField.KANA, "ﾀｶﾊｼ ｻｷｺ") == "タカハシ サキコ"
    assert kana_sort_key("タカハシ") == kana_sort_key("たかはし")
    assert kana_sort_key("", "名") > kana_sort_key("わ")
