"""The Forecast page's card says "1 training warning (the Diagnostics page explains each)", but the Diagnostics
page said nothing of it: a VAR of the Danish money-demand data whose criterion chose the largest order searched
left the reader looking for the warning on every tab. The page says each training warning above its tabs."""

from __future__ import annotations

import pandas as pd
import statsmodels.datasets.danish_data as danish

from tests.app.conftest import open_app
from varlib import ModelSpec, load_dataset, train_model
from varlib.service import publish_result

DIAG = "views/diagnostics.py"


def _danish_var(registry) -> tuple[str, ...]:
    """danish 0.0.1: a VAR in differences whose aic chose the largest order searched (a training warning)."""
    data = danish.load_pandas().data
    data.index = pd.Index(pd.PeriodIndex(data.index, freq="Q").astype(str), name="quarter")
    dataset = load_dataset(data.to_csv().encode(), "quarter", list(data.columns), csv_name="danish.csv")
    result = train_model(dataset, ModelSpec(variables=tuple(data.columns), transform="diff"))
    assert result.warnings  # what the test is about
    publish_result(registry, result, "danish")
    return result.warnings


def test_the_diagnostics_page_says_each_training_warning_the_forecast_card_sends_the_reader_to(registry):
    warnings = _danish_var(registry)
    forecast = open_app({"model": "danish", "version": "0.0.1"})
    assert any("1 training warning (the Diagnostics page explains each)" in c.value for c in forecast.caption)
    at = open_app({"model": "danish", "version": "0.0.1"}, page=DIAG)
    said = [w.value for w in at.warning]
    assert any("Training warned:" in w and "aic chose the largest order searched (4)" in w for w in said), said
    assert len([w for w in said if "Training warned:" in w]) == len(warnings)
    at.session_state["dg_tab"] = "Residuals"  # above the tabs: on every tab, not the first only
    at.run()
    assert any("aic chose the largest order searched (4)" in w.value for w in at.warning)


def test_a_version_without_training_warnings_shows_none(seeded):
    at = open_app({"model": "var", "version": "0.0.1"}, page=DIAG)
    assert not [w.value for w in at.warning if "Training warned:" in w.value]
