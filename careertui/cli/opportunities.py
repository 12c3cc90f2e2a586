"""`careertui weigh`, `compare` and `decide`: weighing opportunities and remembering why.

`careertui set weights` (the score's weights) is in settings.py with the other settings.
"""

from __future__ import annotations

import sys
from typing import Any

import click

from careertui.cli.base import CI, clean, clock_today, db_option, open_store, say
from careertui.cli.complete import complete_name
from careertui.domain.records import DECISIONS, SECURITY_PILLARS

FIT_HELP = "1-5: how it fits the {} you want (Roadmap → Space)."


def _pillar_options(fn: Any) -> Any:
    for pillar in reversed(SECURITY_PILLARS):
        flag = pillar.replace("_", "-")
        label = pillar.replace("_", " ")
        fn = click.option(f"--why-{flag}", f"why_{pillar}", metavar="TEXT", help=f"Why ({label}).")(
            fn
        )
        fn = click.option(
            f"--{flag}", pillar, type=int, metavar="±N", help=f"-2..+2: what it does to {label}."
        )(fn)
    return fn


def _fit_options(fn: Any) -> Any:
    for part in ("activities", "problems", "function", "domain"):
        fn = click.option(f"--{part}", type=int, metavar="N", help=FIT_HELP.format(part))(fn)
    return fn


def _print_assessment(store: Any, goal: dict[str, Any]) -> None:
    """One opportunity's assessment, a line per part beside the person's own words, then the
    score with its weights and formula, what it leaves out, and the latest decision."""
    import textwrap

    from careertui.domain.opportunities import (
        FORMULA,
        assessment_lines,
        missing_text,
        score,
        weights_text,
    )
    from careertui.domain.text import one_line
    from careertui.store import opportunities as opp

    assessment = opp.assessment_of(store, goal["id"])
    space = opp.space(store)
    weights = opp.weights(store)
    say(f"{one_line(goal['title'], 70)} (#{goal['id']}, {goal['status']})")
    for label, value, beside in assessment_lines(assessment, space):
        say(f"  {label:<11} {one_line(value, 24):<10} {one_line(beside, 50)}".rstrip())
    result = score(assessment, weights, space["target_pay"])
    shown = "—" if result.value is None else f"{result.value}/100"
    say(f"  Score       {shown} (weights: {weights_text(weights)})")
    # 80 columns, like the rest of the printout (at 88 the formula left "1)" on a line of its own)
    say(textwrap.fill(f"({FORMULA})", 80, initial_indent="  ", subsequent_indent="   "))
    if missing := missing_text(result, space["target_pay"]):
        say(textwrap.fill(missing, 80, initial_indent="  ", subsequent_indent="    "))
    for decision in opp.decisions_of(store, goal["id"])[:1]:
        why = f": {one_line(decision['why'], 60)}" if decision["why"] else ""
        say(f"  Decision    {decision['choice']} on {decision['date']}{why}")
        if decision["looking_back"]:
            say(f"  Looking back ({decision['looked_back']}): {one_line(decision['looking_back'])}")


@click.command("weigh")
@click.argument("opportunity", shell_complete=complete_name("goal"))
@_pillar_options
@_fit_options
@click.option("--pay", metavar="AMOUNT", help="What it pays a year: 120000, 120k, '$120,000'.")
@click.option("--timeframe", metavar="TEXT", help="When it would start, how long it runs.")
@click.option("--notes", metavar="TEXT")
@db_option
@click.pass_context
def weigh(ctx: click.Context, /, opportunity: str, pay: str | None, **parts: Any) -> None:
    """Assess an opportunity (a goal of kind opportunity): what it does to each security pillar
    (-2..+2, with --why-PILLAR reasons), how it fits your space (1-5), pay, timeframe, notes.
    Weighing again changes only what is given; without options, shows the assessment."""
    from careertui.store import opportunities as opp

    values = {name: clean(v) if isinstance(v, str) else v for name, v in parts.items()}
    values = {name: v for name, v in values.items() if v is not None}
    if pay is not None:  # read (120k, $120,000) and checked with the assessment's fields
        values["pay"] = clean(pay)
    today = clock_today()
    with open_store(ctx, write=bool(values)) as store:
        goal = opp.find_opportunity(store, clean(opportunity) or "")
        if values:
            _, created = opp.save_assessment(store, goal["id"], values, today)
            say(f"{'Weighed' if created else 'Updated the assessment of'} #{goal['id']}.")
        _print_assessment(store, goal)


