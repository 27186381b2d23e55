"""Check-in's smaller parts: the group processor, export, languages, cookie, server port."""

from __future__ import annotations

import csv
import os
import socket
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import select
from starlette.requests import Request
from starlette.responses import Response

from facilitator.db.models import Attendee, Event, TrainingSession
from facilitator.db.workspace import Workspace
from facilitator.domain.checkin import CheckInMethod, CheckInOutcome, RepeatFilter
from facilitator.domain.clock import FakeClock
from facilitator.domain.devices import Phone
from facilitator.errors import InputRejected
from facilitator.services.checkin.batch import CheckInBatch
from facilitator.services.checkin.export import HEADER, export_checkins
from facilitator.services.checkin.service import CheckInService
from facilitator.services.checkin.types import AttendeeRef, CheckInRequest, ExportRow, StaffNumber
from facilitator.web.i18n import negotiate, translator
from facilitator.web.identity import (
    ATTENDEE_COOKIE,
    new_device_cookie,
    read_attendee_cookie,
    set_attendee_cookie,
    verified_phone,
)
from facilitator.web.security import DEVICE_COOKIE, Caller
from facilitator.web.server import bind_socket


def test_one_group_with_duplicates_and_mixed_outcomes(
    demo_workspace: Workspace, clock: FakeClock
) -> None:
    with demo_workspace.session() as s:
        am = s.scalars(select(TrainingSession).order_by(TrainingSession.position)).first()
        assert am is not None
        people = s.scalars(select(Attendee).where(Attendee.assigned_session_id == am.id)).all()
    a, b = people[0], people[1]
    requests = [
        CheckInRequest(am.id, StaffNumber(a.staff_no), CheckInMethod.USB),
        CheckInRequest(am.id, AttendeeRef(a.id), CheckInMethod.MANUAL),
        CheckInRequest(am.id, StaffNumber("nobody"), CheckInMethod.MANUAL),
        CheckInRequest(am.id, StaffNumber(b.staff_no), CheckInMethod.MANUAL),
        CheckInRequest(am.id, StaffNumber(a.staff_no), CheckInMethod.MANUAL),
    ]
    batch = CheckInBatch(clock.now, lambda: "tester")
    with demo_workspace.engine.connect() as conn, conn.begin():
        results = batch.process(conn, requests)
    assert [r.outcome for r in results] == [
        CheckInOutcome.CHECKED_IN,
        CheckInOutcome.ALREADY_CHECKED_IN,
        CheckInOutcome.UNKNOWN_ATTENDEE,
        CheckInOutcome.CHECKED_IN,
        CheckInOutcome.ALREADY_CHECKED_IN,
    ]
    assert results[1].checkin_id == results[0].checkin_id == results[4].checkin_id
    assert results[0].checkin_id != results[3].checkin_id


def test_export_csv_and_xlsx(demo_workspace: Workspace, clock: FakeClock, tmp_path: Path) -> None:
    service = CheckInService(demo_workspace, clock)
    try:
        with demo_workspace.session() as s:
            event_id = s.scalars(select(Event.id)).one()
            am = s.scalars(select(TrainingSession).order_by(TrainingSession.position)).first()
            assert am is not None
            people = s.scalars(select(Attendee).where(Attendee.assigned_session_id == am.id)).all()
        for p in people[:3]:
            service.check_in(CheckInRequest(am.id, AttendeeRef(p.id), CheckInMethod.MANUAL))
        undone = service.check_in(
            CheckInRequest(am.id, AttendeeRef(people[3].id), CheckInMethod.USB)
        )
        assert undone.checkin_id is not None
        service.desk.undo(undone.checkin_id)
        rows = service.desk.export_rows(event_id)
    finally:
        service.close()
    assert len(rows) == 3
    out = tmp_path / "in.csv"
    assert export_checkins(rows, out) == 3
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    table = list(csv.reader(raw.decode("utf-8-sig").splitlines()))
    assert tuple(table[0]) == HEADER
    assert {r[0] for r in table[1:]} == {p.staff_no for p in people[:3]}
    assert all(r[3] == "AM" and r[5] == "手入力" for r in table[1:])
    book = (
        load_workbook(export_path := tmp_path / "in.xlsx")
        if export_checkins(rows, tmp_path / "in.xlsx")
        else None
    )
    assert book is not None and export_path.exists()
    sheet = book.active
    assert [c.value for c in sheet[1]] == list(HEADER)
    assert sheet.max_row == 4
    with pytest.raises(InputRejected):
        export_checkins(rows, tmp_path / "in.pdf")


