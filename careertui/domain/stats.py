"""Every number of the dashboard in one object (the JSON of `careertui stats --json`), and its
readable summary.

`build_stats` is pure: the store gathers `StatsFacts` with its queries and this module does the
rest, so the CLI and the TUI show the same figures.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from fractions import Fraction
from typing import Any

from careertui.domain.cadence import Cadence
from careertui.domain.due import (
    Decided,
    KeepInTouch,
    Milestone,
    OpenFollowUp,
    UnmeasuredWin,
    follow_ups_due,
    look_backs_due,
    measure_due,
    milestones_due,
    security_status,
)
from careertui.domain.promotion import RequirementFacts, promotion_case
from careertui.domain.readiness import (
    CHOSEN,
    FULL_MARKS,
    ReadinessFacts,
    ReviewPeriod,
    review_readiness,
)
from careertui.domain.streaks import action_progress, journaling_streak, weekly_review_streak
from careertui.domain.text import one_line

HEATMAP_DAYS = 182
"""26 full weeks; the heatmap starts on the Monday on or before `today - 181 days`."""
TOP_GAPS = 3
PILLAR_LABELS = {
    "skills": "job skills",
    "performance": "job performance",
    "network": "business network",
    "job_search": "job-search skills",
    "finances": "finances",
}


@dataclass(frozen=True, slots=True)
class ActionFacts:
    """An active key action and its check-ins, as day numbers (`date.toordinal()`): `done` those
    that are not skips, `skips` the skips."""

    id: int
    title: str
    goal_id: int | None
    goal: str | None
    cadence: Cadence
    created: date
    done: Sequence[int]
    skips: Sequence[int]


@dataclass(frozen=True, slots=True)
class StatsFacts:
    """What the store read for `today`; nothing here is computed yet."""

    active_days: Sequence[date]
    """Every active day up to today."""
    day_counts: Mapping[date, int]
    """Entries of the kinds that make a day active, per day of the heatmap (from
    `heatmap_first(today)` to today); days without any are left out."""
    review_weeks: Sequence[str]
    actions: Sequence[ActionFacts]
    period: ReviewPeriod
    review_date: date | None
    readiness: ReadinessFacts
    open_follow_ups: Sequence[OpenFollowUp]
    keep_in_touch: Sequence[KeepInTouch]
    milestones: Sequence[Milestone]
    security_date: date | None
    security_scores: Mapping[str, int] | None
    counts: Mapping[str, int]
    decided: Sequence[Decided] = ()
    """Each opportunity's latest decision, for the look-backs due."""
    unmeasured: Sequence[UnmeasuredWin] = ()
    """Wins without a measured impact, old enough for a "Measure:" reminder."""
    requirements: Sequence[RequirementFacts] = ()
    """The target role's requirements with their evidencing wins (the promotion case)."""


def tenths(value: Fraction) -> float:
    """Points shown to one decimal, rounded half up like the score."""
    return math.floor(value * 10 + Fraction(1, 2)) / 10


def heatmap_first(today: date) -> date:
    start = today - timedelta(days=HEATMAP_DAYS - 1)
    return start - timedelta(days=start.weekday())


def _iso(day: date | None) -> str | None:
    return None if day is None else day.isoformat()


def build_stats(facts: StatsFacts, today: date) -> dict[str, Any]:
    """The object `stats --json` prints plus what the dashboard reads (see the keys below)."""
    streak = journaling_streak(facts.active_days, today)

    first = heatmap_first(today)
    heat = {}
    for offset in range((today - first).days + 1):
        day = first + timedelta(days=offset)
        heat[day.isoformat()] = facts.day_counts.get(day, 0)

    actions = []
    for action in facts.actions:
        progress = action_progress(action.cadence, action.created, action.done, action.skips, today)
        actions.append(
            {
                "id": action.id,
                "title": action.title,
                "goal_id": action.goal_id,
                "goal": action.goal,
                "cadence": action.cadence.text,
                "streak": progress.streak,
                "strength": progress.strength,
                "target": progress.target,
                "met_this_period": progress.met_this_period,
                "period_start": progress.period_start.isoformat(),
                "due_today": progress.due_today,
            }
        )

    readiness = review_readiness(facts.readiness, facts.period, facts.review_date, today)
    security = security_status(facts.security_date, facts.security_scores, today)
    case = promotion_case(facts.requirements)
    follow_ups = follow_ups_due(facts.open_follow_ups, facts.keep_in_touch, today)
    milestones = milestones_due(facts.milestones, today)

    return {
        "today": today.isoformat(),
        "streak": {"current": streak.current, "longest": streak.longest},
        "weekly_reviews": {"current": weekly_review_streak(facts.review_weeks, today)},
        "actions": actions,
        "readiness": {
            "score": readiness.score,
            "band": readiness.band,
            "parts": {name: tenths(points) for name, points in readiness.parts.items()},
            "gaps": [
                {"part": gap.part, "points": tenths(gap.points), "text": gap.text}
                for gap in readiness.gaps
            ],
            "days_to_review": readiness.days_to_review,
            "review_date": _iso(facts.review_date),
            "period": {
                "start": facts.period.start.isoformat(),
                "end": facts.period.end.isoformat(),
                "chosen": CHOSEN[facts.period.chosen],
            },
        },
        "follow_ups_due": [
            {
                "kind": f.kind,
                "contact_id": f.contact_id,
                "contact": f.contact,
                "interaction_id": f.interaction_id,
                "due": f.due.isoformat(),
                "days_overdue": f.days_overdue,
                "text": f.text,
            }
            for f in follow_ups
        ],
        "milestones_due": [
            {"id": m.id, "title": m.title, "goal": m.goal, "due": m.due.isoformat(), "days": m.days}
            for m in milestones
        ],
        "security_due": security.due,
        "security": {
            "due": security.due,
            "last_date": _iso(security.last_date),
            "weakest": security.weakest,
            "weakest_score": security.weakest_score,
            "days_since": security.days_since,
        },
        "look_backs_due": [
            {
                "goal_id": item.goal_id,
                "title": item.title,
                "choice": item.choice,
                "decided": item.decided.isoformat(),
                "due": item.due.isoformat(),
                "text": item.text,
            }
            for item in look_backs_due(facts.decided, today)
        ],
        "measure_due": [
            {"win_id": m.win_id, "title": m.title, "date": m.date.isoformat(), "age": m.age}
            for m in measure_due(facts.unmeasured, today)
        ],
        "promotion_case": {
            "evidenced": case.evidenced,
            "total": case.total,
            "next_steps": list(case.next_steps),
        },
        "heatmap": {"first": first.isoformat(), "days": heat},
        "counts": dict(facts.counts),
    }


