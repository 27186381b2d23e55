"""Opening workspace files: new, current, foreign, damaged, newer, locked, read-only."""

from __future__ import annotations

import json
import os
import signal
import socket
import sqlite3
import threading
import time as clock_time
from datetime import date, time
from pathlib import Path

import pytest
from sqlalchemy import select, text
from sqlalchemy.exc import OperationalError

from facilitator.composition import build_demo
from facilitator.db import migrate, schema_version
from facilitator.db import workspace as workspace_module
from facilitator.db.lock import lock_path_for, read_holder
from facilitator.db.models import Event
from facilitator.db.schema_version import APPLICATION_ID, HEAD_REVISION
from facilitator.db.workspace import (
    FileState,
    NestedUnitOfWork,
    inspect_file,
    open_workspace,
)
from facilitator.domain.clock import FakeClock
from facilitator.domain.event_rules import EventSpec, SessionSpec
from facilitator.errors import (
    CorruptWorkspace,
    NewerWorkspace,
    NotAWorkspace,
    OutdatedWorkspace,
    WorkspaceLocked,
    WorkspaceMissing,
)
from facilitator.services.events import EventService
from tests.unit.workspace_helpers import fingerprint, holding_writer, run_python


def _untouched(path: Path, before: tuple[str, list[str]]) -> None:
    """Same bytes, and no new files beside it except the -wal/-shm pair SQLite itself
    adds when it reads a WAL workspace (never next to a foreign file; see those tests)."""
    digest, names = fingerprint(path)
    assert digest == before[0]
    extra = set(names) - set(before[1])
    assert extra <= {path.name + "-wal", path.name + "-shm"}


def _event(title: str = "研修") -> EventSpec:
    return EventSpec(title, date(2026, 12, 1), (SessionSpec("AM", time(9), time(12), 30),))


def _make_workspace(path: Path, *, events: int = 1) -> Path:
    with open_workspace(path, create=True) as ws:
        for i in range(events):
            EventService(ws, FakeClock()).create_event(_event(f"研修{i}"))
    return path


def _event_titles(path: Path, *, readonly: bool = True) -> list[str]:
    with open_workspace(path, readonly=readonly) as ws:
        return sorted(e.title for e in EventService(ws, FakeClock()).list_events())


# --- creating and opening -------------------------------------------------------------


def test_new_workspace_is_built_by_the_migration_and_moved_into_place(tmp_path: Path) -> None:
    path = tmp_path / "new.sqlite"
    with open_workspace(path, create=True) as ws:
        with ws.session() as session:
            revision = session.execute(text("SELECT version_num FROM alembic_version")).scalar()
            app_id = session.execute(text("PRAGMA application_id")).scalar()
        assert (revision, app_id) == (HEAD_REVISION, APPLICATION_ID)
        assert lock_path_for(path).exists()
    # No staging file, no lock file, no WAL files once closed.
    assert sorted(p.name for p in tmp_path.iterdir()) == ["new.sqlite"]
    assert inspect_file(path).state == FileState.CURRENT


def test_missing_file_is_not_created_without_create(tmp_path: Path) -> None:
    with pytest.raises(WorkspaceMissing, match="does not exist"):
        open_workspace(tmp_path / "none.sqlite")
    with pytest.raises(WorkspaceMissing):
        open_workspace(tmp_path / "none.sqlite", readonly=True)
    assert list(tmp_path.iterdir()) == []


def test_missing_folder_is_named(tmp_path: Path) -> None:
    with pytest.raises(WorkspaceMissing, match=r"folder .* does not exist"):
        open_workspace(tmp_path / "gone" / "w.sqlite", create=True)
    assert list(tmp_path.iterdir()) == []


def test_failed_creation_leaves_no_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(_engine: object) -> None:
        raise RuntimeError("disk full")

    monkeypatch.setattr(migrate, "upgrade_to_head", broken)
    with pytest.raises(RuntimeError):
        open_workspace(tmp_path / "new.sqlite", create=True)
    assert list(tmp_path.iterdir()) == []


