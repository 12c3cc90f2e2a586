"""`?` on a screen that shows numbers explains each in one plain sentence: the streaks, a key
action's strength (with its half-life), review readiness and each of its five parts. The
visibility sentence names the decision-makers and sponsors it counts (read when `?` opens)."""

from __future__ import annotations

from careertui.domain.cadence import HALF_LIVES
from careertui.domain.readiness import FULL_MARKS, VISIBILITY_DAYS
from careertui.domain.text import one_line

UNMEASURED = "unmeasured"
"""The one word for a win whose impact holds no number."""

_HALF = ", ".join(f"{periods} for {cadence}" for cadence, periods in HALF_LIVES.items())

SENTENCES = {
    "streak": "Streak: the days in a row with an entry (a key action's streak: its periods in a "
    "row that met their target; a skipped period neither adds nor breaks it).",
    "review_streak": "Weekly review streak: the ISO weeks in a row with a saved review.",
    "strength": "Strength (a bar and a percentage): how steady a key action has been lately; "
    "each period adds its share of the target and the total halves after a half-life of "
    f"empty periods ({_HALF} periods).",
    "readiness": "Review readiness (0-100): the five parts below added up, over the review "
    "period (your review start to your review date; without a start, the last 365 days or "
    "since your first entry if that is later).",
    "coverage": f"Coverage ({FULL_MARKS['coverage']}): the share of your active "
    "responsibilities with at least one win in the period.",
    "evidence": f"Evidence ({FULL_MARKS['evidence']}): the share of the period's wins whose "
    f"impact holds a number; the others are marked {UNMEASURED}.",
    "consistency": f"Consistency ({FULL_MARKS['consistency']}): the share of the period's "
    "months so far that hold a win.",
    "visibility": f"Visibility ({FULL_MARKS['visibility']}): the share of your decision-makers "
    f"and sponsors you talked to in the last {VISIBILITY_DAYS} days",
    "self_check": f"Self-check ({FULL_MARKS['self_check']}): full marks for a perception check "
    "in the last 30 days, half within 90.",
}

READINESS = ("readiness", "coverage", "evidence", "consistency", "visibility", "self_check")
NUMBERS_OF = {
    "DashboardScreen": ("streak", "strength", *READINESS),
    "RoadmapScreen": ("streak", "strength"),
    "WinsScreen": READINESS,
    "ReviewScreen": ("review_streak", "streak", "strength"),
}
"""The numbers each screen shows, by the screen's class name."""


NAMED = 10
"""Decision-makers and sponsors named at most; the rest are counted."""
NAME_WIDTH = 60
"""A name longer than this is cut with '…'."""


def visibility_sentence(names: list[str]) -> str:
    """The visibility sentence, naming whom it counts (each name on one line, controls replaced:
    the help shows the sentence as text, never as markup)."""
    shown = ", ".join(one_line(name, NAME_WIDTH) for name in names[:NAMED])
    more = f" and {len(names) - NAMED} more" if len(names) > NAMED else ""
    who = shown + more if names else "none yet: mark a contact's influence as one"
    return f"{SENTENCES['visibility']}: {who}."


def explanations(screen_name: str, names: list[str] | None = None) -> list[str]:
    """The sentences for the numbers the screen `screen_name` shows ([] if none)."""
    return [
        visibility_sentence(names or []) if key == "visibility" else SENTENCES[key]
        for key in NUMBERS_OF.get(screen_name, ())
    ]
