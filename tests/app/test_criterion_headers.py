"""The lag-order tables headed their criteria `aic`, `bic`, `hqic`, `fpe` while the words around them say AIC, BIC:
the Diagnostics page's table, the Train page's (its `best aic` column too) and `varlib diagnose`'s chosen orders now
name them as the words do. The option values stay lower case (`--ic aic`, the JSON's keys)."""

from __future__ import annotations

from tests.app.conftest import open_app
from ui.tables import lag_selection_table
from varlib import CRITERIA
from varlib.cli import main

HEADERS = ["AIC", "BIC", "HQIC", "FPE"]


def test_the_diagnostics_pages_table_heads_its_criteria_as_the_words_do(seeded):
    at = open_app({"model": "var", "tab": "lag-order"}, page="views/diagnostics.py")
    table = next(f for f in at.dataframe if "chosen by" in f.value.columns)
    assert list(table.value.columns[:4]) == HEADERS and not set(CRITERIA) & set(table.value.columns)
    chosen = [name for cell in table.value["chosen by"] if cell for name in cell.split(", ")]
    assert sorted(chosen) == sorted(HEADERS)  # each criterion's choice, named as its column is


def test_the_train_pages_table_heads_its_criteria_and_the_best_column_as_the_words_do():
    rows = [
        {"lag": 1, "aic": -1.0, "bic": -0.5, "hqic": -0.8, "fpe": 0.3},
        {"lag": 2, "aic": -1.2, "bic": -0.4, "hqic": -0.9, "fpe": 0.2},
    ]
    frame = lag_selection_table({"table": rows, "selected": {"aic": 2, "bic": 1, "hqic": 2, "fpe": 2}}, 2, "bic")
    assert list(frame.columns) == ["chosen", "best BIC", *HEADERS]
    assert frame["best BIC"].tolist() == ["✓", ""] and frame["chosen"].tolist() == ["", "✓"]


def test_the_cli_names_the_chosen_orders_as_the_words_do(cli_var_store, capsys):
    assert main(["diagnose", "0.0.1", "--name", "var"]) == 0
    line = next(line for line in capsys.readouterr().out.splitlines() if line.startswith("lag order chosen: "))
    assert [part.split(" ")[0] for part in line.removeprefix("lag order chosen: ").split(", ")] == HEADERS
