"""The command line: quick capture from the shell, and scripts.

Thin on purpose: it parses, calls the store and the domain, and prints. It never imports Textual
(the TUI is imported only when `careertui` runs without a subcommand), so capture stays quick.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import click

from careertui.domain.records import CHANNELS, GOAL_KINDS, INFLUENCES, REQUIREMENT_STATUSES
from careertui.domain.text import from_shell, one_line, printable


class UserError(click.ClickException):
    """Bad input or a refused file: one line on stderr, exit status 1."""

    exit_code = 1

    def show(self, file: Any = None) -> None:
        click.echo(f"careertui: {printable(self.message)}", err=True)


def write_crash_log(error: BaseException | None = None) -> Path | None:
    """Write the traceback (which may hold note text) to a private 0600 log, not the terminal."""
    import os
    import traceback

    from careertui.paths import crash_log_path

    text = "".join(traceback.format_exception(error)) if error else traceback.format_exc()
    try:
        log = crash_log_path()
        log.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        fd = os.open(log, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
        with os.fdopen(fd, "a", encoding="utf-8", errors="replace") as handle:
            handle.write(text + "\n")
        return log
    except OSError:
        return None


class UsageLine(click.UsageError):
    """A usage error (exit 2) as one line naming the help to read, not click's usage block."""

    def show(self, file: Any = None) -> None:
        where = f" (see: {self.ctx.command_path} --help)" if self.ctx else ""
        click.echo(f"careertui: {printable(self.format_message())}{where}", err=True)


def _usage_line(exc: click.UsageError) -> click.UsageError:
    from click.exceptions import NoArgsIsHelpError

    if isinstance(exc, (UsageLine, NoArgsIsHelpError)):  # `careertui add` alone shows its help
        return exc
    return UsageLine(exc.format_message(), ctx=exc.ctx)


class CareerGroup(click.Group):
    """Turns every known failure into a one-line message with exit 1, and any other into a line
    pointing at the crash log: never a traceback on the terminal."""

    def make_context(self, *args: Any, **kwargs: Any) -> click.Context:
        try:
            return super().make_context(*args, **kwargs)
        except click.UsageError as exc:
            raise _usage_line(exc) from None

    def invoke(self, ctx: click.Context) -> Any:
        from careertui.clock import ClockError
        from careertui.domain.dates import DateError
        from careertui.domain.records import ValidationError
        from careertui.domain.text import TextError
        from careertui.store import Ambiguous, NotFound, StoreError

        try:
            return super().invoke(ctx)
        except click.UsageError as exc:
            raise _usage_line(exc) from None
        except (click.ClickException, click.exceptions.Exit, click.Abort):
            raise
        except (ValidationError, DateError, TextError, ClockError, StoreError) as exc:
            raise UserError(str(exc)) from None
        except (NotFound, Ambiguous) as exc:
            raise UserError(str(exc.args[0] if exc.args else exc)) from None
        except KeyboardInterrupt:
            raise click.Abort() from None
        except BrokenPipeError:
            sys.exit(0)
        except Exception:
            log = write_crash_log()
            where = f" (details in {log})" if log else ""
            raise UserError(f"internal error; nothing more was written{where}") from None


def _db_option(fn: Callable[..., Any]) -> Callable[..., Any]:
    """Every command takes --db, before or after its name."""

    def remember(ctx: click.Context, _param: click.Parameter, value: str | None) -> None:
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


def _db_path(ctx: click.Context) -> Path:
    from careertui.paths import resolve_db_path

    obj = ctx.find_root().obj or {}
    return resolve_db_path(obj.get("db"))


def _today() -> date:
    from careertui.clock import today

    return today()


def _open(ctx: click.Context, *, write: bool = True) -> Any:
    """The Store, as a context manager. A write to a file that does not exist yet creates it
    only if the command succeeds (store.draft)."""
    from careertui.store import Store

    path = _db_path(ctx)
    if not write or path.exists():  # what `writing` does too, without importing it
        return Store(path, write=write)
    from careertui.store.draft import writing

    return writing(path, _today())


def _clean(value: str | None) -> str | None:
    return None if value is None else from_shell(value)


def _say(message: str) -> None:
    click.echo(printable(message))


def _added(kind: str, record_id: int, title: str, day: str | None = None) -> None:
    on = f" on {day}" if day else ""
    _say(f"Added {kind} #{record_id}: {one_line(title, 70)}{on}")


