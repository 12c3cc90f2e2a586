"""The demo's reflection: monthly self-checks of how others see the person, quarterly
security checks, notes, and a weekly review each Friday."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from careertui.demo.year import Year

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


def perceptions(year: Year) -> list[dict[str, Any]]:
    rows = []
    for month in range(11, -1, -1):
        day = year.ago(5 + 30 * month)
        growth = 0 if month > 7 else 1
        rows.append(
            year.record(
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


def security_checks(year: Year) -> list[dict[str, Any]]:
    rows = []
    for quarter, age in enumerate((310, 220, 130, 40)):
        day = year.ago(age)
        rows.append(
            year.record(
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


def notes(year: Year) -> list[dict[str, Any]]:
    return [
        year.record(year.ago(age), date=year.ago(age).isoformat(), text=text, tags=tags)
        for age, text, tags in NOTES
    ]


def reviews(year: Year) -> list[dict[str, Any]]:
    """One review each Friday for a year, except four missed weeks; this week's is done
    once its Friday has come."""
    friday = year.today + timedelta(days=4 - year.today.weekday())
    if friday > year.today:
        friday -= timedelta(days=7)
    rows = []
    for weeks_ago in range(51, -1, -1):
        if weeks_ago in (7, 20, 33, 46):
            continue
        day = friday - timedelta(weeks=weeks_ago)
        iso_year, week, _ = day.isocalendar()
        focus = year.rng.sample(FOCUS, 3)
        rows.append(
            year.record(
                day,
                date=day.isoformat(),
                week=f"{iso_year}-W{week:02d}",
                focus="\n".join(f"{n}. {item}" for n, item in enumerate(focus, start=1)),
                notes=year.rng.choice(
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
