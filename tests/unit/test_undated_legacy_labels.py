"""A version without a frequency (a pickle imported from the original service, fitted without dates) forecasts
steps labelled +1, +2, ...: every output that names periods keeps those labels instead of reading them as dates."""

from __future__ import annotations

import pickle
import warnings

import numpy as np
import pytest

from varlib import Registry, Settings, forecast_artifact, import_legacy
from varlib.cli import main


@pytest.fixture(scope="module")
def undated_pickle() -> bytes:
    from statsmodels.datasets import macrodata
    from statsmodels.tsa.statespace.varmax import VARMAX

    levels = macrodata.load_pandas().data[["realgdp", "realcons"]].iloc[-80:].reset_index(drop=True)
    frame = (np.log(levels).diff().dropna() * 100).reset_index(drop=True)  # growth rates on a RangeIndex: no dates
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return pickle.dumps(VARMAX(frame, order=(1, 0)).fit(disp=False, maxiter=2))


@pytest.fixture
def store(tmp_path, monkeypatch, undated_pickle):
    monkeypatch.setenv("VARLIB_STORE_DIR", str(tmp_path))
    monkeypatch.delenv("MINIO_ENDPOINT", raising=False)
    registry = Registry.from_settings(Settings(store_dir=tmp_path, author="test"))
    registry.store.create("var/0_0_1/model.pkl", undated_pickle)
    import_legacy(registry, "0_0_1", "var", trust=True)
    import_legacy(registry, "0_0_1", "var", trust=True)  # 0.0.2 and 0.0.3, both undated
    return registry


def test_the_text_forecast_names_its_steps(store, capsys):
    assert main(["forecast", "latest", "--steps", "3"]) == 0
    out = capsys.readouterr().out
    assert "Traceback" not in out and all(f"+{h}" in out for h in (1, 2, 3))


def test_compare_names_its_steps(store, capsys):
    assert main(["compare", "0.0.2", "0.0.3", "--steps", "2"]) == 0
    assert "+2" in capsys.readouterr().out


def test_a_far_condition_is_warned_of_at_its_step(store):
    far = forecast_artifact(store.load("var", "0.0.2"), 3, conditions={"realgdp": [None, 5.0]}).to_dict()
    assert any("realgdp 5 at +2" in warning for warning in far["warnings"])
