"""The original `/var_predict/{version}` serves model `var`, as the original service did; on a store filled the
default way (`varlib train --publish` names a model after its data) its 404 names the models there and the
endpoint that forecasts them; its `future_periods` is named so in its refusals."""

from __future__ import annotations

from tests.api.local_store import local_client
from varlib import Registry, Settings, publish_result


def test_the_original_endpoint_on_a_store_without_var_names_the_models_it_has(macro_result, tmp_path):
    """`varlib train --publish` names a model after its data (macrodata), while /var_predict serves `var`."""
    settings = Settings(store_dir=tmp_path / "store", author="api-test")
    publish_result(Registry.from_settings(settings), macro_result, "macrodata")
    for client in local_client(settings):
        answer = client.get("/var_predict/0_0_1?future_periods=8")
        message = answer.json()["error"]
        assert answer.status_code == 404 and "/var_predict serves model 'var', as the original service" in message
        assert "its models: macrodata" in message and "/models/macrodata/versions/latest/forecast" in message


def test_an_out_of_range_future_periods_is_named_as_the_endpoint_names_it(macro_result, tmp_path):
    settings = Settings(store_dir=tmp_path / "store", author="api-test")
    publish_result(Registry.from_settings(settings), macro_result, "var")
    for client in local_client(settings):
        for periods in (0, 401):
            answer = client.get(f"/var_predict/0_0_1?future_periods={periods}")
            assert answer.status_code == 422, answer.text
            expected = f"query.future_periods: future_periods {periods} must be a whole number from 1 to 400"
            assert expected in answer.json()["error"]  # not the POST body's `steps`
