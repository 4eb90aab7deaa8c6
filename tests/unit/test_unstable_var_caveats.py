"""An unstable VAR's responses and shares are said to be meaningless where they are read, not only on the Stability
tab, and the Stability table prints its deciding root with the digits that place it outside the circle (the bundled
data in levels with 3 lags: largest modulus 1.00002, printed 1.0000 beside a verdict of `not stable`)."""

from __future__ import annotations

import pytest

from ui.diagnostics_sections import fevd_note, irf_bands_note
from varlib import ModelSpec, diagnose, load_dataset, train_model
from varlib.artifact import build_artifact
from varlib.diagnostics.results import Stability


def _diagnosed(transform: str):
    dataset = load_dataset()
    result = train_model(dataset, ModelSpec(tuple(dataset.variables), lags=3, transform=transform))
    return diagnose(build_artifact(result, "var", "t"), irf_periods=4)


@pytest.fixture(scope="module")
def unstable():
    diag = _diagnosed("none")
    assert not diag.stability.stable  # the case: a VAR in levels of trending data
    return diag


def test_the_responses_and_shares_of_an_unstable_var_carry_its_caveat(unstable):
    largest = Stability.root_text(float(unstable.stability.moduli.max()))
    assert largest.startswith("1.0000") and largest != "1.0000"  # the digits that put it outside the circle
    said = f"**This VAR is not stable** (largest eigenvalue modulus {largest}, on or outside the unit circle"
    assert said in irf_bands_note(unstable, orth=True) and "these responses and their bands are not" in irf_bands_note(
        unstable, orth=True
    )
    assert said in fevd_note(unstable) and fevd_note(unstable).endswith("so these shares are not meaningful.")


def test_a_stable_var_says_nothing_of_the_kind():
    stable = _diagnosed("logdiff")
    assert stable.stability.stable
    assert "not stable" not in irf_bands_note(stable, orth=True) + fevd_note(stable)


@pytest.mark.parametrize(
    "value, shown",
    [(1.00002, "1.00002"), (0.99996, "0.99996"), (-1.00002, "-1.00002"), (1.0, "1.0000"), (0.5, "0.5000")],
)
def test_a_root_near_the_circle_keeps_the_digits_that_place_it(value, shown):
    assert Stability.root_text(value) == shown
