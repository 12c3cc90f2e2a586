"""`careertui set …`: settings kept in the journal (the review period, …)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import click

from careertui.cli.base import CareerGroup, clean, clock_today, db_option, open_store, say


@click.group("set", cls=CareerGroup)
def set_() -> None:
    """Set the review period, your roles, the weights of an opportunity's score."""


PROFILE_SETTINGS = (
    (
        "review-date",
        "day",
        "review_date",
        "Review date",
        "The date of your next performance review.",
    ),
    (
        "review-start",
        "day",
        "review_start",
        "Review period starts",
        "The first day of the period your review covers.",
    ),
    (
        "current-role",
        "role",
        "current_role",
        "Current role",
        "Your current role (Roadmap → Space).",
    ),
    (
        "target-role",
        "role",
        "target_role",
        "Target role",
        "The role you aim for next (Roadmap → Space).",
    ),
    (
        "target-salary",
        "salary",
        "target_salary",
        "Target salary",
        "Your target salary, as you would say it ('$150,000', '150k'): an opportunity's pay is "
        "weighed against it.",
    ),
    (
        "timeframe",
        "timeframe",
        "timeframe",
        "Timeframe",
        "Your roadmap's timeframe ('staff in 18 months'), shown beside an opportunity's.",
    ),
)
"""(command, its argument, the profile field it sets, the label of the answer, its help): one
`careertui set` command each."""


def _profile_setting(command: str, argument: str, field: str, label: str, help_: str) -> None:
    """Register `careertui set COMMAND ARGUMENT`: it stores ARGUMENT in the profile's `field`
    (validated as the forms do) and says what the field now holds."""

    @set_.command(command, help=help_)
    @click.argument(argument)
    @db_option
    @click.pass_context
    def set_profile_field(ctx: click.Context, /, **given: str) -> None:
        today = clock_today()
        with open_store(ctx) as store:
            store.set_profile({field: clean(given[argument])}, today)
            say(f"{label}: {store.profile().get(field)}")


for _setting in PROFILE_SETTINGS:
    _profile_setting(*_setting)


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
