"""Conditions that hold no value are refused alike by the library, the REST service and the CLI's files, in one
set of words (varlib.data.path_values.refuse_no_conditions), while the dashboard's empty editor stays "no
conditions"; and a column that loading a file left out is said to be in the file, with why and how to keep it."""

from __future__ import annotations

import re

import numpy as np
import pandas as pd
import pytest

from varlib import (
    InvalidInputError,
    ModelSpec,
    Registry,
    Settings,
    forecast_version,
    load_dataset,
    make_scenario,
    publish_result,
    train_model,
)
from varlib.api.schemas import ForecastRequest
from varlib.data.paths import CONDITIONS, check_path, path_editor_table, read_path_csv

NOTHING = re.escape("'realgdp' holds no value to condition on (only null, or none); give at least one value (null")


@pytest.fixture(scope="module")
def published(macro_result, tmp_path_factory):
    registry = Registry.from_settings(Settings(store_dir=tmp_path_factory.mktemp("agree"), author="tester"))
    return registry, publish_result(registry, macro_result, "var")


@pytest.mark.parametrize("values", [[None, None], [], None], ids=["nulls", "empty list", "None"])
def test_a_variable_with_no_value_is_refused_by_the_library_as_by_rest(published, values):
    """Not a plain forecast reading as a conditioned one (`conditions: []`), nor a scenario storing no conditions."""
    registry, artifact = published
    conditions = {"realgdp": values, "realcons": [9000.0]}
    with pytest.raises(InvalidInputError, match=NOTHING) as refused:
        forecast_version(registry, "var", "0.0.1", steps=2, conditions=conditions)
    assert refused.value.field == "conditions.realgdp"
    with pytest.raises(InvalidInputError, match=NOTHING):
        make_scenario(artifact, "empty", 2, conditions=conditions)
    if values is not None:  # the REST schema leaves the rule to the library: one owner, one message
        assert ForecastRequest.model_validate({"steps": 2, "conditions": conditions}).conditions == conditions


def test_every_variable_without_a_value_is_named_and_no_variable_is_refused(published):
    registry, _ = published
    with pytest.raises(InvalidInputError, match="'realgdp' and 'realcons' hold no value .* leave them out"):
        forecast_version(registry, "var", "0.0.1", steps=2, conditions={"realgdp": [None], "realcons": []})
    with pytest.raises(InvalidInputError, match="conditions name no variable; give a variable's values"):
        forecast_version(registry, "var", "0.0.1", steps=2, conditions={})
    table = pd.DataFrame({"date": ["2009-10-01"], "realgdp": [np.nan]})
    with pytest.raises(InvalidInputError, match="the conditions table holds no value to condition on: its column"):
        forecast_version(registry, "var", "0.0.1", steps=2, conditions=table)


def test_a_value_that_is_no_list_is_named_not_a_type_error(published):
    registry, _ = published
    with pytest.raises(InvalidInputError, match="realgdp is 13100.0, not a list of values step by step"):
        forecast_version(registry, "var", "0.0.1", steps=2, conditions={"realgdp": 13100.0})


def test_conditions_with_a_value_still_condition(published):
    registry, _ = published
    result = forecast_version(registry, "var", "0.0.1", steps=2, conditions={"realgdp": [None, 13100.0]})
    assert [{k: v for k, v in c.items() if k != "sd_from_forecast"} for c in result.conditions] == [
        {"variable": "realgdp", "step": 2, "date": "2010-01-01", "value": 13100.0}
    ]


def test_the_dashboards_empty_editor_is_no_conditions_not_a_refusal():
    """The editor's table has a column per variable whether or not a cell was typed; the page reads it with
    check_path and forecasts without conditions when every cell is empty (ui.paths_editor._conditions)."""
    labels, columns = ["2009-10-01", "2010-01-01"], ["realgdp", "realcons"]
    path = check_path(path_editor_table(None, columns, labels), columns, labels, CONDITIONS)
    assert path.isna().all().all()


