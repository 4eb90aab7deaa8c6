"""A VECM's order is its VAR order in levels, at least 1: the library owns that rule. `min_lags` 0 (a VAR's option)
is raised to 1 with a warning, from the CLI as from the library, in the words the Train page greys its box out
with; the search, its description and the stored version's lag table start at 1 (it searched from 0, and a
criterion that chose 0 was said as "a VAR(1), the smallest, is fitted")."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from studies.samples import as_quarterly
from ui import train_vecm
from varlib import ModelSpec, diagnose, order_floor, train_model
from varlib.artifact import build_artifact
from varlib.cli import main

ORDER_FLOOR = "a VECM's order is its VAR order in levels, at least 1"  # the words the Train page greyed out with
RAISED = f"min lags 0 (CLI --min-lags 0) is a VAR option: {ORDER_FLOOR}, so the criterion searched from 1"


@pytest.fixture(scope="module")
def noise() -> pd.DataFrame:
    """Levels that are noise around a constant: BIC prefers no lags at all, when it may."""
    rng = np.random.default_rng(0)
    dates = pd.date_range("2000", periods=120, freq="QS")
    return pd.DataFrame(10 + rng.normal(size=(120, 2)), columns=["a", "b"], index=dates)


def test_a_vecm_searched_from_zero_is_searched_from_one_and_says_so(noise):
    spec = ModelSpec(("a", "b"), kind="vecm", min_lags=0, ic="bic", coint_rank=1, holdout=0)
    result = train_model(as_quarterly(noise, "noise"), spec)
    assert result.warnings[0] == RAISED
    assert not [w for w in result.warnings if "prefers no lags" in w or "VAR(1), the smallest" in w]
    assert result.lag_method.startswith("bic (lags 1-") and "0 chosen" not in result.lag_method
    assert min(row["lag"] for row in result.selection.table) == 1
    stored = build_artifact(result, "noise-vecm", "tester")
    assert result.spec.min_lags == stored.spec.min_lags == 1  # stored as searched, where it kept the 0 asked for
    older = ModelSpec.from_dict({**stored.spec.to_dict(), "min_lags": 0})  # a version stored with 0 keeps loading
    assert older.min_lags == 0 and older.kind == "vecm"
    assert min(row["lag"] for row in diagnose(stored).lag_selection.table) == 1  # as training searched


def test_a_vecm_from_one_or_of_fixed_order_is_not_told_and_a_var_still_searches_from_zero(noise):
    dataset = as_quarterly(noise, "noise")
    for spec in (
        ModelSpec(("a", "b"), kind="vecm", ic="bic", coint_rank=1, holdout=0),
        ModelSpec(("a", "b"), kind="vecm", min_lags=0, lags=2, coint_rank=1, holdout=0),
    ):
        assert RAISED not in train_model(dataset, spec).warnings
    var = train_model(dataset, ModelSpec(("a", "b"), min_lags=0, ic="bic", holdout=0))
    assert var.lag_method.endswith("0 chosen, 1 fitted")


def test_the_cli_and_the_train_page_say_it_in_the_same_words(noise, tmp_path, capsys):
    path = tmp_path / "noise.csv"
    noise.rename_axis("date").to_csv(path)
    argv = ["train", "--csv", str(path), "--model", "vecm", "--min-lags", "0", "--ic", "bic", "--coint-rank", "1"]
    code = main(argv)
    captured = capsys.readouterr()
    assert code == 0, captured.err
    assert f"warning: {RAISED}" in captured.err and "lags 1-" in captured.out
    from varlib.kinds import vecm

    assert order_floor("vecm") == vecm.ORDER_FLOOR == ORDER_FLOOR and order_floor("var") is None
    assert train_vecm.zero_lags_help("vecm") == f"A VAR option: {ORDER_FLOOR}."
    assert train_vecm.zero_lags_help("var") is None


def test_the_train_page_reads_the_library_s_words_and_keeps_no_copy(monkeypatch):
    """The page has no sentence of its own to drift: other words in the library are the page's words."""
    from varlib.kinds import get_kind

    assert not hasattr(train_vecm, "ORDER_FLOOR")
    monkeypatch.setattr(get_kind("vecm"), "order_floor", "a VECM needs a lag, as the library now says")
    assert train_vecm.zero_lags_help("vecm") == "A VAR option: a VECM needs a lag, as the library now says."
