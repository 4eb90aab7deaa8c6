"""JMulTi's published VECM output for the e6 German interest and inflation data (shipped in statsmodels' tests),
reproduced through the CLI at the precision JMulTi printed: train, diagnose --json and forecast --json."""

from __future__ import annotations

import json
import re

import numpy as np
import pytest
from statsmodels.datasets import interest_inflation

from tests.integration.test_cli import cli
from tests.support import jmulti

# JMulTi's cases in its file names and the product's (and statsmodels') words for them
CASES = {"nc": "n", "co": "co", "colo": "colo", "ci": "ci", "cili": "cili"}
VARIABLES = ("Dp", "R")


@pytest.fixture(scope="module")
def e6(tmp_path_factory):
    """The e6 data as a CSV with quarterly dates (1972 Q2 to 1998 Q4), and a store for the module."""
    folder = tmp_path_factory.mktemp("e6")
    data = interest_inflation.load_pandas().data
    lines = ["date,Dp,R"] + [
        f"{int(y)}-{3 * (int(q) - 1) + 1:02d}-01,{float(dp)!r},{float(r)!r}"
        for y, q, dp, r in data[["year", "quarter", "Dp", "R"]].values
    ]
    (folder / "e6.csv").write_text("\n".join(lines) + "\n")
    return folder / "e6.csv", {"VARLIB_STORE_DIR": str(folder / "store")}


def run_json(env, *args) -> dict:
    result = cli(env, *args)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


@pytest.fixture(scope="module")
def outputs(e6):
    """Per case: the training summary, diagnose --json (16 portmanteau and ARCH lags, 20 response periods) and a
    5-step forecast, of a VECM with 3 lagged differences (VAR order 4) and rank 1 as JMulTi fitted it."""
    csv, env = e6
    out = {}
    for case, terms in CASES.items():
        name = f"e6-{case}"
        common = ("--csv", str(csv), "--model", "vecm", "--deterministic", terms, "--coint-rank", "1", "--holdout", "0")
        summary = run_json(env, "train", *common, "--lags", "4", "--name", name, "--publish", "--json")
        searched = run_json(env, "train", *common, "--max-lags", "11", "--name", name, "--json")
        diagnostics = run_json(
            env,
            "diagnose",
            "--name",
            name,
            "--whiteness-lags",
            "16",
            "--arch-lags",
            "16",
            "--irf-periods",
            "20",
            "--json",
        )
        forecast = run_json(env, "forecast", "--name", name, "--steps", "5", "--json")
        out[case] = (summary, searched, diagnostics, forecast)
    return out


def close(ours, printed: jmulti.Printed, what: str) -> None:
    ours = np.asarray(ours, dtype=float).reshape(printed.values.shape)
    off = np.abs(ours - printed.values) > printed.tolerance()
    assert not off.any(), (
        f"{what}: ours {ours[off]} vs JMulTi {printed.values[off]} (printed {printed.decimals[off]} decimals)"
    )


def _table(coefficients: dict, regressor: str, field: str) -> list[float]:
    """One regressor's `field` in each equation (Dp, R) of a diagnose --json coefficients object."""
    return [next(row[field] for row in coefficients[eq] if row["regressor"] == regressor) for eq in coefficients]


FIELDS = {"est": "coef", "se": "stderr", "t": "t", "p": "p_normal"}  # JMulTi's p-values are the normal's
LAGGED = re.compile(r"^d\((\w+)\) ?\(t-(\d)\)$")


@pytest.mark.parametrize("case", CASES)
def test_the_vec_representation_is_jmultis(outputs, case):
    summary, _, diagnostics, _ = outputs[case]
    assert summary["kind"] == "vecm" and summary["coint_rank"] == 1 and summary["k_ar"] == 4
    vec, _, _ = jmulti.representations(case)
    coefficients = diagnostics["coefficients"]
    for label, printed in vec["Lagged endogenous term"].items():
        variable, lag = LAGGED.match(label).groups()
        for kind, field in FIELDS.items():
            close(_table(coefficients, f"L{lag}.d.{variable}", field), printed[kind], f"{case} Γ {label} {kind}")
    for label, printed in vec.get("Deterministic term", {}).items():
        regressor = "const" if label.startswith("CONST") else "trend"
        for kind, field in FIELDS.items():
            close(_table(coefficients, regressor, field), printed[kind], f"{case} {label} {kind}")
    alpha = diagnostics["cointegration"]["alpha"]
    for kind, field in FIELDS.items():
        close(_table(alpha, "ec1", field), vec["Loading coefficients"]["ec1(t-1)"][kind], f"{case} alpha {kind}")
    beta = {row["regressor"]: row for row in diagnostics["cointegration"]["beta"]["ec1"]}
    rows = {"Dp(t-1)": "Dp", "R (t-1)": "R", "CONST": "const (in relation)", "TREND(t-1)": "trend (in relation)"}
    for label, printed in vec["Estimated cointegration relation(s)"].items():
        ours = beta[rows[label]]
        close(ours["coef"], printed["est"], f"{case} beta {label}")
        close(ours["stderr"], printed["se"], f"{case} beta {label} se")
        if label != "Dp(t-1)":  # the normalised entry: JMulTi prints zeros, the product no t or p value
            close(ours["t"], printed["t"], f"{case} beta {label} t")
            close(ours["p_normal"], printed["p"], f"{case} beta {label} p")


