"""The Train page on an uploaded quarterly CSV with gaps: the preview names what is wrong before Train,
text columns are never offered, a fill must be chosen, and the choice is recorded on the version's card."""

from __future__ import annotations

import io

import numpy as np
import pandas as pd
import pytest
import statsmodels.api as sm

from tests.app.conftest import displayed, errors, formats_of, open_app
from ui.version_details import data_facts, fill_facts
from varlib import column_format, diagnose
from varlib.report import render_report

TRAIN = "views/train.py"
MISSING = ("1995-04-01", "1995-07-01")  # two quarters without a row


def gappy_csv() -> bytes:
    """70 quarters of three positive series and a text column; two quarters are missing and one cell empty."""
    rng = np.random.default_rng(3)
    dates = pd.date_range("1990-01-01", periods=70, freq="QS")
    growth = 0.005 + 0.01 * rng.standard_normal((70, 3))
    frame = pd.DataFrame(100 * np.exp(np.cumsum(growth, axis=0)), index=dates, columns=["gdp", "cons", "inv"])
    frame["region"] = "north"
    frame = frame.drop(pd.DatetimeIndex(MISSING))
    frame.loc["2000-01-01", "inv"] = np.nan
    return frame.rename_axis("date").to_csv(float_format="%.4f").encode()


def _upload(at, data: bytes, name: str = "regional accounts.csv"):
    at.radio(key="train_source").set_value("Upload a CSV").run()
    at.file_uploader(key="train_csv").set_value((name, data, "text/csv")).run()
    assert not at.exception
    return at


def _fill_radio(at):
    return next(r for r in at.radio if r.label == "Missing periods or values")


def _button(at, prefix: str):
    return next(b for b in at.button if b.label.startswith(prefix))


def test_preview_names_the_problems_and_offers_numeric_columns_only(seeded):
    at = _upload(open_app(page=TRAIN), gappy_csv())
    caption = "\n".join(c.value for c in at.caption)
    assert "**68 rows**, 1990Q1 to 2007Q2" in caption and "frequency **quarterly (QS-JAN)**" in caption
    assert "text (not usable): region" in caption
    problems = "\n".join(w.value for w in at.warning)
    assert "quarterly dates with missing periods: 1995Q2, 1995Q3 (2 periods)" in problems
    assert "empty cells: inv (1: 2000Q1)" in problems
    assert "Missing periods or empty cells: choose how to fill them under **Missing periods or values**" in caption
    variables = at.multiselect[0]
    assert variables.options == ["gdp", "cons", "inv"] and variables.value == ["gdp", "cons", "inv"]  # as the CLI
    assert _fill_radio(at).value == "none"
    hint = "Lag search from 1 up to a maximum set by the number of rows, once the data load."
    assert hint in "\n".join(c.value for c in at.caption)  # until a fill is chosen
    _fill_radio(at).set_value("interpolate").run()
    hint = "Lag search from 1 up to 9, the sample-aware maximum on these 70 rows."  # of three variables
    assert hint in "\n".join(c.value for c in at.caption)
    assert at.text_input(key="train_name|regional-accounts").value == "regional-accounts"


def test_a_text_column_alone_is_a_note_and_leaves_the_preview_open(seeded):
    """A country code beside clean series needs nothing done: it was a warning that folded the preview away."""
    frame = pd.read_csv(io.BytesIO(gappy_csv())).dropna()
    dates = pd.date_range("1990-01-01", periods=len(frame), freq="QS").strftime("%Y-%m-%d")
    at = _upload(open_app(page=TRAIN), frame.assign(date=dates).to_csv(index=False).encode())
    assert not at.warning, [w.value for w in at.warning]
    said = "\n".join(c.value for c in at.caption)
    assert ":material/info: Text column region ('north' in row 1 (1990-01-01)) is not numeric" in said
    assert at.expander[0].label.startswith("Preview") and at.expander[0].proto.expanded


def test_training_without_a_fill_is_refused_by_name(seeded):
    at = _upload(open_app(page=TRAIN), gappy_csv())
    _button(at, "Train").click().run()
    assert not at.exception
    assert "these periods have no row: 1995Q2, 1995Q3 (2 periods)" in errors(at)
    assert not any(b.label.startswith("Publish") for b in at.button)


