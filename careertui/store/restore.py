"""Encrypted backups, restoring a backup, and telling whether the journal is open elsewhere.

Whether the file is open: the app holds a shared `flock` on `.NAME.open` beside the database
for as long as it runs (`holding`), and every SQLite connection in WAL mode holds a shared lock
on one byte of the `-shm` file (SQLite's "dead man switch", byte 128); `in_use` tries to take
both exclusively without waiting. Either fails while another process has the file open, and both
go with the process that held them, so a crash leaves nothing stale behind.

A restore replaces the database only once the backup has been read, decrypted and checked, and
only when nothing has the file open; the file it replaces is kept beside it first.
"""

from __future__ import annotations

import fcntl
import os
import sqlite3
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from careertui.store.connection import HEADER, StoreError
from careertui.store.recognise import file_uri
from careertui.store.sync_files import AGE, write_atomic

_SHM_DEAD_MAN_SWITCH = 128


def _lock_path(db: Path) -> Path:
    return db.with_name(f".{db.name}.open")


@contextmanager
def holding(db: Path) -> Iterator[None]:
    """Hold the "the app has this file open" lock while the block runs."""
    try:
        fd = os.open(_lock_path(db), os.O_RDWR | os.O_CREAT, 0o600)
    except OSError:
        yield  # a read-only folder: restore's -shm check still sees the app's connections
        return
    try:
        fcntl.flock(fd, fcntl.LOCK_SH)
        yield
    finally:
        os.close(fd)


def _free(path: Path, *, byte: int | None) -> bool:
    """Whether an exclusive lock on `path` (one byte of it, or the whole with flock) can be
    taken now; it is released at once."""
    try:
        fd = os.open(path, os.O_RDWR)
    except FileNotFoundError:
        return True
    except OSError:
        return False
    try:
        if byte is None:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        else:
            fcntl.lockf(fd, fcntl.LOCK_EX | fcntl.LOCK_NB, 1, byte)
        return True
    except OSError:
        return False
    finally:
        os.close(fd)  # closing releases the lock


def in_use(db: Path) -> bool:
    """Whether another process has the database open (the app, or a command running)."""
    shm = Path(f"{db}-shm")
    return not (_free(_lock_path(db), byte=None) and _free(shm, byte=_SHM_DEAD_MAN_SWITCH))


def encrypt_backup(conn: sqlite3.Connection, dest: Path, passphrase: str) -> Path:
    """An age-encrypted (scrypt passphrase) copy of the open database at `dest`, new, 0600."""
    from careertui.store.connection import backup_copy
    from careertui.store.sync_files import age_module

    if dest.exists():
        raise StoreError(f"{dest} already exists; choose another name")
    with tempfile.TemporaryDirectory(prefix="careertui-") as folder:  # 0700
        plain = backup_copy(conn, Path(folder) / "backup.db")
        data = bytes(age_module().passphrase.encrypt(plain.read_bytes(), passphrase))
    write_atomic(dest, data)
    return dest


def read_backup(source: Path, passphrase: str | None) -> bytes:
    """The database bytes of a backup, plain or age-encrypted; StoreError when it is neither,
    or when the passphrase does not open it."""
    try:
        data = source.read_bytes()
    except OSError as exc:
        raise StoreError(f"cannot read {source}: {exc.strerror or exc}") from None
    if data.startswith(AGE):
        if passphrase is None:
            raise StoreError(f"{source} is encrypted; give its passphrase")
        from careertui.store.sync_files import age_module

        pyrage = age_module()
        try:
            data = bytes(pyrage.passphrase.decrypt(data, passphrase))
        except pyrage.DecryptError:
            raise StoreError(f"{source}: wrong passphrase, or the file is damaged") from None
    if not data.startswith(HEADER):
        raise StoreError(f"{source} is neither a careertui backup nor an encrypted one")
    return data


def _check_backup(path: Path, source: Path) -> None:
    """A careertui database that SQLite finds whole, or StoreError."""
    try:
        conn = sqlite3.connect(file_uri(path, "mode=ro"), uri=True)
        try:
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            verdict = conn.execute("PRAGMA quick_check(1)").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        raise StoreError(f"{source} is damaged: {exc}") from None
    if version == 0 or verdict != "ok":
        raise StoreError(f"{source} is not a whole careertui database ({verdict})")


def restore(data: bytes, db: Path, source: Path, stamp: str) -> Path | None:
    """Put the backup's bytes in place of the database at `db`; returns where the replaced file
    was kept (None when there was none). The restored file gets a new device id for sync: the
    device it came from may still be syncing."""
    if in_use(db):
        raise StoreError(f"{db} is open in careertui (the app or a command); close it first")
    db.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    fd, name = tempfile.mkstemp(prefix=f".{db.name}.", suffix=".restore", dir=db.parent)
    temp = Path(name)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        _check_backup(temp, source)
        _new_device(temp)
        kept = None
        if db.exists():
            kept = db.with_name(f"{db.name}.before-restore-{stamp}")
            _checkpoint(db)
            os.link(db, kept)
        for side in (Path(f"{db}-wal"), Path(f"{db}-shm")):
            side.unlink(missing_ok=True)
        os.replace(temp, db)
        return kept
    except OSError as exc:
        raise StoreError(f"cannot restore {db}: {exc.strerror or exc}") from None
    finally:
        temp.unlink(missing_ok=True)


def _checkpoint(db: Path) -> None:
    """Fold the WAL into the file before it is set aside (nothing else has it open)."""
    try:
        conn = sqlite3.connect(str(db))
        try:
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        raise StoreError(f"cannot read {db} before replacing it: {exc}") from None


def _new_device(path: Path) -> None:
    conn = sqlite3.connect(str(path))
    try:
        has = conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'sync_settings'").fetchone()
        if has:
            conn.execute(
                "UPDATE sync_settings SET value = lower(hex(randomblob(16))) WHERE key = 'device'"
            )
            conn.commit()
        conn.execute("PRAGMA journal_mode = WAL")  # as the store keeps it (in_use relies on it)
    finally:
        conn.close()
