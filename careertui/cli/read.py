"""`careertui search` and `careertui stats`: reading the journal."""

from __future__ import annotations

import sys

import click

from careertui.cli.base import UserError, clock_today, db_option, emit, open_store
from careertui.domain.text import from_shell, json_safe_dumps, one_line

MARKS = ("\ue000", "\ue001")
"""Where a match starts and ends in a search snippet (private-use characters: never text)."""


def marked(snippet: str, bold: bool) -> str:
    """A snippet on one line, safe to print, each match in bold on a terminal, else *so*."""
    start, end = ("\x1b[1m", "\x1b[22m") if bold else ("*", "*")
    parts = one_line(snippet, 160).replace(MARKS[1], MARKS[0]).split(MARKS[0])
    return "".join(part if n % 2 == 0 else f"{start}{part}{end}" for n, part in enumerate(parts))


@click.command("search")
@click.argument("query")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.option("--limit", type=click.IntRange(1, 10_000), default=50, show_default=True)
@db_option
@click.pass_context
def search(ctx: click.Context, query: str, as_json: bool, limit: int) -> None:
    """Full-text search over wins, notes, interactions, contacts and goals, newest first."""
    with open_store(ctx, write=False) as store:
        try:
            hits = store.search(
                from_shell(query), limit=limit, marks=("", "") if as_json else MARKS
            )
        except ValueError as exc:
            raise UserError(str(exc)) from None
    if as_json:
        click.echo(json_safe_dumps(hits))
        return
    if not hits:
        emit(f"No entries match {from_shell(query)!r}.")
        return
    bold = sys.stdout.isatty()
    for hit in hits:
        first = str(hit["title"] or "").strip().splitlines()[:1]
        title = one_line(first[0] if first else "", 80)
        click.echo(f"{hit['date'] or '':10}  {hit['kind']:<11} #{hit['id']:<5} {title}")
        click.echo(f"    {marked(str(hit['snippet'] or ''), bold)}")


@click.command("stats")
@click.option("--json", "as_json", is_flag=True, help="Print every figure as one JSON object.")
@db_option
@click.pass_context
def stats(ctx: click.Context, as_json: bool) -> None:
    """Streaks, key actions, review readiness and what is due."""
    from careertui.domain.stats import format_stats
    from careertui.store.stats import compute_stats

    today = clock_today()
    with open_store(ctx, write=False) as store:
        result = compute_stats(store, today)
    if as_json:
        click.echo(json_safe_dumps(result, indent=2))
    else:
        emit(format_stats(result))


@click.command(
    "status",
    context_settings={"ignore_unknown_options": True, "help_option_names": []},
    add_help_option=False,
)
@click.argument("args", nargs=-1, type=click.UNPROCESSED)
@click.pass_context
def status(ctx: click.Context, args: tuple[str, ...]) -> None:
    """One line for a shell prompt: what is due, the streak, the review, readiness.

    The `careertui` command answers it before loading this CLI (careertui/status.py)."""
    from careertui.status import main

    main(list(args), (ctx.find_root().obj or {}).get("db"))
