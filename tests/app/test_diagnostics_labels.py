"""The Diagnostics page's lags field says what it sets: the portmanteau tests' lags, not the LM verdict's."""

from __future__ import annotations

from tests.app.conftest import open_app


def test_the_lags_field_names_the_portmanteau_tests_and_not_the_verdict(seeded):
    at = open_app({"model": "var"}, page="views/diagnostics.py")
    field = next(n for n in at.number_input if n.key.startswith("dg_lags"))
    assert field.label == "Portmanteau lags"
    assert "portmanteau tests" in field.help and "verdict is the LM test's" in field.help
