"""list, show, edit and delete: what `add` wrote, read, changed and removed from the shell."""

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from careertui.cli import cli


def run(db: Path, *args: str, stdin: str | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, [*args, "--db", str(db)], input=stdin)
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def journal(db_path: Path) -> Path:
    for args in (
        ["add", "contact", "Dana Lee", "--org", "Acme"],
        ["add", "contact", "Dana Park"],
        ["add", "responsibility", "Stakeholder reporting"],
        ["add", "win", "Shipped the report", "--date", "2026-11-20", "--resp", "stake"],
        ["add", "win", "Led the offsite", "--date", "2026-11-22", "--impact", "40 people"],
        ["add", "note", "first line\nsecond line", "--date", "2026-11-01"],
        ["add", "interaction", "dana l", "coffee about the roadmap\nmore", "--date", "2026-11-21"],
        ["add", "action", "Write 30 minutes", "--cadence", "daily"],
        ["check", "write"],
    ):
        code, _, err = run(db_path, *args)
        assert code == 0, (args, err)
    return db_path


def test_list_newest_first_one_a_line_with_its_id(journal: Path) -> None:
    assert run(journal, "list", "wins")[1] == (
        "#2      2026-11-22  Led the offsite\n#1      2026-11-20  Shipped the report\n"
    )
    assert (
        run(journal, "list", "interactions")[1]
        == "#1      2026-11-21  Dana Lee: coffee about the roadmap\n"
    )
    assert run(journal, "list", "notes")[1] == "#1      2026-11-01  first line\n"
    assert run(journal, "list", "checks")[1] == "#1      2026-11-23  Write 30 minutes\n"
    assert run(journal, "list", "contacts", "--limit", "1")[1] == "#2      Dana Park\n"
    assert (
        run(journal, "list", "wins", "--since", "Nov 21")[1]
        == "#2      2026-11-22  Led the offsite\n"
    )
    assert run(journal, "list", "reviews")[1] == "No weekly reviews yet.\n"


def test_list_json(journal: Path) -> None:
    wins = json.loads(run(journal, "list", "win", "--json")[1])
    assert [(w["id"], w["title"], w["impact"]) for w in wins] == [
        (2, "Led the offsite", "40 people"),
        (1, "Shipped the report", ""),
    ]


def test_list_refuses_an_unknown_kind(journal: Path) -> None:
    code, _, err = run(journal, "list", "cats")
    assert code == 2 and "'cats' is not one of" in err


def test_show_by_id_or_name(journal: Path) -> None:
    code, out, _ = run(journal, "show", "win", "1")
    assert code == 0
    assert out.splitlines()[:4] == [
        "Win #1",
        "  Date: 2026-11-20",
        "  Title: Shipped the report",
        "  Responsibility: Stakeholder reporting (#1)",
    ]
    assert run(journal, "show", "contacts", "lee")[1].startswith("Contact #1\n  Name: Dana Lee\n")
    data = json.loads(run(journal, "show", "contact", "#2", "--json")[1])
    assert data["name"] == "Dana Park" and data["id"] == 2


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["show", "contact", "dana"], "2 contacts match 'dana': Dana Lee (#1), Dana Park (#2)"),
        (["show", "contact", "Dnaa Lee"], "no contact named 'Dnaa Lee'; did you mean 'Dana Lee'?"),
        (["show", "win", "99"], "no win with id 99"),
    ],
)
def test_show_refuses_naming_why(journal: Path, args: list[str], message: str) -> None:
    code, out, err = run(journal, *args)
    assert code == 1 and out == "" and message in err


def test_edit_checks_like_add_and_keeps_the_other_fields(journal: Path) -> None:
    code, out, _ = run(
        journal, "edit", "win", "1", "--title", "Shipped the Q3 report", "--date", "Nov 21"
    )
    assert code == 0 and out == "Changed win #1: Shipped the Q3 report\n"
    win = json.loads(run(journal, "show", "win", "1", "--json")[1])
    assert (win["title"], win["date"], win["responsibility_id"]) == (
        "Shipped the Q3 report",
        "2026-11-21",
        1,
    )
    assert run(journal, "edit", "wins", "1", "--resp", "")[0] == 0
    assert json.loads(run(journal, "show", "win", "1", "--json")[1])["responsibility_id"] is None
    code, _, err = run(journal, "edit", "win", "1", "--date", "tomorrow")
    assert code == 1 and "2026-11-24 is after today" in err
    code, _, err = run(journal, "edit", "contact", "dana p", "--knows-me", "5")
    assert code == 1 and "not between 0 and 3" in err
    code, _, err = run(journal, "edit", "contact", "dana p", "--name", "dana lee")
    assert code == 1 and "a contact named 'dana lee' exists already" in err
    assert run(journal, "edit", "contact", "dana l", "--name", "DANA LEE")[0] == 0  # its own name
    code, _, err = run(
        journal, "edit", "interaction", "1", "--contact", "park", "--follow-up", "fri"
    )
    assert code == 0, err
    moved = json.loads(run(journal, "show", "interaction", "1", "--json")[1])
    assert (moved["contact_id"], moved["follow_up"]) == (2, "2026-11-27")
    code, _, err = run(journal, "edit", "note", "1")
    assert code == 1 and "nothing to change" in err


