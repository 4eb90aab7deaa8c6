"""The Compare page: versions of another frequency, holdouts of another lag order, damaged and withdrawn versions,
what a link names (aliases, `0_0_2`, a version twice), Back, the interval control and edited lag inputs."""

from __future__ import annotations

from tests.app.conftest import charts, errors, open_app, version_columns
from tests.unit.test_compare_fixes import _monthly_csv
from ui import url_state
from varlib import ModelSpec, load_dataset, train_model
from varlib.service import publish_result

COMPARE = "views/compare.py"


def _text(at) -> str:
    return "\n".join(x.value for x in [*at.warning, *at.caption, *at.info, *at.error])


def test_a_monthly_version_beside_a_quarterly_one_uses_its_own_lag_inputs_and_says_so(seeded):
    monthly = load_dataset(csv=_monthly_csv(), csv_name="monthly.csv")
    publish_result(seeded, train_model(monthly, ModelSpec(variables=("realgdp", "realcons"), lags=3)), "monthly")
    at = open_app({"versions": "var:0.0.1,monthly:0.0.1"}, page=COMPARE)
    assert errors(at) == ""
    said = [w.value for w in at.warning if w.value.startswith("**monthly 0.0.1**")]
    assert said and "its data are monthly (MS)" in said[0] and "quarterly (QS-JAN)" in said[0]
    # one set of charts per frequency: the monthly forecast beside the quarterly history squeezed both together
    drawn = {chart["layout"]["title"]["text"].split(":")[0]: chart for chart in charts(at)}
    assert list(drawn) == [f"{v} ({f} versions)" for f in ("quarterly", "monthly") for v in ("realgdp", "realcons")]
    named = {key: {t.get("name") for t in chart["data"]} for key, chart in drawn.items()}
    quarterly = named["realgdp (quarterly versions)"]
    assert "monthly 0.0.1" not in quarterly and "var 0.0.1" in quarterly
    assert "var 0.0.1" not in named["realgdp (monthly versions)"]
    monthly_chart = drawn["realgdp (monthly versions)"]["data"]
    line = next(t for t in monthly_chart if t.get("name") == "monthly 0.0.1")
    assert line["line"]["dash"] == "dash"  # drawn as a version on its own lag inputs
    history = next(t for t in monthly_chart if t.get("name") == "history")
    assert history["x"][-1].startswith("2009-12")  # its own months, not the quarterly version's quarters


def test_a_holdout_scored_with_another_lag_order_says_so_in_the_table(seeded):
    spec = ModelSpec(variables=("realgdp", "realinv"), transform="logdiff", ic="aic", holdout=0.1)
    result = train_model(load_dataset(variables=list(spec.variables)), spec)
    assert (result.params.k_ar, result.evaluation.k_ar) == (2, 9)  # the case this test is about
    publish_result(seeded, result, "reordered")
    at = open_app({"versions": "var:0.0.1,reordered:0.0.1"}, page=COMPARE)
    assert errors(at) == ""
    table = at.dataframe[0].value
    assert table.loc["holdout RMSE realgdp", "reordered 0.0.1"].endswith("(of a VAR(9))")
    assert table.loc["holdout MAE realinv", "reordered 0.0.1"].endswith("(of a VAR(9))")
    assert "(of a" not in table.loc["holdout RMSE realgdp", "var 0.0.1"]  # scored with its own order
    assert "reordered 0.0.1: a VAR(9)" in _text(at)


def test_a_damaged_version_is_named_and_left_out_and_the_others_are_compared(three_versions, store_dir):
    path = store_dir / "models" / "var" / "0_0_2" / "model.json"
    raw = bytearray(path.read_bytes())
    at_notes = raw.index(b'"notes"')
    raw[at_notes + 1] = ord("N")  # one byte changed behind the store's back: the checksum no longer matches
    path.write_bytes(bytes(raw))
    at = open_app({"versions": "var:0.0.1,var:0.0.2,var:0.0.3"}, page=COMPARE)
    assert not at.exception and errors(at) == ""
    assert version_columns(at.dataframe[0]) == ["var 0.0.1", "var 0.0.3"]
    said = [w.value for w in at.warning if "var 0.0.2" in w.value]
    assert said and "checksum mismatch" in said[0] and "left out" in said[0]
    assert "var 0.0.2" not in at.multiselect(key="cmp_versions").options
    assert at.query_params["versions"] == "var:0.0.1,var:0.0.3"
    assert len(charts(at)) == 2


def test_a_withdrawn_version_a_link_names_is_compared_with_its_withdrawal(three_versions):
    three_versions.withdraw("var", "0.0.2", "wrong data")
    at = open_app({"versions": "var:0.0.2,var:0.0.3"}, page=COMPARE)
    assert errors(at) == ""
    assert at.multiselect(key="cmp_versions").value == ["var 0.0.2", "var 0.0.3"]
    assert version_columns(at.dataframe[0]) == ["var 0.0.2", "var 0.0.3"]
    assert "which the store does not have" not in _text(at)
    assert any("**var 0.0.2** was withdrawn" in w.value and "wrong data" in w.value for w in at.warning)
    assert at.query_params["versions"] == "var:0.0.2,var:0.0.3"
    as_other_pages_link_it = open_app({"model": "var", "version": "0.0.2"}, page=COMPARE)
    assert as_other_pages_link_it.multiselect(key="cmp_versions").value == ["var 0.0.2", "var 0.0.3"]
    plain = open_app(page=COMPARE)  # not named: not offered
    assert "var 0.0.2" not in plain.multiselect(key="cmp_versions").options


