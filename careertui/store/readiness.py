"""The queries behind review readiness, on a bare connection: `careertui stats` runs them in its
Store, `careertui status` in a connection of its own (without the Store's imports)."""

from __future__ import annotations

import sqlite3
from datetime import date

from careertui.domain.readiness import (
    KEY_INFLUENCES,
    KeyContact,
    ReadinessFacts,
    ReviewPeriod,
    review_period,
)

TYPE_CHECKING = False  # `careertui status` imports this module: typing is 2 ms
if TYPE_CHECKING:
    from typing import Any

MEASURED = "impact GLOB '*[0-9]*'"
"""A win's impact is measured when it holds a digit (GLOB's [0-9] is ASCII digits)."""


def stored_date(value: str | None) -> date | None:
    """A stored date, or None when it is missing or not a date (never fatal for a figure)."""
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None


FIRST_ENTRY = (
    "SELECT min(d) FROM (SELECT min(date) AS d FROM wins UNION ALL SELECT min(date) FROM notes "
    "UNION ALL SELECT min(date) FROM interactions UNION ALL SELECT min(date) FROM checkins "
    "UNION ALL SELECT min(date) FROM perceptions UNION ALL SELECT min(date) FROM security_checks "
    "UNION ALL SELECT min(date) FROM reviews)"
)
"""The date of the journal's first dated entry (each min is one index lookup, or a short scan)."""


def first_entry(conn: sqlite3.Connection) -> date | None:
    """The date of the first entry (win, note, interaction, check-in, check or review)."""
    row = conn.execute(FIRST_ENTRY).fetchone()
    return stored_date(row[0] if row else None)


def profile_period(conn: sqlite3.Connection, today: date) -> ReviewPeriod:
    """The review period from the profile and the first entry (docs/FORMULAS.md)."""
    row = conn.execute("SELECT review_start, review_date FROM profile ORDER BY id LIMIT 1")
    start, review_date = (stored_date(v) for v in (row.fetchone() or (None, None)))
    return review_period(start, review_date, today, first_entry(conn))


def readiness_facts(conn: sqlite3.Connection, period: ReviewPeriod, today: date) -> ReadinessFacts:
    """What review readiness counts: the period's wins up to today, the key contacts, the last
    perception check. Raises sqlite3.Error as the connection does."""
    cursor = conn.cursor()
    cursor.row_factory = None

    def rows(sql: str, params: tuple[Any, ...] = ()) -> list[Any]:
        return cursor.execute(sql, params).fetchall()

    responsibilities = {
        int(rid): str(title)
        for rid, title in rows(
            "SELECT id, title FROM responsibilities WHERE active = 1 ORDER BY id"
        )
    }
    window = period.counted(today)
    covered: frozenset[int] = frozenset()
    wins = measured = 0
    months: frozenset[str] = frozenset()
    example = ""
    if window is not None:
        bounds = (window[0].isoformat(), window[1].isoformat())
        counted = "FROM wins WHERE date BETWEEN ? AND ?"
        covered = frozenset(
            int(rid)
            for (rid,) in rows(
                f"SELECT DISTINCT responsibility_id {counted} AND responsibility_id IN "
                "(SELECT id FROM responsibilities WHERE active = 1)",
                bounds,
            )
        )
        ((wins, measured),) = rows(
            f"SELECT count(*), CAST(total({MEASURED}) AS INT) {counted}", bounds
        )
        months = frozenset(
            str(month) for (month,) in rows(f"SELECT DISTINCT substr(date, 1, 7) {counted}", bounds)
        )
        latest = rows(
            f"SELECT title {counted} AND NOT {MEASURED} ORDER BY date DESC, id DESC LIMIT 1",
            bounds,
        )
        example = str(latest[0][0]) if latest else ""
    marks = ", ".join("?" for _ in KEY_INFLUENCES)
    key_contacts = [
        KeyContact(str(name), str(influence), stored_date(last_seen))
        for name, influence, last_seen in rows(
            "SELECT c.name, c.influence, "
            "(SELECT max(date) FROM interactions i WHERE i.contact_id = c.id AND i.date <= ?) "
            f"FROM contacts c WHERE c.influence IN ({marks}) ORDER BY c.id",
            (today.isoformat(), *KEY_INFLUENCES),
        )
    ]
    ((perception,),) = rows(
        "SELECT max(date) FROM perceptions WHERE date <= ?", (today.isoformat(),)
    )
    return ReadinessFacts(
        responsibilities=responsibilities,
        covered=covered,
        wins=int(wins),
        measured=int(measured),
        win_months=months,
        key_contacts=key_contacts,
        last_perception=stored_date(perception),
        unmeasured_example=example,
    )
