"""Every recorded check-in method is shown as one of the trainer's four words."""

from __future__ import annotations

from facilitator.domain.checkin import CheckInMethod
from facilitator.domain.checkin_methods import MethodWord, method_label, method_totals


def test_every_method_has_a_trainer_s_word_in_both_languages() -> None:
    words = {m: method_label(m).ja for m in CheckInMethod}
    assert words == {
        CheckInMethod.PHONE: "スマートフォン",
        CheckInMethod.API: "スマートフォン",
        CheckInMethod.WEBCAM: "受講票QR",
        CheckInMethod.USB: "受講票QR",
        CheckInMethod.MANUAL: "手入力",
        CheckInMethod.WALK_IN: "当日参加",
    }
    english = {method_label(m).en for m in CheckInMethod}
    assert english == {"Phone", "Slip QR", "Manual entry", "Walk-in"}


def test_totals_add_up_the_channels_of_one_word_in_the_desk_s_order() -> None:
    counts = [
        (CheckInMethod.WALK_IN, 1),
        (CheckInMethod.USB, 3),
        (CheckInMethod.API, 2),
        (CheckInMethod.WEBCAM, 4),
        (CheckInMethod.PHONE, 5),
    ]
    assert method_totals(counts) == [
        (MethodWord.PHONE, 7),
        (MethodWord.SLIP_QR, 7),
        (MethodWord.WALK_IN, 1),
    ]
