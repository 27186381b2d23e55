"""Verifying a certificate from its QR code, its printed code or its number. Read-only."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from facilitator.db.models import Attendee, Certificate, Department, Event
from facilitator.db.workspace import Workspace
from facilitator.domain.certificates import VerifyOutcome, read_code


@dataclass(frozen=True)
class Verification:
    outcome: VerifyOutcome
    number: str = ""
    name: str = ""
    department: str = ""
    event_title: str = ""
    event_date: date | None = None
    issued_at: datetime | None = None
    revoked_at: datetime | None = None
    revoke_reason: str = ""


# Hyphen look-alikes a Japanese keyboard or a copied PDF may give for "-".
_DASHES = str.maketrans(dict.fromkeys("‐‑‒–—―−ーｰ－", "-"))


def number_key(text: str) -> str:
    """A certificate number or code as someone might type it, made comparable:
    full-width characters, lower case, hyphen look-alikes, spaces around it."""
    return unicodedata.normalize("NFKC", text).translate(_DASHES).strip().upper()[:200]


class CertificateVerifier:
    def __init__(self, workspace: Workspace) -> None:
        self._workspace = workspace

    def verify(self, code: str) -> Verification:
        """What a scanned or typed code says: valid, revoked, unknown or forged. Read-only.

        A bare certificate number is looked up too (NUMBER_ONLY): the records team
        is often asked about a number read out over the phone."""
        parsed = read_code(number_key(code))
        typed = code.strip()
        if parsed is None and not typed:
            return Verification(VerifyOutcome.UNKNOWN)
        with self._workspace.session() as session:
            row = self._certificate_row(session, parsed.number if parsed else typed)
            if row is None and parsed is None:
                # As typed, it is no number; compared loosely (case, width, hyphens) it may be.
                key = number_key(typed)
                number = next(
                    (
                        n
                        for n in session.scalars(select(Certificate.number))
                        if number_key(n) == key
                    ),
                    None,
                )
                row = self._certificate_row(session, number) if number else None
            if row is None:
                # Not a code and no such number: say what a code looks like.
                return Verification(VerifyOutcome.UNKNOWN, number=parsed.number if parsed else "")
            cert, attendee, department, event = row
            if parsed is None:
                outcome = VerifyOutcome.NUMBER_ONLY
            elif not parsed.signed_by(event.secret):
                return Verification(VerifyOutcome.FORGED, number=parsed.number)
            else:
                outcome = (
                    VerifyOutcome.REVOKED if cert.revoked_at is not None else VerifyOutcome.VALID
                )
            return Verification(
                outcome,
                number=cert.number,
                name=attendee.name,
                department=department.name,
                event_title=event.title,
                event_date=event.date,
                issued_at=cert.issued_at,
                revoked_at=cert.revoked_at,
                revoke_reason=cert.revoke_reason,
            )

    @staticmethod
    def _certificate_row(session: Session, number: str) -> Any:
        return session.execute(
            select(Certificate, Attendee, Department, Event)
            .join(Attendee, Certificate.attendee_id == Attendee.id)
            .join(Department, Attendee.department_id == Department.id)
            .join(Event, Certificate.event_id == Event.id)
            .where(Certificate.number == number)
        ).first()
