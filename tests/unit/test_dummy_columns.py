"""A column of 0s and 1s (a break from some date on, an event's quarter) is a dummy: known ahead, never a variable
a VAR should forecast. Loaded without naming variables it was taken as one, without a word; it is now left out
and said, as the calendar is, and it can be given as an exogenous column. The upload preview says the same."""

from __future__ import annotations

import numpy as np
import pytest

from varlib import InvalidInputError, ModelSpec, load_dataset, train_model
from varlib.data import profile_csv


def _file() -> bytes:
    rng, a, b = np.random.default_rng(1), 0.0, 0.0
    rows = ["date,a,b,break,impulse"]
    for t in range(80):
        a, b = 0.5 * a + rng.normal(), 0.3 * b + rng.normal()
        rows.append(f"{2000 + t // 4}Q{t % 4 + 1},{a:.3f},{b:.3f},{int(t >= 40)},{int(t == 50)}")
    return ("\n".join(rows) + "\n").encode()


def test_dummies_are_left_out_of_the_variables_and_said():
    dataset = load_dataset(_file(), csv_name="break.csv")
    assert dataset.variables == ["a", "b"]
    assert "columns break, impulse left out (only 0 and 1, a dummy for a break or an event" in " ".join(dataset.read_as)
    profile, _ = profile_csv(_file(), name="break.csv")
    assert profile.usable == ("a", "b") and "break" in profile.exogenous_usable
    assert any(note.startswith("columns break, impulse: only 0 and 1") for note in profile.notes), profile.notes


def test_a_dummy_named_as_exogenous_is_used_and_named_as_a_variable_is_kept():
    dataset = load_dataset(_file(), variables=["a", "b", "break"])
    result = train_model(dataset, ModelSpec(("a", "b"), exog=("break",), lags=1, holdout=0))
    assert result.spec.exog == ("break",)
    assert load_dataset(_file(), variables=["a", "b", "break"]).variables == ["a", "b", "break"]


def test_a_dummy_left_out_and_then_named_says_how_to_keep_it():
    dataset = load_dataset(_file(), csv_name="break.csv")
    with pytest.raises(InvalidInputError, match=r"break is a column of 'break.csv' but was left out.*--exog"):
        train_model(dataset, ModelSpec(("a", "b"), exog=("break",), lags=1, holdout=0))
