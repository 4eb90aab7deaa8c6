"""A largest eigenvalue near the unit circle is read by its angle: near 1 a slow decay, near -1 a part that flips
sign every period, a complex pair a damped cycle (a season, in quarterly data). A VECM of the e6 data had a root
of -0.9906 read as "the error correction is slow", while its α of -0.64 corrects fast."""

from __future__ import annotations

import numpy as np
import pytest

from varlib.adequacy import stability_verdict
from varlib.near_unit import near_unit_reading
from varlib.vecm_checks import stability


def test_a_real_positive_root_is_left_to_each_verdict():
    assert near_unit_reading(0.99 + 0j) is None
    assert near_unit_reading(0.99 * np.exp(0.1j)) is None  # a cycle of 63 periods: a decay, not a season


def test_a_root_near_minus_one_flips_sign_every_period():
    reading = near_unit_reading(-0.9906 + 0j)
    assert reading.startswith("The largest, -0.9906, is close to -1: a part that changes sign every period")


@pytest.mark.parametrize(("angle", "period"), [(np.pi / 2, "4.0"), (np.pi / 6, "12.0"), (2 * np.pi / 5, "5.0")])
def test_a_complex_pair_is_a_damped_cycle_of_its_period(angle, period):
    root = 0.97 * np.exp(1j * angle)
    reading = near_unit_reading(complex(root))
    assert f"slowly damped cycle of about {period} periods" in reading
    assert f"± {abs(root.imag):.4f}i" in reading


def test_the_var_verdict_reads_a_seasonal_root_in_any_transform():
    for transform in ("none", "diff", "logdiff"):
        verdict = stability_verdict(True, complex(0.96 * np.exp(1j * np.pi / 2)), transform)
        assert verdict.startswith("Stable: every eigenvalue of the companion matrix is inside the unit circle")
        assert "cycle of about 4.0 periods" in verdict and "trending data" not in verdict
    assert "typical of a VAR in levels of trending data" in stability_verdict(True, 0.97 + 0j, "none")


def test_the_vecm_verdict_says_slow_correction_only_for_a_positive_root():
    def vecm(second_root: float) -> np.ndarray:
        """A VAR(1) of two variables with eigenvalues 1 (the common trend) and `second_root`."""
        return np.array([[[1.0, 0.0], [0.0, second_root]]])

    ok, _, units, verdict = stability(vecm(-0.98), rank=1)
    assert ok and units == 1
    assert "close to -1" in verdict and "error correction is slow" not in verdict
    _, _, _, verdict = stability(vecm(0.98), rank=1)
    assert verdict.endswith("The largest is close to 1: the error correction is slow.")
