"""What exploratory training on unusual but real data found: variables of very different sizes (output in dollars
beside a rate as a decimal) were refused as collinear, naming the wrong ones; values of 1e-300 were called
collinear too; an empty column was left out without a word; Johansen's test on more than 12 variables, where
statsmodels has no critical values, reported a rank too high (and a VECM was fitted with it), and on a short
sample of many variables it crashed the advice after publishing; and a VECM in log levels with a value under
zero was told to use a transform it refuses."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from varlib import InvalidInputError, ModelSpec, analyse_integration, load_dataset, train_model
from varlib.fit_checks import check_not_degenerate
from varlib.integration import MAX_JOHANSEN_VARIABLES, johansen_test
from varlib.model_space import to_model_space


def _walks(count: int, rows: int, seed: int = 5) -> np.ndarray:
    """Independent random walks around 100: no cointegrating relation among them (rank 0)."""
    return 100 + np.cumsum(np.random.default_rng(seed).standard_normal((rows, count)), axis=0)


def _dataset(values: np.ndarray, names: list[str]):
    index = pd.period_range("1990Q1", periods=len(values), freq="Q").to_timestamp()
    frame = pd.DataFrame(values, columns=names, index=index).rename_axis("date")
    return load_dataset(frame.to_csv().encode(), csv_name="walks.csv", variables=names)


def test_variables_of_very_different_sizes_are_not_called_collinear():
    rng = np.random.default_rng(7)
    gdp = 1e13 * np.exp(np.cumsum(0.008 + 0.01 * rng.standard_normal(80)))
    rate = 0.05 + np.cumsum(0.002 * rng.standard_normal(80))
    inflation = 0.02 + 0.005 * rng.standard_normal(80)
    check_not_degenerate(np.column_stack([gdp, rate, inflation]), ["gdp", "rate", "inflation"])  # no refusal


def test_an_exact_relation_between_variables_of_different_sizes_is_still_refused_naming_them():
    rng = np.random.default_rng(8)
    gdp, rate, other = 1e13 * (1 + rng.random(80)), 0.05 * rng.random(80), rng.random(80)
    with pytest.raises(InvalidInputError, match="collinear: gdp, rate and sum move together exactly"):
        check_not_degenerate(np.column_stack([gdp, rate, other, gdp * 1e-12 + rate]), ["gdp", "rate", "x", "sum"])


def test_values_too_small_to_square_are_refused_as_such_naming_the_variable():
    values = _walks(3, 60)
    values[:, 1] *= 1e-300
    with pytest.raises(InvalidInputError, match="too small to fit a VAR on: b reaches only") as refused:
        check_not_degenerate(values, ["a", "b", "c"])
    assert "multiply it by a power of ten" in str(refused.value)
    values[:, 1] = 0.0  # zeros are a constant, not a size
    with pytest.raises(InvalidInputError, match="b is constant"):
        check_not_degenerate(values, ["a", "b", "c"])


def test_johansen_on_more_variables_than_its_tables_is_refused_not_answered_with_a_wrong_rank():
    walks = _walks(MAX_JOHANSEN_VARIABLES + 2, 400)
    names = [f"v{j}" for j in range(walks.shape[1])]
    with pytest.raises(InvalidInputError, match="critical values for at most 12 variables, not 14"):
        johansen_test(np.log(walks), names, 1, 0)
    assert johansen_test(np.log(walks[:, :12]), names[:12], 1, 0).rank == 0  # within the tables: the true rank


def test_the_advice_on_many_integrated_variables_says_johansen_was_not_run():
    walks = _walks(14, 400)
    found = analyse_integration(walks, [f"v{j}" for j in range(14)], 2)
    assert found.johansen is None
    assert "cointegration test was not run: its critical values cover at most 12 variables, not 14" in found.advice


def test_a_vecm_of_more_than_12_variables_is_refused_with_a_rank_given_or_not():
    names = [f"v{j}" for j in range(14)]
    dataset = _dataset(_walks(14, 400), names)
    for rank in (None, 1):
        with pytest.raises(InvalidInputError, match="model at most 12 variables in a VECM"):
            train_model(dataset, ModelSpec(tuple(names), kind="vecm", max_lags=2, coint_rank=rank))


def test_many_variables_on_a_short_sample_get_advice_not_a_linear_algebra_error():
    names = [f"v{j}" for j in range(28)]
    found = analyse_integration(_walks(28, 80), names, 2)  # its moment matrix was not positive definite
    assert found.johansen is None and "not 28" in found.advice


@pytest.mark.parametrize(
    ("transform", "instead"), [("log", "use 'none' (levels)"), ("logdiff", "use 'diff' or 'none'")]
)
def test_a_value_under_zero_under_logs_points_to_a_transform_of_the_same_kind(transform, instead):
    levels = _walks(2, 30)
    levels[5, 1] = -3.0
    with pytest.raises(InvalidInputError) as refused:
        to_model_space(levels, transform, ["a", "b"])
    assert f"b is -3 in row 6; {instead}, or leave that variable out" in str(refused.value)


def test_an_empty_column_left_out_is_said_as_a_text_one_is():
    rows = [f"{1990 + i // 4}Q{i % 4 + 1},{100 + 1.3 * i + i % 3},{50 + 0.7 * i - i % 2},,north" for i in range(40)]
    dataset = load_dataset(("date,gdp,cons,empty,region\n" + "\n".join(rows)).encode(), csv_name="f.csv")
    assert list(dataset.frame.columns) == ["gdp", "cons"]
    assert dataset.read_as == (
        "column region left out (text, not numbers)",
        "column empty left out (it holds no values)",
    )


def test_advice_of_a_vecm_on_few_rows_for_many_variables_says_the_test_over_finds_relations():
    names = [f"v{j}" for j in range(12)]
    rng = np.random.default_rng(5)  # twelve independent walks, one after the other: no relation is there
    walks = np.column_stack([100 + np.cumsum(rng.standard_normal(60)) for _ in names]).round(3)
    short = analyse_integration(walks, names, 2)
    assert short.johansen is not None and short.johansen.rank == 5  # Johansen's test finds five all the same (README)
    assert "with Reinsel and Ahn's small-sample factor 0.586 it finds none; compare the VECM" in short.advice
    long = analyse_integration(_walks(3, 400), names[:3], 2)
    assert "Reinsel" not in long.advice


def test_a_totals_row_under_the_data_is_refused_as_such_not_asked_for_a_date():
    rows = [f"{1990 + i // 4}Q{i % 4 + 1},{100 + 1.3 * i + i % 3},{50 + 0.7 * i - i % 2}" for i in range(40)]
    with pytest.raises(InvalidInputError) as refused:
        load_dataset(("date,gdp,cons\n" + "\n".join([*rows, "Total,4500,2600"])).encode(), csv_name="t.csv")
    assert "row 41: 'Total' is not a date; a row of totals or averages under the data is no observation" in str(
        refused.value
    )
