"""`careertui demo`: a realistic year in the journal of a senior engineer aiming at staff.

Everything is dated relative to `today`, so the dashboard is alive whenever the demo runs, and
drawn from a fixed random seed, so the same day always gives the same file. The year is built as a
careertui JSON export and merged with `exchange.import_data`: one write transaction, validated
like any import, refused when the file already holds data.
"""

from __future__ import annotations

import random
import uuid as uuidlib
from collections.abc import Iterator
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from typing import TYPE_CHECKING, Any

from careertui.demo_conversations import conversations
from careertui.demo_evidence import evidence
from careertui.demo_opportunities import weighed
from careertui.domain.records import KINDS
from careertui.store.export import FORMAT, FORMAT_VERSION
from careertui.store.importer import ImportResult, import_data

if TYPE_CHECKING:
    from careertui.store.store import Store

SEED = 20261123
REVIEW_IN_DAYS = 75
"""The next review is a few months ahead; the review period is the year before it."""
YEAR = 365
ACTIONS_SINCE = 330
"""Days ago the key actions were set up."""

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
FOCUS = (
    "Finish the ledger design doc",
    "Coffee with Grace about the promotion case",
    "Close the game day action items",
    "Draft the next internal post",
    "Prepare the stakeholder update",
    "Pair with Sam on the payouts retries",
    "Review the payouts API feedback from partners",
    "Book time with Marcus about ledger ownership",
    "Cut two meetings from my calendar",
)
POSTS = (
    "Why our payment retries are idempotent",
    "Reading an SLO dashboard in five minutes",
    "What we learned from the first game day",
    "Designing for rollback",
    "How we review designs before we build",
    "Event bus migration: the checklist",
    "On-call without heroics",
    "Cost per transaction, explained",
    "The ledger service in one page",
    "Writing ADRs people read",
    "Payouts API: the design choices",
    "Three habits of calm incident commanders",
)
NOTES = (
    (
        3,
        "Grace says the promotion case is strong on delivery, thin on org-wide influence. The "
        "guild pilot is the answer; get Helen in the room.",
        "promotion",
    ),
    (
        11,
        "Felt stretched this week: two incidents and the roadmap review. Protect the mornings "
        "for deep work.",
        "reflection",
    ),
    (26, "Idea: a shared reliability scorecard for all three payments teams.", "idea reliability"),
    (58, "Marcus asked me to present the ledger plan to the directors next month.", "visibility"),
    (97, "Retro on the event bus migration: the rollback drills paid off.", "migration"),
    (
        160,
        "Read 'Staff Engineer' by Will Larson: archetypes. I am closest to Tech Lead, aiming "
        "at Architect.",
        "learning",
    ),
    (240, "Set the goals for the year: staff promotion, reliability, visibility.", "planning"),
    (300, "Started this journal. Write down wins the week they happen.", "journal"),
)


