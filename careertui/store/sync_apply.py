"""Applying versions from other devices to the record tables (one sync's write transaction).

A record's content travels as its fields with every link written as the uuid of the record it
points at (ids differ from file to file). A version that wins is written into its table when
it can be; when it cannot yet, it is kept aside in `sync_versions.shadow` and tried again at
the end of every sync (`settle`):

- a link points at a record this file does not hold (its change file has not arrived, or it was
  deleted: a record whose link is ON DELETE CASCADE goes with its target, as SQLite does here);
- a unique key is taken by another record (one check-in per action and day, one weekly review
  per week, one profile): the later version holds the place, the other waits aside.

Whether a record is shown depends only on the versions every device ends up with, never on the
order in which they came, so every device shows the same records.
"""

from __future__ import annotations

import json
import sqlite3
from typing import Any

from careertui.domain.merge import (
    NAMED_KINDS,
    SINGLE_KINDS,
    Version,
    beats,
    digest,
    display_names,
    same,
    suffixed,
    unseen,
)
from careertui.domain.records import KINDS, Kind

Content = dict[str, Any]


class Merger:
    """Applies versions inside the caller's write transaction."""

    def __init__(self, conn: sqlite3.Connection, found_at: str) -> None:
        self.conn = conn
        self.found_at = found_at
        self.conflicts = 0
        self.cascade = {name: self._cascading(kind) for name, kind in KINDS.items()}
        self.keys = {name: self._unique_key(kind) for name, kind in KINDS.items()}

    # -- what the file knows ------------------------------------------------------------------
    def _cascading(self, kind: Kind) -> set[str]:
        """The link fields of `kind` whose record is deleted with the record they point at."""
        return {
            row["from"]
            for row in self.conn.execute(f'PRAGMA foreign_key_list("{kind.table}")')
            if str(row["on_delete"]).upper() == "CASCADE"
        }

    def _unique_key(self, kind: Kind) -> tuple[str, ...] | None:
        """The fields of a unique index of `kind` other than its uuid (or () for a kind of one
        record), or None."""
        if kind.name in SINGLE_KINDS:
            return ()
        for index in self.conn.execute(f'PRAGMA index_list("{kind.table}")').fetchall():
            if index["unique"] and index["origin"] == "c":
                columns = self.conn.execute(f'PRAGMA index_info("{index["name"]}")').fetchall()
                return tuple(str(column["name"]) for column in columns)
        return None

    def nkey(self, kind: Kind, content: Content) -> str | None:
        key = self.keys[kind.name]
        return None if key is None else json.dumps([content.get(name) for name in key])

    def id_of(self, kind_name: str, uid: str) -> int | None:
        row = self.conn.execute(
            f'SELECT id FROM "{KINDS[kind_name].table}" WHERE uuid = ?', (uid,)
        ).fetchone()
        return None if row is None else int(row[0])

    def uuid_of(self, kind_name: str, record_id: int) -> str | None:
        row = self.conn.execute(
            f'SELECT uuid FROM "{KINDS[kind_name].table}" WHERE id = ?', (record_id,)
        ).fetchone()
        return None if row is None else str(row[0])

    def stored(self, uid: str) -> sqlite3.Row | None:
        return self.conn.execute("SELECT * FROM sync_versions WHERE uuid = ?", (uid,)).fetchone()

    def content(self, kind: Kind, row: sqlite3.Row | dict[str, Any]) -> Content:
        """A row as it travels: its fields, links as uuids, its own name (not a suffixed one)."""
        data: Content = {"created_at": row["created_at"]}
        for f in kind.fields:
            value = row[f.name]
            if f.type == "ref" and value is not None:
                value = self.uuid_of(f.ref or "", int(value))
            data[f.name] = value
        if kind.name in NAMED_KINDS:
            kept = self.stored(row["uuid"])
            if kept is not None and kept["true_name"] is not None:
                if row[kind.title_field] == suffixed(kept["true_name"], row["uuid"]):
                    data[kind.title_field] = kept["true_name"]
        return data

    def current(self, kind: Kind, uid: str) -> Content | None:
        """The content this file holds for a record: its row, else what is kept aside."""
        row = self.conn.execute(f'SELECT * FROM "{kind.table}" WHERE uuid = ?', (uid,)).fetchone()
        if row is not None:
            return self.content(kind, row)
        kept = self.stored(uid)
        return None if kept is None or kept["shadow"] is None else json.loads(kept["shadow"])

    def note(self, kind: Kind, uid: str, what: str, loser: Content | None) -> None:
        self.conflicts += 1
        self.conn.execute(
            "INSERT INTO sync_conflicts (kind, uuid, found_at, what, loser) VALUES (?, ?, ?, ?, ?)",
            (kind.name, uid, self.found_at, what, None if loser is None else json.dumps(loser)),
        )

    def remember(self, kind: Kind, uid: str, version: Version, content: Content | None) -> None:
        self.conn.execute(
            "INSERT OR REPLACE INTO sync_versions (uuid, kind, stamp, device, base, deleted, "
            "hash, nkey, shadow, true_name) VALUES (?, ?, ?, ?, ?, ?, ?, ?, NULL, NULL)",
            (
                uid,
                kind.name,
                version.stamp,
                version.device,
                version.base,
                int(version.deleted),
                None if content is None else digest(content),
                None if content is None else self.nkey(kind, content),
            ),
        )

    # -- applying -----------------------------------------------------------------------------
    def apply(self, kind: Kind, uid: str, version: Version, content: Content | None) -> None:
        """One version from another device: written if it wins, noted if a conflict."""
        kept = self.stored(uid)
        if kept is not None:
            mine = Version(kept["stamp"], kept["device"], bool(kept["deleted"]), kept["base"])
            if same(version, mine):
                return
            if not beats(version, mine):
                if unseen(mine, version):
                    what = (
                        "deleted on another device; kept, as it was edited here later"
                        if version.deleted
                        else "edited on another device; kept the later version"
                    )
                    self.note(kind, uid, what, content)
                return
            if unseen(version, mine):
                if mine.deleted:
                    self.note(kind, uid, "deleted here, edited on another device since", None)
                else:
                    what = (
                        "deleted on another device, not seeing this version"
                        if version.deleted
                        else "edited on two devices; the later version was kept"
                    )
                    self.note(kind, uid, what, self.current(kind, uid))
        self.remember(kind, uid, version, content)
        if content is None:
            self.remove(kind, uid)
        else:
            self.place(kind, uid, version, content, tell=True)

    def _shadow(self, uid: str, content: Content) -> None:
        self.conn.execute(
            "UPDATE sync_versions SET shadow = ? WHERE uuid = ?", (json.dumps(content), uid)
        )

    def remove(self, kind: Kind, uid: str) -> None:
        """Take a record out of its table. The records deleted with it (links ON DELETE
        CASCADE) that their own devices did not delete are kept aside, not lost."""
        record_id = self.id_of(kind.name, uid)
        if record_id is None:
            return
        self._keep_dependents(kind, record_id)
        self.conn.execute(f'DELETE FROM "{kind.table}" WHERE id = ?', (record_id,))

    def _keep_dependents(self, kind: Kind, record_id: int) -> None:
        for other in KINDS.values():
            for field_name in self.cascade[other.name]:
                if other.field(field_name).ref != kind.name:
                    continue
                rows = self.conn.execute(
                    f'SELECT * FROM "{other.table}" WHERE "{field_name}" = ? AND id != ?',
                    (record_id, record_id if other is kind else -1),
                ).fetchall()
                for row in rows:
                    if self.stored(row["uuid"]) is None:
                        continue
                    self._keep_dependents(other, int(row["id"]))
                    self._shadow(row["uuid"], self.content(other, row))
                    self.note(other, row["uuid"], "set aside: what it belongs to was deleted", None)

    def _resolve(self, kind: Kind, content: Content) -> dict[str, Any] | None:
        """The row's values with links as ids, or None when a link cannot be written yet."""
        values: dict[str, Any] = {}
        for f in kind.fields:
            value = content.get(f.name)
            if f.type == "ref" and value is not None:
                target = self.id_of(f.ref or "", str(value))
                if target is None:
                    known = self.stored(str(value))
                    deleted = known is not None and known["deleted"]
                    if not deleted or f.name in self.cascade[kind.name]:
                        return None
                value = target
            values[f.name] = value
        return values

    def place(
        self, kind: Kind, uid: str, version: Version, content: Content, *, tell: bool = False
    ) -> bool:
        """Write a winning version into its table, or keep it aside; True if written. With
        `tell` (a version just received), one kept aside for a record holding its place is
        listed as a conflict here too, as it is on the device whose record it displaced."""
        values = self._resolve(kind, content)
        told = content if tell else None
        self.conn.execute("SAVEPOINT place")
        conflicts = self.conflicts
        try:
            if values is None or not self._key_free(kind, uid, version, values, told):
                self.conn.execute("RELEASE place")
                self.remove(kind, uid)
                self._shadow(uid, content)
                return False
            self._write_row(kind, uid, version, content, values)
        except sqlite3.IntegrityError:
            # the records it displaced get their place back: else a version the table refuses
            # took the place of another at every round of `settle`, which never ended
            self.conn.execute("ROLLBACK TO place")
            self.conn.execute("RELEASE place")
            self.conflicts = conflicts
            self.remove(kind, uid)
            self._shadow(uid, content)
            return False
        self.conn.execute("RELEASE place")
        self.conn.execute("UPDATE sync_versions SET shadow = NULL WHERE uuid = ?", (uid,))
        return True

    def _write_row(
        self, kind: Kind, uid: str, version: Version, content: Content, values: dict[str, Any]
    ) -> None:
        row = {"created_at": content["created_at"], "updated_at": version.stamp, **values}
        if self.id_of(kind.name, uid) is None:
            columns = ", ".join(f'"{c}"' for c in ("uuid", *row))
            marks = ", ".join("?" for _ in range(len(row) + 1))
            self.conn.execute(
                f'INSERT INTO "{kind.table}" ({columns}) VALUES ({marks})', (uid, *row.values())
            )
        else:
            assignments = ", ".join(f'"{c}" = ?' for c in row)
            self.conn.execute(
                f'UPDATE "{kind.table}" SET {assignments} WHERE uuid = ?', (*row.values(), uid)
            )

    def _key_free(
        self, kind: Kind, uid: str, version: Version, values: dict[str, Any], told: Content | None
    ) -> bool:
        """Whether the record may hold its unique key: free, or held by a version it beats
        (which is then kept aside)."""
        key = self.keys[kind.name]
        if key is None:
            return True
        where = " AND ".join(f'"{name}" IS ?' for name in key) or "1"
        rows = self.conn.execute(
            f'SELECT * FROM "{kind.table}" WHERE {where} AND uuid != ?',
            (*(values.get(name) for name in key), uid),
        ).fetchall()
        for row in rows:
            kept = self.stored(row["uuid"])
            if kept is None:
                return False
            held = Version(kept["stamp"], kept["device"], False, kept["base"])
            # equal times and devices (one device's clock gave two records one time) go to the
            # greater uuid: else each took the place from the other in turn, for ever
            if beats(held, version) or (same(held, version) and row["uuid"] > uid):
                if told is not None:
                    self.note(kind, uid, "set aside: a later record has its place", told)
                return False
            content = self.content(kind, row)
            self.remove(kind, row["uuid"])
            self._shadow(row["uuid"], content)
            self.note(kind, row["uuid"], "set aside: another record has its place", content)
        return True

    # -- after applying -----------------------------------------------------------------------
    def settle(self) -> None:
        """Place what waits aside wherever it can be placed now, then make names unique."""
        progress = True
        while progress:
            progress = False
            waiting = self.conn.execute(
                "SELECT * FROM sync_versions WHERE shadow IS NOT NULL AND deleted = 0 "
                "ORDER BY stamp DESC, uuid"
            ).fetchall()
            for kept in waiting:
                version = Version(kept["stamp"], kept["device"], False, kept["base"])
                if self.place(
                    KINDS[kept["kind"]], kept["uuid"], version, json.loads(kept["shadow"])
                ):
                    progress = True
        for name in NAMED_KINDS:
            if name in KINDS:
                self._unique_names(KINDS[name])

    def _unique_names(self, kind: Kind) -> None:
        title = kind.title_field
        exempt = NAMED_KINDS[kind.name]
        rows = self.conn.execute(f'SELECT * FROM "{kind.table}"').fetchall()
        names: dict[str, str] = {}
        kept_names: dict[str, str | None] = {}
        for row in rows:
            if exempt is not None and row["kind"] == exempt:
                continue
            kept = self.stored(row["uuid"])
            true = kept_names[row["uuid"]] = kept["true_name"] if kept is not None else None
            names[row["uuid"]] = (
                true
                if true is not None and row[title] == suffixed(true, row["uuid"])
                else row[title]
            )
        shown = display_names(
            (uid, row["created_at"], names[uid]) for row in rows if (uid := row["uuid"]) in names
        )
        for row in rows:
            uid = row["uuid"]
            if uid not in names:
                continue
            if row[title] != shown[uid]:
                if shown[uid] != names[uid]:
                    self.note(kind, uid, "named like an older record; shown with a suffix", None)
                self.conn.execute(
                    f'UPDATE "{kind.table}" SET "{title}" = ? WHERE id = ?', (shown[uid], row["id"])
                )
            true = names[uid] if shown[uid] != names[uid] else None
            if true != kept_names[uid]:
                self.conn.execute(
                    "UPDATE sync_versions SET true_name = ? WHERE uuid = ?", (true, uid)
                )
