"""The presenter console and the projector window: keys, same item, grabbed slides, QR."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
import zxingcpp
from PySide6.QtCore import QRect, QSize, Qt, QTranslator
from PySide6.QtGui import QFontInfo, QImage
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from facilitator.db.workspace import Workspace
from facilitator.domain.agenda_items import AgendaItemSpec, ItemKind, PdfPages, SlideContent
from facilitator.domain.agenda_timing import Level, Phase
from facilitator.domain.clock import FakeClock
from facilitator.services.agenda.items import AgendaService, local_datetime
from facilitator.services.agenda.live import LiveAgenda
from facilitator.services.agenda.phone_slides import PhoneSlides
from facilitator.services.events import EventService
from facilitator.services.feedback.capture import FeedbackService
from facilitator.ui.agenda.audience_window import AudienceWindow, ScreenWatch, choose_screen
from facilitator.ui.agenda.pdf_pages import PdfPageCache
from facilitator.ui.agenda.presenter_console import PresenterConsole
from facilitator.ui.agenda.presenter_controller import PresenterController
from facilitator.ui.agenda.slide import Screen, slide_font
from facilitator.ui.runner import SyncRunner

BASE = "http://192.168.10.5:8765"
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def agenda_qm(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The agenda's Japanese catalogue, compiled from the .ts as the build does (once)."""
    qm = tmp_path_factory.mktemp("qm") / "agenda_ja.qm"
    tool = Path(sys.executable).parent / "pyside6-lrelease"
    ts = ROOT / "resources" / "translations" / "agenda_ja.ts"
    subprocess.run([str(tool), "-silent", str(ts), "-qm", str(qm)], check=True)
    return qm


@pytest.fixture
def japanese(qapp: QApplication, agenda_qm: Path) -> Iterator[None]:
    """This test reads Japanese; every other test of the module reads the English source."""
    translator = QTranslator()
    assert translator.load(str(agenda_qm))
    qapp.installTranslator(translator)
    yield
    qapp.removeTranslator(translator)


class Presenting:
    def __init__(self, ws: Workspace, clock: FakeClock, qapp: QApplication, base: str | None):
        events = EventService(ws, clock)
        detail = events.get_event(events.resolve_event_id(None))
        am = detail.session_by_label("AM")
        clock.advance((local_datetime(am.date, am.start) - clock.now()).total_seconds())
        self.clock = clock
        self.session_id = am.id
        self.feedback = FeedbackService(ws, clock)
        self.phone = PhoneSlides(
            ws,
            clock,
            lambda: base,
            lambda _s: (42, 50),
            lambda _s: 7,
            lambda s: self.feedback.set_feedback_open(s, True).is_open,
        )
        live = LiveAgenda(ws, clock, am.id)
        self.controller = PresenterController(
            live, live.load(), SyncRunner(), clock, PdfPageCache(SyncRunner()), self.phone
        )
        self.console = PresenterConsole(self.controller)
        self.audience = AudienceWindow(self.controller, ScreenWatch(qapp), self.console)
        self.console.show()
        self.audience.resize(1920, 1080)
        self.audience.show()

    def audience_image(self) -> QImage:
        return self.audience.canvas.grab().toImage()

    def audience_qr(self) -> list[str]:
        """The QR codes a phone camera would read off the projector picture."""
        image = self.audience_image().convertToFormat(QImage.Format.Format_Grayscale8)
        return [f.text for f in zxingcpp.read_barcodes(image)]


@pytest.fixture
def presenting(
    demo_workspace: Workspace, clock: FakeClock, qapp: QApplication, qtbot: QtBot
) -> Iterator[Presenting]:
    p = Presenting(demo_workspace, clock, qapp, BASE)
    qtbot.addWidget(p.console)
    qtbot.addWidget(p.audience)
    yield p
    p.feedback.close()


