import hashlib
import os
import sqlite3
import stat
from datetime import date
from pathlib import Path

import pytest

from careertui.domain.records import ValidationError
from careertui.store import Ambiguous, NotFound, Store, StoreError, schema


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_new_file_is_private_current_and_in_wal(db_path: Path) -> None:
    old = os.umask(0o022)
    try:
        with Store(db_path) as store:
            assert store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
            assert store.conn.execute("PRAGMA user_version").fetchone()[0] == schema.SCHEMA_VERSION
            assert store.conn.execute("PRAGMA busy_timeout").fetchone()[0] >= 5000
            assert store.conn.execute("PRAGMA secure_delete").fetchone()[0] == 1
            store.insert("note", {"text": "hello", "date": "today"}, date(2026, 11, 23))
            for side in (db_path, Path(f"{db_path}-wal"), Path(f"{db_path}-shm")):
                assert stat.S_IMODE(side.stat().st_mode) == 0o600, side
        assert stat.S_IMODE(db_path.parent.stat().st_mode) == 0o700
        assert [p.name for p in db_path.parent.iterdir() if p.name.startswith(".")] == []
    finally:
        os.umask(old)


def test_every_record_gets_uuid_and_timestamps(db_path: Path, today: date) -> None:
    with Store(db_path) as store:
        rid = store.insert("contact", {"name": "Dana Lee", "influence": "Sponsor"}, today)
        row = store.get("contact", rid)
    assert row is not None
    assert len(row["uuid"]) == 36
    assert row["created_at"].startswith("2026-11-23T") and row["created_at"][-6] in "+-"
    assert row["influence"] == "sponsor"
    assert row["knows_me"] == 0


def test_fts_follows_insert_update_delete(db_path: Path, today: date) -> None:
    with Store(db_path) as store:
        wid = store.insert(
            "win",
            {"title": "Cut build time", "impact": "from 40 to 12 minutes", "date": "2026-11-01"},
            today,
        )
        assert [h["id"] for h in store.search("build")] == [wid]
        store.update("win", wid, {"title": "Cut deploy time"}, today)
        assert store.search("build") == []
        assert [h["kind"] for h in store.search("deploy")] == ["win"]
        store.delete("win", wid)
        assert store.search("deploy") == []


def test_search_is_newest_first_across_kinds(db_path: Path, today: date) -> None:
    with Store(db_path) as store:
        store.insert("note", {"text": "kubernetes migration plan", "date": "2026-10-01"}, today)
        store.insert("win", {"title": "Kubernetes migration done", "date": "2026-11-20"}, today)
        cid = store.insert("contact", {"name": "Kube Expert"}, today)
        store.insert(
            "interaction",
            {"contact_id": cid, "date": "2026-11-10", "notes": "talked kubernetes"},
            today,
        )
        hits = store.search("kube")
    assert [(h["kind"], h["date"]) for h in hits] == [
        ("contact", "2026-11-23"),
        ("win", "2026-11-20"),
        ("interaction", "2026-11-10"),
        ("note", "2026-10-01"),
    ]


def test_search_text_is_never_fts_syntax(db_path: Path, today: date) -> None:
    with Store(db_path) as store:
        store.insert("note", {"text": 'he said "NEAR(a b)" OR AND -x', "date": "today"}, today)
        assert len(store.search('"NEAR(a')) == 1
        assert store.search("OR AND") != []
        with pytest.raises(ValueError):
            store.search("  ")


def test_names_match_case_insensitively_and_ambiguity_is_an_error(
    db_path: Path, today: date
) -> None:
    with Store(db_path) as store:
        store.insert("contact", {"name": "Ana Ruiz"}, today)
        assert store.find("contact", "ANA RUIZ")["name"] == "Ana Ruiz"
        assert store.find("contact", "  ana ruiz ")["name"] == "Ana Ruiz"
        with pytest.raises(ValidationError, match="exists already"):  # the store's name rule
            store.insert("contact", {"name": "ana ruiz"}, today)
        # A file written before the rule may hold two: finding either is then ambiguous.
        store.conn.execute(
            "INSERT INTO contacts (uuid, created_at, updated_at, name) VALUES "
            "('00000000-0000-4000-8000-000000000001', '2026-01-01', '2026-01-01', 'ana ruiz')"
        )
        with pytest.raises(Ambiguous, match="2 contacts"):
            store.find("contact", "Ana Ruiz")
        with pytest.raises(NotFound, match="no contact named 'Bob'"):
            store.find("contact", "Bob")


