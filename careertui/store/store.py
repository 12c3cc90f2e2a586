"""The Store: every read and write of careertui's data, returned as plain dicts.

One Store wraps one sqlite3 connection; a connection must not cross threads, so the TUI opens a
Store per worker call (cheap) rather than sharing one.
"""

from __future__ import annotations

import re
import sqlite3
import uuid as uuidlib
from collections.abc import Iterable, Mapping
from contextlib import AbstractContextManager
from datetime import date
from pathlib import Path
from typing import Any

from careertui.domain import names as matching
from careertui.domain.kinds import MENTIONING
from careertui.domain.names import Ambiguous as Ambiguous  # raised by find, caught via store
from careertui.domain.names import Named, NotFound
from careertui.domain.records import KINDS, SEARCHABLE, Kind, validate
from careertui.store.connection import (
    StoreError,
    backup_copy,
    open_connection,
    write_txn,
)
from careertui.store.mentions import link_mentions
from careertui.store.unique import NameRule
from careertui.store.verdict import known_sound, record_checked

Row = dict[str, Any]

SEARCH_DENSE = 10_000
"""Hits in one kind from which search keeps walking back from the newest records rather than
sorting every hit by date."""

SEARCH_SPARSE = 16
"""A word is counted (to choose between walking back and sorting every hit) only when fewer
than one in SEARCH_SPARSE of the first window's records hold it: a word at least that common
turns up in the next window or two, for less than counting its hits costs."""


def _merge_away_old_words(conn: sqlite3.Connection, kind: Kind) -> None:
    """FTS5 keeps a deleted or edited text's words in its old segments (hidden from search)
    until they are merged: 'optimize' merges them now, so the words leave the file. It rewrites
    the kind's whole index (about a second at 100,000 notes), so it runs only when text went."""
    fts = f"{kind.table}_fts"
    conn.execute(f'INSERT INTO "{fts}"("{fts}") VALUES (\'optimize\')')


def _search_day(kind: Kind, prefix: str = "") -> str:
    """The day a search hit is dated by: the record's own date when every record has one,
    else the day it was written (a goal's due date is in the future, not when it was news)."""
    if kind.date_field and kind.field(kind.date_field).required:
        return f'{prefix}"{kind.date_field}"'
    return f"substr({prefix}created_at, 1, 10)"


def _title_sql(kind: Kind) -> str:
    """A search hit's title: the record's title field; an interaction's contact and notes."""
    if kind.name == "interaction":
        contact = "(SELECT c.name FROM contacts c WHERE c.id = t.contact_id)"
        return f"coalesce({contact} || ': ', '') || t.\"notes\""
    return f't."{kind.title_field}"'


def _kind(name: str) -> Kind:
    try:
        return KINDS[name]
    except KeyError:
        raise ValueError(f"unknown record kind {name!r}") from None


def fts_query(text: str) -> str:
    """Turn what a user typed into a safe FTS5 query: every word must appear, as a prefix when
    it has two letters or more (`C++` is the word "c", not every word that starts with c)."""
    words = re.findall(r"[^\s\"]+", text or "")
    if not words:
        raise ValueError("nothing to search for")
    return " ".join(
        '"' + word.replace('"', '""') + '"' + ("*" if len(re.sub(r"\W", "", word)) > 1 else "")
        for word in words[:32]
    )


