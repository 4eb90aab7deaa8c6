"""The CLI's text output says what its JSON says: the exogenous path a VARX forecast assumed, a saved
scenario's paths as numbers (not Python reprs), which scenario an audit record saved; and `report` refuses a
--level that its --fan would not show."""

from __future__ import annotations

from pathlib import Path

import pytest

from varlib import Actor, InvalidInputError, ModelSpec, Registry, load_dataset, publish_result, train_model
from varlib.cli import main


@pytest.fixture
def varx_store(local_settings, monkeypatch, tmp_path) -> Registry:
    registry = Registry.from_settings(local_settings)
    dataset = load_dataset(variables=["realgdp", "realcons", "realint"])
    spec = ModelSpec(variables=("realgdp", "realcons"), exog=("realint",), lags=2)
    publish_result(registry, train_model(dataset, spec), "varx")
    for key in ("MINIO_ENDPOINT", "MINIO_BUCKET", "VARLIB_READ_ONLY"):
        monkeypatch.delenv(key, raising=False)
    monkeypatch.setenv("VARLIB_STORE_DIR", str(local_settings.store_dir))
    monkeypatch.setenv("VARLIB_AUTHOR", "tester")
    (tmp_path / "rate.csv").write_text("date,realint\n2009-10-01,1.5\n2010-01-01,2\n2010-04-01,2.25\n")
    (tmp_path / "gdp.csv").write_text("step,realgdp\n2,13100\n")
    return registry