def test_refused_values_write_nothing(db_path: Path, today: date) -> None:
    with Store(db_path) as store:
        for kind, values in [
            ("win", {"title": "x", "date": "2026-02-30"}),
            ("contact", {"name": "x", "knows_me": 4}),
            ("note", {"text": "nul \x00 inside", "date": "today"}),
            ("action", {"title": "x", "cadence": "hourly"}),
            ("win", {"title": "", "date": "today"}),
            ("interaction", {"contact_id": 999, "date": "today"}),
        ]:
            with pytest.raises((ValidationError, NotFound)):
                store.insert(kind, values, today)
        total = sum(store.count(k) for k in ("win", "contact", "note", "action", "interaction"))
    assert total == 0


def test_check_in_is_once_per_day(db_path: Path, today: date) -> None:
    with Store(db_path) as store:
        aid = store.insert("action", {"title": "Write", "cadence": "daily"}, today)
        first, created = store.check_in(aid, "today", today)
        again, created_again = store.check_in(aid, "today", today, skip=True)
        assert (created, created_again, first == again) == (True, False, True)
        assert store.get("checkin", first)["skip"] == 1


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "empty"),
        (b"hello, this is a text file\n" * 10, "not a SQLite database"),
        (os.urandom(4096), "not a SQLite database"),
    ],
)
def test_files_that_are_not_databases_are_refused_untouched(
    tmp_path: Path, content: bytes, message: str
) -> None:
    path = tmp_path / "bad.db"
    path.write_bytes(content)
    before = digest(path)
    with pytest.raises(StoreError, match=message):
        Store(path)
    assert digest(path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.db"]


def test_truncated_file_is_refused_untouched(db_path: Path, today: date) -> None:
    with Store(db_path) as store:
        for i in range(300):
            store.insert("note", {"text": f"note {i} " + "x" * 200, "date": "today"}, today)
        store.checkpoint()
    data = db_path.read_bytes()
    db_path.write_bytes(data[: len(data) // 2])
    before = digest(db_path)
    with pytest.raises(StoreError, match="truncated"):
        Store(db_path)
    assert digest(db_path) == before


def test_newer_schema_is_refused_untouched(db_path: Path) -> None:
    Store(db_path).close()
    conn = sqlite3.connect(db_path)
    conn.execute(f"PRAGMA user_version = {schema.SCHEMA_VERSION + 1}")
    conn.close()
    before = digest(db_path)
    with pytest.raises(StoreError, match="newer careertui"):
        Store(db_path)
    assert digest(db_path) == before


def test_other_sqlite_files_are_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()
    before = digest(path)
    with pytest.raises(StoreError, match="not a careertui one"):
        Store(path)
    assert digest(path) == before


def test_migration_backs_up_first_and_keeps_search_working(
    db_path: Path, today: date, monkeypatch: pytest.MonkeyPatch
) -> None:
    with Store(db_path) as store:
        store.insert("note", {"text": "before the upgrade", "date": "today"}, today)

    def v2_add_column(conn: sqlite3.Connection) -> None:
        conn.execute('ALTER TABLE "notes" ADD COLUMN mood TEXT')

    old = schema.SCHEMA_VERSION
    monkeypatch.setattr(schema, "MIGRATIONS", (*schema.MIGRATIONS, v2_add_column))
    monkeypatch.setattr(schema, "SCHEMA_VERSION", old + 1)
    from careertui.store import connection

    monkeypatch.setattr(connection, "SCHEMA_VERSION", old + 1)
    with Store(db_path) as store:
        assert store.conn.execute("PRAGMA user_version").fetchone()[0] == old + 1
        store.insert("note", {"text": "after the upgrade", "date": "today"}, today)
        assert len(store.search("upgrade")) == 2
    backups = list(db_path.parent.glob(f"careertui.db.v{old}-*.bak"))
    assert len(backups) == 1
    assert stat.S_IMODE(backups[0].stat().st_mode) == 0o600
    with sqlite3.connect(backups[0]) as before:
        assert before.execute("PRAGMA user_version").fetchone()[0] == old
        assert before.execute("SELECT text FROM notes").fetchall() == [("before the upgrade",)]


def test_restore_fts_after_a_table_rebuild(db_path: Path, today: date) -> None:
    from careertui.domain.records import KINDS

    with Store(db_path) as store:
        store.insert("note", {"text": "kept", "date": "today"}, today)
        with store.write() as conn:
            for suffix in ("_ai", "_ad", "_au"):
                conn.execute(f'DROP TRIGGER "notes{suffix}"')
            schema.restore_fts(conn, KINDS["note"])
        store.insert("note", {"text": "fresh", "date": "today"}, today)
        assert len(store.search("kept")) == 1
        assert len(store.search("fresh")) == 1


def test_backup_is_a_consistent_private_copy(db_path: Path, today: date, tmp_path: Path) -> None:
    with Store(db_path) as store:
        store.insert("note", {"text": "precious", "date": "today"}, today)
        dest = store.backup(tmp_path / "copy.db")
        with pytest.raises(StoreError, match="already exists"):
            store.backup(dest)
    assert stat.S_IMODE(dest.stat().st_mode) == 0o600
    with Store(dest) as copy:
        assert [h["title"] for h in copy.search("precious")] == ["precious"]


def test_deleted_text_is_gone_from_file_wal_and_index(db_path: Path, today: date) -> None:
    token = "zqxunique" + "42"
    with Store(db_path) as store:
        for i in range(50):
            store.insert("note", {"text": f"filler note {i}", "date": "today"}, today)
        nid = store.insert(
            "note", {"text": f"secret about my boss {token}", "date": "today"}, today
        )
        store.delete("note", nid)
        assert store.search(token) == []
    for side in (db_path, Path(f"{db_path}-wal")):
        if side.exists():
            assert token.encode() not in side.read_bytes(), side


@pytest.mark.parametrize("dense", [2, 10_000])
def test_search_returns_the_newest_hits_whatever_the_insert_order(
    db_path: Path, today: date, monkeypatch: pytest.MonkeyPatch, dense: int
) -> None:
    """Search walks back from the newest records in windows when a word is common; the result
    must be exactly the newest hits by (date, id), as a plain sort of every hit would give."""
    import random

    from careertui.store import store as store_module

    monkeypatch.setattr(store_module, "SEARCH_DENSE", dense)
    rng = random.Random(7)
    with Store(db_path) as store:
        for i in range(400):
            day = date.fromordinal(today.toordinal() - rng.randrange(700)).isoformat()
            words = "alpha" if i % 3 else "alpha beta"
            store.insert("note", {"text": f"{words} {i}", "date": day}, today)
        expected = {
            word: [
                (r[0], r[1])
                for r in store.conn.execute(
                    "SELECT date, id FROM notes WHERE text LIKE ? ORDER BY date DESC, id DESC",
                    (f"%{word}%",),
                )
            ]
            for word in ("alpha", "beta")
        }
        for word, rows in expected.items():
            for limit in (1, 5, 50, 500):
                hits = store.search(word, limit=limit)
                assert [(h["date"], h["id"]) for h in hits] == rows[:limit], (word, limit)


def test_a_goal_hit_is_dated_by_when_it_was_written_not_its_due_date(
    db_path: Path, today: date
) -> None:
    with Store(db_path) as store:
        store.insert("goal", {"title": "p99 under 200 ms", "due": "2027-06-30"}, today)
        store.insert("win", {"title": "p99 down to 250 ms", "date": "2026-11-01"}, today)
        hits = store.search("p99")
    assert [(h["kind"], h["date"]) for h in hits] == [("goal", "2026-11-23"), ("win", "2026-11-01")]


def test_a_one_letter_word_is_not_a_prefix(db_path: Path, today: date) -> None:
    with Store(db_path) as store:
        store.insert("note", {"text": "rewrote the parser in C++", "date": "today"}, today)
        store.insert("note", {"text": "coffee with the CTO", "date": "today"}, today)
        assert [h["title"] for h in store.search("C++")] == ["rewrote the parser in C++"]
        assert len(store.search("co")) == 1
