"""Subcommands, one module per area. Registrars import only the standard library;
handlers import what they need when they run."""

from __future__ import annotations

from facilitator.commands import (
    agenda,
    certificates,
    checkin,
    feedback,
    records,
    reports,
    roster,
    workspace,
)

REGISTRARS = (
    workspace.register,
    feedback.register,
    roster.register,
    checkin.register,
    certificates.register,
    agenda.register,
    reports.register,
    records.register,
)
