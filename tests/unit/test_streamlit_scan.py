"""The suite's one scan of the installed packages for Streamlit components (tests/support/streamlit_scan.py): every
AppTest after the first takes the first scan's answer, and another Streamlit version stops the run by name."""

from __future__ import annotations

import pytest
from streamlit.components.v2 import manifest_scanner
from streamlit.testing.v1 import AppTest

from tests.support.streamlit_scan import check_version, scan_once


def test_apptests_after_the_first_do_not_scan_again():
    before = manifest_scanner.scan_component_manifests.cache_info()
    for _ in range(2):
        assert not AppTest.from_string("import streamlit as st\nst.write('x')").run().exception
    after = manifest_scanner.scan_component_manifests.cache_info()
    assert after.hits + after.misses == before.hits + before.misses + 2  # each AppTest asked
    assert after.misses <= 1, after  # one scan in this process, whichever test ran first


def test_another_streamlit_version_stops_the_run_with_what_to_check():
    with pytest.raises(RuntimeError, match=r"Streamlit 1\.99\.0 is installed, .* update WRITTEN_FOR"):
        check_version("1.99.0")


def test_a_second_call_keeps_the_first_cache():
    cached = manifest_scanner.scan_component_manifests
    scan_once()
    assert manifest_scanner.scan_component_manifests is cached


def test_a_scanner_moved_away_stops_the_run_with_what_to_check(monkeypatch):
    monkeypatch.delattr(manifest_scanner, "scan_component_manifests")
    with pytest.raises(RuntimeError, match=r"has no component scanner where 1\.67\.x has it .* only reads the list"):
        scan_once()
