"""The reports' page layout, read from `resources/report_layouts/reports.json`."""

from __future__ import annotations

import json
from functools import lru_cache

from facilitator.domain.report_layout import ReportLayout, parse_report_layout
from facilitator.resources import resource_path


@lru_cache(maxsize=1)
def report_layout() -> ReportLayout:
    """The layout every report is drawn with (read once per process)."""
    path = resource_path("report_layouts", "reports.json")
    return parse_report_layout(json.loads(path.read_text("utf-8")))
