"""An upload with missing periods or values, while the fill is none: the unit-root advice and the lag search went
missing without a word (the hint said only "once the data load"); the page now says what they wait for and what to
do. Once a fill is chosen, or when the columns chosen have no hole, there is nothing to say."""

from __future__ import annotations

import numpy as np
import pandas as pd

from tests.app.conftest import open_app
from tests.app.test_train_upload import _upload

TRAIN = "views/train.py"
WAIT = "The unit-root tests and the lag search wait for the missing periods or values"


def _gappy() -> bytes:
    """80 quarters of three series, two quarters missing and one cell of `cons` empty."""
    rng = np.random.default_rng(3)
    dates = pd.date_range("1995-01-01", periods=80, freq="QS")
    frame = pd.DataFrame(
        100 + np.cumsum(rng.standard_normal((80, 3)), axis=0), index=dates, columns=["gdp", "cons", "inv"]
    )
    frame = frame.drop(frame.index[30:32])
    frame.iloc[10, 1] = np.nan
    return frame.rename_axis("date").to_csv(float_format="%.2f").encode()


def _captions(at) -> str:
    return "\n".join(c.value for c in at.caption)


def test_an_unfilled_upload_says_what_the_advice_and_the_lag_search_wait_for(registry):
    at = _upload(open_app(page=TRAIN), _gappy(), "gaps.csv")
    assert WAIT in _captions(at) and "choose how to fill them under **Missing periods or values**" in _captions(at)
    next(r for r in at.radio if r.label == "Missing periods or values").set_value("interpolate").run()
    assert WAIT not in _captions(at) and "Unit-root tests" in "\n".join(i.value for i in at.info)
