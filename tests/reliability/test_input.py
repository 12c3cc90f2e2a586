"""Input from the shell: dates that cannot be read, invalid UTF-8, NUL, huge text, and crashes
that must not print a note on the terminal."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st
from reliability_support import WORKER, assert_refused, careertui, dump

from careertui.cli import cli
from careertui.domain.dates import MAX_DATE_TEXT, MAX_YEAR, MIN_YEAR, DateError, parse_date
from careertui.domain.text import MAX_TEXT

TODAY = date(2026, 11, 23)

# -- dates ---------------------------------------------------------------------------------------

# Inputs that made a lenient parser (dateutil, once) raise ParserError, OverflowError or
# decimal.InvalidOperation, or that only a fuzzy parse would accept.
HOSTILE_DATES = [
    "99999999999999999999",
    "1e400",
    "0.5e-999999999",
    "Mar 3 99999999999",
    "3 March 99999",
    "2026-02-30",
    "2026-13-01",
    "+99999y",
    "-99999d",
    "+99999m",
    "12:99",
    "10000-01-01",
    "0000-01-01",
    "Feb 30",
    "31/31/31",
    "١٢/٣/٢٠٢٦",
    "met Bob on 5th about 10 reports",
    "sometime in march",
    "march madness 2026 was great fun",
    "-",
    "nan",
    "inf",
]


@pytest.mark.parametrize("text", HOSTILE_DATES)
def test_hostile_dates_are_date_errors(text: str) -> None:
    try:
        value = parse_date(text, TODAY, direction="forward")
    except DateError as exc:
        assert isinstance(exc, ValueError) and text[:20] in str(exc)
    else:
        assert MIN_YEAR <= value.year <= MAX_YEAR, (text, value)


def test_no_fuzzy_parsing() -> None:
    with pytest.raises(DateError):
        parse_date("met Bob on 5th about 10 reports", TODAY, direction="forward")


def test_date_length_cap() -> None:
    long = "March 3 2026 " * 6
    assert len(long.strip()) > MAX_DATE_TEXT
    with pytest.raises(DateError, match="too long"):
        parse_date(long, TODAY, direction="forward")


@settings(max_examples=400, deadline=None)
@given(st.text(max_size=80))
def test_any_text_is_a_date_or_a_date_error(text: str) -> None:
    try:
        value = parse_date(text, TODAY, direction="forward")
    except DateError:
        return
    assert MIN_YEAR <= value.year <= MAX_YEAR


@settings(max_examples=300, deadline=None)
@given(st.from_regex(r"\A[ 0-9.eE:+\-/,]{1,40}\Z"))
def test_numeric_noise_is_a_date_or_a_date_error(text: str) -> None:
    try:
        value = parse_date(text, TODAY, direction="forward")
    except DateError:
        return
    assert MIN_YEAR <= value.year <= MAX_YEAR


def test_cli_bad_dates_are_one_line_and_write_nothing(tmp_path: Path) -> None:
    db = tmp_path / "careertui.db"
    assert careertui(["add", "note", "kept"], db).code == 0
    for bad in ("1e400", "Mar 3 99999999999", "met Bob on 5th about 10 reports", "9" * 80):
        result = careertui(["add", "note", "must not land", "--date", bad], db)
        assert_refused(result)
        assert bad[:20] in result.err
    assert [row["text"] for row in dump(db)["note"]] == ["kept"]
    echoed = careertui(["add", "note", "dated", "--date", "Mar 3"], db)
    assert echoed.out.strip().endswith("on 2026-03-03"), echoed.out


# -- text from the shell -------------------------------------------------------------------------


def test_invalid_utf8_from_the_shell_is_replaced(tmp_path: Path) -> None:
    db = tmp_path / "careertui.db"
    result = careertui(
        [b"add", b"win", b"caf\xe9 launch", b"--impact", b"\xff\xfe+20%", b"--tag", b"t\xe9am"], db
    )
    assert result.code == 0, result.err
    result = careertui([b"add", b"note", b"half \xe2\x82 a euro", b"--tag", b"ok"], db)
    assert result.code == 0, result.err
    data = dump(db)
    (win,) = data["win"]
    assert (win["title"], win["impact"], win["tags"]) == (
        "caf\ufffd launch",
        "\ufffd\ufffd+20%",
        "t\ufffdam",
    )
    assert data["note"][0]["text"] == "half \ufffd a euro"


def test_nul_is_refused_with_a_clear_message(tmp_path: Path) -> None:
    """argv cannot carry NUL from a real shell, so the command is driven in-process; stdin can,
    through `import -`, in a real process."""
    db = tmp_path / "careertui.db"
    runner = CliRunner()
    for args in (["add", "note", "a\x00b"], ["add", "win", "ok", "--impact", "x\x00"]):
        result = runner.invoke(cli, [*args, "--db", str(db)])
        assert result.exit_code == 1
        assert "NUL" in result.stderr and result.stderr.count("\n") == 1
    jrnl = {
        "tags": {},
        "entries": [
            {"date": "2026-11-20", "time": "09:00", "title": "a\x00b", "body": "", "tags": []}
        ],
    }
    result = careertui(["import", "-"], db, input=json.dumps(jrnl).encode())
    assert_refused(result)
    assert "NUL" in result.err
    assert not db.exists()  # refused before anything was written: no file either


def test_a_jrnl_export_with_lone_surrogates_imports(tmp_path: Path) -> None:
    db = tmp_path / "careertui.db"
    jrnl = {
        "tags": {},
        "entries": [
            {
                "date": "2026-11-20",
                "time": "09:00",
                "title": "bad \udcff byte",
                "body": "",
                "tags": [],
            }
        ],
    }
    result = careertui(["import", "-"], db, input=json.dumps(jrnl).encode())
    assert result.code == 0, result.err
    assert "\ufffd" in dump(db)["note"][0]["text"]


def test_the_entry_size_cap(tmp_path: Path) -> None:
    db = tmp_path / "careertui.db"
    biggest = "y" * (MAX_TEXT - 1) + "z"
    assert careertui(["add", "note", biggest], db).code == 0
    refused = careertui(["add", "note", biggest + "!"], db)
    assert_refused(refused)
    assert "too long" in refused.err and f"{MAX_TEXT:,}" in refused.err
    assert len(refused.err) < 200  # the message, not the text
    jrnl = {
        "tags": {},
        "entries": [
            {
                "date": "2026-11-20",
                "time": "09:00",
                "title": "t",
                "body": "w" * (MAX_TEXT + 1),
                "tags": [],
            }
        ],
    }
    assert_refused(careertui(["import", "-"], db, input=json.dumps(jrnl).encode()))
    assert [row["text"] for row in dump(db)["note"]] == [biggest]


# -- crashes -------------------------------------------------------------------------------------


def test_a_crash_never_prints_note_text(tmp_path: Path) -> None:
    """An unexpected exception whose message holds the note: the terminal gets one line that
    points at the log; the log (0600, in a 0700 folder, made under umask 022) gets the full
    traceback."""
    db = tmp_path / "careertui.db"
    secret = "SECRET-about-my-manager-7f3a"
    state = tmp_path / "state"
    done = subprocess.run(
        [sys.executable, WORKER, "crash", "--", "add", "note", secret, "--db", str(db)],
        capture_output=True,
        text=True,
        umask=0o022,
        env={**os.environ, "XDG_STATE_HOME": str(state)},
        timeout=60,
    )
    assert done.returncode == 1
    assert secret not in done.stdout + done.stderr
    assert "Traceback" not in done.stderr and done.stderr.count("\n") == 1
    log = state / "careertui" / "crash.log"
    assert str(log) in done.stderr
    assert "Traceback" in log.read_text() and secret in log.read_text()
    assert stat.S_IMODE(log.stat().st_mode) == 0o600
    assert stat.S_IMODE(log.parent.stat().st_mode) == 0o700


def test_refused_input_does_not_create_the_file(tmp_path: Path) -> None:
    for args in (
        ["add", "note", "x", "--date", "junk"],
        ["add", "win", "x", "--date", "junk"],
        ["add", "interaction", "Nobody", "x"],
        ["check", "Nothing"],
        ["set", "review-date", "someday"],
    ):
        here = tmp_path / args[1]
        here.mkdir()
        for db in (here / "careertui.db", here / "new" / "careertui.db"):
            assert_refused(careertui(args, db))
            assert list(here.iterdir()) == [], args  # no file, no draft, no folder
    done = careertui(["add", "note", "the first"], tmp_path / "note" / "new" / "careertui.db")
    assert done.code == 0, done.err
    assert [p.name for p in (tmp_path / "note" / "new").iterdir()] == ["careertui.db"]