class Store:
    def __init__(self, path: Path, *, write: bool = True, check: bool = False) -> None:
        """`check`: refuse to write to a file failing its integrity check (the CLI's writes;
        the TUI runs its own check after its first frame)."""
        self.path = Path(path)
        self.conn = open_connection(self.path, write=write, check=check)
        # Sound when opened (checked now, or careertui's verdict on it still holds): careertui's
        # own writes keep it so, and close() says so (docs/RELIABILITY.md).
        self._sound = write and (check or known_sound(self.path))
        self._check = check

    # -- lifecycle ---------------------------------------------------------------------------
    def close(self) -> None:
        wrote = self.conn.total_changes > 0
        self.conn.close()
        if self._sound and (self._check or wrote):
            record_checked(self.path)
            self._sound = False

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def write(self) -> AbstractContextManager[sqlite3.Connection]:
        """`with store.write() as conn:` runs one BEGIN IMMEDIATE transaction."""
        return write_txn(self.conn, self.path)

    def quick_check(self) -> str:
        """'ok', or SQLite's first complaint about the file."""
        try:
            return str(self.conn.execute("PRAGMA quick_check(1)").fetchone()[0])
        except sqlite3.DatabaseError as exc:
            return str(exc)

    def backup(self, dest: Path) -> Path:
        return backup_copy(self.conn, Path(dest))

    # -- generic records ---------------------------------------------------------------------
    def query(self, sql: str, params: Iterable[Any] | Mapping[str, Any] = ()) -> list[Row]:
        """The rows of a read, as dicts: all fetched at once, so no read cursor stays open
        (it would hold a snapshot and keep the WAL from checkpointing); errors as StoreError."""
        bound = params if isinstance(params, Mapping) else tuple(params)
        try:
            return [dict(row) for row in self.conn.execute(sql, bound).fetchall()]
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"cannot read {self.path}: {exc}") from None

    def query_one(self, sql: str, params: Iterable[Any] = ()) -> Row | None:
        """The first row of `query`, or None."""
        rows = self.query(sql, params)
        return rows[0] if rows else None

    def _check_refs(self, kind: Kind, values: Mapping[str, Any]) -> None:
        for f in kind.fields:
            if f.type == "ref" and values.get(f.name) is not None:
                target = _kind(f.ref or "")
                found = self.conn.execute(
                    f'SELECT 1 FROM "{target.table}" WHERE id = ?', (values[f.name],)
                ).fetchone()
                if not found:
                    raise NotFound(f"no {target.label.lower()} with id {values[f.name]}")

    def insert(self, kind_name: str, values: Mapping[str, Any], today: date) -> int:
        """Validate and store a new record; returns its id."""
        cleaned = validate(kind_name, values, today)
        with self.write():
            NameRule(self.conn).check(kind_name, cleaned)  # a second "Dana Lee" refused
            record_id = self._insert_row(_kind(kind_name), cleaned)
            link_mentions(self, kind_name, record_id, cleaned)  # a bad @mention refuses it
            return record_id

    def update(
        self, kind_name: str, record_id: int, values: Mapping[str, Any], today: date
    ) -> None:
        """Validate and change the fields given of one record. Text taken out of any field is
        gone from the file and its WAL too, as after a delete; a field saved as it is stored is
        not written (nor is `updated_at`)."""
        kind = _kind(kind_name)
        cleaned = validate(kind_name, values, today, partial=True)
        if not cleaned:
            return
        with self.write() as conn:
            before = self.get(kind_name, record_id) if kind_name in MENTIONING else None
            if NameRule.applies(kind_name, cleaned):
                current = self.get(kind_name, record_id) or {}
                NameRule(conn).check(kind_name, {**current, **cleaned}, record_id)
            old = self._update_row(kind, record_id, cleaned)
            if not old:
                return  # saved as it was: nothing written, updated_at kept
            link_mentions(self, kind_name, record_id, cleaned, before)
            if kind.name in SEARCHABLE and any(name in kind.fts for name in old):
                _merge_away_old_words(conn, kind)
        if any(isinstance(value, str) and value for value in old.values()):
            self.checkpoint()  # the old text out of the WAL too (secure_delete cleared the pages)

    def _insert_row(self, kind: Kind, cleaned: Mapping[str, Any]) -> int:
        """INSERT inside the caller's write transaction."""
        from careertui.clock import timestamp

        stamp = timestamp()
        row = {"uuid": str(uuidlib.uuid4()), "created_at": stamp, "updated_at": stamp, **cleaned}
        columns = ", ".join(f'"{c}"' for c in row)
        marks = ", ".join("?" for _ in row)
        self._check_refs(kind, cleaned)
        cursor = self.conn.execute(
            f'INSERT INTO "{kind.table}" ({columns}) VALUES ({marks})', tuple(row.values())
        )
        return int(cursor.lastrowid or 0)

    def _update_row(self, kind: Kind, record_id: int, cleaned: Mapping[str, Any]) -> Row:
        """UPDATE, inside the caller's write transaction, the fields whose value changes, and
        return their old values: saving what is stored writes nothing, not even `updated_at`
        (a merge by `updated_at` must not see an untouched record as newer)."""
        from careertui.clock import timestamp

        current = self.query_one(f'SELECT * FROM "{kind.table}" WHERE id = ?', (record_id,))
        if current is None:
            raise NotFound(f"no {kind.label.lower()} with id {record_id}")
        changed = {name: value for name, value in cleaned.items() if current.get(name) != value}
        if not changed:
            return {}
        values = {**changed, "updated_at": timestamp()}
        assignments = ", ".join(f'"{c}" = ?' for c in values)
        self._check_refs(kind, changed)
        self.conn.execute(
            f'UPDATE "{kind.table}" SET {assignments} WHERE id = ?', (*values.values(), record_id)
        )
        return {name: current.get(name) for name in changed}

    def delete(self, kind_name: str, record_id: int) -> None:
        """Delete one record so that its text is gone: rows (secure_delete), FTS tokens
        ('optimize' merges away the old segments) and WAL frames (checkpoint)."""
        kind = _kind(kind_name)
        with self.write() as conn:
            cursor = conn.execute(f'DELETE FROM "{kind.table}" WHERE id = ?', (record_id,))
            if cursor.rowcount == 0:
                raise NotFound(f"no {kind.label.lower()} with id {record_id}")
            for name in SEARCHABLE:  # a contact's interactions go with it
                _merge_away_old_words(conn, KINDS[name])
        self.checkpoint()

    def checkpoint(self) -> None:
        try:
            self.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
        except sqlite3.Error:
            pass  # another reader holds the WAL; the next checkpoint will truncate it

    def get(self, kind_name: str, record_id: int) -> Row | None:
        kind = _kind(kind_name)
        return self.query_one(f'SELECT * FROM "{kind.table}" WHERE id = ?', (record_id,))

    def rows(
        self,
        kind_name: str,
        *,
        newest_first: bool = True,
        limit: int | None = None,
        offset: int = 0,
    ) -> list[Row]:
        """Records of one kind, by date (or id) newest first; a page at a time with limit."""
        kind = _kind(kind_name)
        direction = "DESC" if newest_first else "ASC"
        order = (
            f'"{kind.date_field}" {direction}, id {direction}'
            if kind.date_field
            else f"id {direction}"
        )
        sql = f'SELECT * FROM "{kind.table}" ORDER BY {order}'
        params: list[Any] = []
        if limit is not None:
            sql += " LIMIT ? OFFSET ?"
            params += [limit, offset]
        return self.query(sql, params)

    def count(self, kind_name: str) -> int:
        kind = _kind(kind_name)
        return int(self.conn.execute(f'SELECT count(*) FROM "{kind.table}"').fetchone()[0])

    def names(self, kind_name: str, *, where: str = "") -> list[Named]:
        """Every record's id and name (its title), for matching names and completing them."""
        kind = _kind(kind_name)
        sql = f'SELECT id, "{kind.title_field}" FROM "{kind.table}"'
        rows = self.conn.execute(sql + (f" WHERE {where}" if where else "")).fetchall()
        return [(int(row[0]), str(row[1] or "")) for row in rows]

    def find(self, kind_name: str, name: str, *, where: str = "", exact: bool = False) -> Row:
        """The one record `name` means, as domain/names.py matches names (`exact`: the whole
        name only, ignoring case: is a new name free?)."""
        kind = _kind(kind_name)
        named = self.names(kind_name, where=where)
        if exact:
            named = matching.exact(name, named)
        record_id, _ = matching.pick(name, named, label=kind.label.lower(), plural=kind.plural)
        row = self.get(kind_name, record_id)
        assert row is not None  # read in this connection a moment ago
        return row

    # -- profile -----------------------------------------------------------------------------
    def profile(self) -> Row:
        row = self.query_one('SELECT * FROM "profile" ORDER BY id LIMIT 1')
        if row is None:
            kind = KINDS["profile"]
            row = {f.name: ("" if f.type in ("text", "long") else None) for f in kind.fields}
            row["id"] = None
        return row

    def set_profile(self, values: Mapping[str, Any], today: date) -> None:
        """Change the one profile record (made on the first call). The lookup is inside the
        write transaction, so two first-time writers cannot both make one."""
        kind = KINDS["profile"]
        with self.write():
            existing = self.query_one('SELECT id FROM "profile" ORDER BY id LIMIT 1')
            if existing is None:
                self._insert_row(kind, validate("profile", values, today))
            else:
                cleaned = validate("profile", values, today, partial=True)
                if cleaned:
                    self._update_row(kind, existing["id"], cleaned)

    # -- search ------------------------------------------------------------------------------
    def search(self, text: str, *, limit: int = 50, marks: tuple[str, str] = ("", "")) -> list[Row]:
        """Full-text hits across wins, notes, interactions, contacts and goals, newest first:
        kind, id, date, title (an interaction's is its contact's name and its notes) and a
        snippet of the matching text, each match between `marks`."""
        query = fts_query(text)
        try:
            hits = [
                {"kind": name, **row}
                for name in SEARCHABLE
                for row in self._newest_hits(KINDS[name], query, limit, marks)
            ]
        except sqlite3.OperationalError as exc:
            raise StoreError(f"cannot search for {text!r}: {exc}") from None
        hits.sort(key=lambda hit: (hit["date"] or "", hit["id"], hit["kind"]), reverse=True)
        return hits[:limit]

    def _newest_hits(self, kind: Kind, query: str, limit: int, marks: tuple[str, str]) -> list[Row]:
        """The newest `limit` records of `kind` that match `query`: id, date, title, snippet.

        Looking up the date of every hit, and above all making its snippet, costs far more than
        finding it; so a word with many hits is looked for among the newest records only, in
        windows that grow until `limit` hits turn up, and a word with fewer than SEARCH_DENSE
        hits has them all sorted by date before snippets are made for the newest. A word in one
        of SEARCH_SPARSE records of the first window or more is not counted: it walks on.
        """
        if kind.date_field and kind.field(kind.date_field).required:
            window = 2 * limit
            while (rows := self._window_hits(kind, query, limit, window, marks)) is not None:
                if len(rows) == limit:
                    return rows
                if (
                    window == 2 * limit
                    and len(rows) * SEARCH_SPARSE < window
                    and self._count_hits(kind, query) < SEARCH_DENSE
                ):
                    break
                window *= min(64, max(2, 2 * limit // max(len(rows), 1)))
        return self._sorted_hits(kind, query, limit, marks)

    def _hit_sql(self, kind: Kind, where: str) -> str:
        fts = f'"{kind.table}_fts"'
        day = _search_day(kind, "t.")
        return (
            f"SELECT t.id AS id, {day} AS date, {_title_sql(kind)} AS title, "
            f"snippet({fts}, -1, ?, ?, '…', 12) AS snippet "
            f'FROM {fts} JOIN "{kind.table}" t ON t.id = {fts}.rowid WHERE {fts} MATCH ? '
            f"AND {fts}.rowid BETWEEN ? AND ? AND {where} ORDER BY date DESC, id DESC LIMIT ?"
        )

    def _window_hits(
        self, kind: Kind, query: str, limit: int, window: int, marks: tuple[str, str]
    ) -> list[Row] | None:
        """The newest `limit` hits among the `window` newest records of `kind` (by the (date, id)
        index), or None when the kind holds no more records than that. Only the hits between
        the lowest and highest id of the window are read from the full-text index, and
        snippets are made for the hits in the window only (a few times `limit` at most)."""
        table, day = f'"{kind.table}"', f'"{kind.date_field}"'
        newest = f"SELECT {day}, id FROM {table} ORDER BY {day} DESC, id DESC LIMIT ?"
        last = self.conn.execute(f"{newest} OFFSET ?", (1, window - 1)).fetchone()
        if last is None:
            return None
        low, high = self.conn.execute(
            f"SELECT min(id), max(id) FROM ({newest})", (window,)
        ).fetchone()
        sql = self._hit_sql(kind, f"(t.{day}, t.id) >= (?, ?)")
        rows = self.conn.execute(sql, (*marks, query, low, high, *last, limit)).fetchall()
        return [dict(row) for row in rows]

    def _sorted_hits(self, kind: Kind, query: str, limit: int, marks: tuple[str, str]) -> list[Row]:
        """All hits of `kind` sorted by date, then the newest `limit` with their snippets (in one
        pass over the hits between their lowest and highest id: as a constraint, the list of
        ids would restart the full-text query once per id, and a prefix query merges the hit
        lists of all its words each time)."""
        fts = f'"{kind.table}_fts"'
        day = _search_day(kind)
        newest = self.conn.execute(
            f'SELECT id FROM "{kind.table}" WHERE id IN (SELECT rowid FROM {fts} WHERE {fts} '
            f"MATCH ?) ORDER BY {day} DESC, id DESC LIMIT ?",
            (query, limit),
        ).fetchall()
        if not newest:
            return []
        ids = [row[0] for row in newest]
        sql = self._hit_sql(kind, f"+{fts}.rowid IN ({', '.join('?' for _ in ids)})")
        rows = self.conn.execute(sql, (*marks, query, min(ids), max(ids), *ids, limit)).fetchall()
        return [dict(row) for row in rows]

    def _count_hits(self, kind: Kind, query: str) -> int:
        """How many records of `kind` match, counting no further than SEARCH_DENSE."""
        fts = f'"{kind.table}_fts"'
        sql = f"SELECT count(*) FROM (SELECT 1 FROM {fts} WHERE {fts} MATCH ? LIMIT ?)"
        return int(self.conn.execute(sql, (query, SEARCH_DENSE)).fetchone()[0])

    # -- check-ins -----------------------------------------------------------------------------
    def check_in(
        self,
        action_id: int,
        day: str | date,
        today: date,
        *,
        skip: bool = False,
        note: str | None = None,
    ) -> tuple[int, bool]:
        """Record a check-in (or a skip) of an action on a day; one per action and day, so a
        second call updates the first. Returns (id, created)."""
        from careertui.domain.records import validate

        cleaned = validate(
            "checkin", {"action_id": action_id, "date": day, "skip": skip, "note": note}, today
        )
        kind = KINDS["checkin"]
        with self.write():  # the lookup too: a second writer cannot slip in between
            existing = self.query_one(
                'SELECT id FROM "checkins" WHERE action_id = ? AND date = ?',
                (action_id, cleaned["date"]),
            )
            if existing is None:
                return self._insert_row(kind, cleaned), True
            changed = {"skip": cleaned["skip"]}
            if note is not None:
                changed["note"] = cleaned["note"]
            self._update_row(kind, int(existing["id"]), changed)
            return int(existing["id"]), False
