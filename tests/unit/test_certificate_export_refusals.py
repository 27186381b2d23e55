"""Why `certificates export` writes nothing, said precisely."""

from __future__ import annotations

from pathlib import Path

import pytest

from facilitator.cli import main
from facilitator.commands.context import EXIT_REJECTED
from facilitator.composition import build_certificate_services, build_demo
from facilitator.db.workspace import Workspace, open_workspace
from facilitator.domain.clock import FakeClock
from facilitator.errors import InputRejected
from facilitator.services.certificates.issue import CertificateIssuer
from tests.unit.certificate_helpers import attendee_ids, check_in, event_id


def test_all_revoked_says_revoked_not_never_issued(
    demo_workspace: Workspace, clock: FakeClock, tmp_path: Path
) -> None:
    ev = event_id(demo_workspace)
    exporter = build_certificate_services(demo_workspace, clock).exporter
    with pytest.raises(InputRejected) as never:
        exporter.export(ev, str(tmp_path / "none.pdf"))
    assert "issue them first" in never.value.message.en

    check_in(demo_workspace, clock, attendee_ids(demo_workspace)[:2])
    service = build_certificate_services(demo_workspace, clock)
    service.issuer.issue(ev)
    for cert in service.issuer.issued(ev):
        service.issuer.revoke(cert.number, "test")
    out = tmp_path / "all.pdf"
    with pytest.raises(InputRejected) as revoked:
        exporter.export(ev, str(out))
    assert revoked.value.message.en == (
        "Every certificate of this event (2) has been revoked; there is nothing to export."
    )
    assert "すべて取り消されています" in revoked.value.message.ja
    assert not out.exists()


@pytest.mark.parametrize("target", ["x.pdf", "x.zip", "folder/"])
def test_an_unwritable_target_is_refused_not_a_crash(
    demo_workspace: Workspace, clock: FakeClock, tmp_path: Path, target: str
) -> None:
    ev = event_id(demo_workspace)
    check_in(demo_workspace, clock, attendee_ids(demo_workspace)[:1])
    CertificateIssuer(demo_workspace, clock).issue(ev)
    blocker = tmp_path / "a-file"
    blocker.write_bytes(b"keep")
    with pytest.raises(InputRejected) as refused:
        build_certificate_services(demo_workspace, clock).exporter.export(ev, f"{blocker}/{target}")
    assert refused.value.message.en.startswith(f"Cannot write {blocker}/")
    assert "に書き込めません" in refused.value.message.ja
    assert blocker.read_bytes() == b"keep"


def test_cli_export_while_held_and_nothing_issued_says_where_to_issue(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Not "run `certificates issue`": that command is refused by the same lock."""
    db = tmp_path / "w.sqlite"
    clock = FakeClock()
    holder = open_workspace(db, create=True)  # the GUI or `serve` has it open for writing
    try:
        build_demo(holder, clock, attendees=6, seed=3)
        check_in(holder, clock, attendee_ids(holder)[:2])
        out = tmp_path / "a.pdf"
        code = main(["--lang", "ja", "certificates", "export", "--db", str(db), "--out", str(out)])
        err = capsys.readouterr().err
        assert code == EXIT_REJECTED and not out.exists()
        assert "書き込み用に開かれているため、今は発行できません" in err
        assert "certificates issue" not in err
    finally:
        holder.close()
