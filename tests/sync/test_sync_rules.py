"""The merge rules one at a time, through the store: a half-written change file, deletes against
edits, one check-in per action and day, records waiting for what they link to, and a sync run
twice at once."""

from __future__ import annotations

import threading
from datetime import date
from pathlib import Path

import pytest
from sync_sim import Clock

from careertui.domain.merge import Version, after, beats, display_names, unseen
from careertui.store import Store
from careertui.store.sync import conflicts, sync
from careertui.store.sync_files import ROOT

DAY = date(2026, 11, 23)


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> Clock:
    """The real time, a millisecond apart at least: deletes are timed by SQLite's clock."""
    import careertui.clock

    ticking = Clock()
    monkeypatch.setattr(careertui.clock, "timestamp", ticking.stamp)
    return ticking


@pytest.fixture
def pair(tmp_path: Path, clock: Clock):  # type: ignore[no-untyped-def]
    (tmp_path / "cloud").mkdir()
    a, b = Store(tmp_path / "a.db"), Store(tmp_path / "b.db")
    yield a, b, tmp_path / "cloud"
    a.close()
    b.close()


def go(store: Store, folder: Path, clock: Clock):  # type: ignore[no-untyped-def]
    return sync(store, folder, clock.stamp())


def texts(store: Store) -> list[str]:
    return sorted(row["text"] for row in store.rows("note"))


def test_rules_in_words() -> None:
    old, new = Version("2026-11-23T10:00:00+00:00", "a"), Version("2026-11-23T11:00:00+01:00", "b")
    assert beats(new, old) is True  # 10:00 UTC both: the tie goes to the greater device id
    assert beats(Version(old.stamp, "a", deleted=True), old)  # a delete after an edit
    assert unseen(Version(new.stamp, "b", base=None), old)
    assert not unseen(Version(new.stamp, "b", base=old.stamp), old)
    assert after("2026-11-23T10:00:00+00:00", "2026-11-23T09:00:00+00:00") == (
        "2026-11-23T10:00:01+00:00"
    )
    assert display_names(
        [("u2", "2026-01-02T00:00:00", "Dana"), ("u1", "2026-01-01T00:00:00", "dana")]
    ) == {"u1": "dana", "u2": "Dana (u2)"}


