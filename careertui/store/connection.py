"""Opening the database file safely.

The rules (docs/DATA.md, "The file"): a new file is built complete in a private temporary file
and linked into place, so nobody ever sees it half made; an existing file is checked read-only
before anything writes to it (header, size, schema version), so a refused file is left
byte-for-byte untouched; `busy_timeout` is set before WAL; migrations run inside `BEGIN IMMEDIATE`
after a backup copy.

Permissions: a new folder is made 0700 and a new file 0600 (SQLite then makes `-wal`/`-shm` 0600
too). An existing database, its `-wal`/`-shm`, and careertui's own default folder that others can
read are made private on open, and each change is told as one line on the `careertui.store`
logger: with no logging set up (the CLI), Python's last-resort handler prints it to stderr; the TUI
can attach a handler to show it. A user-chosen folder is never changed.
"""

from __future__ import annotations

import os
import sqlite3
import stat
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from careertui.store.recognise import CAREERTUI_TABLES, file_uri, foreign, table_names
from careertui.store.schema import SCHEMA_VERSION, migrate
from careertui.store.verdict import known_sound, unsound_verdict

HEADER = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 10_000
SETTLE_SECONDS = 0.5
"""How long a file whose size disagrees with its header is re-read before it is called truncated:
another process's checkpoint writes page 1 (the new size) before the pages that grow the file."""


def _warn(message: str, *args: object) -> None:
    """One line on the `careertui.store` logger; logging is imported only when there is one to
    tell (it costs every command a few milliseconds, and almost no command ever tells one)."""
    import logging

    logging.getLogger("careertui.store").warning(message, *args)


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
    """A URI connection in both modes, so that no file name (`:memory:`, `file:x`) is special
    and a missing file is never created behind `_create`'s back."""
    uri = file_uri(path, f"mode={'ro' if read_only else 'rw'}")
    conn = sqlite3.connect(uri, uri=True, isolation_level=None, check_same_thread=False)
    return _configure(conn)


def _side_files(path: Path) -> tuple[Path, Path]:
    return Path(f"{path}-wal"), Path(f"{path}-shm")


def _make_private(target: Path, *, repair: bool = False) -> None:
    """Take group/other permissions off `target`; with `repair`, also give the owner read and
    write back (a `-shm` left 0400 by a read-only session would make every later write fail)."""
    try:
        mode = stat.S_IMODE(target.stat().st_mode)
    except FileNotFoundError:
        return
    wanted = (0o700 if target.is_dir() else 0o600) if repair else mode & 0o700
    if mode == wanted:
        return
    try:
        os.chmod(target, wanted)
    except OSError as exc:
        if mode & 0o077:
            _warn(
                "careertui: note: %s is readable by others (%04o) and could not be made "
                "private: %s",
                target,
                mode,
                exc.strerror or exc,
            )
        return
    if mode & 0o077:
        _warn(
            "careertui: note: %s was readable by others (%04o); made it private (%04o)",
            target,
            mode,
            wanted,
        )


def _tighten(path: Path, *, write: bool) -> None:
    """Make an existing database private: the file, its side files and, when it is careertui's
    own default folder, the folder (see the module docstring)."""
    from careertui.paths import default_db_path

    own_folder = False
    if path.name == "careertui.db":  # else it cannot be the default file: spare platformdirs
        try:
            own_folder = path.parent.samefile(default_db_path().parent)
        except OSError:
            pass
    if own_folder:
        _make_private(path.parent)
    _make_private(path)
    for side in _side_files(path):
        _make_private(side, repair=write)


def make_private_dir(folder: Path) -> list[Path]:
    """Create `folder` and its missing parents, each 0700 whatever the umask; return those
    created, outermost first (so that a failure after it can take them away again)."""
    missing: list[Path] = []
    for candidate in (folder, *folder.parents):
        if candidate.exists():
            break
        missing.insert(0, candidate)
    made: list[Path] = []
    try:
        for candidate in missing:
            try:
                candidate.mkdir(mode=0o700)
            except FileExistsError:
                continue  # made meanwhile by another process: theirs
            made.append(candidate)
            os.chmod(candidate, 0o700)
    except OSError as exc:
        remove_dirs(made)
        raise StoreError(f"cannot create the folder {folder}: {os_reason(exc)}") from None
    return made