@pytest.mark.parametrize(
    "method, summary", [("interpolate", "interpolate: 2 periods added"), ("ffill", "ffill: 2 periods added")]
)
def test_each_fill_is_recorded_on_the_published_card(seeded, method, summary):
    at = _upload(open_app(page=TRAIN), gappy_csv())
    at.multiselect[0].set_value(["gdp", "cons", "inv"])
    _fill_radio(at).set_value(method)
    at.selectbox(key="train_transform").set_value("logdiff")
    _button(at, "Train").click().run()
    assert not at.exception and errors(at) == "", errors(at)
    shown = "\n".join(m.value for m in [*at.markdown, *at.caption])
    assert "70 rows of gdp, cons, inv" in shown
    _button(at, "Publish").click().run()
    assert not at.exception and errors(at) == ""
    (entry,) = seeded.list_versions("regional-accounts")
    assert entry.card.fill.startswith(summary) and entry.card.frequency == "quarterly"
    provenance = seeded.load("regional-accounts").provenance["preparation"]
    assert provenance["method"] == method and provenance["added_periods"] == list(MISSING)


def test_drop_keeps_the_rows_after_the_last_hole(seeded):
    at = _upload(open_app(page=TRAIN), gappy_csv())
    at.multiselect[0].set_value(["gdp", "cons"])
    _fill_radio(at).set_value("drop")
    _button(at, "Train").click().run()
    assert not at.exception and errors(at) == "", errors(at)
    assert "47 rows of gdp, cons, 1995Q4 to 2007Q2." in "\n".join(m.value for m in at.markdown)
    at.multiselect[0].set_value(["gdp", "cons", "inv"])  # inv's empty cell in 2000Q1 is the last hole now
    _button(at, "Train").click().run()
    assert "29 rows of gdp, cons, inv, 2000Q2 to 2007Q2." in "\n".join(m.value for m in at.markdown)


def test_a_european_spreadsheet_csv_is_previewed_and_trained_like_any_other(seeded):
    """Semicolons, decimal commas and day-first dates: the preview shows the dates as read (ISO, no clock)."""
    rng = np.random.default_rng(5)
    values = 1000 * np.exp(np.cumsum(0.005 + 0.01 * rng.standard_normal((40, 3)), axis=0))
    frame = pd.DataFrame(values.round(3), columns=["gdp", "cons", "inv"])
    frame.insert(0, "date", pd.date_range("1990-01-01", periods=40, freq="QS").strftime("%d.%m.%Y"))
    at = _upload(open_app(page=TRAIN), frame.to_csv(sep=";", decimal=",", index=False).encode(), "konten.csv")
    caption = "\n".join(c.value for c in at.caption)
    assert "**40 rows**, 1990Q1 to 1999Q4" in caption and "frequency **quarterly (QS-JAN)**" in caption
    assert "read as semicolon-separated, decimal commas, dates day first" in caption
    shown = at.dataframe[0].value
    assert shown.index[:2].tolist() == ["1990-01-01", "1990-04-01"]
    assert shown["gdp"].iloc[0] == pytest.approx(float(frame["gdp"].iloc[0]))
    assert at.multiselect[0].options == ["gdp", "cons", "inv"]
    assert at.get("plotly_chart")[0].proto.alt == "The upload's numeric columns over time: gdp, cons, inv"
    _button(at, "Train").click().run()
    assert not at.exception and errors(at) == "", errors(at)
    _button(at, "Publish").click().run()
    read_as = ["semicolon-separated", "decimal commas", "dates day first"]
    version = seeded.load("konten")
    assert version.provenance["read_as"] == read_as  # kept with the version, for its reviewers
    assert data_facts(version)["read as"] == ", ".join(read_as)  # the Models page's Data facts
    assert "<td>semicolon-separated, decimal commas, dates day first</td>" in render_report(version, diagnose(version))
    assert "read_as" not in seeded.load("var").provenance and "read as" not in data_facts(seeded.load("var"))


def test_an_empty_and_a_constant_column_are_not_the_default_variables(seeded):
    frame = pd.read_csv(io.BytesIO(gappy_csv()))
    frame.insert(1, "notes", "")
    frame.insert(2, "base", 100.0)
    at = _upload(open_app(page=TRAIN), frame.to_csv(index=False).encode())
    variables = at.multiselect[0]
    assert "notes" not in variables.options and variables.value == ["gdp", "cons", "inv"]
    notes = "\n".join(c.value for c in at.caption)
    assert "Empty column notes" in notes and "Column base constant: the same value" in notes and "counting" not in notes
    assert not any("notes" in w.value or "base" in w.value for w in at.warning)  # nothing to fix: no warning


