"""The careertui JSON export and import, the jrnl import, and the review packet's data."""

from __future__ import annotations

import copy
import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from careertui.store import Store
from careertui.store.export import (
    FORMAT_VERSION,
    ExchangeError,
    dump_json,
    export_data,
    export_text,
    record_count,
)
from careertui.store.importer import detect_format, import_data, load_json
from careertui.store.jrnl import jrnl_uuid
from careertui.store.packet_data import packet_data
from careertui.store.stats import compute_stats

FIXTURES = Path(__file__).parent.parent / "fixtures"
TABLES = (
    "goals",
    "actions",
    "checkins",
    "requirements",
    "responsibilities",
    "wins",
    "contacts",
    "interactions",
    "perceptions",
    "security_checks",
    "notes",
    "reviews",
    "win_requirements",
    "agenda_items",
    "mentions",
    "told",
    "assessments",
    "decisions",
    "score_weights",
)


def fill(store: Store, today: date) -> dict[str, int]:
    """One record or more of every kind, with every kind of link; returns their ids."""
    ids: dict[str, int] = {}
    store.set_profile(
        {
            "current_role": "Senior Engineer",
            "target_role": "Staff Engineer",
            "review_start": "2026-01-01",
            "review_date": "2026-12-31",
        },
        today,
    )
    # The milestone is written before its goal exists under that id: the import must not
    # depend on a goal preceding its milestones.
    ids["goal"] = store.insert("goal", {"title": "Staff promotion", "target": 8.5}, today)
    ids["milestone"] = store.insert(
        "goal",
        {
            "title": "Write the proposal",
            "kind": "milestone",
            "parent_id": ids["goal"],
            "status": "done",
            "due": "2026-03-01",
        },
        today,
    )
    ids["other_goal"] = store.insert("goal", {"title": "Visibility", "kind": "opportunity"}, today)
    store.update("goal", ids["milestone"], {"parent_id": ids["other_goal"]}, today)
    ids["action"] = store.insert(
        "action", {"title": "Write notes", "cadence": "daily", "goal_id": ids["goal"]}, today
    )
    store.check_in(ids["action"], "2026-11-22", today)
    store.check_in(ids["action"], "2026-11-21", today, skip=True, note="away")
    ids["requirement"] = store.insert(
        "requirement", {"title": "Sets direction", "status": "partial"}, today
    )
    ids["resp"] = store.insert("responsibility", {"title": "Stakeholder reporting"}, today)
    store.insert("responsibility", {"title": "Hiring", "active": 0}, today)
    ids["win"] = store.insert(
        "win",
        {
            "date": "2026-11-20",
            "title": "Shipped the report",
            "impact": "3 teams use it",
            "responsibility_id": ids["resp"],
            "goal_id": ids["goal"],
            "tags": "reporting visibility",
            "shared_with": "Dana",
        },
        today,
    )
    store.insert("win", {"date": "2026-10-02", "title": "Fixed the build"}, today)
    store.insert(
        "win_requirement", {"win_id": ids["win"], "requirement_id": ids["requirement"]}, today
    )
    ids["contact"] = store.insert(
        "contact", {"name": "Dana Lee", "influence": "decision-maker", "follow_up_days": 30}, today
    )
    ids["interaction"] = store.insert(
        "interaction",
        {
            "contact_id": ids["contact"],
            "date": "2026-11-02",
            "channel": "coffee",
            "notes": "Roadmap\nand promotion",
            "follow_up": "2026-11-09",
        },
        today,
    )
    store.insert(
        "perception",
        {"date": "2026-11-10", "behaviour": 4, "language": 3, "attitude": 5, "q1": "Calm"},
        today,
    )
    store.insert(
        "security",
        {
            "date": "2026-09-01",
            "skills": 4,
            "performance": 4,
            "network": 2,
            "job_search": 3,
            "finances": 5,
        },
        today,
    )
    store.insert(
        "note",
        {"date": "2026-11-23", "text": "[bold] \x1b]0;x\x07 kept as typed", "tags": "journal"},
        today,
    )
    store.insert("review", {"week": "2026-W47", "date": "2026-11-20", "focus": "1. Ship"}, today)
    agenda = {"contact_id": ids["contact"], "date": "2026-11-20", "topic": "Q1 plans"}
    store.insert("agenda", {**agenda, "interaction_id": ids["interaction"]}, today)
    store.insert("mention", {"contact_id": ids["contact"], "win_id": ids["win"]}, today)
    store.insert("told", {"contact_id": ids["contact"], "win_id": ids["win"], "date": today}, today)
    weighed = {"goal_id": ids["other_goal"], "skills": 2, "domain": 4, "why_skills": "new stack"}
    store.insert("assessment", weighed, today)
    decided = {"goal_id": ids["other_goal"], "date": today, "choice": "pursuing", "why": "fit"}
    store.insert("decision", decided, today)
    store.insert("weights", {"skills": 2}, today)
    return ids


