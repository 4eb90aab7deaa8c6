"""The Diagnostics page's HTML report is named after what it holds, as the forecast's files are: two reports of
one version with different forecasts or impulse responses never share a name."""

from __future__ import annotations

from tests.app.conftest import errors, open_app
from ui import store
from varlib import make_scenario

DIAG = "views/diagnostics.py"
REPORT = {"model": "var", "version": "0.0.1", "tab": "report"}
LABEL = "Download HTML report"


def test_the_reports_name_follows_its_forecast_and_impulse_responses(seeded, downloads):
    at = open_app(REPORT, page=DIAG)
    assert downloads.names[LABEL] == "var-0.0.1-report-8-steps-95pct-standard-irf-orthogonalised-10.html"
    at.number_input(key="dg_report_steps").set_value(5)
    at.segmented_control(key="dg_report_level").set_value(80).run()
    assert not at.exception and errors(at) == ""
    assert downloads.names[LABEL] == "var-0.0.1-report-5-steps-80pct-standard-irf-orthogonalised-10.html"
    at.multiselect(key="dg_report_fan").set_value([80, 50]).run()
    assert downloads.names[LABEL] == "var-0.0.1-report-5-steps-50-80pct-standard-irf-orthogonalised-10.html"


def test_a_link_with_plain_responses_and_a_scenario_names_both(seeded, downloads):
    seeded.save_scenario(make_scenario(seeded.load("var", "0.0.1"), "dip", 6, alpha=0.2))
    store.refresh()
    open_app({**REPORT, "irf": "plain", "irf_periods": 6, "scenario": "dip"}, page=DIAG)
    assert "<h2>Plain impulse responses, horizon 6</h2>" in downloads.files[LABEL].decode()
    assert downloads.names[LABEL] == "var-0.0.1-report-dip-6-steps-80pct-standard-irf-plain-6.html"


def _backtest(at, origins: int, policy: str):
    """Run a backtest of var 0.0.1 on the Backtest page (horizon 1), then open the Report tab."""
    at.switch_page("views/backtest.py").run()
    at.number_input(key="bt_origins").set_value(origins)
    at.number_input(key="bt_horizon").set_value(1)
    at.radio(key="bt_policy").set_value(policy)
    at.button(key="bt_run").click().run()
    at.session_state["dg_tab"] = "Report"
    at.switch_page(DIAG).run()
    assert not at.exception and errors(at) == ""


def test_a_report_with_a_backtest_names_its_settings(seeded, downloads):
    """Two reports of one version with different backtests had one name: the backtest was not in it."""
    at = open_app(REPORT, page=DIAG)
    plain = "var-0.0.1-report-8-steps-95pct-standard-irf-orthogonalised-10"
    assert downloads.names[LABEL] == f"{plain}.html"
    _backtest(at, 2, "fixed")
    assert downloads.names[LABEL] == f"{plain}-backtest-2-origins-1-steps-fixed-lags.html"
    _backtest(at, 3, "reselect")
    assert downloads.names[LABEL] == f"{plain}-backtest-3-origins-1-steps-reselect-lags.html"


def test_without_the_interactive_charts_the_report_is_the_clis_light_file_and_says_so(seeded, downloads):
    """plotly.js made every report of the tab about 5 MB, 50 times the CLI's file of the same tables: a person who
    mails one picks the light form, named apart."""
    at = open_app(REPORT, page=DIAG)
    heavy = downloads.files[LABEL]
    assert b"<h2>Interactive charts</h2>" in heavy and len(heavy) > 3_000_000
    at.toggle(key="dg_report_charts").set_value(False).run()
    assert not at.exception and errors(at) == ""
    light = downloads.files[LABEL]
    assert b"Interactive charts" not in light and b"plotly" not in light.lower() and len(light) < 200_000
    assert downloads.names[LABEL] == "var-0.0.1-report-8-steps-95pct-standard-irf-orthogonalised-10-light.html"
    assert any("without the interactive charts (under 1 MB)" in m.value for m in at.markdown)
    assert at.query_params["charts"] == "off"  # a link to the tab gives the light file too


def test_a_link_asking_for_no_charts_gives_the_light_file(seeded, downloads):
    open_app({**REPORT, "charts": "off"}, page=DIAG)
    assert b"plotly" not in downloads.files[LABEL].lower()
    assert downloads.names[LABEL].endswith("-light.html")
