"""A link's version given without a model, and a model picked afterwards that shows no version: the page said
"The link asked for version 'latest' of" the picked model, which the link never named, and the address bar kept the
link's (or the last shown version's) address while the page showed the picked model."""

from __future__ import annotations

import pytest

import ui.store
from tests.app.conftest import open_app
from varlib.service import publish_result

PICKERS = {None: "fc_model", "views/diagnostics.py": "dg_model", "views/backtest.py": "bt_model"}


@pytest.fixture
def none_in_use(seeded, macro_result):
    """var and growth, each with one version, both withdrawn: neither has a version in use."""
    publish_result(seeded, macro_result, "growth", "patch", "other model")
    seeded.withdraw("var", "0.0.1", "wrong data")
    seeded.withdraw("growth", "0.0.1", "wrong data")
    ui.store.refresh()
    return seeded


def _warnings(at) -> str:
    return "\n".join(w.value for w in at.warning)


def test_a_linked_latest_is_not_said_of_a_model_picked_afterwards(none_in_use):
    at = open_app({"version": "latest"})
    assert "The link asked for version 'latest' of 'var'" in _warnings(at)  # the model the link opened
    assert dict(at.query_params) == {"model": "var"}
    at.selectbox(key="fc_model").set_value("growth").run()
    assert "The link asked" not in _warnings(at)  # what `?model=growth` shows
    assert "Model **growth** has no version in use" in at.error[0].value
    assert dict(at.query_params) == {"model": "growth"}


@pytest.mark.parametrize("page", list(PICKERS))
@pytest.mark.parametrize("version", ["latest", "0.0.1"])
def test_the_address_names_the_model_picked_when_it_shows_no_version(none_in_use, page, version):
    at = open_app({"version": version}, page=page)
    at.selectbox(key=PICKERS[page]).set_value("growth").run()
    assert "has no version in use" in at.error[0].value
    assert dict(at.query_params) == {"model": "growth"}  # not var's version, nor the link's bare version
