"""`careertui list | show | edit | delete`: read, change and remove what `add` wrote.

A record is named by its id (`12`, `#12`) or by its name or title, matched as names are
everywhere (careertui/domain/names.py). `edit KIND` has one option per field of the record's
description (domain/records.py), checked by the same `validate` as `add`.
"""

from __future__ import annotations

from typing import Any, cast

import click

from careertui.cli import capture
from careertui.cli.base import (
    NAMED_KINDS,
    CareerGroup,
    UserError,
    clean,
    clock_today,
    db_option,
    name_free,
    open_store,
    say,
)
from careertui.cli.complete import names
from careertui.domain.records import KINDS, Field
from careertui.domain.text import json_safe_dumps, one_line

KIND_WORDS = {
    "wins": "win",
    "notes": "note",
    "contacts": "contact",
    "interactions": "interaction",
    "goals": "goal",
    "actions": "action",
    "responsibilities": "responsibility",
    "requirements": "requirement",
    "reviews": "review",
    "checks": "checkin",
    "checkins": "checkin",
    "perceptions": "perception",
    "security": "security",
}
"""What the commands call each kind (plural, as `list wins` reads); the singular works too."""
KIND_WORDS.update({kind: kind for kind in set(KIND_WORDS.values())})
SHOWN_KINDS = sorted(k for k in KIND_WORDS if k not in KIND_WORDS.values() or k == "security")


class KindChoice(click.Choice[str]):
    """A kind by its plural or singular word, as the kind's name in KINDS."""

    name = "kind"

    def __init__(self) -> None:
        super().__init__(SHOWN_KINDS, case_sensitive=False)

    def convert(self, value: Any, param: Any, ctx: Any) -> str:
        word = str(value).strip().lower()
        if word in KIND_WORDS:
            return KIND_WORDS[word]
        return KIND_WORDS[super().convert(value, param, ctx)]


def complete_record(ctx: click.Context, _param: click.Parameter, incomplete: str) -> list[Any]:
    """Names of the kind the command is about: its KIND argument, or `edit KIND`'s name."""
    kind = KIND_WORDS.get(str(ctx.params.get("kind") or ctx.command.name or "").lower(), "")
    return names(ctx, kind, incomplete, every=True) if kind else []


def resolve(store: Any, kind: str, text: str, *, every: bool = False) -> dict[str, Any]:
    """The record `text` names: an id (`12`, `#12`) or its name, matched as names are.
    `every`: among all records of the kind (a milestone too, for `show goal`), not only those
    a link may name (a win's goal, a milestone's parent)."""
    from careertui.store import NotFound

    wanted = (clean(text) or "").strip()
    if wanted.lstrip("#").isdigit():
        row = store.get(kind, int(wanted.lstrip("#")))
        if row is None:
            raise NotFound(f"no {KINDS[kind].label.lower()} with id {wanted.lstrip('#')}")
        return dict(row)
    return dict(store.find(kind, wanted, where="" if every else NAMED_KINDS.get(kind, "")))


def _ref_names(store: Any, kind: str) -> dict[str, dict[int, str]]:
    """Names of the records this kind refers to, by referred kind and id."""
    refs = {f.ref for f in KINDS[kind].fields if f.type == "ref" and f.ref}
    return {ref: dict(store.names(ref)) for ref in refs}


def title(kind: str, row: dict[str, Any], refs: dict[str, dict[int, str]]) -> str:
    """What a person calls the record: a win's title, a note's first line, an interaction's
    contact and first line, a check-in's action."""
    spec = KINDS[kind]
    text = str(row.get(spec.title_field) or "").strip()
    first = text.splitlines()[0] if text else ""
    if kind == "interaction":
        return f"{refs['contact'].get(row['contact_id'], '?')}: {first}".rstrip(": ")
    if kind == "checkin":
        skip = " (skip)" if row.get("skip") else ""
        return f"{refs['action'].get(row['action_id'], '?')}{skip}" + (
            f": {first}" if first else ""
        )
    if kind in ("perception", "security"):
        scores = ", ".join(
            f"{f.name.replace('_', ' ')} {row[f.name]}" for f in spec.fields if f.type == "int"
        )
        return scores + (f": {first}" if first else "")
    return first


