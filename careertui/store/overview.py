"""The dashboard's read, and the file signature that tells whether a read is still current.

No Textual here: `careertui` starts the dashboard's first read (`prefetch`) before it imports
Textual, so that the read's SQL, which releases the GIL, runs while Textual loads."""

from __future__ import annotations

import os
import pickle
import threading
import time
from concurrent.futures import Future
from datetime import date
from pathlib import Path
from typing import Any

from careertui.store.journal import PAGE, timeline
from careertui.store.stats import compute_stats
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
    At 100,000 entries: ~115 ms to compute, ~5 ms to copy (pickle)."""
    path = str(store.path)
    before = file_signature(store.path)
    if before is not None:
        with _shared_lock:
            kept = _shared.get(path)
        if kept is not None and kept[0] == (today, before):
            return pickle.loads(kept[1])
    stats = compute_stats(store, today)
    if before is not None and file_signature(store.path) == before:
        with _shared_lock:
            _shared[path] = ((today, before), pickle.dumps(stats))
    return stats


def read_dashboard(store: Store, today: date, depth: int = PAGE) -> Read:
    """Everything the dashboard shows: the stats and the newest `depth` journal entries."""
    return shared_stats(store, today), timeline(store, limit=depth)


def saved_theme(path: Path) -> str:
    """The theme the profile holds ("" for none). Opening the file here is also what refuses
    a file careertui cannot use, before the app starts."""
    with Store(path) as store:
        return str(store.profile().get("theme") or "")


Prefetched = tuple[date, Signature | None, Read]
"""The day and the file's signature before the read, and what it read."""


def prefetch(path: Path) -> Future[Prefetched]:
    """Start the dashboard's first read in a thread; the dashboard uses it unless the day or
    the file changed since (and reads for itself if it failed)."""
    from careertui.clock import today as clock_today

    future: Future[Prefetched] = Future()

    def read() -> None:
        try:
            day = clock_today()
            signature = file_signature(path, settled=False)
            with Store(path, write=False) as store:
                future.set_result((day, signature, read_dashboard(store, day)))
        except BaseException as exc:  # noqa: BLE001 - the dashboard reads again itself
            future.set_exception(exc)

    threading.Thread(target=read, name="careertui-prefetch", daemon=True).start()
    return future
