"""The original design, reproduced as the yardstick (never product code).

Training fits statsmodels VARMAX(order=(p, 0)) for each p in the search range on the first 90%
of the data, keeps the p with the lowest in-sample MSE and refits it; the artifact is
`pickle.dumps` of the fitted results; every forecast request GETs the pickle, unpickles it and
calls `predict` for the requested steps. Orders whose fit raises (VARMAX refuses p = 0; some
orders hit a singular matrix) are recorded and skipped, as a search loop has to.
"""

from __future__ import annotations

import pickle
import time
import warnings
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

BASELINE_KEY = "var-baseline/0_0_1/model.pkl"


@dataclass
class BaselineModel:
    """The outcome of the baseline's search."""

    results: object  # statsmodels VARMAXResults of the refit
    chosen_p: int
    mse: dict[int, float] = field(default_factory=dict)
    failed: dict[int, str] = field(default_factory=dict)
    search_s: float = 0.0
    refit_s: float = 0.0

    @property
    def seconds(self) -> float:
        return self.search_s + self.refit_s


def training_frame(frame: pd.DataFrame, fraction: float = 0.9) -> pd.DataFrame:
    """The first `fraction` of the rows, as the original design trained on."""
    return frame.iloc[: int(len(frame) * fraction)]


def fit_varmax(endog: pd.DataFrame, p: int):
    from statsmodels.tsa.statespace.varmax import VARMAX

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # non-convergence warnings are part of the original behaviour
        return VARMAX(endog, order=(p, 0)).fit(disp=False)


def train_baseline(endog: pd.DataFrame, orders: range) -> BaselineModel:
    """Search `orders` by in-sample MSE, then refit the winner (timed separately)."""
    started = time.perf_counter()
    mse: dict[int, float] = {}
    failed: dict[int, str] = {}
    for p in orders:
        try:
            mse[p] = float(fit_varmax(endog, p).mse)
        except (ValueError, np.linalg.LinAlgError) as exc:  # what a search loop over orders must skip
            failed[p] = f"{type(exc).__name__}: {str(exc)[:80]}"
    search_s = time.perf_counter() - started
    if not mse:
        raise RuntimeError(f"every VARMAX order failed: {failed}")
    chosen = min(mse, key=mse.get)
    started = time.perf_counter()
    results = fit_varmax(endog, chosen)
    return BaselineModel(results, chosen, mse, failed, search_s, time.perf_counter() - started)


def artifact_bytes(model: BaselineModel) -> bytes:
    return pickle.dumps(model.results)


def serve(store, steps: int = 8) -> np.ndarray:
    """One request of the original service: GET the pickle, unpickle it, predict `steps` ahead.

    The GET is the minio SDK's `get_object`, a minio-py service's read path (the product reads a
    presigned URL over http.client instead; bench also measures it through get_object)."""
    response = store.client.get_object(store.bucket, BASELINE_KEY)
    try:
        raw = response.read()
    finally:
        response.close()
        response.release_conn()
    results = pickle.loads(raw)
    nobs = results.nobs
    return np.asarray(results.predict(start=nobs, end=nobs + steps - 1))
