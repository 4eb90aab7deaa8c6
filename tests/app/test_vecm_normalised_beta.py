"""A VECM of rank two or more shows its normalised β as the identity it is: computed as β·inv(β[:r]) the first r
rows carried rounding noise (`4.233e-17` where the normalisation means 0), which read as an estimate and turned
the whole coef column to scientific notation (`1.000e+00`, `4.180e-01`) on the Cointegration tab."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from tests.app.conftest import errors, open_app
from varlib import ModelSpec, diagnose, publish_result, train_model
from varlib.data import Dataset

DIAG = "views/diagnostics.py"
NAMES = ("gdp_level", "consumption_level", "investment_level", "hours_level", "exports_level")
RANK = 3


@pytest.fixture(scope="module")
def rank_three():
    """Five monthly series around two common random walks, fitted as a VECM of rank 3."""
    rng = np.random.default_rng(7)
    trends = np.cumsum(rng.standard_normal((200, 2)), axis=0)
    loads = np.array([[1, 0], [0, 1], [1, 1], [0.5, -1], [2, 0.3]])
    values = 100 + trends @ loads.T + 0.5 * rng.standard_normal((200, 5))
    frame = pd.DataFrame(values, columns=list(NAMES), index=pd.date_range("2000-01-01", periods=200, freq="MS"))
    dataset = Dataset("five", frame, "0" * 64, "MS")
    return train_model(dataset, ModelSpec(variables=NAMES, kind="vecm", lags=2, coint_rank=RANK))


def test_the_normalised_rows_are_the_identity_exactly(registry, rank_three):
    artifact = publish_result(registry, rank_three, "five", "patch", "seed")
    beta = diagnose(artifact).cointegration.beta.params
    assert (beta[:RANK] == np.identity(RANK)).all()
    assert np.abs(beta[RANK:]).min() > 1e-6  # the estimated rows are kept as fitted


def test_the_cointegration_tab_shows_zeros_not_rounding_noise(registry, rank_three):
    publish_result(registry, rank_three, "five", "patch", "seed")
    at = open_app({"model": "five", "tab": "cointegration"}, page=DIAG)
    assert errors(at) == ""
    beta = next(df.value for df in at.dataframe if "p normal" in df.value and "ec1: gdp_level" in df.value.index)
    shown = beta["coef"].tolist()
    assert not any("e-" in cell or "e+" in cell for cell in shown), shown
    assert float(beta.loc["ec1: consumption_level", "coef"]) == 0 and float(beta.loc["ec2: gdp_level", "coef"]) == 0
    assert float(beta.loc["ec1: gdp_level", "coef"]) == 1
