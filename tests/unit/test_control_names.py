"""A column name that holds a control character (a line break inside a quoted header cell, a tab, a line
separator, a right-to-left override) is refused when a model is trained on it: such a name split the CLI's
summary line in two, and printed raw it reorders or fakes terminal output. Ordinary Unicode stays a name."""

from __future__ import annotations

import re

import numpy as np
import pytest

from varlib import InvalidInputError, ModelSpec, load_dataset, train_model


def _csv(names: list[str]) -> bytes:
    rng = np.random.default_rng(6)
    values = 100 + np.cumsum(rng.normal(0.3, 1.0, size=(60, len(names))), axis=0)
    header = ",".join(["date", *(f'"{name}"' for name in names)])
    rows = [f"{1990 + i // 4}Q{i % 4 + 1}," + ",".join(f"{v:.3f}" for v in row) for i, row in enumerate(values)]
    return (header + "\n" + "\n".join(rows) + "\n").encode()


@pytest.mark.parametrize(
    "name, shown, code",
    [
        ("line1\nline2", r"line1\nline2", "U+000A"),
        ("a\tb", r"a\tb", "U+0009"),
        ("ab\u202ecd", r"ab\u202ecd", "U+202E"),
        ("x\u2028y", r"x\u2028y", "U+2028"),
    ],
)
def test_a_name_with_a_control_character_is_refused_escaped(name, shown, code):
    dataset = load_dataset(_csv(["gdp", name, "inv"]), csv_name="names.csv")
    with pytest.raises(InvalidInputError) as refused:
        train_model(dataset, ModelSpec(("gdp", name), lags=1, holdout=0))
    message = str(refused.value)
    assert f"column name '{shown}' holds a control character {code}" in message and name not in message
    with pytest.raises(InvalidInputError, match=re.escape(code)):  # as an exogenous variable too
        train_model(dataset, ModelSpec(("gdp", "inv"), exog=(name,), lags=1, holdout=0))


def test_names_in_other_scripts_and_emoji_stay_names():
    names = ["BIP Österreich", "日本", "👩\u200d💻 jobs"]  # the zero-width joiner of an emoji is text
    dataset = load_dataset(_csv(names), csv_name="names.csv")
    assert train_model(dataset, ModelSpec(tuple(names), lags=1, holdout=0)).spec.variables == tuple(names)
