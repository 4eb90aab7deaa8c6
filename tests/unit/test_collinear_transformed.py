"""A combination of variables that is exact in levels is collinear once logged and differenced only up to rounding
(about 1e-16): the exact check missed it, so the lag search failed with statsmodels' words ("5-th leading minor
...") and a fixed order was refused as values too small. It is refused naming the relation, in the same words from
the library, the CLI and the Train page; a combination that is only close trains with the warning that names it.
The data: statsmodels' macrodata 1990Q1-2009Q3, with g2 = 2 * realgdp or ratio = realcons / realgdp."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from statsmodels.datasets import macrodata

from varlib import InvalidInputError, ModelSpec, load_dataset, train_model
from varlib.model import fit_results, select_lags
from varlib.model_space import to_model_space

BASE = ["realgdp", "realcons", "realinv", "cpi"]
NAMED = {"g2": "realgdp and g2", "ratio": "realgdp, realcons and ratio"}  # the variables of each relation


def _frame(extra: str, noise: float = 0.0) -> pd.DataFrame:
    data = macrodata.load_pandas().data.iloc[124:]  # 1990Q1 to 2009Q3
    frame = data[BASE].set_index(pd.period_range("1990Q1", periods=len(data), freq="Q").to_timestamp())
    made = 2 * frame["realgdp"] if extra == "g2" else frame["realcons"] / frame["realgdp"]
    frame[extra] = made * (1 + noise * np.random.default_rng(3).standard_normal(len(frame)))
    return frame.rename_axis("date")


def _dataset(extra: str, noise: float = 0.0):
    return load_dataset(_frame(extra, noise).to_csv().encode(), csv_name=f"{extra}.csv", variables=[*BASE, extra])


def _refusal(extra: str) -> str:
    return (
        f"the variables {', '.join([*BASE, extra])} are collinear in log differences of {extra}.csv:"
        f" {NAMED[extra]} move together exactly (one is a combination of the others); drop one of those"
    )


@pytest.mark.parametrize("lags", [None, 2], ids=["lags by AIC", "2 lags"])
@pytest.mark.parametrize("extra", ["g2", "ratio"])
def test_training_in_log_differences_names_the_relation(extra, lags):
    with pytest.raises(InvalidInputError) as refused:
        train_model(_dataset(extra), ModelSpec((*BASE, extra), transform="logdiff", lags=lags))
    assert str(refused.value) == _refusal(extra)
    assert refused.value.value == NAMED[extra].replace(" and", ",").split(", ")


@pytest.mark.parametrize("extra", ["g2", "ratio"])
def test_a_combination_only_close_trains_with_the_warning_that_names_it(extra):
    result = train_model(_dataset(extra, noise=1e-6), ModelSpec((*BASE, extra), transform="logdiff", holdout=0))
    said = next(w for w in result.warnings if "moves almost exactly with" in w)
    assert all(name in said for name in NAMED[extra].replace(" and", ",").split(", ")), said


def _series(extra: str) -> np.ndarray:
    return to_model_space(_frame(extra).to_numpy(dtype=float), "logdiff")


@pytest.mark.parametrize("extra", ["g2", "ratio"])
def test_the_lag_search_names_the_relation_not_statsmodels_error(extra):
    with pytest.raises(InvalidInputError) as refused:
        select_lags(_series(extra), 4, "c", names=[*BASE, extra])
    assert f": {NAMED[extra]} move together almost exactly, too closely for a least-squares fit" in str(refused.value)
    assert "leading minor" not in str(refused.value)


@pytest.mark.parametrize("extra", ["g2", "ratio"])
def test_a_fixed_order_fit_calls_it_a_relation_not_values_too_small(extra):
    with pytest.raises(InvalidInputError) as refused:
        fit_results(_series(extra), 2, "c", [*BASE, extra], "log differences")
    assert f": {NAMED[extra]} move together almost exactly, too closely for a least-squares fit" in str(refused.value)
    assert "too small" not in str(refused.value) and "Rescale" not in str(refused.value)


def test_the_cli_says_the_same_words(tmp_path, monkeypatch, capsys):
    from varlib.cli import main

    monkeypatch.setenv("VARLIB_STORE_DIR", str(tmp_path / "store"))
    csv = tmp_path / "g2.csv"
    _frame("g2").to_csv(csv)
    assert main(["train", "--csv", str(csv), "--transform", "logdiff"]) == 2
    assert capsys.readouterr().err == f"error: {_refusal('g2')}\n"


def test_the_train_page_says_the_same_words(tmp_path, monkeypatch):
    from tests.app.conftest import errors, open_app

    monkeypatch.setenv("VARLIB_STORE_DIR", str(tmp_path))
    at = open_app(page="views/train.py")
    at.radio(key="train_source").set_value("Upload a CSV").run()
    at.file_uploader(key="train_csv").set_value(("g2.csv", _frame("g2").to_csv().encode(), "text/csv")).run()
    next(s for s in at.selectbox if s.label == "Transform").set_value("logdiff").run()
    next(b for b in at.button if b.label.startswith("Train")).click().run()
    assert not at.exception, at.exception
    said = _refusal("g2")
    assert f"**Invalid input.** {said[0].upper()}{said[1:]}\n" in errors(at), errors(at)  # a sentence: capitalised


def test_a_relation_off_by_more_than_rounding_is_not_called_exact():
    """Off by 1e-12 (ten thousand times the rounding), the relation is no exact one, though too close to fit: the
    lag search says so, where it said `exactly` (a review found the words contradicting the fixed-order fit's)."""
    with pytest.raises(InvalidInputError) as refused:
        train_model(_dataset("g2", 1e-12), ModelSpec((*BASE, "g2"), transform="logdiff", holdout=0))
    assert "realgdp and g2 move together almost exactly, too closely for a least-squares fit" in str(refused.value)
