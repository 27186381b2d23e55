"""The laptop's addresses phones can reach (standard library only, no Qt)."""

from __future__ import annotations

import socket

LOOPBACK = "127.0.0.1"


def default_route_address() -> str:
    """The IPv4 address of the interface with the default route; loopback when offline.

    connect() on a UDP socket only chooses the outgoing interface: no packet
    is sent, so this works with no internet at all.
    """
    probe = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    try:
        probe.connect(("192.0.2.1", 9))  # TEST-NET-1: never routed anywhere real
        address = str(probe.getsockname()[0])
    except OSError:
        return LOOPBACK
    finally:
        probe.close()
    return address if address != "0.0.0.0" else LOOPBACK


def ipv4_addresses() -> list[str]:
    """Every IPv4 address of this computer, the default-route one first, loopback last."""
    found: list[str] = []
    try:
        infos = socket.getaddrinfo(socket.gethostname(), None, socket.AF_INET)
    except OSError:
        infos = []
    for info in infos:
        address = str(info[4][0])
        if address not in found:
            found.append(address)
    preferred = default_route_address()
    ordered = [preferred] + [a for a in found if a != preferred]
    others = [a for a in ordered if not a.startswith("127.")]
    return [*others, LOOPBACK]
