"""`careertui export`, `careertui import` and `careertui demo` from the command line."""

from __future__ import annotations

import hashlib
import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from careertui.cli import cli

FIXTURES = Path(__file__).parent.parent / "fixtures"


def run(*args: str | Path, stdin: str | bytes | None = None) -> Result:
    return CliRunner().invoke(cli, [str(a) for a in args], input=stdin, catch_exceptions=False)


def ok(*args: str | Path, stdin: str | bytes | None = None) -> str:
    result = run(*args, stdin=stdin)
    assert result.exit_code == 0, result.output
    return result.stdout


def refused(*args: str | Path, stdin: str | bytes | None = None) -> str:
    """The one line on stderr of a command that exits 1."""
    result = run(*args, stdin=stdin)
    assert result.exit_code == 1, result.output
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
    return result.stderr.rstrip("\n")


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def filled(db_path: Path) -> Path:
    ok("add", "responsibility", "Stakeholder reporting", "--db", db_path)
    ok(
        "add",
        "win",
        "Shipped the report",
        "--resp",
        "stakeholder reporting",
        "--impact",
        "3 teams use it",
        "--date",
        "2026-11-20",
        "--tag",
        "reporting",
        "--db",
        db_path,
    )
    ok("add", "contact", "Dana Lee", "--influence", "decision-maker", "--db", db_path)
    ok("add", "interaction", "Dana Lee", "Talked roadmap", "--date", "2026-11-02", "--db", db_path)
    ok("add", "goal", "Staff promotion", "--db", db_path)
    ok("add", "goal", "Write the proposal", "--parent", "Staff promotion", "--db", db_path)
    ok(
        "add",
        "action",
        "Write notes",
        "--cadence",
        "daily",
        "--goal",
        "Staff promotion",
        "--db",
        db_path,
    )
    ok("check", "Write notes", "--date", "yesterday", "--db", db_path)
    ok("set", "review-date", "2026-12-31", "--db", db_path)
    ok(
        "add",
        "perception",
        "--behaviour",
        "4",
        "--language",
        "4",
        "--attitude",
        "4",
        "--db",
        db_path,
    )
    return db_path


def test_export_json_to_stdout(filled: Path) -> None:
    data = json.loads(ok("export", "--format", "json", "--db", filled))
    assert (data["format"], data["version"]) == ("careertui", 1)
    assert [w["title"] for w in data["wins"]] == ["Shipped the report"]
    assert data["wins"][0]["responsibility_uuid"] == data["responsibilities"][0]["uuid"]
    assert ok("export", "--db", filled) == ok("export", "--format", "JSON", "--db", filled)


def test_export_out_creates_a_private_file_and_says_where(filled: Path, tmp_path: Path) -> None:
    out = tmp_path / "export.json"
    old = os.umask(0o022)
    try:
        said = ok("export", "--format", "json", "--out", out, "--db", filled)
        assert said == f"Exported 10 records to {out}\n"
        assert stat.S_IMODE(out.stat().st_mode) == 0o600
        # Writing over an existing, world-readable file (--force) leaves a private one.
        out.write_text("old")
        out.chmod(0o644)
        assert run("export", "--out", out, "--db", filled).exit_code == 1
        assert out.read_text() == "old"
        ok("export", "--out", out, "--force", "--db", filled)
        assert stat.S_IMODE(out.stat().st_mode) == 0o600
    finally:
        os.umask(old)
    assert json.loads(out.read_text(encoding="utf-8"))["wins"][0]["title"] == "Shipped the report"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".export")] == []


def test_round_trip_through_the_cli(filled: Path, tmp_path: Path) -> None:
    out = tmp_path / "export.json"
    copy = tmp_path / "copy" / "careertui.db"
    ok("export", "--out", out, "--db", filled)
    said = ok("import", out, "--db", copy)
    assert said == f"Imported {out} (careertui export): 10 added, 0 updated, 0 unchanged.\n"
    assert ok("export", "--db", copy) == out.read_text(encoding="utf-8")
    assert ok("stats", "--json", "--db", copy) == ok("stats", "--json", "--db", filled)
    said = ok("import", out, "--db", copy)
    assert said == f"Imported {out} (careertui export): 0 added, 0 updated, 10 unchanged.\n"
    assert ok("export", "--db", copy) == out.read_text(encoding="utf-8")


