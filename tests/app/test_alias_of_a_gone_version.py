"""An alias whose version was deleted from the store by hand: the Models page marks it and says it is refused until
moved, as `varlib alias list` does, and the version pickers leave it out, as they leave out an alias of a withdrawn
version (it is opened only when a link names it, and then refused with how to move it)."""

from __future__ import annotations

import re
import shutil

from tests.app.conftest import errors, open_app
from varlib.service import publish_result


def _gone_alias(seeded, macro_result, store_dir) -> None:
    publish_result(seeded, macro_result, "var", "patch", "second")
    seeded.set_alias("var", "gone", "0.0.1")
    seeded.set_alias("var", "best", "0.0.2")
    shutil.rmtree(store_dir / "models" / "var" / "0_0_1")  # deleted behind the product's back


def test_the_models_page_marks_an_alias_of_a_deleted_version(seeded, macro_result, store_dir):
    _gone_alias(seeded, macro_result, store_dir)
    at = open_app(page="views/models.py")
    table = next(f.value for f in at.dataframe if "alias" in f.value.columns and "moves" in f.value.columns)
    assert table["version"].tolist() == ["0.0.2", "0.0.1 (gone)"]  # by alias name: @best, @gone
    said = re.sub(r"\\(.)", r"\1", " ".join(w.value for w in at.warning))  # markdown's escapes (ui.literal) off
    assert "@gone points at 0.0.1, which is not usable (gone: published, but var/0_0_1/model.json is no longer" in said
    assert "refused wherever it is used until an admin moves it to another version or deletes it" in said
    assert "@best" not in said
    at.session_state["admin_open|var"] = True
    at.run()  # the admin's delete form marks it too
    assert at.selectbox(key="alias_delete|var").options == ["@best (points at 0.0.2)", "@gone (points at 0.0.1, gone)"]


def test_the_pickers_leave_out_an_alias_of_a_deleted_version_unless_named(seeded, macro_result, store_dir):
    _gone_alias(seeded, macro_result, store_dir)
    at = open_app({"model": "var"})
    assert at.selectbox(key="fc_version").options == ["latest (0.0.2)", "@best (0.0.2)", "0.0.2"]
    named = open_app({"model": "var", "version": "@gone"})  # a link naming it: kept, marked, and refused
    assert "@gone (0.0.1, gone)" in named.selectbox(key="fc_version").options
    assert "@gone points at var 0.0.1, which is no longer in the store" in errors(named)
