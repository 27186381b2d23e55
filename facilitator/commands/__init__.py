"""Subcommands, one module per area. Registrars import only the standard library;
handlers import what they need when they run."""

from __future__ import annotations

from facilitator.commands import agenda as agenda_commands
from facilitator.commands import certificates as certificate_commands
from facilitator.commands import checkin as checkin_commands
from facilitator.commands import feedback as feedback_commands
from facilitator.commands import roster as roster_commands
from facilitator.commands import workspace as workspace_commands

REGISTRARS = (
    workspace_commands.register,
    feedback_commands.register,
    roster_commands.register,
    checkin_commands.register,
    certificate_commands.register,
    agenda_commands.register,
)
