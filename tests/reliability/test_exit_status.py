"""Class 5: the exit status tells the truth. A write that committed exits 0 whatever happens to
its confirmation; output that could not be delivered is one line and exit 1; Ctrl-C is one line
and exit 130; an empty --db or CAREERTUI_DB is refused; a path with control characters is shown
escaped, on one line. Never a traceback."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

import pytest
from reliability_support import CAREERTUI, careertui, dump

ENV = {**os.environ, "CAREERTUI_TODAY": "2026-12-03"}


@contextmanager
def _stdout(kind: str) -> Iterator[Any]:
    """What the command's stdout is: closed, a full device, or a pipe nobody reads."""
    if kind == "closed":
        yield None
    elif kind == "full":
        with open("/dev/full", "wb") as full:
            yield full
    else:
        read, write = os.pipe()
        os.close(read)
        try:
            yield write
        finally:
            os.close(write)


def _run(args: list[str | Path], stdout: str, stdin: IO[bytes] | int | None = None) -> tuple:
    with _stdout(stdout) as out:
        extra: dict[str, Any] = {}
        if out is None:
            extra["preexec_fn"] = lambda: os.close(1)
        done = subprocess.run(
            [CAREERTUI, *args],
            stdout=out if out is not None else subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            stdin=stdin if stdin is not None else subprocess.DEVNULL,
            env=ENV,
            timeout=60,
            **extra,
        )
    return done.returncode, done.stderr.decode("utf-8", "replace").splitlines()


STDOUTS = ("closed", "full", "broken pipe")
WRITES = {
    "add note": (["add", "note", "landed once"], "note"),
    "add contact": (["add", "contact", "Once Only"], "contact"),
}


@pytest.mark.parametrize("stdout", STDOUTS)
@pytest.mark.parametrize("write", WRITES)
def test_a_committed_write_exits_0_whatever_its_stdout(
    tmp_path: Path, stdout: str, write: str
) -> None:
    db = tmp_path / "j.db"
    assert careertui(["add", "note", "first"], db).code == 0
    args, kind = WRITES[write]
    code, err = _run([*args, "--db", db], stdout)
    assert code == 0, err
    assert len(err) == 1 and err[0].startswith("Added "), err  # the confirmation, on stderr
    assert len(dump(db)[kind]) == (2 if kind == "note" else 1)


@pytest.mark.parametrize("stdout", STDOUTS)
@pytest.mark.parametrize(
    "args",
    [["--help"], ["--version"], ["add", "--help"], ["search", "first"], ["stats", "--json"]],
    ids=" ".join,
)
def test_output_that_cannot_be_delivered_is_one_line_exit_1(
    tmp_path: Path, stdout: str, args: list[str]
) -> None:
    db = tmp_path / "j.db"
    assert careertui(["add", "note", "first"], db).code == 0
    helping = "--help" in args or "--version" in args
    code, err = _run(args if helping else [*args, "--db", db], stdout)
    assert code == 1 and len(err) == 1, err
    assert err[0].startswith("careertui: ") and "standard output" in err[0], err


@pytest.mark.parametrize(
    "args", [["import", "-"], ["add", "note", "-"], ["add", "note"], ["add", "win"]], ids=" ".join
)
def test_closed_stdin(tmp_path: Path, args: list[str]) -> None:
    db = tmp_path / "j.db"
    done = subprocess.run(
        [CAREERTUI, *args, "--db", db],
        capture_output=True,
        env=ENV,
        preexec_fn=lambda: os.close(0),
        timeout=60,
    )
    err = done.stderr.decode().splitlines()
    assert done.returncode == 1 and len(err) == 1 and "standard input" in err[0], err
    assert not db.exists()


@pytest.mark.parametrize("args", [["import", "-"], ["add", "note", "-"]], ids=" ".join)
def test_ctrl_c_while_waiting_for_input(tmp_path: Path, args: list[str]) -> None:
    db = tmp_path / "j.db"
    proc = subprocess.Popen(
        [CAREERTUI, *args, "--db", db],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=ENV,
    )
    time.sleep(1.0)
    proc.send_signal(signal.SIGINT)
    out, err = proc.communicate(timeout=30)
    assert proc.returncode == 130, err
    assert err.decode().splitlines() == ["careertui: interrupted"]
    assert not db.exists()


def test_ctrl_c_at_random_moments(tmp_path: Path) -> None:
    """SIGINT at 20 moments of a capture (imports, opening, writing, printing): each run either
    finishes (0) or says one line and exits 130; the file always opens, and holds each note
    at most once."""
    db = tmp_path / "j.db"
    assert careertui(["add", "note", "first"], db).code == 0
    rng = random.Random(5)
    outcomes = {0: 0, 130: 0}
    for n in range(20):
        proc = subprocess.Popen(
            [CAREERTUI, "add", "note", f"note {n}", "--db", db],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=ENV,
        )
        # From 0.12 s: before that, Python may still be starting (site), which no program's
        # code can guard; careertui's guard is installed by its first import.
        time.sleep(rng.uniform(0.12, 0.4))
        proc.send_signal(signal.SIGINT)
        _, err = proc.communicate(timeout=30)
        lines = err.decode().splitlines()
        assert proc.returncode in outcomes, (proc.returncode, lines)
        assert proc.returncode == 0 or lines == ["careertui: interrupted"], lines
        outcomes[proc.returncode] += 1
    texts = [row["text"] for row in dump(db)["note"]]
    assert len(texts) == len(set(texts)) and texts[0] == "first"
    print(f"\nCtrl-C at random moments: {outcomes}")


@pytest.mark.parametrize("how", ["--db ''", "CAREERTUI_DB=''", "--db ' '"])
def test_an_empty_database_path_is_refused(tmp_path: Path, how: str) -> None:
    home = tmp_path / "home"
    env = {"XDG_DATA_HOME": str(home), "HOME": str(home)}
    if how.startswith("--db"):
        args = ["add", "note", "x", "--db", how.split(" ", 1)[1].strip("'")]
    else:
        args, env["CAREERTUI_DB"] = ["add", "note", "x"], ""
    result = careertui(args, env=env)
    assert result.code in (1, 2) and len(result.err_lines) == 1, result
    assert "empty" in result.err
    assert not home.exists(), "the default journal was written"


@pytest.mark.parametrize("name", ["a\nb", "a\rb", "a\x1b[2Jb", "a\u202eb", "a\tb"])
def test_a_path_with_control_characters_is_shown_escaped(tmp_path: Path, name: str) -> None:
    missing = tmp_path / name / "j.db"
    result = careertui(["export", "--db", missing])
    assert result.code == 1 and len(result.err_lines) == 1, result
    line = result.err_lines[0]
    assert not any(ord(c) < 32 or c == "\u202e" for c in line)
    assert repr(name)[1:-1].replace("\\u202e", "\\u202e") in line or "\\" in line
