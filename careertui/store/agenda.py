"""Agenda items (what to raise with a contact next time) and wins told to a contact.

An agenda item is open until an interaction discusses it: it then keeps the day and the
interaction (its history); the open ones carry over to the next conversation. A "told" link
records that a contact has heard of a win.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from typing import TYPE_CHECKING, Any

from careertui.domain.names import candidates
from careertui.domain.records import KINDS, validate
from careertui.store.mentions import link_mentions

if TYPE_CHECKING:
    from careertui.store.store import Row, Store

SHOWN = 5
"""Candidates named when a choice is ambiguous."""


class PickError(LookupError):
    """A `--discussed` or WIN that names no item, or several; the message says which."""


def add_item(store: Store, contact_id: int, topic: str, today: date) -> int:
    return store.insert("agenda", {"contact_id": contact_id, "date": today, "topic": topic}, today)


def open_items(store: Store, contact_id: int) -> list[Row]:
    """A contact's open agenda items, oldest first: item N of the list is `--discussed N`."""
    return store.query(
        "SELECT * FROM agenda_items WHERE contact_id = ? AND discussed_on IS NULL "
        "ORDER BY date, id",
        (contact_id,),
    )


def history(store: Store, contact_id: int, *, limit: int = 50) -> list[Row]:
    """Agenda items already discussed, the latest first, with the interaction's channel."""
    return store.query(
        "SELECT a.*, i.channel FROM agenda_items a LEFT JOIN interactions i "
        "ON i.id = a.interaction_id WHERE a.contact_id = ? AND a.discussed_on IS NOT NULL "
        "ORDER BY a.discussed_on DESC, a.id DESC LIMIT ?",
        (contact_id, limit),
    )


def _listed(rows: Sequence[Row], key: str) -> str:
    shown = "; ".join(f"{n}. {row[key]}" for n, row in enumerate(rows[:SHOWN], start=1))
    return shown + (f"; and {len(rows) - SHOWN} more" if len(rows) > SHOWN else "")


def pick_items(items: Sequence[Row], picks: Iterable[str]) -> list[int]:
    """The ids of the open items named by `picks`: a number (the item's place in the open
    list, 1 = oldest) or the start of a topic (or of a word in it). Raises PickError."""
    chosen: list[int] = []
    for pick in picks:
        text = pick.strip()
        if not items:
            raise PickError(f"there are no open agenda items to tick off ({text!r})")
        if text.isdigit():
            n = int(text)
            if not 1 <= n <= len(items):
                raise PickError(
                    f"--discussed {text}: there is no open item {n}; the open items: "
                    + _listed(items, "topic")
                )
            chosen.append(int(items[n - 1]["id"]))
            continue
        found = candidates(text, [(int(r["id"]), str(r["topic"])) for r in items])
        if len(found) != 1:
            what = "matches several" if found else "matches none"
            raise PickError(
                f"--discussed {text!r} {what} of the open items: " + _listed(items, "topic")
            )
        chosen.append(found[0][0])
    return list(dict.fromkeys(chosen))


def log_interaction(
    store: Store, values: dict[str, Any], discussed: Sequence[int], today: date
) -> int:
    """Store an interaction and tick off the agenda items discussed in it, in one write."""
    cleaned = validate("interaction", values, today)
    with store.write():
        record_id = store._insert_row(KINDS["interaction"], cleaned)
        link_mentions(store, "interaction", record_id, cleaned)
        _tick(store, discussed, record_id)
    return record_id


def tick_off(store: Store, item_ids: Sequence[int], interaction_id: int) -> None:
    """Mark agenda items discussed in an interaction (logged already, as the TUI does)."""
    with store.write():
        _tick(store, item_ids, interaction_id)


def _tick(store: Store, item_ids: Sequence[int], interaction_id: int) -> None:
    """Inside the caller's write: the items of the interaction's contact take its date."""
    for item_id in item_ids:
        store.conn.execute(
            "UPDATE agenda_items SET discussed_on = i.date, interaction_id = i.id, updated_at = ? "
            "FROM interactions i WHERE i.id = ? AND agenda_items.id = ? "
            "AND agenda_items.contact_id = i.contact_id",
            (_stamp(), interaction_id, item_id),
        )


def _stamp() -> str:
    from careertui.clock import timestamp

    return timestamp()


# -- wins told ---------------------------------------------------------------------------------


def heard_of(store: Store, contact_id: int) -> set[int]:
    """The wins a contact has heard of: told links, and wins whose `shared_with` holds their
    name (ignoring case)."""
    from careertui.store.network import wins_shared_with

    told = {
        int(row[0])
        for row in store.conn.execute("SELECT win_id FROM told WHERE contact_id = ?", (contact_id,))
    }
    contact = store.get("contact", contact_id) or {}
    return told | {int(r["id"]) for r in wins_shared_with(store, str(contact.get("name", "")))}


def shared_wins(store: Store, contact_id: int, *, limit: int = 20) -> list[Row]:
    """The wins a contact has heard of, newest first, with the day told (if recorded)."""
    ids = heard_of(store, contact_id)
    if not ids:
        return []
    marks = ", ".join("?" for _ in ids)
    return store.query(
        f"SELECT w.id, w.date, w.title, w.impact, (SELECT max(t.date) FROM told t "
        f"WHERE t.win_id = w.id AND t.contact_id = ?) AS told_on FROM wins w "
        f"WHERE w.id IN ({marks}) ORDER BY w.date DESC, w.id DESC LIMIT ?",
        (contact_id, *ids, limit),
    )


def find_win(store: Store, text: str) -> Row:
    """A win by id, else by its title: exact, else the start of the title, else the start
    of a word in it (each step only if unique). Raises PickError."""
    wanted = text.strip()
    if wanted.isdigit():
        row = store.get("win", int(wanted))
        if row is None:
            raise PickError(f"no win with id {wanted}")
        return row
    folded = " ".join(wanted.split()).casefold()
    wins = [(int(r[0]), str(r[1])) for r in store.conn.execute("SELECT id, title FROM wins")]
    steps = (
        [w for w in wins if w[1].casefold() == folded],
        [w for w in wins if w[1].casefold().startswith(folded)],
        candidates(wanted, wins),
    )
    for found in steps:
        if len(found) == 1:
            return store.get("win", found[0][0]) or {}
        if len(found) > 1:
            shown = "; ".join(f"#{i} {title}" for i, title in found[:SHOWN])
            raise PickError(f"{len(found)} wins match {wanted!r}: {shown}; give the id")
    raise PickError(f"no win matches {wanted!r} (give its id: careertui search WORDS)")


def mark_told(store: Store, contact_id: int, win_id: int, today: date) -> bool:
    """Record that a contact has heard of a win; False when it was recorded already."""
    cleaned = validate("told", {"contact_id": contact_id, "win_id": win_id, "date": today}, today)
    with store.write() as conn:  # the look too: two marks at once make one link
        sql = "SELECT 1 FROM told WHERE contact_id = ? AND win_id = ?"
        if conn.execute(sql, (contact_id, win_id)).fetchone():
            return False
        store._insert_row(KINDS["told"], cleaned)
    return True
