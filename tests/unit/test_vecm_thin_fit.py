"""A VECM's thin-fit warning counts the VECM's own regressors per equation: k(p - 1) lagged differences, r loadings
and its terms outside the relation, as statsmodels' VECMResults estimates them. It counted the k*p + d of the VAR in
levels whose order the criteria search (28 where the VECM of e1 at VAR order 9, rank 1, `co` estimates 26), so it
warned of fits that keep more than half their rows as degrees of freedom; a backtest's origins likewise."""

from __future__ import annotations

import pytest
from statsmodels.tsa.vector_ar.vecm import VECM

from studies.samples import lutkepohl_e1
from varlib import ModelSpec, train_model
from varlib.artifact import build_artifact
from varlib.backtest import backtest
from varlib.errors import InvalidInputError

SPEC = ModelSpec(("invest", "income", "cons"), kind="vecm", lags=9, coint_rank=1, holdout=0)


@pytest.mark.parametrize("deterministic", ["co", "ci", "colo", "cili", "n"])
def test_the_regressors_counted_are_those_statsmodels_estimates_per_equation(deterministic):
    result = train_model(lutkepohl_e1(end="1974-10-01"), SPEC.with_(deterministic=deterministic))
    levels = result.dataset.frame.to_numpy(dtype=float)
    fitted = VECM(levels, k_ar_diff=8, coint_rank=1, deterministic=deterministic).fit()
    assert result.params.regressors == fitted._delta_x.shape[0] + fitted.alpha.shape[1]


def test_a_vecm_warns_of_its_own_coefficients_per_equation():
    result = train_model(lutkepohl_e1(end="1974-10-01"), SPEC)  # 60 rows: 51 after the 9 presample ones
    thin = [warning for warning in result.warnings if "coefficients per equation" in warning]
    assert thin == [
        "VECM of VAR order 9 estimates 26 coefficients per equation (24 on 8 lagged differences, 1 loading of the"
        " long-run relation, 1 deterministic term) from 51 rows (25 residual degrees of freedom): the estimates are"
        " imprecise; use fewer lags or more data"
    ]
    # 4 rows more: the VECM keeps 29 of 55 rows, more than half, where the VAR in levels would keep 27
    wider = train_model(lutkepohl_e1(end="1975-10-01"), SPEC)
    assert not any("coefficients per equation" in warning for warning in wider.warnings), wider.warnings


def test_a_vecm_backtest_names_the_origins_thin_for_the_vecm():
    artifact = build_artifact(train_model(lutkepohl_e1(end=None), SPEC), "e1", "t")  # 92 rows
    result = backtest(artifact, origins=30, horizon=4)  # origins at rows 59-88: 50-79 after the presample
    note = next(note for note in result.notes if "residual degrees of freedom" in note)
    # fewer than half of the rows only at the first two (26 regressors; the VAR's 28 flagged the first six)
    where = f"{result.periods[0]}–{result.periods[1]}"
    assert note.startswith(f"At origins {where} the model is estimated with 24-25 residual degrees of freedom"), note
    assert "from 50-51 rows" in note


def test_a_fixed_order_is_refused_by_the_vecms_own_count_not_the_var_in_levels():
    """61 rows of e1 at VAR order 13: the VAR in levels would estimate 40 coefficients per equation from 48 rows (8
    residual degrees of freedom, refused); the VECM of rank 1 estimates 38 (statsmodels' own count), keeping 10."""
    sample = lutkepohl_e1(end="1975-01-01")
    result = train_model(sample, SPEC.with_(lags=13))
    fitted = VECM(sample.frame.to_numpy(dtype=float), k_ar_diff=12, coint_rank=1, deterministic="co").fit()
    assert result.params.regressors == fitted._delta_x.shape[0] + fitted.alpha.shape[1] == 38
    assert len(fitted.resid) - result.params.regressors == 10
    with pytest.raises(InvalidInputError) as refused:  # rank 2: one loading more, 9 left
        train_model(sample, SPEC.with_(lags=13, coint_rank=2))
    assert str(refused.value) == (
        "the training sample has 61 usable rows; a VECM of VAR order 13 (cointegration rank 2) of 3 variables"
        " estimates 39 coefficients per equation and would keep 9 residual degrees of freedom, below the minimum of"
        " 10: use fewer lags (at most 12 here) or at least 62 usable rows"
    )


def test_a_vecm_backtest_is_sized_by_the_vecms_own_count():
    """92 rows of e1, VAR order 9, rank 1: the first origin's fit needs 9 + 26 + 10 = 45 rows (the VAR in levels'
    28 coefficients would need 47), so 44 origins at horizon 4 (45 rows) run and 45 are refused in the VECM's words."""
    artifact = build_artifact(train_model(lutkepohl_e1(end=None), SPEC), "e1", "t")
    assert len(backtest(artifact, origins=44, horizon=4).periods) == 44
    with pytest.raises(InvalidInputError) as refused:
        backtest(artifact, origins=45, horizon=4)
    assert str(refused.value) == (
        "the first backtest origin's training part has 44 usable rows, on which a VECM of VAR order 9 of 3 variables"
        " would keep 9 residual degrees of freedom, below the minimum of 10 (it needs 45 rows); use fewer origins or"
        " a shorter horizon (origins + horizon at most 48, e.g. 44 origins at horizon 4)"
    )
