"""Deleting a saved scenario over REST: `DELETE /models/{name}/versions/{version}/scenarios/{scenario}` answers 204
and the audit trail names the admin; an unknown scenario, version or model is a 404 naming it; no token is a 401
and a publisher's a 403 in the rule's words; a store that stops answering is a 503 with nothing lost; documented
as its neighbours are."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from fastapi.testclient import TestClient

from tests.api.local_store import local_client, local_registry
from varlib import Actor, AuthSettings, make_scenario
from varlib.api import create_app
from varlib.errors import StoreUnavailableError
from varlib.store.local import LocalStore

ADMIN = Actor("Ada Admin", "ada-sub", "https://issuer.test", via="rest", origin="10.1.2.3")
HOLD = "/models/var/versions/0.0.1/scenarios/hold"
PATH = "/models/{name}/versions/{version}/scenarios/{scenario}"


@pytest.fixture
def stored(macro_result, tmp_path):
    """var 0.0.1 and 0.0.2, with the scenario `hold` saved on 0.0.1 and `dip` on 0.0.2."""
    settings, registry = local_registry(tmp_path, macro_result)
    registry.save_scenario(make_scenario(registry.load("var", "0.0.1"), "hold", 4))
    registry.save_scenario(make_scenario(registry.load("var", "0.0.2"), "dip", 4))
    return settings, registry


def test_an_admin_deletes_a_scenario_with_204_and_the_trail_names_them(stored):
    settings, _ = stored
    for client in local_client(settings, actor=ADMIN):
        answer = client.delete(HOLD)
        assert answer.status_code == 204 and answer.content == b"", answer.text
        assert client.get(HOLD).status_code == 404
        assert client.get("/models/var/versions/0.0.1/scenarios").json() == []
        newest = client.get("/models/var/history").json()[0]
        assert (newest["action"], newest["version"], newest["scenario"]) == ("scenario.delete", "0.0.1", "hold")
        assert newest["actor"]["subject"] == "ada-sub"
        latest = client.delete("/models/var/versions/latest/scenarios/dip")  # `latest` resolved as reads do
        assert latest.status_code == 204 and client.get("/models/var/versions/0.0.2/scenarios/dip").status_code == 404


def test_an_unknown_scenario_version_or_model_is_a_404_naming_it(stored):
    settings, registry = stored
    for client in local_client(settings, actor=ADMIN):
        gone = client.delete("/models/var/versions/0.0.1/scenarios/nope")
        assert gone.status_code == 404, gone.text
        body = gone.json()
        assert "var 0.0.1 has no scenario 'nope'; saved: hold" in body["error"]
        assert (body["field"], body["value"]) == ("scenario", "nope")
        version = client.delete("/models/var/versions/0.0.9/scenarios/hold")
        assert version.status_code == 404 and "0.0.9" in version.json()["error"], version.text
        model = client.delete("/models/nope/versions/0.0.1/scenarios/hold")
        assert model.status_code == 404 and "'nope'" in model.json()["error"], model.text
        bad = client.delete("/models/var/versions/0.0.1/scenarios/Not%20A%20Name")
        assert bad.status_code == 422 and bad.json()["field"] == "scenario", bad.text
    assert [s.scenario for s in registry.scenarios("var", "0.0.1")] == ["hold"]


def test_a_store_that_stops_answering_is_a_503_and_the_scenario_stays(stored, monkeypatch):
    settings, registry = stored

    def away(store, key):
        raise StoreUnavailableError("the store went away")

    monkeypatch.setattr(LocalStore, "delete", away)
    for client in local_client(settings, actor=ADMIN):
        answer = client.delete(HOLD)
        assert answer.status_code == 503, answer.text
        said = answer.json()["error"]  # it may have landed: the answer says how to find out
        assert "the deletion of scenario 'hold' of var 0.0.1 may have been stored" in said
        assert "`varlib scenario list 0.0.1 --name var` shows whether it is still there" in said
    assert registry.scenario("var", "0.0.1", "hold").steps == 4


def _signed_in_client(settings, claims_of: dict[str, dict]):
    """The app with sign-in configured and a stand-in verifier: each token is a key of `claims_of`."""
    app = create_app(settings, AuthSettings(issuer="http://127.0.0.1:12400", audience="varlib"))
    app.state.security.verifier = SimpleNamespace(verify=claims_of.__getitem__, check_provider=lambda: None)
    return TestClient(app)


def test_no_token_is_a_401_and_a_publisher_a_403_naming_the_admin_role(stored):
    settings, registry = stored
    claims = {
        "pub": {"sub": "pat", "name": "Pat Publisher", "groups": ["varlib-publishers"]},
        "adm": {"sub": "ada", "name": "Ada Admin", "groups": ["varlib-admins"]},
    }
    with _signed_in_client(settings, claims) as client:
        assert client.delete(HOLD).status_code == 401
        refused = client.delete(HOLD, headers={"Authorization": "Bearer pub"})
        assert refused.status_code == 403, refused.text
        assert "deleting a scenario needs the admin role" in refused.json()["error"]
        assert registry.scenario("var", "0.0.1", "hold").steps == 4
        done = client.delete(HOLD, headers={"Authorization": "Bearer adm"})
        assert done.status_code == 204, done.text
        documented = client.get("/openapi.json").json()["paths"][PATH]["delete"]["responses"]
        assert {"204", "401", "403", "404", "422", "503"} <= set(documented)
        assert "scenario" in documented["404"]["description"] and "role" in documented["403"]["description"]


def test_a_kept_forecast_of_a_scenario_deleted_elsewhere_is_not_served(stored, monkeypatch):
    settings, registry = stored  # `registry` stands for another process (another worker, the CLI)
    from varlib.catalog import scenario_cache  # the module of the freshness rule under test

    monkeypatch.setattr(scenario_cache, "SCENARIO_FRESH_S", 0.0)
    for client in local_client(settings):
        forecast = f"{HOLD}/forecast"
        first = client.get(forecast)
        assert first.status_code == 200 and client.get(forecast).json() == first.json()  # kept, served again
        registry.delete_scenario("var", "0.0.1", "hold", ADMIN)
        assert client.get(forecast).status_code == 404
        assert client.get(HOLD).status_code == 404
        registry.save_scenario(make_scenario(registry.load("var", "0.0.1"), "hold", 6))  # the name saved again
        again = client.get(forecast)
        assert again.status_code == 200 and again.json()["steps"] == 6 != first.json()["steps"]
