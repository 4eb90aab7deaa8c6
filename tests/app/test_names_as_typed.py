"""Names shown as typed on every page: variables whose names are HTML (`<a href=...>`), a plotly template
(`%{y}`) or markdown, and a file named with markdown, are never a link, bold, colour or a filled-in value, in
the charts (plotly text) or in the cards and captions (markdown)."""

from __future__ import annotations

import re

import pytest

from tests.app.conftest import charts, open_app, visit
from ui.plot_text import name as plot_name
from varlib import ModelSpec, load_dataset, publish_result, train_model

LINK = '<a href="https://evil.example/">CLICK</a>'
BOLD = "<b>BOLD</b>%{y}"
FILE = "**BOLDFILE** [lnk](mailto:x@evil.example) :red[RED].csv"
DIAGNOSTICS = "views/diagnostics.py"
WORD_JOINER = "\u2060"  # ui.literal's break of a bare link, invisible
MARKUP = re.compile(r"(?<!\\)<(a |b>)|https://")  # a tag markdown would not show as typed, a bare link


def hostile_csv() -> bytes:
    frame = load_dataset(variables=["realgdp", "realcons", "realinv"]).frame
    return frame.set_axis([LINK, BOLD, "inv"], axis=1).rename_axis("date").to_csv().encode()


@pytest.fixture
def evil(registry):
    """evil 0.0.1 and 0.0.2, trained on the hostile CSV (logdiff, with a holdout)."""
    dataset = load_dataset(csv=hostile_csv(), csv_name=FILE)
    for lags in (2, 1):
        spec = ModelSpec(variables=(LINK, BOLD, "inv"), transform="logdiff", lags=lags)
        publish_result(registry, train_model(dataset, spec), "evil")
    return registry


def strings(value) -> list[str]:
    """Every string in a figure's dict: titles, axis titles, legend names, hovertemplates, annotations."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for item in value.values() for s in strings(item)]
    if isinstance(value, list):
        return [s for item in value for s in strings(item)]
    return []


def assert_names_as_typed(figures: list[dict]) -> None:
    assert figures
    texts = [text for figure in figures for text in strings(figure)]
    assert not [t for t in texts if "<a " in t or "<b>" in t or "BOLD</b>%{y}" in t]
    shown = "\n".join(texts)
    assert plot_name(LINK) in shown and plot_name(BOLD) in shown


def markdown(at) -> str:
    return "\n".join(e.value for kind in ("markdown", "caption", "info", "warning") for e in at.get(kind))


def assert_escaped(text: str) -> None:
    assert not MARKUP.search(text)
    assert "\\<a href" in text and f"https\\:{WORD_JOINER}//" in text


def test_forecast_charts_and_card_show_names_as_typed(evil):
    at = open_app(query={"model": "evil"})
    assert_names_as_typed(charts(at))
    card = next(c.value for c in at.caption if "holdout RMSE" in c.value)
    assert_escaped(card)
    assert "\\*\\*BOLDFILE\\*\\* \\[lnk\\](mailto\\:x" + WORD_JOINER + "@evil.example) \\:red\\[RED\\].csv" in card
    assert not re.search(r"(?<!\\)\*\*BOLDFILE|(?<!\\)\]\(mailto", card)


@pytest.mark.parametrize("tab", ["impulse-responses", "residuals", "granger-causality", "variance-decomposition"])
def test_diagnostics_charts_show_names_as_typed(evil, tab):
    at = open_app(query={"model": "evil", "tab": tab}, page=DIAGNOSTICS)
    assert_names_as_typed(charts(at))
    assert not MARKUP.search(markdown(at)) and "\\<a href" in markdown(at)


@pytest.mark.parametrize("tab", ["coefficients", "unit-roots"])
def test_diagnostics_tabs_and_advice_show_names_as_typed(evil, tab):
    at = open_app(query={"model": "evil", "tab": tab}, page=DIAGNOSTICS)
    text = markdown(at) + "\n".join(t.proto.label for t in at.tabs)
    assert not MARKUP.search(text) and "\\<a href" in text


def test_compare_charts_and_lag_inputs_show_names_as_typed(evil):
    at = visit(open_app(query={"model": "evil"}), "views/compare.py")
    assert_names_as_typed(charts(at))
    label = next(e.proto.label for e in at.expander if e.proto.label.startswith("Shared lag inputs"))
    assert_escaped(label)


def test_train_unit_root_verdicts_show_names_as_typed(evil):
    at = open_app(page="views/train.py")
    at.radio(key="train_source").set_value("Upload a CSV").run()
    at.file_uploader(key="train_csv").set_value((FILE, hostile_csv(), "text/csv")).run()
    assert not at.exception
    verdicts = next(i.value for i in at.info if "Unit-root tests" in i.value)
    assert_escaped(verdicts)


def test_exogenous_names_in_a_presentation_show_as_typed(registry):
    """A VARX's exogenous values, said under the charts in presentation mode, name the column as typed."""
    frame = load_dataset(variables=["realgdp", "realcons", "realint"]).frame.set_axis(["gdp", "cons", LINK], axis=1)
    dataset = load_dataset(frame, csv_name="varx.csv")
    publish_result(registry, train_model(dataset, ModelSpec(("gdp", "cons"), exog=(LINK,), lags=1)), "varx")
    at = open_app(query={"model": "varx", "present": 1})
    said = next(c.value for c in at.caption if c.value.startswith("Exogenous values"))
    assert "\\<a href" in said and not MARKUP.search(said)
