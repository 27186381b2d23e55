"""The phone check-in pages' words, Japanese and English."""

from __future__ import annotations

from facilitator.domain.checkin import CheckInOutcome
from facilitator.errors import Msg

# The result page's colour: green in, amber already in, red ask at the desk.
OUTCOME_STYLE: dict[CheckInOutcome, str] = {
    CheckInOutcome.CHECKED_IN: "ok",
    CheckInOutcome.ALREADY_CHECKED_IN: "warn",
    CheckInOutcome.WRONG_SESSION: "error",
    CheckInOutcome.UNKNOWN_ATTENDEE: "error",
    CheckInOutcome.INVALID_TOKEN: "error",
    CheckInOutcome.EXPIRED_TOKEN: "error",
    CheckInOutcome.SESSION_CLOSED: "error",
    CheckInOutcome.DEVICE_USED: "error",
}

# Outcomes whose text already sends the phone to the reception desk: the result page
# does not add its "ask at the desk" line under them a second time.
ASKS_AT_DESK = frozenset(
    {
        "outcome.wrong_session",
        "outcome.wrong_session_unnamed",
        "outcome.unknown_attendee",
        "outcome.session_closed",
        "outcome.device_used",
        "checkin.lookup_limit",
    }
)

CHECKIN_TEXTS: dict[str, Msg] = {
    "checkin.title": Msg(en="Check-in", ja="受付"),
    "checkin.session": Msg(en="Session {label}", ja="{label} セッション"),
    "checkin.staff_no": Msg(en="Staff number", ja="職員番号"),
    "checkin.staff_no_hint": Msg(
        en="The number on your staff ID card.", ja="職員証に記載の番号を入力してください。"
    ),
    "checkin.next": Msg(en="Next", ja="次へ"),
    "checkin.enter_staff_no": Msg(en="Enter your staff number.", ja="職員番号を入力してください。"),
    "checkin.unknown": Msg(
        en="This staff number is not on the list. Check it, or ask at the reception desk.",
        ja="この職員番号は名簿にありません。番号をご確認いただくか、受付でお尋ねください。",
    ),
    "checkin.confirm_title": Msg(en="Is this you?", ja="ご本人の確認"),
    "checkin.confirm_yes": Msg(en="Yes, check me in", ja="はい、受付します"),
    "checkin.confirm_no": Msg(en="No, enter again", ja="いいえ、入力し直す"),
    "checkin.name": Msg(en="Name", ja="氏名"),
    "checkin.pick": Msg(
        en="Don't know your staff number? Choose your department and name",
        ja="職員番号がわからない方は、所属と氏名から選択",
    ),
    "checkin.pick_title": Msg(en="Find your name", ja="所属と氏名の選択"),
    "checkin.pick_department": Msg(en="Choose your department.", ja="所属を選んでください。"),
    "checkin.pick_name": Msg(
        en="{department}: choose your name.", ja="{department}：氏名を選んでください。"
    ),
    "checkin.pick_other_department": Msg(en="Another department", ja="別の所属を選ぶ"),
    "checkin.pick_back": Msg(en="Enter my staff number instead", ja="職員番号を入力する"),
    "checkin.department": Msg(en="Department", ja="所属"),
    "checkin.time": Msg(en="Checked in at {time}", ja="受付時刻 {time}"),
    "checkin.desk": Msg(
        en="If anything is wrong, please ask at the reception desk.",
        ja="お困りの場合は受付でお尋ねください。",
    ),
    "outcome.checked_in": Msg(
        en="You are checked in. Welcome!", ja="受付が完了しました。ようこそ。"
    ),
    "outcome.already_checked_in": Msg(en="You are already checked in.", ja="すでに受付済みです。"),
    "outcome.wrong_session": Msg(
        en="You are registered for another session ({assigned}). Please ask at the reception desk.",
        ja="別のセッション（{assigned}）でお申し込みいただいています。お手数ですが受付でお尋ねください。",
    ),
    "outcome.wrong_session_unnamed": Msg(
        en="This person is registered for another session. Please ask at the reception desk.",
        ja="別のセッションでお申し込みいただいています。お手数ですが受付でお尋ねください。",
    ),
    "outcome.unknown_attendee": Msg(
        en="This staff number is not on the list. Please ask at the reception desk.",
        ja="この職員番号は名簿にありません。受付でお尋ねください。",
    ),
    "outcome.invalid_token": Msg(
        en="This check-in link is not valid. Please scan the QR code on the screen in the room.",
        ja="この受付リンクは無効です。会場のスクリーンに表示されている QR コードを読み取ってください。",
    ),
    "outcome.expired_token": Msg(
        en="This check-in link has expired. Please scan the QR code on the screen again.",
        ja="この受付リンクは有効期限が切れています。スクリーンの QR コードをもう一度読み取ってください。",
    ),
    "outcome.device_used": Msg(
        en="This phone has already checked in someone else. "
        "Each person checks in with their own phone; please come to the reception desk.",
        ja="このスマートフォンでは、すでに別の方が受付済みです。"
        "受付はご本人のスマートフォンで行います。お手数ですが受付までお越しください。",
    ),
    "checkin.lookup_limit": Msg(
        en="This phone has looked up several staff numbers already. "
        "Please come to the reception desk to check in.",
        ja="このスマートフォンでは、すでに複数の職員番号が照会されました。受付までお越しください。",
    ),
    "outcome.session_closed": Msg(
        en="Check-in for this session is closed. Please ask at the reception desk.",
        ja="このセッションの受付は終了しました。受付でお尋ねください。",
    ),
}
