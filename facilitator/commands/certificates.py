"""`facilitator certificates issue|export|list|verify|revoke|reissue`.

Numbers are written to the workspace, so `issue`, `revoke` and `reissue`
need the writer's lock. `export` prints the certificates already issued; when
it can take the lock it first numbers anyone newly eligible, and when the GUI
holds the workspace it exports read-only and says how many are still
unnumbered. `verify` and `list` are read-only.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, Any

from facilitator.errors import InputRejected, Msg, WorkspaceLocked, WorkspaceNotWritable

if TYPE_CHECKING:
    from facilitator.commands.context import CliContext
    from facilitator.services.certificates.verify import Verification

EXIT_OK = 0
EXIT_NOT_VALID = 3


def register(subparsers: Any) -> None:
    from facilitator.commands.context import add_db_option, add_event_option

    root = subparsers.add_parser("certificates", help="issue, export and verify certificates")
    sub = root.add_subparsers(dest="certificates_command", metavar="ACTION", required=True)

    issue = sub.add_parser("issue", help="number everyone eligible who has no number yet")
    add_db_option(issue, required=True)
    add_event_option(issue)
    issue.add_argument("--json", action="store_true")
    issue.set_defaults(handler=run_issue)

    export = sub.add_parser("export", help="write certificates: X.pdf, X.zip or DIR/")
    add_db_option(export, required=True)
    add_event_option(export)
    export.add_argument("--out", required=True, metavar="PATH")
    export.add_argument("--force", action="store_true", help="replace existing files")
    export.add_argument("--json", action="store_true")
    export.set_defaults(handler=run_export)

    listing = sub.add_parser("list", help="write the issued-certificates list (.csv/.xlsx/.pdf)")
    add_db_option(listing, required=True)
    add_event_option(listing)
    listing.add_argument("--out", required=True, metavar="PATH")
    listing.add_argument("--force", action="store_true")
    listing.set_defaults(handler=run_list)

    verify = sub.add_parser("verify", help="check a certificate's code (exit 0 only if valid)")
    add_db_option(verify)
    verify.add_argument(
        "--records",
        metavar="URL",
        default=None,
        help="verify against the records of every training instead of one workspace",
    )
    verify.add_argument("code", metavar="CODE")
    verify.add_argument("--json", action="store_true")
    verify.set_defaults(handler=run_verify)

    for name, helptext in (
        ("revoke", "revoke a certificate"),
        ("reissue", "reissue a certificate"),
    ):
        action = sub.add_parser(name, help=helptext)
        add_db_option(action, required=True)
        action.add_argument("number", metavar="NUMBER")
        action.add_argument("--reason", required=True)
        action.set_defaults(handler=run_revoke if name == "revoke" else run_reissue)


def run_issue(args: argparse.Namespace, ctx: CliContext) -> int:
    with ctx.services(args) as services:
        event_id = services.events.resolve_event_id(args.event)
        result = services.issuer.issue(event_id)
    new = [c.number for c in result.newly_issued]
    if args.json:
        ctx.print_json({"event": event_id, "issued": new, "total": result.total_issued})
    else:
        ctx.say(
            Msg(
                en=f"Issued {len(new)} new certificate number(s); {result.total_issued} in total.",
                ja=f"修了証番号を {len(new)} 件発行しました（合計 {result.total_issued} 件）。",
            )
        )
    return EXIT_OK


def run_export(args: argparse.Namespace, ctx: CliContext) -> int:
    from facilitator.composition import Composition
    from facilitator.services.certificates.export import export_target

    export_target(args.out)  # a bad --out is refused before the workspace is opened
    clock = ctx.get_clock()
    issued_now = 0
    blocked: WorkspaceLocked | WorkspaceNotWritable | None = None
    try:
        writer = ctx.workspace(args)
    except (WorkspaceLocked, WorkspaceNotWritable) as exc:
        writer, blocked = None, exc
    if writer is not None:
        with writer as workspace:
            services = Composition(workspace, clock)
            event_id = services.events.resolve_event_id(args.event)
            issued_now = len(services.issuer.issue(event_id).newly_issued)
    with ctx.services(args, readonly=True) as services:
        event_id = services.events.resolve_event_id(args.event)
        exporter = services.certificates.exporter
        if isinstance(blocked, WorkspaceLocked):
            batch = exporter.batch(event_id)
            if not batch.certificates and not batch.revoked and batch.unnumbered:
                # "Issue them first" would send the user to a command the same lock refuses.
                raise InputRejected(
                    Msg(
                        en="No certificate numbers have been issued yet, and none can be "
                        "issued while the workspace is open for writing elsewhere (the app "
                        "or `facilitator serve`). Issue them there (Certificates → Issue "
                        "numbers), or close it, then export again.",
                        ja="修了証番号がまだ発行されていません。ワークスペースが別の場所（アプリ"
                        "または facilitator serve）で書き込み用に開かれているため、今は発行"
                        "できません。そちらで番号を発行（修了証 → 番号を発行）するか、閉じて"
                        "から、もう一度出力してください。",
                    )
                )
        result = exporter.export(event_id, args.out, force=args.force)
    if result.unnumbered:
        ctx.err.write(
            Msg(
                en=f"Note: {result.unnumbered} eligible attendee(s) have no certificate number yet "
                "and were not exported: the workspace is open for writing elsewhere. Issue their "
                "numbers there (Certificates → Issue numbers) and export again.",
                ja=f"注意：対象者のうち {result.unnumbered} 名はまだ修了証番号がないため出力していません"
                "（ワークスペースが別の場所で書き込み用に開かれています）。そちらで番号を発行"
                "（修了証 → 番号を発行）してから、もう一度出力してください。",
            ).text(ctx.lang)
            + "\n"
        )
    if args.json:
        ctx.print_json(
            {
                "event": event_id,
                "out": str(result.path),
                "kind": result.kind.value,
                "certificates": result.count,
                "newly_issued": issued_now,
                "unnumbered": result.unnumbered,
            }
        )
    else:
        ctx.say(
            Msg(
                en=f"Wrote {result.count} certificate(s) to {result.path}.",
                ja=f"修了証 {result.count} 件を {result.path} に出力しました。",
            )
        )
    return EXIT_OK


def run_list(args: argparse.Namespace, ctx: CliContext) -> int:
    out = Path(args.out)
    with ctx.services(args, readonly=True) as services:
        event_id = services.events.resolve_event_id(args.event)
        count = services.certificates.write_list(event_id, out, force=args.force)
    ctx.say(
        Msg(
            en=f"Wrote the list of {count} issued certificate(s) to {out}.",
            ja=f"発行済み修了証 {count} 件の一覧を {out} に出力しました。",
        )
    )
    return EXIT_OK


def verification_message(result: Verification, *, in_records: bool = False) -> Msg:
    from facilitator.domain.certificates import VerifyOutcome

    def when(value: Any) -> str:
        return value.astimezone().strftime("%Y-%m-%d %H:%M") if value else ""

    if result.outcome is VerifyOutcome.VALID:
        return Msg(
            en=f"VALID: {result.number} — {result.name} ({result.department}), "
            f"{result.event_title}, {result.event_date}.",
            ja=f"有効：{result.number} — {result.name}（{result.department}）、"
            f"{result.event_title}、{result.event_date}",
        )
    if result.outcome is VerifyOutcome.REVOKED:
        return Msg(
            en=f"REVOKED: {result.number} ({result.name}, {result.event_title}) was revoked on "
            f"{when(result.revoked_at)}: {result.revoke_reason}",
            ja=f"取消済み：{result.number}（{result.name}、{result.event_title}）は "
            f"{when(result.revoked_at)} に取り消されました。理由：{result.revoke_reason}",
        )
    if result.outcome is VerifyOutcome.NUMBER_ONLY:
        revoked_en = (
            f" It was revoked on {when(result.revoked_at)}: {result.revoke_reason}"
            if result.revoked_at
            else ""
        )
        revoked_ja = (
            f"{when(result.revoked_at)} に取り消されています（理由：{result.revoke_reason}）。"
            if result.revoked_at
            else ""
        )
        return Msg(
            en=f"NUMBER ONLY: {result.number} is the certificate of {result.name} "
            f"({result.department}), {result.event_title}, {result.event_date}.{revoked_en} "
            "A number alone does not prove a paper genuine: give the whole code printed "
            "under the QR (it starts with C1- or C2-).",
            ja=f"番号のみ：{result.number} は {result.name}（{result.department}）の修了証です"
            f"（{result.event_title}、{result.event_date}）。{revoked_ja}"
            "番号だけでは書面が本物かどうかは確かめられません。QR の下に印刷されたコード"
            "（C1- または C2- で始まる）全体を入力してください。",
        )
    if result.outcome is VerifyOutcome.FORGED:
        return Msg(
            en=f"FORGED: the code's signature does not match certificate {result.number}.",
            ja=f"偽造の疑い：コードの署名が修了証 {result.number} と一致しません。",
        )
    if result.number:
        return Msg(
            en=f"UNKNOWN: no certificate {result.number} was issued in "
            + ("any training in the records." if in_records else "this workspace."),
            ja=f"不明：番号 {result.number} の修了証は"
            + ("記録にあるどの研修でも" if in_records else "このワークスペースで")
            + "発行されていません。",
        )
    return Msg(
        en="UNKNOWN: this is not a Facilitator certificate code.",
        ja="不明：Facilitator の修了証コードではありません。",
    )


def run_verify(args: argparse.Namespace, ctx: CliContext) -> int:
    from facilitator.domain.certificates import VerifyOutcome

    result = _verify(args, ctx)
    if args.json:
        ctx.print_json(
            {
                "outcome": result.outcome.value,
                "number": result.number,
                "name": result.name,
                "department": result.department,
                "event": result.event_title,
                "date": result.event_date.isoformat() if result.event_date else None,
                "revoked_at": result.revoked_at.isoformat() if result.revoked_at else None,
                "revoke_reason": result.revoke_reason,
            }
        )
    else:
        ctx.say(verification_message(result, in_records=args.records is not None))
    return EXIT_OK if result.outcome is VerifyOutcome.VALID else EXIT_NOT_VALID


def _verify(args: argparse.Namespace, ctx: CliContext) -> Verification:
    """Against the records (`--records`, or FACILITATOR_RECORDS without --db), else the workspace."""
    import os

    from facilitator.db.records.store import ENV_VAR

    if args.records is not None or (not getattr(args, "db", None) and os.environ.get(ENV_VAR)):
        from facilitator.db.records.store import open_records, resolve_target
        from facilitator.services.records.verify import verify_in_records

        with open_records(resolve_target(args.records), migrate=False) as store:
            return verify_in_records(store, args.code)
    if not getattr(args, "db", None):
        raise InputRejected(
            Msg(
                en="Give the workspace with --db PATH, or the records with --records URL.",
                ja="--db PATH でワークスペースを、または --records URL で記録データベースを指定してください。",
            )
        )
    with ctx.services(args, readonly=True) as services:
        return services.verifier.verify(args.code)


def run_revoke(args: argparse.Namespace, ctx: CliContext) -> int:
    with ctx.services(args) as services:
        cert = services.issuer.revoke(args.number, args.reason)
    ctx.say(
        Msg(
            en=f"Revoked {cert.number} ({cert.name}).",
            ja=f"{cert.number}（{cert.name}）を取り消しました。",
        )
    )
    return EXIT_OK


def run_reissue(args: argparse.Namespace, ctx: CliContext) -> int:
    with ctx.services(args) as services:
        cert = services.issuer.reissue(args.number, args.reason)
    ctx.say(
        Msg(
            en=f"Reissued {cert.number} ({cert.name}); reissue #{cert.reissue_count}.",
            ja=f"{cert.number}（{cert.name}）を再発行しました（{cert.reissue_count} 回目）。",
        )
    )
    return EXIT_OK
