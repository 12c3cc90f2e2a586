"""`careertui stats [--json]`: the object of docs/CLI.md and the readable summary."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from careertui.cli import cli

TODAY = "2026-11-23"  # a Monday
ENV = {"CAREERTUI_TODAY": TODAY}


def run(db: Path, *args: str) -> Result:
    return CliRunner().invoke(cli, ["--db", str(db), *args], env=ENV, catch_exceptions=False)


@pytest.fixture
def journal(tmp_path: Path) -> Path:
    db = tmp_path / "journal.db"
    commands = [
        ["add", "responsibility", "Stakeholder reporting"],
        ["add", "responsibility", "Hiring"],
        ["set", "review-date", "2026-12-31"],
        [
            "add",
            "win",
            "Hired two engineers",
            "--resp",
            "hiring",
            "--impact",
            "2 hires, 30% faster",
            "--date",
            "2026-11-20",
        ],
        ["add", "win", "Wrote the roadmap", "--date", "2026-10-05"],
        ["add", "contact", "Dana Lee", "--influence", "decision-maker", "--every", "30"],
        [
            "add",
            "interaction",
            "dana lee",
            "Coffee about the roadmap",
            "--date",
            "2026-10-01",
            "--follow-up",
            "2026-11-20",
        ],
        ["add", "action", "Write 500 words", "--cadence", "daily"],
        ["check", "Write 500 words", "--date", "2026-11-21"],
        ["check", "Write 500 words", "--date", "2026-11-22"],
        ["check", "Write 500 words"],
        ["add", "goal", "Promotion"],
        ["add", "goal", "Draft the case", "--parent", "Promotion", "--due", "2026-11-30"],
        [
            "add",
            "perception",
            "--behaviour",
            "4",
            "--language",
            "3",
            "--attitude",
            "5",
            "--date",
            "2026-11-10",
        ],
        ["add", "note", "Journal entry"],
    ]
    for command in commands:
        result = run(db, *command)
        assert result.exit_code == 0, (command, result.output)
    return db


EXPECTED: dict[str, Any] = {
    "today": TODAY,
    "streak": {"current": 4, "longest": 4},
    "weekly_reviews": {"current": 0},
    "actions": [
        {
            "id": 1,
            "title": "Write 500 words",
            "goal_id": None,
            "goal": None,
            "cadence": "daily",
            "streak": 3,
            "strength": 14,
            "target": 1,
            "met_this_period": 1,
            "period_start": TODAY,
            "due_today": False,
        },
    ],
    "readiness": {
        # 20 + 10 + 15 + 15 + 10: the period starts at the first entry (2026-10-01), and
        # October and November each hold a win
        "score": 70,
        "band": "ready",
        "parts": {
            "coverage": 20.0,
            "evidence": 10.0,
            "consistency": 15.0,
            "visibility": 15.0,
            "self_check": 10.0,
        },
        "gaps": [
            {"part": "coverage", "points": 20.0, "text": "Link a win to: Stakeholder reporting"},
            {
                "part": "evidence",
                "points": 10.0,
                "text": 'Add a measured impact to 1 win, e.g. "Wrote the roadmap"',
            },
        ],
        "days_to_review": 38,
        "review_date": "2026-12-31",
        "period": {
            "start": "2026-10-01",
            "end": "2026-12-31",
            "chosen": "since your first entry",
        },
    },
    "follow_ups_due": [
        {
            "kind": "contact",
            "contact_id": 1,
            "contact": "Dana Lee",
            "interaction_id": None,
            "due": "2026-10-31",
            "days_overdue": 23,
            "text": "Get in touch with Dana Lee (every 30 days), last seen 53 days ago",
        },
        {
            "kind": "interaction",
            "contact_id": 1,
            "contact": "Dana Lee",
            "interaction_id": 1,
            "due": "2026-11-20",
            "days_overdue": 3,
            "text": "Follow up with Dana Lee: Coffee about the roadmap",
        },
    ],
    "milestones_due": [
        {"id": 2, "title": "Draft the case", "goal": "Promotion", "due": "2026-11-30", "days": 7},
    ],
    "security_due": True,
    "security": {
        "due": True,
        "last_date": None,
        "weakest": None,
        "weakest_score": None,
        "days_since": None,
    },
    "look_backs_due": [],
    "measure_due": [],
    "promotion_case": {"evidenced": 0, "next_steps": [], "total": 0},
    "counts": {"wins": 2, "notes": 1, "interactions": 1, "contacts": 1, "goals": 2},
}


def test_stats_json(journal: Path) -> None:
    result = run(journal, "stats", "--json")
    assert result.exit_code == 0
    data = json.loads(result.output)
    heat = data.pop("heatmap")
    assert data == EXPECTED
    assert heat["first"] == "2026-05-25"
    assert {d: n for d, n in heat["days"].items() if n} == {
        "2026-10-01": 1,
        "2026-10-05": 1,
        "2026-11-10": 1,
        "2026-11-20": 1,
        "2026-11-21": 1,
        "2026-11-22": 1,
        "2026-11-23": 2,
    }


def test_stats_summary(journal: Path) -> None:
    result = run(journal, "stats")
    assert result.exit_code == 0
    assert result.output.splitlines() == [
        "Today: 2026-11-23",
        "Journaling streak: 4 days (longest 4 days)",
        "Weekly reviews: 0 weeks in a row",
        "",
        "Key actions:",
        "  Write 500 words  daily      streak   3  strength  14  done this period",
        "",
        "Review readiness: 70/100 (ready); review in 38 days (2026-12-31)",
        "  coverage 20/40  evidence 10/20  consistency 15/15  visibility 15/15  self_check 10/10",
        "  -20 coverage: Link a win to: Stakeholder reporting",
        '  -10 evidence: Add a measured impact to 1 win, e.g. "Wrote the roadmap"',
        "",
        "Due:",
        "  Follow-up: Get in touch with Dana Lee (every 30 days), last seen 53 days ago "
        "(23 days overdue)",
        "  Follow-up: Follow up with Dana Lee: Coffee about the roadmap (3 days overdue)",
        "  Milestone: Draft the case (Promotion), due in 7 days (2026-11-30)",
        "  Security check: due (none yet)",
    ]


def test_stats_never_lets_user_text_reach_the_terminal_raw(tmp_path: Path) -> None:
    db = tmp_path / "t.db"
    added = run(db, "add", "action", "Bell\x07 [bold]x[/]\nnext", "--cadence", "weekly")
    assert added.exit_code == 0
    output = run(db, "stats").output
    assert "Bell\ufffd [bold]x[/] next  weekly" in output
    assert "\x07" not in output


def test_stats_of_a_missing_file_is_one_line_and_exit_1(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["--db", str(tmp_path / "none.db"), "stats"], env=ENV)
    assert result.exit_code == 1
    assert len(result.output.strip().splitlines()) == 1
    assert "none.db" in result.output
    assert "Traceback" not in result.output


def test_stats_json_in_a_real_process(journal: Path) -> None:
    executable = Path(sys.executable).with_name("careertui")
    completed = subprocess.run(
        [str(executable), "stats", "--json", "--db", str(journal)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        env={**os.environ, **ENV},
    )
    assert completed.returncode == 0, completed.stderr
    assert completed.stderr == ""
    data = json.loads(completed.stdout)
    data.pop("heatmap")
    assert data == EXPECTED