@click.group(cls=CareerGroup, invoke_without_command=True)
@_db_option
@click.version_option(package_name="careertui")
@click.pass_context
def cli(ctx: click.Context) -> None:
    """A keyboard-driven career journal. Without a command, opens the app."""
    ctx.ensure_object(dict)
    if ctx.invoked_subcommand is None:
        from careertui.store.overview import prefetch, saved_theme

        path = _db_path(ctx)
        theme = saved_theme(path)  # a refused file stops here, before the screen starts
        first_read = prefetch(path)  # its SQL runs while Textual is imported
        from careertui.app import run

        run(path, first_read, theme)


# -- add ---------------------------------------------------------------------------------------


@cli.group(cls=CareerGroup)
def add() -> None:
    """Capture an entry."""


NAMED_KINDS = {"contact": "", "action": "", "responsibility": "", "goal": "kind != 'milestone'"}
"""Kinds the CLI finds by name (`--resp`, `check ACTION`…), with the records a name must be
unique among: a second "Dana Lee" would make every later `--contact "Dana Lee"` ambiguous."""


def _name_free(store: Any, kind: str, values: dict[str, Any]) -> None:
    from careertui.domain.records import KINDS
    from careertui.store import Ambiguous, NotFound

    if kind not in NAMED_KINDS or (kind == "goal" and values.get("kind") == "milestone"):
        return
    name = str(values.get(KINDS[kind].title_field) or "")
    try:
        found = store.find(kind, name, where=NAMED_KINDS[kind])
    except NotFound:
        return
    except Ambiguous:
        found = None
    which = f" (#{found['id']}: {found[KINDS[kind].title_field]})" if found else ""
    label = KINDS[kind].label.lower()
    article = "an" if label[0] in "aeiou" else "a"
    raise UserError(
        f"{article} {label} named {name.strip()!r} exists already{which}; "
        "names find records, so pick another"
    )


def _insert(ctx: click.Context, kind: str, values: dict[str, Any]) -> tuple[int, dict[str, Any]]:
    today = _today()
    with _open(ctx) as store:
        _name_free(store, kind, values)
        record_id = store.insert(kind, values, today)
        return record_id, store.get(kind, record_id) or {}


def _lookup(store: Any, kind: str, name: str | None, *, where: str = "") -> int | None:
    if name is None:
        return None
    return int(store.find(kind, from_shell(name), where=where)["id"])


_DATE_HELP = "YYYY-MM-DD, today, yesterday, a weekday, -3d, +2w, 'Mar 3'…"


@add.command("win")
@click.argument("title")
@click.option("--date", "day", default="today", help=_DATE_HELP)
@click.option("--impact", help="The measured result: numbers beat adjectives.")
@click.option("--resp", help="The responsibility (job description line) it delivers on.")
@click.option("--goal", help="The goal it moves forward.")
@click.option("--tag", "tags", multiple=True, help="A tag (repeatable).")
@click.option("--shared-with", help="Where or with whom it was shared.")
@click.option("--notes")
@_db_option
@click.pass_context
def add_win(
    ctx: click.Context,
    title: str,
    day: str,
    impact: str | None,
    resp: str | None,
    goal: str | None,
    tags: tuple[str, ...],
    shared_with: str | None,
    notes: str | None,
) -> None:
    """A win: what you delivered, and its measured impact."""
    today = _today()
    with _open(ctx) as store:
        values = {
            "title": _clean(title),
            "date": _clean(day),
            "impact": _clean(impact),
            "responsibility_id": _lookup(store, "responsibility", resp),
            "goal_id": _lookup(store, "goal", goal),
            "tags": [from_shell(t) for t in tags],
            "shared_with": _clean(shared_with),
            "notes": _clean(notes),
        }
        record_id = store.insert("win", values, today)
        row = store.get("win", record_id) or {}
    _added("win", record_id, row.get("title", ""), row.get("date"))


@add.command("note")
@click.argument("text")
@click.option("--date", "day", default="today", help=_DATE_HELP)
@click.option("--tag", "tags", multiple=True, help="A tag (repeatable).")
@_db_option
@click.pass_context
def add_note(ctx: click.Context, text: str, day: str, tags: tuple[str, ...]) -> None:
    """A journal note."""
    values = {"text": _clean(text), "date": _clean(day), "tags": [from_shell(t) for t in tags]}
    record_id, row = _insert(ctx, "note", values)
    _added("note", record_id, row.get("text", ""), row.get("date"))


