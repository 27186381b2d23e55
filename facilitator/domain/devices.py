"""The device rule: one phone checks in one person per event (proxy check-in, 代返).

A phone is its device cookie and its client address. Once a phone is bound
to an attendee (it recorded their check-in, or claimed a desk check-in for
the survey), it may act for nobody else in that event. The laptop's own
addresses (kiosk, door tools, benchmarks) are exempt, and a venue whose
phones all share one NAT address turns the address part off per event.

Pure Python: the service reads the bindings and the event's setting, this
module decides; `checkin.decide` places the verdict in the outcome order.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Iterable
from dataclasses import dataclass
from enum import Enum

# The laptop itself: every per-phone rule leaves these alone. Other loopback
# addresses (127.0.0.2 ...) are treated as phones, so tests can play several.
LAPTOP_ADDRESSES = frozenset({"127.0.0.1", "::1", "::ffff:127.0.0.1"})

# The event setting (in `events.settings`) for venues that NAT every phone
# behind one address: the device cookie alone then tells phones apart.
SHARED_ADDRESS_SETTING = "phones_share_address"

# How many distinct people one phone may look up on the "Is this you?" step.
MAX_LOOKUPS = 3

# The desk suggests the shared-address setting once this many distinct phones
# (genuine device cookies) were refused `device_used` from one address.
SUGGEST_SHARED_AFTER = 3


def is_laptop(address: str) -> bool:
    return address in LAPTOP_ADDRESSES


def shares_address(settings: object) -> bool:
    """The event's shared-address (NAT) setting, from its settings mapping."""
    return isinstance(settings, dict) and bool(settings.get(SHARED_ADDRESS_SETTING, False))


@dataclass(frozen=True)
class Phone:
    """Who sent a phone request: its device cookie ("" when it has none) and address."""

    cookie: str
    address: str

    @property
    def exempt(self) -> bool:
        return is_laptop(self.address)

    def record(self) -> str:
        """How the phone is written down (check-ins, replaced answers)."""
        return f"{self.address}|{self.cookie}"[:200]


@dataclass(frozen=True)
class Binding:
    """A phone bound to an attendee in one event."""

    attendee_id: int
    cookie: str
    address: str


class DeviceVerdict(Enum):
    EXEMPT = "exempt"  # staff or the laptop itself: no per-phone rule applies
    FREE = "free"  # bound to nobody: may record (and thereby bind)
    SAME = "same"  # this phone is bound to this very attendee
    USED = "used"  # bound to somebody else, or cannot be told apart: `device_used`


@dataclass(frozen=True)
class DeviceCheck:
    verdict: DeviceVerdict
    # For USED: the attendee the phone (or its address) is bound to, when known.
    bound_to: int | None = None


def _same_cookie(binding: Binding, phone: Phone) -> bool:
    return bool(phone.cookie) and binding.cookie == phone.cookie


def _same_address(binding: Binding, phone: Phone, shared_address: bool) -> bool:
    return not shared_address and binding.address == phone.address


def _proven_same(binding: Binding, phone: Phone, shared_address: bool) -> bool:
    """Whether `phone` is the very phone of `binding`, enough to act as its person.

    The cookie proves it. An address alone does not (DHCP hands a left phone's
    address to another, and phones may share one before the NAT setting is on),
    except when neither side ever had a cookie: then the address is all there is.
    """
    if _same_cookie(binding, phone):
        return True
    return not phone.cookie and not binding.cookie and _same_address(binding, phone, shared_address)


def check_device(
    phone: Phone | None,
    attendee_id: int,
    bindings: Iterable[Binding],
    *,
    shared_address: bool,
) -> DeviceCheck:
    """May `phone` act for `attendee_id`, given the event's bindings?

    A binding to somebody else by either part (cookie, or address unless the
    event shares one address) wins over one to this attendee: the phone has
    checked in someone else. SAME (acting as the attendee: their identity,
    their named answers) needs more: a cookie match, or an address match when
    neither the phone nor the binding has a cookie (`_proven_same`). With the
    address part off, a phone without a device cookie cannot be told from its
    neighbours and is sent to the desk.
    """
    if phone is None or phone.exempt:
        return DeviceCheck(DeviceVerdict.EXEMPT)
    if shared_address and not phone.cookie:
        return DeviceCheck(DeviceVerdict.USED)
    mine = False
    for binding in bindings:
        if not (_same_cookie(binding, phone) or _same_address(binding, phone, shared_address)):
            continue
        if binding.attendee_id != attendee_id:
            return DeviceCheck(DeviceVerdict.USED, binding.attendee_id)
        mine = mine or _proven_same(binding, phone, shared_address)
    return DeviceCheck(DeviceVerdict.SAME if mine else DeviceVerdict.FREE)


class LookupQuota:
    """At most `limit` distinct people per phone and event on the confirm step.

    Counted by device cookie and by address (the address unless the event
    shares one), so clearing cookies does not reset a phone on its own
    address. Kept in memory, bounded: a restarted server starts counting
    again, which costs an attacker a restart they cannot cause.
    """

    MAX_KEYS = 20_000

    def __init__(self, limit: int = MAX_LOOKUPS) -> None:
        self._limit = limit
        self._seen: OrderedDict[tuple[int, str], set[str]] = OrderedDict()

    def allow(self, event_id: int, phone: Phone, person: str, *, shared_address: bool) -> bool:
        """True (and counted) when `phone` may see `person`; a person seen before is free."""
        if phone.exempt:
            return True
        keys = [(event_id, f"d:{phone.cookie}")] if phone.cookie else []
        if not shared_address:
            keys.append((event_id, f"a:{phone.address}"))
        if not keys:
            return False  # shared address and no cookie: cannot be told apart
        seen = [self._seen.get(key, set()) for key in keys]
        if any(person not in s and len(s) >= self._limit for s in seen):
            return False
        for key, people in zip(keys, seen, strict=True):
            people.add(person)
            self._seen[key] = people
            self._seen.move_to_end(key)
        while len(self._seen) > self.MAX_KEYS:
            self._seen.popitem(last=False)
        return True


class AnswerRight(Enum):
    """May a phone answer the survey as an attendee it names by staff number?"""

    ANSWER = "answer"  # the laptop, staff, or the phone bound to this attendee
    CLAIM = "claim"  # checked in at the desk or by slip: this phone binds to them now
    REFUSED = "refused"  # the phone is somebody else's, or the attendee is another phone's


def answer_right(
    phone: Phone | None,
    attendee_id: int,
    bindings: Iterable[Binding],
    *,
    shared_address: bool,
) -> AnswerRight:
    """`bindings`: the event's bindings of this phone and of this attendee.

    A phone answers only as the attendee it checked in. Someone checked in at
    the desk or by slip is claimed by the first phone that names them, if that
    phone is bound to nobody else.
    """
    bindings = list(bindings)
    check = check_device(phone, attendee_id, bindings, shared_address=shared_address)
    if check.verdict in (DeviceVerdict.EXEMPT, DeviceVerdict.SAME):
        return AnswerRight.ANSWER
    if check.verdict is DeviceVerdict.USED:
        return AnswerRight.REFUSED
    if any(b.attendee_id == attendee_id for b in bindings):
        return AnswerRight.REFUSED
    return AnswerRight.CLAIM
