"""How the service takes requests it must refuse or read strictly: bodies too large or not JSON, values that
are not numbers, loose query strings, path values, unknown models, a 405's Allow, and the audit trail's pages.
On a local store through FastAPI's TestClient (the same app `varlib serve` runs)."""

from __future__ import annotations

import json

import pytest
from fastapi.testclient import TestClient

from tests.api.conftest import samples
from varlib import Registry, Settings
from varlib.api import create_app
from varlib.service import publish_result

FORECAST = "/models/var/versions/0.0.1/forecast"


@pytest.fixture(scope="module")
def store(macro_result, tmp_path_factory):
    settings = Settings(store_dir=tmp_path_factory.mktemp("api") / "store", author="tester")
    publish_result(Registry.from_settings(settings), macro_result, "var")
    return settings


@pytest.fixture
def http(store):
    with TestClient(create_app(store), raise_server_exceptions=False) as client:
        yield client


def _error(response, status: int) -> str:
    assert response.status_code == status, response.text
    return response.json()["error"]


def test_a_body_over_the_limit_is_a_json_413_declared_or_streamed(http):
    body = json.dumps({"steps": 2, "lag_inputs": [[1.0, 2.0, 3.0]] * 200_000}).encode()
    assert "takes at most 1,000,000" in _error(http.post(FORECAST, content=body), 413)

    def chunks():  # no Content-Length: counted as it streams in
        for start in range(0, len(body), 65_536):
            yield body[start : start + 65_536]

    headers = {"content-type": "application/json"}
    assert "takes at most 1,000,000" in _error(http.post(FORECAST, content=chunks(), headers=headers), 413)
    saving = http.put("/models/var/versions/0.0.1/scenarios/big", content=chunks(), headers=headers)
    assert "takes at most 1,000,000" in _error(saving, 413) and saving.json()["type"] == "InvalidInputError"
    scraped = samples(http.get("/metrics").text)
    route = (("method", "POST"), ("route", "/models/{name}/versions/{version}/forecast"), ("status", "413"))
    assert scraped[("varlib_http_requests_total", route)] == 2


@pytest.mark.parametrize("content_type", ["text/plain", "application/x-www-form-urlencoded", None])
def test_a_body_not_sent_as_json_says_which_header_to_send(http, content_type):
    headers = {"content-type": content_type} if content_type else {}
    message = _error(http.post(FORECAST, content=b'{"steps": 2}', headers=headers), 422)
    assert f"sent as {content_type or 'no content type'}" in message
    assert "Content-Type: application/json" in message


@pytest.mark.parametrize("content_type", ["application/json", None])
def test_a_request_without_a_body_is_told_to_send_an_object(http, content_type):
    headers = {"content-type": content_type} if content_type else {}
    message = _error(http.post(FORECAST, headers=headers), 422)
    assert message.startswith("the request has no body: send a JSON object") and "{} for every default" in message


@pytest.mark.parametrize(
    "body, named",
    [  # each named with the value received
        ({"steps": 2, "lag_inputs": [[True, False]] * 3}, "body.lag_inputs.0.0: send a number, not true"),
        (
            {"steps": 2, "lag_inputs": [[1.0, 2.0, "3.5"]] * 3},
            'lag_inputs.0.2: "3.5": send a JSON number (3.5), not a string',
        ),
        ({"steps": 3, "conditions": {"realgdp": [True]}}, "conditions.realgdp.0: send a number, not true"),
        (
            {"steps": 2, "alpha": float("nan")},
            "body.alpha: alpha NaN is not a number: give a number from 0.0001 to 0.5",
        ),
        ({"steps": 2, "alpha": "0.1"}, 'body.alpha: "0.1": send a JSON number (0.1), not a string'),  # as "8" for steps
        ({"steps": 2, "alpha": True}, "body.alpha: send a number from 0.0001 to 0.5, not true"),
        ({"steps": 2, "lag_inputs": [[1.0, 2.0], [4.0]]}, "lag_inputs row 2 of 2 has 1 value;"),
        ({"steps": 3, "conditions": {"realgdp": [1.7e308]}}, "realgdp at step 1 (2009Q4) is 1.7e+308, too large"),
    ],
)
def test_values_that_are_not_numbers_or_do_not_fit_are_named(http, body, named):
    raw = json.dumps(body).encode()  # NaN as JSON's NaN, which Python writes and FastAPI reads
    assert named in _error(http.post(FORECAST, content=raw, headers={"content-type": "application/json"}), 422)


