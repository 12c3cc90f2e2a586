"""Where careertui keeps its files. Looked up in functions, never at import time."""

from __future__ import annotations

import os
from pathlib import Path

DB_ENV = "CAREERTUI_DB"


def default_db_path() -> Path:
    """The database file when neither `--db` nor `CAREERTUI_DB` names one."""
    from platformdirs import user_data_dir

    return Path(user_data_dir("careertui", appauthor=False)) / "careertui.db"


def resolve_db_path(explicit: str | os.PathLike[str] | None = None) -> Path:
    """`--db` wins over `CAREERTUI_DB`, which wins over the platform default."""
    if explicit:
        return Path(explicit).expanduser()
    env = os.environ.get(DB_ENV)
    if env:
        return Path(env).expanduser()
    return default_db_path()


def crash_log_path() -> Path:
    """Full tracebacks go here (0600), never to the terminal where note text could show."""
    from platformdirs import user_state_dir

    return Path(user_state_dir("careertui", appauthor=False)) / "crash.log"
