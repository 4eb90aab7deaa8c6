"""Public names no other test calls: `periods_from`, `kind_names`, `kind_title`, `kind_transforms`,
`macro_columns`, `check_forecast_options` and `describe_store`, each through `import varlib`; the expected values
come from docs/LIBRARY.md and the calendar, not from the functions."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

import varlib


@pytest.mark.parametrize(
    ("first", "frequency", "count", "labels"),
    [
        ("2009-07-01", "QS-JAN", 3, ["2009-07-01", "2009-10-01", "2010-01-01"]),  # across a year's end
        ("2009-09-30", "QE-DEC", 2, ["2009-09-30", "2009-12-31"]),  # quarters dated by their last day
        ("2020-11-01", "MS", 3, ["2020-11-01", "2020-12-01", "2021-01-01"]),
        ("2020-01-31", "ME", 3, ["2020-01-31", "2020-02-29", "2020-03-31"]),  # 2020 is a leap year
        ("2010-07-01", "2QS-JAN", 2, ["2010-07-01", "2011-01-01"]),  # half-years
        ("2020-07-01", "YS-JUL", 2, ["2020-07-01", "2021-07-01"]),  # years from July
        ("2024-01-07", "W-SUN", 2, ["2024-01-07", "2024-01-14"]),  # 7 January 2024 was a Sunday
        ("2009-07-01", "QS-JAN", 1, ["2009-07-01"]),
        ("2009-07-01", "QS-JAN", 0, []),
    ],
)
def test_periods_from_counts_consecutive_periods_as_iso_labels(first, frequency, count, labels):
    assert varlib.periods_from(first, frequency, count) == labels


@pytest.mark.parametrize(
    ("first", "frequency"),
    [
        ("2009-08-15", "QS-JAN"),  # inside a quarter, not its date
        ("2010-04-01", "2QS-JAN"),  # a quarter's first day, not a half-year's
        ("2020-01-01", "ME"),  # months dated by their last day
        ("2024-01-08", "W-SUN"),  # a Monday
        ("2020-01-01", "YS-JUL"),
        ("not a date", "QS-JAN"),
        ("2009Q3", "QS-JAN"),  # an ISO date is asked for, not a period label
        ("2009-07-01", None),  # no frequency to count in
        ("2009-07-01", "not-a-frequency"),
    ],
)
def test_periods_from_refuses_a_date_that_is_not_one_of_the_periods(first, frequency):
    with pytest.raises(varlib.InvalidInputError) as refused:
        varlib.periods_from(first, frequency, 2)
    assert first in str(refused.value)
    assert refused.value.value == first


def test_kind_names_are_var_and_vecm():
    assert set(varlib.kind_names()) == {"var", "vecm"}
    assert len(varlib.kind_names()) == 2


@pytest.mark.parametrize(("kind", "title"), [("var", "VAR"), ("vecm", "VECM")])
def test_kind_title_is_the_name_for_people(kind, title):
    assert varlib.kind_title(kind) == title


@pytest.mark.parametrize(("kind", "transforms"), [("var", {"none", "diff", "logdiff"}), ("vecm", {"none", "log"})])
def test_kind_transforms_are_those_the_docs_list(kind, transforms):
    assert set(varlib.kind_transforms(kind)) == transforms
    assert set(varlib.kind_transforms(kind)) <= set(varlib.TRANSFORMS)


@pytest.mark.parametrize("kind", ["var", "vecm"])
def test_a_spec_takes_exactly_the_transforms_its_kind_names(kind):
    for transform in varlib.TRANSFORMS:
        if transform in varlib.kind_transforms(kind):
            varlib.ModelSpec(("realgdp", "realcons"), kind=kind, transform=transform)
        else:
            with pytest.raises(varlib.InvalidInputError, match=transform):
                varlib.ModelSpec(("realgdp", "realcons"), kind=kind, transform=transform)


@pytest.mark.parametrize("call", [varlib.kind_title, varlib.kind_transforms])
@pytest.mark.parametrize("kind", ["VAR", "arima"])
def test_an_unknown_kind_is_refused_by_name(call, kind):
    with pytest.raises(varlib.InvalidInputError) as refused:
        call(kind)
    assert repr(kind) in str(refused.value) and "var" in str(refused.value) and "vecm" in str(refused.value)


# statsmodels' macrodata (US quarterly, 1959Q1-2009Q3) as its documentation lists it, less `year` and `quarter`
MACRO = {"realgdp", "realcons", "realinv", "realgovt", "realdpi", "cpi", "m1", "tbilrate", "unemp", "pop", "infl"}
MACRO |= {"realint"}


def test_macro_columns_are_the_bundled_variables():
    columns = varlib.macro_columns()
    assert set(columns) == MACRO
    assert len(columns) == len(MACRO)  # each once
    assert set(varlib.DEFAULT_VARIABLES) <= set(columns)
    assert varlib.MACRODATA == "macrodata"


def test_every_macro_column_loads_as_a_variable():
    dataset = varlib.load_dataset(variables=varlib.macro_columns())
    assert list(dataset.variables) == varlib.macro_columns()
    assert dataset.name == varlib.MACRODATA


def test_check_forecast_options_returns_good_values_as_plain_numbers():
    assert varlib.check_forecast_options(8, 0.05, "standard") == (8, 0.05, "standard")
    steps, alpha, intervals = varlib.check_forecast_options(np.int64(12), np.float64(0.1), "corrected")
    assert (steps, alpha, intervals) == (12, 0.1, "corrected")
    assert type(steps) is int and type(alpha) is float  # JSON and statsmodels take these
    high = varlib.check_forecast_options(varlib.MAX_STEPS, varlib.ALPHA_MAX, varlib.INTERVAL_KINDS[-1])
    assert high == (varlib.MAX_STEPS, varlib.ALPHA_MAX, varlib.INTERVAL_KINDS[-1])
    assert varlib.check_forecast_options(1, varlib.ALPHA_MIN, "standard") == (1, varlib.ALPHA_MIN, "standard")


def _refusal(steps=8, alpha=0.05, intervals="standard", **named) -> str:
    with pytest.raises(varlib.InvalidInputError) as refused:
        varlib.check_forecast_options(steps, alpha, intervals, **named)
    return str(refused.value)


@pytest.mark.parametrize("steps", [0, -1, varlib.MAX_STEPS + 1, 2.0, True, "8", None])
def test_check_forecast_options_refuses_steps_by_name_and_value(steps):
    message = _refusal(steps=steps)
    assert message.startswith("steps ")
    assert f" {steps!r} " in f" {message} "  # the value as given, 2.0 and '8' included
    assert str(varlib.MAX_STEPS) in message  # the rule


def test_check_forecast_options_names_the_steps_as_the_caller_does():
    message = _refusal(steps=0, steps_named="future_periods")
    assert "future_periods" in message and not message.startswith("steps")


@pytest.mark.parametrize("alpha", [0.0, 0.6, 1.0, -0.05, float("nan"), True, None])
def test_check_forecast_options_refuses_alpha_by_value(alpha):
    message = _refusal(alpha=alpha)
    assert "alpha" in message and repr(alpha) in message


@pytest.mark.parametrize("intervals", ["bogus", "Standard", ""])
def test_check_forecast_options_refuses_an_unknown_interval_kind(intervals):
    message = _refusal(intervals=intervals)
    assert repr(intervals) in message
    assert all(kind in message for kind in varlib.INTERVAL_KINDS)  # the choices there are


def test_describe_store_names_a_minio_store_as_the_docs_do():
    settings = varlib.Settings(minio_endpoint="127.0.0.1:9100", bucket="models", secret_key="s3cr3t-key")
    assert varlib.describe_store(settings) == "MinIO http://127.0.0.1:9100, bucket 'models'"


def test_describe_store_names_https_from_the_environment_and_never_the_secret():
    env = {
        "MINIO_ENDPOINT": "https://minio.example:9000",
        "MINIO_BUCKET": "team-models",
        "MINIO_ACCESS_KEY": "analyst",
        "MINIO_SECRET_KEY": "s3cr3t-key",
    }
    text = varlib.describe_store(varlib.Settings.from_env(env))
    assert text == "MinIO https://minio.example:9000, bucket 'team-models'"


def test_describe_store_names_the_local_folder(tmp_path):
    text = varlib.describe_store(varlib.Settings(store_dir=Path(tmp_path), bucket="team-models"))
    assert str(Path(tmp_path) / "team-models") in text
    assert "MinIO" not in text and "\n" not in text
