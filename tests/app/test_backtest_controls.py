"""The Backtest page's metric control and chart: always a metric shown, readable horizon ticks, no empty MAPE."""

from __future__ import annotations

import numpy as np

from tests.app.conftest import charts, displayed, errors, formats_of, open_app
from ui.comparison_figures import backtest_figure
from varlib import Backtest, ModelSpec, load_dataset, train_model
from varlib.data import load_csv
from varlib.service import publish_result

BACKTEST = "views/backtest.py"


def _result(horizon: int, percent=(True, True)) -> Backtest:
    """A made-up backtest of two variables over three origins."""
    rng = np.random.default_rng(0)
    shape = (3, horizon, 2)
    actual = 100 + rng.normal(size=shape)
    return Backtest(
        "var", "0.0.1", ("a", "b"), horizon, "fixed", ("2009-01-01", "2009-04-01", "2009-07-01"), (2, 2, 2),
        actual + rng.normal(size=shape), actual, actual + rng.normal(size=shape), 0.1, percent,
    )  # fmt: skip


def test_horizon_ticks_are_each_drawn_up_to_twelve_then_spaced_by_plotly():
    assert backtest_figure(_result(12)).layout.xaxis.dtick == 1
    long = backtest_figure(_result(40))
    assert long.layout.xaxis.dtick is None and long.layout.xaxis2.dtick is None  # 40 rotated ticks overlapped


def test_a_panel_without_mape_says_why_instead_of_an_empty_axis():
    fig = backtest_figure(_result(4, percent=(True, False)), "mape")
    notes = [a.text for a in fig.layout.annotations if "left out" in a.text]
    assert notes == ["MAPE left out:<br>b is near<br>or across 0"] and fig.layout.annotations[-1].xref == "x2 domain"
    assert fig.layout.yaxis2.showticklabels is False and fig.layout.yaxis.showticklabels is not False
    assert not [a for a in backtest_figure(_result(4, percent=(True, False))).layout.annotations if "left" in a.text]


def test_hovered_scores_read_as_the_axis_and_the_table_print_them():
    """An RMSE of 79,530 (a series in thousands) hovered as `7.953e+4` beside an axis of `100,000`: d3's `.4g` writes
    an exponent from 10,000 on; the product's hover format (ui.hover.VALUE) writes `79,529.9`."""
    fig = backtest_figure(_result(2))
    templates = {trace.hovertemplate for trace in fig.data}
    assert len(templates) == 2 and all("%{y:,.6~g}" in t and ".4g" not in t for t in templates), templates


def _run(at, origins=3, horizon=2):
    at.number_input(key="bt_origins").set_value(origins)
    at.number_input(key="bt_horizon").set_value(horizon)
    at.button(key="bt_run").click().run()
    assert not at.exception and errors(at) == ""
    return at


def test_the_metric_control_cannot_be_cleared(seeded):
    at = _run(open_app(page=BACKTEST))
    control = at.segmented_control(key="bt_metric")
    assert control.proto.required and control.value == "rmse"
    assert charts(at)[0]["layout"]["title"]["text"].startswith("RMSE")


def test_mape_is_not_offered_when_every_variable_changes_sign(seeded):
    dataset = load_dataset(variables=["realgdp", "realinv"])
    frame = dataset.frame.diff().iloc[1:]  # quarterly changes: both cross zero
    changes = type(dataset)("changes", frame, "0" * 64, frequency=dataset.frequency)
    publish_result(seeded, train_model(changes, ModelSpec(variables=("realgdp", "realinv"), lags=2)), "changes")
    at = _run(open_app({"model": "changes"}, page=BACKTEST))
    control = at.segmented_control(key="bt_metric")
    assert control.options == ["RMSE", "MAE"] and "not all of one sign" in control.help
    at = _run(open_app({"model": "var"}, page=BACKTEST))
    assert at.segmented_control(key="bt_metric").options == ["RMSE", "MAE", "MAPE"]


def test_a_variables_model_and_random_walk_columns_share_one_format(seeded):
    at = _run(open_app(page=BACKTEST), origins=12, horizon=20)  # the random walk passes 1,000, the VAR not
    shown, table = displayed(at.dataframe[0]), at.dataframe[0].value
    for variable in table["variable"].unique():
        rows = shown[table["variable"] == variable]
        for metric in ("rmse", "mae", "mape"):
            cells = [*rows[metric], *rows[f"{metric}_rw"]]
            assert len(formats_of(cells)) == 1, (variable, metric, cells)


def test_the_metric_control_has_one_source_and_the_ratio_note_states_its_limits(seeded, caplog):
    """Its value comes from session state alone (a default beside it made Streamlit warn on every run), and the
    green of rmse_ratio < 1 is said to be a comparison of a few forecasts, not a test."""
    with caplog.at_level("WARNING", logger="streamlit"):
        at = _run(open_app(page=BACKTEST), origins=3, horizon=2)
        at.segmented_control(key="bt_metric").set_value("mae").run()
    assert not [r for r in caplog.records if "bt_metric" in r.getMessage()]
    note = next(c.value for c in at.caption if "rmse_ratio" in c.value)
    assert "over 3 forecasts per horizon and with no test of significance" in note and "beats" not in note


