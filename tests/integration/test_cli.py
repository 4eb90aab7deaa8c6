"""The CLI contract: JSON shapes, exit codes, one-line errors.

`cli` runs a command in this process (tests/support/cli_runner.py: the environment, working directory, stdin,
stdout and stderr a new process would get, and none of an earlier call's state), saving the interpreter's start
and imports on every call; `serve` and a call given PYTHON* settings still run as a process. `cli_process` runs
`python -m varlib` in a new interpreter, for what only the process shows: here the train/publish/list/show/forecast
round trip on both stores and the usage refusals (exit 2, the command named as `varlib`, not `python -m`) are
tested from outside; the other tests here, and the modules importing `cli`, call the CLI in this process.
"""

import json
import subprocess

import numpy as np
import pytest
from statsmodels.tsa.vector_ar.var_model import VAR

from tests.conftest import new_bucket
from tests.support import cli_runner
from tests.support.cli_runner import PROJECT, STORELESS_ENV, one_line_error
from tests.support.minio_server import free_port
from varlib.data import load_macrodata


def cli(env, *args, timeout=60, input=None) -> subprocess.CompletedProcess:
    """`varlib *args` with `env` over a clean environment, in this process (`serve` as a process)."""
    return one_line_error(cli_runner.run(args, _given(env), PROJECT, timeout, input))


def cli_process(env, *args, timeout=60, input=None) -> subprocess.CompletedProcess:
    """`python -m varlib *args` in a new interpreter: the exit code and the two pipes as the shell sees them."""
    return one_line_error(cli_runner.run_process(args, _given(env), PROJECT, timeout, input))


def _given(env) -> dict[str, str]:
    """`env` over a clean environment whose author is the CLI tests'."""
    return {**STORELESS_ENV, "VARLIB_AUTHOR": "cli-test", **env}


@pytest.fixture(params=["local", pytest.param("minio", marks=pytest.mark.minio)])
def env(request, tmp_path):
    if request.param == "local":
        return {"VARLIB_STORE_DIR": str(tmp_path / "store")}
    return request.getfixturevalue("minio").env(new_bucket())


@pytest.fixture
def local_env(tmp_path):
    """For cases whose outcome does not depend on the backend (argument and data checks)."""
    return {"VARLIB_STORE_DIR": str(tmp_path / "store")}


def test_train_publish_list_show_forecast(env):
    trained = cli_process(
        env, "train", "--name", "var", "--publish", "--notes", "from the CLI", "--max-lags", "8", "--json"
    )
    assert trained.returncode == 0, trained.stderr
    summary = json.loads(trained.stdout)
    assert summary["version"] == "0.0.1" and summary["published"] is True
    assert set(summary["metrics"]) == {"realgdp", "realcons"}

    listed = json.loads(cli_process(env, "list", "--json").stdout)
    assert [row["version"] for row in listed] == ["0.0.1"]
    assert {"name", "version", "status", "created_at"} <= set(listed[0]) and listed[0]["status"] == "ok"

    shown = json.loads(cli_process(env, "show", "0_0_1", "--json").stdout)
    assert shown["notes"] == "from the CLI" and shown["author"] == "cli-test"
    readable = cli_process(env, "show", "0_0_1").stdout  # for people: no Python reprs of lists and dicts
    assert "variables: realgdp, realcons" in readable and "\n             spec:\n" in readable
    assert "{" not in readable and "[" not in readable and "None" not in readable

    result = cli_process(env, "forecast", "latest", "--steps", "5", "--alpha", "0.2", "--json")
    assert result.returncode == 0, result.stderr
    forecast = json.loads(result.stdout)
    assert set(forecast) >= {"name", "version", "variables", "steps", "alpha", "index", "mean", "lower", "upper"}
    assert forecast["version"] == "0.0.1" and forecast["steps"] == 5 and forecast["alpha"] == 0.2
    assert len(forecast["mean"]) == 5 and all(len(row) == 2 for row in forecast["mean"])
    levels = load_macrodata().frame.to_numpy()
    reference = VAR(levels).fit(summary["k_ar"], trend="c")
    expected = reference.forecast_interval(levels[-summary["k_ar"] :], 5, alpha=0.2)
    np.testing.assert_allclose(forecast["mean"], expected[0], rtol=1e-8)
    np.testing.assert_allclose(forecast["upper"], expected[2], rtol=1e-8)


