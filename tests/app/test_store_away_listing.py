"""The Forecast page while the store is away: the saved scenarios last listed keep it forecasting, and the store
is asked again only once the listing's time is up, so a silent store does not hold every rerun for its timeout.
(tests/e2e/test_store_outage_e2e.py drives the same through a browser, with the store really gone.)"""

from __future__ import annotations

from tests.app.conftest import charts, errors, open_app
from ui import store
from varlib import Registry, StoreUnavailableError, make_scenario


def test_the_last_listing_serves_while_the_store_is_away_and_is_asked_again_once_its_time_is_up(seeded, monkeypatch):
    seeded.save_scenario(make_scenario(seeded.load("var", "0.0.1"), "dip", 4, conditions={"realgdp": [1e4]}))
    at = open_app({"model": "var", "version": "0.0.1"})
    assert errors(at) == "" and "dip" in at.selectbox(key="fc_scenario").options
    asked = []

    def away(self, name, version):
        asked.append(name)
        raise StoreUnavailableError("MinIO at 127.0.0.1:9 is unreachable (timed out)")

    monkeypatch.setattr(Registry, "scenarios", away)
    store._scenarios.clear()  # the cached listing's time is up
    for _ in range(3):
        at.run()
        assert errors(at) == "" and len(charts(at)) == 2 and "dip" in at.selectbox(key="fc_scenario").options
    assert len(asked) == 1  # asked once, then the last listing until LIST_TTL has passed
    monkeypatch.setattr(store, "LIST_TTL", 0)  # its time is up: the store is asked again (and still away)
    at.run()
    assert len(asked) > 1 and errors(at) == "" and len(charts(at)) == 2
