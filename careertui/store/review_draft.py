"""The weekly review's draft: what is typed in the review, kept as it is typed, so that quitting,
a crash or `kill -9` lose at most the last second of it. One row per ISO week in `review_drafts`
(the step and the field the person was in, and every field's text); saving the review turns
the draft into the week's review record and deletes the draft.

The draft stays on this device: it is not a record (no uuid, not synced, not exported)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import sqlite3

    from careertui.store.store import Store

TABLE_SQL = (
    "CREATE TABLE IF NOT EXISTS review_drafts (week TEXT PRIMARY KEY, "
    "step INTEGER NOT NULL DEFAULT 0, field TEXT NOT NULL DEFAULT '', "
    "fields TEXT NOT NULL DEFAULT '{}', updated_at TEXT NOT NULL)"
)


def create_table(conn: sqlite3.Connection) -> None:
    """The migration: idempotent, as a file may have the table already."""
    conn.execute(TABLE_SQL)


@dataclass(frozen=True, slots=True)
class Draft:
    week: str
    step: int
    field: str
    """The id of the field that had the focus ("" when none)."""
    fields: dict[str, str]
    updated_at: str


def _has_table(store: Store) -> bool:
    found = store.query_one("SELECT 1 AS x FROM sqlite_master WHERE name = 'review_drafts'")
    return found is not None


def load_draft(store: Store, week: str) -> Draft | None:
    """The week's draft, None when there is none (or the file predates drafts)."""
    if not _has_table(store):
        return None
    row = store.query_one("SELECT * FROM review_drafts WHERE week = ?", (week,))
    if row is None:
        return None
    import json  # imported when a draft is read or saved, not at every command's start

    try:
        fields = json.loads(row["fields"])
    except ValueError:
        fields = {}
    if not isinstance(fields, dict):
        fields = {}
    kept = {str(k): str(v) for k, v in fields.items()}
    return Draft(week, int(row["step"] or 0), str(row["field"] or ""), kept, str(row["updated_at"]))


def save_draft(
    store: Store, week: str, step: int, field: str, fields: Mapping[str, str], stamp: str
) -> None:
    """Keep the week's draft (one write transaction; the row is replaced)."""
    import json

    with store.write() as conn:
        conn.execute(TABLE_SQL)
        conn.execute(
            "INSERT INTO review_drafts (week, step, field, fields, updated_at) "
            "VALUES (?, ?, ?, ?, ?) ON CONFLICT(week) DO UPDATE SET step = excluded.step, "
            "field = excluded.field, fields = excluded.fields, updated_at = excluded.updated_at",
            (week, int(step), field, json.dumps(dict(fields), ensure_ascii=False), stamp),
        )


def drop_draft(store: Store, week: str) -> None:
    """Forget the week's draft (it was saved as the review)."""
    if _has_table(store):
        with store.write() as conn:
            conn.execute("DELETE FROM review_drafts WHERE week = ?", (week,))
