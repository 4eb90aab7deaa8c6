"""The REST document says what withdraw takes: a version's number. It offered `latest, 0.0.3, 0_0_3 or an alias`
(the shared path parameter), which the endpoint always refuses, naming the version they point at."""

from __future__ import annotations

from tests.api.local_store import local_client, local_registry
from tests.support.minio_server import free_port
from varlib import AuthSettings


def test_withdraw_documents_a_number_and_other_version_paths_still_take_latest(macro_result, tmp_path):
    settings, _ = local_registry(tmp_path, macro_result, versions=1)
    provider = AuthSettings(issuer=f"http://127.0.0.1:{free_port()}", audience="varlib", open_reads=True)
    for client in local_client(settings, provider):
        paths = client.get("/openapi.json").json()["paths"]
        (withdrawn,) = [p for p in paths["/models/{name}/versions/{version}/withdraw"]["post"]["parameters"]
                        if p["name"] == "version"]  # fmt: skip
        assert withdrawn["description"].startswith("the version's number, 0.0.3 or 0_0_3 (latest and aliases are")
        assert withdrawn["schema"]["examples"] == ["0.0.1"]
        (shown,) = [
            p for p in paths["/models/{name}/versions/{version}"]["get"]["parameters"] if p["name"] == "version"
        ]
        assert "latest" in shown["description"] and "latest" in shown["schema"]["examples"]
