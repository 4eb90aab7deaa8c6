"""What the unit-root and Johansen tests of varlib.integration found: one variable's tests and verdict
(`UnitRoot`), Johansen's trace test (`Johansen`) and the whole analysis with its advice (`Integration`)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pandas as pd

from .integration_vecm import WHOLE, AdviceSample, AdvisedVecm
from .wording import p_text

# The table's columns name each test's null hypothesis: a reader need not know that ADF and KPSS test opposite ones.
ADF_P = "ADF p (H0: unit root)"
KPSS_P = "KPSS p (H0: stationary)"
DIFF_P = "ADF p of the difference"
TREND_P = "trend p"  # the trend's t-test in the ADF regression, where a trend-stationary series is tested for it
P_COLUMNS = (ADF_P, DIFF_P)  # KPSS p is text (`≤ 0.01` at its table's end), not a number to format
KPSS_TABLE = (0.01, 0.10)  # the p-values statsmodels' KPSS table spans; beyond them it returns the end
DETERMINISTIC = "constant or a straight line"  # the verdict of a series with nothing random in it (untestable)
SIGNIF = 0.05  # every test's level: the unit-root verdicts' and the trend's


@dataclass(frozen=True)
class UnitRoot:
    """The tests of one variable and their verdict."""

    variable: str
    adf_statistic: float
    adf_pvalue: float
    kpss_statistic: float
    kpss_pvalue: float  # interpolated by statsmodels within KPSS_TABLE
    diff_adf_pvalue: float
    verdict: str  # "stationary" | "integrated" | "unclear" | DETERMINISTIC
    order: int | None  # 0 or 1 when the tests agree, None otherwise
    # the deterministic terms (statsmodels' `regression`) of the pair of level tests shown, the one whose verdict
    # stands (varlib.integration): "ct" for a series stationary around a linear trend, which a VAR reproduces only
    # with trend `ct`; "c" for one stationary around a constant
    regression: str = "ct"
    # of a series the tests with a trend call stationary: the trend's t-test in their ADF regression
    # (varlib.integration); at 5% or more the trend is not there and the series is stationary around a constant.
    # None where it was not run, and in results from before it: those read as they did (a trend wherever "ct")
    trend_pvalue: float | None = None

    @property
    def terms(self) -> str:
        """The shown tests' deterministic terms in words, for tables and lines."""
        return "constant and trend" if self.regression == "ct" else "constant"

    @property
    def trending(self) -> bool:
        """Tested with a trend that stands (significant at 5%, or not tested): with verdict `stationary`, a series
        a VAR in levels models only with trend `ct`."""
        return self.regression.startswith("ct") and not (self.trend_pvalue is not None and self.trend_pvalue >= SIGNIF)

    @property
    def verdict_text(self) -> str:
        """The verdict for tables and lines, saying around what a series tested with a trend is stationary, and
        the trend's p-value that decided it (`stationary around a constant (trend p 0.419, not significant)`)."""
        if self.trend_pvalue is None:
            return self.verdict
        return f"{self.around} (trend p {p_text(self.trend_pvalue)}{'' if self.trending else ', not significant'})"

    @property
    def around(self) -> str:
        """The verdict, and for a series whose trend was tested, around what it is stationary (tables)."""
        return (
            self.verdict
            if self.trend_pvalue is None
            else f"{self.verdict} around a {'trend' if self.trending else 'constant'}"
        )

    @property
    def kpss_beyond_table(self) -> str | None:
        """ "below" or "above" when the KPSS p-value sits at an end of the table it is read from (statsmodels stops
        at 0.01 and 0.10: the true one is that or less, that or more), else None."""
        if self.kpss_pvalue <= KPSS_TABLE[0]:
            return "below"
        return "above" if self.kpss_pvalue >= KPSS_TABLE[1] else None

    @property
    def adf_p_text(self) -> str:
        """`0.0412`, or `> 0.999` where three digits would print 1."""
        return p_text(self.adf_pvalue)

    @property
    def kpss_p_text(self) -> str:
        """`0.0412`, or `≤ 0.01` / `≥ 0.1` at an end of the table: printed as exact, 0.01 claimed too much."""
        bound = {"below": "≤ ", "above": "≥ "}.get(self.kpss_beyond_table or "", "")
        return f"{bound}{self.kpss_pvalue:.3g}"

    def to_dict(self) -> dict:
        return {
            "variable": self.variable,
            "adf_statistic": self.adf_statistic,
            "adf_pvalue": self.adf_pvalue,
            "kpss_statistic": self.kpss_statistic,
            "kpss_pvalue": self.kpss_pvalue,
            "kpss_pvalue_beyond_table": self.kpss_beyond_table,
            "diff_adf_pvalue": self.diff_adf_pvalue,
            "verdict": self.verdict,
            "order": self.order,
            "regression": self.regression,
            "trend_pvalue": self.trend_pvalue,
        }