@pytest.mark.parametrize("case", CASES)
def test_the_var_representation_and_its_roots_are_jmultis(outputs, case):
    _, _, diagnostics, _ = outputs[case]
    _, var, moduli = jmulti.representations(case)
    coefs = np.asarray(diagnostics["cointegration"]["var_representation"]["coefs"])  # [lag][equation][variable]
    for label, printed in var["Lagged endogenous term"].items():
        variable, lag = re.match(r"^(\w+) ?\(t-(\d)\)$", label).groups()
        close(coefs[int(lag) - 1, :, VARIABLES.index(variable)], printed["est"], f"{case} A_{lag} {label}")
    if "CONST" in var.get("Deterministic term", {}):
        const = np.asarray(diagnostics["cointegration"]["var_representation"]["deterministic"])[0]
        close(const, var["Deterministic term"]["CONST"]["est"], f"{case} VAR constant")
    ours = np.sort(1 / np.asarray(diagnostics["stability"]["moduli"]))
    order = np.argsort(moduli.values)
    close(ours, jmulti.Printed(moduli.values[order], moduli.decimals[order]), f"{case} |z|")
    assert diagnostics["stability"]["unit_roots"] == 1 and diagnostics["stability"]["as_expected"] is True
    if case == "co":  # its largest other root is -0.9906 (a season every second quarter), not slow correction
        assert "The largest, -0.9906, is close to -1" in diagnostics["stability"]["verdict"]
        assert "error correction is slow" not in diagnostics["stability"]["verdict"]
    sigma = diagnostics["cointegration"]["var_representation"]["sigma_u"]
    close(sigma, jmulti.covariance(case), f"{case} Sigma_u")


@pytest.mark.parametrize("case", CASES)
def test_the_forecast_and_its_interval_are_jmultis(outputs, case):
    _, _, _, forecast = outputs[case]
    assert forecast["index"][0] == "1999-01-01" and forecast["intervals"] == "standard"
    printed = jmulti.forecasts(case)
    for j, variable in enumerate(VARIABLES):
        table = printed[variable]
        for column, key in enumerate(("mean", "lower", "upper")):
            values = jmulti.Printed(table.values[:, column], table.decimals[:, column])
            close(np.asarray(forecast[key])[:, j], values, f"{case} {variable} {key}")


