"""`careertui status`: the dashboard's figures in one line, without click."""

import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

import pytest

from careertui.status import line, main
from careertui.store import Store
from careertui.store.opportunities import decide, look_back
from careertui.store.stats import compute_stats
from careertui.store.status import read_status

TODAY = date(2026, 11, 23)


def day(days_ago: int) -> str:
    return (TODAY - timedelta(days=days_ago)).isoformat()


@pytest.fixture
def journal(db_path: Path) -> Path:
    with Store(db_path) as store:
        store.set_profile({"review_start": "2026-01-01", "review_date": "2027-01-02"}, TODAY)
        resp = store.insert("responsibility", {"title": "Reporting"}, TODAY)
        for n in range(4):  # today, yesterday, 2 and 3 days ago; then a gap
            store.insert("note", {"date": day(n), "text": f"n{n}"}, TODAY)
        store.insert("note", {"date": day(6), "text": "before the gap"}, TODAY)
        store.insert(
            "win",
            {"date": day(1), "title": "Shipped", "impact": "3 teams", "responsibility_id": resp},
            TODAY,
        )
        store.insert("win", {"date": day(61), "title": "Fixed CI", "impact": "TBD"}, TODAY)
        dana = store.insert("contact", {"name": "Dana", "influence": "sponsor"}, TODAY)
        store.insert(
            "interaction", {"contact_id": dana, "date": day(10), "follow_up": day(2)}, TODAY
        )
        sam = store.insert("contact", {"name": "Sam", "follow_up_days": 7}, TODAY)
        store.insert("interaction", {"contact_id": sam, "date": day(9)}, TODAY)
        goal = store.insert("goal", {"title": "Promotion"}, TODAY)
        store.insert(
            "goal",
            {"title": "Talk", "kind": "milestone", "parent_id": goal, "due": "2026-11-30"},
            TODAY,
        )
        # declined 91 days ago: a look-back due; the other two: answered, or not 90 days yet
        for title, days_ago, answer in (("Acme", 91, ""), ("Globex", 95, "fine"), ("Ini", 80, "")):
            offer = store.insert("goal", {"title": title, "kind": "opportunity"}, TODAY)
            decide(store, offer, "declined", "too far", TODAY - timedelta(days=days_ago))
            if answer:
                look_back(store, offer, answer, TODAY)
    return db_path


def test_the_figures_are_the_dashboards(journal: Path) -> None:
    figures = read_status(journal, TODAY)
    with Store(journal, write=False) as store:
        stats = compute_stats(store, TODAY)
    due = len(stats["follow_ups_due"]) + len(stats["milestones_due"]) + stats["security"]["due"]
    due += len(stats["measure_due"]) + len(stats["look_backs_due"])
    assert figures == {
        "due": due,
        "streak": stats["streak"]["current"],
        "review": stats["readiness"]["days_to_review"],
        "readiness": stats["readiness"]["score"],
    }
    # the follow-up, Sam's cadence (seen 9 days ago), the milestone, the win to measure (61
    # days old), Acme's look-back, no security check yet
    assert figures["due"] == 6 and figures["streak"] == 4 and figures["review"] == 40


def test_readiness_counts_key_contacts_as_the_dashboard_does(journal: Path) -> None:
    """status reads which key contacts were seen in the last 90 days from that window's
    interactions (store/readiness.py); the dashboard from each one's latest interaction."""
    with Store(journal) as store:
        for name, influence, days_ago in (
            ("Ann", "decision-maker", 89),
            ("Ann", "decision-maker", 200),
            ("Bo", "sponsor", 120),
            ("Cy", "decision-maker", 2),  # after the day 5 days ago: not seen yet then
            ("Di", "peer", 3),  # not a key contact
        ):
            found = store.query("SELECT id FROM contacts WHERE name = ?", (name,))
            contact = (
                found[0]["id"]
                if found
                else store.insert("contact", {"name": name, "influence": influence}, TODAY)
            )
            store.insert("interaction", {"contact_id": contact, "date": day(days_ago)}, TODAY)
        store.insert("contact", {"name": "Ed", "influence": "sponsor"}, TODAY)  # never seen
    for later in (-5, 0, 30, 95):
        today = TODAY + timedelta(days=later)
        with Store(journal, write=False) as store:
            expected = compute_stats(store, today)["readiness"]["score"]
        assert read_status(journal, today)["readiness"] == expected


def test_a_streak_that_ended_yesterday_still_counts(journal: Path) -> None:
    assert read_status(journal, TODAY + timedelta(days=1))["streak"] == 4
    assert read_status(journal, TODAY + timedelta(days=2))["streak"] == 0


