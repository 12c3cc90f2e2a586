"""Opening the database file safely.

The rules (see shared/RELIABILITY.md): a new file is built complete in a private temporary file
and linked into place, so nobody ever sees it half made; an existing file is checked read-only
before anything writes to it (header, size, schema version), so a refused file is left
byte-for-byte untouched; `busy_timeout` is set before WAL; migrations run inside `BEGIN IMMEDIATE`
after a backup copy.
"""

from __future__ import annotations

import os
import sqlite3
import stat
from contextlib import contextmanager
from collections.abc import Iterator
from pathlib import Path

from careertui.store.schema import SCHEMA_VERSION, migrate

HEADER = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 10_000


class StoreError(Exception):
    """A problem with the database file, told in one line that names the file."""


def _decode(raw: bytes) -> str:
    return raw.decode("utf-8", "replace")


def _configure(conn: sqlite3.Connection) -> sqlite3.Connection:
    conn.text_factory = _decode
    conn.row_factory = sqlite3.Row
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    return conn


def _connect(path: Path, *, read_only: bool = False) -> sqlite3.Connection:
    if read_only:
        uri = f"{path.resolve().as_uri()}?mode=ro"
        conn = sqlite3.connect(uri, uri=True, isolation_level=None, check_same_thread=False)
    else:
        conn = sqlite3.connect(str(path), isolation_level=None, check_same_thread=False)
    return _configure(conn)


def _make_private_dir(folder: Path) -> None:
    if folder.exists():
        return
    try:
        folder.mkdir(parents=True, mode=0o700, exist_ok=True)
        os.chmod(folder, 0o700)
    except OSError as exc:
        raise StoreError(f"cannot create the folder {folder}: {exc.strerror or exc}") from None


def _create(path: Path) -> None:
    """Build a complete, current database next to `path` and link it into place atomically."""
    _make_private_dir(path.parent)
    temp = path.with_name(f".{path.name}.{os.getpid()}.new")
    try:
        fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        os.close(fd)
    except OSError as exc:
        raise StoreError(f"cannot create {path}: {exc.strerror or exc}") from None
    try:
        conn = _connect(temp)
        try:
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("BEGIN IMMEDIATE")
            migrate(conn, 0)
            conn.execute("COMMIT")
        finally:
            conn.close()
        try:
            os.link(temp, path)
        except FileExistsError:
            pass  # another process made it first: use theirs, which is just as complete
    except sqlite3.Error as exc:
        raise StoreError(f"cannot create {path}: {exc}") from None
    except OSError as exc:
        raise StoreError(f"cannot create {path}: {exc.strerror or exc}") from None
    finally:
        for leftover in (temp, Path(f"{temp}-wal"), Path(f"{temp}-shm")):
            try:
                leftover.unlink()
            except FileNotFoundError:
                pass


