"""End to end: the projected QR decoded from the screen, and a killed server keeping what it acknowledged."""

from __future__ import annotations

import json
import re
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest
import zxingcpp
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from benchmarks.serve_process import free_port, start_serve
from facilitator.db.models import Attendee, CheckIn, Event, TrainingSession
from facilitator.db.workspace import Workspace, open_workspace
from facilitator.domain.clock import FakeClock
from facilitator.domain.tokens import RotatingTokens
from facilitator.services.checkin.service import CheckInService
from facilitator.services.events import EventService
from facilitator.ui.checkin.view import CheckInView
from facilitator.ui.current_event import CurrentEvent
from facilitator.ui.dialogs import RecordingDialogs
from facilitator.ui.lan_server_control import LanServerControl
from facilitator.ui.runner import SyncRunner
from tests.web.page_text import shown


@pytest.fixture
def view_and_server(
    demo_workspace: Workspace, clock: FakeClock, qtbot: QtBot
) -> Iterator[tuple[CheckInView, CheckInService, RecordingDialogs]]:
    checkin = CheckInService(demo_workspace, clock)
    lan = LanServerControl(checkin, clock, None)
    dialogs = RecordingDialogs()
    with demo_workspace.session() as s:
        event_id = s.scalars(select(Event.id)).one()
    view = CheckInView(
        checkin,
        EventService(demo_workspace, clock),
        SyncRunner(),
        CurrentEvent(event_id),
        lan,
        clock,
        lang="en",
        dialogs=dialogs,
        addresses=lambda: ["127.0.0.1"],
    )
    qtbot.addWidget(view)
    view.show()
    yield view, checkin, dialogs
    view.shutdown()
    lan.stop()
    checkin.close()


def test_projected_qr_decodes_to_a_working_check_in_url(
    qtbot: QtBot,
    view_and_server: tuple[CheckInView, CheckInService, RecordingDialogs],
    demo_workspace: Workspace,
    screenshots: Path,
) -> None:
    view, _checkin, dialogs = view_and_server
    view.server.port_spin.setValue(free_port())
    qtbot.mouseClick(view.server.server_button, Qt.MouseButton.LeftButton)
    # The first start explains what phones will do (and, on Windows only, the firewall).
    note = dialogs.messages[0][1]
    assert "venue Wi-Fi" in note and ("firewall" in note) == (sys.platform == "win32")
    status = view.server.server_status.text()
    assert status.startswith("Serving on http://127.0.0.1:")
    assert "Only this laptop can open that address" in status  # loopback: not for phones
    qtbot.mouseClick(view.server.projector_button, Qt.MouseButton.LeftButton)
    projector = view.server.projector
    assert projector is not None
    projector.resize(1000, 700)
    qtbot.waitExposed(projector)
    image = projector.grab().toImage()
    image.save(str(screenshots / "checkin_projector.png"))
    (found,) = zxingcpp.read_barcodes(image)
    url = found.text
    assert url == projector.url
    # The short upper-case form (QR alphanumeric mode), which leads to the check-in page.
    assert re.fullmatch(r"HTTP://127\.0\.0\.1:\d+/C/[A-Z2-7]+/[0-9A-F]+-[A-Z2-7]+", url)

    page = httpx.get(url, headers={"accept-language": "ja"}, follow_redirects=True)
    assert page.status_code == 200 and "職員番号" in shown(page)
    url = str(page.url)
    assert re.fullmatch(r"http://127\.0\.0\.1:\d+/c/[\w-]+\?t=[0-9A-F]+-[A-Z2-7]+", url)
    with demo_workspace.session() as s:
        am = s.scalars(select(TrainingSession).order_by(TrainingSession.position)).first()
        assert am is not None
        person = s.scalars(select(Attendee).where(Attendee.assigned_session_id == am.id)).first()
        assert person is not None
    parts = urlsplit(url)
    body = {
        "session": parts.path.rsplit("/", 1)[1],
        "token": parse_qs(parts.query)["t"][0],
        "staff_no": person.staff_no,
    }
    answer = httpx.post(f"{parts.scheme}://{parts.netloc}/api/v1/checkin", json=body)
    assert answer.json()["outcome"] == "checked_in"
    # The server thread's check-in reaches the GUI (queued signal) and the projector's counter.
    qtbot.waitUntil(lambda: projector.counter.text().startswith("1 / "), timeout=5000)
    qtbot.waitUntil(lambda: view.arrivals.counter.text().startswith("1 / "), timeout=5000)
    qtbot.mouseClick(view.server.server_button, Qt.MouseButton.LeftButton)
    assert view.server.server_status.text() == "Server stopped."
    with pytest.raises(httpx.TransportError):
        httpx.get(f"{parts.scheme}://{parts.netloc}/healthz", timeout=2)


def demo_door(
    db: Path, clock: FakeClock, *, attendees: int, seed: int
) -> tuple[str, str, list[str]]:
    """A demo workspace at `db`: (event secret, AM session code, AM staff numbers by id)."""
    from facilitator.composition import build_demo

    with open_workspace(db, create=True) as ws:
        build_demo(ws, clock, attendees=attendees, seed=seed)
        with ws.session() as s:
            secret = s.scalars(select(Event.secret)).one()
            am = s.scalars(select(TrainingSession).order_by(TrainingSession.position)).first()
            assert am is not None
            staff = list(
                s.scalars(
                    select(Attendee.staff_no)
                    .where(Attendee.assigned_session_id == am.id)
                    .order_by(Attendee.id)
                )
            )
            return secret, am.code, staff


