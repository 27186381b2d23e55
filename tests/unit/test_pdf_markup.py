"""Roster values reach reportlab's paragraph markup escaped: printed as written, never parsed."""

from __future__ import annotations

import io

import pypdf

from facilitator.pdf.attendance import (
    DepartmentNotice,
    NoticeLine,
    SessionSheet,
    SheetLine,
    render_attendance,
    render_notices,
)


def _text(pdf: bytes) -> str:
    return "".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(pdf)).pages)


def test_attendance_sheet_prints_markup_characters_as_written() -> None:
    person = SheetLine("R&D課", "<b>課長</b>", "<script>x</script>", "かな", "0001")
    pdf = render_attendance("研修<A&B>", [SessionSheet("AM", "9:30", "会議室<1>", 10, (person,))])
    text = _text(pdf).replace("\n", "")
    for written in ("研修<A&B>", "会議室<1>", "R&D課", "<b>課長</b>", "<script>x</script>"):
        assert written in text


def test_department_notice_prints_markup_characters_as_written() -> None:
    notice = DepartmentNotice("R&D課", (NoticeLine("<i>山田</i>", "主任", "AM", "室&1"),))
    pdf = render_notices("研修<A&B>", "12月1日", "本庁舎 <5F>", "人事課 & 研修係", [notice])
    text = _text(pdf).replace("\n", "")
    for written in ("R&D課", "研修<A&B>", "本庁舎 <5F>", "<i>山田</i>", "室&1", "人事課 & 研修係"):
        assert written in text
