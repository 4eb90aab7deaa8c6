"""The Models page keeps its model and version while the person visits other pages, starts at the store's default
model like the other pages, and treats a version whose object fails to load (a checksum mismatch the listing did
not see) as damaged: in the table, the Object box and the counts, with no link to forecast with it."""

from __future__ import annotations

import re

import pytest

from tests.app.conftest import open_app, visit
from varlib.service import publish_result

MODELS, COMPARE, TRAIN, DIAG = "views/models.py", "views/compare.py", "views/train.py", "views/diagnostics.py"
BACKTEST = "views/backtest.py"


def _text(at) -> str:
    return "\n".join(x.value for x in [*at.markdown, *at.caption, *at.warning, *at.error])


@pytest.fixture
def three_models(seeded, macro_result):
    """alpha 0.0.1, three 0.0.1 and 0.0.2, var 0.0.1: `three` is neither the first name nor the default."""
    publish_result(seeded, macro_result, "alpha")
    publish_result(seeded, macro_result, "three", "patch", "first")
    publish_result(seeded, macro_result, "three", "patch", "second")
    return seeded


@pytest.mark.parametrize("away", [COMPARE, TRAIN, DIAG])
def test_the_models_page_keeps_its_model_and_version_across_pages(three_models, away):
    at = open_app(page=MODELS)
    at.selectbox(key="models_name").set_value("three").run()
    at.selectbox(key="models_version|three").set_value("0.0.1").run()
    visit(at, away)
    visit(at, MODELS)
    assert at.selectbox(key="models_name").value == "three"
    assert at.selectbox(key="models_version|three").value == "0.0.1"


def test_the_models_page_starts_at_the_default_model_as_the_forecast_page_does(three_models):
    models = open_app(page=MODELS)
    forecast = open_app()
    assert models.selectbox(key="models_name").value == forecast.selectbox(key="fc_model").value == "var"


def _damage(registry, store_dir, version: str) -> None:
    """Change one digit of a version's model.json: still valid JSON, so the listing says ok; loading fails."""
    path = store_dir / "models" / "var" / version.replace(".", "_") / "model.json"
    data = bytearray(path.read_bytes())
    found = re.search(rb"\d\.\d{5}", bytes(data))
    assert found is not None
    spot = found.start() + 3
    data[spot] = ord("1") if data[spot] != ord("1") else ord("2")
    path.write_bytes(bytes(data))
    assert [e.status for e in registry.list_versions("var")] == ["ok"] * len(registry.list_versions("var"))


def test_a_version_that_fails_its_checksum_is_shown_as_damaged(seeded, macro_result, store_dir):
    publish_result(seeded, macro_result, "var", "patch", "second")
    publish_result(seeded, macro_result, "var", "patch", "third")
    _damage(seeded, store_dir, "0.0.3")
    at = open_app(page=MODELS)
    assert not at.exception
    assert at.selectbox(key="models_version|var").value == "0.0.3"
    status = at.dataframe[0].value["status"].tolist()
    assert status[0].startswith("⚠ damaged: checksum mismatch") and status[1:] == ["ok", "ok"]
    box = next(m.value for m in at.markdown if m.value.startswith("**Object**")).replace(":gray[status:]", "status:")
    assert "status: damaged\\: checksum mismatch" in box  # the stored text shown as itself (ui.literal)
    assert not [link for link in at.get("page_link") if link.proto.label.startswith("Forecast with")]
    caption = next(c.value for c in at.caption if c.value.startswith("**var**"))
    assert "3 versions: 2 usable, 1 cannot be used" in caption
    # another version loads: the link comes back
    at.selectbox(key="models_version|var").set_value("0.0.2").run()
    assert [link.proto.label for link in at.get("page_link")] == ["Forecast with var 0.0.2"]


def test_the_counts_do_not_call_withdrawn_versions_usable(seeded, macro_result):
    for notes in ("second", "third"):
        publish_result(seeded, macro_result, "var", "patch", notes)
    seeded.withdraw("var", "0.0.2", "wrong data")
    at = open_app(page=MODELS)
    caption = next(c.value for c in at.caption if c.value.startswith("**var**"))
    assert caption.startswith("**var**: 3 versions: 2 usable, 1 withdrawn, newest first."), caption
    one = open_app({"model": "var", "version": "0.0.1"}, page=MODELS)
    assert "3 versions" in _text(one)


@pytest.fixture
def champion(seeded, macro_result):
    """var 0.0.1 and 0.0.2, with @champion on 0.0.1."""
    publish_result(seeded, macro_result, "var", "patch", "second")
    seeded.set_alias("var", "champion", "0.0.1")
    return seeded


@pytest.mark.parametrize(("chosen", "shown"), [("@champion", "0.0.1"), ("latest", "0.0.2")])
def test_a_look_at_the_models_page_keeps_an_alias_or_latest_chosen_elsewhere(champion, chosen, shown):
    at = open_app({"model": "var", "version": chosen})  # the Forecast page
    visit(at, MODELS)
    assert at.selectbox(key="models_version|var").value == shown and at.query_params["version"] == chosen
    assert not at.warning
    visit(at, BACKTEST)
    assert at.selectbox(key="bt_version|var").value == chosen  # it read 0.0.2 (the newest) for an alias
    visit(at, MODELS)
    at.selectbox(key="models_version|var").set_value("0.0.2" if shown == "0.0.1" else "0.0.1").run()
    picked = at.selectbox(key="models_version|var").value
    assert at.query_params["version"] == picked  # a version picked here is passed on as picked
    visit(at, BACKTEST)
    assert at.selectbox(key="bt_version|var").value == picked


def test_a_models_link_takes_an_alias_and_latest_and_names_one_it_cannot(champion):
    for version, shown in (("@champion", "0.0.1"), ("latest", "0.0.2"), ("0_0_1", "0.0.1")):
        at = open_app({"model": "var", "version": version}, page=MODELS)
        assert at.selectbox(key="models_version|var").value == shown and not at.warning, version
    at = open_app({"model": "var", "version": "@nobody"}, page=MODELS)
    [warning] = [w.value for w in at.warning]
    assert warning.startswith("The link asked for version '@nobody' of 'var', which does not open (")
    assert "no alias @nobody" in warning
    assert at.selectbox(key="models_version|var").value == "0.0.2"
