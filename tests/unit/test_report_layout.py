"""The reports' page layout is data: the shipped one parses, a bad edit names its field;
report file names are safe on Windows."""

from __future__ import annotations

import copy
import json

import pytest

from facilitator.domain.certificate_layout import FontKey
from facilitator.domain.report_layout import parse_report_layout
from facilitator.errors import InputRejected, ValidationFailed
from facilitator.resources import resource_path
from facilitator.services.reports.output import BatchKind, batch_target, safe_name

SHIPPED = json.loads(resource_path("report_layouts", "reports.json").read_text("utf-8"))


def test_the_shipped_layout_is_a4_with_the_bundled_fonts() -> None:
    layout = parse_report_layout(SHIPPED)
    assert layout.page_mm == (210, 297)
    assert layout.title_font is FontKey.MINCHO and layout.body_font is FontKey.GOTHIC
    assert layout.draft.title_ja == "受講報告書" and layout.draft.remarks_mm > 0


@pytest.mark.parametrize(
    ("path", "value", "field"),
    [
        (("margin_mm", "left"), 200, "margin_mm.left"),
        (("sizes", "body"), "big", "sizes.body"),
        (("draft", "remarks_mm"), 0, "draft.remarks_mm"),
        (("body_font",), "Arial", "body_font"),
    ],
)
def test_a_bad_value_is_refused_naming_its_field(
    path: tuple[str, ...], value: object, field: str
) -> None:
    spec = copy.deepcopy(SHIPPED)
    target = spec
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    with pytest.raises(ValidationFailed) as refused:
        parse_report_layout(spec)
    assert [e.field for e in refused.value.errors] == [field]


def test_file_names_are_safe_on_windows_and_targets_are_checked() -> None:
    assert (
        safe_name("0001", "総務課", 'a/b:c*?"<>|', suffix=".pdf") == "0001_総務課_a_b_c______.pdf"
    )
    assert safe_name("CON", suffix=".pdf") == "_CON.pdf"
    assert batch_target("out/", merged=False)[0] is BatchKind.FOLDER
    assert batch_target("x.zip", merged=False)[0] is BatchKind.ZIP
    assert batch_target("x.pdf", merged=True)[0] is BatchKind.MERGED
    with pytest.raises(InputRejected):
        batch_target("x.pdf", merged=False)  # a filled Excel form cannot become one PDF
