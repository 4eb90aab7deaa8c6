"""The report as a person reads it: a table of contents links to every section, a VARX is named a VARX and its card
lists its exogenous variables, the impulse responses' caption is true on paper too, where the grid's panels wrap two
to a line, each training check starts a line of its own and the variance decomposition says what its table holds."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest

from varlib import ModelSpec, load_dataset
from varlib.artifact import build_artifact
from varlib.diagnostics import diagnose
from varlib.report import render_report
from varlib.training import train
from varlib.versions import parse_version

MACRO = ("realgdp", "realcons", "realinv")


@pytest.fixture(scope="module")
def three():
    dataset = load_dataset(variables=list(MACRO))
    artifact = build_artifact(train(dataset, ModelSpec(variables=MACRO, lags=2, holdout=0)), "three", "tester")
    return replace(artifact, version=parse_version("0.0.1"))


def test_the_contents_link_to_every_section_in_order(three):
    page = render_report(three, diagnose(three, irf_periods=3))
    nav = re.search(r"<nav class='contents'>(.*?)</nav>", page, re.S)[1]
    links = re.findall(r"<li><a href='#([^']+)'>(.*?)</a></li>", nav)
    body = page[page.index("</nav>") :]
    sections = re.findall(r"<section id='([^']+)'>\s*<h2>(.*?)</h2>", body)
    assert links == sections and len(links) == body.count("<h2>") >= 8
    assert links[0][1] == "Model card" and len({anchor for anchor, _ in links}) == len(links)
    assert page.index("<nav class='contents'>") < page.index("<h2>Model card</h2>")


def test_a_varx_is_named_a_varx():
    dataset = load_dataset(variables=["realgdp", "realcons", "realint"])
    spec = ModelSpec(variables=("realgdp", "realcons"), exog=("realint",), lags=2, holdout=0)
    varx = replace(build_artifact(train(dataset, spec), "varx", "tester"), version=parse_version("0.0.1"))
    page = render_report(varx, diagnose(varx, irf_periods=2))
    assert "<h1>VARX model varx 0.0.1</h1>" in page and "VAR model" not in page
    assert "<th>exogenous</th>\n      <td>realint</td>" in page
    assert "<td>VARX(2) in levels, trend c, exogenous realint</td>" in page  # the card's model line


def test_the_impulse_responses_caption_claims_rows_only_on_screen(three):
    page = render_report(three, diagnose(three, irf_periods=3))
    caption = re.search(r"impulse responses, horizon 3</h2>\s*<p class='keep'>(.*?)</p>", page, re.S)[1]
    printed = re.sub(r"<span class='screen'>.*?</span>", "", caption)  # print hides span.screen
    assert "Each panel is titled impulse → response" in printed and "row" not in printed.lower()
    assert "a row of the grid each" in caption
    style = page[page.index("@media print") :]
    assert "span.screen{display:none}" in style


def test_each_training_check_starts_a_line_and_the_variance_shares_are_explained(three):
    page = render_report(three, diagnose(three, irf_periods=3))
    cell = re.search(r"<th>checks at training time</th>\s*<td>(.*?)</td>", page, re.S)[1]
    lines = cell.split("<br>")
    assert [line.split(":")[0] for line in lines] == [c["name"] for c in three.adequacy["checks"]]
    shares = page[page.index("<h2>Variance decomposition at horizon 3</h2>") :]
    assert shares.index("a row sums to 1") < shares.index("<table")
    assert "Each row: the shares of that variable's 3-step forecast-error variance due to each shock" in shares