@pytest.fixture
def source(tmp_path: Path, today: date) -> Store:
    store = Store(tmp_path / "source.db")
    fill(store, today)
    yield store
    store.close()


def counts(store: Store) -> dict[str, int]:
    return {
        table: store.conn.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0]
        for table in ("profile", *TABLES)
    }


def test_export_holds_every_record_with_uuid_timestamps_and_links(source: Store) -> None:
    data = export_data(source)
    assert data["format"] == "careertui"
    assert data["version"] == FORMAT_VERSION == 1
    assert set(data) == {"format", "version", "profile", *TABLES}
    assert {t: len(data[t]) for t in TABLES} == {
        "goals": 3,
        "actions": 1,
        "checkins": 2,
        "requirements": 1,
        "responsibilities": 2,
        "wins": 2,
        "contacts": 1,
        "interactions": 1,
        "perceptions": 1,
        "security_checks": 1,
        "notes": 1,
        "reviews": 1,
        "win_requirements": 1,
        "agenda_items": 1,
        "mentions": 1,
        "told": 1,
        "assessments": 1,
        "decisions": 1,
        "score_weights": 1,
    }
    assert record_count(data) == 25
    assert data["assessments"][0]["goal_uuid"] == data["decisions"][0]["goal_uuid"]
    assert data["assessments"][0]["goal_uuid"] == data["goals"][2]["uuid"]
    assert data["told"][0]["win_uuid"] == data["mentions"][0]["win_uuid"] == data["wins"][0]["uuid"]
    assert data["agenda_items"][0]["interaction_uuid"] == data["interactions"][0]["uuid"]
    win = data["wins"][0]
    assert list(win)[:3] == ["uuid", "created_at", "updated_at"]
    assert "id" not in win and "responsibility_id" not in win
    assert win["responsibility_uuid"] == data["responsibilities"][0]["uuid"]
    assert win["goal_uuid"] == data["goals"][0]["uuid"]
    assert win["tags"] == "reporting visibility"
    assert data["goals"][1]["parent_uuid"] == data["goals"][2]["uuid"]
    assert data["interactions"][0]["contact_uuid"] == data["contacts"][0]["uuid"]
    assert data["checkins"][0]["action_uuid"] == data["actions"][0]["uuid"]
    assert data["actions"][0]["goal_uuid"] == data["goals"][0]["uuid"]
    assert data["profile"]["review_date"] == "2026-12-31"
    assert data["goals"][0]["target"] == 8.5
    assert data["notes"][0]["text"] == "[bold] \x1b]0;x\x07 kept as typed"


def test_round_trip_into_an_empty_file_gives_the_same_export_and_stats(
    source: Store, tmp_path: Path, today: date
) -> None:
    data = json.loads(dump_json(export_data(source)))
    with Store(tmp_path / "copy.db") as copy_store:
        result = import_data(copy_store, data, today)
        assert result.format == "careertui"
        assert (result.total("added"), result.total("updated"), result.total("unchanged")) == (
            record_count(data),
            0,
            0,
        )
        assert result.counts["wins"] == {"added": 2, "updated": 0, "unchanged": 0}
        assert export_data(copy_store) == export_data(source)
        assert compute_stats(copy_store, today) == compute_stats(source, today)


def test_links_survive_the_round_trip(source: Store, tmp_path: Path, today: date) -> None:
    with Store(tmp_path / "copy.db") as store:
        import_data(store, export_data(source), today)
        win = store.find("win", "Shipped the report")
        assert store.get("responsibility", win["responsibility_id"])["title"] == (
            "Stakeholder reporting"
        )
        assert store.get("goal", win["goal_id"])["title"] == "Staff promotion"
        milestone = store.find("goal", "Write the proposal")
        assert store.get("goal", milestone["parent_id"])["title"] == "Visibility"
        interaction = store.rows("interaction")[0]
        assert store.get("contact", interaction["contact_id"])["name"] == "Dana Lee"
        assert {store.get("action", c["action_id"])["title"] for c in store.rows("checkin")} == {
            "Write notes"
        }


