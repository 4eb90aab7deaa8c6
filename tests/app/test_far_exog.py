"""Exogenous values far outside what the fit saw (realint 350 where training ran from -6.8 to 11): the forecast
takes them as known, so its bands stayed as narrow as usual and nothing said so. Now the library, the CLI (stderr),
the JSON and REST answer (`warnings`) and the Forecast page say it, as they say it of far conditions."""

import numpy as np
import pytest

from tests.api.local_store import local_client
from tests.app.conftest import open_app
from varlib import ModelSpec, Registry, Settings, forecast_artifact, load_dataset, publish_result, train_model
from varlib.cli import main


@pytest.fixture(scope="module")
def varx(tmp_path_factory):
    settings = Settings(store_dir=tmp_path_factory.mktemp("far-exog"), author="test")
    registry = Registry.from_settings(settings)
    dataset = load_dataset(variables=["realgdp", "realcons", "realint"])
    spec = ModelSpec(variables=("realgdp", "realcons"), exog=("realint",), lags=2, holdout=0)
    artifact = publish_result(registry, train_model(dataset, spec), "varx")
    past = dataset.frame["realint"].to_numpy()
    return settings, artifact, float((350 - past.mean()) / past.std(ddof=1))


def test_the_library_names_the_far_value_and_its_distance(varx):
    _, artifact, distance = varx
    far = forecast_artifact(artifact, 2, exog={"realint": [1.5, 350.0]})
    assert np.isclose(far.exog_sd[1, 0], distance) and abs(far.exog_sd[0, 0]) < 1
    assert far.far_exog() == (
        f"1 exogenous value lies 4 or more standard deviations from that variable's training values: realint 350 at"
        f" 2010Q1 ({distance:+.1f} sd). The forecast takes it as known, so its bands do not widen for it, while"
        " the fit never saw such values: check the values and their units."
    )
    assert far.to_dict()["warnings"] == [far.far_exog()]
    assert forecast_artifact(artifact, 2, exog={"realint": [1.5, 3.0]}).to_dict()["warnings"] == []


def test_the_cli_rest_and_page_say_it(varx, tmp_path, monkeypatch, capsys):
    settings, _, _ = varx
    monkeypatch.setenv("VARLIB_STORE_DIR", str(settings.store_dir))
    values = tmp_path / "rates.csv"
    values.write_text("step,realint\n1,350\n2,350\n")
    assert main(["forecast", "--name", "varx", "--steps", "2", "--exog-csv", str(values)]) == 0
    err = capsys.readouterr().err
    assert err.startswith("warning: 2 exogenous values lie 4 or more standard deviations") and "realint 350 at" in err
    assert "The forecast takes them as known, so its bands do not widen for them" in err  # two: them; one: it
    for http in local_client(settings):
        answer = http.post("/models/varx/versions/0.0.1/forecast", json={"steps": 2, "exog": {"realint": [350, 1]}})
        assert answer.status_code == 200 and answer.json()["warnings"][0].startswith("1 exogenous value lies")
    at = open_app({"model": "varx", "version": "0.0.1", "steps": 2})
    editor = next(e for e in at.data_editor if e.key.startswith("_fc_path|exogenous values|"))
    at.session_state[editor.key] = {"edited_rows": {0: {"realint": 350.0}}, "added_rows": [], "deleted_rows": []}
    at.run()
    assert any(w.value.startswith("1 exogenous value lies 4 or more") for w in at.warning)
