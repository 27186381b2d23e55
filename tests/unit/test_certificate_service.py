"""Eligibility, stable numbers, revocation and verification against a real workspace."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from facilitator.composition import build_certificate_services, build_demo
from facilitator.db.models import Attendee, AuditLog
from facilitator.db.workspace import Workspace, open_workspace
from facilitator.domain.certificates import Override, Reason, VerifyOutcome, verification_code
from facilitator.domain.clock import FakeClock
from facilitator.errors import InputRejected
from facilitator.services.certificates.eligibility import CertificateSettings
from facilitator.services.certificates.suite import CertificateServices
from tests.unit.certificate_helpers import attendee_ids, check_in, event_id, mark_feedback


@pytest.fixture
def service(demo_workspace: Workspace, clock: FakeClock) -> CertificateServices:
    return build_certificate_services(demo_workspace, clock)


def test_only_people_who_checked_in_are_eligible(
    demo_workspace: Workspace, clock: FakeClock, service: CertificateServices
) -> None:
    ids = attendee_ids(demo_workspace)
    check_in(demo_workspace, clock, ids[:10])
    check_in(demo_workspace, clock, ids[10:12], undone=True)  # an undone check-in does not count
    rows = {r.attendee_id: r for r in service.eligibility.eligibility(event_id(demo_workspace))}
    assert len(rows) == 100
    assert {a for a, r in rows.items() if r.eligible} == set(ids[:10])
    assert rows[ids[10]].reason is Reason.NOT_CHECKED_IN
    assert rows[ids[0]].reason is Reason.CHECKED_IN


def test_feedback_rule_and_manual_decisions(
    demo_workspace: Workspace, clock: FakeClock, service: CertificateServices
) -> None:
    ev = event_id(demo_workspace)
    ids = attendee_ids(demo_workspace)
    check_in(demo_workspace, clock, ids[:4])
    mark_feedback(demo_workspace, clock, ids[:2])
    settings = service.eligibility.get_settings(ev)
    service.eligibility.update_settings(
        ev, CertificateSettings(settings.prefix, settings.number_format, True)
    )
    service.eligibility.set_override(ids[50], Override.INCLUDE, "出張のため別日程で受講")
    service.eligibility.set_override(ids[0], Override.EXCLUDE, "途中退席")
    rows = {r.attendee_id: r for r in service.eligibility.eligibility(ev)}
    assert rows[ids[1]].eligible and rows[ids[1]].reason is Reason.CHECKED_IN
    assert not rows[ids[2]].eligible and rows[ids[2]].reason is Reason.NO_FEEDBACK
    assert rows[ids[50]].eligible and rows[ids[50]].reason is Reason.INCLUDED_MANUALLY
    assert rows[ids[50]].override_reason == "出張のため別日程で受講"
    assert not rows[ids[0]].eligible and rows[ids[0]].reason is Reason.EXCLUDED_MANUALLY
    with pytest.raises(InputRejected):
        service.eligibility.set_override(ids[3], Override.EXCLUDE, "   ")  # a reason is required
    service.eligibility.set_override(ids[0], Override.NONE)
    assert {r.attendee_id: r for r in service.eligibility.eligibility(ev)}[ids[0]].eligible


def test_numbers_are_stable_when_someone_new_checks_in(
    demo_workspace: Workspace, clock: FakeClock, service: CertificateServices
) -> None:
    ev = event_id(demo_workspace)
    ids = attendee_ids(demo_workspace)
    check_in(demo_workspace, clock, ids[:20])
    first = service.issuer.issue(ev)
    assert [c.number for c in first.newly_issued][:2] == ["CERT-2026-0001", "CERT-2026-0002"]
    before = {c.attendee_id: c.number for c in service.issuer.issued(ev)}
    # The latecomer sorts before people already numbered: nobody is renumbered.
    order = [r.attendee_id for r in service.eligibility.eligibility(ev)]
    late = next(a for a in order if a not in before)
    assert order.index(late) < max(order.index(a) for a in before)
    check_in(demo_workspace, clock, [late])
    second = service.issuer.issue(ev)
    after = {c.attendee_id: c.number for c in service.issuer.issued(ev)}
    assert [c.attendee_id for c in second.newly_issued] == [late]
    assert after[late] == "CERT-2026-0021"
    assert {a: n for a, n in after.items() if a in before} == before
    assert service.issuer.issue(ev).newly_issued == ()  # issuing again changes nothing


def test_first_numbers_follow_department_then_kana(
    demo_workspace: Workspace, clock: FakeClock, service: CertificateServices
) -> None:
    ev = event_id(demo_workspace)
    check_in(demo_workspace, clock, attendee_ids(demo_workspace))
    service.issuer.issue(ev)
    numbers = [r.number or "" for r in service.eligibility.eligibility(ev)]
    assert all(numbers)
    assert numbers == sorted(numbers)  # the eligibility list and the numbers share one order


def test_revoke_and_reissue_keep_the_number_and_are_recorded(
    demo_workspace: Workspace, clock: FakeClock, service: CertificateServices
) -> None:
    ev = event_id(demo_workspace)
    check_in(demo_workspace, clock, attendee_ids(demo_workspace)[:3])
    cert = service.issuer.issue(ev).newly_issued[0]
    assert service.verifier.verify(cert.code).outcome is VerifyOutcome.VALID
    with pytest.raises(InputRejected):
        service.issuer.revoke(cert.number, "")
    clock.advance(3600)
    service.issuer.revoke(cert.number, "受講記録の誤り")
    result = service.verifier.verify(cert.code)
    assert result.outcome is VerifyOutcome.REVOKED
    assert result.revoke_reason == "受講記録の誤り" and result.revoked_at == clock.now()
    with pytest.raises(InputRejected):
        service.issuer.revoke(cert.number, "again")
    again = service.issuer.reissue(cert.number, "記録を訂正")
    assert again.number == cert.number and again.reissue_count == 1 and again.code == cert.code
    assert service.verifier.verify(cert.code).outcome is VerifyOutcome.VALID
    with demo_workspace.session() as session:
        actions = list(session.scalars(select(AuditLog.action).order_by(AuditLog.id)))
    assert actions[-3:] == ["certificate.issue", "certificate.revoke", "certificate.reissue"]


def test_verify_tells_valid_forged_unknown(
    demo_workspace: Workspace, clock: FakeClock, service: CertificateServices
) -> None:
    ev = event_id(demo_workspace)
    check_in(demo_workspace, clock, attendee_ids(demo_workspace)[:3])
    certs = service.issuer.issue(ev).newly_issued
    code = certs[0].code
    valid = service.verifier.verify(code)
    assert valid.outcome is VerifyOutcome.VALID
    with demo_workspace.session() as session:
        name = session.get(Attendee, certs[0].attendee_id).name  # type: ignore[union-attr]
    assert valid.name == name and valid.event_title == "管理職向けDX推進研修"
    flipped = code[:-1] + ("A" if code[-1] != "A" else "B")
    assert service.verifier.verify(flipped).outcome is VerifyOutcome.FORGED
    # Another certificate's number with this one's signature:
    assert service.verifier.verify(code.replace("0001", "0002")).outcome is VerifyOutcome.FORGED
    assert service.verifier.verify(code.replace("0001", "0999")).outcome is VerifyOutcome.UNKNOWN
    assert service.verifier.verify("not a code").outcome is VerifyOutcome.UNKNOWN
    # The right number signed with another event's secret is a forgery.
    other = verification_code("ab" * 32, certs[0].number)
    assert service.verifier.verify(other).outcome is VerifyOutcome.FORGED


def test_two_events_with_the_same_prefix_never_share_a_number(
    tmp_path: Path, clock: FakeClock
) -> None:
    with open_workspace(tmp_path / "two.sqlite", create=True) as ws:
        build_demo(ws, clock, attendees=6, seed=1)
        service = build_certificate_services(ws, clock)
        with ws.session() as session:
            ids = list(session.scalars(select(Attendee.id).order_by(Attendee.id)))
        check_in(ws, clock, ids)
        first = service.issuer.issue(1)
        build_demo(ws, clock, attendees=4, seed=2)
        with ws.session() as session:
            more = list(session.scalars(select(Attendee.id).where(Attendee.event_id == 2)))
        check_in(ws, clock, more)
        second = service.issuer.issue(2)
    numbers_one = {c.number for c in first.newly_issued}
    numbers_two = {c.number for c in second.newly_issued}
    assert len(numbers_one) == 6 and len(numbers_two) == 4
    assert not numbers_one & numbers_two
    assert sorted(numbers_two)[0] == "CERT-2026-0007"


def test_a_format_without_seq_is_refused_and_nothing_changes(
    demo_workspace: Workspace, service: CertificateServices
) -> None:
    ev = event_id(demo_workspace)
    with pytest.raises(InputRejected):
        service.eligibility.update_settings(ev, CertificateSettings("K", "{prefix}-{year}", False))
    assert service.eligibility.get_settings(ev).number_format == "{prefix}-{year}-{seq:04d}"
    custom = service.eligibility.update_settings(
        ev, CertificateSettings("研修", "{prefix}第{seq}号", False)
    )
    assert custom.prefix == "研修"


def test_an_edited_layout_is_kept_when_switching_back_to_a_built_in(
    demo_workspace: Workspace, clock: FakeClock
) -> None:
    from facilitator.errors import ValidationFailed
    from facilitator.services.certificates.layouts import LayoutService, builtin_spec

    ev = event_id(demo_workspace)
    layouts = LayoutService(demo_workspace, clock)
    assert layouts.get(ev).builtin_key == "ja_formal" and not layouts.get(ev).has_custom
    with pytest.raises(InputRejected):
        layouts.choose(ev, "custom")  # nothing saved yet
    spec = builtin_spec("ja_formal")
    spec["elements"][3]["text"] = "研修修了証"
    saved = layouts.save(ev, spec, "ja_formal")
    assert saved.custom and layouts.get(ev).spec["elements"][3]["text"] == "研修修了証"
    assert not layouts.choose(ev, "en_attendance").custom
    back = layouts.choose(ev, "custom")
    assert back.custom and back.spec["elements"][3]["text"] == "研修修了証"
    spec["elements"][3]["text"] = "{unknown}"
    with pytest.raises(ValidationFailed):
        layouts.save(ev, spec, "ja_formal")
    assert layouts.get(ev).spec["elements"][3]["text"] == "研修修了証"
    pdf = layouts.preview(ev, back.spec, None)
    assert pdf.startswith(b"%PDF")


def test_a_japanese_number_format_gets_a_verifiable_code(
    demo_workspace: Workspace, clock: FakeClock, service: CertificateServices
) -> None:
    ev = event_id(demo_workspace)
    service.eligibility.update_settings(
        ev, CertificateSettings("みなと研修", "{prefix}第{seq}号", False)
    )
    check_in(demo_workspace, clock, attendee_ids(demo_workspace)[:2])
    cert = service.issuer.issue(ev).newly_issued[0]
    assert cert.number == "みなと研修第1号" and cert.code.startswith("C2-")
    result = service.verifier.verify(cert.code)
    assert result.outcome is VerifyOutcome.VALID and result.number == "みなと研修第1号"


def test_a_number_or_code_is_found_however_it_was_typed(
    demo_workspace: Workspace, clock: FakeClock, service: CertificateServices
) -> None:
    from facilitator.db.models import Event

    with demo_workspace.session() as session:
        session.scalars(select(Event)).one().certificate_prefix = "hr"  # a lower-case prefix
    check_in(demo_workspace, clock, attendee_ids(demo_workspace)[:1])
    cert = service.issuer.issue(event_id(demo_workspace)).newly_issued[0]
    assert cert.number.startswith("hr-")
    wide = str.maketrans(
        {
            c: chr(ord(c) + 0xFEE0)
            for c in "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
        }
    )
    for typed in (cert.number, cert.number.upper(), cert.number.replace("-", "ー").translate(wide)):
        assert service.verifier.verify(f" {typed} ").outcome is VerifyOutcome.NUMBER_ONLY, typed
    # The whole code, typed in full width with a long dash, is still verified.
    assert (
        service.verifier.verify(cert.code.translate(wide).replace("-", "－")).outcome
        is VerifyOutcome.VALID
    )
    assert service.verifier.verify("hr-1999-0001").outcome is VerifyOutcome.UNKNOWN
