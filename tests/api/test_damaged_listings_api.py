"""The REST listings keep damaged team records, each with `damaged` saying why it cannot be read: aliases, saved
scenarios and audit records (a damaged one counted to `limit`, and `before` pages on across it)."""

from __future__ import annotations

import pytest

from tests.api.local_store import local_client, local_registry
from tests.integration.test_damaged_listings import overwrite
from varlib import make_scenario


@pytest.fixture
def served(tmp_path, macro_result):
    settings, registry = local_registry(tmp_path / "store", macro_result, versions=2)
    registry.set_alias("var", "champion", "0.0.1")
    registry.save_scenario(make_scenario(registry.load("var", "0.0.1"), "rate-hold", 2))
    overwrite(registry, "var/_aliases/race.json", b'{"x":1}')
    overwrite(registry, "var/_scenarios/0_0_1/gdp-dip.json", b"{")
    trail = registry.history("var")
    overwrite(registry, trail[1].key, b"[]")
    yield from ((client, trail) for client in local_client(settings))


def test_a_damaged_alias_is_listed_and_reading_it_says_the_same(served):
    client, _ = served
    rows = client.get("/models/var/aliases").json()
    assert [(row["alias"], row["version"], row["damaged"] is None) for row in rows] == [
        ("champion", "0.0.1", True),
        ("race", None, False),
    ]
    assert "set it again" in rows[1]["damaged"]
    assert client.get("/models/var/versions/@race").status_code == 409


def test_a_damaged_scenario_is_listed_with_its_reason(served):
    client, _ = served
    answer = client.get("/models/var/versions/0.0.1/scenarios")
    assert answer.status_code == 200, answer.text
    rows = answer.json()
    assert [(row["scenario"], row["steps"], row["damaged"] is None) for row in rows] == [
        ("gdp-dip", None, False),
        ("rate-hold", 2, True),
    ]
    assert "another name" in rows[0]["damaged"]
    assert client.get("/models/var/versions/0.0.1/scenarios/gdp-dip").status_code == 409


def test_a_damaged_scenarios_time_is_null_as_the_document_allows(served):
    client, _ = served
    rows = client.get("/models/var/versions/0.0.1/scenarios").json()
    assert [row["created_at"] is None for row in rows] == [True, False]  # gdp-dip is damaged: its time is unknown
    assert rows[1]["created_at"].endswith("Z")
    schema = client.get("/openapi.json").json()["components"]["schemas"]["ScenarioRow"]["properties"]["created_at"]
    assert {"type": "null"} in schema["anyOf"] and {"type": "string"} in schema["anyOf"]


def test_a_damaged_audit_record_is_listed_counted_and_paged_across(served):
    client, trail = served
    rows = client.get("/models/var/history").json()
    assert [row["key"] for row in rows] == [record.key for record in trail]
    assert [row["damaged"] is not None for row in rows] == [False, True, False, False]
    assert rows[1]["at"] == trail[1].at and "cannot be rebuilt" in rows[1]["damaged"]
    page = client.get("/models/var/history", params={"limit": 2}).json()
    assert [row["key"] for row in page] == [trail[0].key, trail[1].key]
    after = client.get("/models/var/history", params={"limit": 2, "before": page[-1]["key"]}).json()
    assert [row["key"] for row in after] == [trail[2].key, trail[3].key]
