"""Child-process side of the reliability tests: each mode runs in a fresh interpreter, so what it
reads back was really written to the file (not held in the test process's memory).

    worker.py dump DB                      print every record as JSON (ASCII, exact)
    worker.py writer DB SECONDS TAG        a TUI-like writer: Store per call, read then write
    worker.py cli [--wait] [--v2[-broken]] -- ARGS...
                                           the real CLI in-process; --wait blocks on stdin first
                                           (a start barrier), --v2 adds a schema-2 migration
    worker.py crash -- ARGS...             the real CLI with Store.insert failing unexpectedly
    worker.py fill DB OUT                  `careertui add` big notes until the disk is full, then
                                           copy the file to OUT and print what happened as JSON
"""

from __future__ import annotations

import json
import sqlite3
import sys
import time
from datetime import date, timedelta
from pathlib import Path
from typing import Any, NoReturn


def dump(db: Path) -> None:
    from careertui.domain.records import KINDS
    from careertui.store import Store

    with Store(db, write=False) as store:
        data = {name: store.rows(name, newest_first=False) for name in KINDS}
    print(json.dumps(data, ensure_ascii=True))


def writer(db: Path, seconds: float, tag: str) -> None:
    """Open a Store per call (as the TUI's workers do), read, then write; print one `ack` line
    per committed write and one `error` line per refusal."""
    from careertui.store import Store, StoreError

    today = date(2026, 11, 23)
    with Store(db) as store:
        action = store.insert("action", {"title": f"{tag} action", "cadence": "daily"}, today)
    print(f"ack action {action}", flush=True)
    deadline = time.monotonic() + seconds
    n = 0
    while time.monotonic() < deadline:
        n += 1
        try:
            with Store(db) as store:
                store.rows("note", limit=5)
                store.count("note")
                text = f"{tag}-{n} " + ("filler " * 3000 if n % 5 == 0 else "short")
                note = store.insert("note", {"text": text, "date": "today"}, today)
                print(f"ack note {tag}-{n} {note}", flush=True)
                store.search(tag)
                day = today - timedelta(days=n)
                store.check_in(action, day, today)
                print(f"ack checkin {day.isoformat()}", flush=True)
        except StoreError as exc:
            print(f"error {exc}", flush=True)


def fill(db: Path, out: Path) -> None:
    """Run inside a tiny tmpfs: add 90 KB notes until one is refused; report the acknowledged
    ones and the refusal, and copy the file (and any -wal) out for the test to check."""
    import shutil
    import subprocess

    command = Path(sys.executable).parent / "careertui"
    acked: list[str] = []
    refusal: dict[str, Any] = {}
    for n in range(100):
        token = f"fulltoken{n:03d}"
        done = subprocess.run(
            [command, "add", "note", f"{token} " + "x" * 90_000, "--db", db],
            capture_output=True,
            text=True,
        )
        if done.returncode:
            refusal = {"code": done.returncode, "out": done.stdout, "err": done.stderr}
            break
        acked.append(token)
    for file in (db, Path(f"{db}-wal")):
        if file.exists():
            shutil.copy(file, out / file.name)
    print(json.dumps({"acked": acked, "refusal": refusal}))


def _add_schema_2(*, restore: bool) -> None:
    """Pretend careertui has a second migration that adds a column to `notes` and loses its
    full-text triggers, as rebuilding a table does; `restore` puts them back as a real migration
    must. ADD COLUMN fails if run twice, so a migration applied twice is an error."""
    from careertui.domain.records import KINDS
    from careertui.store import connection, schema

    def v2(conn: sqlite3.Connection) -> None:
        conn.execute('ALTER TABLE "notes" ADD COLUMN mood TEXT')
        for suffix in ("_ai", "_ad", "_au"):  # what a rebuilt table is left without
            conn.execute(f'DROP TRIGGER IF EXISTS "notes{suffix}"')
        if restore:
            schema.restore_fts(conn, KINDS["note"])

    schema.MIGRATIONS = (*schema.MIGRATIONS, v2)
    schema.SCHEMA_VERSION = len(schema.MIGRATIONS)
    connection.SCHEMA_VERSION = schema.SCHEMA_VERSION


def run_cli(args: list[str]) -> NoReturn:
    from careertui.cli import cli

    cli.main(args, prog_name="careertui")
    raise SystemExit(0)


def crash(args: list[str]) -> NoReturn:
    from careertui.store import Store

    def broken_insert(self: Store, kind: str, values: dict[str, Any], today: date) -> int:
        raise RuntimeError(f"unexpected failure while saving {values!r}")

    Store.insert = broken_insert  # type: ignore[method-assign]
    run_cli(args)


def main(argv: list[str]) -> None:
    mode, rest = argv[0], argv[1:]
    if mode == "dump":
        dump(Path(rest[0]))
    elif mode == "fill":
        fill(Path(rest[0]), Path(rest[1]))
    elif mode == "writer":
        writer(Path(rest[0]), float(rest[1]), rest[2])
    elif mode in ("cli", "crash"):
        split = rest.index("--")
        flags, args = rest[:split], rest[split + 1 :]
        if "--v2" in flags or "--v2-broken" in flags:
            _add_schema_2(restore="--v2" in flags)
        import careertui.cli  # noqa: F401  (imported before the barrier: only the work races)

        if "--wait" in flags:
            print("ready", flush=True)
            sys.stdin.read(1)
        (crash if mode == "crash" else run_cli)(args)
    else:
        raise SystemExit(f"unknown mode {mode!r}")


if __name__ == "__main__":
    main(sys.argv[1:])
