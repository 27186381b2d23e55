"""Exports as the records team gets them: real PDFs, real QR codes, the real CLI."""

from __future__ import annotations

import csv
import io
import json
import zipfile
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader
from pypdf.generic import DictionaryObject, PdfObject

from facilitator.cli import main
from facilitator.commands.context import CliContext
from facilitator.composition import build_certificate_services, build_demo
from facilitator.db.workspace import Workspace, open_workspace
from facilitator.domain.certificates import VerifyOutcome
from facilitator.domain.clock import FakeClock
from facilitator.errors import InputRejected
from facilitator.services.certificates.export import ExportCancelled
from facilitator.services.certificates.issue import CertificateIssuer
from facilitator.services.certificates.layouts import LayoutService
from tests.unit.certificate_helpers import attendee_ids, check_in, decode_qr_on_page, event_id


@pytest.fixture
def issued(demo_workspace: Workspace, clock: FakeClock) -> Workspace:
    """The demo event with 12 people checked in and their numbers issued."""
    check_in(demo_workspace, clock, attendee_ids(demo_workspace)[:12])
    CertificateIssuer(demo_workspace, clock).issue(event_id(demo_workspace))
    return demo_workspace


def _dict(obj: object) -> DictionaryObject:
    resolved = obj.get_object() if isinstance(obj, PdfObject) else obj
    assert isinstance(resolved, DictionaryObject)
    return resolved


def fonts_of(reader: PdfReader) -> list[tuple[str, bool]]:
    """Every font the pages use, also inside form XObjects, and whether it is embedded."""
    fonts = []
    for page in reader.pages:
        pending = [_dict(page["/Resources"])]
        while pending:
            res = pending.pop()
            for ref in _dict(res.get("/Font", DictionaryObject())).values():
                font = _dict(ref)
                descriptor = font.get("/FontDescriptor")
                embedded = descriptor is not None and "/FontFile2" in _dict(descriptor)
                fonts.append((str(font["/BaseFont"]), embedded))
            for ref in _dict(res.get("/XObject", DictionaryObject())).values():
                inner = _dict(ref).get("/Resources")
                if inner is not None:
                    pending.append(_dict(inner))
    return fonts


@pytest.mark.parametrize("layout", ["ja_formal", "en_attendance"])
def test_merged_pdf_has_every_name_embedded_fonts_and_a_verifiable_qr(
    issued: Workspace, clock: FakeClock, tmp_path: Path, layout: str
) -> None:
    ev = event_id(issued)
    LayoutService(issued, clock).choose(ev, layout)
    certs = CertificateIssuer(issued, clock).issued(ev)
    out = tmp_path / "all.pdf"
    result = build_certificate_services(issued, clock).exporter.export(ev, str(out))
    assert result.count == 12 and out.exists()
    reader = PdfReader(out)
    assert len(reader.pages) == 12
    for page, cert in zip(reader.pages, certs, strict=True):
        text = page.extract_text()
        assert cert.name in text and cert.number in text
    fonts = fonts_of(reader)
    assert fonts and all(embedded for _, embedded in fonts)
    assert all("IPAex" in name for name, _ in fonts)
    code = decode_qr_on_page(out, 3, tmp_path)
    assert code == certs[2].code
    service = build_certificate_services(issued, clock)
    assert service.verifier.verify(code).outcome is VerifyOutcome.VALID
    assert service.verifier.verify(code[:-1] + ("Q" if code[-1] != "Q" else "R")).outcome is (
        VerifyOutcome.FORGED
    )
    service.issuer.revoke(certs[2].number, "誤発行")
    assert service.verifier.verify(code).outcome is VerifyOutcome.REVOKED


