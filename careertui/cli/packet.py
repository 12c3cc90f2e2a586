"""`careertui packet review|week|month`: the evidence written for one audience."""

from __future__ import annotations

from pathlib import Path

import click

from careertui.cli.base import CI, UserError, clock_today, db_option, open_store, say
from careertui.cli.complete import complete_name

PACKET_HELP = {
    "review": "the review period's wins by responsibility, with the evidence for the next role",
    "week": "this ISO week's wins, people seen, key actions and next week's focus",
    "month": "the calendar month's wins by goal and by responsibility",
}


@click.command("packet")
@click.argument("which", type=click.Choice(tuple(PACKET_HELP), **CI))
@click.option(
    "--out",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write to FILE (a new file, created 0600) instead of printing; - prints.",
)
@click.option("--force", is_flag=True, help="Replace FILE if it exists (never a database).")
@click.option(
    "--with",
    "with_name",
    metavar="NAME",
    help="Only the wins that involve a contact.",
    shell_complete=complete_name("contact"),
)
@click.option(
    "--redact", is_flag=True, help="Contacts named by their role; no notes, no evidence links."
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(("markdown", "html"), **CI),
    default="markdown",
    show_default=True,
    help="html: one self-contained page that prints well.",
)
@db_option
@click.pass_context
def packet(
    ctx: click.Context,
    which: str,
    out: Path | None,
    force: bool,
    with_name: str | None,
    redact: bool,
    fmt: str,
) -> None:
    """A packet for one audience: review (the annual review), week (a manager update) or
    month (a skip-level update). --with NAME makes it a peer-review packet."""
    from careertui.domain.text import from_shell
    from careertui.outfile import OutputError, names_stream, write_output
    from careertui.store.packets import build_packet

    which, fmt = which.lower(), fmt.lower()
    name = from_shell(with_name) if with_name is not None else None
    if name is not None and not name.strip():  # else a blank name would mean everyone
        raise click.UsageError("--with needs a contact's name")
    with open_store(ctx, write=False) as store:
        text = build_packet(store, which, clock_today(), with_name=name, redact=redact, fmt=fmt)
    try:
        write_output(out, text, force=force)
    except OutputError as exc:
        raise UserError(str(exc)) from None
    if not names_stream(out):
        say(f"Wrote the {which} packet ({fmt}) to {out}")
