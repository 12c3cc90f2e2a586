"""Several processes on one file: no "database is locked", no lost write, no half-made file, no
migration applied twice; every write inside BEGIN IMMEDIATE; no read transaction left open."""

from __future__ import annotations

import json
import re
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from reliability_support import WORKER, careertui, dump, integrity

from careertui.cli import cli
from careertui.store import Store
from careertui.store.schema import SCHEMA_VERSION

# -- two writers at once -------------------------------------------------------------------------


def _writers(db: Path, seconds: float) -> dict[str, int]:
    """Two TUI-like writer processes plus a loop of `careertui add` from the shell, at once."""
    assert careertui(["add", "note", "before the writers"], db).code == 0
    procs = {
        tag: subprocess.Popen(
            [sys.executable, WORKER, "writer", db, str(seconds), tag],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for tag in ("alpha", "beta")
    }
    cli_acked: list[str] = []
    cli_errors: list[str] = []

    def shell_loop() -> None:
        deadline = time.monotonic() + seconds
        n = 0
        while time.monotonic() < deadline:
            n += 1
            result = careertui(["add", "note", f"shell-{n}"], db)
            if result.code == 0:
                cli_acked.append(f"shell-{n}")
            else:
                cli_errors.append(result.err)

    shell = threading.Thread(target=shell_loop)
    shell.start()
    acked: dict[str, set[str]] = {}
    checkins: dict[str, int] = {}
    errors: list[str] = list(cli_errors)
    for tag, proc in procs.items():
        out, err = proc.communicate(timeout=seconds + 60)
        assert proc.returncode == 0, err
        lines = out.splitlines()
        acked[tag] = {line.split()[2] for line in lines if line.startswith("ack note")}
        checkins[tag] = sum(line.startswith("ack checkin") for line in lines)
        errors += [line for line in lines if line.startswith("error")]
    shell.join()
    errors += cli_errors

    assert integrity(db) == "ok"
    data = dump(db)
    stored = {row["text"].split()[0] for row in data["note"]}
    for tag, notes in acked.items():
        assert notes, f"writer {tag} wrote nothing"
        assert notes == {text for text in stored if text.startswith(f"{tag}-")}
    assert set(cli_acked) == {text for text in stored if text.startswith("shell-")}
    assert len(data["checkin"]) == sum(checkins.values())
    locked = [e for e in errors if "busy" in e or "locked" in e]
    counts = {
        "seconds": int(seconds),
        "writer notes": sum(len(v) for v in acked.values()),
        "writer check-ins": sum(checkins.values()),
        "shell adds": len(cli_acked),
        "lock errors": len(locked),
        "other errors": len(errors) - len(locked),
    }
    print(f"\ntwo writers and the shell: {counts}")
    assert not errors, errors[:5]
    return counts


def test_two_writers_and_the_shell_at_once(tmp_path: Path) -> None:
    _writers(tmp_path / "busy" / "careertui.db", seconds=5)


@pytest.mark.slow
def test_two_writers_and_the_shell_for_a_minute(tmp_path: Path) -> None:
    _writers(tmp_path / "busy" / "careertui.db", seconds=60)


# -- fresh file and migration races ---------------------------------------------------------------


def _race(db: Path, tags: tuple[str, str], *flags: str) -> list[subprocess.CompletedProcess[str]]:
    """Start two CLI processes, let both import, then release them at the same instant."""
    procs = [
        subprocess.Popen(
            [sys.executable, WORKER, "cli", "--wait", *flags, "--", "add", "note", tag]
            + ["--db", str(db)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for tag in tags
    ]
    for proc in procs:
        assert proc.stdout is not None and proc.stdout.readline() == "ready\n"
    for proc in procs:
        assert proc.stdin is not None
        proc.stdin.write("g")
        proc.stdin.flush()
    results = []
    for proc in procs:
        out, err = proc.communicate(timeout=60)
        results.append(subprocess.CompletedProcess(proc.args, proc.returncode, out, err))
    return results


def _fresh_races(tmp_path: Path, rounds: int) -> None:
    failures = []
    for n in range(rounds):
        db = tmp_path / f"race{n}" / "careertui.db"
        results = _race(db, (f"first{n}", f"second{n}"))
        failures += [r.stderr for r in results if r.returncode != 0]
        if any(r.returncode for r in results):
            continue
        kept = sorted(p.name for p in db.parent.iterdir() if p.name != ".careertui.db.checked")
        assert kept == ["careertui.db"]  # no leftovers (the integrity verdict's cache aside)
        conn = sqlite3.connect(db)
        assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        notes = sorted(row[0] for row in conn.execute("SELECT text FROM notes"))
        conn.close()
        assert notes == [f"first{n}", f"second{n}"]
    print(f"\nfresh-file races: {2 * rounds} starts, {len(failures)} failed")
    assert not failures, failures[:3]


def test_two_processes_create_a_fresh_file_at_once_20_times(tmp_path: Path) -> None:
    _fresh_races(tmp_path, rounds=20)


@pytest.mark.slow
def test_two_processes_create_a_fresh_file_at_once_200_times(tmp_path: Path) -> None:
    _fresh_races(tmp_path, rounds=200)


def test_two_processes_migrate_an_old_file_at_once(tmp_path: Path) -> None:
    """With a pretend schema 2 (a column added and the full-text triggers lost, as a table rebuild
    loses them, then restore_fts), two processes opening a version-1 file at once: both succeed,
    the migration runs once (it adds a column, which fails the second time), and search finds
    new rows."""
    for n in range(3):
        db = tmp_path / f"old{n}" / "careertui.db"
        assert careertui(["add", "note", f"old{n}"], db).code == 0
        results = _race(db, (f"first{n}", f"second{n}"), "--v2")
        assert [r.returncode for r in results] == [0, 0], [r.stderr for r in results]
        conn = sqlite3.connect(db)
        assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION + 1
        columns = [row[1] for row in conn.execute('PRAGMA table_info("notes")')]
        conn.close()
        assert columns.count("mood") == 1
        assert integrity(db) == "ok"
        search = subprocess.run(
            [sys.executable, WORKER, "cli", "--v2", "--", "search", "first", "--json"]
            + ["--db", str(db)],
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert search.returncode == 0, search.stderr
        assert [hit["title"] for hit in json.loads(search.stdout)] == [f"first{n}"]
        backups = list(db.parent.glob("*.bak"))
        assert backups and all(p.stat().st_mode & 0o777 == 0o600 for p in backups)


def test_a_transform_without_restore_fts_is_caught(tmp_path: Path) -> None:
    """The control for the test above: the same migration without restore_fts leaves new rows
    out of the index, and search shows it."""
    db = tmp_path / "careertui.db"
    assert careertui(["add", "note", "old"], db).code == 0
    add = subprocess.run(
        [sys.executable, WORKER, "cli", "--v2-broken", "--", "add", "note", "fresh", "--db", db],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert add.returncode == 0, add.stderr
    search = subprocess.run(
        [sys.executable, WORKER, "cli", "--v2-broken", "--", "search", "fresh", "--db", db],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert "No entries match" in search.stdout


# -- how each connection is used ------------------------------------------------------------------

_WRITE = re.compile(r"^\s*(INSERT|UPDATE|DELETE|REPLACE|CREATE|DROP|ALTER)\b", re.I)


@pytest.fixture
def traced(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[tuple[int, str, bool]]]:
    """Every statement any sqlite3 connection runs: (connection, SQL, inside a transaction)."""
    log: list[tuple[int, str, bool]] = []
    real = sqlite3.connect

    def connect(*args: Any, **kwargs: Any) -> sqlite3.Connection:
        conn = real(*args, **kwargs)
        key = id(conn)
        conn.set_trace_callback(lambda sql: log.append((key, sql, conn.in_transaction)))
        return conn

    monkeypatch.setattr(sqlite3, "connect", connect)
    yield log


def test_every_cli_write_runs_inside_begin_immediate(
    tmp_path: Path, traced: list[tuple[int, str, bool]]
) -> None:
    """Each write command of the CLI, traced statement by statement: every write happens inside
    a transaction opened with BEGIN IMMEDIATE, and busy_timeout comes before WAL."""
    db = str(tmp_path / "w" / "careertui.db")
    jrnl = tmp_path / "jrnl.json"
    jrnl.write_text(
        json.dumps(
            {
                "tags": {},
                "entries": [
                    {"date": "2026-11-20", "time": "09:00", "title": "t", "body": "b", "tags": []}
                ],
            }
        )
    )
    commands = [
        ["add", "responsibility", "Own the roadmap"],
        ["add", "goal", "Get promoted", "--due", "+6m"],
        ["add", "goal", "Lead a launch", "--parent", "Get promoted"],
        ["add", "win", "Shipped", "--resp", "Own the roadmap", "--goal", "Get promoted"],
        ["add", "note", "a note", "--tag", "x"],
        ["add", "contact", "Ada", "--every", "30"],
        ["add", "interaction", "Ada", "coffee chat", "--follow-up", "friday"],
        ["add", "action", "Write", "--cadence", "daily"],
        ["add", "requirement", "Budgeting", "--status", "gap"],
        ["add", "perception", "--behaviour", "4", "--language", "3", "--attitude", "5"],
        [
            "add",
            "security",
            "--skills",
            "4",
            "--performance",
            "4",
            "--network",
            "3",
            "--job-search",
            "2",
            "--finances",
            "4",
        ],
        ["check", "Write"],
        ["check", "Write", "--skip"],
        ["set", "review-date", "2027-03-01"],
        ["set", "review-start", "2026-03-01"],
        ["import", str(jrnl)],
    ]
    runner = CliRunner()
    for args in commands:
        result = runner.invoke(cli, [*args, "--db", db])
        assert result.exit_code == 0, (args, result.output)
    demo = runner.invoke(cli, ["demo", "--db", str(tmp_path / "demo.db")])
    assert demo.exit_code == 0, demo.output

    begun: dict[int, str] = {}
    writes = 0
    for key, sql, in_txn in traced:
        statement = sql.strip().upper()
        if statement.startswith("BEGIN"):
            begun[key] = statement
        if _WRITE.match(sql) and not statement.startswith("CREATE TEMP"):
            assert in_txn, f"a write outside any transaction: {sql[:80]}"
            assert begun.get(key) == "BEGIN IMMEDIATE", f"{begun.get(key)} before {sql[:80]}"
            writes += 1
    assert writes > 100  # the trace really saw the commands' writes

    pragmas: dict[int, list[str]] = {}
    for key, sql, _ in traced:
        if sql.upper().startswith("PRAGMA"):
            pragmas.setdefault(key, []).append(sql.upper())
    for seen in pragmas.values():
        modes = [i for i, s in enumerate(seen) if s.startswith("PRAGMA JOURNAL_MODE")]
        timeouts = [i for i, s in enumerate(seen) if s.startswith("PRAGMA BUSY_TIMEOUT")]
        if modes:
            assert timeouts and timeouts[0] < modes[0], seen


def test_reads_leave_no_transaction_open(tmp_path: Path, today: date) -> None:
    """After each read of a Store, another process can write and fully checkpoint the WAL: no
    read transaction (which would pin the WAL) is left between calls."""
    db = tmp_path / "careertui.db"
    reader = Store(db)
    for n in range(30):
        reader.insert("note", {"text": f"word{n} " * 50, "date": "today"}, today)
    reader.insert("contact", {"name": "Ada"}, today)
    reads = {
        "rows": lambda: reader.rows("note"),
        "rows page": lambda: reader.rows("note", limit=5),
        "get": lambda: reader.get("note", 1),
        "count": lambda: reader.count("note"),
        "find": lambda: reader.find("contact", "ada"),
        "search": lambda: reader.search("word1"),
        "profile": lambda: reader.profile(),
        "quick_check": lambda: reader.quick_check(),
    }
    for name, read in reads.items():
        read()
        assert not reader.conn.in_transaction, name
        other = sqlite3.connect(db, isolation_level=None)
        other.execute("BEGIN IMMEDIATE")
        other.execute("UPDATE notes SET tags = ? WHERE id = 1", (name,))
        other.execute("COMMIT")
        busy, log, done = other.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
        other.close()
        assert (busy, log, done) == (0, 0, 0), f"{name} left a read transaction open"
    reader.close()


# -- read-then-write in separate transactions ----------------------------------------------------


def _all_at_once(db: Path, calls: int, work: Any) -> list[Any]:
    """Run `work(store, n)` in `calls` threads, each with its own connection, released together."""
    stores = [Store(db) for _ in range(calls)]
    gate = threading.Barrier(calls)
    results: list[Any] = [None] * calls

    def run(n: int) -> None:
        gate.wait()
        try:
            results[n] = work(stores[n], n)
        except Exception as exc:  # noqa: BLE001 - reported below
            results[n] = exc

    threads = [threading.Thread(target=run, args=(n,)) for n in range(calls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    for store in stores:
        store.close()
    assert not [r for r in results if isinstance(r, Exception)], results
    return results


def test_check_in_is_atomic(tmp_path: Path, today: date) -> None:
    """Eight writers checking in the same action on the same day: one check-in, no error (the
    lookup for the day's check-in is inside the write transaction)."""
    db = tmp_path / "careertui.db"
    with Store(db) as store:
        action = store.insert("action", {"title": "Write", "cadence": "daily"}, today)
    for day in ("today", "yesterday", "-2d", "-3d", "-4d"):
        results = _all_at_once(
            db, 8, lambda store, n, day=day: store.check_in(action, day, today, note=f"w{n}")
        )
        assert sorted(created for _id, created in results) == [False] * 7 + [True]
    with Store(db) as store:
        assert store.count("checkin") == 5


def test_set_profile_is_atomic(tmp_path: Path, today: date) -> None:
    """Eight first-time writers of the profile: one profile record, holding one of the values."""
    db = tmp_path / "careertui.db"
    Store(db).close()
    _all_at_once(db, 8, lambda store, n: store.set_profile({"timeframe": f"{n + 1} years"}, today))
    with Store(db) as store:
        assert store.count("profile") == 1
        assert store.profile()["timeframe"].endswith("years")


def test_opening_during_another_process_checkpoint_is_not_a_truncated_file(
    tmp_path: Path,
) -> None:
    """A checkpoint writes the new page count (page 1) before the pages that grow the file; an
    open that reads the header in between must not call the file truncated (before the fix, 5 s
    of this gave hundreds of false "truncated or damaged" refusals)."""
    from careertui.store import StoreError, connection

    db = tmp_path / "careertui.db"
    Store(db).close()
    writer = subprocess.Popen(
        [sys.executable, WORKER, "writer", db, "4", "grow"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    checks, refused = 0, []
    while writer.poll() is None:
        try:
            connection._check_file(db)
        except StoreError as exc:
            refused.append(str(exc))
        checks += 1
    out, err = writer.communicate()
    assert writer.returncode == 0, err
    assert out.count("ack note") > 20 and checks > 1000
    assert not refused, f"{len(refused)} of {checks} checks: {refused[0]}"
