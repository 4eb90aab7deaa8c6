"""Open reads name who made a change, not how to reach them: an alias's mover, a withdrawal's actor, a saved
scenario's author and a version's provenance keep `name` and `via`; their subject, issuer and address are in
the audit trail only (which needs a viewer's token once sign-in is configured)."""

from __future__ import annotations

import pytest

from tests.api.local_store import local_client, local_registry
from varlib import Actor, publish_result

ADMIN = Actor("Ada Admin", "ada-sub", "https://issuer.test", via="rest", origin="10.1.2.3")
PUBLIC = {"name": "Ada Admin", "via": "rest"}


@pytest.fixture(scope="module")
def http(macro_result, tmp_path_factory):
    settings, registry = local_registry(tmp_path_factory.mktemp("public"), macro_result)
    publish_result(registry, macro_result, "var", actor=ADMIN)  # 0.0.3, its provenance naming Ada
    for client in local_client(settings, actor=ADMIN):
        assert client.put("/models/var/aliases/champion", json={"version": "0.0.1"}).status_code == 200
        assert client.post("/models/var/versions/0.0.2/withdraw", json={"reason": "leaky"}).status_code == 200
        saved = client.put("/models/var/versions/0.0.1/scenarios/dip", json={"steps": 2, "notes": "n"})
        assert saved.status_code == 201, saved.text
        yield client


def test_open_reads_name_the_actor_only(http):
    assert [row["actor"] for row in http.get("/models/var/aliases").json()] == [PUBLIC]
    rows = {row["version"]: row for row in http.get("/models/var/versions").json()}
    assert rows["0.0.2"]["withdrawn"]["actor"] == PUBLIC
    one = http.get("/models/var/versions/0.0.2").json()
    assert one["withdrawn"]["actor"] == PUBLIC
    assert http.get("/models/var/versions/0.0.3").json()["provenance"]["identity"] == PUBLIC
    forecast = http.post("/models/var/versions/0.0.2/forecast", json={"steps": 2}).json()
    assert forecast["withdrawn"]["actor"] == PUBLIC
    assert http.get("/var_predict/0.0.2?future_periods=2").json()["withdrawn"]["actor"] == PUBLIC
    assert http.get("/models/var/versions/0.0.1/scenarios/dip").json()["actor"] == PUBLIC
    assert [s["actor"] for s in http.get("/models/var/versions/0.0.1/scenarios").json()] == [PUBLIC]
    for path in ("/models/var/aliases", "/models/var/versions/0.0.3", "/models/var/versions/0.0.1/scenarios"):
        text = http.get(path).text
        assert "ada-sub" not in text and "10.1.2.3" not in text and "issuer.test" not in text, path


def test_a_write_answers_with_the_actor_as_open_reads_name_it(http):
    answers = [
        http.put("/models/var/aliases/staging", json={"version": "0.0.1"}),
        http.delete("/models/var/aliases/staging"),
        http.post("/models/var/versions/0.0.1/withdraw", json={"reason": "superseded"}),
        http.put("/models/var/versions/0.0.3/scenarios/rise", json={"steps": 2}),
    ]
    for answer in answers:
        assert answer.status_code in (200, 201), answer.text
        assert answer.json()["actor"] == PUBLIC and "ada-sub" not in answer.text and "10.1.2.3" not in answer.text


def test_the_audit_trail_keeps_the_whole_identity(http):
    trail = http.get("/models/var/history").json()  # no sign-in configured here: the service is one person's
    assert trail[0]["actor"] == ADMIN.to_dict()