def test_importing_twice_changes_nothing(source: Store, tmp_path: Path, today: date) -> None:
    data = export_data(source)
    with Store(tmp_path / "copy.db") as store:
        import_data(store, data, today)
        before = export_data(store)
        again = import_data(store, data, today)
        assert (again.total("added"), again.total("updated"), again.total("unchanged")) == (
            0,
            0,
            record_count(data),
        )
        assert export_data(store) == before
    # Into the file it came from: everything is already there.
    result = import_data(source, data, today)
    assert result.total("unchanged") == record_count(data)
    assert export_data(source) == data


def test_newer_updated_at_wins_comparing_instants_not_text(
    source: Store, tmp_path: Path, today: date
) -> None:
    data = export_data(source)
    data["wins"][0]["updated_at"] = "2026-11-23T10:00:00+00:00"
    with Store(tmp_path / "copy.db") as store:
        import_data(store, data, today)

        def offer(title: str, updated_at: str) -> dict[str, int]:
            changed = copy.deepcopy(data)
            changed["wins"][0].update(title=title, updated_at=updated_at)
            return import_data(store, changed, today).counts["wins"]

        # Later as text, earlier as an instant (07:00 UTC): the stored copy stays.
        assert offer("Older", "2026-11-23T12:00:00+05:00") == {
            "added": 0,
            "updated": 0,
            "unchanged": 2,
        }
        # As new as the stored copy: it stays too.
        assert offer("Same time", "2026-11-23T11:00:00+01:00")["unchanged"] == 2
        assert store.rows("win")[0]["title"] == "Shipped the report"
        # Earlier as text, later as an instant (14:00 UTC): it wins, timestamps and all.
        assert offer("Newer", "2026-11-23T09:00:00-05:00") == {
            "added": 0,
            "updated": 1,
            "unchanged": 1,
        }
        row = store.rows("win")[0]
        assert (row["title"], row["updated_at"]) == ("Newer", "2026-11-23T09:00:00-05:00")
        assert row["created_at"] == data["wins"][0]["created_at"]
        assert store.count("win") == 2


def test_merging_adds_only_what_is_missing(source: Store, tmp_path: Path, today: date) -> None:
    with Store(tmp_path / "other.db") as other:
        other.insert("note", {"date": "2026-11-01", "text": "from the laptop"}, today)
        contact = other.insert("contact", {"name": "Sam Rivera"}, today)
        other.insert("interaction", {"contact_id": contact, "date": "2026-11-03"}, today)
        result = import_data(source, export_data(other), today)
    assert (result.total("added"), result.total("updated")) == (3, 0)
    assert counts(source)["notes"] == 2
    assert counts(source)["contacts"] == 2
    sam = source.find("contact", "Sam Rivera")
    assert [r["contact_id"] for r in source.rows("interaction")].count(sam["id"]) == 1


def test_one_checkin_per_action_and_day_and_one_review_per_week(source: Store, today: date) -> None:
    data = export_data(source)
    twin = copy.deepcopy(data)
    for record in (twin["checkins"][0], twin["reviews"][0]):
        record["uuid"] = "00000000-0000-4000-8000-000000000001"
        record["updated_at"] = "2099-01-01T00:00:00+00:00"
    twin["checkins"][0]["note"] = "from the other file"
    twin["reviews"][0]["uuid"] = "00000000-0000-4000-8000-000000000002"
    result = import_data(source, twin, today)
    assert result.counts["checkins"]["updated"] == 1
    assert result.counts["reviews"]["updated"] == 1
    assert counts(source)["checkins"] == 2
    assert counts(source)["reviews"] == 1
    day = data["checkins"][0]["date"]
    rows = [r for r in source.rows("checkin") if r["date"] == day]
    assert [r["note"] for r in rows] == ["from the other file"]
    # A second import is matched by uuid now, and changes nothing.
    assert import_data(source, twin, today).total("updated") == 0


