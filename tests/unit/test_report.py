"""The HTML report: one self-contained file with the card, the diagnostics tables and the charts."""

import re

import plotly.graph_objects as go
import pytest

from varlib import ModelSpec, column_format, load_dataset, shared_formats, utc_time
from varlib.artifact import build_artifact
from varlib.backtest import backtest
from varlib.diagnostics import diagnose
from varlib.report import render_report
from varlib.service import forecast_artifact
from varlib.training import train


@pytest.fixture(scope="module")
def artifact():
    dataset = load_dataset(variables=["realgdp", "realcons"])
    spec = ModelSpec(variables=("realgdp", "realcons"), transform="logdiff", max_lags=6)
    return build_artifact(train(dataset, spec), "var", "tester", notes="<script>alert(1)</script> growth model")


def test_tables_are_all_there(artifact):
    diag = diagnose(artifact)
    page = render_report(artifact, diag, backtest=backtest(artifact, origins=2, horizon=2))
    assert page.startswith("<!DOCTYPE html>") and page.rstrip().endswith("</html>")
    for heading in (
        "Model card",
        "Holdout",
        "Lag order selection",
        "Stability",
        "Residual tests",
        "Granger causality",
        "Instantaneous causality",
        "Equation realgdp",
        "Equation realcons",
        "Variance decomposition",
        "Backtest",
    ):
        assert heading in page, heading
    assert page.count("class='chosen'") == 4  # one mark per criterion
    arch = diag.arch.labelled(diag.variables)
    tests = [
        diag.whiteness_adjusted,
        diag.whiteness,
        diag.normality,
        *diag.normality_by_variable,
        *(t for _, t in arch),
    ]
    fmt = column_format([t.statistic for t in tests])  # one format for the whole statistic column
    assert all(f"<th>{label}</th>" in page and f"<td>{fmt % t.statistic}</td>" in page for label, t in arch)
    assert diag.arch.verdict.split(":")[0] in page  # its verdict below the table
    assert f"<td>{fmt % diag.whiteness.statistic}</td>" in page
    assert f"<td>{fmt % diag.whiteness_adjusted.statistic}</td>" in page
    assert "portmanteau, adjusted (as R vars and JMulTi print it), 10 lags" in page
    assert "realgdp → realcons" in page and "realcons → realgdp" in page  # K = 2: pairs only, once each
    assert "Unit roots and cointegration" in page and "log levels of the training data" in page
    assert "checks at training time" in page
    assert "<script>alert(1)</script>" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "<script" not in page  # no plotly figures given: no script at all
    assert "Orthogonalised impulse responses, horizon 10" in page  # the defaults
    assert "Forecast:" not in page  # no forecast given


def test_headers_name_the_rows_in_their_corner_and_the_card_has_none(artifact):
    forecast = forecast_artifact(artifact, 4, 0.1)
    checks = backtest(artifact, origins=2, horizon=2)
    page = render_report(artifact, diagnose(artifact), backtest=checks, forecast=forecast)
    heads = [re.findall(r"<tr[^>]*>(.*?)</tr>", head, re.S) for head in re.findall(r"<thead>(.*?)</thead>", page, re.S)]
    corners = [re.findall(r"<th[^>]*>(.*?)</th>", rows[0])[0] for rows in heads]
    assert {"lag", "period", "test", "regressor"} <= set(corners)
    assert [len(rows) for rows in heads].count(2) == 1  # the backtest's: its rows have two names (variable, horizon)
    card = page[page.index("<h2>Model card</h2>") : page.index("</table>")]
    assert "<thead>" not in card and "<th>created</th>" in card  # names and values: no header row over them
    lag_order = page[page.index("<h2>Lag order selection</h2>") :]
    head = lag_order[lag_order.index("<thead>") : lag_order.index("</thead>")]
    assert re.findall(r"<th[^>]*>(.*?)</th>", head) == ["lag", "AIC", "BIC", "HQIC", "FPE"]


