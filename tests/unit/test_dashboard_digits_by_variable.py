"""The dashboard's score tables give RMSE and MAE, which are in each variable's units, one format per variable:
a rate's errors beside a level's no longer print alike when they differ."""

from __future__ import annotations

import pandas as pd

from ui.backtest_table import backtest_styler, paired_formats
from ui.version_details import metrics_markdown


def _scores() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "variable": ["big", "rate"],
            "horizon": [1, 1],
            "forecasts": [4, 4],
            "rmse": [22208.17, 7.157e-05],
            "rmse_rw": [25000.5, 4.420e-05],
            "mae": [20000.1, 5.021e-05],
            "mae_rw": [21000.2, 4.954e-05],
            "mape": [0.5, 0.6],
            "mape_rw": [0.7, 0.8],
            "rmse_ratio": [0.89, 1.62],
        }
    )


def test_the_backtest_table_tells_a_rates_errors_apart():
    table = _scores()
    html = paired_formats(backtest_styler(table), table).to_html()
    assert "5.021e-05" in html and "4.954e-05" in html  # were both 0.000050
    assert "22208" in html and "0.000050" not in html


def test_the_holdout_metrics_give_each_variable_its_digits():
    frame = pd.DataFrame(
        {"RMSE": [32224.09, 8.953e-05], "MAE": [25689.05, 8.093e-05], "MAPE %": [0.68, 0.71]},
        index=pd.Index(["big", "rate"], name="variable"),
    )
    shown = metrics_markdown(frame)
    assert "| rate | 8.953e-05 | 8.093e-05 |" in shown and "| big | 32224 | 25689 |" in shown
