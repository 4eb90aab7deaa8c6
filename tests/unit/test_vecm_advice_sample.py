"""The words of the VECM the unit-root advice names when training must repeat more than its order and terms: the
rows tested, where a long sample's last ones alone were (and their dates unknown), and no exogenous variables."""

from __future__ import annotations

from varlib import analyse_integration, load_dataset
from varlib.integration_advice import recommend
from varlib.integration_vecm import AdviceSample

NAMES = ["realgdp", "realcons", "cpi"]


def _advice(sample: AdviceSample) -> str:
    dataset = load_dataset(variables=NAMES, start="1990Q1", end="2007Q4")
    found = analyse_integration(dataset.frame[NAMES].to_numpy(dtype=float), NAMES, 9)  # one relation at order 9
    return recommend(found.unit_roots, True, found.johansen, None, "", sample)[1]


def test_without_the_rows_dates_the_advice_says_to_start_at_the_first_row_tested():
    assert (
        " The test ran at VAR order 9 in log levels on the last 5,000 rows: to train the VECM it tested, fix that"
        " order and rank and train on those rows alone, from the first one's date (lags 9, coint_rank 1,"
        " deterministic `co`; CLI `--model vecm --transform log --lags 9 --coint-rank 1 --deterministic co` with"
        " --start at that date): at the order a criterion chooses, or on every row, the test may find another"
        " rank, or none."
    ) in _advice(AdviceSample(5_000))


def test_the_first_row_tested_and_the_exogenous_variables_left_out_are_named():
    assert (
        " on the last 5,000 rows (from 1990-01-01): to train the VECM it tested, fix that order and rank and train on"
        " those rows alone (lags 9, coint_rank 1, deterministic `co`, start 1990-01-01; CLI `--model vecm --transform"
        " log --lags 9 --coint-rank 1 --deterministic co --start 1990-01-01`), without the exogenous variables"
        " realint and tbilrate (a VECM takes none): at the order"
    ) in _advice(AdviceSample(5_000, "1990-01-01", ("realint", "tbilrate")))


def test_the_note_on_a_long_sample_names_the_first_row_tested_where_known():
    from dataclasses import replace

    from varlib import Integration

    found = Integration("levels", (), "none", "", None, 5_000, 6_000)
    assert found.sample_note.startswith("The tests ran on the last 5,000 of the 6,000 rows: on a longer sample")
    dated = replace(found, sample=AdviceSample(5_000, "2002-09-27"))
    assert dated.sample_note.startswith("The tests ran on the last 5,000 of the 6,000 rows (from 2002-09-27): on a")
    assert (found.to_dict()["tested_from"], dated.to_dict()["tested_from"]) == (None, "2002-09-27")


def test_a_front_says_the_vecm_s_settings_in_its_own_words_and_the_rest_of_the_advice_as_it_is():
    dataset = load_dataset(variables=NAMES, start="1990Q1", end="2007Q4")
    found = analyse_integration(dataset.frame[NAMES].to_numpy(dtype=float), NAMES, 9)
    settings = "lags 9, coint_rank 1, deterministic `co`; CLI `--model vecm --transform log --lags 9 --coint-rank 1"
    assert found.advised_vecm is not None and found.advised_vecm.settings.startswith(settings)
    worded = found.advice_in(lambda vecm: f"Lags {vecm.lags}, rank {vecm.coint_rank}")
    assert worded == found.advice.replace(found.advised_vecm.settings, "Lags 9, rank 1")
    assert "fix that order and rank (Lags 9, rank 1): at the order" in worded and "--" not in worded
    levels = analyse_integration(dataset.frame[NAMES[:2]].to_numpy(dtype=float), NAMES[:2])  # no VECM named
    assert levels.advised_vecm is None and levels.advice_in(lambda vecm: "?") == levels.advice
