"""`careertui sync`: merge this journal with other devices' through a folder that a sync tool
(Syncthing, Dropbox, iCloud Drive, a git repository) copies between them.

One sync, in this order:
1. outside any transaction: unlock the other devices' keys (seconds each, once per device) and
   read every change file not applied yet; a file not complete yet waits for the next sync;
2. in one BEGIN IMMEDIATE transaction (so the app and another sync simply wait): write this
   device's changes since its last sync as a new change file (docs/SYNC.md), then apply every
   other file read, then place what waits aside and make names unique, then remember the
   files applied by name (a name is a hash of the file's bytes).

Nothing is ever written into the folder but new files in this device's own folder, and the
database is never written there.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from careertui.domain.merge import Version, after, digest, instant
from careertui.domain.records import KINDS, Field, ValidationError, check_json_type
from careertui.store import sync_files as files
from careertui.store.sync_apply import Content, Merger
from careertui.store.sync_files import SyncError
from careertui.store.sync_schema import ensure_triggers

if TYPE_CHECKING:
    from careertui.store.store import Store

FORMAT = "careertui-sync"
FORMAT_VERSION = 1
LAST_YEAR = 9999
"""A time in it is refused: an edit is timed a second after what it changed, past datetime's end."""


@dataclass
class SyncResult:
    sent: int = 0
    """Records written to this sync's change file."""
    applied_files: int = 0
    received: int = 0
    conflicts: int = 0
    waiting: list[str] = field(default_factory=list)
    """One line per change file left for a later sync, and why."""
    readable: set[str] = field(default_factory=set)
    """With a passphrase here: the devices whose new files in the folder are not encrypted (one
    that synced before it had the passphrase)."""


def setting(store: Store, key: str) -> str | None:
    row = store.conn.execute("SELECT value FROM sync_settings WHERE key = ?", (key,)).fetchone()
    return None if row is None else str(row[0])


def set_setting(store: Store, key: str, value: str | None) -> None:
    with store.write() as conn:
        if value is None:
            conn.execute("DELETE FROM sync_settings WHERE key = ?", (key,))
        else:
            conn.execute(
                "INSERT OR REPLACE INTO sync_settings (key, value) VALUES (?, ?)", (key, value)
            )
        if key == "passphrase":  # this device's key file is written again with the new one
            conn.execute("UPDATE sync_keys SET key_hash = NULL")


def device_id(store: Store) -> str:
    return setting(store, "device") or ""


PASSPHRASE_ENV = "CAREERTUI_PASSPHRASE"
KEYRING_SERVICE = "careertui-sync"


def keyring_module() -> Any:
    """The `keyring` package, only when asked for by name (never a silent fallback)."""
    try:
        import keyring
    except ImportError:
        raise SyncError("--keyring needs the keyring package (pip install keyring)") from None
    return keyring


def passphrase(store: Store) -> str | None:
    """$CAREERTUI_PASSPHRASE, else the one set with `set sync-passphrase` (in the journal, or in
    the system keyring when that was chosen), else None."""
    import os

    given = os.environ.get(PASSPHRASE_ENV)
    if given:
        return given
    if setting(store, "passphrase_in") == "keyring":
        found = keyring_module().get_password(KEYRING_SERVICE, device_id(store))
        if found is None:
            raise SyncError("the sync passphrase is not in the system keyring any more; set it")
        return str(found)
    return setting(store, "passphrase")


# -- this device's changes -------------------------------------------------------------------


def _export(conn: sqlite3.Connection, merger: Merger, device: str) -> list[dict[str, Any]]:
    """This device's changes since its last sync, as versions, remembered as sent."""
    records: list[dict[str, Any]] = []
    changed = conn.execute("SELECT uuid, kind FROM sync_changes ORDER BY rowid").fetchall()
    for uid, kind_name in changed:
        kind = KINDS.get(kind_name)
        if kind is None:
            continue
        kept = merger.stored(uid)
        base = None if kept is None else str(kept["stamp"])
        row = conn.execute(f'SELECT * FROM "{kind.table}" WHERE uuid = ?', (uid,)).fetchone()
        content: Content | None
        if row is None:
            gone = conn.execute(
                "SELECT deleted_at FROM sync_tombstones WHERE uuid = ?", (uid,)
            ).fetchone()
            if gone is None or kept is None or kept["deleted"] or kept["shadow"]:
                continue
            stamp, content = after(base, gone[0]), None
        else:
            content = merger.content(kind, row)
            unchanged = kept is not None and not kept["deleted"] and kept["hash"] == digest(content)
            if unchanged and row["updated_at"] == base:  # touched by sync itself, not edited
                continue
            stamp = after(base, row["updated_at"])
            if stamp != row["updated_at"]:
                conn.execute(
                    f'UPDATE "{kind.table}" SET updated_at = ? WHERE id = ?', (stamp, row["id"])
                )
        version = Version(stamp, device, content is None, base)
        merger.remember(kind, uid, version, content)
        records.append(_record(kind_name, uid, version, content))
        if content is None and kept is not None and kept["nkey"] is not None:
            records += _delete_set_aside(conn, merger, kind_name, kept["nkey"], stamp, device)
    return records


