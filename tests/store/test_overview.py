"""store.overview: the stats the screens share, computed once per state of the file."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest

from careertui.store import Store, overview, stats
from careertui.store.stats import compute_stats

TODAY = date(2026, 11, 23)


@pytest.fixture
def computed(monkeypatch: pytest.MonkeyPatch) -> list[date]:
    """The days compute_stats was run for, through shared_stats."""
    calls: list[date] = []

    def counting(store: Store, today: date) -> dict[str, Any]:
        calls.append(today)
        return compute_stats(store, today)

    monkeypatch.setattr(stats, "compute_stats", counting)  # shared_stats imports it when called
    return calls


def seed(path: Path) -> None:
    with Store(path) as store:
        store.insert("win", {"date": "2026-11-20", "title": "Shipped the beta"}, TODAY)
        store.insert("note", {"date": "2026-11-21", "text": "Asked about the rubric"}, TODAY)


@pytest.fixture
def settled_db(db_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A seeded file whose signature is trusted at once (in real use, a second after the last
    write)."""
    monkeypatch.setattr(overview, "SETTLED_NS", 0)
    seed(db_path)
    return db_path


def test_an_unchanged_file_is_computed_once_and_each_caller_gets_its_own_copy(
    settled_db: Path, computed: list[date]
) -> None:
    with Store(settled_db, write=False) as store:
        first = overview.shared_stats(store, TODAY)
        first["readiness"]["score"] = -1  # a screen changing its copy
        first["follow_ups_due"].append("x")
        second = overview.shared_stats(store, TODAY)
        third = overview.shared_stats(store, TODAY)
        assert second == third == compute_stats(store, TODAY)
    assert computed == [TODAY]
    assert second["readiness"]["score"] != -1 and "x" not in second["follow_ups_due"]
    assert second is not third


def test_a_commit_or_a_new_day_computes_again(settled_db: Path, computed: list[date]) -> None:
    with Store(settled_db, write=False) as store:
        before = overview.shared_stats(store, TODAY)
    with Store(settled_db) as store:  # e.g. `careertui add win …` in another terminal
        store.insert("win", {"date": "2026-11-22", "title": "Closed the deal"}, TODAY)
    with Store(settled_db, write=False) as store:
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


FORK_WARNING = "ignore:This process .* is multi-threaded"
"""Python 3.12+ warns of any fork in a process with threads (pytest's); careertui forks only
while it has one thread."""


@pytest.mark.filterwarnings(FORK_WARNING)
@pytest.mark.parametrize("fork", [True, False], ids=["child", "thread"])
def test_a_prefetch_reads_what_the_dashboard_reads(db_path: Path, fork: bool) -> None:
    seed(db_path)
    day, signature, read = overview.prefetch(db_path, fork=fork).result(timeout=30)
    with Store(db_path, write=False) as store:
        assert read == overview.read_dashboard(store, day)
    assert signature == overview.file_signature(db_path, settled=False)
    assert [e["title"] for e in read[1]] == ["Asked about the rubric", "Shipped the beta"]


@pytest.mark.filterwarnings(FORK_WARNING)
def test_a_child_hands_its_stats_to_this_process(settled_db: Path, computed: list[date]) -> None:
    """The screens warmed after the dashboard copy the child's stats rather than compute them
    again (the child's own compute_stats call is not counted here: it ran in the child)."""
    day, _signature, (stats, _entries) = overview.prefetch(settled_db, fork=True).result(timeout=30)
    stats.pop("tell_them")  # the dashboard's own part of its read
    with Store(settled_db, write=False) as store:
        assert overview.shared_stats(store, day) == stats
    assert computed == []


@pytest.mark.filterwarnings(FORK_WARNING)
@pytest.mark.parametrize("fork", [True, False], ids=["child", "thread"])
def test_a_failed_prefetch_fails_its_future(tmp_path: Path, fork: bool) -> None:
    bad = tmp_path / "notes.txt"
    bad.write_text("not a database\n" * 100)
    assert overview.prefetch(bad, fork=fork).exception(timeout=30) is not None
    assert bad.read_text() == "not a database\n" * 100
