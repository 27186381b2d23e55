"""`facilitator feedback-url`, `feedback export` (read-only) and `feedback open|close`."""

from __future__ import annotations

import argparse
import math
from pathlib import Path
from typing import TYPE_CHECKING, Any

from facilitator.errors import Msg

if TYPE_CHECKING:
    from facilitator.commands.context import CliContext


def register(subparsers: Any) -> None:
    from facilitator.commands.context import add_db_option, add_event_option

    url = subparsers.add_parser(
        "feedback-url", help="print the phone URL of a session's survey (token valid briefly)"
    )
    add_db_option(url, required=True)
    add_event_option(url)
    url.add_argument("--session", required=True, metavar="LABEL", help="session label, e.g. AM")
    url.add_argument("--host", default=None, help="address phones use (default: this PC's LAN IP)")
    url.add_argument("--port", type=int, default=None, metavar="P")
    url.add_argument("--json", action="store_true")
    url.set_defaults(handler=run_feedback_url)

    feedback = subparsers.add_parser("feedback", help="feedback results")
    sub = feedback.add_subparsers(dest="feedback_command", metavar="ACTION", required=True)
    export = sub.add_parser("export", help="export responses (.csv/.xlsx) or a summary (.pdf)")
    add_db_option(export, required=True)
    add_event_option(export)
    export.add_argument("--out", required=True, metavar="FILE", help="FILE.csv, .xlsx or .pdf")
    export.add_argument("--json", action="store_true")
    export.set_defaults(handler=run_feedback_export)
    for action, is_open, text in (
        ("open", True, "start taking a session's answers (phones and kiosk)"),
        ("close", False, "stop taking a session's answers (paper entry still works)"),
    ):
        switch = sub.add_parser(action, help=text)
        add_db_option(switch, required=True)
        add_event_option(switch)
        switch.add_argument("--session", required=True, metavar="LABEL", help="e.g. AM")
        switch.set_defaults(handler=run_feedback_switch, open=is_open)


def run_feedback_url(args: argparse.Namespace, ctx: CliContext) -> int:
    from facilitator.commands.checkin import phone_base

    base = phone_base(args, ctx)
    with ctx.services(args, readonly=True) as services:
        events = services.events
        event = events.get_event(events.resolve_event_id(args.event))
        info = event.session_by_label(args.session)
        feedback = services.feedback
        url = feedback.feedback_link_at(info.id, base)
        seconds = feedback.token_seconds_left(info.id)
        # "Open" only when phones can answer: the session takes answers and has a survey.
        target = feedback.survey_for_code(info.code)
    answering = target is not None and target.feedback_open
    if args.json:
        ctx.print_json(
            {
                "url": url,
                "session": info.label,
                "open": answering,
                "rotates_in": math.ceil(seconds),
            }
        )
        return 0
    ctx.out.write(url + "\n")
    if not answering:
        ctx.err.write(
            Msg(
                en=f"Note: the survey of {info.label} is not taking answers. Open it in the "
                f"GUI's Feedback area, or with: facilitator feedback open --session {info.label}",
                ja=f"注意：{info.label} のアンケートは回答を受け付けていません。GUI の「アンケート」"
                f"画面、または facilitator feedback open --session {info.label} で回答受付を"
                "開始してください。",
            ).text(ctx.lang)
            + "\n"
        )
    return 0


def run_feedback_switch(args: argparse.Namespace, ctx: CliContext) -> int:
    with ctx.services(args) as services:
        events = services.events
        info = events.get_event(events.resolve_event_id(args.event)).session_by_label(args.session)
        switched = services.feedback.set_feedback_open(info.id, args.open)
    if switched.survey_created:
        ctx.say(
            Msg(
                en="This event had no survey; it now has the default 受講報告書 "
                "(edit it in the GUI's Feedback area).",
                ja="この研修にはアンケートがなかったため、標準の受講報告書を作成しました"
                "（GUI の「アンケート」画面で編集できます）。",
            )
        )
    ctx.say(
        Msg(
            en=f"The survey of {info.label} is {'open' if switched.is_open else 'closed'}.",
            ja=f"{info.label} のアンケートの回答受付を{'開始' if switched.is_open else '終了'}"
            "しました。",
        )
    )
    return 0


def run_feedback_export(args: argparse.Namespace, ctx: CliContext) -> int:
    from facilitator.services.feedback.export import export_feedback, export_format

    out = Path(args.out)
    export_format(out)  # refuse a wrong extension before touching the workspace
    clock = ctx.get_clock()
    with ctx.services(args, readonly=True) as services:
        event_id = services.events.resolve_event_id(args.event)
        summary = export_feedback(services.feedback_results, event_id, out, ctx.lang, now=clock.now)
    if args.json:
        ctx.print_json({"path": str(summary.path), "responses": summary.responses})
    else:
        ctx.say(
            Msg(
                en=f"Wrote {summary.responses} responses to {summary.path}.",
                ja=f"{summary.responses} 件の回答を {summary.path} に書き出しました。",
            )
        )
    return 0
