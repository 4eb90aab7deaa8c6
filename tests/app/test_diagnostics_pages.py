"""Diagnostics, Backtest and Compare pages through the entrypoint: render, no exception, charts of the right shape."""

from __future__ import annotations

import numpy as np
import pytest
from statsmodels.tsa.vector_ar.var_model import VAR

from tests.app.conftest import charts, displayed, errors, formats_of, open_app, values, version_columns
from ui.chart_look import MUTED_LIGHT
from varlib import ModelSpec, load_dataset, train_model
from varlib.backtest import backtest
from varlib.service import forecast_artifact, publish_result

DIAG = "views/diagnostics.py"
BACKTEST = "views/backtest.py"
COMPARE = "views/compare.py"


def _by_title(at) -> dict[str, dict]:
    return {figure["layout"]["title"]["text"]: figure for figure in charts(at)}


def _matrix(raw) -> np.ndarray:
    """A 2-D plotly array: nested lists, or a typed array whose shape plotly writes as "rows, cols"."""
    if isinstance(raw, dict):
        flat = values({"z": {**raw, "shape": -1}}, "z")
        return flat.reshape([int(n) for n in str(raw["shape"]).split(",")])
    return np.array(raw, dtype=float)


def _every_tab(at) -> dict:
    """The figures of every tab, opened one after the other (the page draws the open tab only)."""
    figures = {}
    for label in [t.label for t in at.tabs]:
        at.session_state["dg_tab"] = label
        at.run()
        assert errors(at) == "" and not at.exception
        drawn = _by_title(at)
        assert not set(drawn) & set(figures), f"{label} drew another tab's charts"
        figures |= drawn
    return figures


def _find(figures: dict, start: str) -> dict:
    found = next((f for title, f in figures.items() if title.startswith(start)), None)
    return found or pytest.fail(f"no chart titled {start!r} among {list(figures)}")


@pytest.mark.parametrize("page", [DIAG, BACKTEST, COMPARE])
def test_empty_store_shows_a_hint(store_dir, page):
    at = open_app(page=page)
    assert errors(at) == "" and any("no models yet" in i.value for i in at.info)


