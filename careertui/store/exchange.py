"""Moving a journal in and out of its file.

- The careertui JSON export holds every record of every kind with its uuid and timestamps; links
  between records are written as the uuid of the target (`responsibility_uuid`), so the file can be
  merged into any database: records are matched by uuid, the newer `updated_at` wins, nothing is
  ever duplicated.
- A jrnl JSON export (`jrnl --export json`) becomes notes, each with a uuid derived from the entry,
  so importing the same export twice adds nothing the second time.
- `packet_data` gathers what the review packet (`careertui.domain.packet`) shows.

An import runs in one write transaction: a file refused half-way leaves the database untouched.
"""

from __future__ import annotations

import json
import re
import sqlite3
import uuid as uuidlib
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING, Any

from careertui.domain.packet import (
    Packet,
    PacketContact,
    PacketGap,
    PacketGoal,
    PacketInteraction,
    PacketResponsibility,
    PacketWin,
    packet_win,
)
from careertui.domain.readiness import KEY_INFLUENCES, review_period
from careertui.domain.records import KINDS, Kind, ValidationError, validate
from careertui.domain.text import json_safe, json_safe_dumps
from careertui.store.connection import StoreError

if TYPE_CHECKING:
    from careertui.store.store import Store

FORMAT = "careertui"
FORMAT_VERSION = 1
"""Raised whenever a release changes what an export holds; newer files are refused."""

JRNL_NAMESPACE = uuidlib.UUID("081d8f64-bcc2-4153-9285-2f3dfc26a92b")
"""Fixed forever: the uuid of a note imported from jrnl is uuid5(JRNL_NAMESPACE, entry)."""

_STAMPS = ("uuid", "created_at", "updated_at")
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_NATURAL_KEYS = {
    "checkin": ("action_id", "date"),
    "review": ("week",),
    "win_requirement": ("win_id", "requirement_id"),
    "assessment": ("goal_id",),
}
"""Kinds with a unique key besides the uuid: a record from another file with the same key is the
same record (one check-in per action and day, one review per week, one assessment per
opportunity)."""


class ExchangeError(ValueError):
    """A file that cannot be imported or written; the message names the file or the record."""


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


def _ref_key(field_name: str) -> str:
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


# -- export ----------------------------------------------------------------------------------


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
    record = {key: row[key] for key in _STAMPS}
    for f in kind.fields:
        if f.type == "ref":
            target = row[f.name]
            record[_ref_key(f.name)] = None if target is None else uuids[f.ref or ""].get(target)
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
    pairs = [f"'{key}', t.\"{key}\"" for key in _STAMPS]
    for f in kind.fields:
        if f.type == "ref":
            target = KINDS[f.ref or ""].table
            pairs.append(
                f"'{_ref_key(f.name)}', "
                f'(SELECT r.uuid FROM "{target}" r WHERE r.id = t."{f.name}")'
            )
        else:
            pairs.append(f"'{f.name}', t.\"{f.name}\"")
    return f'SELECT json_object({", ".join(pairs)}) FROM "{kind.table}" t ORDER BY t.id'


# -- import ----------------------------------------------------------------------------------


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
    refs = {_ref_key(f.name): f for f in kind.fields if f.type == "ref"}
    plain = {f.name: f for f in kind.fields if f.type != "ref"}
    values: dict[str, Any] = {}
    own_links: dict[str, str] = {}
    for key, raw in record.items():
        if key in _STAMPS:
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
                if not (isinstance(raw, str) and _ISO_DATE.match(raw)):
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


