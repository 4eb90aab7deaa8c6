"""The original `/var_predict/{version}` serves model `var`, as the original service did; on a store filled the
default way (`varlib train --publish` names a model after its data) its 404 names the models there and the
endpoint that forecasts them."""

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