def test_keyboard_shortcuts_drive_the_session(presenting: Presenting, qtbot: QtBot) -> None:
    c, console = presenting.controller, presenting.console
    qtbot.keyClick(console, Qt.Key.Key_Right)
    assert c.state.phase == Phase.RUNNING and c.index == 0
    for key, expected in (
        (Qt.Key.Key_Space, 1),
        (Qt.Key.Key_PageDown, 2),
        (Qt.Key.Key_Right, 3),
        (Qt.Key.Key_Left, 2),
        (Qt.Key.Key_PageUp, 1),
    ):
        qtbot.keyClick(console, key)
        assert c.index == expected, key
    qtbot.keyClick(console, Qt.Key.Key_P)
    assert c.state.phase == Phase.PAUSED
    assert console.phase_label.text() == "PAUSED"
    qtbot.keyClick(console, Qt.Key.Key_P)
    assert c.state.phase == Phase.RUNNING
    qtbot.keyClicks(console, "++-")
    assert c.status().allotted_seconds == (25 + 1) * 60
    qtbot.keyClick(console, Qt.Key.Key_B)
    assert c.blackout and presenting.audience.canvas._screen == Screen.BLACK
    # The clicker may talk to the projector window instead: same keys, same effect.
    qtbot.keyClick(presenting.audience, Qt.Key.Key_B)
    assert not c.blackout
    qtbot.keyClick(presenting.audience, Qt.Key.Key_PageDown)
    assert c.index == 2


def test_buttons_do_not_steal_space(presenting: Presenting, qtbot: QtBot) -> None:
    start = presenting.console.findChild(type(presenting.console.start_button), "start")
    assert start is not None
    qtbot.mouseClick(start, Qt.MouseButton.LeftButton)
    assert presenting.controller.index == 0
    qtbot.keyClick(presenting.console, Qt.Key.Key_Space)
    assert presenting.controller.index == 1


def test_both_windows_show_the_same_item(presenting: Presenting, qtbot: QtBot) -> None:
    c = presenting.controller
    c.start()
    c.next()
    console_frame = presenting.console.current.frame()
    audience_frame = presenting.audience.canvas.frame()
    assert console_frame is not None and console_frame == audience_frame
    assert audience_frame.title == "DXとは何か"
    next_frame = presenting.console.next_preview.frame()
    assert next_frame is not None and next_frame.title == "本市のDX推進計画"
    presenting.clock.advance(23 * 60 + 30)
    c.tick.emit()
    assert presenting.console.time_left.text() == "01:30 left"
    assert c.status().level == Level.AMBER
    assert presenting.audience.canvas._time == presenting.console.current._time


def test_japanese_slide_grab(presenting: Presenting, japanese: None, screenshots: Path) -> None:
    c = presenting.controller
    c.start()
    c.next()
    presenting.clock.advance(10 * 60)
    c.tick.emit()
    image = presenting.audience_image()
    image.save(str(screenshots / "agenda_slide_ja.png"))
    assert image.size() == QSize(1920, 1080)
    # A white slide with the blue accent bar on the left; the progress bar is 40 % along.
    assert image.pixelColor(5, 500).name() == "#1565c0"
    assert image.pixelColor(1000, 900).name() == "#ffffff"
    bar_y = 1080 - 5
    assert image.pixelColor(int(1920 * 0.35), bar_y).name() == "#1565c0"
    assert image.pixelColor(int(1920 * 0.45), bar_y).name() != "#1565c0"
    dark = sum(
        1
        for x in range(120, 1500, 4)
        for y in range(100, 300, 4)
        if image.pixelColor(x, y).lightness() < 80
    )
    assert dark > 300  # the Japanese heading was drawn
    # ...in the bundled Japanese font, whatever fonts the laptop has.
    assert QFontInfo(slide_font(84, bold=True)).family() == "IPAexGothic"


def test_break_countdown_grab(presenting: Presenting, japanese: None, screenshots: Path) -> None:
    c = presenting.controller
    c.start()
    c.jump(3)
    presenting.clock.advance(125)
    c.tick.emit()
    time = presenting.audience.canvas._time
    assert time is not None and time.countdown == "07:55"
    resume = (presenting.clock.now().astimezone()).replace(second=0, microsecond=0)
    assert time.resume_at  # e.g. "10:45"
    assert resume.strftime("%H") in time.resume_at
    assert presenting.audience.canvas.tr("Resume at %1") == "再開 %1"
    image = presenting.audience_image()
    image.save(str(screenshots / "agenda_break_ja.png"))
    assert image.pixelColor(10, 10).name() == "#0d1b2a"


def test_checkin_qr_decodes_to_the_checkin_url(
    presenting: Presenting, japanese: None, screenshots: Path
) -> None:
    c = presenting.controller
    c.start()
    c.tick.emit()
    presenting.audience_image().save(str(screenshots / "agenda_checkin_qr.png"))
    found = presenting.audience_qr()
    assert found == [presenting.phone.checkin_url(presenting.session_id)]
    # The short, upper-case form (a lower QR version); tests/web/test_short_links.py opens it.
    assert found[0].startswith(f"{BASE.upper()}/C/")
    frame = presenting.audience.canvas.frame()
    assert frame is not None and "42" in frame.counter and "50" in frame.counter
    # The token rotates: after the window the QR shows the new URL.
    before = found[0]
    presenting.clock.advance(31)
    c._on_tick()
    [after] = presenting.audience_qr()
    assert after != before and after == presenting.phone.checkin_url(presenting.session_id)