def test_delete_asks_on_a_terminal_and_needs_yes_otherwise(
    journal: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    code, _, err = run(journal, "delete", "note", "1")  # CliRunner's stdin is not a terminal
    assert code == 1 and "not deleted: note #1: first line; stdin is not a terminal" in err
    assert run(journal, "list", "notes")[1] == "#1      2026-11-01  first line\n"
    monkeypatch.setattr("careertui.cli.capture.interactive", lambda: True)
    code, out, _ = run(journal, "delete", "win", "led", stdin="n\n")
    assert code == 1 and "Delete win #2: Led the offsite?" in out
    code, out, _ = run(journal, "delete", "win", "led", "--yes")
    assert code == 0 and out == "Deleted win #2: Led the offsite\n"
    assert run(journal, "list", "wins")[1] == "#1      2026-11-20  Shipped the report\n"


def test_names_complete_from_the_journal(journal: Path) -> None:
    from click.shell_completion import ShellComplete

    def complete(args: list[str], incomplete: str) -> list[str]:
        shell = ShellComplete(cli, {}, "careertui", "_CAREERTUI_COMPLETE")
        return [
            item.value for item in shell.get_completions(["--db", str(journal), *args], incomplete)
        ]

    assert complete(["show", "contact"], "da") == ["Dana Lee", "Dana Park"]
    assert complete(["show", "contact"], "lee") == ["Dana Lee"]
    assert complete(["edit", "action"], "wr") == ["Write 30 minutes"]
    assert complete(["add", "interaction"], "pa") == ["Dana Park"]
    assert complete(["check"], "") == ["Write 30 minutes"]
    assert complete(["show", "contact", "--db", "/nonexistent/x.db"], "") == []


def test_a_milestone_is_shown_edited_deleted_and_completed_by_its_name(journal: Path) -> None:
    from click.shell_completion import ShellComplete

    assert run(journal, "add", "goal", "Promotion")[0] == 0
    assert run(journal, "add", "goal", "Design doc", "--parent", "promo", "--due", "Jan 5")[0] == 0
    code, out, err = run(journal, "show", "goal", "design")
    assert code == 0 and "Title: Design doc" in out and "Kind: milestone" in out, err
    code, out, _ = run(journal, "edit", "goal", "design doc", "--due", "Feb 1")
    assert code == 0 and out == "Changed goal #2: Design doc\n"
    assert "Due: 2027-02-01" in run(journal, "show", "goal", "2")[1]
    shell = ShellComplete(cli, {}, "careertui", "_CAREERTUI_COMPLETE")
    got = shell.get_completions(["--db", str(journal), "edit", "goal"], "des")
    assert [item.value for item in got] == ["Design doc"]
    # a milestone is still no goal a link names: a milestone's parent is a goal
    code, _, err = run(journal, "add", "goal", "Slides", "--parent", "design")
    assert code == 1 and "no goal named 'design'" in err
    assert run(journal, "delete", "goal", "design", "--yes")[1] == "Deleted goal #2: Design doc\n"


def test_since_names_itself_when_refused(journal: Path) -> None:
    code, _, err = run(journal, "list", "notes", "--since", "tomorrow")
    assert code == 1 and err.startswith("careertui: --since: ") and "after today" in err


def test_delete_says_what_goes_with_the_record(
    journal: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert run(journal, "agenda", "dana l", "Ask about the offsite")[0] == 0
    assert run(journal, "add", "note", "Lunch with @Dana Lee")[0] == 0  # a mention: a link only
    monkeypatch.setattr("careertui.cli.capture.interactive", lambda: True)
    code, out, _ = run(journal, "delete", "contact", "dana l", stdin="n\n")
    assert code == 1
    assert "Delete contact #1: Dana Lee (and its 1 interaction, 1 agenda item)?" in out
    code, out, _ = run(journal, "delete", "action", "write", "--yes")
    assert out == "Deleted action #1: Write 30 minutes (and its 1 check-in)\n"
    assert run(journal, "add", "goal", "Promotion")[0] == 0
    for title in ("Design doc", "Talk"):
        assert run(journal, "add", "goal", title, "--parent", "promo")[0] == 0
    code, out, _ = run(journal, "delete", "goal", "promotion", "--yes")
    assert out == "Deleted goal #1: Promotion (and its 2 milestones)\n"
    assert run(journal, "list", "goals")[1] == "No goals yet.\n"


def test_edit_takes_tags_as_add_does(journal: Path) -> None:
    code, _, err = run(journal, "edit", "win", "led", "--tag", "launch", "--tag", "promo")
    assert code == 0, err
    assert "Tags: launch promo" in run(journal, "show", "win", "led")[1]
    assert run(journal, "edit", "win", "led", "--impact", "50 people")[0] == 0  # tags kept
    assert "Tags: launch promo" in run(journal, "show", "win", "led")[1]
    assert run(journal, "edit", "note", "1", "--tags", "a, b")[0] == 0
    assert "Tags: a b" in run(journal, "show", "note", "1")[1]
