"""The Network screen's queries: contacts with their last interaction and next follow-up, a
contact's interactions and the wins shared with them, who needs to know you, follow-ups due.

Filtering, sorting and paging run in SQL so that a list of 10,000 contacts costs one page.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from careertui.domain.due import FollowUp, KeepInTouch, OpenFollowUp, follow_ups_due
from careertui.domain.readiness import KEY_INFLUENCES, VISIBILITY_DAYS

if TYPE_CHECKING:
    from careertui.store.store import Row, Store

SNOOZE_DAYS = 7

# Per contact, in one pass over interactions(contact_id, date): the latest interaction up to
# today, and the earliest follow-up date that is not done.
_PER_CONTACT = (
    "SELECT contact_id, max(CASE WHEN date <= :today THEN date END) AS last_date, "
    "min(CASE WHEN follow_up IS NOT NULL AND done = 0 THEN follow_up END) AS open_follow_up "
    "FROM interactions GROUP BY contact_id"
)
# The stay-in-touch date: `follow_up_days` after the last interaction (or after the day the
# contact was added, if never seen), as docs/FORMULAS.md counts it.
_KEEP_IN_TOUCH = (
    "(CASE WHEN c.follow_up_days > 0 THEN date(coalesce(s.last_date, "
    "substr(c.created_at, 1, 10)), '+' || c.follow_up_days || ' days') END)"
)
_OVERVIEW = (
    "SELECT c.id, c.name, c.org, c.role, c.circle, c.influence, c.knows_me, c.follow_up_days, "
    "s.last_date, CAST(julianday(:today) - julianday(s.last_date) AS INTEGER) AS days_since, "
    f"s.open_follow_up, {_KEEP_IN_TOUCH} AS keep_in_touch, "
    f"CASE WHEN s.open_follow_up IS NULL THEN {_KEEP_IN_TOUCH} "
    f"WHEN {_KEEP_IN_TOUCH} IS NULL THEN s.open_follow_up "
    f"ELSE min(s.open_follow_up, {_KEEP_IN_TOUCH}) END AS next_follow_up "
    f"FROM contacts c LEFT JOIN ({_PER_CONTACT}) s ON s.contact_id = c.id"
)

CONTACT_SORTS: dict[str, str] = {
    "name": "c.name COLLATE NOCASE",
    "org": "c.org COLLATE NOCASE",
    "role": "c.role COLLATE NOCASE",
    "circle": "c.circle COLLATE NOCASE",
    "influence": "c.influence",
    "knows_me": "c.knows_me",
    "last": "days_since",
    "next": "next_follow_up",
}
"""Sort keys of the contacts list, in column order, and the SQL each one sorts by."""

_FILTERED = ("c.name", "c.org", "c.role", "c.circle", "c.influence")
MAX_FILTER_WORDS = 16


def _named(store: Store, sql: str, params: dict[str, Any]) -> list[Row]:
    """Rows of a query with named parameters (`store.query` takes positional ones)."""
    import sqlite3

    from careertui.store.connection import StoreError

    try:
        return [dict(row) for row in store.conn.execute(sql, params).fetchall()]
    except sqlite3.DatabaseError as exc:
        raise StoreError(f"cannot read {store.path}: {exc}") from None


def _like(word: str) -> str:
    escaped = word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _filter(text: str) -> tuple[str, dict[str, str]]:
    """WHERE clause: every word typed appears in the name, org, role, circle or influence
    (case-insensitive for ASCII, as SQLite's LIKE is)."""
    words = text.split()[:MAX_FILTER_WORDS]
    if not words:
        return "", {}
    clauses, params = [], {}
    for n, word in enumerate(words):
        params[f"w{n}"] = _like(word)
        either = " OR ".join(f"{col} LIKE :w{n} ESCAPE '\\'" for col in _FILTERED)
        clauses.append(f"({either})")
    return " WHERE " + " AND ".join(clauses), params


def contacts_page(
    store: Store,
    today: date,
    *,
    text: str = "",
    sort: str = "name",
    descending: bool = False,
    limit: int = 200,
    offset: int = 0,
) -> list[Row]:
    """One page of contacts with `last_date`, `days_since` and `next_follow_up` (the earlier
    of an open follow-up and the stay-in-touch date). Rows without a value sort last."""
    key = CONTACT_SORTS.get(sort, CONTACT_SORTS["name"])
    direction = "DESC" if descending else "ASC"
    where, params = _filter(text)
    sql = (
        f"{_OVERVIEW}{where} ORDER BY ({key}) IS NULL, {key} {direction}, "
        "c.name COLLATE NOCASE, c.id LIMIT :limit OFFSET :offset"
    )
    return _named(
        store, sql, {"today": today.isoformat(), "limit": limit, "offset": offset, **params}
    )


def count_contacts(store: Store, text: str = "") -> int:
    where, params = _filter(text)
    return int(_named(store, f"SELECT count(*) AS n FROM contacts c{where}", params)[0]["n"])


def contact_overview(store: Store, contact_id: int, today: date) -> Row | None:
    """One contact with every field, its last interaction and next follow-up."""
    sql = (
        "SELECT c.*, s.last_date, "
        "CAST(julianday(:today) - julianday(s.last_date) AS INTEGER) AS days_since, "
        f"s.open_follow_up, {_KEEP_IN_TOUCH} AS keep_in_touch "
        f"FROM contacts c LEFT JOIN ({_PER_CONTACT}) s ON s.contact_id = c.id WHERE c.id = :id"
    )
    rows = _named(store, sql, {"today": today.isoformat(), "id": contact_id})
    return rows[0] if rows else None


def interactions_of(
    store: Store, contact_id: int, *, limit: int = 200, offset: int = 0
) -> list[Row]:
    """A contact's interactions, newest first."""
    return store.query(
        "SELECT * FROM interactions WHERE contact_id = ? ORDER BY date DESC, id DESC "
        "LIMIT ? OFFSET ?",
        (contact_id, limit, offset),
    )


def wins_shared_with(store: Store, name: str, *, limit: int = 200) -> list[Row]:
    """Wins whose `shared_with` names the contact (their name appears in it, ignoring case),
    newest first."""
    wanted = name.strip().casefold()
    if not wanted:
        return []
    store.conn.create_function("careertui_casefold", 1, _casefold, deterministic=True)
    return store.query(
        "SELECT id, date, title, impact, shared_with FROM wins "
        "WHERE shared_with != '' AND instr(careertui_casefold(shared_with), ?) > 0 "
        "ORDER BY date DESC, id DESC LIMIT ?",
        (wanted, limit),
    )


def _casefold(value: object) -> str:
    return "" if value is None else str(value).casefold()


def key_contacts(store: Store, today: date) -> list[Row]:
    """Decision-makers and sponsors, the longest unseen first (never seen at the top), each
    with `unseen` = 1 when they had no interaction in the last 90 days (the readiness
    visibility rule)."""
    marks = ", ".join(f":k{n}" for n in range(len(KEY_INFLUENCES)))
    since = (today - timedelta(days=VISIBILITY_DAYS)).isoformat()
    sql = (
        f"SELECT * FROM ({_OVERVIEW} WHERE c.influence IN ({marks})) "
        "ORDER BY last_date IS NOT NULL, last_date, name COLLATE NOCASE, id"
    )
    params = {"today": today.isoformat(), **{f"k{n}": k for n, k in enumerate(KEY_INFLUENCES)}}
    rows = _named(store, sql, params)
    for row in rows:
        row["unseen"] = int(row["last_date"] is None or row["last_date"] < since)
    return rows


def _day(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        return None


def keep_in_touch(store: Store, today: date) -> list[KeepInTouch]:
    """Contacts whose stay-in-touch date has come: `follow_up_days` after their last
    interaction up to today (or after the day they were added, if never seen)."""
    return [
        KeepInTouch(
            row["id"],
            row["name"],
            int(row["follow_up_days"]),
            _day(row["last_date"]),
            _day(row["created"]) or today,
        )
        for row in _named(
            store,
            "SELECT c.id, c.name, c.follow_up_days, substr(c.created_at, 1, 10) AS created, "
            f"s.last_date FROM contacts c LEFT JOIN ({_PER_CONTACT}) s ON s.contact_id = c.id "
            f"WHERE c.follow_up_days > 0 AND {_KEEP_IN_TOUCH} <= :today",
            {"today": today.isoformat()},
        )
    ]


def follow_ups(store: Store, today: date, keep: list[KeepInTouch] | None = None) -> list[FollowUp]:
    """Follow-ups due on or before today and lapsed stay-in-touch cadences (docs/FORMULAS.md),
    oldest first, by the same rule as `careertui stats` (domain.due.follow_ups_due)."""
    open_items = [
        OpenFollowUp(row["id"], row["contact_id"], row["name"], when, row["notes"])
        for row in store.query(
            "SELECT i.id, i.contact_id, c.name, i.follow_up, i.notes FROM interactions i "
            "JOIN contacts c ON c.id = i.contact_id "
            "WHERE i.follow_up IS NOT NULL AND i.done = 0 AND i.follow_up <= ?",
            (today.isoformat(),),
        )
        if (when := _day(row["follow_up"])) is not None
    ]
    if keep is None:
        keep = keep_in_touch(store, today)
    return follow_ups_due(open_items, keep, today)


def mark_done(store: Store, interaction_id: int, today: date, done: bool = True) -> None:
    """The follow-up of an interaction is done (or, with `done=False`, open again)."""
    store.update("interaction", interaction_id, {"done": done}, today)


def snooze(store: Store, interaction_id: int, today: date, days: int = SNOOZE_DAYS) -> date:
    """Move a follow-up `days` later, counted from today if it is already overdue (a snoozed
    item leaves the due list for that long); returns the new date."""
    from careertui.domain.names import NotFound

    row = store.get("interaction", interaction_id)
    if row is None:
        raise NotFound(f"no interaction with id {interaction_id}")
    current = _day(row["follow_up"]) or today
    when = max(current, today) + timedelta(days=days)
    store.update("interaction", interaction_id, {"follow_up": when.isoformat()}, today)
    return when
