"""A body value of the wrong JSON type is told with what to send (`3.0` for steps: a whole number, 3; `"0.1"` for
alpha: a JSON number, not a string; null: leave the field out for its default), not in pydantic's bare words. The
body is still read strictly: a string is never taken for a number, only the advice changed."""

from __future__ import annotations

import pytest

from tests.api.local_store import local_client, local_registry
from varlib import Actor

FORECAST = "/models/var/versions/0.0.1/forecast"
SCENARIO = "/models/var/versions/0.0.1/scenarios/typed"
ADMIN = Actor("Ada Admin", "ada", "https://issuer.test", via="rest")
ROWS = [[13000.0, 9200.0]] * 4  # the model's 4 lags


@pytest.fixture(scope="module")
def client(macro_result, tmp_path_factory):
    settings, _ = local_registry(tmp_path_factory.mktemp("type-words"), macro_result, versions=1)
    yield from local_client(settings, actor=ADMIN)


def _refused(answer, field: str) -> str:
    """The message of a 422 that names `field`, in the service's words only."""
    assert answer.status_code == 422 and answer.json()["type"] == "InvalidInputError", answer.text
    body = answer.json()
    assert body["field"] == field and "Input should be" not in body["error"], body
    assert "Input should be" not in body["details"][0]["msg"], body
    return body["error"]


@pytest.mark.parametrize(
    ("body", "words"),
    [
        ({"steps": 3.0}, "body.steps: 3.0: send a whole number (3)"),
        ({"steps": 2.5}, "body.steps: 2.5: send a whole number (2 or 3)"),
        ({"steps": 401.0}, "body.steps: 401.0: send a whole number from 1 to 400"),
        ({"steps": "3"}, 'body.steps: "3": send a JSON number (3), not a string'),
        ({"steps": "eight"}, 'body.steps: "eight": send a whole number from 1 to 400, not a string'),
        ({"steps": True}, "body.steps: send a whole number from 1 to 400, not true"),
        ({"steps": None}, "body.steps: null: leave steps out for its default (8 steps), or send a whole number from 1"),
        ({"alpha": "0.1"}, 'body.alpha: "0.1": send a JSON number (0.1), not a string'),
        ({"alpha": None}, "body.alpha: null: leave alpha out for its default (0.05, a 95% interval), or send a number"),
        ({"alpha": [0.1]}, "body.alpha: [0.1]: send a number from 0.0001 to 0.5, not a list"),
        ({"intervals": None}, 'leave intervals out for its default (standard), or send "standard" or "corrected"'),
        ({"intervals": 1}, 'body.intervals: 1: send "standard" or "corrected", not a number'),
    ],
)
def test_a_field_of_the_wrong_type_says_what_to_send(client, body, words):
    field = next(iter(body))
    assert words in _refused(client.post(FORECAST, json=body), field)


@pytest.mark.parametrize(
    ("body", "field", "words"),
    [
        ({"lag_inputs": [[13000.0, None]] * 4}, "lag_inputs.0.1", "a row of lag_inputs needs a value for every"),
        ({"lag_inputs": [[13000.0, "9200"]] * 4}, "lag_inputs.0.1", "send a JSON number (9200), not a string"),
        ({"lag_inputs": "rows"}, "lag_inputs", "send lag_inputs as a list of rows, oldest first,"),
        ({"lag_inputs": [13000.0, 9200.0]}, "lag_inputs.0", "send each row of lag_inputs as a list of one number"),
        ({"lag_inputs": ROWS, "lag_dates": "2010-01-01"}, "lag_dates", "send lag_dates as a list of dates, one per"),
        ({"lag_inputs": ROWS, "lag_dates": [2010] * 4}, "lag_dates.0", 'send each date as a JSON string, e.g. "20'),
        ({"exog": {"realint": ["2"]}}, "exog.realint.0", 'body.exog.realint.0: "2": send a JSON number (2), not a'),
        ({"conditions": {"realgdp": [True]}}, "conditions.realgdp.0", "conditions.realgdp.0: send a number, not true"),
    ],
)
def test_a_value_inside_a_list_of_the_wrong_type_says_what_to_send(client, body, field, words):
    assert words in _refused(client.post(FORECAST, json={"steps": 2, **body}), field)


@pytest.mark.parametrize(
    ("method", "path", "body", "words"),
    [
        ("PUT", SCENARIO, {"steps": 2.0}, "body.steps: 2.0: send a whole number (2)"),
        ("PUT", SCENARIO, {"notes": None}, "body.notes: null: leave notes out for its default (empty), or send a"),
        ("PUT", "/models/var/aliases/champion", {"version": 1}, 'send a JSON string, e.g. "0.0.3", not a number'),
        ("POST", "/models/var/versions/0.0.1/withdraw", {"reason": None}, "body.reason: null: send a JSON string"),
    ],
)
def test_other_bodies_say_what_to_send_too(client, method, path, body, words):
    assert words in _refused(client.request(method, path, json=body), next(iter(body)))


def test_the_value_refused_is_still_echoed_as_sent(client):
    """Only the words changed: `field` and `value` are those received, and a string is still no number."""
    body = client.post(FORECAST, json={"steps": "3"}).json()
    assert (body["field"], body["value"], body["details"][0]["type"]) == ("steps", "3", "int_type"), body


@pytest.mark.parametrize(
    ("method", "path", "field", "words"),
    [
        (
            "POST",
            "/models/var/versions/0.0.1/withdraw",
            "reason",
            "body.reason: missing: send reason (why the version is withdrawn: 1-2000 characters of plain text, blanks"
            ' around it dropped), e.g. {"reason": "trained on the wrong file"}',
        ),
        (
            "PUT",
            "/models/var/aliases/champion",
            "version",
            'body.version: missing: send version (0.0.3, latest or @other (resolved now)), e.g. {"version": "0.0.3"}',
        ),
    ],
)
def test_a_field_the_body_needs_left_out_says_what_to_send(client, method, path, field, words):
    """`{}` was refused as pydantic's bare "body.reason: Field required": no word of what the field holds."""
    refused = _refused(client.request(method, path, json={}), field)
    assert words in refused and "Field required" not in refused
