"""A simulated world for sync: devices with their own database and their own copy of the sync
folder, a "cloud" that has every change file written, and deliveries from the cloud that come
late, twice, cut short or out of order. It also keeps every write each device acknowledged, so
a test can say what every database must hold in the end."""

from __future__ import annotations

import shutil
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from careertui.domain.merge import Version, beats, display_names
from careertui.domain.records import KINDS, ValidationError
from careertui.store import Store
from careertui.store.export import export_data
from careertui.store.sync import sync
from careertui.store.sync_apply import Merger
from careertui.store.sync_files import ROOT, open_change

DAY = datetime(2026, 11, 23).date()
KINDS_TRACKED = ("note", "contact", "interaction", "action", "checkin")
PARENTS = {"interaction": "contact_id", "checkin": "action_id"}
"""Links that delete with their target: the record is shown only while its target is."""
NAMES = {"contact": "name", "action": "title"}


class Clock:
    """Strictly increasing UTC timestamps with microseconds, a millisecond apart at least, so
    that SQLite's delete times (milliseconds) keep the order of the writes."""

    def __init__(self) -> None:
        self.last = datetime.now(UTC)

    def tick(self) -> None:
        while datetime.now(UTC) <= self.last + timedelta(milliseconds=1.2):
            time.sleep(0.0004)

    def stamp(self) -> str:
        self.tick()
        self.last = datetime.now(UTC)
        return self.last.isoformat()


@dataclass
class Event:
    version: Version
    content: dict[str, Any] | None