def _merge_row(conn: sqlite3.Connection, kind: Kind, row: Mapping[str, Any]) -> tuple[str, int]:
    """Add the record, or overwrite the database's copy if this one is newer."""
    existing = _existing(conn, kind, row)
    if existing is None:
        return "added", _insert(conn, kind, row)
    row_id = int(existing["id"])
    # A record whose unique key (one check-in per action and day) is held by another record of
    # the database cannot move there without losing that one: the database's copy is kept.
    if not _newer(row["updated_at"], existing["updated_at"]) or _key_taken(conn, kind, row, row_id):
        return "unchanged", row_id
    assignments = ", ".join(f'"{c}" = ?' for c in row)
    conn.execute(f'UPDATE "{kind.table}" SET {assignments} WHERE id = ?', (*row.values(), row_id))
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
            stamps = {"uuid": uid, **{k: _stamp(record, k, where) for k in _STAMPS[1:]}}
            values, links = _record_values(conn, kind, record, where)
            try:
                cleaned = validate(name, values, today)
            except ValidationError as exc:
                raise ExchangeError(f"{where}: {exc.message}") from None
            outcome, row_id = _merge_row(conn, kind, {**stamps, **cleaned})
            result.count(kind.table, outcome)
            if outcome != "unchanged" and links:
                own_links.append((row_id, links, where))
        for row_id, links, where in own_links:
            for field_name, target_uuid in links.items():
                target_id = _id_of(conn, name, target_uuid)
                if target_id is None:
                    raise ExchangeError(
                        f"{where}: {_ref_key(field_name)} {target_uuid} matches no {label} "
                        "in the file or the database"
                    )
                conn.execute(
                    f'UPDATE "{kind.table}" SET "{field_name}" = ? WHERE id = ?',
                    (target_id, row_id),
                )


def jrnl_uuid(entry: Mapping[str, Any]) -> str:
    """A uuid that is the same every time the same jrnl entry is imported."""
    name = json.dumps(
        [entry.get("date"), entry.get("time"), entry.get("title"), entry.get("body")],
        ensure_ascii=False,
    )
    # uuid5 encodes the name as UTF-8: a lone surrogate (valid in JSON) must not stop it.
    return str(
        uuidlib.uuid5(
            JRNL_NAMESPACE, name.encode("utf-8", "surrogatepass").decode("utf-8", "replace")
        )
    )


def _jrnl_text(value: Any, key: str, where: str) -> str:
    if value is None:
        return ""
    if not isinstance(value, str):
        raise ExchangeError(f"{where}: {key} {value!r} is not text")
    return value


def _merge_jrnl(
    conn: sqlite3.Connection,
    data: Mapping[str, Any],
    today: date,
    result: ImportResult,
    source: str,
) -> None:
    """Each entry becomes a note: its date, its title and body as text, its tags without the tag
    symbol (and `starred` for a starred entry)."""
    from careertui.clock import timestamp

    stamp = timestamp()
    kind = KINDS["note"]
    for index, entry in enumerate(data["entries"], start=1):
        where = f"{source}: jrnl entry #{index}"
        if not isinstance(entry, dict):
            raise ExchangeError(f"{where} is not an entry")
        day = entry.get("date")
        if not (isinstance(day, str) and _ISO_DATE.match(day)):
            raise ExchangeError(f"{where}: date {day!r} is not a YYYY-MM-DD date")
        where = f"{source}: jrnl entry #{index} ({day})"
        title = _jrnl_text(entry.get("title"), "title", where)
        body = _jrnl_text(entry.get("body"), "body", where)
        tags = entry.get("tags") or []
        if not isinstance(tags, list) or not all(isinstance(t, str) for t in tags):
            raise ExchangeError(f"{where}: tags {tags!r} is not a list of tags")
        if entry.get("starred") is True:
            tags = [*tags, "starred"]
        text = "\n".join(part for part in (title, body) if part.strip())
        try:
            cleaned = validate("note", {"date": day, "text": text, "tags": tags}, today)
        except ValidationError as exc:
            raise ExchangeError(f"{where}: {exc.message}") from None
        uid = jrnl_uuid(entry)
        if _id_of(conn, "note", uid) is not None:
            result.count(kind.table, "unchanged")
            continue
        _insert(conn, kind, {"uuid": uid, "created_at": stamp, "updated_at": stamp, **cleaned})
        result.count(kind.table, "added")


