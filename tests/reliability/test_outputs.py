"""Class 1: a file careertui writes never replaces what it should not.

Every writer of a user-named file goes through careertui.outfile: an existing file needs
--force, a database (or its -wal/-shm/-journal) is never replaced, a symlink is followed and stays
a link, a device or FIFO is written into, a full disk or a closed stream is one line, exit 1, and
leaves no partial file."""

from __future__ import annotations

import errno
import os
import stat
import subprocess
import threading
from pathlib import Path

import pytest
from reliability_support import CAREERTUI, assert_refused, careertui, sha256

from careertui.outfile import OutputError, write_output

TODAY = {"CAREERTUI_TODAY": "2026-12-03"}


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "j.db"
    assert careertui(["add", "note", "hello world"], path, env=TODAY).code == 0
    return path


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith("."))


@pytest.mark.parametrize("fmt", ["json", "markdown"])
def test_an_existing_file_needs_force(db: Path, tmp_path: Path, fmt: str) -> None:
    out = tmp_path / "mine.txt"
    out.write_text("precious")
    result = careertui(["export", "--format", fmt, "--out", out], db, env=TODAY)
    assert_refused(result)
    assert "--force" in result.err and out.read_text() == "precious"
    assert careertui(["export", "--format", fmt, "--out", out, "--force"], db, env=TODAY).code == 0
    assert out.read_text() != "precious" and stat.S_IMODE(out.stat().st_mode) == 0o600


@pytest.mark.parametrize("side", ["", "-wal", "-shm", "-journal"])
@pytest.mark.parametrize("force", [[], ["--force"]])
def test_a_database_or_its_side_file_is_never_replaced(
    db: Path, side: str, force: list[str]
) -> None:
    target = Path(f"{db}{side}")
    assert_refused(careertui(["export", "--out", target, *force], db))
    assert not target.exists() or b'"format"' not in target.read_bytes()
    assert careertui(["search", "hello"], db).code == 0


def test_another_programs_database_is_never_replaced(db: Path, tmp_path: Path) -> None:
    import sqlite3

    other = tmp_path / "other.sqlite"
    sqlite3.connect(other).execute("CREATE TABLE t (x)").connection.close()
    before = sha256(other)
    assert_refused(careertui(["export", "--out", other, "--force"], db))
    assert sha256(other) == before


@pytest.mark.parametrize("force", [[], ["--force"]])
def test_a_symlink_is_followed_and_stays_a_link(db: Path, tmp_path: Path, force: list[str]) -> None:
    real = tmp_path / "real.json"
    real.write_text("old")
    link = tmp_path / "link.json"
    link.symlink_to(real)
    result = careertui(["export", "--out", link, *force], db)
    assert link.is_symlink() and os.readlink(link) == str(real)
    if force:
        assert result.code == 0 and '"format": "careertui"' in real.read_text()
    else:
        assert_refused(result)
        assert real.read_text() == "old"


def test_a_dangling_symlink_is_refused(db: Path, tmp_path: Path) -> None:
    link = tmp_path / "dangling"
    link.symlink_to(tmp_path / "nowhere")
    assert_refused(careertui(["export", "--out", link, "--force"], db))
    assert link.is_symlink() and not (tmp_path / "nowhere").exists()


@pytest.mark.parametrize("device", ["/dev/null", "/dev/full"])
def test_a_device_is_written_into_never_replaced(db: Path, device: str) -> None:
    before = os.stat(device)
    result = careertui(["export", "--out", device, "--force"], db)
    after = os.stat(device)
    assert stat.S_ISCHR(after.st_mode) and after.st_rdev == before.st_rdev
    if device == "/dev/full":
        assert_refused(result)
        assert "disk is full" in result.err
    else:
        assert result.code == 0 and result.out == ""


def test_a_fifo_is_written_into(db: Path, tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    got: list[bytes] = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_bytes()), daemon=True)
    reader.start()
    result = careertui(["export", "--out", fifo], db, timeout=20)
    reader.join(20)
    assert result.code == 0, result
    assert stat.S_ISFIFO(fifo.stat().st_mode), "the FIFO was replaced by a file"
    assert stat.S_ISFIFO(fifo.stat().st_mode) and b'"format": "careertui"' in got[0]


