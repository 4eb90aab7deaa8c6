"""The Models page: a table that fits the page with a word on every column, more columns on request,
and a version's details as readable sections instead of a JSON tree."""

from __future__ import annotations

import json
import re

import pandas as pd
import pytest

from tests.app.conftest import errors, open_app
from ui import models_table, version_details
from varlib import ModelSpec, load_dataset, train_model
from varlib.service import publish_result

MODELS = "views/models.py"
PAGE_WIDTH_AT_1440 = 980  # the main column of the wide layout beside the sidebar, measured in Chromium


def _table(at):
    return at.dataframe[0]  # the versions; a read-only table carries no key to find it by


def _plain(markdown: str) -> str:
    """A section's text without the colour of its labels."""
    return re.sub(r":gray\[([^\]]*)\]", r"\1", markdown)


def test_default_columns_fit_the_page_and_each_says_what_it_holds(seeded):
    at = open_app(page=MODELS)
    table = _table(at)
    shown = list(table.proto.column_order)
    assert shown == models_table.DEFAULT
    config = json.loads(table.proto.columns)
    widths = [config[column]["width"] for column in shown]
    assert all(isinstance(w, int) for w in widths) and sum(widths) <= PAGE_WIDTH_AT_1440
    assert all(config[column].get("help") for column in table.value.columns)
    assert config["lag order"]["type_config"]["format"] == "%d"
    # the wide columns come on request, and the data behind the table holds them all along
    at.pills(key=models_table.PICKED).set_value(["holdout RMSE", "kind"]).run()
    picked = ["version", "kind", "holdout RMSE"]  # beside the version, in sight, not past the page's right edge
    assert list(_table(at).proto.column_order) == picked + models_table.DEFAULT[1:]


def test_holdout_rmse_column_has_one_number_format(seeded):
    dataset = load_dataset(variables=["realgdp", "realcons", "realinv"])
    spec = ModelSpec(variables=tuple(dataset.variables), transform="logdiff", lags=2)
    publish_result(seeded, train_model(dataset, spec), "var", "major", "growth")
    at = open_app(page=MODELS)
    cells = _table(at).value["holdout RMSE"].tolist()
    numbers = [part.rsplit(" ", 1)[1] for cell in cells for part in cell.split(", ")]
    assert len(numbers) == 5 and len({len(n.split(".")[1]) for n in numbers}) == 1, numbers
    assert not any("e" in n for n in numbers)


def test_details_are_readable_sections(seeded):
    at = open_app(page=MODELS)
    assert errors(at) == "" and not at.json  # no raw JSON tree
    texts = [_plain(m.value) for m in at.markdown]
    titles = [t.split("**")[1] for t in texts if t.startswith("**")]
    for section in ("Spec", "Data", "Metrics", "Adequacy", "Fills", "Notes"):
        assert section in titles, (section, titles)
    spec = next(t for t in texts if t.startswith("**Spec**"))
    artifact = seeded.load("var", "0.0.1")
    assert "variables: realgdp and realcons" in spec and "transform: none (fitted on levels)" in spec
    assert f"lag order: {artifact.k_ar}, {artifact.lag_method}" in spec
    data = next(t for t in texts if t.startswith("**Data**"))
    assert "span: 1959Q1 to 2009Q3" in data and "frequency: quarterly" in data
    notes = next(t for t in texts if t.startswith("**Notes**"))
    assert "notes: seed" in notes and "author: tester" in notes
    fills = next(t for t in texts if t.startswith("**Fills**"))
    assert "fill: none" in fills
    adequacy = next(t for t in texts if t.startswith("**Adequacy**"))
    assert all(f"**{check}**" in adequacy for check in ("stability", "whiteness", "normality"))
    assert "A `diff` or `logdiff` transform" in adequacy and "\\`" not in adequacy  # code, as on Diagnostics
    table = next(t for t in texts if t.startswith("| variable |")).splitlines()
    assert table[0] == "| variable | RMSE | MAE | MAPE % |" and [row.split(" | ")[0] for row in table[2:]] == [
        "| realgdp",
        "| realcons",
    ]
    rmse = artifact.evaluation["metrics"]["realgdp"]["rmse"]
    assert float(table[2].split(" | ")[1]) == pytest.approx(rmse, rel=5e-4)  # four significant digits at least
    download = at.get("download_button")
    assert download and any("metadata" in d.proto.label for d in download)


def test_metrics_table_escapes_names_marks_gaps_and_formats_errors_by_their_rmse():
    frame = pd.DataFrame(
        {"RMSE": [12.3456, 1.2], "MAE": [0.5, float("nan")], "MAPE %": [1.0, 2.0]},
        index=pd.Index(["real_gdp", "a|b"], name="variable"),
    )
    lines = version_details.metrics_markdown(frame).splitlines()
    assert lines[:2] == ["| variable | RMSE | MAE | MAPE % |", "| :-- | --: | --: | --: |"]
    # a name's underscore or bar stays text, and a missing value is a dash, not an empty cell
    # RMSE and MAE in the format of the variable's RMSE (its units), MAPE in one format for the column
    assert lines[2:] == ["| real\\_gdp | 12.35 | 0.50 | 1 |", "| a\\|b | 1.200 | – | 2 |"]


def test_a_mape_left_out_is_explained_on_the_models_and_backtest_pages(seeded):
    """realinv's change crosses zero: its MAPE is a dash, with the reason under the table."""
    dataset = load_dataset(variables=["realgdp", "realinv"])
    frame = dataset.frame.assign(realinv=dataset.frame["realinv"].diff()).iloc[1:]
    changes = type(dataset)("changes", frame, "0" * 64, frequency=dataset.frequency)
    publish_result(seeded, train_model(changes, ModelSpec(variables=("realgdp", "realinv"), lags=2)), "changes")
    at = open_app({"model": "changes"}, page=MODELS)
    table = next(m.value for m in at.markdown if m.value.startswith("| variable |")).splitlines()
    assert table[3].startswith("| realinv |") and table[3].endswith("| – |")
    reason = "MAPE is left out where a variable's values are not all of one sign, or where a scored value is near 0"
    assert any(reason in c.value for c in at.caption)
    at = open_app({"model": "changes"}, page="views/backtest.py")
    at.number_input(key="bt_origins").set_value(3)
    at.button(key="bt_run").click().run()
    assert errors(at) == "" and any(reason in c.value for c in at.caption)
    assert at.dataframe[0].value.query("variable == 'realinv'")["mape"].isna().all()
    assert at.dataframe[0].proto.placeholder == "–"  # shown as a dash, not as "None"


def test_a_varxs_holdout_says_it_was_given_the_observed_exogenous_path(seeded):
    dataset = load_dataset(variables=["realgdp", "realcons", "unemp"])
    spec = ModelSpec(variables=("realgdp", "realcons"), exog=("unemp",), lags=2)
    publish_result(seeded, train_model(dataset, spec), "varx")
    at = open_app({"model": "varx"}, page=MODELS)
    assert errors(at) == ""
    assert any("The exogenous variable unemp took its observed values" in c.value for c in at.caption)
    at = open_app({"model": "var"}, page=MODELS)
    assert not any("The exogenous variable" in c.value for c in at.caption)
