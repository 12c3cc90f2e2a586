"""What each kind of record holds: its table, its fields, their types, choices and ranges.

One description serves the store (its tables), the CLI (its options) and the TUI (its forms), so a
rule such as "knows_me is 0-3" is written once; records.py checks a user's values against it (and
re-exports these names, so `from careertui.domain.records import KINDS` keeps working).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from careertui.domain.dates import FORWARD, PAST

GOAL_KINDS = ("goal", "milestone", "opportunity")
GOAL_STATUSES = ("active", "done", "dropped")
REQUIREMENT_STATUSES = ("have", "partial", "gap")
INFLUENCES = ("decision-maker", "sponsor", "mentor", "peer", "mentee", "other")
CHANNELS = ("coffee", "lunch", "call", "email", "meeting", "event", "other")
SECURITY_PILLARS = ("skills", "performance", "network", "job_search", "finances")
FIT_PARTS = ("domain", "function", "problems", "activities")
"""How an opportunity fits the space (rated 1-5), in the profile's words."""
DECISIONS = ("pursuing", "declined", "accepted", "dropped")
PERCEPTION_RATINGS = ("behaviour", "language", "attitude")
MENTIONING: dict[str, tuple[str, ...]] = {
    "note": ("text",),
    "win": ("title", "impact", "notes"),
    "interaction": ("notes", "learned", "gave"),
}
"""The kinds whose text may mention contacts (`@Name`, domain/mentions.py), and the fields read
for mentions. Here, not there: a capture without an `@` never imports the mention parser."""
PERCEPTION_QUESTIONS = (
    "How must others perceive you to reach your current goal?",
    "Is the way you are perceived bringing you closer to it, or further away?",
    "Are your actions, interactions and words reinforcing or detracting?",
    "What experience do you want to create for people?",
)


@dataclass(frozen=True, slots=True)
class Field:
    name: str
    type: str
    """text, long (multi-line text), date, int, float, choice, bool, ref, tags."""
    label: str = ""
    required: bool = False
    choices: tuple[str, ...] = ()
    low: float | None = None
    high: float | None = None
    ref: str | None = None
    direction: str = PAST
    """Dates: `past` records what happened (never after today; "fri", "Mar 3" = the last one),
    `forward` plans (follow-ups, due dates; "fri", "Mar 3" = the next one). See dates.py."""
    default: Any = None

    @property
    def title(self) -> str:
        return self.label or self.name.replace("_", " ").capitalize()


@dataclass(frozen=True, slots=True)
class Kind:
    name: str
    table: str
    label: str
    fields: tuple[Field, ...]
    title_field: str
    date_field: str | None = None
    fts: tuple[str, ...] = ()
    plural: str = ""

    def field(self, name: str) -> Field:
        for candidate in self.fields:
            if candidate.name == name:
                return candidate
        raise KeyError(name)

    @property
    def field_names(self) -> tuple[str, ...]:
        return tuple(f.name for f in self.fields)


def _text(name: str, label: str = "", **kw: Any) -> Field:
    return Field(name, "text", label, **kw)


def _long(name: str, label: str = "", **kw: Any) -> Field:
    return Field(name, "long", label, **kw)


def _rating(name: str, label: str = "") -> Field:
    return Field(name, "int", label, required=True, low=1, high=5)


