"""A causality test's result as plain data: which variables, in which direction, and its outcome."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from .outcome import TestResult


@dataclass(frozen=True)
class CausalityTest:
    """A Granger (F) or instantaneous (Wald) causality test between groups of variables. Granger scopes: one
    variable -> another, one -> all the others jointly (as JMulTi and R `vars` print it), all the others -> one
    (EViews' block exogeneity); instantaneous tests are symmetric ("one_to_others")."""

    SCOPES: ClassVar = {"pair": "one → one", "one_to_others": "one → all others", "others_to_one": "all others → one"}
    kind: str  # "granger" | "instantaneous"
    scope: str  # "pair" | "one_to_others" | "others_to_one"
    causing: tuple[str, ...]
    caused: tuple[str, ...]
    result: TestResult

    @property
    def direction(self) -> str:
        """`a → b`, `a → all others`, `all others → b`: the direction for people (the arrow of the charts' titles)."""
        causing = "all others" if self.scope == "others_to_one" else ", ".join(self.causing)
        caused = "all others" if self.scope == "one_to_others" and self.kind == "granger" else ", ".join(self.caused)
        return f"{causing} → {caused}"

    @property
    def scope_label(self) -> str:  # `one → all others`: the scope as the page's and the report's tables name it
        return self.SCOPES[self.scope]

    def to_dict(self) -> dict:
        body = self.result.to_dict()
        return {
            "kind": self.kind,
            "scope": self.scope,
            "causing": list(self.causing),
            "caused": list(self.caused),
            "statistic": body["statistic"],
            "pvalue": body["pvalue"],
            "df": body["df"],
            "crit_value": body["crit_value"],
            "test": body["test"],
            "rejected": body["rejected"],
        }