def test_a_fifo_nobody_reads_is_refused_not_waited_on_forever(db: Path, tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    result = careertui(["export", "--out", fifo], db, timeout=30)
    assert_refused(result)
    assert stat.S_ISFIFO(fifo.stat().st_mode)


def test_dev_stdout_redirected_to_a_file(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "redirected.json"
    with open(out, "wb") as handle:
        done = subprocess.run(
            [CAREERTUI, "export", "--out", "/dev/stdout", "--db", db],
            stdout=handle,
            stderr=subprocess.PIPE,
            timeout=60,
        )
    assert done.returncode == 0 and done.stderr == b""
    assert out.read_text().startswith("{") and '"notes"' in out.read_text()


@pytest.mark.parametrize("target", ["folder", "missing-folder"])
def test_a_folder_or_a_missing_folder_is_refused(db: Path, tmp_path: Path, target: str) -> None:
    out = tmp_path if target == "folder" else tmp_path / "no" / "x.json"
    result = careertui(["export", "--out", out, "--force"], db)
    assert result.code in (1, 2) and len(result.err_lines) == 1 and not result.out
    assert not (tmp_path / "no").exists()


def test_a_closed_stdout_is_one_line(db: Path) -> None:
    done = subprocess.run(
        [CAREERTUI, "export", "--db", db], stdout=subprocess.DEVNULL, capture_output=False
    )
    assert done.returncode == 0
    read, write = os.pipe()
    os.close(read)
    try:
        failed = subprocess.run(
            [CAREERTUI, "export", "--db", db], stdout=write, stderr=subprocess.PIPE, timeout=60
        )
    finally:
        os.close(write)
    lines = failed.stderr.decode().splitlines()
    assert failed.returncode == 1 and len(lines) == 1 and lines[0].startswith("careertui: ")


def test_full_stdout_is_one_line(db: Path) -> None:
    with open("/dev/full", "wb") as full:
        done = subprocess.run(
            [CAREERTUI, "export", "--db", db], stdout=full, stderr=subprocess.PIPE, timeout=60
        )
    lines = done.stderr.decode().splitlines()
    assert done.returncode == 1 and len(lines) == 1 and "full" in lines[0], lines


@pytest.mark.parametrize("failing", ["write", "fsync", "replace"])
def test_a_failing_disk_leaves_no_partial_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, failing: str
) -> None:
    target = tmp_path / "out.json"

    def enospc(*_args: object, **_kw: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, failing, enospc)
    with pytest.raises(OutputError, match="disk is full"):
        write_output(target, "x" * 100_000, force=False)
    monkeypatch.undo()
    assert list(tmp_path.iterdir()) == []


def test_a_failing_disk_keeps_the_old_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "out.json"
    target.write_text("old")

    def enospc(*_args: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", enospc)
    with pytest.raises(OutputError):
        write_output(target, "new", force=True)
    monkeypatch.undo()
    assert target.read_text() == "old" and _leftovers(tmp_path) == []


def test_temp_files_of_a_killed_write_are_swept(tmp_path: Path) -> None:
    stale = tmp_path / ".out.json.999999999.abc.careertui-tmp"
    stale.write_text("half")
    write_output(tmp_path / "out.json", "whole")
    assert _leftovers(tmp_path) == [] and (tmp_path / "out.json").read_text() == "whole"


def test_backup_refuses_a_side_file_name(db: Path) -> None:
    wal = Path(f"{db}-journal")
    assert_refused(careertui(["backup", wal], db))
    assert not wal.exists()


async def test_a_screenshot_is_private_and_never_replaces_a_file(tmp_path: Path) -> None:
    from careertui.tui.screenshot import PrivateScreenshots

    (tmp_path / "shot.svg").write_text("mine")
    app = PrivateScreenshots()
    async with app.run_test(size=(40, 10)) as pilot:
        app.action_screenshot("shot.svg", str(tmp_path))
        app.action_screenshot("new.svg", str(tmp_path))
        await pilot.pause()
    assert (tmp_path / "shot.svg").read_text() == "mine"
    new = tmp_path / "new.svg"
    assert new.read_text().startswith("<svg") and stat.S_IMODE(new.stat().st_mode) == 0o600
