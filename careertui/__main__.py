"""The `careertui` command (and `python -m careertui`).

`status` runs on every shell prompt and `--version` should be as quick as capture, so both are
answered here, before click is imported; everything else goes to the click CLI (careertui/cli).
"""

from __future__ import annotations

import sys


def _leading_db(args: list[str]) -> tuple[str | None, list[str]]:
    """A `--db PATH` (or `--db=PATH`) given before the command's name, and the rest."""
    if args and args[0] == "--db" and len(args) > 1:
        return args[1], args[2:]
    if args and args[0].startswith("--db="):
        return args[0].removeprefix("--db="), args[1:]
    return None, args


def main() -> None:
    """The console script."""
    db, args = _leading_db(sys.argv[1:])
    if args == ["--version"]:
        from careertui import __version__

        sys.stdout.write(f"careertui, version {__version__}\n")
        return
    if args[:1] == ["status"]:
        from careertui.status import main as status

        status(args[1:], db)
        return
    from careertui.cli import main as cli

    cli()


if __name__ == "__main__":
    main()
