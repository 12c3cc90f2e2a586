"""The packets for every audience, read from the store: `review` (the review period, by
responsibility, with the evidence for the next role), `week` (this ISO week: a manager update)
and `month` (the calendar month: a skip-level update); optionally only the wins that involve
one contact (a peer-review packet), and redacted (no contact named, no notes, no links).
"""

from __future__ import annotations

import os
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from careertui.domain.packet import (
    Packet,
    PacketRequirement,
    PacketWin,
    Writer,
    packet_win,
    render,
    review_blocks,
)
from careertui.domain.packet_period import (
    MonthPacket,
    PacketActionWeek,
    PacketSeen,
    WeekPacket,
    month_blocks,
    week_blocks,
)
from careertui.domain.redact import Person, Redactor
from careertui.store.connection import StoreError
from careertui.store.evidence import requirement_wins, requirements, wins_involving
from careertui.store.reviews import iso_week, split_focus, week_span

if TYPE_CHECKING:
    from careertui.store.store import Row, Store

PACKETS = ("review", "week", "month")
_WINS = (
    "SELECT w.*, r.title AS responsibility, g.title AS goal FROM wins w "
    "LEFT JOIN responsibilities r ON r.id = w.responsibility_id "
    "LEFT JOIN goals g ON g.id = w.goal_id WHERE w.date BETWEEN ? AND ? ORDER BY w.date, w.id"
)


def _keep(wins: tuple[PacketWin, ...], involved: set[int] | None) -> tuple[PacketWin, ...]:
    return wins if involved is None else tuple(w for w in wins if w.id in involved)


def review_packet(store: Store, today: date, contact: Row | None = None) -> Packet:
    """Today's review packet, with the requirements of the target role and their wins; with a
    contact, only the wins that involve them (and only them among the relationships)."""
    from careertui.store.packet_data import packet_data

    packet = packet_data(store, today)
    involved = None if contact is None else wins_involving(store, contact)
    linked: dict[int, list[PacketWin]] = {}
    for row in requirement_wins(store):
        linked.setdefault(int(row["requirement_id"]), []).append(packet_win(row))
    reqs = tuple(
        PacketRequirement(r["title"], r["status"], r["plan"] or "", tuple(linked.get(r["id"], ())))
        for r in requirements(store)
    )
    packet = replace(packet, requirements=reqs)
    if contact is None:
        return packet
    return replace(
        packet,
        responsibilities=tuple(
            replace(r, wins=_keep(r.wins, involved)) for r in packet.responsibilities
        ),
        unlinked_wins=_keep(packet.unlinked_wins, involved),
        requirements=tuple(replace(r, wins=_keep(r.wins, involved)) for r in reqs),
        relationships=tuple(c for c in packet.relationships if c.name == contact["name"]),
        audience=str(contact["name"]),
    )


def _roles(store: Store) -> tuple[str, str]:
    profile = store.profile()
    return profile.get("current_role") or "", profile.get("target_role") or ""


def _wins(store: Store, start: date, end: date, involved: set[int] | None) -> tuple[PacketWin, ...]:
    rows = store.query(_WINS, (start.isoformat(), end.isoformat()))
    return _keep(tuple(packet_win(r) for r in rows), involved)


def week_packet(store: Store, today: date, contact: Row | None = None) -> WeekPacket:
    """This ISO week's wins, people seen, key actions and next week's focus."""
    monday, sunday = week_span(today)
    last = min(sunday, today)
    involved = None if contact is None else wins_involving(store, contact)
    span = (monday.isoformat(), last.isoformat())
    people = store.query(
        "SELECT i.date, i.channel, i.notes, c.id AS contact_id, c.name, c.org, c.role "
        "FROM interactions i JOIN contacts c ON c.id = i.contact_id "
        "WHERE i.date BETWEEN ? AND ? ORDER BY i.date, i.id",
        span,
    )
    if contact is not None:
        people = [r for r in people if r["contact_id"] == contact["id"]]
    actions = store.query(
        "SELECT a.title, a.cadence, (SELECT count(*) FROM checkins c WHERE c.action_id = a.id "
        "AND c.skip = 0 AND c.date BETWEEN ? AND ?) AS done "
        "FROM actions a WHERE a.active = 1 ORDER BY a.id",
        span,
    )
    review = store.query_one("SELECT focus FROM reviews WHERE week = ?", (iso_week(today),))
    current, target = _roles(store)
    return WeekPacket(
        week=iso_week(today),
        start=monday,
        end=sunday,
        today=today,
        current_role=current,
        target_role=target,
        wins=_wins(store, monday, last, involved),
        people=tuple(
            PacketSeen(r["date"], r["channel"], r["name"], r["org"], r["role"], r["notes"])
            for r in people
        ),
        actions=tuple(PacketActionWeek(a["title"], a["cadence"], int(a["done"])) for a in actions),
        focus=tuple(f for f in split_focus(review["focus"] if review else "") if f),
        audience=str(contact["name"]) if contact is not None else "",
    )


