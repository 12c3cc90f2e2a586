"""`careertui add KIND …`: capture an entry of any kind."""

from __future__ import annotations

from typing import Any

import click

from careertui.cli.base import (
    CI,
    DATE_HELP,
    CareerGroup,
    UserError,
    added,
    clean,
    clock_today,
    db_option,
    insert,
    lookup,
    name_free,
    open_store,
    say,
)
from careertui.cli.capture import (
    INTERACTION_TEMPLATE,
    NOTE_TEMPLATE,
    WIN_TEMPLATE,
    captured,
    title_and_notes,
)
from careertui.cli.complete import complete_name
from careertui.domain.records import CHANNELS, GOAL_KINDS, INFLUENCES, REQUIREMENT_STATUSES
from careertui.domain.text import from_shell


@click.group(cls=CareerGroup)
def add() -> None:
    """Capture an entry."""


@add.command("win")
@click.argument("title", required=False)
@click.option("--date", "day", default="today", help=DATE_HELP)
@click.option("--impact", help="The measured result: numbers beat adjectives.")
@click.option(
    "--resp",
    help="The responsibility (job description line) it delivers on.",
    shell_complete=complete_name("responsibility"),
)
@click.option("--goal", help="The goal it moves forward.", shell_complete=complete_name("goal"))
@click.option("--tag", "tags", multiple=True, help="A tag (repeatable).")
@click.option("--shared-with", help="Where or with whom it was shared.")
@click.option("--notes")
@click.option("--evidence", multiple=True, metavar="URL", help="A link or file path (repeatable).")
@click.option(
    "--req",
    "reqs",
    multiple=True,
    metavar="NAME",
    help="A target-role requirement (repeatable).",
    shell_complete=complete_name("requirement"),
)
@click.option("--situation", help="STAR: the situation or the stakes.")
@click.option("--action", help="STAR: what you did.")
@click.option("--result", help="STAR: what changed (the impact holds the number).")
@db_option
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
    evidence: tuple[str, ...],
    reqs: tuple[str, ...],
    situation: str | None,
    action: str | None,
    result: str | None,
) -> None:
    """A win: what you delivered, and its measured impact. Without TITLE (or with -) the win
    is read from standard input or written in $EDITOR: the first line is its title."""
    from careertui.domain.evidence import join_evidence
    from careertui.store.evidence import insert_win

    if title is None or title == "-":
        title, notes = title_and_notes(captured(title, "win", WIN_TEMPLATE), notes)
    today = clock_today()
    with open_store(ctx) as store:
        values = {
            "title": clean(title),
            "date": clean(day),
            "impact": clean(impact),
            "responsibility_id": lookup(store, "responsibility", resp),
            "goal_id": lookup(store, "goal", goal),
            "tags": [from_shell(t) for t in tags],
            "shared_with": clean(shared_with),
            "notes": clean(notes),
            "evidence": join_evidence(from_shell(e) for e in evidence),
            "situation": clean(situation),
            "action": clean(action),
            "result": clean(result),
        }
        requirements = [lookup(store, "requirement", name) for name in reqs]
        record_id = insert_win(store, values, [r for r in requirements if r], today)
        row = store.get("win", record_id) or {}
        evidenced = [(store.get("requirement", r) or {}).get("title", "") for r in requirements]
    added("win", record_id, row.get("title", ""), row.get("date"))
    if evidenced:
        say(f"  evidence for: {'; '.join(dict.fromkeys(evidenced))}")


@add.command("note")
@click.argument("text", required=False)
@click.option("--date", "day", default="today", help=DATE_HELP)
@click.option("--tag", "tags", multiple=True, help="A tag (repeatable).")
@db_option
@click.pass_context
def add_note(ctx: click.Context, text: str, day: str, tags: tuple[str, ...]) -> None:
    """A journal note. Without TEXT it is read from standard input (also with -) or written in
    $VISUAL/$EDITOR."""
    text = captured(text, "note", NOTE_TEMPLATE)
    values = {"text": clean(text), "date": clean(day), "tags": [from_shell(t) for t in tags]}
    record_id, row = insert(ctx, "note", values)
    added("note", record_id, row.get("text", ""), row.get("date"))


@add.command("contact")
@click.argument("name")
@click.option("--org")
@click.option("--role")
@click.option("--circle", help="The circle they move in (team, leadership, industry…).")
@click.option("--influence", type=click.Choice(INFLUENCES, **CI))
@click.option("--knows-me", type=int, help="How well they know your work, 0-3.")
@click.option("--every", "every", type=int, metavar="DAYS", help="Stay in touch every DAYS.")
@click.option("--notes")
@db_option
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
        "name": clean(name),
        "org": clean(org),
        "role": clean(role),
        "circle": clean(circle),
        "notes": clean(notes),
        "follow_up_days": every,
    }
    if influence:
        values["influence"] = influence
    if knows_me is not None:
        values["knows_me"] = knows_me
    record_id, row = insert(ctx, "contact", values)
    added("contact", record_id, row.get("name", ""))