def test_checkin_slide_says_when_the_server_is_down(
    demo_workspace: Workspace, clock: FakeClock, qapp: QApplication, qtbot: QtBot
) -> None:
    p = Presenting(demo_workspace, clock, qapp, None)
    qtbot.addWidget(p.console)
    qtbot.addWidget(p.audience)
    p.controller.start()
    frame = p.audience.canvas.frame()
    assert frame is not None and frame.server_down and frame.qr_url is None
    assert p.audience_qr() == []


def test_feedback_and_closing_slides(presenting: Presenting, screenshots: Path) -> None:
    c = presenting.controller
    c.start()
    c.jump(6)
    frame = presenting.audience.canvas.frame()
    assert frame is not None and frame.kind == ItemKind.FEEDBACK
    assert "7" in frame.counter
    found = presenting.audience_qr()
    assert found and found[0].startswith(f"{BASE.upper()}/F/")
    c.next()
    frame = presenting.audience.canvas.frame()
    assert frame is not None and frame.kind == ItemKind.CLOSING
    presenting.audience_image().save(str(screenshots / "agenda_closing.png"))


def test_catch_up_banner_accept(
    presenting: Presenting, qtbot: QtBot, japanese: None, screenshots: Path
) -> None:
    c, console = presenting.controller, presenting.console
    c.start()
    presenting.clock.advance(18 * 60)  # the 10-minute check-in ran 8 minutes over
    c.next()
    c.tick.emit()
    assert console.catch_up.isVisible()
    assert "8" in console.catch_up_text.text()
    console.resize(1280, 760)
    console.grab().save(str(screenshots / "agenda_console.png"))
    assert console.pace.text() != ""
    accept = console.findChild(type(console.start_button), "acceptCatchUp")
    assert accept is not None
    qtbot.mouseClick(accept, Qt.MouseButton.LeftButton)
    assert not console.catch_up.isVisible()
    assert abs(c.status().pace_seconds) < 60
    assert sum(i.minutes for i in c.state.plan) == 140 - 8


def test_catch_up_ignore_hides_it(presenting: Presenting, qtbot: QtBot) -> None:
    c, console = presenting.controller, presenting.console
    c.start()
    presenting.clock.advance(15 * 60)
    c.next()
    c.tick.emit()
    ignore = console.findChild(type(console.start_button), "ignoreCatchUp")
    assert ignore is not None
    qtbot.mouseClick(ignore, Qt.MouseButton.LeftButton)
    c.tick.emit()
    assert not console.catch_up.isVisible()
    assert sum(i.minutes for i in c.state.plan) == 140


def test_pdf_item_pages_with_the_clicker(
    demo_workspace: Workspace,
    clock: FakeClock,
    qapp: QApplication,
    qtbot: QtBot,
    tmp_path: Path,
    screenshots: Path,
) -> None:
    from reportlab.pdfgen.canvas import Canvas

    deck = tmp_path / "deck.pdf"
    canvas = Canvas(str(deck), pagesize=(960, 540))
    for page in range(1, 4):
        canvas.setFont("Helvetica", 80)
        canvas.drawString(100, 250, f"Page {page}")
        canvas.showPage()
    canvas.save()
    service = AgendaService(demo_workspace, clock)
    event_id = EventService(demo_workspace, clock).resolve_event_id(None)
    service.create_item(
        event_id,
        AgendaItemSpec("資料", 10, ItemKind.TALK, pdf=PdfPages(str(deck), 2, 3)),
        position=0,
    )
    p = Presenting(demo_workspace, clock, qapp, BASE)
    qtbot.addWidget(p.console)
    qtbot.addWidget(p.audience)
    c = p.controller
    qtbot.keyClick(p.console, Qt.Key.Key_Right)
    frame = p.audience.canvas.frame()
    assert frame is not None and frame.pdf_page is not None
    assert frame.pdf_page.size() == QSize(1920, 1080)
    qtbot.keyClick(p.console, Qt.Key.Key_Right)
    assert (c.index, c.page) == (0, 1)
    assert "p.2/2" in p.console.item_title.text()
    qtbot.keyClick(p.console, Qt.Key.Key_Right)
    assert (c.index, c.page) == (1, 0)
    qtbot.keyClick(p.console, Qt.Key.Key_Left)
    assert (c.index, c.page) == (0, 1)  # back onto the deck's last page
    image = p.audience_image()
    image.save(str(screenshots / "agenda_pdf_page.png"))
    # White paper with the page's black text on it (not a transparent page on black).
    assert image.pixelColor(960, 100).name() == "#ffffff"
    dark = sum(
        1
        for x in range(150, 900, 5)
        for y in range(500, 800, 5)
        if image.pixelColor(x, y).lightness() < 60
    )
    assert dark > 100