_ci = {"case_sensitive": False}


@add.command("contact")
@click.argument("name")
@click.option("--org")
@click.option("--role")
@click.option("--circle", help="The circle they move in (team, leadership, industry…).")
@click.option("--influence", type=click.Choice(INFLUENCES, **_ci))
@click.option("--knows-me", type=int, help="How well they know your work, 0-3.")
@click.option("--every", "every", type=int, metavar="DAYS", help="Stay in touch every DAYS.")
@click.option("--notes")
@_db_option
@click.pass_context
def add_contact(
    ctx: click.Context,
    name: str,
    org: str | None,
    role: str | None,
    circle: str | None,
    influence: str | None,
    knows_me: int | None,
    every: int | None,
    notes: str | None,
) -> None:
    """A person in your network."""
    values: dict[str, Any] = {
        "name": _clean(name),
        "org": _clean(org),
        "role": _clean(role),
        "circle": _clean(circle),
        "notes": _clean(notes),
        "follow_up_days": every,
    }
    if influence:
        values["influence"] = influence
    if knows_me is not None:
        values["knows_me"] = knows_me
    record_id, row = _insert(ctx, "contact", values)
    _added("contact", record_id, row.get("name", ""))


@add.command("interaction")
@click.argument("name")
@click.argument("text")
@click.option("--date", "day", default="today", help=_DATE_HELP)
@click.option("--channel", type=click.Choice(CHANNELS, **_ci))
@click.option("--follow-up", help="When to follow up (a weekday means the next one).")
@click.option("--learned", help="What you learned.")
@click.option("--gave", help="What you gave: it is a two-way street.")
@_db_option
@click.pass_context
def add_interaction(
    ctx: click.Context,
    name: str,
    text: str,
    day: str,
    channel: str | None,
    follow_up: str | None,
    learned: str | None,
    gave: str | None,
) -> None:
    """An interaction with an existing contact (exact name, any case)."""
    today = _today()
    with _open(ctx) as store:
        values: dict[str, Any] = {
            "contact_id": _lookup(store, "contact", name),
            "notes": _clean(text),
            "date": _clean(day),
            "follow_up": _clean(follow_up),
            "learned": _clean(learned),
            "gave": _clean(gave),
        }
        if channel:
            values["channel"] = channel
        record_id = store.insert("interaction", values, today)
        row = store.get("interaction", record_id) or {}
        contact = store.get("contact", values["contact_id"]) or {}
    extra = f", follow up on {row['follow_up']}" if row.get("follow_up") else ""
    _added(
        "interaction",
        record_id,
        f"{contact.get('name', '')}: {row.get('notes', '')}",  # as stored, not as typed
        f"{row.get('date')}{extra}",
    )


@add.command("goal")
@click.argument("title")
@click.option(
    "--kind",
    type=click.Choice(GOAL_KINDS, **_ci),
    help="goal, milestone (needs --parent) or opportunity.",
)
@click.option("--parent", help="The goal a milestone belongs to.")
@click.option("--due", help=_DATE_HELP)
@click.option("--metric", help="How progress is measured.")
@click.option("--target", type=float, help="The number that means done.")
@click.option("--current", type=float, help="Where it stands now.")
@click.option("--notes")
@_db_option
@click.pass_context
def add_goal(
    ctx: click.Context,
    title: str,
    kind: str | None,
    parent: str | None,
    due: str | None,
    metric: str | None,
    target: float | None,
    current: float | None,
    notes: str | None,
) -> None:
    """A goal, a milestone of a goal, or an opportunity you create."""
    kind = (kind or ("milestone" if parent else "goal")).lower()
    if kind == "milestone" and not parent:
        raise UserError("a milestone needs --parent GOAL")
    if kind != "milestone" and parent:
        raise UserError(f"--parent is for milestones, not a {kind}")
    today = _today()
    with _open(ctx) as store:
        values = {
            "title": _clean(title),
            "kind": kind,
            "due": _clean(due),
            "metric": _clean(metric),
            "target": target,
            "current": current,
            "notes": _clean(notes),
            "parent_id": _lookup(store, "goal", parent, where="kind != 'milestone'"),
        }
        _name_free(store, "goal", values)
        record_id = store.insert("goal", values, today)
        row = store.get("goal", record_id) or {}
    due_text = f"due {row['due']}" if row.get("due") else None
    _added(kind, record_id, row.get("title", ""), None)
    if due_text:
        _say(f"  {due_text}")