def test_a_saved_row_index_is_not_offered_as_a_variable_and_is_named_by_its_position(seeded):
    """pandas writes its index as a first, unnamed column: it counts rows, so nothing to forecast or test, and
    its name `Unnamed: 0` is pandas', not the file's."""
    dates = pd.date_range("1990-01-01", periods=70, freq="QS")
    growth = 0.005 + 0.01 * np.random.default_rng(4).standard_normal((70, 2))
    frame = pd.DataFrame(100 * np.exp(np.cumsum(growth, axis=0)), columns=["gdp", "cons"]).assign(date=dates)
    at = _upload(open_app(page=TRAIN), frame[["date", "gdp", "cons"]].to_csv().encode())  # header ",date,gdp,..."
    variables, exogenous = at.multiselect[0], at.multiselect[1]
    assert variables.options == ["gdp", "cons"] == variables.value
    assert exogenous.options == ["#1 (no header)"]  # a counting column may enter as an exogenous trend
    captions = "\n".join(c.value for c in at.caption)
    assert r"Column \#1 (no header) counting: the same step every row" in captions and "Unnamed" not in captions
    assert at.selectbox[0].options[:2] == ["date", "#1 (no header)"]  # the date column choices, as people see them
    assert not at.warning and at.expander[0].proto.expanded  # a saved index is no problem of the file


def test_a_growth_rate_gets_no_holdout_mape_and_the_page_says_why(seeded):
    rng = np.random.default_rng(8)
    growth = 0.5 + rng.standard_normal(70)  # quarterly growth in percent: often below 0
    dates = pd.date_range("1990-01-01", periods=70, freq="QS").strftime("%Y-%m-%d")
    frame = pd.DataFrame({"date": dates, "gdp": 100 * np.exp(np.cumsum(growth) / 100), "growth": growth})
    at = _upload(open_app(page=TRAIN), frame.to_csv(index=False).encode())
    assert at.multiselect[0].value == ["gdp", "growth"]
    _button(at, "Train").click().run()
    assert errors(at) == "", errors(at)
    metrics = next(m.value for m in at.markdown if m.value.startswith("| variable |")).splitlines()
    assert metrics[2].startswith("| gdp |") and not metrics[2].endswith("| – |")
    assert metrics[3].startswith("| growth |") and metrics[3].endswith("| – |")
    assert any(c.value.startswith("MAPE is left out where") for c in at.caption)


def test_the_lag_selection_table_prints_each_criterion_in_one_format(seeded):
    at = open_app(page=TRAIN)
    _button(at, "Train").click().run()
    assert errors(at) == "", errors(at)
    element = next(f for f in at.dataframe if "AIC" in f.value.columns)
    shown = displayed(element)
    for criterion in ("AIC", "BIC", "HQIC", "FPE"):
        expected = column_format(element.value[criterion], digits=6)
        assert shown[criterion].tolist() == [expected % v for v in element.value[criterion]], criterion
    assert expected != "%.5g"  # fpe in the thousands keeps its units digit


def test_the_upload_preview_prints_each_column_in_one_format_and_names_the_rows_left_out(seeded):
    """gdp at full precision (100.34558419206479, and 141.907 where a value happens to be short) is printed
    with one number of decimals; of 80 rows the first 5 and the last 5 show, and a note says so."""
    dates = pd.date_range("2000-01-01", periods=80, freq="QS")
    gdp = np.linspace(100.34558419206479, 144.357879, 80)
    gdp[75] = 141.907
    rate = np.sin(np.arange(80)) * 3.0660874152366775
    csv = pd.DataFrame({"date": dates.strftime("%Y-%m-%d"), "gdp": gdp, "rate": rate}).to_csv(index=False)
    at = _upload(open_app(page=TRAIN), csv.encode(), "q80.csv")
    cells = displayed(at.dataframe[0])
    assert cells is not None and len(cells) == 10
    for column in ("gdp", "rate"):
        assert len(formats_of(cells[column])) == 1, (column, cells[column].tolist())
    assert cells["gdp"].iloc[[0, 5]].tolist() == ["100.3455841921", "141.9070000000"]  # as uploaded, to 10 decimals
    note = (
        "The first 5 and the last 5 of 80 rows (2000-01-01 to 2001-01-01, then 2018-10-01 to 2019-10-01): the 70"
        " rows between them are left out here."
    )
    assert note in [c.value for c in at.caption]


def test_a_ragged_edge_dropped_is_said_on_the_card_as_what_it_is(tmp_path):
    """The newest quarter of one series not out yet: drop leaves out that row alone, and the card says so."""
    from varlib import ModelSpec, load_dataset, train_model
    from varlib.artifact import build_artifact

    frame = load_dataset(variables=["realgdp", "realcons"]).frame.head(80).copy()
    frame.iloc[-1, 0] = np.nan
    path = tmp_path / "ragged.csv"
    frame.to_csv(path)
    dataset = load_dataset(csv=path, fill="drop")
    assert len(dataset.frame) == 79
    artifact = build_artifact(train_model(dataset, ModelSpec(("realgdp", "realcons"), lags=2)), "ragged", "tester")
    facts = fill_facts(artifact)
    assert facts["incomplete last rows dropped"] == "1" and "earlier rows dropped" not in facts
    assert facts["what was done"] == "drop: 1 incomplete last row dropped"


