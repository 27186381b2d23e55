"""The self-test's steps for what the day produces: slides, PDFs, exports, translations.

What is printed or projected is read back the way a person or a phone would
see it: PDFs through Qt PDF (the app's own viewer library), QR codes through
zxing-cpp (the webcam scanner's decoder), the spreadsheet through openpyxl.
"""

from __future__ import annotations

from facilitator.errors import Msg
from facilitator.selftest.base import fail
from facilitator.selftest.state import SelfTestState

RENDER_WIDTH_PX = 1240  # an A4 page at 150 dpi, as a printer or phone camera would see it
SLIDE_HEADING = "本市のDX推進計画と各課のDX推進リーダーの役割"
SLIDE_BULLETS = ("重点取組：窓口のオンライン化と定型業務の自動化", "来年度までに全課で一件ずつ")


def check_translations(state: SelfTestState) -> Msg:
    """The Qt catalogues and the phone pages' texts exist in Japanese and English."""
    from facilitator.selftest.qt_checks import qt_cancel_text, translated_area_names
    from facilitator.web.checkin.texts import CHECKIN_TEXTS
    from facilitator.web.feedback.texts import FEEDBACK
    from facilitator.web.i18n import COMMON

    texts = {**COMMON, **CHECKIN_TEXTS, **FEEDBACK}
    names = translated_area_names("ja")
    untranslated = [n for n in names if n.isascii()]
    if not names or untranslated:
        raise fail(
            f"the Japanese Qt translations did not load ({', '.join(untranslated)})",
            f"日本語の Qt 翻訳が読み込まれませんでした（{'、'.join(untranslated)}）",
        )
    # Qt's own dialogs (file dialogs, message boxes) come from Qt's bundled qtbase_ja.qm.
    cancel = qt_cancel_text("ja")
    if cancel != "キャンセル":
        raise fail(
            f"Qt's own Japanese translation (qtbase_ja) did not load: Cancel reads {cancel!r}",
            f"Qt 本体の日本語訳（qtbase_ja）が読み込まれませんでした：Cancel が「{cancel}」",
        )
    missing = [key for key, text in texts.items() if not (text.ja and text.en)]
    if missing:
        raise fail(
            f"phone page texts without a translation: {', '.join(missing)}",
            f"翻訳のない受付ページの文言：{'、'.join(missing)}",
        )
    return Msg(
        en=f"Qt: {'、'.join(names)}, {cancel}; phone pages: {len(texts)} texts in ja and en",
        ja=f"Qt：{'、'.join(names)}、{cancel}；受付ページ：{len(texts)} 件（日本語・英語）",
    )


def render_builtin_slide(state: SelfTestState) -> Msg:
    """A Japanese built-in slide, wrapped at phrase boundaries, painted as the projector shows."""
    from facilitator.selftest.qt_checks import render_slide

    colours = render_slide(SLIDE_HEADING, SLIDE_BULLETS, state.folder / "slide.png")
    return Msg(
        en=f"heading and {len(SLIDE_BULLETS)} bullets, {colours} colours, saved as slide.png",
        ja=f"見出しと箇条書き {len(SLIDE_BULLETS)} 行、{colours} 色、slide.png に保存",
    )


def render_pdf_deck_page(state: SelfTestState) -> Msg:
    """One page of a PDF deck (the trainer's own slides) rendered with Qt PDF."""
    from reportlab.lib.pagesizes import landscape
    from reportlab.lib.units import mm
    from reportlab.pdfgen import canvas

    from facilitator.pdf.fonts import register_japanese_fonts
    from facilitator.selftest.qt_checks import render_deck_page

    deck = state.folder / "deck.pdf"
    gothic, _mincho = register_japanese_fonts()
    pdf = canvas.Canvas(str(deck), pagesize=landscape((210 * mm, 297 * mm)))
    for number in (1, 2):
        pdf.setFont(gothic, 36)
        pdf.drawString(30 * mm, 150 * mm, f"第{number}章 業務改善の進め方")
        pdf.rect(30 * mm, 40 * mm, 200 * mm, 80 * mm, fill=1)
        pdf.showPage()
    pdf.save()
    width, height, colours = render_deck_page(deck, 1)
    return Msg(
        en=f"page 2 of 2 rendered at {width}×{height}, {colours} colours",
        ja=f"2 ページ中 2 ページ目を {width}×{height} で表示、{colours} 色",
    )


