"""The tables that sync keeps beside the journal, and the triggers that tell it what changed.

- `sync_settings` (key, value): this device's id (`device`, made once, kept for good), the
  remembered folder, the passphrase (or `keyring`), the time of the last sync.
- `sync_changes` (uuid, kind): records written here since the last sync, filled by triggers on
  every record table, so no write path has to remember to tell sync.
- `sync_tombstones` (uuid, kind, deleted_at): a record deleted here, filled by an AFTER DELETE
  trigger; it holds no text (deleted means gone) and is emptied once the delete is sent.
- `sync_versions`: per uuid, the version this file holds (its time, the device that wrote it,
  the version it was edited from, deleted or not, a hash of its content), and for a record that
  sync keeps out of its table for now (its link points at a record not here, or a second check-in
  for the same action and day) its content in `shadow`; `true_name` is a record's own name while
  it is shown with a suffix because another record has that name.
- `sync_applied` (device, name): the change files already applied; a name is a hash of the file.
- `sync_conflicts`: versions that lost to one made without seeing them, kept for the person.
- `sync_keys` (device, identity, key_hash): each device's age identity, once read from its key file.

Every statement is idempotent: the migration may run on a file that has the tables already, and
`ensure_triggers` runs at every sync, so a record table that a later migration adds is covered.
"""

from __future__ import annotations

import sqlite3

from careertui.domain.records import KINDS

TABLES = (
    "CREATE TABLE IF NOT EXISTS sync_settings (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
    "CREATE TABLE IF NOT EXISTS sync_changes (uuid TEXT PRIMARY KEY, kind TEXT NOT NULL)",
    "CREATE TABLE IF NOT EXISTS sync_tombstones "
    "(uuid TEXT PRIMARY KEY, kind TEXT NOT NULL, deleted_at TEXT NOT NULL)",
    "CREATE TABLE IF NOT EXISTS sync_versions (uuid TEXT PRIMARY KEY, kind TEXT NOT NULL, "
    "stamp TEXT NOT NULL, device TEXT NOT NULL, base TEXT, deleted INTEGER NOT NULL DEFAULT 0, "
    "hash TEXT, nkey TEXT, shadow TEXT, true_name TEXT)",
    "CREATE INDEX IF NOT EXISTS sync_versions_shadow ON sync_versions(kind) "
    "WHERE shadow IS NOT NULL",
    "CREATE TABLE IF NOT EXISTS sync_applied (device TEXT NOT NULL, name TEXT NOT NULL, "
    "applied_at TEXT NOT NULL, PRIMARY KEY (device, name))",
    "CREATE TABLE IF NOT EXISTS sync_conflicts (id INTEGER PRIMARY KEY, kind TEXT NOT NULL, "
    "uuid TEXT NOT NULL, found_at TEXT NOT NULL, what TEXT NOT NULL, loser TEXT)",
    "CREATE TABLE IF NOT EXISTS sync_keys "
    "(device TEXT PRIMARY KEY, identity TEXT NOT NULL, key_hash TEXT)",
    "INSERT OR IGNORE INTO sync_settings (key, value) "
    "VALUES ('device', lower(hex(randomblob(16))))",
)

_DELETED_AT = "strftime('%Y-%m-%dT%H:%M:%f+00:00', 'now')"


def _triggers(table: str, kind: str) -> list[str]:
    changed = f"INSERT OR IGNORE INTO sync_changes (uuid, kind) VALUES (new.uuid, '{kind}');"
    return [
        f'CREATE TRIGGER IF NOT EXISTS "{table}_sync_ai" AFTER INSERT ON "{table}" '
        f"BEGIN {changed} END",
        f'CREATE TRIGGER IF NOT EXISTS "{table}_sync_au" AFTER UPDATE ON "{table}" '
        f"BEGIN {changed} END",
        f'CREATE TRIGGER IF NOT EXISTS "{table}_sync_ad" AFTER DELETE ON "{table}" BEGIN '
        "INSERT OR REPLACE INTO sync_tombstones (uuid, kind, deleted_at) "
        f"VALUES (old.uuid, '{kind}', {_DELETED_AT}); "
        f"INSERT OR IGNORE INTO sync_changes (uuid, kind) VALUES (old.uuid, '{kind}'); END",
    ]


def ensure_triggers(conn: sqlite3.Connection) -> None:
    """Give every record table its change triggers; a table that had none yet (made by a later
    migration) has all its records counted as changed, so they are sent at the next sync."""
    existing = {row[0] for row in conn.execute("SELECT name FROM sqlite_master")}
    for kind in KINDS.values():
        if kind.table not in existing or f"{kind.table}_sync_ad" in existing:
            continue
        for statement in _triggers(kind.table, kind.name):
            conn.execute(statement)
        conn.execute(
            f"INSERT OR IGNORE INTO sync_changes (uuid, kind) "
            f"SELECT uuid, '{kind.name}' FROM \"{kind.table}\""
        )


def sync_tables(conn: sqlite3.Connection) -> None:
    """The migration: sync's tables, this device's id, and the triggers."""
    for statement in TABLES:
        conn.execute(statement)
    ensure_triggers(conn)
