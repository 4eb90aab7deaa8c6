"""Data whose names say they are logs already (`log_invest`) were tested in logs again and advised a log transform:
the unit-root advice named `logdiff` (logs of logs) and a failed normality check said "a log transform helps skewed
series". A name that says logs now keeps both to the values as they are; a name that says nothing keeps the advice."""

from __future__ import annotations

import numpy as np
import pytest

from studies.samples import as_quarterly, lutkepohl_e1
from varlib import ModelSpec, analyse_integration, train_model
from varlib.adequacy import normality_verdict

LOGS = np.log(lutkepohl_e1(end=None).frame).rename(columns=lambda name: f"log_{name}")  # 92 quarters, about 5-7


def _normality(result) -> str:
    return next(check.verdict for check in result.adequacy.checks if check.name == "normality")


def test_a_var_of_log_named_columns_is_not_advised_a_log_transform():
    result = train_model(as_quarterly(LOGS, "e1_log"), ModelSpec(tuple(LOGS.columns), lags=3, holdout=0))
    verdict = _normality(result)
    assert verdict.startswith("The residuals are not normal")  # premise: the check fails, where the hint was
    assert verdict.endswith("Look for outliers or breaks.")
    found = analyse_integration(LOGS.to_numpy(), list(LOGS.columns), k_ar=3)
    assert found.tested_on == "levels" and "logdiff" not in found.advice and "`diff`" in found.advice


def test_the_same_values_under_plain_names_keep_the_hint():
    plain = LOGS.rename(columns=lambda name: name.removeprefix("log_"))
    result = train_model(as_quarterly(plain, "e1_log"), ModelSpec(tuple(plain.columns), lags=3, holdout=0))
    assert _normality(result).endswith("; a log transform helps skewed series.")  # values alone do not tell


@pytest.mark.parametrize("name", ["log_gdp", "LN_cons", "log(gdp)", "ln gdp"])
def test_names_that_say_logs(name):
    assert normality_verdict(1e-6, "none", [name, "rate"]).endswith("Look for outliers or breaks.")


@pytest.mark.parametrize("name", ["logins", "login_count", "blog_visits", "gdp"])
def test_names_that_do_not(name):
    assert normality_verdict(1e-6, "none", [name]).endswith("; a log transform helps skewed series.")