def test_diagnostics_page_renders_every_section(seeded):
    at = open_app({"model": "var", "version": "0.0.1"}, page=DIAG)
    assert errors(at) == ""
    artifact = seeded.load("var", "0.0.1")
    k, names = 2, artifact.variables
    assert _by_title(at) == {}  # the first tab (lag order) has tables only
    figures = _every_tab(at)
    assert len(figures) == 6
    reference = VAR(artifact.data.values).fit(artifact.k_ar, trend="c")

    irf = _find(figures, "Orthogonalised impulse responses")
    assert len(irf["data"]) == 3 * k * k  # band edges and the response in each of the k x k panels
    lines = [t for t in irf["data"] if t.get("name") == "response"]
    assert len(values(lines[0], "x")) == 11  # default horizon 10 -> periods 0..10
    expected = reference.irf(10).orth_irfs
    for n, trace in enumerate(lines):  # row-major: response i, impulse j
        np.testing.assert_allclose(values(trace, "y"), expected[:, n // k, n % k], rtol=1e-8)

    heat = _find(figures, "Granger")["data"][0]
    assert heat["colorbar"]["tickfont"]["color"] == MUTED_LIGHT  # the p-value scale's ticks too
    z = _matrix(heat["z"])
    assert z.shape == (k, k) and heat["x"] == names  # two variables: the group tests are the pairs
    want = reference.test_causality(0, [1], kind="f").pvalue  # caused row 0, causing column 1
    assert z[0, 1] == pytest.approx(want, rel=1e-8) and np.isnan(z[0, 0])

    for figure in figures.values():  # small grey text readable on the light background (ui.chart_look)
        layout = figure["layout"]
        axes = [value for name, value in layout.items() if name.startswith(("xaxis", "yaxis"))]
        assert axes and {axis["tickfont"]["color"] for axis in axes} == {MUTED_LIGHT}, layout["title"]["text"]
    assert {note["font"]["color"] for note in irf["layout"]["annotations"]} == {MUTED_LIGHT}  # panel titles
    fevd = _find(figures, "Forecast-error variance")
    assert len(fevd["data"]) == k * k and fevd["layout"]["barmode"] == "stack"
    assert len(_find(figures, "Residual autocorrelations")["data"]) == k * k
    assert len(_find(figures, "Residuals")["data"]) == k
    roots = _find(figures, "Eigenvalues")
    points = sum(len(values(t, "x")) for t in roots["data"] if t["name"].startswith("eigenvalues"))
    assert points == k * artifact.k_ar
    assert at.get("download_button") and "levels" in at.caption[0].value  # the last tab: the report
    at.session_state["dg_tab"] = "Stability"
    at.run()
    verdicts = [e.value for kind in (at.error, at.warning, at.success) for e in kind]
    assert any("logdiff" in v for v in verdicts), verdicts  # the stability verdict for a VAR in levels
    table = next(d for d in at.dataframe if "modulus" in d.value.columns)
    roots = displayed(table)
    assert set().union(*(formats_of(roots[c]) for c in ("real", "imag", "modulus"))) == {".4"}  # as the verdict
    largest = f"{table.value['modulus'].max():.4f}"  # the verdict names it; the table shows it the same way
    assert largest in roots["modulus"].tolist() and any(largest in v for v in verdicts)


def test_diagnostics_controls_change_horizon_orthogonalisation_and_lags(seeded):
    at = open_app({"model": "var", "version": "0.0.1", "tab": "impulse-responses"}, page=DIAG)
    at.number_input(key="dg_periods").set_value(6).run()
    at.toggle(key="dg_orth").set_value(False).run()
    assert not at.exception and errors(at) == ""
    irf = _find(_by_title(at), "Plain impulse responses")
    line = next(t for t in irf["data"] if t.get("name") == "response")
    artifact = seeded.load("var", "0.0.1")
    expected = VAR(artifact.data.values).fit(artifact.k_ar, trend="c").irf(6).irfs[:, 0, 0]
    np.testing.assert_allclose(values(line, "y"), expected, rtol=1e-8)
    at.session_state["dg_tab"] = "Variance decomposition"
    fevd = _find(_by_title(at.run()), "Forecast-error variance")
    assert len(values(fevd["data"][0], "x")) == 6
    lags_key = next(n.key for n in at.number_input if n.key.startswith("dg_lags"))
    at.number_input(key=lags_key).set_value(14).run()
    at.session_state["dg_tab"] = "Residuals"
    at.run()
    acorr = _find(_by_title(at), "Residual autocorrelations")
    assert len(values(acorr["data"][0], "x")) == 14


def test_backtest_page_runs_with_progress_and_shows_scores(seeded):
    at = open_app(page=BACKTEST)
    assert any("Run backtest" in i.value for i in at.info) and not charts(at)
    at.number_input(key="bt_origins").set_value(3)
    at.number_input(key="bt_horizon").set_value(2)
    at.button(key="bt_run").click().run()
    assert not at.exception and errors(at) == ""
    k_ar = seeded.load("var", "0.0.1").k_ar
    summary = next(c.value for c in at.caption if "origins from" in c.value)
    assert f"(last training period), lag order {k_ar} at every origin, " in summary  # words, not a list
    assert summary.startswith("**var 0.0.1**: 3 origins from")  # the version scored, whatever `latest` is later
    figure = charts(at)[0]
    assert len(figure["data"]) == 2 * 2  # VAR and random walk per variable
    expected = backtest(seeded.load("var", "0.0.1"), 3, 2).scores()
    var_line = figure["data"][0]
    np.testing.assert_allclose(values(var_line, "y"), expected[expected["variable"] == "realgdp"]["rmse"], rtol=1e-10)
    table = at.dataframe[0].value
    assert len(table) == 2 * 2 and {"rmse", "rmse_rw", "mape", "rmse_ratio"} <= set(table.columns)
    at.segmented_control(key="bt_metric").set_value("mae").run()
    assert charts(at)[0]["layout"]["title"]["text"].startswith("MAE")  # the result stays, no second run


def test_compare_page_overlays_two_versions(seeded):
    dataset = load_dataset()
    result = train_model(dataset, ModelSpec(variables=tuple(dataset.variables), transform="logdiff", lags=2))
    publish_result(seeded, result, "var", "major", "growth")  # another transform: a new major version
    at = open_app(page=COMPARE)
    assert not at.exception and errors(at) == ""
    assert at.multiselect(key="cmp_versions").value == ["var 1.0.0", "var 0.0.1"]
    table = at.dataframe[0].value
    assert version_columns(at.dataframe[0]) == ["var 1.0.0", "var 0.0.1"]
    assert table.loc["transform", ["var 1.0.0", "var 0.0.1"]].tolist() == ["logdiff", "none"]
    figures = charts(at)
    titles = [f["layout"]["title"]["text"] for f in figures]
    assert titles == [f"{v}: forecasts with 95% intervals" for v in ("realgdp", "realcons")]
    means = [t for t in figures[0]["data"] if t.get("name") in ("var 0.0.1", "var 1.0.0 (median)")]  # 1.0.0: logdiff
    assert len(means) == 2 and all(len(values(t, "x")) == 1 + 8 for t in means)  # from the last lag input
    at.toggle(key="cmp_only").set_value(True).run()
    assert "trend" not in at.dataframe[0].value.index  # same in both: hidden


def test_compare_page_edited_shared_inputs_move_every_matching_forecast(seeded):
    dataset = load_dataset()
    result = train_model(dataset, ModelSpec(variables=tuple(dataset.variables), lags=1))
    publish_result(seeded, result, "var", "patch", "one lag")
    rows = max(seeded.load("var", v).lag_rows for v in ("0.0.1", "0.0.2"))
    at = open_app(page=COMPARE)
    editor = at.data_editor[0]
    assert len(editor.value) == rows and list(editor.value.columns) == ["date", "realgdp", "realcons"]
    at.session_state[editor.key] = {
        "edited_rows": {rows - 1: {"realgdp": 14000.0}},
        "added_rows": [],
        "deleted_rows": [],
    }
    at.run()
    assert not at.exception and errors(at) == ""
    lines = {t["name"]: values(t, "y")[1:] for t in charts(at)[0]["data"] if t.get("name", "").startswith("var 0.0")}
    for label in ("0.0.1", "0.0.2"):
        artifact = seeded.load("var", label)
        lags = artifact.history.iloc[-rows:].copy()
        lags.iloc[-1, 0] = 14000.0
        expected = forecast_artifact(artifact, 8, 0.05, lags.iloc[-artifact.lag_rows :])
        np.testing.assert_allclose(lines[f"var {label}"], expected.forecast.mean[:, 0], rtol=1e-12)
        unedited = forecast_artifact(artifact, 8, 0.05)
        assert not np.allclose(lines[f"var {label}"], unedited.forecast.mean[:, 0])


def test_report_tab_offers_the_sessions_backtest(seeded):
    at = open_app(page=BACKTEST)
    at.number_input(key="bt_origins").set_value(2)
    at.number_input(key="bt_horizon").set_value(1)
    at.button(key="bt_run").click().run()
    at.session_state["dg_tab"] = "Report"
    at.switch_page(DIAG).run()
    assert not at.exception and errors(at) == ""
    assert any("plus the backtest you ran (2 origins, horizon 1)" in m.value for m in at.markdown)


def test_compare_page_across_models(seeded):
    dataset = load_dataset(variables=["realgdp", "realcons", "realinv"])
    result = train_model(dataset, ModelSpec(variables=tuple(dataset.variables), transform="diff", lags=2))
    publish_result(seeded, result, "growth", "patch", "three variables")
    at = open_app(page=COMPARE)
    assert at.multiselect(key="cmp_versions").value == ["var 0.0.1"]  # the default model's newest two
    assert "growth 0.0.1" in at.multiselect(key="cmp_versions").options
    at.multiselect(key="cmp_versions").select("growth 0.0.1").run()
    assert not at.exception and errors(at) == ""
    assert version_columns(at.dataframe[0]) == ["var 0.0.1", "growth 0.0.1"]  # in the order picked
    titles = [f["layout"]["title"]["text"] for f in charts(at)]
    assert titles == [f"{v}: forecasts with 95% intervals" for v in ("realgdp", "realcons", "realinv")]
    realinv = charts(at)[2]
    assert [t["name"] for t in realinv["data"] if t.get("mode") == "lines+markers"] == ["growth 0.0.1"]
    # var's lag inputs are shared (picked first); growth's variables are said in words, not as a Python list
    note = "\n".join(w.value for w in at.warning)
    assert "its variables realgdp, realcons and realinv are not all in the shared lag table (missing realinv)" in note
    assert "[" not in note and "'" not in note
