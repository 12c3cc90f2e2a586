"""Redaction for packets shared beyond the person: contacts become their roles.

A redacted packet names nobody: each contact's name (and a first or last name only one contact
has, capitalised as in the name) is replaced by their role ("a VP Engineering"), each of their
organisations by "an organisation", and every `@mention` by the role of the contact it names
(or "someone"). The packets leave out notes and private fields themselves; this only rewrites
the text kept.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

ORGANISATION = "an organisation"
SOMEONE = "someone"
_MENTION = re.compile(r"@([^\W_][\w.'-]*)")


@dataclass(frozen=True, slots=True)
class Person:
    name: str
    org: str = ""
    role: str = ""


def with_article(noun: str) -> str:
    """ "a VP Engineering", "an Engineering Manager"."""
    return ("an " if noun[:1].lower() in "aeiou" else "a ") + noun


def role_of(person: Person) -> str:
    role = " ".join(person.role.split())
    return with_article(role) if role else "a contact"


def _alternation(names: Sequence[str], flags: int) -> re.Pattern[str] | None:
    """Any of `names` as a whole word, with an `@` before it or not."""
    if not names:
        return None
    body = "|".join(re.escape(n) for n in names)
    return re.compile(r"(?<![\w@])@?(" + body + r")(?!\w)", flags)


def _words(text: str) -> list[str]:
    return [w for w in re.split(r"\s+", text.casefold()) if w]


class Redactor:
    """Rewrites text so that none of `people` is named. With `active` False, text is kept."""

    def __init__(self, people: Sequence[Person], *, active: bool = True) -> None:
        self.active = active
        self.people = list(people)
        whole: dict[str, str] = {}
        """Full names and organisations, matched in any case."""
        for person in self.people:
            org = " ".join(person.org.split())
            if len(org) >= 2:
                whole.setdefault(org.casefold(), ORGANISATION)
        for person in self.people:  # after the organisations: a name wins over an org
            name = " ".join(person.name.split())
            if name:
                whole[name.casefold()] = role_of(person)
        owners: dict[str, list[Person]] = {}
        for person in self.people:
            for word in set(person.name.split()):
                if len(word) >= 3 and word[0].isupper():
                    owners.setdefault(word, []).append(person)
        words = {word: role_of(found[0]) for word, found in owners.items() if len(found) == 1}
        """A first or last name only one contact has, matched as written ("Grace", not the
        "grace" of a grace period)."""
        self.replace = {**{w.casefold(): r for w, r in words.items()}, **whole}
        self.patterns = [
            _alternation(sorted(whole, key=len, reverse=True), re.IGNORECASE),
            _alternation(sorted(words, key=len, reverse=True), 0),
        ]

    def mention(self, token: str) -> str:
        """The role of the one contact whose name, or a word of it, starts with `token`."""
        wanted = token.casefold().rstrip(".'-")
        exact = [p for p in self.people if "".join(_words(p.name)) == wanted]
        found = exact or [
            p
            for p in self.people
            if any(w.startswith(wanted) for w in _words(p.name))
            or "".join(_words(p.name)).startswith(wanted)
        ]
        return role_of(found[0]) if len(found) == 1 else SOMEONE

    def text(self, value: str) -> str:
        if not self.active or not value:
            return value
        for pattern in self.patterns:  # names first: "@Dana Lee" is one name, not "@Dana" + "Lee"
            if pattern is not None:
                value = pattern.sub(lambda m: self.replace[m.group(1).casefold()], value)
        return _MENTION.sub(lambda m: self.mention(m.group(1)), value)

    def person(self, person: Person) -> str:
        """How the packet names a contact: "Dana Lee, VP Engineering, Acme", or redacted
        "a VP Engineering"."""
        if self.active:
            return role_of(person)
        detail = ", ".join(p for p in (person.role.strip(), person.org.strip()) if p)
        return person.name + (f", {detail}" if detail else "")
