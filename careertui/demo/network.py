"""The demo's network: contacts across every circle and influence, and a year of
interactions with a few follow-ups due."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from careertui.demo.year import YEAR, Year

# (name, org, role, circle, influence, knows_me, follow_up_days, interactions, notes)
CONTACTS: tuple[tuple[str, str, str, str, str, int, int | None, int, str], ...] = (
    (
        "Dana Lee",
        "Acme Commerce",
        "VP Engineering",
        "leadership",
        "decision-maker",
        3,
        30,
        10,
        "Chairs the promotion committee. Cares about cross-team impact and clear written updates.",
    ),
    (
        "Marcus Webb",
        "Acme Commerce",
        "Director of Engineering, Payments",
        "leadership",
        "decision-maker",
        3,
        21,
        9,
        "My skip-level. Wants me to own the ledger roadmap.",
    ),
    (
        "Helen Okafor",
        "Acme Commerce",
        "CTO",
        "leadership",
        "decision-maker",
        1,
        30,
        3,
        "Signs off staff promotions. Prefers one-page memos.",
    ),
    (
        "Grace Kim",
        "Acme Commerce",
        "Principal Engineer",
        "architecture",
        "sponsor",
        3,
        21,
        9,
        "Offered to back my staff case; reviews my design docs.",
    ),
    (
        "Tom Alvarez",
        "Acme Commerce",
        "Director of Product, Payments",
        "product",
        "sponsor",
        2,
        30,
        6,
        "Brings me into roadmap planning; speaks up for engineering in product reviews.",
    ),
    (
        "Aisha Bello",
        "Acme Commerce",
        "Staff Engineer, Search",
        "staff group",
        "mentor",
        3,
        30,
        7,
        "Went through the staff process last year. Monthly mentoring.",
    ),
    (
        "Jonas Berg",
        "Northwind Labs",
        "Engineering Manager",
        "former colleagues",
        "mentor",
        2,
        45,
        5,
        "My first manager. Honest about blind spots.",
    ),
    (
        "Laura Chen",
        "Northwind Pay",
        "Staff Engineer",
        "industry",
        "mentor",
        2,
        60,
        5,
        "Met at a payments meetup; knows the market for staff roles.",
    ),
    (
        "Peter Novak",
        "Acme Commerce",
        "Principal SRE",
        "reliability",
        "mentor",
        2,
        45,
        6,
        "Taught me incident command.",
    ),
    (
        "Lena Fischer",
        "Acme Commerce",
        "Senior Engineer, Data Platform",
        "engineering",
        "peer",
        2,
        60,
        4,
        "",
    ),
    (
        "Omar Haddad",
        "Acme Commerce",
        "Senior Engineer, Mobile",
        "engineering",
        "peer",
        1,
        None,
        3,
        "",
    ),
    ("Chloe Martin", "Acme Commerce", "SRE", "reliability", "peer", 2, None, 4, ""),
    ("Diego Santos", "Acme Commerce", "Senior Engineer, Fraud", "payments", "peer", 2, 60, 3, ""),
    ("Nina Patel", "Acme Commerce", "Product Manager, Checkout", "product", "peer", 3, None, 4, ""),
    ("Ben Carter", "Acme Commerce", "Frontend Lead", "engineering", "peer", 1, None, 2, ""),
    ("Yuki Tanaka", "Acme Commerce", "Security Engineer", "security", "peer", 1, None, 2, ""),
    ("Zoë Laurent", "Acme Commerce", "Product Designer", "product", "peer", 1, None, 2, ""),
    (
        "Sam Rivera",
        "Acme Commerce",
        "Software Engineer",
        "team",
        "mentee",
        3,
        14,
        9,
        "Growing into on-call and design work.",
    ),
    (
        "Priya Shah",
        "Acme Commerce",
        "Software Engineer",
        "team",
        "mentee",
        3,
        14,
        7,
        "Leads the ledger project.",
    ),
    ("Leo Rossi", "Acme Commerce", "Engineering Intern", "team", "mentee", 2, None, 4, ""),
    ("Mia Johnson", "Acme Commerce", "Software Engineer", "team", "mentee", 2, 30, 5, ""),
    ("Kate Walsh", "Acme Commerce", "Finance Business Partner", "finance", "other", 2, None, 3, ""),
    ("Arjun Rao", "Acme Commerce", "Technical Recruiter", "hiring", "other", 1, None, 3, ""),
    (
        "Ellen Brooks",
        "Payments Meetup",
        "Organiser",
        "industry",
        "other",
        1,
        90,
        2,
        "Runs the local payments meetup; looking for speakers.",
    ),
    ("Victor Hughes", "Ledgerly", "Account Manager", "vendors", "other", 0, None, 3, ""),
)
UNSEEN_DECISION_MAKER = "Helen Okafor"
LOST_TOUCH = {UNSEEN_DECISION_MAKER: 118, "Jonas Berg": 65}
"""Days since the latest interaction with the two people the demo has lost touch with: one
decision-maker (a visibility gap) and a mentor."""

TOPICS = {
    "decision-maker": (
        "Walked through the payments roadmap and where the ledger fits",
        "Shared the Q{q} reliability numbers and what they mean for the roadmap",
        "Asked what staff-level scope looks like in payments",
        "Discussed the event bus migration risks and the rollback plan",
        "Talked about the platform guild pilot",
    ),
    "sponsor": (
        "Reviewed my promotion narrative together",
        "Got feedback on the ledger design doc",
        "Talked about which staff expectations still lack evidence",
        "Prepared the roadmap review with product",
    ),
    "mentor": (
        "Talked about influencing without authority",
        "Practised the exec summary for the payouts API",
        "How to say no to scope creep without burning bridges",
        "Reviewed my calendar: too much firefighting, not enough strategy",
    ),
    "peer": (
        "Aligned on the event schema for payments events",
        "Swapped notes on on-call load",
        "Paired on the checkout latency regression",
        "Planned the joint game day",
    ),
    "mentee": (
        "1:1 on design doc structure",
        "Went through the incident timeline together",
        "Career conversation: what senior means here",
        "Reviewed their first RFC",
    ),
    "other": (
        "Caught up on hiring pipeline for the payments team",
        "Went through the quarterly cost report",
        "Talked about a talk slot at the next meetup",
        "Contract renewal and support escalations",
    ),
}
LEARNED = (
    "Directors read the first paragraph only: lead with the decision.",
    "The CTO cares about cost per transaction more than latency.",
    "Promotion cases are judged on scope, not effort.",
    "Finance plans two quarters ahead; share numbers early.",
    "",
    "",
)
GAVE = (
    "Shared the SLO dashboard and how to read it.",
    "Introduced them to Grace for the architecture forum.",
    "Sent my design doc template.",
    "Offered to review their migration plan.",
    "",
    "",
)


def contacts(year: Year) -> list[dict[str, Any]]:
    return [
        year.record(
            year.ago(year.rng.randint(300, YEAR)),
            changed=year.ago(year.rng.randint(5, 200)),
            name=name,
            org=org,
            role=role,
            circle=circle,
            influence=influence,
            knows_me=knows_me,
            follow_up_days=every,
            notes=notes,
        )
        for name, org, role, circle, influence, knows_me, every, _n, notes in CONTACTS
    ]


def interaction_ages(
    year: Year, name: str, influence: str, every: int | None, count: int
) -> list[int]:
    """Days ago of a contact's interactions, newest first. Key people were all seen in the
    last 90 days but one decision-maker, and people with a stay-in-touch cadence within it
    but two: the dashboard has a few follow-ups due, not a wall of them."""
    if name in LOST_TOUCH:
        newest = LOST_TOUCH[name]
    elif every:
        newest = year.rng.randint(1, min(every - 1, 40))
    elif influence in ("decision-maker", "sponsor"):
        newest = year.rng.randint(2, 40)
    else:
        return sorted(year.rng.sample(range(1, 355), count))
    return [newest, *sorted(year.rng.sample(range(newest + 20, 355), count - 1))]


def interactions(year: Year, contacts: list[dict[str, Any]]) -> list[dict[str, Any]]:
    channels = ("coffee", "lunch", "call", "email", "meeting", "event", "other")
    weights = (5, 2, 3, 2, 5, 1, 1)
    rows = []
    for contact, spec in zip(contacts, CONTACTS, strict=True):
        name, influence, every, count = spec[0], spec[4], spec[6], spec[7]
        for index, age in enumerate(interaction_ages(year, name, influence, every, count)):
            day = year.ago(age)
            topic = year.rng.choice(TOPICS[influence]).format(q=(day.month - 1) // 3 + 1)
            follow_up = None
            done = 0
            if index == 0 and influence in ("decision-maker", "sponsor"):
                # The latest talk with each key person leaves a follow-up open.
                follow_up = day + timedelta(days=7)
                done = int(name == UNSEEN_DECISION_MAKER)
            elif year.rng.random() < 0.25:
                follow_up = day + timedelta(days=year.rng.randint(3, 14))
                done = 1 if follow_up < year.today else 0
            rows.append(
                year.record(
                    day,
                    contact_uuid=contact["uuid"],
                    date=day.isoformat(),
                    channel=year.rng.choices(channels, weights)[0],
                    notes=topic,
                    learned=year.rng.choice(LEARNED),
                    gave=year.rng.choice(GAVE),
                    follow_up=None if follow_up is None else follow_up.isoformat(),
                    done=done,
                )
            )
    rows.sort(key=lambda r: (r["date"], r["created_at"]))
    return rows
