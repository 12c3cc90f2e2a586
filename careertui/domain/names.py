"""How a name someone typed finds a record: one rule for contacts, actions, goals,
responsibilities and requirements, on the command line, in @mentions and in completion.

A name answers when it equals the typed text, ignoring case and spacing; when none does, when
the typed text begins the name or begins it at any word ("dana" and "lee" find "Dana Lee",
"30 min" finds "Write 30 minutes"), and failing that the same without accents ("zoe" finds
"Zoë Laurent"). One answer is the record; two or more are refused, listing
a few, because a guess would write to the wrong person; none is refused with the closest names.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

Named = tuple[int, str]
"""A record's id and its name."""

SHOWN = 5
"""Candidates an ambiguous name lists."""

_WORD_START = r"(?:^|(?<=[\s\-–—/,;:(]))\S"
"""Compiled by `re` on first use (and kept in its cache): most commands compare no names."""


class NotFound(LookupError):
    """No record answers to the name or id given; the message names it."""


class Ambiguous(LookupError):
    """More than one record answers to the name given; the message lists them."""


def _folded(text: str) -> str:
    return " ".join(str(text).casefold().split())


def _unaccented(text: str) -> str:
    """`text` without its accents ("zoë" -> "zoe"): a name typed on a keyboard without them."""
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def _tails(name: str) -> list[str]:
    """The name from each of its words on: "dana lee" -> ["dana lee", "lee"]."""
    return [name[found.start() :] for found in re.finditer(_WORD_START, name)]


def exact(query: str, names: Iterable[Named]) -> list[Named]:
    """The records named `query`, ignoring case and spacing."""
    wanted = _folded(query)
    return [named for named in names if _folded(named[1]) == wanted]


def candidates(query: str, names: Iterable[Named]) -> list[Named]:
    """The records `query` may mean: those named it exactly if any, else those whose name
    begins with it at any word; in the order given. An empty query means none."""
    wanted = _folded(query)
    if not wanted:
        return []
    listed = list(names)
    same = exact(wanted, listed)
    if same:
        return same
    found = [
        named for named in listed if any(t.startswith(wanted) for t in _tails(_folded(named[1])))
    ]
    if found:
        return found
    plain = _unaccented(wanted)  # "zoe" finds "Zoë" only when nothing matches with its accents
    return [
        named
        for named in listed
        if any(t.startswith(plain) for t in _tails(_unaccented(_folded(named[1]))))
    ]


def close_names(query: str, names: Iterable[Named], count: int = 3) -> list[str]:
    """Names close to `query` (a typo, a word of the name misspelt), closest first."""
    wanted = _folded(query)
    if not wanted:
        return []
    by_key: dict[str, list[str]] = {}
    for _, name in names:
        folded = _folded(name)
        for key in (folded, *folded.split()):
            by_key.setdefault(key, []).append(name)
    import difflib  # only for a name not found: spares every command's start the import

    found: list[str] = []
    for key in difflib.get_close_matches(wanted, list(by_key), n=count, cutoff=0.6):
        found.extend(name for name in by_key[key] if name not in found)
    return found[:count]


def pick(query: str, names: Iterable[Named], *, label: str, plural: str = "") -> Named:
    """The one record `query` means; NotFound or Ambiguous, in words, otherwise.

    `label` names the kind ("contact"), `plural` its plural when not label + "s"."""
    listed = list(names)
    found = candidates(query, listed)
    shown = " ".join(str(query).split())
    if len(found) == 1:
        return found[0]
    if not found:
        close = close_names(query, listed)
        hint = f"; did you mean {' or '.join(repr(n) for n in close)}?" if close else ""
        raise NotFound(f"no {label} named {shown!r}{hint}")
    listing = ", ".join(f"{name} (#{record_id})" for record_id, name in found[:SHOWN])
    more = f" and {len(found) - SHOWN} more" if len(found) > SHOWN else ""
    advice = "rename one" if exact(query, found) else "type more of the name, or the id"
    raise Ambiguous(
        f"{len(found)} {plural or label + 's'} match {shown!r}: {listing}{more}; {advice}"
    )
