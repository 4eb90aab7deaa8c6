"""Every page with a VECM version, through the entrypoint: forecast, listing, training, diagnostics, comparison,
backtest."""

from __future__ import annotations

import json
from functools import partial

import numpy as np
import pytest

from tests.app.conftest import charts, errors, open_app, trace, values, version_cells
from ui.train_keys import field_key
from varlib import DEFAULT_ORIGINS, ModelSpec, load_dataset, train_model
from varlib.service import forecast_artifact, publish_result

FORECAST, MODELS, TRAIN = "views/forecast.py", "views/models.py", "views/train.py"
DIAG, COMPARE, BACKTEST = "views/diagnostics.py", "views/compare.py", "views/backtest.py"


@pytest.fixture(scope="module")
def vecm_result():
    dataset = load_dataset()
    return train_model(dataset, ModelSpec(variables=tuple(dataset.variables), kind="vecm", lags=3, coint_rank=1))


@pytest.fixture
def with_vecm(seeded, vecm_result):
    """var 0.0.1 and macro-vecm 0.0.1 (realgdp and realcons in levels, VAR order 3, rank 1)."""
    publish_result(seeded, vecm_result, "macro-vecm", "patch", "cointegrated")
    return seeded


def _texts(at) -> str:
    return "\n".join(e.value for kind in (at.caption, at.markdown, at.info, at.success, at.warning) for e in kind)


def test_forecast_page_draws_a_vecm_and_falls_back_to_standard_intervals(with_vecm):
    at = open_app({"model": "macro-vecm", "version": "0.0.1", "steps": 6, "intervals": "corrected"})
    assert errors(at) == ""
    assert "VECM of cointegration rank 1 (fixed), 2 lagged differences (VAR order 3 in levels)" in _texts(at)
    assert "VECM versions offer standard intervals only" in _texts(at)
    expected = forecast_artifact(with_vecm.load("macro-vecm", "0.0.1"), 6, 0.05)
    figures = charts(at)
    assert len(figures) == 2
    for j, figure in enumerate(figures):
        np.testing.assert_allclose(values(trace(figure, "forecast"), "y")[1:], expected.forecast.mean[:, j], rtol=1e-12)
        np.testing.assert_allclose(
            values(trace(figure, "95% interval"), "y"), expected.forecast.lower[:, j], rtol=1e-12
        )
    assert len(at.data_editor[0].value) == 3  # the VAR order in levels: three lag rows
    shown = at.segmented_control(key="fc_intervals|only")
    assert shown.value == "standard" and shown.disabled and at.query_params["intervals"] == "standard"


def test_the_choice_of_corrected_intervals_returns_with_a_version_that_offers_them(with_vecm):
    at = open_app({"model": "var", "intervals": "corrected"})
    at.selectbox(key="fc_model").set_value("macro-vecm").run()
    assert at.segmented_control(key="fc_intervals|only").value == "standard" and errors(at) == ""
    at.selectbox(key="fc_model").set_value("var").run()
    assert at.segmented_control(key="fc_intervals").value == "corrected"
    assert "offer standard intervals only" not in _texts(at)


def test_models_page_shows_the_kind_and_the_model(with_vecm):
    at = open_app(page=MODELS)
    at.selectbox(key="models_name").set_value("macro-vecm").run()
    table = at.dataframe[0].value
    assert table["kind"].tolist() == ["VECM"] and table["model"].iloc[0].startswith("VECM of cointegration rank 1")
    spec = next(m.value for m in at.markdown if m.value.startswith("**Spec**"))
    assert ":gray[cointegration rank:] 1" in spec
    assert ":gray[deterministic terms:] constant outside the relation (co)" in spec


def _cointegrated_csv() -> bytes:
    """Two positive quarterly series that share one stochastic trend (tests/unit/test_vecm_forecast.py)."""
    from tests.unit.test_vecm_forecast import SIMULATED

    dates = [f"{1980 + n // 4}-{3 * (n % 4) + 1:02d}-01" for n in range(len(SIMULATED))]
    rows = ["date,a,b"] + [f"{d},{a!r},{b!r}" for d, (a, b) in zip(dates, SIMULATED[:, :2].tolist(), strict=True)]
    return "\n".join(rows).encode()


