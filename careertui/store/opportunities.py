"""Weighing opportunities: one assessment per opportunity, its decisions, the score's weights.

An opportunity is a goal of kind `opportunity`; it is *open* while its status is `active`.
A decision moves that status (accepted → done, declined or dropped → dropped, pursuing →
active), so that the Goals list and the comparison agree on what is still on the table.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import TYPE_CHECKING, Any

from careertui.domain.due import LOOKED_BACK_ON, Decided
from careertui.domain.money import parse_money
from careertui.domain.names import NotFound
from careertui.domain.opportunities import weights_of
from careertui.domain.records import FIT_PARTS, KINDS, ValidationError, validate

if TYPE_CHECKING:
    from careertui.store.store import Row, Store

OPPORTUNITY = "kind = 'opportunity'"
"""The goals a name is looked up among by weigh, decide and the Opportunities view."""

STATUS_AFTER = {
    "pursuing": "active",
    "accepted": "done",
    "declined": "dropped",
    "dropped": "dropped",
}


def find_opportunity(store: Store, name: str) -> Row:
    """The opportunity answering to `name` (an id, or a name as names are matched)."""
    text = (name or "").strip()
    if text.isdigit():
        row = store.get("goal", int(text))
        if row is not None and row["kind"] == "opportunity":
            return row
    try:
        return store.find("goal", text, where=OPPORTUNITY)
    except NotFound as exc:  # say what is looked for, and how to add one
        message = str(exc).replace("no goal named", "no opportunity named", 1)
        if "did you mean" not in message:
            message += "; add one with: careertui add goal TITLE --kind opportunity"
        raise NotFound(message) from None


def assessment_of(store: Store, goal_id: int) -> Row | None:
    return store.query_one("SELECT * FROM assessments WHERE goal_id = ?", (goal_id,))


def save_assessment(
    store: Store, goal_id: int, values: Mapping[str, Any], today: date
) -> tuple[int, bool]:
    """Create the opportunity's assessment or change the fields given; (id, created).
    Validated before anything is written; the lookup is inside the write transaction."""
    cleaned = validate("assessment", {**values, "goal_id": goal_id}, today, partial=True)
    kind = KINDS["assessment"]
    with store.write():
        existing = assessment_of(store, goal_id)
        if existing is None:
            full = validate("assessment", {**values, "goal_id": goal_id}, today)
            return store._insert_row(kind, full), True
        store._update_row(kind, int(existing["id"]), cleaned)
        return int(existing["id"]), False


def stored_weights(store: Store) -> Row | None:
    return store.query_one("SELECT * FROM score_weights ORDER BY id LIMIT 1")


def weights(store: Store) -> dict[str, float]:
    """The score's weights, each part not set at the default (equal weights)."""
    return weights_of(stored_weights(store))


def set_weights(store: Store, values: Mapping[str, Any], today: date) -> dict[str, float]:
    """Change the weights given (the one row is made on the first call); the weights after.
    Every weight at 0 is refused: no opportunity would have a score, and nothing would say why."""
    kind = KINDS["weights"]
    cleaned = validate("weights", values, today, partial=True)
    with store.write():
        existing = stored_weights(store)
        if not any(weights_of({**(existing or {}), **cleaned}).values()):
            raise ValidationError(
                "skills", "Weights: at least one must be above 0, or nothing makes a score"
            )
        if existing is None:
            store._insert_row(kind, validate("weights", values, today))
        elif cleaned:
            store._update_row(kind, int(existing["id"]), cleaned)
    return weights(store)


def decisions_of(store: Store, goal_id: int) -> list[Row]:
    """An opportunity's decisions, newest first."""
    return store.query(
        "SELECT * FROM decisions WHERE goal_id = ? ORDER BY date DESC, id DESC", (goal_id,)
    )


def latest_decision(store: Store, goal_id: int) -> Row | None:
    found = decisions_of(store, goal_id)
    return found[0] if found else None


def decide(store: Store, goal_id: int, choice: str, why: str, today: date) -> int:
    """Record a decision dated today and move the opportunity's status with it. The reason is
    required: it is what the look-back 90 days later is read against."""
    cleaned = validate(
        "decision", {"goal_id": goal_id, "date": today, "choice": choice, "why": why}, today
    )
    if not cleaned["why"]:
        raise ValidationError("why", "Why is required: the reason is what you will look back on")
    with store.write():
        decision_id = store._insert_row(KINDS["decision"], cleaned)
        status = STATUS_AFTER[cleaned["choice"]]
        store._update_row(KINDS["goal"], goal_id, {"status": status})
    return decision_id


def look_back(store: Store, goal_id: int, text: str, today: date) -> Row:
    """Answer "how did the choice turn out?" on the opportunity's latest decision, which must be
    accepted or declined; answering again replaces the line. Returns the decision."""
    latest = latest_decision(store, goal_id)
    if latest is None or latest["choice"] not in LOOKED_BACK_ON:
        choices = " or ".join(LOOKED_BACK_ON)
        raise ValidationError("looking_back", f"no {choices} decision to look back on yet")
    if not (text or "").strip():
        raise ValidationError("looking_back", "How it turned out is blank")
    store.update("decision", int(latest["id"]), {"looking_back": text, "looked_back": today}, today)
    return store.get("decision", int(latest["id"])) or latest


def decided(store: Store, today: date) -> list[Decided]:
    """Every opportunity's latest decision up to today (none on a file made before decisions
    existed and opened read-only, whose tables are not there yet)."""
    if not store.query_one("SELECT 1 AS x FROM sqlite_master WHERE name = 'decisions'"):
        return []
    rows = store.query(
        "SELECT d.goal_id, g.title, d.choice, d.date, d.looking_back FROM decisions d "
        "JOIN goals g ON g.id = d.goal_id WHERE d.id = (SELECT d2.id FROM decisions d2 "
        "WHERE d2.goal_id = d.goal_id AND d2.date <= ? ORDER BY d2.date DESC, d2.id DESC LIMIT 1)",
        (today.isoformat(),),
    )
    return [
        Decided(
            r["goal_id"],
            r["title"],
            r["choice"],
            date.fromisoformat(r["date"]),
            bool((r["looking_back"] or "").strip()),
        )
        for r in rows
    ]


def opportunities(store: Store, *, everything: bool = False) -> list[Row]:
    """Open opportunities (or all of them), oldest first, each with its `assessment` (or None)
    and its latest `decision` (or None)."""
    where = "" if everything else " AND status = 'active'"
    found = store.query(f"SELECT * FROM goals WHERE {OPPORTUNITY}{where} ORDER BY id")
    for row in found:
        row["assessment"] = assessment_of(store, row["id"])
        row["decision"] = latest_decision(store, row["id"])
    return found


def space(store: Store) -> dict[str, Any]:
    """What the person said of the space they want (their own words beside each fit), the
    target salary as a number (None when it holds none) and the roadmap's timeframe."""
    profile = store.profile()
    words = {part: str(profile.get(part) or "") for part in FIT_PARTS}
    return {
        "words": words,
        "target_salary": str(profile.get("target_salary") or ""),
        "target_pay": parse_money(profile.get("target_salary")),
        "timeframe": str(profile.get("timeframe") or ""),
        "current_role": str(profile.get("current_role") or ""),
        "target_role": str(profile.get("target_role") or ""),
    }


def comparison_read(store: Store) -> dict[str, Any]:
    """What the Roadmap's Opportunities tab shows, in one read: every opportunity (the tab
    shows the open ones, or all), the space, the weights."""
    return {
        "rows": opportunities(store, everything=True),
        "space": space(store),
        "weights": weights(store),
    }