def test_the_profile_stays_one_row(source: Store, tmp_path: Path, today: date) -> None:
    with Store(tmp_path / "other.db") as other:
        other.set_profile({"target_role": "Principal Engineer"}, today)
        data = export_data(other)
    data["profile"]["updated_at"] = "2099-01-01T00:00:00+00:00"
    result = import_data(source, data, today)
    assert result.counts["profile"] == {"added": 0, "updated": 1, "unchanged": 0}
    assert counts(source)["profile"] == 1
    assert source.profile()["target_role"] == "Principal Engineer"
    assert source.profile()["uuid"] == data["profile"]["uuid"]


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (
            lambda d: d["wins"][0].update(
                responsibility_uuid="00000000-0000-4000-8000-00000000000f"
            ),
            "responsibility_uuid 00000000-0000-4000-8000-00000000000f matches no responsibility",
        ),
        (lambda d: d["interactions"][0].update(contact_uuid=None), "Contact is required"),
        (lambda d: d["wins"][1].update(date="yesterday"), "date 'yesterday' is not a YYYY-MM-DD"),
        (lambda d: d["wins"][1].update(colour="red"), "unknown field 'colour'"),
        (lambda d: d["wins"][1].update(uuid="nope"), "uuid 'nope' is not a uuid"),
        (lambda d: d["wins"][1].update(updated_at="soon"), "updated_at 'soon' is not an ISO"),
        (lambda d: d["wins"][1].update(uuid=d["wins"][0]["uuid"]), "appears twice"),
        (lambda d: d["notes"][0].update(text="a\x00b"), "contains a NUL character"),
        (lambda d: d["contacts"][0].update(knows_me=9), "is not between 0 and 3"),
        (lambda d: d.update(photos=[]), "unknown section 'photos'"),
        (lambda d: d.update(wins={}), "'wins' is not a list of records"),
        (
            lambda d: d["goals"][1].update(parent_uuid="00000000-0000-4000-8000-00000000000e"),
            "parent_uuid 00000000-0000-4000-8000-00000000000e matches no goal",
        ),
    ],
)
def test_a_bad_record_refuses_the_whole_file(
    tmp_path: Path, source: Store, today: date, change: Any, message: str
) -> None:
    data = export_data(source)
    change(data)
    with Store(tmp_path / "copy.db") as store:
        with pytest.raises(ExchangeError, match="^in.json: .*" + message.replace("(", r"\(")):
            import_data(store, data, today, source="in.json")
        assert set(counts(store).values()) == {0}


NEITHER = "f.json is neither a careertui nor a jrnl JSON export"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (
            {"format": "careertui", "version": 2},
            "f.json was exported by a newer careertui (format version 2; this one reads up to 1); "
            "upgrade careertui to import it",
        ),
        (
            {"format": "careertui", "version": "1"},
            "f.json: format version '1' is not a version number",
        ),
        ({"format": "careertui"}, "f.json: format version None is not a version number"),
        ([], NEITHER),
        ({"entries": {}}, NEITHER),
        ({"format": "other", "entries": []}, NEITHER),
        ("text", NEITHER),
    ],
)
def test_detect_format_refuses(data: Any, message: str) -> None:
    with pytest.raises(ExchangeError) as info:
        detect_format(data, "f.json")
    assert str(info.value) == message


def test_detect_format_knows_both() -> None:
    assert detect_format({"format": "careertui", "version": 1}, "f") == "careertui"
    assert detect_format({"tags": {}, "entries": []}, "f") == "jrnl"


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        (
            b"{",
            "f.json is not valid JSON (Expecting property name enclosed in double quotes at "
            "line 1, column 2)",
        ),
        (b"\xff\xfe{}", "f.json is not UTF-8 text, so not a JSON export"),
        (b"[" * 100_000, "f.json is not valid JSON (maximum recursion depth exceeded"),
    ],
)
def test_load_json_refuses(raw: bytes, message: str) -> None:
    with pytest.raises(ExchangeError) as info:
        load_json(raw, "f.json")
    assert str(info.value).startswith(message)


def test_load_json_accepts_a_byte_order_mark() -> None:
    assert load_json(b'\xef\xbb\xbf{"entries": []}', "f") == {"entries": []}


