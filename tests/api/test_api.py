"""The REST service over a real socket and a real MinIO: every endpoint, every error class, `latest` moving."""

from __future__ import annotations

import json
import re
import subprocess
import sys

import numpy as np
import pytest
from fastapi.testclient import TestClient

from tests.api.conftest import CLEAN_ENV, PROJECT
from tests.support.minio_server import free_port
from varlib import version_metadata
from varlib.api import create_app
from varlib.api.docs_page import ASSETS
from varlib.forecast_inputs import INTERVAL_KINDS
from varlib.service import forecast_version
from varlib.versions import Version

pytestmark = pytest.mark.minio


def as_json(value):
    """What a value looks like after a JSON round trip (tuples become lists and so on)."""
    return json.loads(json.dumps(value))


# -- endpoints ---------------------------------------------------------------------------------
def test_health_and_ready(client, service):
    assert client.get("/health").json()["status"] == "ok"
    ready = client.get("/ready")
    assert ready.status_code == 200
    assert ready.json() == {"status": "ready", "store": service.registry.description}


@pytest.mark.parametrize("path", ["/health", "/ready"])
def test_probes_answer_head_without_a_body(client, path):
    head = client.head(path)
    assert (head.status_code, head.content, head.headers["content-type"]) == (200, b"", "application/json")


def test_models_and_versions_newest_first(client, service):
    assert client.get("/models").json() == {"models": ["var"]}
    rows = client.get("/models/var/versions").json()
    assert [row["version"] for row in rows] == ["0.0.2", "0.0.1"]
    expected = [entry.to_dict() | {"withdrawn": None} for entry in service.registry.list_versions("var")]
    assert rows == as_json(expected)
    assert rows[0]["notes"] == "second" and rows[0]["status"] == "ok"


@pytest.mark.parametrize("version", ["0.0.1", "0_0_1"])
def test_version_metadata_is_the_cli_show(client, service, version):
    body = client.get(f"/models/var/versions/{version}").json()
    assert body == as_json(version_metadata(service.registry.load("var", "0.0.1")) | {"withdrawn": None})
    assert body["version"] == "0.0.1" and body["lag_inputs_needed"] == body["k_ar"]


def test_forecast_is_the_cli_forecast_json(client, service):
    response = client.post("/models/var/versions/0.0.1/forecast", json={"steps": 5, "alpha": 0.1})
    assert response.status_code == 200
    cli = subprocess.run(
        [sys.executable, "-m", "varlib", "forecast", "0.0.1", "--steps", "5", "--alpha", "0.1", "--json"],
        capture_output=True,
        text=True,
        cwd=PROJECT,
        env={**CLEAN_ENV, **service.env},
        timeout=60,
        check=True,
    )
    assert response.json() == json.loads(cli.stdout)
    assert response.json()["steps"] == 5 and len(response.json()["mean"]) == 5


def test_forecast_from_lag_inputs_and_latest(client, service):
    artifact = service.registry.load("var", "0.0.2")
    lags = (artifact.data.values[-artifact.lag_rows - 4 : -4] * 1.01).tolist()
    body = client.post("/models/var/versions/latest/forecast", json={"steps": 3, "lag_inputs": lags}).json()
    expected = forecast_version(service.registry, "var", "0.0.2", 3, 0.05, np.asarray(lags)).to_dict()
    assert body == as_json({**expected, "withdrawn": None})  # latest never names a withdrawn version
    default = client.post("/models/var/versions/latest/forecast", json={"steps": 3}).json()
    assert default["mean"] != body["mean"]  # the lag inputs were used


@pytest.mark.parametrize("kind", INTERVAL_KINDS)
def test_every_interval_kind_of_the_library_is_served(client, service, kind):
    response = client.post("/models/var/versions/0.0.1/forecast", json={"steps": 3, "intervals": kind})
    assert response.status_code == 200, response.text
    expected = forecast_version(service.registry, "var", "0.0.1", 3, intervals=kind).to_dict()
    assert response.json() == as_json({**expected, "withdrawn": None}) and response.json()["intervals"] == kind


def test_var_predict_is_the_original_endpoint(client, service):
    pinned = client.get("/var_predict/0_0_1", params={"future_periods": 4})
    assert pinned.status_code == 200
    expected = forecast_version(service.registry, "var", "0.0.1", 4).to_dict()
    assert pinned.json() == as_json({**expected, "withdrawn": None})
    assert client.get("/var_predict/latest", params={"future_periods": 2}).json()["version"] == "0.0.2"


