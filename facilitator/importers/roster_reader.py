"""Reading a roster file into a plain table of strings.

CSV and TSV come as UTF-8 (with or without BOM) or as Shift_JIS written by
Excel, which is really CP932 (it has 髙, 﨑, ①, ㈱ that plain Shift_JIS lacks).
The encoding is found by strict decoding in a fixed order, so the same file
always gives the same answer; the user can override it. The delimiter comes
from the csv module's Sniffer. XLSX is read with openpyxl in read-only mode.

Every refusal is a `RosterFileRejected` with a bilingual message; nothing here
touches the workspace.
"""

from __future__ import annotations

import csv
import io
import zipfile
from dataclasses import dataclass
from datetime import date, datetime, time
from pathlib import Path

from facilitator.errors import InputRejected, Msg

# A roster of a whole city's staff is a few MB; anything far larger is not a roster.
MAX_FILE_BYTES = 20 * 1024 * 1024
MAX_ROWS = 50_000
SNIFF_BYTES = 64 * 1024

ENCODINGS: dict[str, str] = {
    # user-facing name -> Python codec
    "utf-8": "utf-8-sig",
    "cp932": "cp932",
    "shift_jis": "cp932",  # what Excel calls Shift_JIS is CP932
}
XLSX_MAGIC = b"PK\x03\x04"


class RosterFileRejected(InputRejected):
    """The file cannot be read as a roster; nothing was imported."""


@dataclass(frozen=True)
class RawTable:
    """A file's header and data rows as text; `row_numbers` are 1-based file rows."""

    headers: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    row_numbers: tuple[int, ...]
    encoding: str | None  # None for XLSX
    sheet: str | None
    sheets: tuple[str, ...] = ()


def _reject(en: str, ja: str) -> RosterFileRejected:
    return RosterFileRejected(Msg(en=en, ja=ja))


def read_roster_file(
    path: Path, *, encoding: str | None = None, sheet: str | None = None
) -> RawTable:
    """Read `path` (.csv, .tsv, .txt or .xlsx); `encoding`/`sheet` override detection."""
    path = Path(path)
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise _reject(
            f"Cannot open {path.name}: {exc.strerror}.",
            f"{path.name} を開けません（{exc.strerror}）。",
        ) from exc
    if path.is_dir():
        raise _reject(f"{path.name} is a folder.", f"{path.name} はフォルダーです。")
    if size == 0:
        raise _reject(
            f"{path.name} is empty: there is nothing to import.",
            f"{path.name} は空のファイルです。取り込む内容がありません。",
        )
    if size > MAX_FILE_BYTES:
        mb = size / (1024 * 1024)
        raise _reject(
            f"{path.name} is {mb:.0f} MB; a roster file may be at most "
            f"{MAX_FILE_BYTES // (1024 * 1024)} MB. Check that this is the right file.",
            f"{path.name} は {mb:.0f} MB あります。名簿ファイルは "
            f"{MAX_FILE_BYTES // (1024 * 1024)} MB までです。ファイルが正しいか確認してください。",
        )
    data = path.read_bytes()
    if data.startswith(XLSX_MAGIC) or path.suffix.lower() in (".xlsx", ".xlsm"):
        return _read_xlsx(path, data, sheet)
    if path.suffix.lower() in (".xls",):
        raise _reject(
            f"{path.name} is an old Excel (.xls) file; save it as .xlsx or CSV first.",
            f"{path.name} は古い Excel 形式（.xls）です。.xlsx か CSV で保存し直してください。",
        )
    text, used = decode_text(data, encoding, path.name)
    return _parse_delimited(text, used, path)


def decode_text(data: bytes, encoding: str | None, name: str) -> tuple[str, str]:
    """Decode `data`; returns (text, encoding name). Refuses binary data."""
    if b"\x00" in data[:SNIFF_BYTES]:
        raise _reject(
            f"{name} is not a text file (it contains binary data). Choose a CSV, TSV or XLSX file.",
            f"{name} はテキストファイルではありません（バイナリデータを含みます）。CSV、TSV、XLSX のいずれかを選んでください。",
        )
    if encoding is not None:
        codec = ENCODINGS.get(encoding.strip().lower().replace("-", "_").replace("utf_8", "utf-8"))
        if codec is None:
            raise _reject(
                f"Unknown encoding {encoding!r}; use utf-8 or cp932 (Shift_JIS).",
                f"不明な文字コード {encoding!r} です。utf-8 または cp932（Shift_JIS）を指定してください。",
            )
        try:
            return data.decode(codec), "utf-8" if codec == "utf-8-sig" else "cp932"
        except UnicodeDecodeError as exc:
            raise _reject(
                f"{name} is not valid {encoding} (byte {exc.start}). Try another encoding.",
                f"{name} は {encoding} として読めません（{exc.start} バイト目）。別の文字コードを試してください。",
            ) from exc
    # UTF-8 first: CP932 text practically never decodes as UTF-8, while many
    # UTF-8 byte sequences happen to be valid CP932.
    for codec, label in (("utf-8-sig", "utf-8"), ("cp932", "cp932")):
        try:
            return data.decode(codec), label
        except UnicodeDecodeError:
            continue
    raise _reject(
        f"{name} is neither UTF-8 nor Shift_JIS (CP932) text. Save it from Excel as CSV (UTF-8) and try again.",
        f"{name} は UTF-8 でも Shift_JIS（CP932）でもありません。Excel で「CSV UTF-8」形式で保存し直してください。",
    )


