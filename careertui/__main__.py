"""The `careertui` command (and `python -m careertui`).

`status` runs on every shell prompt and `--version` should be as quick as capture, so both are
answered here, before click is imported, and so is the app (no command), whose first frame click
would delay; everything else goes to the click CLI (careertui/cli).
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
    """The console script. Once its work is done, Ctrl-C is ignored: the interpreter's shutdown
    resets Python's handlers, and a Ctrl-C then would end the process by the signal, without a
    word, whatever the work's exit status."""
    import signal

    from careertui.interrupt import interrupted

    signal.signal(signal.SIGINT, interrupted)  # for `python -m careertui` (see __init__.py)
    _fill_closed_descriptors()
    try:
        _main()
    finally:
        signal.signal(signal.SIGINT, signal.SIG_IGN)


def _main() -> None:
    import os

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

        status(args[1:], db)  # its line written and flushed, or SystemExit
        # Nothing is left for the interpreter's shutdown to do (its one read-only connection is
        # closed, it writes no file), and that was ~2.5 ms of its ~30 on every prompt.
        os._exit(0)
    if not args:  # the app: it needs none of click (careertui/launch.py)
        from careertui.launch import main as app

        app(db)
        return
    from careertui.cli import main as cli

    if args[:1] != ["add"]:
        cli()
        return
    try:  # capture: a whole process per note, so its end counts too
        cli()
        code = 0
    except SystemExit as exc:  # how the CLI's group ends every command, having flushed stdout
        code = exc.code if isinstance(exc.code, int) else 0 if exc.code is None else 1
    # The store is closed and the note committed: the interpreter's shutdown (tearing down click
    # and the domain) has nothing left to do for it and was ~13 ms of its ~70.
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError, AttributeError):
            pass  # told already: the group checks stdout's last write (cli/base.py)
    os._exit(code)


if __name__ == "__main__":
    main()