def test_times_read_as_everywhere_else_in_the_product(artifact):
    page = render_report(artifact, diagnose(artifact))
    created = re.search(r"<th>created</th>\s*<td>(.*?)</td>", page, flags=re.S)
    assert created is not None and artifact.created_at.endswith("Z")
    assert created.group(1) == utc_time(artifact.created_at)  # `2026-11-30 03:42:03 UTC`, not the stored ISO stamp
    generated = re.search(r"Generated (.*?) by varlib", page)
    assert generated is not None and re.fullmatch(r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC", generated.group(1))


def test_charts_are_embedded_with_plotly_inline_once(artifact):
    figures = [("Roots", go.Figure(go.Scatter(x=[0, 1], y=[1, 0]))), ("FEVD", go.Figure(go.Bar(y=[1, 2])))]
    page = render_report(artifact, diagnose(artifact), figures)
    assert "<h3>Roots</h3>" in page and "<h3>FEVD</h3>" in page
    assert page.count("Plotly.newPlot") == 2
    assert len(re.findall(r"plotly\.js v\d", page)) == 1  # the library itself, once
    assert not re.search(r"<script[^>]+src=", page)  # nothing fetched from a network


def _cells(page: str, heading: str) -> list[list[str]]:
    """The body rows of the first table after `heading`, as cell texts (index first)."""
    section = page[page.index(heading) :]
    body = section[section.index("<tbody>") : section.index("</tbody>")]
    rows = re.findall(r"<tr>(.*?)</tr>", body, flags=re.S)
    return [re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", row, flags=re.S) for row in rows]


def test_the_forecast_is_drawn_with_its_band_and_tabled_by_period(artifact):
    forecast = forecast_artifact(artifact, 12, 0.1)
    page = render_report(artifact, diagnose(artifact), forecast=forecast, fan=())  # no fan section (own tests)
    assert "<h2>Forecast: 12 steps, 90% intervals</h2>" in page
    assert "median in levels" in page  # a logdiff model's line is the median
    assert page.count("<svg") == 2 + 4  # a forecast chart per variable, a 2 x 2 impulse-response grid
    chart = page[page.index("aria-label='realgdp'") :]
    chart = chart[: chart.index("</svg>")]
    assert "<polygon" in chart and "90% interval" in chart  # the band and its legend
    assert "<title>median 2009Q4: " in chart and "(90%: " in chart  # hover: the period, the value and the band
    rows = _cells(page, "<h2>Forecast:")
    assert [r[0] for r in rows[:2]] == ["2009Q4", "2010Q1"] and len(rows) == 12
    result = forecast.forecast
    mean = result.mean[:, 0]
    fmt = shared_formats({"m": mean, "m lower": result.lower[:, 0], "m upper": result.upper[:, 0]}, ["m"])["m"]
    assert [r[1] for r in rows] == [fmt % v for v in mean]  # realgdp median, the Forecast page's format
    assert "<script" not in page and not re.search(r"(src|href)=['\"]?https?:", page)  # nothing to fetch


@pytest.mark.parametrize("orth", [True, False])
def test_the_impulse_responses_follow_the_choice_of_kind_and_horizon(artifact, orth):
    diag = diagnose(artifact, irf_periods=6)
    page = render_report(artifact, diag, orth=orth)
    kind = "Orthogonalised" if orth else "Plain"
    assert f"<h2>{kind} impulse responses, horizon 6</h2>" in page
    rows = _cells(page, f"<h2>{kind} impulse responses")
    assert [r[0] for r in rows] == [str(h) for h in range(7)]
    values = diag.irf.orth if orth else diag.irf.plain
    column = values[:, 0, 1]  # the response of realgdp to realcons: the table's second column
    assert [r[2] for r in rows] == [column_format(column) % v for v in column]
    other = "Plain" if orth else "Orthogonalised"
    assert f"{other} impulse responses" not in page


def test_the_librarys_code_marks_read_as_code_and_notes_stay_text():
    """A VAR in levels: its stability verdict and the unit-root advice name transforms in `backticks`."""
    dataset = load_dataset(variables=["realgdp", "realcons"])
    levels = build_artifact(train(dataset, ModelSpec(variables=("realgdp", "realcons"))), "var", "t", notes="`x` *y*")
    page = render_report(levels, diagnose(levels))
    assert "A <code>diff</code> or <code>logdiff</code> transform" in page
    assert "`" not in page.replace("`x` *y*", "")  # only the notes keep theirs, as typed
    assert "<code>x</code>" not in page


def test_a_mape_left_out_is_explained_under_the_holdout_and_the_backtest(artifact):
    """realinv's change crosses zero: no MAPE for it, and a sentence saying why; levels keep theirs."""
    dataset = load_dataset(variables=["realgdp", "realinv"])
    frame = dataset.frame.assign(realinv=dataset.frame["realinv"].diff()).iloc[1:]
    changes = type(dataset)("changes", frame, "0" * 64, frequency=dataset.frequency)
    version = build_artifact(train(changes, ModelSpec(variables=("realgdp", "realinv"), lags=2)), "var", "t")
    assert version.evaluation["metrics"]["realinv"]["mape"] is None
    page = render_report(version, diagnose(version), backtest=backtest(version, origins=4, horizon=2))
    assert page.count("MAPE is left out where a variable&#x27;s values are not all of one sign, or where") == 2
    assert "MAPE is left out" not in render_report(artifact, diagnose(artifact))


def test_a_varxs_holdout_and_backtest_say_they_were_given_the_observed_exogenous_path(artifact):
    dataset = load_dataset(variables=["realgdp", "realcons", "unemp"])
    spec = ModelSpec(variables=("realgdp", "realcons"), exog=("unemp",), lags=2)
    version = build_artifact(train(dataset, spec), "varx", "t")
    page = render_report(version, diagnose(version), backtest=backtest(version, origins=3, horizon=2))
    assert page.count("The exogenous variable unemp took its observed values over the scored periods") == 2
    plain = render_report(artifact, diagnose(artifact), backtest=backtest(artifact, 2, 1))
    assert "The exogenous variable" not in plain


def test_the_stability_table_prints_moduli_as_the_verdict_does():
    """A VAR in levels has a modulus just above one: at four significant digits it read 1.004 beside the
    verdict's 1.0043."""
    dataset = load_dataset(variables=["realgdp", "realcons", "realinv"])
    levels = build_artifact(train(dataset, ModelSpec(variables=tuple(dataset.variables), lags=4)), "var", "tester")
    diag = diagnose(levels)
    largest = f"{max(diag.stability.moduli):.4f}"
    assert largest.startswith("1.00") and largest in diag.stability.verdict
    assert f"<td>{largest}</td>" in render_report(levels, diag)


def test_the_johansen_heading_names_the_series_tested_and_counts_its_lags_in_words():
    dataset = load_dataset(variables=["realgdp", "realcons"])
    levels = build_artifact(train(dataset, ModelSpec(variables=("realgdp", "realcons"), lags=2)), "var", "t")
    page = render_report(levels, diagnose(levels))
    assert "<h3>Johansen trace test (log levels, constant, 1 lagged difference): rank" in page