KINDS: dict[str, Kind] = {
    k.name: k
    for k in (
        Kind(
            "profile",
            "profile",
            "Space",
            (
                _text("current_role", "Current role"),
                _text("target_role", "Target role"),
                _long("domain", "Domain: the space you want to command"),
                _long("function", "Function"),
                _long("problems", "Problems you love to solve"),
                _long("activities", "Activities you want to spend your days on"),
                _text("timeframe", "Timeframe"),
                _text("target_salary", "Target salary"),
                _long("capabilities", "Capabilities"),
                _long("gaps", "Gaps"),
                _long("brand_message", "Brand message"),
                Field("review_start", "date", "Review period starts"),
                Field("review_date", "date", "Review date", direction=FORWARD),
                _text("theme", "Theme"),
            ),
            "target_role",
        ),
        Kind(
            "goal",
            "goals",
            "Goal",
            (
                _text("title", required=True),
                Field("kind", "choice", choices=GOAL_KINDS, default="goal"),
                Field("parent_id", "ref", "Goal", ref="goal"),
                _text("metric"),
                Field("target", "float"),
                Field("current", "float"),
                Field("due", "date", direction=FORWARD),
                Field("status", "choice", choices=GOAL_STATUSES, default="active"),
                _long("notes"),
            ),
            "title",
            "due",
            ("title", "metric", "notes"),
        ),
        Kind(
            "action",
            "actions",
            "Action",
            (
                _text("title", required=True),
                Field("goal_id", "ref", "Goal", ref="goal"),
                Field("cadence", "text", required=True, default="daily"),
                Field("active", "bool", default=1),
            ),
            "title",
        ),
        Kind(
            "checkin",
            "checkins",
            "Check-in",
            (
                Field("action_id", "ref", "Action", required=True, ref="action"),
                Field("date", "date", required=True),
                Field("skip", "bool", default=0),
                _text("note"),
            ),
            "note",
            "date",
        ),
        Kind(
            "requirement",
            "requirements",
            "Requirement",
            (
                _text("title", required=True),
                Field("status", "choice", choices=REQUIREMENT_STATUSES, default="gap"),
                _long("plan"),
            ),
            "title",
        ),
        Kind(
            "responsibility",
            "responsibilities",
            "Responsibility",
            (_text("title", required=True), Field("active", "bool", default=1)),
            "title",
            plural="responsibilities",
        ),
        Kind(
            "win",
            "wins",
            "Win",
            (
                Field("date", "date", required=True),
                _text("title", required=True),
                _text("impact"),
                Field("responsibility_id", "ref", "Responsibility", ref="responsibility"),
                Field("goal_id", "ref", "Goal", ref="goal"),
                Field("tags", "tags"),
                _text("shared_with", "Shared with"),
                _long("notes"),
                _long("situation", "Situation: the problem or the stakes"),
                _long("action", "Action: what you did"),
                _long("result", "Result: what changed (the impact holds the number)"),
                _long("evidence", "Evidence: links or file paths, one a line"),
            ),
            "title",
            "date",
            ("title", "impact", "tags", "shared_with", "notes"),
        ),
        Kind(
            "win_requirement",
            "win_requirements",
            "Win evidence for a requirement",
            (
                Field("win_id", "ref", "Win", required=True, ref="win"),
                Field("requirement_id", "ref", "Requirement", required=True, ref="requirement"),
            ),
            "win_id",
            plural="win-requirement links",
        ),
        Kind(
            "contact",
            "contacts",
            "Contact",
            (
                _text("name", required=True),
                _text("org"),
                _text("role"),
                _text("circle"),
                Field("influence", "choice", choices=INFLUENCES, default="other"),
                Field("knows_me", "int", "Knows me (0-3)", low=0, high=3, default=0),
                Field("follow_up_days", "int", "Stay in touch every (days)", low=1, high=3650),
                _long("notes"),
            ),
            "name",
            None,
            ("name", "org", "role", "circle", "notes"),
        ),
        Kind(
            "interaction",
            "interactions",
            "Interaction",
            (
                Field("contact_id", "ref", "Contact", required=True, ref="contact"),
                Field("date", "date", required=True),
                Field("channel", "choice", choices=CHANNELS, default="other"),
                _long("notes"),
                _long("learned", "What I learned"),
                _long("gave", "What I gave"),
                Field("follow_up", "date", "Follow up on", direction=FORWARD),
                Field("done", "bool", "Follow-up done", default=0),
            ),
            "notes",
            "date",
            ("notes", "learned", "gave"),
        ),
        Kind(
            "perception",
            "perceptions",
            "Perception check",
            (
                Field("date", "date", required=True),
                _rating("behaviour"),
                _rating("language"),
                _rating("attitude"),
                _long("q1", PERCEPTION_QUESTIONS[0]),
                _long("q2", PERCEPTION_QUESTIONS[1]),
                _long("q3", PERCEPTION_QUESTIONS[2]),
                _long("q4", PERCEPTION_QUESTIONS[3]),
                _long("notes"),
            ),
            "notes",
            "date",
        ),
        Kind(
            "security",
            "security_checks",
            "Security check",
            (
                Field("date", "date", required=True),
                _rating("skills", "Job skills"),
                _rating("performance", "Job performance"),
                _rating("network", "Business network"),
                _rating("job_search", "Job-search skills"),
                _rating("finances", "Finances"),
                _long("notes"),
            ),
            "notes",
            "date",
        ),
        Kind(
            "note",
            "notes",
            "Note",
            (
                Field("date", "date", required=True),
                _long("text", required=True),
                Field("tags", "tags"),
            ),
            "text",
            "date",
            ("text", "tags"),
        ),
        Kind(
            "review",
            "reviews",
            "Weekly review",
            (
                _text("week", required=True),
                Field("date", "date", required=True),
                _long("focus", "Next week's focus"),
                _long("notes"),
                _long("looked_back", "Last week's focus, looked back on"),
            ),
            "week",
            "date",
        ),
        Kind(
            "assessment",
            "assessments",
            "Assessment",
            (
                Field("goal_id", "ref", "Opportunity", required=True, ref="goal"),
                *(
                    Field(p, "int", f"{p.replace('_', ' ').capitalize()} (-2..+2)", low=-2, high=2)
                    for p in SECURITY_PILLARS
                ),
                *(_text(f"why_{p}", f"Why ({p.replace('_', ' ')})") for p in SECURITY_PILLARS),
                *(Field(p, "int", f"{p.capitalize()} fit (1-5)", low=1, high=5) for p in FIT_PARTS),
                Field("pay", "float", "Pay (a year)", low=0, high=1e9),
                _text("timeframe"),
                _long("notes"),
            ),
            "notes",
        ),
        Kind(
            "decision",
            "decisions",
            "Decision",
            (
                Field("goal_id", "ref", "Opportunity", required=True, ref="goal"),
                Field("date", "date", required=True),
                Field("choice", "choice", required=True, choices=DECISIONS),
                _text("why"),
                _text("looking_back", "How it turned out"),
                Field("looked_back", "date", "Looked back on"),
            ),
            "why",
            "date",
        ),
        Kind(
            "weights",
            "score_weights",
            "Score weights",
            tuple(
                Field(p, "float", low=0, high=10, default=1)
                for p in (*SECURITY_PILLARS, *FIT_PARTS, "pay")
            ),
            "skills",
            plural="score weights",
        ),
        Kind(
            "agenda",
            "agenda_items",
            "Agenda item",
            (
                Field("contact_id", "ref", "Contact", required=True, ref="contact"),
                Field("date", "date", "Added on", required=True),
                _text("topic", required=True),
                Field("discussed_on", "date", "Discussed on"),
                Field("interaction_id", "ref", "Discussed in", ref="interaction"),
            ),
            "topic",
            "date",
        ),
        Kind(
            "mention",
            "mentions",
            "Mention",
            (
                Field("contact_id", "ref", "Contact", required=True, ref="contact"),
                Field("note_id", "ref", "Note", ref="note"),
                Field("win_id", "ref", "Win", ref="win"),
                Field("interaction_id", "ref", "Interaction", ref="interaction"),
            ),
            "contact_id",
        ),
        Kind(
            "told",
            "told",
            "Win told",
            (
                Field("contact_id", "ref", "Contact", required=True, ref="contact"),
                Field("win_id", "ref", "Win", required=True, ref="win"),
                Field("date", "date", "Told on", required=True),
            ),
            "win_id",
            "date",
            plural="wins told",
        ),
    )
}

SEARCHABLE = tuple(name for name, kind in KINDS.items() if kind.fts)
