"""schemathesis against the service's own OpenAPI document: no 500s, every answer matches the schema.

The document does not depend on the store, so it is loaded at import from an app on an empty folder;
the calls go to the app on the test MinIO, which the fixture swaps in (schemathesis' lazy fixture
loader does not run under this pytest)."""

from __future__ import annotations

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.specs.openapi.checks import positive_data_acceptance

from tests.conftest import new_bucket
from varlib import Registry, make_scenario
from varlib.api import create_app
from varlib.config import Settings
from varlib.service import publish_result

pytestmark = [pytest.mark.minio, pytest.mark.one_process]  # schemathesis gives its operations one node id


class _Delegate:
    """An ASGI app that forwards to whichever app the fixture installed."""

    def __init__(self) -> None:
        self.app = create_app(Settings(store_dir=Settings().store_dir / "never-used", author="fuzz"))

    async def __call__(self, scope, receive, send) -> None:
        await self.app(scope, receive, send)


DELEGATE = _Delegate()
schema = schemathesis.openapi.from_asgi("/openapi.json", DELEGATE)


@pytest.fixture(scope="module", autouse=True)
def served_bucket(minio, macro_result):
    app_settings = minio.settings(new_bucket(), author="fuzz")
    registry = Registry.from_settings(app_settings)
    artifact = publish_result(registry, macro_result, "var")
    registry.save_scenario(make_scenario(artifact, "gdp-path", 4, conditions={"realgdp": [13000.0, None, 13100.0]}))
    previous, DELEGATE.app = DELEGATE.app, create_app(app_settings)
    yield
    DELEGATE.app = previous


@schema.parametrize()
@settings(max_examples=15, deadline=None, suppress_health_check=list(HealthCheck))
def test_api_conforms_to_its_own_schema(case):
    excluded = []
    if case.operation.path.endswith("/forecast") or case.operation.method.upper() == "PUT":
        # lag_inputs must have the model's own shape (k_ar rows of one value per variable), exogenous
        # values and conditions name the model's variables and fit its steps, which a static schema cannot
        # say; schema-valid inputs of another shape are rightly a 422 (and a saved scenario takes them too).
        excluded.append(positive_data_acceptance)
    if case.operation.path.endswith(("/diagnostics", "/backtest")):
        # the lags a test takes and the origins and horizon a backtest can have depend on the version's data
        excluded.append(positive_data_acceptance)
    if case.operation.path.endswith("/history"):  # `before` is a key of this model's trail: any other text is a 422
        excluded.append(positive_data_acceptance)
    if case.operation.path.endswith("/versions"):  # `before` is a version or a stray object's key: other text is a 422
        excluded.append(positive_data_acceptance)
    response = case.call_and_validate(excluded_checks=excluded)
    assert response.status_code < 500, response.text


def test_the_fuzzed_schema_has_the_scenario_fields_and_endpoints():
    """The fuzzer draws from the document, so the new fields and endpoints are fuzzed only if they are in it."""
    document = schema.raw_schema
    request = document["components"]["schemas"]["ForecastRequest"]["properties"]
    assert {"exog", "conditions"} <= set(request)
    answer = document["components"]["schemas"]["ForecastBody"]["properties"]
    assert {"exog", "conditions", "scenario"} <= set(answer)
    paths = document["paths"]
    assert "put" in paths["/models/{name}/versions/{version}/scenarios/{scenario}"]
    assert "get" in paths["/models/{name}/versions/{version}/scenarios/{scenario}/forecast"]
