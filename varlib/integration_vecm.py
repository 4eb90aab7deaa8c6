"""The VECM the unit-root advice names (`AdvisedVecm`), as its Johansen test ran: the order, terms and rows tested
(`AdviceSample`), for the advice's words (varlib.integration_advice, or a front's own: Integration.advice_in) and the
JSON (varlib.integration_results)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

# the VECM terms whose training test is the advice's test (varlib.vecm_model.DET_ORDER): its deterministic case
VECM_TERMS = {"none": "n", "constant": "co", "linear trend": "colo"}


@dataclass(frozen=True)
class AdviceSample:
    """What training must repeat of the data the advice tested, beyond its variables: the rows tested when they
    were the sample's last ones alone (how many, and the first one's date where the rows' dates are known, as
    train's --start reads it), and the exogenous variables of the model advised on, which a VECM takes none of."""

    last_rows: int | None = None  # None: every row was tested
    start: str | None = None
    exog: tuple[str, ...] = ()


WHOLE = AdviceSample()  # every row tested, and no exogenous variables


class JohansenSettings(Protocol):
    """What of a Johansen test (varlib.integration_results.Johansen) the VECM it advises repeats."""

    @property
    def lagged_differences(self) -> int: ...

    @property
    def deterministic(self) -> str: ...  # "none", "constant" or "linear trend"


@dataclass(frozen=True)
class AdvisedVecm:
    """The VECM the advice names, at the VAR order and deterministic terms its Johansen test ran at: trained with
    these fixed, on the rows tested, it fits the rank tested, where a criterion may choose an order at which the
    test finds another (and on every row of a longer sample the test may find another too)."""

    transform: str  # "log" when the tests ran on log levels, else "none"
    lags: int  # the VAR order in levels: the test's lagged differences + 1
    coint_rank: int
    deterministic: str
    sample: AdviceSample = WHOLE

    @classmethod
    def of(cls, johansen: JohansenSettings, rank: int, logs: bool, sample: AdviceSample = WHOLE) -> AdvisedVecm:
        terms = VECM_TERMS[johansen.deterministic]
        return cls("log" if logs else "none", johansen.lagged_differences + 1, rank, terms, sample)

    @property
    def options(self) -> str:
        """The options of `varlib train` that fit it (the data's options aside, but for the first row tested)."""
        start = f" --start {self.sample.start}" if self.sample.start else ""
        return (
            f"--model vecm --transform {self.transform} --lags {self.lags} --coint-rank {self.coint_rank}"
            f" --deterministic {self.deterministic}{start}"
        )

    @property
    def settings(self) -> str:
        """The settings that train it as the advice names them for the CLI and REST: the model spec's fields, then
        train's options (where the rows tested were a long sample's last ones with their dates unknown, the person
        looks up the first one's). A front with other words for them says them instead (Integration.advice_in)."""
        fields = f"lags {self.lags}, coint_rank {self.coint_rank}, deterministic `{self.deterministic}`"
        last_rows, start = self.sample.last_rows, self.sample.start
        fields += f", start {start}" if last_rows and start else ""
        return f"{fields}; CLI `{self.options}`" + ("" if start or not last_rows else " with --start at that date")

    def to_dict(self) -> dict:
        """The model spec's fields that fit it (the first row tested is the Integration's `tested_from`)."""
        return {"kind": "vecm"} | {k: getattr(self, k) for k in ("transform", "lags", "coint_rank", "deterministic")}
