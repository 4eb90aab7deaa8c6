"""A p-value too small for four decimals reads `< 0.0001` in every table (the Diagnostics page's, the Granger
heatmap's cells, the report's), and the CLI's `diagnose` never prints one as 0: a p-value is never exactly zero."""

from __future__ import annotations

from dataclasses import replace

import pandas as pd

import varlib
from tests.support.models import diagnosed_noise
from varlib import format_column
from varlib.cli import main
from varlib.report_diagnostics import table


def test_a_tiny_p_value_reads_below_the_last_decimal():
    cells = format_column([0.0, 1e-300, 4.9e-5, 5e-5, 0.0412, None], p_value=True)
    assert cells == ["< 0.0001", "< 0.0001", "< 0.0001", "0.0001", "0.0412", ""]
    assert format_column([0.0, 0.1234]) == ["0.0000", "0.1234"]  # not a p-value: a zero is a zero


def test_the_pages_and_the_reports_tables_print_it():
    from ui.tables import number_formats

    frame = pd.DataFrame({"statistic": [62.17, 1.2], "p-value": [1.6e-11, 0.4149]})
    formats = number_formats(frame, p_values=("p-value",))
    assert [formats["p-value"](v) for v in frame["p-value"]] == ["< 0.0001", "0.4149"]
    assert "<td>&lt; 0.0001</td>" in table(frame) and "0.0000" not in table(frame)


def _tiny(diag: varlib.Diagnostics) -> varlib.Diagnostics:
    """`diag` with every Granger test's and the normality test's p computed as 0 (an F far in the tail)."""
    granger = tuple(replace(t, result=replace(t.result, pvalue=0.0)) for t in diag.granger)
    return replace(diag, granger=granger, normality=replace(diag.normality, pvalue=0.0))


def test_the_granger_heatmap_cells_print_it():
    from ui.diagnostics_figures import granger_figure

    heat = granger_figure(_tiny(diagnosed_noise(["a", "b"], seed=3))).data[0]
    cells = {cell for row in heat.text for cell in row if cell}
    assert cells == {"< 0.0001"}
    hovers = [cell for row in heat.customdata for cell in row if cell]
    assert hovers and all(h.endswith("<br>p < 1e-16") for h in hovers), hovers  # not `p = 0`


def test_diagnose_never_prints_a_p_of_zero(cli_var_store, capsys, monkeypatch):
    real = varlib.diagnose
    monkeypatch.setattr(varlib, "diagnose", lambda *args: _tiny(real(*args)))
    assert main(["diagnose", "0.0.1", "--name", "var"]) == 0
    lines = capsys.readouterr().out.splitlines()
    granger = [line for line in lines if line.startswith(("granger", "normality, Doornik-Hansen"))]
    assert granger and all(line.endswith("p < 1e-16") for line in granger), granger


def test_a_p_value_just_below_one_never_reads_one():
    """As p_text prints 0.99986 as `> 0.999`, a table does not print 0.99996 as a perfect 1.0000; an exact 1 stays."""
    cells = format_column([0.99994, 0.99996, 1.0, 0.5], p_value=True)
    assert cells == ["0.9999", "> 0.9999", "1.0000", "0.5000"]
    assert format_column([0.99996, 0.5]) == ["1.0000", "0.5000"]  # not a p-value: rounded as any number
