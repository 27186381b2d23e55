"""End to end against a real `facilitator serve` on 127.0.0.1, phones on other loopback
addresses (each client socket is bound to 127.0.0.2, 127.0.0.3, … before connecting;
Linux routes the whole 127.0.0.0/8 to the loopback interface with no set-up)."""

from __future__ import annotations

import contextlib
import re
import resource
import selectors
import socket
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from sqlalchemy import select

from benchmarks.serve_process import start_serve
from facilitator.db.models import Attendee, CheckIn, DeviceRefusal
from facilitator.db.workspace import open_workspace
from facilitator.domain.clock import FakeClock
from facilitator.domain.tokens import RotatingTokens
from tests.e2e.test_checkin_e2e import demo_door

pytestmark = pytest.mark.skipif(
    not hasattr(socket, "SO_REUSEADDR"), reason="needs a POSIX socket layer"
)


class Door:
    def __init__(
        self,
        db: Path,
        base: str,
        secret: str,
        code: str,
        staff: list[str],
        proc: subprocess.Popen[str],
    ) -> None:
        self.db, self.base, self.secret, self.code, self.staff = db, base, secret, code, staff
        self.proc = proc
        self.port = int(base.rsplit(":", 1)[1])

    def token(self) -> str:
        return RotatingTokens(self.secret, "checkin", self.code).token_at(time.time())

    def phone(self, address: str) -> httpx.Client:
        """A phone on `address` (its own cookie jar, its own source address)."""
        transport = httpx.HTTPTransport(local_address=address)
        return httpx.Client(base_url=self.base, transport=transport, timeout=5)


