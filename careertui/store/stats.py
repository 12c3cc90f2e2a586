"""The queries behind `careertui stats` and the dashboard: counting, grouping and date ranges run
in SQL on the date indexes; the rules of docs/FORMULAS.md run in `careertui.domain`.
"""

from __future__ import annotations

import sqlite3
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from careertui.domain.cadence import CadenceError, parse_cadence
from careertui.domain.due import MILESTONE_HORIZON_DAYS, KeepInTouch, Milestone, OpenFollowUp
from careertui.domain.readiness import ReadinessFacts, ReviewPeriod
from careertui.domain.records import SECURITY_PILLARS
from careertui.domain.stats import ActionFacts, StatsFacts, build_stats, heatmap_first
from careertui.store.connection import StoreError
from careertui.store.evidence import requirement_facts, unmeasured_wins
from careertui.store.opportunities import decided
from careertui.store.readiness import profile_period, readiness_facts
from careertui.store.readiness import stored_date as _date

if TYPE_CHECKING:
    from careertui.store.store import Store

# Every kind whose entries make a day active (docs/FORMULAS.md). Each part is DISTINCT on its own
# date index, so the UNION merges one row per day and kind rather than one per entry.
_ACTIVE_SOURCES = (
    "wins",
    "notes",
    "interactions",
    "checkins",
    "perceptions",
    "security_checks",
    "reviews",
)


def _active_filter(table: str) -> str:
    return " AND skip = 0" if table == "checkins" else ""


_ACTIVE_DAYS = (
    " UNION ".join(
        f'SELECT DISTINCT date FROM "{table}" WHERE date <= ?1{_active_filter(table)}'
        for table in _ACTIVE_SOURCES
    )
    + " ORDER BY 1"
)
# The same days found by walking the calendar from the first active day to today and probing
# each day's date index, densest kind first (the OR stops at the first hit): one or two index
# probes per day, however many entries a day holds. Used when entries outnumber days.
_PROBE_ORDER = (
    "notes",
    "checkins",
    "interactions",
    "wins",
    "perceptions",
    "security_checks",
    "reviews",
)
_FIRST_DAY = (
    "SELECT min(first) AS first, sum(rows) AS rows FROM ("
    + " UNION ALL ".join(
        f'SELECT min(date) AS first, (SELECT max(rowid) FROM "{table}") AS rows FROM "{table}" '
        f"WHERE date <= ?1{_active_filter(table)}"
        for table in _PROBE_ORDER
    )
    + ")"
)
_ACTIVE_DAYS_PROBED = (
    "WITH RECURSIVE day(date) AS (SELECT ?2 UNION ALL "
    "SELECT date(date, '+1 day') FROM day WHERE date < ?1) SELECT date FROM day WHERE "
    + " OR ".join(
        f'EXISTS (SELECT 1 FROM "{table}" t WHERE t.date = day.date{_active_filter(table)})'
        for table in _PROBE_ORDER
    )
)
_DAY_COUNTS = (
    "SELECT date, sum(n) AS n FROM ("
    + " UNION ALL ".join(
        f'SELECT date, count(*) AS n FROM "{table}" '
        f"WHERE date BETWEEN ?2 AND ?1{_active_filter(table)} GROUP BY date"
        for table in _ACTIVE_SOURCES
    )
    + ") GROUP BY date"
)

# date.toordinal() of a stored date: julianday('0001-01-01') is 1721425.5, day number 1.
_DAY_NUMBER = "CAST(julianday(date) AS INTEGER) - 1721424"


