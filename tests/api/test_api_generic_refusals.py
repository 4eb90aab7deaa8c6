"""pydantic's generic refusals (a number that is not finite, a whole number of thousands of digits, text too long, a
query parameter left out) were passed through in its words, which name no fix ("Input should be a finite number",
"Field required"): each is told with the field's range, description and an example, on every route, keeping
`field` and `value`."""

from __future__ import annotations

import pytest

from tests.api.local_store import local_client, local_registry

PYDANTIC = ("Input should be", "Field required", "String should have", "Unable to parse")
FORECAST = "/models/var/versions/0.0.1/forecast"


@pytest.fixture(scope="module")
def http(macro_result, tmp_path_factory):
    settings = local_registry(tmp_path_factory.mktemp("generic") / "store", macro_result)[0]
    yield from local_client(settings)


def _refusal(response) -> dict:
    assert response.status_code == 422, response.text
    body = response.json()
    assert not any(words in body["error"] or words in body["details"][0]["msg"] for words in PYDANTIC), body
    return body


LONG = "9" * 40 + "..." + "9" * 17  # 5,000 digits as the answer shortens them


@pytest.mark.parametrize(
    "path, field, words, value",
    [
        (
            "/var_predict/0.0.1?alpha=nan",
            "alpha",
            "alpha 'nan' is not a number: give a number from 0.0001 to 0.5 (1 - coverage of the interval",
            "nan",
        ),
        ("/var_predict/0.0.1?alpha=-inf", "alpha", "alpha '-inf' is not a number: give a number from 0.0001", "-inf"),
        (
            "/models/var/compare?versions=0.0.1&versions=0.0.2&level=Infinity",
            "level",
            "level 'Infinity' is not a number: give a number from 50 to 99.99 (the forecast intervals' level",
            "Infinity",
        ),
        (
            "/var_predict/0.0.1?future_periods=" + "9" * 5000,
            "future_periods",
            f"future_periods '{LONG}' has 5,000 characters, too many for a whole number: give a whole number from 1"
            " to 400 (how many periods ahead), such as 8",
            LONG,
        ),
        (
            "/models/var/history?before=" + "k" * 301,
            "before",
            "is 301 characters long, more than the 300 it may have: give the `key` of a record listed before",
            "k" * 40 + "..." + "k" * 17,
        ),
    ],
)
def test_a_query_value_is_told_what_to_send(http, path, field, words, value):
    body = _refusal(http.get(path))
    assert words in body["error"] and body["field"] == field and body["value"] == value, body


def test_compare_without_versions_is_told_how_to_name_them(http):
    body = _refusal(http.get("/models/var/compare?level=90"))
    assert "versions is missing: give two to " in body["error"], body
    assert body["error"].endswith("for example ?versions=0.0.1&versions=0.0.2"), body
    assert body["field"] == "versions" and "value" not in body, body


@pytest.mark.parametrize("written, named", [(b"NaN", "NaN"), (b"Infinity", "Infinity"), (b"-Infinity", "-Infinity")])
def test_a_body_alpha_that_is_not_finite_is_told_its_range_and_default(http, written, named):
    raw = b'{"steps": 2, "alpha": ' + written + b"}"
    body = _refusal(http.post(FORECAST, content=raw, headers={"content-type": "application/json"}))
    assert f"alpha {named} is not a number: give a number from 0.0001 to 0.5" in body["error"], body
    assert body["error"].endswith("such as 0.05"), body
    assert body["field"] == "alpha" and body["value"] == named, body
