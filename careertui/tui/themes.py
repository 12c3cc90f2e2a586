"""The themes offered: those whose panel borders, titles, subtitles and footer keys read at
WCAG AA contrast (4.5:1) with careertui's styles (app.tcss's .panel, widgets/footer.py). The
contrast of every offered theme is computed from its colours in tests/ui/test_themes.py."""

from __future__ import annotations

from typing import Any

REFUSED = (
    "ansi-dark",  # the terminal's own palette: its contrast cannot be known
    "ansi-light",
    "textual-light",  # a focused panel's title ($text-accent) is 3.3:1 on its background
)


def offer_readable_themes(app: Any) -> None:
    """Take the refused themes out of the app's choice (the palette's "Change theme")."""
    for name in REFUSED:
        app.unregister_theme(name)
