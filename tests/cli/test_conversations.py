"""Preparing a conversation from the CLI: agenda, --discussed, @mentions, told, brief, ics."""

import json
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from careertui.cli import cli
from careertui.store import Store


def run(db: Path, *args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, [*args, "--db", str(db)])
    return result.exit_code, result.stdout, result.stderr


def ok(db: Path, *args: str) -> str:
    code, out, err = run(db, *args)
    assert code == 0, err
    return out


@pytest.fixture
def journal(db_path: Path) -> Path:
    ok(
        db_path,
        "add",
        "contact",
        "Dana Lee",
        "--influence",
        "decision-maker",
        "--every",
        "30",
        "--notes",
        "PRIVATE: going through a divorce",
    )
    ok(db_path, "add", "contact", "Sam Park", "--influence", "sponsor")
    ok(db_path, "add", "contact", "Sam Ortiz")
    ok(db_path, "add", "responsibility", "Stakeholder reporting")
    ok(
        db_path,
        "add",
        "win",
        "Cut p99 latency",
        "--impact",
        "900 ms to 200 ms",
        "--resp",
        "Stakeholder",
        "--date",
        "-10d",
    )
    ok(db_path, "add", "win", "Ran the offsite", "--date", "-5d")
    return db_path


def open_topics(db: Path) -> list[tuple[str, str | None]]:
    with Store(db, write=False) as store:
        rows = store.query("SELECT topic, discussed_on FROM agenda_items ORDER BY id")
    return [(r["topic"], r["discussed_on"]) for r in rows]


def test_agenda_carries_over_until_discussed(journal: Path) -> None:
    for topic in ("Q1 roadmap", "Promotion case", "Headcount"):
        assert "Added to Dana Lee's agenda" in ok(journal, "agenda", "dana", topic)
    listed = ok(journal, "agenda", "Dana")
    assert "1. Q1 roadmap" in listed and "3. Headcount" in listed
    out = ok(
        journal, "add", "interaction", "dana", "1:1", "--discussed", "1", "--discussed", "promo"
    )
    assert "ticked off: Q1 roadmap" in out and "ticked off: Promotion case" in out
    assert "Still on the agenda:\n  1. Headcount" in out
    assert open_topics(journal) == [
        ("Q1 roadmap", "2026-11-23"),
        ("Promotion case", "2026-11-23"),
        ("Headcount", None),
    ]
    history = ok(journal, "agenda", "dana", "--all")
    assert "Discussed:" in history and "Q1 roadmap (added 2026-11-23)" in history


@pytest.mark.parametrize("pick", ["4", "zzz", "0"])
def test_a_bad_discussed_pick_writes_nothing(journal: Path, pick: str) -> None:
    ok(journal, "agenda", "dana", "Headcount")
    code, _, err = run(journal, "add", "interaction", "dana", "1:1", "--discussed", pick)
    assert code == 1 and "1. Headcount" in err
    with Store(journal, write=False) as store:
        assert store.count("interaction") == 0
    assert open_topics(journal) == [("Headcount", None)]


def mentioned(db: Path, contact: str) -> list[tuple[str, int]]:
    with Store(db, write=False) as store:
        cid = store.find("contact", contact)["id"]
        rows = store.query(
            "SELECT note_id, win_id, interaction_id FROM mentions WHERE contact_id = ?", (cid,)
        )
    return sorted(
        (kind, row[f"{kind}_id"])
        for row in rows
        for kind in ("note", "win", "interaction")
        if row[f"{kind}_id"]
    )


