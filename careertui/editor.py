"""Long text from the person's own editor, as `git commit` does: $VISUAL, else $EDITOR, else vi,
on a file only they can read (0600, in a private temporary folder, removed afterwards). Used by
`careertui add` without text and by the TUI's long fields (ctrl+e)."""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import tempfile


class EditorError(RuntimeError):
    """The editor could not be started or failed; the message says which and why."""


def editor_command() -> list[str]:
    """The editor to run, as an argument list ($VISUAL, $EDITOR, vi)."""
    for name in ("VISUAL", "EDITOR"):
        value = os.environ.get(name, "").strip()
        if value:
            try:
                return shlex.split(value)
            except ValueError:
                raise EditorError(f"${name} is not a command: {value!r}") from None
    return ["vi"]


def strip_comments(text: str, keep: frozenset[str] = frozenset()) -> str:
    """The text without its `#` lines (the template's help), trimmed; a line in `keep` stays."""
    kept = [line for line in text.splitlines() if line in keep or not line.lstrip().startswith("#")]
    return "\n".join(kept).strip()


def edit_text(initial: str = "", template: str = "") -> str:
    """Open the editor on `initial` followed by `template` (comment lines); return what was
    saved, comment lines dropped and trimmed (empty when nothing was written). The `#` lines
    of `initial` are the person's text (a Markdown heading in a field opened with ctrl+e): kept."""
    command = editor_command()
    folder = tempfile.mkdtemp(prefix="careertui-")  # 0700: mkdtemp makes it private
    try:
        path = os.path.join(folder, "entry.md")
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(initial + ("\n" if initial and not initial.endswith("\n") else ""))
            handle.write(template)
        try:
            result = subprocess.run([*command, path], check=False)
        except OSError as exc:
            raise EditorError(
                f"cannot start the editor {command[0]!r}: {exc.strerror or exc}"
            ) from None
        if result.returncode != 0:
            raise EditorError(f"the editor {command[0]!r} exited with status {result.returncode}")
        own = frozenset(line for line in initial.splitlines() if line.lstrip().startswith("#"))
        with open(path, encoding="utf-8", errors="replace") as handle:
            return strip_comments(handle.read(), keep=own)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
