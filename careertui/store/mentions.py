"""`@Name` mentions stored as links: a note, a win or an interaction → the contacts it names.

The links are rows of `mentions` (contact id and entry id), so a renamed contact keeps them.
Store.insert and Store.update call `link_mentions` inside their write transaction: a mention
that names no contact, or several, refuses the whole write (ValidationError on the field).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from careertui.domain.kinds import MENTIONING
from careertui.domain.records import KINDS, ValidationError

if TYPE_CHECKING:
    from careertui.domain.mentions import MentionError
    from careertui.store.store import Row, Store


def contact_names(store: Store) -> list[tuple[int, str]]:
    """Every contact's id and name, the candidates of a mention."""
    return [(int(r[0]), str(r[1])) for r in store.conn.execute("SELECT id, name FROM contacts")]


def _resolved(
    texts: Mapping[str, str], contacts: list[tuple[int, str]]
) -> tuple[set[int], list[tuple[str, MentionError]]]:
    from careertui.domain.mentions import Mention, scan

    ids: set[int] = set()
    errors: list[tuple[str, MentionError]] = []
    for field, text in texts.items():
        for item in scan(text, contacts):
            if isinstance(item, Mention):
                ids.add(item.contact_id)
            else:
                errors.append((field, item))
    return ids, errors


def link_mentions(
    store: Store,
    kind: str,
    record_id: int,
    cleaned: Mapping[str, Any],
    before: Row | None = None,
) -> None:
    """Make the entry's links match its text, inside the caller's write transaction.

    `before` is the record before an edit: links its old text explains but the new text does
    not are removed; links it does not explain (its contact was renamed since) are kept; and a
    mention that names nobody is refused only when it is new (an old note about a contact who
    was deleted since can still be edited).
    """
    fields = MENTIONING.get(kind, ())
    if not any(field in cleaned for field in fields):
        return
    after = {f: str(cleaned.get(f, (before or {}).get(f)) or "") for f in fields}
    if before is None and not any("@" in text for text in after.values()):
        return  # a new entry without an @: nothing to link, nothing to read
    column = f"{kind}_id"
    existing = {
        int(row[0])
        for row in store.conn.execute(
            f'SELECT contact_id FROM mentions WHERE "{column}" = ?', (record_id,)
        )
    }
    if not existing and not any("@" in text for text in after.values()):
        return
    contacts = contact_names(store)
    wanted, errors = _resolved(after, contacts)
    old = {f: str((before or {}).get(f) or "") for f in fields}
    for field, error in errors:
        if f"@{error.typed}".casefold() not in old[field].casefold():
            raise ValidationError(field, f"{KINDS[kind].field(field).title}: {error}")
    if before is not None:
        explained, _ = _resolved(old, contacts)
        wanted |= existing - explained
    for contact_id in existing - wanted:
        store.conn.execute(
            f'DELETE FROM mentions WHERE "{column}" = ? AND contact_id = ?',
            (record_id, contact_id),
        )
    for contact_id in sorted(wanted - existing):
        store._insert_row(KINDS["mention"], {"contact_id": contact_id, column: record_id})


def mentions_of(store: Store, contact_id: int, *, limit: int = 50) -> list[Row]:
    """The entries that mention a contact, newest first: kind, id, date and text."""
    return store.query(
        "SELECT * FROM ("
        "SELECT 'note' AS kind, n.id, n.date, n.text AS text FROM mentions m "
        "JOIN notes n ON n.id = m.note_id WHERE m.contact_id = :c "
        "UNION ALL SELECT 'win', w.id, w.date, w.title || CASE WHEN w.impact != '' "
        "THEN ' (' || w.impact || ')' ELSE '' END FROM mentions m "
        "JOIN wins w ON w.id = m.win_id WHERE m.contact_id = :c "
        "UNION ALL SELECT 'interaction', i.id, i.date, o.name || ': ' || i.notes "
        "FROM mentions m JOIN interactions i ON i.id = m.interaction_id "
        "JOIN contacts o ON o.id = i.contact_id WHERE m.contact_id = :c AND i.contact_id != :c"
        ") ORDER BY date DESC, id DESC LIMIT :limit",
        {"c": contact_id, "limit": limit},
    )
