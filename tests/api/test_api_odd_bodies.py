"""Bodies JSON allows but nobody means: lone UTF-16 surrogates, integers past Python's digit limit, thousands of
refused parts, conditions without a value. Each is a 422 in the service's error shape, never a 500, and the
answer stays small."""

from __future__ import annotations

import gzip
import json

import pytest

from tests.api.local_store import local_client, local_registry
from varlib import Actor, InvalidInputError
from varlib.api.handlers import error_response

FORECAST = "/models/var/versions/0.0.1/forecast"
JSON = {"content-type": "application/json"}
ADMIN = Actor("Ada Admin", "ada", "https://issuer.test", via="rest")


@pytest.fixture(scope="module")
def store(macro_result, tmp_path_factory):
    return local_registry(tmp_path_factory.mktemp("odd"), macro_result)


@pytest.fixture(scope="module")
def client(store):
    yield from local_client(store[0], actor=ADMIN)


def _refused(answer, status: int = 422) -> str:
    assert answer.status_code == status, answer.text[:500]
    assert answer.json()["type"] == "InvalidInputError", answer.text[:500]
    return answer.json()["error"]


@pytest.mark.parametrize(
    ("raw", "named", "field"),
    [
        (rb'{"steps": 2, "intervals": "\ud800"}', "body.intervals: '\\ud800' is half of a UTF-16", "intervals"),
        (rb'{"steps": 2, "conditions": {"\ud800": [1.0]}}', "a key of body.conditions: '\\ud800'", "conditions"),
        (rb'{"steps": 2, "exog": {"x\udc00": [1.0]}}', "a key of body.exog: 'x\\udc00' holds '\\udc00'", "exog"),
        (rb'{"steps": 2, "lag_dates": ["2009-01-01", "\udbff"]}', "body.lag_dates.1: '\\udbff' is half", "lag_dates"),
    ],
)
def test_a_lone_surrogate_is_a_422_naming_its_place_with_the_value_escaped(client, raw, named, field):
    answer = client.post(FORECAST, content=raw, headers=JSON)
    assert named in _refused(answer) and answer.json()["field"] == field


def test_a_lone_surrogate_with_lag_rows_never_reaches_the_library(client, store):
    rows = [[13000.0, 9000.0]] * store[1].load("var", "0.0.1").k_ar
    raw = json.dumps({"steps": 2, "lag_inputs": rows, "lag_dates": ["\ud800"] * len(rows)}).encode()
    assert "body.lag_dates.0: '\\ud800'" in _refused(client.post(FORECAST, content=raw, headers=JSON))


def test_a_surrogate_pair_is_one_character_and_passes(client):
    answer = client.post(FORECAST, content=rb'{"steps": 2, "conditions": {"\ud83d\ude00": [1.0]}}', headers=JSON)
    assert "is not a variable of this model" in _refused(answer)  # read as the emoji, refused as no variable


def test_an_error_body_holding_a_lone_surrogate_is_written_escaped():
    answer = error_response(422, InvalidInputError("intervals '\ud800' is bad", field="intervals", value="\ud800"))
    assert json.loads(answer.body) == {
        "error": "intervals '\\ud800' is bad",
        "type": "InvalidInputError",
        "field": "intervals",
        "value": "\\ud800",
    }


HUGE = "9" * 5000  # over Python's 4300-digit limit on reading an integer


@pytest.mark.parametrize(
    ("method", "path", "raw"),
    [
        ("POST", FORECAST, f'{{"steps": {HUGE}}}'),
        ("POST", FORECAST, f'{{"steps": 2, "lag_inputs": [[1.0, {HUGE}]]}}'),
        ("POST", "/models/var/versions/0.0.1/withdraw", f'{{"reason": {HUGE}}}'),
        ("PUT", "/models/var/versions/0.0.1/scenarios/big", f'{{"steps": 2, "notes": {HUGE}}}'),
    ],
)
def test_an_integer_too_long_to_read_is_bad_input(client, method, path, raw):
    message = _refused(client.request(method, path, content=raw.encode(), headers=JSON))
    assert "the body is not usable JSON: it holds a number too long to read (over 4,300 digits)" in message