@pytest.mark.parametrize(
    "raw",
    [
        b'{"steps": 2, "lag_inputs": [[NaN, 1]]}',
        b'{"steps": 2, "lag_inputs": [[Infinity, 1]]}',
        b'{"steps": 2,',
        b"not json",
    ],
)
def test_non_finite_and_broken_json_are_422(http, store, raw):
    k_ar = Registry.from_settings(store).load("var", "0.0.1").k_ar
    raw = raw.replace(b"[[NaN, 1]]", b"[" + b", ".join([b"[NaN, 1]"] * k_ar) + b"]")
    raw = raw.replace(b"[[Infinity, 1]]", b"[" + b", ".join([b"[Infinity, 1]"] * k_ar) + b"]")
    response = http.post(
        "/models/var/versions/0.0.1/forecast", content=raw, headers={"content-type": "application/json"}
    )
    assert response.status_code == 422
    assert response.json()["error"]


@pytest.mark.parametrize(
    "path, named",
    [
        (FORECAST + "?alpha=0.5", "query parameter 'alpha' is not a parameter of this endpoint"),
        ("/models/var/aliases?limit=1", "query parameter 'limit' is not a parameter of this endpoint"),
        ("/var_predict/0.0.1?future_periods=3&future_periods=5", "'future_periods' is given 2 times"),
        ("/var_predict/0.0.1?future_periods=3_0", "'3_0' is not a whole number written in digits"),
        ("/models/var/history?limit=1_0", "'1_0' is not a whole number written in digits"),
        ("/var_predict/0.0.1?future_periods=%D9%A3", "'٣' is not a whole number written in digits"),  # Arabic 3
        ("/var_predict/0.0.1?future_periods=%C2%B2", "'²' is not a whole number written in digits"),
        (
            "/var_predict/0.0.1?alpha=0,05",
            "'0,05' is not a number written with digits and a decimal point (write 0.05)",
        ),
        ("/models/var/compare?versions=0.0.1&level=95%25", "'95%' is not a number written with digits and a decimal"),
        ("/var_predict/0.0.1?alpha=nan", "alpha 'nan' is not a number: give a number from 0.0001 to 0.5"),
    ],
)
def test_a_loose_query_string_is_refused_not_read(http, path, named):
    response = http.post(path, json={"steps": 1}) if path.startswith(FORECAST) else http.get(path)
    assert named in _error(response, 422)


@pytest.mark.parametrize(
    "path, named",
    [
        ("/models/var/versions/LATEST", "version 'LATEST' is not valid: use M.m.p such as 0.0.3"),
        ("/models/Var!/versions", "model name 'Var!' is not valid"),
        ("/models/var/versions/0.0.1/scenarios/Rate%20Hold", "scenario name 'Rate Hold' is not valid"),
    ],
)
def test_a_bad_path_value_is_named_in_the_librarys_words(http, path, named):
    assert named in _error(http.get(path), 422)  # an alias path (a write, signed in first): test_api_bodies.py


@pytest.mark.parametrize(
    "path", ["/models/var/versions/0.0.9/scenarios", "/models/nope/history", "/models/nope/aliases"]
)
def test_lists_of_a_model_or_version_that_does_not_exist_are_404(http, path):
    message = _error(http.get(path), 404)
    assert "var 0.0.9 does not exist" in message or "model 'nope' has no versions" in message
    stem = path.replace("nope", "var").replace("0.0.9", "0.0.1")
    assert http.get(stem).status_code == 200


