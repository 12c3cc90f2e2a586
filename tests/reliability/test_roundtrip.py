"""What is written is what a new process reads back: every CLI write path, any text, and full-text
search after every migration."""

from __future__ import annotations

import json
import os
import sqlite3
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from reliability_support import careertui, dump

from careertui.domain.records import KINDS, SEARCHABLE, ValidationError
from careertui.store import Store
from careertui.store.schema import MIGRATIONS, SCHEMA_VERSION

# Every line of text the CLI takes gets something awkward: markup, quotes, escapes, emoji, a
# right-to-left override, a tab and a newline, a terminal escape.
AWKWARD = "Ünïcødé ☃ 🚀 [b]x[/b] [/ $v \"dq\" 'sq' \\bs\\ ‮rtl\ttab\nline two \x1b[2J end"


def _t(label: str) -> str:
    return f"{label}: {AWKWARD}"


def test_every_cli_write_path_reads_back_in_a_new_process(tmp_path: Path) -> None:
    db = tmp_path / "careertui.db"
    steps: list[list[str]] = [
        ["add", "responsibility", _t("resp")],
        ["add", "goal", _t("goal"), "--due", "2027-01-15", "--metric", _t("metric"),
         "--target", "10", "--current", "2.5", "--notes", _t("goal notes")],
        ["add", "goal", _t("milestone"), "--parent", _t("goal"), "--due", "+2w"],
        ["add", "goal", _t("opportunity"), "--kind", "opportunity"],
        ["add", "requirement", _t("requirement"), "--status", "partial", "--plan", _t("plan")],
        ["add", "win", _t("win"), "--date", "2026-11-20", "--impact", _t("impact"),
         "--resp", _t("resp"), "--goal", _t("goal"), "--tag", "Alpha", "--tag", "#beta",
         "--shared-with", _t("shared"), "--notes", _t("win notes"), "--req", _t("requirement")],
        ["add", "note", _t("note"), "--date", "yesterday", "--tag", "x"],
        ["add", "contact", _t("contact"), "--org", _t("org"), "--role", _t("role"),
         "--circle", _t("circle"), "--influence", "sponsor", "--knows-me", "2", "--every", "30",
         "--notes", _t("contact notes")],
        ["add", "interaction", _t("contact"), _t("talk"), "--date", "2026-11-21",
         "--channel", "coffee", "--follow-up", "friday", "--learned", _t("learned"),
         "--gave", _t("gave")],
        ["add", "action", _t("action"), "--cadence", "weekly:3", "--goal", _t("goal")],
        ["add", "perception", "--behaviour", "4", "--language", "3", "--attitude", "5",
         "--date", "2026-11-01", "--q1", _t("q1"), "--q2", _t("q2"), "--q3", _t("q3"),
         "--q4", _t("q4"), "--notes", _t("perception notes")],
        ["add", "security", "--skills", "4", "--performance", "5", "--network", "3",
         "--job-search", "2", "--finances", "1", "--date", "2026-10-01",
         "--notes", _t("security notes")],
        ["check", _t("action"), "--date", "2026-11-22", "--note", _t("check note")],
        ["check", _t("action"), "--date", "2026-11-22", "--skip"],
        ["set", "review-date", "2027-03-01"],
        ["set", "review-start", "2026-03-01"],
        ["add", "contact", "Dana Lee"],
        ["add", "note", _t("met @Dana Lee"), "--date", "2026-11-23"],
        ["told", "Dana Lee", _t("win")],
        ["agenda", "Dana Lee", _t("topic")],
        ["weigh", _t("opportunity"), "--skills", "2", "--pay", "120k", "--notes", _t("weighed")],
        ["decide", _t("opportunity"), "pursuing", "--why", _t("why")],
        ["set", "weights", "--skills", "3"],
    ]  # fmt: skip
    for args in steps:
        result = careertui(args, db)
        assert result.code == 0, (args, result.err)
        assert "\x1b" not in result.out  # echoed text is made printable

    data = {kind: sorted(rows, key=lambda row: row["id"]) for kind, rows in dump(db).items()}
    ids = {kind: [row["id"] for row in rows] for kind, rows in data.items()}
    goal, milestone, opportunity = data["goal"]
    expected: dict[str, list[dict[str, Any]]] = {
        "responsibility": [{"title": _t("resp"), "active": 1}],
        "goal": [
            {"title": _t("goal"), "kind": "goal", "due": "2027-01-15", "metric": _t("metric"),
             "target": 10.0, "current": 2.5, "notes": _t("goal notes"), "status": "active",
             "parent_id": None},
            {"title": _t("milestone"), "kind": "milestone", "due": "2026-12-07",
             "parent_id": goal["id"]},
            {"title": _t("opportunity"), "kind": "opportunity"},
        ],
        "win": [{"title": _t("win"), "date": "2026-11-20", "impact": _t("impact"),
                 "responsibility_id": ids["responsibility"][0], "goal_id": goal["id"],
                 "tags": "alpha beta", "shared_with": _t("shared"), "notes": _t("win notes")}],
        "note": [{"text": _t("note"), "date": "2026-11-22", "tags": "x"},
                 {"text": _t("met @Dana Lee"), "date": "2026-11-23"}],
        "contact": [{"name": _t("contact"), "org": _t("org"), "role": _t("role"),
                     "circle": _t("circle"), "influence": "sponsor", "knows_me": 2,
                     "follow_up_days": 30, "notes": _t("contact notes")},
                    {"name": "Dana Lee"}],
        "interaction": [{"contact_id": ids["contact"][0], "notes": _t("talk"),
                         "date": "2026-11-21", "channel": "coffee", "follow_up": "2026-11-27",
                         "learned": _t("learned"), "gave": _t("gave"), "done": 0}],
        "action": [{"title": _t("action"), "cadence": "weekly:3", "goal_id": goal["id"],
                    "active": 1}],
        "requirement": [{"title": _t("requirement"), "status": "partial", "plan": _t("plan")}],
        "perception": [{"behaviour": 4, "language": 3, "attitude": 5, "date": "2026-11-01",
                        "q1": _t("q1"), "q2": _t("q2"), "q3": _t("q3"), "q4": _t("q4"),
                        "notes": _t("perception notes")}],
        "security": [{"skills": 4, "performance": 5, "network": 3, "job_search": 2,
                      "finances": 1, "date": "2026-10-01", "notes": _t("security notes")}],
        "checkin": [{"action_id": ids["action"][0], "date": "2026-11-22", "skip": 1,
                     "note": _t("check note")}],
        "profile": [{"review_date": "2027-03-01", "review_start": "2026-03-01"}],
        "review": [],
        "win_requirement": [{"win_id": ids["win"][0], "requirement_id": ids["requirement"][0]}],
        "mention": [{"contact_id": ids["contact"][1], "note_id": ids["note"][1]}],
        "told": [{"contact_id": ids["contact"][1], "win_id": ids["win"][0]}],
        "agenda": [{"contact_id": ids["contact"][1], "topic": _t("topic")}],
        "assessment": [{"goal_id": opportunity["id"], "skills": 2, "pay": 120000.0,
                        "notes": _t("weighed")}],
        "decision": [{"goal_id": opportunity["id"], "choice": "pursuing", "why": _t("why")}],
        "weights": [{"skills": 3.0}],
    }  # fmt: skip
    assert set(expected) == set(KINDS)
    mismatches = []
    for kind, rows in expected.items():
        if len(rows) != len(data[kind]):
            mismatches.append(f"{kind}: {len(data[kind])} rows, expected {len(rows)}")
            continue
        for want, got in zip(rows, data[kind], strict=True):
            for field, value in want.items():
                if got[field] != value:
                    mismatches.append(f"{kind}.{field}: {got[field]!r} != {value!r}")
            assert got["uuid"] and got["created_at"].startswith("2026-11-23T")
    assert not mismatches, mismatches
    assert milestone["parent_id"] == goal["id"] and opportunity["parent_id"] is None