@add.command("action")
@click.argument("title")
@click.option(
    "--cadence", required=True, help="daily, weekdays, weekly, weekly:N, monthly or monthly:N."
)
@click.option("--goal", help="The goal it serves.")
@_db_option
@click.pass_context
def add_action(ctx: click.Context, title: str, cadence: str, goal: str | None) -> None:
    """A key action you do every day, week or month."""
    today = _today()
    with _open(ctx) as store:
        values = {
            "title": _clean(title),
            "cadence": _clean(cadence),
            "goal_id": _lookup(store, "goal", goal),
        }
        _name_free(store, "action", values)
        record_id = store.insert("action", values, today)
        row = store.get("action", record_id) or {}
    _added("action", record_id, f"{row.get('title', '')} ({row.get('cadence')})")


@add.command("responsibility")
@click.argument("title")
@_db_option
@click.pass_context
def add_responsibility(ctx: click.Context, title: str) -> None:
    """A line of your current job description."""
    record_id, row = _insert(ctx, "responsibility", {"title": _clean(title)})
    _added("responsibility", record_id, row.get("title", ""))


@add.command("requirement")
@click.argument("title")
@click.option(
    "--status", type=click.Choice(REQUIREMENT_STATUSES, **_ci), default="gap", show_default=True
)
@click.option("--plan", help="How you will close the gap.")
@_db_option
@click.pass_context
def add_requirement(ctx: click.Context, title: str, status: str, plan: str | None) -> None:
    """A skill or responsibility of the role you want next."""
    values = {"title": _clean(title), "status": status, "plan": _clean(plan)}
    record_id, row = _insert(ctx, "requirement", values)
    _added("requirement", record_id, f"{row.get('title', '')} [{row.get('status')}]")


@add.command("perception")
@click.option("--behaviour", "--behavior", "behaviour", type=int, required=True, help="1-5")
@click.option("--language", type=int, required=True, help="1-5")
@click.option("--attitude", type=int, required=True, help="1-5")
@click.option("--date", "day", default="today", help=_DATE_HELP)
@click.option("--q1", help="How must others perceive you to reach your current goal?")
@click.option("--q2", help="Is the way you are perceived bringing you closer or further?")
@click.option("--q3", help="Are your actions, interactions and words reinforcing or detracting?")
@click.option("--q4", help="What experience do you want to create for people?")
@click.option("--notes")
@_db_option
@click.pass_context
def add_perception(
    ctx: click.Context,
    behaviour: int,
    language: int,
    attitude: int,
    day: str,
    q1: str | None,
    q2: str | None,
    q3: str | None,
    q4: str | None,
    notes: str | None,
) -> None:
    """A perception check: how your behaviour, words and attitude land."""
    values = {
        "behaviour": behaviour,
        "language": language,
        "attitude": attitude,
        "date": _clean(day),
        "q1": _clean(q1),
        "q2": _clean(q2),
        "q3": _clean(q3),
        "q4": _clean(q4),
        "notes": _clean(notes),
    }
    record_id, row = _insert(ctx, "perception", values)
    _added(
        "perception check",
        record_id,
        f"behaviour {behaviour}, language {language}, attitude {attitude}",
        row.get("date"),
    )


@add.command("security")
@click.option("--skills", type=int, required=True, help="Job skills, 1-5.")
@click.option("--performance", type=int, required=True, help="Job performance, 1-5.")
@click.option("--network", type=int, required=True, help="Business network, 1-5.")
@click.option("--job-search", type=int, required=True, help="Job-search skills, 1-5.")
@click.option("--finances", type=int, required=True, help="Finances, 1-5.")
@click.option("--date", "day", default="today", help=_DATE_HELP)
@click.option("--notes")
@_db_option
@click.pass_context
def add_security(
    ctx: click.Context,
    skills: int,
    performance: int,
    network: int,
    job_search: int,
    finances: int,
    day: str,
    notes: str | None,
) -> None:
    """An employment security check (every few months)."""
    values = {
        "skills": skills,
        "performance": performance,
        "network": network,
        "job_search": job_search,
        "finances": finances,
        "date": _clean(day),
        "notes": _clean(notes),
    }
    record_id, row = _insert(ctx, "security", values)
    _added(
        "security check",
        record_id,
        f"skills {skills}, performance {performance}, network {network}, "
        f"job search {job_search}, finances {finances}",
        row.get("date"),
    )


