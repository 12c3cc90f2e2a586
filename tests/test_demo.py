"""`careertui demo`: a realistic, deterministic year ending today."""

from __future__ import annotations

import time
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from careertui.demo import demo_document, fill_demo
from careertui.store import Store
from careertui.store.export import ExchangeError, export_data
from careertui.store.stats import compute_stats

TODAY = date(2026, 11, 23)


@pytest.fixture
def demo(db_path: Path) -> Store:
    store = Store(db_path)
    fill_demo(store, TODAY)
    yield store
    store.close()


def rows(store: Store, sql: str) -> list[tuple]:
    return [tuple(row) for row in store.conn.execute(sql).fetchall()]


def test_the_figures_of_the_year(demo: Store) -> None:
    counts = {
        table: demo.conn.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0]
        for table in (
            "profile",
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
            "assessments",
            "decisions",
        )
    }
    assert counts == {
        "profile": 1,
        "goals": 17,
        "actions": 4,
        "checkins": 531,
        "requirements": 7,
        "responsibilities": 6,
        "wins": 40,
        "contacts": 25,
        "interactions": 120,
        "perceptions": 12,
        "security_checks": 4,
        "notes": 8,
        "reviews": 48,
        "assessments": 3,
        "decisions": 2,
    }
    assert rows(demo, "SELECT kind, status, count(*) FROM goals GROUP BY 1, 2 ORDER BY 1, 2") == [
        ("goal", "active", 3),
        ("milestone", "active", 5),
        ("milestone", "done", 5),
        ("opportunity", "active", 3),
        ("opportunity", "dropped", 1),
    ]
    assert rows(
        demo, "SELECT count(*) FROM goals WHERE kind = 'milestone' AND parent_id IS NULL"
    ) == [(0,)]
    assert rows(demo, "SELECT title, cadence FROM actions ORDER BY id") == [
        ("Write 30 min of notes", "daily"),
        ("Review one PR deeply", "weekdays"),
        ("Coffee with someone outside the team", "weekly:2"),
        ("Publish an internal post", "monthly"),
    ]
    assert rows(
        demo,
        "SELECT a.cadence, sum(c.skip), count(*) FROM checkins c "
        "JOIN actions a ON a.id = c.action_id GROUP BY a.id ORDER BY a.id",
    ) == [
        ("daily", 5, 270),
        ("weekdays", 2, 182),
        ("weekly:2", 0, 68),
        ("monthly", 2, 11),
    ]
    assert rows(demo, "SELECT influence, count(*) FROM contacts GROUP BY 1 ORDER BY 1") == [
        ("decision-maker", 3),
        ("mentee", 4),
        ("mentor", 4),
        ("other", 4),
        ("peer", 8),
        ("sponsor", 2),
    ]
    assert rows(demo, "SELECT count(*) FROM wins WHERE impact GLOB '*[0-9]*'") == [(36,)]
    assert rows(demo, "SELECT count(*) FROM wins WHERE responsibility_id IS NULL") == [(6,)]
    assert rows(demo, "SELECT min(date), max(date) FROM wins") == [("2025-12-10", "2026-11-23")]
    assert rows(demo, "SELECT count(DISTINCT substr(date, 1, 7)) FROM wins") == [(12,)]
    assert rows(demo, "SELECT count(DISTINCT channel) FROM interactions") == [(7,)]


def test_the_profile_looks_at_a_review_a_few_months_ahead(demo: Store) -> None:
    profile = demo.profile()
    assert (profile["current_role"], profile["target_role"]) == (
        "Senior Software Engineer, Payments Platform",
        "Staff Engineer",
    )
    assert (profile["review_start"], profile["review_date"]) == ("2026-02-06", "2027-02-06")
    empty = [name for name, value in profile.items() if value in ("", None)]
    assert empty == ["theme"]