def test_dump_json_escapes_terminal_controls_and_stays_json() -> None:
    value = {"text": "a\x1b[2J b\x9b c\u202e d é"}
    text = dump_json(value)
    assert "\x1b" not in text and "\x9b" not in text and "\u202e" not in text
    assert "\\u009b" in text and "\\u202e" in text and "é" in text
    assert text.endswith("}\n")
    assert json.loads(text) == value


def test_export_text_is_export_data_a_record_a_line(source: Store, today: date) -> None:
    hostile = 'a\x1b[2J b\x9b c\u202e d é "q" \\ [/] \u2028 \t\n end'
    source.insert("note", {"text": hostile, "date": "today", "tags": ["x"]}, today)
    source.set_profile({"brand_message": hostile}, today)
    text, count = export_text(source)
    data = export_data(source)
    assert json.loads(text) == data and count == record_count(data)
    assert list(json.loads(text)) == list(data)  # the same keys in the same order
    assert not any(ch in text for ch in "\x1b\x9b\u202e\u2028")
    assert "é" in text and text.endswith("}\n")
    lines = text.splitlines()
    assert lines[:3] == ["{", '  "format": "careertui",', f'  "version": {FORMAT_VERSION},']
    assert sum(1 for line in lines if line.startswith("    {")) == count - 1  # + the profile


def test_export_text_of_a_hand_edited_file_replaces_bad_bytes(source: Store, today: date) -> None:
    note = source.insert("note", {"text": "fine", "date": "today"}, today)
    with source.write() as conn:
        conn.execute("UPDATE notes SET text = CAST(X'66ff6f' AS TEXT) WHERE id = ?", (note,))
    text, _count = export_text(source)
    assert json.loads(text) == export_data(source)
    assert "f\ufffdo" in text


def test_export_text_of_an_empty_file(db_path: Path) -> None:
    with Store(db_path) as store:
        text, count = export_text(store)
    assert count == 0
    assert json.loads(text) == export_data(Store(db_path, write=False))


# -- jrnl ----------------------------------------------------------------------------------

# tests/fixtures/jrnl_export.json was written by jrnl v4.6 itself (`jrnl --config-file … --export
# json`) from entries added with the jrnl command, one starred and one piped on stdin.


def jrnl_fixture() -> dict[str, Any]:
    return json.loads((FIXTURES / "jrnl_export.json").read_text(encoding="utf-8"))


def test_jrnl_entries_become_notes(db_path: Path, today: date) -> None:
    with Store(db_path) as store:
        result = import_data(store, jrnl_fixture(), today)
        notes = store.rows("note", newest_first=False)
    assert result.format == "jrnl"
    assert result.counts == {"notes": {"added": 6, "updated": 0, "unchanged": 0}}
    assert [(n["date"], n["text"], n["tags"]) for n in notes] == [
        (
            "2026-09-14",
            "Kicked off the event bus migration with @platform.\nAgreed on a two-phase cutover and "
            "a rollback plan; #migration owners named for each service.",
            "migration platform",
        ),
        ("2026-10-02", "1:1 with @Dana about the staff promotion path.", "dana"),
        (
            "2026-10-16",
            "Wrote the Q3 reliability summary. Incidents down from 9 to 4 quarter over quarter.\n"
            "Next: share it in the #reliability review and ask @Priya for feedback.\n"
            "Also: draft the game day plan.",
            "priya reliability",
        ),
        ("2026-11-20", "Pairing session on the checkout latency regression #perf", "perf"),
        (
            "2026-11-20",
            "Interview loop debrief: strong hire for the backend role. #Hiring",
            "hiring starred",
        ),
        (
            "2026-11-21",
            "Café with Zoë from design — she wants a shared status page \U0001f3af @zoe",
            "zoe",
        ),
    ]
    entry = jrnl_fixture()["entries"][0]
    assert notes[0]["uuid"] == jrnl_uuid(entry)
    assert notes[0]["created_at"].startswith(today.isoformat())


def test_jrnl_import_twice_adds_nothing(db_path: Path, today: date) -> None:
    with Store(db_path) as store:
        import_data(store, jrnl_fixture(), today)
        first = export_data(store)
        again = import_data(store, jrnl_fixture(), today)
        assert again.counts == {"notes": {"added": 0, "updated": 0, "unchanged": 6}}
        assert export_data(store) == first
        # An entry edited in jrnl is a new entry: it comes in as a new note.
        edited = jrnl_fixture()
        edited["entries"][1]["body"] = "Follow-up next month."
        assert import_data(store, edited, today).total("added") == 1
        assert store.count("note") == 7


