"""The Wins screen's queries: a page of wins with their responsibility, filtered by
responsibility, by text (the FTS index) and by the review period; the responsibilities with the
count of wins linked to each in the review period.
"""

from __future__ import annotations

import sqlite3
from datetime import date
from typing import TYPE_CHECKING, Any

from careertui.domain.readiness import ReviewPeriod
from careertui.store.connection import StoreError
from careertui.store.readiness import profile_period
from careertui.store.store import fts_query

if TYPE_CHECKING:
    from careertui.store.store import Row, Store

ALL = -1
"""Responsibility filter: every win."""
UNLINKED = 0
"""Responsibility filter: the wins linked to no responsibility."""

# A measured impact holds a digit (docs/FORMULAS.md, evidence); GLOB's [0-9] is ASCII digits.
MEASURED = "w.impact GLOB '*[0-9]*'"


def _named(store: Store, sql: str, params: dict[str, Any]) -> list[Row]:
    try:
        return [dict(row) for row in store.conn.execute(sql, params).fetchall()]
    except sqlite3.DatabaseError as exc:
        raise StoreError(f"cannot read {store.path}: {exc}") from None


def review_window(store: Store, today: date) -> ReviewPeriod:
    """The review period from the profile (docs/FORMULAS.md)."""
    return profile_period(store.conn, today)


def _counted(period: ReviewPeriod, today: date) -> tuple[str, str]:
    """The dates whose wins count: in the period and not after today (an empty range if none)."""
    window = period.counted(today)
    if window is None:
        return "9999-12-31", "0000-01-01"
    return window[0].isoformat(), window[1].isoformat()


def _where(
    text: str, responsibility: int, period: tuple[str, str] | None
) -> tuple[str, dict[str, Any]]:
    clauses: list[str] = []
    params: dict[str, Any] = {}
    try:
        params["q"] = fts_query(text)
        clauses.append("w.id IN (SELECT rowid FROM wins_fts WHERE wins_fts MATCH :q)")
    except ValueError:
        pass  # nothing typed that can be searched for: no text filter
    if responsibility == UNLINKED:
        clauses.append("w.responsibility_id IS NULL")
    elif responsibility != ALL:
        clauses.append("w.responsibility_id = :resp")
        params["resp"] = responsibility
    if period is not None:
        clauses.append("w.date BETWEEN :start AND :end")
        params["start"], params["end"] = period
    return (" WHERE " + " AND ".join(clauses)) if clauses else "", params


def wins_page(
    store: Store,
    today: date,
    *,
    text: str = "",
    responsibility: int = ALL,
    in_period: bool = False,
    limit: int = 200,
    offset: int = 0,
) -> list[Row]:
    """A page of wins, newest first, each with `responsibility` (its title) and `measured`
    (1 when the impact holds a digit). `in_period` keeps the wins that count for the review."""
    period = _counted(review_window(store, today), today) if in_period else None
    where, params = _where(text, responsibility, period)
    sql = (
        "SELECT w.id, w.date, w.title, w.impact, w.responsibility_id, w.tags, w.shared_with, "
        "w.evidence, "
        f"r.title AS responsibility, {MEASURED} AS measured "
        "FROM wins w LEFT JOIN responsibilities r ON r.id = w.responsibility_id"
        f"{where} ORDER BY w.date DESC, w.id DESC LIMIT :limit OFFSET :offset"
    )
    return _named(store, sql, {**params, "limit": limit, "offset": offset})


def count_wins(
    store: Store, today: date, *, text: str = "", responsibility: int = ALL, in_period: bool = False
) -> int:
    period = _counted(review_window(store, today), today) if in_period else None
    where, params = _where(text, responsibility, period)
    return int(_named(store, f"SELECT count(*) AS n FROM wins w{where}", params)[0]["n"])


def responsibilities(store: Store, today: date) -> list[Row]:
    """Every responsibility (active ones first, in the order they were added) with `wins`: the
    count of wins linked to it that count for the review period, and `total`: all linked."""
    start, end = _counted(review_window(store, today), today)
    return _named(
        store,
        "SELECT r.id, r.title, r.active, "
        "(SELECT count(*) FROM wins w WHERE w.responsibility_id = r.id "
        " AND w.date BETWEEN :start AND :end) AS wins, "
        "(SELECT count(*) FROM wins w WHERE w.responsibility_id = r.id) AS total "
        "FROM responsibilities r ORDER BY r.active DESC, r.id",
        {"start": start, "end": end},
    )


def set_active(store: Store, responsibility_id: int, active: bool, today: date) -> None:
    """Retire a responsibility (no longer in the job description) or bring it back."""
    store.update("responsibility", responsibility_id, {"active": active}, today)
