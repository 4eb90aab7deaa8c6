"""A page's pinned version that cannot be shown any more, said once and on the run that shows what replaced it: one
damaged in place (its model.json truncated, then listed as unusable) is said with the listing's reason where the
pickers fell back to `latest` without a word; a deletion noticed on a run that then failed is not said on a later
run; and Compare says a version the store failed to give once, where it said it twice, and one listed as
unusable, where it switched to another pair without a word."""

from __future__ import annotations

import shutil

import pytest

import ui.store
from tests.app.conftest import errors, open_app
from ui import live
from varlib import StoreUnavailableError, parse_version

INSTEAD = "`latest` (0.0.3) is shown instead"


def _infos(at) -> str:
    return "\n".join(i.value for i in at.info)


@pytest.mark.parametrize(
    ("view", "key"),
    [(None, "fc_version"), ("views/diagnostics.py", "dg_version|var"), ("views/backtest.py", "bt_version|var")],
)
def test_a_pinned_version_damaged_in_place_is_said_with_the_listings_reason(three_versions, store_dir, view, key):
    at = open_app({"model": "var", "version": "0.0.1"}, view)
    assert at.selectbox(key=key).value == "0.0.1"
    stored = store_dir / "models" / "var" / "0_0_1" / "model.json"
    stored.write_bytes(stored.read_bytes()[:300])  # truncated in place, not deleted
    three_versions.reindex("var")  # the listing now says why it cannot be used (as `varlib list` and Models do)
    ui.store.refresh()  # the page's listing read again (every LIST_TTL seconds)
    at.run()
    assert not at.exception and errors(at) == ""
    assert at.selectbox(key=key).value == "latest"
    said = _infos(at)
    assert "var 0.0.1, which this page showed, cannot be used (not valid JSON (var/0\\_0\\_1/model.json)" in said
    assert "the object is truncated or not an artifact): " + INSTEAD in said  # was a switch without a word
    assert "deleted from it" not in said
    at.run()  # said once, on the run that switched
    assert "which this page showed" not in _infos(at)


def test_a_deletion_noticed_on_a_run_that_failed_is_not_said_later(three_versions, store_dir, monkeypatch):
    at = open_app({"model": "var", "version": "0.0.1"})
    shutil.rmtree(store_dir / "models" / "var" / "0_0_1")
    ui.store.refresh()
    loads = ui.store.load

    def unreachable(*args, **kwargs):
        raise StoreUnavailableError("the local store folder cannot be read")

    monkeypatch.setattr(ui.store, "load", unreachable)
    at.run()  # the picker falls back, then the page fails before it says why
    assert not at.exception and "cannot be reached" in errors(at)
    monkeypatch.setattr(ui.store, "load", loads)
    at.run()  # a later run, the store back: it was told "0.0.1 ... is no longer in the store" here
    assert not at.exception and errors(at) == ""
    assert "which this page showed" not in _infos(at)


def test_compare_says_a_version_the_store_failed_to_give_once(three_versions, monkeypatch):
    at = open_app({"versions": "var:0.0.1,var:0.0.3"}, "views/compare.py")
    loads, reads = ui.store.load, []

    def flaky(name, version, *args, **kwargs):
        reads.append(str(version))
        if str(version) == "0.0.1":
            raise StoreUnavailableError("the store did not answer in time")
        return loads(name, version, *args, **kwargs)

    monkeypatch.setattr(ui.store, "load", flaky)
    at.run()
    assert not at.exception
    left_out = [w.value for w in at.warning if "left out of the comparison this time" in w.value]
    assert len(left_out) == 1, left_out  # was twice: read before the picker and again for the comparison
    assert reads.count("0.0.1") == 1
    assert at.multiselect(key="cmp_versions").value == ["var 0.0.1", "var 0.0.3"]  # offered again next run


def test_the_timed_check_notices_a_pinned_version_listed_as_unusable(three_versions, store_dir):
    """The open page's timed check reruns it once its pinned version is listed as unusable, as once it is deleted:
    else it went on showing the damaged version until the person touched the page."""
    stored = store_dir / "models" / "var" / "0_0_1" / "model.json"
    stored.write_bytes(b"other bytes")
    three_versions.reindex("var")
    ui.store.refresh()
    assert live.standing("var", None, parse_version("0.0.1"), pinned=True).gone
    assert not live.standing("var", None, parse_version("0.0.2"), pinned=True).gone


def test_compare_says_a_compared_version_listed_as_unusable_and_keeps_the_other(three_versions, store_dir):
    """Compare says a compared version damaged in place (listed as unusable) as it says a deleted one, where it
    switched to another pair (0.0.3 and 0.0.2) without a word."""
    at = open_app({"versions": "var:0.0.1,var:0.0.3"}, "views/compare.py")
    stored = store_dir / "models" / "var" / "0_0_1" / "model.json"
    stored.write_bytes(stored.read_bytes()[:300])
    three_versions.reindex("var")
    ui.store.refresh()
    at.run()
    assert not at.exception and errors(at) == ""
    said = _infos(at)
    assert "var 0.0.1, which this page compared, cannot be used (not valid JSON (var/0\\_0\\_1/model.json)" in said
    assert "the object is truncated or not an artifact): left out of the comparison." in said
    assert at.multiselect(key="cmp_versions").value == ["var 0.0.3"]
    at.run()
    assert "which this page compared" not in _infos(at)
