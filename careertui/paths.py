"""Where careertui keeps its files. Looked up in functions, never at import time.

pathlib is imported in the functions that return a Path: `careertui status`, on every shell
prompt, takes its file from `db_location` as text, and pathlib (with the re and urllib.parse it
imports) was ~8 ms of its run."""

from __future__ import annotations

import os

TYPE_CHECKING = False
if TYPE_CHECKING:
    from pathlib import Path

DB_ENV = "CAREERTUI_DB"


def default_db_path() -> Path:
    """The database file when neither `--db` nor `CAREERTUI_DB` names one."""
    from pathlib import Path

    from platformdirs import user_data_dir

    return Path(user_data_dir("careertui", appauthor=False)) / "careertui.db"


class PathError(Exception):
    """A database path that names no file (empty); the message says which setting."""


def resolve_db_path(explicit: str | os.PathLike[str] | None = None) -> Path:
    """`--db` wins over `CAREERTUI_DB`, which wins over the platform default. An empty one is
    refused rather than taken for "not given": a script whose variable came out empty must not
    write into the default journal."""
    from pathlib import Path

    return Path(db_location(explicit))


def db_location(explicit: str | os.PathLike[str] | None = None) -> str:
    """resolve_db_path's file as text (`~` expanded), without importing pathlib."""
    if explicit is not None:
        if not os.fspath(explicit).strip():
            raise PathError("--db is empty; name the database file")
        return os.path.expanduser(explicit)
    env = os.environ.get(DB_ENV)
    if env is not None:
        if not env.strip():
            raise PathError(f"{DB_ENV} is set but empty; name the database file, or unset it")
        return os.path.expanduser(env)
    return str(default_db_path())


def crash_log_path() -> Path:
    """Full tracebacks go here (0600), never to the terminal where note text could show."""
    from pathlib import Path

    from platformdirs import user_state_dir

    return Path(user_state_dir("careertui", appauthor=False)) / "crash.log"