def test_train_page_proposes_a_vecm_trains_and_publishes_it(with_vecm):
    at = open_app(page=TRAIN)
    at.radio(key="train_source").set_value("Upload a CSV").run()
    at.file_uploader(key="train_csv").set_value(("pair.csv", _cointegrated_csv(), "text/csv")).run()
    assert "Johansen's trace test finds 1 long-run relation" in "\n".join(s.value for s in at.success)
    said = "\n".join(i.value for i in at.info)  # the advice names the VECM the button sets: its order tested too
    assert "The test ran at VAR order 2 in log levels" in said and "Lags **2**, Deterministic terms **co**" in said
    next(b for b in at.button if b.label.startswith("Use a VECM with rank 1")).click().run()
    key = partial(field_key, state=at.session_state)  # the keys the button renewed (ui.train_keys)
    assert at.radio(key=key("train_kind")).value == "vecm"
    assert at.selectbox(key=key("train_transform|vecm")).value == "log"  # the tests ran on log levels
    assert at.selectbox(key=key("train_rank|2")).value == 1
    # at the order and terms the test ran at (the preview's VAR(2)): a criterion's order may find another rank
    assert at.radio(key=key("train_how")).value == "fixed" and at.number_input(key=key("train_lags")).value == 2
    assert at.selectbox(key=key("train_deterministic")).value == "co"
    at.selectbox(key=key("train_deterministic")).set_value("colo").run()
    next(b for b in at.button if b.label == "Train").click().run()
    assert not at.exception and errors(at) == "", errors(at)
    assert "Trained VECM of cointegration rank 1 (fixed)" in at.status[0].proto.label
    assert any("trace 95%" in df.value.columns for df in at.dataframe)  # Johansen's table of the training rows
    assert "deterministic terms: constant and trend outside (colo)" in _texts(at) and "VECM of VAR order" in _texts(at)
    next(b for b in at.button if b.label.startswith("Publish")).click().run()
    assert errors(at) == ""
    loaded = with_vecm.load("pair", "latest")
    assert loaded.spec.kind == "vecm" and loaded.spec.transform == "log" and loaded.spec.deterministic == "colo"
    assert loaded.params.coint_rank == 1 and loaded.variables == ["a", "b"]


def test_train_page_refuses_what_a_vecm_cannot_fit(with_vecm):
    at = open_app(page=TRAIN)
    at.radio(key="train_kind").set_value("vecm").run()
    assert at.selectbox(key="train_transform|vecm").options == ["none (levels)", "log (log levels)"]
    at.radio(key="train_how").set_value("fixed").run()
    at.number_input(key="train_lags").set_value(2)
    next(b for b in at.button if b.label == "Train").click().run()
    assert errors(at) == ""  # realgdp and realcons in levels: one relation by the trace test
    assert "Trained VECM of cointegration rank 1 (Johansen trace test at 5%)" in at.status[0].proto.label


def test_diagnostics_page_has_a_cointegration_tab(with_vecm):
    at = open_app({"model": "macro-vecm", "version": "0.0.1"}, page=DIAG)
    assert errors(at) == ""
    assert [tab.label for tab in at.tabs][:3] == ["Lag order", "Cointegration", "Coefficients"]
    at.session_state["dg_tab"] = "Cointegration"  # only the open tab is drawn
    at.run()
    johansen = next(df.value for df in at.dataframe if "trace 95%" in df.value.columns)
    assert johansen["rank <="].tolist() == [0, 1]
    names = ["realgdp", "realcons"]  # β has a row per variable, α one loading per variable
    beta, alpha = (df.value for df in at.dataframe if "p normal" in df.value and df.value.index.tolist() == names)
    assert float(beta.loc["realgdp", "coef"]) == 1 and alpha.loc["realgdp", "coef"].startswith("-")
    assert beta.loc["realgdp", "t"] == "–" and float(beta.loc["realcons", "stderr"]) > 0  # normalised: no t
    for table in (df for df in at.dataframe if "p normal" in df.value):  # numbers as text (for the dash)
        columns = json.loads(table.proto.columns)  # still read right-aligned, as in every other table
        assert len(columns) == 5 and {config.get("alignment") for config in columns.values()} == {"right"}, columns
    at.session_state["dg_tab"] = "Stability"
    at.run()
    assert any("1 eigenvalue of its VAR representation is exactly 1" in s.value for s in at.success)
    roots = next(f for f in charts(at) if f["layout"]["title"]["text"].startswith("Eigenvalues"))
    assert "1 unit root, as expected" in roots["layout"]["title"]["text"]


