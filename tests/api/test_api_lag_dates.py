"""Lag inputs over REST are dated by `lag_dates` as the CLI's lags CSV dates them; without dates they stand for
the training data's last periods, as the dashboard's edited lag table does; saved scenarios keep the same rule."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from tests.api.conftest import CLEAN_ENV, PROJECT
from tests.api.local_store import local_client, local_registry
from varlib import Actor

ROWS = [[13000.0, 9200.0], [13050.0, 9220.0], [13080.0, 9230.0], [13100.0, 9250.0]]  # the model's 4 lags
DATES = ["2009-07-01", "2009-10-01", "2010-01-01", "2010-04-01"]  # after the training data (it ends 2009-07-01)


@pytest.fixture(scope="module")
def store(macro_result, tmp_path_factory):
    return local_registry(tmp_path_factory.mktemp("lag-dates"), macro_result)


@pytest.fixture(scope="module")
def client(store):
    yield from local_client(store[0], actor=Actor("Pat Publisher", "pat", "https://issuer.test", via="rest"))


def test_dated_lag_inputs_label_the_forecast_as_the_cli_does(client, store, tmp_path):
    answer = client.post(
        "/models/var/versions/0.0.2/forecast", json={"steps": 2, "lag_inputs": ROWS, "lag_dates": DATES}
    )
    assert answer.status_code == 200, answer.text
    lags = tmp_path / "lags.csv"
    lags.write_text(
        "date,realgdp,realcons\n" + "".join(f"{d},{a},{b}\n" for d, (a, b) in zip(DATES, ROWS, strict=True))
    )
    cli = subprocess.run(
        [sys.executable, "-m", "varlib", "forecast", "0.0.2", "--steps", "2", "--lags-csv", str(lags), "--json"],
        cwd=PROJECT,
        env={**CLEAN_ENV, "VARLIB_STORE_DIR": str(store[0].store_dir)},
        capture_output=True,
        text=True,
        check=True,
    )
    expected = json.loads(cli.stdout)
    assert answer.json()["index"] == expected["index"] == ["2010-07-01", "2010-10-01"]
    assert answer.json()["mean"] == expected["mean"]


def test_undated_lag_inputs_stand_for_the_training_datas_last_periods(client):
    answer = client.post("/models/var/versions/0.0.2/forecast", json={"steps": 2, "lag_inputs": ROWS})
    assert answer.status_code == 200, answer.text
    plain = client.post("/models/var/versions/0.0.2/forecast", json={"steps": 2}).json()  # the training data's end
    assert answer.json()["index"] == plain["index"] == ["2009-10-01", "2010-01-01"]
    assert answer.json()["mean"] != plain["mean"]  # the rows were used
    legacy = client.get("/var_predict/0.0.2?future_periods=2").json()
    assert legacy["index"] == plain["index"]
    schema = client.get("/openapi.json").json()["components"]["schemas"]["ForecastRequest"]["properties"]
    assert "lag_dates" in schema["lag_inputs"]["description"] and "lag_dates" in schema


@pytest.mark.parametrize(
    ("dates", "words"),
    [
        (DATES[:3], "lag_dates has 3 dates"),
        ([*DATES[:3], "2010-07-01"], "the lag inputs skip 2010Q2"),
        ([*DATES[:3], "2010-05-01"], "is not a quarterly period"),
        ([DATES[1], DATES[0], *DATES[2:]], "out of order"),
        (["a", "b", "c", "d"], "'a' is not a date"),
    ],
)
def test_lag_dates_are_checked_by_the_library(client, dates, words):
    """Each refusal of the dates names them as the request does (`lag_dates`), not as a file's date column."""
    answer = client.post(
        "/models/var/versions/0.0.2/forecast", json={"steps": 2, "lag_inputs": ROWS, "lag_dates": dates}
    )
    assert answer.status_code == 422 and answer.json()["type"] == "InvalidInputError", answer.text
    assert words in answer.json()["error"] and answer.json()["field"] == "lag_dates", answer.text


def test_lag_dates_without_lag_inputs_are_refused(client):
    answer = client.post("/models/var/versions/0.0.2/forecast", json={"steps": 2, "lag_dates": DATES})
    assert answer.status_code == 422 and "send lag_inputs with them" in answer.json()["error"]


def test_saved_scenarios_keep_the_lag_inputs_dates(client):
    base = "/models/var/versions/0.0.2/scenarios"
    undated = client.put(f"{base}/undated", json={"steps": 2, "lag_inputs": ROWS})
    assert undated.status_code == 201, undated.text
    assert undated.json()["lag_inputs"]["dates"] == ["2008-10-01", "2009-01-01", "2009-04-01", "2009-07-01"]
    assert client.get(f"{base}/undated/forecast").json()["index"] == ["2009-10-01", "2010-01-01"]
    dated = client.put(f"{base}/dated", json={"steps": 2, "lag_inputs": ROWS, "lag_dates": DATES})
    assert dated.status_code == 201, dated.text
    assert dated.json()["lag_inputs"]["dates"] == DATES
    assert client.get(f"{base}/dated/forecast").json()["index"] == ["2010-07-01", "2010-10-01"]


@pytest.mark.parametrize("zone", ["Z", "+02:00", "-05:00"])
def test_lag_dates_written_with_a_time_zone_are_the_days_written(client, zone):
    zoned = [f"{day}T00:00:00{zone}" for day in DATES]
    answer = client.post(
        "/models/var/versions/0.0.2/forecast", json={"steps": 2, "lag_inputs": ROWS, "lag_dates": zoned}
    )
    plain = client.post(
        "/models/var/versions/0.0.2/forecast", json={"steps": 2, "lag_inputs": ROWS, "lag_dates": DATES}
    )
    assert answer.status_code == 200, answer.text
    assert answer.json()["index"] == plain.json()["index"] == ["2010-07-01", "2010-10-01"]
    assert answer.json()["mean"] == plain.json()["mean"]


@pytest.mark.parametrize("dated", [True, False])
def test_a_lag_input_too_large_is_named_by_its_variable_and_date(client, dated):
    rows = [*ROWS[:2], [1e200, 9230.0], ROWS[3]]
    body = {"steps": 2, "lag_inputs": rows, **({"lag_dates": DATES} if dated else {})}
    answer = client.post("/models/var/versions/0.0.2/forecast", json=body)
    assert answer.status_code == 422
    when = (
        "2010Q1" if dated else "2009Q2"
    )  # by its period, as a lag file names it; undated rows by the period they stand for
    assert answer.json()["error"].startswith(f"lag input realgdp on {when} is 1e+200, too large in magnitude")
    assert answer.json()["field"] == "lag_inputs"


def test_a_lag_date_that_is_not_one_is_named_as_lag_dates(client):
    dates = [DATES[0], "soon", *DATES[2:]]
    answer = client.post(
        "/models/var/versions/0.0.2/forecast", json={"steps": 2, "lag_inputs": ROWS, "lag_dates": dates}
    )
    assert answer.status_code == 422
    assert answer.json()["field"] == "lag_dates" and answer.json()["value"] == "soon"
    assert "'lag_dates' of 'the lag inputs', row 2: 'soon' is not a date" in answer.json()["error"]