@pytest.mark.parametrize(
    "text, where",
    [
        (b"date,realgdp\n2009Q4,\n", "its column realgdp is empty"),
        (b"step\n1\n", "it has no variable's column (only step)"),
        (b"date,realgdp,realcons\n2009Q4,,\n", "its columns realgdp, realcons are empty"),
    ],
)
def test_a_conditions_file_without_values_reads_as_a_sentence(text, where):
    """The file is named as a conditions file, in a sentence."""
    with pytest.raises(InvalidInputError) as refused:
        read_path_csv(text, CONDITIONS, "gdp.csv")
    assert str(refused.value).startswith(f"conditions file gdp.csv holds no value to condition on: {where}; give")
    with pytest.raises(InvalidInputError, match=r"conditions file gdp.csv has a header \(date, a\) but no rows"):
        read_path_csv(b"date,a\n", CONDITIONS, "gdp.csv")


@pytest.fixture(scope="module")
def trend_file(tmp_path_factory):
    rng = np.random.default_rng(3)
    rows = 60
    frame = pd.DataFrame(
        {
            "date": pd.date_range("2000-01-01", periods=rows, freq="QS").strftime("%Y-%m-%d"),
            "a": rng.normal(size=rows).cumsum(),
            "b": rng.normal(size=rows).cumsum(),
            "trendcol": np.arange(rows, dtype=float),
            "flat": 1.0,
            "hole": "",
        }
    )
    path = tmp_path_factory.mktemp("trend") / "trend.csv"
    frame.to_csv(path, index=False)
    return path


def test_a_column_left_out_on_loading_is_said_to_be_in_the_file(trend_file):
    """Not "trendcol is not a column of dataset 'trend.csv'": the file has it, and the message says why it was left
    out and how to keep it."""
    dataset = load_dataset(str(trend_file))
    assert dataset.variables == ["a", "b"]
    spec = ModelSpec(variables=("a", "b"), exog=("trendcol",), lags=1, holdout=0)
    with pytest.raises(InvalidInputError) as refused:
        train_model(dataset, spec)
    message = str(refused.value)
    assert message.startswith("trendcol is a column of 'trend.csv' but was left out when it was loaded")
    assert "(counting: the same step every row" in message
    assert message.endswith(
        "on the CLI --vars a,b as well as --exog; in Python load_dataset(path, variables=['a', 'b', 'trendcol'])"
    )
    kept = load_dataset(str(trend_file), variables=["a", "b", "trendcol"])  # the way the message says works
    assert train_model(kept, spec).spec.exog == ("trendcol",)


def test_a_left_out_column_that_naming_would_not_save_is_not_advised_to_be_named(trend_file):
    """A constant exogenous column, or a counter as a variable, would be refused when named as well: the advice to
    name it when loading led to a second refusal."""
    dataset = load_dataset(str(trend_file))
    assert dict(dataset.left_out)["flat"].startswith("constant: the same value every row")
    for spec in (
        ModelSpec(variables=("a", "b"), exog=("flat",), lags=1, holdout=0),
        ModelSpec(variables=("a", "b", "trendcol"), lags=1, holdout=0),
    ):
        with pytest.raises(InvalidInputError) as refused:
            train_model(dataset, spec)
        message = str(refused.value)
        assert " so a model cannot use it as it is" in message and "load_dataset" not in message, message


def test_a_left_out_column_whose_name_holds_a_comma_keeps_its_reason(trend_file, tmp_path):
    """The reason is the loader's for that column, whatever its name (a comma in it is no separator)."""
    renamed = tmp_path / "comma.csv"
    renamed.write_text(trend_file.read_text().replace("trendcol", '"trend, t"', 1))
    dataset = load_dataset(str(renamed))
    assert dict(dataset.left_out)["trend, t"].startswith("counting: the same step every row")


def test_an_empty_column_is_said_to_hold_no_values_and_a_typo_is_still_a_typo(trend_file):
    dataset = load_dataset(str(trend_file))
    with pytest.raises(InvalidInputError, match="hole is a column of 'trend.csv' but holds no values; fill it in"):
        train_model(dataset, ModelSpec(variables=("a", "hole"), lags=1, holdout=0))
    with pytest.raises(InvalidInputError, match="zzz is not a column of dataset 'trend.csv'"):
        train_model(dataset, ModelSpec(variables=("a", "zzz"), lags=1, holdout=0))


def test_the_bundled_datas_other_columns_are_said_to_be_there():
    spec = ModelSpec(variables=("realgdp", "realcons"), exog=("realint",), lags=1, holdout=0)
    with pytest.raises(InvalidInputError, match=r"realint is a column of 'macrodata' but was left out .* load_dataset"
                       r"\(variables=\['realgdp', 'realcons', 'realint'\]\)"):  # fmt: skip
        train_model(load_dataset(), spec)
