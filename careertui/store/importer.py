"""Importing a careertui or jrnl JSON export (the format: store/export.py; jrnl: store/jrnl.py).

An import runs in one write transaction: a file refused half-way leaves the database untouched.
Every record is checked as `add` checks it: `validate` (typed: a JSON value of the wrong type is
refused, not converted) and the store's name rule (store/unique.py).
"""

from __future__ import annotations

import json
import sqlite3
import uuid as uuidlib
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING, Any

from careertui.domain.records import KINDS, Kind, ValidationError, validate
from careertui.store.export import (
    FORMAT,
    FORMAT_VERSION,
    ISO_DATE,
    ORDER,
    STAMPS,
    ExchangeError,
    ref_key,
)
from careertui.store.jrnl import jrnl_notes
from careertui.store.unique import NameRule

if TYPE_CHECKING:
    from careertui.store.store import Store

_NATURAL_KEYS = {
    "checkin": ("action_id", "date"),
    "review": ("week",),
    "win_requirement": ("win_id", "requirement_id"),
    "assessment": ("goal_id",),
}
"""Kinds with a unique key besides the uuid: a record from another file with the same key is the
same record (one check-in per action and day, one review per week, one assessment per
opportunity)."""


@dataclass
class ImportResult:
    """What an import did, per table: how many records were added, updated or left as they were
    (already there, or the database's copy was as new or newer)."""

    format: str
    counts: dict[str, dict[str, int]] = field(default_factory=dict)

    def count(self, table: str, outcome: str) -> None:
        per_table = self.counts.setdefault(table, {"added": 0, "updated": 0, "unchanged": 0})
        per_table[outcome] += 1

    def total(self, outcome: str) -> int:
        return sum(per_table[outcome] for per_table in self.counts.values())


def load_json(raw: bytes, source: str) -> Any:
    """Parse an import file, or raise ExchangeError naming it."""
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ExchangeError(f"{source} is not UTF-8 text, so not a JSON export") from None
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise ExchangeError(
            f"{source} is not valid JSON ({exc.msg} at line {exc.lineno}, column {exc.colno})"
        ) from None
    except (ValueError, RecursionError) as exc:
        raise ExchangeError(f"{source} is not valid JSON ({exc})") from None


def detect_format(data: Any, source: str) -> str:
    """`careertui` or `jrnl`, from the shape of the file (never from a flag)."""
    if isinstance(data, dict) and data.get("format") == FORMAT:
        version = data.get("version")
        if not isinstance(version, int) or isinstance(version, bool) or version < 1:
            raise ExchangeError(f"{source}: format version {version!r} is not a version number")
        if version > FORMAT_VERSION:
            raise ExchangeError(
                f"{source} was exported by a newer careertui (format version {version}; this one "
                f"reads up to {FORMAT_VERSION}); upgrade careertui to import it"
            )
        return FORMAT
    if (
        isinstance(data, dict)
        and "format" not in data
        and isinstance(data.get("entries"), list)
        and isinstance(data.get("tags", {}), dict)
    ):
        return "jrnl"
    raise ExchangeError(f"{source} is neither a careertui nor a jrnl JSON export")


def import_data(
    store: Store, data: Any, today: date, *, source: str = "the file", require_empty: bool = False
) -> ImportResult:
    """Merge a careertui or jrnl JSON export into the store, in one write transaction.

    `require_empty` refuses (nothing written) when the file already holds any record.
    """
    fmt = detect_format(data, source)
    result = ImportResult(fmt)
    with store.write() as conn:
        if require_empty and _has_data(conn):
            raise ExchangeError(f"{store.path} already has data; nothing was written")
        if fmt == FORMAT:
            _merge_careertui(conn, data, today, result, source)
        else:
            _merge_jrnl(conn, data, today, result, source)
    return result


def _has_data(conn: sqlite3.Connection) -> bool:
    return any(
        conn.execute(f'SELECT EXISTS (SELECT 1 FROM "{kind.table}")').fetchone()[0]
        for kind in KINDS.values()
    )