def test_forecast_from_a_lag_csv(local_env, tmp_path):
    cli(local_env, "train", "--name", "var", "--publish", "--lags", "2", "--holdout", "0")
    lags = tmp_path / "lags.csv"
    lags.write_text("date,realgdp,realcons\n2009-04-01,12000,8000\n2009-07-01,12100,8050\n")
    forecast = json.loads(cli(local_env, "forecast", "0.0.1", "--lags-csv", str(lags), "--steps", "3", "--json").stdout)
    levels = load_macrodata().frame.to_numpy()
    expected = VAR(levels).fit(2, trend="c").forecast(np.array([[12000, 8000], [12100, 8050]]), 3)
    np.testing.assert_allclose(forecast["mean"], expected, rtol=1e-8)
    assert forecast["index"][0] == "2009-10-01"
    # a spreadsheet's form of the same file: 01/07/2009 is 1 July, the reading on the model's quarterly grid
    lags.write_text("date;realgdp;realcons\n01/04/2009;12000,0;8000\n01/07/2009;12100;8050,0\n")
    again = json.loads(cli(local_env, "forecast", "0.0.1", "--lags-csv", str(lags), "--steps", "3", "--json").stdout)
    assert again["index"][0] == "2009-10-01" and again["mean"] == forecast["mean"]


def test_train_from_csv_with_transform(local_env, tmp_path):
    frame = load_macrodata(["realgdp", "realcons", "realinv"]).frame
    path = tmp_path / "macro.csv"
    frame.to_csv(path)
    out = cli(
        local_env,
        "train",
        "--csv",
        str(path),
        "--date-col",
        "date",
        "--vars",
        "realgdp,realinv",
        "--transform",
        "logdiff",
        "--lags",
        "2",
        "--publish",
        "--bump",
        "minor",
        "--json",
    )
    assert out.returncode == 0, out.stderr
    summary = json.loads(out.stdout)
    assert summary["version"] == "0.1.0" and summary["name"] == "macro"  # the default name comes from the file
    assert summary["frequency"] == "QS-JAN" and summary["adequacy"]["checks"][0]["name"] == "stability"
    forecast = json.loads(cli(local_env, "forecast", "0.1.0", "--name", "macro", "--json").stdout)
    assert forecast["variables"] == ["realgdp", "realinv"] and forecast["point"] == "median"


def test_train_from_a_european_spreadsheet_csv_says_how_it_was_read(local_env, tmp_path):
    frame = load_macrodata(["realgdp", "realcons"]).frame
    path = tmp_path / "konten.csv"
    frame.set_axis(frame.index.strftime("%d.%m.%Y")).rename_axis("Datum").to_csv(path, sep=";", decimal=",")
    out = cli(local_env, "train", "--csv", str(path), "--date-col", "Datum", "--lags", "2")
    assert out.returncode == 0, out.stderr
    assert "read as semicolon-separated, decimal commas, dates day first" in out.stdout.splitlines()
    summary = json.loads(cli(local_env, "train", "--csv", str(path), "--date-col", "Datum", "--json").stdout)
    assert summary["read_as"] == ["semicolon-separated", "decimal commas", "dates day first"]
    assert summary["frequency"] == "QS-JAN" and summary["variables"] == ["realgdp", "realcons"]


@pytest.mark.parametrize(
    "args, message",
    [
        (["forecast", "latest", "--steps", "0"], "steps 0"),
        (["forecast", "latest", "--steps", "401"], "steps 401"),
        (["forecast", "latest", "--alpha", "1.5"], "alpha 1.5"),
        (["forecast", "1.2"], "version '1.2' is not valid"),
        (["forecast", "latest", "--name", "../x"], "model name '../x'"),
        (["train", "--vars", "realgdp"], "at least 2 variables"),
        (["train", "--vars", "realgdp,nope"], "'nope' not in"),
        (["train", "--transform", "sqrt"], "invalid choice"),
        (["train", "--transform", "log"], "'log' is for VECMs"),  # a transform of the VECM kind only
        (["train", "--holdout", "0.8"], "holdout 0.8"),
        (["train", "--csv", "/nonexistent/file.csv"], "cannot read CSV"),
        (["forecast", "--steps", "x"], "invalid int value"),
        (["frobnicate"], "invalid choice"),
    ],
)
def test_bad_input_exits_2_with_one_error_line(local_env, args, message):
    result = cli(local_env, *args)
    assert result.returncode == 2
    assert message in result.stderr


def test_bad_lag_csv_exits_2(local_env, tmp_path):
    cli(local_env, "train", "--name", "var", "--publish", "--lags", "2", "--holdout", "0")
    bad = tmp_path / "lags.csv"
    bad.write_text("realgdp,realcons\n1,2\n")
    result = cli(local_env, "forecast", "--lags-csv", str(bad))
    assert result.returncode == 2 and "has 1 data rows; this model needs 2" in result.stderr
    bad.write_text("realgdp,realcons\n1,2\nx,3\n")
    assert cli(local_env, "forecast", "--lags-csv", str(bad)).returncode == 2