# -- the review packet ---------------------------------------------------------------------


def _day(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        return None


def packet_data(store: Store, today: date) -> Packet:
    """What the review packet shows, for the review period as of `today`."""
    from careertui.store.stats import compute_stats

    readiness = compute_stats(store, today)["readiness"]
    profile = store.profile()
    period = review_period(
        _day(profile.get("review_start")), _day(profile.get("review_date")), today
    )
    last = min(period.end, today)
    bounds = (period.start.isoformat(), last.isoformat())
    counted = "date BETWEEN ? AND ?"

    wins = store.query(f"SELECT * FROM wins WHERE {counted} ORDER BY date, id", bounds)
    by_responsibility: dict[int, list[PacketWin]] = {}
    unlinked: list[PacketWin] = []
    for row in wins:
        rid = row["responsibility_id"]
        (unlinked if rid is None else by_responsibility.setdefault(rid, [])).append(packet_win(row))
    responsibilities = tuple(
        PacketResponsibility(
            row["title"], bool(row["active"]), tuple(by_responsibility.get(row["id"], ()))
        )
        for row in store.query("SELECT id, title, active FROM responsibilities ORDER BY id")
        if row["active"] or row["id"] in by_responsibility
    )

    goals = store.query("SELECT * FROM goals ORDER BY id")

    def reached(row: Mapping[str, Any]) -> bool:
        """Done, and done in the period so far: due in it, or last changed (marked done) in it."""
        when = [d for d in (_day(row["due"]), _day(str(row["updated_at"])[:10])) if d]
        return row["status"] == "done" and any(period.start <= d <= last for d in when)

    def packet_goal(row: Mapping[str, Any], milestones: tuple[PacketGoal, ...]) -> PacketGoal:
        return PacketGoal(
            row["title"],
            row["kind"],
            row["status"],
            row["due"],
            row["metric"],
            row["target"],
            row["current"],
            milestones,
        )

    reached_goals = []
    for row in goals:
        if row["kind"] == "milestone" and row["parent_id"] is not None:
            continue
        milestones = tuple(
            packet_goal(m, ())
            for m in goals
            if m["kind"] == "milestone" and m["parent_id"] == row["id"] and reached(m)
        )
        if milestones or reached(row):
            reached_goals.append(packet_goal(row, milestones))

    marks = ", ".join("?" for _ in KEY_INFLUENCES)
    interactions: dict[int, list[PacketInteraction]] = {}
    for row in store.query(
        f"SELECT contact_id, date, channel, notes FROM interactions WHERE {counted} "
        "ORDER BY date, id",
        bounds,
    ):
        interactions.setdefault(row["contact_id"], []).append(
            PacketInteraction(row["date"], row["channel"], row["notes"])
        )
    contacts = store.query(
        f"SELECT id, name, org, role, influence FROM contacts WHERE influence IN ({marks}) "
        "ORDER BY id",
        KEY_INFLUENCES,
    )
    contacts.sort(key=lambda c: (KEY_INFLUENCES.index(c["influence"]), c["name"].casefold()))
    relationships = tuple(
        PacketContact(c["name"], c["org"], c["role"], c["influence"], tuple(interactions[c["id"]]))
        for c in contacts
        if c["id"] in interactions
    )

    return Packet(
        start=period.start.isoformat(),
        end=period.end.isoformat(),
        today=today.isoformat(),
        current_role=profile.get("current_role") or "",
        target_role=profile.get("target_role") or "",
        score=int(readiness["score"]),
        band=str(readiness["band"]),
        days_to_review=readiness["days_to_review"],
        responsibilities=responsibilities,
        unlinked_wins=tuple(unlinked),
        goals=tuple(reached_goals),
        relationships=relationships,
        gaps=tuple(PacketGap(g["part"], float(g["points"]), g["text"]) for g in readiness["gaps"]),
    )
