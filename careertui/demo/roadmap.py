"""The demo's Space and Roadmap: the profile, the goals with their milestones and the
opportunity, and the target role's requirements."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from careertui.demo.year import YEAR, Year


def profile(year: Year) -> dict[str, Any]:
    return year.record(
        year.ago(YEAR),
        changed=year.ago(40),
        current_role="Senior Software Engineer, Payments Platform",
        target_role="Staff Engineer",
        domain="Payments infrastructure at a mid-size e-commerce company: the systems that "
        "move money reliably at scale.",
        function="Backend engineering and technical leadership across the three payments teams.",
        problems="Turning flaky, hard-to-change systems into boring, observable ones; "
        "untangling cross-team dependencies; making on-call humane.",
        activities="Designing systems with other teams, writing decision docs, reviewing "
        "designs and code, mentoring, running incident reviews.",
        timeframe="Staff promotion at the next review cycle",
        target_salary="$215,000 total compensation",
        capabilities="Distributed systems design; Go and Python; incident command; clear "
        "technical writing; mentoring mid-level engineers.",
        gaps="Influence beyond my org; presenting to executives; owning a multi-quarter "
        "roadmap end to end.",
        brand_message="I make payments boring: reliable systems, clear decisions, and "
        "engineers who grow.",
        review_start=year.review_start.isoformat(),
        review_date=year.review_date.isoformat(),
        theme="",
    )


def goal(
    year: Year,
    title: str,
    kind: str,
    due: date,
    status: str = "active",
    *,
    parent: str | None = None,
    metric: str = "",
    target: float | None = None,
    current: float | None = None,
    notes: str = "",
) -> dict[str, Any]:
    changed = min(due, year.today) if status == "done" else year.ago(year.rng.randint(2, 30))
    return year.record(
        year.ago(300),
        changed=changed,
        title=title,
        kind=kind,
        parent_uuid=parent,
        metric=metric,
        target=target,
        current=current,
        due=due.isoformat(),
        status=status,
        notes=notes,
    )


def goals(year: Year) -> list[dict[str, Any]]:
    promotion = goal(
        year,
        "Get promoted to Staff Engineer",
        "goal",
        year.review_date,
        metric="staff expectations with evidence",
        target=8,
        current=6,
        notes="Work backwards from the review: evidence for every staff expectation, two "
        "sponsors, the packet ready two weeks early.",
    )
    reliability = goal(
        year,
        "Become the go-to person for payments reliability",
        "goal",
        year.ahead(60),
        metric="incident reviews led",
        target=8,
        current=6,
    )
    visibility = goal(
        year,
        "Build visibility beyond the payments org",
        "goal",
        year.ahead(120),
        metric="talks and internal posts",
        target=12,
        current=9,
    )
    p, r, v = promotion["uuid"], reliability["uuid"], visibility["uuid"]
    return [
        promotion,
        reliability,
        visibility,
        goal(
            year,
            "Write the staff-level project proposal",
            "milestone",
            year.ago(250),
            "done",
            parent=p,
        ),
        goal(
            year,
            "Lead the event bus migration across 3 teams",
            "milestone",
            year.ago(120),
            "done",
            parent=p,
            metric="services migrated",
            target=14,
            current=14,
        ),
        goal(
            year,
            "Get two sponsors to back the promotion case",
            "milestone",
            year.ahead(20),
            parent=p,
            metric="sponsors",
            target=2,
            current=1,
        ),
        goal(
            year,
            "Submit the promotion packet",
            "milestone",
            year.review_date - timedelta(days=14),
            parent=p,
        ),
        goal(year, "Run the first payments game day", "milestone", year.ago(200), "done", parent=r),
        goal(year, "Publish the reliability playbook", "milestone", year.ago(60), "done", parent=r),
        goal(
            year,
            "Cut checkout p99 latency below 300 ms",
            "milestone",
            year.ahead(9),
            parent=r,
            metric="p99 latency (ms)",
            target=300,
            current=310,
        ),
        goal(
            year,
            "Give a talk at the engineering all-hands",
            "milestone",
            year.ago(150),
            "done",
            parent=v,
        ),
        goal(
            year,
            "Publish 12 internal posts",
            "milestone",
            year.ahead(40),
            parent=v,
            metric="posts",
            target=12,
            current=9,
        ),
        goal(year, "Speak at the local payments meetup", "milestone", year.ahead(100), parent=v),
        goal(
            year,
            "Start a platform guild across the three product orgs",
            "opportunity",
            year.ahead(90),
            metric="teams in the guild",
            target=3,
            current=1,
            notes="Nobody owns shared platform decisions. Pitch: a monthly guild with "
            "a rotating chair; pilot with payments, checkout and data.",
        ),
    ]


def requirements(year: Year) -> list[dict[str, Any]]:
    items = (
        (
            "Sets technical direction across several teams",
            "partial",
            "Lead the ledger design across 4 teams; publish the payments tech strategy.",
        ),
        (
            "Leads multi-quarter initiatives end to end",
            "have",
            "Event bus migration: 14 services, 3 teams, 2 quarters.",
        ),
        (
            "Influences without authority beyond the org",
            "partial",
            "Platform guild pilot; architecture forum talks.",
        ),
        (
            "Presents to executives clearly and briefly",
            "gap",
            "Present the Q4 payments review to the CTO; rehearse with Grace.",
        ),
        (
            "Grows other senior engineers",
            "partial",
            "Mentor Priya on the ledger lead role; run the design review rota.",
        ),
        (
            "Writes strategy documents that get adopted",
            "have",
            "The event bus ADR became the template.",
        ),
        (
            "Owns cross-org technical risk",
            "gap",
            "Write the payments risk register with security and SRE.",
        ),
    )
    return [
        year.record(
            year.ago(280),
            changed=year.ago(year.rng.randint(5, 60)),
            title=title,
            status=status,
            plan=plan,
        )
        for title, status, plan in items
    ]
