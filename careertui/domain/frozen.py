"""`@frozen`: the class `@dataclass(frozen=True)` makes, made for less at import.

A dataclass compiles six methods with `exec` when its module is imported (about 1.3 ms a class
here); `careertui stats` imports seventeen of them, a tenth of its run. `frozen` compiles only
`__init__` (its signature and speed are the dataclass's own) and gives every class the same
`__repr__`, `__eq__`, `__hash__`, `__setattr__` and `__delattr__`, shared functions that do what
the generated ones do. The class is still a dataclass (`fields`, `replace` and `asdict` work); a
class using anything else (`__post_init__`, `InitVar`, `field(init=False)`, inheritance...) is
simply handed to `dataclass(frozen=True)`. tests/domain/test_frozen.py holds every class to a
dataclass twin.
"""

from __future__ import annotations

import dataclasses
import inspect
from _thread import get_ident
from typing import Any, TypeVar

_C = TypeVar("_C", bound=type)

_MADE = ("__init__", "__repr__", "__eq__", "__hash__", "__setattr__", "__delattr__", "__slots__")
_SPECIAL = ("ClassVar", "InitVar", "KW_ONLY")
_OURS = ("self", "_set", "_FACTORY")


class _Factory:
    """Stands for a default factory in `__init__`'s signature, as in a dataclass's."""

    def __repr__(self) -> str:
        return "<factory>"


_FACTORY = _Factory()


def _plain(cls: type) -> bool:
    """Whether `cls` uses nothing but fields with defaults or default factories."""
    if any(dataclasses.is_dataclass(base) for base in cls.__mro__[1:]):
        return False
    if hasattr(cls, "__post_init__") or any(name in cls.__dict__ for name in _MADE):
        return False
    for name, annotation in cls.__dict__.get("__annotations__", {}).items():
        if not isinstance(annotation, str) or any(word in annotation for word in _SPECIAL):
            return False
        if name in _OURS or name.startswith(("_make_", "_default_")):
            return False
        value = cls.__dict__.get(name)
        if isinstance(value, dataclasses.Field) and (
            not value.init
            or not value.repr
            or not value.compare
            or value.hash is not None
            or value.kw_only is True
            or value.metadata
        ):
            return False
    return True


def _values(self: Any) -> tuple[Any, ...]:
    return tuple([getattr(self, name) for name in self.__match_args__])


_running: set[tuple[int, int]] = set()


def _repr(self: Any) -> str:
    key = id(self), get_ident()
    if key in _running:
        return "..."
    _running.add(key)
    try:
        shown = ", ".join([f"{name}={getattr(self, name)!r}" for name in self.__match_args__])
    finally:
        _running.discard(key)
    return f"{self.__class__.__qualname__}({shown})"


def _eq(self: Any, other: Any) -> Any:
    if other.__class__ is self.__class__:
        return _values(self) == _values(other)
    return NotImplemented


def _hash(self: Any) -> int:
    return hash(_values(self))


def _no_assignment(cls: type, names: tuple[str, ...]) -> tuple[Any, Any]:
    def setattr_(self: Any, name: str, value: Any) -> None:
        if type(self) is cls or name in names:
            raise dataclasses.FrozenInstanceError(f"cannot assign to field {name!r}")
        super(cls, self).__setattr__(name, value)

    def delattr_(self: Any, name: str) -> None:
        if type(self) is cls or name in names:
            raise dataclasses.FrozenInstanceError(f"cannot delete field {name!r}")
        super(cls, self).__delattr__(name)

    return setattr_, delattr_


def _init(cls: type, fields: tuple[dataclasses.Field[Any], ...]) -> Any:
    """`__init__` as dataclass writes it for a frozen class: one exec."""
    scope: dict[str, Any] = {"_set": object.__setattr__, "_FACTORY": _FACTORY}
    params, body = ["self"], []
    for f in fields:
        if f.default_factory is not dataclasses.MISSING:
            scope[f"_make_{f.name}"] = f.default_factory
            params.append(f"{f.name}=_FACTORY")
            body.append(
                f"_set(self, {f.name!r}, _make_{f.name}() if {f.name} is _FACTORY else {f.name})"
            )
            continue
        if f.default is not dataclasses.MISSING:
            scope[f"_default_{f.name}"] = f.default
            params.append(f"{f.name}=_default_{f.name}")
        else:
            params.append(f.name)
        body.append(f"_set(self, {f.name!r}, {f.name})")
    source = (
        f"def make({', '.join(scope)}):\n def __init__({', '.join(params)}):\n  "
        + "\n  ".join(body or ["pass"])
        + "\n return __init__"
    )
    namespace: dict[str, Any] = {}
    exec(source, {}, namespace)  # what dataclasses does, from the field names only
    init = namespace["make"](*scope.values())
    init.__qualname__ = f"{cls.__qualname__}.__init__"
    init.__annotations__ = {**{f.name: f.type for f in fields}, "return": None}
    return init


def frozen(cls: _C) -> _C:
    """`@dataclass(frozen=True)`, the same class, for a fraction of its cost at import."""
    if not _plain(cls):
        return dataclasses.dataclass(frozen=True)(cls)
    documented = bool(cls.__dict__.get("__doc__"))
    if not documented:
        cls.__doc__ = "-"  # spares dataclass a signature now: __init__ is not there yet
    cls = dataclasses.dataclass(init=False, repr=False, eq=False)(cls)
    fields = dataclasses.fields(cls)
    names = tuple(f.name for f in fields)
    cls.__init__ = _init(cls, fields)  # type: ignore[misc]
    cls.__repr__ = _repr  # type: ignore[assignment]
    cls.__eq__ = _eq  # type: ignore[assignment]
    cls.__hash__ = _hash  # type: ignore[assignment]
    cls.__setattr__, cls.__delattr__ = _no_assignment(cls, names)  # type: ignore[assignment]
    cls.__match_args__ = names  # type: ignore[attr-defined]
    if not documented:
        try:
            signature = str(inspect.signature(cls)).replace(" -> None", "")
        except (TypeError, ValueError):
            signature = ""
        cls.__doc__ = cls.__name__ + signature
    return cls
