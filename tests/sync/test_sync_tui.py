"""The app syncs with the sync folder as it starts and as it quits, and tells when (a notice,
and the header of every screen)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

import careertui.tui.syncing as syncing
from careertui.app import CareerApp
from careertui.store import Store
from careertui.store.sync import set_setting, sync
from careertui.store.sync_files import ROOT

DAY = date(2026, 11, 23)


async def test_the_app_syncs_on_start_and_on_quit(
    db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(syncing, "SYNC_START_DELAY", 0.05)
    folder = tmp_path / "cloud"
    folder.mkdir()
    with Store(tmp_path / "laptop.db") as laptop:
        laptop.insert("note", {"date": "2026-11-20", "text": "written on the laptop"}, DAY)
        sync(laptop, folder, "2026-11-23T10:00:00+00:00")
    with Store(db_path) as store:
        set_setting(store, "folder", str(folder))
    app = CareerApp(db_path)
    told: list[str] = []
    shown = app.notify
    monkeypatch.setattr(
        app, "notify", lambda message, **kw: (told.append(message), shown(message, **kw))
    )
    async with app.run_test(size=(120, 36)) as pilot:
        for _ in range(100):
            await pilot.pause(0.05)
            if app.last_sync:
                break
        await app.workers.wait_for_complete()
        with Store(db_path, write=False) as store:
            assert [row["text"] for row in store.rows("note")] == ["written on the laptop"]
        assert any(f"Synced at {app.last_sync}: 1 change in" in text for text in told)
        assert app.last_sync and not app.screen.sub_title
        assert app.sub_title == f"synced {app.last_sync}"  # the header of every screen says it
        with Store(db_path) as store:
            store.insert("note", {"date": "2026-11-21", "text": "written in the app"}, DAY)
        before = len(list((folder / ROOT).rglob("*.cts")))
        await pilot.press("q")
    assert len(list((folder / ROOT).rglob("*.cts"))) == before + 1
