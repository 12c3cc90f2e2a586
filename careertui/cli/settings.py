"""`careertui set …`: settings kept in the journal (the review period, …)."""

from __future__ import annotations

import click

from careertui.cli.base import CareerGroup, clean, clock_today, db_option, open_store, say


@click.group("set", cls=CareerGroup)
def set_() -> None:
    """Set the review period."""


def _set_profile_date(ctx: click.Context, field: str, value: str, label: str) -> None:
    today = clock_today()
    with open_store(ctx) as store:
        store.set_profile({field: clean(value)}, today)
        say(f"{label}: {store.profile().get(field)}")


@set_.command("review-date")
@click.argument("day")
@db_option
@click.pass_context
def set_review_date(ctx: click.Context, day: str) -> None:
    """The date of your next performance review."""
    _set_profile_date(ctx, "review_date", day, "Review date")


@set_.command("review-start")
@click.argument("day")
@db_option
@click.pass_context
def set_review_start(ctx: click.Context, day: str) -> None:
    """The first day of the period your review covers."""
    _set_profile_date(ctx, "review_start", day, "Review period starts")
