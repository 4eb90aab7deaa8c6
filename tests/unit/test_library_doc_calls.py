"""The calls of docs/LIBRARY.md as a programmer makes them: a bad option is refused by name whatever the data."""

from __future__ import annotations

import pytest

import varlib


def test_a_mistyped_fill_is_refused_for_the_bundled_data_too():
    """`fill` was checked only when a CSV was read: the bundled data took `fill="interploate"` without a word."""
    with pytest.raises(varlib.InvalidInputError, match="fill 'interploate' is not one of none, drop") as refused:
        varlib.load_dataset(fill="interploate")
    assert refused.value.field == "fill"
    assert varlib.load_dataset(fill="ffill").variables == list(varlib.DEFAULT_VARIABLES)  # a real one still loads