def export_feedback_report(state: SelfTestState) -> Msg:
    """The feedback summary PDF, with the answer given over HTTP counted in it."""
    from facilitator.selftest.qt_checks import pdf_page_count
    from facilitator.services.feedback.export import export_feedback

    path = state.folder / "feedback.pdf"
    results = state.services().feedback_results
    summary = export_feedback(results, state.event_id, path, state.lang, now=state.clock.now)
    pages = pdf_page_count(path)
    if summary.responses != 1 or pages < 1:
        raise fail(
            f"the report counts {summary.responses} responses (expected 1) on {pages} pages",
            f"報告書の回答数が {summary.responses} 件（1 件のはず）、{pages} ページでした",
        )
    return Msg(en=f"1 response, {pages} pages", ja=f"回答 1 件、{pages} ページ")


def render_certificate(state: SelfTestState) -> Msg:
    """The checked-in attendee is eligible: number them and print one certificate."""
    from facilitator.selftest.qt_checks import pdf_page_count

    certificates = state.services().certificates
    issued = certificates.issuer.issue(state.event_id).newly_issued
    if len(issued) != 1:
        raise fail(
            f"{len(issued)} certificates were issued, expected 1 (the checked-in attendee)",
            f"修了証が {len(issued)} 件発行されました（受付済みの 1 名分のはず）",
        )
    state.certificate_number = issued[0].number
    certificates.exporter.export(state.event_id, str(state.certificate_pdf))
    pages = pdf_page_count(state.certificate_pdf)
    if pages != 1:
        raise fail(
            f"the certificate PDF has {pages} pages, expected 1",
            f"修了証の PDF が {pages} ページです（1 ページのはず）",
        )
    size = state.certificate_pdf.stat().st_size
    return Msg(
        en=f"{state.certificate_number}: 1 page, {size // 1024} KB",
        ja=f"{state.certificate_number}：1 ページ、{size // 1024} KB",
    )


def verify_certificate_qr(state: SelfTestState) -> Msg:
    """The certificate's QR, read from the rendered page, verifies as that certificate."""
    from facilitator.domain.certificates import VerifyOutcome
    from facilitator.selftest.qt_checks import decode_first_page_qr

    texts = decode_first_page_qr(state.certificate_pdf, RENDER_WIDTH_PX)
    if len(texts) != 1:
        raise fail(
            f"found {len(texts)} QR codes on the certificate, expected 1",
            f"修了証から QR コードが {len(texts)} 個見つかりました（1 個のはず）",
        )
    verdict = state.services().verifier.verify(texts[0])
    if verdict.outcome is not VerifyOutcome.VALID or verdict.number != state.certificate_number:
        raise fail(
            f"the QR reads as {verdict.outcome.value} {verdict.number}",
            f"QR の照合結果が {verdict.outcome.value} {verdict.number} でした",
        )
    return Msg(
        en=f"zxing-cpp read {verdict.number}: valid",
        ja=f"zxing-cpp で {verdict.number} を読み取り：有効",
    )


def print_slip_sheet(state: SelfTestState) -> Msg:
    """Admission slips for everyone, each personal QR readable from the printed page."""
    from facilitator.selftest.qt_checks import decode_first_page_qr
    from facilitator.services.roster.papers import write_paper

    path = state.folder / "slips.pdf"
    paper = write_paper(state.roster().papers.slips(state.event_id), path)
    codes = decode_first_page_qr(path, RENDER_WIDTH_PX)
    if paper.count < 1 or not codes:
        raise fail(
            f"{paper.count} slips printed; {len(codes)} QR codes readable on page 1",
            f"受講票 {paper.count} 枚を印刷；1 ページ目で読めた QR コード {len(codes)} 個",
        )
    return Msg(
        en=f"{paper.count} slips; {len(codes)} QR codes read on page 1",
        ja=f"受講票 {paper.count} 枚；1 ページ目の QR コード {len(codes)} 個を読み取り",
    )


def export_checkins_xlsx(state: SelfTestState) -> Msg:
    """The check-in list as Excel, read back: the attendee checked in over HTTP is in it."""
    from openpyxl import load_workbook

    from facilitator.services.checkin.export import export_checkins

    path = state.folder / "checkins.xlsx"
    services = state.services()
    try:
        export_checkins(services.checkin.desk.export_rows(state.event_id), path)
    finally:
        services.close()
    sheet = load_workbook(path, read_only=True).worksheets[0]
    cells = {str(c) for row in sheet.iter_rows(values_only=True) for c in row if c is not None}
    if state.checked_in_staff_no not in cells:
        raise fail(
            f"staff no. {state.checked_in_staff_no} is not in {path.name}",
            f"{path.name} に職員番号 {state.checked_in_staff_no} がありません",
        )
    return Msg(
        en=f"{path.name} read back with staff no. {state.checked_in_staff_no}",
        ja=f"{path.name} を読み戻し、職員番号 {state.checked_in_staff_no} を確認",
    )
