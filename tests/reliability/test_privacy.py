"""Privacy: private modes under umask 022, existing files tightened with a note, and a deleted
entry's text gone from the file, the WAL and the full-text index."""

from __future__ import annotations

import os
import sqlite3
import stat
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from reliability_support import careertui

from careertui.store import Store


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def umask_022() -> Iterator[None]:
    old = os.umask(0o022)
    try:
        yield
    finally:
        os.umask(old)


def test_first_run_under_umask_022(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The default place: the platform data folder is created 0700 and the file 0600; backups
    and exports are 0600 too."""
    monkeypatch.delenv("CAREERTUI_DB")
    data = tmp_path / "xdg-data"
    result = careertui(["add", "note", "first"], umask=0o022)
    assert result.code == 0, result.err
    db = data / "careertui" / "careertui.db"
    assert _mode(db.parent) == 0o700 and _mode(db) == 0o600
    assert not result.err  # nothing to tighten on a new file

    backup = careertui(["backup"], umask=0o022)
    assert backup.code == 0, backup.err
    made = list(db.parent.glob("careertui-backup-*.db"))
    assert len(made) == 1 and _mode(made[0]) == 0o600
    named = tmp_path / "named-backup.db"
    assert careertui(["backup", str(named)], umask=0o022).code == 0
    assert _mode(named) == 0o600
    for fmt in ("json", "markdown"):
        out = tmp_path / f"export.{fmt}"
        exported = careertui(["export", "--format", fmt, "--out", str(out)], umask=0o022)
        assert exported.code == 0, exported.err
        assert _mode(out) == 0o600


def test_wal_and_shm_are_private(tmp_path: Path, today: date, umask_022: None) -> None:
    db = tmp_path / "new" / "careertui.db"
    with Store(db) as store:
        store.insert("note", {"text": "live", "date": "today"}, today)
        wal, shm = Path(f"{db}-wal"), Path(f"{db}-shm")
        assert wal.exists() and shm.exists()
        assert (_mode(db), _mode(wal), _mode(shm)) == (0o600, 0o600, 0o600)
        assert _mode(db.parent) == 0o700


def test_existing_files_are_tightened_with_a_note(tmp_path: Path, umask_022: None) -> None:
    db = tmp_path / "mine" / "careertui.db"
    assert careertui(["add", "note", "first"], db).code == 0
    db.parent.chmod(0o755)
    db.chmod(0o644)
    # Another program holds the file open, so its -wal and -shm exist, made 0644 like the file.
    other = sqlite3.connect(db)
    other.execute("SELECT count(*) FROM notes").fetchone()
    wal, shm = Path(f"{db}-wal"), Path(f"{db}-shm")
    assert _mode(wal) == _mode(shm) == 0o644

    result = careertui(["add", "note", "second"], db)
    other.close()
    assert result.code == 0, result.err
    assert result.out.startswith("Added note")
    notes = result.err_lines
    assert len(notes) == 3, notes
    for line, file in zip(notes, (db, wal, shm), strict=True):
        assert line.startswith("careertui: note: ") and str(file) in line and "0600" in line
    assert _mode(db) == 0o600
    assert _mode(db.parent) == 0o755, "a folder the user chose is not changed"
    assert not careertui(["add", "note", "third"], db).err  # said once


def test_the_default_folder_is_tightened(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CAREERTUI_DB")
    assert careertui(["add", "note", "first"]).code == 0
    folder = tmp_path / "xdg-data" / "careertui"
    folder.chmod(0o755)
    result = careertui(["search", "first"])
    assert result.code == 0 and "first" in result.out
    assert result.err_lines == [
        f"careertui: note: {folder} was readable by others (0755); made it private (0700)"
    ]
    assert _mode(folder) == 0o700


# -- deleting is erasing -------------------------------------------------------------------------

NOTE_TOKEN = "zqxnotesecret"
TALK_TOKEN = "zqytalksecret"


def _everywhere(db: Path, token: str) -> list[str]:
    """Where `token` can still be found: file bytes, -wal bytes, the FTS vocabularies, search."""
    found = []
    raw = token.encode()
    if raw in db.read_bytes():
        found.append("file")
    wal = Path(f"{db}-wal")
    if wal.exists() and raw in wal.read_bytes():
        found.append("wal")
    conn = sqlite3.connect(f"{db.as_uri()}?mode=ro", uri=True)
    for table in ("notes_fts", "interactions_fts"):
        conn.execute(f"CREATE VIRTUAL TABLE temp.v_{table} USING fts5vocab(main, {table}, row)")
        if conn.execute(f"SELECT 1 FROM temp.v_{table} WHERE term = ?", (token,)).fetchone():
            found.append(table)
    conn.close()
    with Store(db, write=False) as store:
        if store.search(token):
            found.append("search")
    return found


def test_a_deleted_entry_is_gone_from_file_wal_and_index(tmp_path: Path, today: date) -> None:
    db = tmp_path / "careertui.db"
    store = Store(db)
    idle = Store(db)  # another session open at the same time (the TUI, say)
    for n in range(40):
        store.insert("note", {"text": f"ordinary note {n} about work", "date": "today"}, today)
    note = store.insert("note", {"text": f"about my manager {NOTE_TOKEN}", "date": "today"}, today)
    contact = store.insert("contact", {"name": "Bo"}, today)
    store.insert(
        "interaction",
        {"contact_id": contact, "notes": f"said {TALK_TOKEN}", "date": "today"},
        today,
    )
    store.checkpoint()
    assert "file" in _everywhere(db, NOTE_TOKEN) and "search" in _everywhere(db, TALK_TOKEN)

    store.delete("note", note)
    store.delete("contact", contact)  # its interactions go with it
    for token in (NOTE_TOKEN, TALK_TOKEN):
        assert _everywhere(db, token) == [], token
    idle.close()
    store.close()
    for token in (NOTE_TOKEN, TALK_TOKEN):
        assert _everywhere(db, token) == [], token
    assert len(Store(db, write=False).rows("note")) == 40


def test_text_removed_by_an_edit_is_gone_too(tmp_path: Path, today: date) -> None:
    db = tmp_path / "careertui.db"
    with Store(db) as store:
        for n in range(20):
            store.insert("note", {"text": f"ordinary note {n}", "date": "today"}, today)
        note = store.insert("note", {"text": f"about {NOTE_TOKEN}", "date": "today"}, today)
        store.checkpoint()
        store.update("note", note, {"text": "about nothing in particular"}, today)
        store.checkpoint()
    assert _everywhere(db, NOTE_TOKEN) == []
