"""The Diagnostics page says the VECM its unit-root advice names in the Train page's fields, as the Train page's
(`on the Train page: Model kind **VECM**, ...`), not as the CLI's options, whose `--coint-rank` the browser wrapped at
its dashes and which no field of the dashboard reads; this version's own comparison still follows the advice, and the
CLI's and REST's JSON keep the spec's fields and the options."""

from __future__ import annotations

import pytest

import varlib.integration
from tests.app.conftest import errors, open_app
from tests.app.test_train_vecm_page_words import FIRST_TESTED, SHORT_WORDS, TESTED, _long_csv
from tests.app.test_vecm_pages import DIAG, _cointegrated_csv
from varlib import ModelSpec, diagnose, load_dataset, render_report, train_model
from varlib.service import publish_result

CLI_WORDS = (
    "(lags 2, coint_rank 1, deterministic `co`; CLI `--model vecm --transform log --lags 2 --coint-rank 1"
    " --deterministic co`)"
)
COMPARED = "This version models the levels (transform `none`): compare it with the model advised above on the holdout"


def _publish_var(registry, csv: bytes) -> None:
    """A VAR in levels of two series with one long-run relation: its diagnostics advise a VECM."""
    dataset = load_dataset(csv)
    publish_result(registry, train_model(dataset, ModelSpec(variables=tuple(dataset.variables))), "pair")


def _advice(at) -> str:
    assert not at.exception and errors(at) == "", errors(at)
    return next(i.value for i in at.info if "Johansen's trace test" in i.value)


def _unit_roots_tab():
    return open_app({"model": "pair", "version": "0.0.1", "tab": "unit-roots"}, page=DIAG)


def test_the_advice_names_the_train_page_s_fields_and_no_cli_option(registry):
    _publish_var(registry, _cointegrated_csv())
    said = _advice(_unit_roots_tab())
    assert f"fix that order and rank (on the Train page: {SHORT_WORDS[1:]}: at the order" in said, said
    assert "--" not in said and "CLI" not in said and "coint\\_rank" not in said
    assert f"{COMPARED} (the Compare page)." in said  # the version's own words follow the advice, as they did


def test_on_a_long_sample_it_names_from_under_limit_the_date_range(registry, monkeypatch):
    monkeypatch.setattr(varlib.integration, "MAX_TESTED_ROWS", TESTED)
    _publish_var(registry, _long_csv())
    said = _advice(_unit_roots_tab())
    assert f"on the last {TESTED} rows (from {FIRST_TESTED}): to train the VECM it tested" in said, said
    assert "train on those rows alone (on the Train page: Model kind **VECM**, Transform **none**" in said
    assert f"Deterministic terms **co** and, under Limit the date range, From **{FIRST_TESTED}**)" in said
    assert "--" not in said and "CLI" not in said


@pytest.mark.parametrize("compare", [None, "varlib compare pair"])
def test_the_cli_rest_and_report_keep_the_spec_s_fields_and_options(registry, compare):
    _publish_var(registry, _cointegrated_csv())
    artifact = registry.load("pair", "0.0.1")
    diag = diagnose(artifact)
    advice = diag.to_dict(compare)["integration_advice"]  # the CLI's and REST's JSON
    assert advice == diag.advice_comparing(compare) and CLI_WORDS in advice
    assert f"{COMPARED} ({compare or 'the Compare page'})." in advice
    assert "--lags 2 --coint-rank 1 --deterministic co" in render_report(artifact, diag, compare=compare)
    vecm = diag.integration.advised_vecm
    assert diag.integration_advice_in(lambda v: f"rank {v.coint_rank}") == diag.integration_advice.replace(
        vecm.settings, "rank 1"
    )  # the page's words replace the settings alone
