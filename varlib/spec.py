"""What to fit: the model specification shared by every model kind, checked by the kind it names."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from .errors import InvalidInputError
from .model_space import CRITERIA, DETERMINISTIC, DIFFERENCED, TRANSFORMS, TRENDS
from .whole_numbers import whole_number
from .wording import DETERMINISTIC_WORDS, TREND_WORDS, and_list, repeated

DEFAULT_HOLDOUT = 0.1
MAX_LAG_ORDER = 100  # the largest fixed order or search bound a spec takes


@dataclass(frozen=True)
class ModelSpec:
    """What to fit. `lags=None` means: choose by `ic` up to `max_lags` (for every kind, the order of the VAR
    in levels or model space). `kind` names a model kind registered in varlib.kinds, which checks the options
    that only some kinds take (a VECM's `deterministic` and `coint_rank`, None meaning: chosen by Johansen's
    trace test at 5%; a VAR's `exog`) and fills in its own defaults. `exog` names exogenous regressors
    (VARX): they enter every equation as given, at the same period, untransformed, and a forecast needs
    their future values."""

    variables: tuple[str, ...]
    kind: str = "var"
    transform: str = "none"
    trend: str = "c"
    lags: int | None = None
    max_lags: int | None = None  # None: the sample-aware default (varlib.lag_order)
    ic: str = "aic"
    holdout: float = DEFAULT_HOLDOUT
    min_lags: int = 1  # the smallest order searched: 1, or 0 to let a criterion say "no dynamics"
    exog: tuple[str, ...] = ()
    deterministic: str | None = None  # VECM only (DETERMINISTIC); a VAR's deterministic terms are its `trend`
    coint_rank: int | None = None  # VECM only: the cointegration rank, None to choose it by Johansen's test

    def __post_init__(self) -> None:
        object.__setattr__(self, "variables", tuple(self.variables))
        object.__setattr__(self, "exog", tuple(self.exog))
        _check_exog(self.variables, self.exog)
        check_two_or_more(self.variables)
        if self.transform not in TRANSFORMS:
            raise InvalidInputError(f"transform {self.transform!r} is not one of {', '.join(TRANSFORMS)}")
        if self.trend not in TRENDS:
            raise InvalidInputError(f"trend {self.trend!r} is not one of {', '.join(TRENDS)}")
        if self.ic not in CRITERIA:
            raise InvalidInputError(f"criterion {self.ic!r} is not one of {', '.join(CRITERIA)}")
        # stored as the ints they are: True or np.int64(2) would reach statsmodels, which refuses them unexplained
        if self.lags is not None:
            object.__setattr__(self, "lags", whole_number(self.lags, 1, MAX_LAG_ORDER, "lag order", "lags"))
        if self.max_lags is not None:
            object.__setattr__(self, "max_lags", whole_number(self.max_lags, 1, MAX_LAG_ORDER, "max lags", "max_lags"))
        object.__setattr__(self, "min_lags", whole_number(self.min_lags, 0, 1, "min lags", "min_lags", words="0 or 1"))
        if not (isinstance(self.holdout, (int, float)) and 0 <= self.holdout <= 0.5):
            raise InvalidInputError(
                f"holdout {self.holdout!r} must be a fraction from 0 to 0.5 (0 skips evaluation)",
                field="holdout",
                value=self.holdout,
            )
        if self.deterministic is not None and self.deterministic not in DETERMINISTIC:
            raise InvalidInputError(
                f"deterministic {self.deterministic!r} is not one of {', '.join(DETERMINISTIC)}",
                field="deterministic",
                value=self.deterministic,
            )
        k = len(self.variables)
        if self.coint_rank is not None:
            rank = whole_number(
                self.coint_rank,
                1,
                k - 1,
                "cointegration rank",
                "coint_rank",
                after=f" for {k} variables (rank 0 is a VAR in differences, rank k a VAR in levels: model 'var')",
            )
            object.__setattr__(self, "coint_rank", rank)
        from .kinds import get_kind  # on use: the kinds import this module

        for name, value in get_kind(self.kind).check_spec(self).items():  # the kind's checks and defaults
            object.__setattr__(self, name, value)

    @property
    def lag_inputs_extra(self) -> int:
        """Differenced models need one more level than their lag order."""
        return 1 if self.transform in DIFFERENCED else 0

    @property
    def order_criterion(self) -> str | None:
        """The criterion that chooses the lag order (`ic`), None when the order is fixed (`lags`)."""
        return self.ic if self.lags is None else None

    @property
    def lag_rule_trend(self) -> str:
        """The deterministic terms the lag-order rules count (varlib.lag_order): a VAR's trend, or the trend of
        the VAR in levels that a VECM is."""
        from .kinds import get_kind

        return get_kind(self.kind).order_spec(self).trend

    @property
    def deterministic_terms(self) -> str:
        """The deterministic terms in the kind's words: a VECM's `deterministic` (co, cili, ...), else the trend."""
        return self.deterministic if self.deterministic is not None else self.trend

    @property
    def deterministic_words(self) -> str:
        """The deterministic terms for people, their code after them: `constant outside the relation (co)`."""
        terms = self.deterministic_terms
        words = DETERMINISTIC_WORDS if self.deterministic is not None else TREND_WORDS
        return f"{words.get(terms, terms)} ({terms})"

    def to_dict(self) -> dict:
        return {
            "variables": list(self.variables),
            "kind": self.kind,
            "transform": self.transform,
            "trend": self.trend,
            "lags": self.lags,
            "max_lags": self.max_lags,
            "ic": self.ic,
            "holdout": self.holdout,
            "min_lags": self.min_lags,
            **({"exog": list(self.exog)} if self.exog else {}),  # absent before VARX: old bodies stay as they were
            "deterministic": self.deterministic,
            "coint_rank": self.coint_rank,
        }

    @classmethod
    def from_dict(cls, raw: dict) -> ModelSpec:
        # Artifacts written before model kinds existed are VARs.
        return cls(
            variables=tuple(raw["variables"]),
            kind=raw.get("kind", "var"),
            transform=raw["transform"],
            trend=raw["trend"],
            lags=raw["lags"],
            max_lags=raw["max_lags"],
            min_lags=raw.get("min_lags", 1),
            ic=raw["ic"],
            holdout=raw["holdout"],
            exog=tuple(raw.get("exog") or ()),
            deterministic=raw.get("deterministic"),  # absent before schema 2 (VARs only)
            coint_rank=raw.get("coint_rank"),
        )

    def with_(self, **changes) -> ModelSpec:
        return replace(self, **changes)


def check_distinct(names: Sequence[str], what: str, **context) -> None:
    """Refuse a list of columns that names one more than once, and say which."""
    twice = repeated(names)
    if twice:
        raise InvalidInputError(f"the {what} name {and_list(twice)} more than once: list each column once", **context)


def check_two_or_more(variables: Sequence[str], source: str | None = None) -> None:
    """Refuse fewer than two variables (a VAR of one is an AR, and a VECM of one has nothing to cointegrate
    with), saying what was given and from where."""
    if len(variables) < 2:
        got = f"only {and_list(variables)}" if variables else "none"
        where = f" from {source!r}" if source else ""
        raise InvalidInputError(f"a VAR or VECM needs at least 2 variables; got {got}{where}: pick two or more columns")


def _check_exog(variables: tuple[str, ...], exog: tuple[str, ...]) -> None:
    """Exogenous names: distinct, and none of them also a modelled variable."""
    check_distinct(exog, "exogenous variables", field="exog", value=list(exog))
    both = [name for name in exog if name in variables]
    if both:
        raise InvalidInputError(
            f"{', '.join(both)} cannot be both a variable and exogenous: a variable is forecast, an exogenous"
            " one is given; choose one role",
            field="exog",
            value=both,
        )
    blank = [name for name in exog if not str(name).strip()]
    if blank:
        raise InvalidInputError("an exogenous variable has an empty name", field="exog", value=list(exog))