@dataclass(frozen=True)
class Johansen:
    """Johansen's trace and maximum-eigenvalue statistics for ranks 0..k-1 with 90/95/99% critical values."""

    variables: tuple[str, ...]
    eigenvalues: tuple[float, ...]
    trace: tuple[float, ...]
    trace_critical: tuple[tuple[float, float, float], ...]
    max_eigen: tuple[float, ...]
    max_eigen_critical: tuple[tuple[float, float, float], ...]
    lagged_differences: int
    deterministic: str  # "none", "constant" or "linear trend" (statsmodels' det_order -1, 0, 1)
    rank: int  # by the trace test at 5%

    @property
    def links(self) -> bool:
        """Some but not all combinations are stationary: long-run relations that a VECM keeps (0 < rank < K)."""
        return 0 < self.rank < len(self.trace)

    def frame(self, trace_levels: tuple[int, ...] = (95,), eigenvalues: bool = True) -> pd.DataFrame:
        """The table as pages and the report show it: one row per rank, the statistics beside the critical
        values asked for (of 90, 95, 99%; the maximum-eigenvalue test at 95%)."""
        column = {90: 0, 95: 1, 99: 2}
        rows = []
        for r in range(len(self.trace)):
            row: dict[str, float] = {"rank <=": r, "trace": self.trace[r]}
            row |= {f"trace {level}%": self.trace_critical[r][column[level]] for level in trace_levels}
            row |= {"max eigen": self.max_eigen[r], "max eigen 95%": self.max_eigen_critical[r][1]}
            if eigenvalues:
                row["eigenvalue"] = self.eigenvalues[r]
            rows.append(row)
        return pd.DataFrame(rows)

    def to_dict(self) -> dict:
        rows = [
            {
                "rank": r,
                "trace": self.trace[r],
                "trace_critical_90_95_99": list(self.trace_critical[r]),
                "max_eigen": self.max_eigen[r],
                "max_eigen_critical_90_95_99": list(self.max_eigen_critical[r]),
            }
            for r in range(len(self.trace))
        ]
        return {
            "variables": list(self.variables),
            "eigenvalues": list(self.eigenvalues),
            "table": rows,
            "lagged_differences": self.lagged_differences,
            "deterministic": self.deterministic,
            "rank": self.rank,
        }

    @classmethod
    def from_dict(cls, raw: dict) -> Johansen:
        rows = raw["table"]
        return cls(
            tuple(raw["variables"]),
            tuple(float(v) for v in raw["eigenvalues"]),
            tuple(float(row["trace"]) for row in rows),
            tuple(_triple(row["trace_critical_90_95_99"]) for row in rows),
            tuple(float(row["max_eigen"]) for row in rows),
            tuple(_triple(row["max_eigen_critical_90_95_99"]) for row in rows),
            int(raw["lagged_differences"]),
            str(raw["deterministic"]),
            int(raw["rank"]),
        )


def _triple(values) -> tuple[float, float, float]:
    a, b, c = (float(v) for v in values)
    return a, b, c


@dataclass(frozen=True)
class UnitRootTable:
    """The unit-root tests as a table: a row per variable (`variable` a column), the numeric p-value columns
    and the caption for people, as library text (backticks mark code)."""

    frame: pd.DataFrame
    p_columns: tuple[str, ...]
    caption: str