def _paint(text: str, level: str) -> str:
    colour = {"good": "green", "fair": "yellow", "poor": "red"}.get(level)
    return click.style(text, fg=colour) if colour else text


@click.command("compare")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.option("--all", "everything", is_flag=True, help="Decided opportunities too.")
@db_option
@click.pass_context
def compare(ctx: click.Context, as_json: bool, everything: bool) -> None:
    """Open opportunities side by side: the pillars and the fit, the best of each row marked
    with ★, the weighted score last."""
    import shutil
    import textwrap

    from careertui.domain import opportunities as weighing
    from careertui.domain.text import one_line
    from careertui.store import opportunities as opp

    with open_store(ctx, write=False) as store:
        found = opp.opportunities(store, everything=everything)
        space = opp.space(store)
        weights = opp.weights(store)
    target_pay = space["target_pay"]
    table = weighing.compare([(o["title"], o["assessment"]) for o in found], weights, target_pay)
    if as_json:
        from careertui.domain.text import json_safe_dumps

        click.echo(json_safe_dumps(_json(found, table, space, weights), indent=2))
        return
    if not found:
        say("No open opportunities. Add one: careertui add goal TITLE --kind opportunity")
        return
    width = shutil.get_terminal_size((80, 24)).columns
    for line in weighing.format_comparison(_safe(table), width, _paint):
        click.echo(line)
    say(f"\n{weighing.BEST} best in its row. Weights: {weighing.weights_text(weights)}.")
    say(textwrap.fill(weighing.FORMULA + ".", width))
    for o, result in zip(found, table.scores, strict=True):
        if note := weighing.missing_text(result, target_pay):
            say(textwrap.fill(f"{one_line(o['title'])}: {note}", width, subsequent_indent="  "))


def _safe(table: Any) -> Any:
    """The table with every user text (titles, timeframes) made safe for the terminal first:
    the cells are painted after, so `say` cannot clean them."""
    import dataclasses

    from careertui.domain.text import one_line

    rows = tuple(
        dataclasses.replace(
            row, cells=tuple(dataclasses.replace(c, text=one_line(c.text)) for c in row.cells)
        )
        for row in table.rows
    )
    return dataclasses.replace(table, titles=tuple(one_line(t) for t in table.titles), rows=rows)


def _json(
    found: list[dict[str, Any]], table: Any, space: dict[str, Any], weights: dict[str, float]
) -> dict[str, Any]:
    """`compare --json`: the formula, weights and space once, then per opportunity its raw
    parts and reasons, the score with the parts it counted and missed, and the rows it is
    best in."""
    from careertui.domain.opportunities import FORMULA, PARTS

    best = {i: [row.part for row in table.rows if row.cells[i].best] for i in range(len(found))}
    return {
        "formula": FORMULA,
        "weights": weights,
        "target_salary": space["target_salary"],
        "timeframe": space["timeframe"],
        "opportunities": [
            {
                "id": o["id"],
                "title": o["title"],
                "status": o["status"],
                "decision": o["decision"]["choice"] if o["decision"] else None,
                "parts": {p: (o["assessment"] or {}).get(p) for p in PARTS},
                "why": {p: (o["assessment"] or {}).get(f"why_{p}") or "" for p in SECURITY_PILLARS},
                "timeframe": (o["assessment"] or {}).get("timeframe") or "",
                "notes": (o["assessment"] or {}).get("notes") or "",
                "score": result.value,
                "counted": list(result.counted),
                "missing": list(result.missing),
                "best": best[i],
            }
            for i, (o, result) in enumerate(zip(found, table.scores, strict=True))
        ],
    }


