"""One owner decides whether a link's lag inputs are refused: ui.lag_table.link_lags. The lag table warns with its
reason and a presentation names the refusal above its folded controls (ui.forecast_panel used to repeat the
decoding and the checks, a copy that could drift from the table's)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from tests.app.conftest import errors, open_app
from ui.forecast_panel import FOLD
from ui.lag_table import link_lags

PANEL = Path(__file__).resolve().parents[2] / "ui" / "forecast_panel.py"


def _lags(rows: int, cell: str | None = None) -> str:
    values = [f"{13000 + 10 * i},{9200 + 10 * i}" for i in range(rows)]
    if cell is not None:
        values[0] = f"{cell},9200"
    return "~".join(values)


def test_the_panel_asks_the_lag_table_and_decodes_nothing_itself():
    names = {node.id for node in ast.walk(ast.parse(PANEL.read_text())) if isinstance(node, ast.Name)}
    assert "link_lags" in names
    assert not names & {"decode_lags", "parse_lag_table", "editor_table"}


@pytest.mark.parametrize("case", ["used", "a row more", "not a number", "one value a row"])
def test_the_reason_is_the_warnings_and_said_above_the_fold(seeded, case):
    artifact = seeded.load("var", "0.0.1")
    rows = artifact.lag_rows
    encoded = {
        "used": _lags(rows),
        "a row more": _lags(rows + 1),
        "not a number": _lags(rows, cell="12,5x"),
        "one value a row": "~".join(["13000"] * rows),
    }[case]
    table, refused = link_lags(artifact, encoded)
    assert (table is None) == (refused is not None) == (case != "used")
    at = open_app({"model": "var", "version": "0.0.1", "lags": encoded, "present": 1})
    assert errors(at) == ""
    warnings = [w.value for w in at.warning]
    fold = next(e for e in at.expander if e.label == FOLD)
    if refused is None:
        assert not any("lag inputs were not used" in w for w in warnings) and not fold.proto.expanded
        assert list(table.columns[1:]) == artifact.variables and len(table) == rows
    else:
        assert f"The link's lag inputs were not used: {refused}. Showing the model's own." in warnings
        assert "The link's lag inputs were not used: the forecast starts from the model's own." in warnings
        assert not fold.proto.expanded