def remove_dirs(made: list[Path]) -> None:
    """Take away folders `make_private_dir` created (innermost first), if still empty."""
    for candidate in reversed(made):
        try:
            candidate.rmdir()
        except OSError:
            return


def _sweep_temps(path: Path) -> None:
    from careertui.outfile import sweep_temps

    sweep_temps(path.parent)


def _create(path: Path) -> None:
    """Build a complete, current database next to `path` and link it into place atomically.
    On failure nothing is left: no temporary file, no folder made for it."""
    made = make_private_dir(path.parent)
    temp = path.with_name(f".{path.name}.{os.getpid()}.new")
    try:
        try:
            fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            os.fchmod(fd, 0o600)  # whatever the umask (0277 would make it read-only)
            os.close(fd)
            conn = _connect(temp)
            try:
                conn.execute("PRAGMA journal_mode = WAL")
                conn.execute("BEGIN IMMEDIATE")
                migrate(conn, 0)
                conn.execute("COMMIT")
            finally:
                conn.close()
            os.link(temp, path)
        except FileExistsError:
            if not path.exists():
                raise StoreError(f"cannot create {path}: a temporary file is in the way") from None
            # else another process made it first: use theirs, which is just as complete
        except sqlite3.Error as exc:
            raise StoreError(_friendly(exc, path, "create")) from None
        except OSError as exc:
            raise StoreError(f"cannot create {path}: {os_reason(exc)}") from None
        finally:
            for leftover in (temp, Path(f"{temp}-wal"), Path(f"{temp}-shm")):
                try:
                    leftover.unlink()
                except FileNotFoundError:
                    pass
    except BaseException:
        remove_dirs(made)
        raise


def _read_header(path: Path) -> tuple[bytes, int]:
    """The first 100 bytes and the size of the file, or StoreError."""
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):
            raise StoreError(f"{path} is not a file")
        return os.pread(_header_fd(path, info), 100, 0), info.st_size
    except OSError as exc:
        raise StoreError(f"cannot read {path}: {exc.strerror or exc}") from None


_HEADER_FDS: dict[tuple[int, int], int] = {}
"""Handles kept open to read database headers, by (device, inode): the last few files checked.
Closing any handle on a file drops every POSIX lock this process holds on it, the SHARED lock of
a SQLite connection kept open (the TUI's watch, store/watch.py) included; another process's
connection could then delete the `-wal` and `-shm` that connection still reads as it closes."""


def _header_fd(path: Path, info: os.stat_result) -> int:
    key = (info.st_dev, info.st_ino)
    fd = _HEADER_FDS.get(key)
    if fd is None:
        while len(_HEADER_FDS) >= 8:  # a bound: tests check thousands of files
            os.close(_HEADER_FDS.pop(next(iter(_HEADER_FDS))))
        fd = _HEADER_FDS[key] = os.open(path, os.O_RDONLY | os.O_CLOEXEC)
    return fd


