"""QA's REST contract points: a path's refusal names the variable by its place in the body (`exog.realint`,
`conditions.realgdp`) with the value refused; a withdrawal's reason, a scenario's notes and an alias in the path
are refused in the library's words, as the CLI says them; the alias listing gives each version's status."""

from __future__ import annotations

import pytest

from tests.api.local_store import local_client
from tests.integration.test_damaged_listings import overwrite
from tests.integration.test_objects_changed_by_hand import _delete
from tests.support.models import publish_varx
from varlib import (
    Actor,
    InvalidInputError,
    Registry,
    Settings,
    check_alias,
    forecast_version,
    make_scenario,
    publish_result,
)
from varlib.artifact import build_artifact

ADMIN = Actor("Ada Admin", "ada", "https://issuer.test", via="rest")
VARX = "/models/varx/versions/0.0.1/forecast"
VAR = "/models/var/versions/0.0.1/forecast"


@pytest.fixture(scope="module")
def store(macro_result, tmp_path_factory) -> tuple[Settings, Registry]:
    """`var` 0.0.1-0.0.2 (realgdp, realcons) and a VARX `varx` 0.0.1 (the same, given realint)."""
    settings = Settings(store_dir=tmp_path_factory.mktemp("rest-qa"), author="api-test")
    registry = Registry.from_settings(settings)
    for _ in range(2):
        publish_result(registry, macro_result, "var")
    publish_varx(registry)
    return settings, registry


@pytest.fixture(scope="module")
def client(store):
    yield from local_client(store[0], actor=ADMIN)


def _refused(answer) -> dict:
    assert answer.status_code == 422 and answer.json()["type"] == "InvalidInputError", answer.text[:600]
    return answer.json()


@pytest.mark.parametrize(
    ("path", "body", "field", "value"),
    [
        (VARX, {"steps": 2, "exog": {"realint": [1]}}, "exog.realint", None),  # step 2 missing: nothing sent
        (VARX, {"steps": 2, "exog": {"realint": [1, 2], "realgdp": [1, 2]}}, "exog.realgdp", [1, 2]),
        (VARX, {"steps": 2, "exog": {"realint": [1, 2], "rate": [5]}}, "exog.rate", [5]),
        (VAR, {"steps": 2, "conditions": {"foo": [1]}}, "conditions.foo", [1]),
        (VAR, {"steps": 2, "conditions": {"realgdp": [None, None, 13100.0]}}, "conditions.realgdp", 13100.0),
        (VAR, {"steps": 2, "conditions": {"realgdp": [-5e300]}}, "conditions.realgdp", -5e300),
        (VAR, {"steps": 2, "conditions": {"realgdp": [None, None]}}, "conditions.realgdp", [None, None]),
        (VARX, {"steps": 2, "exog": {"realint": [1, 2]}, "conditions": {"realint": [1]}}, "conditions.realint", [1]),
    ],
)
def test_a_path_refusal_names_the_variable_by_its_place_and_echoes_the_value(client, store, path, body, field, value):
    refused = _refused(client.post(path, json=body))
    assert (refused["field"], refused.get("value")) == (field, value), refused
    name = path.split("/")[2]
    with pytest.raises(InvalidInputError) as library:  # the CLI's words are the library's, unchanged
        forecast_version(store[1], name, "0.0.1", steps=2, exog=body.get("exog"), conditions=body.get("conditions"))
    assert refused["error"] == str(library.value)
    assert library.value.field == field


@pytest.mark.parametrize("reason", ["", "   ", "x" * 2001])
def test_a_reason_out_of_bounds_is_refused_in_the_library_words(client, store, reason):
    refused = _refused(client.post("/models/var/versions/0.0.2/withdraw", json={"reason": reason}))
    with pytest.raises(InvalidInputError) as library:
        store[1].withdraw("var", "0.0.2", reason, ADMIN)
    assert refused["error"] == str(library.value), refused
    assert refused["error"].startswith("a withdrawal needs a reason of 1-2000 characters (say why")
    assert "details" not in refused and refused["field"] == "reason"
    assert store[1].withdrawals("var") == {}