def _everything_else(
    conn: sqlite3.Connection, merger: Merger, sent: list[dict[str, Any]]
) -> list[dict[str, Any]]:
    """Every version this file holds that is not in `sent`, as it is (its own time and device),
    for a device's first file in a folder other than its last one: a folder started afresh (a
    new cloud, or a new one for encryption) then holds the whole journal, so a device that joins
    it later gets all of it, not only what changed since. A version received again is a no-op."""
    done = {record["uuid"] for record in sent}
    records = []
    for kept in conn.execute("SELECT * FROM sync_versions ORDER BY rowid").fetchall():
        kind = KINDS.get(kept["kind"])
        if kind is None or kept["uuid"] in done:
            continue
        version = Version(kept["stamp"], kept["device"], bool(kept["deleted"]), kept["base"])
        content = None if version.deleted else merger.current(kind, kept["uuid"])
        if content is not None or version.deleted:
            records.append(
                {**_record(kind.name, kept["uuid"], version, content), "by": version.device}
            )
    return records


def _delete_set_aside(
    conn: sqlite3.Connection, merger: Merger, kind_name: str, nkey: str, stamp: str, device: str
) -> list[dict[str, Any]]:
    """Deleting the record that holds a unique key (the day's check-in) deletes the versions of
    it that wait aside too: the person deleted "the check-in", not one device's copy of it."""
    aside = conn.execute(
        "SELECT uuid, stamp FROM sync_versions WHERE kind = ? AND nkey = ? AND deleted = 0 "
        "AND shadow IS NOT NULL",
        (kind_name, nkey),
    ).fetchall()
    records = []
    for uid, base in aside:
        version = Version(after(base, stamp), device, True, base)
        merger.remember(KINDS[kind_name], uid, version, None)
        records.append(_record(kind_name, uid, version, None))
    return records


def _record(kind: str, uid: str, version: Version, content: Content | None) -> dict[str, Any]:
    return {
        "kind": kind,
        "uuid": uid,
        "stamp": version.stamp,
        "base": version.base,
        "deleted": version.deleted,
        "data": content,
    }


# -- other devices' changes ------------------------------------------------------------------


