"""`careertui agenda`, `brief` and `told`: preparing the next conversation with a contact."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import click

from careertui.cli.base import UserError, clock_today, db_option, open_store, say
from careertui.cli.complete import complete_name
from careertui.domain.text import from_shell, json_safe_dumps, one_line

if TYPE_CHECKING:
    from careertui.store.store import Store


def show_open(items: list[dict[str, object]], heading: str) -> None:
    """The open agenda items as numbered lines (the numbers `--discussed` takes)."""
    if not items:
        return
    say(heading)
    for n, item in enumerate(items, start=1):
        say(f"  {n}. {one_line(item['topic'], 90)}  (added {item['date']})")


@click.command("agenda")
@click.argument("name", shell_complete=complete_name("contact"))
@click.argument("topic", required=False)
@click.option("--all", "show_all", is_flag=True, help="Also list the items already discussed.")
@db_option
@click.pass_context
def agenda(ctx: click.Context, name: str, topic: str | None, show_all: bool) -> None:
    """Add TOPIC to raise with contact NAME next time; without TOPIC, list the open items.

    Logging an interaction with `--discussed N` (or the start of the topic) ticks an item off;
    the others carry over to the next conversation."""
    from careertui.store import agenda as items

    today = clock_today()
    with open_store(ctx, write=topic is not None) as store:
        contact = store.find("contact", from_shell(name))
        contact_id = int(contact["id"])
        if topic is not None:
            items.add_item(store, contact_id, from_shell(topic), today)
        open_now = items.open_items(store, contact_id)
        past = items.history(store, contact_id) if show_all else []
    who = contact.get("name", "")
    if topic is not None:
        added = open_now[-1]
        say(f"Added to {who}'s agenda: {len(open_now)}. {one_line(added['topic'], 80)}")
        return
    if not open_now:
        say(f"Nothing on {who}'s agenda. Add: careertui agenda {who!r} TOPIC")
    show_open(open_now, f"To raise with {who}:")
    if past:
        say("Discussed:")
        for item in past:
            say(f"  {item['discussed_on']}  {one_line(item['topic'], 80)} (added {item['date']})")


@click.command("brief")
@click.argument("name", shell_complete=complete_name("contact"))
@click.option("--json", "as_json", is_flag=True, help="Print JSON, for scripts.")
@db_option
@click.pass_context
def brief(ctx: click.Context, name: str, as_json: bool) -> None:
    """Everything to know before meeting contact NAME: who they are, when you last talked,
    what you discussed, open follow-ups, the agenda, and the wins they have (not) heard of."""
    from careertui.store.brief import load_brief

    today = clock_today()
    with open_store(ctx, write=False) as store:
        contact = store.find("contact", from_shell(name))
        result = load_brief(store, int(contact["id"]), today) or {}
    if as_json:
        click.echo(json_safe_dumps(result, indent=2))
        return
    from careertui.domain.brief import format_brief

    say(format_brief(result))


@click.command("told")
@click.argument("name", shell_complete=complete_name("contact"))
@click.argument("win", shell_complete=complete_name("win"))
@db_option
@click.pass_context
def told(ctx: click.Context, name: str, win: str) -> None:
    """Record that contact NAME has heard of WIN (its id, or the start of its title)."""
    from careertui.store.agenda import PickError, find_win, mark_told

    today = clock_today()
    with open_store(ctx) as store:
        contact = store.find("contact", from_shell(name))
        contact_id = int(contact["id"])
        try:
            row = find_win(store, from_shell(win))
        except PickError as exc:
            raise UserError(str(exc)) from None
        new = mark_told(store, contact_id, int(row["id"]), today)
    title = one_line(row["title"], 70)
    if new:
        say(f"Told {contact.get('name')} about win #{row['id']}: {title} (on {today})")
    else:
        say(f"{contact.get('name')} had heard of win #{row['id']} already: {title}")


def pick_discussed(
    store: Store, contact_id: int, discussed: tuple[str, ...]
) -> tuple[list[dict[str, Any]], list[int]]:
    """The contact's open agenda items and the ids of those `--discussed` names (a number
    from the list, or the start of a topic); bad picks are a UserError, before any write."""
    from careertui.store.agenda import PickError, open_items, pick_items

    items = open_items(store, contact_id)
    try:
        return items, pick_items(items, [from_shell(d) for d in discussed])
    except PickError as exc:
        raise UserError(str(exc)) from None


def report_agenda(items: list[dict[str, object]], ticked: list[int]) -> None:
    """After logging an interaction: what was ticked off, and what carries over."""
    for item in items:
        if item["id"] in ticked:
            say(f"  ticked off: {one_line(item['topic'], 80)}")
    show_open([i for i in items if i["id"] not in ticked], "Still on the agenda:")
