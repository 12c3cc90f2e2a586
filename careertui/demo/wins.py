"""The demo's wins and the responsibilities they cover."""

from __future__ import annotations

from typing import Any

from careertui.demo.year import YEAR, Year

RESPONSIBILITIES = (
    "Stakeholder reporting",
    "Technical design and architecture reviews",
    "Service reliability and on-call",
    "Mentoring engineers on the team",
    "Delivery of the payments roadmap",
    "Hiring and interviewing",
)
REPORTING, DESIGN, RELIABILITY, MENTORING, DELIVERY, HIRING = range(6)
PROMOTION, RELIABILITY_GOAL, VISIBILITY_GOAL = range(3)

# (title, impact, responsibility, goal, tags, shared with), oldest first. Hiring's wins predate
# the review period, which leaves the demo a coverage gap to close; four impacts are modest.
WINS: tuple[tuple[str, str, int | None, int | None, str, str], ...] = (
    (
        "Interviewed 6 backend candidates and wrote structured feedback",
        "2 offers accepted; feedback turnaround cut from 5 days to 1",
        HIRING,
        None,
        "hiring",
        "",
    ),
    (
        "Wrote the payments on-call runbook",
        "Median time to mitigate fell from 48 to 22 minutes",
        RELIABILITY,
        RELIABILITY_GOAL,
        "reliability writing",
        "#payments-oncall",
    ),
    (
        "Led the design review for idempotent payment retries",
        "Duplicate charges fell from 31 a month to 0",
        DESIGN,
        None,
        "design payments",
        "",
    ),
    (
        "Ran the interview calibration session for the backend loop",
        "Interviewer agreement rose from 60% to 85%",
        HIRING,
        None,
        "hiring",
        "",
    ),
    (
        "Started a biweekly payments status email to product and finance",
        "Read by 40+ stakeholders; 3 escalations caught early in the first month",
        REPORTING,
        None,
        "reporting visibility",
        "Product and finance leads",
    ),
    (
        "Paired weekly with Sam on his first on-call rotation",
        "Sam closed 4 incidents on his own by week 6",
        MENTORING,
        None,
        "mentoring",
        "",
    ),
    (
        "Shipped the refund service rewrite",
        "p99 latency from 1.8 s to 240 ms; 0 incidents since launch",
        DELIVERY,
        None,
        "payments delivery",
        "Eng all-hands",
    ),
    (
        "Wrote the ADR for moving payments to the event bus",
        "Approved by 3 teams in 1 review; now the template for ADRs",
        DESIGN,
        PROMOTION,
        "design writing",
        "Architecture forum",
    ),
    (
        "Cut the flaky integration suite from 45 to 12 minutes",
        "Saves about 20 engineer-hours a week of CI waits",
        None,
        None,
        "devex",
        "#eng-productivity",
    ),
    (
        "Presented the Q1 payments health review to the VP",
        "Headcount for 1 extra SRE approved",
        REPORTING,
        PROMOTION,
        "reporting visibility",
        "Dana Lee",
    ),
    (
        "Mentored Priya through her first design doc",
        "Approved in 1 round; she now leads the ledger project",
        MENTORING,
        None,
        "mentoring",
        "",
    ),
    (
        "Led the incident review for the card authorisation outage",
        "7 action items, all closed within 30 days",
        RELIABILITY,
        RELIABILITY_GOAL,
        "reliability incident",
        "Incident review",
    ),
    (
        "Delivered the multi-currency checkout milestone 2 weeks early",
        "Unblocked the launch in 3 new markets",
        DELIVERY,
        None,
        "payments delivery",
        "Product update",
    ),
    (
        "Ran the first payments game day",
        "Found 5 failure modes before customers did",
        RELIABILITY,
        RELIABILITY_GOAL,
        "reliability",
        "#payments",
    ),
    (
        "Set up a design review rota across the three payments teams",
        "Designs are now reviewed before the build starts, not after",
        DESIGN,
        None,
        "design",
        "",
    ),
    (
        "Built the payments SLO dashboard",
        "4 SLOs tracked; error budgets reviewed weekly by 2 teams",
        REPORTING,
        RELIABILITY_GOAL,
        "reporting reliability",
        "Weekly ops review",
    ),
    (
        "Migrated 14 services to the event bus without downtime",
        "0 customer-facing incidents; 2 legacy queues retired",
        DELIVERY,
        PROMOTION,
        "migration delivery",
        "Eng all-hands",
    ),
    (
        "Coached two engineers through their promotion cases",
        "Both promoted to senior this cycle (2 of 2)",
        MENTORING,
        None,
        "mentoring",
        "",
    ),
    (
        'Wrote "How we run incident reviews" for the engineering blog',
        "1,200 internal reads; adopted by the mobile org",
        None,
        VISIBILITY_GOAL,
        "writing visibility",
        "Engineering blog",
    ),
    (
        "Replaced the nightly reconciliation batch with streaming checks",
        "Mismatches found in 5 minutes instead of 24 hours",
        DELIVERY,
        None,
        "payments",
        "",
    ),
    (
        "Gave the architecture talk at the engineering all-hands",
        "150 attendees; 3 teams asked for follow-up sessions",
        None,
        VISIBILITY_GOAL,
        "visibility talk",
        "Eng all-hands",
    ),
    (
        "Tuned the noisy payments alerts",
        "Pages per week down from 38 to 9",
        RELIABILITY,
        RELIABILITY_GOAL,
        "reliability",
        "",
    ),
    (
        "Drove the fraud-check vendor evaluation",
        "Chose a vendor that saves $180k a year",
        DESIGN,
        None,
        "design",
        "Grace Kim",
    ),
    (
        "Monthly reporting pack adopted by finance",
        "Finance now plans from our numbers",
        REPORTING,
        None,
        "reporting",
        "Kate Walsh",
    ),
    (
        "Onboarded two new hires onto the payments codebase",
        "First PRs merged in 3 days instead of 2 weeks",
        MENTORING,
        None,
        "mentoring onboarding",
        "",
    ),
    (
        "Shipped saved cards for returning customers",
        "Checkout conversion up 2.4%",
        DELIVERY,
        None,
        "delivery",
        "Product update",
    ),
    (
        "Led the cross-team design of the ledger service",
        "Signed off by 4 teams and the principal engineer",
        DESIGN,
        PROMOTION,
        "design",
        "Architecture forum",
    ),
    (
        "Took incident command for the peak-season load test",
        "Held 5x normal traffic with p99 under 300 ms",
        RELIABILITY,
        RELIABILITY_GOAL,
        "reliability",
        "#payments",
    ),
    (
        "Started office hours for payments integrations",
        "11 teams helped; integration tickets down 35%",
        None,
        VISIBILITY_GOAL,
        "visibility",
        "",
    ),
    (
        "Published the quarterly payments roadmap review",
        "Roadmap trade-offs agreed with product in one meeting",
        REPORTING,
        None,
        "reporting",
        "Tom Alvarez",
    ),
    (
        "Mentored the intern on the webhook retry project",
        "The intern shipped it to production and got a return offer",
        MENTORING,
        None,
        "mentoring",
        "",
    ),
    (
        "Right-sized the payments database cluster",
        "$6,500 a month saved",
        DELIVERY,
        None,
        "cost",
        "",
    ),
    (
        "Wrote the reliability playbook for the payments org",
        "Used in 9 incident reviews since",
        RELIABILITY,
        RELIABILITY_GOAL,
        "reliability writing",
        "Engineering wiki",
    ),
    (
        "Proposed the platform guild to the engineering directors",
        "3 directors agreed to a pilot",
        None,
        PROMOTION,
        "leadership visibility",
        "Marcus Webb",
    ),
    (
        "Led the design of the new payouts API",
        "Reviewed by 5 teams; 0 breaking changes for partners",
        DESIGN,
        PROMOTION,
        "design",
        "",
    ),
    (
        "Sent the Q3 stakeholder update with the SLO trends",
        "2 directors reused the charts in their own reviews",
        REPORTING,
        None,
        "reporting",
        "Directors",
    ),
    (
        "Brought checkout p99 latency from 420 to 310 ms",
        "Abandoned checkouts down 1.1 points at peak",
        RELIABILITY,
        RELIABILITY_GOAL,
        "performance",
        "",
    ),
    (
        "Paired with Sam on his first design doc",
        "Approved by the architecture group in 1 round",
        MENTORING,
        None,
        "mentoring",
        "",
    ),
    (
        "Delivered the payouts API beta to 3 partners",
        "€2.1M paid out in the first 2 weeks",
        DELIVERY,
        PROMOTION,
        "delivery",
        "Dana Lee",
    ),
    (
        "Shared the event bus migration retrospective at the staff forum",
        "40 engineers attended; 2 teams booked their migrations",
        None,
        VISIBILITY_GOAL,
        "visibility talk",
        "Staff forum",
    ),
)


def responsibilities(year: Year) -> list[dict[str, Any]]:
    return [year.record(year.ago(YEAR), title=title, active=1) for title in RESPONSIBILITIES]


def wins(
    year: Year, responsibilities: list[dict[str, Any]], goals: list[dict[str, Any]]
) -> list[dict[str, Any]]:
    # Newest first, about nine days apart: every month holds a win, the newest one is
    # today's, and one falls on the first day of the review period.
    ages = [0] + [9 * n + year.rng.randint(-3, 3) for n in range(1, len(WINS))]
    ages[32] = (year.today - year.review_start).days
    rows = []
    for age, (title, impact, resp, goal, tags, shared) in zip(reversed(ages), WINS, strict=True):
        rows.append(
            year.record(
                year.ago(age),
                date=year.ago(age).isoformat(),
                title=title,
                impact=impact,
                responsibility_uuid=None if resp is None else responsibilities[resp]["uuid"],
                goal_uuid=None if goal is None else goals[goal]["uuid"],
                tags=tags,
                shared_with=shared,
                notes="",
            )
        )
    return rows
