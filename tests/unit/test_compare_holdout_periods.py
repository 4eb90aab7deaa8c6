"""Compare names the periods each version's holdout scored: versions trained to other ends (or with other holdout
fractions) score other quarters, and their scores side by side compare those quarters as much as the versions."""

from dataclasses import replace

from varlib import ModelSpec, comparison_dict, load_dataset
from varlib.artifact import build_artifact
from varlib.compare import compare_table
from varlib.training import train
from varlib.versions import parse_version


def _version(number, end=None, holdout=0.1):
    dataset = load_dataset(variables=["realgdp", "realcons"], end=end)
    spec = ModelSpec(variables=("realgdp", "realcons"), lags=2, holdout=holdout)
    return replace(build_artifact(train(dataset, spec), "var", "tester"), version=parse_version(f"0.0.{number}"))


def test_the_holdout_periods_are_a_row_that_differs_when_they_do():
    # the whole data (1959Q1 to 2009Q3, 203 rows: 20 held out) and the rows up to 2007Q3 (195: 20 held out)
    whole, earlier, none = _version(1), _version(2, end="2007-07-01"), _version(3, holdout=0)
    table = compare_table([whole, earlier, none])
    assert table.loc["holdout rows"].tolist()[:2] == [20, 20]  # the same count, over other quarters
    assert table.loc["holdout periods"].tolist() == ["2004Q4 to 2009Q3", "2002Q4 to 2007Q3", "", True]
    assert comparison_dict([whole, earlier], steps=2)["fields"]["holdout periods"] == {
        "var 0.0.1": "2004Q4 to 2009Q3",
        "var 0.0.2": "2002Q4 to 2007Q3",
    }
    one = _version(4, end="1966-12-31", holdout=0.01)  # 32 rows: one held out, one period
    assert compare_table([one, whole]).loc["holdout periods"].tolist()[0] == "1966Q4"