def _instant(text: str) -> datetime:
    """A timestamp as a comparable instant; one without an offset is taken as UTC."""
    moment = datetime.fromisoformat(text)
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _newer(incoming: str, stored: str | None) -> bool:
    try:
        current = _instant(stored or "")
    except ValueError:
        return True  # a stored time nobody can read loses to one that can be read
    return _instant(incoming) > current


def _uuid(value: Any, where: str) -> str:
    try:
        return str(uuidlib.UUID(value))
    except (TypeError, ValueError, AttributeError):
        raise ExchangeError(f"{where}: uuid {value!r} is not a uuid") from None


def _stamp(record: Mapping[str, Any], key: str, where: str) -> str:
    value = record.get(key)
    try:
        _instant(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        raise ExchangeError(f"{where}: {key} {value!r} is not an ISO 8601 time") from None
    return str(value)


def _id_of(conn: sqlite3.Connection, kind_name: str, uid: str) -> int | None:
    row = conn.execute(
        f'SELECT id FROM "{KINDS[kind_name].table}" WHERE uuid = ?', (uid,)
    ).fetchone()
    return None if row is None else int(row[0])


def _record_values(
    conn: sqlite3.Connection, kind: Kind, record: Mapping[str, Any], where: str
) -> tuple[dict[str, Any], dict[str, str]]:
    """A record's field values with links resolved to ids, and its links to its own kind (set
    once every record of the kind is in)."""
    refs = {ref_key(f.name): f for f in kind.fields if f.type == "ref"}
    plain = {f.name: f for f in kind.fields if f.type != "ref"}
    values: dict[str, Any] = {}
    own_links: dict[str, str] = {}
    for key, raw in record.items():
        if key in STAMPS:
            continue
        if key in refs:
            ref_field = refs[key]
            target = ref_field.ref or ""
            if raw is None:
                values[ref_field.name] = None
                continue
            target_uuid = _uuid(raw, f"{where}: {key}")
            if target == kind.name:
                own_links[ref_field.name] = target_uuid
                values[ref_field.name] = None
                continue
            target_id = _id_of(conn, target, target_uuid)
            if target_id is None:
                raise ExchangeError(
                    f"{where}: {key} {target_uuid} matches no {KINDS[target].label.lower()} "
                    "in the file or the database"
                )
            values[ref_field.name] = target_id
        elif key in plain:
            if plain[key].type == "date" and raw is not None and raw != "":
                if not (isinstance(raw, str) and ISO_DATE.match(raw)):
                    raise ExchangeError(f"{where}: {key} {raw!r} is not a YYYY-MM-DD date")
            values[key] = raw
        else:
            raise ExchangeError(f"{where}: unknown field {key!r}")
    return values, own_links


def _existing(conn: sqlite3.Connection, kind: Kind, row: Mapping[str, Any]) -> sqlite3.Row | None:
    table = kind.table
    found = conn.execute(
        f'SELECT id, updated_at FROM "{table}" WHERE uuid = ?', (row["uuid"],)
    ).fetchone()
    if found is not None:
        return found
    if kind.name in ("profile", "weights"):  # one record per journal
        return conn.execute(f'SELECT id, updated_at FROM "{table}" ORDER BY id LIMIT 1').fetchone()
    key = _NATURAL_KEYS.get(kind.name)
    if key:
        where = " AND ".join(f'"{column}" = ?' for column in key)
        return conn.execute(
            f'SELECT id, updated_at FROM "{table}" WHERE {where}', tuple(row[c] for c in key)
        ).fetchone()
    return None


def _key_taken(conn: sqlite3.Connection, kind: Kind, row: Mapping[str, Any], own_id: int) -> bool:
    key = _NATURAL_KEYS.get(kind.name)
    if not key:
        return False
    where = " AND ".join(f'"{column}" = ?' for column in key)
    return (
        conn.execute(
            f'SELECT 1 FROM "{kind.table}" WHERE {where} AND id != ?',
            (*(row[c] for c in key), own_id),
        ).fetchone()
        is not None
    )


def _insert(conn: sqlite3.Connection, kind: Kind, row: Mapping[str, Any]) -> int:
    columns = ", ".join(f'"{c}"' for c in row)
    marks = ", ".join("?" for _ in row)
    cursor = conn.execute(
        f'INSERT INTO "{kind.table}" ({columns}) VALUES ({marks})', tuple(row.values())
    )
    return int(cursor.lastrowid or 0)


def _merge_row(
    conn: sqlite3.Connection, kind: Kind, row: Mapping[str, Any], names: NameRule
) -> tuple[str, int]:
    """Add the record, or overwrite the database's copy if this one is newer; either way under
    the name rule `add` keeps (raises ValidationError)."""
    existing = _existing(conn, kind, row)
    if existing is None:
        names.check(kind.name, row)
        row_id = _insert(conn, kind, row)
        names.note(kind.name, row_id, row)
        return "added", row_id
    row_id = int(existing["id"])
    # A record whose unique key (one check-in per action and day) is held by another record of
    # the database cannot move there without losing that one: the database's copy is kept.
    if not _newer(row["updated_at"], existing["updated_at"]) or _key_taken(conn, kind, row, row_id):
        return "unchanged", row_id
    names.check(kind.name, row, row_id)
    assignments = ", ".join(f'"{c}" = ?' for c in row)
    conn.execute(f'UPDATE "{kind.table}" SET {assignments} WHERE id = ?', (*row.values(), row_id))
    names.note(kind.name, row_id, row)
    return "updated", row_id


def _records(data: Mapping[str, Any], name: str, source: str) -> list[Any]:
    kind = KINDS[name]
    if name == "profile":
        profile = data.get("profile")
        return [] if profile is None else [profile]
    records = data.get(kind.table, [])
    if not isinstance(records, list):
        raise ExchangeError(f"{source}: {kind.table!r} is not a list of records")
    return records


def _merge_careertui(
    conn: sqlite3.Connection,
    data: Mapping[str, Any],
    today: date,
    result: ImportResult,
    source: str,
) -> None:
    known = {"format", "version", *(KINDS[name].table for name in ORDER)}
    unknown = sorted(set(data) - known)
    if unknown:
        raise ExchangeError(f"{source}: unknown section {unknown[0]!r}")
    names = NameRule(conn)
    for name in ORDER:
        kind = KINDS[name]
        label = kind.label.lower()
        seen: set[str] = set()
        own_links: list[tuple[int, dict[str, str], str]] = []
        for index, record in enumerate(_records(data, name, source), start=1):
            if not isinstance(record, dict):
                raise ExchangeError(f"{source}: {label} #{index} is not a record")
            uid = _uuid(record.get("uuid"), f"{source}: {label} #{index}")
            where = f"{source}: {label} {uid}"
            if uid in seen:
                raise ExchangeError(f"{where} appears twice")
            seen.add(uid)
            stamps = {"uuid": uid, **{k: _stamp(record, k, where) for k in STAMPS[1:]}}
            values, links = _record_values(conn, kind, record, where)
            try:
                cleaned = validate(name, values, today, typed=True)
                outcome, row_id = _merge_row(conn, kind, {**stamps, **cleaned}, names)
            except ValidationError as exc:
                raise ExchangeError(f"{where}: {exc.message}") from None
            result.count(kind.table, outcome)
            if outcome != "unchanged" and links:
                own_links.append((row_id, links, where))
        for row_id, links, where in own_links:
            for field_name, target_uuid in links.items():
                target_id = _id_of(conn, name, target_uuid)
                if target_id is None:
                    raise ExchangeError(
                        f"{where}: {ref_key(field_name)} {target_uuid} matches no {label} "
                        "in the file or the database"
                    )
                conn.execute(
                    f'UPDATE "{kind.table}" SET "{field_name}" = ? WHERE id = ?',
                    (target_id, row_id),
                )


def _merge_jrnl(
    conn: sqlite3.Connection,
    data: Mapping[str, Any],
    today: date,
    result: ImportResult,
    source: str,
) -> None:
    """Each jrnl entry as a note (store/jrnl.py), unless an import added it before."""
    from careertui.clock import timestamp

    stamp = timestamp()
    kind = KINDS["note"]
    for uid, cleaned in jrnl_notes(data, today, source):
        if _id_of(conn, "note", uid) is not None:
            result.count(kind.table, "unchanged")
            continue
        _insert(conn, kind, {"uuid": uid, "created_at": stamp, "updated_at": stamp, **cleaned})
        result.count(kind.table, "added")
