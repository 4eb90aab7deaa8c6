"""A VECM trained as the unit-root advice names it is the VECM the advice tested. On 72 quarters of the macro data
(realgdp, realcons, cpi, 1990Q1-2007Q4) the advice found rank 1 at the VAR's order, 9, and named only the kind,
rank and transform: trained so, the VECM's own criterion took order 4 on the logs, where Johansen's test finds no
relation, and training refused."""

from __future__ import annotations

import json
import re

from tests.api.local_store import local_client
from varlib import ModelSpec, analyse_integration, load_dataset, train_model

DATA = ("--vars", "realgdp,realcons,cpi", "--start", "1990Q1", "--end", "2007Q4")
NAMES = ["realgdp", "realcons", "cpi"]


def test_the_vecm_the_train_advice_names_trains_at_the_rank_it_found(local_cli, local_settings):
    code, out, _ = local_cli("train", *DATA, "--name", "m72", "--publish")
    advice = next(line for line in out.splitlines() if line.startswith("unit roots: "))
    assert code == 0 and "VAR(9)" in out and "finds 1 cointegrating relation" in advice  # the premise
    options = re.search(r"CLI `(--model vecm[^`]*)`", advice)
    assert options is not None, advice
    code, out, err = local_cli("train", *DATA, *options[1].split())
    assert code == 0, err
    assert "VECM of cointegration rank 1 (fixed), 8 lagged differences (VAR order 9 in log levels)" in out
    assert "constant outside the relation (co)" in out
    # what `diagnose` says of the VAR, in text and JSON, is the same advice with the same options
    code, text, _ = local_cli("diagnose", "--name", "m72")
    assert code == 0 and options[0] in text
    code, raw, _ = local_cli("diagnose", "--name", "m72", "--json")
    said = json.loads(raw)
    assert options[0] in said["integration_advice"]
    assert said["unit_roots"]["advised_vecm"] == {
        "kind": "vecm",
        "transform": "log",
        "lags": 9,
        "coint_rank": 1,
        "deterministic": "co",
    }
    for client in local_client(local_settings):  # the REST diagnostics: the same JSON
        body = client.get("/models/m72/versions/0.0.1/diagnostics").json()
        assert options[0] in body["integration_advice"]
        assert body["unit_roots"]["advised_vecm"] == said["unit_roots"]["advised_vecm"]


def test_the_advised_spec_fits_the_order_and_rank_tested():
    dataset = load_dataset(variables=NAMES, start="1990Q1", end="2007Q4")
    found = analyse_integration(dataset.frame[NAMES].to_numpy(dtype=float), NAMES, 9)
    advised = found.advised_vecm
    assert advised is not None and found.johansen is not None
    result = train_model(dataset, ModelSpec(tuple(NAMES), **advised.to_dict()))  # the spec's fields, kind included
    assert (result.params.k_ar, result.params.coint_rank) == (9, found.vecm_rank)
    # the fitted sample's test is the advice's: the same statsmodels statistics
    assert result.params.johansen.trace == found.johansen.trace


def test_the_advice_names_the_order_terms_and_options_it_tested_with():
    dataset = load_dataset(variables=NAMES, start="1990Q1", end="2007Q4")
    found = analyse_integration(dataset.frame[NAMES].to_numpy(dtype=float), NAMES, 9)
    assert (
        " The test ran at VAR order 9 in log levels: to train the VECM it tested, fix that order and rank (lags 9,"
        " coint_rank 1, deterministic `co`; CLI `--model vecm --transform log --lags 9 --coint-rank 1"
        " --deterministic co`): at the order a criterion chooses the test may find another rank, or none."
    ) in found.advice
    assert found.to_dict()["advised_vecm"]["lags"] == 9


def test_a_vecm_left_to_its_criterion_is_refused_naming_the_order_where_the_test_finds_a_relation(local_cli):
    # the criterion's order stays its own (4 on the logs); the refusal names the nearest order searched at which the
    # test finds a rank, larger here, and not BIC's order 1, where it finds none either and training refuses again
    code, _, err = local_cli("train", *DATA, "--model", "vecm", "--transform", "log")
    assert code != 0 and "at VAR order 4, chosen by aic (lags 1-10), finds no cointegrating relation" in err
    assert "but at order 8 (lags, CLI --lags 8; there the test finds rank 1), longer than the criterion's" in err
    assert "--ic bic" not in err
    code, out, err = local_cli("train", *DATA, "--model", "vecm", "--transform", "log", "--lags", "8")
    assert code == 0 and "VECM of cointegration rank 1 (Johansen trace test at 5%)" in out, err


def test_after_a_varx_the_advice_names_the_vecm_without_its_exogenous_variables(local_cli):
    """A VARX's advice named the VECM's options alone; trained with the VARX's --exog too, as the person would,
    the VECM is refused: a VECM takes no exogenous variables."""
    code, out, _ = local_cli("train", *DATA, "--exog", "realint", "--name", "varx", "--publish")
    advice = next(line for line in out.splitlines() if line.startswith("unit roots: "))
    assert code == 0 and "finds 1 cointegrating relation" in advice  # the premise: the VECM of the VAR's advice
    assert (
        "CLI `--model vecm --transform log --lags 9 --coint-rank 1 --deterministic co`), without the exogenous"
        " variable realint (a VECM takes none): at the order a criterion chooses"
    ) in advice
    options = re.search(r"CLI `(--model vecm[^`]*)`", advice)
    assert options is not None, advice
    code, _, err = local_cli("train", *DATA, "--exog", "realint", *options[1].split())
    assert code != 0 and "exogenous variables (realint) are a VAR option: a VECM here has none" in err
    code, out, err = local_cli("train", *DATA, *options[1].split())
    assert code == 0 and "VECM of cointegration rank 1 (fixed), 8 lagged differences" in out, err
    code, text, _ = local_cli("diagnose", "--name", "varx")  # the version's diagnostics say it too
    assert code == 0 and "without the exogenous variable realint (a VECM takes none)" in text
