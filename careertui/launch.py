"""Opening the app: `careertui` without a command (`--db PATH` at most).

__main__.py calls `main` without click: click and the CLI's own modules were ~30 ms of the
dashboard's first frame, and the app imports neither. The CLI's group calls `open_app` for the
forms only click parses (`careertui --db PATH` after another option, say)."""

from __future__ import annotations

import os
import sys


def open_app(db: str | os.PathLike[str] | None) -> None:
    """Read the saved theme (opening the file is what refuses one careertui cannot use, before
    the screen starts), start the dashboard's first read so that its SQL runs while Textual is
    imported, and run the app, holding the lock `careertui restore` respects. Raises PathError,
    ClockError and StoreError for the caller to tell in one line."""
    from careertui.paths import resolve_db_path
    from careertui.store.overview import prefetch, saved_theme

    path = resolve_db_path(db)
    theme = saved_theme(path)
    first_read = prefetch(path)
    from careertui.app import run
    from careertui.store.restore import holding

    with holding(path):
        run(path, first_read, theme)


def main(db: str | None) -> None:
    """`open_app` with the CLI's ways of failing: a refused file or setting is one line and
    exit 1, anything else a line pointing at the crash log (never a traceback)."""
    from careertui.clock import ClockError
    from careertui.domain.text import escaped
    from careertui.interrupt import say_error
    from careertui.paths import PathError
    from careertui.store import StoreError

    try:
        open_app(db)
    except (StoreError, PathError, ClockError) as exc:
        say_error(f"careertui: {escaped(str(exc))}\n")
        sys.exit(1)
    except Exception:  # noqa: BLE001 - told in one line, the traceback goes to the crash log
        from careertui.crashlog import crash_message

        say_error(f"careertui: {crash_message()}\n")
        sys.exit(1)
