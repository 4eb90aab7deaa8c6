"""The Train page's results give the unit-root advice at the order fitted, as `varlib train` prints it: the
preview's advice tests Johansen's rank with one lagged difference, so on the Danish data it offered a VECM of
rank 2 where the CLI, at the fitted VAR(5), found full rank, and the page never said so."""

from __future__ import annotations

from studies.samples import danish
from tests.app.conftest import errors, open_app
from varlib import ModelSpec, load_dataset, train_model, trained_advice

PAGE = "views/train.py"


def test_the_results_give_the_advice_at_the_order_fitted_as_the_cli_does(seeded):
    csv = danish().frame[["lrm", "lry", "lpy", "ibo"]].rename_axis("date").to_csv().encode()
    at = open_app(page=PAGE)
    at.radio(key="train_source").set_value("Upload a CSV").run()
    at.file_uploader(key="train_csv").set_value(("danish.csv", csv, "text/csv")).run()
    assert "with a constant and 1 lagged difference) finds 2 cointegrating" in "\n".join(i.value for i in at.info)
    next(b for b in at.button if b.label == "Train").click().run()
    assert not at.exception and errors(at) == "", errors(at)
    dataset = load_dataset(csv)
    expected = trained_advice(train_model(dataset, ModelSpec(tuple(dataset.variables))))
    assert expected is not None and "with a constant and 4 lagged differences" in expected
    said = [i.value for i in at.info if i.value.startswith("**Unit roots at the order fitted**")]
    assert len(said) == 1 and "finds as many cointegrating relations as variables" in said[0], said
    assert "4 lagged differences" in said[0] and "Reinsel and Ahn's small-sample factor 0.600" in said[0]
