"""The Textual internals careertui relies on, each for a measured gain (see each one's comment);
tests/ui/test_internals.py fails when Textual changes one of them."""

from __future__ import annotations

from textual.css.stylesheet import Stylesheet


class KeptStylesheet(Stylesheet):
    """Textual's stylesheet, keeping the sources it has parsed while the CSS variables stay the
    same. Textual parses every source again (~30 of them) at each CSS refresh, twice as a
    screen is first shown: setting the variables empties its cache of parsed sources even when
    they are unchanged, and `reparse` parses in a fresh stylesheet with an empty cache."""

    def set_variables(self, variables: dict[str, str]) -> None:
        if variables != self._variables:
            super().set_variables(variables)

    def reparse(self) -> None:
        """Textual's reparse (in a fresh stylesheet, so that an error leaves this one whole),
        the fresh one sharing this one's parsed sources."""
        fresh = KeptStylesheet(variables=self._variables)
        fresh._parse_cache = self._parse_cache
        fresh.source = self.source.copy()
        fresh._require_parse = True
        try:
            fresh.parse()
        except Exception:
            self._invalid_css.update(fresh._invalid_css)
            raise
        self._rules = fresh.rules
        self._rules_map = None
        self.source = fresh.source
        self._require_parse = False
