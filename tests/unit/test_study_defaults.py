"""The defaults study (`python -m studies.defaults`, quoted in docs/CORRECTNESS.md) runs on its samples."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from studies.defaults import RESULTS, SAMPLES, markdown, row
from studies.samples import danish
from varlib import ModelSpec, train_model


def test_a_sample_with_a_variable_without_mape_averages_the_others():
    # The Danish price level's holdout is not of one sign, so it has no MAPE; the row averages the other three.
    result = row("Danish money demand (4 variables)", danish, "none")
    dataset = danish()
    metrics = train_model(dataset, ModelSpec(tuple(dataset.variables))).evaluation.metrics
    scores = [m["mape"] for m in metrics.values() if m["mape"] is not None]
    assert 0 < len(scores) < len(metrics)
    assert np.isclose(result["holdout_mape_default"], np.mean(scores))
    assert f"| {np.mean(scores):.2f} |" in markdown([result])


def test_the_table_quoted_in_the_docs_is_what_the_study_computes_now():
    # A change to a default or a check must rerun the study (`python -m studies.defaults`) and update the page.
    table = markdown([row(*sample) for sample in SAMPLES])
    assert (RESULTS / "defaults.md").read_text() == table
    assert table in (Path(__file__).resolve().parents[2] / "docs" / "CORRECTNESS.md").read_text()