def _parse_delimited(text: str, encoding: str, path: Path) -> RawTable:
    sample = text[:SNIFF_BYTES]
    if "\n" in sample and len(text) > SNIFF_BYTES:
        sample = sample[: sample.rfind("\n")]
    try:
        dialect: type[csv.Dialect] | csv.Dialect = csv.Sniffer().sniff(sample, delimiters=",\t;")
    except csv.Error:
        # One column, or too little text to tell: the extension decides.
        dialect = csv.excel_tab if path.suffix.lower() == ".tsv" else csv.excel
    reader = csv.reader(io.StringIO(text, newline=""), dialect)
    headers: tuple[str, ...] | None = None
    rows: list[tuple[str, ...]] = []
    numbers: list[int] = []
    try:
        for record in reader:
            if not any(cell.strip() for cell in record):
                continue
            if headers is None:
                headers = tuple(cell.strip() for cell in record)
                continue
            rows.append(tuple(record))
            numbers.append(reader.line_num)
            if len(rows) > MAX_ROWS:
                raise _too_many(path.name)
    except csv.Error as exc:
        raise _reject(
            f"{path.name} is not a well-formed CSV file (line {reader.line_num}: {exc}).",
            f"{path.name} は CSV として正しくありません（{reader.line_num} 行目：{exc}）。",
        ) from exc
    return _finish(path.name, headers, rows, numbers, encoding, None, ())


def _too_many(name: str) -> RosterFileRejected:
    return _reject(
        f"{name} has more than {MAX_ROWS:,} rows; a roster may have at most {MAX_ROWS:,}.",
        f"{name} は {MAX_ROWS:,} 行を超えています。名簿は {MAX_ROWS:,} 行までです。",
    )


def _finish(
    name: str,
    headers: tuple[str, ...] | None,
    rows: list[tuple[str, ...]],
    numbers: list[int],
    encoding: str | None,
    sheet: str | None,
    sheets: tuple[str, ...],
) -> RawTable:
    if headers is None:
        raise _reject(
            f"{name} has no rows: there is nothing to import.",
            f"{name} には行がありません。取り込む内容がありません。",
        )
    if not rows:
        raise _reject(
            f"{name} has only a header row and no attendees.",
            f"{name} には見出し行しかなく、受講者の行がありません。",
        )
    return RawTable(headers, tuple(rows), tuple(numbers), encoding, sheet, sheets)


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        # Excel stores staff numbers typed as numbers as floats: 1234.0 -> "1234".
        return str(int(value))
    if isinstance(value, datetime):
        return value.isoformat(sep=" ", timespec="minutes")
    if isinstance(value, date | time):
        return value.isoformat()
    return str(value)


# What openpyxl raises for a damaged workbook: a broken zip, a missing part, XML that
# does not parse (ElementTree's ParseError is a SyntaxError), or parts that do not fit
# together (a sheet listed but absent). Read-only mode parses a sheet only while its
# rows are read, so the same damage can surface at any row.
_DAMAGED_XLSX = (
    zipfile.BadZipFile,
    KeyError,
    IndexError,
    ValueError,
    TypeError,
    AttributeError,
    SyntaxError,
    EOFError,
    OSError,
)


def _unreadable_xlsx(path: Path) -> RosterFileRejected:
    return _reject(
        f"{path.name} is not a readable Excel (.xlsx) file.",
        f"{path.name} は読み込める Excel（.xlsx）ファイルではありません。",
    )


def _read_xlsx(path: Path, data: bytes, sheet: str | None) -> RawTable:
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except _DAMAGED_XLSX as exc:
        raise _unreadable_xlsx(path) from exc
    try:
        names = tuple(workbook.sheetnames)
        if not names:
            raise _unreadable_xlsx(path)
        if sheet is not None and sheet not in names:
            raise _reject(
                f"{path.name} has no sheet {sheet!r} (sheets: {', '.join(names)}).",
                f"{path.name} にシート「{sheet}」はありません（シート：{'、'.join(names)}）。",
            )
        chosen = sheet or names[0]
        headers: tuple[str, ...] | None = None
        rows: list[tuple[str, ...]] = []
        numbers: list[int] = []
        try:
            for number, values in enumerate(workbook[chosen].iter_rows(values_only=True), start=1):
                cells = tuple(_cell_text(v) for v in values)
                if not any(c.strip() for c in cells):
                    continue
                if headers is None:
                    headers = tuple(c.strip() for c in cells)
                    continue
                rows.append(cells)
                numbers.append(number)
                if len(rows) > MAX_ROWS:
                    raise _too_many(path.name)
        except _DAMAGED_XLSX as exc:
            raise _unreadable_xlsx(path) from exc
    finally:
        workbook.close()
    return _finish(path.name, headers, rows, numbers, None, chosen, names)
