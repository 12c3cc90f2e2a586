"""What undo needs from the file: a record as it was (with the records that go with it when it is
deleted, and the links a delete empties), and putting it back.

Snapshots live in the app's memory only (careertui/tui/undo.py): nothing here writes a deleted
record's text anywhere, so once the app exits a delete is final."""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from careertui.domain.records import KINDS

if TYPE_CHECKING:
    from careertui.store.store import Store

Restore = Callable[["Store"], None]
"""Undoes one change on a writable Store."""


@dataclass
class Snapshot:
    """Rows as they were, parents before the rows that go with them; and the links
    (table, column, row id, value) that deleting them would empty."""

    rows: list[tuple[str, dict[str, Any]]] = field(default_factory=list)
    links: list[tuple[str, str, int, Any]] = field(default_factory=list)


def _references(conn: sqlite3.Connection) -> dict[str, list[tuple[str, str, str]]]:
    """For each table, the (table, column, on delete) of the foreign keys pointing at it."""
    found: dict[str, list[tuple[str, str, str]]] = defaultdict(list)
    tables = [kind.table for kind in KINDS.values()]
    for table in tables:
        for fk in conn.execute(f'PRAGMA foreign_key_list("{table}")'):
            found[str(fk[2])].append((table, str(fk[3]), str(fk[6]).upper()))
    return found


def snapshot(store: Store, kind: str, record_id: int) -> Snapshot:
    """The record `kind` `record_id` as it is now, with what a delete would take or change."""
    refs = _references(store.conn)
    snap = Snapshot()

    def take(table: str, row_id: int) -> None:
        row = store.query_one(f'SELECT * FROM "{table}" WHERE id = ?', (row_id,))
        if row is None:
            return
        snap.rows.append((table, dict(row)))
        for child, column, on_delete in refs.get(table, []):
            ids = [
                int(r["id"])
                for r in store.query(f'SELECT id FROM "{child}" WHERE "{column}" = ?', (row_id,))
            ]
            for child_id in ids:
                if on_delete == "CASCADE":
                    take(child, child_id)
                else:
                    snap.links.append((child, column, child_id, row_id))

    take(KINDS[kind].table, record_id)
    return snap


def restore(snap: Snapshot) -> Restore:
    """Put the snapshot's rows back as they were (re-made if deleted, their old values if
    edited), and the links a delete emptied, in one transaction."""

    def run(store: Store) -> None:
        with store.write() as conn:
            for table, row in snap.rows:
                there = conn.execute(f'SELECT 1 FROM "{table}" WHERE id = ?', (row["id"],))
                if there.fetchone() is not None:  # edited since: its old values back
                    others = {c: v for c, v in row.items() if c != "id"}
                    updates = ", ".join(f'"{c}" = ?' for c in others)
                    sql = f'UPDATE "{table}" SET {updates} WHERE id = ?'
                    conn.execute(sql, (*others.values(), row["id"]))
                else:  # deleted since: made again, with its id and uuid
                    columns = ", ".join(f'"{c}"' for c in row)
                    marks = ", ".join("?" for _ in row)
                    sql = f'INSERT INTO "{table}" ({columns}) VALUES ({marks})'
                    conn.execute(sql, tuple(row.values()))
                    _forget_tombstone(conn, str(row.get("uuid") or ""))
            for table, column, row_id, value in snap.links:
                conn.execute(
                    f'UPDATE "{table}" SET "{column}" = ? WHERE id = ? AND "{column}" IS NULL',
                    (value, row_id),
                )

    return run


def _forget_tombstone(conn: sqlite3.Connection, uuid: str) -> None:
    """A record back from a delete is no longer one to delete on the other devices."""
    has = conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'sync_tombstones'").fetchone()
    if uuid and has:
        conn.execute("DELETE FROM sync_tombstones WHERE uuid = ?", (uuid,))


def remove(kind: str, record_id: int) -> Restore:
    """Undo an add: delete the record again (its text erased, as any delete)."""

    def run(store: Store) -> None:
        try:
            store.delete(kind, record_id)
        except LookupError:
            pass  # deleted since: nothing to undo

    return run


def check_in(
    store: Store, action_id: int, day: Any, today: Any, *, skip: bool = False
) -> tuple[tuple[int, bool], Restore]:
    """`store.check_in` and what undoes it: a new check-in is deleted, a changed one restored."""
    row = store.query_one(
        'SELECT id FROM "checkins" WHERE action_id = ? AND date = ?', (action_id, str(day))
    )
    before = snapshot(store, "checkin", int(row["id"])) if row is not None else None
    record_id, created = store.check_in(action_id, day, today, skip=skip)
    undo = remove("checkin", record_id) if created or before is None else restore(before)
    return (record_id, created), undo


def edit(store: Store, kind: str, record_id: int, change: Callable[[], Any]) -> tuple[Any, Restore]:
    """Run `change` (which edits the record) and return its result and what undoes it."""
    before = snapshot(store, kind, record_id)
    return change(), restore(before)


def review_save(store: Store, today: Any, save: Callable[[], Any]) -> tuple[Any, Restore]:
    """Run `save` (which saves the week's review and its perception check, see
    store/reviews.py) and return its ReviewSaved and what undoes it: each record made is
    deleted, each one changed gets its old values back."""
    from careertui.store.reviews import iso_week, review_of_week, week_perception

    review = review_of_week(store, iso_week(today))
    perception = week_perception(store, today)
    before = [
        snapshot(store, kind, int(row["id"]))
        for kind, row in (("review", review), ("perception", perception))
        if row is not None
    ]
    saved = save()
    runs = [restore(snap) for snap in before]
    if review is None:
        runs.append(remove("review", saved.id))
    if perception is None and saved.perception_id is not None:
        runs.append(remove("perception", saved.perception_id))

    def run(store: Store) -> None:
        for each in runs:
            each(store)

    return saved, run
