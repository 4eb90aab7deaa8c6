"""`varlib diagnose --json` and `report` against statsmodels computed here; the report once from outside."""

import errno
import json
import os
from pathlib import Path

import numpy as np
import pytest
from statsmodels.datasets import macrodata
from statsmodels.tsa.vector_ar.var_model import VAR

from tests.conftest import new_bucket
from tests.support import cli_runner
from tests.support.cli_runner import PROJECT, STORELESS_ENV, one_line_error
from tests.support.normality_reference import check_normality
from varlib import ModelSpec, Registry, load_dataset, publish_result, train_model
from varlib.cli import main
from varlib.config import Settings

VARIABLES = ["realgdp", "realcons", "realinv"]
RTOL = 1e-8


def cli(env, *args, run=cli_runner.run):
    """`varlib *args` with `env` over a clean environment, in this process as a new one would run it
    (tests/support/cli_runner.py); `run=cli_runner.run_process`: as `python -m varlib`."""
    return one_line_error(run(args, {**STORELESS_ENV, **env}, PROJECT, 120))


@pytest.fixture(params=["local", pytest.param("minio", marks=pytest.mark.minio)])
def published(request, tmp_path):
    """A logdiff VAR of three macro series published as var 0.0.1, and the env that reaches it."""
    if request.param == "local":
        env = {"VARLIB_STORE_DIR": str(tmp_path / "store")}
        settings = Settings(store_dir=tmp_path / "store", author="tester")
    else:
        minio = request.getfixturevalue("minio")
        bucket = new_bucket()
        env, settings = minio.env(bucket), minio.settings(bucket, author="tester")
    dataset = load_dataset(variables=VARIABLES)
    result = train_model(dataset, ModelSpec(variables=tuple(VARIABLES), transform="logdiff", max_lags=8))
    publish_result(Registry.from_settings(settings), result, "var")
    return env, result.params.k_ar


def close(got, want):
    np.testing.assert_allclose(np.asarray(got, dtype=float), np.asarray(want, dtype=float), rtol=RTOL, atol=1e-14)


def test_diagnose_json_equals_statsmodels(published):
    env, k_ar = published
    run = cli(env, "diagnose", "0.0.1", "--name", "var", "--irf-periods", "6", "--whiteness-lags", "9", "--json")
    assert run.returncode == 0, run.stderr
    out = json.loads(run.stdout)

    series = np.log(macrodata.load_pandas().data[VARIABLES]).diff().iloc[1:].reset_index(drop=True)
    reference = VAR(series).fit(k_ar, trend="c")
    selection = VAR(series).select_order(8, trend="c")
    assert out["lag_order"] == {ic: int(selection.selected_orders[ic]) for ic in ("aic", "bic", "hqic", "fpe")}
    assert out["stability"]["stable"] is bool(reference.is_stable())
    close(out["stability"]["moduli"], np.sort(1 / np.abs(reference.roots))[::-1])
    white = reference.test_whiteness(nlags=9)
    assert out["whiteness"]["lags"] == 9 and out["whiteness"]["df"] == white.df
    close([out["whiteness"]["statistic"], out["whiteness"]["pvalue"]], [white.test_statistic, white.pvalue])
    check_normality(out, reference, close)
    assert len(out["granger"]) == 2 * 3 + 6  # both group directions for each variable, then every ordered pair
    for entry in out["granger"]:
        want = reference.test_causality(entry["caused"], entry["causing"], kind="f")
        assert entry["df"] == [int(d) for d in want.df]
        close([entry["statistic"], entry["pvalue"]], [want.test_statistic, want.pvalue])
    assert out["irf"]["periods"] == 6
    close(out["irf"]["orth"], reference.irf(6).orth_irfs)
    close(out["fevd"], reference.fevd(6).decomp)


def in_process(env, monkeypatch, capsys, *args):
    """The same CLI entry point without a new interpreter (keeps the many small cases fast)."""
    for key in [k for k in os.environ if k.startswith(("MINIO_", "VARLIB_"))]:
        monkeypatch.delenv(key)
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    code = main(list(args))
    out, err = capsys.readouterr()
    if code:
        assert len(err.strip().splitlines()) == 1 and err.startswith("error: "), err
    return code, out, err


@pytest.fixture
def local_published(tmp_path):
    settings = Settings(store_dir=tmp_path / "store", author="tester")
    dataset = load_dataset(variables=VARIABLES[:2])
    result = train_model(dataset, ModelSpec(variables=tuple(VARIABLES[:2]), transform="diff", lags=2, holdout=0))
    publish_result(Registry.from_settings(settings), result, "var")
    return {"VARLIB_STORE_DIR": str(tmp_path / "store")}