def test_a_column_with_values_but_no_header_is_named_by_its_position_not_offered_as_unnamed(seeded):
    """pandas reads it as `Unnamed: 1`: that was offered as a variable and trained on under that name."""
    at = _upload(open_app(page=TRAIN), gappy_csv().replace(b"date,gdp,", b"date,,", 1))
    assert at.multiselect[0].options == ["cons", "inv"]
    assert "Unnamed" not in "\n".join([*at.multiselect[0].options, *(c.value for c in at.caption)])
    problems = "\n".join(w.value for w in at.warning)
    assert "column 2 (" in problems and "has values but no header: name it in the header row" in problems
    _button(at, "Train").click().run()
    assert "'regional accounts.csv': column 2 (" in errors(at) and "has values but no header" in errors(at)


def test_a_copied_column_is_named_before_train_not_a_crash(seeded):
    """Two identical integrated columns left Johansen's test singular: the page broke with a linear-algebra error."""
    macro = sm.datasets.macrodata.load_pandas().data.iloc[:80]  # both integrated: Johansen's test runs
    frame = pd.DataFrame({"gdp": macro.realgdp, "cons": macro.realcons, "gdp_copy": macro.realgdp})
    frame.insert(0, "date", pd.date_range("1959-01-01", periods=80, freq="QS").strftime("%Y-%m-%d"))
    at = _upload(open_app(page=TRAIN), frame.to_csv(index=False).encode())
    at.multiselect[0].set_value(["gdp", "gdp_copy", "cons"]).run()
    assert not at.exception, at.exception
    warned = "\n".join(w.value.replace("\\_", "_") for w in at.warning)  # as read: the markdown escape off
    assert "**Unit-root tests** not run" in warned and "gdp and gdp_copy move together exactly" in warned
    assert any(b.label.startswith("Train") for b in at.button)  # the page stays whole: Train says it again


def test_a_spreadsheets_unicode_text_export_is_offered_and_read(seeded):
    """Excel saves "Unicode Text" as a tab-separated UTF-16 .txt file, which the reader reads: the uploader takes it."""
    at = open_app(page=TRAIN)
    at.radio(key="train_source").set_value("Upload a CSV").run()
    assert {".csv", ".tsv", ".txt"} <= set(at.get("file_uploader")[0].proto.type)
    text = pd.read_csv(io.BytesIO(gappy_csv())).to_csv(sep="\t", index=False).encode("utf-16")
    at = _upload(at, text, name="accounts.txt")
    assert at.multiselect[0].value == ["gdp", "cons", "inv"]


def test_calendar_columns_are_no_variables_on_the_page_as_on_the_cli(seeded):
    """A year and a quarter number beside a date column: the calendar, which the CLI leaves out; the page
    offered and pre-selected them, and Train then refused `yr`."""
    dates = pd.period_range("1985Q1", periods=80, freq="Q")
    growth = 0.005 + 0.01 * np.random.default_rng(9).standard_normal((80, 2))
    frame = pd.DataFrame(100 * np.exp(np.cumsum(growth, axis=0)), columns=["realgdp", "realcons"])
    frame = pd.concat(
        [pd.DataFrame({"date": dates.astype(str), "yr": dates.year, "qnum": dates.quarter}), frame], axis=1
    )
    at = _upload(open_app(page=TRAIN), frame.to_csv(index=False).encode())
    variables = at.multiselect[0]
    assert variables.options == ["realgdp", "realcons"] == variables.value
    assert "Columns yr, qnum: " in "\n".join(c.value for c in at.caption)  # the preview says why
    _button(at, "Train").click().run()
    assert not at.exception and not at.error and any(b.label.startswith("Publish") for b in at.button), errors(at)


def test_a_date_column_placed_last_is_the_date_columns_first_choice(seeded):
    """Dates in the last column, not named like dates: the preview took the first column (GDP values) for the
    dates and told the user to rewrite them; the Date column now starts on the column that holds them."""
    dates = pd.period_range("1985Q1", periods=80, freq="Q")
    growth = 0.005 + 0.01 * np.random.default_rng(10).standard_normal((80, 2))
    frame = pd.DataFrame(100 * np.exp(np.cumsum(growth, axis=0)), columns=["realgdp", "realcons"])
    at = _upload(open_app(page=TRAIN), frame.assign(quarter=dates.astype(str)).to_csv(index=False).encode())
    assert at.selectbox[0].value == "quarter" and not at.warning, [w.value for w in at.warning]
    assert at.multiselect[0].value == ["realgdp", "realcons"]
    _button(at, "Train").click().run()
    assert not at.exception and not at.error and any(b.label.startswith("Publish") for b in at.button)
