"""store.overview: the stats the screens share, computed once per state of the file."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest

from careertui.store import Store, overview
from careertui.store.stats import compute_stats

TODAY = date(2026, 11, 23)


@pytest.fixture
def computed(monkeypatch: pytest.MonkeyPatch) -> list[date]:
    """The days compute_stats was run for, through shared_stats."""
    calls: list[date] = []

    def counting(store: Store, today: date) -> dict[str, Any]:
        calls.append(today)
        return compute_stats(store, today)

    monkeypatch.setattr(overview, "compute_stats", counting)
    return calls


def seed(path: Path) -> None:
    with Store(path) as store:
        store.insert("win", {"date": "2026-11-20", "title": "Shipped the beta"}, TODAY)
        store.insert("note", {"date": "2026-11-21", "text": "Asked about the rubric"}, TODAY)


def test_an_unchanged_file_is_computed_once_and_each_caller_gets_its_own_copy(
    db_path: Path, computed: list[date], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(overview, "SETTLED_NS", 0)
    seed(db_path)
    with Store(db_path, write=False) as store:
        first = overview.shared_stats(store, TODAY)
        first["readiness"]["score"] = -1  # a screen changing its copy
        first["follow_ups_due"].append("x")
        second = overview.shared_stats(store, TODAY)
        third = overview.shared_stats(store, TODAY)
        assert second == third == compute_stats(store, TODAY)
    assert computed == [TODAY]
    assert second["readiness"]["score"] != -1 and "x" not in second["follow_ups_due"]
    assert second is not third


def test_a_commit_or_a_new_day_computes_again(
    db_path: Path, computed: list[date], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(overview, "SETTLED_NS", 0)
    seed(db_path)
    with Store(db_path, write=False) as store:
        before = overview.shared_stats(store, TODAY)
    with Store(db_path) as store:  # e.g. `careertui add win …` in another terminal
        store.insert("win", {"date": "2026-11-22", "title": "Closed the deal"}, TODAY)
    with Store(db_path, write=False) as store:
        after = overview.shared_stats(store, TODAY)
        assert after == compute_stats(store, TODAY)
        overview.shared_stats(store, date(2026, 11, 24))
    assert after != before
    assert computed == [TODAY, TODAY, date(2026, 11, 24)]


def test_a_file_written_in_the_last_second_is_not_trusted(
    db_path: Path, computed: list[date]
) -> None:
    seed(db_path)  # just written: its signature cannot tell a commit in the same tick
    with Store(db_path, write=False) as store:
        overview.shared_stats(store, TODAY)
        overview.shared_stats(store, TODAY)
    assert computed == [TODAY, TODAY]