def test_export_neutralises_formulas(tmp_path: Path) -> None:
    row = ExportRow(
        "=1+1", "@evil", "-x", "AM", datetime(2026, 7, 4, tzinfo=UTC), CheckInMethod.PHONE
    )
    out = tmp_path / "f.csv"
    export_checkins([row], out)
    cells = list(csv.reader(out.read_text("utf-8-sig").splitlines()))[1]
    assert cells[:3] == ["'=1+1", "'@evil", "'-x"]


@pytest.mark.parametrize(
    ("header", "lang"),
    [
        (None, "ja"),
        ("", "ja"),
        ("en-US,en;q=0.9", "en"),
        ("ja-JP,ja;q=0.9,en;q=0.8", "ja"),
        ("fr-FR,en;q=0.5,ja;q=0.7", "ja"),
        ("fr-FR,en;q=0.5", "en"),
        ("de", "ja"),
        ("en;q=0, ja;q=0.1", "ja"),
        ("en;q=bogus", "ja"),
    ],
)
def test_accept_language(header: str | None, lang: str) -> None:
    assert negotiate(header) == lang


def test_translator_falls_back_and_formats() -> None:
    t = translator("en")
    assert t("common.back") == "Back"
    assert t("no.such.key") == "no.such.key"


SECRET = "ab" * 32
# 10:00 local time on the event day.
NOW = datetime(2026, 7, 4, 10, 0).astimezone()
PHONE_A = new_device_cookie(SECRET, NOW)
PHONE_B = new_device_cookie(SECRET, NOW)


def _request(cookie: str, device: str = PHONE_A) -> Request:
    header = f"{ATTENDEE_COOKIE}={cookie}; {DEVICE_COOKIE}={device}"
    return Request({"type": "http", "headers": [(b"cookie", header.encode())]})


def test_attendee_cookie_is_signed_per_event_phone_and_day() -> None:
    secret, now = SECRET, NOW
    response = Response()
    set_attendee_cookie(response, secret, 3, 42, PHONE_A, now)
    header = response.headers["set-cookie"]
    assert "HttpOnly" in header and "SameSite=lax" in header
    assert "Max-Age=50400" in header  # until local midnight
    value = header.split(";")[0].split("=", 1)[1]
    assert read_attendee_cookie(_request(value), secret, 3, now) == 42
    assert read_attendee_cookie(_request(value), secret, 4, now) is None
    # Copied to another phone (another device cookie), it names nobody.
    assert read_attendee_cookie(_request(value, PHONE_B), secret, 3, now) is None
    assert read_attendee_cookie(_request(value, ""), secret, 3, now) is None
    # After the event day it has expired, even if the browser kept it.
    late = now + timedelta(hours=14)
    assert read_attendee_cookie(_request(value), secret, 3, late) is None
    forged = value.replace("3.42.", "3.43.")
    assert read_attendee_cookie(_request(forged), secret, 3, now) is None
    assert read_attendee_cookie(_request("garbage"), secret, 3, now) is None


def _caller(device: str, address: str = "10.0.0.7") -> Caller:
    return Caller(address, {}, {DEVICE_COOKIE: device})


