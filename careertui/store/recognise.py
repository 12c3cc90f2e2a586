"""Telling careertui's file from another program's SQLite file without touching it: no lock, no
`-wal`/`-shm`, no byte or mode bit changed. Only sqlite3 is imported (`careertui status` uses it
on every shell prompt, so not even pathlib)."""

from __future__ import annotations

import os
import sqlite3

CAREERTUI_TABLES = frozenset(
    ("profile", "goals", "actions", "checkins", "wins", "contacts", "interactions", "notes")
)
"""Tables every careertui file has had since its first schema: how one is told from another
program's SQLite file, whatever that file's user_version."""


def table_names(conn: sqlite3.Connection) -> set[str]:
    return {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}


def file_uri(path: str | os.PathLike[str], query: str) -> str:
    """`path`, made absolute, as a SQLite URI filename with `query` (`mode=ro`...). SQLite
    decodes %HH escapes in it and ends the name at '?' or '#', so those, '%' and every byte
    outside ASCII are escaped: the name SQLite gets from `Path.as_uri()`, without the pathlib,
    re and urllib.parse that would be most of `careertui status`'s own time (~8 ms)."""
    name = os.fsencode(os.path.abspath(path))
    escaped = "".join(chr(b) if b < 0x80 and b not in b"%?#" else f"%{b:02X}" for b in name)
    return f"file:{escaped}?{query}"


def foreign(path: str | os.PathLike[str]) -> bool | None:
    """True for a SQLite file without careertui's tables, False for a careertui file, None when
    it cannot be read this way. The read is immutable (`?immutable=1`), so it ignores a `-wal`:
    None also for a file whose last checkpoint was cut short; a normal read then decides."""
    try:
        conn = sqlite3.connect(file_uri(path, "mode=ro&immutable=1"), uri=True)
        try:
            names = table_names(conn)
        finally:
            conn.close()
    except sqlite3.DatabaseError:
        return None
    return not CAREERTUI_TABLES <= names