def test_the_dashboard_numbers_on_a_fixed_day(demo: Store) -> None:
    stats = compute_stats(demo, TODAY)
    readiness = stats["readiness"]
    assert (readiness["score"], readiness["band"], readiness["days_to_review"]) == (88, "ready", 75)
    assert readiness["parts"] == {
        "coverage": 33.3,
        "evidence": 17.6,
        "consistency": 15.0,
        "visibility": 12.0,
        "self_check": 10.0,
    }
    assert [(g["part"], g["points"], g["text"]) for g in readiness["gaps"]] == [
        ("coverage", 6.7, "Link a win to: Hiring and interviewing"),
        ("visibility", 3.0, "Talk to Helen Okafor (decision-maker), last seen 118 days ago"),
        (
            "evidence",
            2.4,
            'Add a measured impact to 4 wins, e.g. "Mentored the intern on the webhook retry '
            'project"',
        ),
    ]
    assert stats["streak"] == {"current": 9, "longest": 68}
    assert [(a["title"], a["streak"], a["strength"]) for a in stats["actions"]] == [
        ("Write 30 min of notes", 21, 91),
        ("Review one PR deeply", 16, 87),
        ("Coffee with someone outside the team", 6, 92),
        ("Publish an internal post", 9, 96),
    ]
    assert [f["text"] for f in stats["follow_ups_due"]] == [
        "Get in touch with Helen Okafor (every 30 days), last seen 118 days ago",
        "Get in touch with Jonas Berg (every 45 days), last seen 65 days ago",
        "Follow up with Tom Alvarez: Prepared the roadmap review with product",
        "Follow up with Marcus Webb: Talked about the platform guild pilot",
        "Follow up with Grace Kim: Talked about which staff expectations still lack evidence",
    ]
    assert stats["security_due"] is False


@pytest.mark.parametrize("today", [date(2027, 3, 6), date(2028, 2, 29), date(2025, 1, 1)])
def test_the_year_always_ends_today(tmp_path: Path, today: date) -> None:
    with Store(tmp_path / "demo.db") as store:
        fill_demo(store, today)
        latest = rows(
            store,
            "SELECT max(d) FROM (SELECT max(date) AS d FROM wins UNION ALL "
            "SELECT max(date) FROM notes UNION ALL SELECT max(date) FROM "
            "interactions UNION ALL SELECT max(date) FROM checkins UNION ALL "
            "SELECT max(date) FROM reviews UNION ALL SELECT max(date) FROM "
            "perceptions)",
        )
        stats = compute_stats(store, today)
        review_date = store.profile()["review_date"]
    assert latest == [(today.isoformat(),)]
    assert review_date == (today + timedelta(days=75)).isoformat()
    assert (stats["readiness"]["score"], stats["readiness"]["band"]) == (88, "ready")
    assert stats["actions"][0]["streak"] == 21


def test_the_same_day_gives_the_same_year() -> None:
    assert demo_document(TODAY) == demo_document(TODAY)
    assert demo_document(TODAY) != demo_document(TODAY + timedelta(days=1))


def test_timestamps_carry_the_offset_given() -> None:
    tz = timezone(timedelta(hours=-5))
    document = demo_document(TODAY, tz)
    stamps = [document["profile"]["created_at"]] + [
        record[key]
        for table in ("wins", "checkins", "contacts")
        for record in document[table]
        for key in ("created_at", "updated_at")
    ]
    assert {datetime.fromisoformat(s).utcoffset() for s in stamps} == {timedelta(hours=-5)}
    assert all(s[:10] <= TODAY.isoformat() for s in stamps)


def test_it_is_fast(db_path: Path) -> None:
    with Store(db_path) as store:
        started = time.perf_counter()
        fill_demo(store, TODAY)
        assert time.perf_counter() - started < 2.0


def test_it_refuses_a_file_with_data(demo: Store) -> None:
    before = export_data(demo)
    with pytest.raises(ExchangeError, match="already has data; nothing was written"):
        fill_demo(demo, TODAY)
    assert export_data(demo) == before