def _interactive() -> bool:
    return sys.stdin.isatty() and sys.stdout.isatty()


def _after_accepting(ctx: click.Context, goal: dict[str, Any]) -> None:
    """Accepting moves the pillars and the roles: on a terminal, offer to update the profile
    and to start a security check; otherwise print the commands that would."""
    import shlex

    from careertui.store import opportunities as opp

    today = clock_today()
    with open_store(ctx) as store:
        space = opp.space(store)
    title = str(goal["title"])
    if not _interactive():
        say("Accepting moves things. When you are ready:")
        say(f"  careertui set current-role {shlex.quote(title)}")
        say("  careertui set target-role 'THE ROLE YOU AIM FOR NEXT'")
        say(
            "  careertui add security --skills N --performance N --network N "
            "--job-search N --finances N   (your pillars just moved)"
        )
        return
    if click.confirm("Update your profile (current role, target role)?", default=True):
        current = click.prompt("Current role", default=title)
        target = click.prompt("Target role", default=space["target_role"] or "", show_default=True)
        with open_store(ctx) as store:
            store.set_profile({"current_role": clean(current), "target_role": clean(target)}, today)
        say("Profile updated.")
    if click.confirm("Start a security check now (your pillars just moved)?", default=True):
        values: dict[str, Any] = {"date": today}
        for pillar in SECURITY_PILLARS:
            values[pillar] = click.prompt(
                f"{pillar.replace('_', ' ').capitalize()} (1-5)", type=click.IntRange(1, 5)
            )
        with open_store(ctx) as store:
            record_id = store.insert("security", values, today)
        say(f"Added security check #{record_id}.")


@click.command("decide")
@click.argument("opportunity", shell_complete=complete_name("goal"))
@click.argument("choice", required=False, type=click.Choice(DECISIONS, **CI))
@click.option("--why", metavar="TEXT", help="The reason, kept with the date.")
@click.option(
    "--looking-back",
    metavar="TEXT",
    help="How the choice turned out (asked 90 days after accepting or declining).",
)
@db_option
@click.pass_context
def decide(
    ctx: click.Context,
    opportunity: str,
    choice: str | None,
    why: str | None,
    looking_back: str | None,
) -> None:
    """Record a decision on an opportunity (pursuing, declined, accepted, dropped) with its
    reason; 90 days after accepting or declining, `careertui stats` and the weekly review ask how
    it turned out: answer with --looking-back TEXT."""
    from careertui.domain.due import LOOK_BACK_DAYS, LOOKED_BACK_ON
    from careertui.store import opportunities as opp

    if (choice is None) == (looking_back is None):
        raise click.UsageError(
            "give a decision (pursuing, declined, accepted, dropped) or --looking-back"
        )
    if choice is not None and not (why or "").strip():
        raise click.UsageError("--why is required: the reason is what you will want to remember")
    today = clock_today()
    with open_store(ctx) as store:
        goal = opp.find_opportunity(store, clean(opportunity) or "")
        if looking_back is not None:
            opp.look_back(store, goal["id"], clean(looking_back) or "", today)
            say(f"Looked back on {goal['title']} (#{goal['id']}).")
            return
        choice = (choice or "").lower()
        opp.decide(store, goal["id"], choice, clean(why) or "", today)
    from datetime import timedelta

    say(f"Decided: {choice} {goal['title']} (#{goal['id']}) on {today.isoformat()}.")
    if choice in LOOKED_BACK_ON:
        later = (today + timedelta(days=LOOK_BACK_DAYS)).isoformat()
        say(f"On {later} you will be asked how the choice turned out.")
    if choice == "accepted":
        _after_accepting(ctx, goal)
