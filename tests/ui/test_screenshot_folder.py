"""The palette's screenshot goes to Downloads, or without one to the data folder's exports/
(made if missing): never the current folder unasked."""

from __future__ import annotations

from pathlib import Path

import platformdirs
import pytest

from careertui.app import CareerApp
from careertui.store import Store


async def test_without_downloads_a_screenshot_goes_to_exports(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "data" / "s.db"
    Store(db).close()
    here = tmp_path / "here"
    here.mkdir()
    monkeypatch.chdir(here)
    monkeypatch.setattr(platformdirs, "user_downloads_dir", lambda: str(tmp_path / "none"))
    app = CareerApp(db)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        app.deliver_screenshot()
    assert len(list((db.parent / "exports").glob("careertui_*.svg"))) == 1
    assert list(here.iterdir()) == []
