"""Evidence-grade wins from the command line: `add win --evidence --req --situation…`, the
requirement links in the store (migration, cascade, export/import), the "Measure:" reminders and
the promotion case in `stats`, and `careertui packet review|week|month`."""

from __future__ import annotations

import json
import sqlite3
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from careertui.cli import cli
from careertui.store import Store
from careertui.store.evidence import (
    accept_suggestion,
    requirement_ids,
    requirements,
    set_requirements,
    wins_involving,
)
from careertui.store.schema import MIGRATIONS

TODAY = "2026-12-03"  # a Thursday; its ISO week is 2026-W49 (Mon 30 Nov to Sun 6 Dec)


def run(db: Path, *args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, [*args, "--db", str(db)], env={"CAREERTUI_TODAY": TODAY})
    return result.exit_code, result.stdout, result.stderr


def ok(db: Path, *args: str) -> str:
    code, out, err = run(db, *args)
    assert code == 0, err
    return out


@pytest.fixture
def journal(db_path: Path) -> Path:
    for args in (
        ["add", "responsibility", "Stakeholder reporting"],
        ["add", "requirement", "Set technical direction"],
        ["add", "requirement", "Mentor senior engineers", "--status", "partial", "--plan", "Clinic"],
        ["add", "goal", "Get promoted to Staff"],
        ["add", "contact", "Dana Lee", "--org", "Acme", "--role", "VP Engineering",
         "--influence", "decision-maker"],
        ["add", "contact", "Omar Ali", "--role", "Staff Engineer"],
        ["add", "win", "Launched the health report", "--date", "2026-12-01",
         "--impact", "Adopted by 4 directors", "--resp", "stake", "--goal", "get promoted",
         "--evidence", "https://wiki.example.com/report", "--evidence", "./docs/report.pdf",
         "--req", "set tech", "--situation", "Nobody saw the platform's state",
         "--action", "I built a weekly report", "--result", "Directors use it",
         "--shared-with", "Dana Lee", "--notes", "private: Dana was sceptical"],
        ["add", "win", "Paired with Omar on the RFC", "--date", "2026-11-20",
         "--impact", "RFC merged in 2 days", "--req", "mentor", "--req", "set tech"],
        ["add", "win", "Fixed flaky CI", "--date", "2026-11-03", "--impact", "TBD"],
        ["add", "interaction", "Dana", "Coffee: roadmap and Acme reorg", "--date", "2026-12-02",
         "--channel", "coffee"],
        ["add", "action", "Write a design note", "--cadence", "weekly:2"],
        ["check", "write a design", "--date", "2026-11-30"],
        ["check", "write a design", "--date", "2026-12-02"],
    ):  # fmt: skip
        ok(db_path, *args)
    return db_path


def test_add_win_stores_evidence_star_and_requirement_links(journal: Path, today: date) -> None:
    with Store(journal, write=False) as store:
        win = store.get("win", 1) or {}
        assert win["evidence"] == "https://wiki.example.com/report\n./docs/report.pdf"
        assert (win["situation"], win["action"], win["result"]) == (
            "Nobody saw the platform's state",
            "I built a weekly report",
            "Directors use it",
        )
        assert requirement_ids(store, 1) == [1]
        assert requirement_ids(store, 2) == [1, 2]
        assert [(r["title"], r["wins"], r["suggested"]) for r in requirements(store)] == [
            ("Set technical direction", 2, "partial"),
            ("Mentor senior engineers", 1, None),
        ]


def test_add_win_says_which_requirements_it_evidences(journal: Path) -> None:
    out = ok(journal, "add", "win", "Ran the clinic", "--req", "mentor", "--req", "mentor senior")
    assert out.splitlines()[1] == "  evidence for: Mentor senior engineers"


def test_a_requirement_that_names_nothing_refuses_the_whole_win(journal: Path) -> None:
    code, _, err = run(journal, "add", "win", "Another", "--req", "nothing like it")
    assert code == 1
    assert err.startswith("careertui: ") and "nothing like it" in err
    with Store(journal, write=False) as store:
        assert store.count("win") == 3