def test_empty_file_becomes_a_workspace_only_when_creating(tmp_path: Path) -> None:
    path = tmp_path / "empty.sqlite"
    path.write_bytes(b"")
    with pytest.raises(NotAWorkspace, match="empty"):
        open_workspace(path)
    assert path.read_bytes() == b""
    with open_workspace(path, create=True):
        pass
    assert inspect_file(path).state == FileState.CURRENT


def test_japanese_path_with_spaces(tmp_path: Path) -> None:
    folder = tmp_path / "研修 データ"
    folder.mkdir()
    path = _make_workspace(folder / "門真 市 2026.sqlite")
    assert _event_titles(path) == ["研修0"]
    assert _event_titles(path, readonly=False) == ["研修0"]


def test_opening_a_current_workspace_does_not_load_alembic(tmp_path: Path) -> None:
    path = _make_workspace(tmp_path / "w.sqlite")
    result = run_python(
        """
        import sys
        from pathlib import Path
        from facilitator.db.workspace import open_workspace
        for readonly in (False, True):
            open_workspace(Path(sys.argv[1]), readonly=readonly).close()
        print("alembic" in sys.modules)
        """,
        str(path),
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "False"


def test_connections_use_wal_foreign_keys_busy_timeout_and_full_sync(tmp_path: Path) -> None:
    path = _make_workspace(tmp_path / "w.sqlite")
    pragmas = ("journal_mode", "foreign_keys", "busy_timeout", "synchronous", "query_only")
    with open_workspace(path) as ws, ws.engine.connect() as conn:
        writer = {p: conn.exec_driver_sql(f"PRAGMA {p}").scalar() for p in pragmas}
    with open_workspace(path, readonly=True) as ws, ws.engine.connect() as conn:
        reader = {p: conn.exec_driver_sql(f"PRAGMA {p}").scalar() for p in pragmas}
    assert writer == {
        "journal_mode": "wal",
        "foreign_keys": 1,
        "busy_timeout": 5000,
        "synchronous": 2,  # FULL
        "query_only": 0,
    }
    assert reader["journal_mode"] == "wal"
    assert (reader["foreign_keys"], reader["busy_timeout"], reader["query_only"]) == (1, 5000, 1)


# --- files that are refused, and stay untouched ---------------------------------------


def test_garbage_file_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "notes.sqlite"
    path.write_bytes("出欠メモ\n".encode() * 100)
    before = fingerprint(path)
    for readonly in (False, True):
        with pytest.raises(NotAWorkspace, match="not an SQLite database") as info:
            open_workspace(path, readonly=readonly, create=True)
        assert str(path) in info.value.message.ja
    assert fingerprint(path) == before


def test_foreign_sqlite_file_is_refused_untouched_without_companion_files(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode=WAL")  # the worst case: SQLite would add -wal/-shm
    conn.execute("CREATE TABLE contacts (name TEXT)")
    conn.execute("INSERT INTO contacts VALUES ('x')")
    conn.commit()
    conn.close()
    before = fingerprint(path)
    assert before[1] == ["other.db"]
    for readonly in (False, True):
        with pytest.raises(NotAWorkspace, match="another program"):
            open_workspace(path, readonly=readonly, create=True)
    assert fingerprint(path) == before


def test_folder_is_refused(tmp_path: Path) -> None:
    with pytest.raises(NotAWorkspace, match="folder"):
        open_workspace(tmp_path, create=True)


def _page_size(path: Path) -> int:
    size = int.from_bytes(path.read_bytes()[16:18], "big")
    return 65536 if size == 1 else size


def test_workspace_with_a_damaged_page_is_refused_untouched(
    tmp_path: Path, clock: FakeClock
) -> None:
    path = tmp_path / "w.sqlite"
    with open_workspace(path, create=True) as ws:
        build_demo(ws, clock, attendees=300, seed=1)
    conn = sqlite3.connect(path)
    (root,) = conn.execute("SELECT rootpage FROM sqlite_master WHERE name='attendees'").fetchone()
    conn.close()
    page = _page_size(path)
    total = path.stat().st_size // page
    assert 2 < root < total  # a page in the middle of the file
    with path.open("r+b") as handle:
        handle.seek((root - 1) * page)
        handle.write(b"\x5a" * page)
    before = fingerprint(path)
    for readonly in (False, True):
        with pytest.raises(CorruptWorkspace, match="damaged") as info:
            open_workspace(path, readonly=readonly)
        assert str(path) in info.value.message.en
        assert "バックアップから復元" in info.value.message.ja
    _untouched(path, before)


@pytest.mark.parametrize("keep", [0.5, 3000 / 200_000, 50 / 200_000])
def test_truncated_workspace_is_refused_untouched(tmp_path: Path, keep: float) -> None:
    """Cut in half, inside the first page, inside the 100-byte header."""
    path = _make_workspace(tmp_path / "w.sqlite", events=30)
    data = path.read_bytes()
    path.write_bytes(data[: int(len(data) * keep)])
    before = fingerprint(path)
    with pytest.raises(CorruptWorkspace):
        open_workspace(path)
    with pytest.raises(CorruptWorkspace):
        open_workspace(path, readonly=True)
    _untouched(path, before)


def _set_revision(path: Path, revision: str | None) -> None:
    conn = sqlite3.connect(path)
    if revision is None:
        conn.execute("DELETE FROM alembic_version")
    else:
        conn.execute("UPDATE alembic_version SET version_num = ?", (revision,))
    conn.commit()
    conn.close()


def test_workspace_from_a_newer_version_is_refused_untouched(tmp_path: Path) -> None:
    path = _make_workspace(tmp_path / "w.sqlite")
    _set_revision(path, "zzzz")
    before = fingerprint(path)
    for readonly in (False, True):
        with pytest.raises(NewerWorkspace, match="newer version") as info:
            open_workspace(path, readonly=readonly)
        assert "zzzz" in info.value.message.ja
    _untouched(path, before)


def test_workspace_without_a_schema_version_is_damaged(tmp_path: Path) -> None:
    path = _make_workspace(tmp_path / "w.sqlite")
    _set_revision(path, None)
    before = fingerprint(path)
    with pytest.raises(CorruptWorkspace, match="schema version"):
        open_workspace(path)
    _untouched(path, before)


def _pretend_newer_build(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """This build's head is one past the real one, where the file is: it needs upgrading."""
    monkeypatch.setattr(schema_version, "HEAD_REVISION", "9999_next")
    monkeypatch.setattr(
        schema_version, "KNOWN_REVISIONS", (*schema_version.KNOWN_REVISIONS, "9999_next")
    )
    calls: list[str] = []
    monkeypatch.setattr(migrate, "upgrade_to_head", lambda engine: calls.append("upgrade"))
    return calls


def test_outdated_workspace_is_backed_up_then_migrated_by_a_writer(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _make_workspace(tmp_path / "w.sqlite")
    current = schema_version.HEAD_REVISION
    calls = _pretend_newer_build(monkeypatch)
    with open_workspace(path):
        pass
    assert calls == ["upgrade"]
    backup = sqlite3.connect(tmp_path / f"w.before-{current}.sqlite")
    assert backup.execute("SELECT title FROM events").fetchall() == [("研修0",)]
    assert backup.execute("SELECT version_num FROM alembic_version").fetchone() == (current,)
    backup.close()


def test_read_only_open_never_migrates(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = _make_workspace(tmp_path / "w.sqlite")
    before = fingerprint(path)
    calls = _pretend_newer_build(monkeypatch)
    with pytest.raises(OutdatedWorkspace, match="older schema"):
        open_workspace(path, readonly=True)
    assert calls == []
    _untouched(path, before)


# --- the writer's lock ----------------------------------------------------------------


def test_second_writer_in_another_process_is_told_who_holds_it(tmp_path: Path) -> None:
    path = _make_workspace(tmp_path / "w.sqlite")
    with holding_writer(path) as holder:
        before = fingerprint(path)[0]
        with pytest.raises(WorkspaceLocked) as info:
            open_workspace(path)
        message = info.value.message
        for text_ in (message.en, message.ja):
            assert f"PID {holder.pid}" in text_
            assert socket.gethostname() in text_
            assert "holder-test" in text_
        assert fingerprint(path)[0] == before
        holder.quit()
    assert not lock_path_for(path).exists()
    _event_titles(path, readonly=False)  # free again


def test_read_only_open_works_beside_a_live_writer_and_sees_its_commits(tmp_path: Path) -> None:
    path = _make_workspace(tmp_path / "w.sqlite")
    with holding_writer(path) as holder:
        holder.write_event("A")  # committed, still in the writer's WAL
        assert (tmp_path / "w.sqlite-wal").stat().st_size > 0
        lock_note = lock_path_for(path).read_bytes()
        with open_workspace(path, readonly=True) as ws:
            service = EventService(ws, FakeClock())
            assert sorted(e.title for e in service.list_events()) == ["A", "研修0"]
            holder.write_event("B")  # each unit of work sees the latest commit
            assert sorted(e.title for e in service.list_events()) == ["A", "B", "研修0"]
            with (
                pytest.raises(OperationalError, match="readonly"),
                ws.engine.connect() as conn,
            ):
                conn.exec_driver_sql("DELETE FROM events")
        assert lock_path_for(path).read_bytes() == lock_note  # the reader took no lock
        assert read_holder(path) is not None
        assert read_holder(path).pid == holder.pid  # type: ignore[union-attr]
        holder.quit()


def test_lock_of_a_killed_process_is_released_by_the_os(tmp_path: Path) -> None:
    path = _make_workspace(tmp_path / "w.sqlite")
    with holding_writer(path) as holder:
        holder.write_event("before the crash")
        os.kill(holder.pid, signal.SIGKILL)
        holder.proc.wait(timeout=10)
        # The stale note is still there, but the lock is free.
        assert lock_path_for(path).exists()
        with open_workspace(path) as ws:
            titles = {e.title for e in EventService(ws, FakeClock()).list_events()}
    assert "before the crash" in titles  # acknowledged before the kill: kept
    assert not lock_path_for(path).exists()


def test_cli_writer_refused_while_this_process_holds_the_workspace(tmp_path: Path) -> None:
    path = _make_workspace(tmp_path / "w.sqlite")
    with open_workspace(path, program="facilitator GUI"):
        result = run_python(
            """
            import sys
            from facilitator.cli import main
            sys.exit(main(["--lang", "ja", "event", "create", "--db", sys.argv[1], "--title", "X",
                           "--date", "2026-12-01", "--session", "AM=09:00-10:00"]))
            """,
            str(path),
        )
        listing = run_python(
            """
            import sys
            from facilitator.cli import main
            sys.exit(main(["event", "list", "--db", sys.argv[1], "--json"]))
            """,
            str(path),
        )
    assert result.returncode == 3
    assert f"PID {os.getpid()}" in result.stderr
    assert "書き込み用に開かれています" in result.stderr
    assert listing.returncode == 0, listing.stderr
    assert "研修0" in listing.stdout


# --- units of work --------------------------------------------------------------------


def test_session_commits_on_success_and_rolls_back_on_error(tmp_path: Path) -> None:
    path = _make_workspace(tmp_path / "w.sqlite", events=0)
    with open_workspace(path) as ws:
        service = EventService(ws, FakeClock())
        detail = service.create_event(_event("kept"))
        with pytest.raises(ZeroDivisionError), ws.session() as session:
            row = session.get(Event, detail.id)
            assert row is not None
            row.title = "lost"
            session.flush()
            _ = 1 / 0
        assert service.get_event(detail.id).title == "kept"


def test_sessions_do_not_nest(workspace: workspace_module.Workspace) -> None:
    with workspace.session(), pytest.raises(NestedUnitOfWork), workspace.session():
        pass
    with workspace.session() as session:  # usable again afterwards
        assert session.scalar(select(Event.id)) is None


def test_threads_writing_at_once_lose_no_update(tmp_path: Path) -> None:
    """Read-then-write units of work from two threads (GUI and web server) serialise."""
    path = _make_workspace(tmp_path / "w.sqlite")
    errors: list[BaseException] = []

    with open_workspace(path) as ws:

        def bump() -> None:
            try:
                for _ in range(25):
                    with ws.session() as session:
                        row = session.scalars(select(Event)).one()
                        hours = row.hours
                        session.flush()
                        row.hours = hours + 1
            except Exception as exc:  # noqa: BLE001 - collected for the assertion below
                errors.append(exc)

        threads = [threading.Thread(target=bump) for _ in range(3)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert errors == []
        with ws.session() as session:
            assert session.scalars(select(Event)).one().hours == 75


# --- a workspace in a read-only folder ------------------------------------------------

_READ_ONLY_PROBE = """
    import json, sys
    from pathlib import Path
    from facilitator.cli import main
    from facilitator.db.workspace import open_workspace
    from facilitator.errors import WorkspaceError

    path = Path(sys.argv[1])
    outcome = {}
    try:
        open_workspace(path).close()
        outcome["writer"] = "opened"
    except WorkspaceError as exc:
        outcome["writer"] = type(exc).__name__
        outcome["writer_message"] = exc.message.ja
    with open_workspace(path, readonly=True) as ws:
        outcome["tables"] = len(ws.engine.dialect.get_table_names(ws.engine.connect()))
    outcome["create_rc"] = main(["--lang", "en", "event", "create", "--db", str(path),
        "--title", "X", "--date", "2026-12-01", "--session", "AM=09:00-10:00"])
    outcome["list_rc"] = main(["event", "list", "--db", str(path), "--json"])
    print(json.dumps(outcome))
"""


def test_workspace_in_a_read_only_folder(tmp_path: Path) -> None:
    """Writing is refused with a clear message and nothing on disk changes; reading works.

    Root ignores permission bits, so under root (as in CI) the probe runs
    without the capabilities that let it (see `run_python`).
    """
    folder = tmp_path / "読み取り専用"
    folder.mkdir()
    path = _make_workspace(folder / "w.sqlite")
    path.chmod(0o444)
    folder.chmod(0o555)
    before = fingerprint(path)
    result = run_python(
        _READ_ONLY_PROBE,
        str(path),
        obey_permissions=True,
    )
    assert result.returncode == 0, result.stderr
    outcome = json.loads(result.stdout.strip().splitlines()[-1])
    assert outcome["writer"] == "WorkspaceNotWritable"
    assert "読み取り専用" in outcome["writer_message"]
    assert outcome["tables"] > 10
    assert outcome["create_rc"] == 3
    assert "read-only" in result.stderr
    assert outcome["list_rc"] == 0
    assert "研修0" in result.stdout
    assert fingerprint(path) == before  # not even a -wal/-shm/.lock file


def test_reading_unit_of_work_does_not_wait_for_the_writer(tmp_path: Path) -> None:
    """An export reading in the GUI must not hold up, or be held up by, check-ins."""
    path = _make_workspace(tmp_path / "w.sqlite")
    with open_workspace(path) as ws:
        writing = threading.Event()
        release = threading.Event()

        def slow_write() -> None:
            with ws.session() as session:
                session.scalars(select(Event)).one().title = "changed"
                session.flush()
                writing.set()
                release.wait(10)

        writer = threading.Thread(target=slow_write)
        writer.start()
        assert writing.wait(10)
        try:
            started = clock_time.monotonic()
            with ws.session(readonly=True) as session:
                titles = session.scalars(select(Event.title)).all()
            assert clock_time.monotonic() - started < 2.5  # waiting would take the 5 s busy timeout
            assert titles == ["研修0"]  # the last commit, not the open write
        finally:
            release.set()
            writer.join()


def test_writing_in_a_reading_unit_of_work_fails_and_leaves_the_pool_clean(
    tmp_path: Path,
) -> None:
    path = _make_workspace(tmp_path / "w.sqlite")
    with open_workspace(path) as ws:
        with pytest.raises(OperationalError, match="readonly"), ws.session(readonly=True) as s:
            s.scalars(select(Event)).one().title = "nope"
            s.flush()
        with ws.session() as session:  # the same pooled connection can write again
            session.scalars(select(Event)).one().title = "yes"
        with ws.session(readonly=True) as session:
            assert session.scalars(select(Event.title)).all() == ["yes"]
