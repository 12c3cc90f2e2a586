"""How a user's values for a kind of record are checked against its description.

The descriptions (KINDS, Field, Kind and the choices) live in kinds.py and are re-exported here,
so callers import everything about records from this one module.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from datetime import date
from typing import Any

from careertui.domain.dates import DateError, parse_date
from careertui.domain.kinds import CHANNELS as CHANNELS
from careertui.domain.kinds import DECISIONS as DECISIONS
from careertui.domain.kinds import FIT_PARTS as FIT_PARTS
from careertui.domain.kinds import GOAL_KINDS as GOAL_KINDS
from careertui.domain.kinds import GOAL_STATUSES as GOAL_STATUSES
from careertui.domain.kinds import INFLUENCES as INFLUENCES
from careertui.domain.kinds import KINDS as KINDS
from careertui.domain.kinds import PERCEPTION_QUESTIONS as PERCEPTION_QUESTIONS
from careertui.domain.kinds import PERCEPTION_RATINGS as PERCEPTION_RATINGS
from careertui.domain.kinds import REQUIREMENT_STATUSES as REQUIREMENT_STATUSES
from careertui.domain.kinds import SEARCHABLE as SEARCHABLE
from careertui.domain.kinds import SECURITY_PILLARS as SECURITY_PILLARS
from careertui.domain.kinds import Field as Field
from careertui.domain.kinds import Kind as Kind
from careertui.domain.text import TextError, clean_input


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