def month_packet(store: Store, today: date, contact: Row | None = None) -> MonthPacket:
    """The calendar month's wins (up to today), by goal and by responsibility."""
    first = today.replace(day=1)
    end = (first + timedelta(days=32)).replace(day=1) - timedelta(days=1)
    involved = None if contact is None else wins_involving(store, contact)
    wins = _wins(store, first, min(end, today), involved)
    current, target = _roles(store)
    used = {w.responsibility for w in wins}
    return MonthPacket(
        start=first,
        end=end,
        today=today,
        current_role=current,
        target_role=target,
        wins=wins,
        goals=tuple(r["title"] for r in store.query("SELECT title FROM goals ORDER BY id")),
        responsibilities=tuple(
            r["title"]
            for r in store.query("SELECT title, active FROM responsibilities ORDER BY id")
            if r["active"] or r["title"] in used
        ),
        audience=str(contact["name"]) if contact is not None else "",
    )


def redactor(store: Store, active: bool) -> Redactor:
    """Every contact, to be named by role only (inactive: names kept)."""
    if not active:
        return Redactor((), active=False)
    people = store.query("SELECT name, org, role FROM contacts ORDER BY id")
    return Redactor([Person(r["name"], r["org"] or "", r["role"] or "") for r in people])


def build_packet(
    store: Store,
    which: str,
    today: date,
    *,
    with_name: str | None = None,
    redact: bool = False,
    fmt: str = "markdown",
) -> str:
    """The text of one packet (`review`, `week` or `month`) as Markdown or HTML. `with_name`
    names a contact (as everywhere: a unique prefix will do); NotFound/Ambiguous otherwise."""
    contact = store.find("contact", with_name) if with_name else None
    w = Writer(redactor(store, redact))
    data: Any
    if which == "week":
        data = week_packet(store, today, contact)
        return render(week_blocks(data, w), fmt)
    if which == "month":
        data = month_packet(store, today, contact)
        return render(month_blocks(data, w), fmt)
    return render(review_blocks(review_packet(store, today, contact), w), fmt)


PACKET_FILE = "careertui-{which}-packet-{day}.{ext}"


def save_packet(
    store: Store,
    today: date,
    folders: list[Path],
    which: str = "review",
    *,
    with_name: str | None = None,
    redact: bool = False,
    fmt: str = "markdown",
) -> Path:
    """Write a packet as a new 0600 file in the first folder that takes it (an earlier one of
    the same day is kept: the next free name) and return its path. Raises StoreError naming
    the last folder's problem when none takes it."""
    from careertui.outfile import OutputError, write_output

    text = build_packet(store, which, today, with_name=with_name, redact=redact, fmt=fmt)
    ext = "html" if fmt == "html" else "md"
    problem = "no folder to write to"
    for folder in folders:
        day = today.isoformat()
        path = Path(folder) / PACKET_FILE.format(which=which, day=day, ext=ext)
        for n in range(2, 100):
            if not os.path.lexists(path):
                break
            path = path.with_name(PACKET_FILE.format(which=which, day=f"{day}-{n}", ext=ext))
        try:
            write_output(path, text)
        except OutputError as exc:
            problem = str(exc)
            continue
        return path
    raise StoreError(problem)


class PacketExists(StoreError):
    """The file named for the packet exists: written only once the person confirms."""


def write_packet(
    store: Store,
    today: date,
    target: Path,
    which: str = "review",
    *,
    with_name: str | None = None,
    redact: bool = False,
    fmt: str = "markdown",
    force: bool = False,
    folder: bool = False,
) -> Path:
    """Write a packet where the person asked: into a folder (`target` is one, or `folder` says
    it is meant as one: made if missing), under the next free name; or as the file `target`,
    which is replaced only with `force` (else PacketExists). Returns the path written."""
    from careertui.outfile import OutputError, write_output
    from careertui.store.connection import make_private_dir

    if folder or target.is_dir():
        make_private_dir(target)
        return save_packet(
            store, today, [target], which, with_name=with_name, redact=redact, fmt=fmt
        )
    if os.path.lexists(target) and not force:
        raise PacketExists(f"{target} exists")
    text = build_packet(store, which, today, with_name=with_name, redact=redact, fmt=fmt)
    try:
        write_output(target, text, force=force)
    except OutputError as exc:
        raise StoreError(str(exc)) from None
    return target