def _tuples(store: Store, sql: str, params: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Rows as plain tuples, for the queries that return thousands: making each a Row and then
    a dict (as `Store.query` does) costs more than the query. Errors as `Store.query` raises
    them."""
    cursor = store.conn.cursor()
    cursor.row_factory = None
    try:
        return cursor.execute(sql, params).fetchall()
    except sqlite3.DatabaseError as exc:
        raise StoreError(f"cannot read {store.path}: {exc}") from None


def _day_numbers(text: str | None) -> list[int]:
    return list(map(int, text.split(","))) if text else []


def _actions(store: Store, today: date) -> list[ActionFacts]:
    """Active actions with their check-ins packed by group_concat, one row per action: a row
    per check-in would cost more to hand over to Python than all the computing after it. All
    check-in days come from the (action_id, date) index alone; the skips, which need the table,
    from one sequential scan, not a lookup per check-in."""
    day = today.isoformat()
    checked = {
        row["action_id"]: row["days"]
        for row in store.query(
            f"SELECT action_id, group_concat({_DAY_NUMBER}) AS days FROM checkins "
            "WHERE date <= ? GROUP BY action_id",
            (day,),
        )
    }
    skipped = {
        row["action_id"]: row["days"]
        for row in store.query(
            f"SELECT action_id, group_concat({_DAY_NUMBER}) AS days FROM checkins NOT INDEXED "
            "WHERE skip != 0 AND date <= ? GROUP BY action_id",
            (day,),
        )
    }
    actions = []
    for row in store.query(
        "SELECT a.id, a.title, a.goal_id, g.title AS goal, a.cadence, "
        "substr(a.created_at, 1, 10) AS created "
        "FROM actions a LEFT JOIN goals g ON g.id = a.goal_id WHERE a.active = 1 ORDER BY a.id"
    ):
        try:
            cadence = parse_cadence(row["cadence"])
        except CadenceError:
            continue  # only a hand-edited file can hold one; the rest of the stats still count
        skips = _day_numbers(skipped.get(row["id"]))
        done = _day_numbers(checked.get(row["id"]))
        if skips:
            done = list(set(done).difference(skips))
        actions.append(
            ActionFacts(
                id=row["id"],
                title=row["title"],
                goal_id=row["goal_id"],
                goal=row["goal"],
                cadence=cadence,
                created=_date(row["created"]) or today,
                done=done,
                skips=skips,
            )
        )
    return actions


def _readiness_facts(store: Store, period: ReviewPeriod, today: date) -> ReadinessFacts:
    try:
        return readiness_facts(store.conn, period, today)
    except sqlite3.DatabaseError as exc:
        raise StoreError(f"cannot read {store.path}: {exc}") from None


def _follow_ups(store: Store, today: date) -> tuple[list[OpenFollowUp], list[KeepInTouch]]:
    day = today.isoformat()
    open_items = [
        OpenFollowUp(row["id"], row["contact_id"], row["name"], follow_up, row["notes"])
        for row in store.query(
            "SELECT i.id, i.contact_id, c.name, i.follow_up, i.notes FROM interactions i "
            "JOIN contacts c ON c.id = i.contact_id "
            "WHERE i.follow_up IS NOT NULL AND i.done = 0 AND i.follow_up <= ?",
            (day,),
        )
        if (follow_up := _date(row["follow_up"])) is not None
    ]
    keep = [
        KeepInTouch(contact_id, name, int(every), _date(last_seen), _date(created) or today)
        for contact_id, name, every, created, last_seen in _tuples(
            store,
            "SELECT c.id, c.name, c.follow_up_days AS every,"
            " substr(c.created_at, 1, 10) AS created, (SELECT max(date) FROM interactions i"
            " WHERE i.contact_id = c.id AND i.date <= ?) AS last_seen"
            " FROM contacts c WHERE c.follow_up_days > 0",
            (day,),
        )
    ]
    return open_items, keep


def _milestones(store: Store, today: date) -> list[Milestone]:
    horizon = (today + timedelta(days=MILESTONE_HORIZON_DAYS)).isoformat()
    return [
        Milestone(row["id"], row["title"], row["goal"], due)
        for row in store.query(
            "SELECT m.id, m.title, g.title AS goal, m.due FROM goals m "
            "LEFT JOIN goals g ON g.id = m.parent_id "
            "WHERE m.kind = 'milestone' AND m.status = 'active' AND m.due <= ?",
            (horizon,),
        )
        if (due := _date(row["due"])) is not None
    ]


def _last_security(store: Store, today: date) -> tuple[date | None, dict[str, int] | None]:
    columns = ", ".join(f'"{p}"' for p in SECURITY_PILLARS)
    row = store.query_one(
        f"SELECT date, {columns} FROM security_checks WHERE date <= ? "
        "ORDER BY date DESC, id DESC LIMIT 1",
        (today.isoformat(),),
    )
    if row is None:
        return None, None
    return _date(row["date"]), {p: int(row[p]) for p in SECURITY_PILLARS}


def _active_days(store: Store, today: date) -> list[date]:
    """Every active day up to today, oldest first. Reading every entry's date off the indexes
    costs one step per entry; probing each calendar day costs one or two per day: the probe is
    taken when entries (ids, an upper bound) are at least twice the days since the first."""
    day = today.isoformat()
    first_row = store.query_one(_FIRST_DAY, (day,))
    first = _date(first_row["first"]) if first_row else None
    if first_row and first and (first_row["rows"] or 0) >= 2 * ((today - first).days + 1):
        rows = _tuples(store, _ACTIVE_DAYS_PROBED, (day, first.isoformat()))
    else:
        rows = _tuples(store, _ACTIVE_DAYS, (day,))
    return [d for (text,) in rows if (d := _date(text)) is not None]


def load_facts(store: Store, today: date) -> StatsFacts:
    """Run every query the stats need, for `today`."""
    day = today.isoformat()
    active_days = _active_days(store, today)
    day_counts = {
        d: int(n)
        for text, n in _tuples(store, _DAY_COUNTS, (day, heatmap_first(today).isoformat()))
        if (d := _date(text)) is not None
    }
    profile = store.profile()
    review_date = _date(profile.get("review_date"))
    period = profile_period(store.conn, today)
    open_items, keep = _follow_ups(store, today)
    security_date, security_scores = _last_security(store, today)
    counts_row = store.query(
        "SELECT (SELECT count(*) FROM wins) AS wins, (SELECT count(*) FROM notes) AS notes, "
        "(SELECT count(*) FROM interactions) AS interactions, "
        "(SELECT count(*) FROM contacts) AS contacts, (SELECT count(*) FROM goals) AS goals"
    )[0]
    return StatsFacts(
        active_days=active_days,
        day_counts=day_counts,
        review_weeks=[week for (week,) in _tuples(store, "SELECT DISTINCT week FROM reviews")],
        actions=_actions(store, today),
        period=period,
        review_date=review_date,
        readiness=_readiness_facts(store, period, today),
        open_follow_ups=open_items,
        keep_in_touch=keep,
        milestones=_milestones(store, today),
        security_date=security_date,
        security_scores=security_scores,
        counts={key: int(value) for key, value in counts_row.items()},
        decided=decided(store, today),
        unmeasured=unmeasured_wins(store, today),
        requirements=requirement_facts(store),
    )


def compute_stats(store: Store, today: date) -> dict[str, Any]:
    """Every number of docs/FORMULAS.md for `today`, as the object `careertui stats --json` prints.

    The queries first run with sqlite3's own UTF-8 decoding, in C; the store's decoder, which
    replaces bytes that are not UTF-8 (only a hand-edited file holds them), is a Python call
    per text value (a tenth of the reading at 100,000 entries) and is used only if that fails."""
    conn = store.conn
    decoder = conn.text_factory
    conn.text_factory = str
    try:
        facts = load_facts(store, today)
    except StoreError:
        conn.text_factory = decoder
        facts = load_facts(store, today)
    finally:
        conn.text_factory = decoder
    return build_stats(facts, today)
