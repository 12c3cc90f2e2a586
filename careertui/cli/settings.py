"""`careertui set …`: settings kept in the journal (the review period, …)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import click

from careertui.cli.base import CareerGroup, clean, clock_today, db_option, open_store, say


@click.group("set", cls=CareerGroup)
def set_() -> None:
    """Set the review period, your roles, the weights of an opportunity's score."""


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


@set_.command("current-role")
@click.argument("role")
@db_option
@click.pass_context
def set_current_role(ctx: click.Context, role: str) -> None:
    """Your current role (Roadmap → Space)."""
    _set_profile_date(ctx, "current_role", role, "Current role")


@set_.command("target-role")
@click.argument("role")
@db_option
@click.pass_context
def set_target_role(ctx: click.Context, role: str) -> None:
    """The role you aim for next (Roadmap → Space)."""
    _set_profile_date(ctx, "target_role", role, "Target role")


@set_.command("target-salary")
@click.argument("salary")
@db_option
@click.pass_context
def set_target_salary(ctx: click.Context, salary: str) -> None:
    """Your target salary, as you would say it ('$150,000', '150k'): an opportunity's pay is
    weighed against it."""
    _set_profile_date(ctx, "target_salary", salary, "Target salary")


@set_.command("timeframe")
@click.argument("timeframe")
@db_option
@click.pass_context
def set_timeframe(ctx: click.Context, timeframe: str) -> None:
    """Your roadmap's timeframe ('staff in 18 months'), shown beside an opportunity's."""
    _set_profile_date(ctx, "timeframe", timeframe, "Timeframe")


def _weight_options(fn: Callable[..., Any]) -> Callable[..., Any]:
    """An option per part of the score (the names come from the record kinds: importing the
    scoring module here would slow every command down)."""
    from careertui.domain.records import KINDS

    for part in reversed(KINDS["weights"].field_names):
        flag = part.replace("_", "-")
        fn = click.option(
            f"--{flag}", part, type=float, metavar="N", help=f"The weight of {flag}: 0-10."
        )(fn)
    return fn


@set_.command("weights")
@_weight_options
@click.option("--equal", is_flag=True, help="Every part weighs 1 again.")
@db_option
@click.pass_context
def set_weights(ctx: click.Context, /, equal: bool, **given: float | None) -> None:
    """The weights of an opportunity's score (0 leaves a part out; default: all equal, 1).
    Without options, shows them."""
    from careertui.domain.opportunities import FORMULA, PART_LABELS, PARTS
    from careertui.store import opportunities as opp

    values = {part: 1.0 for part in PARTS} if equal else {}
    values.update({part: value for part, value in given.items() if value is not None})
    today = clock_today()
    with open_store(ctx, write=bool(values)) as store:
        weights = opp.set_weights(store, values, today) if values else opp.weights(store)
    say("Score weights: " + ", ".join(f"{PART_LABELS[p].lower()} {weights[p]:g}" for p in PARTS))
    say(FORMULA + ".")
