"""The queries behind a contact's brief and the "tell them" list (domain.brief, domain.telling).

The wins considered are the review period's, dated up to today, as readiness counts them.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import TYPE_CHECKING, Any

from careertui.domain.readiness import KEY_INFLUENCES, review_period
from careertui.domain.telling import (
    Listener,
    TellThem,
    WinFact,
    interests,
    tell_them,
    worth_telling,
)

if TYPE_CHECKING:
    from careertui.store.store import Row, Store

TELL_THEM_SHOWN = 10


def _date(value: Any) -> date | None:
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        return None


def period_wins(store: Store, today: date) -> list[WinFact]:
    """The wins of the review period up to today, with their responsibility and goal."""
    profile = store.profile()
    period = review_period(
        _date(profile.get("review_start")), _date(profile.get("review_date")), today
    )
    window = period.counted(today)
    if window is None:
        return []
    rows = store.query(
        "SELECT w.id, w.date, w.title, w.impact, w.responsibility_id, "
        "coalesce(r.title, '') AS responsibility, w.goal_id, coalesce(g.title, '') AS goal "
        "FROM wins w LEFT JOIN responsibilities r ON r.id = w.responsibility_id "
        "LEFT JOIN goals g ON g.id = w.goal_id WHERE w.date BETWEEN ? AND ? "
        "ORDER BY w.date DESC, w.id DESC",
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


def _mentioning(store: Store, contact_id: int) -> set[int]:
    sql = "SELECT win_id FROM mentions WHERE contact_id = ? AND win_id IS NOT NULL"
    return {int(row[0]) for row in store.conn.execute(sql, (contact_id,))}


def listener(store: Store, contact: Row) -> Listener:
    """What a contact has heard of and cares about (the subjects of those wins, and of the
    wins that mention them)."""
    from careertui.store.agenda import heard_of

    heard = heard_of(store, int(contact["id"]))
    mentioning = _mentioning(store, int(contact["id"]))
    return Listener(
        int(contact["id"]),
        str(contact["name"]),
        str(contact.get("influence") or "other"),
        int(contact.get("knows_me") or 0),
        frozenset(heard),
        interests(_win_facts(store, heard | mentioning)),
        frozenset(mentioning),
    )


def load_brief(store: Store, contact_id: int, today: date) -> dict[str, Any] | None:
    """The brief of one contact (domain.brief.build_brief), or None if there is no such."""
    from careertui.domain.brief import build_brief
    from careertui.store import agenda, mentions

    contact = store.get("contact", contact_id)
    if contact is None:
        return None
    person = listener(store, contact)
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
    wins = period_wins(store, today)
    return tell_them([listener(store, person) for person in people], wins)[:limit]
