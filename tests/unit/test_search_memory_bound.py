"""The default lag search keeps its design bounded on a very large sample (100,000 daily rows of 48 series were
searched to 67 lags and held about 13 GB), says so, and leaves every usual sample's default as it was."""

from __future__ import annotations

import numpy as np

from varlib import ModelSpec, default_max_lags
from varlib.lag_order import SEARCH_CELLS, search_range


def test_a_huge_sample_is_searched_within_the_bound_and_told():
    assert default_max_lags(100_000, 48, "c", bounded=False) == 67
    top = default_max_lags(100_000, 48, "c")
    assert top == 5 and 100_000 * (48 * top + 1) <= SEARCH_CELLS
    chosen, warnings = search_range(100_000, 48, ModelSpec(tuple(f"v{i}" for i in range(48))), "the data")
    assert chosen == 5 and warnings == [
        "the default maximum lag order is 5, not 67, on 100000 rows of 48 variables, to keep the search's memory"
        " bounded; give a larger maximum (CLI --max-lags, dashboard: Max lags) to search further"
    ]


def test_usual_samples_keep_their_defaults():
    # the module's documented figures, and a long daily sample of a few series
    assert [default_max_lags(n, k, "c") for n, k in ((60, 3), (84, 4), (202, 2), (20_000, 5))] == [8, 9, 14, 45]
    assert search_range(202, 2, ModelSpec(("a", "b")), "the data") == (14, [])
    assert np.all(
        [default_max_lags(n, 3, "c") == default_max_lags(n, 3, "c", bounded=False) for n in range(30, 3000, 97)]
    )
