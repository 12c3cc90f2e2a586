"""Writing a file the user named (an export, a packet, a calendar, a screenshot): one safe way.

The rules, for every file careertui writes that is not its database:

- No name (`None` or `-`): the text goes to standard output.
- A name that does not exist yet: a new file, created 0600 (exports hold private notes), written
  to a temporary file in the same folder, flushed to disk and renamed into place, so a full disk,
  an error or a kill never leaves a partial file under the name. The folder must exist.
- An existing regular file is refused unless `force` is given; with `force` it is replaced the
  same atomic way (and is 0600 afterwards).
- A symbolic link is followed: the rules apply to what it points to, and the link itself stays a
  link (a forced write replaces its target). A link to nothing is refused.
- A terminal, `/dev/null`, `/dev/full`, a FIFO or our own standard output or error (for example
  `/dev/stdout`) is written *into*, as `>` in a shell would; it is never replaced by a file.
  A folder, a block device (a disk) or a socket is refused.
- A SQLite database (careertui's or another program's) and the `-wal`, `-shm` or `-journal` file
  next to one are refused, even with `force`: overwriting them would destroy the journal.

Every failure raises `OutputError`, one line naming the file, and leaves nothing behind.
"""

from __future__ import annotations

import errno
import os
import re
import stat
import sys
from pathlib import Path

SQLITE_HEADER = b"SQLite format 3\x00"
SIDE_SUFFIXES = ("-wal", "-shm", "-journal")
TEMP_SUFFIX = ".careertui-tmp"
"""Temporary files are named `.NAME.PID.XXXX` + this: a later run sweeps those of dead pids."""


class OutputError(Exception):
    """A file (or standard output) that could not be written; one line naming it."""


def reason(exc: OSError) -> str:
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return "the disk is full (nothing was written; free some space and try again)"
    if exc.errno == errno.EPIPE:
        return "the reader closed it"
    return str(exc.strerror or exc)


def _is_database(path: Path) -> bool:
    try:
        with open(path, "rb") as handle:
            return handle.read(len(SQLITE_HEADER)) == SQLITE_HEADER
    except OSError:
        return False


def guard_database(path: Path) -> None:
    """Refuse a SQLite database, or the side file of one (which need not exist yet)."""
    if _is_database(path):
        raise OutputError(f"{path} is a SQLite database; choose another file")
    for suffix in SIDE_SUFFIXES:
        if path.name.endswith(suffix) and _is_database(path.with_name(path.name[: -len(suffix)])):
            raise OutputError(f"{path} belongs to a SQLite database; choose another file")


def discard_stdout() -> None:
    """After standard output failed: point it at /dev/null, so that Python's flush at exit does
    not print a second error (or a traceback) about the same closed pipe."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError):
        pass


def write_stdout(data: bytes) -> None:
    """Write `data` to standard output and flush it, or raise OutputError."""
    try:
        sys.stdout.flush()  # what was printed before goes first
        out = sys.stdout.buffer
        out.write(data)
        out.flush()
    except OSError as exc:
        discard_stdout()
        raise OutputError(f"cannot write to standard output: {reason(exc)}") from None
    except (AttributeError, ValueError):  # no stdout at all (None), or closed
        raise OutputError("cannot write to standard output: it is closed") from None


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view) :]


def _std_stream(info: os.stat_result) -> int | None:
    """The descriptor (1 or 2) of our own standard output or error if `info` is that file."""
    for fd in (1, 2):
        try:
            other = os.fstat(fd)
        except OSError:
            continue
        if (other.st_dev, other.st_ino) == (info.st_dev, info.st_ino):
            return fd
    return None


def _write_into(path: Path, info: os.stat_result, data: bytes) -> None:
    """Write into a terminal, a character device or a FIFO: opened without creating or
    truncating, and checked again once open (it could have been swapped for a file)."""
    fd = _std_stream(info)
    if fd is not None:
        sys.stdout.flush()
        try:
            _write_all(fd, data)
        except OSError as exc:
            raise OutputError(f"cannot write {path}: {reason(exc)}") from None
        return
    fd = _open_into(path, fifo=stat.S_ISFIFO(info.st_mode))
    try:
        mode = os.fstat(fd).st_mode
        if not (stat.S_ISCHR(mode) or stat.S_ISFIFO(mode)):
            raise OutputError(f"{path} changed while being opened; nothing was written")
        _write_all(fd, data)
    except OSError as exc:
        raise OutputError(f"cannot write {path}: {reason(exc)}") from None
    finally:
        os.close(fd)


FIFO_WAIT_SECONDS = 3.0
"""How long a FIFO nobody reads yet is waited for (its reader may be starting) before it is
refused, rather than hanging as a shell's `>` would."""


