"""The queries behind a contact's brief and the "tell them" list (domain.brief, domain.telling).

The wins considered are the review period's, dated up to today, as readiness counts them.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import TYPE_CHECKING, Any

from careertui.domain.readiness import KEY_INFLUENCES
from careertui.domain.telling import (
    Listener,
    TellThem,
    WinFact,
    interests,
    tell_them,
    worth_telling,
)
from careertui.store.readiness import profile_period

if TYPE_CHECKING:
    from careertui.store.store import Row, Store

TELL_THEM_SHOWN = 10


def period_wins(store: Store, today: date, *, measured: bool = False) -> list[WinFact]:
    """The wins of the review period up to today, with their responsibility and goal
    (`measured`: only those whose impact holds a digit)."""
    period = profile_period(store.conn, today)
    window = period.counted(today)
    if window is None:
        return []
    rows = store.query(
        "SELECT w.id, w.date, w.title, w.impact, w.responsibility_id, "
        "coalesce(r.title, '') AS responsibility, w.goal_id, coalesce(g.title, '') AS goal "
        "FROM wins w LEFT JOIN responsibilities r ON r.id = w.responsibility_id "
        "LEFT JOIN goals g ON g.id = w.goal_id WHERE w.date BETWEEN ? AND ? "
        + ("AND w.impact GLOB '*[0-9]*' " if measured else "")
        + "ORDER BY w.date DESC, w.id DESC",
        (window[0].isoformat(), window[1].isoformat()),
    )
    return [WinFact(**row) for row in rows]


def _win_facts(store: Store, ids: Iterable[int]) -> list[WinFact]:
    wanted = sorted(set(ids))
    if not wanted:
        return []
    marks = ", ".join("?" for _ in wanted)
    rows = store.query(
        "SELECT id, date, title, impact, responsibility_id, goal_id FROM wins "
        f"WHERE id IN ({marks})",
        wanted,
    )
    return [WinFact(**row) for row in rows]


def listeners(store: Store, people: list[Row]) -> list[Listener]:
    """What each contact has heard of (told links, and wins whose `shared_with` holds their
    name) and cares about (the subjects of those wins, and of the wins that mention them), in
    a few queries for all of them."""
    ids = [int(person["id"]) for person in people]
    if not ids:
        return []
    marks = ", ".join("?" for _ in ids)
    told: dict[int, set[int]] = {i: set() for i in ids}
    mentioning: dict[int, set[int]] = {i: set() for i in ids}
    for table, found in (("told", told), ("mentions", mentioning)):
        sql = (
            f'SELECT contact_id, win_id FROM "{table}" '
            f"WHERE win_id IS NOT NULL AND contact_id IN ({marks})"
        )
        for contact_id, win_id in store.conn.execute(sql, ids):
            found[int(contact_id)].add(int(win_id))
    shared = [
        (int(row[0]), str(row[1]).casefold())
        for row in store.conn.execute("SELECT id, shared_with FROM wins WHERE shared_with != ''")
    ]
    heard = {
        int(p["id"]): told[int(p["id"])]
        | {win for win, text in shared if str(p["name"]).strip().casefold() in text}
        for p in people
    }
    facts = {f.id: f for f in _win_facts(store, set().union(*heard.values(), *mentioning.values()))}
    return [
        Listener(
            int(p["id"]),
            str(p["name"]),
            str(p.get("influence") or "other"),
            int(p.get("knows_me") or 0),
            frozenset(heard[int(p["id"])]),
            interests(
                facts[w] for w in heard[int(p["id"])] | mentioning[int(p["id"])] if w in facts
            ),
            frozenset(mentioning[int(p["id"])]),
        )
        for p in people
    ]


def load_brief(store: Store, contact_id: int, today: date) -> dict[str, Any] | None:
    """The brief of one contact (domain.brief.build_brief), or None if there is no such."""
    from careertui.domain.brief import build_brief
    from careertui.store import agenda, mentions

    contact = store.get("contact", contact_id)
    if contact is None:
        return None
    (person,) = listeners(store, [contact])
    return build_brief(
        contact,
        today,
        interactions=store.query(
            "SELECT * FROM interactions WHERE contact_id = ? AND date <= ? "
            "ORDER BY date DESC, id DESC LIMIT 3",
            (contact_id, today.isoformat()),
        ),
        follow_ups=store.query(
            "SELECT id, follow_up, notes FROM interactions WHERE contact_id = ? "
            "AND follow_up IS NOT NULL AND done = 0 ORDER BY follow_up, id",
            (contact_id,),
        ),
        agenda=agenda.open_items(store, contact_id),
        shared=agenda.shared_wins(store, contact_id),
        to_tell=worth_telling(
            period_wins(store, today), person.heard, person.cares, person.mentioning
        ),
        mentions=mentions.mentions_of(store, contact_id),
    )


def tell_them_list(store: Store, today: date, *, limit: int = TELL_THEM_SHOWN) -> list[TellThem]:
    """Decision-makers and sponsors, each with the best measured win they have not heard of,
    best first."""
    marks = ", ".join("?" for _ in KEY_INFLUENCES)
    people = store.query(
        f"SELECT id, name, influence, knows_me FROM contacts WHERE influence IN ({marks})",
        KEY_INFLUENCES,
    )
    if not people:
        return []
    return tell_them(listeners(store, people), period_wins(store, today, measured=True))[:limit]


def tell_them_rows(store: Store, today: date, *, limit: int = 3) -> list[dict[str, Any]]:
    """The best `limit` of tell_them_list as plain rows (the dashboard's read is pickled from
    the process that makes it): contact_id, name, influence, win_id, title, impact."""
    return [
        {
            "contact_id": pair.contact_id,
            "name": pair.name,
            "influence": pair.influence,
            "win_id": pair.best.win.id,
            "title": pair.best.win.title,
            "impact": pair.best.win.impact,
        }
        for pair in tell_them_list(store, today, limit=limit)
    ]
