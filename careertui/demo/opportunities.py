"""The demo's opportunities, weighed: an outside offer, an internal move and the guild project
side by side in Roadmap → Opportunities, and a recruiter's approach declined 100 days ago whose
"how did it turn out?" is due.

Made after the rest of the demo year, from the same seeded generator, so the earlier
records come out as before.
"""

from __future__ import annotations

from typing import Any

from careertui.demo.roadmap import goal
from careertui.demo.year import Rows, Year

GUILD = "Start a platform guild across the three product orgs"
"""The opportunity the Roadmap (roadmap.py) already has."""

OFFER = "Staff Engineer offer from Northwind Pay"
MOVE = "Tech lead of the new ledger team (internal move)"
DECLINED = "Engineering manager role at Acme Fintech (recruiter)"
DECLINED_DAYS_AGO = 100

PILLARS = ("skills", "performance", "network", "job_search", "finances")
FIT = ("domain", "function", "problems", "activities")

ASSESSMENTS: dict[str, dict[str, Any]] = {
    GUILD: {
        "values": (1, 2, 2, 1, 0, 4, 5, 5, 4),
        "why": (
            "facilitation, writing for three orgs",
            "the cross-team impact staff needs",
            "every platform lead, monthly",
            "a story for any interview",
            "",
        ),
        "pay": None,
        "timeframe": "a year, beside the day job",
        "notes": "Needs Dana's sponsorship to get the other two orgs in.",
    },
    OFFER: {
        "values": (1, 0, -1, 1, 2, 5, 4, 3, 3),
        "why": (
            "their ledger is event-sourced: new to me",
            "a new place: the track record starts at zero",
            "leaves the sponsors I built here",
            "a fresh round of interviews done well",
            "$228k total, above the target",
        ),
        "pay": 228_000,
        "timeframe": "start in January",
        "notes": "Answer by the end of the month; references next week.",
    },
    MOVE: {
        "values": (2, 1, 1, 0, 0, 4, 4, 4, 3),
        "why": (
            "first time leading a team's design end to end",
            "a visible charter, measured from day one",
            "reports to Marcus; works with finance",
            "",
            "same band; a raise only at promotion",
        ),
        "pay": 205_000,
        "timeframe": "from Q1, a six-month trial",
        "notes": "",
    },
}


def _assessment(year: Year, goal: dict[str, Any], spec: dict[str, Any]) -> dict[str, Any]:
    values = dict(zip((*PILLARS, *FIT), spec["values"], strict=True))
    why = {f"why_{p}": text for p, text in zip(PILLARS, spec["why"], strict=True)}
    return year.record(
        year.ago(6),
        goal_uuid=goal["uuid"],
        **values,
        **why,
        pay=spec["pay"],
        timeframe=spec["timeframe"],
        notes=spec["notes"],
    )


def weighed(year: Year, tables: dict[str, Rows]) -> dict[str, Rows]:
    """Two new opportunities and a declined one added to `tables["goal"]`; the assessments of
    three, and the decisions, as export rows."""
    goals = tables["goal"]
    offer = goal(year, OFFER, "opportunity", year.ahead(20))
    move = goal(year, MOVE, "opportunity", year.ahead(45))
    declined = goal(year, DECLINED, "opportunity", year.ago(DECLINED_DAYS_AGO), "dropped")
    goals += [offer, move, declined]
    by_title = {row["title"]: row for row in goals}
    assessments = [_assessment(year, by_title[title], spec) for title, spec in ASSESSMENTS.items()]
    decided = year.ago(DECLINED_DAYS_AGO)
    decisions = [
        year.record(
            year.ago(4),
            goal_uuid=offer["uuid"],
            date=year.ago(4).isoformat(),
            choice="pursuing",
            why="second interview went well; the pay is above target",
        ),
        year.record(
            decided,
            goal_uuid=declined["uuid"],
            date=decided.isoformat(),
            choice="declined",
            why="I want the staff track, not management, for now",
        ),
    ]
    return {"assessment": assessments, "decision": decisions}
