"""A 503 (the store away, for now) says when to ask again: every one carries Retry-After, as the OpenAPI document
states, beside a body that names the store and why it cannot be used."""

from __future__ import annotations

from tests.api.local_store import local_client
from tests.support.minio_server import free_port
from varlib import Settings

FORECAST = "/models/var/versions/latest/forecast"


def test_every_503_of_a_store_that_is_away_says_when_to_retry(tmp_path):
    endpoint = f"127.0.0.1:{free_port()}"  # nothing listens there: refused at once, as a stopped MinIO is
    settings = Settings(minio_endpoint=endpoint, access_key="k", secret_key="s" * 16, store_dir=tmp_path)
    for client in local_client(settings):
        answers = [client.get("/ready"), client.get("/models"), client.post(FORECAST, json={"steps": 2})]
        for answer in answers:
            assert answer.status_code == 503, answer.text
            assert answer.headers.get("retry-after") == "5", (answer.request.url, dict(answer.headers))
            assert endpoint in answer.json()["error"] and "unreachable" in answer.json()["error"], answer.text
        document = client.get("/openapi.json").json()["paths"]
        for path, method in (
            ("/ready", "get"),
            ("/models", "get"),
            ("/models/{name}/versions/{version}/forecast", "post"),
        ):
            assert "Retry-After" in document[path][method]["responses"]["503"].get("headers", {}), path
        assert client.get("/health").headers.get("retry-after") is None  # only a 503 says it