def test_a_version_named_twice_is_compared_once_and_the_page_says_so(three_versions):
    at = open_app({"versions": "var:0.0.1,var:0.0.1,var:0.0.3"}, page=COMPARE)
    assert errors(at) == ""
    assert at.multiselect(key="cmp_versions").value == ["var 0.0.1", "var 0.0.3"]
    assert "The link names var 0.0.1 more than once; each is compared once." in _text(at)


def test_a_links_alias_and_underscored_versions_resolve(three_versions):
    three_versions.set_alias("var", "champion", "0.0.1")
    at = open_app({"model": "var", "version": "@champion"}, page=COMPARE)
    assert errors(at) == "" and not at.warning
    assert at.multiselect(key="cmp_versions").value == ["var 0.0.1", "var 0.0.3"]
    at = open_app({"versions": "var:0_0_2,var:@champion"}, page=COMPARE)
    assert errors(at) == "" and not at.warning
    assert at.multiselect(key="cmp_versions").value == ["var 0.0.2", "var 0.0.1"]
    at = open_app({"model": "var", "version": "@nope"}, page=COMPARE)
    assert "version '@nope' of 'var', which does not open (model 'var' has no alias @nope" in _text(at)


def test_a_links_withdrawn_alias_is_left_out_in_words_and_one_version_compares_nothing(three_versions):
    """It read "showing the default instead" with a CLI command, while the other versions were compared; a single
    version then drew a table whose caption said its highlighted rows differ between the versions."""
    three_versions.set_alias("var", "champion", "0.0.1")
    three_versions.withdraw("var", "0.0.1", "leaky holdout")
    at = open_app({"versions": "var:@champion,var:0.0.2,var:0.0.3"}, page=COMPARE)
    assert errors(at) == "" and at.multiselect(key="cmp_versions").value == ["var 0.0.2", "var 0.0.3"]
    said = _text(at)
    assert "The link asked for version '@champion' of 'var', which does not open (" in said and "; left out." in said
    assert "the Models page's *Move an alias* form" in said and "varlib " not in said and "default" not in said
    at = open_app({"versions": "var:@champion,var:0.0.2"}, page=COMPARE)
    assert at.multiselect(key="cmp_versions").value == ["var 0.0.2"] and "Pick at least two versions." in _text(at)
    assert not at.dataframe and not charts(at) and "differ between the versions" not in _text(at)


def test_back_to_an_address_without_only_turns_it_off(three_versions, monkeypatch):
    monkeypatch.setattr(url_state, "HISTORY_AFTER_SECONDS", 0.0)  # AppTest's next run comes at once
    at = open_app({"versions": "var:0.0.1,var:0.0.2"}, page=COMPARE)
    every_row = len(at.dataframe[0].value)
    older = dict(at.query_params)
    at.toggle(key="cmp_only").set_value(True).run()
    assert at.query_params["only"] == "1" and len(at.dataframe[0].value) < every_row
    at.query_params.clear()
    at.query_params.update(older)  # the browser's Back
    at.run()
    assert at.toggle(key="cmp_only").value is False and len(at.dataframe[0].value) == every_row
    assert "only" not in at.query_params


def test_the_interval_control_cannot_be_emptied(seeded):
    at = open_app({"level": 80}, page=COMPARE)
    control = at.segmented_control(key="cmp_level")
    assert control.proto.required and control.value == 80
    assert at.query_params["level"] == "80"


def test_edited_shared_lag_inputs_are_said_to_be_left_out_of_the_link(three_versions):
    at = open_app({"versions": "var:0.0.1,var:0.0.2"}, page=COMPARE)
    assert "does not carry the edited shared lag inputs" not in _text(at)
    editor = at.data_editor[0]
    at.session_state[editor.key] = {"edited_rows": {0: {"realgdp": 14000.0}}, "added_rows": [], "deleted_rows": []}
    at.run()
    assert errors(at) == ""
    assert "does not carry the edited shared lag inputs (1 value changed)" in _text(at)


def test_a_links_alias_stays_in_the_address_while_it_stands_for_the_version_shown(three_versions):
    """The address pinned `@champion` to its version, so a copied link no longer followed the alias as the Forecast
    page's does; once the alias moves on, the page keeps what it shows and the address names that version."""
    three_versions.set_alias("var", "champion", "0.0.1")
    at = open_app({"versions": "var:@champion,var:0.0.3"}, page=COMPARE)
    assert errors(at) == "" and at.query_params["versions"] == "var:@champion,var:0.0.3"
    three_versions.set_alias("var", "champion", "0.0.2")
    at.run()
    assert at.multiselect(key="cmp_versions").value == ["var 0.0.1", "var 0.0.3"]
    assert at.query_params["versions"] == "var:0.0.1,var:0.0.3"
    at = open_app({"model": "var", "version": "latest"}, page=COMPARE)
    assert at.query_params["versions"] == "var:latest,var:0.0.2"


def test_a_link_may_name_bare_versions_of_its_model(three_versions):
    """`versions=0.0.3,0.0.1` was read as two models of those names, "which the store does not have"."""
    at = open_app({"model": "var", "versions": "0.0.3,0_0_1"}, page=COMPARE)
    assert errors(at) == "" and "does not have" not in _text(at)
    assert at.multiselect(key="cmp_versions").value == ["var 0.0.3", "var 0.0.1"]  # in the order named
    assert at.query_params["versions"] == "var:0.0.3,var:0.0.1"
    only_model = open_app({"versions": "latest,0.0.1"}, page=COMPARE)  # the store's only model
    assert only_model.multiselect(key="cmp_versions").value == ["var 0.0.3", "var 0.0.1"]