def test_compare_page_overlays_a_var_and_a_vecm(with_vecm):
    at = open_app(page=COMPARE)
    at.multiselect(key="cmp_versions").set_value(["var 0.0.1", "macro-vecm 0.0.1"]).run()
    assert errors(at) == ""
    table = version_cells(at.dataframe[0])
    assert table.loc["kind"].tolist() == ["VAR", "VECM"]  # in the order picked
    assert table.loc["deterministic"].tolist() == ["", "constant outside the relation (co)"]  # words, not `co`
    assert table.loc["trend"].tolist() == ["constant (c)", ""]
    figure = charts(at)[0]
    names = [t.get("name", "") for t in figure["data"]]
    assert any(n.startswith("var 0.0.1") for n in names) and any(n.startswith("macro-vecm 0.0.1") for n in names)
    assert not [w.value for w in at.warning]  # both forecast from the shared lag table


def test_backtest_page_refits_the_vecm(with_vecm):
    at = open_app({"model": "macro-vecm", "version": "0.0.1"}, page=BACKTEST)
    infos = "\n".join(i.value for i in at.info)
    assert f"refit this version {DEFAULT_ORIGINS} times: VECM of cointegration rank 1" in infos
    at.number_input(key="bt_origins").set_value(3)
    at.number_input(key="bt_horizon").set_value(2)
    at.button(key="bt_run").click().run()
    assert errors(at) == ""
    scores = at.dataframe[0].value
    assert len(scores) == 2 * 2 and (scores["rmse"] > 0).all()
    legend = {t["name"] for t in charts(at)[0]["data"] if t.get("showlegend", True)}
    assert legend == {"VECM", "random walk"}  # the model's kind, not "VAR"


def _walks_beside_csv(seed: int, phi: float) -> bytes:
    """Two independent random walks beside an AR(1) (tests/unit/test_unit_root_links.py)."""
    from tests.unit.test_unit_root_links import walks_beside_ar1

    levels = walks_beside_ar1(seed, phi)
    dates = [f"{1980 + n // 4}-{3 * (n % 4) + 1:02d}-01" for n in range(len(levels))]
    rows = [f"{d},{a!r},{b!r},{c!r}" for d, (a, b, c) in zip(dates, levels.tolist(), strict=True)]
    return "\n".join(["date,a,b,c", *rows]).encode()


def test_train_page_offers_no_vecm_for_relations_that_are_only_a_stationary_level(with_vecm):
    """Johansen's rank 2 of two independent walks beside white noise offered "a VECM of rank 2 keeps them" beside
    advice that showed no long-run link; beside a series the tests leave unclear, a VECM is offered to compare."""
    at = open_app(page=TRAIN)
    at.radio(key="train_source").set_value("Upload a CSV").run()
    at.file_uploader(key="train_csv").set_value(("walks.csv", _walks_beside_csv(303, 0.0), "text/csv")).run()
    assert "no long-run link between a, b is shown" in "\n".join(i.value for i in at.info)
    assert not any(b.label.startswith("Use a VECM") for b in at.button) and not at.success
    at.file_uploader(key="train_csv").set_value(("unclear.csv", _walks_beside_csv(72, 0.85), "text/csv")).run()
    infos = "\n".join(i.value for i in at.info)
    assert "**Cointegration?** Johansen's trace test finds 1 long-run relation at 5%, but not among" in infos
    assert any(b.label.startswith("Use a VECM with rank 1") for b in at.button) and not at.success