@dataclass
class World:
    base: Path
    clock: Clock
    stores: list[Store] = field(default_factory=list)
    cloud: dict[tuple[str, str], bytes] = field(default_factory=dict)
    events: dict[str, list[Event]] = field(default_factory=dict)

    @classmethod
    def make(cls, base: Path, clock: Clock, devices: int = 3) -> World:
        world = cls(base, clock)
        for number in range(devices):
            (base / f"folder{number}").mkdir(parents=True)
            world.stores.append(Store(base / f"device{number}.db"))
        return world

    def close(self) -> None:
        for store in self.stores:
            store.close()

    def folder(self, device: int) -> Path:
        return self.base / f"folder{device}"

    def device_id(self, device: int) -> str:
        return str(
            self.stores[device]
            .conn.execute("SELECT value FROM sync_settings WHERE key = 'device'")
            .fetchone()[0]
        )

    # -- writes, remembered as acknowledged ---------------------------------------------------
    def _remember(self, device: int, kind: str, row_id: int) -> None:
        store = self.stores[device]
        row = store.conn.execute(
            f'SELECT * FROM "{KINDS[kind].table}" WHERE id = ?', (row_id,)
        ).fetchone()
        content = Merger(store.conn, "").content(KINDS[kind], row)
        version = Version(row["updated_at"], self.device_id(device))
        self.events.setdefault(row["uuid"], []).append(Event(version, content))

    def insert(self, device: int, kind: str, values: dict[str, Any]) -> None:
        try:
            row_id = self.stores[device].insert(kind, values, DAY)
        except ValidationError:  # a name the device holds already: refused, nothing written
            return
        self._remember(device, kind, row_id)
        self.clock.tick()

    def update(self, device: int, kind: str, row_id: int, values: dict[str, Any]) -> None:
        try:
            self.stores[device].update(kind, row_id, values, DAY)
        except ValidationError:
            return
        self._remember(device, kind, row_id)
        self.clock.tick()

    def delete(self, device: int, kind: str, row_id: int) -> None:
        store = self.stores[device]
        store.delete(kind, row_id)
        for uid, stamp in store.conn.execute("SELECT uuid, deleted_at FROM sync_tombstones"):
            event = Event(Version(stamp, self.device_id(device), True), None)
            if all(e.version != event.version for e in self.events.get(uid, [])):
                self.events.setdefault(uid, []).append(event)
        self.clock.tick()

    def ids(self, device: int, kind: str) -> list[int]:
        table = KINDS[kind].table
        return [r[0] for r in self.stores[device].conn.execute(f'SELECT id FROM "{table}"')]

    # -- the folder ---------------------------------------------------------------------------
    def check_in(self, device: int, action_id: int, day: str, note: str) -> None:
        row_id, _ = self.stores[device].check_in(action_id, day, DAY, note=note)
        self._remember(device, "checkin", row_id)
        self.clock.tick()

    def sync(self, device: int) -> None:
        """Sync, and upload what it wrote; the versions sync itself made (a delete of the
        day's check-ins set aside) count as that device's writes."""
        sync(self.stores[device], self.folder(device), self.clock.stamp())
        own = self.folder(device) / ROOT / self.device_id(device)
        for path in sorted(own.glob("*.cts")) if own.exists() else ():
            if (own.name, path.name) in self.cloud:
                continue
            self.cloud[(own.name, path.name)] = data = path.read_bytes()
            for record in open_change(data, None)["records"]:
                version = Version(record["stamp"], own.name, record["deleted"], record["base"])
                known = self.events.setdefault(record["uuid"], [])
                if all(e.version != version for e in known):
                    known.append(Event(version, record["data"]))
        self.clock.tick()

    def deliver(self, device: int, index: int, how: str) -> None:
        """One file of the cloud to one device's folder: whole, cut short (a sync tool still
        copying it), or twice (again, and as a sync tool's conflict copy)."""
        if not self.cloud:
            return
        (owner, name), data = list(self.cloud.items())[index % len(self.cloud)]
        target = self.folder(device) / ROOT / owner
        target.mkdir(parents=True, exist_ok=True)
        if how == "cut":
            (target / name).write_bytes(data[: max(1, len(data) // 2)])
        else:
            (target / name).write_bytes(data)
        if how == "twice":
            shutil.copy(target / name, target / f"{name[:-4]} (conflicted copy).cts")

    def deliver_all(self, device: int) -> None:
        for index in range(len(self.cloud)):
            self.deliver(device, index, "whole")

    # -- what every device must hold ----------------------------------------------------------
    def expected(self) -> dict[str, dict[str, Any]]:
        """uuid → content of the newest acknowledged write of each live record (a link to a
        deleted contact keeps an interaction aside), names as written."""
        final: dict[str, Event] = {}
        for uid, events in self.events.items():
            best = events[0]
            for event in events[1:]:
                if beats(event.version, best.version):
                    best = event
            final[uid] = best
        alive = {uid: e for uid, e in final.items() if e.content is not None}
        shown = {
            uid: e
            for uid, e in alive.items()
            if all(e.content.get(link) in (None, *alive) for link in PARENTS.values())
        }
        shown = {
            uid: e
            for uid, e in shown.items()
            if all(link not in e.content or e.content[link] in shown for link in PARENTS.values())
        }
        days: dict[tuple[str, str], str] = {}
        for uid, e in shown.items():
            if "action_id" in e.content:  # one check-in per action and day: the latest
                key = (e.content["action_id"], e.content["date"])
                if key not in days or beats(e.version, shown[days[key]].version):
                    days[key] = uid
        return {
            uid: {**e.content, "updated_at": e.version.stamp}
            for uid, e in shown.items()
            if "action_id" not in e.content or uid in days.values()
        }

    def held(self, device: int) -> dict[str, dict[str, Any]]:
        store = self.stores[device]
        merger = Merger(store.conn, "")
        held = {}
        for kind in KINDS_TRACKED:
            for row in store.conn.execute(f'SELECT * FROM "{KINDS[kind].table}"'):
                held[row["uuid"]] = {
                    **merger.content(KINDS[kind], row),
                    "updated_at": row["updated_at"],
                }
        return held

    def shown_names(self, device: int) -> dict[str, str]:
        names = {}
        for kind, title in NAMES.items():
            table = KINDS[kind].table
            rows = self.stores[device].conn.execute(f'SELECT uuid, "{title}" FROM "{table}"')
            names.update({row[0]: row[1] for row in rows})
        return names

    def export(self, device: int) -> dict[str, Any]:
        data = export_data(self.stores[device])
        for value in data.values():
            if isinstance(value, list):
                value.sort(key=lambda record: record["uuid"])
        return data


def expected_names(expected: dict[str, dict[str, Any]]) -> dict[str, str]:
    """The names shown: per named kind, the oldest record keeps a name, the others a suffix."""
    shown = {}
    for kind, title in NAMES.items():
        fields = set(KINDS[kind].field_names)
        records = [
            (uid, c["created_at"], c[title])
            for uid, c in expected.items()
            if set(c) - {"created_at", "updated_at"} == fields
        ]
        shown.update(display_names(records))
    return shown
