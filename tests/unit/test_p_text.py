"""A p-value in a verdict is never printed as 1: three significant digits would round 0.99986 to `1`, a perfect
fit no test gives; it reads `> 0.999`. Others keep their three digits."""

from __future__ import annotations

import pytest

from varlib.adequacy import lm_whiteness_verdict, normality_verdict, whiteness_verdict
from varlib.wording import p_is, p_text


@pytest.mark.parametrize(
    ("pvalue", "text", "stated"),
    [
        (0.99986, "> 0.999", "> 0.999"),
        (0.9995, "> 0.999", "> 0.999"),
        (0.9994, "0.999", "= 0.999"),
        (0.0412, "0.0412", "= 0.0412"),
        (1.234e-5, "1.23e-05", "= 1.23e-05"),
        (1.0, "1", "= 1"),  # exactly 1 (a degenerate test) is what it is
        (0.0, "< 1e-16", "< 1e-16"),  # a tail too thin for double precision: "p = 0" claimed a certainty
        (5e-324, "4.94e-324", "= 4.94e-324"),
        (float("nan"), "not computable", "not computable"),  # degenerate residuals: "p = nan" said nothing
    ],
)
def test_a_p_value_is_printed_to_three_digits_but_never_rounded_to_one(pvalue, text, stated):
    assert (p_text(pvalue), p_is(pvalue)) == (text, stated)


def test_verdicts_of_a_p_value_just_below_one_say_so():
    assert normality_verdict(0.99986, "none") == "The residuals look normal (Doornik-Hansen p > 0.999)."
    assert lm_whiteness_verdict(0.99986, 5).endswith("5 lagged residuals: p > 0.999).")
    assert whiteness_verdict(0.99986, 10, adjusted=True).endswith("up to lag 10 (adjusted portmanteau p > 0.999).")
    assert normality_verdict(0.5, "none") == "The residuals look normal (Doornik-Hansen p = 0.5)."


def test_a_verdict_of_a_p_value_computed_as_zero_says_how_small():
    """A 0/1 break column in the variables gave "Doornik-Hansen p = 0"."""
    assert normality_verdict(0.0, "none").startswith("The residuals are not normal (Doornik-Hansen p < 1e-16):")


def test_verdicts_naming_failing_variables_never_say_p_0():
    """The ARCH verdict names each failing variable with its p; a statistic far in the tail has p computed as 0."""
    from varlib.diagnostics.arch import _verdict
    from varlib.diagnostics.outcome import TestResult

    def test(pvalue: float) -> TestResult:
        return TestResult("arch", 2000.0, pvalue, 4, 9.49, 0.05)

    said, rejected = _verdict(["gdp", "infl"], (test(0.0), test(0.5)), test(0.0), 4, 200)
    assert rejected and said.startswith("ARCH effects in gdp (p < 1e-16) and jointly (p < 1e-16):"), said
    said, _ = _verdict(["gdp", "infl"], (test(0.5), test(0.5)), test(0.0), 4, 200)
    assert said.startswith("ARCH effects jointly (p < 1e-16), in no variable alone"), said


def test_a_verdict_of_a_test_that_could_not_be_computed_never_says_p_nan():
    said = whiteness_verdict(float("nan"), 10, adjusted=False)
    assert "(portmanteau p not computable)" in said and "nan" not in said, said
