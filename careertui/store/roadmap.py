"""The queries behind the Roadmap screen: the goal tree, key actions with their recent check-ins,
and the target role's requirements with their counts.

Streaks and strengths are not computed here: they come from `store.stats.compute_stats`, so the
Roadmap shows the figures `careertui stats` prints.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from careertui.domain.records import GOAL_STATUSES, REQUIREMENT_STATUSES
from careertui.store.evidence import with_evidence

if TYPE_CHECKING:
    from careertui.store.store import Row, Store

HISTORY_WEEKS = 4
"""The Actions tab's history strip: this ISO week and the three before it."""

_STATUS_ORDER = (
    "CASE status "
    + " ".join(f"WHEN '{status}' THEN {rank}" for rank, status in enumerate(GOAL_STATUSES))
    + " ELSE 9 END"
)
_REQUIREMENT_ORDER = (
    "CASE status "
    + " ".join(
        f"WHEN '{status}' THEN {rank}"
        for rank, status in enumerate(reversed(REQUIREMENT_STATUSES))  # gaps first
    )
    + " ELSE 9 END"
)


def _root(goal_id: int, parents: dict[int, int | None]) -> int:
    """The top-level goal above `goal_id` (a cycle in a hand-edited file stops the walk)."""
    seen = {goal_id}
    current = goal_id
    while (parent := parents.get(current)) is not None and parent in parents and parent not in seen:
        seen.add(parent)
        current = parent
    return current


def goal_tree(store: Store) -> list[Row]:
    """Goals and opportunities, each with its milestones under `milestones`.

    Active first, then done, then dropped; by due date (none last) within each. A milestone whose
    goal is gone is shown at the top level rather than hidden.
    """
    rows = store.query(
        "SELECT id, title, kind, parent_id, metric, target, current, due, status, notes "
        f"FROM goals ORDER BY {_STATUS_ORDER}, due IS NULL, due, id"
    )
    parents = {row["id"]: row["parent_id"] for row in rows}
    by_id = {row["id"]: {**row, "milestones": []} for row in rows}
    top: list[Row] = []
    for row in rows:
        node = by_id[row["id"]]
        root = _root(row["id"], parents)
        if root == row["id"]:
            top.append(node)
        else:
            by_id[root]["milestones"].append(node)
    return top


def actions_overview(store: Store, today: date) -> list[Row]:
    """Every key action (active ones first) with its goal's title and `history`: the check-ins
    of the last HISTORY_WEEKS ISO weeks as {date: skip}."""
    rows = store.query(
        "SELECT a.id, a.title, a.cadence, a.active, a.goal_id, g.title AS goal, "
        "substr(a.created_at, 1, 10) AS created "
        "FROM actions a LEFT JOIN goals g ON g.id = a.goal_id ORDER BY a.active DESC, a.id"
    )
    first = history_first(today)
    history: dict[int, dict[str, bool]] = {row["id"]: {} for row in rows}
    for checkin in store.query(
        "SELECT action_id, date, skip FROM checkins WHERE date BETWEEN ? AND ?",
        (first.isoformat(), today.isoformat()),
    ):
        if checkin["action_id"] in history:
            history[checkin["action_id"]][checkin["date"]] = bool(checkin["skip"])
    return [{**row, "history": history[row["id"]]} for row in rows]


def history_first(today: date) -> date:
    """The Monday that starts the history strip."""
    return today - timedelta(days=today.weekday() + 7 * (HISTORY_WEEKS - 1))


def requirements_overview(store: Store) -> dict[str, Any]:
    """The target role's requirements, gaps first, each with the wins that evidence it; how
    many there are of each status; the promotion case."""
    rows = store.query(
        f"SELECT id, title, status, plan FROM requirements ORDER BY {_REQUIREMENT_ORDER}, id"
    )
    counts = dict.fromkeys(REQUIREMENT_STATUSES, 0)
    for row in rows:
        if row["status"] in counts:
            counts[row["status"]] += 1
    case = with_evidence(store, rows)  # each row's wins and suggested status
    return {"rows": rows, "counts": counts, "case": case}
