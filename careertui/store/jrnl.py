"""Importing a jrnl JSON export (`jrnl --export json`): each entry becomes a note, with a uuid
derived from the entry, so importing the same export twice adds nothing the second time."""

from __future__ import annotations

import json
import uuid as uuidlib
from collections.abc import Iterator, Mapping
from datetime import date
from typing import Any

from careertui.domain.records import ValidationError, validate
from careertui.store.export import ISO_DATE, ExchangeError

JRNL_NAMESPACE = uuidlib.UUID("081d8f64-bcc2-4153-9285-2f3dfc26a92b")
"""Fixed forever: the uuid of a note imported from jrnl is uuid5(JRNL_NAMESPACE, entry)."""


def jrnl_uuid(entry: Mapping[str, Any]) -> str:
    """A uuid that is the same every time the same jrnl entry is imported."""
    name = json.dumps(
        [entry.get("date"), entry.get("time"), entry.get("title"), entry.get("body")],
        ensure_ascii=False,
    )
    # uuid5 encodes the name as UTF-8: a lone surrogate (valid in JSON) must not stop it.
    return str(
        uuidlib.uuid5(
            JRNL_NAMESPACE, name.encode("utf-8", "surrogatepass").decode("utf-8", "replace")
        )
    )


def _jrnl_text(value: Any, key: str, where: str) -> str:
    if value is None:
        return ""
    if not isinstance(value, str):
        raise ExchangeError(f"{where}: {key} {value!r} is not text")
    return value


def jrnl_notes(
    data: Mapping[str, Any], today: date, source: str
) -> Iterator[tuple[str, dict[str, Any]]]:
    """Each entry as (its uuid, the note's cleaned values): its date, its title and body as
    text, its tags without the tag symbol (and `starred` for a starred entry)."""
    for index, entry in enumerate(data["entries"], start=1):
        where = f"{source}: jrnl entry #{index}"
        if not isinstance(entry, dict):
            raise ExchangeError(f"{where} is not an entry")
        day = entry.get("date")
        if not (isinstance(day, str) and ISO_DATE.match(day)):
            raise ExchangeError(f"{where}: date {day!r} is not a YYYY-MM-DD date")
        where = f"{source}: jrnl entry #{index} ({day})"
        title = _jrnl_text(entry.get("title"), "title", where)
        body = _jrnl_text(entry.get("body"), "body", where)
        tags = entry.get("tags") or []
        if not isinstance(tags, list) or not all(isinstance(t, str) for t in tags):
            raise ExchangeError(f"{where}: tags {tags!r} is not a list of tags")
        if entry.get("starred") is True:
            tags = [*tags, "starred"]
        text = "\n".join(part for part in (title, body) if part.strip())
        try:
            cleaned = validate("note", {"date": day, "text": text, "tags": tags}, today)
        except ValidationError as exc:
            raise ExchangeError(f"{where}: {exc.message}") from None
        yield jrnl_uuid(entry), cleaned