def test_mentions_link_entries_and_survive_a_rename(journal: Path, today: date) -> None:
    ok(journal, "add", "note", "Ask @Dana about the reorg")
    ok(journal, "add", "win", "Shipped the dashboard", "--notes", "demoed to @sam park")
    ok(journal, "add", "interaction", "Sam Park", "coffee; @Dana Lee joined")
    assert mentioned(journal, "Dana Lee") == [("interaction", 1), ("note", 1)]
    assert mentioned(journal, "Sam Park") == [("win", 3)]
    with Store(journal) as store:
        store.update("contact", 1, {"name": "Dana Smith"}, today)
        store.update("note", 1, {"text": "Ask @Dana about the reorg, and the budget"}, today)
    assert mentioned(journal, "Dana Smith") == [("interaction", 1), ("note", 1)]
    brief = json.loads(ok(journal, "brief", "Dana Smith", "--json"))
    assert [(m["kind"], m["id"]) for m in brief["mentions"]] == [("note", 1), ("interaction", 1)]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("add", "note", "lunch with @Sam"), "@Sam could be 2 contacts: Sam Ortiz, Sam Park"),
        (("add", "note", "hi @Bob"), "no contact is named @Bob"),
        (("add", "win", "Demo", "--notes", "for @Dnaa"), "did you mean Dana Lee?"),
        (("add", "interaction", "dana", "with @sam"), "could be 2 contacts"),
    ],
)
def test_bad_mentions_are_refused_with_candidates(
    journal: Path, args: tuple[str, ...], message: str
) -> None:
    with Store(journal, write=False) as store:
        before = {kind: store.count(kind) for kind in ("note", "win", "interaction", "mention")}
    code, _, err = run(journal, *args)
    assert code == 1 and message in err
    with Store(journal, write=False) as store:
        assert {kind: store.count(kind) for kind in before} == before


def test_told_records_a_shared_win_and_the_brief_moves_it(journal: Path) -> None:
    brief = json.loads(ok(journal, "brief", "sam park", "--json"))
    assert [w["id"] for w in brief["to_tell"]] == [1, 2]
    assert brief["to_tell"][0]["why"] == ["measured", "Stakeholder reporting"]
    assert "Told Sam Park about win #1" in ok(journal, "told", "sam park", "Cut p99")
    assert "had heard of win #1 already" in ok(journal, "told", "sam park", "1")
    brief = json.loads(ok(journal, "brief", "sam park", "--json"))
    assert [w["id"] for w in brief["to_tell"]] == [2]
    assert [(w["id"], w["told_on"]) for w in brief["shared"]] == [(1, "2026-11-23")]
    code, _, err = run(journal, "told", "sam park", "zzz")
    assert code == 1 and "no win matches 'zzz'" in err


def test_brief_in_the_order_of_a_conversation(journal: Path) -> None:
    ok(
        journal,
        "add",
        "interaction",
        "dana",
        "talked budgets",
        "--date",
        "-40d",
        "--learned",
        "Q1 is tight",
        "--gave",
        "an intro",
        "--follow-up",
        "+3d",
    )
    ok(journal, "agenda", "dana", "Promotion case")
    text = ok(journal, "brief", "dana")
    order = [
        "Dana Lee",
        "last seen 2026-10-14 (40 days ago); stay in touch every 30 days, 0.3× the cadence overdue",
        "Last interactions",
        "learned: Q1 is tight",
        "Open follow-ups",
        "Agenda",
        "1. Promotion case",
        "Wins they have heard of",
        "Wins they have not heard of",
        "#1 2026-11-13  Cut p99 latency",
        "Mentioned in",
    ]
    positions = [text.index(part) for part in order]
    assert positions == sorted(positions)
    data = json.loads(ok(journal, "brief", "dana", "--json"))
    assert list(data) == [
        "today",
        "contact",
        "last_seen",
        "days_since",
        "every",
        "overdue",
        "interactions",
        "follow_ups",
        "agenda",
        "shared",
        "to_tell",
        "mentions",
    ]
    assert data["overdue"] == 0.33 and data["follow_ups"][0]["due"] == "2026-11-26"