@pytest.mark.parametrize(
    ("body", "first"),
    [
        ({"steps": 2, "lag_inputs": [["x"]] * 60_000}, "body.lag_inputs.0.0"),
        ({"steps": 2, **{f"k{n}": 1 for n in range(50_000)}}, "body.k0"),
    ],
)
def test_details_are_capped_as_the_message_is(client, body, first):
    answer = client.post(FORECAST, json=body)
    message = _refused(answer)
    left_out = answer.json()["details_left_out"]
    assert len(answer.json()["details"]) == 5 and left_out >= 49_995
    assert message.startswith(f"invalid request: {first}") and f"and {left_out:,} more, not listed" in message
    assert len(answer.content) < 5_000


def test_a_few_refused_parts_are_all_listed(client):
    answer = client.post(FORECAST, json={"steps": 0, "alpha": 2})
    assert len(answer.json()["details"]) == 2 and "details_left_out" not in answer.json()
    assert "more, not listed" not in _refused(answer)


@pytest.mark.parametrize("values", [[None, None], []])
@pytest.mark.parametrize(("method", "path"), [("POST", FORECAST), ("PUT", "/models/var/versions/0.0.1/scenarios/s")])
def test_a_variable_conditioned_on_nothing_is_refused(client, method, path, values):
    body = {"steps": 2, "conditions": {"realgdp": [13100.0, None], "realcons": values}}
    message = _refused(client.request(method, path, json=body))
    assert "'realcons' holds no value to condition on" in message
    assert "give at least one value (null leaves a step free), or leave 'realcons' out of conditions" in message


def test_conditions_with_a_value_still_forecast(client):
    answer = client.post(FORECAST, json={"steps": 2, "conditions": {"realgdp": [None, 13100.0]}})
    assert answer.status_code == 200 and answer.json()["conditions"][0]["value"] == 13100.0, answer.text


@pytest.mark.parametrize(
    ("method", "path"), [("POST", "/models/var/versions/0.0.1/forecast"), ("PUT", "/models/var/aliases/zipped")]
)
def test_a_compressed_body_is_told_to_come_uncompressed(client, store, method, path):
    """Its bytes read as text were refused as 'not UTF-8 ... saved as Latin-1?'."""
    raw = gzip.compress(json.dumps({"version": "0.0.1"} if method == "PUT" else {"steps": 2}).encode())
    headers = {"content-type": "application/json", "content-encoding": "gzip"}
    message = _refused(client.request(method, path, content=raw, headers=headers))
    assert message.startswith("the body was sent compressed (Content-Encoding: gzip)") and "UTF-8" not in message
    assert store[1].alias("var", "zipped") is None


def test_a_body_said_to_be_compressed_is_refused_after_the_same_bytes_were_answered_plain(client):
    """The pinned answers were kept by the body's bytes and content type only: once `{"steps": 3}` had been
    answered, the same bytes sent as `Content-Encoding: br` were answered 200 from them, and refused before."""
    raw = json.dumps({"steps": 3}).encode()
    assert client.post(FORECAST, content=raw, headers=JSON).status_code == 200
    message = _refused(client.post(FORECAST, content=raw, headers={**JSON, "content-encoding": "br"}))
    assert message.startswith("the body was sent compressed (Content-Encoding: br)")


def test_a_value_refused_for_a_control_character_is_echoed_with_it_escaped(client, store):
    """The refused reason came back holding the very right-to-left override it was refused for."""
    answer = client.post("/models/var/versions/0.0.1/withdraw", json={"reason": "bad\u202eevil"})
    message = _refused(answer)
    assert "control character U+202E" in message and answer.json()["value"] == "bad\\u202eevil"
    assert store[1].withdrawals("var") == {}
