"""store.draft: a write to a missing file creates it only when the command succeeds."""

import stat
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from careertui.domain.records import ValidationError
from careertui.store import Store
from careertui.store.draft import writing

TODAY = date(2026, 11, 23)


def notes(path: Path) -> list[str]:
    with Store(path, write=False) as store:
        return sorted(row["text"] for row in store.rows("note"))


def files(folder: Path) -> list[str]:
    """The names in `folder` but SQLite's side files (a reader may leave them)."""
    return sorted(p.name for p in folder.iterdir() if not p.name.endswith(("-wal", "-shm")))


def test_a_refused_write_leaves_no_file_and_no_folder(tmp_path: Path) -> None:
    path = tmp_path / "new" / "careertui.db"
    with pytest.raises(ValidationError), writing(path, TODAY) as store:
        store.insert("note", {"text": "x", "date": "someday"}, TODAY)
    assert list(tmp_path.iterdir()) == []


def test_a_good_write_publishes_a_private_file(tmp_path: Path) -> None:
    for path in (tmp_path / "careertui.db", tmp_path / "a" / "b" / "careertui.db"):
        with writing(path, TODAY) as store:
            store.insert("note", {"text": "first", "date": "today"}, TODAY)
            assert store.path == path
        assert notes(path) == ["first"]
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
        assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
        assert files(path.parent) == ["careertui.db"]


def test_a_file_made_meanwhile_gets_the_draft_merged_in(tmp_path: Path) -> None:
    path = tmp_path / "careertui.db"
    with writing(path, TODAY) as store:
        store.insert("note", {"text": "mine", "date": "today"}, TODAY)
        other = (  # another process creates the file first
            "import sys, datetime; from careertui.store import Store; "
            "Store(sys.argv[1]).insert('note', {'text': 'theirs', 'date': 'today'}, "
            "datetime.date(2026, 11, 23))"
        )
        subprocess.run([sys.executable, "-c", other, str(path)], check=True)
    assert notes(path) == ["mine", "theirs"]
    assert files(tmp_path) == ["careertui.db"]


def test_an_existing_file_is_written_in_place(tmp_path: Path) -> None:
    path = tmp_path / "careertui.db"
    Store(path).close()
    inode = path.stat().st_ino
    with writing(path, TODAY) as store:
        store.insert("note", {"text": "here", "date": "today"}, TODAY)
    assert path.stat().st_ino == inode and notes(path) == ["here"]