def test_a_half_written_change_file_waits_and_is_applied_whole_later(pair, clock) -> None:
    a, b, folder = pair
    for text in ("one", "two", "three"):
        a.insert("note", {"date": "2026-11-20", "text": text}, DAY)
    go(a, folder, clock)
    (path,) = (folder / ROOT).rglob("*.cts")
    whole = path.read_bytes()
    path.write_bytes(whole[: len(whole) // 2])  # a sync tool still copying it
    result = go(b, folder, clock)
    assert result.applied_files == 0 and "not complete yet" in result.waiting[0]
    assert texts(b) == []
    path.write_bytes(whole)
    assert go(b, folder, clock).applied_files == 1
    assert texts(b) == ["one", "three", "two"]
    assert go(b, folder, clock).applied_files == 0  # applied once, never again


def test_a_delete_beats_an_older_edit_and_a_later_edit_beats_the_delete(pair, clock) -> None:
    a, b, folder = pair
    note = a.insert("note", {"date": "2026-11-20", "text": "draft"}, DAY)
    go(a, folder, clock)
    go(b, folder, clock)
    b_note = b.rows("note")[0]["id"]
    b.update("note", b_note, {"text": "edited on b first"}, DAY)
    clock.tick()
    a.delete("note", note)  # later than b's edit: the delete wins
    go(b, folder, clock)
    go(a, folder, clock)
    go(b, folder, clock)
    assert texts(a) == texts(b) == []
    listed = conflicts(b)
    assert any("edited on b first" in (item["loser"] or "") for item in listed)

    other = a.insert("note", {"date": "2026-11-20", "text": "keep me"}, DAY)
    go(a, folder, clock)
    go(b, folder, clock)
    b.delete("note", b.rows("note")[0]["id"])
    a.update("note", other, {"text": "kept: edited after the delete"}, DAY)
    for store in (b, a, b):
        go(store, folder, clock)
    assert texts(a) == texts(b) == ["kept: edited after the delete"]


def test_one_check_in_per_action_and_day(pair, clock) -> None:
    a, b, folder = pair
    action = a.insert("action", {"title": "Write", "cadence": "daily"}, DAY)
    go(a, folder, clock)
    go(b, folder, clock)
    a.check_in(action, "2026-11-22", DAY, note="from a")
    b.check_in(b.rows("action")[0]["id"], "2026-11-22", DAY, note="from b")
    for store in (a, b, a):
        go(store, folder, clock)
    rows = [(r["date"], r["note"]) for s in (a, b) for r in s.rows("checkin")]
    assert rows == [("2026-11-22", "from b")] * 2  # b's was written later
    assert any("from a" in (item["loser"] or "") for item in conflicts(a))
    assert [item["what"] for item in conflicts(b)] == ["set aside: a later record has its place"]
    assert "from a" in conflicts(b)[0]["loser"]  # b is told of a's check-in too, once
    a.delete("checkin", a.rows("checkin")[0]["id"])  # the day's check-in, not one copy of it
    for store in (a, b, a):
        go(store, folder, clock)
    assert a.rows("checkin") == b.rows("checkin") == []


def test_a_record_waits_for_what_it_links_to(pair, clock) -> None:
    a, b, folder = pair
    contact = a.insert("contact", {"name": "Dana Lee"}, DAY)
    go(a, folder, clock)
    first = next((folder / ROOT).rglob("*.cts"))
    a.insert("interaction", {"contact_id": contact, "date": "2026-11-21", "notes": "hi"}, DAY)
    go(a, folder, clock)
    held = first.read_bytes()
    first.unlink()  # the contact's file arrives after the interaction's
    go(b, folder, clock)
    assert b.count("interaction") == 0 and b.count("contact") == 0
    first.write_bytes(held)
    go(b, folder, clock)
    assert [r["notes"] for r in b.rows("interaction")] == ["hi"]


def test_two_syncs_at_once_apply_each_file_once(pair, clock) -> None:
    a, _b, folder = pair
    for number in range(30):
        a.insert("note", {"date": "2026-11-20", "text": f"n{number}"}, DAY)
    go(a, folder, clock)
    path = Path(str(a.path).replace("a.db", "b.db"))
    errors: list[BaseException] = []

    def one() -> None:
        try:
            with Store(path) as store:
                sync(store, folder, "2026-11-23T12:00:00+00:00")
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    threads = [threading.Thread(target=one) for _ in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    with Store(path) as store:
        assert store.count("note") == 30
        assert store.conn.execute("SELECT count(*) FROM sync_applied").fetchone()[0] == 1
    device_dirs = list((folder / ROOT).iterdir())
    assert len(device_dirs) == 1  # b had nothing to send, so it wrote nothing


def test_a_change_file_that_cannot_be_applied_waits_and_says_why(pair, clock) -> None:
    from careertui.store import sync_files

    _a, b, folder = pair
    other = "ab" * 16
    bad = [
        {"format": "careertui-sync", "version": 1, "device": other, "records": [{"kind": "note"}]},
        {"format": "careertui-sync", "version": 2, "device": other, "records": []},
        {
            "format": "careertui-sync",
            "version": 1,
            "device": other,
            "records": [
                {
                    "kind": "gadget",
                    "uuid": "u",
                    "stamp": "2026-11-23T10:00:00+00:00",
                    "base": None,
                    "deleted": True,
                    "data": None,
                }
            ],
        },
    ]
    for content in bad:
        sync_files.write_change(folder, other, sync_files.seal(content, None))
    result = go(b, folder, clock)
    assert result.applied_files == 0
    reasons = " ".join(result.waiting)
    assert "is damaged" in reasons and "newer careertui" in reasons
    assert b.count("note") == 0


def _record(kind: object, stamp: str, data: object) -> dict:
    return {"kind": kind, "uuid": "u", "stamp": stamp, "base": None, "deleted": False, "data": data}


def test_hostile_change_files_wait_in_one_line_and_the_sync_goes_on(
    pair, clock, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Values of the wrong type stopped every sync at its write ('type list is not supported'),
    a kind that is not text raised TypeError, half a surrogate pair or an integer past 2**63
    raised at the write, a time in year 9999 broke the next edit's time, and a small file of
    zeros unpacked into all the memory."""
    import json
    import zlib

    from careertui.store import sync_files

    a, b, folder = pair
    other = "cd" * 16
    now = "2026-11-23T10:00:00+00:00"
    note = {"created_at": now, "date": "2026-11-23", "text": "fine"}
    bad = [
        _record("note", now, {**note, "date": ["x"], "text": {"a": 1}}),
        _record(["note"], now, note),
        _record("note", now, {**note, "text": "half a pair \ud800"}),
        _record("contact", now, {"created_at": now, "name": "Big", "knows_me": 10**30}),
        _record("win", now, {"created_at": now, "date": "2026-11-23", "title": "t", "tags": ["a"]}),
        _record("note", "9999-12-31T23:59:59+00:00", note),
    ]
    for record in bad:
        content = {"format": "careertui-sync", "version": 1, "device": other, "records": [record]}
        packed = zlib.compress(json.dumps(content).encode())  # escaped: half a pair passes
        sync_files.write_change(folder, other, sync_files.PLAIN + packed)
    monkeypatch.setattr(sync_files, "MAX_UNPACKED", 1 << 20)
    bomb = sync_files.PLAIN + zlib.compress(b" " * (4 << 20))
    sync_files.write_change(folder, other, bomb)
    monkeypatch.setattr(sync_files, "MAX_FILE", 1 << 15)
    sync_files.write_change(folder, other, sync_files.PLAIN + bytes(range(256)) * 256)
    a.insert("note", {"date": "2026-11-23", "text": "from a"}, DAY)
    go(a, folder, clock)
    result = go(b, folder, clock)
    assert texts(b) == ["from a"]
    reasons = sorted(line.split(": ", 1)[1] for line in result.waiting)
    assert reasons == [
        "is damaged (a record without its uuid, time or content)",
        "is damaged (a record without its uuid, time or content)",
        "is damaged (a value of the wrong type)",
        "is damaged (a value of the wrong type)",
        "is damaged (a value of the wrong type)",
        "is damaged (text that is not UTF-8)",
        "larger than 0 MB; not read",  # the limit is set to 32 KB here
        "unpacks to more than 1 MB; not read",
    ]


def test_a_new_folder_gets_the_whole_journal_from_each_devices_first_file(pair, clock) -> None:
    """Moving to a new folder (a new cloud, or a fresh one for encryption) sent only what changed
    since the last sync, so a device joining it later never got the older records."""
    a, b, old = pair
    new = old.parent / "new-cloud"
    new.mkdir()
    a.insert("note", {"date": "2026-11-20", "text": "old from a"}, DAY)
    b.insert("contact", {"name": "Dana Lee"}, DAY)
    gone = b.insert("note", {"date": "2026-11-21", "text": "deleted on b"}, DAY)
    for store in (a, b, a):
        go(store, old, clock)
    b.delete("note", gone)
    go(b, new, clock)
    go(a, new, clock)
    with Store(old.parent / "c.db") as c:
        result = go(c, new, clock)
        assert texts(c) == ["old from a"] and [r["name"] for r in c.rows("contact")] == ["Dana Lee"]
        assert result.conflicts == 0
        go(a, new, clock)
        assert texts(a) == ["old from a"]
        assert conflicts(a) == [] and conflicts(c) == []
        again = go(c, new, clock)
        assert (again.received, again.conflicts, again.waiting) == (0, 0, [])
        go(b, new, clock)
        assert _sorted_export(a) == _sorted_export(b) == _sorted_export(c)


def _sorted_export(store: Store) -> dict:
    from careertui.store.export import export_data

    data = export_data(store)
    for value in data.values():
        if isinstance(value, list):
            value.sort(key=lambda record: record["uuid"])
    return data


def test_a_folder_that_cannot_be_written_loses_nothing(
    pair, clock, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The change file is written inside the sync's transaction: when it cannot be (a read-only
    folder, a full disk), the sync stops in one line and the changes are sent next time."""
    import os

    from careertui.store.sync_files import SyncError

    a, b, folder = pair
    a.insert("note", {"date": "2026-11-23", "text": "not lost"}, DAY)

    def refuse(*_args: object) -> None:
        raise PermissionError(13, "Permission denied")

    with monkeypatch.context() as patch:
        patch.setattr(os, "replace", refuse)
        with pytest.raises(SyncError, match="cannot write .*Permission denied"):
            go(a, folder, clock)
    assert list(folder.rglob("*.cts*")) == [] and list(folder.rglob(".*.tmp")) == []
    assert go(a, folder, clock).sent == 1
    go(b, folder, clock)
    assert texts(b) == ["not lost"]


def test_a_version_the_table_refuses_does_not_take_anothers_place(pair, clock) -> None:
    """Two weekly reviews of one week from one device at one time, one with notes the table
    refuses (null): each took the week from the other at every round, and the sync never
    ended."""
    import json
    import signal
    import zlib

    from careertui.store import sync_files

    _a, b, folder = pair
    other = "ab" * 16
    now = "2026-11-23T10:00:00+00:00"
    week = {"created_at": now, "week": "2026-W47", "date": "2026-11-23", "notes": "n"}
    week.update(focus="", looked_back="")
    records = [
        {"kind": "review", "uuid": uid, "stamp": now, "base": None, "deleted": False, "data": data}
        for uid, data in (("u1", {**week, "notes": None}), ("u0", week))
    ]
    content = {"format": "careertui-sync", "version": 1, "device": other, "records": records}
    packed = sync_files.PLAIN + zlib.compress(json.dumps(content).encode())
    sync_files.write_change(folder, other, packed)

    def stop(*_args: object) -> None:
        raise TimeoutError("the sync did not end")

    signal.signal(signal.SIGALRM, stop)
    signal.alarm(20)
    try:
        go(b, folder, clock)
    finally:
        signal.alarm(0)
    assert [row["uuid"] for row in b.rows("review")] == ["u0"]