def test_killed_server_keeps_every_acknowledged_check_in(tmp_path: Path, clock: FakeClock) -> None:
    db = tmp_path / "door.sqlite"
    secret, code, staff = demo_door(db, clock, attendees=100, seed=3)
    proc, base = start_serve(db)
    acknowledged: list[str] = []
    lock = threading.Lock()
    try:
        token = RotatingTokens(secret, "checkin", code).token_at(time.time())

        def phone(staff_no: str) -> None:
            r = httpx.post(
                f"{base}/api/v1/checkin",
                json={"session": code, "token": token, "staff_no": staff_no},
                timeout=10,
            )
            if r.status_code == 200 and r.json()["outcome"] == "checked_in":
                with lock:
                    acknowledged.append(staff_no)

        threads = [threading.Thread(target=phone, args=(n,)) for n in staff[:30]]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        # Killed without any chance to clean up, right after the last acknowledgement.
        proc.send_signal(signal.SIGKILL)
        proc.wait(10)
    finally:
        if proc.poll() is None:
            proc.kill()
        proc.communicate(timeout=10)
    assert len(acknowledged) == 30
    with open_workspace(db, readonly=True) as ws, ws.session() as s:
        stored = set(
            s.scalars(select(Attendee.staff_no).join(CheckIn, CheckIn.attendee_id == Attendee.id))
        )
    assert set(acknowledged) <= stored


def _cli(argv: list[str]) -> tuple[int, str, str]:
    import io

    from facilitator.cli import main
    from facilitator.commands.context import CliContext

    out, err = io.StringIO(), io.StringIO()
    code = main(["--lang", "en", *argv], CliContext(lang="en", out=out, err=err))
    return code, out.getvalue(), err.getvalue()


def test_read_only_commands_work_while_serve_holds_the_workspace(
    tmp_path: Path, clock: FakeClock
) -> None:
    from facilitator.composition import build_demo

    db = tmp_path / "busy.sqlite"
    with open_workspace(db, create=True) as ws:
        build_demo(ws, clock, attendees=20, seed=2)
    proc, base = start_serve(db)
    try:
        port = base.rsplit(":", 1)[1]
        # In this process, while the serve subprocess holds the writer's lock.
        code, out, _ = _cli(
            [
                "checkin-url",
                "--db",
                str(db),
                "--session",
                "AM",
                "--host",
                "127.0.0.1",
                "--port",
                port,
            ]
        )
        assert code == 0
        assert httpx.get(out.strip()).status_code == 200
        export = tmp_path / "checkins.xlsx"
        code, _, _ = _cli(["checkins", "export", "--db", str(db), "--out", str(export)])
        assert code == 0 and export.exists()
        code, _, err = _cli(["serve", "--db", str(db), "--host", "127.0.0.1"])
        assert code == 3 and "serve" in err
    finally:
        proc.send_signal(signal.SIGTERM)
        proc.communicate(timeout=15)
    assert proc.returncode == 0


def test_gui_stays_responsive_and_live_during_a_phone_burst(
    qtbot: QtBot,
    view_and_server: tuple[CheckInView, CheckInService, RecordingDialogs],
    demo_workspace: Workspace,
    clock: FakeClock,
) -> None:
    from PySide6.QtCore import QElapsedTimer, QTimer

    view, _checkin, _dialogs = view_and_server
    view.server.port_spin.setValue(free_port())
    qtbot.mouseClick(view.server.server_button, Qt.MouseButton.LeftButton)
    found = re.search(r"http://\S+", view.server.server_status.text())
    assert found is not None
    base = found.group(0)
    with demo_workspace.session() as s:
        secret = s.scalars(select(Event.secret)).one()
        am = s.scalars(select(TrainingSession).order_by(TrainingSession.position)).first()
        assert am is not None
        staff = list(
            s.scalars(select(Attendee.staff_no).where(Attendee.assigned_session_id == am.id))
        )
    token = RotatingTokens(secret, "checkin", am.code).token_at(clock.now().timestamp())
    # The phones are another process, as real phones are other devices.
    script = (
        "import json, sys, httpx\n"
        "from concurrent.futures import ThreadPoolExecutor\n"
        "base, code, token, staff = sys.argv[1], sys.argv[2], sys.argv[3], json.loads(sys.argv[4])\n"
        "def phone(n):\n"
        "    body = {'session': code, 'token': token, 'staff_no': n}\n"
        "    return httpx.post(base + '/api/v1/checkin', json=body, timeout=20).json()['outcome']\n"
        "with ThreadPoolExecutor(25) as pool:\n"
        "    print(json.dumps(list(pool.map(phone, staff))))\n"
    )
    phones = subprocess.Popen(
        [sys.executable, "-c", script, base, am.code, token, json.dumps(staff)],
        stdout=subprocess.PIPE,
        text=True,
    )
    gaps: list[int] = []
    since = QElapsedTimer()
    since.start()

    def tick() -> None:
        gaps.append(since.restart())

    ticker = QTimer()
    ticker.setInterval(20)
    ticker.timeout.connect(tick)
    ticker.start()

    qtbot.waitUntil(lambda: phones.poll() is not None, timeout=30000)
    out, _ = phones.communicate()
    assert json.loads(out) == ["checked_in"] * len(staff)
    qtbot.waitUntil(
        lambda: view.arrivals.counter.text() == f"{len(staff)} / {len(staff)}", timeout=1000
    )
    ticker.stop()
    # Filling the tables cell by cell used to stall it for 0.7–1.4 s here; a healthy
    # window repaints every few tens of ms. The bound leaves room for a loaded CI box
    # (the phones' subprocess shares its 2 cores) while still catching that freeze.
    assert max(gaps) < 900  # the window kept painting while the burst came in
