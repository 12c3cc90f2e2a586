"""`careertui` without a command opens the app without click (careertui/launch.py)."""

import subprocess
import sys
from pathlib import Path

import pytest

CODE = (
    "import sys; sys.argv = ['careertui', *sys.argv[1:]]\n"
    "from careertui.__main__ import main\n"
    "try:\n"
    "    main()\n"
    "finally:\n"
    "    print('click' in sys.modules, 'textual' in sys.modules)\n"
)


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-c", CODE, *args], capture_output=True, text=True)


def test_a_refused_file_is_one_line_before_click_or_textual(tmp_path: Path) -> None:
    db = tmp_path / "notes.txt"
    db.write_text("not a journal\n")
    done = run("--db", str(db))
    assert done.returncode == 1
    assert done.stderr == f"careertui: {db} is not a SQLite database\n"
    assert done.stdout == "False False\n"
    assert db.read_text() == "not a journal\n"


def test_an_empty_db_setting_is_refused_the_same_way() -> None:
    done = run("--db=")
    assert (done.returncode, done.stderr) == (
        1,
        "careertui: --db is empty; name the database file\n",
    )


def test_an_unexpected_error_is_one_line_and_the_traceback_goes_to_the_crash_log(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capfd: pytest.CaptureFixture[str]
) -> None:
    from careertui import launch

    def broken(db: object) -> None:
        raise RuntimeError("secret note text")

    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    monkeypatch.setattr(launch, "open_app", broken)
    with pytest.raises(SystemExit) as exited:
        launch.main(None)
    assert exited.value.code == 1
    log = tmp_path / "state" / "careertui" / "crash.log"
    assert capfd.readouterr().err == (
        f"careertui: internal error; nothing more was written (details in {log})\n"
    )
    assert "RuntimeError: secret note text" in log.read_text()
