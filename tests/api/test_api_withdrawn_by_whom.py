"""REST's refusals of an alias say who withdrew its version, or deleted it, as a person reads it: the name the
record has, else the provider's subject said to be an id (never a bare opaque subject read as a name)."""

from __future__ import annotations

from tests.api.local_store import local_client, local_registry
from varlib import Actor

SUBJECT = "CiQwOGE4Njg0Yi1kYjg4LTRiNzMtOTBhOS0zY2QxNjYxZjU0NjYSBWxvY2Fs"
NAMED = Actor("Wanda Withdrawer", SUBJECT, "http://issuer.test", via="rest")
ID_ONLY = Actor.from_claims({"sub": SUBJECT, "iss": "http://issuer.test"}, via="rest")
AS_ID = f"an account known only by its id {SUBJECT}"


def test_an_alias_of_a_withdrawn_or_deleted_alias_names_who_did_it(macro_result, tmp_path):
    settings, registry = local_registry(tmp_path, macro_result)
    registry.set_alias("var", "champion", "0.0.1", NAMED)
    registry.set_alias("var", "old", "0.0.2", NAMED)
    registry.withdraw("var", "0.0.1", "wrong data", ID_ONLY)
    registry.delete_alias("var", "old", ID_ONLY)
    for client in local_client(settings):
        gone = client.get("/models/var/versions/@champion")
        assert gone.status_code == 410 and "(wrong data; 20" in gone.json()["error"]
        assert f" UTC by {AS_ID}); " in gone.json()["error"]
        deleted = client.get("/models/var/versions/@old")
        assert deleted.status_code == 404 and f" UTC by {AS_ID}; it pointed at 0.0.2)" in deleted.json()["error"]