def test_links_follow_their_win_and_the_suggestion_waits_for_the_person(
    journal: Path, today: date
) -> None:
    with Store(journal) as store:
        assert store.get("requirement", 1)["status"] == "gap"  # type: ignore[index]
        assert accept_suggestion(store, 1, today) == "partial"
        assert store.get("requirement", 1)["status"] == "partial"  # type: ignore[index]
        assert accept_suggestion(store, 1, today) is None  # 2 wins: not yet `have`
        set_requirements(store, 2, [2])
        assert requirement_ids(store, 2) == [2]
        store.delete("win", 2)
        assert store.count("win_requirement") == 1
        store.delete("requirement", 1)
        assert store.count("win_requirement") == 0


def test_links_survive_export_and_import_once(journal: Path, tmp_path: Path) -> None:
    out = tmp_path / "all.json"
    ok(journal, "export", "--out", str(out))
    data = json.loads(out.read_text())
    assert len(data["win_requirements"]) == 3
    copy = tmp_path / "copy.db"
    ok(copy, "import", str(out))
    ok(copy, "import", str(out))  # a second import changes nothing
    with Store(copy, write=False) as store:
        assert store.count("win_requirement") == 3
        assert requirement_ids(store, 2) == [1, 2]


def test_an_old_file_gains_the_fields_and_the_links(tmp_path: Path, today: date) -> None:
    db = tmp_path / "old.db"
    conn = sqlite3.connect(db, isolation_level=None)
    MIGRATIONS[0](conn)
    for column in ("situation", "action", "result", "evidence"):
        conn.execute(f'ALTER TABLE wins DROP COLUMN "{column}"')
    conn.execute("DROP TABLE win_requirements")
    conn.execute("PRAGMA user_version = 1")
    conn.close()
    with Store(db) as store:
        win = store.insert("win", {"title": "w", "date": "today", "evidence": "x"}, today)
        req = store.insert("requirement", {"title": "r"}, today)
        set_requirements(store, win, [req])
        assert requirement_ids(store, win) == [req]


def test_wins_involving_a_contact(journal: Path) -> None:
    with Store(journal, write=False) as store:
        dana = store.find("contact", "dana")
        omar = store.find("contact", "omar")
        assert wins_involving(store, dana) == {1}  # shared with her
        assert wins_involving(store, omar) == set()  # a name in a title is not a link


def test_stats_have_measure_reminders_and_the_promotion_case(journal: Path) -> None:
    stats = json.loads(ok(journal, "stats", "--json"))
    assert stats["measure_due"] == [
        {"win_id": 3, "title": "Fixed flaky CI", "date": "2026-11-03", "age": 30}
    ]
    assert stats["promotion_case"] == {
        "evidenced": 2,
        "total": 2,
        "next_steps": [],
    }
    text = ok(journal, "stats")
    assert "Measure: Fixed flaky CI (30 days old)" in text
    assert "\nPromotion case: 2/2 requirements evidenced by wins\n" in text


def test_review_packet(journal: Path) -> None:
    text = ok(journal, "packet", "review")
    assert text.startswith("# Review packet: ")
    assert "## Evidence for the next role\n\n2 of 2 requirements evidenced by wins." in text
    assert "  Situation: Nobody saw the platform's state. Action: I built a weekly report." in text
    assert "  - Evidence: https://wiki.example.com/report\n" in text
    assert "Dana Lee, VP Engineering, Acme (decision-maker)" in text


def test_week_packet(journal: Path) -> None:
    text = ok(journal, "packet", "week")
    assert text.startswith("# Week update: 2026-W49\n")
    wins = text[text.index("## Wins this week") : text.index("## People seen")]
    assert "Launched the health report" in wins and "Paired with Omar" not in wins
    assert "- 2026-12-02, coffee: Dana Lee, VP Engineering, Acme. Coffee: roadmap" in text
    assert "- Write a design note (weekly:2): 2 of 2, met." in text


