"""Fixtures of the UI tests that count reads and trust file signatures at once."""

from __future__ import annotations

from collections import Counter
from typing import Any

import pytest

from careertui.app import CareerApp
from careertui.screens.base import CareerScreen
from careertui.store import overview


@pytest.fixture
def reads(monkeypatch: pytest.MonkeyPatch) -> Counter[str]:
    """Each screen's reads, counted by the screen's class name."""
    counts: Counter[str] = Counter()
    original = CareerScreen.fetch

    async def counting(self: CareerScreen, fn: Any, *args: Any) -> Any:
        counts[type(self).__name__] += 1
        return await original(self, fn, *args)

    monkeypatch.setattr(CareerScreen, "fetch", counting)
    return counts


@pytest.fixture
def settled_at_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """Trust the file's signature at once (in real use, a second after the last write)."""
    monkeypatch.setattr(overview, "SETTLED_NS", 0)


@pytest.fixture
def css_refreshes(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The mode current at each refresh of the whole app's CSS (a re-parse and a restyle)."""
    calls: list[str] = []
    original = CareerApp.refresh_css

    def counting(self: CareerApp, animate: bool = True) -> None:
        calls.append(self.current_mode)
        original(self, animate)

    monkeypatch.setattr(CareerApp, "refresh_css", counting)
    return calls
