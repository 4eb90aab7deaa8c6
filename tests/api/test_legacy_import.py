"""Trusted import of old pickles: refused without --trust, converted and checked against the pickle's own
forecasts with it, the pickle left untouched, and the result served by the original endpoint."""

from __future__ import annotations

import hashlib
import pickle
import warnings

import numpy as np
import pytest

from tests.conftest import new_bucket
from varlib import Registry
from varlib.cli import main
from varlib.service import forecast_version
from varlib.versions import Version

pytestmark = pytest.mark.minio
STEPS = 10


@pytest.fixture(scope="module")
def varmax_pickle():
    """The original's model: VARMAX on the first 90% of macrodata realgdp/realcons, order (1, 0), pickled.

    The fit is capped at two iterations to keep the suite short (the AR coefficients already differ, so a
    transposed matrix would show); the conversion reads the fitted parameters whatever they are, and the
    test compares against this object's own forecasts."""
    from statsmodels.datasets import macrodata
    from statsmodels.tsa.statespace.varmax import VARMAX

    frame = macrodata.load_pandas().data[["realgdp", "realcons"]]
    train = frame.iloc[: int(len(frame) * 0.9)]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        results = VARMAX(train, order=(1, 0)).fit(disp=False, maxiter=2)
    return pickle.dumps(results)


@pytest.fixture
def bucket(minio, monkeypatch):
    """A fresh bucket the CLI (run in-process through main()) reads from the environment."""
    name = new_bucket()
    for key, value in {**minio.env(name), "VARLIB_AUTHOR": "legacy-test"}.items():
        monkeypatch.setenv(key, value)
    monkeypatch.delenv("VARLIB_READ_ONLY", raising=False)
    return Registry.from_settings(minio.settings(name, author="legacy-test"))


def plant(registry, data: bytes, key: str = "var/0_0_1/model.pkl"):
    registry.store.create(key, data)
    return registry.store.get(key, 1 << 30)


