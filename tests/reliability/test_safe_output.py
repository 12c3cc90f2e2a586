"""Class 3: every output is safe to print. JSON escapes controls, bidi and invisible format
characters as \\uXXXX (and still reads back as the stored text); plain output replaces them.
One table (careertui.domain.text.UNSAFE_CODES) serves every path."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from careertui.cli import cli
from careertui.domain.text import UNSAFE_CODES, json_safe_dumps, one_line, printable

HOSTILE = (
    "\x1b[31m\x07\r\x08\x7f\x85\x9b\u00ad\u061c\u180e\u200b\u200e\u200f\u2028\u2029"
    "\u202a\u202b\u202c\u202d\u202e\u2060\u2066\u2067\u2068\u2069\u206a\ufeff\ufff9\U000e0041"
)
WORD = "zebrafish"
TEXT = f"{WORD} a{HOSTILE}b"
ENV = {"CAREERTUI_TODAY": "2026-12-03"}


def _unsafe_in(text: str, allowed: str = "\n") -> list[str]:
    return sorted({f"U+{ord(c):04X}" for c in text if ord(c) in UNSAFE_CODES and c not in allowed})


def _strings(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    items = value.values() if isinstance(value, dict) else value if isinstance(value, list) else []
    return [text for item in items for text in _strings(item)]


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "j.db"
    for args in (
        ["add", "note", TEXT, "--tag", f"t{HOSTILE}"],
        ["add", "contact", f"{WORD} Dana{HOSTILE}", "--org", TEXT],
        ["add", "action", f"{WORD} walk{HOSTILE}", "--cadence", "daily"],
        ["add", "win", f"{WORD} shipped{HOSTILE}", "--impact", TEXT],
    ):
        result = CliRunner().invoke(cli, [*args, "--db", str(path)], env=ENV)
        assert result.exit_code == 0, result.output
    return path


def _run(db: Path, *args: str) -> str:
    result = CliRunner().invoke(cli, [*args, "--db", str(db)], env=ENV)
    assert result.exit_code == 0, result.output
    return result.stdout_bytes.decode("utf-8")


@pytest.mark.parametrize(
    "args", [("search", WORD, "--json"), ("stats", "--json"), ("export",), ("export", "--out", "-")]
)
def test_json_outputs_escape_every_unsafe_character(db: Path, args: tuple[str, ...]) -> None:
    out = _run(db, *args)
    assert _unsafe_in(out) == []
    assert args[0] == "stats" or any(HOSTILE in text for text in _strings(json.loads(out)))


def test_json_reads_back_as_the_stored_text(db: Path) -> None:
    data = json.loads(_run(db, "export"))
    assert data["notes"][0]["text"] == TEXT
    assert data["contacts"][0]["org"] == TEXT


@pytest.mark.parametrize(
    "args",
    [("search", WORD), ("stats",), ("export", "--format", "markdown"), ("add", "note", TEXT)],
)
def test_plain_outputs_replace_every_unsafe_character(db: Path, args: tuple[str, ...]) -> None:
    out = _run(db, *args)
    assert _unsafe_in(out, "\n\t") == []


@pytest.mark.parametrize("code", sorted(UNSAFE_CODES))
def test_the_one_table_is_used_by_each_helper(code: int) -> None:
    char = chr(code)
    assert _unsafe_in(json_safe_dumps({"k": char, char: [char]}, indent=2)) == []
    assert json.loads(json_safe_dumps(char)) == char
    assert _unsafe_in(one_line(f"a{char}b"), "") == []
    assert _unsafe_in(printable(f"a{char}b"), "\n\t") == []


def test_the_calendar_replaces_them_too(db: Path) -> None:
    """CRLF ends its lines (RFC 5545); nothing else of the table gets through."""
    result = CliRunner().invoke(
        cli, ["add", "interaction", WORD, "met", "--follow-up", "2026-12-10", "--db", str(db)]
    )
    assert result.exit_code == 0, result.output
    out = _run(db, "export", "--format", "ics")
    assert "SUMMARY:" in out and _unsafe_in(out, "\n\r") == []