@pytest.mark.parametrize(
    ("path", "unknown"), [("/var_predict/0_0_1?steps=3", "steps"), ("/models/var/history?limt=3", "limt")]
)
def test_an_unknown_query_parameter_is_refused_not_ignored(client, path, unknown):
    response = client.get(path)
    assert response.status_code == 422
    assert f"query.{unknown}: not a parameter of this endpoint" in response.json()["error"]


def test_openapi_and_both_swagger_pages(client):
    spec = client.get("/openapi.json").json()
    assert {
        "/health",
        "/ready",
        "/models",
        "/models/{name}/versions",
        "/models/{name}/versions/{version}",
        "/models/{name}/versions/{version}/forecast",
        "/var_predict/{version}",
    } <= set(spec["paths"])
    ids = [operation["operationId"] for path in spec["paths"].values() for operation in path.values()]
    assert len(ids) == len(set(ids))  # a route with two methods (GET and HEAD) gave two operations one id
    page = client.get("/docs")
    assert page.status_code == 200 and "SwaggerUIBundle" in page.text and "'/openapi.json'" in page.text
    # the page's script, style and icon come from the service itself, never from a CDN
    linked = re.findall(r"(?:src|href)=\"([^\"]+)\"", page.text)
    assert sorted(linked) == sorted(ASSETS)  # paths: a URL would be built from the Host header the caller sends
    kinds = {".js": "application/javascript", ".css": "text/css", ".png": "image/png"}
    for path in ASSETS:
        asset = client.get(path)
        assert asset.status_code == 200 and asset.headers["content-type"].startswith(kinds[path[path.rindex(".") :]])
    assert b"SwaggerUIBundle" in client.get(ASSETS[0]).content
    old_path = client.get("/apidocs", follow_redirects=False)  # the original service's page: now a redirect
    assert old_path.status_code == 307 and old_path.headers["location"] == "/docs"


@pytest.mark.parametrize("path", ASSETS)
def test_the_api_pages_files_are_fetched_once(client, path):
    first = client.get(path)
    assert first.status_code == 200 and first.headers["cache-control"] == "public, max-age=86400"
    etag = first.headers["etag"]
    again = client.get(path, headers={"If-None-Match": etag})  # the browser's copy is current: no body
    assert again.status_code == 304 and again.content == b"" and again.headers["etag"] == etag
    other = client.get(path, headers={"If-None-Match": '"another"'})  # an old copy: the file again
    assert other.status_code == 200 and other.content == first.content


# -- errors ------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "method, path, body",
    [
        ("GET", "/models/nope/versions", None),
        ("GET", "/models/nope/versions/latest", None),
        ("GET", "/models/var/versions/0.0.9", None),
        ("POST", "/models/var/versions/9.9.9/forecast", {"steps": 2}),
        ("GET", "/var_predict/0_0_7", None),
        ("GET", "/no/such/endpoint", None),
    ],
)
def test_unknown_things_are_404_json(client, method, path, body):
    response = client.request(method, path, json=body)
    assert response.status_code == 404
    assert response.json()["error"] and response.json()["type"]


BAD_BODIES = [
    ({"steps": 0}, "steps"),
    ({"steps": 401}, "steps"),
    ({"steps": "eight"}, "steps"),
    ({"steps": True}, "steps"),
    ({"steps": 2.5}, "steps"),
    ({"steps": None}, "steps"),  # left out, steps is 8 (as the CLI); null is no number
    ({"steps": 2, "alpha": 0.9}, "alpha"),
    ({"steps": 2, "alpha": "x"}, "alpha"),
    ({"steps": 2, "lag_inputs": [[1.0, 2.0]]}, "lag_inputs has 1 row;"),
    ({"steps": 2, "lag_inputs": [[1.0, 2.0, 3.0]] * 3}, "lag_inputs row 1 of 3 has 3 values;"),
    ({"steps": 2, "lag_inputs": [[1.0], [2.0, 3.0]]}, "lag_inputs row 1 of 2 has 1 value;"),
    ({"steps": 2, "lag_inputs": "k_ar rows of 1e200"}, "too large"),
    ({"steps": 2, "intervals": "wide"}, "intervals"),
    ({"steps": 2, "colour": "red"}, "colour"),
]


@pytest.mark.parametrize("body, named", BAD_BODIES)
def test_bad_forecast_input_is_422_naming_it(client, service, body, named):
    k_ar = service.registry.load("var", "0.0.1").k_ar
    if named == "too large":  # the right shape, so the size is what fails
        body = {**body, "lag_inputs": [[1e200, 1.0]] * k_ar}
    response = client.post("/models/var/versions/0.0.1/forecast", json=body)
    assert response.status_code == 422, response.text
    assert named in response.json()["error"]