@pytest.fixture
def door(tmp_path: Path, clock: FakeClock) -> Iterator[Door]:
    db = tmp_path / "door.sqlite"
    secret, code, staff = demo_door(db, clock, attendees=40, seed=5)
    proc, base = start_serve(db)
    try:
        yield Door(db, base, secret, code, staff, proc)
    finally:
        proc.terminate()  # a test may have stopped it already
        try:
            proc.communicate(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.communicate(timeout=10)


def _pass(html: str) -> str:
    match = re.search(r'name="pass" value="([^"]+)"', html)
    assert match, html
    return match.group(1)


def _form_post(phone: httpx.Client, door: Door, step: str, data: dict[str, str]) -> httpx.Response:
    # What a browser sends with our own form (Referrer-Policy: same-origin).
    headers = {"origin": door.base, "sec-fetch-site": "same-origin", "accept-language": "en"}
    return phone.post(f"/c/{door.code}/{step}", data=data, headers=headers)


def test_one_phone_checks_in_one_person_and_learns_nobody_elses_name(door: Door) -> None:
    first, second, third = door.staff[0], door.staff[1], door.staff[2]
    with door.phone("127.0.0.2") as a, door.phone("127.0.0.3") as b:
        page = a.get(f"/c/{door.code}", params={"t": door.token()})
        assert page.status_code == 200 and "fac_dev" in a.cookies
        confirm = _form_post(a, door, "confirm", {"pass": _pass(page.text), "staff_no": first})
        assert confirm.status_code == 200 and "person-name" in confirm.text
        done = _form_post(a, door, "done", {"pass": _pass(page.text), "staff_no": first})
        assert "You are checked in" in done.text
        assert "fac_att" in a.cookies  # its own check-in: the identity is this phone's

        # The same phone, a colleague's number: through the page, then the API.
        again = _form_post(a, door, "confirm", {"pass": _pass(page.text), "staff_no": second})
        assert "already checked in someone else" in again.text
        assert "person-name" not in again.text
        body = {"session": door.code, "token": door.token(), "staff_no": third}
        api = a.post("/api/v1/checkin", json=body)
        assert api.json() == {
            "outcome": "device_used",
            "attendee": None,
            "session": {"label": "AM"},
            "checked_in_at": None,
        }

        # Another phone names the first colleague: already in, but not told who that is,
        # and given no identity.
        other = b.post("/api/v1/checkin", json={**body, "staff_no": first})
        assert other.json()["outcome"] == "already_checked_in"
        assert other.json()["attendee"] is None
        assert "fac_att" not in b.cookies

        # Cross-site attempts change nothing.
        plain = b.post(
            "/api/v1/checkin",
            content=f'{{"session":"{door.code}","token":"{door.token()}","staff_no":"{second}"}}',
            headers={"content-type": "text/plain"},
        )
        assert plain.status_code == 415
        null_origin = b.post(
            "/api/v1/checkin", json={**body, "staff_no": second}, headers={"origin": "null"}
        )
        assert null_origin.status_code == 403

    with open_workspace(door.db, readonly=True) as ws, ws.session() as s:
        checked = set(
            s.scalars(select(Attendee.staff_no).join(CheckIn, CheckIn.attendee_id == Attendee.id))
        )
        refused = s.scalars(select(DeviceRefusal.address)).all()
    assert checked == {first}
    assert refused == ["127.0.0.2", "127.0.0.2"]


def _held_sockets(door: Door, address: str, count: int) -> list[socket.socket]:
    held = []
    for _ in range(count):
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        sock.bind((address, 0))
        sock.setblocking(False)
        with contextlib.suppress(BlockingIOError):
            sock.connect(("127.0.0.1", door.port))
        held.append(sock)
    return held


def test_idle_sockets_from_one_address_neither_starve_others_nor_stay(door: Door) -> None:
    soft, _hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    count = min(1500, soft - 200)  # within this process's file-descriptor limit
    assert count >= 500, f"ulimit -n is {soft}: too low for this test"
    held = _held_sockets(door, "127.0.0.4", count)
    # A few that trickle: a request started and never finished (slowloris).
    trickling = _held_sockets(door, "127.0.0.6", 5)
    time.sleep(0.2)
    for sock in trickling:
        sock.send(b"GET /healthz HTTP/1.1\r\nHost: x\r\n")
    held += trickling
    try:
        time.sleep(0.5)  # the server has accepted (and capped) them
        started = time.monotonic()
        with door.phone("127.0.0.5") as phone:
            page = phone.get(f"/c/{door.code}", params={"t": door.token()})
        took = time.monotonic() - started
        assert page.status_code == 200 and took < 2.0, took

        # Not one of them sent a request: within the 10 s deadline (plus slack) the
        # server has closed every one (those over the per-address cap at once).
        selector = selectors.DefaultSelector()
        for sock in held:
            selector.register(sock, selectors.EVENT_READ)
        closed: set[int] = set()
        deadline = time.monotonic() + 13
        while len(closed) < len(held) and time.monotonic() < deadline:
            for key, _ in selector.select(timeout=0.5):
                sock = key.fileobj
                assert isinstance(sock, socket.socket)
                try:
                    data = sock.recv(1)
                except (ConnectionResetError, BlockingIOError):
                    data = b""
                if not data:
                    closed.add(sock.fileno())
                    selector.unregister(sock)
        selector.close()
        assert len(closed) == len(held)
    finally:
        for sock in held:
            sock.close()


def _tcp_state(sock: socket.socket) -> int:
    """The kernel's TCP state of `sock` (1 is ESTABLISHED), read without reading data."""
    return sock.getsockopt(socket.IPPROTO_TCP, socket.TCP_INFO, 8)[0]


def _non_reader(door: Door, address: str, requests: int) -> socket.socket:
    """A client that sends `requests` pipelined requests and never reads an answer."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 1024)
    sock.bind((address, 0))
    sock.connect(("127.0.0.1", door.port))
    request = f"GET /static/feedback.js HTTP/1.1\r\nHost: 127.0.0.1:{door.port}\r\n\r\n"
    sock.sendall(request.encode() * requests)
    return sock


@pytest.mark.skipif(not hasattr(socket, "TCP_INFO"), reason="needs Linux TCP_INFO")
def test_clients_that_never_read_are_reset_and_do_not_hold_the_shutdown(door: Door) -> None:
    # Five that pipeline 400 requests each (over the bound: reset at once), and two
    # that stay within the bound but never read (reset by the deadline, although the
    # server handed every answer over long ago).
    flooding = [_non_reader(door, "127.0.0.9", 400) for _ in range(5)]
    quiet = [_non_reader(door, "127.0.0.10", 6) for _ in range(2)]
    try:
        time.sleep(1.0)
        assert all(_tcp_state(sock) != 1 for sock in flooding)
        assert all(_tcp_state(sock) == 1 for sock in quiet)  # not yet: within the deadline
        with door.phone("127.0.0.5") as phone:
            assert phone.get(f"/c/{door.code}", params={"t": door.token()}).status_code == 200
        deadline = time.monotonic() + 14
        while time.monotonic() < deadline and any(_tcp_state(s) == 1 for s in quiet):
            time.sleep(0.25)
        assert all(_tcp_state(sock) != 1 for sock in quiet)

        # New non-readers, then SIGTERM: serve still stops promptly.
        stuck = [_non_reader(door, "127.0.0.11", 6) for _ in range(3)]
        flooding += stuck
        time.sleep(0.5)
        proc = door.proc
        started = time.monotonic()
        proc.terminate()
        proc.communicate(timeout=10)
        assert time.monotonic() - started < 10
    finally:
        for sock in flooding + quiet:
            sock.close()


def test_a_rebound_host_name_is_refused(door: Door) -> None:
    """DNS rebinding: another site's name resolves to the laptop, its page posts
    with that name as Host and a matching Origin; the server refuses it."""
    evil = f"evil.example:{door.port}"
    body = {"session": door.code, "token": door.token(), "staff_no": door.staff[0]}
    with door.phone("127.0.0.2") as phone:
        refused = phone.post(
            "/api/v1/checkin",
            json=body,
            headers={"host": evil, "origin": f"http://{evil}", "accept-language": "en"},
        )
        page = phone.get(f"/c/{door.code}", params={"t": door.token()}, headers={"host": evil})
        assert refused.status_code == 403 and page.status_code == 403
        assert "fac_dev" not in phone.cookies
        # The laptop's own names still work.
        for host in (f"127.0.0.1:{door.port}", f"localhost:{door.port}"):
            ok = phone.get("/healthz", headers={"host": host})
            assert ok.status_code == 200, host
    with open_workspace(door.db, readonly=True) as ws, ws.session() as s:
        assert s.scalars(select(CheckIn)).all() == []