def test_month_packet(journal: Path) -> None:
    text = ok(journal, "packet", "month")
    assert text.startswith("# Month update: December 2026\n")
    assert "### Get promoted to Staff\n\n- 2026-12-01: Launched the health report." in text
    assert "Paired with Omar" not in text  # November
    assert "- Stakeholder reporting: 1 win." in text


def test_with_a_contact_keeps_only_their_wins(journal: Path) -> None:
    text = ok(journal, "packet", "review", "--with", "dana")
    assert "Peer review: only the wins that involve Dana Lee." in text
    assert "Launched the health report" in text
    assert "Paired with Omar" not in text and "Fixed flaky CI" not in text.split("## Goals")[0]
    code, _, err = run(journal, "packet", "review", "--with", "zed")
    assert code == 1 and "zed" in err
    code, out, err = run(journal, "packet", "review", "--with", " ")  # not everyone's wins
    assert (code, out) == (2, "") and "--with needs a contact's name" in err


@pytest.mark.parametrize("which", ["review", "week", "month"])
def test_redacted_packets_name_nobody(journal: Path, which: str) -> None:
    text = ok(journal, "packet", which, "--redact", "--with", "Dana Lee")
    for secret in ("Dana", "Acme", "Omar", "sceptical", "private", "reorg", "wiki.example"):
        assert secret not in text, secret
    assert "a VP Engineering" in text


def test_html_packet_to_a_file_never_replaces_one(journal: Path, tmp_path: Path) -> None:
    out = tmp_path / "packet.html"
    said = ok(journal, "packet", "month", "--format", "html", "--out", str(out))
    assert said == f"Wrote the month packet (html) to {out}\n"
    page = out.read_text()
    assert page.startswith("<!DOCTYPE html>") and "<h1>Month update: December 2026</h1>" in page
    assert 'href="https://wiki.example.com/report"' in page
    assert out.stat().st_mode & 0o777 == 0o600
    code, _, err = run(journal, "packet", "week", "--out", str(out))
    assert code == 1 and "--force" in err
    assert out.read_text() == page
    ok(journal, "packet", "week", "--out", str(out), "--force")
    assert out.read_text().startswith("# Week update")


def test_unknown_packet_or_format_is_a_usage_error(journal: Path) -> None:
    assert run(journal, "packet", "year")[0] == 2
    assert run(journal, "packet", "week", "--format", "pdf")[0] == 2


def test_the_demo_shows_evidence_star_and_requirement_links(db_path: Path) -> None:
    ok(db_path, "demo")
    stats = json.loads(ok(db_path, "stats", "--json"))
    assert stats["promotion_case"]["evidenced"] == 6 and stats["promotion_case"]["total"] == 7
    assert stats["promotion_case"]["next_steps"][0].startswith("Evidence Owns cross-org")
    with Store(db_path, write=False) as store:
        suggested = {r["title"][:20]: r["suggested"] for r in requirements(store)}
    assert suggested["Sets technical direc"] == "have"
    assert suggested["Presents to executiv"] == "partial"
    text = ok(db_path, "packet", "review")
    assert "6 of 7 requirements evidenced by wins." in text
    assert "  Situation: Two teams had stalled on the event bus migration" in text
    assert "  - Evidence: https://wiki.example.com/payments/event-bus-retro" in text


def test_with_counts_mentions_and_wins_told(journal: Path) -> None:
    ok(journal, "add", "win", "Unblocked @Omar on the RFC", "--impact", "merged in 2 days")
    ok(journal, "told", "dana", "Fixed flaky CI")
    with Store(journal, write=False) as store:
        assert wins_involving(store, store.find("contact", "omar")) == {4}
        assert wins_involving(store, store.find("contact", "dana")) == {1, 3}
    text = ok(journal, "packet", "month", "--with", "omar", "--redact")
    assert "Unblocked a Staff Engineer on the RFC" in text and "Launched" not in text
