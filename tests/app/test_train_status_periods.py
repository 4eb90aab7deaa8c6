"""Train's status named the rows it read by their first days in ISO form (`1990-01-01 to 2007-10-01` for quarters
the file and the preview call 1990Q1 to 2007Q4), which reads as data up to 1 October; it names their periods."""

from __future__ import annotations

import numpy as np
import pandas as pd

from tests.app.conftest import open_app
from tests.app.test_train_upload import _upload

TRAIN = "views/train.py"


def _labelled_quarters() -> bytes:
    """72 quarters from 1990Q1 of three positive, trending series, dated by quarter labels."""
    rng = np.random.default_rng(11)
    growth = 0.005 + 0.01 * rng.standard_normal((72, 3))
    frame = pd.DataFrame(100 * np.exp(np.cumsum(growth, axis=0)), columns=["gdp", "cons", "cpi"])
    frame.index = [str(p) for p in pd.period_range("1990Q1", periods=72, freq="Q")]
    return frame.rename_axis("date").to_csv(float_format="%.3f").encode()


def test_the_status_names_the_periods_read(registry):
    at = _upload(open_app(page=TRAIN), _labelled_quarters(), "q.csv")
    next(b for b in at.button if b.label == "Train").click().run()
    assert not at.exception
    said = "\n".join(m.value for m in at.markdown)
    assert "72 rows of gdp, cons, cpi, 1990Q1 to 2007Q4." in said
    assert "2007-10-01" not in said