def test_ics_export_parses_back_with_stable_uids_and_no_notes(
    journal: Path, tmp_path: Path
) -> None:
    from icalendar import Calendar

    ok(journal, "set", "review-date", "2027-03-01")
    ok(journal, "add", "goal", "Staff engineer", "--due", "2027-06-30")
    ok(journal, "add", "goal", "Design doc", "--parent", "Staff", "--due", "+2w")
    ok(
        journal,
        "add",
        "interaction",
        "dana",
        "PRIVATE talk",
        "--follow-up",
        "+1w",
        "--channel",
        "lunch",
    )
    out = tmp_path / "career.ics"
    assert "Exported a calendar of" in ok(journal, "export", "--format", "ics", "--out", str(out))
    raw = out.read_bytes()
    assert b"\r\n" in raw and b"PRIVATE" not in raw
    events = {str(e["summary"]): e for e in Calendar.from_ical(raw).walk("VEVENT")}
    assert set(events) == {
        "Follow up with Dana Lee",
        "Get in touch with Dana Lee",
        "Milestone due: Design doc",
        "Goal due: Staff engineer",
        "Performance review",
        "Employment security check",
        "Weekly review",
    }
    assert events["Follow up with Dana Lee"].decoded("dtstart").isoformat() == "2026-11-30"
    assert events["Milestone due: Design doc"].decoded("dtstart").isoformat() == "2026-12-07"
    assert events["Performance review"].decoded("dtstart").isoformat() == "2027-03-01"
    weekly = events["Weekly review"]
    assert weekly["rrule"]["FREQ"] == ["WEEKLY"] and weekly["rrule"]["BYDAY"] == ["FR"]
    with Store(journal, write=False) as store:
        goal_uuid = store.find("goal", "Staff engineer")["uuid"]
    assert str(events["Goal due: Staff engineer"]["uid"]) == f"{goal_uuid}-due@careertui"
    again = Calendar.from_ical(ok(journal, "export", "--format", "ics").encode())
    assert sorted(str(e["uid"]) for e in again.walk("VEVENT")) == sorted(
        str(e["uid"]) for e in events.values()
    )


def test_brief_agenda_and_told_complete_names(journal: Path) -> None:
    from click.shell_completion import ShellComplete

    def complete(args: list[str], incomplete: str) -> list[str]:
        shell = ShellComplete(cli, {}, "careertui", "_CAREERTUI_COMPLETE")
        got = shell.get_completions(["--db", str(journal), *args], incomplete)
        return [item.value for item in got]

    assert complete(["brief"], "da") == ["Dana Lee"]
    assert complete(["agenda"], "sam") == ["Sam Park", "Sam Ortiz"]
    assert complete(["told"], "ortiz") == ["Sam Ortiz"]
    assert complete(["told", "dana"], "cut") == ["Cut p99 latency"]
    assert complete(["packet", "week", "--with"], "da") == ["Dana Lee"]
    ok(journal, "add", "goal", "Staff offer at Acme", "--kind", "opportunity")
    assert complete(["weigh"], "staff o") == ["Staff offer at Acme"]
    assert complete(["decide"], "staff o") == ["Staff offer at Acme"]


def test_an_ics_follow_up_says_what_the_conversation_was(journal: Path) -> None:
    from icalendar import Calendar

    ok(journal, "add", "interaction", "dana", "talk", "--follow-up", "+1w", "--date", "-1d")
    ok(journal, "add", "interaction", "sam p", "talk", "--follow-up", "+2w", "--channel", "call")
    raw = ok(journal, "export", "--format", "ics").encode()
    said = sorted(
        str(e["description"])
        for e in Calendar.from_ical(raw).walk("VEVENT")
        if str(e["summary"]).startswith("Follow up")
    )
    assert said == ["After the call of 2026-11-23.", "After the conversation of 2026-11-22."]


def test_a_brief_whose_agenda_was_all_discussed_says_nothing_is_open(journal: Path) -> None:
    ok(journal, "agenda", "dana", "Ask about the reorg")
    ok(journal, "add", "interaction", "dana", "1:1", "--discussed", "1")
    brief = ok(journal, "brief", "dana")
    assert "nothing open: careertui agenda NAME TOPIC adds one" in brief
    assert "nothing yet" not in brief.split("Agenda")[1].split("\n\n")[0]
