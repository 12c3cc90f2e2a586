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
        try:
            target = Path(path or self.screenshot_folder()) / (filename or f"careertui_{stamp}.svg")
            write_output(target, self.export_screenshot())
        except OutputError as exc:
            self.notify(str(exc), title="Screenshot not saved", severity="error", markup=False)
            return None
        self.notify(f"Saved to {target}", title="Screenshot", markup=False)
        return None

    def screenshot_folder(self) -> Path:
        """The user's Downloads folder if there is one, else the data folder's exports/ (made
        if missing): a folder that exists, never the current folder unasked."""
        from platformdirs import user_downloads_dir

        from careertui.outfile import OutputError
        from careertui.store.connection import StoreError, make_private_dir

        folder = Path(user_downloads_dir())
        if folder.is_dir():
            return folder
        db_path = getattr(self, "db_path", None)
        exports = (Path(db_path).parent if db_path else Path.home()) / "exports"
        try:
            make_private_dir(exports)
        except StoreError as exc:
            raise OutputError(str(exc)) from None
        return exports
