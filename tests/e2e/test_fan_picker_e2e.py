"""The Forecast page's Fan chart picker in Chromium: with every level picked, each level's chip is whole inside the
control at 1440 and 1920 px, with and without presentation mode (a multiselect there scrolled its chips sideways and
cut the last ones off); picking them moves nothing on the page; and the keyboard still picks a level.

What the browser draws is measured. The store is a local folder (no MinIO needed).
"""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest

from tests.support.browser import wait_for_app
from tests.support.settings_row import measured, sized_context
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


@pytest.mark.parametrize(
    ("width", "height", "present"), [(1440, 1000, False), (1920, 1080, False), (1440, 1000, True), (1920, 1080, True)]
)
def test_every_picked_level_shows_whole_inside_the_control(local_var_dashboard, chromium, width, height, present):
    shown = "&present=1" if present else ""
    with sized_context(chromium, width, height) as context:
        full = measured(context, f"{local_var_dashboard}/?model=var&fan={EVERY_LEVEL}{shown}", present, FAN)
        empty = measured(context, f"{local_var_dashboard}/?model=var{shown}", present, FAN)
    assert [text for text, _, _ in full["chips"]] == [f"{level}%" for level in FAN_LEVELS], full
    left, top, right, bottom = full["control"]
    assert right <= width, full  # the control itself on the screen
    for text, chip, seen in full["chips"]:
        inside = left <= chip[0] and top <= chip[1] and chip[2] <= right and chip[3] <= bottom
        assert inside and seen == chip, (text, chip, seen, full["control"])  # whole: not cut or scrolled away
    # its row as high with no level picked: a pick moves nothing under it
    assert empty["row"] == full["row"], (empty, full)


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
