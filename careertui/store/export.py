"""The careertui JSON export: the format, and the export itself.

The export holds every record of every kind with its uuid and timestamps; links between records
are written as the uuid of the target (`responsibility_uuid`), so the file can be merged into any
database (store/importer.py): records are matched by uuid, the newer `updated_at` wins, nothing is
ever duplicated.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from careertui.domain.records import KINDS, Kind
from careertui.domain.text import json_safe, json_safe_dumps
from careertui.store.connection import StoreError

if TYPE_CHECKING:
    from careertui.store.store import Store

FORMAT = "careertui"
FORMAT_VERSION = 1
"""Raised whenever a release changes what an export holds; newer files are refused."""

STAMPS = ("uuid", "created_at", "updated_at")
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


class ExchangeError(ValueError):
    """A file that cannot be imported or written; the message names the file or the record."""


def ref_key(field_name: str) -> str:
    """The export's name for a link: `responsibility_id` → `responsibility_uuid`."""
    return field_name.removesuffix("_id") + "_uuid"


def _import_order() -> tuple[str, ...]:
    """Every kind after the kinds it links to (a kind's links to itself are set afterwards)."""
    order: list[str] = []

    def visit(name: str) -> None:
        if name in order:
            return
        for f in KINDS[name].fields:
            if f.type == "ref" and f.ref and f.ref != name:
                visit(f.ref)
        order.append(name)

    for name in KINDS:
        visit(name)
    return tuple(order)


ORDER = _import_order()


def _read_all(store: Store) -> dict[str, list[dict[str, Any]]]:
    """Every row of every kind, by id, from one snapshot of the file."""
    conn = store.conn
    try:
        conn.execute("BEGIN")
        try:
            return {
                name: [
                    dict(row)
                    for row in conn.execute(f'SELECT * FROM "{KINDS[name].table}" ORDER BY id')
                ]
                for name in ORDER
            }
        finally:
            conn.execute("COMMIT")
    except sqlite3.DatabaseError as exc:
        raise StoreError(f"cannot read {store.path}: {exc}") from None


def _export_record(
    kind: Kind, row: Mapping[str, Any], uuids: Mapping[str, dict[int, str]]
) -> dict[str, Any]:
    record = {key: row[key] for key in STAMPS}
    for f in kind.fields:
        if f.type == "ref":
            target = row[f.name]
            record[ref_key(f.name)] = None if target is None else uuids[f.ref or ""].get(target)
        else:
            record[f.name] = row[f.name]
    return record


def export_data(store: Store) -> dict[str, Any]:
    """Everything in the file, as the careertui JSON export: `format`, `version`, `profile` (one
    record or null) and one list per table, each record with its uuid and timestamps."""
    rows = _read_all(store)
    uuids = {name: {row["id"]: row["uuid"] for row in rows[name]} for name in ORDER}
    data: dict[str, Any] = {"format": FORMAT, "version": FORMAT_VERSION}
    for name in ORDER:
        kind = KINDS[name]
        records = [_export_record(kind, row, uuids) for row in rows[name]]
        if name == "profile":
            data["profile"] = records[0] if records else None
        else:
            data[kind.table] = records
    return data


def record_count(data: Mapping[str, Any]) -> int:
    """The records in an export made by `export_data`."""
    return sum(
        (1 if data.get("profile") else 0) if name == "profile" else len(data[KINDS[name].table])
        for name in ORDER
    )


def dump_json(data: Any) -> str:
    """JSON as careertui writes it: UTF-8 text, indented, with terminal-unsafe characters
    escaped (still valid JSON, and safe to print)."""
    return json_safe_dumps(data, indent=2) + "\n"


def export_text(store: Store) -> tuple[str, int]:
    """The careertui JSON export of `export_data` as text, and its number of records: a record
    a line, each made by SQLite's json_object in C (ten times faster than Python's encoder at
    100,000 entries). A file holding text that is not UTF-8 (hand-edited) takes the Python way,
    which replaces the bad bytes."""
    conn = store.conn
    decoder, rows_as = conn.text_factory, conn.row_factory
    conn.text_factory, conn.row_factory = str, None
    tables: dict[str, list[str]] | None = None
    try:
        conn.execute("BEGIN")
        try:
            tables = {name: [r[0] for r in conn.execute(_json_rows_sql(name))] for name in ORDER}
        finally:
            conn.execute("COMMIT")
    except sqlite3.DatabaseError:
        pass  # text that is not UTF-8, or a read refused: the Python way says which
    finally:
        conn.text_factory, conn.row_factory = decoder, rows_as
    if tables is None:
        data = export_data(store)
        return dump_json(data), record_count(data)
    lines = ["{", f'  "format": "{FORMAT}",', f'  "version": {FORMAT_VERSION},']
    for name in ORDER:
        records = tables[name]
        if name == "profile":
            lines.append(f'  "profile": {records[0] if records else "null"},')
        elif records:
            lines += [f'  "{KINDS[name].table}": [', "    " + ",\n    ".join(records), "  ],"]
        else:
            lines.append(f'  "{KINDS[name].table}": [],')
    lines[-1] = lines[-1].removesuffix(",")
    text = json_safe("\n".join([*lines, "}", ""]))
    return text, sum(len(records) for records in tables.values())


def _json_rows_sql(name: str) -> str:
    """One JSON object a record of kind `name`, keys in `export_data`'s order, links as uuids."""
    kind = KINDS[name]
    pairs = [f"'{key}', t.\"{key}\"" for key in STAMPS]
    for f in kind.fields:
        if f.type == "ref":
            target = KINDS[f.ref or ""].table
            pairs.append(
                f"'{ref_key(f.name)}', "
                f'(SELECT r.uuid FROM "{target}" r WHERE r.id = t."{f.name}")'
            )
        else:
            pairs.append(f"'{f.name}', t.\"{f.name}\"")
    return f'SELECT json_object({", ".join(pairs)}) FROM "{kind.table}" t ORDER BY t.id'