@pytest.mark.parametrize(
    ("figures", "expected"),
    [
        (
            {"due": 3, "streak": 12, "review": 41, "readiness": 72},
            "careertui: 3 due · streak 12 · review in 41d · readiness 72",
        ),
        ({"due": 0, "streak": 0, "review": None, "readiness": 5}, "careertui: readiness 5"),
        (
            {"due": 1, "streak": 0, "review": 0, "readiness": 0},
            "careertui: 1 due · review today · readiness 0",
        ),
        (
            {"due": 0, "streak": 2, "review": -3, "readiness": 9},
            "careertui: streak 2 · review 3d ago · readiness 9",
        ),
    ],
)
def test_empty_figures_are_left_out(figures: dict[str, int | None], expected: str) -> None:
    assert line(figures) == expected


def test_a_template_names_the_figures() -> None:
    figures = {"due": 3, "streak": 12, "review": None, "readiness": 72}
    assert line(figures, "{due}!{streak}d r{review} {readiness}%\\n") == "3!12d r 72%\n"


def test_status_prints_one_line(journal: Path, capsys: pytest.CaptureFixture[str]) -> None:
    main(["--db", str(journal)])
    assert capsys.readouterr().out == "careertui: 6 due · streak 4 · review in 40d · readiness 68\n"
    main([f"--db={journal}", "--format", "{due}/{streak}"])
    assert capsys.readouterr().out == "6/4\n"


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["--format", "{nope}"], 2, "is not a template of due, streak, review, readiness"),
        (["--bogus"], 2, "no such option: --bogus"),
        (["--format"], 2, "option --format requires an argument"),
    ],
)
def test_refusals_are_one_line(
    journal: Path, capsys: pytest.CaptureFixture[str], args: list[str], code: int, message: str
) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["--db", str(journal), *args])
    assert caught.value.code == code
    err = capsys.readouterr().err
    assert err.startswith("careertui: ") and message in err and err.count("\n") == 1


def test_a_file_name_that_means_something_in_a_uri(
    journal: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """status opens the file by a SQLite URI it builds itself (store/recognise.file_uri): '?',
    '#', '%' and bytes outside ASCII in the name are escaped, not read as its query."""
    odd = journal.with_name("a?mode=rw#x %41 é.db")
    journal.rename(odd)
    main(["--db", str(odd)])
    assert capsys.readouterr().out.startswith("careertui: 6 due · streak 4")
    assert all(p.name.startswith(odd.name) for p in odd.parent.iterdir() if p.name[0] == "a")


def test_no_journal_yet(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["--db", str(tmp_path / "none.db")])
    assert caught.value.code == 1 and "no journal at" in capsys.readouterr().err
    assert not (tmp_path / "none.db").exists()


def test_the_command_imports_neither_click_nor_the_store(journal: Path) -> None:
    """Nor the dashboard's readiness with its dataclasses and fractions (domain/readiness.py):
    importing those took longer than all of status's queries on 100,000 entries."""
    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "careertui", "--db", str(journal), "status"],
        capture_output=True,
        text=True,
        check=True,
    )
    imported = {line.rsplit("|", 1)[-1].strip() for line in done.stderr.splitlines()}
    assert "careertui.store.status" in imported  # the list is read right
    assert (
        sorted(
            m
            for m in imported
            if m.split(".")[0] in ("click", "textual")
            or m
            in (
                "careertui.store.store",
                "careertui.cli",
                "careertui.domain.readiness",
                "dataclasses",
                "fractions",
                "typing",
            )
        )
        == []
    )
    assert done.stdout == "careertui: 6 due · streak 4 · review in 40d · readiness 68\n"


def test_the_command_ends_once_its_line_is_written(journal: Path) -> None:
    """__main__.py ends `status` with os._exit after flushing: the line must be out, and a
    line that cannot be written an error, not a silent 0."""
    command = [sys.executable, "-m", "careertui", "--db", str(journal), "status"]
    done = subprocess.run(command, capture_output=True, text=True)
    assert (done.returncode, done.stdout, done.stderr) == (
        0,
        "careertui: 6 due · streak 4 · review in 40d · readiness 68\n",
        "",
    )
    with open("/dev/full", "w") as full:
        failed = subprocess.run(command, stdout=full, stderr=subprocess.PIPE, text=True)
    assert failed.returncode == 1
    assert failed.stderr == "careertui: cannot write to standard output: the disk is full" + (
        " (nothing was written; free some space and try again)\n"
    )


def test_version_is_answered_before_click(tmp_path: Path) -> None:
    from careertui import __version__

    code = (
        "import sys; sys.argv = ['careertui', '--version']; "
        "from careertui.__main__ import main; main(); print('click' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout == f"careertui, version {__version__}\nFalse\n"
