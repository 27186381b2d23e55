"""The steps of `facilitator --self-test`, in the order of a training day.

docs/packaging.md lists them; scripts and tests look for the keys.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from pathlib import Path

from facilitator.errors import Msg
from facilitator.lang import Lang
from facilitator.selftest import day, outputs, packages, records_check
from facilitator.selftest.base import Step
from facilitator.selftest.state import SelfTestState

STEPS: tuple[tuple[str, Callable[[SelfTestState], Msg]], ...] = (
    ("resources", day.check_resources),
    ("packages", packages.import_every_package),
    ("translations", outputs.check_translations),
    ("workspace", day.create_workspace),
    ("roster-cp932", day.import_cp932_roster),
    ("assignment", day.assign_sessions),
    ("phone-server", day.phone_day_over_http),
    ("slide", outputs.render_builtin_slide),
    ("pdf-deck", outputs.render_pdf_deck_page),
    ("feedback-report", outputs.export_feedback_report),
    ("certificate", outputs.render_certificate),
    ("certificate-qr", outputs.verify_certificate_qr),
    ("slips", outputs.print_slip_sheet),
    ("xlsx", outputs.export_checkins_xlsx),
    ("records", records_check.push_and_verify_from_records),
    ("window", day.grab_main_window),
)


class SelfTestRun:
    """The steps bound to one shared state, in a throw-away folder."""

    def __init__(self, folder: Path, lang: Lang) -> None:
        self.state = SelfTestState(folder, lang)

    def steps(self) -> list[Step]:
        state = self.state
        return [Step(key, functools.partial(check, state)) for key, check in STEPS]

    def close(self) -> None:
        self.state.close()
