"""Fan charts: bands at other levels equal a forecast made at that level, and the report draws a fan per
variable (inline SVG, no script) with the bounds of every level and a scenario's conditions."""

from __future__ import annotations

import re

import numpy as np
import pytest
from scipy.stats import norm

from varlib import InvalidInputError, ModelSpec, forecast_artifact, load_dataset, train_model
from varlib.artifact import build_artifact
from varlib.diagnostics import diagnose
from varlib.report import render_report


@pytest.fixture(scope="module", params=["none", "logdiff"])
def artifact(request):
    spec = ModelSpec(variables=("realgdp", "realcons"), transform=request.param, lags=2)
    return build_artifact(train_model(load_dataset(), spec), "var", "tester")


@pytest.mark.parametrize("conditions", [None, {"realgdp": [None, 13000.0]}])
def test_a_band_at_another_level_equals_a_forecast_at_that_level(artifact, conditions):
    base = forecast_artifact(artifact, 6, 0.05, conditions=conditions)
    for level in (30, 60, 90, 99):
        direct = (
            forecast_artifact(artifact, 6, round(1 - level / 100, 6), conditions=conditions) if level >= 50 else None
        )
        lower, upper = base.band(level)
        if direct is not None:
            np.testing.assert_allclose(lower, direct.forecast.lower, rtol=1e-12)
            np.testing.assert_allclose(upper, direct.forecast.upper, rtol=1e-12)
        assert np.all(lower <= base.forecast.mean + 1e-9) and np.all(upper >= base.forecast.mean - 1e-9)
    if artifact.spec.transform == "none":  # symmetric bands: half-widths scale with the normal quantile
        with np.errstate(invalid="ignore"):  # conditioned cells: 0 / 0, left out below
            ratio = (base.band(30)[1] - base.forecast.mean) / (base.band(90)[1] - base.forecast.mean)
        free_cells = ~np.isfinite(base.forecast.fixed) if conditions else np.ones(ratio.shape, dtype=bool)
        np.testing.assert_allclose(ratio[free_cells], norm.ppf(0.65) / norm.ppf(0.95), rtol=1e-9)
    widths = [np.subtract(*base.band(level)[::-1]) for level in (30, 60, 90)]
    free = np.ones_like(widths[0], dtype=bool) if conditions is None else ~np.isfinite(base.forecast.fixed)
    assert np.all(widths[0][free] < widths[1][free]) and np.all(widths[1][free] < widths[2][free])
    with pytest.raises(InvalidInputError, match="a band's level must be above 0%"):
        base.band(100)


def _section(page: str, heading: str) -> str:
    start = page.index(f"<h2>{heading}")
    return page[start : page.index("<h2>", start + 4)]


def test_the_report_draws_a_fan_per_variable_with_every_level(artifact):
    forecast = forecast_artifact(artifact, 5, conditions={"realgdp": [None, None, 13000.0]})
    page = render_report(artifact, diagnose(artifact), forecast=forecast, fan=(30, 60, 90))
    section = _section(page, "Forecast: 5 steps, 30%, 60%, 90% fan")
    assert section.count("<svg") == 2 and section.count("<polygon") == 6  # three layers per variable
    assert "<script" not in page
    assert "Conditioned on realgdp (1 value, drawn as rings with zero width)" in section
    assert section.count("stroke-width='2'><title>condition") == 1  # one ring, on realgdp's chart
    rows = re.findall(r"<tr[^>]*>(.*?)</tr>", section[section.index("<table") :], flags=re.S)
    cells = [re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", row) for row in rows]
    header = next(c for c in cells if "realcons 60% lower" in c)
    body = [c for c in cells if len(c) == len(header) and c is not header and c[0] not in ("", "period")]
    lower, upper = forecast.band(60)
    names = ("realcons 60% lower", "realcons 60% upper")
    got = np.array([[float(c[header.index(name)].replace(",", "")) for name in names] for c in body])
    np.testing.assert_allclose(got, np.column_stack([lower[:, 1], upper[:, 1]]), rtol=1e-4)  # printed to 5 digits
    single = render_report(artifact, diagnose(artifact), forecast=forecast)  # no fan: the forecast's own band
    assert _section(single, "Forecast: 5 steps, 95% intervals").count("<polygon") == 2
