"""Wins as evidence: their links to target-role requirements, the requirements with the wins
that evidence them, the promotion case, the wins still to measure, and the wins that involve a
contact (for a peer-review packet).

A link is a `win_requirements` row (win id, requirement id; unique; deleted with either side).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from careertui.domain.due import MEASURE_AGES, MEASURE_WINDOW_DAYS, UnmeasuredWin
from careertui.domain.promotion import (
    PromotionCase,
    RequirementFacts,
    promotion_case,
    suggested_status,
)
from careertui.domain.records import KINDS

if TYPE_CHECKING:
    from careertui.store.store import Row, Store

MEASURED = "impact GLOB '*[0-9]*'"
"""A measured impact holds a digit; GLOB's [0-9] is ASCII digits."""


def requirement_ids(store: Store, win_id: int) -> list[int]:
    """The requirements a win is linked to, in the order they were added."""
    rows = store.query(
        "SELECT requirement_id FROM win_requirements WHERE win_id = ? ORDER BY requirement_id",
        (win_id,),
    )
    return [int(r["requirement_id"]) for r in rows]


def set_requirements(store: Store, win_id: int, wanted: Iterable[int]) -> None:
    """Link a win to exactly these requirements (one write; links already there are kept)."""
    wanted_ids = list(dict.fromkeys(int(i) for i in wanted))
    kind = KINDS["win_requirement"]
    with store.write() as conn:
        if conn.execute("SELECT 1 FROM wins WHERE id = ?", (win_id,)).fetchone() is None:
            from careertui.domain.names import NotFound

            raise NotFound(f"no win with id {win_id}")
        have = {
            int(row[0])
            for row in conn.execute(
                "SELECT requirement_id FROM win_requirements WHERE win_id = ?", (win_id,)
            )
        }
        for gone in have - set(wanted_ids):
            conn.execute(
                "DELETE FROM win_requirements WHERE win_id = ? AND requirement_id = ?",
                (win_id, gone),
            )
        for requirement_id in wanted_ids:
            if requirement_id not in have:
                store._insert_row(kind, {"win_id": win_id, "requirement_id": requirement_id})


def insert_win(
    store: Store, values: Mapping[str, Any], requirements: Iterable[int], today: date
) -> int:
    """Store a new win and link it to `requirements`; if the links cannot be written, the win
    is taken back, so a refused add leaves nothing."""
    win_id = store.insert("win", values, today)
    wanted = list(requirements)
    if wanted:
        try:
            set_requirements(store, win_id, wanted)
        except BaseException:
            store.delete("win", win_id)
            raise
    return win_id


def requirements(store: Store) -> list[Row]:
    """Every requirement (in the order added) with `wins` (linked wins, any date) and
    `suggested`: the status those wins suggest, or None."""
    rows = store.query(
        "SELECT r.id, r.title, r.status, r.plan, "
        "(SELECT count(*) FROM win_requirements l WHERE l.requirement_id = r.id) AS wins "
        "FROM requirements r ORDER BY r.id"
    )
    for row in rows:
        row["suggested"] = suggested_status(row["status"], int(row["wins"]))
    return rows


def requirement_wins(store: Store, requirement_id: int | None = None) -> list[Row]:
    """Linked wins with their `requirement_id`, oldest first (of one requirement, or all)."""
    where = "" if requirement_id is None else "WHERE l.requirement_id = :r "
    return store.query(
        "SELECT w.*, l.requirement_id FROM win_requirements l JOIN wins w ON w.id = l.win_id "
        f"{where}ORDER BY w.date, w.id",
        {"r": requirement_id},
    )


def accept_suggestion(store: Store, requirement_id: int, today: date) -> str | None:
    """Set a requirement to the status its wins suggest; returns it (None: no suggestion)."""
    for row in requirements(store):
        if row["id"] == requirement_id and row["suggested"]:
            store.update("requirement", requirement_id, {"status": row["suggested"]}, today)
            return str(row["suggested"])
    return None


def requirement_facts(store: Store) -> list[RequirementFacts]:
    return [
        RequirementFacts(r["id"], r["title"], r["status"], r["plan"] or "", int(r["wins"]))
        for r in requirements(store)
    ]


def unmeasured_wins(store: Store, today: date) -> list[UnmeasuredWin]:
    """Wins without a digit in their impact, old enough for a "Measure:" reminder today (their
    age between the first reminder's and the end of the last one's week)."""
    oldest = today - timedelta(days=MEASURE_AGES[-1] + MEASURE_WINDOW_DAYS - 1)
    newest = today - timedelta(days=MEASURE_AGES[0])
    rows = store.query(
        f"SELECT id, title, date FROM wins WHERE date BETWEEN ? AND ? AND NOT {MEASURED} "
        "ORDER BY date, id",
        (oldest.isoformat(), newest.isoformat()),
    )
    found = []
    for row in rows:
        try:
            found.append(
                UnmeasuredWin(int(row["id"]), row["title"], date.fromisoformat(row["date"]))
            )
        except ValueError:
            continue  # only a hand-edited file holds a date that is not one
    return found


def _has_table(store: Store, table: str) -> bool:
    return bool(
        store.query("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (table,))
    )


def wins_involving(store: Store, contact: Mapping[str, Any]) -> set[int]:
    """The ids of the wins that involve a contact: shared with them (their name in the win's
    `shared_with`, or a "told" link), or mentioning them (an `@mention` link)."""
    name = " ".join(str(contact.get("name") or "").split()).casefold()
    ids = {
        int(r["id"])
        for r in store.query("SELECT id, shared_with FROM wins WHERE shared_with != ''")
        if name and name in " ".join(str(r["shared_with"]).split()).casefold()
    }
    for table in ("mentions", "told"):
        if _has_table(store, table):
            ids |= {
                int(r["win_id"])
                for r in store.query(
                    f'SELECT win_id FROM "{table}" WHERE contact_id = ? AND win_id IS NOT NULL',
                    (contact["id"],),
                )
            }
    return ids


def with_evidence(store: Store, rows: list[Row]) -> PromotionCase:
    """Give each requirement row `wins` (the wins that evidence it, oldest first: id, date,
    title, impact) and `suggested` (the status they suggest, or None); returns the promotion
    case over the rows."""
    linked: dict[int, list[Row]] = {}
    for win in requirement_wins(store):
        linked.setdefault(int(win["requirement_id"]), []).append(
            {k: win[k] for k in ("id", "date", "title", "impact")}
        )
    for row in rows:
        row["wins"] = linked.get(int(row["id"]), [])
        row["suggested"] = suggested_status(row["status"], len(row["wins"]))
    return promotion_case(
        [
            RequirementFacts(r["id"], r["title"], r["status"], r["plan"] or "", len(r["wins"]))
            for r in rows
        ]
    )


@dataclass
class WinChoices:
    """What a win's form offers besides the record: the requirements to pick from and the
    requirement links of every win (a small table, read whole)."""

    requirements: list[tuple[int, str, str]] = field(default_factory=list)
    """(id, title, status), in the order they were added."""
    links: dict[int, list[int]] = field(default_factory=dict)
    """Win id → the ids of the requirements it is linked to."""


def win_choices(store: Store) -> WinChoices:
    choices = WinChoices(
        [
            (int(r["id"]), r["title"], r["status"])
            for r in store.query("SELECT id, title, status FROM requirements ORDER BY id")
        ]
    )
    for row in store.query(
        "SELECT win_id, requirement_id FROM win_requirements ORDER BY requirement_id"
    ):
        choices.links.setdefault(int(row["win_id"]), []).append(int(row["requirement_id"]))
    return choices
