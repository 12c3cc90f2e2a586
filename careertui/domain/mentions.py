"""`@Name` mentions: which contacts a note, a win or an interaction's text points at.

A mention is an `@` at the start of the text or after a space or `(`, followed by
a letter (so `dana@example.com`, `[@click=…]` and `@3pm` are plain text). The name after it may
have several words: the longest run of up to MAX_WORDS words that names one contact wins, so
`@Dana Lee said` is Dana Lee, and `@Dana said` is Dana Lee as well when she is the only Dana. A
comma, full stop or other closing punctuation ends the run. Names match as everywhere else in
careertui (domain.names): a case-insensitive exact name, else a unique prefix of the name or of
a word in it. Pure: the contacts are passed in.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from careertui.domain.kinds import MENTIONING as MENTIONING
from careertui.domain.names import Named, candidates, close_names

MAX_WORDS = 4
"""The longest run of words after `@` tried as a name."""
SHOWN_CANDIDATES = 5

_MENTION = re.compile(r"(?:^|(?<=[\s(]))@(?=[^\W\d_])")
_ENDS_RUN = ".,;:!?)]}>\"'"

Contact = Named
"""A contact's id and name."""


@dataclass(frozen=True, slots=True)
class Mention:
    contact_id: int
    name: str
    """The contact's name as stored (the text may hold a prefix of it)."""
    start: int
    end: int
    """The span of `@…` in the text."""


class MentionError(ValueError):
    """A mention that names no contact, or several; the message lists the candidates."""

    def __init__(self, typed: str, candidates: Sequence[str], message: str) -> None:
        super().__init__(message)
        self.typed = typed
        self.candidates = tuple(candidates)


def _runs(text: str, at: int) -> list[tuple[str, int]]:
    """The candidate names after the `@` at `at`: (words, end of the span), longest first."""
    runs: list[tuple[str, int]] = []
    words: list[str] = []
    for found in re.finditer(r"\S+", text[at + 1 :]):
        word = found.group()
        bare = word.rstrip(_ENDS_RUN)
        if bare:
            words.append(bare)
            runs.append((" ".join(words), at + 1 + found.start() + len(bare)))
        if bare != word or not bare or len(words) == MAX_WORDS:
            break
    return runs[::-1]


def _names(contacts: Sequence[Contact]) -> str:
    shown = ", ".join(sorted((name for _, name in contacts), key=str.casefold)[:SHOWN_CANDIDATES])
    more = len(contacts) - SHOWN_CANDIDATES
    return shown + (f" and {more} more" if more > 0 else "")


def _refusal(typed: str, contacts: Sequence[Contact]) -> MentionError:
    first = typed.split()[0]
    found = candidates(first, contacts)
    if found:
        return MentionError(
            first,
            [name for _, name in found],
            f"@{first} could be {len(found)} contacts: {_names(found)}; write more of the name",
        )
    guesses = close_names(first, contacts)
    hint = f" (did you mean {' or '.join(guesses)}?)" if guesses else ""
    return MentionError(first, guesses, f"no contact is named @{first}{hint}")


def scan(text: str, contacts: Sequence[Contact]) -> list[Mention | MentionError]:
    """Every mention in `text`, in order: the contact it names, or why it names none."""
    found: list[Mention | MentionError] = []
    for at in (m.start() for m in _MENTION.finditer(text or "")):
        runs = _runs(text, at)
        if not runs:
            continue
        for words, end in runs:
            matches = candidates(words, contacts)
            if len(matches) == 1:
                contact_id, name = matches[0]
                found.append(Mention(contact_id, name, at, end))
                break
        else:
            found.append(_refusal(runs[-1][0], contacts))
    return found


def pending(text: str, contacts: Iterable[Contact]) -> tuple[str, int, list[Contact]] | None:
    """The unfinished `@prefix` at the end of `text` (what is typed before the cursor): the
    prefix, where it starts (after the `@`), and the contacts it may name; None when the text
    does not end in one."""
    found = re.search(r"(?:^|(?<=[\s(]))@([^\W\d_][^@]*)$", text)
    if not found or len(found.group(1).split()) > MAX_WORDS:
        return None
    listed = list(contacts)
    first = scan(text[found.start() :], listed)[:1]
    if first and isinstance(first[0], Mention) and first[0].end < len(text) - found.start():
        return None  # a finished mention with text after it: "@Dana Lee said"
    return found.group(1), found.start(1), candidates(found.group(1), listed)


def completion(text: str, contacts: Iterable[Contact]) -> str | None:
    """`text` with its last word, an unfinished `@prefix`, completed to the one contact it
    names (for a text field's suggestion); None when it is not a mention or not unique."""
    typed = pending(text, contacts)
    if typed is None or len(typed[2]) != 1:
        return None
    prefix, start, ((_, name),) = typed
    if name.casefold() == prefix.casefold():
        return None
    return text[:start] + name
