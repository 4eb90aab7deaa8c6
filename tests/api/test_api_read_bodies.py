"""A body sent with a GET is refused, not ignored: `{"future_periods": 3}` sent to the original endpoint, as a
client of the original service may send it, answered 8 steps. The refusal names the query parameters the endpoint
takes and the request as meant; a GET without a body (or a blank one) is answered as ever, HEAD as its GET. A query
parameter refused before its endpoint reads it (one it does not take, one given twice) echoes its value, as the
endpoints' own refusals do."""

from __future__ import annotations

import pytest

from tests.api.local_store import local_client, local_registry


@pytest.fixture(scope="module")
def client(macro_result, tmp_path_factory):
    settings, _ = local_registry(tmp_path_factory.mktemp("read-bodies"), macro_result)
    yield from local_client(settings)


@pytest.mark.parametrize("version", ["latest", "0_0_1"])  # a pinned version's answer is kept before routing
def test_a_legacy_body_on_var_predict_is_refused_naming_the_query_it_meant(client, version):
    assert client.get(f"/var_predict/{version}").status_code == 200  # the answer without a body, kept if pinned
    answer = client.request("GET", f"/var_predict/{version}", content=b'{"future_periods": 3, "alpha": 0.1}')
    assert answer.status_code == 422, answer.text
    body = answer.json()
    assert (body["type"], body["field"]) == ("InvalidInputError", "body")
    assert body["error"].startswith(f"GET /var_predict/{version} takes no body, and this request has one (35 bytes)")
    assert (
        f"query parameters (future_periods, alpha): /var_predict/{version}?future_periods=3&alpha=0.1" in body["error"]
    )


@pytest.mark.parametrize(
    ("path", "sent", "said"),
    [
        (
            "/models/var/compare?versions=0.0.1&versions=0.0.2",
            b'{"steps": 3}',
            "compare?versions=0.0.1&versions=0.0.2&steps=3",
        ),
        ("/models/var/versions/latest/diagnostics", b"[[[", "diagnostics?irf_periods=..."),  # not JSON: the form
        ("/models/var/versions/latest", b'{"x": 1}', "send the request without one"),  # it takes no parameter
        ("/models", b"\xff", "(1 byte); send the request without one"),
    ],
)
def test_every_read_refuses_a_body(client, path, sent, said):
    answer = client.request("GET", path, content=sent)
    assert answer.status_code == 422, answer.text
    assert said in answer.json()["error"]


def test_a_blank_body_and_head_are_reads_as_ever(client):
    assert client.request("GET", "/var_predict/latest?future_periods=2", content=b" \r\n").json()["steps"] == 2
    assert client.head("/var_predict/latest").status_code == 200
    assert client.request("HEAD", "/var_predict/latest", content=b'{"future_periods": 3}').status_code == 422


@pytest.mark.parametrize(
    ("query", "field", "value"),
    [
        ("/models/var/aliases?steps=3", "steps", "3"),  # an endpoint that takes none
        ("/var_predict/latest?future_periods=3&future_periods=4", "future_periods", ["3", "4"]),
    ],
)
def test_a_query_parameter_refused_before_its_endpoint_echoes_its_value(client, query, field, value):
    body = client.get(query).json()
    assert (body["field"], body["value"]) == (field, value)
