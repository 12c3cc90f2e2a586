"""Class 2: no write lands in a damaged file, and another program's SQLite file is left exactly
as it was (bytes, mode, no side file), whatever its user_version or journal mode."""

from __future__ import annotations

import os
import sqlite3
import stat
from pathlib import Path

import pytest
from reliability_support import assert_refused, careertui, sha256

from careertui.store.schema import SCHEMA_VERSION

WRITES = {
    "add note": ["add", "note", "must not land"],
    "add contact": ["add", "contact", "Must Notland"],
    "add action": ["add", "action", "Walk", "--cadence", "daily"],
    "import": ["import", "-"],
    "set": ["set", "review-date", "2027-03-01"],
}
READS = {
    "search": ["search", "kept"],
    "stats": ["stats", "--json"],
    "export": ["export"],
    "backup": ["backup"],
    "status": ["status"],
    "list": ["list", "note", "--json"],
}
JRNL = b'{"tags": {}, "entries": [{"date": "2026-11-01", "title": "t", "body": "b"}]}'


def _journal(db: Path, notes: int = 300) -> Path:
    assert careertui(["add", "note", "kept note"], db).code == 0
    conn = sqlite3.connect(db)
    with conn:
        for n in range(notes):
            conn.execute(
                "INSERT INTO notes (uuid, created_at, updated_at, date, text) "
                "VALUES (?, '2026-01-01T00:00:00+00:00', '2026-01-01T00:00:00+00:00', "
                "'2026-01-01', ?)",
                (f"00000000-0000-4000-8000-{n:012d}", f"note {n} " + "words " * 40),
            )
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    return db


def _page_of(db: Path, name: str, leaf: bool) -> int:
    """The root page of table/index `name`, or (leaf) one of its leaf pages further in."""
    conn = sqlite3.connect(db)
    (root,) = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", (name,)).fetchone()
    pages = [r[0] for r in conn.execute("SELECT pageno FROM dbstat WHERE name = ?", (name,))]
    conn.close()
    return max(pages) if leaf else root


DAMAGES = {
    "notes_date index root": ("notes_date", False),
    "a notes leaf page": ("notes", True),
    "contacts table root": ("contacts", False),
    "the FTS index": ("notes_fts_data", True),
}


def _damage(db: Path, name: str, leaf: bool) -> None:
    conn = sqlite3.connect(db)
    page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    conn.close()
    page = _page_of(db, name, leaf)
    with open(db, "r+b") as handle:
        handle.seek((page - 1) * page_size)
        handle.write(b"\xa5" * page_size)


def _index_out_of_step(db: Path) -> None:
    """An index that no longer matches its table: PRAGMA quick_check passes it, only
    integrity_check finds it."""
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA writable_schema = ON")
    conn.execute(
        "UPDATE sqlite_master SET sql = 'CREATE INDEX notes_date ON notes(text, id)' "
        "WHERE name = 'notes_date'"
    )
    conn.commit()
    conn.close()


def test_an_index_out_of_step_with_its_table_is_damage(tmp_path: Path) -> None:
    db = _journal(tmp_path / "careertui.db", notes=20)
    assert careertui(["add", "note", "sound"], db).code == 0
    _index_out_of_step(db)
    before = sha256(db)
    result = careertui(WRITES["add note"], db)
    assert_refused(result)
    assert "missing from index" in result.err and sha256(db) == before


@pytest.mark.parametrize("write", WRITES)
@pytest.mark.parametrize("damage", DAMAGES)
def test_a_write_to_a_damaged_file_is_refused(tmp_path: Path, damage: str, write: str) -> None:
    db = _journal(tmp_path / "careertui.db")
    # A capture first, so that a sound verdict is cached: the damage must still be found.
    assert careertui(["add", "note", "sound"], db).code == 0
    _damage(db, *DAMAGES[damage])
    before = sha256(db)
    result = careertui(WRITES[write], db, input=JRNL)
    assert_refused(result)
    assert str(db) in result.err and "careertui backup" in result.err, result.err
    assert "restore" in result.err
    assert sha256(db) == before


def test_what_can_be_read_is_still_read(tmp_path: Path) -> None:
    db = _journal(tmp_path / "careertui.db")
    _damage(db, "contacts", False)
    before = sha256(db)
    copy = tmp_path / "rescue.db"
    assert careertui(["backup", copy], db).code == 0
    assert careertui(["search", "kept"], db).code == 0
    assert sha256(db) == before


def test_a_sound_file_is_checked_once_then_trusted(tmp_path: Path) -> None:
    db = _journal(tmp_path / "careertui.db")
    assert careertui(["add", "note", "one"], db).code == 0
    verdict = tmp_path / ".careertui.db.checked"
    assert verdict.exists() and stat.S_IMODE(verdict.stat().st_mode) == 0o600
    # Another program changing the file (the mtime moves) makes the next write check again.
    os.utime(db, ns=(0, 0))
    assert careertui(["add", "note", "two"], db).code == 0
    assert verdict.read_text().split()[-1] == str(db.stat().st_mtime_ns)


def _foreign(db: Path, user_version: int, wal: bool, tables: tuple[str, ...]) -> None:
    conn = sqlite3.connect(db)
    if wal:
        conn.execute("PRAGMA journal_mode = WAL")
    for table in tables:
        conn.execute(f'CREATE TABLE "{table}" (id INTEGER PRIMARY KEY, x TEXT)')
    conn.execute(f"PRAGMA user_version = {user_version}")
    conn.commit()
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)") if wal else None
    conn.close()
    for side in ("-wal", "-shm"):
        Path(f"{db}{side}").unlink(missing_ok=True)


FOREIGN = {
    "photos v0": (0, False, ("photos",)),
    "photos v1": (1, False, ("photos",)),
    "notes app v2 WAL": (2, True, ("notes", "tags")),
    "current version": (SCHEMA_VERSION, False, ("notes", "wins", "contacts")),
    "newer version WAL": (SCHEMA_VERSION + 5, True, ("settings",)),
}


@pytest.mark.parametrize("command", {**WRITES, **READS})
@pytest.mark.parametrize("kind", FOREIGN)
def test_a_foreign_sqlite_file_is_not_touched(tmp_path: Path, kind: str, command: str) -> None:
    db = tmp_path / "other.sqlite"
    _foreign(db, *FOREIGN[kind])
    db.chmod(0o644)
    before = (sha256(db), db.stat().st_mode, db.stat().st_mtime_ns)
    result = careertui({**WRITES, **READS}[command], db, input=JRNL)
    assert_refused(result)
    assert "not a careertui" in result.err or "newer careertui" in result.err, result.err
    assert (sha256(db), db.stat().st_mode, db.stat().st_mtime_ns) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["other.sqlite"]


def test_the_apps_writes_keep_a_sound_verdict(tmp_path: Path) -> None:
    """A session without the check (the app's) that writes to a file known sound keeps the
    verdict current, so the next capture does not read the whole file again."""
    from datetime import date

    from careertui.store import Store

    db = _journal(tmp_path / "careertui.db", notes=5)
    assert careertui(["add", "note", "one"], db).code == 0
    with Store(db) as store:
        store.insert("note", {"text": "from the app", "date": "today"}, date(2026, 12, 3))
    stamp = (tmp_path / ".careertui.db.checked").read_text().split()
    assert stamp[-1] == str(db.stat().st_mtime_ns) and stamp[2] == str(db.stat().st_size)
    _damage(db, "notes", True)
    assert_refused(careertui(WRITES["add note"], db))
