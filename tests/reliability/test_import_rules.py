"""Class 4: import keeps the rules capture keeps. A record that `add` would refuse (a name
another record of its kind holds, here or in the same file) is refused by import with add's own
words, naming the record; a JSON value of the wrong type is refused, not converted. A refused
import writes nothing."""

from __future__ import annotations

import json
import uuid
from pathlib import Path
from typing import Any

import pytest
from reliability_support import careertui, sha256

ENV = {"CAREERTUI_TODAY": "2026-12-03"}
STAMP = "2026-11-01T09:00:00+00:00"


def _record(**fields: Any) -> dict[str, Any]:
    return {"uuid": str(uuid.uuid4()), "created_at": STAMP, "updated_at": STAMP, **fields}


def _file(tmp_path: Path, **sections: list[dict[str, Any]]) -> Path:
    path = tmp_path / "in.json"
    path.write_text(json.dumps({"format": "careertui", "version": 1, **sections}))
    return path


NAMED = {
    # kind: (add arguments for an existing record, the export section, its record)
    "contact": (["add", "contact", "dana lee"], "contacts", {"name": "Dana Lee"}),
    "action": (
        ["add", "action", "walk daily", "--cadence", "daily"],
        "actions",
        {"title": "Walk  Daily", "cadence": "daily", "active": 1},
    ),
    "responsibility": (
        ["add", "responsibility", "hiring"],
        "responsibilities",
        {"title": "HIRING", "active": 1},
    ),
    "goal": (
        ["add", "goal", "Staff engineer"],
        "goals",
        {"title": "staff engineer", "kind": "goal", "status": "active"},
    ),
}


def _db(tmp_path: Path, *setup: list[str]) -> Path:
    db = tmp_path / "j.db"
    for args in (["add", "note", "first"], *setup):
        assert careertui(args, db, env=ENV).code == 0
    return db


@pytest.mark.parametrize("kind", NAMED)
def test_a_name_held_in_the_database_is_refused_as_add_refuses_it(
    tmp_path: Path, kind: str
) -> None:
    add_args, section, fields = NAMED[kind]
    db = _db(tmp_path, add_args)
    again = add_args[:2] + [str(next(iter(v for k, v in fields.items() if k in ("name", "title"))))]
    add_refusal = careertui([*again, *add_args[3:]], db, env=ENV)
    assert add_refusal.code == 1 and "exists already" in add_refusal.err
    record = _record(**fields)
    before = sha256(db)
    result = careertui(["import", _file(tmp_path, **{section: [record]})], db, env=ENV)
    assert result.code == 1 and len(result.err_lines) == 1, result
    assert record["uuid"] in result.err  # names the record
    assert add_refusal.err.removeprefix("careertui: ").strip() in result.err  # add's words
    assert sha256(db) == before


@pytest.mark.parametrize("kind", NAMED)
def test_two_records_of_one_name_in_the_file_are_refused(tmp_path: Path, kind: str) -> None:
    _, section, fields = NAMED[kind]
    db = _db(tmp_path)
    before = sha256(db)
    twins = [_record(**fields), _record(**fields)]
    result = careertui(["import", _file(tmp_path, **{section: twins})], db, env=ENV)
    assert result.code == 1 and "exists already" in result.err and twins[1]["uuid"] in result.err
    assert sha256(db) == before


def test_the_same_record_again_and_milestones_are_not_clashes(tmp_path: Path) -> None:
    db = _db(tmp_path)
    goal = _record(title="Lead", kind="goal", status="active")
    milestones = [
        _record(title="Draft", kind="milestone", status="active", parent_uuid=goal["uuid"])
        for _ in range(2)
    ]
    path = _file(tmp_path, goals=[goal, *milestones])
    assert careertui(["import", path], db, env=ENV).code == 0
    goal["updated_at"] = "2026-11-02T09:00:00+00:00"  # newer: an update of itself
    path = _file(tmp_path, goals=[goal, *milestones])
    assert careertui(["import", path], db, env=ENV).code == 0


WRONG_TYPES = {
    "a number as note text": ("notes", {"date": "2026-11-01", "text": 42, "tags": ""}),
    "a list as note text": ("notes", {"date": "2026-11-01", "text": ["a", "b"], "tags": ""}),
    "an object as a win title": ("wins", {"date": "2026-11-01", "title": {"x": 1}}),
    "a number as a contact name": ("contacts", {"name": 7}),
    "text as a rating": (
        "perceptions",
        {"date": "2026-11-01", "behaviour": "3", "language": 3, "attitude": 3},
    ),
    "true as a rating": (
        "perceptions",
        {"date": "2026-11-01", "behaviour": True, "language": 3, "attitude": 3},
    ),
    "a float rating": (
        "security_checks",
        {
            "date": "2026-11-01",
            "skills": 3.5,
            "performance": 3,
            "network": 3,
            "job_search": 3,
            "finances": 3,
        },
    ),
    "text as yes/no": ("responsibilities", {"title": "Ops", "active": "yes"}),
    "2 as yes/no": ("responsibilities", {"title": "Ops", "active": 2}),
    "a number as tags": ("notes", {"date": "2026-11-01", "text": "t", "tags": 5}),
    "a number as a date": ("notes", {"date": 20261101, "text": "t", "tags": ""}),
    "true as a number": ("goals", {"title": "G", "kind": "goal", "target": True}),
}


@pytest.mark.parametrize("case", WRONG_TYPES)
def test_a_value_of_the_wrong_json_type_is_refused(tmp_path: Path, case: str) -> None:
    section, fields = WRONG_TYPES[case]
    db = _db(tmp_path)
    before = sha256(db)
    record = _record(**fields)
    result = careertui(["import", _file(tmp_path, **{section: [record]})], db, env=ENV)
    assert result.code == 1 and len(result.err_lines) == 1, result
    assert record["uuid"] in result.err and " is not " in result.err, result.err
    assert sha256(db) == before


def test_an_export_imports_back_whole(tmp_path: Path) -> None:
    """The export's own forms (0/1 for yes/no, tags as one string, floats) pass the checks."""
    db = _db(
        tmp_path,
        ["add", "responsibility", "Hiring"],
        ["add", "win", "Shipped", "--impact", "3 teams", "--tag", "launch"],
        ["add", "goal", "Lead", "--target", "2.5"],
    )
    out = tmp_path / "all.json"
    assert careertui(["export", "--out", out], db, env=ENV).code == 0
    copy = tmp_path / "copy.db"
    result = careertui(["import", out], copy, env=ENV)
    assert result.code == 0, result