def test_export_import_round_trip_in_new_processes(tmp_path: Path) -> None:
    """The JSON export of a filled file, imported into a new file, exports the same again; and
    importing it twice changes nothing."""
    source, copy = tmp_path / "a.db", tmp_path / "b.db"
    assert careertui(["demo"], source).code == 0
    assert careertui(["add", "note", _t("note")], source).code == 0
    first = careertui(["export", "--format", "json"], source)
    assert first.code == 0, first.err
    for _ in range(2):
        assert careertui(["import", "-"], copy, input=first.out.encode()).code == 0
    second = careertui(["export", "--format", "json"], copy)
    strip = {"exported_at", "generated_at"}
    a = {k: v for k, v in json.loads(first.out).items() if k not in strip}
    b = {k: v for k, v in json.loads(second.out).items() if k not in strip}
    assert a == b


# -- any text ------------------------------------------------------------------------------------

NO_SURROGATES = st.text(
    st.characters(exclude_categories=["Cs"], exclude_characters="@"), min_size=1, max_size=60
)
"""Any text but surrogates, and but `@`: an @mention must name a contact (tested on its own)."""


@settings(
    max_examples=8, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(texts=st.lists(NO_SURROGATES, min_size=1, max_size=25))
def test_any_text_round_trips_through_the_store(
    texts: list[str], tmp_path_factory: pytest.TempPathFactory
) -> None:
    """Any code point but surrogates is stored exactly (a `long` field keeps even its spaces; a
    `text` field is stripped) and read back by a new process; text with NUL is refused."""
    db = tmp_path_factory.mktemp("any") / "careertui.db"
    today = date(2026, 11, 23)
    kept = [text for text in texts if "\x00" not in text]
    names: list[str] = []  # one contact per name, ignoring case and spacing (the name rule)
    with Store(db) as store:
        for text in texts:
            if "\x00" in text:
                with pytest.raises(ValidationError, match="NUL"):
                    store.insert("note", {"text": text, "date": "today"}, today)
                continue
            store.insert("note", {"text": text, "date": "today"}, today)
            folded = " ".join(text.casefold().split())
            if folded and folded not in {" ".join(n.casefold().split()) for n in names}:
                store.insert("contact", {"name": text}, today)
                names.append(text.strip())
    data = dump(db)
    assert [row["text"] for row in sorted(data["note"], key=lambda r: r["id"])] == kept
    assert [row["name"] for row in sorted(data["contact"], key=lambda r: r["id"])] == names


@settings(
    max_examples=8, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(text=NO_SURROGATES.filter(lambda t: "\x00" not in t))
def test_any_text_round_trips_through_the_command_line(
    text: str, tmp_path_factory: pytest.TempPathFactory
) -> None:
    db = tmp_path_factory.mktemp("argv") / "careertui.db"
    result = careertui(["add", "note", "--db", str(db), "--", text])
    assert result.code == 0, result.err
    assert [row["text"] for row in dump(db)["note"]] == [text]


def test_lone_surrogates_are_replaced(tmp_path: Path, today: date) -> None:
    """Lone surrogates (pasted, or from a careertui JSON file) are stored as U+FFFD, never
    refused by sqlite3 and never lost with the rest of the entry."""
    db = tmp_path / "careertui.db"
    with Store(db) as store:
        store.insert("note", {"text": "a\ud800b\udfffc", "date": "today"}, today)
    (text,) = [row["text"] for row in dump(db)["note"]]
    assert text.startswith("a\ufffd") and text.endswith("c") and "b" in text
    assert not any("\ud800" <= ch <= "\udfff" for ch in text)


def test_lone_surrogates_are_replaced_cleanly(tmp_path: Path, today: date) -> None:
    db = tmp_path / "careertui.db"
    with Store(db) as store:
        store.insert("note", {"text": "a\ud800b\udfffc\ud83d\ude00d", "date": "today"}, today)
    assert dump(db)["note"][0]["text"] == "a\ufffdb\ufffdc\U0001f600d"


# -- migrations ----------------------------------------------------------------------------------


def _file_at_version(db: Path, version: int) -> None:
    """A careertui file as an older careertui left it: the first `version` migrations."""
    db.parent.mkdir(mode=0o700, exist_ok=True)
    os.close(os.open(db, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
    conn = sqlite3.connect(db, isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("BEGIN IMMEDIATE")
    for step in MIGRATIONS[:version]:
        step(conn)
    conn.execute(f"PRAGMA user_version = {version}")
    conn.execute("COMMIT")
    conn.close()


SEARCH_ROW: dict[str, dict[str, Any]] = {
    "goal": {"title": "goalword"},
    "win": {"title": "winword", "date": "today"},
    "contact": {"name": "contactword"},
    "note": {"text": "noteword", "date": "today"},
}


@pytest.mark.parametrize("start", range(SCHEMA_VERSION + 1), ids=lambda v: f"from-v{v}")
def test_search_finds_new_rows_after_every_migration(
    tmp_path: Path, today: date, start: int
) -> None:
    """Start from each schema version (0: no file yet), open (which migrates), add a row of every
    searchable kind: search finds each, and every FTS table has its three triggers."""
    db = tmp_path / "careertui.db"
    if start:
        _file_at_version(db, start)
    with Store(db) as store:
        contact = store.insert("contact", {"name": "someone"}, today)
        rows = {**SEARCH_ROW, "interaction": {"contact_id": contact, "notes": "interactionword",
                                              "date": "today"}}  # fmt: skip
        assert set(rows) == set(SEARCHABLE)
        for kind, values in rows.items():
            store.insert(kind, values, today)
        for kind in rows:
            hits = [hit["kind"] for hit in store.search(f"{kind}word")]
            assert hits == [kind], (kind, hits)
        triggers = {
            row[0]
            for row in store.conn.execute("SELECT name FROM sqlite_master WHERE type='trigger'")
        }
    for kind in SEARCHABLE:
        table = KINDS[kind].table
        assert {f"{table}_ai", f"{table}_ad", f"{table}_au"} <= triggers, table
