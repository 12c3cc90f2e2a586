"""Indented JSON, as `json.dumps(value, ensure_ascii=False, indent=2)` writes it, but quicker.

With `indent`, the json module encodes in Python, one generator step per value: `stats --json`
at 100,000 entries (a thousand follow-ups due) spent a tenth of its time there. Here every list
or object that holds no list or object is encoded by the module's C encoder, its item separator
carrying the newline and the indent of its level; only the levels above are walked in Python.
The text is the same, character for character (tests/domain/test_jsonout.py checks it).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from itertools import repeat
from json.encoder import JSONEncoder, c_make_encoder, encode_basestring
from typing import Any

_CONTAINERS = (dict, list, tuple)


def _flat_encoder(inner: str) -> Callable[[Any], str]:
    """Encodes a value with `inner` (a newline and an indent) after each item separator."""
    if c_make_encoder is None:  # no C accelerator: the module's own encoder, at the same speed
        encoder = JSONEncoder(ensure_ascii=False, separators=("," + inner, ": "))
        return encoder.encode
    encode = c_make_encoder(
        {}, JSONEncoder().default, encode_basestring, None, ": ", "," + inner, False, False, True
    )
    return lambda value: "".join(encode(value, 0))


def _flat_object(value: Any) -> bool:
    """A non-empty object that holds no list or object."""
    return (
        isinstance(value, dict)
        and bool(value)
        and not any(map(isinstance, value.values(), repeat(_CONTAINERS)))
    )


def _key(key: Any) -> str:
    """An object key as the json module writes it (a number or a constant becomes a string)."""
    if isinstance(key, str):
        return encode_basestring(key)
    return json.dumps({key: 0}, ensure_ascii=False)[1:-4]


def _encode(
    value: Any, level: str, step: str, out: list[str], flat: dict[str, Callable[[Any], str]]
) -> None:
    if isinstance(value, dict):
        items: Any = value.values()
        opening, closing = "{", "}"
    elif isinstance(value, (list, tuple)):
        items = value
        opening, closing = "[", "]"
    else:
        out.append(json.dumps(value, ensure_ascii=False))
        return
    if not value:
        out.append(opening + closing)
        return
    inner = level + step
    if not any(map(isinstance, items, repeat(_CONTAINERS))):
        encode = flat.get(inner) or flat.setdefault(inner, _flat_encoder(inner))
        out.append(opening + inner + encode(value)[1:-1] + level + closing)
        return
    if closing == "]" and all(map(_flat_object, items)):
        # A list of flat objects (the follow-ups due) in one call, with its objects' separator:
        # between two objects it then reads "}," + deeper + "{", which nothing else in the text
        # can (a newline inside a string is escaped), and is put right by one replace.
        deeper = inner + step
        encode = flat.get(deeper) or flat.setdefault(deeper, _flat_encoder(deeper))
        body = encode(value)[2:-2].replace("}," + deeper + "{", inner + "}," + inner + "{" + deeper)
        out.append("[" + inner + "{" + deeper + body + inner + "}" + level + "]")
        return
    out.append(opening)
    separator = inner
    if isinstance(value, dict):
        for key, item in value.items():
            out.append(separator + _key(key) + ": ")
            _encode(item, inner, step, out, flat)
            separator = "," + inner
    else:
        for item in value:
            out.append(separator)
            _encode(item, inner, step, out, flat)
            separator = "," + inner
    out.append(level + closing)


def dumps_indented(value: Any, indent: int = 2) -> str:
    """`json.dumps(value, ensure_ascii=False, indent=indent)`, the same text."""
    out: list[str] = []
    _encode(value, "\n", " " * indent, out, {})
    return "".join(out)