def test_choose_screen() -> None:
    laptop, projector = QRect(0, 0, 1366, 768), QRect(1366, 0, 1920, 1080)
    assert choose_screen([laptop], laptop, swapped=False) is None
    assert choose_screen([laptop, projector], laptop, swapped=False) == 1
    assert choose_screen([laptop, projector], projector, swapped=False) == 0
    assert choose_screen([laptop, projector], laptop, swapped=True) == 0
    assert choose_screen([laptop, projector], None, swapped=False) == 1


def test_single_screen_gives_a_windowed_preview(presenting: Presenting) -> None:
    presenting.audience.place()
    assert not presenting.audience.isFullScreen()
    assert presenting.audience.isVisible()


def test_slide_picture_is_shown(
    demo_workspace: Workspace, clock: FakeClock, qapp: QApplication, qtbot: QtBot, tmp_path: Path
) -> None:
    picture = QImage(400, 300, QImage.Format.Format_RGB32)
    picture.fill(Qt.GlobalColor.red)
    path = tmp_path / "map.png"
    assert picture.save(str(path))
    service = AgendaService(demo_workspace, clock)
    item = service.list_items(EventService(demo_workspace, clock).resolve_event_id(None))[1]
    spec = item.spec
    service.update_item(
        item.id,
        AgendaItemSpec(
            spec.title,
            spec.minutes,
            spec.kind,
            slide=SlideContent(spec.slide.heading, spec.slide.bullets, str(path)),
        ),
    )
    p = Presenting(demo_workspace, clock, qapp, BASE)
    qtbot.addWidget(p.console)
    qtbot.addWidget(p.audience)
    p.controller.start()
    p.controller.next()
    image = p.audience_image()
    # The picture sits in the right-hand box (1220..1820 x 360..960).
    assert image.pixelColor(1520, 660).name() == "#ff0000"


def test_a_long_unbreakable_title_shrinks_to_fit_instead_of_being_cut(
    qapp: QApplication, japanese: None
) -> None:
    from PySide6.QtCore import QRectF, Qt
    from PySide6.QtGui import QImage, QPainter

    from facilitator.domain.phrases import keep_phrases_together
    from facilitator.ui.agenda.slide import fit_wrapped

    image = QImage(1920, 1080, QImage.Format.Format_RGB32)
    painter = QPainter(image)
    try:
        box = QRectF(980, 140, 860, 240)  # the check-in slide's title box
        flags = int(Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWordWrap)
        # One phrase: no line break inside it, and at 84 px it is wider than the box.
        title = keep_phrases_together("受付・オリエンテーション")
        used = fit_wrapped(painter, title, box, flags, 84, bold=True)
        assert used.width() <= box.width() and used.height() <= box.height()
        assert 32 < painter.font().pixelSize() < 84
        # A short title keeps the full size.
        fit_wrapped(painter, keep_phrases_together("開会"), box, flags, 84, bold=True)
        assert painter.font().pixelSize() == 84
    finally:
        painter.end()


def test_finishing_the_session_asks_first(presenting: Presenting, qtbot: QtBot) -> None:
    from PySide6.QtWidgets import QPushButton

    from facilitator.ui.dialogs import RecordingDialogs

    c = presenting.controller
    c.start()
    dialogs = RecordingDialogs(confirm_answers=[False, True])
    console = PresenterConsole(c, dialogs=dialogs)
    qtbot.addWidget(console)
    finish = console.findChild(QPushButton, "finish")
    assert finish is not None
    qtbot.mouseClick(finish, Qt.MouseButton.LeftButton)  # a stray click: "No"
    assert c.state.phase is not Phase.FINISHED
    qtbot.mouseClick(finish, Qt.MouseButton.LeftButton)
    assert c.state.phase is Phase.FINISHED
