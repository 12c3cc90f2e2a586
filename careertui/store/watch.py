"""Telling that someone committed to the file: SQLite's `PRAGMA data_version` on a connection
kept open changes whenever another connection commits (another process, or this app's own
short-lived connections). Cheap enough to ask twice a second: no file is read."""

from __future__ import annotations

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
        self.lock = threading.Lock()

    def changed(self) -> bool:
        """Whether a commit happened since the last call (False on the first, and while the
        file cannot be opened)."""
        with self.lock:
            try:
                if self.conn is None:
                    if not self.path.exists():
                        return False
                    self.conn = _connect(self.path, read_only=True)
                version = int(self.conn.execute("PRAGMA data_version").fetchone()[0])
            except sqlite3.Error:
                self.close()
                return False
            before, self.last = self.last, version
            return before is not None and version != before

    def close(self) -> None:
        if self.conn is not None:
            self.conn.close()
            self.conn = None
