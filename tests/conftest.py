"""Shared fixtures: every test gets its own database file and a pinned clock."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

TODAY = date(2026, 11, 23)  # a Monday


@pytest.fixture(autouse=True)
def _isolated(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Never touch the user's data: CAREERTUI_DB and the platform folders point into tmp_path."""
    monkeypatch.setenv("CAREERTUI_TODAY", TODAY.isoformat())
    monkeypatch.setenv("CAREERTUI_DB", str(tmp_path / "default" / "careertui.db"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "xdg-state"))


@pytest.fixture
def today() -> date:
    return TODAY


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "data" / "careertui.db"
