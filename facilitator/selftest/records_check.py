"""The self-test's records step: the day is pushed to a records file and its certificate
verified from there; psycopg's own libpq (the binary build) loads for PostgreSQL."""

from __future__ import annotations

from facilitator.errors import Msg
from facilitator.selftest.base import fail
from facilitator.selftest.state import SelfTestState


def push_and_verify_from_records(state: SelfTestState) -> Msg:
    import psycopg

    from facilitator.db.records.store import open_records, resolve_target
    from facilitator.domain.certificates import VerifyOutcome, verification_code
    from facilitator.services.records.service import push_event
    from facilitator.services.records.verify import verify_in_records

    impl, libpq = psycopg.pq.__impl__, psycopg.pq.version()
    if impl not in ("binary", "c") or libpq < 100000:
        raise fail(
            f"psycopg has no libpq of its own ({impl}, libpq {libpq})",
            f"psycopg に libpq が同梱されていません（{impl}、libpq {libpq}）",
        )
    # The records file is created by running the records' own migrations from the bundle.
    target = resolve_target(str(state.folder / "records.sqlite"))
    result = push_event(state.open(), state.event_id, target)
    again = push_event(state.open(), state.event_id, target)
    if again.changed or not result.changed:
        raise fail(
            "pushing the day twice changed the records twice", "2 回目の送信で記録が変わりました"
        )
    secret = state.services().checkin.event_secret(state.event_id) or ""
    with open_records(target, migrate=False) as store:
        verdict = verify_in_records(store, verification_code(secret, state.certificate_number))
    if verdict.outcome is not VerifyOutcome.VALID:
        raise fail(
            f"the records verify the certificate as {verdict.outcome.value}",
            f"記録での修了証の照合結果が {verdict.outcome.value} でした",
        )
    return Msg(
        en=f"pushed to records.sqlite and verified {verdict.number} there; psycopg {impl}, "
        f"libpq {libpq}",
        ja=f"records.sqlite に送信し {verdict.number} を照合：有効。psycopg {impl}、libpq {libpq}",
    )
