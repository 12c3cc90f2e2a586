"""The opportunity tables: the migration of an older file, one assessment per opportunity,
cascades, and a decision moving the goal's status."""

import sqlite3
from datetime import date
from pathlib import Path

import pytest

from careertui.domain.records import ValidationError
from careertui.store import Store
from careertui.store import opportunities as opp
from careertui.store.schema import MIGRATIONS, _opportunity_tables


def test_an_older_file_gains_the_tables(db_path: Path, today: date) -> None:
    with Store(db_path) as store:
        goal = store.insert("goal", {"title": "Offer", "kind": "opportunity"}, today)
    before = MIGRATIONS.index(_opportunity_tables)
    with sqlite3.connect(db_path) as conn:
        for table in ("assessments", "decisions", "score_weights"):
            conn.execute(f'DROP TABLE "{table}"')
        conn.execute(f"PRAGMA user_version = {before}")
    conn.close()
    with Store(db_path) as store:
        opp.save_assessment(store, goal, {"skills": 2}, today)
        opp.save_assessment(store, goal, {"finances": -1}, today)  # the same row, changed
        rows = store.rows("assessment")
        assert [(r["skills"], r["finances"]) for r in rows] == [(2, -1)]
        assert opp.weights(store)["skills"] == 1.0


def test_decisions_move_the_status_and_go_with_the_goal(db_path: Path, today: date) -> None:
    with Store(db_path) as store:
        goal = store.insert("goal", {"title": "Offer", "kind": "opportunity"}, today)
        opp.save_assessment(store, goal, {"domain": 4}, today)
        for choice, status in (
            ("declined", "dropped"),
            ("pursuing", "active"),
            ("accepted", "done"),
        ):
            opp.decide(store, goal, choice, "why not", today)
            assert store.get("goal", goal)["status"] == status
        with pytest.raises(ValidationError):
            opp.decide(store, goal, "maybe", "why not", today)
        with pytest.raises(ValidationError, match="Why is required"):
            opp.decide(store, goal, "dropped", "  ", today)
        assert len(opp.decisions_of(store, goal)) == 3
        store.delete("goal", goal)
        assert store.rows("assessment") == [] and store.rows("decision") == []


def test_an_import_merges_the_assessment_and_the_weights(tmp_path: Path, today: date) -> None:
    from careertui.store.export import export_data
    from careertui.store.importer import import_data

    with Store(tmp_path / "a.db") as a, Store(tmp_path / "b.db") as b:
        goal = a.insert("goal", {"title": "Offer", "kind": "opportunity"}, today)
        opp.save_assessment(a, goal, {"skills": 1}, today)
        opp.set_weights(a, {"skills": 2}, today)
        import_data(b, export_data(a), today)
        opp.set_weights(b, {"pay": 0}, today)  # b's own change, to its (imported) row
        data = export_data(a)
        data["assessments"][0].update(uuid="00000000-0000-4000-8000-0000000000aa", skills=2)
        data["assessments"][0]["updated_at"] = "2999-01-01T00:00:00+00:00"
        data["score_weights"][0]["uuid"] = "00000000-0000-4000-8000-0000000000bb"
        import_data(b, data, today)  # another uuid for the same opportunity's assessment
        assert [r["skills"] for r in b.rows("assessment")] == [2]
        assert b.count("weights") == 1
