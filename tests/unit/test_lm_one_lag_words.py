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
