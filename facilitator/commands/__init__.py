"""Subcommands, one module per area. Registrars import only the standard library;
handlers import what they need when they run."""

from __future__ import annotations

from facilitator.commands import workspace_commands

REGISTRARS = (workspace_commands.register,)