def test_import_jrnl_from_a_file_and_from_stdin(db_path: Path) -> None:
    fixture = FIXTURES / "jrnl_export.json"
    said = ok("import", fixture, "--db", db_path)
    assert said == f"Imported {fixture} (jrnl export): 6 notes added, 0 already there.\n"
    said = ok("import", "-", "--db", db_path, stdin=fixture.read_bytes())
    assert said == "Imported standard input (jrnl export): 0 notes added, 6 already there.\n"
    hits = json.loads(ok("search", "migration", "--json", "--db", db_path))
    assert [(h["kind"], h["date"]) for h in hits] == [("note", "2026-09-14")]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"not json", "bad.json is not valid JSON (Expecting value at line 1, column 1)"),
        (b'{"notes": []}', "bad.json is neither a careertui nor a jrnl JSON export"),
        (
            b'{"format": "careertui", "version": 7}',
            "bad.json was exported by a newer careertui (format version 7; this one reads up to 1); "
            "upgrade careertui to import it",
        ),
        (
            b'{"tags": {}, "entries": [{"date": "2026-01-01", "title": "ok"}, {"date": "x"}]}',
            "bad.json: jrnl entry #2: date 'x' is not a YYYY-MM-DD date",
        ),
    ],
)
def test_import_refuses_with_one_line_and_writes_nothing(
    filled: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, content: bytes, message: str
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("bad.json").write_bytes(content)
    before = ok("export", "--db", filled)
    assert refused("import", "bad.json", "--db", filled) == f"careertui: {message}"
    assert ok("export", "--db", filled) == before
    fresh = tmp_path / "fresh.db"
    refused("import", "bad.json", "--db", fresh)
    if not message.startswith("bad.json: jrnl entry"):
        assert not fresh.exists()  # refused before the file is even created


def test_import_a_missing_file(db_path: Path) -> None:
    assert refused("import", "/nonexistent/x.json", "--db", db_path) == (
        "careertui: cannot read /nonexistent/x.json: No such file or directory"
    )
    assert not db_path.exists()


def test_export_markdown_is_the_review_packet(filled: Path, tmp_path: Path) -> None:
    # The journal's first entry is 2026-11-02: with no review start, the period (as readiness
    # counts it) begins there, not 365 days before the review.
    text = ok("export", "--format", "markdown", "--db", filled)
    assert text.startswith("# Review packet: 2026-11-02 to 2026-12-31\n\n")
    assert "\nReview readiness: " in text and "38 days to the review on 2026-12-31" in text
    assert (
        "### Stakeholder reporting\n\n- 2026-11-20: Shipped the report. "
        "Impact: 3 teams use it. Tags: reporting.\n"
    ) in text
    assert "- Dana Lee (decision-maker): 1 interaction, the latest on 2026-11-02.\n" in text
    assert (
        text.index("## Wins by responsibility")
        < text.index("## Other wins")
        < text.index("## Goals and milestones reached")
        < text.index("## Key relationships built")
        < (text.index("## Readiness gaps left"))
    )
    out = tmp_path / "packet.md"
    said = ok("export", "--format", "markdown", "--out", out, "--db", filled)
    assert said == f"Exported the review packet for 2026-11-02 to 2026-12-31 to {out}\n"
    assert out.read_text(encoding="utf-8") == text
    assert stat.S_IMODE(out.stat().st_mode) == 0o600


def test_export_refuses_to_overwrite_the_database(filled: Path) -> None:
    before = digest(filled)
    for force in ((), ("--force",)):
        assert refused("export", "--out", filled, *force, "--db", filled) == (
            f"careertui: {filled} is a SQLite database; choose another file"
        )
    assert digest(filled) == before


def test_export_of_a_missing_database(tmp_path: Path) -> None:
    missing = tmp_path / "none.db"
    assert refused("export", "--db", missing) == (
        f"careertui: {missing} does not exist yet; add something first"
    )
    assert not missing.exists()


def test_export_format_is_a_choice(filled: Path) -> None:
    result = run("export", "--format", "csv", "--db", filled)
    assert result.exit_code == 2


def test_demo_fills_a_new_file_and_refuses_one_with_data(tmp_path: Path) -> None:
    demo = tmp_path / "demo.db"
    said = ok("demo", "--db", demo)
    assert said == (
        f"Filled {demo} with a year of sample data up to 2026-11-23: 40 wins, 25 contacts, "
        f"120 interactions, 531 check-ins, 48 weekly reviews.\n"
        f"Open it with: careertui --db {demo}\n"
    )
    stats = json.loads(ok("stats", "--json", "--db", demo))
    assert (stats["readiness"]["score"], stats["readiness"]["band"]) == (88, "ready")
    before = digest(demo)
    assert refused("demo", "--db", demo) == (
        f"careertui: {demo} already has data; the demo only fills a new file (try --db demo.db)"
    )
    assert digest(demo) == before


def test_demo_refuses_a_file_with_one_note(db_path: Path) -> None:
    ok("add", "note", "mine", "--db", db_path)
    before = ok("export", "--db", db_path)
    refused("demo", "--db", db_path)
    assert ok("export", "--db", db_path) == before


def test_demo_fills_a_careertui_file_left_empty(db_path: Path) -> None:
    from careertui.store import Store

    ok("add", "note", "temporary", "--db", db_path)
    with Store(db_path) as store:
        store.delete("note", store.rows("note")[0]["id"])
    assert ok("demo", "--db", db_path).startswith(f"Filled {db_path} with a year of sample data")
    assert len(json.loads(ok("export", "--db", db_path))["wins"]) == 40


def test_the_installed_command_pipes_jrnl_into_import(tmp_path: Path) -> None:
    """A real process: `jrnl --export json | careertui import -`."""
    db = tmp_path / "pipe.db"
    command = [sys.executable, "-m", "careertui", "import", "-", "--db", str(db)]
    done = subprocess.run(
        command,
        input=(FIXTURES / "jrnl_export.json").read_bytes(),
        capture_output=True,
        check=False,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.decode() == (
        "Imported standard input (jrnl export): 6 notes added, 0 already there.\n"
    )
    assert done.stderr == b""