def test_diagnose_text_and_errors(local_published, monkeypatch, capsys):
    env = local_published
    code, out, _ = in_process(env, monkeypatch, capsys, "diagnose", "latest")
    assert code == 0 and "stability: Stable" in out and "granger realcons → realgdp: F " in out
    assert "whiteness, adjusted portmanteau (10 lags)" in out and "whiteness, unadjusted portmanteau (10 lags)" in out
    assert "unit root realgdp (log levels, constant and trend): ADF p " in out and "advice: " in out
    assert "This version does so (transform `diff`)" in out or "This version differences them" in out
    code, out, _ = in_process(env, monkeypatch, capsys, "diagnose", "latest", "--json")
    advice = json.loads(out)["integration_advice"]
    assert code == 0 and advice in out and "This version" in advice  # the JSON carries what the text prints
    code, _, err = in_process(env, monkeypatch, capsys, "diagnose", "0.0.1", "--whiteness-lags", "2")
    assert code == 2 and "--whiteness-lags 2 must be" in err
    code, _, err = in_process(env, monkeypatch, capsys, "diagnose", "0.0.1", "--irf-periods", "0")
    assert code == 2 and "--irf-periods 0 must be" in err
    code, _, err = in_process(env, monkeypatch, capsys, "diagnose", "0.0.1", "--irf-periods", "x")
    assert code == 2 and "--irf-periods" in err
    code, _, err = in_process(env, monkeypatch, capsys, "diagnose", "0.0.7")
    assert code == 1 and "0.0.7" in err


def test_diagnose_text_prints_the_variance_decomposition_as_statsmodels(local_published, monkeypatch, capsys):
    code, out, _ = in_process(local_published, monkeypatch, capsys, "diagnose", "latest", "--irf-periods", "4")
    assert code == 0 and "variance decomposition at horizon 4 (shares; Cholesky order: realgdp, realcons):" in out
    data = macrodata.load_pandas().data[VARIABLES[:2]].diff().dropna().to_numpy()
    expected = VAR(data).fit(2, trend="c").fevd(4).decomp[:, -1, :]
    rows = {
        cells[0]: [float(x) for x in cells[1:]]
        for cells in map(str.split, out.splitlines())
        if cells[:1] == ["realgdp"]
    }
    rows |= {
        cells[0]: [float(x) for x in cells[1:]]
        for cells in map(str.split, out.splitlines())
        if cells[:1] == ["realcons"]
    }
    assert np.allclose([rows["realgdp"], rows["realcons"]], expected, atol=5e-5)  # printed to 4 decimals
    assert "impulse responses over 4 periods: in --json" in out


def test_report_writes_one_html_file(local_published, tmp_path, monkeypatch, capsys):
    target = tmp_path / "report.html"
    run = cli(local_published, "report", "0.0.1", "--out", str(target), run=cli_runner.run_process)  # from outside
    assert run.returncode == 0, run.stderr
    page = target.read_text()
    assert "VAR model var 0.0.1" in page and "Granger causality" in page and "Lag order selection" in page
    code, _, err = in_process(
        local_published,
        monkeypatch,
        capsys,
        "report",
        "0.0.1",
        "--out",
        str(tmp_path / "no" / "such" / "dir" / "r.html"),
    )
    assert code == 2 and "cannot write the report" in err


def test_a_report_that_cannot_be_written_whole_exits_1_and_keeps_the_one_before(
    local_published, tmp_path, monkeypatch, capsys
):
    if not Path("/dev/full").exists():
        pytest.fail("/dev/full is missing: this test needs a Linux machine")
    code, _, err = in_process(local_published, monkeypatch, capsys, "report", "0.0.1", "--out", "/dev/full")
    assert code == 1 and "cannot write the report to '/dev/full'" in err  # a full disk, as for stdout
    target = tmp_path / "out" / "report.html"
    target.parent.mkdir()
    target.write_text("the report of last week")
    target.chmod(0o644)

    def full_disk(*_args):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "replace", full_disk)  # the new report is written, then cannot take the old one's place
    code, _, err = in_process(local_published, monkeypatch, capsys, "report", "0.0.1", "--out", str(target))
    assert code == 1 and "is unchanged" in err
    assert target.read_text() == "the report of last week"
    assert [p.name for p in target.parent.iterdir()] == [target.name]  # no half-written file left beside it
    monkeypatch.undo()
    code, _, _ = in_process(local_published, monkeypatch, capsys, "report", "0.0.1", "--out", str(target))
    assert code == 0 and "VAR model var 0.0.1" in target.read_text() and target.stat().st_mode & 0o777 == 0o644


