"""The crash log: a traceback (which may hold note text) goes to a private 0600 file, never to
the terminal. Shared by the CLI and the TUI."""

from __future__ import annotations

import os
import traceback
from pathlib import Path


def write_crash_log(error: BaseException | None = None) -> Path | None:
    """Append the traceback of `error` (or of the exception being handled) to the crash log."""
    text = "".join(traceback.format_exception(error)) if error else traceback.format_exc()
    return write_crash_text(text)


def crash_message() -> str:
    """Log the exception being handled and say so in one line (what the CLI and `careertui`
    alone print for an unexpected error, never a traceback)."""
    log = write_crash_log()
    where = f" (details in {log})" if log else ""
    return f"internal error; nothing more was written{where}"


def write_crash_text(text: str) -> Path | None:
    """Append `text` (a rendered traceback) to the crash log; its path, or None if unwritable."""
    from careertui.paths import crash_log_path

    try:
        log = crash_log_path()
        log.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        fd = os.open(log, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
        with os.fdopen(fd, "a", encoding="utf-8", errors="replace") as handle:
            handle.write(text + "\n")
        return log
    except OSError:
        return None
