import json
import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from careertui.domain.jsonout import dumps_indented

scalars = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.text()
)
keys = st.text() | st.integers() | st.booleans() | st.none() | st.floats(allow_nan=False)
values = st.recursive(
    scalars,
    lambda children: (
        st.lists(children, max_size=5)
        | st.lists(children, max_size=5).map(tuple)
        | st.dictionaries(keys, children, max_size=5)
    ),
    max_leaves=40,
)


@settings(max_examples=300)
@given(values, st.integers(min_value=0, max_value=4))
def test_same_text_as_the_json_module(value, indent):
    assert dumps_indented(value, indent) == json.dumps(value, ensure_ascii=False, indent=indent)


tricky_text = st.text(alphabet=st.sampled_from('{}[],:" \n\\ab\u2028é'))
flat_objects = st.dictionaries(
    tricky_text | keys,
    scalars | tricky_text,
    min_size=1,
    max_size=4,
)


@given(st.lists(flat_objects, max_size=6), st.integers(min_value=0, max_value=4))
def test_lists_of_flat_objects(items, indent):
    for value in (items, {"due": items}, [items, {"x": items}]):
        assert dumps_indented(value, indent) == json.dumps(value, ensure_ascii=False, indent=indent)


@pytest.mark.parametrize(
    "value",
    [
        {},
        [],
        {"a": {}, "b": [], "c": [[]], "d": [{}]},
        {"today": "2026-11-23", "streak": {"current": 3, "longest": 9}, "due": [{"x": 1}]},
        {"text": "Zoë “quoted” \\ \n tab\t \u2028 \x00"},
        [{"a": "},\n  {"}, {"}, {": 1}, {"b": [1]}],
        [{"a": 1}, {}, {"b": 2}],
        [1.5, math.inf, -math.inf, True, None, 10**30],
        {1: "one", 2.5: "x", False: 0, None: [1, {"k": (1, 2)}]},
    ],
)
def test_examples(value):
    assert dumps_indented(value) == json.dumps(value, ensure_ascii=False, indent=2)


def test_what_json_refuses_is_refused():
    with pytest.raises(TypeError):
        dumps_indented({"when": object()})
