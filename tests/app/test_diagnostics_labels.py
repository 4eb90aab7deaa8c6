"""The Diagnostics page's labels say what they show: the lags field sets the portmanteau tests' lags, not the LM
verdict's; the impulse responses' bands are named pointwise asymptotic bands, with the size of the shock; Granger
tests in levels of integrated variables and Johansen's test on a short sample carry their caveats; the Backtest's
default lag policy names its look-ahead; the ARCH tests sit with the residual tests."""

from __future__ import annotations

from tests.app.conftest import charts, open_app


def test_the_lags_field_names_the_portmanteau_tests_and_not_the_verdict(seeded):
    at = open_app({"model": "var"}, page="views/diagnostics.py")
    field = next(n for n in at.number_input if n.key.startswith("dg_lags"))
    assert field.label == "Portmanteau lags"
    assert "portmanteau tests" in field.help and "verdict is the LM test's" in field.help


def test_the_impulse_response_bands_say_what_they_are(seeded):
    at = open_app({"model": "var", "tab": "impulse-responses"}, page="views/diagnostics.py")
    note = next(c.value for c in at.caption if "asymptotic" in c.value)
    assert "one standard deviation of the orthogonalised shock" in note
    assert "pointwise 95% asymptotic (delta-method) bands" in note and "not the whole path's" in note
    assert "too narrow" not in note  # 199 observations: no small-sample caveat
    legend = [t["name"] for t in charts(at)[0]["data"] if t.get("showlegend")]
    assert "95% asymptotic band" in legend
    at.toggle(key="dg_orth").set_value(False).run()
    assert any("one unit of the variable's own shock" in c.value for c in at.caption)


def test_short_samples_and_vecms_get_their_caveat():
    from types import SimpleNamespace

    from ui.diagnostics_sections import irf_bands_note

    def diag(kind: str, nobs: int):
        stability = SimpleNamespace(stable=True, as_expected=None if kind == "var" else True)
        return SimpleNamespace(
            kind=kind, nobs=nobs, irf=SimpleNamespace(signif=0.1), variables=("a", "b"), stability=stability
        )

    assert "On 77 observations asymptotic bands are often too narrow" in irf_bands_note(diag("var", 77), True)
    assert "Cholesky order: a, b (a shock moves" in irf_bands_note(diag("var", 77), True)
    assert "pointwise 90% asymptotic" in irf_bands_note(diag("var", 77), True)
    vecm = irf_bands_note(diag("vecm", 150), False)
    assert "need not die out" in vecm and "too narrow" not in vecm


def test_the_coefficients_caption_does_not_overclaim_the_student_t(seeded):
    at = open_app({"model": "var", "tab": "coefficients"}, page="views/diagnostics.py")
    note = next(c.value for c in at.caption if "Student" in c.value)
    assert note.startswith("OLS estimates per equation, with standard errors and t statistics.")
    assert "a small-sample convention, not exact in a dynamic model" in note and "right on short samples" not in note


def test_granger_in_levels_of_integrated_variables_comes_with_its_caveat(seeded):
    at = open_app({"model": "var", "tab": "granger-causality"}, page="views/diagnostics.py")
    caveat = next(c.value for c in at.caption if "look integrated" in c.value)
    assert caveat.startswith(":orange[:material/warning:] realgdp and realcons look integrated (Unit roots tab)")
    assert "non-standard distributions" in caveat
    refit = next(c.value for c in at.caption if "refitted on" in c.value)
    assert "every row of the stored data, the holdout's too" in refit


