"""Class 6 (part): nothing left behind. A first write that fails on a full disk leaves no folder
and no temporary file; temporary files of killed runs are swept by the next run whatever their
name; folders made for --db are 0700 whatever the umask."""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from reliability_support import CAREERTUI, careertui


def _dead_pid() -> int:
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    return proc.pid


def _in_full_tmpfs(tmp_path: Path, commands: str) -> subprocess.CompletedProcess[str]:
    """Run shell `commands` (with $MNT a 256 KB tmpfs filled to the last byte, and $CT the
    command) in a private mount namespace; needs root."""
    unshare = shutil.which("unshare")
    if unshare is None or os.getuid() != 0:
        pytest.skip("needs root and unshare(1) to mount a private tmpfs")
    mount = tmp_path / "mnt"
    mount.mkdir()
    (tmp_path / "tmp").mkdir()
    script = (
        f'MNT="{mount}"; CT="{CAREERTUI}"; '
        'mount -t tmpfs -o size=256k tmpfs "$MNT" || exit 77; '
        'dd if=/dev/zero of="$MNT/filler" bs=4k 2>/dev/null; '
        f"{commands}; "
        'echo "LEFT:$(ls -A "$MNT" | tr "\\n" " ")"'
    )
    done = subprocess.run(
        [unshare, "-m", "sh", "-c", script],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "CAREERTUI_TODAY": "2026-12-03", "TMPDIR": str(tmp_path / "tmp")},
    )
    if done.returncode == 77 or "unshare failed" in done.stderr:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.strip()}")
    return done


@pytest.mark.parametrize(
    "target",
    ["new/careertui.db", "new/deeper/still/careertui.db", "careertui.db"],
)
def test_a_first_write_on_a_full_disk_leaves_nothing(tmp_path: Path, target: str) -> None:
    done = _in_full_tmpfs(
        tmp_path, f'"$CT" add note "first words" --db "$MNT/{target}"; echo "CODE:$?"'
    )
    lines = done.stdout.splitlines()
    assert "CODE:1" in lines, done
    assert "LEFT:filler " in lines, done  # no folder, no temporary file
    err = done.stderr.splitlines()
    assert len(err) == 1 and "disk is full" in err[0], err
    assert list((tmp_path / "tmp").iterdir()) == [], "a draft's private folder was left behind"


def test_an_export_on_a_full_disk_leaves_nothing(tmp_path: Path) -> None:
    db = tmp_path / "j.db"
    assert careertui(["add", "note", "words " * 5000], db).code == 0
    done = _in_full_tmpfs(
        tmp_path, f'"$CT" export --out "$MNT/out.json" --db "{db}"; echo "CODE:$?"'
    )
    lines = done.stdout.splitlines()
    assert "CODE:1" in lines and "LEFT:filler " in lines, done
    err = done.stderr.splitlines()
    assert len(err) == 1 and "disk is full" in err[0], err


def test_temporary_files_of_killed_runs_are_swept_whatever_their_name(tmp_path: Path) -> None:
    db = tmp_path / "careertui.db"
    assert careertui(["add", "note", "first"], db).code == 0
    dead = _dead_pid()
    stale = [
        f".careertui.db.{dead}.new",
        f".careertui.db.{dead}.new-wal",
        f".other.db.{dead}.new",
        f".other.db.{dead}.new-journal",
        f".export.json.{dead}.k2j4h1.careertui-tmp",
        f".copy.db.{dead}.x8_a.careertui-tmp-journal",
    ]
    alive = f".x.db.{os.getpid()}.new"  # a process still running: kept
    for name in [*stale, alive]:
        (tmp_path / name).write_text("private half-written text")
    scratch = Path(tempfile.gettempdir()) / f"careertui-{dead}-abc123"
    scratch.mkdir()
    (scratch / f".careertui.db.{dead}.new").write_text("private")
    try:
        assert careertui(["add", "note", "second"], db).code == 0
        left = sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("."))
        assert left == sorted([".careertui.db.checked", alive])
        # A first write through a private folder sweeps those of dead runs too.
        assert careertui(["add", "note", "x"], tmp_path / "nofolder" / "j.db").code == 0
        assert not scratch.exists()
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


@pytest.mark.parametrize("umask", [0o000, 0o022, 0o077, 0o277])
def test_folders_made_for_db_are_private_whatever_the_umask(tmp_path: Path, umask: int) -> None:
    db = tmp_path / "a" / "b" / "c" / "careertui.db"
    result = careertui(["add", "note", "x"], db, umask=umask)
    assert result.code == 0, result
    for folder in (tmp_path / "a", tmp_path / "a" / "b", tmp_path / "a" / "b" / "c"):
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700, folder
    assert stat.S_IMODE(db.stat().st_mode) == 0o600
