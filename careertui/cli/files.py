"""`careertui backup`, `export`, `import` and `demo`: the journal as files."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from careertui.cli.base import CI, UserError, clock_today, db_option, db_path, open_store, say
from careertui.domain.text import escaped


@click.command("backup")
@click.argument("dest", required=False, type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "--encrypt", is_flag=True, help="Encrypt it with age (the sync passphrase, or one asked for)."
)
@db_option
@click.pass_context
def backup(ctx: click.Context, dest: Path | None, encrypt: bool) -> None:
    """A consistent copy of the database (SQLite's backup API), created 0600."""
    from careertui.clock import now

    if encrypt:
        from careertui.cli.sync import encrypted_backup

        encrypted_backup(ctx, dest)
        return

    with open_store(ctx, write=False) as store:
        if dest is None:
            stamp = now().strftime("%Y%m%d-%H%M%S")
            dest = store.path.with_name(f"careertui-backup-{stamp}.db")
        written = store.backup(dest)
    say(f"Backed up to {escaped(written)}")


# -- export, import, demo ----------------------------------------------------------------------


@click.command("export")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(("json", "markdown", "ics"), **CI),
    default="json",
    show_default=True,
    help="json: everything, re-importable; markdown: the review packet; ics: a calendar of "
    "follow-ups, due dates, the review date, the security check and the weekly review.",
)
@click.option(
    "--out",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write to FILE (a new file, created 0600) instead of printing; - prints.",
)
@click.option("--force", is_flag=True, help="Replace FILE if it exists (never a database).")
@db_option
@click.pass_context
def export(ctx: click.Context, fmt: str, out: Path | None, force: bool) -> None:
    """Export everything as JSON, or the review packet as Markdown."""
    from careertui.outfile import OutputError, names_stream, write_output
    from careertui.store.export import export_text

    today = clock_today()
    text: str | bytes
    with open_store(ctx, write=False) as store:
        if fmt == "markdown":
            from careertui.domain.packet import render_packet
            from careertui.store.packets import review_packet

            packet = review_packet(store, today)  # what `careertui packet review` prints
            text = render_packet(packet)
            what = f"the review packet for {packet.start} to {packet.end}"
        elif fmt == "ics":
            from careertui.clock import now
            from careertui.ics import render_ics
            from careertui.store.calendar import calendar_events

            events = calendar_events(store, today)
            text = render_ics(events, now())  # bytes: CRLF lines as RFC 5545 has them
            what = f"a calendar of {len(events)} events"
        else:
            text, count = export_text(store)
            what = f"{count} records"
    try:
        write_output(out, text, force=force)
    except OutputError as exc:
        raise UserError(str(exc)) from None
    if not names_stream(out):
        say(f"Exported {what} to {escaped(out)}")


@click.command("import")
@click.argument("file", type=click.Path(dir_okay=False, allow_dash=True, path_type=Path))
@db_option
@click.pass_context
def import_(ctx: click.Context, file: Path) -> None:
    """Merge a careertui JSON export (by uuid) or a jrnl JSON export (entries become notes)."""
    from careertui.store.export import ExchangeError
    from careertui.store.importer import detect_format, import_data, load_json

    source = "standard input" if str(file) == "-" else str(file)
    try:
        raw = sys.stdin.buffer.read() if str(file) == "-" else file.read_bytes()
    except OSError as exc:
        raise UserError(f"cannot read {source}: {exc.strerror or exc}") from None
    except (AttributeError, ValueError):  # sys.stdin is None: standard input was closed
        raise UserError("cannot read standard input: it is closed") from None
    today = clock_today()
    try:
        data = load_json(raw, source)
        detect_format(data, source)  # before the file is opened, so a refusal creates nothing
        with open_store(ctx) as store:
            result = import_data(store, data, today, source=source)
    except ExchangeError as exc:
        raise UserError(str(exc)) from None
    added, updated, unchanged = (result.total(o) for o in ("added", "updated", "unchanged"))
    if result.format == "jrnl":
        say(
            f"Imported {escaped(source)} (jrnl export): {added} notes added, "
            f"{unchanged} already there."
        )
    else:
        say(
            f"Imported {escaped(source)} (careertui export): {added} added, {updated} updated, "
            f"{unchanged} unchanged."
        )


@click.command("demo")
@db_option
@click.pass_context
def demo(ctx: click.Context) -> None:
    """Fill a new or empty file with a realistic year of sample data, to explore."""
    import shlex

    from careertui.clock import now
    from careertui.demo import fill_demo
    from careertui.domain.records import KINDS
    from careertui.store.export import ExchangeError

    today = clock_today()
    path = db_path(ctx)
    if path.exists():
        # Looked at read-only first: opening an older file for writing would migrate it.
        with open_store(ctx, write=False) as store:
            if any(store.count(kind) for kind in KINDS):
                raise UserError(
                    f"{path} already has data; the demo only fills a new file (try --db demo.db)"
                )
    try:
        with open_store(ctx) as store:
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
    say(f"Filled {escaped(path)} with a year of sample data up to {today}: {shown}.")
    say(f"Open it with: careertui --db {escaped(shlex.quote(str(path)))}")
