"""The report says what the pages say: a withdrawn version is marked at the top, a holdout scored with another
lag order says so, failed checks stand out, every eigenvalue is listed as the Diagnostics page lists them,
degrees of freedom read as two numbers, a scenario's given values, notes and author are in the file, a VARX
without a scenario says why it has no forecast, and wide tables scroll instead of leaving the page."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest

from varlib import Actor, ModelSpec, Withdrawal, forecast_artifact, load_dataset, make_scenario
from varlib.artifact import build_artifact
from varlib.diagnostics import diagnose
from varlib.report import render_report
from varlib.scenario_forecast import forecast_scenario
from varlib.training import train
from varlib.versions import parse_version

MACRO = ["realgdp", "realcons", "realinv"]


@pytest.fixture(scope="module")
def big():
    """A VAR(8) of three variables: 24 eigenvalues."""
    dataset = load_dataset(variables=MACRO)
    result = train(dataset, ModelSpec(variables=tuple(MACRO), lags=8))
    return replace(build_artifact(result, "big", "tester"), version=parse_version("0.0.2"))


def test_every_eigenvalue_is_listed_numbered_from_one_and_never_minus_zero(big):
    page = render_report(big, diagnose(big))
    section = page[page.index("<h2>Stability</h2>") : page.index("<h2>Residual tests</h2>")]
    numbers = [int(n) for n in re.findall(r"<th>(\d+)</th>", section)]
    assert numbers == list(range(1, 25)) and "-0.0000" not in section


def test_degrees_of_freedom_read_as_two_numbers(big):
    page = render_report(big, diagnose(big))
    assert re.search(r"<td>\d+, \d+</td>", page) and not re.search(r"<td>\d+,\d{3}</td>", page)


def test_a_withdrawn_version_says_so_at_the_top_and_failed_checks_stand_out(big):
    gone = Withdrawal("big", parse_version("0.0.2"), "trained on the wrong file", "2026-11-30T03:42:03Z",
                      Actor("Publisher", "sub-1"))  # fmt: skip
    page = render_report(big, diagnose(big), withdrawal=gone)
    top = page[: page.index("<h2>Model card</h2>")]
    assert "big 0.0.2 was withdrawn on 2026-11-30 03:42:03 UTC by Publisher" in top
    assert "trained on the wrong file" in top and "banner" in top
    failed = [c["name"] for c in big.adequacy["checks"] if not c["ok"]]
    assert failed and f"<p class='bad'>Failed at training time: {failed[0]}" in page


def test_a_withdrawn_versions_title_says_so_and_its_banner_shows_no_markdown(big):
    """The title heads every page a browser prints, so a page read on its own still says withdrawn; the banner is
    HTML, where `latest` in backticks showed its backticks."""
    gone = Withdrawal("big", parse_version("0.0.2"), "wrong file", "2026-11-30T03:42:03Z", Actor("Publisher", "sub-1"))
    page = render_report(big, diagnose(big, irf_periods=2), withdrawal=gone)
    assert "<title>big 0.0.2 report (withdrawn)</title>" in page and "<h1>VAR model big 0.0.2 (withdrawn)</h1>" in page
    banner = re.search(r"<p class='banner bad'>(.*?)</p>", page)[1]
    assert "<code>latest</code> and aliases never use it" in banner and "`" not in banner
    kept = render_report(big, diagnose(big, irf_periods=2))
    assert "withdrawn" not in kept and "<title>big 0.0.2 report</title>" in kept


def test_a_holdout_scored_with_another_order_says_so(big):
    other = replace(big, evaluation={**big.evaluation, "k_ar": 2})
    assert "Holdout (" in (page := render_report(other, diagnose(big)))
    assert "scored with a VAR(2)" in page
    assert "scored with" not in render_report(big, diagnose(big))


def test_the_holdout_scores_are_headed_as_on_the_pages(big):
    page = render_report(big, diagnose(big))
    section = page[page.index("<h3>Holdout (") :]
    heads = re.findall(r"<th>([^<]*)</th>", section[: section.index("</thead>")])
    assert heads[-3:] == ["RMSE", "MAE", "MAPE %"]


def test_a_scenarios_given_values_notes_and_author_are_in_the_file():
    dataset = load_dataset(variables=["realgdp", "realcons", "realint"])
    spec = ModelSpec(variables=("realgdp", "realcons"), exog=("realint",), lags=2)
    varx = replace(build_artifact(train(dataset, spec), "varx", "tester"), version=parse_version("0.0.1"))
    made = make_scenario(varx, "dip", 3, exog={"realint": [2.0, 2.5, 1.5]}, conditions={"realgdp": [13000.0]},
                         notes="Rate held, GDP dips")  # fmt: skip
    saved = replace(made, actor=Actor("Analyst", "sub-2"))
    page = render_report(varx, diagnose(varx), forecast=forecast_scenario(varx, saved), scenario=saved)
    assert "Saved by Analyst on" in page and "Rate held, GDP dips" in page
    given = page[page.index("<h3>The scenario's given values</h3>") :]
    assert "realint (exogenous)" in given and "realgdp (condition)" in given
    assert all(f"<td>{v}</td>" in given for v in ("2.000", "2.500", "1.500", "13000"))  # one format per column
    assert "Conditioned on realgdp" in page  # the variable keeps its case
    plain = render_report(varx, diagnose(varx))
    assert "No forecast section: varx 0.0.1 has exogenous variables (realint)" in plain
    assert "<div class='wide'><table" in plain


def test_a_fans_legend_tells_its_layers_apart_and_one_step_is_one_step(big):
    one = forecast_artifact(big, 1)
    page = render_report(big, diagnose(big), forecast=one, fan=(30, 60, 90))
    assert "<h2>Forecast: 1 step, 30%, 60%, 90% fan</h2>" in page
    chart = page[page.index("<svg") : page.index("</svg>")]
    swatches = re.findall(r"<rect x='[\d.]+' y='8' width='16' height='10' fill='([^']+)'/>", chart)
    assert len(swatches) == 3 and len(set(swatches)) == 3  # the same colour three times told nothing
    assert "<td>8, fixed</td>" in page  # not "8 (fixed)"


def test_tables_are_headed_and_scoped_in_words_never_by_internal_names(big):
    """The Granger scope printed `one_to_others` and the coefficient tables `p_normal`, which the page words."""
    page = render_report(big, diagnose(big))
    assert "one_to_others" not in page and "others_to_one" not in page and "p_normal" not in page
    assert "<td>one → all others</td>" in page and "<td>all others → one</td>" in page
    assert page.count("<th>p normal</th>") == 3 and "p normal: the asymptotic normal p-value" in page


def test_a_version_without_notes_has_no_empty_notes_row_and_the_printed_page_keeps_a_margin(big):
    """An empty `notes` row read as notes lost; a PDF printed without a dialog ran to the paper's edge."""
    assert big.notes == "" and "<th>notes</th>" not in render_report(big, diagnose(big))
    noted = render_report(replace(big, notes="first cut"), diagnose(big))
    assert re.search(r"<th>notes</th>\s*<td>first cut</td>", noted) and "@page{margin:14mm}" in noted
