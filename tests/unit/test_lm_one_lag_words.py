"""On a short sample the LM test keeps fewer lagged residuals than its 5: a VAR(8) of five differenced macro series
on their last 60 quarters holds one. The test's name and its verdict then say `1 lag` and `1 lagged residual`
(they said `1 lags` and `1 lagged residuals` in the page's table, the CLI and the report)."""

from __future__ import annotations

import numpy as np
from statsmodels.datasets import macrodata
from statsmodels.tsa.vector_ar.var_model import VAR

from varlib.adequacy import assess, var_lm_test
from varlib.diagnostics.var_tests import lm_result

VARIABLES = ["realgdp", "realcons", "realinv", "realgovt", "m1"]


def _short_var():
    levels = macrodata.load_pandas().data[VARIABLES].to_numpy(dtype=float)[-60:]
    return VAR(np.diff(levels, axis=0)).fit(8, trend="n")


def test_one_lagged_residual_is_named_in_the_singular():
    results = _short_var()
    test = var_lm_test(results)
    assert test is not None and test.lags == 1
    shown = lm_result(test)
    assert shown is not None and shown.name == "LM, Edgerton-Shukur F, 1 lag"
    assert "Edgerton-Shukur F form, 1 lagged residual: p = " in shown.verdict
    check = next(c for c in assess(results, "diff").checks if c.name == "whiteness")
    assert "1 lagged residual: p = " in check.verdict and "residuals: p" not in check.verdict


def test_a_pass_on_one_lagged_residual_is_no_all_clear_for_higher_lags():
    """The same VAR(8): the LM test passes at lag 1 (p about 0.23) while the portmanteau tests up to lag 10 reject
    at p about 1e-42; the verdict read "No evidence of residual autocorrelation" as if every lag were tested."""
    results = _short_var()
    check = next(c for c in assess(results, "diff").checks if c.name == "whiteness")
    assert check.ok and check.verdict.startswith("No evidence of residual autocorrelation at lag 1 (LM test,")
    assert "autocorrelation beyond lag 1 is not ruled out" in check.verdict
    shown = lm_result(var_lm_test(results))
    assert shown is not None and shown.verdict == check.verdict  # the Diagnostics page and the CLI say the same


def test_a_pass_on_all_five_lagged_residuals_keeps_its_words():
    from varlib.adequacy import lm_whiteness_verdict

    assert lm_whiteness_verdict(0.5, 5) == (
        "No evidence of residual autocorrelation (LM test, Edgerton-Shukur F form, 5 lagged residuals: p = 0.5)."
    )
    assert lm_whiteness_verdict(0.001, 2).startswith("The residuals are autocorrelated up to lag 2 (LM test,")