def test_notes_over_the_limit_are_refused_in_the_library_words(client, store):
    notes = "n" * 2001
    refused = _refused(client.put("/models/var/versions/0.0.1/scenarios/long", json={"steps": 2, "notes": notes}))
    with pytest.raises(InvalidInputError) as library:
        make_scenario(store[1].load("var", "0.0.1"), "long", 2, notes=notes)
    assert refused["error"] == str(library.value) and "details" not in refused, refused
    saved = client.put("/models/var/versions/0.0.1/scenarios/at-limit", json={"steps": 2, "notes": "n" * 2000})
    assert saved.status_code == 201, saved.text


def test_the_library_notes_check_says_at_most_the_limit(macro_result):
    build_artifact(macro_result, "var", "t", notes="n" * 2000)  # exactly the limit is taken
    with pytest.raises(InvalidInputError, match=r"^notes are 2001 characters; keep them to at most 2000$"):
        build_artifact(macro_result, "var", "t", notes="n" * 2001)


def test_the_schema_still_documents_the_limits(client):
    schemas = client.get("/openapi.json").json()["components"]["schemas"]
    reason = schemas["WithdrawBody"]["properties"]["reason"]
    assert (reason["minLength"], reason["maxLength"]) == (1, 2000)
    assert schemas["ScenarioRequest"]["properties"]["notes"]["maxLength"] == 2000
    put = client.get("/openapi.json").json()["paths"]["/models/{name}/aliases/{alias}"]["put"]
    [alias] = [p for p in put["parameters"] if p["name"] == "alias"]
    assert alias["schema"]["pattern"].startswith("^@?[a-z]")


@pytest.mark.parametrize("alias", ["latest", "Latest", "@Latest", "a" * 50])
@pytest.mark.parametrize("method", ["PUT", "DELETE"])
def test_a_bad_alias_in_the_path_gets_the_library_words_whatever_it_breaks(client, alias, method):
    body = {"version": "0.0.1"} if method == "PUT" else None  # a DELETE's body takes a reason only
    answer = client.request(method, f"/models/var/aliases/{alias}", json=body)
    refused = _refused(answer)
    with pytest.raises(InvalidInputError) as library:
        check_alias(alias)
    assert refused["error"] == str(library.value) and "details" not in refused, refused
    assert refused["field"] == "alias"


def test_blanks_around_an_alias_in_the_path_are_still_refused(client, store):
    refused = _refused(client.put("/models/var/aliases/champion%20", json={"version": "0.0.1"}))
    assert refused["error"] == "alias 'champion ' is not valid: it has blank characters around it; send 'champion'"
    assert store[1].aliases("var") == []


def test_the_alias_listing_gives_the_status_of_each_version(tmp_path, macro_result):
    settings = Settings(store_dir=tmp_path / "store", author="api-test")
    registry = Registry.from_settings(settings)
    for _ in range(2):
        publish_result(registry, macro_result, "var")
    registry.set_alias("var", "champion", "0.0.1")
    registry.set_alias("var", "staging", "0.0.2")
    _delete(registry.store, "var/0_0_1/model.json")  # behind the product's back
    overwrite(registry, "var/_aliases/race.json", b'{"x":1}')  # a damaged alias: it points at no version
    overwrite(registry, "var/notes.txt", b"a stray")  # listed without a version: not the damaged alias's status
    for client in local_client(settings):
        rows = {row["alias"]: row for row in client.get("/models/var/aliases").json()}
    assert rows["race"]["damaged"] and rows["race"]["version_status"] is None, rows["race"]
    assert rows["staging"]["version_status"] == "ok"
    assert rows["champion"]["version_status"].startswith("gone: published, but var/0_0_1/model.json is no longer")
    listed = {entry.label: entry.status for entry in Registry.from_settings(settings).list_versions("var")}
    assert rows["champion"]["version_status"] == listed["0.0.1"]  # as `alias list --json` gives it
