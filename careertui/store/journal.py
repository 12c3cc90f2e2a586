"""The journal timeline: the latest notes, wins, interactions and check-ins as one list.

Each kind is read newest first on its own date index and cut at the page's end before the lists
are merged, so a page costs the same at 100 rows as at 100,000.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from careertui.store.store import Row, Store

TIMELINE_KINDS = ("note", "win", "interaction", "checkin")
PAGE = 100
_TITLE_CHARS = 300
"""Enough of a long note for a one-line preview; the rest stays in the file."""

_SOURCES = {
    "note": (
        "SELECT 'note' AS kind, {rank} AS rank, n.id, n.date, n.created_at, "
        "substr(n.text, 1, {chars}) AS title, "
        "n.tags AS detail FROM notes n"
    ),
    "win": (
        "SELECT 'win' AS kind, {rank} AS rank, w.id, w.date, w.created_at, "
        "substr(w.title, 1, {chars}) AS title, "
        "substr(w.impact, 1, {chars}) AS detail FROM wins w"
    ),
    "interaction": (
        "SELECT 'interaction' AS kind, {rank} AS rank, i.id, i.date, i.created_at, "
        "substr(coalesce(c.name, '') || ': ' || i.notes, 1, {chars}) AS title, "
        "i.channel AS detail FROM interactions i LEFT JOIN contacts c ON c.id = i.contact_id"
    ),
    "checkin": (
        "SELECT 'checkin' AS kind, {rank} AS rank, k.id, k.date, k.created_at, "
        "substr(coalesce(a.title, ''), 1, {chars}) AS title, "
        "CASE WHEN k.skip THEN 'skipped' ELSE 'done' END "
        "|| CASE WHEN k.note != '' THEN ': ' || substr(k.note, 1, {chars}) ELSE '' END AS detail "
        "FROM checkins k LEFT JOIN actions a ON a.id = k.action_id"
    ),
}
_ALIAS = {"note": "n", "win": "w", "interaction": "i", "checkin": "k"}
_RANK = {kind: len(TIMELINE_KINDS) - i for i, kind in enumerate(TIMELINE_KINDS)}
"""Orders entries of different kinds that share a date and a creation second."""


def _timeline_sql(keyset: bool) -> str:
    parts = []
    for kind in TIMELINE_KINDS:
        a = _ALIAS[kind]
        where = (
            f" WHERE {a}.date <= ? AND "
            f"({a}.date, {a}.created_at, {_RANK[kind]}, {a}.id) < (?, ?, ?, ?)"
            if keyset
            else ""
        )
        parts.append(
            f"SELECT * FROM ({_SOURCES[kind].format(chars=_TITLE_CHARS, rank=_RANK[kind])}{where} "
            f"ORDER BY {a}.date DESC, {a}.created_at DESC, {a}.id DESC LIMIT ?)"
        )
    return (
        "SELECT * FROM (" + " UNION ALL ".join(parts) + ") "
        "ORDER BY date DESC, created_at DESC, rank DESC, id DESC LIMIT ? OFFSET ?"
    )


_TIMELINE = _timeline_sql(keyset=False)
_TIMELINE_AFTER = _timeline_sql(keyset=True)


def timeline(
    store: Store, *, limit: int = PAGE, offset: int = 0, after: Row | None = None
) -> list[Row]:
    """One page of the journal, newest first: dicts with kind, id, date, created_at, a one-line
    `title` (not yet folded: use `one_line` to show it) and a `detail` (impact, channel, tags or
    whether a check-in was a skip).

    `after` (the last row of the previous page) reads the next page straight off the indexes;
    `offset` alone costs more the deeper it goes.
    """
    depth = limit + offset
    if after is None:
        return store.query(_TIMELINE, (*(depth for _ in TIMELINE_KINDS), limit, offset))
    mark = (after["date"], after["date"], after["created_at"], _RANK[after["kind"]], after["id"])
    params = [value for _ in TIMELINE_KINDS for value in (*mark, depth)]
    return store.query(_TIMELINE_AFTER, (*params, limit, offset))
