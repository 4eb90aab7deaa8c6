"""On a sample over 5,000 rows the unit-root advice tests the last 5,000, and the VECM it names starts there: its
options trained on every row, where Johansen's test can find another rank. Here two daily series wander apart for
1,000 days, then one tracks the other: the last 5,000 rows hold one relation, all 6,000 none."""

from __future__ import annotations

import json
import re

import numpy as np
import pandas as pd
import pytest

FIRST_TESTED = "2002-09-27"  # the 1,001st day from 2000-01-01: the first of the last 5,000


@pytest.fixture
def csv(tmp_path) -> str:
    rng = np.random.default_rng(0)  # a seed where the test on every row finds no relation (most find one)
    walks = np.cumsum(rng.normal(size=(6_000, 2)), axis=0)
    tracks = walks[1_000:, 0] + rng.normal(size=5_000) + walks[999, 1] - walks[999, 0]  # b follows a from then on
    levels = np.column_stack([walks[:, 0], np.concatenate([walks[:1_000, 1], tracks])])
    days = pd.date_range("2000-01-01", periods=6_000, freq="D", name="date")
    path = tmp_path / "link.csv"
    pd.DataFrame(levels, index=days, columns=["a", "b"]).to_csv(path)
    return str(path)


def test_the_vecm_advised_on_the_last_rows_trains_on_them_at_the_rank_tested(local_cli, csv):
    code, out, _ = local_cli("train", "--csv", csv, "--lags", "2", "--name", "link", "--publish")
    advice = next(line for line in out.splitlines() if line.startswith("unit roots: "))
    assert code == 0 and "finds 1 cointegrating relation" in advice  # the premise
    options = re.search(r"CLI `(--model vecm[^`]*)`", advice)
    assert options is not None, advice
    code, raw, err = local_cli("train", "--csv", csv, *options[1].split(), "--json")
    assert code == 0, err
    trained = json.loads(raw)
    assert (trained["coint_rank"], trained["johansen"]["rank"]) == (1, 1)  # its own test finds the rank advised
    assert (trained["span"]["first"], trained["span"]["rows"]) == (FIRST_TESTED, 5_000)
    assert f"The test ran at VAR order 2 in levels on the last 5,000 rows (from {FIRST_TESTED})" in advice
    assert options[1].endswith(f"--start {FIRST_TESTED}")
    # the version's diagnostics name the same rows
    code, raw, _ = local_cli("diagnose", "--name", "link", "--json")
    said = json.loads(raw)
    assert code == 0 and options[0] in said["integration_advice"]
    assert said["unit_roots"]["tested_from"] == FIRST_TESTED
