"""What only a kind knows comes from the kind (varlib.kinds): a third kind registered beside the VAR and the VECM
gets its own order words, deterministic-term name, unit-root advice, exogenous variables and Train and Diagnostics
page parts, where each place branched on the names "var" and "vecm" (a third kind was called a VECM)."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

import varlib.kinds as kinds
from ui import diagnostics_sections, train_data, train_vecm
from varlib import ModelSpec, analyse_integration, kind_names, load_dataset, order_words, other_holdout_order
from varlib import trained_advice as advice_of
from varlib.kinds import get_kind
from varlib.kinds.var import VarKind
from varlib.kinds.vecm import VecmKind
from varlib.report_diagnostics import lag_order
from varlib.training import train
from varlib.version_advice import advice_for_model

VARIABLES = ("realgdp", "realcons")


class Autoregression(VarKind):
    """A VAR under another name: takes what a VAR takes, counts its order in its own words."""

    name, title = "ar", "AR"

    def order_words(self, k_ar: int) -> str:
        return f"AR({k_ar})"


class ErrorCorrection(VecmKind):
    """A VECM under another name."""

    name, title = "ec", "EC"

    def order_words(self, k_ar: int) -> str:
        return f"EC of order {k_ar}"


@pytest.fixture
def third_kinds(monkeypatch):
    known = {**kinds._kinds(), "ar": Autoregression(), "ec": ErrorCorrection()}
    monkeypatch.setattr(kinds, "_kinds", lambda: known)


@pytest.fixture(scope="module")
def levels():
    return load_dataset(variables=list(VARIABLES)).frame[list(VARIABLES)].to_numpy(dtype=float)


def test_the_kinds_that_take_an_option_are_named_by_the_registry():
    assert kind_names() == ("var", "vecm")
    assert kind_names("exog") == kind_names("trend") == kind_names("min_lags") == ("var",)
    assert kind_names("coint_rank") == kind_names("deterministic") == ("vecm",)
    with pytest.raises(ValueError, match="option 'rank' is not one of trend, min_lags"):
        kind_names("rank")


@pytest.mark.usefixtures("third_kinds")
def test_a_third_kind_counts_its_order_in_its_own_words():
    assert order_words("ar", 3) == "AR(3)" and order_words("ec", 3) == "EC of order 3"
    assert other_holdout_order("ar", 2, 3) == "AR(3)"
    assert (order_words("var", 4), order_words("vecm", 4)) == ("VAR(4)", "VECM of VAR order 4")  # unchanged


@pytest.mark.usefixtures("third_kinds")
def test_a_third_kind_without_a_rank_gets_the_unit_root_advice_and_its_trend_named():
    dataset = load_dataset(variables=list(VARIABLES))
    spec = ModelSpec(VARIABLES, kind="ar", max_lags=4, holdout=0)
    result = train(dataset, spec)
    expected = advice_of(train(dataset, spec.with_(kind="var")))
    assert expected is not None and advice_of(result) == expected  # the VAR's advice, no longer None
    diag = SimpleNamespace(lag_selection=result.selection, kind="ar", trend="c", k_ar=2, cointegration=None)
    assert "lags with trend 'c'" in lag_order(diag)[1]  # was "deterministic terms"
    vecm = SimpleNamespace(**{**vars(diag), "kind": "vecm", "trend": "co"})
    assert "lags with deterministic terms 'co'" in lag_order(vecm)[1]  # unchanged
    assert result.description.startswith("AR(")  # its one line names its order in its words


@pytest.mark.usefixtures("third_kinds")
def test_a_third_kind_with_a_rank_is_advised_by_its_rank(levels):
    found = analyse_integration(levels, list(VARIABLES), 4)
    ec, ar = get_kind("ec").cointegrated, get_kind("ar").cointegrated  # what the Diagnostics results pass
    assert "vector error-correction model of rank 1" in advice_for_model(found, ec, "none", rank=1)
    assert advice_for_model(found, ar, "none", trend="c") == advice_for_model(found, False, "none", trend="c")


@pytest.mark.usefixtures("third_kinds")
def test_the_diagnostics_page_reads_the_kind_for_its_caveats(levels):
    def diag(kind: str):
        found = analyse_integration(levels, list(VARIABLES), 4)
        return SimpleNamespace(
            kind=kind,
            nobs=150,
            irf=SimpleNamespace(signif=0.1),
            variables=VARIABLES,
            transform="none",
            integration=found,
            stability=SimpleNamespace(stable=True, as_expected=None),
        )

    assert "need not die out" in diagnostics_sections.irf_bands_note(diag("ec"), False)
    assert "need not die out" not in diagnostics_sections.irf_bands_note(diag("ar"), False)
    integrated = diagnostics_sections._integrated_in_levels(diag("var"))
    assert integrated and diagnostics_sections._integrated_in_levels(diag("ar")) == integrated  # a VAR in levels
    assert diagnostics_sections._integrated_in_levels(diag("ec")) == []


class _Widgets:
    """Streamlit's widgets as far as the Train page's parts call them: the first option chosen, the call kept."""

    def __init__(self):
        self.calls: dict[str, dict] = {}

    def multiselect(self, label, options, **kwargs):
        self.calls[label] = kwargs
        return list(options)[:1]

    def selectbox(self, label, options, **kwargs):
        self.calls[label] = kwargs
        return list(options)[0]

    def caption(self, text):
        self.calls["caption"] = {"text": text}


@pytest.mark.usefixtures("third_kinds")
def test_the_train_page_offers_each_kind_the_options_it_takes(monkeypatch):
    widgets = _Widgets()
    monkeypatch.setattr(train_data, "st", widgets)
    assert train_data._exog_input(["a", "b", "x"], ["a", "b"], "k", "ar") == ["x"]
    assert widgets.calls["Exogenous variables (optional, VAR or AR only)"]["disabled"] is False
    assert train_data._exog_input(["a", "b", "x"], ["a", "b"], "k", "ec") == []
    assert widgets.calls["Exogenous variables (optional, VAR or AR only)"]["help"].startswith(
        "A EC takes no exogenous variables: choose VAR or AR as the Model kind"
    )
    assert train_vecm.model_options(widgets, "ar", 2) == {"trend": "c"}
    assert train_vecm.zero_lags_help("ar") is None and train_vecm.order_note("ar") is None
    assert train_vecm.order_note("ec") == train_vecm.VECM_ORDER


def test_the_train_page_keeps_its_words_for_the_two_kinds(monkeypatch):
    widgets = _Widgets()
    monkeypatch.setattr(train_data, "st", widgets)
    assert train_data._exog_input(["a", "b", "x"], ["a", "b"], "k", "vecm") == []
    assert widgets.calls["Exogenous variables (optional, VAR only)"]["help"] == (
        "A VECM takes no exogenous variables: choose VAR as the Model kind to use them, or make them variables of the"
        " VECM."
    )
    assert train_vecm.order_note("vecm") == (
        "The lag order is the VAR order in levels: the VECM has one lagged difference fewer."
    )
    assert train_vecm.order_note("var") is None