def test_reexport_is_idempotent_and_respects_force(
    issued: Workspace, clock: FakeClock, tmp_path: Path
) -> None:
    exporter = build_certificate_services(issued, clock).exporter
    ev = event_id(issued)
    out = tmp_path / "all.pdf"
    exporter.export(ev, str(out))
    first = out.read_bytes()
    with pytest.raises(InputRejected, match="--force"):
        exporter.export(ev, str(out))
    clock.advance(86400)
    exporter.export(ev, str(out), force=True)
    assert out.read_bytes() == first


def test_zip_and_folder_hold_one_small_pdf_per_attendee_in_order(
    issued: Workspace, clock: FakeClock, tmp_path: Path
) -> None:
    ev = event_id(issued)
    certs = CertificateIssuer(issued, clock).issued(ev)
    exporter = build_certificate_services(issued, clock).exporter
    exporter.export(ev, str(tmp_path / "c.zip"))
    with zipfile.ZipFile(tmp_path / "c.zip") as archive:
        names = archive.namelist()
        assert names == [f"{c.number}_{c.name}.pdf" for c in certs]
        one = archive.read(names[0])
    assert len(one) <= 60_000
    assert len(PdfReader(io.BytesIO(one)).pages) == 1
    folder = tmp_path / "certs"
    exporter.export(ev, f"{folder}/")
    assert sorted(p.name for p in folder.iterdir()) == sorted(names)
    with pytest.raises(InputRejected):
        exporter.export(ev, f"{folder}/")
    exporter.export(ev, f"{folder}/", force=True)
    assert not [p for p in tmp_path.iterdir() if ".partial" in p.name]


def test_a_cancelled_export_leaves_nothing_behind(
    issued: Workspace, clock: FakeClock, tmp_path: Path
) -> None:
    exporter = build_certificate_services(issued, clock).exporter
    calls: list[int] = []

    def cancel_after_five() -> bool:
        calls.append(1)
        return len(calls) > 5

    out = tmp_path / "out"
    out.mkdir()
    for target in ("all.pdf", "all.zip", "dir/"):
        calls.clear()
        with pytest.raises(ExportCancelled):
            exporter.export(event_id(issued), f"{out}/{target}", cancelled=cancel_after_five)
    assert list(out.iterdir()) == []


