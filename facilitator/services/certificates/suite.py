"""The certificate services of one workspace, handed on together (the GUI, the commands);
`composition.py` builds them, each given the others it works with."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from facilitator.db.workspace import Workspace
from facilitator.domain.clock import Clock
from facilitator.services.certificates.eligibility import CertificateEligibility
from facilitator.services.certificates.export import CertificateExporter
from facilitator.services.certificates.issue import CertificateIssuer
from facilitator.services.certificates.layouts import LayoutService
from facilitator.services.certificates.register import write_issued_list
from facilitator.services.certificates.verify import CertificateVerifier


@dataclass(frozen=True)
class CertificateServices:
    workspace: Workspace
    clock: Clock
    eligibility: CertificateEligibility
    issuer: CertificateIssuer
    verifier: CertificateVerifier
    layouts: LayoutService
    exporter: CertificateExporter

    def write_list(self, event_id: int, out: Path, *, force: bool = False) -> int:
        """The issued-certificates list as .csv, .xlsx or .pdf; returns the row count."""
        return write_issued_list(self.workspace, self.issuer, event_id, out, force=force)
