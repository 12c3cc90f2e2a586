"""backup --encrypt and restore: nothing readable in an encrypted backup, either kind restored,
the replaced file kept, and no restore while careertui has the file open."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from careertui.cli import cli
from careertui.store import Store
from careertui.store.restore import holding

SECRET = "negotiation notes: ask for the staff title"


def run(db: Path, *args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, [*args, "--db", str(db)])
    return result.exit_code, result.stdout + result.stderr


def notes(db: Path) -> list[str]:
    with Store(db, write=False) as store:
        return [row["text"] for row in store.rows("note")]


def device(db: Path) -> str:
    with Store(db, write=False) as store:
        row = store.conn.execute("SELECT value FROM sync_settings WHERE key = 'device'")
        return str(row.fetchone()[0])


def test_an_encrypted_backup_restores_and_keeps_the_replaced_file(
    db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CAREERTUI_PASSPHRASE", "a long passphrase")
    assert run(db_path, "add", "note", SECRET)[0] == 0
    backup = tmp_path / "journal.db.age"
    code, out = run(db_path, "backup", "--encrypt", str(backup))
    assert code == 0 and "encrypted" in out
    data = backup.read_bytes()
    assert data.startswith(b"age-encryption.org/v1\n") and b"staff title" not in data
    assert backup.stat().st_mode & 0o077 == 0
    assert run(db_path, "backup", "--encrypt", str(backup))[0] == 1  # never replaced

    before = device(db_path)
    run(db_path, "add", "note", "written after the backup")
    monkeypatch.setenv("CAREERTUI_PASSPHRASE", "not it")
    code, out = run(db_path, "restore", str(backup))
    assert code == 1 and "wrong passphrase" in out
    assert len(notes(db_path)) == 2  # refused: untouched

    monkeypatch.setenv("CAREERTUI_PASSPHRASE", "a long passphrase")
    code, out = run(db_path, "restore", str(backup))
    assert code == 0, out
    assert notes(db_path) == [SECRET]
    assert device(db_path) != before  # the device it came from may still sync
    (kept,) = db_path.parent.glob("*.before-restore-*")
    assert sorted(notes(kept)) == sorted([SECRET, "written after the backup"])


def test_a_plain_backup_restores_and_garbage_is_refused(db_path: Path, tmp_path: Path) -> None:
    run(db_path, "add", "note", SECRET)
    backup = tmp_path / "plain.db"
    assert run(db_path, "backup", str(backup))[0] == 0
    other = tmp_path / "other.db"
    code, out = run(other, "restore", str(backup))
    assert code == 0, out
    assert notes(other) == [SECRET]
    junk = tmp_path / "junk.txt"
    junk.write_text("hello")
    code, out = run(other, "restore", str(junk))
    assert code == 1 and "neither a careertui backup nor an encrypted one" in out
    assert notes(other) == [SECRET]


def test_no_restore_while_the_app_or_another_command_has_the_file_open(
    db_path: Path, tmp_path: Path
) -> None:
    run(db_path, "add", "note", SECRET)
    backup = tmp_path / "plain.db"
    run(db_path, "backup", str(backup))
    with holding(db_path):  # what the app holds while it runs
        code, out = run(db_path, "restore", str(backup))
    assert code == 1 and "is open in careertui" in out
    reader = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); "
            "c.execute('SELECT count(*) FROM notes').fetchone(); print('open', flush=True); "
            "sys.stdin.read()",
            str(db_path),
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert reader.stdout is not None and reader.stdout.readline() == "open\n"
        code, out = run(db_path, "restore", str(backup))
        assert code == 1 and "is open in careertui" in out
    finally:
        reader.communicate("")
    assert run(db_path, "restore", str(backup))[0] == 0
