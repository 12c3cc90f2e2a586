"""`careertui status`: one line for a shell prompt or a tmux status bar.

    careertui: 3 due · streak 12 · review in 41d · readiness 72

A figure that is empty (nothing due, no streak, no review date) is left out. `--format` takes a
template of the same names, `{due}`, `{streak}`, `{review}` (days to the review) and
`{readiness}`, with `\\n` and `\\t` for a newline and a tab. It runs on every prompt, so it is
parsed here by hand, without click (careertui/__main__.py sends it here before importing click).
"""

from __future__ import annotations

import sys

USAGE = """Usage: careertui status [--format TEMPLATE] [--db PATH]

  One line for a shell prompt or a tmux status bar: what is due, the journaling
  streak, the days to the review and review readiness.

Options:
  --format TEMPLATE  Names in braces: {due} {streak} {review} {readiness},
                     e.g. '{due}! {streak}d'. Empty figures print as nothing.
  --db PATH          The database file (default: $CAREERTUI_DB, else the
                     platform data folder).
  --help             Show this message and exit.
"""

NAMES = ("due", "streak", "review", "readiness")


def line(figures: dict[str, int | None], template: str | None = None) -> str:
    """The status line for `figures` (read_status's), by `template` or the default one."""
    if template is not None:
        shown = {name: "" if figures.get(name) is None else figures[name] for name in NAMES}
        return template.replace("\\n", "\n").replace("\\t", "\t").format(**shown)
    parts = []
    if figures["due"]:
        parts.append(f"{figures['due']} due")
    if figures["streak"]:
        parts.append(f"streak {figures['streak']}")
    review = figures["review"]
    if review is not None:
        parts.append(
            f"review in {review}d"
            if review > 0
            else "review today"
            if review == 0
            else f"review {-review}d ago"
        )
    if figures["readiness"] is not None:
        parts.append(f"readiness {figures['readiness']}")
    return "careertui: " + " · ".join(parts) if parts else "careertui"


def _options(args: list[str]) -> tuple[str | None, str | None]:
    """(db, template) from the arguments; SystemExit(2) with a one-line message otherwise."""
    found: dict[str, str] = {}
    rest = list(args)
    while rest:
        arg = rest.pop(0)
        if arg in ("--help", "-h"):
            sys.stdout.write(USAGE)
            raise SystemExit(0)
        name, eq, value = arg.partition("=")
        if name not in ("--db", "--format"):
            _fail(f"no such option: {arg} (see: careertui status --help)", 2)
        if not eq:
            if not rest:
                _fail(f"option {name} requires an argument", 2)
            value = rest.pop(0)
        found[name] = value
    return found.get("--db"), found.get("--format")


def _fail(message: str, code: int = 1) -> None:
    sys.stderr.write(f"careertui: {message}\n")
    raise SystemExit(code)


def main(args: list[str], db: str | None = None) -> None:
    """Print the status line; `db` is a --db given before the command's name."""
    import os
    import sqlite3

    from careertui.clock import ClockError, today
    from careertui.paths import PathError, db_location
    from careertui.store.status import read_status

    own_db, template = _options(args)
    try:
        path = db_location(own_db or db)
        if not os.path.exists(path):
            _fail(f"no journal at {path} yet (add an entry first)")
        figures = read_status(path, today())
        text = line(figures, template)
    except (ClockError, PathError) as exc:
        _fail(str(exc))
    except sqlite3.Error as exc:
        _fail(f"cannot read {path}: {exc}")
    except (KeyError, IndexError, ValueError) as exc:
        _fail(f"--format: {exc!r} is not a template of {', '.join(NAMES)}", 2)
    try:
        sys.stdout.write(text + "\n")
        sys.stdout.flush()
    except (OSError, ValueError, AttributeError) as exc:  # closed (None), or a full disk or pipe
        from careertui.outfile import discard_stdout, reason

        discard_stdout()
        why = reason(exc) if isinstance(exc, OSError) else "it is closed"
        _fail(f"cannot write to standard output: {why}")
