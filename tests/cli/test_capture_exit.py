"""`careertui add` through the real command: __main__.py ends it with os._exit once the CLI's
group has finished (the store closed, stdout flushed), skipping the interpreter's shutdown."""

import os
import subprocess
import sys
from pathlib import Path

from careertui.store import Store


def add(db: Path, *words: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "CAREERTUI_TODAY": "2026-12-03"}
    command = [sys.executable, "-m", "careertui", "--db", str(db), "add", "note", *words]
    return subprocess.run(command, capture_output=True, text=True, env=env)


def test_the_note_is_saved_said_and_the_file_left_whole(tmp_path: Path) -> None:
    db = tmp_path / "j.db"
    for text in ("first", "second"):  # a new file (made whole, then linked), then an open one
        done = add(db, text)
        assert (done.returncode, done.stderr) == (0, "")
        assert done.stdout.startswith("Added note #") and text in done.stdout
    assert sorted(p.name for p in tmp_path.iterdir()) == [".j.db.checked", "j.db"]  # no -wal
    with Store(db, write=False) as store:
        assert [n["text"] for n in store.rows("note", newest_first=False)] == ["first", "second"]


def test_a_refused_note_keeps_its_exit_status(tmp_path: Path) -> None:
    db = tmp_path / "j.db"
    assert add(db, "first").returncode == 0
    done = add(db, "about @nobody")
    assert (done.returncode, done.stdout) == (1, "")
    assert done.stderr == "careertui: Text: no contact is named @nobody\n"
