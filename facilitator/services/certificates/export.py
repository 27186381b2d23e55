"""Writing certificates to disk: one merged PDF, a ZIP or a folder of PDFs.

Everything is written under a temporary name beside the target and renamed
into place only when complete, so a cancelled or failed export leaves no
half-written file, and an existing file is replaced only with `force`.
Export never assigns numbers: it prints the certificates already issued
(see `CertificateIssuer.issue`), so it can run on a read-only workspace.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING

from facilitator.db.workspace import Workspace
from facilitator.domain.certificate_layout import Layout
from facilitator.domain.certificates import safe_file_name
from facilitator.errors import InputRejected, Msg
from facilitator.services.certificates.eligibility import CertificateEligibility
from facilitator.services.certificates.issue import CertificateIssuer, IssuedCertificate
from facilitator.services.certificates.layouts import event_values, load_event_layout
from facilitator.services.event_rows import load_event
from facilitator.services.files import cannot_write, exists_error, replacing, write_many

if TYPE_CHECKING:
    from facilitator.pdf.certificates import CertificateFields, CertificateRenderer

Progress = Callable[[int, int], None]


class ExportKind(Enum):
    MERGED = "merged"  # X.pdf
    ZIP = "zip"  # X.zip, one PDF per attendee
    FOLDER = "folder"  # DIR/, one PDF per attendee


class ExportCancelled(Exception):
    """The user cancelled; nothing was written."""


@dataclass(frozen=True)
class ExportBatch:
    layout: Layout
    values: dict[str, str]
    title: str
    certificates: tuple[IssuedCertificate, ...]  # not revoked, department then kana
    unnumbered: int  # eligible people who have no number yet
    revoked: int = 0  # issued, then revoked: never exported


@dataclass(frozen=True)
class ExportResult:
    kind: ExportKind
    path: Path
    count: int
    unnumbered: int


def export_target(raw: str) -> tuple[ExportKind, Path]:
    """What `--out` asks for: a .pdf, a .zip, or a folder (ends with / or exists as one)."""
    path = Path(raw)
    if raw.endswith(("/", os.sep)) or path.is_dir():
        return ExportKind.FOLDER, path
    suffix = path.suffix.lower()
    if suffix == ".pdf":
        return ExportKind.MERGED, path
    if suffix == ".zip":
        return ExportKind.ZIP, path
    raise InputRejected(
        Msg(
            en=f"--out {raw!r}: give a .pdf file (one merged PDF), a .zip file, or a folder "
            "ending with / (one PDF per attendee).",
            ja=f"--out {raw!r}：.pdf ファイル（1つにまとめたPDF）、.zip ファイル、"
            "または / で終わるフォルダー（受講者ごとのPDF）を指定してください。",
        )
    )


class CertificateExporter:
    def __init__(
        self, workspace: Workspace, issuer: CertificateIssuer, eligibility: CertificateEligibility
    ) -> None:
        self._workspace = workspace
        self._issuer = issuer
        self._eligibility = eligibility

    def batch(self, event_id: int) -> ExportBatch:
        """What an export would print now (read-only)."""
        with self._workspace.session() as session:
            event = load_event(session, event_id)
            layout, _ = load_event_layout(session, event)
            values, title = event_values(event), event.title
        every = self._issuer.issued(event_id)
        issued = [c for c in every if c.revoked_at is None]
        unnumbered = sum(
            1
            for row in self._eligibility.eligibility(event_id)
            if row.eligible and row.number is None
        )
        return ExportBatch(
            layout, values, title, tuple(issued), unnumbered, revoked=len(every) - len(issued)
        )

    def export(
        self,
        event_id: int,
        raw_out: str,
        *,
        force: bool = False,
        progress: Progress | None = None,
        cancelled: Callable[[], bool] | None = None,
    ) -> ExportResult:
        """Write the issued certificates to `raw_out` (see `export_target`)."""
        kind, path = export_target(raw_out)
        batch = self.batch(event_id)
        if not batch.certificates and batch.revoked:
            raise InputRejected(
                Msg(
                    en=f"Every certificate of this event ({batch.revoked}) has been revoked; "
                    "there is nothing to export.",
                    ja=f"この研修の修了証（{batch.revoked} 件）はすべて取り消されています。"
                    "書き出すものがありません。",
                )
            )
        if not batch.certificates:
            raise InputRejected(
                Msg(
                    en="No certificates have been issued for this event yet; issue them first "
                    "(Certificates → Issue numbers, or `facilitator certificates issue`).",
                    ja="この研修の修了証はまだ発行されていません。先に番号を発行してください"
                    "（修了証 → 番号を発行、または `facilitator certificates issue`）。",
                )
            )
        # reportlab loads when certificates are first exported, not when the GUI starts.
        from facilitator.pdf.certificates import (
            CertificateFields,
            CertificateRenderer,
            RenderCancelled,
        )

        renderer = CertificateRenderer(batch.layout, batch.values, batch.title)
        fields = [
            CertificateFields(c.name, c.kana, c.department, c.title, c.number, c.code)
            for c in batch.certificates
        ]
        names = [safe_file_name(c.number, c.name) for c in batch.certificates]
        try:
            if kind is ExportKind.MERGED:
                self._merged(renderer, fields, path, force, progress, cancelled)
            elif kind is ExportKind.ZIP:
                self._zip(renderer, fields, names, path, force, progress, cancelled)
            else:
                self._folder(renderer, fields, names, path, force, progress, cancelled)
        except RenderCancelled:
            raise ExportCancelled from None
        except OSError as exc:
            # No permission, a file where a folder should be, a full disk: the user's
            # choice of --out, refused (exit 3) rather than reported as a crash.
            raise cannot_write(path, exc) from exc
        return ExportResult(kind, path, len(fields), batch.unnumbered)

    def _merged(
        self,
        renderer: CertificateRenderer,
        fields: list[CertificateFields],
        path: Path,
        force: bool,
        progress: Progress | None,
        cancelled: Callable[[], bool] | None,
    ) -> None:
        if path.exists() and not force:
            raise exists_error(path)
        with replacing(path) as handle:
            renderer.render_merged(fields, handle, progress, cancelled)

    def _zip(
        self,
        renderer: CertificateRenderer,
        fields: list[CertificateFields],
        names: list[str],
        path: Path,
        force: bool,
        progress: Progress | None,
        cancelled: Callable[[], bool] | None,
    ) -> None:
        files = renderer.render_each(fields, progress, cancelled)
        write_many(path, names, files, force, as_zip=True)

    def _folder(
        self,
        renderer: CertificateRenderer,
        fields: list[CertificateFields],
        names: list[str],
        path: Path,
        force: bool,
        progress: Progress | None,
        cancelled: Callable[[], bool] | None,
    ) -> None:
        files = renderer.render_each(fields, progress, cancelled)
        write_many(path, names, files, force, as_zip=False)
