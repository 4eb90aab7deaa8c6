"""The default maximum keeps a VAR's coefficients per equation at most half its rows, so its thin-fit warning (fewer
residual degrees of freedom than half the rows) never fires inside the default search: on 59 log differences of
six macro series AIC took a VAR(4), 25 coefficients per equation from 55 rows, and was told only that "the best
order may lie beyond it", where a larger order would break the rule. A choice at that bound now says how many
coefficients it estimates, and what BIC chooses; the order chosen stays AIC's."""

from __future__ import annotations

import numpy as np
from statsmodels.tsa.api import VAR

from studies.samples import as_quarterly
from varlib import ModelSpec, load_dataset, train_model

SIX = ("realgdp", "realcons", "realinv", "realgovt", "cpi", "pop")


def test_aic_at_the_half_rows_bound_is_told_its_coefficients_per_equation():
    frame = load_dataset(variables=list(SIX)).frame.loc[:"1973-10-01"]  # 1959Q1-1973Q4: 60 quarters
    result = train_model(as_quarterly(frame, "macro60"), ModelSpec(SIX, transform="logdiff", holdout=0))
    growth = np.diff(np.log(frame.to_numpy(dtype=float)), axis=0)  # 59 rows
    chosen = VAR(growth).select_order(4, trend="c").selected_orders
    assert result.params.k_ar == chosen["aic"] == 4  # statsmodels' choice on the same search
    assert chosen["bic"] == 0 and result.selection.selected["bic"] == 1  # BIC's order from 1, the search's start
    assert result.selection.max_lags == 4  # the half-rows bound: 6*4 + 1 = 25 <= (59 - 4) / 2; Schwert's rule gives 10
    fitted = VAR(growth).fit(4, trend="c")
    assert fitted.params.shape[0] == 25 and fitted.nobs == 55 and fitted.df_resid == 30  # the numbers the words give
    edge = [warning for warning in result.warnings if "largest order searched" in warning]
    assert edge == [
        "aic chose the largest order searched (4), the most the default allows on 59 rows of 6 variables: a VAR(4)"
        " estimates 25 coefficients per equation from 55 rows, close to half, so its estimates are imprecise and the"
        " criterion may overfit; compare a smaller fixed order (BIC chooses 1) on the holdout"
    ]
    assert not any("residual degrees of freedom" in warning for warning in result.warnings)  # 30 of 55: not thin


def test_a_top_set_by_the_users_maximum_keeps_the_words_of_an_edge():
    frame = load_dataset(variables=list(SIX)).frame.loc[:"1973-10-01"]
    result = train_model(as_quarterly(frame, "macro60"), ModelSpec(SIX, transform="logdiff", holdout=0, max_lags=2))
    assert result.params.k_ar == 2
    assert "aic chose the largest order searched (2): the best order may lie beyond it, or the criterion overfits;" in (
        " ".join(result.warnings)
    )