def _open_into(path: Path, *, fifo: bool) -> int:
    """Open a device or FIFO for writing, without creating or truncating anything."""
    import fcntl
    import time

    flags = os.O_WRONLY | os.O_NOCTTY | os.O_CLOEXEC
    deadline = time.monotonic() + FIFO_WAIT_SECONDS
    while True:
        try:
            fd = os.open(path, flags | (os.O_NONBLOCK if fifo else 0))
            break
        except OSError as exc:
            if not (fifo and exc.errno == errno.ENXIO and time.monotonic() < deadline):
                if fifo and exc.errno == errno.ENXIO:
                    raise OutputError(
                        f"{path} is a pipe nobody reads; nothing was written"
                    ) from None
                raise OutputError(f"cannot write {path}: {reason(exc)}") from None
            time.sleep(0.05)
    if fifo:
        fcntl.fcntl(fd, fcntl.F_SETFL, fcntl.fcntl(fd, fcntl.F_GETFL) & ~os.O_NONBLOCK)
    return fd


def pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True
    return True


_TEMP_NAMES = (
    r"^\..+\.(?P<pid>\d+)\.(new|[^.]+" + re.escape(TEMP_SUFFIX) + r")(-wal|-shm|-journal)?$"
)
"""careertui's temporary files, whatever the file they were for: a database being created
(`.NAME.PID.new`), an export or backup being written (`.NAME.PID.XXXX.careertui-tmp`), and their
SQLite side files. Compiled by `re` on the first sweep, not when this module is imported."""


def sweep_temps(folder: Path) -> None:
    """Remove careertui's temporary files in `folder` left by a killed process (whose pid is
    gone): a half-made file holds private text and must not linger."""
    try:
        names = os.listdir(folder)
    except OSError:
        return
    for entry in names:
        found = re.match(_TEMP_NAMES, entry)
        if found is None:
            continue
        if not pid_alive(int(found["pid"])):
            try:
                (folder / entry).unlink()
            except OSError:
                pass


def _replace_atomically(path: Path, data: bytes) -> None:
    """A 0600 temporary file in `path`'s folder, fsynced, renamed over `path`."""
    import tempfile

    folder = path.parent
    if not folder.is_dir():
        raise OutputError(f"cannot write {path}: the folder {folder} does not exist")
    sweep_temps(folder)
    try:
        fd, temp = tempfile.mkstemp(
            prefix=f".{path.name}.{os.getpid()}.", suffix=TEMP_SUFFIX, dir=folder
        )
    except OSError as exc:
        raise OutputError(f"cannot write {path}: {reason(exc)}") from None
    try:
        try:
            os.fchmod(fd, 0o600)
            _write_all(fd, data)
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(temp, path)
    except OSError as exc:
        _unlink(temp)
        raise OutputError(f"cannot write {path}: {reason(exc)}") from None
    except BaseException:
        _unlink(temp)
        raise
    try:  # the rename itself on disk
        dir_fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)
    except OSError:
        pass


def _unlink(name: str) -> None:
    try:
        os.unlink(name)
    except OSError:
        pass


def names_stream(path: Path | str | None) -> bool:
    """Whether `path` is standard output, a terminal, a device, a FIFO, or our own standard
    output or error under another name: where a confirmation line must not go after the text."""
    if path is None or str(path) == "-":
        return True
    try:
        info = os.stat(path)
    except OSError:
        return False
    return not stat.S_ISREG(info.st_mode) or _std_stream(info) is not None


def write_output(path: Path | str | None, text: str | bytes, *, force: bool = False) -> None:
    """Write `text` (str as UTF-8) to `path` by the rules of this module, or raise OutputError."""
    data = text.encode("utf-8", "surrogateescape") if isinstance(text, str) else bytes(text)
    if path is None or str(path) == "-":
        write_stdout(data)
        return
    path = Path(path)
    info: os.stat_result | None = None
    try:
        if stat.S_ISLNK(os.lstat(path).st_mode) and not os.path.exists(path):
            raise OutputError(f"{path} is a symbolic link to a missing file; nothing was written")
        info = os.stat(path)
    except FileNotFoundError:
        pass
    except OSError as exc:
        raise OutputError(f"cannot write {path}: {reason(exc)}") from None
    if info is None:
        guard_database(path)
        _replace_atomically(path, data)
        return
    mode = info.st_mode
    if stat.S_ISCHR(mode) or stat.S_ISFIFO(mode):
        _write_into(path, info, data)
        return
    if stat.S_ISDIR(mode):
        raise OutputError(f"{path} is a folder; name a file in it")
    if not stat.S_ISREG(mode):
        raise OutputError(
            f"{path} is not a regular file, a terminal or a pipe; nothing was written"
        )
    target = Path(os.path.realpath(path))
    guard_database(target)
    if _std_stream(info) is not None:  # `> file` in the shell and `--out` naming that same file
        _write_into(path, info, data)
        return
    if not force:
        raise OutputError(f"{path} already exists; use --force to replace it")
    _replace_atomically(target, data)
