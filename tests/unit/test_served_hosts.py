"""The Host check against DNS rebinding (web/hosts.py)."""

from __future__ import annotations

from starlette.applications import Starlette
from starlette.responses import PlainTextResponse
from starlette.routing import Route
from starlette.testclient import TestClient

from facilitator.web.hosts import ServedHosts, served_hosts


def _app() -> Starlette:
    return Starlette(routes=[Route("/", lambda _r: PlainTextResponse("ok"))])


def test_a_server_bound_to_one_address_answers_to_it_and_to_loopback() -> None:
    hosts = served_hosts("192.168.1.20", 8765, [])
    assert {"192.168.1.20:8765", "127.0.0.1:8765", "localhost:8765"} <= hosts
    assert "192.168.1.21:8765" not in hosts and "192.168.1.20:8766" not in hosts
    assert "evil.example:8765" not in hosts and "192.168.1.20" not in hosts


def test_a_foreign_host_is_refused_in_the_callers_language_and_a_new_address_learned() -> None:
    addresses = ["10.0.0.5", "127.0.0.1"]
    clock = [0.0]
    guarded = ServedHosts(_app(), "0.0.0.0", 8765, lambda: list(addresses), lambda: clock[0])
    client = TestClient(guarded, base_url="http://10.0.0.5:8765")
    assert client.get("/").text == "ok"
    refused = client.get("/", headers={"host": "evil.example:8765", "accept-language": "en"})
    assert (
        refused.status_code == 403
        and refused.text == "The request could not be read. Please scan the QR code again."
    )
    ja = client.get("/", headers={"host": "evil.example:8765", "accept-language": "ja"})
    assert ja.status_code == 403 and ja.text != refused.text
    # The venue's DHCP gave the laptop a new address: learned on the next miss.
    addresses.insert(0, "10.0.0.9")
    clock[0] = 10.0
    assert client.get("/", headers={"host": "10.0.0.9:8765"}).status_code == 200
