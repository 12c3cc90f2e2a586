"""The CLI of docs/CLI.md: every capture command, through click and through the installed command."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from careertui.cli import cli
from careertui.store import Store

CAREERTUI = Path(sys.executable).parent / "careertui"


def run(db: Path, *args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, [*args, "--db", str(db)])
    return result.exit_code, result.stdout, result.stderr


def test_every_capture_command_of_the_spec(db_path: Path) -> None:
    commands = [
        ["add", "responsibility", "Stakeholder reporting"],
        ["add", "requirement", "System design", "--status", "partial"],
        [
            "add",
            "win",
            "Shipped the Q3 report",
            "--date",
            "yesterday",
            "--impact",
            "cut close 30%",
            "--resp",
            "stakeholder REPORTING",
            "--tag",
            "launch",
            "--tag",
            "#finance",
        ],
        ["add", "note", "Prep for 1:1", "--date", "fri", "--tag", "promo"],
        [
            "add",
            "contact",
            "Dana Lee",
            "--org",
            "Acme",
            "--role",
            "VP",
            "--circle",
            "leadership",
            "--influence",
            "decision-maker",
            "--every",
            "30",
        ],
        [
            "add",
            "interaction",
            "dana lee",
            "Coffee about the platform",
            "--date",
            "-2d",
            "--channel",
            "coffee",
            "--follow-up",
            "friday",
        ],
        ["add", "goal", "Staff engineer", "--due", "+6m", "--metric", "promotion", "--target", "1"],
        ["add", "goal", "Lead the RFC", "--parent", "staff engineer", "--due", "+2w"],
        ["add", "goal", "Conference talk", "--kind", "opportunity"],
        ["add", "action", "Write 30 minutes", "--cadence", "weekly:3", "--goal", "Staff Engineer"],
        [
            "add",
            "perception",
            "--behaviour",
            "4",
            "--language",
            "3",
            "--attitude",
            "5",
            "--notes",
            "felt heard",
        ],
        [
            "add",
            "security",
            "--skills",
            "4",
            "--performance",
            "4",
            "--network",
            "2",
            "--job-search",
            "3",
            "--finances",
            "5",
        ],
        ["check", "write 30 MINUTES"],
        ["check", "write 30 minutes", "--date", "yesterday", "--skip"],
        ["set", "review-date", "2027-03-01"],
        ["set", "review-start", "Mar 1"],
    ]
    for args in commands:
        code, out, err = run(db_path, *args)
        assert (code, err) == (0, ""), (args, out, err)

    with Store(db_path) as store:
        win = store.rows("win")[0]
        assert (win["date"], win["tags"], win["impact"]) == (
            "2026-11-22",
            "launch finance",
            "cut close 30%",
        )
        assert (
            win["responsibility_id"] == store.find("responsibility", "Stakeholder reporting")["id"]
        )
        assert store.rows("note")[0]["date"] == "2026-11-20"
        interaction = store.rows("interaction")[0]
        assert (interaction["date"], interaction["follow_up"], interaction["channel"]) == (
            "2026-11-21",
            "2026-11-27",
            "coffee",
        )
        milestone = store.find("goal", "Lead the RFC")
        assert (milestone["kind"], milestone["due"]) == ("milestone", "2026-12-07")
        assert milestone["parent_id"] == store.find("goal", "Staff engineer")["id"]
        assert store.find("goal", "Staff engineer")["due"] == "2027-05-23"
        assert store.find("action", "write 30 minutes")["cadence"] == "weekly:3"
        checkins = sorted((c["date"], c["skip"]) for c in store.rows("checkin"))
        assert checkins == [("2026-11-22", 1), ("2026-11-23", 0)]
        profile = store.profile()
        assert (profile["review_start"], profile["review_date"]) == ("2026-03-01", "2027-03-01")
        assert store.rows("security")[0]["network"] == 2


def test_add_echoes_the_parsed_date(db_path: Path) -> None:
    code, out, _ = run(db_path, "add", "note", "thinking", "--date", "-3d")
    assert code == 0
    assert "2026-11-20" in out


@pytest.mark.parametrize(
    ("args", "names"),
    [
        (["add", "win", "x", "--date", "2026-02-30"], "2026-02-30"),
        (["add", "win", "x", "--date", "someday"], "someday"),
        (["add", "note", "x", "--date", "met Bob on 5th about 10 reports"], "met Bob"),
        (["add", "interaction", "Nobody Here", "hi"], "Nobody Here"),
        (["add", "win", "x", "--resp", "No such line"], "No such line"),
        (["add", "action", "x", "--cadence", "hourly"], "hourly"),
        (["add", "perception", "--behaviour", "7", "--language", "3", "--attitude", "3"], "7"),
        (["add", "contact", "x", "--knows-me", "5"], "5"),
        (["check", "Unknown action"], "Unknown action"),
        (["add", "goal", "m", "--kind", "milestone"], "--parent"),
        (["set", "review-date", "whenever"], "whenever"),
    ],
)
def test_bad_input_is_one_line_exit_1_and_writes_nothing(
    db_path: Path, args: list[str], names: str
) -> None:
    run(db_path, "add", "note", "keep me")
    code, out, err = run(db_path, *args)
    assert code == 1, (out, err)
    assert err.count("\n") == 1 and names in err
    assert "Traceback" not in err + out
    with Store(db_path) as store:
        assert [
            store.count(k)
            for k in (
                "win",
                "note",
                "interaction",
                "action",
                "perception",
                "contact",
                "checkin",
                "goal",
            )
        ] == [0, 1, 0, 0, 0, 0, 0, 0]
        assert store.profile()["review_date"] is None


@pytest.mark.parametrize(
    "args",
    [
        ["add", "contact", "x", "--influence", "boss"],
        ["add", "contact", "x", "--every", "often"],
        ["add", "interaction", "x", "y", "--channel", "pigeon"],
        ["add", "perception", "--behaviour", "four", "--language", "3", "--attitude", "3"],
        ["frobnicate"],
    ],
)
def test_usage_errors_exit_2(db_path: Path, args: list[str]) -> None:
    code, _, err = run(db_path, *args)
    assert code == 2
    assert err.startswith("careertui: ") and err.count("\n") == 1, err
    assert "--help)" in err
    assert not db_path.exists()


def test_ambiguous_names_are_an_error(db_path: Path) -> None:
    """Every way in refuses a second name, but a file written before that rule may hold two."""
    import sqlite3

    run(db_path, "add", "note", "make the file")
    conn = sqlite3.connect(db_path)
    with conn:
        for table, column in (("contacts", "name"), ("responsibilities", "title")):
            for n, name in enumerate(("Sam Park", "sam park")):
                conn.execute(
                    f"INSERT INTO {table} (uuid, created_at, updated_at, {column}) "
                    "VALUES (?, '2026-11-01', '2026-11-01', ?)",
                    (f"00000000-0000-4000-8000-{table[:4].encode().hex()}{n:04d}", name),
                )
    conn.close()
    code, _, err = run(db_path, "add", "interaction", "SAM PARK", "hello")
    assert (
        code == 1 and "2 contacts match 'SAM PARK': Sam Park (#1), sam park (#2); rename one" in err
    )
    code, _, err = run(db_path, "add", "win", "x", "--resp", "sam park")
    assert code == 1 and "2 responsibilities match" in err


def test_search_json_newest_first(db_path: Path) -> None:
    run(db_path, "add", "note", "roadmap review", "--date", "2026-10-01")
    run(db_path, "add", "win", "Roadmap shipped", "--date", "2026-11-01", "--impact", "3 teams")
    code, out, _ = run(db_path, "search", "roadmap", "--json")
    hits = json.loads(out)
    assert code == 0
    assert [(h["kind"], h["date"]) for h in hits] == [("win", "2026-11-01"), ("note", "2026-10-01")]


def test_db_option_before_the_command_and_env_var(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first, second = tmp_path / "a.db", tmp_path / "b.db"
    assert CliRunner().invoke(cli, ["--db", str(first), "add", "note", "one"]).exit_code == 0
    monkeypatch.setenv("CAREERTUI_DB", str(second))
    assert CliRunner().invoke(cli, ["add", "note", "two"]).exit_code == 0
    with Store(first) as a, Store(second) as b:
        assert [r["text"] for r in a.rows("note")] == ["one"]
        assert [r["text"] for r in b.rows("note")] == ["two"]


def _real(
    db: Path, *args: str, env_extra: dict[str, str] | None = None
) -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "CAREERTUI_TODAY": "2026-11-23", **(env_extra or {})}
    return subprocess.run(
        [str(CAREERTUI), *args, "--db", str(db)],
        capture_output=True,
        env=env,
        timeout=60,
        check=False,
    )


def test_installed_command_error_paths(db_path: Path, tmp_path: Path) -> None:
    assert _real(db_path, "add", "note", "first").returncode == 0
    bad = _real(db_path, "add", "win", "x", "--date", "2026-02-30")
    assert bad.returncode == 1
    assert bad.stderr.decode().strip() == "careertui: Date: invalid date '2026-02-30': no such day"
    usage = _real(db_path, "add", "contact", "x", "--influence", "boss")
    assert usage.returncode == 2 and b"Traceback" not in usage.stderr
    notdb = tmp_path / "notes.txt"
    notdb.write_text("just text\n" * 20)
    refused = _real(notdb, "add", "note", "x")
    assert refused.returncode == 1 and b"not a SQLite database" in refused.stderr
    assert notdb.read_text() == "just text\n" * 20
    clock = _real(db_path, "add", "note", "x", env_extra={"CAREERTUI_TODAY": "soon"})
    assert clock.returncode == 1 and b"CAREERTUI_TODAY" in clock.stderr


def test_installed_command_cleans_shell_text(db_path: Path) -> None:
    invalid_utf8 = b"caf\xe9 notes"
    done = subprocess.run(
        [str(CAREERTUI), "add", "note", invalid_utf8, "--db", str(db_path)],
        capture_output=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert _real(db_path, "add", "note", "x").returncode == 0
    with Store(db_path) as store:
        texts = sorted(r["text"] for r in store.rows("note"))
    assert texts == ["caf\ufffd notes", "x"]


def test_backup_command(db_path: Path, tmp_path: Path) -> None:
    run(db_path, "add", "note", "precious")
    code, out, _ = run(db_path, "backup", str(tmp_path / "copy.db"))
    assert code == 0 and "copy.db" in out
    with Store(tmp_path / "copy.db") as copy:
        assert copy.rows("note")[0]["text"] == "precious"


@pytest.mark.parametrize(
    ("first", "again", "message"),
    [
        (["add", "contact", "Dana Lee"], ["add", "contact", " dana LEE"], "a contact named"),
        (
            ["add", "action", "Write", "--cadence", "daily"],
            ["add", "action", "write", "--cadence", "weekly"],
            "an action named",
        ),
        (["add", "responsibility", "Ops"], ["add", "responsibility", "OPS"], "a responsibility"),
        (["add", "goal", "Staff"], ["add", "goal", "staff", "--kind", "opportunity"], "a goal"),
    ],
)
def test_a_name_that_finds_records_cannot_be_taken_twice(
    db_path: Path, first: list[str], again: list[str], message: str
) -> None:
    assert run(db_path, *first)[0] == 0
    code, _, err = run(db_path, *again)
    assert code == 1 and message in err and "exists already (#1:" in err
    assert err.count("\n") == 1


def test_milestones_of_different_goals_may_share_a_name(db_path: Path) -> None:
    for args in (
        ["add", "goal", "A"],
        ["add", "goal", "B"],
        ["add", "goal", "Q1 review", "--parent", "A"],
        ["add", "goal", "Q1 review", "--parent", "B"],
    ):
        assert run(db_path, *args)[0] == 0, args


def test_an_interaction_is_echoed_with_the_contact_as_stored(db_path: Path) -> None:
    run(db_path, "add", "contact", "Dana Lee")
    code, out, _ = run(db_path, "add", "interaction", "dANA lee", "coffee", "--date", "2026-11-20")
    assert code == 0
    assert out == "Added interaction #1: Dana Lee: coffee on 2026-11-20\n"
