"""Files careertui must refuse: one line on stderr, exit 1, no traceback, the file byte-for-byte
unchanged. And a full disk: a clear message, nothing acknowledged lost."""

from __future__ import annotations

import json
import os
import random
import resource
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from reliability_support import (
    WORKER,
    User,
    assert_refused,
    careertui,
    dump,
    integrity,
    sha256,
)

from careertui.store import Store
from careertui.store.schema import SCHEMA_VERSION


def _journal(db: Path) -> Path:
    with Store(db) as store:
        for n in range(3):
            store.insert("note", {"text": f"kept note {n}", "date": "today"}, date(2026, 11, 23))
    return db


def _random_bytes(db: Path) -> None:
    db.write_bytes(random.Random(1).randbytes(8192))


def _text_file(db: Path) -> None:
    db.write_text("dear diary\n" * 100)


def _zero_bytes(db: Path) -> None:
    db.write_bytes(b"")


def _truncated_half(db: Path) -> None:
    _journal(db)
    data = db.read_bytes()
    db.write_bytes(data[: len(data) // 2])


def _truncated_in_header(db: Path) -> None:
    _journal(db)
    db.write_bytes(db.read_bytes()[:60])


def _newer_schema(db: Path) -> None:
    _journal(db)
    conn = sqlite3.connect(db)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()


def _other_sqlite_file(db: Path) -> None:
    conn = sqlite3.connect(db)
    conn.execute("CREATE TABLE photos (id INTEGER PRIMARY KEY, name TEXT)")
    conn.execute("INSERT INTO photos (name) VALUES ('cat.jpg')")
    conn.commit()
    conn.close()


DAMAGE: dict[str, tuple[Callable[[Path], None], str]] = {
    "random bytes": (_random_bytes, "not a SQLite database"),
    "a text file": (_text_file, "not a SQLite database"),
    "zero bytes": (_zero_bytes, "empty"),
    "truncated to half": (_truncated_half, "truncated"),
    "truncated inside the header": (_truncated_in_header, "not a SQLite database"),
    "a newer schema": (_newer_schema, "newer careertui"),
    "another program's SQLite file": (_other_sqlite_file, "not a careertui one"),
}

COMMANDS = {
    "add": ["add", "note", "must not land"],
    "search": ["search", "kept"],
    "stats": ["stats", "--json"],
    "export": ["export", "--format", "json"],
    "backup": ["backup"],
    "import": ["import", "-"],
}


@pytest.mark.parametrize("command", COMMANDS)
@pytest.mark.parametrize("damage", DAMAGE)
def test_a_bad_file_is_refused_untouched(tmp_path: Path, damage: str, command: str) -> None:
    db = tmp_path / "j" / "careertui.db"
    db.parent.mkdir(mode=0o700)
    make, words = DAMAGE[damage]
    make(db)
    db.chmod(0o600)
    before = sha256(db)
    jrnl = json.dumps({"tags": {}, "entries": []}).encode()
    result = careertui(COMMANDS[command], db, input=jrnl)
    assert_refused(result)
    assert words in result.err and str(db) in result.err, result.err
    assert sha256(db) == before
    assert not list(db.parent.glob("careertui-backup-*")), "a backup of a refused file"


def _destroy_page(db: Path, name: str) -> None:
    conn = sqlite3.connect(db)
    page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    (root,) = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", (name,)).fetchone()
    conn.close()
    with open(db, "r+b") as handle:
        handle.seek((root - 1) * page_size)
        handle.write(b"\xff" * page_size)


def test_a_file_failing_quick_check(tmp_path: Path) -> None:
    """quick_check names the damage without changing the file, and a capture whose write meets
    the damage is refused with one line (the CLI does not run quick_check itself: that is the
    TUI's start-up job)."""
    db = _journal(tmp_path / "careertui.db")
    _destroy_page(db, "notes_date")
    before = sha256(db)
    with Store(db, write=False) as store:
        verdict = store.quick_check()
    assert verdict != "ok" and "Page" in verdict
    assert sha256(db) == before
    result = careertui(["add", "note", "must not land"], db)
    assert_refused(result)
    assert "damaged" in result.err and "backup" in result.err
    assert sha256(db) == before


# -- read-only, as a normal user -----------------------------------------------------------------


def test_a_read_only_file(normal_user: User) -> None:
    db = normal_user.home / "j" / "careertui.db"
    first = normal_user.run(["add", "note", "kept note", "--db", str(db)])
    assert first.code == 0, first.err
    db.chmod(0o400)
    before = sha256(db)

    refused = normal_user.run(["add", "note", "must not land", "--db", str(db)])
    assert_refused(refused)
    assert "read-only" in refused.err
    assert sha256(db) == before

    read = normal_user.run(["search", "kept", "--db", str(db)])
    assert read.code == 0 and "kept note" in read.out, read

    # The read-only session left -shm with the file's 0400; once the file is writable again,
    # careertui must write (it failed for good until the stale -shm was repaired).
    db.chmod(0o600)
    again = normal_user.run(["add", "note", "lands now", "--db", str(db)])
    assert again.code == 0, again.err
    assert [row["text"] for row in dump(db)["note"]] == ["kept note", "lands now"]


def test_a_read_only_folder(normal_user: User) -> None:
    db = normal_user.home / "j" / "careertui.db"
    assert normal_user.run(["add", "note", "kept note", "--db", str(db)]).code == 0
    db.parent.chmod(0o500)
    before = sha256(db)
    for args in (["add", "note", "must not land"], ["search", "kept"]):
        result = normal_user.run([*args, "--db", str(db)])
        assert_refused(result)
        assert "folder" in result.err and "read-only" in result.err, result.err
        assert sha256(db) == before
    db.parent.chmod(0o700)
    assert [row["text"] for row in dump(db)["note"]] == ["kept note"]


# -- a full disk ---------------------------------------------------------------------------------


def test_a_file_size_limit_is_a_full_disk(tmp_path: Path) -> None:
    db = _journal(tmp_path / "careertui.db")
    before = sha256(db)

    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (64 * 1024, 64 * 1024))

    result = careertui(["add", "note", "big " + "x" * 90_000], db, preexec_fn=limit)
    assert_refused(result)
    assert "disk is full" in result.err and "nothing was saved" in result.err
    assert sha256(db) == before
    assert integrity(db) == "ok"
    assert careertui(["add", "note", "after the limit"], db).code == 0
    texts = [row["text"] for row in dump(db)["note"]]
    assert texts == [f"kept note {n}" for n in range(3)] + ["after the limit"]


def test_a_full_tmpfs(tmp_path: Path) -> None:
    """A real full file system: a 1 MB tmpfs in a private mount namespace (needs root, or at
    least CAP_SYS_ADMIN; skipped otherwise)."""
    unshare = shutil.which("unshare")
    if unshare is None or os.getuid() != 0:
        pytest.skip("needs root and unshare(1) to mount a private tmpfs")
    mount = tmp_path / "mnt"
    out = tmp_path / "out"
    mount.mkdir()
    out.mkdir()
    db = mount / "careertui.db"
    script = (
        f'mount -t tmpfs -o size=1m tmpfs "{mount}" || exit 77; '
        f'exec "{sys.executable}" "{WORKER}" fill "{db}" "{out}"'
    )
    done = subprocess.run(
        [unshare, "-m", "sh", "-c", script], capture_output=True, text=True, timeout=180
    )
    if done.returncode == 77 or "unshare failed" in done.stderr:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.strip()}")
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    refusal = report["refusal"]
    print(f"\nfull tmpfs: {len(report['acked'])} notes acknowledged, then: {refusal['err']!r}")
    assert report["acked"] and refusal, report
    assert refusal["code"] == 1 and "Traceback" not in refusal["err"]
    assert refusal["err"].count("\n") == 1 and "disk is full" in refusal["err"]
    copy = out / "careertui.db"
    assert integrity(copy) == "ok"
    stored = [row["text"].split()[0] for row in dump(copy)["note"]]
    assert stored == report["acked"]
    assert careertui(["add", "note", "space freed"], copy).code == 0