@dataclass(frozen=True)
class Integration:
    """Unit roots of every variable, the transform they suggest, and Johansen's test when it applies."""

    tested_on: str  # "log levels" | "levels"
    unit_roots: tuple[UnitRoot, ...]
    recommended_transform: str | None  # None: the tests leave it open
    advice: str
    johansen: Johansen | None
    rows_tested: int  # the last rows of the sample, when it is longer than the tests' limit
    rows: int
    vecm_rank: int | None = None  # the rank of a VECM the advice names (keep, or compare with differences)
    sample: AdviceSample = WHOLE  # the rows tested and the exogenous variables, that such a VECM repeats

    @property
    def advised_vecm(self) -> AdvisedVecm | None:
        """The VECM the advice names, as its test ran (None when it names none)."""
        if self.vecm_rank is None or self.johansen is None:
            return None
        return AdvisedVecm.of(self.johansen, self.vecm_rank, self.tested_on == "log levels", self.sample)

    def advice_in(self, words: Callable[[AdvisedVecm], str]) -> str:
        """The advice with the settings of the VECM it names in a front's own words, `words(vecm)` (a page's fields,
        where the CLI and REST read the spec's fields and train's options: AdvisedVecm.settings)."""
        vecm = self.advised_vecm
        return self.advice if vecm is None else self.advice.replace(vecm.settings, words(vecm))

    @property
    def trend_advised(self) -> bool:
        """A VAR in levels with trend `ct` is advised: some variable is stationary around a trend, and none
        calls for differencing."""
        stationary = [u for u in self.unit_roots if u.verdict == "stationary"]
        return self.recommended_transform == "none" and any(u.trending for u in stationary)

    @property
    def sample_note(self) -> str:
        """A sentence saying which rows were tested, for the pages, the CLI and the report: "" for all of them."""
        if self.rows_tested >= self.rows:
            return ""
        since = f" (from {self.sample.start})" if self.sample.start else ""
        return (
            f"The tests ran on the last {self.rows_tested:,} of the {self.rows:,} rows{since}: on a longer sample"
            " they take minutes."
        )

    def table(self) -> UnitRootTable:
        """The unit-root table the HTML report and the Diagnostics page both render: a row per variable, the
        pair of tests whose verdict stands."""
        rows = [
            {
                "variable": u.variable,
                "verdict": u.around,  # first after the name: a wide table scrolls, and this is what it says
                TREND_P: "" if u.trend_pvalue is None else p_text(u.trend_pvalue),  # blank where not tested
                "tested with": u.terms,
                "ADF statistic": u.adf_statistic,
                ADF_P: u.adf_pvalue,
                "KPSS statistic": u.kpss_statistic,
                KPSS_P: u.kpss_p_text,  # `≤ 0.01` at the table's end: 0.0100 read as exact
                DIFF_P: u.diff_adf_pvalue,
            }
            for u in self.unit_roots
        ]
        caption = (
            f"ADF and KPSS with a constant and a trend and with a constant only, on the {self.tested_on} of the"
            " training data; each row shows the pair whose verdict stands (stationary if either pair says so,"
            " integrated only if both do); a series stationary with a trend keeps it when the t-test of the trend"
            " in the ADF regression is significant at 5% (trend p), else it is stationary around a constant. KPSS"
            " p-values are read from its table, so they stop at 0.01 (≤ 0.01) and"
            f" 0.1 (≥ 0.1). {self.sample_note}"
        ).strip()
        return UnitRootTable(pd.DataFrame(rows), P_COLUMNS, caption)

    def to_dict(self) -> dict:
        return {
            "tested_on": self.tested_on,
            "rows_tested": self.rows_tested,
            "rows": self.rows,
            "tested_from": self.sample.start,  # the first row tested, where the last ones alone were and dates known
            "unit_roots": [u.to_dict() for u in self.unit_roots],
            "recommended_transform": self.recommended_transform,
            "advice": self.advice,
            "johansen": self.johansen.to_dict() if self.johansen else None,
            "vecm_rank": self.vecm_rank,
            "advised_vecm": vecm.to_dict() if (vecm := self.advised_vecm) else None,
        }
