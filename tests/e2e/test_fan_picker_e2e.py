"""The Forecast page's Fan chart picker in Chromium: with every level picked, each level's chip is whole inside the
control at 1440 and 1920 px, with and without presentation mode (a multiselect there scrolled its chips sideways and
cut the last ones off); picking them moves nothing on the page; and the keyboard still picks a level.

What the browser draws is measured. The store is a local folder (no MinIO needed).
"""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest

from tests.support.browser import wait_for_app
from tests.support.settings_row import measured_in_sizes, sized_context
from ui.forecast_link import FAN_LEVELS

pytestmark = pytest.mark.e2e
EVERY_LEVEL = ",".join(map(str, FAN_LEVELS))
# The Fan chart control's box, and each chosen level's chip (a multiselect's tag, a pressed pill) with the part of it
# left visible by the boxes that clip it inside the control (a scrolled chip area): [text, chip, visible part]; and
# the height of the row it is in (the Saved scenario picker's)
FAN = """() => {
  const label = [...document.querySelectorAll('[data-testid="stWidgetLabel"]')]
    .find(l => l.offsetParent && l.innerText.trim() === 'Fan chart');
  if (!label) return null;
  const control = label.closest('[data-testid="stElementContainer"]'), round = r => [r.left, r.top, r.right, r.bottom]
    .map(Math.round);
  const chips = [...control.querySelectorAll('[data-tag], button[aria-pressed="true"]')].map(chip => {
    const box = chip.getBoundingClientRect(), seen = [box.left, box.top, box.right, box.bottom];
    for (let up = chip.parentElement; up && up !== control.parentElement; up = up.parentElement) {
      if (getComputedStyle(up).overflowX === 'visible' && getComputedStyle(up).overflowY === 'visible') continue;
      const clip = up.getBoundingClientRect();
      seen[0] = Math.max(seen[0], clip.left); seen[1] = Math.max(seen[1], clip.top);
      seen[2] = Math.min(seen[2], clip.right); seen[3] = Math.min(seen[3], clip.bottom); }
    return [chip.innerText.trim(), round(box), seen.map(Math.round)]; });
  const row = control.parentElement.closest('[data-testid="stHorizontalBlock"]').getBoundingClientRect();
  return {control: round(control.getBoundingClientRect()), chips, row: Math.round(row.bottom - row.top)}; }"""


SIZES = [(1440, 1000), (1920, 1080)]


@pytest.mark.parametrize("present", [False, True])
def test_every_picked_level_shows_whole_inside_the_control(local_var_dashboard, chromium, present):
    shown = "&present=1" if present else ""
    with sized_context(chromium, *SIZES[0]) as context:  # the pages share the loaded scripts
        full = measured_in_sizes(
            context, f"{local_var_dashboard}/?model=var&fan={EVERY_LEVEL}{shown}", present, FAN, SIZES
        )
        empty = measured_in_sizes(context, f"{local_var_dashboard}/?model=var{shown}", present, FAN, SIZES)
    for width, height in SIZES:
        picked, none = full[(width, height)], empty[(width, height)]
        assert [text for text, _, _ in picked["chips"]] == [f"{level}%" for level in FAN_LEVELS], picked
        left, top, right, bottom = picked["control"]
        assert right <= width, (width, picked)  # the control itself on the screen
        for text, chip, seen in picked["chips"]:
            inside = left <= chip[0] and top <= chip[1] and chip[2] <= right and chip[3] <= bottom
            assert inside and seen == chip, (width, text, chip, seen, picked["control"])  # whole: not cut or scrolled
        # its row as high with no level picked: a pick moves nothing under it
        assert none["row"] == picked["row"], (width, none, picked)
    assert full[SIZES[0]]["control"] != full[SIZES[1]]["control"]  # measured in each window, not twice in one


def test_a_level_is_picked_and_unpicked_from_the_keyboard(local_var_dashboard, page):
    page.goto(f"{local_var_dashboard}/?model=var&fan=30")
    wait_for_app(page)
    levels = page.get_by_role("toolbar", name="Fan chart")
    levels.get_by_role("button", name="30%").focus()
    page.keyboard.press("ArrowRight")  # one Tab stop: the arrows go from level to level
    page.keyboard.press("Space")
    page.wait_for_function("() => new URL(location.href).searchParams.get('fan') === '30,40'")
    wait_for_app(page)
    picked = levels.get_by_role("button", name="40%")
    assert picked.get_attribute("aria-pressed") == "true"
    assert page.evaluate("() => document.activeElement.innerText.trim()") == "40%"  # the focus stays on it
    page.keyboard.press("Enter")
    page.wait_for_function("() => new URL(location.href).searchParams.get('fan') === '30'")
    assert parse_qs(urlsplit(page.url).query)["fan"] == ["30"]
