"""The HTML report: one self-contained file with the card, the diagnostics tables and the charts."""

import re

import plotly.graph_objects as go
import pytest

from varlib import ModelSpec, load_dataset
from varlib.artifact import build_artifact
from varlib.backtest import backtest
from varlib.diagnostics import diagnose
from varlib.report import render_report
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
    assert f"{diag.whiteness.statistic:.6g}" in page and f"{diag.whiteness_adjusted.statistic:.6g}" in page
    assert "portmanteau, adjusted (as R vars and JMulTi print it), 10 lags" in page
    assert "realgdp -&gt; realcons" in page and "realcons -&gt; realgdp" in page  # K = 2: pairs only, once each
    assert "Unit roots and cointegration" in page and "log levels of the training data" in page
    assert "checks at training time" in page
    assert "<script>alert(1)</script>" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "<script" not in page  # no charts given: no script at all


def test_charts_are_embedded_with_plotly_inline_once(artifact):
    figures = [("Roots", go.Figure(go.Scatter(x=[0, 1], y=[1, 0]))), ("FEVD", go.Figure(go.Bar(y=[1, 2])))]
    page = render_report(artifact, diagnose(artifact), figures)
    assert "<h2>Roots</h2>" in page and "<h2>FEVD</h2>" in page
    assert page.count("Plotly.newPlot") == 2
    assert len(re.findall(r"plotly\.js v\d", page)) == 1  # the library itself, once
    assert not re.search(r"<script[^>]+src=", page)  # nothing fetched from a network
