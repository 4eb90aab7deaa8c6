"""The REST service's /metrics, scraped and parsed as Prometheus text (requests, latency, caches, sign-in refusals,
store errors), and its JSON logs naming the signed-in identity of each change; against a real MinIO and Dex."""

from __future__ import annotations

import json

import httpx
from fastapi.testclient import TestClient

from tests.api.conftest import bearer, samples, start_server
from tests.conftest import new_bucket
from tests.support.minio_server import free_port, stop_process
from tests.support.oidc_server import CLIENT_ID
from varlib import AuthSettings, Registry, Settings, publish_result
from varlib.api import create_app


def test_metrics_are_prometheus_text_with_requests_latency_caches_and_errors(minio, dex, macro_result):
    settings = minio.settings(new_bucket(), author="t")
    publish_result(Registry.from_settings(settings), macro_result, "var")
    with TestClient(create_app(settings, AuthSettings(issuer=dex.issuer, audience=CLIENT_ID))) as http:
        for _ in range(3):  # the 2nd and 3rd are answered by the pinned-response cache, before routing
            assert http.post("/models/var/versions/0.0.1/forecast", json={"steps": 2}).status_code == 200
        for _ in range(2):
            assert http.post("/models/var/versions/latest/forecast", json={"steps": 2}).status_code == 200
        assert http.put("/models/var/aliases/a", json={"version": "0.0.1"}).status_code == 401
        viewer = bearer(dex.access_token("viewer"))
        assert http.put("/models/var/aliases/a", json={"version": "0.0.1"}, headers=viewer).status_code == 403
        assert http.get("/models/nope/versions").status_code == 404
        scraped = http.get("/metrics")
    assert scraped.status_code == 200 and scraped.headers["content-type"].startswith("text/plain")
    got = samples(scraped.text)
    route = "/models/{name}/versions/{version}/forecast"
    ok = ("varlib_http_requests_total", (("method", "POST"), ("route", route), ("status", "200")))
    assert got[ok] == 5
    assert got[("varlib_http_request_duration_seconds_count", (("method", "POST"), ("route", route)))] == 5
    assert got[("varlib_cache_lookups_total", (("cache", "pinned_responses"), ("result", "hit")))] == 2
    assert got[("varlib_cache_lookups_total", (("cache", "pinned_responses"), ("result", "miss")))] == 1
    # the pinned request computed the answer; both `latest` requests (latest is 0.0.1) found it
    assert got[("varlib_cache_lookups_total", (("cache", "forecast_answers"), ("result", "miss")))] == 1
    assert got[("varlib_cache_lookups_total", (("cache", "forecast_answers"), ("result", "hit")))] == 2
    assert got[("varlib_cache_lookups_total", (("cache", "latest_reads"), ("result", "miss")))] == 2
    assert got[("varlib_auth_refusals_total", (("status", "401"),))] == 1
    assert got[("varlib_auth_refusals_total", (("status", "403"),))] == 1
    not_found = (("method", "GET"), ("route", "/models/{name}/versions"), ("status", "404"))
    assert got[("varlib_http_requests_total", not_found)] == 1
    down = Settings(minio_endpoint=f"127.0.0.1:{free_port()}", access_key="k", secret_key="s" * 8, timeout_s=1)
    with TestClient(create_app(down, AuthSettings())) as http:
        assert http.get("/models").status_code == 503
        assert http.get("/ready").status_code == 503
        got = samples(http.get("/metrics").text)
    assert got[("varlib_store_errors_total", (("type", "StoreUnavailableError"),))] == 2


def test_json_logs_name_the_identity_of_each_change(minio, dex, macro_result, tmp_path):
    bucket = new_bucket()
    publish_result(Registry.from_settings(minio.settings(bucket, author="t")), macro_result, "var")
    log = tmp_path / "serve.log"
    process, url = start_server({**minio.env(bucket), **dex.env(), "VARLIB_LOG_FORMAT": "json"}, log)
    try:
        admin = bearer(dex.access_token("admin"))
        assert httpx.put(f"{url}/models/var/aliases/champion", json={"version": "0.0.1"}, headers=admin).is_success
    finally:
        stop_process(process)
    lines = [json.loads(line) for line in log.read_text().splitlines() if line.startswith("{")]
    audit = [line["audit"] for line in lines if "audit" in line]
    assert [(a["action"], a["alias"], a["version"], a["actor"]["name"], a["actor"]["via"]) for a in audit] == [
        ("alias.set", "champion", "0.0.1", "Alice Admin", "rest")
    ]
    assert all({"time", "level", "logger", "message"} <= set(line) for line in lines)
