"""Where careertui keeps its files. Looked up in functions, never at import time."""

from __future__ import annotations

import os
from pathlib import Path

DB_ENV = "CAREERTUI_DB"


def default_db_path() -> Path:
    """The database file when neither `--db` nor `CAREERTUI_DB` names one."""
    from platformdirs import user_data_dir

    return Path(user_data_dir("careertui", appauthor=False)) / "careertui.db"


class PathError(Exception):
    """A database path that names no file (empty); the message says which setting."""


def resolve_db_path(explicit: str | os.PathLike[str] | None = None) -> Path:
    """`--db` wins over `CAREERTUI_DB`, which wins over the platform default. An empty one is
    refused rather than taken for "not given": a script whose variable came out empty must not
    write into the default journal."""
    if explicit is not None:
        if not os.fspath(explicit).strip():
            raise PathError("--db is empty; name the database file")
        return Path(explicit).expanduser()
    env = os.environ.get(DB_ENV)
    if env is not None:
        if not env.strip():
            raise PathError(f"{DB_ENV} is set but empty; name the database file, or unset it")
        return Path(env).expanduser()
    return default_db_path()


def crash_log_path() -> Path:
    """Full tracebacks go here (0600), never to the terminal where note text could show."""
    from platformdirs import user_state_dir

    return Path(user_state_dir("careertui", appauthor=False)) / "crash.log"
