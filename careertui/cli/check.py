"""`careertui check ACTION`: a check-in of a key action."""

from __future__ import annotations

import click

from careertui.cli.base import DATE_HELP, clean, clock_today, db_option, open_store, say
from careertui.cli.complete import complete_name
from careertui.domain.text import one_line


@click.command("check")
@click.argument("action", shell_complete=complete_name("action"))
@click.option("--date", "day", default="today", help=DATE_HELP)
@click.option("--skip", is_flag=True, help="Record a planned skip: it neither breaks nor counts.")
@click.option("--note")
@db_option
@click.pass_context
def check(ctx: click.Context, action: str, day: str, skip: bool, note: str | None) -> None:
    """Check in a key action (once a day; checking again updates it)."""
    today = clock_today()
    with open_store(ctx) as store:
        action_row = store.find("action", action)
        record_id, created = store.check_in(
            int(action_row["id"]), clean(day) or "today", today, skip=skip, note=clean(note)
        )
        row = store.get("checkin", record_id) or {}
    what = "Skipped" if skip else "Checked in"
    again = "" if created else " (updated)"
    say(f"{what} {one_line(action_row['title'], 70)} on {row.get('date')}{again}")