@pytest.mark.parametrize("case", CASES)
def test_the_residual_tests_causality_and_responses_are_jmultis(outputs, case):
    _, _, diagnostics, _ = outputs[case]
    diag = jmulti.text(case, "_diag")
    portmanteau = diag.split("PORTMANTEAU TEST", 1)[1].split("***", 1)[0]
    tested = next(line for line in portmanteau.splitlines() if line.startswith("tested order:"))
    assert int(tested.split(":")[1]) == diagnostics["whiteness"]["lags"] == 16
    close(diagnostics["whiteness"]["statistic"], jmulti.value_after(portmanteau, "test statistic:"), f"{case} Q")
    close(diagnostics["whiteness"]["pvalue"], jmulti.value_after(portmanteau, "p-value:"), f"{case} Q p")
    adjusted = portmanteau.split("adjusted test statistic:", 1)[1]
    close(diagnostics["whiteness_adjusted"]["statistic"], jmulti.numbers(adjusted.splitlines()[0]), f"{case} Q*")
    close(diagnostics["whiteness_adjusted"]["pvalue"], jmulti.value_after(adjusted, "p-value:"), f"{case} Q* p")
    close(diagnostics["whiteness"]["df"], jmulti.value_after(portmanteau, "degrees of freedom:"), f"{case} df")
    # the verdict's LM test, F form, on the auxiliary regression whose LM JMulTi prints (tests/unit/test_vecm_lm.py)
    assert diagnostics["whiteness_lm"]["test"] == "LM, Edgerton-Shukur F, 5 lags"
    assert diagnostics["whiteness_lm"]["df"][0] == 20 and 0 < diagnostics["whiteness_lm"]["pvalue"] < 1
    lutkepohl = diag.split("Reference: Lütkepohl", 1)[1]
    close(
        diagnostics["normality_lutkepohl"]["statistic"],
        jmulti.value_after(lutkepohl, "joint test statistic:"),
        f"{case} JB",
    )
    close(diagnostics["normality_lutkepohl"]["pvalue"], jmulti.value_after(lutkepohl, "p-value:"), f"{case} JB p")
    for j, variable in enumerate(VARIABLES):
        row = jmulti.value_after(diag.split("JARQUE-BERA TEST", 1)[1], f"u{j + 1}")
        ours = diagnostics["normality_by_variable"][variable]
        close(
            [ours["statistic"], ours["pvalue"]],
            jmulti.Printed(row.values[:2], row.decimals[:2]),
            f"{case} JB {variable}",
        )
    granger = {(t["causing"][0], t["caused"][0]): t for t in diagnostics["granger"]}
    instantaneous = {t["causing"][0]: t for t in diagnostics["instantaneous"]}
    for causing, caused in (("Dp", "R"), ("R", "Dp")):
        statistic, pvalue = jmulti.causality(case, "granger", causing, caused)
        close(granger[(causing, caused)]["statistic"], statistic, f"{case} Granger {causing}->{caused}")
        close(granger[(causing, caused)]["pvalue"], pvalue, f"{case} Granger {causing}->{caused} p")
        assert tuple(granger[(causing, caused)]["df"]) == jmulti.granger_df(case, causing, caused)
        statistic, pvalue = jmulti.causality(case, "inst", causing, caused)
        close(instantaneous[causing]["statistic"], statistic, f"{case} instantaneous {causing}")
        close(instantaneous[causing]["pvalue"], pvalue, f"{case} instantaneous {causing} p")
    responses = jmulti.impulse_responses(case)
    close(np.asarray(diagnostics["irf"]["plain"])[: len(responses.values)], responses, f"{case} impulse responses")


@pytest.mark.parametrize("case", CASES)
def test_the_arch_tests_are_jmultis(outputs, e6, case):
    """Engle's test of each variable with 16 lags and the multivariate test with 5, as JMulTi printed them."""
    _, _, diagnostics, _ = outputs[case]
    diag = jmulti.text(case, "_diag")
    engle = diag.split("ARCH-LM TEST with 16 lags", 1)[1].split("***", 1)[0]
    assert diagnostics["arch"]["lags"] == 16
    for j, variable in enumerate(VARIABLES):
        row = jmulti.value_after(engle, f"u{j + 1}")
        ours = diagnostics["arch"]["by_variable"][variable]
        printed = jmulti.Printed(row.values[:2], row.decimals[:2])
        close([ours["statistic"], ours["pvalue"]], printed, f"{case} ARCH-LM {variable}")
    joint = diag.split("MULTIVARIATE ARCH-LM TEST with 5 lags", 1)[1]
    five = run_json(e6[1], "diagnose", "--name", f"e6-{case}", "--arch-lags", "5", "--json")["arch"]
    assert five["joint_lags"] == 5 and five["joint_note"] is None
    close(five["joint"]["statistic"], jmulti.value_after(joint, "VARCHLM test statistic:"), f"{case} VARCHLM")
    close(five["joint"]["pvalue"], jmulti.value_after(joint, "p-value(chi^2):"), f"{case} VARCHLM p")
    close(five["joint"]["df"], jmulti.value_after(joint, "degrees of freedom:"), f"{case} VARCHLM df")


@pytest.mark.parametrize("case", CASES)
def test_the_lag_order_criteria_choose_jmultis(outputs, case):
    """JMulTi searched up to 10 lagged differences; the product's order is the VAR order in levels (one more)."""
    _, searched, _, _ = outputs[case]
    printed = jmulti.folder() / f"vecm_e6_jmulti_{case}_lagorder.txt"
    body = printed.read_text(encoding="utf-8")
    for label, ic in (("Akaike", "aic"), ("Final Prediction", "fpe"), ("Hannan-Quinn", "hqic"), ("Schwarz", "bic")):
        line = next(line for line in body.splitlines() if line.startswith(label))
        chosen = int(line.split(":")[1])
        assert searched["lag_selection"]["selected"][ic] - 1 == chosen, (case, ic)
    assert searched["lag_selection"]["max_lags"] == 11
