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


def _fill_closed_descriptors() -> None:
    """A closed stdin, stdout or stderr gets /dev/null on its descriptor: else the next file
    opened (a database!) would take that number, and a print would write into it. Python has
    already set sys.stdin/stdout/stderr to None for them, which is how the CLI tells."""
    import os

    for fd in (0, 1, 2):
        try:
            os.fstat(fd)
        except OSError:
            try:
                os.open(os.devnull, os.O_RDWR)  # the lowest free number: this one
            except OSError:
                return


def main() -> None:
    """The console script. It ends with os._exit once its streams are flushed: the interpreter's
    shutdown has nothing left to do for careertui, and a Ctrl-C during it would end the process
    by the signal, without a word."""
    import os
    import signal

    from careertui.interrupt import interrupted, say_error

    signal.signal(signal.SIGINT, interrupted)  # for `python -m careertui` (see __init__.py)
    _fill_closed_descriptors()
    try:
        _main()
        code = 0
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else 0 if exc.code is None else 1
    for stream in (sys.stdout, sys.stderr):
        try:
            if stream is not None:
                stream.flush()
        except (OSError, ValueError):
            if stream is sys.stdout and code == 0:
                say_error("careertui: cannot write to standard output\n")
                code = 1
    os._exit(code)


def _main() -> None:
    from careertui.interrupt import say_error

    db, args = _leading_db(sys.argv[1:])
    if args == ["--version"]:
        from careertui import __version__

        try:
            sys.stdout.write(f"careertui, version {__version__}\n")
            sys.stdout.flush()
        except (OSError, AttributeError) as exc:  # closed (None) or full
            from careertui.outfile import discard_stdout, reason

            discard_stdout()
            why = reason(exc) if isinstance(exc, OSError) else "it is closed"
            say_error(f"careertui: cannot write to standard output: {why}\n")
            sys.exit(1)
        return
    if args[:1] == ["status"]:
        from careertui.status import main as status

        status(args[1:], db)
        return
    from careertui.cli import main as cli

    cli()


if __name__ == "__main__":
    main()
