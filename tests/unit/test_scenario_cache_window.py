"""A kept saved scenario's second of trust runs from the store's last word, not from the last time it was asked for:
a scenario asked for more often than once a second (a page's every rerun, a busy REST client) is still listed once a
second, so one deleted in another process stops being served."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from varlib import Scenario, Version
from varlib.catalog import scenario_cache
from varlib.catalog.scenario_cache import SavedScenarios

KEY = "var/_scenarios/0_0_1/hold.json"


class _Folder:
    """A store's scenario folder: `held` lists the object (with its etag) or not; `asked` counts the listings."""

    def __init__(self) -> None:
        self.held, self.asked = True, 0

    def children(self, folder: str):
        self.asked += 1
        return [], [SimpleNamespace(key=KEY, etag="e1")] if self.held else []


@pytest.fixture
def kept_at_100(monkeypatch):
    """A scenario kept (read and confirmed) at 100 s on a clock the test moves, and its store folder."""
    clock = [100.0]
    monkeypatch.setattr(scenario_cache, "time", SimpleNamespace(monotonic=lambda: clock[0]))
    folder, kept = _Folder(), SavedScenarios(8)
    kept.put(KEY, "e1", Scenario("var", Version(0, 0, 1), "hold", 4, 0.05))
    return clock, folder, kept


def test_a_scenario_asked_for_every_half_second_is_listed_again_after_its_second(kept_at_100):
    clock, folder, kept = kept_at_100
    clock[0] += 0.5
    assert kept.get(folder, KEY) is not None and folder.asked == 0  # confirmed half a second ago: no listing
    folder.held = False  # deleted by another process
    clock[0] += 0.6  # 1.1 s after the store's word, 0.6 s after the last ask
    assert kept.get(folder, KEY) is None and folder.asked == 1
    assert not kept.seen_lately(KEY)


def test_a_listing_that_holds_it_starts_its_second_again(kept_at_100):
    clock, folder, kept = kept_at_100
    clock[0] += 1.5
    assert kept.get(folder, KEY) is not None and folder.asked == 1
    clock[0] += 0.5
    assert kept.get(folder, KEY) is not None and folder.asked == 1  # within the second of that listing