def test_device_cookie_counts_only_when_this_server_issued_it_for_the_event() -> None:
    assert verified_phone(_caller(PHONE_A), SECRET, NOW) == Phone(PHONE_A, "10.0.0.7")
    value, issued, signature = PHONE_A.split(".")
    forged = [
        "made-up-phone",  # the attack: any value was a new phone
        f"{value}x.{issued}.{signature}",  # another value, the same signature
        f"{value}.{int(issued) + 1}.{signature}",  # another issue time
        f"{value}.{issued}.{signature[:-1]}",
        new_device_cookie("cd" * 32, NOW),  # another event's
        "a.b.c",
    ]
    for cookie in forged:
        assert verified_phone(_caller(cookie), SECRET, NOW) == Phone("", "10.0.0.7"), cookie
    # Older than a day (and an hour of slack): no longer this phone's cookie.
    assert verified_phone(_caller(PHONE_A), SECRET, NOW + timedelta(hours=26)).cookie == ""
    # Without the event's secret nothing is genuine; the laptop is exempt, never checked.
    assert verified_phone(_caller(PHONE_A), None, NOW).cookie == ""
    assert verified_phone(_caller("kiosk", "127.0.0.1"), SECRET, NOW).cookie == "kiosk"
    # An identity cookie signed with a made-up device cookie is refused too.
    response = Response()
    set_attendee_cookie(response, SECRET, 3, 42, "made-up-phone", NOW)
    value = response.headers["set-cookie"].split(";")[0].split("=", 1)[1]
    assert read_attendee_cookie(_request(value, "made-up-phone"), SECRET, 3, NOW) is None


def test_taken_port_moves_to_the_next_free_one() -> None:
    first = bind_socket("127.0.0.1", 0)
    taken = first.getsockname()[1]
    try:
        second = bind_socket("127.0.0.1", taken)
        try:
            assert second.getsockname()[1] > taken
        finally:
            second.close()
    finally:
        first.close()


@pytest.mark.skipif(os.name != "posix", reason="Windows does not keep TIME_WAIT ports from a bind")
def test_a_restarted_server_gets_its_port_back() -> None:
    # The last run closed a phone's connection itself: that port is in TIME_WAIT, and a
    # phone that still has the page open will post to it.
    listener = bind_socket("127.0.0.1", 0)
    port = listener.getsockname()[1]
    phone = socket.create_connection(("127.0.0.1", port))
    served, _ = listener.accept()
    served.close()  # the server closes first: its side waits in TIME_WAIT
    phone.close()
    listener.close()
    again = bind_socket("127.0.0.1", port)
    try:
        assert again.getsockname()[1] == port
    finally:
        again.close()


def test_repeat_filter() -> None:
    f = RepeatFilter(3.0)
    assert f.accept("A", 0.0)
    assert not f.accept("A", 2.0)
    assert f.accept("B", 2.5)
    assert not f.accept("A", 4.9)  # the window restarts on every sighting
    assert f.accept("A", 8.0)


def test_socket_helper_is_tcp() -> None:
    sock = bind_socket("127.0.0.1", 0)
    try:
        assert sock.proto == socket.IPPROTO_TCP
    finally:
        sock.close()


def test_door_sounds_are_distinct_short_wavs(tmp_path: Path) -> None:
    import wave

    from facilitator.ui.checkin.chimes import TUNES, tone_wav

    lengths = {}
    for style, notes in TUNES.items():
        path = tmp_path / f"{style}.wav"
        tone_wav(notes, path)
        with wave.open(str(path)) as w:
            assert w.getnchannels() == 1 and w.getframerate() == 22050
            lengths[style] = w.getnframes() / w.getframerate()
    assert all(0.1 < seconds < 0.5 for seconds in lengths.values())
    assert len({round(s, 2) for s in lengths.values()}) == 3


def test_serving_tunes_the_switch_interval_and_the_collector() -> None:
    import gc
    import sys

    from facilitator.web.server import (
        SERVING_GC_THRESHOLDS,
        SERVING_SWITCH_INTERVAL,
        tune_interpreter_for_serving,
    )

    interval, thresholds = sys.getswitchinterval(), gc.get_threshold()
    try:
        sys.setswitchinterval(0.005)
        gc.set_threshold(700, 10, 10)
        tune_interpreter_for_serving()
        assert sys.getswitchinterval() == SERVING_SWITCH_INTERVAL
        assert gc.get_threshold() == SERVING_GC_THRESHOLDS
        assert gc.isenabled()  # raised, never switched off: cycles are still collected
    finally:
        sys.setswitchinterval(interval)
        gc.set_threshold(*thresholds)