# -- the readable summary -----------------------------------------------------------------------


def _days(count: int, unit: str = "day") -> str:
    return f"{count} {unit}" if count == 1 else f"{count} {unit}s"


def _when(days: int) -> str:
    if days == 0:
        return "today"
    if days > 0:
        return f"in {_days(days)}"
    return f"{_days(-days)} ago"


def _points(value: float) -> str:
    return f"{value:g}"


def _actions(result: Mapping[str, Any]) -> list[str]:
    actions = result["actions"]
    if not actions:
        return ["Key actions: none yet (careertui add action TITLE --cadence daily)"]
    width = min(max(len(one_line(a["title"], 40)) for a in actions), 40)
    lines = ["Key actions:"]
    for a in actions:
        if a["due_today"]:
            state = f"due ({a['met_this_period']}/{a['target']} this period)"
        elif a["met_this_period"] >= a["target"]:
            state = "done this period"
        else:
            state = f"{a['met_this_period']}/{a['target']} this period"
        lines.append(
            f"  {one_line(a['title'], 40):<{width}}  {a['cadence']:<10} "
            f"streak {a['streak']:>3}  strength {a['strength']:>3}  {state}"
        )
    return lines


def _readiness(result: Mapping[str, Any]) -> list[str]:
    r = result["readiness"]
    review = ""
    if r["days_to_review"] is not None:
        review = f"; review {_when(r['days_to_review'])} ({r['review_date']})"
    lines = [f"Review readiness: {r['score']}/100 ({r['band']}){review}"]
    lines.append(
        "  "
        + "  ".join(
            f"{name} {_points(points)}/{FULL_MARKS[name]}" for name, points in r["parts"].items()
        )
    )
    for gap in r["gaps"][:TOP_GAPS]:
        lines.append(f"  -{_points(gap['points'])} {gap['part']}: {one_line(gap['text'])}")
    return lines


def _due(result: Mapping[str, Any]) -> list[str]:
    lines = []
    for f in result["follow_ups_due"]:
        late = "" if f["days_overdue"] == 0 else f" ({_days(f['days_overdue'])} overdue)"
        lines.append(f"  Follow-up: {one_line(f['text'])}{late}")
    for m in result["milestones_due"]:
        goal = f" ({one_line(m['goal'], 40)})" if m["goal"] else ""
        when = f"overdue by {_days(-m['days'])}" if m["days"] < 0 else f"due {_when(m['days'])}"
        lines.append(f"  Milestone: {one_line(m['title'], 60)}{goal}, {when} ({m['due']})")
    for item in result.get("measure_due", ()):
        lines.append(f"  Measure: {one_line(item['title'], 60)} ({item['age']} days old)")
    for item in result.get("look_backs_due", ()):
        lines.append(f"  Look back: {one_line(item['text'])} ({item['choice']} {item['decided']})")
    security = result["security"]
    if security["last_date"] is None:
        lines.append("  Security check: due (none yet)")
    elif security["due"]:
        weakest = PILLAR_LABELS[security["weakest"]]
        lines.append(
            f"  Security check: due, the last was {_days(security['days_since'])} ago; "
            f"weakest: {weakest} ({security['weakest_score']}/5)"
        )
    return ["Due:", *lines] if lines else ["Due: nothing"]


def _promotion(result: Mapping[str, Any]) -> list[str]:
    """The promotion case beside readiness (not a part of it): requirements evidenced / all,
    and the next steps; nothing while the target role has no requirements."""
    case = result.get("promotion_case") or {}
    if not case.get("total"):
        return []
    lines = [f"Promotion case: {case['evidenced']}/{case['total']} requirements evidenced by wins"]
    lines += [f"  next: {one_line(step)}" for step in case.get("next_steps", ())]
    return lines


def format_stats(result: Mapping[str, Any]) -> str:
    """The readable summary of `build_stats`' object; user text folded to one line."""
    streak = result["streak"]
    weeks = result["weekly_reviews"]["current"]
    lines = [
        f"Today: {result['today']}",
        f"Journaling streak: {_days(streak['current'])} (longest {_days(streak['longest'])})",
        f"Weekly reviews: {_days(weeks, 'week')} in a row",
        "",
        *_actions(result),
        "",
        *_readiness(result),
        *_promotion(result),
        "",
        *_due(result),
    ]
    return "\n".join(lines)
