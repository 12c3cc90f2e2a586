"""`@frozen` makes the class `@dataclass(frozen=True)` makes: every domain class that uses it is
held here to a dataclass twin declared with the same fields."""

import copy
import dataclasses
import inspect
import pickle
from typing import Any

import pytest

from careertui.domain import cadence, due, readiness, stats, streaks
from careertui.domain.frozen import frozen

CLASSES = [
    obj
    for module in (cadence, due, readiness, stats, streaks)
    for obj in vars(module).values()
    if isinstance(obj, type) and obj.__module__ == module.__name__ and dataclasses.is_dataclass(obj)
]


def _twin(cls: type) -> type:
    """`cls`'s fields, defaults and docstring in a class made by dataclass(frozen=True)."""
    namespace: dict[str, Any] = {"__annotations__": {}, "__module__": cls.__module__}
    if cls.__dict__.get("__doc__") and not cls.__doc__.startswith(cls.__name__ + "("):
        namespace["__doc__"] = cls.__doc__
    for f in dataclasses.fields(cls):
        namespace["__annotations__"][f.name] = f.type
        if f.default_factory is not dataclasses.MISSING:
            namespace[f.name] = dataclasses.field(default_factory=f.default_factory)
        elif f.default is not dataclasses.MISSING:
            namespace[f.name] = f.default
    twin = dataclasses.dataclass(frozen=True)(type(cls.__name__, (), namespace))
    twin.__qualname__ = cls.__qualname__
    return twin


def _args(cls: type, seed: int) -> list[Any]:
    fields = dataclasses.fields(cls)
    return [f"{f.name}-{seed}" if i % 2 else (seed, i) for i, f in enumerate(fields)]


def test_there_are_classes_to_check() -> None:
    assert len(CLASSES) == 17


@pytest.mark.parametrize("cls", CLASSES, ids=lambda c: c.__name__)
def test_the_same_class_as_dataclass_makes(cls: type) -> None:
    twin = _twin(cls)
    assert str(inspect.signature(cls)) == str(inspect.signature(twin))
    assert cls.__doc__ == twin.__doc__
    assert cls.__match_args__ == twin.__match_args__
    assert [f.name for f in dataclasses.fields(cls)] == [f.name for f in dataclasses.fields(twin)]
    for name in twin.__annotations__:
        assert getattr(cls, name, "<none>") == getattr(twin, name, "<none>"), name
    args = _args(cls, 1)
    one, other = cls(*args), twin(*args)
    assert repr(one) == repr(other)
    assert hash(one) == hash(other)
    assert one == cls(*args) and not one != cls(*args)
    assert one != cls(*_args(cls, 2)) and one != other and (one == args) is False
    assert dataclasses.asdict(one) == dataclasses.asdict(other)
    assert cls(**dict(zip(cls.__match_args__, args, strict=True))) == one
    assert copy.deepcopy(one) == one
    name = dataclasses.fields(cls)[0].name
    assert dataclasses.replace(one, **{name: "changed"}) == cls("changed", *args[1:])
    for target in (one, other):
        with pytest.raises(dataclasses.FrozenInstanceError, match=f"assign to field '{name}'"):
            setattr(target, name, 0)
        with pytest.raises(dataclasses.FrozenInstanceError, match="cannot delete field 'x'"):
            delattr(target, "x")
    with pytest.raises(TypeError):
        cls()
    with pytest.raises(TypeError):
        twin()


def test_defaults_and_factories() -> None:
    made = readiness.Readiness(1, "b")
    twin = _twin(readiness.Readiness)(1, "b")
    assert repr(made) == repr(twin) and made.parts == {}
    assert made.parts is not readiness.Readiness(1, "b").parts
    assert repr(cadence.Cadence("weekly")) == "Cadence(unit='weekly', times=1)"
    assert pickle.loads(pickle.dumps(cadence.Cadence("weekly", 3))) == cadence.Cadence("weekly", 3)


def test_a_recursive_repr_stops() -> None:
    @frozen
    class Box:
        item: Any

    @dataclasses.dataclass(frozen=True)
    class Twin:
        item: Any

    Twin.__qualname__ = Box.__qualname__
    boxes = Box([]), Twin([])
    for box in boxes:
        box.item.append(box)
    assert repr(boxes[0]) == repr(boxes[1]) and repr(boxes[0]).endswith("Box(item=[...])")


def test_what_it_does_not_make_goes_to_dataclass() -> None:
    @frozen
    class Later:
        a: int

        def __post_init__(self) -> None:
            pass

    @frozen
    class Hidden:
        a: int = dataclasses.field(default=0, repr=False)

    for cls in (Later, Hidden):
        assert cls.__dataclass_params__.frozen  # type: ignore[attr-defined]
    assert repr(Hidden(3)) == "test_what_it_does_not_make_goes_to_dataclass.<locals>.Hidden()"
