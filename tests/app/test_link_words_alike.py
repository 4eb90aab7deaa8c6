"""A link's value that a page cannot use is said alike on every page: the Models page said a version the store
lacks in a plain warning of its own words; Diagnostics called an alias the model lacks "not a usable version" where
Compare named it; Compare said a link's steps outside the range as if typed. The Models table's times showed
minutes only, so versions published in the same minute read alike."""

from __future__ import annotations

import json

import pytest

from tests.app.conftest import open_app, warnings
from tests.app.test_diagnostics_pages import BACKTEST, COMPARE, DIAG
from varlib import MAX_STEPS, whiteness_lag_bounds
from varlib.service import publish_result

MODELS = "views/models.py"
LINK_ICON = ":material/link_off:"


@pytest.mark.parametrize("page", [MODELS, DIAG, COMPARE])
def test_a_version_the_store_lacks_is_said_in_the_links_words_on_every_page(seeded, page):
    at = open_app({"model": "var", "version": "7.7.7"}, page=page)
    [warning] = at.warning
    said = "The link asked for version '7.7.7' of 'var', which the store does not have; showing the default instead."
    assert warnings(at) == said and warning.proto.icon == LINK_ICON


@pytest.mark.parametrize("page", [MODELS, DIAG, COMPARE])
def test_an_alias_the_model_lacks_is_said_so_alike_on_every_page(seeded, page):
    at = open_app({"model": "var", "version": "@nope"}, page=page)
    [warning] = at.warning
    said = "The link asked for version '@nope' of 'var', which does not open (model 'var' has no alias @nope;"
    assert warnings(at).startswith(said) and warnings(at).endswith("; showing the default instead.")
    assert warning.proto.icon == LINK_ICON and "not a usable version" not in warnings(at)


def _notes(at) -> str:
    return "\n".join(c.value for c in at.caption)


@pytest.mark.parametrize(
    ("page", "param", "key", "said"),
    [
        (COMPARE, "steps", "cmp_steps", f"The link's 0 steps are outside 1–{MAX_STEPS}: using 1."),
        (BACKTEST, "origins", "bt_origins", "The link's 0 origins are outside 1–"),
        (DIAG, "irf_periods", "dg_periods", "The link's IRF horizon 0 is outside 1–"),
        (DIAG, "steps", "dg_report_steps", f"The link's 0 steps are outside 1–{MAX_STEPS}: using 1."),  # the report's
    ],
)
def test_a_links_number_moved_in_range_is_named_as_the_links(seeded, page, param, key, said):
    """As Forecast's steps (`The link's 500 steps are outside 1–400: using 400.`); a number typed there after is the
    person's, said as typed."""
    at = open_app({"model": "var", "version": "0.0.1", "tab": "report", param: "0"}, page=page)
    assert at.number_input(key=key).value == 1 and said in _notes(at)
    at.number_input(key=key).set_value(0).run()
    assert "The link's" not in _notes(at) and "0 is outside 1–" in _notes(at)


def test_a_links_portmanteau_lags_moved_in_range_are_named_as_the_links(seeded):
    lowest, most, _ = whiteness_lag_bounds(seeded.load("var", "0.0.1"))
    at = open_app({"model": "var", "version": "0.0.1", "whiteness_lags": "99999"}, page=DIAG)
    assert f"The link's 99999 portmanteau lags are outside {lowest}–{most}: using {most}." in _notes(at)


def _created(at) -> list[str]:
    return list(at.dataframe[0].value["created"])


def _publish_at(registry, result, monkeypatch, *stamps: str) -> None:
    for stamp in stamps:
        monkeypatch.setattr("varlib.artifact.utc_now", lambda stamp=stamp: stamp)
        publish_result(registry, result, "var")


def test_versions_published_in_the_same_minute_show_their_seconds(registry, macro_result, monkeypatch):
    _publish_at(registry, macro_result, monkeypatch, "2026-12-02T15:08:59Z", "2026-12-02T15:09:07Z")
    _publish_at(registry, macro_result, monkeypatch, "2026-12-02T15:09:41Z")
    at = open_app(page=MODELS)
    assert _created(at) == ["2026-12-02 15:09:41", "2026-12-02 15:09:07", "2026-12-02 15:08:59"]
    config = json.loads(at.dataframe[0].proto.columns)
    assert config["created"]["width"] >= 132  # the seconds' width in Chromium's 14 px Source Sans, with padding


def test_versions_of_different_minutes_show_minutes(registry, macro_result, monkeypatch):
    _publish_at(registry, macro_result, monkeypatch, "2026-12-02T15:08:59Z", "2026-12-02T15:09:07Z")
    at = open_app(page=MODELS)
    assert _created(at) == ["2026-12-02 15:09", "2026-12-02 15:08"]
