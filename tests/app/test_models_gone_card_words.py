"""A version deleted from the store by hand, on the Models page: its status told a dashboard user to run `varlib
reindex`, a command only those who look after the store can run. It says what the page still shows of it and that
an administrator of the store records the removal with the command, naming the model; on the Models page itself it
names the versions table (it said "the Models page lists it", pointing the page at itself), elsewhere that page."""

from __future__ import annotations

import shutil

import ui.store
from tests.app.conftest import errors, open_app

MODELS = "views/models.py"
SAID = (
    "no longer in the store; the versions table lists it as it was published, and an administrator of the store can"
    " record its removal with `varlib reindex --name var` (its number stays taken)"
)
ELSEWHERE = SAID.replace("the versions table", "the Models page")


def test_a_version_deleted_by_hand_names_who_records_its_removal(three_versions, store_dir):
    at = open_app({"model": "var", "version": "0.0.1"}, page=MODELS)
    shutil.rmtree(store_dir / "models" / "var" / "0_0_1")
    ui.store.refresh()  # the page's listing read again (every LIST_TTL seconds)
    at.run()
    assert not at.exception
    said = errors(at).replace("\\", "")
    assert "0.0.1** cannot be used: gone: published, but var/0_0_1/model.json is " + SAID in said
    table = at.dataframe[0].value
    assert SAID in table.loc[table["version"] == "0.0.1", "status"].iloc[0]
    details = "\n".join(m.value for m in at.markdown).replace("\\", "")
    assert SAID in details
    assert "`varlib reindex` records" not in said + details
    assert "Models page" not in said + details + table.to_string()


def test_the_other_pages_send_to_the_models_page(three_versions, store_dir):
    shutil.rmtree(store_dir / "models" / "var" / "0_0_1")
    at = open_app({"model": "var", "version": "0.0.1"})  # the Forecast page
    assert not at.exception
    said = "\n".join(x.value for x in [*at.error, *at.warning, *at.markdown, *at.caption])
    assert ELSEWHERE in said.replace("\\", ""), said


def test_the_cli_keeps_the_command_for_the_model(three_versions, store_dir):
    shutil.rmtree(store_dir / "models" / "var" / "0_0_1")
    gone = next(entry for entry in three_versions.list_versions("var") if entry.label == "0.0.1")
    assert "; `varlib reindex --name var` records its removal (its number stays taken)" in gone.status
