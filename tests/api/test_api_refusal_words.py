"""4xx answers that name what was wrong and what to send: a condition without values, a key or a path the body does
not take, lag rows of the wrong shape, a body that is not plain UTF-8, an identity provider that cannot hand out its
keys (a 503, never a 500 or a 401 that blames the token), and integer bounds in the OpenAPI document."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from tests.api.local_store import local_client, local_registry
from tests.support.minio_server import free_port
from varlib import Actor, AuthSettings, InvalidInputError, forecast_version

FORECAST = "/models/var/versions/0.0.1/forecast"
SCENARIOS = "/models/var/versions/0.0.1/scenarios"
JSON = {"content-type": "application/json"}
ADMIN = Actor("Ada Admin", "ada", "https://issuer.test", via="rest")
ROWS = [[13000.0, 9200.0], [13050.0, 9220.0], [13080.0, 9230.0], [13100.0, 9250.0]]  # the model's 4 lags
DATES = ["2009-07-01", "2009-10-01", "2010-01-01", "2010-04-01"]


@pytest.fixture(scope="module")
def store(macro_result, tmp_path_factory):
    return local_registry(tmp_path_factory.mktemp("refusal-words"), macro_result, versions=1)


@pytest.fixture(scope="module")
def client(store):
    yield from local_client(store[0], actor=ADMIN)


def _refused(answer, status: int = 422, kind: str = "InvalidInputError") -> dict:
    assert answer.status_code == status, answer.text[:600]
    assert answer.json()["type"] == kind, answer.text[:600]
    return answer.json()


@pytest.mark.parametrize("values", [None, [None, None]])
def test_a_condition_without_a_value_is_named_with_what_to_send(client, store, values):
    """`{"realgdp": null}` was pydantic's "Input should be a valid list"; it is the library's rule, as all-null is."""
    answer = client.post(FORECAST, json={"steps": 2, "conditions": {"realgdp": values}})
    body = _refused(answer)
    with pytest.raises(InvalidInputError) as library:
        forecast_version(store[1], "var", "0.0.1", steps=2, conditions={"realgdp": [None, None]})
    assert body["error"] == str(library.value) and body["field"] == "conditions.realgdp", body
    assert "give at least one value (null leaves a step free), or leave 'realgdp' out of conditions" in body["error"]


@pytest.mark.parametrize(
    ("conditions", "words"),
    [
        (
            {"realgdp": {"values": [13100.0], "step": 1}},
            'body.conditions.realgdp: {"values": [13100.0], "step": 1}: not a list; give realgdp\'s values as a list'
            " step by step (null leaves a step free), e.g. [13100.0, null, 13300.0]",
        ),
        (
            [{"variable": "realgdp", "step": 1, "value": 13100.0}],
            "give conditions as an object of variables, each with its values as a list step by step from the first"
            ' forecast period (null leaves a step free), e.g. {"realgdp": [13100.0, null, 13300.0]}',
        ),
        ({"nope": [13100.0]}, "conditions: 'nope' is not a variable of this model; use realgdp, realcons"),
    ],
)
def test_a_condition_of_another_shape_is_told_the_shape_it_needs(client, conditions, words):
    body = _refused(client.post(FORECAST, json={"steps": 2, "conditions": conditions}))
    assert words in body["error"] and "Input should be" not in body["error"], body


@pytest.mark.parametrize(
    ("path", "method", "fields"),
    [
        (FORECAST, "POST", "steps, alpha, lag_inputs, lag_dates, intervals, exog, conditions"),
        (f"{SCENARIOS}/typo", "PUT", "steps, alpha, lag_inputs, lag_dates, intervals, exog, conditions, notes"),
    ],
)
def test_an_unknown_key_of_the_body_is_named_with_the_keys_it_takes(client, path, method, fields):
    answer = client.request(method, path, json={"steps": 2, "conditons": {"realgdp": [13100.0]}})
    body = _refused(answer)
    assert body["error"] == (
        "invalid request: body.conditons: not a field of this body (did you mean 'conditions'?);"
        f" send only these fields: {fields}"
    ), body


@pytest.mark.parametrize(
    ("rows", "dates", "words", "value"),
    [
        (ROWS[:2], None, "lag_inputs has 2 rows; var 0.0.1 needs 4 rows (its metadata's lag_inputs_needed)", 2),
        ([], None, "lag_inputs has 0 rows; var 0.0.1 needs 4 rows", 0),
        ([[*row, 1.0] for row in ROWS], None, "lag_inputs row 1 of 4 has 3 values; each row needs 2 values", 3),
        ([ROWS[0], [13050.0], *ROWS[2:]], None, "lag_inputs row 2 of 4 has 1 value; each row needs 2 values", 1),
        ([row[:1] for row in ROWS], DATES, "lag_inputs row 1 of 4 has 1 value; each row needs 2 values", 1),
        (ROWS[:3], DATES[:3], "lag_inputs has 3 rows; var 0.0.1 needs 4 rows", 3),
    ],
)
def test_lag_rows_of_the_wrong_shape_name_the_field_the_row_and_the_shape(client, rows, dates, words, value):
    request = {"steps": 2, "lag_inputs": rows, **({"lag_dates": dates} if dates else {})}
    body = _refused(client.post(FORECAST, json=request))
    assert words in body["error"] and "one per variable in this order: realgdp, realcons" in body["error"], body
    assert body["field"] == "lag_inputs" and body["value"] == value, body


def test_a_body_led_by_a_byte_order_mark_is_read_as_the_utf8_it_is(client):
    plain = client.post(FORECAST, json={"steps": 2})
    marked = client.post(FORECAST, content=b"\xef\xbb\xbf" + json.dumps({"steps": 2}).encode(), headers=JSON)
    assert marked.status_code == 200 and marked.json() == plain.json(), marked.text
    saved = client.put(
        f"{SCENARIOS}/marked", content=b'\xef\xbb\xbf{"steps": 2, "notes": "\xc3\xa9t\xc3\xa9"}', headers=JSON
    )
    assert saved.status_code == 201 and saved.json()["notes"] == "\u00e9t\u00e9", saved.text


@pytest.mark.parametrize(
    ("raw", "words"),
    [
        (b'{"steps": 2, "intervals": "\xe9"}', "the body is not UTF-8 text: byte 27 (0xE9) is no part of a UTF-8"),
        ('{"steps": 2}'.encode("utf-16"), "the body is UTF-16 text (it starts with the UTF-16 byte-order mark)"),
        (b"\xef\xbb\xbf{", "the body is not valid JSON at character 1"),
    ],
)
def test_a_body_that_is_not_plain_utf8_is_told_in_plain_words(client, raw, words):
    message = _refused(client.post(FORECAST, content=raw, headers=JSON))["error"]
    assert words in message, message
    assert not any(jargon in message for jargon in ("utf-8-sig", "codec", "BOM", "b'\\x")), message


class _Provider(BaseHTTPRequestHandler):
    """A provider whose answers a test sets (`routes`: path -> status, body); anything else is a 404."""

    routes: dict[str, tuple[int, bytes]] = {}

    def do_GET(self) -> None:
        status, body = self.routes.get(self.path, (404, b"{}"))
        self.send_response(status)
        self.send_header("content-type", "application/json")
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *_) -> None:  # quiet: a test's output is its assertions
        pass


@pytest.fixture(scope="module")
def provider() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Provider)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    thread.join(5)


DISCOVERY = "/.well-known/openid-configuration"


def _discovery(issuer: str, **fields) -> tuple[int, bytes]:
    return 200, json.dumps({"issuer": issuer, "jwks_uri": f"{issuer}/jwks", **fields}).encode()


def _answers(case: str, url: str) -> dict[str, tuple[int, bytes]]:
    """What the provider at `url` answers in each case."""
    keys = {DISCOVERY: _discovery(url)}
    return {
        "discovery without jwks_uri": {DISCOVERY: (200, json.dumps({"issuer": url}).encode())},
        "discovery not an object": {DISCOVERY: (200, b"[1]")},
        "discovery for another issuer": {DISCOVERY: _discovery("https://else.test")},
        "jwks_uri not http": {DISCOVERY: _discovery(url, jwks_uri="ftp://x/jwks")},
        "key set not JSON": {**keys, "/jwks": (200, b"<html>")},
        "key set not an object": {**keys, "/jwks": (200, b"[]")},
        "key set without keys": {**keys, "/jwks": (200, b'{"keys": []}')},
        "key set down": {DISCOVERY: _discovery(url, jwks_uri=f"http://127.0.0.1:{free_port()}/jwks")},
        "key set failing": {**keys, "/jwks": (503, b"busy")},
    }[case]


PROVIDER_WORDS = {  # the case -> words of the 503
    "discovery without jwks_uri": "names no http(s) address of its signing keys",
    "discovery not an object": "is not a JSON object",
    "discovery for another issuer": "names issuer 'https://else.test', not",
    "jwks_uri not http": "(jwks_uri is 'ftp://x/jwks')",
    "key set not JSON": "did not hand out its signing keys (its answer is not JSON",
    "key set not an object": "did not hand out its signing keys",
    "key set without keys": "did not hand out its signing keys",
    "key set down": "(nothing answers at that address: connection refused)",
    "key set failing": "(it answered HTTP 503 Service Unavailable)",
}
TOKEN = {"authorization": "Bearer eyJhbGciOiJSUzI1NiIsImtpZCI6ImsxIn0.eyJzdWIiOiJ4In0.c2ln"}  # JWT-shaped, unsigned


@pytest.mark.parametrize(("case", "words"), PROVIDER_WORDS.items())
def test_a_provider_without_usable_keys_is_a_503_not_a_500_or_the_tokens_fault(store, provider, case, words):
    _Provider.routes = _answers(case, provider)
    for client in local_client(store[0], AuthSettings(issuer=provider, audience="varlib")):
        answer = client.put("/models/var/aliases/champion", json={"version": "0.0.1"}, headers=TOKEN)
        body = _refused(answer, 503, "ProviderUnavailableError")
        assert words in body["error"] and body["endpoint"] == provider, body
        assert "bearer token" not in body["error"] and "www-authenticate" not in answer.headers, body


def test_an_unreachable_provider_is_told_without_urllibs_words(store):
    issuer = f"http://127.0.0.1:{free_port()}"  # nothing listens there
    for client in local_client(store[0], AuthSettings(issuer=issuer, audience="varlib")):
        body = _refused(
            client.put("/models/var/aliases/a", json={"version": "0.0.1"}, headers=TOKEN),
            503,
            "ProviderUnavailableError",
        )
        assert "cannot be read (nothing answers at that address: connection refused)" in body["error"], body
        assert "urlopen" not in body["error"] and "Errno" not in body["error"], body


def _integer_bounds(node, where: str = "") -> Iterator[tuple[str, str, object]]:
    if isinstance(node, dict):
        if node.get("type") == "integer":
            for bound in ("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum"):
                if bound in node:
                    yield where, bound, node[bound]
        for key, item in node.items():
            yield from _integer_bounds(item, f"{where}/{key}")
    elif isinstance(node, list):
        for position, item in enumerate(node):
            yield from _integer_bounds(item, f"{where}/{position}")


def test_integer_fields_have_integer_bounds_in_the_openapi_document(client):
    document = client.get("/openapi.json")
    bounds = list(_integer_bounds(document.json()))
    steps = document.json()["components"]["schemas"]["ForecastRequest"]["properties"]["steps"]
    assert (steps["minimum"], steps["maximum"]) == (1, 400) and '"maximum":400.0' not in document.text
    floats = [(where, bound, value) for where, bound, value in bounds if not isinstance(value, int)]
    assert bounds and not floats, floats
