"""A real Chromium on the Train page: Train pressed a moment after "Use a VECM ..." (before the button's run is drawn)
trains the VECM the button set, and the fields keep showing it. Train's request carried the fields as the browser
still showed them, which won over what the button had set: a VAR, its order chosen by a criterion, was trained."""

from __future__ import annotations

import pytest

from tests.app.test_vecm_pages import _cointegrated_csv
from tests.support.browser import upload_for_training, wait_for_app

pytestmark = pytest.mark.e2e

# both presses from the page itself, `delay` ms apart: a click from the test's side takes longer than the race's window
PRESS_BOTH = """(delay) => {
  const buttons = [...document.querySelectorAll('button')];
  const vecm = buttons.find(b => b.innerText.includes('Use a VECM with rank 1'));
  const train = buttons.find(b => b.innerText.trim().endsWith('Train'));
  vecm.click(); setTimeout(() => train.click(), delay); }"""


def _checked(page, group: str) -> str:
    """The label of the option checked in the radio group `group`."""
    checked = page.get_by_role("radiogroup", name=group).locator("input:checked")
    return checked.evaluate("e => e.closest('label').innerText")


@pytest.mark.parametrize("delay", [30, 60])  # ms: within the button's run, as long as a fast one takes
def test_train_pressed_right_after_the_vecm_button_trains_that_vecm(local_dashboard, page, tmp_path, delay):
    csv = tmp_path / "pair.csv"
    csv.write_bytes(_cointegrated_csv())
    page.goto(f"{local_dashboard}/train")
    wait_for_app(page)
    upload_for_training(page, csv)
    page.get_by_role("button", name="Use a VECM with rank 1", exact=False).wait_for()
    page.evaluate(PRESS_BOTH, delay)
    trained = page.locator('[data-testid="stExpander"] summary').filter(has_text="Trained ").first
    trained.wait_for()
    wait_for_app(page)
    assert "Trained VECM of cointegration rank 1 (fixed)" in trained.inner_text()
    assert _checked(page, "Model kind").startswith("VECM") and _checked(page, "Lag order") == "fixed"
    assert not page.get_by_text("changed after these results were trained", exact=False).count()
