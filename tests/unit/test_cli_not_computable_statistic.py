"""`varlib diagnose` prints a statistic it cannot compute (degenerate residuals: a combination of the variables
fitted exactly) as `not computable`, as its p-value reads, never `F nan`."""

from __future__ import annotations

from dataclasses import replace

import varlib
from varlib import statistic_text
from varlib.cli import main

NAN = float("nan")


def test_a_nan_statistic_reads_not_computable_and_a_number_keeps_four_digits():
    assert statistic_text(NAN) == "not computable"
    assert statistic_text(12.3456) == "12.35"


def _degenerate(diag: varlib.Diagnostics) -> varlib.Diagnostics:
    """`diag` with the LM test, the portmanteau tests and every Granger test not computed (NaN)."""
    granger = tuple(replace(t, result=replace(t.result, statistic=NAN, pvalue=NAN)) for t in diag.granger)
    tests = {
        field: replace(getattr(diag, field), statistic=NAN, pvalue=NAN)
        for field in ("whiteness_lm", "whiteness", "whiteness_adjusted")
    }
    return replace(diag, granger=granger, **tests)


def test_diagnose_prints_a_statistic_it_cannot_compute_as_not_computable(cli_var_store, capsys, monkeypatch):
    real = varlib.diagnose
    monkeypatch.setattr(varlib, "diagnose", lambda *args: _degenerate(real(*args)))
    assert main(["diagnose", "0.0.1", "--name", "var"]) == 0
    out = capsys.readouterr().out
    lm = next(line for line in out.splitlines() if line.startswith("whiteness, ") and ": F " in line)
    assert "F not computable" in lm and "p not computable" in lm, lm
    portmanteau = [line for line in out.splitlines() if "portmanteau" in line]
    assert portmanteau and all("statistic not computable, " in line for line in portmanteau), portmanteau
    granger = [line for line in out.splitlines() if line.startswith("granger ")]
    assert granger and all(": F not computable, " in line for line in granger), granger
    assert " nan" not in out, out