def _size_ok(head: bytes, size: int) -> bool:
    page_size = int.from_bytes(head[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    pages = int.from_bytes(head[28:32], "big")
    return page_size >= 512 and size >= pages * page_size and size % page_size == 0


def _wal_has_frames(path: Path) -> bool:
    try:
        return _side_files(path)[0].stat().st_size > 32
    except OSError:
        return False


def _check_file(path: Path) -> None:
    """Refuse what is plainly not a careertui database, reading only.

    A size that disagrees with the header is re-read for up to SETTLE_SECONDS: a checkpoint in
    another process writes the new header before the pages that grow the file. It is accepted
    while the `-wal` holds frames: SQLite rebuilds those pages from it (a process killed in the
    middle of its checkpoint leaves exactly that)."""
    head, size = _read_header(path)
    if size == 0:
        raise StoreError(f"{path} is empty (0 bytes), not a careertui database")
    if len(head) < 100 or not head.startswith(HEADER):
        raise StoreError(f"{path} is not a SQLite database")
    deadline = time.monotonic() + SETTLE_SECONDS
    while not _size_ok(head, size):
        if _wal_has_frames(path):
            return
        if time.monotonic() > deadline:
            raise StoreError(f"{path} is truncated or damaged; restore it from a backup")
        time.sleep(0.02)
        head, size = _read_header(path)


def _recognise(path: Path) -> None:
    """Refuse a SQLite file that is not careertui's before anything touches it (no chmod, no
    journal mode, no side file: store/recognise.py). When that read fails and the `-wal` holds
    frames (a checkpoint cut short), `_schema_version` decides instead."""
    verdict = foreign(path)
    if verdict:
        raise StoreError(f"{path} is a SQLite database, but not a careertui one")
    if verdict is None and not _wal_has_frames(path):
        raise StoreError(f"{path} is damaged (it cannot be read); restore it from a backup")


def _must_be_ours(conn: sqlite3.Connection, path: Path) -> None:
    if not CAREERTUI_TABLES <= table_names(conn):
        raise StoreError(f"{path} is a SQLite database, but not a careertui one")


def _schema_version(path: Path, *, check: bool = False) -> int:
    """The file's schema version, read-only; with `check`, the file must pass its integrity
    check too (see `_integrity`)."""
    try:
        conn = _connect(path, read_only=True)
        try:
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            _must_be_ours(conn, path)
            if check:
                _integrity(conn, path)
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        if not os.access(path.parent, os.W_OK | os.X_OK) and not _side_files(path)[1].exists():
            raise StoreError(
                f"cannot read {path}: its folder is read-only and SQLite needs to create "
                f"{path.name}-shm there; copy the file to a writable folder"
            ) from None
        raise StoreError(f"cannot read {path}: {exc}") from None
    return _supported(path, version)


def _supported(path: Path, version: int) -> int:
    if version > SCHEMA_VERSION:
        raise StoreError(
            f"{path} was written by a newer careertui (schema {version}, this one knows "
            f"{SCHEMA_VERSION}); upgrade careertui to open it"
        )
    if version == 0:
        raise StoreError(f"{path} is a SQLite database, but not a careertui one")
    return int(version)


def _integrity(conn: sqlite3.Connection, path: Path) -> None:
    """Refuse to write to a damaged file (the check runs only when the file changed since
    careertui last knew it sound: careertui/store/verdict.py)."""
    verdict = unsound_verdict(conn, path)
    if verdict is not None:
        raise StoreError(
            f"{path} is damaged (integrity check: {' '.join(verdict.split())}); nothing was "
            f"written. Copy what can be read with `careertui backup --db {path}`, then restore "
            "the journal from a backup"
        )


def _check_writable(path: Path) -> None:
    if not os.access(path, os.W_OK):
        raise StoreError(f"{path} is read-only; careertui cannot write to it")
    if not os.access(path.parent, os.W_OK | os.X_OK):
        raise StoreError(f"the folder of {path} is read-only; careertui cannot write there")


def backup_copy(conn: sqlite3.Connection, dest: Path) -> Path:
    """A consistent copy of the open database at `dest`, created 0600, made with SQLite's backup
    API (safe while other processes write). It is built in a temporary file next to `dest` and
    linked into place once complete, so a kill or a full disk leaves no half copy under the name;
    an existing `dest`, or a name that belongs to a database, is refused."""
    import tempfile

    from careertui.outfile import TEMP_SUFFIX, OutputError, guard_database, sweep_temps

    dest = Path(dest)
    if os.path.lexists(dest):
        raise StoreError(f"{dest} already exists; choose another name")
    try:
        guard_database(dest)
    except OutputError as exc:
        raise StoreError(str(exc)) from None
    sweep_temps(dest.parent)
    try:
        fd, name = tempfile.mkstemp(
            prefix=f".{dest.name}.{os.getpid()}.", suffix=TEMP_SUFFIX, dir=dest.parent
        )
        os.fchmod(fd, 0o600)
        os.close(fd)
    except OSError as exc:
        raise StoreError(f"cannot write {dest}: {os_reason(exc)}") from None
    temp = Path(name)
    try:
        target = sqlite3.connect(temp)
        try:
            conn.backup(target)
            target.execute("PRAGMA journal_mode = DELETE")
        finally:
            target.close()
        os.link(temp, dest)
    except FileExistsError:
        raise StoreError(f"{dest} already exists; choose another name") from None
    except sqlite3.Error as exc:
        raise StoreError(_friendly(exc, dest)) from None
    except OSError as exc:
        raise StoreError(f"cannot write {dest}: {os_reason(exc)}") from None
    finally:
        for leftover in (temp, Path(f"{temp}-journal")):
            leftover.unlink(missing_ok=True)
    return dest


def os_reason(exc: OSError) -> str:
    import errno

    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return "the disk is full (nothing was written; free some space and try again)"
    return str(exc.strerror or exc)


def _migrate(conn: sqlite3.Connection, path: Path, version: int) -> None:
    """Back up, then migrate inside BEGIN IMMEDIATE (re-checking the version under the lock, as
    another process may have migrated meanwhile). The backup API cannot copy from a connection
    inside a write transaction, so the copy is taken just before it."""
    from careertui.clock import now

    stamp = now().strftime("%Y%m%d-%H%M%S")
    try:
        backup_copy(conn, path.with_name(f"{path.name}.v{version}-{stamp}-{os.getpid()}.bak"))
    except StoreError:
        raise StoreError(
            f"cannot back up {path} before upgrading it; nothing was changed"
        ) from None
    # SQLite's way to rebuild a table (sqlite-utils' transform): foreign keys off around the
    # transaction (they cannot change inside one), checked before it commits.
    conn.execute("PRAGMA foreign_keys = OFF")
    conn.execute("BEGIN IMMEDIATE")
    try:
        current = conn.execute("PRAGMA user_version").fetchone()[0]
        if current > SCHEMA_VERSION:
            raise StoreError(f"{path} was written by a newer careertui (schema {current})")
        if current < SCHEMA_VERSION:
            migrate(conn, current)
        if conn.execute("PRAGMA foreign_key_check").fetchone() is not None:
            raise StoreError(f"cannot upgrade {path}: its links do not hold; nothing was changed")
        conn.execute("COMMIT")
    except BaseException:
        _rollback(conn)
        raise
    finally:
        conn.execute("PRAGMA foreign_keys = ON")


def open_connection(path: Path, *, write: bool = True, check: bool = False) -> sqlite3.Connection:
    """Open (creating if missing) the careertui database at `path`, or raise StoreError. With
    `check` (the CLI's writes), a damaged file is refused, left byte for byte as it was."""
    if not path.exists():
        if not write:
            raise StoreError(f"{path} does not exist yet; add something first")
        _sweep_temps(path)
        _create(path)
    _check_file(path)
    if not known_sound(path):  # a file careertui knows needs no second look (about 1 ms)
        _recognise(path)
    if write:
        _sweep_temps(path)  # after _recognise: nothing is touched beside another program's file
        _check_writable(path)
    _tighten(path, write=write)  # before SQLite makes -wal/-shm with the file's mode
    # A write to a file careertui wrote or checked last, as it is now (its own, and sound), reads
    # the version on its own connection; any other file is read on a read-only one first, and
    # refused untouched (that second connection parsed the schema again: ~1 ms of a capture).
    known = write and known_sound(path)
    version = None if known else _schema_version(path, check=write and check)
    conn = _connect(path, read_only=not write)
    try:
        if version is None:
            version = _supported(path, conn.execute("PRAGMA user_version").fetchone()[0])
        if write:
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA foreign_keys = ON")
            conn.execute("PRAGMA secure_delete = ON")
            if version < SCHEMA_VERSION:
                _migrate(conn, path, version)
        return conn
    except sqlite3.Error as exc:
        conn.close()
        raise StoreError(_friendly(exc, path, "open")) from None
    except BaseException:
        conn.close()
        raise


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
        _rollback(conn)
        raise StoreError(_friendly(exc, path)) from None
    except BaseException:
        _rollback(conn)
        raise


def _rollback(conn: sqlite3.Connection) -> None:
    """Roll back if a transaction is still open; a failing ROLLBACK (a full or failing disk) must
    not hide the error that caused it, and SQLite discards the transaction anyway."""
    if conn.in_transaction:
        try:
            conn.execute("ROLLBACK")
        except sqlite3.Error:
            pass


def _friendly(exc: sqlite3.Error, path: Path, verb: str = "write") -> str:
    """One line for the user; "nothing was saved" holds because the transaction rolled back."""
    text = str(exc)
    if "full" in text or "disk I/O" in text:
        return (
            f"cannot {verb} {path}: the disk is full or failing (nothing was saved; free "
            "some space and try again)"
        )
    if "readonly" in text or "read-only" in text:
        return f"{path} is read-only; nothing was saved"
    if "locked" in text or "busy" in text:
        return f"{path} is busy in another program; nothing was saved, try again"
    if any(word in text for word in ("malformed", "not a database", "vtable constructor")):
        return f"{path} is damaged; nothing was saved (restore it from a backup)"
    return f"cannot {verb} {path}: {text}"