def test_issued_list_as_csv_xlsx_and_pdf(
    issued: Workspace, clock: FakeClock, tmp_path: Path
) -> None:
    ev = event_id(issued)
    service = build_certificate_services(issued, clock)
    first = service.issuer.issued(ev)[0]
    with issued.session() as session:
        from facilitator.db.models import Attendee

        row = session.get(Attendee, first.attendee_id)
        assert row is not None
        row.name = '=HYPERLINK("http://x")'
    assert build_certificate_services(issued, clock).write_list(ev, tmp_path / "l.csv") == 12
    raw = (tmp_path / "l.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    assert len(rows) == 13 and rows[1][2] == '\'=HYPERLINK("http://x")'
    build_certificate_services(issued, clock).write_list(ev, tmp_path / "l.xlsx")
    sheet = load_workbook(tmp_path / "l.xlsx").active
    assert sheet["C2"].data_type == "s" and str(sheet["C2"].value).startswith("'=")
    build_certificate_services(issued, clock).write_list(ev, tmp_path / "l.pdf")
    text = PdfReader(tmp_path / "l.pdf").pages[0].extract_text()
    assert first.number in text
    with pytest.raises(InputRejected):
        build_certificate_services(issued, clock).write_list(ev, tmp_path / "l.csv")


def run_cli(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    ctx = CliContext(lang="en", out=out, err=err, clock=FakeClock())
    code = main(["--lang", "en", *argv], ctx)
    return code, out.getvalue(), err.getvalue()


def test_cli_export_and_verify_while_the_gui_holds_the_workspace(tmp_path: Path) -> None:
    db = tmp_path / "w.sqlite"
    clock = FakeClock()
    with open_workspace(db, create=True) as ws:
        build_demo(ws, clock, attendees=10, seed=3)
        check_in(ws, clock, attendee_ids(ws)[:4])
    code, out, err = run_cli(
        "certificates", "export", "--db", str(db), "--out", str(tmp_path / "a.pdf")
    )
    assert code == 0 and "4 certificate" in out
    holder = open_workspace(db)  # the GUI has it open for writing
    try:
        check_in(holder, clock, attendee_ids(holder)[4:6])
        code, out, err = run_cli(
            "certificates", "export", "--db", str(db), "--out", str(tmp_path / "b.pdf")
        )
        assert code == 0 and "4 certificate" in out and "2 eligible" in err
        first = decode_qr_on_page(tmp_path / "b.pdf", 1, tmp_path)
        code, out, _ = run_cli("certificates", "verify", "--db", str(db), first)
        assert code == 0 and out.startswith("VALID")
        code, out, _ = run_cli("certificates", "verify", "--db", str(db), first[:-1] + "9")
        assert code == 3 and out.startswith("FORGED")
        code, out, _ = run_cli("certificates", "verify", "--db", str(db), "C1-NOPE-1-AAAAAAAAAAAAA")
        assert code == 3 and out.startswith("UNKNOWN")
    finally:
        holder.close()
    number = first.split("-", 1)[1].rsplit("-", 1)[0]
    code, out, _ = run_cli(
        "certificates", "revoke", "--db", str(db), number, "--reason", "二重発行"
    )
    assert code == 0
    code, out, _ = run_cli("certificates", "verify", "--db", str(db), first)
    assert code == 3 and out.startswith("REVOKED") and "二重発行" in out
    code, out, _ = run_cli("--lang", "ja", "certificates", "verify", "--db", str(db), first)
    assert out.startswith("取消済み")
    # Only the number, as read out over the phone: the record, never "valid".
    typed = number.lower().replace("-", "－")  # lower case, full-width hyphens
    code, out, _ = run_cli("--lang", "ja", "certificates", "verify", "--db", str(db), typed)
    assert code == 3 and out.startswith("番号のみ") and "二重発行" in out and "C1-" in out
    code, out, _ = run_cli("certificates", "verify", "--db", str(db), number, "--json")
    assert code == 3 and json.loads(out)["outcome"] == "number_only"
    code, _, err = run_cli(
        "certificates", "export", "--db", str(db), "--out", str(tmp_path / "x.txt")
    )
    assert code == 3 and ".zip" in err


def test_a_layout_with_a_seal_image_and_a_background(
    issued: Workspace, clock: FakeClock, tmp_path: Path
) -> None:
    import base64

    from PIL import Image

    from facilitator.services.certificates.layouts import builtin_spec

    def png(colour: str, size: tuple[int, int]) -> str:
        buffer = io.BytesIO()
        Image.new("RGB", size, colour).save(buffer, "PNG")
        return base64.b64encode(buffer.getvalue()).decode("ascii")

    ev = event_id(issued)
    spec = builtin_spec("ja_formal")
    spec["background"] = png("#FFF8E8", (60, 42))
    spec["elements"].append(
        {
            "kind": "image",
            "x": 240,
            "y": 150,
            "width": 25,
            "height": 25,
            "data": png("red", (40, 40)),
        }
    )
    LayoutService(issued, clock).save(ev, spec, "ja_formal")
    out = tmp_path / "sealed.pdf"
    build_certificate_services(issued, clock).exporter.export(ev, str(out))
    reader = PdfReader(out)
    assert len(reader.pages) == 12
    page_objects = _dict(_dict(reader.pages[0]["/Resources"])["/XObject"])
    form = _dict(next(iter(page_objects.values())))
    form_objects = _dict(_dict(form["/Resources"])["/XObject"])
    images = [x for x in form_objects.values() if _dict(x)["/Subtype"] == "/Image"]
    assert len(images) == 2  # drawn once in the shared part, not once per page
    assert len(out.read_bytes()) < 40_000 * 12  # the images are not repeated per page
