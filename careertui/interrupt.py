"""Ctrl-C in the `careertui` command: one line and exit 130, at any moment, never a traceback.

Nothing is lost by not unwinding: SQLite rolls back a transaction it did not commit, and a
half-written temporary file is swept by the next run. (The TUI reads Ctrl-C as a key, in raw
mode, so this never interrupts it.)
"""

from __future__ import annotations

import os


def say_error(line: str) -> None:
    """Write `line` to stderr without Python's streams (which may be closed, or mid-write)."""
    try:
        os.write(2, line.encode("utf-8", "replace"))
    except OSError:
        pass  # stderr closed too: the exit status tells it


def interrupted(_signum: int, _frame: object) -> None:
    try:
        say_error("careertui: interrupted\n")
    finally:
        os._exit(130)
