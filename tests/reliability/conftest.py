"""Fixtures of the reliability suite (helpers are in reliability_support.py)."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from reliability_support import NOBODY, User


@pytest.fixture
def normal_user(tmp_path: Path) -> Iterator[User]:
    """Ourselves when not root; otherwise `nobody` in a folder under the system temp folder
    (pytest's tmp_path sits in a 0700 root folder that nobody cannot enter)."""
    if os.getuid() != 0:
        yield User(os.getuid(), tmp_path)
        return
    if not hasattr(os, "fork"):
        pytest.skip("running as root and cannot fork to drop privileges")
    home = Path(tempfile.mkdtemp(prefix="careertui-reliability-"))
    try:
        os.chown(home, NOBODY, NOBODY)
        yield User(NOBODY, home)
    finally:
        for folder in (home, *home.rglob("*")):
            if folder.is_dir():
                os.chmod(folder, 0o700)
        shutil.rmtree(home)
