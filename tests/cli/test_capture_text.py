"""Capture from anywhere: text from a pipe, from `-`, or from the editor ($VISUAL/$EDITOR)."""

import json
import os
import stat
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from careertui.cli import cli
from careertui.editor import strip_comments


def run(db: Path, *args: str, stdin: str | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, [*args, "--db", str(db)], input=stdin)
    return result.exit_code, result.stdout, result.stderr


def shown(db: Path, kind: str, record: str = "1") -> dict[str, object]:
    return json.loads(run(db, "show", kind, record, "--json")[1])


def test_a_pipe_or_dash_reads_standard_input(db_path: Path) -> None:
    assert run(db_path, "add", "note", stdin="from a pipe\nline two\n")[0] == 0
    assert shown(db_path, "note")["text"] == "from a pipe\nline two"
    assert run(db_path, "add", "note", "-", "--tag", "x", stdin="# kept as written\n")[0] == 0
    assert shown(db_path, "note", "2")["text"] == "# kept as written"
    code, out, _ = run(
        db_path, "add", "win", "-", "--notes", "more", stdin="Shipped it\nthe story\n"
    )
    assert code == 0 and out.startswith("Added win #1: Shipped it on ")
    assert (shown(db_path, "win")["title"], shown(db_path, "win")["notes"]) == (
        "Shipped it",
        "the story\nmore",
    )
    run(db_path, "add", "contact", "Dana Lee")
    assert run(db_path, "add", "interaction", "dana", stdin="coffee\n")[0] == 0
    assert shown(db_path, "interaction")["notes"] == "coffee"


@pytest.mark.parametrize("kind", [["note"], ["win"], ["interaction", "Dana Lee"]])
def test_nothing_given_writes_nothing(db_path: Path, kind: list[str]) -> None:
    run(db_path, "add", "contact", "Dana Lee")
    code, out, err = run(db_path, "add", *kind, stdin="  \n\n")
    assert (code, out) == (1, "")
    assert err == f"careertui: nothing written: the {kind[0]} was empty\n"
    assert run(db_path, "list", kind[0] + "s")[1].startswith("No ")


@pytest.fixture
def editor(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fake editor that records what it was given (text, mode, folder mode), then writes the
    contents of `reply` into the file."""
    script = tmp_path / "editor.py"
    script.write_text(
        "import os, stat, sys\n"
        "path = sys.argv[1]\n"
        "here = os.path.dirname(__file__)\n"
        "seen = open(path).read()\n"
        "modes = (stat.S_IMODE(os.stat(path).st_mode), stat.S_IMODE(os.stat(os.path.dirname(path)).st_mode))\n"
        "open(os.path.join(here, 'seen'), 'w').write(repr((seen, modes, path)))\n"
        "open(path, 'w').write(open(os.path.join(here, 'reply')).read())\n"
    )
    monkeypatch.setenv("VISUAL", f"{sys.executable} {script}")
    monkeypatch.setattr("careertui.cli.capture.interactive", lambda: True)
    return tmp_path


def test_no_text_at_a_terminal_opens_the_editor(db_path: Path, editor: Path) -> None:
    (editor / "reply").write_text("Led the offsite\n# a comment\n40 people came\n")
    code, out, _ = run(db_path, "add", "win")
    assert code == 0 and out.startswith("Added win #1: Led the offsite")
    assert (shown(db_path, "win")["title"], shown(db_path, "win")["notes"]) == (
        "Led the offsite",
        "40 people came",
    )
    seen, modes, path = eval((editor / "seen").read_text())  # noqa: S307 - our own repr
    assert "# The first line is the win's title" in seen
    assert modes == (0o600, 0o700)
    assert not os.path.exists(path) and not os.path.exists(os.path.dirname(path))


def test_an_empty_editor_writes_nothing(db_path: Path, editor: Path) -> None:
    (editor / "reply").write_text("# only comments\n\n")
    code, _, err = run(db_path, "add", "note")
    assert code == 1 and err == "careertui: nothing written: the note was empty\n"
    assert not db_path.exists()


def test_a_failing_editor_writes_nothing(db_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("VISUAL", "false")
    monkeypatch.setattr("careertui.cli.capture.interactive", lambda: True)
    code, _, err = run(db_path, "add", "note")
    assert (
        code == 1 and err == "careertui: the editor 'false' exited with status 1; nothing written\n"
    )
    monkeypatch.setenv("VISUAL", "/nonexistent/editor")
    code, _, err = run(db_path, "add", "note")
    assert code == 1 and "cannot start the editor '/nonexistent/editor'" in err


def test_comment_lines_are_dropped() -> None:
    assert strip_comments("\n# help\nkept\n  # indented help\n\nmore #not a comment\n") == (
        "kept\n\nmore #not a comment"
    )


def test_editor_falls_back_to_vi(monkeypatch: pytest.MonkeyPatch) -> None:
    from careertui.editor import editor_command

    monkeypatch.delenv("VISUAL", raising=False)
    monkeypatch.setenv("EDITOR", "code --wait")
    assert editor_command() == ["code", "--wait"]
    monkeypatch.delenv("EDITOR")
    assert editor_command() == ["vi"]
    assert stat.S_IMODE(0o600) == 0o600


def test_the_editor_keeps_the_hash_lines_of_the_text_it_was_given(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """ctrl+e on a field whose text has a Markdown heading: the heading comes back; a `#` line
    the person adds in the editor, and the template's help, are dropped."""
    from careertui.editor import edit_text

    script = tmp_path / "editor.sh"
    script.write_text('#!/bin/sh\nprintf "# a new comment\\nadded\\n" >> "$1"\n')
    script.chmod(0o700)
    monkeypatch.setenv("VISUAL", str(script))
    got = edit_text("# Agenda\n- budget\n  #tag line", "\n# help: lines with # are dropped\n")
    assert got == "# Agenda\n- budget\n  #tag line\n\nadded"
