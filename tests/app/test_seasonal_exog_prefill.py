"""The Forecast page's exogenous table starts from held_exog: a seasonal dummy continues its quarterly pattern
(it held the last quarter's dummies flat for every step after the first, and said "held flat")."""

from __future__ import annotations

from dataclasses import replace

import numpy as np

from tests.app.conftest import open_app
from tests.unit.test_calendar_display_qa_library import _artifact


def test_the_exogenous_table_continues_a_seasonal_dummy_and_says_so(registry):
    artifact = _artifact("QE-DEC", "0.0.1", "1995-03-31", exog=True)  # its last row is a Q4: d1..d3 all 0
    registry.publish(replace(artifact, name="seas"))
    at = open_app({"model": "seas", "version": "0.0.1", "steps": 5})
    editor = next(e for e in at.data_editor if e.key.startswith("_fc_path|exogenous values|"))
    assert [float(x) for x in editor.value["d1"]] == [1.0, 0.0, 0.0, 0.0, 1.0]
    assert [float(x) for x in editor.value["d3"]] == [0.0, 0.0, 1.0, 0.0, 0.0]
    z = float(artifact.data.exog[-1, 3])
    assert np.allclose([float(x) for x in editor.value["z"]], [z] * 5)
    said = "\n".join(c.value for c in at.caption)
    assert "Prefilled: d1, d2, d3 continue their quarterly pattern; z held at its last observed" in said
    assert "held flat" not in said