def test_jrnl_notes_are_searchable(db_path: Path, today: date) -> None:
    with Store(db_path) as store:
        import_data(store, jrnl_fixture(), today)
        hits = store.search("latency")
    assert [(h["kind"], h["date"]) for h in hits] == [("note", "2026-11-20")]


@pytest.mark.parametrize(
    ("entry", "message"),
    [
        ({"date": "20 Nov", "title": "x"}, "jrnl entry #2: date '20 Nov' is not a YYYY-MM-DD"),
        ({"date": "2026-11-20", "title": 3}, "jrnl entry #2 (2026-11-20): title 3 is not text"),
        ({"date": "2026-11-20", "title": "x", "tags": "work"}, "tags 'work' is not a list"),
        ({"date": "2026-11-20", "title": " ", "body": ""}, "Text is required"),
        ("entry", "jrnl entry #2 is not an entry"),
    ],
)
def test_a_bad_jrnl_entry_refuses_the_file(
    db_path: Path, today: date, entry: Any, message: str
) -> None:
    data = {"tags": {}, "entries": [{"date": "2026-11-19", "title": "fine"}, entry]}
    with Store(db_path) as store:
        with pytest.raises(ExchangeError, match=message.replace("(", r"\(").replace(")", r"\)")):
            import_data(store, data, today)
        assert store.count("note") == 0


# -- empty files and the demo's guard -------------------------------------------------------


def test_require_empty_refuses_a_file_with_data(source: Store, today: date) -> None:
    before = export_data(source)
    with pytest.raises(ExchangeError, match="already has data; nothing was written"):
        import_data(
            source,
            {"tags": {}, "entries": [{"date": "2026-01-01", "title": "x"}]},
            today,
            require_empty=True,
        )
    assert export_data(source) == before


# -- the packet's data ---------------------------------------------------------------------


def test_packet_data_for_the_review_period(source: Store, today: date) -> None:
    source.insert("win", {"date": "2025-12-31", "title": "Before the period"}, today)
    source.insert("win", {"date": "2026-11-24", "title": "Tomorrow"}, date(2026, 12, 1))
    source.insert("contact", {"name": "Ann Other", "influence": "sponsor"}, today)
    packet = packet_data(source, today)
    assert (packet.start, packet.end, packet.today) == ("2026-01-01", "2026-12-31", "2026-11-23")
    assert (packet.current_role, packet.target_role) == ("Senior Engineer", "Staff Engineer")
    readiness = compute_stats(source, today)["readiness"]
    assert (packet.score, packet.band, packet.days_to_review) == (
        readiness["score"],
        readiness["band"],
        38,
    )
    assert [(r.title, r.active, [w.title for w in r.wins]) for r in packet.responsibilities] == [
        ("Stakeholder reporting", True, ["Shipped the report"])
    ]
    win = packet.responsibilities[0].wins[0]
    assert (win.date, win.impact, win.tags) == (
        "2026-11-20",
        "3 teams use it",
        ("reporting", "visibility"),
    )
    assert [w.title for w in packet.unlinked_wins] == ["Fixed the build"]
    assert [(g.title, g.kind, [m.title for m in g.milestones]) for g in packet.goals] == [
        ("Visibility", "opportunity", ["Write the proposal"])
    ]
    assert [
        (c.name, c.influence, [(i.date, i.channel, i.notes) for i in c.interactions])
        for c in packet.relationships
    ] == [("Dana Lee", "decision-maker", [("2026-11-02", "coffee", "Roadmap\nand promotion")])]
    assert [(g.part, g.points, g.text) for g in packet.gaps] == [
        (g["part"], g["points"], g["text"]) for g in readiness["gaps"]
    ]


def test_the_packet_covers_the_period_readiness_counts(tmp_path: Path) -> None:
    """A new journal's packet starts at its first entry, as readiness's period does (not 365
    days before the review date, months before the journal existed)."""
    today = date(2026, 12, 3)
    with Store(tmp_path / "new.db") as store:
        store.insert("win", {"title": "First", "date": "2026-10-05", "impact": "3 teams"}, today)
        store.set_profile({"review_date": "2027-03-01"}, today)
        packet = packet_data(store, today)
    assert (packet.start, packet.end) == ("2026-10-05", "2027-03-01")