@pytest.mark.parametrize(
    "path",
    [
        "/models/Var!/versions",
        "/models/var/versions/1.2",
        "/var_predict/v1",
        "/var_predict/0_0_1?future_periods=0",
        "/var_predict/0_0_1?future_periods=x",
        "/models/var/versions/0.0.1.0",
    ],
)
def test_bad_names_and_versions_are_422(client, path):
    response = client.get(path)
    assert response.status_code == 422
    assert response.json()["error"]


def test_corrupt_object_is_409_and_legacy_pickle_is_404_with_the_fix(client, service):
    service.registry.store.create("broken/0_0_1/model.json", b'{"format": "varlib/var-model", "schema_version": 1}')
    response = client.get("/models/broken/versions/0.0.1")
    assert response.status_code == 409 and response.json()["type"] == "CorruptArtifactError"
    assert client.post("/models/broken/versions/0.0.1/forecast", json={"steps": 1}).status_code == 409
    listing = client.get("/models/broken/versions").json()
    assert listing[0]["status"] != "ok"  # listed with its reason, not hidden
    service.registry.store.create("old/0_0_1/model.pkl", b"\x80\x04not really a pickle")
    response = client.get("/models/old/versions/0.0.1")
    assert response.status_code == 404 and "import-legacy" in response.json()["error"]


def test_store_unreachable_is_503(tmp_path):
    dead = create_app(_settings(f"127.0.0.1:{free_port()}", "x", "y"))
    with TestClient(dead, raise_server_exceptions=False) as http:
        for path in ("/ready", "/models", "/models/var/versions", "/var_predict/latest"):
            response = http.get(path)
            assert response.status_code == 503, (path, response.text)
            assert "unreachable" in response.json()["error"]
        assert http.get("/health").status_code == 200  # alive, just not ready


def test_refused_credentials_are_403(minio):
    denied = create_app(_settings(minio.endpoint, minio.access_key, "wrong-secret"))
    with TestClient(denied, raise_server_exceptions=False) as http:
        response = http.get("/models")
        assert response.status_code == 403 and "MINIO_SECRET_KEY" in response.json()["error"]
        assert http.get("/ready").status_code == 503  # not ready either


def _settings(endpoint, access, secret):
    from varlib.config import Settings

    return Settings(minio_endpoint=endpoint, access_key=access, secret_key=secret, bucket="models", timeout_s=1.0)


# -- caching and `latest` ----------------------------------------------------------------------
def test_latest_moves_after_a_publish_from_another_process(client, service):
    before = client.get("/var_predict/latest", params={"future_periods": 2}).json()
    pinned_before = client.get("/var_predict/0_0_2", params={"future_periods": 2}).json()
    subprocess.run(
        [
            sys.executable,
            "-m",
            "varlib",
            "train",
            "--name",
            "var",
            "--publish",
            "--lags",
            "1",
            "--holdout",
            "0",
            "--notes",
            "from another process",
        ],
        cwd=PROJECT,
        env={**CLEAN_ENV, **service.env},
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    newest = service.registry.resolve("var", "latest")
    assert newest > Version(0, 0, 2)
    after = client.get("/var_predict/latest", params={"future_periods": 2}).json()
    assert after["version"] == str(newest) != before["version"]
    assert after["mean"] != before["mean"]  # a VAR(1) now, not the cached answer of the old latest
    meta = client.get("/models/var/versions/latest").json()
    assert meta["version"] == str(newest) and meta["notes"] == "from another process"
    assert client.get("/models/var/versions").json()[0]["version"] == str(newest)
    assert client.get("/var_predict/0_0_2", params={"future_periods": 2}).json() == pinned_before


def test_repeated_pinned_requests_are_answered_alike_and_errors_are_not_cached(client, service):
    url = "/models/var/versions/0.0.1/forecast"
    first = client.post(url, json={"steps": 3})
    assert client.post(url, json={"steps": 3}).content == first.content  # served from the pinned cache
    assert client.post(url, json={"steps": 4}).json()["steps"] == 4  # another body, another answer
    assert (
        client.post(url, content=b'{"steps": 3}', headers={"content-type": "text/plain"}).status_code
        == client.post(url, content=b'{"steps": 3}', headers={"content-type": "text/plain"}).status_code
    )
    for _ in range(2):
        assert client.post(url, json={"steps": 0}).status_code == 422
    for _ in range(2):
        assert client.get("/var_predict/0_0_1", params={"future_periods": 3}).json()["steps"] == 3
