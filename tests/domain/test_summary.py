"""build_stats (the object of `stats --json`) and format_stats (its readable summary)."""

from __future__ import annotations

import json
from datetime import date, timedelta
from typing import Any

from careertui.domain.cadence import parse_cadence
from careertui.domain.due import Decided, KeepInTouch, Milestone, OpenFollowUp
from careertui.domain.readiness import KeyContact, ReadinessFacts, ReviewPeriod
from careertui.domain.stats import (
    ActionFacts,
    StatsFacts,
    build_stats,
    format_stats,
    heatmap_first,
    tenths,
)

D = date.fromisoformat
TODAY = D("2026-03-14")  # a Saturday


def _facts(**changes: Any) -> StatsFacts:
    days = [TODAY - timedelta(days=n) for n in (0, 1, 2, 5, 6, 7, 8)]
    base: dict[str, Any] = {
        "active_days": days,
        "day_counts": {
            TODAY: 3,
            TODAY - timedelta(days=1): 1,
            D("2025-09-08"): 2,
            D("2025-09-07"): 9,
        },
        "review_weeks": ["2026-W10", "2026-W09"],
        "actions": [
            ActionFacts(
                1,
                "Write\x1b[2J 500 words",
                None,
                None,
                parse_cadence("daily"),
                D("2026-03-01"),
                [D("2026-03-13").toordinal()],
                [],
            ),
            ActionFacts(
                2,
                "Ship notes",
                5,
                "Promotion",
                parse_cadence("weekdays"),
                D("2026-03-01"),
                [D("2026-03-12").toordinal()],
                [],
            ),
        ],
        "period": ReviewPeriod(D("2026-01-01"), D("2026-06-30")),
        "review_date": D("2026-06-30"),
        "readiness": ReadinessFacts(
            {1: "Stakeholder reporting", 2: "Hiring", 3: "Budget"},
            frozenset({2}),
            3,
            2,
            frozenset({"2026-01", "2026-03"}),
            (KeyContact("Dana Lee", "decision-maker", None),),
            TODAY - timedelta(days=40),
            "Ran the offsite",
        ),
        "open_follow_ups": [OpenFollowUp(4, 9, "Sam Park", D("2026-03-10"), "deck")],
        "keep_in_touch": [KeepInTouch(8, "Dana Lee", 30, None, D("2026-01-01"))],
        "milestones": [Milestone(6, "Draft the case", "Promotion", D("2026-03-20"))],
        "security_date": D("2025-11-01"),
        "security_scores": {
            "skills": 4,
            "performance": 4,
            "network": 3,
            "job_search": 2,
            "finances": 3,
        },
        "counts": {"wins": 3, "notes": 4, "interactions": 1, "contacts": 2, "goals": 2},
        "decided": [
            Decided(7, "Acme", "accepted", D("2025-12-01"), False),
            Decided(8, "Globex", "declined", D("2025-12-20"), False),  # due on 2026-03-20
        ],
    }
    base.update(changes)
    return StatsFacts(**base)


def test_build_stats() -> None:
    result = build_stats(_facts(), TODAY)
    json.dumps(result)  # plain JSON types only
    heat = result.pop("heatmap")
    assert result == {
        "today": "2026-03-14",
        "streak": {"current": 3, "longest": 4},
        "weekly_reviews": {"current": 2},
        "actions": [
            {
                "id": 1,
                "title": "Write\x1b[2J 500 words",
                "goal_id": None,
                "goal": None,
                "cadence": "daily",
                "streak": 1,
                "strength": 5,
                "target": 1,
                "met_this_period": 0,
                "period_start": "2026-03-14",
                "due_today": True,
            },
            # weekdays on a Saturday: the current period is Friday, unmet, not due today
            {
                "id": 2,
                "title": "Ship notes",
                "goal_id": 5,
                "goal": "Promotion",
                "cadence": "weekdays",
                "streak": 1,
                "strength": 5,
                "target": 1,
                "met_this_period": 0,
                "period_start": "2026-03-13",
                "due_today": False,
            },
        ],
        "readiness": {
            "score": 42,  # 40/3 + 40/3 + 10 + 0 + 5 = 41.67
            "band": "getting there",
            "parts": {
                "coverage": 13.3,
                "evidence": 13.3,
                "consistency": 10.0,
                "visibility": 0.0,
                "self_check": 5.0,
            },
            "gaps": [
                {
                    "part": "coverage",
                    "points": 26.7,
                    "text": "Link a win to: Stakeholder reporting",
                },
                {
                    "part": "visibility",
                    "points": 15.0,
                    "text": "Talk to Dana Lee (decision-maker), never seen",
                },
                {
                    "part": "evidence",
                    "points": 6.7,
                    "text": 'Add a measured impact to 1 win, e.g. "Ran the offsite"',
                },
                {"part": "consistency", "points": 5.0, "text": "Log a win in: 2026-02"},
                {
                    "part": "self_check",
                    "points": 5.0,
                    "text": "Do a perception check, the last one was 40 days ago",
                },
            ],
            "days_to_review": 108,
            "review_date": "2026-06-30",
            "period": {
                "start": "2026-01-01",
                "end": "2026-06-30",
                "chosen": "your review dates",
            },
        },
        "follow_ups_due": [
            {
                "kind": "contact",
                "contact_id": 8,
                "contact": "Dana Lee",
                "interaction_id": None,
                "due": "2026-01-31",
                "days_overdue": 42,
                "text": "Get in touch with Dana Lee (every 30 days), never seen",
            },
            {
                "kind": "interaction",
                "contact_id": 9,
                "contact": "Sam Park",
                "interaction_id": 4,
                "due": "2026-03-10",
                "days_overdue": 4,
                "text": "Follow up with Sam Park: deck",
            },
        ],
        "milestones_due": [
            {
                "id": 6,
                "title": "Draft the case",
                "goal": "Promotion",
                "due": "2026-03-20",
                "days": 6,
            },
        ],
        "security_due": True,
        "security": {
            "due": True,
            "last_date": "2025-11-01",
            "weakest": "job_search",
            "weakest_score": 2,
            "days_since": 133,
        },
        "look_backs_due": [
            {
                "goal_id": 7,
                "title": "Acme",
                "choice": "accepted",
                "decided": "2025-12-01",
                "due": "2026-03-01",
                "text": "How did the choice of Acme turn out?",
            }
        ],
        "measure_due": [],
        "promotion_case": {"evidenced": 0, "total": 0, "next_steps": []},
        "counts": {"wins": 3, "notes": 4, "interactions": 1, "contacts": 2, "goals": 2},
    }
    # 182 days ending today, from the Monday on or before their first day
    assert heat["first"] == "2025-09-08" == heatmap_first(TODAY).isoformat()
    assert len(heat["days"]) == 188
    assert list(heat["days"])[-1] == "2026-03-14"
    assert {d: n for d, n in heat["days"].items() if n} == {
        "2025-09-08": 2,
        "2026-03-13": 1,
        "2026-03-14": 3,
    }