def test_report_has_the_forecast_and_the_impulse_responses_asked_for(local_published, tmp_path, monkeypatch, capsys):
    from varlib import column_format, diagnose, forecast_artifact, shared_formats

    artifact = Registry.from_settings(Settings(store_dir=local_published["VARLIB_STORE_DIR"])).load("var", "0.0.1")
    target = tmp_path / "defaults.html"
    code, _, _ = in_process(local_published, monkeypatch, capsys, "report", "0.0.1", "--out", str(target))
    page = target.read_text()
    assert code == 0 and "<h2>Forecast: 8 steps, 95% intervals</h2>" in page  # the defaults
    assert "<h2>Orthogonalised impulse responses, horizon 10</h2>" in page
    target = tmp_path / "chosen.html"
    args = ["--steps", "5", "--level", "80", "--irf-periods", "4", "--no-orth", "--out", str(target)]
    code, out, _ = in_process(local_published, monkeypatch, capsys, "report", "0.0.1", *args)
    page = target.read_text()
    assert code == 0 and "wrote" in out
    assert "<h2>Forecast: 5 steps, 80% intervals</h2>" in page and "Orthogonalised impulse" not in page
    assert "<h2>Plain impulse responses, horizon 4</h2>" in page
    result = forecast_artifact(artifact, 5, 0.2).forecast
    bounds = {"c": result.mean[:, 1], "c lower": result.lower[:, 1], "c upper": result.upper[:, 1]}  # realcons
    assert all(f"<td>{shared_formats(bounds, ['c'])['c'] % v}</td>" in page for v in bounds["c"])
    plain = diagnose(artifact, irf_periods=4).irf.plain[:, 1, 0]  # realcons' response to realgdp
    assert all(f"<td>{column_format(plain) % v}</td>" in page for v in plain)
    for bad, message in (("--level=120", "--level 120 must be a percentage"), ("--steps=0", "steps")):
        code, _, err = in_process(local_published, monkeypatch, capsys, "report", "0.0.1", bad, "--out", str(target))
        assert code == 2 and message in err, err


def test_backtest_command_matches_the_library(local_published, monkeypatch, capsys):
    from varlib.backtest import backtest

    code, out, _ = in_process(
        local_published, monkeypatch, capsys, "backtest", "0.0.1", "--origins", "3", "--horizon", "2", "--json"
    )
    assert code == 0
    body = json.loads(out)
    artifact = Registry.from_settings(Settings(store_dir=local_published["VARLIB_STORE_DIR"])).load("var", "0.0.1")
    expected = backtest(artifact, 3, 2).scores()
    rows = [(r["variable"], r["horizon"]) for r in body["scores"]]
    assert rows == list(zip(expected["variable"], expected["horizon"], strict=False))
    close([r["rmse"] for r in body["scores"]], expected["rmse"])
    close([r["mae_rw"] for r in body["scores"]], expected["mae_rw"])
    assert body["lag_orders"] == [2, 2, 2] and len(body["origins"]) == 3
    code, out, _ = in_process(local_published, monkeypatch, capsys, "backtest", "--origins", "2", "--horizon", "1")
    assert code == 0 and "rmse_rw" in out and "_rw: the random walk (no change); mape in percent" in out
    code, _, err = in_process(local_published, monkeypatch, capsys, "backtest", "--origins", "500")
    assert code == 2 and "origins 500" in err


def test_report_accumulated_gives_a_var_of_differences_its_levels_responses(
    local_published, tmp_path, monkeypatch, capsys
):
    from varlib import column_format, diagnose

    artifact = Registry.from_settings(Settings(store_dir=local_published["VARLIB_STORE_DIR"])).load("var", "0.0.1")
    target = tmp_path / "levels.html"
    code, _, err = in_process(
        local_published, monkeypatch, capsys, "report", "0.0.1", "--accumulated", "--out", str(target)
    )
    page = target.read_text()
    assert code == 0 and "<h2>Orthogonalised accumulated impulse responses of the levels, horizon 10</h2>" in page, err
    summed = diagnose(artifact).irf.values(orth=True, accumulated=True)[:, 1, 0]  # realcons' level after realgdp's
    assert all(f"<td>{column_format(summed) % v}</td>" in page for v in summed)
    levels = {**local_published, "VARLIB_STORE_DIR": str(tmp_path / "levels")}
    dataset = load_dataset(variables=VARIABLES[:2])
    result = train_model(dataset, ModelSpec(variables=tuple(VARIABLES[:2]), lags=2, holdout=0))
    publish_result(Registry.from_settings(Settings(store_dir=tmp_path / "levels", author="t")), result, "var")
    code, _, err = in_process(levels, monkeypatch, capsys, "report", "0.0.1", "--accumulated", "--out", str(target))
    assert code == 2 and "--accumulated sums a VAR of differences' responses into the levels'" in err
    assert "whose responses are of levels already: leave it out" in err
