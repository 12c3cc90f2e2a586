"""compute_stats on a real database: the queries feed the domain what docs/FORMULAS.md counts."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest

from careertui.store import Store
from careertui.store.stats import _DAY_NUMBER, compute_stats, load_facts

TODAY = date(2026, 11, 23)  # a Monday; conftest pins CAREERTUI_TODAY (and created_at) to it
LATER = date(2026, 12, 1)  # a day after today can be written only on a later day


def ago(days: int) -> str:
    return (TODAY - timedelta(days=days)).isoformat()


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with Store(tmp_path / "t.db") as opened:
        yield opened


def test_an_empty_journal(store: Store) -> None:
    result = compute_stats(store, TODAY)
    assert result["streak"] == {"current": 0, "longest": 0}
    assert result["actions"] == []
    assert result["readiness"]["score"] == 0
    assert result["readiness"]["days_to_review"] is None
    assert result["readiness"]["period"] == {
        "start": "2025-11-23",
        "end": "2026-11-23",
        "chosen": "the last 365 days",
    }
    assert [g["points"] for g in result["readiness"]["gaps"]] == [40, 20, 15, 15, 10]
    assert result["follow_ups_due"] == [] and result["milestones_due"] == []
    assert result["security_due"] is True
    assert result["counts"] == {"wins": 0, "notes": 0, "interactions": 0, "contacts": 0, "goals": 0}
    assert set(result["heatmap"]["days"].values()) == {0}


def test_active_days_heatmap_and_counts(store: Store) -> None:
    action = store.insert("action", {"title": "Write", "cadence": "daily"}, TODAY)
    contact = store.insert("contact", {"name": "Dana Lee"}, TODAY)
    store.insert("note", {"date": ago(0), "text": "today"}, TODAY)
    store.check_in(action, ago(0), TODAY)
    store.insert("win", {"date": ago(1), "title": "Shipped"}, TODAY)
    store.insert("interaction", {"contact_id": contact, "date": ago(2)}, TODAY)
    store.check_in(action, ago(3), TODAY, skip=True)  # a skip makes no day active
    store.insert(
        "perception", {"date": ago(4), "behaviour": 3, "language": 3, "attitude": 3}, TODAY
    )
    store.insert(
        "security",
        {
            "date": ago(5),
            "skills": 3,
            "performance": 3,
            "network": 3,
            "job_search": 3,
            "finances": 3,
        },
        TODAY,
    )
    store.insert("review", {"week": "2026-W47", "date": ago(6)}, TODAY)
    store.insert("note", {"date": ago(7), "text": "a"}, TODAY)
    store.insert("note", {"date": ago(7), "text": "b"}, TODAY)
    store.insert("note", {"date": ago(-1), "text": "tomorrow: ignored"}, LATER)
    store.insert("goal", {"title": "Promotion"}, TODAY)

    result = compute_stats(store, TODAY)
    assert result["streak"] == {"current": 3, "longest": 4}
    assert result["weekly_reviews"] == {"current": 1}
    heat = result["heatmap"]
    assert heat["first"] == "2026-05-25"
    assert list(heat["days"])[-1] == TODAY.isoformat()
    assert {d: n for d, n in heat["days"].items() if n} == {
        ago(7): 2,
        ago(6): 1,
        ago(5): 1,
        ago(4): 1,
        ago(2): 1,
        ago(1): 1,
        ago(0): 2,
    }
    assert result["counts"] == {"wins": 1, "notes": 4, "interactions": 1, "contacts": 1, "goals": 1}


def test_key_actions(store: Store) -> None:
    goal = store.insert("goal", {"title": "Promotion"}, TODAY)
    daily = store.insert("action", {"title": "Write", "cadence": "daily", "goal_id": goal}, TODAY)
    weekdays = store.insert("action", {"title": "Ship", "cadence": "weekdays"}, TODAY)
    weekly = store.insert("action", {"title": "Coffee", "cadence": "weekly:2"}, TODAY)
    paused = store.insert("action", {"title": "Paused", "cadence": "daily", "active": 0}, TODAY)
    for days in (1, 2, 4, 5):
        store.check_in(daily, ago(days), TODAY)
    store.check_in(daily, ago(3), TODAY, skip=True)
    store.check_in(daily, ago(-1), LATER)  # tomorrow: ignored
    for days in (3, 2, 1):  # Fri, Sat, Sun before this Monday
        store.check_in(weekdays, ago(days), TODAY)
    for days in (7, 6, 0):  # two last week, one this week
        store.check_in(weekly, ago(days), TODAY)
    store.check_in(paused, ago(0), TODAY)

    actions = compute_stats(store, TODAY)["actions"]
    assert [(a["title"], a["streak"], a["met_this_period"], a["due_today"]) for a in actions] == [
        ("Write", 4, 0, True),  # 5, 4, (3 skipped), 2, 1 days ago; today still open
        ("Ship", 1, 0, True),  # Friday counts; the weekend counts for nothing
        ("Coffee", 1, 1, True),
    ]
    write, ship, coffee = actions
    assert write == {
        "id": daily,
        "title": "Write",
        "goal_id": goal,
        "goal": "Promotion",
        "cadence": "daily",
        "streak": 4,
        "strength": 18,
        "target": 1,
        "met_this_period": 0,
        "period_start": TODAY.isoformat(),
        "due_today": True,
    }
    assert (ship["strength"], ship["period_start"]) == (5, TODAY.isoformat())
    assert (coffee["target"], coffee["period_start"], coffee["strength"]) == (2, ago(0), 16)


def test_day_numbers_in_sql_are_python_ordinals(store: Store) -> None:
    for text in ("1900-01-01", "2024-02-29", "2026-11-23", "2200-12-31"):
        row = store.conn.execute(f"SELECT {_DAY_NUMBER} FROM (SELECT ? AS date)", (text,))
        assert row.fetchone()[0] == date.fromisoformat(text).toordinal()


def test_readiness_counts_wins_in_the_period_up_to_today(store: Store) -> None:
    store.set_profile({"review_start": "2026-09-01", "review_date": "2026-12-15"}, TODAY)
    report = store.insert("responsibility", {"title": "Stakeholder reporting"}, TODAY)
    hiring = store.insert("responsibility", {"title": "Hiring"}, TODAY)
    old = store.insert("responsibility", {"title": "Old duty", "active": 0}, TODAY)
    store.insert(
        "win",
        {
            "date": "2026-09-10",
            "title": "Hired 2",
            "impact": "2 engineers",
            "responsibility_id": hiring,
        },
        TODAY,
    )
    store.insert(
        "win", {"date": "2026-11-02", "title": "Fixed the build", "impact": "faster"}, TODAY
    )
    store.insert(
        "win", {"date": "2026-11-20", "title": "Old duty done", "responsibility_id": old}, TODAY
    )
    store.insert(
        "win",
        {
            "date": "2026-08-31",
            "title": "Before the period",
            "impact": "9",
            "responsibility_id": report,
        },
        TODAY,
    )
    store.insert(
        "win",
        {"date": "2026-11-24", "title": "Tomorrow", "impact": "1", "responsibility_id": report},
        LATER,
    )
    dana = store.insert("contact", {"name": "Dana Lee", "influence": "decision-maker"}, TODAY)
    sam = store.insert("contact", {"name": "Sam Park", "influence": "sponsor"}, TODAY)
    peer = store.insert("contact", {"name": "Pat", "influence": "peer"}, TODAY)
    store.insert("interaction", {"contact_id": dana, "date": ago(100)}, TODAY)
    store.insert("interaction", {"contact_id": dana, "date": ago(-3)}, LATER)  # future
    store.insert("interaction", {"contact_id": sam, "date": ago(90)}, TODAY)
    store.insert("interaction", {"contact_id": peer, "date": ago(400)}, TODAY)
    store.insert(
        "perception", {"date": ago(31), "behaviour": 4, "language": 4, "attitude": 4}, TODAY
    )
    store.insert(
        "perception", {"date": ago(-1), "behaviour": 4, "language": 4, "attitude": 4}, LATER
    )

    readiness = compute_stats(store, TODAY)["readiness"]
    # coverage 1/2 → 20; evidence 1 of 3 counted wins measured → 6.7; consistency: wins in
    # 2026-09 and 2026-11 of 2026-09..2026-11 → 10; visibility 1/2 → 7.5; self-check → 5
    assert readiness == {
        "score": 49,
        "band": "getting there",
        "parts": {
            "coverage": 20.0,
            "evidence": 6.7,
            "consistency": 10.0,
            "visibility": 7.5,
            "self_check": 5.0,
        },
        "gaps": [
            {"part": "coverage", "points": 20.0, "text": "Link a win to: Stakeholder reporting"},
            {
                "part": "evidence",
                "points": 13.3,
                "text": 'Add a measured impact to 2 wins, e.g. "Old duty done"',
            },
            {
                "part": "visibility",
                "points": 7.5,
                "text": "Talk to Dana Lee (decision-maker), last seen 100 days ago",
            },
            {"part": "consistency", "points": 5.0, "text": "Log a win in: 2026-10"},
            {
                "part": "self_check",
                "points": 5.0,
                "text": "Do a perception check, the last one was 31 days ago",
            },
        ],
        "days_to_review": 22,
        "review_date": "2026-12-15",
        "period": {
            "start": "2026-09-01",
            "end": "2026-12-15",
            "chosen": "your review dates",
        },
    }


def test_a_review_date_in_the_past(store: Store) -> None:
    store.set_profile({"review_date": "2026-06-30"}, TODAY)
    store.insert("note", {"date": "2025-01-02", "text": "An older journal"}, TODAY)
    store.insert("win", {"date": "2026-07-01", "title": "After the review", "impact": "3x"}, TODAY)
    store.insert("win", {"date": "2026-06-30", "title": "Last day", "impact": "3x"}, TODAY)
    readiness = compute_stats(store, TODAY)["readiness"]
    assert readiness["days_to_review"] == -146
    assert readiness["period"] == {
        "start": "2025-06-30",
        "end": "2026-06-30",
        "chosen": "the last 365 days",
    }
    assert readiness["parts"]["evidence"] == 20.0  # only the win on the last day counts
    assert readiness["parts"]["consistency"] == 1.2  # 1 of 13 months: 15/13 = 1.15


def test_due_items(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    dana = store.insert("contact", {"name": "Dana Lee", "follow_up_days": 30}, TODAY)
    sam = store.insert("contact", {"name": "Sam Park", "follow_up_days": 30}, TODAY)
    monkeypatch.setenv("CAREERTUI_TODAY", ago(45))  # added 45 days ago, never seen since
    ann = store.insert("contact", {"name": "Ann", "follow_up_days": 30}, TODAY)
    monkeypatch.setenv("CAREERTUI_TODAY", TODAY.isoformat())
    first = store.insert(
        "interaction",
        {"contact_id": dana, "date": ago(40), "notes": "deck", "follow_up": ago(5)},
        TODAY,
    )
    store.insert(
        "interaction", {"contact_id": dana, "date": ago(41), "follow_up": ago(6), "done": 1}, TODAY
    )
    store.insert("interaction", {"contact_id": sam, "date": ago(3), "follow_up": ago(-2)}, TODAY)
    goal = store.insert("goal", {"title": "Promotion"}, TODAY)
    soon = store.insert(
        "goal", {"title": "Draft", "kind": "milestone", "parent_id": goal, "due": ago(-10)}, TODAY
    )
    late = store.insert(
        "goal", {"title": "Late", "kind": "milestone", "parent_id": goal, "due": ago(3)}, TODAY
    )
    store.insert(
        "goal", {"title": "Later", "kind": "milestone", "parent_id": goal, "due": ago(-15)}, TODAY
    )
    store.insert(
        "goal",
        {"title": "Done", "kind": "milestone", "parent_id": goal, "due": ago(-1), "status": "done"},
        TODAY,
    )
    store.insert("goal", {"title": "A goal, not a milestone", "due": ago(-1)}, TODAY)
    scores = {"skills": 4, "performance": 4, "network": 3, "job_search": 4, "finances": 2}
    store.insert("security", {"date": ago(95), **scores}, TODAY)
    store.insert("security", {"date": ago(120), **dict.fromkeys(scores, 1)}, TODAY)
    store.insert("security", {"date": ago(-5), **dict.fromkeys(scores, 5)}, LATER)

    result = compute_stats(store, TODAY)
    assert result["follow_ups_due"] == [
        {
            "kind": "contact",
            "contact_id": ann,
            "contact": "Ann",
            "interaction_id": None,
            "due": ago(15),
            "days_overdue": 15,
            "text": "Get in touch with Ann (every 30 days), never seen",
        },
        {
            "kind": "contact",
            "contact_id": dana,
            "contact": "Dana Lee",
            "interaction_id": None,
            "due": ago(10),
            "days_overdue": 10,
            "text": "Get in touch with Dana Lee (every 30 days), last seen 40 days ago",
        },
        {
            "kind": "interaction",
            "contact_id": dana,
            "contact": "Dana Lee",
            "interaction_id": first,
            "due": ago(5),
            "days_overdue": 5,
            "text": "Follow up with Dana Lee: deck",
        },
    ]
    assert result["milestones_due"] == [
        {"id": late, "title": "Late", "goal": "Promotion", "due": ago(3), "days": -3},
        {"id": soon, "title": "Draft", "goal": "Promotion", "due": ago(-10), "days": 10},
    ]
    assert result["security_due"] is True
    assert result["security"] == {
        "due": True,
        "last_date": ago(95),
        "weakest": "finances",
        "weakest_score": 2,
        "days_since": 95,
    }


def test_stats_read_a_read_only_store(tmp_path: Path) -> None:
    path = tmp_path / "t.db"
    with Store(path) as writer:
        writer.insert("note", {"date": ago(0), "text": "hello"}, TODAY)
    with Store(path, write=False) as reader:
        result = compute_stats(reader, TODAY)
    assert result["streak"] == {"current": 1, "longest": 1}
    json.dumps(result)


def test_a_cadence_that_cannot_be_read_leaves_the_action_out(store: Store) -> None:
    store.insert("action", {"title": "Good", "cadence": "weekly"}, TODAY)
    bad = store.insert("action", {"title": "Bad", "cadence": "daily"}, TODAY)
    with store.write() as conn:
        conn.execute("UPDATE actions SET cadence = 'hourly' WHERE id = ?", (bad,))
    assert [a.title for a in load_facts(store, TODAY).actions] == ["Good"]


def test_a_new_journal_is_counted_from_its_first_entry(store: Store) -> None:
    """Without a review start, consistency counts the months since the first entry (a note
    two months ago), not the twelve before the journal existed."""
    store.insert("note", {"date": "2026-09-10", "text": "Started"}, TODAY)
    for day in ("2026-09-20", "2026-10-05", "2026-11-02"):
        store.insert("win", {"date": day, "title": f"Win {day}"}, TODAY)
    readiness = compute_stats(store, TODAY)["readiness"]
    assert readiness["period"]["start"] == "2026-09-10"
    assert readiness["period"]["chosen"] == "since your first entry"
    assert readiness["parts"]["consistency"] == 15.0  # Sep, Oct, Nov: each has a win
