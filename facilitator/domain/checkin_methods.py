"""How a check-in came in, in the words a trainer uses: スマートフォン, 受講票QR, 手入力, 当日参加.

The recorded methods tell the channels apart (the phone page and the phone API,
a webcam and a USB scanner reading the same slip); the desk, the arrivals
summary and the check-in export show only what the trainer cares about: how the
person proved who they are. Every place that shows a method asks here, so a
new method cannot appear as a code such as "API".
"""

from __future__ import annotations

from collections.abc import Iterable
from enum import Enum

from facilitator.domain.checkin import CheckInMethod
from facilitator.errors import Msg


class MethodWord(Enum):
    """The four ways in, in the order the desk lists them."""

    PHONE = "phone"
    SLIP_QR = "slip_qr"
    MANUAL = "manual"
    WALK_IN = "walk_in"

    @property
    def label(self) -> Msg:
        return _LABELS[self]


_WORD_OF: dict[CheckInMethod, MethodWord] = {
    CheckInMethod.PHONE: MethodWord.PHONE,
    # The phone API is the same phone, scripted: the trainer sees a phone.
    CheckInMethod.API: MethodWord.PHONE,
    # Webcam and USB scanner both read the admission slip's QR.
    CheckInMethod.WEBCAM: MethodWord.SLIP_QR,
    CheckInMethod.USB: MethodWord.SLIP_QR,
    CheckInMethod.MANUAL: MethodWord.MANUAL,
    CheckInMethod.WALK_IN: MethodWord.WALK_IN,
}

_LABELS: dict[MethodWord, Msg] = {
    MethodWord.PHONE: Msg(en="Phone", ja="スマートフォン"),
    MethodWord.SLIP_QR: Msg(en="Slip QR", ja="受講票QR"),
    MethodWord.MANUAL: Msg(en="Manual entry", ja="手入力"),
    MethodWord.WALK_IN: Msg(en="Walk-in", ja="当日参加"),
}


def method_word(method: CheckInMethod) -> MethodWord:
    return _WORD_OF[method]


def method_label(method: CheckInMethod) -> Msg:
    """The word shown for a recorded method."""
    return _WORD_OF[method].label


def method_totals(counts: Iterable[tuple[CheckInMethod, int]]) -> list[tuple[MethodWord, int]]:
    """Counts per recorded method, added up per word (webcam + USB = 受講票QR), in word order."""
    totals = dict.fromkeys(MethodWord, 0)
    for method, n in counts:
        totals[_WORD_OF[method]] += n
    return [(word, n) for word, n in totals.items() if n]
