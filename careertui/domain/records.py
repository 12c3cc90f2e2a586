"""What each kind of record holds, and how a user's values for it are checked.

One description serves the store (its tables), the CLI (its options) and the TUI (its forms), so a
rule such as "knows_me is 0-3" is written once.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from careertui.domain.dates import FORWARD, PAST, DateError, parse_date
from careertui.domain.text import TextError, clean_input

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


class ValidationError(ValueError):
    """A value the user gave for `field` that cannot be stored; the message names it."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field
        self.message = message


def normalise_tags(value: object) -> str:
    """Tags as one space-separated, lower-case string without `#`/`@`, duplicates dropped."""
    if value is None:
        return ""
    items = value if isinstance(value, list | tuple) else str(value).replace(",", " ").split()
    seen: list[str] = []
    for item in items:
        tag = str(item).strip().lstrip("#@").lower()
        if tag and tag not in seen:
            seen.append(tag)
    return " ".join(seen)


def split_tags(value: str | None) -> list[str]:
    return value.split() if value else []


def _number(field: Field, raw: object, cast: type) -> int | float | None:
    if raw is None or (isinstance(raw, str) and not raw.strip()):
        return None
    try:
        number = cast(raw.strip() if isinstance(raw, str) else raw)
    except (TypeError, ValueError, OverflowError):
        raise ValidationError(field.name, f"{field.title}: {raw!r} is not a number") from None
    if cast is float and not math.isfinite(number):  # NaN, inf: not a target, nor valid JSON
        raise ValidationError(field.name, f"{field.title}: {raw!r} is not a finite number")
    if (
        field.low is not None
        and number < field.low
        or field.high is not None
        and number > field.high
    ):
        low, high = int(field.low or 0), int(field.high or 0)
        raise ValidationError(field.name, f"{field.title}: {raw!r} is not between {low} and {high}")
    return number


def clean_value(field: Field, raw: object, today: date) -> Any:
    """One field's value as the store keeps it; raises ValidationError naming the value."""
    blank = raw is None or (isinstance(raw, str) and not raw.strip())
    if field.type in ("text", "long"):
        try:
            value = clean_input(None if raw is None else str(raw), field.title)
        except TextError as exc:
            raise ValidationError(field.name, str(exc)) from None
        if field.type == "text":
            value = value.strip()
        return value
    if field.type == "tags":
        try:
            return clean_input(normalise_tags(raw), field.title)
        except TextError as exc:
            raise ValidationError(field.name, str(exc)) from None
    if blank:
        return None
    if field.type == "date":
        if isinstance(raw, date):
            return raw.isoformat()
        try:
            return parse_date(str(raw), today, direction=field.direction).isoformat()
        except DateError as exc:
            raise ValidationError(field.name, f"{field.title}: {exc}") from None
    if field.type == "int":
        if isinstance(raw, float) and not raw.is_integer():
            raise ValidationError(field.name, f"{field.title}: {raw!r} is not a whole number")
        return _number(field, raw, int)
    if field.type == "float":
        return _number(field, raw, float)
    if field.type == "bool":
        if isinstance(raw, str):
            word = raw.strip().lower()
            if word in ("1", "yes", "y", "true", "on"):
                return 1
            if word in ("0", "no", "n", "false", "off"):
                return 0
            raise ValidationError(field.name, f"{field.title}: {raw!r} is not yes or no")
        return 1 if raw else 0
    if field.type == "choice":
        word = str(raw).strip().lower()
        if word not in field.choices:
            raise ValidationError(
                field.name, f"{field.title}: {raw!r} is not one of {', '.join(field.choices)}"
            )
        return word
    if field.type == "ref":
        try:
            return int(raw)  # type: ignore[call-overload]
        except (TypeError, ValueError):
            raise ValidationError(
                field.name, f"{field.title}: {raw!r} is not a record id"
            ) from None
    raise AssertionError(f"unknown field type {field.type}")


_JSON_TYPES: dict[str, tuple[type, ...]] = {
    "text": (str,),
    "long": (str,),
    "tags": (str, list),
    "date": (str,),
    "choice": (str,),
    "int": (int,),
    "float": (int, float),
    "bool": (bool, int),
    "ref": (int,),
}
_JSON_WHAT = {
    "text": "text",
    "long": "text",
    "tags": "a list of tags",
    "date": "a date (text)",
    "choice": "text",
    "int": "a whole number",
    "float": "a number",
    "bool": "true or false",
    "ref": "a record id",
}


def check_json_type(field: Field, raw: object) -> None:
    """Refuse a value of the wrong JSON type for `field` (a number or a list where text belongs,
    text or a boolean where a rating belongs): text from the command line or a form is parsed,
    but a JSON file says what it means, and a wrong type is a wrong file. The export's own
    forms pass: 0/1 for yes/no, tags as one string."""
    if raw is None:
        return
    ok = isinstance(raw, _JSON_TYPES[field.type])
    if isinstance(raw, bool) and field.type != "bool":
        ok = False
    elif field.type == "bool" and not isinstance(raw, bool):
        ok = ok and raw in (0, 1)
    elif field.type == "tags" and isinstance(raw, list):
        ok = all(isinstance(tag, str) for tag in raw)
    if not ok:
        raise ValidationError(field.name, f"{field.title}: {raw!r} is not {_JSON_WHAT[field.type]}")


def validate(
    kind: str,
    values: Mapping[str, Any],
    today: date,
    *,
    partial: bool = False,
    typed: bool = False,
) -> dict[str, Any]:
    """Clean a record's values; `partial` (an edit) checks only the fields given; `typed` (an
    import) also refuses values of the wrong JSON type (`check_json_type`).

    Missing fields of a new record take their defaults; a required field left blank is an error.
    """
    spec = KINDS[kind]
    unknown = set(values) - set(spec.field_names)
    if unknown:
        raise ValidationError(sorted(unknown)[0], f"{kind} has no field {sorted(unknown)[0]!r}")
    if kind == "assessment" and isinstance(values.get("pay"), str) and values["pay"].strip():
        from careertui.domain.money import PAY_HELP, parse_pay

        amount = parse_pay(values["pay"])  # typed as people say pay: 120k, $120,000
        if amount is None:
            raise ValidationError("pay", f"Pay: {values['pay']!r} is not an amount ({PAY_HELP})")
        values = {**values, "pay": amount}
    cleaned: dict[str, Any] = {}
    for f in spec.fields:
        if f.name in values:
            if typed:
                check_json_type(f, values[f.name])
            cleaned[f.name] = clean_value(f, values[f.name], today)
        elif partial:
            continue
        elif f.default is not None:
            cleaned[f.name] = clean_value(f, f.default, today)
        elif f.type in ("text", "long", "tags"):
            cleaned[f.name] = ""
        else:
            cleaned[f.name] = None
        if f.required and cleaned[f.name] in (None, ""):
            raise ValidationError(f.name, f"{f.title} is required")
    if kind == "action" and "cadence" in cleaned:
        from careertui.domain.cadence import CadenceError, parse_cadence

        try:
            cleaned["cadence"] = parse_cadence(cleaned["cadence"]).text
        except CadenceError as exc:
            raise ValidationError("cadence", str(exc)) from None
    return cleaned