def _check(content: dict[str, Any], device: str) -> str | None:
    """Why a change file cannot be applied by this careertui, or None."""
    if content.get("device") != device:
        return "is in another device's folder"
    version = content.get("version")
    if not isinstance(version, int) or version > FORMAT_VERSION:
        return "was written by a newer careertui; upgrade careertui here"
    records = content.get("records")
    try:  # JSON may hold half a surrogate pair, which SQLite refuses to store
        json.dumps(records, ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError:
        return "is damaged (text that is not UTF-8)"
    if not isinstance(records, list) or not all(_well_formed(r) for r in records):
        return "is damaged (a record without its uuid, time or content)"
    for record in records:
        kind = KINDS.get(record["kind"])
        if kind is None:
            return "was written by a newer careertui (a kind of record unknown here)"
        data = record["data"]
        if data is not None and not set(data) <= {"created_at", *kind.field_names}:
            return "was written by a newer careertui (a field unknown here)"
        if data is not None and not all(
            _typed(kind.field(k), v) for k, v in data.items() if k != "created_at"
        ):
            return "is damaged (a value of the wrong type)"
    return None


def _typed(field: Field, value: Any) -> bool:
    """Whether a value is of its field's JSON type (links travel as uuids): a list where text
    belongs would stop every sync at its write."""
    if field.type in ("ref", "tags"):  # tags travel as the file keeps them: one string
        return value is None or isinstance(value, str)
    if isinstance(value, int) and not -(2**63) <= value < 2**63:  # past SQLite's integers
        return False
    try:
        check_json_type(field, value)
    except ValidationError:
        return False
    return True


def _well_formed(record: Any) -> bool:
    """Whether a record of a change file has what applying it reads, of the right types."""
    if not isinstance(record, dict) or not isinstance(record.get("uuid"), str):
        return False
    if not isinstance(record.get("kind"), str):
        return False
    if "by" in record and not files.is_device(record["by"]):
        return False
    data = record.get("data")
    if record.get("deleted") is not (data is None):
        return False
    stamps = [record.get("stamp"), record.get("base") or record.get("stamp")]
    if data is not None:
        if not isinstance(data, dict):
            return False
        stamps.append(data.get("created_at"))
    try:
        return all(isinstance(stamp, str) and instant(stamp).year < LAST_YEAR for stamp in stamps)
    except ValueError:
        return False


def _apply_file(merger: Merger, device: str, content: dict[str, Any]) -> int:
    """Deletes first, each kind before the kinds it links to; then edits, each kind after."""
    from careertui.store.export import ORDER

    rank = {name: position for position, name in enumerate(ORDER)}
    records = content.get("records", [])
    deletes = sorted((r for r in records if r["deleted"]), key=lambda r: -rank[r["kind"]])
    edits = sorted((r for r in records if not r["deleted"]), key=lambda r: rank[r["kind"]])
    for record in (*deletes, *edits):
        by = str(record.get("by") or device)  # a version passed on from another device
        version = Version(str(record["stamp"]), by, bool(record["deleted"]), record["base"])
        merger.apply(KINDS[record["kind"]], str(record["uuid"]), version, record["data"])
    return len(records)


def _identities(
    store: Store, folder: Path, passphrase: str | None, result: SyncResult
) -> dict[str, str]:
    """Every device's identity this device can use: kept ones, and those unlocked now. A key
    file that this passphrase did not open is not tried again (seconds each time) until the
    file or the passphrase changes."""
    kept = {
        row[0]: (row[1], row[2])
        for row in store.conn.execute("SELECT device, identity, key_hash FROM sync_keys")
    }
    found = {device: identity for device, (identity, _) in kept.items()}
    if passphrase is None:
        return found
    for device in files.devices(folder):
        too_big = files.too_big(files.key_path(folder, device))
        data = None if too_big else files.read_bytes(files.key_path(folder, device))
        if data is None or device == device_id(store):
            continue
        digest_now = files.key_hash(data)
        if device in kept and kept[device][1] == digest_now:
            continue
        tried = hashlib.sha256(f"{digest_now}\0{passphrase}".encode()).hexdigest()
        if setting(store, f"tried:{device}") != tried:
            identity = files.read_key(data, passphrase)
            if identity is not None:
                found[device] = identity
                with store.write() as conn:
                    conn.execute(
                        "INSERT OR REPLACE INTO sync_keys (device, identity, key_hash) "
                        "VALUES (?, ?, ?)",
                        (device, identity, digest_now),
                    )
                continue
            set_setting(store, f"tried:{device}", tried)
        if device not in found:
            result.waiting.append(
                f"{device[:8]}: its key does not open with this passphrase (use the same "
                "passphrase on every device)"
            )
    return found


def _own_identity(store: Store, folder: Path, passphrase: str) -> str:
    """This device's identity, made on its first encrypted sync; its key file is (re)written
    when missing or when the passphrase changed."""
    device = device_id(store)
    row = store.conn.execute(
        "SELECT identity, key_hash FROM sync_keys WHERE device = ?", (device,)
    ).fetchone()
    identity = row[0] if row else files.new_identity()
    on_disk = files.read_bytes(files.key_path(folder, device))
    if row is None or on_disk is None or row[1] != files.key_hash(on_disk):
        written = files.write_key(folder, device, identity, passphrase)
        with store.write() as conn:
            conn.execute(
                "INSERT OR REPLACE INTO sync_keys (device, identity, key_hash) VALUES (?, ?, ?)",
                (device, identity, written),
            )
    return identity


def _pending(
    store: Store, folder: Path, keys: dict[str, str], result: SyncResult, *, encrypting: bool
) -> list[tuple[str, str, dict[str, Any]]]:
    """(device, name, content) of every complete, readable change file not applied yet."""
    applied = {tuple(r) for r in store.conn.execute("SELECT device, name FROM sync_applied")}
    ready = []
    for device in files.devices(folder):
        for name in files.change_names(folder, device):
            if (device, name) in applied:
                continue
            where = f"{device[:8]}/{name[:8]}"
            if files.too_big(files.root(folder) / device / name):
                result.waiting.append(f"{where}: larger than {files.MAX_FILE >> 20} MB; not read")
                continue
            data = files.read_bytes(files.root(folder) / device / name)
            if data is None or not files.complete(name, data):
                result.waiting.append(f"{where}: not complete yet (still being copied?)")
                continue
            try:
                content = files.open_change(data, keys.get(device))
                if encrypting and not files.is_encrypted(data):
                    result.readable.add(device)
            except SyncError as exc:
                reason = str(exc)
                if reason == "encrypted":
                    reason = "encrypted with a passphrase this device does not have"
                result.waiting.append(f"{where}: {reason}")
                continue
            problem = _check(content, device)
            if problem:
                result.waiting.append(f"{where}: {problem}")
                continue
            ready.append((device, name, content))
    return ready


def encrypted_folder(folder: Path) -> bool:
    return any(files.key_path(folder, d).exists() for d in files.devices(folder))


def sync(store: Store, folder: Path, stamp: str, passphrase: str | None = None) -> SyncResult:
    """Send this device's changes and apply every other device's; `stamp` is now."""
    folder = Path(folder)
    if not folder.is_dir():
        what = "is a file, not a folder" if folder.exists() else "does not exist"
        raise SyncError(f"the sync folder {folder} {what}; create it (or mount it) first")
    device = device_id(store)
    if passphrase is None and encrypted_folder(folder):
        raise SyncError(
            f"{folder} holds encrypted changes: set the same passphrase here first "
            "(careertui set sync-passphrase, or $CAREERTUI_PASSPHRASE)"
        )
    own = None if passphrase is None else _own_identity(store, folder, passphrase)
    where = str(folder.resolve())
    moved = setting(store, "last_folder") not in (None, where)
    """A folder other than the last one: this device's first file in it holds everything."""
    result = SyncResult()
    keys = _identities(store, folder, passphrase, result)
    ready = _pending(store, folder, keys, result, encrypting=passphrase is not None)
    with store.write() as conn:
        ensure_triggers(conn)
        merger = Merger(conn, stamp)
        records = _export(conn, merger, device)
        if moved and not files.change_names(folder, device):
            records += _everything_else(conn, merger, records)
        if records:
            payload = {"format": FORMAT, "version": FORMAT_VERSION, "device": device}
            name = files.write_change(
                folder, device, files.seal({**payload, "records": records}, own)
            )
            conn.execute(
                "INSERT OR IGNORE INTO sync_applied (device, name, applied_at) VALUES (?, ?, ?)",
                (device, name, stamp),
            )
            result.sent = len(records)
        applied = {tuple(r) for r in conn.execute("SELECT device, name FROM sync_applied")}
        conn.execute("DELETE FROM sync_changes")
        conn.execute("DELETE FROM sync_tombstones")
        for other, name, content in ready:
            if (other, name) in applied:
                continue
            result.received += _apply_file(merger, other, content)
            result.applied_files += 1
            conn.execute(
                "INSERT INTO sync_applied (device, name, applied_at) VALUES (?, ?, ?)",
                (other, name, stamp),
            )
        merger.settle()
        conn.execute("DELETE FROM sync_changes")
        conn.execute("DELETE FROM sync_tombstones")
        conn.execute(
            "INSERT OR REPLACE INTO sync_settings (key, value) VALUES ('last_sync', ?), "
            "('last_folder', ?)",
            (stamp, where),
        )
        result.conflicts = merger.conflicts
    return result


def conflicts(store: Store) -> list[dict[str, Any]]:
    """The versions kept because they lost to one made without seeing them, newest first, each
    with the record's content now (`now`; None when it is gone or set aside) to show what
    differs."""
    rows = store.conn.execute(
        "SELECT id, kind, uuid, found_at, what, loser FROM sync_conflicts ORDER BY id DESC"
    ).fetchall()
    merger = Merger(store.conn, "")
    found = []
    for row in rows:
        kind, now = KINDS.get(row["kind"]), None
        if kind is not None:
            live = store.conn.execute(
                f'SELECT * FROM "{kind.table}" WHERE uuid = ?', (row["uuid"],)
            ).fetchone()
            now = None if live is None else merger.content(kind, live)
        found.append({**dict(row), "now": now})
    return found


def dismiss_conflicts(store: Store, ids: list[int] | None) -> int:
    """Forget conflicts (all of them with None); their kept text goes from the file."""
    with store.write() as conn:
        if ids is None:
            cursor = conn.execute("DELETE FROM sync_conflicts")
        else:
            marks = ", ".join("?" for _ in ids)
            cursor = conn.execute(f"DELETE FROM sync_conflicts WHERE id IN ({marks})", ids)
        count = cursor.rowcount
    store.checkpoint()
    return int(count)
