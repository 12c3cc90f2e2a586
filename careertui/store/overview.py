"""The dashboard's read, and the file signature that tells whether a read is still current.

No Textual here: `careertui` starts the dashboard's first read (`prefetch`) before it imports
Textual, so that the read runs while Textual loads."""

from __future__ import annotations

import os
import pickle
import sys
import threading
import time
from concurrent.futures import Future
from datetime import date
from pathlib import Path
from typing import Any

from careertui.store.journal import PAGE, timeline
from careertui.store.store import Store

Read = tuple[dict[str, Any], list[dict[str, Any]]]
"""What the dashboard shows: the stats and the newest journal entries."""

Signature = tuple[tuple[int, int, int], ...]

SETTLED_NS = 1_000_000_000
"""A file signature is trusted only when the files are older than this: file times are coarse
(a clock tick), so a commit in the same tick as the look could otherwise leave it unchanged."""


def file_signature(path: Path, *, settled: bool = True) -> Signature | None:
    """What changes whenever anyone commits to the database at `path`: the inode, size and
    modification time of the file and of its `-wal` (every commit writes the WAL; a checkpoint
    writes the file). None when either was written in the last second (unless not `settled`:
    then two looks that differ tell that something was written between them).

    An empty or missing WAL counts as none: a connection creates, empties or deletes it when it
    opens or closes (readers too), and then every commit it held is in the file itself."""
    now = time.time_ns() if settled else 1 << 62
    marks = []
    for name in (str(path), f"{path}-wal"):
        try:
            st = os.stat(name)
        except OSError:
            st = None
        if st is None or (name.endswith("-wal") and st.st_size == 0):
            marks.append((0, 0, 0))
        else:
            if now - st.st_mtime_ns < SETTLED_NS:
                return None
            marks.append((st.st_ino, st.st_size, st.st_mtime_ns))
    return tuple(marks)


_shared_lock = threading.Lock()
_shared: dict[str, tuple[tuple[date, Signature], bytes]] = {}


def shared_stats(store: Store, today: date) -> dict[str, Any]:
    """`compute_stats(store, today)`, computed once per state of the file: the dashboard,
    Roadmap, Wins and the weekly review each show parts of it, and each gets its own copy of
    one result while the file's signature is unchanged (any commit, by anyone, changes it; a
    file written in the last second is not trusted and the stats are computed again).
    At 100,000 entries: ~115 ms to compute, ~5 ms to copy (pickle). The stats' modules are
    imported only to compute: the app's first frame gets the stats from the prefetch child,
    which imports them on the other core (~10 ms off the first frame), and a screen warmed
    later copies that result."""
    path = str(store.path)
    before = file_signature(store.path)
    if before is not None:
        with _shared_lock:
            kept = _shared.get(path)
        if kept is not None and kept[0] == (today, before):
            return pickle.loads(kept[1])
    from careertui.store.stats import compute_stats

    stats = compute_stats(store, today)
    if before is not None and file_signature(store.path) == before:
        with _shared_lock:
            _shared[path] = ((today, before), pickle.dumps(stats))
    return stats


def read_dashboard(store: Store, today: date, depth: int = PAGE) -> Read:
    """Everything the dashboard shows: the stats (with the dashboard's own `tell_them`: the
    best wins to tell decision-makers and sponsors) and the newest `depth` journal entries."""
    from careertui.store.brief import tell_them_rows

    stats = shared_stats(store, today)  # a copy of its own: adding to it changes no other
    stats["tell_them"] = tell_them_rows(store, today)
    return stats, timeline(store, limit=depth)


def saved_theme(path: Path) -> str:
    """The theme the profile holds ("" for none). Opening the file here is also what refuses
    a file careertui cannot use, before the app starts."""
    with Store(path) as store:
        return str(store.profile().get("theme") or "")


Prefetched = tuple[date, Signature | None, Read]
"""The day and the file's signature before the read, and what it read."""


def prefetch(path: Path, *, fork: bool | None = None) -> Future[Prefetched]:
    """Start the dashboard's first read; the dashboard uses it unless the day or the file
    changed since (and reads for itself if it failed).

    The read runs in a forked child process where that is safe (Linux, and only one thread so
    far: `careertui` forks before it imports Textual), else in a thread. A thread's read
    competes with Textual's import for the GIL: at 100,000 entries its 120 ms of work took
    ~600 ms that way and was the last thing the first frame waited for; in a child it runs on
    the other core. The child also sends its `shared_stats` result, so that the screens warmed
    later copy it rather than compute it again. `fork` forces the choice (tests)."""
    from careertui.clock import today as clock_today

    if fork is None:
        fork = sys.platform.startswith("linux") and threading.active_count() == 1
    future: Future[Prefetched] = Future()
    if fork:
        try:
            _read_in_child(path, clock_today, future)
            return future
        except OSError:  # no fork or no pipe: read in a thread
            pass

    def read() -> None:
        try:
            future.set_result(_read(path, clock_today()))
        except BaseException as exc:  # noqa: BLE001 - the dashboard reads again itself
            future.set_exception(exc)

    threading.Thread(target=read, name="careertui-prefetch", daemon=True).start()
    return future


def _read(path: Path, day: date) -> Prefetched:
    signature = file_signature(path, settled=False)
    with Store(path, write=False) as store:
        return day, signature, read_dashboard(store, day)


def _read_in_child(path: Path, clock_today: Any, future: Future[Prefetched]) -> None:
    """Fork a child that reads and writes the pickled result to a pipe; a thread of this
    process waits for it (the wait releases the GIL) and settles `future`."""
    readable, writable = os.pipe()
    try:
        pid = os.fork()
    except OSError:
        os.close(readable)
        os.close(writable)
        raise
    if pid == 0:  # the child: read, send, and leave without running any exit handler
        code = 1
        try:
            os.close(readable)
            result = _read(path, clock_today())
            with _shared_lock:
                kept = _shared.get(str(path))
            with os.fdopen(writable, "wb") as pipe:
                pipe.write(pickle.dumps((result, kept)))
            code = 0
        finally:
            os._exit(code)
    os.close(writable)

    def receive() -> None:
        try:
            with os.fdopen(readable, "rb") as pipe:
                data = pipe.read()
            os.waitpid(pid, 0)
            if not data:
                raise RuntimeError("the prefetch child read nothing")
            result, kept = pickle.loads(data)  # noqa: S301 - our own child, over our own pipe
            if kept is not None:
                with _shared_lock:
                    _shared.setdefault(str(path), kept)
            future.set_result(result)
        except BaseException as exc:  # noqa: BLE001 - the dashboard reads again itself
            future.set_exception(exc)

    threading.Thread(target=receive, name="careertui-prefetch", daemon=True).start()