class _Year:
    """Builds the year as an export document; every choice comes from one seeded generator."""

    def __init__(self, today: date, tz: tzinfo) -> None:
        self.today = today
        self.tz = tz
        self.rng = random.Random(SEED)
        self.review_date = today + timedelta(days=REVIEW_IN_DAYS)
        self.review_start = self.review_date - timedelta(days=YEAR)

    def uuid(self) -> str:
        return str(uuidlib.UUID(int=self.rng.getrandbits(128), version=4))

    def ago(self, days: int) -> date:
        return self.today - timedelta(days=days)

    def ahead(self, days: int) -> date:
        return self.today + timedelta(days=days)

    def stamp(self, day: date, hour: int | None = None) -> str:
        hour = self.rng.randint(8, 19) if hour is None else hour
        minute = self.rng.randrange(0, 60, 5)
        return datetime.combine(day, time(hour, minute), self.tz).isoformat()

    def record(self, day: date, *, changed: date | None = None, **fields: Any) -> dict[str, Any]:
        created = self.stamp(day)
        updated = created if changed is None else self.stamp(changed)
        return {"uuid": self.uuid(), "created_at": created, "updated_at": updated, **fields}

    # -- the Space, goals, actions ---------------------------------------------------------
    def profile(self) -> dict[str, Any]:
        return self.record(
            self.ago(YEAR),
            changed=self.ago(40),
            current_role="Senior Software Engineer, Payments Platform",
            target_role="Staff Engineer",
            domain="Payments infrastructure at a mid-size e-commerce company: the systems that "
            "move money reliably at scale.",
            function="Backend engineering and technical leadership across the three payments "
            "teams.",
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
            review_start=self.review_start.isoformat(),
            review_date=self.review_date.isoformat(),
            theme="",
        )

    def goal(
        self,
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
        changed = min(due, self.today) if status == "done" else self.ago(self.rng.randint(2, 30))
        return self.record(
            self.ago(300),
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

    def goals(self) -> list[dict[str, Any]]:
        promotion = self.goal(
            "Get promoted to Staff Engineer",
            "goal",
            self.review_date,
            metric="staff expectations with evidence",
            target=8,
            current=6,
            notes="Work backwards from the review: evidence for every staff expectation, two "
            "sponsors, the packet ready two weeks early.",
        )
        reliability = self.goal(
            "Become the go-to person for payments reliability",
            "goal",
            self.ahead(60),
            metric="incident reviews led",
            target=8,
            current=6,
        )
        visibility = self.goal(
            "Build visibility beyond the payments org",
            "goal",
            self.ahead(120),
            metric="talks and internal posts",
            target=12,
            current=9,
        )
        p, r, v = promotion["uuid"], reliability["uuid"], visibility["uuid"]
        return [
            promotion,
            reliability,
            visibility,
            self.goal(
                "Write the staff-level project proposal",
                "milestone",
                self.ago(250),
                "done",
                parent=p,
            ),
            self.goal(
                "Lead the event bus migration across 3 teams",
                "milestone",
                self.ago(120),
                "done",
                parent=p,
                metric="services migrated",
                target=14,
                current=14,
            ),
            self.goal(
                "Get two sponsors to back the promotion case",
                "milestone",
                self.ahead(20),
                parent=p,
                metric="sponsors",
                target=2,
                current=1,
            ),
            self.goal(
                "Submit the promotion packet",
                "milestone",
                self.review_date - timedelta(days=14),
                parent=p,
            ),
            self.goal(
                "Run the first payments game day", "milestone", self.ago(200), "done", parent=r
            ),
            self.goal(
                "Publish the reliability playbook", "milestone", self.ago(60), "done", parent=r
            ),
            self.goal(
                "Cut checkout p99 latency below 300 ms",
                "milestone",
                self.ahead(9),
                parent=r,
                metric="p99 latency (ms)",
                target=300,
                current=310,
            ),
            self.goal(
                "Give a talk at the engineering all-hands",
                "milestone",
                self.ago(150),
                "done",
                parent=v,
            ),
            self.goal(
                "Publish 12 internal posts",
                "milestone",
                self.ahead(40),
                parent=v,
                metric="posts",
                target=12,
                current=9,
            ),
            self.goal("Speak at the local payments meetup", "milestone", self.ahead(100), parent=v),
            self.goal(
                "Start a platform guild across the three product orgs",
                "opportunity",
                self.ahead(90),
                metric="teams in the guild",
                target=3,
                current=1,
                notes="Nobody owns shared platform decisions. Pitch: a monthly guild with "
                "a rotating chair; pilot with payments, checkout and data.",
            ),
        ]

    def actions(self, goals: list[dict[str, Any]]) -> list[dict[str, Any]]:
        promotion, reliability, visibility = (g["uuid"] for g in goals[:3])
        since = self.ago(ACTIONS_SINCE)
        return [
            self.record(
                since, title="Write 30 min of notes", goal_uuid=promotion, cadence="daily", active=1
            ),
            self.record(
                since,
                title="Review one PR deeply",
                goal_uuid=reliability,
                cadence="weekdays",
                active=1,
            ),
            self.record(
                since,
                title="Coffee with someone outside the team",
                goal_uuid=visibility,
                cadence="weekly:2",
                active=1,
            ),
            self.record(
                since,
                title="Publish an internal post",
                goal_uuid=visibility,
                cadence="monthly",
                active=1,
            ),
        ]

    # -- check-ins -------------------------------------------------------------------------
    def checkin(
        self, action: dict[str, Any], day: date, *, skip: bool = False, note: str = ""
    ) -> dict[str, Any]:
        return self.record(
            day, action_uuid=action["uuid"], date=day.isoformat(), skip=int(skip), note=note
        )

    def _days(self, since: date) -> Iterator[date]:
        """Every day from `since` to yesterday: today is left to check in."""
        day = since
        while day < self.today:
            yield day
            day += timedelta(days=1)

    def checkins(self, actions: list[dict[str, Any]]) -> list[dict[str, Any]]:
        notes, review, coffee, post = actions
        since = self.ago(ACTIONS_SINCE)
        rows: list[dict[str, Any]] = []
        # Daily notes: a 3-week run up to yesterday around a two-day skip, misses before it.
        for day in self._days(since):
            age = (self.today - day).days
            if age in (9, 10):
                rows.append(self.checkin(notes, day, skip=True, note="Offsite, no laptop"))
            elif age in (150, 151, 152):
                rows.append(self.checkin(notes, day, skip=True, note="Holiday"))
            elif age <= 23 or self.rng.random() < 0.8:
                rows.append(self.checkin(notes, day))
        # Weekdays: the last three weeks in a row, one planned skip.
        for day in self._days(since):
            if day.weekday() >= 5:
                continue
            age = (self.today - day).days
            if age in (150, 151):
                rows.append(self.checkin(review, day, skip=True, note="Holiday"))
            elif age <= 21 or self.rng.random() < 0.75:
                rows.append(self.checkin(review, day))
        # Twice a week: the last six weeks met, one of two this week so far.
        monday = self.today - timedelta(days=self.today.weekday())
        week = since - timedelta(days=since.weekday())
        people = [c[0] for c in CONTACTS if c[4] in ("peer", "mentor", "other")]
        while week <= monday:
            days = [week + timedelta(days=n) for n in range(5)]
            days = [d for d in days if since <= d < self.today]
            weeks_ago = (monday - week).days // 7
            if week == monday:
                wanted = min(1, len(days))
            elif weeks_ago <= 6:
                wanted = 2
            else:
                wanted = self.rng.choices((0, 1, 2), weights=(1, 2, 5))[0]
            for day in sorted(self.rng.sample(days, min(wanted, len(days)))):
                who = self.rng.choice(people)
                rows.append(self.checkin(coffee, day, note=f"Coffee with {who}"))
            week += timedelta(days=7)
        # Monthly posts: one skipped month (holiday), the rest published.
        month = date(since.year, since.month, 1)
        titles = iter(POSTS)
        while month <= self.today:
            day = month + timedelta(days=self.rng.randint(2, 24))
            if since <= day < self.today:
                if (self.today - day).days in range(135, 165):
                    rows.append(self.checkin(post, day, skip=True, note="Holiday month"))
                else:
                    rows.append(self.checkin(post, day, note=f"Posted: {next(titles, 'Notes')}"))
            month = date(month.year + month.month // 12, month.month % 12 + 1, 1)
        return rows

    # -- the rest of the year ----------------------------------------------------------------
    def requirements(self) -> list[dict[str, Any]]:
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
            self.record(
                self.ago(280),
                changed=self.ago(self.rng.randint(5, 60)),
                title=title,
                status=status,
                plan=plan,
            )
            for title, status, plan in items
        ]

    def responsibilities(self) -> list[dict[str, Any]]:
        return [self.record(self.ago(YEAR), title=title, active=1) for title in RESPONSIBILITIES]

    def wins(
        self, responsibilities: list[dict[str, Any]], goals: list[dict[str, Any]]
    ) -> list[dict[str, Any]]:
        # Newest first, about nine days apart: every month holds a win, the newest one is
        # today's, and one falls on the first day of the review period.
        ages = [0] + [9 * n + self.rng.randint(-3, 3) for n in range(1, len(WINS))]
        ages[32] = (self.today - self.review_start).days
        rows = []
        for age, (title, impact, resp, goal, tags, shared) in zip(
            reversed(ages), WINS, strict=True
        ):
            rows.append(
                self.record(
                    self.ago(age),
                    date=self.ago(age).isoformat(),
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

    def contacts(self) -> list[dict[str, Any]]:
        return [
            self.record(
                self.ago(self.rng.randint(300, YEAR)),
                changed=self.ago(self.rng.randint(5, 200)),
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
        self, name: str, influence: str, every: int | None, count: int
    ) -> list[int]:
        """Days ago of a contact's interactions, newest first. Key people were all seen in the
        last 90 days but one decision-maker, and people with a stay-in-touch cadence within it
        but two: the dashboard has a few follow-ups due, not a wall of them."""
        if name in LOST_TOUCH:
            newest = LOST_TOUCH[name]
        elif every:
            newest = self.rng.randint(1, min(every - 1, 40))
        elif influence in ("decision-maker", "sponsor"):
            newest = self.rng.randint(2, 40)
        else:
            return sorted(self.rng.sample(range(1, 355), count))
        return [newest, *sorted(self.rng.sample(range(newest + 20, 355), count - 1))]

    def interactions(self, contacts: list[dict[str, Any]]) -> list[dict[str, Any]]:
        channels = ("coffee", "lunch", "call", "email", "meeting", "event", "other")
        weights = (5, 2, 3, 2, 5, 1, 1)
        rows = []
        for contact, spec in zip(contacts, CONTACTS, strict=True):
            name, influence, every, count = spec[0], spec[4], spec[6], spec[7]
            for index, age in enumerate(self.interaction_ages(name, influence, every, count)):
                day = self.ago(age)
                topic = self.rng.choice(TOPICS[influence]).format(q=(day.month - 1) // 3 + 1)
                follow_up = None
                done = 0
                if index == 0 and influence in ("decision-maker", "sponsor"):
                    # The latest talk with each key person leaves a follow-up open.
                    follow_up = day + timedelta(days=7)
                    done = int(name == UNSEEN_DECISION_MAKER)
                elif self.rng.random() < 0.25:
                    follow_up = day + timedelta(days=self.rng.randint(3, 14))
                    done = 1 if follow_up < self.today else 0
                rows.append(
                    self.record(
                        day,
                        contact_uuid=contact["uuid"],
                        date=day.isoformat(),
                        channel=self.rng.choices(channels, weights)[0],
                        notes=topic,
                        learned=self.rng.choice(LEARNED),
                        gave=self.rng.choice(GAVE),
                        follow_up=None if follow_up is None else follow_up.isoformat(),
                        done=done,
                    )
                )
        rows.sort(key=lambda r: (r["date"], r["created_at"]))
        return rows

    def perceptions(self) -> list[dict[str, Any]]:
        rows = []
        for month in range(11, -1, -1):
            day = self.ago(5 + 30 * month)
            growth = 0 if month > 7 else 1
            rows.append(
                self.record(
                    day,
                    date=day.isoformat(),
                    behaviour=3 + growth,
                    language=3 + (month < 4),
                    attitude=4,
                    q1="As someone who sets direction for payments, not only delivers it.",
                    q2="Closer: the migration and the ADRs are noticed; exec visibility lags.",
                    q3="Reinforcing in design reviews; detracting when I jump into incidents "
                    "others could lead.",
                    q4="Calm, clear, and generous with credit.",
                    notes="" if month else "Ask Grace for blunt feedback on the all-hands talk.",
                )
            )
        return rows

    def security_checks(self) -> list[dict[str, Any]]:
        rows = []
        for quarter, age in enumerate((310, 220, 130, 40)):
            day = self.ago(age)
            rows.append(
                self.record(
                    day,
                    date=day.isoformat(),
                    skills=4,
                    performance=4,
                    network=3 + (quarter >= 2),
                    job_search=2,
                    finances=4,
                    notes="Job-search skills are the weak pillar: update the CV and do one "
                    "practice interview a quarter."
                    if quarter == 3
                    else "",
                )
            )
        return rows

    def notes(self) -> list[dict[str, Any]]:
        return [
            self.record(self.ago(age), date=self.ago(age).isoformat(), text=text, tags=tags)
            for age, text, tags in NOTES
        ]

    def reviews(self) -> list[dict[str, Any]]:
        """One review each Friday for a year, except four missed weeks; this week's is done
        once its Friday has come."""
        friday = self.today + timedelta(days=4 - self.today.weekday())
        if friday > self.today:
            friday -= timedelta(days=7)
        rows = []
        for weeks_ago in range(51, -1, -1):
            if weeks_ago in (7, 20, 33, 46):
                continue
            day = friday - timedelta(weeks=weeks_ago)
            year, week, _ = day.isocalendar()
            focus = self.rng.sample(FOCUS, 3)
            rows.append(
                self.record(
                    day,
                    date=day.isoformat(),
                    week=f"{year}-W{week:02d}",
                    focus="\n".join(f"{n}. {item}" for n, item in enumerate(focus, start=1)),
                    notes=self.rng.choice(
                        (
                            "Good week: shipped, and said no to two meetings.",
                            "Too much firefighting; block the mornings.",
                            "Wrote down three wins. Keep doing that.",
                            "Quiet week. Used it for the design doc.",
                        )
                    ),
                )
            )
        return rows

    def document(self) -> dict[str, Any]:
        goals = self.goals()
        actions = self.actions(goals)
        responsibilities = self.responsibilities()
        contacts = self.contacts()
        tables = {
            "goal": goals,
            "action": actions,
            "checkin": self.checkins(actions),
            "requirement": self.requirements(),
            "responsibility": responsibilities,
            "win": self.wins(responsibilities, goals),
            "contact": contacts,
            "interaction": self.interactions(contacts),
            "perception": self.perceptions(),
            "security": self.security_checks(),
            "note": self.notes(),
            "review": self.reviews(),
        }
        tables.update(conversations(self, tables))  # made last: the records above stay the same
        tables.update(weighed(self, tables))  # after them, for the same reason
        tables.update(evidence(self, tables))  # likewise
        return {
            "format": FORMAT,
            "version": FORMAT_VERSION,
            "profile": self.profile(),
            **{KINDS[name].table: rows for name, rows in tables.items()},
        }


def demo_document(today: date, tz: tzinfo | None = None) -> dict[str, Any]:
    """The demo year ending `today`, as a careertui JSON export (timestamps in `tz`, else UTC)."""
    return _Year(today, tz or UTC).document()


def fill_demo(store: Store, today: date, tz: tzinfo | None = None) -> ImportResult:
    """Write the demo year into `store`; refused (nothing written) when it already has data."""
    return import_data(
        store, demo_document(today, tz), today, source="the demo", require_empty=True
    )
