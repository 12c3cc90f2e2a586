"""Screenshots (Textual's "Screenshot" command) written as careertui writes every file the user
gets: new, 0600, never over another file (careertui/outfile.py). A screenshot shows private
notes; Textual's own delivery would make it readable by others and replace a file of the same
name."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from textual.app import App


class PrivateScreenshots(App[None]):
    """An App whose screenshots go through careertui.outfile."""

    def deliver_screenshot(
        self,
        filename: str | None = None,
        path: str | None = None,
        time_format: str | None = None,
    ) -> str | None:
        from careertui.outfile import OutputError, write_output

        stamp = datetime.now().strftime(time_format or "%Y-%m-%dT%H_%M_%S_%f")
        target = Path(path or _downloads()) / (filename or f"careertui_{stamp}.svg")
        try:
            write_output(target, self.export_screenshot())
        except OutputError as exc:
            self.notify(str(exc), title="Screenshot not saved", severity="error", markup=False)
            return None
        self.notify(f"Saved to {target}", title="Screenshot", markup=False)
        return None


def _downloads() -> Path:
    """The user's Downloads folder if there is one, else the current folder."""
    from platformdirs import user_downloads_dir

    folder = Path(user_downloads_dir())
    return folder if folder.is_dir() else Path.cwd()