def test_johansen_and_jarque_bera_on_a_short_sample_say_they_are_rough(seeded):
    from varlib import ModelSpec, load_dataset, publish_result, train_model

    dataset = load_dataset()
    short = type(dataset)("short", dataset.frame.iloc[-80:], "0" * 64, frequency=dataset.frequency)
    publish_result(seeded, train_model(short, ModelSpec(("realgdp", "realcons"), lags=2)), "short")
    at = open_app({"model": "short", "tab": "unit-roots"}, page="views/diagnostics.py")
    note = next(c.value for c in at.caption if "Trace and maximum-eigenvalue" in c.value)
    assert "On 80 rows the trace test, which has no small-sample correction here, rejects too often" in note
    at = open_app({"model": "short", "tab": "residuals"}, page="views/diagnostics.py")
    assert any("the Jarque-Bera tests' chi-square approximation is rough" in c.value for c in at.caption)
    at = open_app({"model": "var", "tab": "unit-roots"}, page="views/diagnostics.py")
    assert "rejects too often" not in next(c.value for c in at.caption if "Trace and maximum-eigenvalue" in c.value)
    at = open_app({"model": "var", "tab": "residuals"}, page="views/diagnostics.py")
    assert not any("approximation is rough" in c.value for c in at.caption)


def test_the_backtest_lag_policy_names_the_look_ahead_of_keeping_the_order(seeded):
    at = open_app({"model": "var"}, page="views/backtest.py")
    assert "a little look-ahead" in at.radio(key="bt_policy").help


def test_the_residuals_tab_shows_the_arch_tests_with_their_verdict(seeded):
    """The same figures as `varlib diagnose`: Engle's test per variable, the multivariate one, and the verdict."""
    from varlib import diagnose

    expected = diagnose(seeded.load("var", "latest")).arch
    at = open_app({"model": "var", "tab": "residuals"}, page="views/diagnostics.py")
    table = next(t.value for t in at.dataframe if any("ARCH-LM" in str(i) for i in t.value.index))
    for label, test in expected.labelled(["realgdp", "realcons"]):
        assert table.loc[label, "statistic"] == test.statistic and table.loc[label, "p-value"] == test.pvalue
    assert "ARCH-LM multivariate, 4 lags (H0: constant variances)" in table.index
    said = [w.value for w in at.warning] + [s.value for s in at.success]
    assert expected.verdict in said and expected.rejected  # the bundled VAR: ARCH jointly (p = 0.018)
    assert any("`varlib diagnose --arch-lags` takes other lags" in c.value for c in at.caption)


def test_the_variance_decomposition_names_the_order_its_shares_depend_on(seeded):
    at = open_app({"model": "var", "tab": "variance-decomposition"}, page="views/diagnostics.py")
    note = next(c.value for c in at.caption if "forecast-error variance at that horizon" in c.value)
    assert "Cholesky factor in the variables' order (realgdp → realcons)" in note
    assert charts(at)[0]["layout"]["xaxis"]["title"]["text"] == "periods ahead"


def test_a_kpss_p_value_at_the_end_of_its_table_is_not_shown_as_exact(seeded):
    """0.0100 read as an exact p-value; the CLI prints `≤ 0.01`."""
    at = open_app({"model": "var", "tab": "unit-roots"}, page="views/diagnostics.py")
    table = next(t.value for t in at.dataframe if "KPSS p (H0: stationary)" in t.value.columns)
    assert set(table["KPSS p (H0: stationary)"]) <= {"≤ 0.01", "0.0132"}, table["KPSS p (H0: stationary)"].tolist()
    assert "≤ 0.01" in set(table["KPSS p (H0: stationary)"])


def test_a_link_asking_accumulated_responses_of_a_levels_var_says_it_has_none(seeded):
    """The link's accumulated=1 was dropped without a word (a VAR in levels responds in levels already)."""
    at = open_app({"model": "var", "tab": "impulse-responses", "accumulated": "1"}, page="views/diagnostics.py")
    said = [w.value for w in at.warning]
    assert any("accumulated responses, which var 0.0.1 has not: its responses are of the levels" in w for w in said)
    assert "accumulated" not in at.query_params
    at.run()
    assert not any("accumulated responses" in w.value for w in at.warning)  # said once, for the link