@add.command("interaction")
@click.argument("name", shell_complete=complete_name("contact"))
@click.argument("text", required=False)
@click.option("--date", "day", default="today", help=DATE_HELP)
@click.option("--channel", type=click.Choice(CHANNELS, **CI))
@click.option("--follow-up", help="When to follow up (a weekday means the next one).")
@click.option("--learned", help="What you learned.")
@click.option("--gave", help="What you gave: it is a two-way street.")
@click.option(
    "--discussed",
    multiple=True,
    metavar="N|TOPIC",
    help="An agenda item discussed: its number or the start of its topic (repeatable).",
)
@db_option
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
    discussed: tuple[str, ...],
) -> None:
    """An interaction with an existing contact (a name, or the start of one of its words).
    Without TEXT (or with -) the notes come from standard input or $EDITOR. Lists the
    contact's open agenda items; `--discussed` ticks items off, the others carry over."""
    from careertui.cli.network import pick_discussed, report_agenda
    from careertui.store.agenda import log_interaction

    today = clock_today()
    with open_store(ctx) as store:
        values: dict[str, Any] = {
            "contact_id": lookup(store, "contact", name),
            "notes": clean(captured(text, "interaction", INTERACTION_TEMPLATE)),
            "date": clean(day),
            "follow_up": clean(follow_up),
            "learned": clean(learned),
            "gave": clean(gave),
        }
        if channel:
            values["channel"] = channel
        items, ticked = pick_discussed(store, values["contact_id"], discussed)
        record_id = log_interaction(store, values, ticked, today)
        row = store.get("interaction", record_id) or {}
        contact = store.get("contact", values["contact_id"]) or {}
    extra = f", follow up on {row['follow_up']}" if row.get("follow_up") else ""
    added(
        "interaction",
        record_id,
        f"{contact.get('name', '')}: {row.get('notes', '')}",  # as stored, not as typed
        f"{row.get('date')}{extra}",
    )
    report_agenda(items, ticked)


@add.command("goal")
@click.argument("title")
@click.option(
    "--kind",
    type=click.Choice(GOAL_KINDS, **CI),
    help="goal, milestone (needs --parent) or opportunity.",
)
@click.option(
    "--parent", help="The goal a milestone belongs to.", shell_complete=complete_name("goal")
)
@click.option("--due", help=DATE_HELP)
@click.option("--metric", help="How progress is measured.")
@click.option("--target", type=float, help="The number that means done.")
@click.option("--current", type=float, help="Where it stands now.")
@click.option("--notes")
@db_option
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
    today = clock_today()
    with open_store(ctx) as store:
        values = {
            "title": clean(title),
            "kind": kind,
            "due": clean(due),
            "metric": clean(metric),
            "target": target,
            "current": current,
            "notes": clean(notes),
            "parent_id": lookup(store, "goal", parent, where="kind != 'milestone'"),
        }
        name_free(store, "goal", values)
        record_id = store.insert("goal", values, today)
        row = store.get("goal", record_id) or {}
    due_text = f"due {row['due']}" if row.get("due") else None
    added(kind, record_id, row.get("title", ""), None)
    if due_text:
        say(f"  {due_text}")


@add.command("action")
@click.argument("title")
@click.option(
    "--cadence", required=True, help="daily, weekdays, weekly, weekly:N, monthly or monthly:N."
)
@click.option("--goal", help="The goal it serves.", shell_complete=complete_name("goal"))
@db_option
@click.pass_context
def add_action(ctx: click.Context, title: str, cadence: str, goal: str | None) -> None:
    """A key action you do every day, week or month."""
    today = clock_today()
    with open_store(ctx) as store:
        values = {
            "title": clean(title),
            "cadence": clean(cadence),
            "goal_id": lookup(store, "goal", goal),
        }
        name_free(store, "action", values)
        record_id = store.insert("action", values, today)
        row = store.get("action", record_id) or {}
    added("action", record_id, f"{row.get('title', '')} ({row.get('cadence')})")


@add.command("responsibility")
@click.argument("title")
@db_option
@click.pass_context
def add_responsibility(ctx: click.Context, title: str) -> None:
    """A line of your current job description."""
    record_id, row = insert(ctx, "responsibility", {"title": clean(title)})
    added("responsibility", record_id, row.get("title", ""))


@add.command("requirement")
@click.argument("title")
@click.option(
    "--status", type=click.Choice(REQUIREMENT_STATUSES, **CI), default="gap", show_default=True
)
@click.option("--plan", help="How you will close the gap.")
@db_option
@click.pass_context
def add_requirement(ctx: click.Context, title: str, status: str, plan: str | None) -> None:
    """A skill or responsibility of the role you want next."""
    values = {"title": clean(title), "status": status, "plan": clean(plan)}
    record_id, row = insert(ctx, "requirement", values)
    added("requirement", record_id, f"{row.get('title', '')} [{row.get('status')}]")


@add.command("perception")
@click.option("--behaviour", "--behavior", "behaviour", type=int, required=True, help="1-5")
@click.option("--language", type=int, required=True, help="1-5")
@click.option("--attitude", type=int, required=True, help="1-5")
@click.option("--date", "day", default="today", help=DATE_HELP)
@click.option("--q1", help="How must others perceive you to reach your current goal?")
@click.option("--q2", help="Is the way you are perceived bringing you closer or further?")
@click.option("--q3", help="Are your actions, interactions and words reinforcing or detracting?")
@click.option("--q4", help="What experience do you want to create for people?")
@click.option("--notes")
@db_option
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
        "date": clean(day),
        "q1": clean(q1),
        "q2": clean(q2),
        "q3": clean(q3),
        "q4": clean(q4),
        "notes": clean(notes),
    }
    record_id, row = insert(ctx, "perception", values)
    added(
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
@click.option("--date", "day", default="today", help=DATE_HELP)
@click.option("--notes")
@db_option
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
        "date": clean(day),
        "notes": clean(notes),
    }
    record_id, row = insert(ctx, "security", values)
    added(
        "security check",
        record_id,
        f"skills {skills}, performance {performance}, network {network}, "
        f"job search {job_search}, finances {finances}",
        row.get("date"),
    )