# -- check, set --------------------------------------------------------------------------------


@cli.command("check")
@click.argument("action")
@click.option("--date", "day", default="today", help=_DATE_HELP)
@click.option("--skip", is_flag=True, help="Record a planned skip: it neither breaks nor counts.")
@click.option("--note")
@_db_option
@click.pass_context
def check(ctx: click.Context, action: str, day: str, skip: bool, note: str | None) -> None:
    """Check in a key action (once a day; checking again updates it)."""
    today = _today()
    with _open(ctx) as store:
        action_row = store.find("action", action)
        record_id, created = store.check_in(
            int(action_row["id"]), _clean(day) or "today", today, skip=skip, note=_clean(note)
        )
        row = store.get("checkin", record_id) or {}
    what = "Skipped" if skip else "Checked in"
    again = "" if created else " (updated)"
    _say(f"{what} {one_line(action_row['title'], 70)} on {row.get('date')}{again}")


@cli.group("set", cls=CareerGroup)
def set_() -> None:
    """Set the review period."""


def _set_profile_date(ctx: click.Context, field: str, value: str, label: str) -> None:
    today = _today()
    with _open(ctx) as store:
        store.set_profile({field: _clean(value)}, today)
        _say(f"{label}: {store.profile().get(field)}")


@set_.command("review-date")
@click.argument("day")
@_db_option
@click.pass_context
def set_review_date(ctx: click.Context, day: str) -> None:
    """The date of your next performance review."""
    _set_profile_date(ctx, "review_date", day, "Review date")


@set_.command("review-start")
@click.argument("day")
@_db_option
@click.pass_context
def set_review_start(ctx: click.Context, day: str) -> None:
    """The first day of the period your review covers."""
    _set_profile_date(ctx, "review_start", day, "Review period starts")


# -- read --------------------------------------------------------------------------------------


@cli.command("search")
@click.argument("query")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.option("--limit", type=click.IntRange(1, 10_000), default=50, show_default=True)
@_db_option
@click.pass_context
def search(ctx: click.Context, query: str, as_json: bool, limit: int) -> None:
    """Full-text search over wins, notes, interactions, contacts and goals, newest first."""
    with _open(ctx, write=False) as store:
        try:
            hits = store.search(from_shell(query), limit=limit)
        except ValueError as exc:
            raise UserError(str(exc)) from None
    if as_json:
        import json

        click.echo(json.dumps(hits, ensure_ascii=False))
        return
    if not hits:
        _say(f"No entries match {from_shell(query)!r}.")
        return
    for hit in hits:
        _say(
            f"{hit['date'] or '':10}  {hit['kind']:<11} #{hit['id']:<5} "
            f"{one_line(hit['snippet'] or hit['title'], 90)}"
        )


@cli.command("stats")
@click.option("--json", "as_json", is_flag=True, help="Print the JSON object of SPEC §5.")
@_db_option
@click.pass_context
def stats(ctx: click.Context, as_json: bool) -> None:
    """Streaks, key actions, review readiness and what is due."""
    from careertui.domain.stats import format_stats
    from careertui.store.stats import compute_stats

    today = _today()
    with _open(ctx, write=False) as store:
        result = compute_stats(store, today)
    if as_json:
        from careertui.domain.jsonout import dumps_indented

        click.echo(dumps_indented(result))  # json.dumps(indent=2)'s text, in a fraction of its time
    else:
        _say(format_stats(result))


@cli.command("backup")
@click.argument("dest", required=False, type=click.Path(dir_okay=False, path_type=Path))
@_db_option
@click.pass_context
def backup(ctx: click.Context, dest: Path | None) -> None:
    """A consistent copy of the database (SQLite's backup API), created 0600."""
    from careertui.clock import now

    with _open(ctx, write=False) as store:
        if dest is None:
            stamp = now().strftime("%Y%m%d-%H%M%S")
            dest = store.path.with_name(f"careertui-backup-{stamp}.db")
        written = store.backup(dest)
    _say(f"Backed up to {written}")


