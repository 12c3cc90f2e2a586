"""A command that writes to a file that does not exist yet works on a private draft, which
becomes the file only once the command has succeeded: input refused (a bad date, an unknown
name) leaves neither a new file nor a new folder behind."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from datetime import date
from pathlib import Path

from careertui.store.connection import StoreError, make_private_dir, os_reason, remove_dirs
from careertui.store.store import Store


@contextmanager
def writing(path: Path, today: date) -> Iterator[Store]:
    """`with writing(path, today) as store:` — the Store at `path`, or, when there is no file
    there yet, a Store on a draft that is linked into place (atomically, 0600) on a clean exit.
    If another process made the file meanwhile, the draft's records are merged into it by uuid
    (as `careertui import` would), so both writes are kept."""
    path = Path(path)
    if path.exists():
        with Store(path, check=True) as store:
            yield store
        return
    # The draft sits beside the file when the folder exists (a killed run's draft is swept
    # like any `.NAME.PID.new`), else in a private temporary folder.
    scratch = None
    if not path.parent.is_dir():
        _sweep_scratch()
        scratch = Path(tempfile.mkdtemp(prefix=f"careertui-{os.getpid()}-"))
    draft = (scratch or path.parent) / f".{path.name}.{os.getpid()}.new"
    try:
        with Store(draft) as store:
            store.path = path  # messages name the user's file, not the draft
            yield store
            store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        if not _publish(draft, path):
            _merge(draft, path, today)
    finally:
        for leftover in (draft, Path(f"{draft}-wal"), Path(f"{draft}-shm")):
            with suppress(FileNotFoundError):
                leftover.unlink()
        if scratch is not None:
            shutil.rmtree(scratch, ignore_errors=True)


def _sweep_scratch() -> None:
    """Remove the private folders of drafts whose process was killed (`careertui-PID-…` in
    the temporary folder, ours, PID gone): they hold the text of an entry never saved."""
    import re

    from careertui.outfile import pid_alive

    top = Path(tempfile.gettempdir())
    try:
        names = os.listdir(top)
    except OSError:
        return
    for name in names:
        found = re.fullmatch(r"careertui-(\d+)-\w+", name)
        if found is None or pid_alive(int(found[1])):
            continue
        folder = top / name
        with suppress(OSError):
            if folder.is_dir() and not folder.is_symlink() and folder.stat().st_uid == os.getuid():
                shutil.rmtree(folder, ignore_errors=True)


def _publish(draft: Path, path: Path) -> bool:
    """Link the draft into place; False if a file is there already. On failure (a full disk)
    nothing is left: no copy, and no folder made for it."""
    made = make_private_dir(path.parent)
    source = draft
    try:
        if draft.parent != path.parent:  # another file system, maybe: copy beside the file first
            source = path.with_name(f".{path.name}.{os.getpid()}.new")
            fd = os.open(source, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            os.fchmod(fd, 0o600)
            with os.fdopen(fd, "wb") as out, draft.open("rb") as src:
                shutil.copyfileobj(src, out)
                out.flush()
                os.fsync(out.fileno())
        os.link(source, path)
        return True
    except FileExistsError:
        return False
    except OSError as exc:
        if source != draft:
            with suppress(FileNotFoundError):
                source.unlink()
        remove_dirs(made)
        raise StoreError(f"cannot create {path}: {os_reason(exc)}") from None
    finally:
        if source != draft:
            with suppress(FileNotFoundError):
                source.unlink()


def _merge(draft: Path, path: Path, today: date) -> None:
    from careertui.store.export import export_data
    from careertui.store.importer import import_data

    with Store(draft, write=False) as source:
        data = export_data(source)
    with Store(path) as store:
        import_data(store, data, today, source="the new entry")