def _day(kind: str, row: dict[str, Any]) -> str:
    spec = KINDS[kind]
    return str(row.get(spec.date_field) or "") if spec.date_field else ""


@click.command("list")
@click.argument("kind", type=KindChoice())
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.option("--limit", type=click.IntRange(1, 100_000), default=50, show_default=True)
@click.option("--since", metavar="DATE", help="Only records on or after DATE (any date form).")
@db_option
@click.pass_context
def list_(ctx: click.Context, kind: str, as_json: bool, limit: int, since: str | None) -> None:
    """Records of one kind, newest first, one a line with its id."""
    from careertui.domain.dates import PAST, DateError, parse_date

    try:
        start = parse_date(clean(since) or "", clock_today(), direction=PAST) if since else None
    except DateError as exc:
        raise UserError(f"--since: {exc}") from None
    found: list[dict[str, Any]] = []
    with open_store(ctx, write=False) as store:
        offset = 0
        while len(found) < limit:
            page = store.rows(kind, limit=limit, offset=offset)
            offset += len(page)
            for row in page:
                day = _day(kind, row) or str(row.get("created_at") or "")[:10]
                if start is not None and day < start.isoformat():
                    page = []  # newest first: the rest are older still
                    break
                found.append(dict(row))
            if len(page) < limit:
                break
        found = found[:limit]
        refs = _ref_names(store, kind)
    if as_json:
        click.echo(json_safe_dumps(found))
        return
    if not found:
        say(f"No {KINDS[kind].plural or KINDS[kind].label.lower() + 's'} yet.")
        return
    for row in found:
        day = _day(kind, row)
        say(f"#{row['id']:<6} {day + '  ' if day else ''}{one_line(title(kind, row, refs), 90)}")


@click.command("show")
@click.argument("kind", type=KindChoice())
@click.argument("record", metavar="ID_OR_NAME", shell_complete=complete_record)
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@db_option
@click.pass_context
def show(ctx: click.Context, kind: str, record: str, as_json: bool) -> None:
    """One record, every field."""
    with open_store(ctx, write=False) as store:
        row = resolve(store, kind, record, every=True)
        refs = _ref_names(store, kind)
    if as_json:
        click.echo(json_safe_dumps(row))
        return
    spec = KINDS[kind]
    say(f"{spec.label} #{row['id']}")
    for field in spec.fields:
        value = row.get(field.name)
        if field.type == "ref" and field.ref and value is not None:
            value = f"{refs[field.ref].get(value, '?')} (#{value})"
        elif field.type == "bool":
            value = "yes" if value else "no"
        if value in (None, ""):
            continue
        lines = str(value).splitlines() or [""]
        say(f"  {field.title}: {lines[0]}")
        for more in lines[1:]:
            say(f"    {more}")
    say(
        f"  Written: {row.get('created_at')}"
        + (f", changed {row['updated_at']}" if row.get("updated_at") else "")
    )


def _option_name(field: Field) -> str:
    base = field.name.removesuffix("_id") if field.type == "ref" else field.name
    return "--" + base.replace("_", "-")


ALIASES = {"responsibility_id": ("--resp",), "follow_up_days": ("--every",), "tags": ("--tag",)}
"""The names `add` gives these options, accepted by `edit` too (`--tag` repeatable, as there)."""