def test_refuses_without_trust_and_explains(bucket, varmax_pickle, capsys):
    before = plant(bucket, varmax_pickle)
    assert main(["import-legacy", "0_0_1"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: refusing to unpickle var/0_0_1/model.pkl") and "runs whatever code" in err
    assert "--trust" in err and "Traceback" not in err and len(err.strip().splitlines()) == 1
    assert [e.status.startswith("legacy pickle") for e in bucket.list_versions("var")] == [True]
    after = bucket.store.get("var/0_0_1/model.pkl", 1 << 30)
    assert (after.data, after.etag) == (before.data, before.etag)


def test_varmax_pickle_becomes_a_safe_version_with_the_same_forecasts(bucket, varmax_pickle, capsys):
    before = plant(bucket, varmax_pickle)
    assert main(["import-legacy", "0_0_1", "--name", "var", "--trust", "--json"]) == 0
    assert '"version": "0.0.2"' in capsys.readouterr().out
    artifact = bucket.load("var", "latest")
    assert artifact.version == Version(0, 0, 2) and artifact.k_ar == 1
    assert artifact.provenance["source_key"] == "var/0_0_1/model.pkl"
    assert artifact.provenance["source_sha256"] == hashlib.sha256(varmax_pickle).hexdigest()
    assert artifact.provenance["source_class"] == "VARMAXResults"
    # the pickle's data are macrodata rows without dates: their quarters are used
    assert artifact.data.dates[0] == "1959-01-01" and artifact.data.dates[-1] == "2004-04-01"
    results = pickle.loads(varmax_pickle)
    np.testing.assert_array_equal(artifact.data.values, np.asarray(results.model.endog))

    ours = forecast_version(bucket, "var", "0.0.2", STEPS, 0.1)
    theirs = np.asarray(results.forecast(STEPS))
    np.testing.assert_allclose(ours.forecast.mean, theirs, rtol=1e-6, atol=0)
    bounds = np.asarray(results.get_forecast(STEPS).conf_int(alpha=0.1))
    np.testing.assert_allclose(ours.forecast.lower, bounds[:, :2], rtol=1e-6, atol=0)
    np.testing.assert_allclose(ours.forecast.upper, bounds[:, 2:], rtol=1e-6, atol=0)
    assert ours.index[0] == "2004-07-01"

    after = bucket.store.get("var/0_0_1/model.pkl", 1 << 30)
    assert (after.data, after.etag) == (before.data, before.etag)  # the original object is untouched
    labels = {e.label: e.status for e in bucket.list_versions("var")}
    assert labels["0.0.2"] == "ok" and labels["0.0.1"].startswith("legacy pickle")


def test_var_results_pickle_and_the_original_endpoint(bucket):
    from fastapi.testclient import TestClient
    from statsmodels.tsa.vector_ar.var_model import VAR

    from varlib.api import create_app
    from varlib.config import Settings

    frame = np.log(np.asarray([[100.0 + i + np.sin(i), 50.0 + 0.5 * i + np.cos(i / 3)] for i in range(80)]))
    results = VAR(frame).fit(2, trend="ct")
    plant(bucket, pickle.dumps(results), "var/0_0_4/model.pkl")
    assert main(["import-legacy", "0.0.4", "--trust"]) == 0
    assert bucket.resolve("var", "latest") == Version(0, 0, 5)
    with TestClient(create_app(Settings.from_env())) as http:
        body = http.get("/var_predict/0_0_5", params={"future_periods": 6}).json()
    expected = results.forecast(frame[-2:], 6)
    np.testing.assert_allclose(np.asarray(body["mean"]), expected, rtol=1e-6, atol=0)
    assert body["index"] == [f"+{h}" for h in range(1, 7)]  # no dates anywhere: no invented dates either


@pytest.mark.parametrize(
    "data, message",
    [
        (b"\x80\x04garbage", "cannot be unpickled"),
        (pickle.dumps({"not": "a model"}), "holds a builtins.dict"),
    ],
)
def test_unusable_pickles_fail_with_a_reason_and_publish_nothing(bucket, capsys, data, message):
    plant(bucket, data)
    assert main(["import-legacy", "0_0_1", "--trust"]) == 1
    assert message in capsys.readouterr().err
    assert [e.label for e in bucket.list_versions("var")] == ["0.0.1"]


def test_missing_pickle_and_bad_version(bucket, capsys):
    assert main(["import-legacy", "0_0_3", "--trust"]) == 1
    assert "no legacy pickle var/0_0_3/model.pkl" in capsys.readouterr().err
    assert main(["import-legacy", "three", "--trust"]) == 2
    assert "the pickle's version 'three' is not a version number" in capsys.readouterr().err


def test_a_pickle_of_other_variables_is_imported_as_a_major_version_when_asked(bucket, capsys):
    """The refusal said `--bump major`, which import-legacy did not take: a model whose variables changed over its
    history could be imported in one shape only."""
    from statsmodels.tsa.vector_ar.var_model import VAR

    rng = np.random.default_rng(2)
    for key, k in (("var/0_0_1/model.pkl", 3), ("var/0_0_2/model.pkl", 2)):
        levels = np.cumsum(rng.normal(size=(80, k)), axis=0) + 50
        plant(bucket, pickle.dumps(VAR(levels).fit(1)), key)
    assert main(["show", "latest"]) == 1  # pickles only: the way to a usable version is named
    said = capsys.readouterr().err
    assert "or convert its legacy pickle with `varlib import-legacy 0.0.2 --name var --trust`" in said
    assert main(["import-legacy", "0_0_1", "--trust"]) == 0
    capsys.readouterr()
    assert main(["import-legacy", "0_0_2", "--trust"]) == 2
    assert "--bump major" in capsys.readouterr().err
    assert main(["import-legacy", "0_0_2", "--trust", "--bump", "major"]) == 0
    assert bucket.resolve("var", "latest") == Version(1, 0, 0)
