"""The Backtest page says up front how many origins a version's rows allow: a backtest the library is certain to
refuse is never offered to run (the page promised "refit this version 200 times", then refused after Run)."""

from __future__ import annotations

from tests.app.conftest import charts, errors, open_app
from varlib import ModelSpec, load_dataset, train_model
from varlib.backtest import check_backtest
from varlib.service import publish_result

BACKTEST = "views/backtest.py"


def _warned(at) -> str:
    return "\n".join(w.value for w in at.warning)


def _q3(registry):
    """A version trained on 72 quarters."""
    dataset = load_dataset(variables=["realgdp", "realcons", "realinv"])
    short = type(dataset)("q3.csv", dataset.frame.iloc[:72], "0" * 64, frequency=dataset.frequency)
    return publish_result(registry, train_model(short, ModelSpec(("realgdp", "realcons", "realinv"), lags=2)), "q3")


def _most(artifact, horizon: int) -> int:
    fits = [n for n in range(1, 201) if _runs(artifact, n, horizon)]
    return max(fits) if fits else 0


def _runs(artifact, origins: int, horizon: int) -> bool:
    try:
        check_backtest(artifact, origins, horizon)
    except Exception:  # noqa: BLE001 - the library's refusal, whatever its kind
        return False
    return True


def test_too_many_origins_are_refused_before_run_and_run_is_greyed_out(seeded):
    artifact = _q3(seeded)
    at = open_app({"model": "q3", "origins": 200, "horizon": 1}, page=BACKTEST)
    said = _warned(at)
    assert errors(at) == "" and "origins + horizon at most" in said and "fewer origins" in said
    assert at.button(key="bt_run").disabled
    assert not any("refit this version 200 times" in i.value for i in at.info)
    assert not charts(at)
    most = _most(artifact, 1)
    at.number_input(key="bt_origins").set_value(most).run()
    assert _warned(at) == "" and not at.button(key="bt_run").disabled
    prompt = next(i.value for i in at.info if "Press **Run backtest**" in i.value)
    assert f"refit this version {most} times" in prompt and f"up to {most} origins" in prompt
    at.number_input(key="bt_origins").set_value(most + 1).run()
    assert "origins + horizon at most" in _warned(at) and at.button(key="bt_run").disabled
