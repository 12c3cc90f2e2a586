"""The integrity verdict: whether careertui knows the database file sound as it is now.

A full `PRAGMA integrity_check` on every capture is too slow at 100,000 entries, so the verdict
is cached in a hidden file beside the database (`.NAME.checked`) holding the file's stamp (device,
inode, size, modification time). Any write by another program changes the stamp, so the next
careertui write checks the whole file again; careertui's own writes record a new stamp.
docs/RELIABILITY.md gives the reasoning and its limits.
"""

from __future__ import annotations

import os
import sqlite3

TYPE_CHECKING = False
if TYPE_CHECKING:
    from pathlib import Path


def _beside(path: str | os.PathLike[str], name: str) -> str:
    """A file in the folder of `path`: os.path, as `careertui status` asks for the verdict
    too and does not import pathlib (store/recognise.py)."""
    return os.path.join(os.path.dirname(path), name)


def _verdict_file(path: str | os.PathLike[str]) -> str:
    return _beside(path, f".{os.path.basename(path)}.checked")


def _stamp(path: str | os.PathLike[str]) -> str:
    """What changes whenever anything writes the database file itself."""
    info = os.stat(path)
    return f"{info.st_dev} {info.st_ino} {info.st_size} {info.st_mtime_ns}\n"


def record_checked(path: Path) -> None:
    """Note that `path`, as it is now, is sound: it passed its check, or only careertui wrote to
    it since. A cache: failing to write it only costs the next write a full check."""
    try:
        stamp = _stamp(path)
        temp = _beside(path, f".{os.path.basename(path)}.{os.getpid()}.checked.careertui-tmp")
        fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        os.fchmod(fd, 0o600)
        with os.fdopen(fd, "w") as handle:
            handle.write(stamp)
        os.replace(temp, _verdict_file(path))
    except OSError:
        pass


def known_sound(path: str | os.PathLike[str]) -> bool:
    """Whether careertui checked or wrote `path` last, and found it sound: then it is ours too
    (a verdict is only ever written for a careertui file)."""
    try:
        with open(_verdict_file(path), encoding="utf-8") as verdict:
            return verdict.read() == _stamp(path)
    except (OSError, ValueError):
        return False


def unsound_verdict(conn: sqlite3.Connection, path: Path) -> str | None:
    """None when `path` is sound (known, or checked now and recorded); else what the check said.
    The check is PRAGMA integrity_check: quick_check does not compare indexes with their tables."""
    if known_sound(path):
        return None
    stamp = _stamp(path)
    try:
        verdict = str(conn.execute("PRAGMA integrity_check(1)").fetchone()[0])
    except sqlite3.DatabaseError as exc:
        verdict = str(exc)
    if verdict != "ok":
        return verdict
    if _stamp(path) == stamp:
        record_checked(path)
    return None
