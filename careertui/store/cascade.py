"""What deleting a record takes with it: the rows of other kinds that name it through a link
that cascades (a contact's interactions and agenda items, an action's check-ins, a goal's
milestones), read from the file's own foreign keys, so a delete can say so before it runs."""

from __future__ import annotations

from careertui.domain.records import KINDS

TYPE_CHECKING = False
if TYPE_CHECKING:
    from careertui.store import Store


LINKS = frozenset({"mention", "told", "win_requirement"})
"""Kinds that only link two records: the link goes with either, which is no news to say."""


def _count(count: int, kind_name: str, parent: str) -> str:
    if kind_name == parent == "goal":
        return f"{count} milestone" + ("" if count == 1 else "s")
    kind = KINDS[kind_name]
    if count == 1:
        return f"1 {kind.label.lower()}"
    return f"{count} {(kind.plural or kind.label + 's').lower()}"


def cascaded(store: Store, kind_name: str, record_id: int) -> list[str]:
    """'17 interactions', '2 agenda items'…: what else deleting the record deletes (not the
    rows those delete in turn, nor LINKS), in the order of KINDS; kinds without one left out."""
    table = KINDS[kind_name].table
    found = []
    for other in KINDS.values():
        if other.name in LINKS:
            continue
        links = store.conn.execute(f'PRAGMA foreign_key_list("{other.table}")').fetchall()
        columns = [fk[3] for fk in links if fk[2] == table and str(fk[6]).upper() == "CASCADE"]
        if not columns:
            continue
        where = " OR ".join(f'"{column}" = ?' for column in columns)
        sql = f'SELECT count(*) FROM "{other.table}" WHERE {where}'
        count = store.conn.execute(sql, (record_id,) * len(columns)).fetchone()[0]
        if count:
            found.append(_count(int(count), other.name, kind_name))
    return found
