"""Compare said a link's refusals in words of its own: a model the store lacks "which the store does not have" where
the other pages say "which is not in the store", a `versions=` entry by its picker label (`version var 0.0.9`), and an
alias that opens nothing as `var @nope`. It says them as the other pages do now, one sentence each."""

from __future__ import annotations

import pytest

from tests.app.conftest import open_app, warnings
from tests.app.test_diagnostics_pages import BACKTEST, COMPARE, DIAG
from varlib.service import publish_result

FORECAST, MODELS = "views/forecast.py", "views/models.py"
LEFT_OUT = "; left out."  # Compare's other versions are compared: not "showing the default instead"


@pytest.fixture
def two_models(seeded, macro_result):
    """var 0.0.1 and 0.0.2, and growth 0.0.1."""
    publish_result(seeded, macro_result, "var", "patch", "second")
    publish_result(seeded, macro_result, "growth", "patch", "other model")
    return seeded


@pytest.mark.parametrize("page", [FORECAST, MODELS, DIAG, BACKTEST, COMPARE])
def test_a_model_the_store_lacks_is_said_alike_on_every_page(two_models, page):
    at = open_app({"model": "nope"}, page=page)
    said = "The link asked for model 'nope', which is not in the store (models: growth, var); showing the default"
    assert warnings(at) == f"{said} instead."


def test_a_versions_entry_is_named_as_the_other_pages_name_a_link_version(two_models):
    at = open_app({"versions": "var:0.0.1,var:9_9_9,nope:0.0.1,var:@gone"}, page=COMPARE)
    assert warnings(at).split("\n") == [
        "The link asked for version '@gone' of 'var', which does not open (model 'var' has no alias @gone; the"
        " Models page lists them); left out.",
        f"The link asked for version '9.9.9' of 'var', which the store does not have{LEFT_OUT}",
        f"The link asked for model 'nope', which is not in the store (models: growth, var){LEFT_OUT}",
    ]
    # the same version as a link's `version` on another page: the same words
    other = warnings(open_app({"model": "var", "version": "9.9.9"}, page=DIAG))
    assert "version '9.9.9' of 'var', which the store does not have" in other
    assert at.multiselect(key="cmp_versions").value == ["var 0.0.1"]


@pytest.mark.parametrize(
    ("wanted", "said"),
    [
        ("9.9.9", "version '9.9.9' of 'var', which the store does not have"),
        ("@gone", "version '@gone' of 'var', which does not open (model 'var' has no alias @gone; the Models page"),
    ],
)
def test_the_forecast_page_names_a_link_version_as_the_other_pages(two_models, wanted, said):
    """Forecast said `which does not exist` of both, where the other pages say which it is."""
    for page in (FORECAST, DIAG):
        assert said in warnings(open_app({"model": "var", "version": wanted}, page=page))
