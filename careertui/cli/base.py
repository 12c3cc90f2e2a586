"""What every command shares: the one-line errors, `--db`, the store, the clock and printing.

The CLI never imports Textual (the TUI is imported only when `careertui` runs without a
subcommand), so capture stays quick.
"""

from __future__ import annotations

import errno
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import click

from careertui.domain.text import escaped, from_shell, one_line, printable
from careertui.store.unique import NAMED_KINDS as NAMED_KINDS  # used by records, complete

CI = {"case_sensitive": False}
"""click.Choice options that accept any case."""


class UserError(click.ClickException):
    """Bad input or a refused file: one line on stderr, exit status 1."""

    exit_code = 1

    def show(self, file: Any = None) -> None:
        _to_stderr(f"careertui: {escaped(self.message)}")


class UsageLine(click.UsageError):
    """A usage error (exit 2) as one line naming the help to read, not click's usage block."""

    def show(self, file: Any = None) -> None:
        where = f" (see: {self.ctx.command_path} --help)" if self.ctx else ""
        _to_stderr(f"careertui: {escaped(self.format_message())}{where}")


def _to_stderr(line: str) -> None:
    """The one line of a failure; a closed stderr leaves only the exit status to tell it."""
    try:
        click.echo(line, err=True)
    except (OSError, ValueError):
        pass


class _WatchedStdout:
    """sys.stdout, noting whether a write to it failed: an OSError is then told as standard
    output's failure, not as an internal error. A closed stdout (None) fails every write."""

    def __init__(self, stream: Any) -> None:
        import os

        self._stream = stream
        # Attributes (isatty, encoding…) of a closed stdout are those of /dev/null.
        self._attrs = stream if stream is not None else open(os.devnull, "w")  # noqa: SIM115
        self.failed = False

    def write(self, text: str) -> int:
        try:
            if self._stream is None:
                raise OSError(errno.EBADF, "it is closed")
            return int(self._stream.write(text))
        except (OSError, ValueError):
            self.failed = True
            raise

    def flush(self) -> None:
        if self._stream is None:
            return
        try:
            self._stream.flush()
        except (OSError, ValueError):
            self.failed = True
            raise

    def __getattr__(self, name: str) -> Any:
        return getattr(self._attrs, name)


class _ClosedStdin:
    """sys.stdin when standard input was closed (Python leaves None): not a terminal, and any
    read is one line, exit 1, rather than an internal error."""

    buffer = property(lambda self: self)

    def isatty(self) -> bool:
        return False

    def read(self, *_args: Any) -> str:
        raise UserError("cannot read standard input: it is closed")

    readline = read


def _stdout_failed() -> bool:
    return isinstance(sys.stdout, _WatchedStdout) and sys.stdout.failed


def _stdout_error(exc: OSError) -> UserError:
    from careertui.outfile import discard_stdout, reason

    discard_stdout()
    return UserError(f"cannot write to standard output: {reason(exc)}")


def _usage_line(exc: click.UsageError) -> click.UsageError:
    from click.exceptions import NoArgsIsHelpError

    if isinstance(exc, (UsageLine, NoArgsIsHelpError)):  # `careertui add` alone shows its help
        return exc
    return UsageLine(exc.format_message(), ctx=exc.ctx)