def test_the_metric_is_in_the_link_and_a_link_opens_it(seeded):
    """A copied link came back on RMSE whatever the chart showed."""
    at = _run(open_app(page=BACKTEST))
    at.segmented_control(key="bt_metric").set_value("mae").run()
    assert at.query_params["metric"] == "mae"
    at = _run(open_app({"model": "var", "metric": "mape"}, page=BACKTEST))
    assert at.segmented_control(key="bt_metric").value == "mape" and at.query_params["metric"] == "mape"
    assert charts(at)[0]["layout"]["title"]["text"].startswith("MAPE")


def test_the_prompt_says_when_the_order_is_chosen_again_and_one_origin_is_one(seeded):
    at = open_app({"model": "var", "origins": "1", "lags": "reselect"}, page=BACKTEST)
    prompt = at.info[0].value
    assert "once, choosing its lag order by AIC again at each origin: VAR(" in prompt and "1 times" not in prompt
    _run(at, origins=1, horizon=1)
    said = "\n".join(c.value for c in at.caption)
    assert "1 origin, " in said and "over 1 forecast per horizon" in said and "1 origins" not in said


def test_a_link_copied_from_shown_scores_shows_them_and_one_without_asks_for_a_run(seeded):
    """A link carries `metric` only once scores were shown: opening it runs the same backtest and shows them."""
    shown = _run(open_app(page=BACKTEST))
    shown.segmented_control(key="bt_metric").set_value("mae").run()
    link = dict(shown.query_params)
    assert link["metric"] == "mae" and link["origins"] == "3"
    opened = open_app(link, page=BACKTEST)
    assert not opened.exception and errors(opened) == ""
    assert opened.segmented_control(key="bt_metric").value == "mae" and charts(opened)
    assert dict(opened.query_params) == link
    bare = open_app({key: value for key, value in link.items() if key != "metric"}, page=BACKTEST)
    assert not charts(bare) and any("Press **Run backtest**" in info.value for info in bare.info)
    assert "metric" not in bare.query_params  # no scores shown: a copied link would not show any either


def test_a_link_whose_backtest_is_refused_is_rewritten_to_the_settings_in_use(seeded):
    """500 origins are used as 200 (said by the field); the data cannot hold 200 at horizon 3, so the run is refused:
    the address said `origins=500&metric=rmse`, values the page was not using, for scores it does not show."""
    at = open_app({"model": "var", "origins": "500", "horizon": "3", "metric": "rmse"}, page=BACKTEST)
    assert "larger than the data allow" in errors(at) and not charts(at)
    link = dict(at.query_params)
    assert (link["origins"], link["horizon"], link["lags"]) == ("200", "3", "fixed") and "metric" not in link, link


def test_scores_that_left_filled_values_out_say_they_rest_on_fewer_forecasts(seeded):
    frame = load_dataset(variables=["realgdp", "realcons"]).frame.iloc[:80].copy()
    frame.iloc[70, 0] = np.nan  # a gap the fill closes: its value is not scored
    text = frame.to_csv(index_label="date").encode()
    holes = load_csv(text, name="holes.csv", fill="interpolate")
    publish_result(seeded, train_model(holes, ModelSpec(variables=("realgdp", "realcons"), lags=2)), "holes")
    at = _run(open_app({"model": "holes"}, page=BACKTEST), origins=20, horizon=3)
    note = next(c.value for c in at.caption if "rmse_ratio" in c.value)
    assert "over up to 20 forecasts per horizon (`forecasts`: fewer where a filled value was not scored)" in note
    counts = at.dataframe[0].value.set_index(["variable", "horizon"])["forecasts"]
    assert counts[("realgdp", 1)] < 20 and counts.max() <= 20  # the gap's value, and an origin that ended on it


def test_a_varx_is_named_so_in_the_chart(seeded):
    dataset = load_dataset(variables=["realgdp", "realcons", "realint"])
    spec = ModelSpec(variables=("realgdp", "realcons"), exog=("realint",), lags=2)
    publish_result(seeded, train_model(dataset, spec), "varx")
    at = _run(open_app({"model": "varx"}, page=BACKTEST))
    assert {trace["name"] for trace in charts(at)[0]["data"]} >= {"VARX", "random walk"}


def test_the_page_starts_from_the_backtest_the_cli_and_the_rest_service_run(seeded):
    from varlib import DEFAULT_HORIZON, DEFAULT_ORIGINS
    from varlib.api.analysis import BacktestQuery
    from varlib.cli.parser import build_parser

    at = open_app(page=BACKTEST)
    page = (at.number_input(key="bt_origins").value, at.number_input(key="bt_horizon").value)
    cli = build_parser().parse_args(["backtest", "--name", "var", "latest"])
    rest = BacktestQuery()
    assert page == (cli.origins, cli.horizon) == (rest.origins, rest.horizon) == (DEFAULT_ORIGINS, DEFAULT_HORIZON)
