"""Telling that someone committed to the file: SQLite's `PRAGMA data_version` on a connection
kept open changes whenever another connection commits (another process, or this app's own
short-lived connections). Cheap enough to ask twice a second: no file is read.

A connection kept open can be left behind: when another process's connection closes it deletes
the `-wal` and `-shm` if it can take the file's exclusive lock, and it can whenever the lock this
process held is gone (POSIX locks belong to the process, and closing any handle on the file, such
as a plain `open()` of it elsewhere in the app, drops them all). The connection kept open then
reads a deleted `-shm` for ever and its `data_version` never moves again, while every new commit
goes to a new `-wal`. So each ask also compares the files' identities (device and inode of the
file and its `-shm`) with those seen when the connection was opened; when they differ the
connection is opened again and the ask answers True (commits may have been missed meanwhile)."""

from __future__ import annotations

import os
import sqlite3
import threading
from pathlib import Path

from careertui.store.connection import _connect


class DataVersion:
    """A read-only connection kept open to ask whether the file changed since the last ask."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self.conn: sqlite3.Connection | None = None
        self.last: int | None = None
        self.files: tuple[object, ...] | None = None
        """The identities of the file and its `-shm` when the connection was opened."""
        self.lock = threading.Lock()

    def identities(self) -> tuple[object, ...]:
        """(device, inode) of the file and of its `-shm` (None for one missing)."""
        found: list[object] = []
        for name in (str(self.path), f"{self.path}-shm"):
            try:
                st = os.stat(name)
                found.append((st.st_dev, st.st_ino))
            except OSError:
                found.append(None)
        return tuple(found)

    def changed(self) -> bool:
        """Whether a commit happened since the last call (False on the first, and while the
        file cannot be opened)."""
        with self.lock:
            replaced = self.conn is not None and self.identities() != self.files
            if replaced:
                self.close()  # left behind on deleted files: open the file as it is now
            try:
                if self.conn is None:
                    if not self.path.exists():
                        return False
                    self.conn = _connect(self.path, read_only=True)
                version = int(self.conn.execute("PRAGMA data_version").fetchone()[0])
                if self.files is None:  # after the read: it made the `-shm` if there was none
                    self.files = self.identities()
            except sqlite3.Error:
                self.close()
                return False
            before, self.last = self.last, version
            return replaced or (before is not None and version != before)

    def close(self) -> None:
        self.files = None
        if self.conn is not None:
            self.conn.close()
            self.conn = None