def test_a_405_names_the_methods_the_path_takes_and_is_counted_under_its_route(http):
    response = http.post("/models/var/aliases/champion")
    assert response.status_code == 405 and response.headers["allow"] == "DELETE, PUT"
    assert response.json()["error"].endswith("this path takes DELETE, PUT")
    assert http.put("/models/var/aliases/champion", json={"version": "0.0.1"}).status_code == 403  # no sign-in
    scraped = samples(http.get("/metrics").text)
    for method, status in (("POST", "405"), ("PUT", "403")):
        labels = (("method", method), ("route", "/models/{name}/aliases/{alias}"), ("status", status))
        assert scraped[("varlib_http_requests_total", labels)] == 1


def test_the_audit_trail_pages_past_unreadable_records(store, http):
    registry = Registry.from_settings(store)
    for version in ("0.0.1", "0.0.1", "0.0.1"):
        registry.set_alias("var", "champion", version)
    registry.store.create("var/_audit/99991231T000000.000000Z-deadbeef.json", b"garbage")  # the newest key
    newest = http.get("/models/var/history?limit=1").json()
    assert [(r["action"], "is damaged" in (r["damaged"] or "")) for r in newest] == [("", True)]  # listed, counted
    keys = [newest[0]["key"]]
    while page := http.get("/models/var/history", params={"limit": 1, "before": keys[-1]}).json():
        keys.append(page[0]["key"])
    every = http.get("/models/var/history?limit=1000").json()
    assert keys == [r["key"] for r in every] and every[-1]["action"] == "publish"
    oldest = http.get("/models/var/history", params={"before": every[-1]["key"]})
    assert oldest.status_code == 200 and oldest.json() == []  # nothing sorts before the oldest record
    for wrong in ("0", "", "abc", every[-1]["key"].removeprefix("var/_audit/"), "other/_audit/" + keys[0][11:]):
        refused = http.get("/models/var/history", params={"before": wrong})
        assert "is not the key of a record in the audit trail of 'var':" in _error(refused, 422)


def test_a_store_folder_that_is_a_file_is_unavailable_everywhere(tmp_path):
    (tmp_path / "store").write_text("not a folder")
    with TestClient(create_app(Settings(store_dir=tmp_path / "store")), raise_server_exceptions=False) as client:
        for path in ("/ready", "/models", "/models/var/versions", "/models/var/versions/latest"):
            assert "is not a folder; set VARLIB_STORE_DIR to a folder" in _error(client.get(path), 503)


def test_a_file_where_a_models_folder_should_be_is_a_404_to_read_and_a_409_to_publish(store, http, macro_result):
    from varlib import ConflictError

    (store.store_dir / "models" / "stray").write_text("hi")
    for path in ("/models/stray/versions/0.0.1", "/models/stray/versions/latest"):
        assert http.get(path).status_code == 404
    assert "model 'stray' has no versions" in _error(http.get("/models/stray/versions/0.0.1"), 404)
    with pytest.raises(ConflictError, match="stray is a file where a folder is needed; move it away"):
        publish_result(Registry.from_settings(store), macro_result, "stray")


@pytest.mark.parametrize(
    ("path", "endpoint"),
    [
        ("/models/var/versions/0.0.9", "GET /models/var/versions lists the versions"),
        ("/models/var/versions/@never-set", "GET /models/var/aliases lists them"),
    ],
)
def test_a_not_found_answer_names_the_endpoint_that_helps_not_a_cli_command(http, path, endpoint):
    message = _error(http.get(path), 404)
    assert endpoint in message and "varlib " not in message, message


def test_a_listed_model_without_versions_is_named_as_such(store, http):
    """GET /models names a folder holding no version (a stray latest.json, an S3 folder marker); asked for its
    versions, the 404 said "its models:" and left it out, as if it were not one."""
    (store.store_dir / "models" / "junk3").mkdir()
    (store.store_dir / "models" / "junk3" / "latest.json").write_text("{}")
    assert "junk3" in http.get("/models").json()["models"]
    said = _error(http.get("/models/junk3/versions/latest"), 404)
    assert "model 'junk3' has no versions in" in said and "its folder holds none yet (publish one)" in said
    assert "its other models:" in said
