"""The Train page's refusals read as the dashboard's: they start with a capital after the title and name the
page's controls where the library's message (shared with the CLI) names a CLI flag."""

from __future__ import annotations

import numpy as np
import pandas as pd

from tests.app.conftest import errors, open_app
from varlib import InvalidInputError

PAGE = "views/train.py"


def _train(at):
    next(b for b in at.button if b.label == "Train").click().run()
    assert not at.exception, [e.value for e in at.exception]
    return errors(at)


def test_a_vecm_refusal_names_the_rank_select_not_the_cli_flag(seeded):
    rng = np.random.default_rng(1)  # two independent random walks: no long-run relation
    walks = 100 + np.cumsum(rng.standard_normal((80, 2)), axis=0)
    dates = pd.date_range("1990-01-01", periods=80, freq="QS")
    csv = pd.DataFrame(walks, index=dates, columns=["a", "b"]).rename_axis("date").to_csv(float_format="%.3f")
    at = open_app(page=PAGE)
    at.radio(key="train_source").set_value("Upload a CSV").run()
    at.file_uploader(key="train_csv").set_value(("walks.csv", csv.encode(), "text/csv")).run()
    at.radio(key="train_kind").set_value("vecm").run()
    shown = _train(at)
    assert "finds no cointegrating relation" in shown
    assert "force rank 1 (the Cointegration rank select)" in shown
    assert "order 1 (Lag order fixed, Lags 1;" in shown and "the order BIC chooses, 1 (Criterion bic)" in shown
    assert "CLI" not in shown and "--" not in shown and "coint_rank" not in shown


def test_a_refusal_starts_with_a_capital_and_names_the_holdout_control(seeded):
    at = open_app(page=PAGE)
    at.radio(key="train_how").set_value("fixed").run()
    at.number_input(key="train_lags").set_value(60)
    shown = _train(at)
    assert shown.startswith("**Invalid input.** The training part before the 20-row holdout has 183 usable rows")
    assert shown.count("(Holdout fraction 0)") == 1 and "--holdout" not in shown


def test_flags_without_a_control_stay_and_other_pages_keep_every_flag():
    from ui.errors import TRAIN, explain, in_controls  # here: the page tests above need neither

    message = "values (CLI --exog-csv, REST `exog`, the Forecast page's table); or force rank 1 (coint_rank, CLI"
    message += " --coint-rank)"
    assert in_controls(message, TRAIN).startswith("values (CLI --exog-csv, REST `exog`")
    assert explain(InvalidInputError(message), TRAIN).startswith("**Invalid input.** Values (CLI --exog-csv")
    other_page = explain(InvalidInputError(message))  # capitalised, every flag kept
    assert other_page.startswith("**Invalid input.** Values (CLI --exog-csv") and "CLI --coint-rank" in other_page
    fill = "use 'interpolate' or 'ffill' (CLI --fill, dashboard: Missing periods or values)"
    assert in_controls(fill, TRAIN) == "use 'interpolate' or 'ffill' (Missing periods or values)"


def test_a_message_that_starts_with_a_column_name_keeps_its_case():
    """`const is constant` was shown as `Const is constant`: a column the file does not have."""
    from ui.errors import explain

    refused = InvalidInputError("const is constant in de.csv: every row is 5, so a VAR cannot use it", field="const")
    assert explain(refused).startswith("**Invalid input.** const is constant in de.csv")
    other = InvalidInputError("the values are too large", field="realgdp")
    assert explain(other).startswith("**Invalid input.** The values are too large")
    label = InvalidInputError("lag input realgdp on 2009-04-01 is 'abc'", field="lag input realgdp on 2009-04-01")
    assert explain(label).startswith("**Invalid input.** Lag input realgdp")  # a label, not a name: a sentence


def test_a_file_named_with_the_words_of_a_bound_keeps_its_name_on_the_train_page():
    """Every refusal of the Train page had `the start date` and `the end date` replaced, in a file's name too."""
    from ui.errors import TRAIN, explain

    refused = InvalidInputError("dataset 'orders to the end date.csv' has 1 row; use more data", field="rows")
    assert "'orders to the end date.csv'" in explain(refused, TRAIN)
