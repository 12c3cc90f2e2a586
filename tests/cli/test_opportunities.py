"""`careertui weigh`, `compare`, `decide` and `set weights`, through click in-process."""

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from careertui.cli import cli
from careertui.store import Store


def run(db: Path, *args: str, today: str = "2026-11-23", **kw) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, [*args, "--db", str(db)], env={"CAREERTUI_TODAY": today}, **kw)
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def three(db_path: Path) -> Path:
    for title in ("Acme head of data", "Globex staff engineer", "Initech side project"):
        assert run(db_path, "add", "goal", title, "--kind", "opportunity")[0] == 0
    run(db_path, "add", "goal", "Acme promotion")  # a goal, not an opportunity
    return db_path


def test_weigh_parses_signed_values_and_updates(three: Path) -> None:
    code, out, err = run(
        three,
        "weigh",
        "Acme head of data",
        "--skills",
        "+2",
        "--finances",
        "-1",
        "--domain",
        "4",
        "--why-skills",
        "new stack",
        "--pay",
        "$140,000",
        "--timeframe",
        "March",
        "--notes",
        "long commute",
    )
    assert (code, err) == (0, "")
    assert "Weighed #1." in out
    assert "Job skills  +2         new stack" in out
    assert "Finances    -1" in out
    # skills 1, finances 0.25, domain 0.75; pay is out without a target salary: 2/3 → 67
    assert "Score       67/100 (weights: equal)" in out
    assert max(len(line) for line in out.splitlines()) <= 80  # the formula's wrap too
    assert "   salary, at most 1)" in out.splitlines()
    assert "pay needs a target salary" in out
    code, out, _ = run(three, "weigh", "Acme head of data", "--finances", "+1")
    assert code == 0 and "Updated the assessment of #1." in out
    with Store(three) as store:
        rows = store.rows("assessment")
    assert len(rows) == 1
    row = rows[0]
    assert (row["skills"], row["finances"], row["domain"], row["pay"]) == (2, 1, 4, 140_000.0)
    assert (row["why_skills"], row["timeframe"], row["notes"]) == (
        "new stack",
        "March",
        "long commute",
    )


def test_weigh_refuses_bad_values_and_non_opportunities(three: Path) -> None:
    code, _, err = run(three, "weigh", "Acme head of data", "--skills", "3")
    assert code == 1 and "between -2 and 2" in err
    code, _, err = run(three, "weigh", "Acme head of data", "--domain", "0")
    assert code == 1 and "between 1 and 5" in err
    code, _, err = run(three, "weigh", "Acme head of data", "--pay", "lots")
    assert code == 1 and "'lots' is not an amount" in err
    for garbage in ("1e308", "-5", "120k maybe"):  # once read as 1, 5 and 120000
        code, _, err = run(three, "weigh", "Acme head of data", "--pay", garbage)
        assert (code, err) == (
            1,
            f"careertui: Pay: {garbage!r} is not an amount (120000, 120k, $120,000)\n",
        )
    code, _, err = run(three, "weigh", "Acme head of data", "--pay", "99999999999999k")
    assert code == 1 and "not between 0 and 1000000000" in err and err.count("\n") == 1
    code, _, err = run(three, "weigh", "Acme promotion", "--skills", "1")
    assert (
        code == 1 and "no opportunity named 'Acme promotion'" in err and "--kind opportunity" in err
    )
    code, _, err = run(three, "weigh", "Acme head of data", "--skills", "two")
    assert code == 2
    with Store(three) as store:
        assert store.rows("assessment") == []


def test_compare_prints_the_table_and_json(three: Path) -> None:
    run(three, "weigh", "Acme head of data", "--skills", "+2", "--pay", "140k", "--domain", "4")
    run(three, "weigh", "Globex staff engineer", "--skills", "+1", "--pay", "165k", "--domain", "5")
    words = " ".join(run(three, "compare")[1].split())  # wrapped to the terminal's width
    assert "pay needs a target salary (careertui set target-salary" in words
    assert run(three, "set", "target-salary", "150k")[1] == "Target salary: 150k\n"
    assert run(three, "set", "timeframe", "2 years")[1] == "Timeframe: 2 years\n"
    code, out, _ = run(three, "compare")
    assert code == 0
    lines = out.splitlines()
    assert all(len(line) <= 80 for line in lines)
    assert lines[0].split() == [
        "Acme",
        "head",
        "of",
        "data",
        "Globex",
        "staff",
        "engineer",
        "Initech",
        "side",
        "project",
    ]
    assert "+2 ★" in next(line for line in lines if line.startswith("Job skills"))
    pay = next(line for line in lines if line.startswith("Pay"))
    assert "140k 93%" in pay and "165k 110% ★" in pay
    # Acme (1 + .75 + 14/15)/3 = 89.4 → 89; Globex (.75 + 1 + 1)/3 = 91.7 → 92
    score = next(line for line in lines if line.startswith("Score"))
    assert score.split() == ["Score", "89", "92", "★", "—"]
    assert "Score = 100 × Σ(weight × part)" in out
    code, out, _ = run(three, "compare", "--json")
    data = json.loads(out)
    assert [o["score"] for o in data["opportunities"]] == [89, 92, None]
    assert data["opportunities"][1]["best"] == ["domain", "pay", "score"]
    assert data["target_salary"] == "150k"
    assert "Acme promotion" not in out


