"""The Train page keeps everything chosen on it while another page runs: the uploaded file (Streamlit's file
uploader forgets it, so the page keeps the bytes and offers them again), every input, and a result that is
still publishable because nothing changed; and a VECM is never offered, nor given, a VAR's options."""

from __future__ import annotations

import numpy as np
import pandas as pd

from tests.app.conftest import errors, open_app

TRAIN = "views/train.py"
DIAG = "views/diagnostics.py"


def clean_csv() -> bytes:
    """60 quarters of three positive series, no gaps."""
    rng = np.random.default_rng(11)
    dates = pd.date_range("1990-01-01", periods=60, freq="QS")
    growth = 0.005 + 0.01 * rng.standard_normal((60, 3))
    frame = pd.DataFrame(100 * np.exp(np.cumsum(growth, axis=0)), index=dates, columns=["gdp", "cons", "cpi"])
    return frame.rename_axis("date").to_csv(float_format="%.4f").encode()


def _button(at, prefix: str):
    return next(b for b in at.button if b.label.startswith(prefix))


def _away_and_back(at, away: str = DIAG):
    for page in (away, TRAIN):  # through the sidebar: no query parameters
        at.switch_page(page)
        at.query_params.clear()
        at.run()
        assert not at.exception, [e.value for e in at.exception]
    return at


def _trained_upload(at):
    at.radio(key="train_source").set_value("Upload a CSV").run()
    at.file_uploader(key="train_csv").set_value(("accounts.csv", clean_csv(), "text/csv")).run()
    at.multiselect[0].set_value(["gdp", "cons"]).run()
    at.selectbox(key="train_transform").set_value("logdiff")
    at.radio(key="train_how").set_value("fixed").run()
    at.number_input(key="train_lags").set_value(2)
    at.text_input(key="train_name|accounts").set_value("kept-model")
    at.slider(key="train_holdout").set_value(0.2)
    _button(at, "Train").click().run()
    assert not at.exception and errors(at) == "", errors(at)
    return at


def test_every_input_and_the_upload_survive_a_page_switch(seeded):
    at = _away_and_back(_trained_upload(open_app(page=TRAIN)))
    assert at.radio(key="train_source").value == "Upload a CSV"
    assert any("accounts.csv" in i.value for i in at.info), [i.value for i in at.info]  # which file is in use
    assert at.multiselect[0].value == ["gdp", "cons"]
    assert at.selectbox(key="train_transform").value == "logdiff"
    assert at.radio(key="train_how").value == "fixed" and at.number_input(key="train_lags").value == 2
    assert at.text_input(key="train_name|accounts").value == "kept-model"
    assert at.slider(key="train_holdout").value == 0.2
    assert not any("changed after these results" in w.value for w in at.warning)
    _button(at, "Publish").click().run()
    assert not at.exception and errors(at) == "", errors(at)
    assert seeded.list_versions("kept-model")


def test_the_kept_upload_can_be_dropped(seeded):
    at = _away_and_back(_trained_upload(open_app(page=TRAIN)))
    _button(at, "Drop accounts.csv").click().run()
    assert not at.exception
    assert not any("accounts.csv" in i.value for i in at.info)
    assert _button(at, "Train").disabled  # no data until another file is uploaded


def test_a_vecm_is_not_offered_exogenous_variables_or_zero_lags(seeded):
    at = open_app(page=TRAIN)
    at.radio(key="train_source").set_value("Upload a CSV").run()
    at.file_uploader(key="train_csv").set_value(("accounts.csv", clean_csv(), "text/csv")).run()
    at.multiselect[0].set_value(["gdp", "cons"]).run()  # every column by default, as the CLI: cpi is to be exogenous
    exog = next(m for m in at.multiselect if m.label.startswith("Exogenous"))
    exog.set_value(["cpi"]).run()
    at.radio(key="train_kind").set_value("vecm").run()
    exog = next(m for m in at.multiselect if m.label.startswith("Exogenous"))
    assert exog.disabled and "VECM" in exog.help
    zero = at.checkbox(key="train_min0")
    assert zero.disabled and "VECM" in zero.help
    at.selectbox(key="train_transform|vecm").set_value("log")
    at.selectbox(key="train_rank|2").set_value(1)
    _button(at, "Train").click().run()
    assert not at.exception
    assert "are a VAR option" not in errors(at), errors(at)
    assert any("VECM" in m.value for m in at.markdown if m.value.startswith("**")), errors(at)


def test_a_file_removed_from_the_uploader_is_not_offered_again(seeded):
    at = open_app(page=TRAIN)
    at.radio(key="train_source").set_value("Upload a CSV").run()
    at.file_uploader(key="train_csv").set_value(("accounts.csv", clean_csv(), "text/csv")).run()
    at.file_uploader(key="train_csv").set_value(None).run()  # its ✕
    assert not at.exception
    assert not any("accounts.csv" in i.value for i in at.info) and _button(at, "Train").disabled
