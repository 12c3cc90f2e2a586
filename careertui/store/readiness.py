"""The queries behind review readiness, on a bare connection: `careertui stats` runs them in its
Store, `careertui status` in a connection of its own (without the Store's imports). Status wants
the score alone (readiness_score): this module imports domain/readiness.py, whose dataclasses
cost more than status's queries, only in the functions that build them."""

from __future__ import annotations

import sqlite3
from datetime import date, timedelta

from careertui.domain.readiness_points import (
    KEY_INFLUENCES,
    VISIBILITY_DAYS,
    counted,
    months_between,
    part_points,
    period_bounds,
    score,
)

TYPE_CHECKING = False  # `careertui status` imports this module: typing is 2 ms
if TYPE_CHECKING:
    from typing import Any

    from careertui.domain.readiness import ReadinessFacts, ReviewPeriod

    Counts = tuple[
        dict[int, str], frozenset[int], int, int, frozenset[str], list[Any], date | None, str
    ]

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


def profile_dates(conn: sqlite3.Connection) -> tuple[date | None, date | None]:
    """The profile's review start and review date (None when unset)."""
    row = conn.execute("SELECT review_start, review_date FROM profile ORDER BY id LIMIT 1")
    start, review_date = (stored_date(v) for v in (row.fetchone() or (None, None)))
    return start, review_date


def profile_period(conn: sqlite3.Connection, today: date) -> ReviewPeriod:
    """The review period from the profile and the first entry (docs/FORMULAS.md)."""
    from careertui.domain.readiness import ReviewPeriod

    return ReviewPeriod(*period_bounds(*profile_dates(conn), today, first_entry(conn)))


def readiness_facts(conn: sqlite3.Connection, period: ReviewPeriod, today: date) -> ReadinessFacts:
    """What review readiness counts: the period's wins up to today, the key contacts, the last
    perception check. Raises sqlite3.Error as the connection does."""
    from careertui.domain.readiness import KeyContact, ReadinessFacts

    resp, covered, wins, measured, months, key, perception, example = _counts(
        conn, period.counted(today), today
    )
    return ReadinessFacts(
        responsibilities=resp,
        covered=covered,
        wins=wins,
        measured=measured,
        win_months=months,
        key_contacts=[KeyContact(str(n), str(i), stored_date(last)) for n, i, last in key],
        last_perception=perception,
        unmeasured_example=example,
    )


def readiness_score(
    conn: sqlite3.Connection, today: date, review_start: date | None, review_date: date | None
) -> int:
    """The readiness score alone, by review_readiness's rules (domain/readiness_points.py), for
    `careertui status`: the same queries, none of the dataclasses or gap texts."""
    start, end, _ = period_bounds(review_start, review_date, today, first_entry(conn))
    window = counted(start, end, today)
    resp, covered, wins, measured, months, _, perception, _ = _counts(
        conn, window, today, key_contacts=False
    )
    points = part_points(
        active=resp.keys(),
        covered=covered,
        wins=wins,
        measured=measured,
        reached=months_between(window),
        win_months=months,
        key_last_seen=_key_seen_recently(conn, today),
        last_perception=perception,
        today=today,
    )
    return score(points.values())


def _key_seen_recently(conn: sqlite3.Connection, today: date) -> list[date | None]:
    """One date per key contact for the score: the latest interaction of each one seen in the
    last VISIBILITY_DAYS, None for the others (whether they were seen recently is all the score
    asks). Read from the window's interactions, not each key contact's latest one (a lookup per
    contact: ~2 ms of `careertui status` at 2,000 contacts)."""
    marks = ", ".join("?" for _ in KEY_INFLUENCES)
    since = (today - timedelta(days=VISIBILITY_DAYS)).isoformat()
    seen = [
        stored_date(last)
        for (last,) in conn.execute(
            "SELECT max(i.date) FROM interactions i JOIN contacts c ON c.id = i.contact_id "
            f"WHERE i.date BETWEEN ? AND ? AND c.influence IN ({marks}) GROUP BY i.contact_id",
            (since, today.isoformat(), *KEY_INFLUENCES),
        )
    ]
    ((key,),) = conn.execute(
        f"SELECT count(*) FROM contacts WHERE influence IN ({marks})", KEY_INFLUENCES
    ).fetchall()
    return seen + [None] * (int(key) - len(seen))


def _counts(
    conn: sqlite3.Connection,
    window: tuple[date, date] | None,
    today: date,
    *,
    key_contacts: bool = True,
) -> Counts:
    """Active responsibilities (id -> title), those covered, counted wins, measured ones, their
    months, the key contacts' (name, influence, last seen; none unless `key_contacts`), the last
    perception check and the latest unmeasured win's title, for the counted `window` (None: no
    win counts)."""
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
    covered: frozenset[int] = frozenset()
    wins = measured = 0
    months: frozenset[str] = frozenset()
    example = ""
    if window is not None:
        bounds = (window[0].isoformat(), window[1].isoformat())
        in_window = "FROM wins WHERE date BETWEEN ? AND ?"
        covered = frozenset(
            int(rid)
            for (rid,) in rows(
                f"SELECT DISTINCT responsibility_id {in_window} AND responsibility_id IN "
                "(SELECT id FROM responsibilities WHERE active = 1)",
                bounds,
            )
        )
        ((wins, measured),) = rows(
            f"SELECT count(*), CAST(total({MEASURED}) AS INT) {in_window}", bounds
        )
        months = frozenset(
            str(month)
            for (month,) in rows(f"SELECT DISTINCT substr(date, 1, 7) {in_window}", bounds)
        )
        latest = rows(
            f"SELECT title {in_window} AND NOT {MEASURED} ORDER BY date DESC, id DESC LIMIT 1",
            bounds,
        )
        example = str(latest[0][0]) if latest else ""
    marks = ", ".join("?" for _ in KEY_INFLUENCES)
    key = (
        rows(
            "SELECT c.name, c.influence, "
            "(SELECT max(date) FROM interactions i WHERE i.contact_id = c.id AND i.date <= ?) "
            f"FROM contacts c WHERE c.influence IN ({marks}) ORDER BY c.id",
            (today.isoformat(), *KEY_INFLUENCES),
        )
        if key_contacts
        else []
    )
    ((perception,),) = rows(
        "SELECT max(date) FROM perceptions WHERE date <= ?", (today.isoformat(),)
    )
    return (
        responsibilities,
        covered,
        int(wins),
        int(measured),
        months,
        key,
        stored_date(perception),
        example,
    )
