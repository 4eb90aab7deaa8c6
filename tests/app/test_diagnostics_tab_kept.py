"""Diagnostics keeps the open tab when another model is picked whose tabs are not the same set (a VECM's adds
Cointegration): Streamlit took the other set for a new widget, and the page fell back to Lag order both ways."""

from __future__ import annotations

from tests.app.conftest import errors, open_app
from varlib import ModelSpec, load_dataset, publish_result, train_model

DIAG = "views/diagnostics.py"


def test_the_open_tab_stays_across_a_vecm(seeded):
    dataset = load_dataset()
    spec = ModelSpec(tuple(dataset.variables), kind="vecm", lags=3, coint_rank=1)
    publish_result(seeded, train_model(dataset, spec), "vec", "patch", "cointegrated")
    at = open_app({"model": "var", "tab": "residuals"}, page=DIAG)
    for model in ("vec", "var"):
        at.selectbox(key="dg_model").select(model).run()
        assert errors(at) == "" and at.session_state["dg_tab"] == "Residuals", model
        assert at.query_params["tab"] == "residuals"
