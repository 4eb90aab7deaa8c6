"""Holdout scores say which lag order they were scored with when it is not the version's: with a criterion the
holdout fit repeats the search on the rows before the holdout, so a VAR(2) may carry a VAR(9)'s holdout RMSE."""

from __future__ import annotations

import re

from tests.app.conftest import errors, open_app
from varlib import ModelSpec, load_dataset, train_model
from varlib.service import publish_result

SPEC = ModelSpec(variables=("realgdp", "realinv"), transform="logdiff", ic="aic", holdout=0.1)
NOTE = "scored with a VAR(9), the order the criterion chose on the rows before the holdout; this version is a VAR(2)"


def test_the_models_page_names_the_order_the_holdout_was_scored_with(seeded):
    result = train_model(load_dataset(variables=list(SPEC.variables)), SPEC)
    assert (result.params.k_ar, result.evaluation.k_ar) == (2, 9)  # the case this test is about
    publish_result(seeded, result, "reordered", "patch", "holdout of another order")
    at = open_app({"model": "reordered"}, page="views/models.py")
    assert errors(at) == ""
    assert f"Holdout forecasts of the last 20 rows, in levels, {NOTE}." in [c.value for c in at.caption]
    at = open_app({"model": "var"}, page="views/models.py")  # fixed order or the same: nothing added
    assert not any("scored with" in c.value for c in at.caption)


def test_the_train_page_says_the_trained_model_has_another_order(seeded):
    at = open_app(page="views/train.py")
    at.multiselect(key="train_macro_vars").set_value(["realgdp", "realinv"])
    at.selectbox(key="train_transform").set_value("logdiff").run()
    next(b for b in at.button if b.label == "Train").click().run()
    assert errors(at) == "", errors(at)
    expected = (
        "A VAR(9) fitted without the last 20 rows, forecasting them. The criterion chose that order on those rows;"
        " the model trained is a VAR(2)."
    )
    assert expected in [c.value for c in at.caption]


def test_the_forecast_card_names_the_holdouts_own_order(seeded):
    result = train_model(load_dataset(variables=list(SPEC.variables)), SPEC)
    publish_result(seeded, result, "reordered", "patch", "holdout of another order")
    at = open_app({"model": "reordered"})
    assert errors(at) == ""
    card = "\n".join(c.value for c in at.caption)
    assert "(of a VAR(9), the holdout's own order)" in card and "lag order **2**" in card


def test_the_models_table_names_the_holdouts_own_order(seeded):
    result = train_model(load_dataset(variables=list(SPEC.variables)), SPEC)
    publish_result(seeded, result, "reordered", "patch", "holdout of another order")
    at = open_app({"model": "reordered"}, page="views/models.py")
    table = next(f.value for f in at.dataframe if "holdout RMSE" in f.value.columns)
    assert table["holdout RMSE"].iloc[0].endswith("(of a VAR(9))")
    plain = open_app({"model": "var"}, page="views/models.py")  # the same order: nothing added
    assert not any(
        "(of a" in str(x) for f in plain.dataframe if "holdout RMSE" in f.value.columns for x in f.value["holdout RMSE"]
    )


def test_the_forecast_card_prints_holdout_rmse_as_the_models_page_does(seeded):
    # RMSEs of different sizes (realgdp's in hundreds, infl's near 5), each in the format its value calls for
    spec = ModelSpec(variables=("realgdp", "infl"), holdout=0.1)
    publish_result(seeded, train_model(load_dataset(variables=list(spec.variables)), spec), "mixed", "patch", "")
    card = "\n".join(c.value for c in open_app({"model": "mixed"}).caption)
    details = "\n".join(m.value for m in open_app({"model": "mixed"}, page="views/models.py").markdown)
    header, _, *rows = [line for line in details.splitlines() if line.startswith("| ")]
    column = [cell.strip() for cell in header.strip("| ").split("|")].index("RMSE")
    table = {cells[0]: cells[column] for cells in ([c.strip() for c in r.strip("| ").split("|")] for r in rows)}
    printed = re.search(r"holdout RMSE (.+?) ·", card).group(1)
    assert printed == ", ".join(f"{name} {value}" for name, value in table.items())  # the same digits on both pages
    assert list(table) == ["realgdp", "infl"], details