def _check_file(path: Path) -> None:
    """Refuse what is plainly not a careertui database, reading only."""
    try:
        info = path.stat()
    except OSError as exc:
        raise StoreError(f"cannot open {path}: {exc.strerror or exc}") from None
    if not stat.S_ISREG(info.st_mode):
        raise StoreError(f"{path} is not a file")
    if info.st_size == 0:
        raise StoreError(f"{path} is empty (0 bytes), not a careertui database")
    try:
        with open(path, "rb") as handle:
            head = handle.read(100)
    except OSError as exc:
        raise StoreError(f"cannot read {path}: {exc.strerror or exc}") from None
    if len(head) < 100 or not head.startswith(HEADER):
        raise StoreError(f"{path} is not a SQLite database")
    page_size = int.from_bytes(head[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    pages = int.from_bytes(head[28:32], "big")
    if page_size < 512 or info.st_size < pages * page_size or info.st_size % page_size:
        raise StoreError(f"{path} is truncated or damaged; restore it from a backup")


def _schema_version(path: Path) -> int:
    try:
        conn = _connect(path, read_only=True)
        try:
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        raise StoreError(f"cannot read {path}: {exc}") from None
    if version > SCHEMA_VERSION:
        raise StoreError(
            f"{path} was written by a newer careertui (schema {version}, this one knows "
            f"{SCHEMA_VERSION}); upgrade careertui to open it"
        )
    if version == 0:
        raise StoreError(f"{path} is a SQLite database, but not a careertui one")
    return int(version)


def _check_writable(path: Path) -> None:
    if not os.access(path, os.W_OK):
        raise StoreError(f"{path} is read-only; careertui cannot write to it")
    if not os.access(path.parent, os.W_OK | os.X_OK):
        raise StoreError(f"the folder of {path} is read-only; careertui cannot write there")


def backup_copy(conn: sqlite3.Connection, dest: Path) -> Path:
    """A consistent copy of the open database at `dest`, created 0600, made with SQLite's backup
    API (safe while other processes write)."""
    try:
        fd = os.open(dest, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        os.close(fd)
    except FileExistsError:
        raise StoreError(f"{dest} already exists; choose another name") from None
    except OSError as exc:
        raise StoreError(f"cannot write {dest}: {exc.strerror or exc}") from None
    try:
        target = sqlite3.connect(str(dest))
        try:
            conn.backup(target)
            target.execute("PRAGMA journal_mode = DELETE")
        finally:
            target.close()
    except sqlite3.Error as exc:
        dest.unlink(missing_ok=True)
        raise StoreError(f"cannot write {dest}: {exc}") from None
    return dest


def _migrate(conn: sqlite3.Connection, path: Path, version: int) -> None:
    """Back up, then migrate inside BEGIN IMMEDIATE (re-checking the version under the lock, as
    another process may have migrated meanwhile). The backup API cannot copy from a connection
    inside a write transaction, so the copy is taken just before it."""
    from careertui.clock import now

    stamp = now().strftime("%Y%m%d-%H%M%S")
    try:
        backup_copy(conn, path.with_name(f"{path.name}.v{version}-{stamp}-{os.getpid()}.bak"))
    except StoreError:
        raise StoreError(f"cannot back up {path} before upgrading it; nothing was changed") from None
    conn.execute("BEGIN IMMEDIATE")
    try:
        current = conn.execute("PRAGMA user_version").fetchone()[0]
        if current > SCHEMA_VERSION:
            raise StoreError(f"{path} was written by a newer careertui (schema {current})")
        if current < SCHEMA_VERSION:
            migrate(conn, current)
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise


def open_connection(path: Path, *, write: bool = True) -> sqlite3.Connection:
    """Open (creating if missing) the careertui database at `path`, or raise StoreError."""
    if not path.exists():
        if not write:
            raise StoreError(f"{path} does not exist yet; add something first")
        _create(path)
    _check_file(path)
    version = _schema_version(path)
    if write:
        _check_writable(path)
    try:
        conn = _connect(path, read_only=not write)
        if write:
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA foreign_keys = ON")
            conn.execute("PRAGMA secure_delete = ON")
            if version < SCHEMA_VERSION:
                _migrate(conn, path, version)
        return conn
    except sqlite3.Error as exc:
        raise StoreError(f"cannot open {path}: {exc}") from None


@contextmanager
def write_txn(conn: sqlite3.Connection, path: Path) -> Iterator[sqlite3.Connection]:
    """One write transaction: `BEGIN IMMEDIATE` (so a concurrent writer waits instead of failing
    with "database is locked"), COMMIT on success, ROLLBACK on any error."""
    try:
        conn.execute("BEGIN IMMEDIATE")
    except sqlite3.Error as exc:
        raise StoreError(_friendly(exc, path)) from None
    try:
        yield conn
        conn.execute("COMMIT")
    except sqlite3.Error as exc:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise StoreError(_friendly(exc, path)) from None
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise


def _friendly(exc: sqlite3.Error, path: Path) -> str:
    text = str(exc)
    if "full" in text or "disk I/O" in text:
        return f"cannot write {path}: the disk is full (nothing was saved; free some space)"
    if "readonly" in text or "read-only" in text:
        return f"{path} is read-only; nothing was saved"
    if "locked" in text or "busy" in text:
        return f"{path} is busy in another program; nothing was saved, try again"
    if "malformed" in text or "not a database" in text:
        return f"{path} is damaged; nothing was saved (restore it from a backup)"
    return f"cannot write {path}: {text}"
