"""One owner of the lag-input value rules (varlib.forecast_inputs.check_lag_value): the same bad cell (NaN, inf,
1e300, a value at or below 0 for a model on logs) is refused with the same words by `varlib forecast --lags-csv`,
the dashboard's upload, a REST body's rows (dated by `lag_dates` or not) and a library caller's list."""

from __future__ import annotations

import json
import math
import os

import pytest

from tests.api.local_store import local_client
from varlib import ModelSpec, Registry, Settings, load_dataset, publish_result, read_lag_inputs, train_model
from varlib.cli import main
from varlib.errors import InvalidInputError
from varlib.service import forecast_artifact

AFTER = ["2009-10-01", "2010-01-01", "2010-04-01"]  # three quarters after the training data (it ends 2009Q3)
ROWS = [[13000.0, 9200.0], [13050.0, 9220.0], [13080.0, 9230.0]]
FORECAST = "/models/logvar/versions/0.0.1/forecast"
# each bad value as a CSV cell and as a JSON number, and the words every surface gives for it
BAD = [
    ("nan", math.nan, "is 'nan'; use a finite number"),
    ("inf", math.inf, "is 'inf'; use a finite number"),
    ("1e300", 1e300, "is 1e+300, too large in magnitude to forecast from (over 1e+150); enter the observed level"),
    ("-5", -5.0, "is -5; this model works on logs and needs positive values: enter a level above 0"),
    ("-1e300", -1e300, "is -1e+300, too large in magnitude"),  # the magnitude rule comes first everywhere
]


@pytest.fixture(scope="module")
def published(tmp_path_factory):
    dataset = load_dataset()
    spec = ModelSpec(variables=tuple(dataset.variables), transform="logdiff", lags=2, holdout=0)
    settings = Settings(store_dir=tmp_path_factory.mktemp("logvar"), author="review-test")
    registry = Registry.from_settings(settings)
    publish_result(registry, train_model(dataset, spec), "logvar")
    return settings, registry.load("logvar", "0.0.1")


@pytest.fixture(scope="module")
def client(published):
    yield from local_client(published[0])


def _csv(dates: list[str], rows: list[list[str]]) -> str:
    return "date,realgdp,realcons\n" + "".join(f"{d},{a},{b}\n" for d, (a, b) in zip(dates, rows, strict=True))


def _with(rows: list[list], value) -> list[list]:
    changed = [list(row) for row in rows]
    changed[1][0] = value  # realgdp in the second row
    return changed


def _rest(client, body: dict) -> str:
    # NaN and Infinity as JSON's NaN and Infinity, which Python writes and the service reads
    answer = client.post(FORECAST, content=json.dumps(body), headers={"content-type": "application/json"})
    assert answer.status_code == 422, answer.text
    assert answer.json()["field"] == "lag_inputs", answer.text
    return answer.json()["error"]


def _cli(published, tmp_path, monkeypatch, capsys, text: str) -> str:
    for name in [n for n in os.environ if n.startswith(("MINIO_", "VARLIB_"))]:
        monkeypatch.delenv(name)
    monkeypatch.setenv("VARLIB_STORE_DIR", str(published[0].store_dir))
    lags = tmp_path / "lags.csv"
    lags.write_text(text)
    assert main(["forecast", "0.0.1", "--name", "logvar", "--steps", "2", "--lags-csv", str(lags)]) != 0
    return capsys.readouterr().err.strip().removeprefix("error: ")


@pytest.mark.parametrize("typed, number, words", BAD)
def test_a_bad_dated_cell_gets_the_same_words_from_the_cli_the_upload_and_rest(
    published, client, tmp_path, monkeypatch, capsys, typed, number, words
):
    text = _csv(AFTER, _with([[f"{a:g}", f"{b:g}"] for a, b in ROWS], typed))
    expected = f"lag input realgdp on 2010Q1 {words}"
    by_cli = _cli(published, tmp_path, monkeypatch, capsys, text)
    artifact = published[1]
    with pytest.raises(InvalidInputError) as upload:  # the dashboard's upload reads the file as the CLI does
        read_lag_inputs(
            text.encode(), artifact.variables, artifact.lag_rows, "logdiff", frequency=artifact.data.frequency
        )
    by_rest = _rest(client, {"steps": 2, "lag_inputs": _with(ROWS, number), "lag_dates": AFTER})
    assert by_cli.startswith(expected), by_cli
    assert by_cli == str(upload.value) == by_rest


@pytest.mark.parametrize("typed, number, words", BAD)
def test_a_bad_undated_row_gets_the_words_of_the_file_dated_by_the_periods_it_stands_for(
    published, client, tmp_path, monkeypatch, capsys, typed, number, words
):
    artifact = published[1]
    own = artifact.default_lag_inputs()  # undated rows stand for these periods (2009Q1 to 2009Q3)
    dates = [d.strftime("%Y-%m-%d") for d in own.index]
    rows = own.to_numpy().tolist()
    text = _csv(dates, _with([[repr(a), repr(b)] for a, b in rows], typed))
    by_cli = _cli(published, tmp_path, monkeypatch, capsys, text)
    by_rest = _rest(client, {"steps": 2, "lag_inputs": _with(rows, number)})
    with pytest.raises(InvalidInputError) as library:
        forecast_artifact(artifact, 2, lag_inputs=_with(rows, number))
    assert by_cli.startswith(f"lag input realgdp on 2009Q2 {words}"), by_cli
    assert by_cli == by_rest == str(library.value)


@pytest.mark.parametrize("typed, number, words", BAD)
def test_a_file_without_dates_names_a_bad_cell_by_the_period_its_row_stands_for(
    published, client, tmp_path, monkeypatch, capsys, typed, number, words
):
    """A file without a date column said `in row 2` where REST's undated rows said `on 2009Q2`."""
    rows = published[1].default_lag_inputs().to_numpy().tolist()
    text = "realgdp,realcons\n" + "".join(f"{a},{b}\n" for a, b in _with([[repr(a), repr(b)] for a, b in rows], typed))
    by_cli = _cli(published, tmp_path, monkeypatch, capsys, text)
    assert by_cli.startswith(f"lag input realgdp on 2009Q2 {words}"), by_cli
    assert by_cli == _rest(client, {"steps": 2, "lag_inputs": _with(rows, number)})


def test_the_first_bad_cell_in_time_is_named_the_same_from_a_file_and_a_list(published, client):
    # a log model's 0 in the first row comes before a NaN in the second, whichever rule each breaks
    artifact = published[1]
    rows = _with(ROWS, math.nan)
    rows[0][1] = 0.0
    text = _csv(AFTER, [["13000", "0"], ["nan", "9220"], ["13080", "9230"]])
    with pytest.raises(InvalidInputError) as upload:
        read_lag_inputs(
            text.encode(), artifact.variables, artifact.lag_rows, "logdiff", frequency=artifact.data.frequency
        )
    said = "lag input realcons on 2009Q4 is 0; this model works on logs"
    assert str(upload.value).startswith(said)
    assert _rest(client, {"steps": 2, "lag_inputs": rows, "lag_dates": AFTER}) == str(upload.value)
