"""The Backtest table prints what its scores say: an RMSE ratio off 1 never prints as `1.000` (1.0004 read as a tie
coloured as a loss), and two scores a millionth apart are told apart in fixed decimals instead of turning their
variable's cells scientific beside the others' (the page's table and the CLI's)."""

from __future__ import annotations

import re

import pandas as pd

from ui.backtest_table import POOR, backtest_styler, paired_formats
from ui.tables import GOOD
from varlib import ModelSpec, Registry, load_dataset, publish_result, train_model
from varlib.backtest import Backtest
from varlib.cli import main
from varlib.cli.output import by_variable, print_table

UNITS = ("rmse", "rmse_rw", "mae", "mae_rw")


def _scores(rmse, rmse_rw, ratio) -> pd.DataFrame:
    rows = len(ratio)
    return pd.DataFrame(
        {
            "variable": ["a"] * (rows - 1) + ["b"],
            "horizon": list(range(1, rows)) + [1],
            "forecasts": [8] * rows,
            "rmse": rmse,
            "rmse_rw": rmse_rw,
            "mae": [1.1] * rows,
            "mae_rw": [1.0] * rows,
            "mape": [0.5] * rows,
            "mape_rw": [0.7] * rows,
            "rmse_ratio": ratio,
        }
    )


def _page(table: pd.DataFrame) -> tuple[list[dict[str, str]], list[str]]:
    """Each row's cells as the page prints them, and the RMSE ratio's background per row ('' for none)."""
    html = paired_formats(backtest_styler(table), table).to_html()
    body = html[html.index("<tbody>") :]
    rows = [re.findall(r"<td[^>]*>(.*?)</td>", row, re.S) for row in re.findall(r"<tr>(.*?)</tr>", body, re.S)]
    styles = {}
    for selectors, rules in re.findall(r"([^{}]+)\{([^}]*)\}", html[: html.index("</style>")]):
        for cell in re.findall(r"row(\d+)_col(\d+)", selectors):
            styles[cell] = rules.strip().rstrip(";")
    column = str(list(table.columns).index("rmse_ratio"))
    colours = [styles.get((str(i), column), "") for i in range(len(table))]
    return [dict(zip(table.columns, row, strict=True)) for row in rows], colours


def test_a_ratio_off_1_shows_which_side_of_1_it_is_on_and_is_coloured_by_it():
    rows, colours = _page(_scores([1.5, 1.5, 3.0], [1.5, 1.5, 3.2], [1.0004, 0.9996, 0.82]))
    assert [row["rmse_ratio"] for row in rows] == ["1.0004", "0.9996", "0.8200"]  # were 1.000, 1.000, 0.820
    assert colours == [POOR, GOOD, GOOD]


def test_a_ratio_that_is_1_to_six_decimals_reads_as_a_tie_and_is_not_called_a_loss():
    rows, colours = _page(_scores([1.5, 1.5, 3.0], [1.5, 1.5, 3.2], [1.0000001, 1.0, 0.82]))
    assert [row["rmse_ratio"] for row in rows] == ["1.000000", "1.000000", "0.820000"]
    assert colours == ["", "", GOOD]  # both were red


def test_scores_a_millionth_apart_are_told_apart_in_fixed_decimals_on_the_page():
    rows, _ = _page(_scores([1.2345671, 1.5, 22208.17], [1.2345678, 1.49, 25000.5], [0.9999994, 1.0067, 0.888]))
    assert rows[0]["rmse"] != rows[0]["rmse_rw"], rows[0]  # both were 1.235
    assert not [cell for row in rows for cell in row.values() if "e" in cell], rows  # no scientific cell
    assert rows[2]["rmse"] == "22208" and rows[0]["rmse_ratio"] == "0.999999"


def test_scores_a_millionth_apart_stay_fixed_in_the_cli_table(capsys):
    table = _scores([1.2345671, 1.5, 22208.17], [1.2345678, 1.49, 25000.5], [0.9999994, 1.0067, 0.888])
    print_table(table, index=False, share=by_variable(UNITS, "variable"))
    lines = capsys.readouterr().out.splitlines()
    rows = [dict(zip(lines[0].split(), line.split(), strict=True)) for line in lines[1:]]
    assert "e" not in "".join(cell for row in rows for cell in row.values() if cell not in ("a", "b")), lines
    assert rows[0]["rmse"] != rows[0]["rmse_rw"] and float(rows[0]["rmse"]) == 1.2345671, rows[0]


def test_the_cli_backtest_prints_a_ratio_off_1_with_the_digits_that_show_its_side(local_settings, monkeypatch, capsys):
    registry = Registry.from_settings(local_settings)
    spec = ModelSpec(("realgdp", "realcons"), lags=2)
    publish_result(registry, train_model(load_dataset(variables=list(spec.variables)), spec), "two")
    monkeypatch.delenv("MINIO_ENDPOINT", raising=False)
    monkeypatch.setenv("VARLIB_STORE_DIR", str(local_settings.store_dir))
    scores = Backtest.scores

    def near_one(self):  # the run's own scores, its first ratio 4 parts in 10,000 over 1
        table = scores(self)
        table.loc[table.index[0], "rmse_ratio"] = 1.0004
        return table

    monkeypatch.setattr(Backtest, "scores", near_one)
    assert main(["backtest", "--name", "two", "--origins", "4", "--horizon", "2"]) == 0
    lines = capsys.readouterr().out.splitlines()
    header = lines[1].split()
    first = dict(zip(header, lines[2].split(), strict=True))
    assert first["rmse_ratio"] == "1.0004", lines[:4]  # 1.000 read as a tie
