"""Subcommands, one module per area. Registrars import only the standard library;
handlers import what they need when they run."""

from __future__ import annotations

from facilitator.commands import (
    agenda_commands,
    certificate_commands,
    checkin_commands,
    feedback_commands,
    roster_commands,
    workspace_commands,
)

REGISTRARS = (
    workspace_commands.register,
    feedback_commands.register,
    roster_commands.register,
    checkin_commands.register,
    certificate_commands.register,
    agenda_commands.register,
)