def test_set_weights_changes_the_score(three: Path) -> None:
    run(three, "weigh", "Acme head of data", "--skills", "+2", "--finances", "-1")
    code, out, _ = run(three, "set", "weights", "--skills", "3", "--job-search", "0")
    assert code == 0 and "job skills 3" in out and "job search 0" in out
    # (3·1 + 1·0.25)/4 = 0.8125 → 81
    assert (
        "Score       81/100 (weights: job skills 3, job search 0, others 1)"
        in run(three, "weigh", "Acme head of data")[1]
    )
    code, _, err = run(three, "set", "weights", "--skills", "11")
    assert code == 1 and "between 0 and 10" in err
    assert "job skills 1," in run(three, "set", "weights", "--equal")[1]
    # every weight at 0 would leave every score blank: refused, nothing written
    everything = [f"--{part}" for part in ("skills", "performance", "network", "job-search")]
    everything += ["--finances", "--domain", "--function", "--problems", "--activities"]
    run(three, "set", "weights", *(a for flag in everything for a in (flag, "0")))
    code, _, err = run(three, "set", "weights", "--pay", "0")
    assert (code, err) == (
        1,
        "careertui: Weights: at least one must be above 0, or nothing makes a score\n",
    )
    assert "pay 1" in run(three, "set", "weights")[1]


def test_decide_records_and_looks_back(three: Path) -> None:
    code, _, err = run(three, "decide", "Globex staff engineer", "accepted")
    assert code == 2 and "--why" in err
    code, out, _ = run(three, "decide", "Globex staff engineer", "accepted", "--why", "the pay")
    assert code == 0
    assert "On 2027-02-21 you will be asked how the choice turned out." in out
    assert "careertui set current-role 'Globex staff engineer'" in out  # not a terminal
    assert "careertui add security" in out
    run(three, "decide", "Initech side project", "dropped", "--why", "no time")
    with Store(three) as store:
        statuses = {g["title"]: g["status"] for g in store.rows("goal")}
    assert statuses["Globex staff engineer"] == "done"
    assert statuses["Initech side project"] == "dropped"
    assert json.loads(run(three, "compare", "--json")[1])["opportunities"][0]["id"] == 1
    assert len(json.loads(run(three, "compare", "--json")[1])["opportunities"]) == 1

    stats = json.loads(run(three, "stats", "--json", today="2027-02-20")[1])
    assert stats["look_backs_due"] == []
    stats = json.loads(run(three, "stats", "--json", today="2027-02-21")[1])
    assert [item["text"] for item in stats["look_backs_due"]] == [
        "How did the choice of Globex staff engineer turn out?"
    ]
    code, _, err = run(three, "decide", "Initech side project", "--looking-back", "fine")
    assert code == 1 and "no accepted or declined decision" in err
    code, out, _ = run(
        three, "decide", "Globex staff engineer", "--looking-back", "right call", today="2027-02-21"
    )
    assert code == 0
    stats = json.loads(run(three, "stats", "--json", today="2027-02-22")[1])
    assert stats["look_backs_due"] == []
    out = run(three, "weigh", "Globex staff engineer", today="2027-02-22")[1]
    assert "Decision    accepted on 2026-11-23: the pay" in out
    assert "Looking back (2027-02-21): right call" in out


def test_accepting_on_a_terminal_offers_the_profile_and_a_security_check(
    three: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from careertui.cli import opportunities

    monkeypatch.setattr(opportunities, "_interactive", lambda: True)
    answers = "y\nStaff engineer, Globex\nPrincipal engineer\ny\n4\n5\n3\n3\n4\n"
    code, out, err = run(
        three, "decide", "Globex staff engineer", "accepted", "--why", "growth", input=answers
    )
    assert (code, err) == (0, "")
    with Store(three) as store:
        profile = store.profile()
        checks = store.rows("security")
    assert (profile["current_role"], profile["target_role"]) == (
        "Staff engineer, Globex",
        "Principal engineer",
    )
    assert [(c["skills"], c["performance"], c["finances"]) for c in checks] == [(4, 5, 4)]