def test_a_lag_csv_of_recent_data_gives_its_last_rows_and_says_so(local_env, tmp_path):
    cli(local_env, "train", "--name", "var", "--publish", "--lags", "2", "--holdout", "0")
    recent = tmp_path / "recent.csv"
    recent.write_text("date,realgdp,realcons\n2009-01-01,.,1\n2009-04-01,12900,9190\n2009-07-01,13000,9250\n")
    longer = cli(local_env, "forecast", "--lags-csv", str(recent), "--steps", "2", "--json")
    assert longer.returncode == 0, longer.stderr
    assert f"note: {recent} has 3 rows; the forecast starts from its last 2" in longer.stderr
    recent.write_text("date,realgdp,realcons\n2009-04-01,12900,9190\n2009-07-01,13000,9250\n")
    exact = cli(local_env, "forecast", "--lags-csv", str(recent), "--steps", "2", "--json")
    assert json.loads(longer.stdout) == json.loads(exact.stdout) and "note:" not in exact.stderr


def test_missing_version_exits_1(env):
    unknown = cli(env, "forecast", "0.0.9", "--name", "var")  # in an empty store the model is what is missing
    assert unknown.returncode == 1 and "model 'var' does not exist" in unknown.stderr
    assert "the first publish (CLI or dashboard) creates it" in unknown.stderr  # not even its bucket exists
    empty = cli(env, "forecast", "0.0.9")
    assert empty.returncode == 1 and "no models: " in empty.stderr and "varlib train --publish" in empty.stderr
    assert cli(env, "train", "--name", "var", "--lags", "2", "--publish").returncode == 0
    result = cli(env, "forecast", "0.0.9", "--name", "var")
    assert result.returncode == 1 and "var 0.0.9 does not exist" in result.stderr


def test_unreachable_minio_fails_fast_naming_the_endpoint():
    port = free_port()
    env = {"MINIO_ENDPOINT": f"127.0.0.1:{port}", "MINIO_ACCESS_KEY": "a", "MINIO_SECRET_KEY": "b"}
    result = cli(env, "list", timeout=30)
    assert result.returncode == 1
    assert (
        f"127.0.0.1:{port} is unreachable (connection refused); start the server or fix MINIO_ENDPOINT" in result.stderr
    )
    assert "make minio" not in result.stderr  # a developer's hint, only for the address `make minio` serves


@pytest.mark.minio
def test_bad_credentials_are_named_and_the_secret_is_not_printed(minio):
    env = {**minio.env(new_bucket()), "MINIO_SECRET_KEY": "wrong-secret-value"}
    result = cli(env, "list")
    assert result.returncode == 1
    assert "refused the credentials" in result.stderr and "wrong-secret-value" not in result.stderr


def test_read_only_publish_is_refused_before_training(local_env):
    result = cli({**local_env, "VARLIB_READ_ONLY": "1"}, "train", "--publish")
    assert result.returncode == 1 and "not allowed" in result.stderr


def test_bad_settings_are_bad_input():
    result = cli({"MINIO_ENDPOINT": "http://host:1/path"}, "list")
    assert result.returncode == 2 and "MINIO_ENDPOINT" in result.stderr


@pytest.mark.parametrize("bucket", ["ab", "Models", "my_bucket", "-models"])
def test_bad_bucket_name_is_bad_input(bucket):
    result = cli({"MINIO_ENDPOINT": "127.0.0.1:1", "MINIO_BUCKET": bucket}, "list")
    assert result.returncode == 2 and f"MINIO_BUCKET={bucket!r}" in result.stderr


@pytest.mark.parametrize("args, command", [(["frobnicate"], "varlib"), (["train", "--holdout", "x"], "varlib train")])
def test_usage_errors_name_the_help_command_once(local_env, args, command):
    result = cli_process(local_env, *args)
    assert result.returncode == 2 and f"(see `{command} --help`)" in result.stderr
    assert "varlib varlib" not in result.stderr and "python -m" not in result.stderr


def test_the_cli_and_the_dashboard_read_the_same_lag_file(local_env, tmp_path):
    """One reader: a date column named `Date`, the variables in another order, an extra column."""
    from varlib import read_lag_inputs

    cli(local_env, "train", "--name", "var", "--publish", "--lags", "2", "--holdout", "0")
    path = tmp_path / "lags.csv"
    path.write_text("Date,realcons,realgdp,comment\n2009-04-01,9189.0,12901.5,x\n2009-07-01,9256.0,13100.0,y\n")
    result = cli(local_env, "forecast", "--lags-csv", str(path), "--steps", "2", "--json")
    answer = json.loads(result.stdout)
    assert answer["index"] == ["2009-10-01", "2010-01-01"]  # continues from the file's own dates
    table = read_lag_inputs(path.read_bytes(), ["realgdp", "realcons"], 2, "none", "upload.csv")  # the dashboard
    assert table.to_numpy().tolist() == [[12901.5, 9189.0], [13100.0, 9256.0]]
    assert [d.date().isoformat() for d in table.index] == ["2009-04-01", "2009-07-01"]
    from varlib import Registry, Settings, forecast_artifact

    artifact = Registry.from_settings(Settings.from_env(local_env)).load("var", "latest")
    assert np.allclose(answer["mean"], forecast_artifact(artifact, 2, 0.05, table).forecast.mean)