class CareerGroup(click.Group):
    """Turns every known failure into a one-line message with exit 1, and any other into a line
    pointing at the crash log: never a traceback on the terminal."""

    def main(self, *args: Any, **kwargs: Any) -> Any:
        """Exit statuses that tell the truth: 0 once the command did its work (a confirmation
        that cannot be printed goes to stderr), 1 with one line when it could not (its output
        included), 130 on Ctrl-C; never a traceback."""
        from careertui.paths import PathError

        kwargs["standalone_mode"] = False
        if not isinstance(sys.stdout, _WatchedStdout):
            sys.stdout = _WatchedStdout(sys.stdout)
        if sys.stdin is None:
            sys.stdin = _ClosedStdin()
        try:
            code = super().main(*args, **kwargs)
            sys.stdout.flush()
        except click.ClickException as exc:
            exc.show()
            code = exc.exit_code
        except PathError as exc:
            UserError(str(exc)).show()
            code = 1
        except (click.Abort, KeyboardInterrupt):
            _to_stderr("careertui: interrupted")
            code = 130
        except OSError as exc:
            if not _stdout_failed():
                raise
            _stdout_error(exc).show()
            code = 1
        sys.exit(code if isinstance(code, int) else 0)

    def make_context(self, *args: Any, **kwargs: Any) -> click.Context:
        try:
            return super().make_context(*args, **kwargs)
        except click.UsageError as exc:
            raise _usage_line(exc) from None
        except OSError as exc:  # --help or --version into a closed or full stdout
            if not _stdout_failed():
                raise
            raise _stdout_error(exc) from None

    def invoke(self, ctx: click.Context) -> Any:
        from careertui.clock import ClockError
        from careertui.domain.dates import DateError
        from careertui.domain.records import ValidationError
        from careertui.domain.text import TextError
        from careertui.paths import PathError
        from careertui.store import Ambiguous, NotFound, StoreError

        try:
            return super().invoke(ctx)
        except click.UsageError as exc:
            raise _usage_line(exc) from None
        except (click.ClickException, click.exceptions.Exit, click.Abort):
            raise
        except (ValidationError, DateError, TextError, ClockError, StoreError, PathError) as exc:
            raise UserError(str(exc)) from None
        except (NotFound, Ambiguous) as exc:
            raise UserError(str(exc.args[0] if exc.args else exc)) from None
        except KeyboardInterrupt:
            raise click.Abort() from None
        except OSError as exc:
            if not _stdout_failed():
                raise _crash() from None
            raise _stdout_error(exc) from None
        except Exception:
            raise _crash() from None


def _crash() -> UserError:
    """An unexpected error: its traceback goes to the crash log, never to the terminal."""
    from careertui.crashlog import crash_message

    return UserError(crash_message())


def db_option(fn: Callable[..., Any]) -> Callable[..., Any]:
    """Every command takes --db, before or after its name."""

    def remember(ctx: click.Context, _param: click.Parameter, value: str | None) -> None:
        if value is not None and not value.strip():
            raise UserError("--db is empty; name the database file")
        if value:
            ctx.ensure_object(dict)["db"] = value
            root = ctx.find_root()
            root.ensure_object(dict)["db"] = value

    return click.option(
        "--db",
        metavar="PATH",
        expose_value=False,
        is_eager=True,
        callback=remember,
        help="The database file (default: $CAREERTUI_DB, else the platform data folder).",
    )(fn)


def db_path(ctx: click.Context) -> Path:
    from careertui.paths import resolve_db_path

    obj = ctx.find_root().obj or {}
    return resolve_db_path(obj.get("db"))


def clock_today() -> date:
    from careertui.clock import today

    return today()


def open_store(ctx: click.Context, *, write: bool = True) -> Any:
    """The Store, as a context manager. A write to a file that does not exist yet creates it
    only if the command succeeds (store.draft)."""
    from careertui.store import Store

    path = db_path(ctx)
    if not write or path.exists():  # what `writing` does too, without importing it
        return Store(path, write=write, check=write)
    from careertui.store.draft import writing

    return writing(path, clock_today())


def clean(value: str | None) -> str | None:
    return None if value is None else from_shell(value)


def say(message: str) -> None:
    """A confirmation: what was done is done, so a closed or full stdout sends it to stderr
    (and the exit status stays 0: a script that retries would add the entry twice)."""
    text = printable(message)
    try:
        click.echo(text)
    except (OSError, ValueError):
        from careertui.outfile import discard_stdout

        discard_stdout()
        _to_stderr(text)


def emit(text: str) -> None:
    """A command's product (search hits, stats): a closed or full stdout fails the command
    with one line and exit 1."""
    click.echo(printable(text))


def added(kind: str, record_id: int, title: str, day: str | None = None) -> None:
    on = f" on {day}" if day else ""
    say(f"Added {kind} #{record_id}: {one_line(title, 70)}{on}")


def name_free(store: Any, kind: str, values: dict[str, Any]) -> None:
    """The store's name rule (store/unique.py), checked before a command looks further; the
    store checks it again on every write, for every way in."""
    from careertui.store.unique import NameRule

    NameRule(store.conn).check(kind, values)


def insert(ctx: click.Context, kind: str, values: dict[str, Any]) -> tuple[int, dict[str, Any]]:
    today = clock_today()
    with open_store(ctx) as store:
        name_free(store, kind, values)
        record_id = store.insert(kind, values, today)
        return record_id, store.get(kind, record_id) or {}


def lookup(store: Any, kind: str, name: str | None, *, where: str = "") -> int | None:
    if name is None:
        return None
    return int(store.find(kind, from_shell(name), where=where)["id"])


DATE_HELP = "YYYY-MM-DD, today, yesterday, a weekday, -3d, +2w, 'Mar 3'…"
