"""Redaction for packets shared beyond the person: contacts become their roles.

A redacted packet names nobody: each contact's name (and first name, when only one contact has
it) is replaced by their role ("a VP Engineering"), each of their organisations by "an
organisation", and every `@mention` by the role of the contact it names (or "someone").
The packets leave out notes and private fields themselves; this only rewrites the text kept.
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


def _words(text: str) -> list[str]:
    return [w for w in re.split(r"\s+", text.casefold()) if w]


class Redactor:
    """Rewrites text so that none of `people` is named. With `active` False, text is kept."""

    def __init__(self, people: Sequence[Person], *, active: bool = True) -> None:
        self.active = active
        self.people = list(people)
        replace: dict[str, str] = {}
        for person in self.people:
            for org in (" ".join(person.org.split()),):
                if len(org) >= 2:
                    replace.setdefault(org.casefold(), ORGANISATION)
        firsts: dict[str, list[Person]] = {}
        for person in self.people:
            words = person.name.split()
            if words and len(words[0]) >= 3:
                firsts.setdefault(words[0].casefold(), []).append(person)
        for first, owners in firsts.items():
            if len(owners) == 1:
                replace[first] = role_of(owners[0])
        for person in self.people:  # full names last: they win over a first name or org
            name = " ".join(person.name.split())
            if name:
                replace[name.casefold()] = role_of(person)
        self.replace = replace
        names = sorted(replace, key=len, reverse=True)
        self.pattern = (
            re.compile(
                r"(?<![\w@])(" + "|".join(re.escape(n) for n in names) + r")(?!\w)",
                re.IGNORECASE,
            )
            if names
            else None
        )

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
        value = _MENTION.sub(lambda m: self.mention(m.group(1)), value)
        if self.pattern is None:
            return value
        return self.pattern.sub(lambda m: self.replace[m.group(1).casefold()], value)

    def person(self, person: Person) -> str:
        """How the packet names a contact: "Dana Lee, VP Engineering, Acme", or redacted
        "a VP Engineering"."""
        if self.active:
            return role_of(person)
        detail = ", ".join(p for p in (person.role.strip(), person.org.strip()) if p)
        return person.name + (f", {detail}" if detail else "")