# -- export, import, demo ----------------------------------------------------------------------


def _same_file(out: Path, db: Path) -> bool:
    """Whether writing `out` would overwrite the database or one of its side files."""
    import os

    for candidate in (db, Path(f"{db}-wal"), Path(f"{db}-shm")):
        try:
            if os.path.samefile(out, candidate):
                return True
        except OSError:
            continue
    return False


@cli.command("export")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(("json", "markdown"), **_ci),
    default="json",
    show_default=True,
    help="json: everything, re-importable; markdown: the review packet.",
)
@click.option(
    "--out",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write to FILE (created 0600) instead of printing.",
)
@_db_option
@click.pass_context
def export(ctx: click.Context, fmt: str, out: Path | None) -> None:
    """Export everything as JSON, or the review packet as Markdown."""
    from careertui.store.exchange import ExchangeError, export_text, packet_data, write_private

    today = _today()
    with _open(ctx, write=False) as store:
        if fmt == "markdown":
            from careertui.domain.packet import render_packet

            packet = packet_data(store, today)
            text = render_packet(packet)
            what = f"the review packet for {packet.start} to {packet.end}"
        else:
            text, count = export_text(store)
            what = f"{count} records"
        db = store.path
    if out is None:
        click.echo(text, nl=False)
        return
    if _same_file(out, db):
        raise UserError(f"{out} is the database itself; choose another file")
    try:
        write_private(out, text)
    except ExchangeError as exc:
        raise UserError(str(exc)) from None
    _say(f"Exported {what} to {out}")


@cli.command("import")
@click.argument("file", type=click.Path(dir_okay=False, allow_dash=True, path_type=Path))
@_db_option
@click.pass_context
def import_(ctx: click.Context, file: Path) -> None:
    """Merge a careertui JSON export (by uuid) or a jrnl JSON export (entries become notes)."""
    from careertui.store.exchange import ExchangeError, detect_format, import_data, load_json

    source = "standard input" if str(file) == "-" else str(file)
    try:
        raw = sys.stdin.buffer.read() if str(file) == "-" else file.read_bytes()
    except OSError as exc:
        raise UserError(f"cannot read {source}: {exc.strerror or exc}") from None
    today = _today()
    try:
        data = load_json(raw, source)
        detect_format(data, source)  # before the file is opened, so a refusal creates nothing
        with _open(ctx) as store:
            result = import_data(store, data, today, source=source)
    except ExchangeError as exc:
        raise UserError(str(exc)) from None
    added, updated, unchanged = (result.total(o) for o in ("added", "updated", "unchanged"))
    if result.format == "jrnl":
        _say(f"Imported {source} (jrnl export): {added} notes added, {unchanged} already there.")
    else:
        _say(
            f"Imported {source} (careertui export): {added} added, {updated} updated, "
            f"{unchanged} unchanged."
        )


@cli.command("demo")
@_db_option
@click.pass_context
def demo(ctx: click.Context) -> None:
    """Fill a new or empty file with a realistic year of sample data, to explore."""
    from careertui.clock import now
    from careertui.demo import fill_demo
    from careertui.domain.records import KINDS
    from careertui.store.exchange import ExchangeError

    today = _today()
    path = _db_path(ctx)
    if path.exists():
        # Looked at read-only first: opening an older file for writing would migrate it.
        with _open(ctx, write=False) as store:
            if any(store.count(kind) for kind in KINDS):
                raise UserError(
                    f"{path} already has data; the demo only fills a new file (try --db demo.db)"
                )
    try:
        with _open(ctx) as store:
            result = fill_demo(store, today, now().tzinfo)
    except ExchangeError as exc:  # e.g. filled by another program since the look above
        raise UserError(str(exc)) from None
    counts = {table: per["added"] for table, per in result.counts.items()}
    shown = ", ".join(
        f"{counts.get(KINDS[k].table, 0)} {label}"
        for k, label in (
            ("win", "wins"),
            ("contact", "contacts"),
            ("interaction", "interactions"),
            ("checkin", "check-ins"),
            ("review", "weekly reviews"),
        )
    )
    _say(f"Filled {path} with a year of sample data up to {today}: {shown}.")
    _say(f"Open it with: careertui --db {path}")


def main() -> None:
    """The console script."""
    cli(prog_name="careertui")
