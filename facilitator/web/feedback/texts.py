"""Japanese and English texts of the feedback page and API."""

from __future__ import annotations

from facilitator.domain.survey_rules import FeedbackOutcome
from facilitator.errors import Msg

FEEDBACK: dict[str, Msg] = {
    "feedback.title": Msg(en="Training report", ja="受講報告"),
    "feedback.required": Msg(en="required", ja="必須"),
    "feedback.optional": Msg(en="optional", ja="任意"),
    "feedback.staff_no": Msg(en="Staff number", ja="職員番号"),
    "feedback.staff_no_help": Msg(
        en="This phone was not used to check in; enter your staff number.",
        ja="この端末では受付をしていません。職員番号を入力してください。",
    ),
    "feedback.recognised": Msg(
        en="Answering as {name} (checked in with this phone).",
        ja="{name} さんとして回答します（この端末で受付済み）。",
    ),
    "feedback.recognised_anonymous": Msg(
        en="This phone checked in; your answers are not linked to your name.",
        ja="この端末で受付済みです。回答はお名前と結び付けられません。",
    ),
    "feedback.anonymous": Msg(
        en="This survey is anonymous: your answers are not linked to your name.",
        ja="このアンケートは無記名です。回答はお名前と結び付けられません。",
    ),
    "feedback.chars": Msg(en="up to {n} characters", ja="{n} 文字以内"),
    "feedback.too_long": Msg(
        en="Too long: please shorten it to {n} characters.",
        ja="長すぎます。{n} 文字以内にしてください。",
    ),
    "feedback.staff_no_missing": Msg(
        en="Please enter your staff number.", ja="職員番号を入力してください。"
    ),
    "feedback.submit": Msg(en="Send", ja="送信する"),
    "feedback.sending": Msg(en="Sending…", ja="送信中…"),
    "feedback.fix": Msg(
        en="Please check the marked questions.", ja="印の付いた質問を確認してください。"
    ),
    "feedback.network": Msg(
        en="Could not reach the server. Check the Wi-Fi and send again.",
        ja="サーバーに接続できませんでした。Wi-Fi を確認して、もう一度送信してください。",
    ),
    "feedback.closed_title": Msg(en="The survey is closed", ja="アンケートの受付は終了しています"),
    "feedback.closed_body": Msg(
        en="Please ask the trainer.", ja="講師または事務局にお尋ねください。"
    ),
    "feedback.expired_title": Msg(
        en="This QR code has expired", ja="QR コードの有効期限が切れています"
    ),
    "feedback.expired_body": Msg(
        en="Please scan the QR code on the screen again.",
        ja="スクリーンの QR コードをもう一度読み取ってください。",
    ),
    "feedback.invalid_title": Msg(en="This link is not valid", ja="このリンクは無効です"),
    "outcome.recorded": Msg(
        en="Thank you! Your answers were recorded.", ja="ご回答ありがとうございました。"
    ),
    "outcome.replaced": Msg(
        en="Thank you! Your earlier answers were replaced.",
        ja="ご回答ありがとうございました。前回の回答を更新しました。",
    ),
    "outcome.already_submitted": Msg(
        en="You have already answered this survey.", ja="このアンケートには既に回答済みです。"
    ),
    "outcome.not_checked_in": Msg(
        en="We cannot find a check-in for this staff number in this session. "
        "Check the number or ask at the reception desk.",
        ja="この職員番号の本セッションの受付記録が見つかりません。番号をご確認いただくか、受付でお尋ねください。",
    ),
    "outcome.survey_closed": Msg(
        en="The survey is closed.", ja="アンケートの受付は終了しています。"
    ),
    "outcome.invalid_token": Msg(
        en="This link is not valid. Please scan the QR code on the screen again.",
        ja="このリンクは無効です。スクリーンの QR コードをもう一度読み取ってください。",
    ),
    "outcome.expired_token": Msg(
        en="This QR code has expired. Please scan the QR code on the screen again.",
        ja="QR コードの有効期限が切れています。スクリーンの QR コードをもう一度読み取ってください。",
    ),
    "outcome.invalid_answers": Msg(
        en="Please check the marked questions.", ja="印の付いた質問を確認してください。"
    ),
    "outcome.device_used": Msg(
        en="This phone can answer only for the person who checked in with it. "
        "Please answer on your own phone, or ask at the reception desk.",
        ja="このスマートフォンでは、このスマートフォンで受付した方のみ回答できます。"
        "ご自身のスマートフォンで回答いただくか、受付でお尋ねください。",
    ),
}

assert all(f"outcome.{o.value}" in FEEDBACK for o in FeedbackOutcome)