def test_heatmap_first_is_a_monday() -> None:
    for offset in range(7):
        today = TODAY + timedelta(days=offset)
        first = heatmap_first(today)
        assert first.weekday() == 0
        assert 182 <= (today - first).days + 1 <= 188


def test_tenths_round_half_up() -> None:
    from fractions import Fraction

    assert tenths(Fraction(40, 3)) == 13.3
    assert tenths(Fraction(80, 3)) == 26.7
    assert tenths(Fraction(1, 4)) == 0.3  # round() would say 0.2
    assert tenths(Fraction(0)) == 0.0


def test_format_stats() -> None:
    text = format_stats(build_stats(_facts(), TODAY))
    assert text == "\n".join(
        [
            "Today: 2026-03-14",
            "Journaling streak: 3 days (longest 4 days)",
            "Weekly reviews: 2 weeks in a row",
            "",
            "Key actions:",
            "  Write\ufffd[2J 500 words  daily      streak   1  strength   5  due (0/1 this period)",
            "  Ship notes           weekdays   streak   1  strength   5  0/1 this period",
            "",
            "Review readiness: 42/100 (getting there); review in 108 days (2026-06-30)",
            "  coverage 13.3/40  evidence 13.3/20  consistency 10/15  visibility 0/15  self_check 5/10",
            "  -26.7 coverage: Link a win to: Stakeholder reporting",
            "  -15 visibility: Talk to Dana Lee (decision-maker), never seen",
            '  -6.7 evidence: Add a measured impact to 1 win, e.g. "Ran the offsite"',
            "",
            "Due:",
            "  Follow-up: Get in touch with Dana Lee (every 30 days), never seen (42 days overdue)",
            "  Follow-up: Follow up with Sam Park: deck (4 days overdue)",
            "  Milestone: Draft the case (Promotion), due in 6 days (2026-03-20)",
            "  Look back: How did the choice of Acme turn out? (accepted 2025-12-01)",
            "  Security check: due, the last was 133 days ago; weakest: job-search skills (2/5)",
        ]
    )


def test_format_stats_of_an_empty_journal() -> None:
    empty = _facts(
        active_days=[],
        day_counts={},
        review_weeks=[],
        actions=[],
        review_date=None,
        readiness=ReadinessFacts({}, frozenset(), 0, 0, frozenset(), (), None),
        open_follow_ups=[],
        keep_in_touch=[],
        milestones=[],
        decided=[],
        security_date=TODAY - timedelta(days=3),
        security_scores={
            "skills": 3,
            "performance": 3,
            "network": 3,
            "job_search": 3,
            "finances": 3,
        },
    )
    text = format_stats(build_stats(empty, TODAY))
    assert "Journaling streak: 0 days (longest 0 days)" in text
    assert "Key actions: none yet (careertui add action TITLE --cadence daily)" in text
    assert "Review readiness: 0/100 (not ready)\n" in text
    assert text.endswith("Due: nothing")


def test_format_stats_overdue_milestone_and_review_in_the_past() -> None:
    facts = _facts(
        milestones=[Milestone(1, "Old\nthing", None, D("2026-03-04"))], review_date=D("2026-03-04")
    )
    text = format_stats(build_stats(facts, TODAY))
    assert "  Milestone: Old thing, overdue by 10 days (2026-03-04)" in text
    assert "review 10 days ago (2026-03-04)" in text