def run(capsys, *argv):
    code = main([str(arg) for arg in argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_a_varx_forecast_names_its_exogenous_path(varx_store, capsys, tmp_path):
    code, out, err = run(capsys, "forecast", "--steps", "3", "--exog-csv", tmp_path / "rate.csv")
    assert (code, err) == (0, "")
    assert out.splitlines()[1] == "  exogenous: realint = 1.5, 2, 2.25 (2009Q4 to 2010Q2)"


def test_scenario_show_and_history_print_the_scenario_plainly(varx_store, capsys, tmp_path):
    saved = run(
        capsys, "scenario", "save", "dip", "--steps", "3", "--exog-csv", tmp_path / "rate.csv",
        "--conditions-csv", tmp_path / "gdp.csv",
    )  # fmt: skip
    assert saved[0] == 0, saved[2]
    code, out, _ = run(capsys, "scenario", "show", "dip")
    fields = {line.split(":", 1)[0].strip(): line.split(":", 1)[1].strip() for line in out.splitlines()}
    assert code == 0
    assert fields["exog"] == "realint: 1.5, 2, 2.25"
    assert fields["conditions"] == "realgdp: –, 13100, –"  # the mark of nothing in every listing
    assert fields["lag_inputs"] == "–" and fields["notes"] == "–"  # none given: the mark, as `varlib show` prints it
    assert fields["actor"].startswith("tester (") and "{" not in out and "None" not in out
    code, out, _ = run(capsys, "history")
    header, saved_row = out.splitlines()[:2]
    assert code == 0 and "scenario" in header.split() and "dip" in saved_row.split()


def test_a_report_refuses_a_level_its_fan_would_not_show(varx_store, capsys, tmp_path):
    code, out, err = run(capsys, "report", "--fan", "30,60", "--level", "95", "--out", tmp_path / "r.html")
    assert (code, out) == (2, "")
    assert "--fan 30,60 draws the forecast at its own levels, so --level 95 would not be shown" in err
    assert not (tmp_path / "r.html").exists()


def test_a_varx_report_refuses_forecast_options_it_would_not_show_and_marks_a_withdrawal(varx_store, capsys, tmp_path):
    code, _, err = run(capsys, "report", "--steps", "12", "--fan", "30,60", "--out", tmp_path / "r.html")
    assert code == 2 and "varx 0.0.1 has exogenous variables, so its report has a forecast only of a saved" in err
    assert "--steps, --fan would not be shown" in err and not (tmp_path / "r.html").exists()
    varx_store.withdraw("varx", "0.0.1", "wrong rate series", Actor.local("tester"))
    code, _, err = run(capsys, "report", "0.0.1", "--out", tmp_path / "r.html")
    page = (tmp_path / "r.html").read_text()
    assert code == 0 and "warning: varx 0.0.1 was withdrawn" in err
    assert "varx 0.0.1 was withdrawn on" in page and "wrong rate series" in page


def test_train_says_when_the_holdout_was_scored_with_another_lag_order(varx_store, capsys, tmp_path):
    """AIC picks 5 lags on all 92 rows of Lütkepohl's e1 data and 1 on the rows before the holdout: the scores
    printed are a VAR(1)'s, which the text and the JSON now say (the page said it; the CLI did not)."""
    import json
    from pathlib import Path

    import pandas as pd
    from statsmodels.tsa.vector_ar.tests import results as jmulti_results

    frame = pd.read_csv(Path(jmulti_results.__file__).parent / "e1.dat", skiprows=6, sep=r"\s+")
    frame.index = pd.date_range("1960-01-01", periods=len(frame), freq="QS")
    frame.rename_axis("date").to_csv(tmp_path / "e1.csv")
    argv = ("train", "--csv", tmp_path / "e1.csv", "--vars", "invest,income")
    code, out, _ = run(capsys, *argv)
    assert code == 0
    said = "holdout (9 rows; scored with a VAR(1), the order chosen on the rows before them, not the trained VAR(5)):"
    assert said in out
    code, out, _ = run(capsys, *argv, "--json")
    assert code == 0 and (json.loads(out)["k_ar"], json.loads(out)["holdout_k_ar"]) == (5, 1)


def test_train_prints_the_unit_root_advice_the_train_page_shows(varx_store, capsys):
    code, out, _ = run(capsys, "train", "--vars", "realgdp,realcons")
    line = next(x for x in out.splitlines() if x.startswith("unit roots: "))
    said = "realgdp, realcons look integrated (a unit root): difference them (transform `logdiff`, or `diff`"
    assert code == 0 and said in line
    code, out, _ = run(capsys, "train", "--vars", "realgdp,realcons", "--transform", "logdiff")
    assert code == 0 and "unit roots:" not in out  # advised what it trained
    code, out, _ = run(capsys, "train", "--vars", "realgdp,realcons", "--json")
    assert code == 0 and "(transform `logdiff`, or `diff`" in __import__("json").loads(out)["unit_root_advice"]


def test_train_names_the_span_it_trained_on(varx_store, capsys):
    """`--end` past the data's last period moves nothing: the line says which periods were used."""
    examples = Path(__file__).resolve().parents[2] / "examples" / "us-macro.csv"
    code, out, _ = run(capsys, "train", "--csv", examples, "--start", "1990Q1", "--end", "2019-10-01", "--lags", "1")
    assert code == 0 and "quarterly 1990Q1 to 2009Q3 (79 rows)" in out.splitlines()[0], out


def test_show_and_train_json_name_the_span_trained_on(varx_store, capsys):
    """The rows and the first and last period, as the train line names them, for people and programs."""
    code, out, _ = run(capsys, "show", "0.0.1", "--name", "varx")
    assert code == 0 and "span: rows 203, first 1959Q1, last 2009Q3" in out, out
    code, out, _ = run(capsys, "show", "0.0.1", "--name", "varx", "--json")
    assert code == 0 and __import__("json").loads(out)["span"] == {"rows": 203, "first": "1959Q1", "last": "2009Q3"}
    code, out, _ = run(capsys, "train", "--start", "1990Q1", "--end", "2000Q4", "--lags", "1", "--json")
    assert code == 0 and __import__("json").loads(out)["span"] == {"rows": 44, "first": "1990Q1", "last": "2000Q4"}


def test_train_and_diagnose_test_cointegration_at_the_same_order(varx_store, capsys):
    # a VAR(3): diagnose tests with 2 lagged differences; train tested with 1 and advised the opposite
    code, out, _ = run(capsys, "train", "--vars", "realcons,realdpi", "--lags", "3", "--name", "cd", "--publish")
    trained = next(x for x in out.splitlines() if x.startswith("unit roots: "))
    assert code == 0 and "2 lagged differences" in trained
    code, out, _ = run(capsys, "diagnose", "--name", "cd")
    assert code == 0 and "2 lagged differences" in out
    said = "finds 1 cointegrating relation" if "finds 1 cointegrating relation" in out else "finds no cointegrating"
    assert said in trained


def test_lag_inputs_without_dates_say_where_they_are_taken_to_sit(varx_store, capsys, tmp_path):
    undated = tmp_path / "undated.csv"
    undated.write_text("realgdp,realcons\n12000,8000\n12100,8050\n")  # the VARX(2) needs two rows
    code, out, err = run(capsys, "forecast", "--steps", "3", "--exog-csv", tmp_path / "rate.csv", "--lags-csv", undated)
    assert code == 0 and out.splitlines()[1].endswith("(2009Q4 to 2010Q2)")
    assert err.startswith(f"note: {undated} has no dates, so its rows stand for the training data's last periods")
    assert "(2009Q2 to 2009Q3)" in err and "add a date column" in err
    dated = tmp_path / "dated.csv"
    dated.write_text("date,realgdp,realcons\n2009-04-01,12000,8000\n2009-07-01,12100,8050\n")
    code, _, err = run(capsys, "forecast", "--steps", "3", "--exog-csv", tmp_path / "rate.csv", "--lags-csv", dated)
    assert (code, err) == (0, "")  # dated rows say where they sit themselves


def test_an_alias_written_without_its_at_is_told_the_at(varx_store, capsys):
    varx_store.set_alias("varx", "champion", "0.0.1")
    code, _, err = run(capsys, "forecast", "champion", "--name", "varx")
    assert code == 2 and err.strip().endswith("; did you mean @champion, the alias of varx that points at 0.0.1?")
    code, _, err = run(capsys, "forecast", "champ", "--name", "varx")
    assert code == 2 and "did you mean" not in err  # no alias of that name: the refusal alone
    with pytest.raises(InvalidInputError, match="did you mean @champion"):  # the REST service's and pages' path
        varx_store.resolve("varx", "champion")


def test_a_forecast_prints_each_variable_in_one_format(local_settings, monkeypatch, capsys):
    # tbilrate's forecast is near 0.07 and its bounds near ±2: alone, its column turned scientific (6.46876e-02)
    registry = Registry.from_settings(local_settings)
    spec = ModelSpec(variables=("infl", "tbilrate"), transform="diff", lags=2)
    publish_result(registry, train_model(load_dataset(variables=list(spec.variables)), spec), "rates")
    monkeypatch.delenv("MINIO_ENDPOINT", raising=False)
    monkeypatch.setenv("VARLIB_STORE_DIR", str(local_settings.store_dir))
    code, out, err = run(capsys, "forecast", "--name", "rates", "--steps", "3")
    assert (code, err) == (0, "")
    first = out.splitlines()[4].split()  # date, then mean, lower and upper of infl, then of tbilrate
    assert "e" not in "".join(first[1:])
    decimals = [len(cell.split(".")[1]) for cell in first[1:]]
    assert decimals[0] == decimals[1] == decimals[2] and decimals[3] == decimals[4] == decimals[5]


def _two_ar1(path: Path, seed: int, a_at, b_at) -> Path:
    """80 quarters of two AR(1) series (coefficient 0.5) placed by `a_at(t, x)` and `b_at(t, x)`, as a CSV."""
    import numpy as np

    rng, rows, a, b = np.random.default_rng(seed), [], 0.0, 0.0
    for t in range(80):
        a, b = 0.5 * a + rng.normal(), 0.5 * b + rng.normal()
        rows.append(f"{1990 + t // 4}Q{t % 4 + 1},{a_at(t, a):.4f},{b_at(t, b):.4f}\n")
    path.write_text("date,a,b\n" + "".join(rows))
    return path


def test_train_advises_the_trend_that_series_stationary_around_one_need(varx_store, capsys, tmp_path):
    """Levels with trend `c` of series stationary only around a trend: `diagnose` advised `--trend ct`, `train`
    said nothing (it compared transforms only), and chose 7 lags to imitate the trend."""
    trending = _two_ar1(tmp_path / "trending.csv", 2, lambda t, x: x + 0.3 * t, lambda t, x: x - 0.1 * t)
    code, out, _ = run(capsys, "train", "--csv", trending)
    assert code == 0 and "unit roots: Every variable looks stationary around a linear trend" in out, out
    code, out, _ = run(capsys, "train", "--csv", trending, "--trend", "ct")
    assert code == 0 and "unit roots:" not in out, out


def test_train_and_diagnose_say_when_a_trend_is_not_due(varx_store, capsys, tmp_path):
    """Trend `ct` on series stationary around a constant: neither `train` nor `diagnose` said a word, though a
    linear trend the series do not have drifts every forecast."""
    flat = _two_ar1(tmp_path / "flat.csv", 7, lambda t, x: 10 + x, lambda t, x: 20 + x)
    train = ["train", "--csv", flat, "--name", "flat"]
    code, out, _ = run(capsys, *train, "--trend", "ct", "--publish")
    assert code == 0 and "unit roots: Every variable looks stationary around a constant" in out, out
    code, out, _ = run(capsys, "diagnose", "--name", "flat", "latest")
    assert "This version models the levels with a linear trend (trend `ct`), which the tests do not call for" in out
    code, out, _ = run(capsys, *train)
    assert code == 0 and "unit roots:" not in out, out


def test_echoed_paths_keep_every_digit_given(varx_store, capsys, tmp_path):
    # `{x:g}` kept six digits: a condition of 13123.4567 read 13123.5, and 12,352,022.44 read 1.2352e+07
    (tmp_path / "exact.csv").write_text("step,realgdp\n2,13123.4567\n")
    (tmp_path / "rates.csv").write_text("date,realint\n2009-10-01,1.234567\n2010-01-01,2\n2010-04-01,12352022.44\n")
    code, out, _ = run(
        capsys,
        "forecast",
        "--steps",
        "3",
        "--exog-csv",
        tmp_path / "rates.csv",
        "--conditions-csv",
        tmp_path / "exact.csv",
    )
    assert code == 0
    assert "  conditioned: realgdp = 13123.4567 at 2010Q1" in out.splitlines()
    assert "  exogenous: realint = 1.234567, 2, 12352022.44 (2009Q4 to 2010Q2)" in out.splitlines()