def _edit_command(kind: str) -> click.Command:
    spec = KINDS[kind]

    @click.pass_context
    def edit_kind(ctx: click.Context, /, record: str, **given: Any) -> None:
        values: dict[str, Any] = {}
        today = clock_today()
        with open_store(ctx) as store:
            row = resolve(store, kind, record, every=True)
            for field in spec.fields:
                raw = given.get(field.name)
                if isinstance(raw, tuple):  # a repeatable option: tags
                    raw = " ".join(raw) if raw else None
                if raw is None:
                    continue
                text = clean(raw) or ""
                if field.type == "ref" and field.ref:
                    values[field.name] = (
                        None if not text.strip() else resolve(store, field.ref, text)["id"]
                    )
                else:
                    values[field.name] = text
            if not values:
                raise UserError(
                    f"nothing to change: give a field, e.g. {_option_name(spec.fields[0])}"
                )
            new_name = values.get(spec.title_field)
            if (
                new_name is not None
                and str(new_name).strip().casefold() != str(row[spec.title_field]).casefold()
            ):
                name_free(store, kind, {**row, **values})
            store.update(kind, row["id"], values, today)
            after = store.get(kind, row["id"]) or {}
            refs = _ref_names(store, kind)
        shown = one_line(title(kind, dict(after), refs), 70)
        say(f"Changed {spec.label.lower()} #{row['id']}: {shown}")

    params: list[click.Parameter] = [
        click.Argument(["record"], metavar="ID_OR_NAME", shell_complete=complete_record)
    ]
    for field in spec.fields:
        what = {
            "ref": f"The {field.ref} (its name or id; '' clears it).",
            "date": "A date: " + _date_help(field),
            "bool": "yes or no.",
            "choice": " | ".join(field.choices) + ".",
            "tags": "Tags, space- or comma-separated, or --tag repeated (replaces the tags).",
        }.get(field.type, field.title + ".")
        flags = [_option_name(field), *ALIASES.get(field.name, ()), field.name]
        many = field.type == "tags"
        params.append(click.Option(flags, metavar="VALUE", help=what, multiple=many))
    command = click.Command(
        kind,
        callback=edit_kind,
        params=params,
        help=f"Change fields of a {spec.label.lower()}; the others are kept.",
    )
    return cast(click.Command, db_option(command))


def _date_help(field: Field) -> str:
    from careertui.domain.dates import FORMS, direction_hint

    return f"{FORMS} ({direction_hint(field.direction)})."


class EditGroup(CareerGroup):
    """`edit KIND`: KIND as `list` and `show` take it (plural or singular). Each kind's command
    is built when it is asked for: building all of them took ~3 ms of every command's start."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(set(KIND_WORDS.values()))

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        kind = KIND_WORDS.get(cmd_name.lower(), cmd_name)
        if kind not in self.commands and kind in KIND_WORDS.values():
            self.add_command(_edit_command(kind))
        return super().get_command(ctx, kind)


@click.group("edit", cls=EditGroup)
def edit() -> None:
    """Change a record: careertui edit KIND ID_OR_NAME --FIELD VALUE…"""


@click.command("delete")
@click.argument("kind", type=KindChoice())
@click.argument("record", metavar="ID_OR_NAME", shell_complete=complete_record)
@click.option("--yes", is_flag=True, help="Do not ask (needed when stdin is not a terminal).")
@db_option
@click.pass_context
def delete(ctx: click.Context, kind: str, record: str, yes: bool) -> None:
    """Delete a record; its text leaves the file. Asks first on a terminal. What the record
    owns goes with it (a contact's interactions, an action's check-ins, a goal's milestones):
    the question and the confirmation say how many."""
    from careertui.store.cascade import cascaded

    spec = KINDS[kind]
    with open_store(ctx) as store:
        row = resolve(store, kind, record, every=True)
        name = one_line(title(kind, row, _ref_names(store, kind)), 70)
        what = f"{spec.label.lower()} #{row['id']}: {name}"
        also = cascaded(store, kind, int(row["id"]))
        if also:
            what += f" (and its {', '.join(also)})"
        if not yes:
            if not capture.interactive():
                raise UserError(f"not deleted: {what}; stdin is not a terminal, so add --yes")
            if not click.confirm(f"Delete {what}?", default=False):
                raise UserError("not deleted")
        store.delete(kind, row["id"])
    say(f"Deleted {what}")
