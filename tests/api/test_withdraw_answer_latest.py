"""The REST withdrawal answer says what it did to `latest`, as the CLI's `withdraw` and the Models page do."""

from __future__ import annotations

from tests.api.local_store import local_client, local_registry
from varlib import Actor

ADMIN = Actor("Ada Admin", "ada", via="api")


def test_the_answer_names_the_move_of_latest_or_none(macro_result, tmp_path):
    settings, registry = local_registry(tmp_path, macro_result, versions=3)
    for client in local_client(settings, actor=ADMIN):
        newest = client.post("/models/var/versions/0.0.3/withdraw", json={"reason": "bad data"})
        assert newest.status_code == 200, newest.text
        assert newest.json()["latest"] == "0.0.3 → 0.0.2" and newest.json()["version"] == "0.0.3"
        older = client.post("/models/var/versions/0.0.1/withdraw", json={"reason": "old"})
        assert older.status_code == 200 and older.json()["latest"] == ""  # `latest` stayed on 0.0.2
        schema = client.get("/openapi.json").json()["components"]["schemas"]["WithdrawAnswer"]
        assert "latest" in schema["required"]
