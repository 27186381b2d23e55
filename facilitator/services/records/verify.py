"""Verifying any certificate the city ever issued, from the records. Read-only.

The records keep each certificate's printed code, not the event's secret: a
code is genuine when its signature is the one printed on that certificate.
The outcomes are those of the workspace's verifier (`domain.certificates`).
"""

from __future__ import annotations

from sqlalchemy import select

from facilitator.db.records.models import Enrolment, Person, RecordCertificate, RecordEvent
from facilitator.db.records.store import RecordsStore
from facilitator.domain.certificates import VerifyOutcome, read_code
from facilitator.domain.tokens import same
from facilitator.services.certificates.verify import Verification, number_key


def verify_in_records(store: RecordsStore, code: str) -> Verification:
    """What `code` (a printed code, a QR's text or a bare number) says, across every
    training in the records: valid, revoked, forged, number only or unknown."""
    parsed = read_code(number_key(code))
    typed = code.strip()
    if parsed is None and not typed:
        return Verification(VerifyOutcome.UNKNOWN)
    c, p, e, en = (
        RecordCertificate.__table__,
        Person.__table__,
        RecordEvent.__table__,
        Enrolment.__table__,
    )
    query = (
        select(
            c.c.number,
            c.c.code,
            c.c.issued_at,
            c.c.revoked_at,
            c.c.revoke_reason,
            p.c.name,
            en.c.department,
            p.c.department.label("current_department"),
            e.c.title,
            e.c.date,
        )
        .select_from(c)
        .join(p, p.c.id == c.c.person_id)
        .join(e, e.c.uuid == c.c.event_uuid)
        .outerjoin(en, (en.c.event_uuid == c.c.event_uuid) & (en.c.person_id == c.c.person_id))
    )
    with store.reading() as conn:
        number = parsed.number if parsed else typed
        row = conn.execute(query.where(c.c.number == number)).first()
        if row is None and parsed is None:
            # Typed loosely (case, width, hyphens): compared as the workspace does.
            key = number_key(typed)
            row = next(
                (
                    r
                    for r in conn.execute(query.where(c.c.number.ilike(f"%{key[-4:]}%")))
                    if number_key(r.number) == key
                ),
                None,
            )
    if row is None:
        return Verification(VerifyOutcome.UNKNOWN, number=parsed.number if parsed else "")
    if parsed is None:
        outcome = VerifyOutcome.NUMBER_ONLY
    else:
        printed = read_code(row.code)
        if printed is None or not same(printed.signature, parsed.signature):
            return Verification(VerifyOutcome.FORGED, number=parsed.number)
        outcome = VerifyOutcome.REVOKED if row.revoked_at is not None else VerifyOutcome.VALID
    return Verification(
        outcome,
        number=row.number,
        name=row.name,
        department=row.department or row.current_department,
        event_title=row.title,
        event_date=row.date,
        issued_at=row.issued_at,
        revoked_at=row.revoked_at,
        revoke_reason=row.revoke_reason,
    )
