"""JMulTi's published VECM output for the e6 data (shipped in statsmodels' tests), read as numbers with their
printed number of decimals, so a test can compare at exactly the precision JMulTi printed."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import numpy as np


@dataclass(frozen=True)
class Printed:
    """Numbers as JMulTi printed them, and how many decimals each had."""

    values: np.ndarray
    decimals: np.ndarray

    def tolerance(self) -> np.ndarray:
        """Half a unit in the last printed place: any number that prints as these does so within it."""
        return 0.5 * 10.0 ** (-self.decimals.astype(float)) + 1e-12


def folder() -> Path:
    from statsmodels.tsa.vector_ar.tests import JMulTi_results

    return Path(JMulTi_results.__file__).parent


def text(case: str, suffix: str = "") -> str:
    return (folder() / f"vecm_e6_jmulti_{case}{suffix}.txt").read_text(encoding="utf-8")


_NUMBER = re.compile(r"[-+]?\d+\.(\d+)(?:e[-+]\d+)?", re.IGNORECASE)


def numbers(line: str) -> Printed:
    found = list(_NUMBER.finditer(line))
    values = np.array([float(m.group(0)) for m in found])
    decimals = np.array([len(m.group(1)) + _exponent_shift(m.group(0)) for m in found])
    return Printed(values, decimals)


def _exponent_shift(token: str) -> int:
    """A number like 3.576095e-05 has 6 decimals of its mantissa, so 6 + 5 decimals in all."""
    match = re.search(r"e([-+]\d+)", token, re.IGNORECASE)
    return -int(match.group(1)) if match else 0


def sections(block: str) -> dict[str, dict[str, dict[str, Printed]]]:
    """{section title: {row label: {"est"|"se"|"p"|"t": Printed}}} of one representation (VEC or VAR)."""
    out: dict[str, dict[str, dict[str, Printed]]] = {}
    title, label = None, None
    lines = block.splitlines()
    for i, line in enumerate(lines):
        following = lines[i + 1] if i + 1 < len(lines) else ""
        if line.strip().endswith(":") and following.strip().startswith("==="):
            title, label = line.strip()[:-1], None
            out[title] = {}
            continue
        if title is None or "|" not in line or line.strip().startswith(("Variable", "Equation")):
            continue
        head, tail = line.split("|", 1)
        tail = tail.strip()
        if head.strip():
            label = " ".join(head.split())
            out[title][label] = {"est": numbers(tail)}
        elif label is not None and tail and tail[0] in "({[":
            kind = {"(": "se", "{": "p", "[": "t"}[tail[0]]
            out[title][label][kind] = numbers(tail)
    return out


def representations(case: str):
    """(VEC sections, VAR sections, |z| moduli of the reverse characteristic polynomial)."""
    body = text(case)
    vec, var = body.split("VAR REPRESENTATION", 1)
    moduli = numbers(re.search(r"\|z\| = \((.*?)\)", var).group(1))
    return sections(vec), sections(var), moduli


def forecasts(case: str) -> dict[str, Printed]:
    """{variable: rows of (forecast, lower, upper, +/-)} for the 5 printed steps."""
    out, variable = {}, None
    for line in text(case, "_fc5").splitlines():
        words = line.split()
        if len(words) == 1 and not words[0][0].isdigit():
            variable = words[0]
        elif variable and re.match(r"^\d{4} Q\d", line.strip()):
            row = numbers(line.split(None, 2)[2])
            previous = out.get(variable)
            out[variable] = (
                row
                if previous is None
                else Printed(np.vstack([previous.values, row.values]), np.vstack([previous.decimals, row.decimals]))
            )
    return out


def value_after(body: str, label: str) -> Printed:
    """The numbers on the line that starts with `label` (first match)."""
    for line in body.splitlines():
        if line.strip().startswith(label):
            return numbers(line.strip()[len(label) :])
    raise KeyError(label)


def covariance(case: str) -> Printed:
    lines = text(case, "_Sigmau").splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("Covariance:"))
    first, second = numbers(lines[start][len("Covariance:") :]), numbers(lines[start + 1])
    return Printed(np.vstack([first.values, second.values]), np.vstack([first.decimals, second.decimals]))


def impulse_responses(case: str) -> Printed:
    """[period][response][impulse] from the printed "impulse -> response" columns Dp->Dp, R->Dp, Dp->R, R->R."""
    rows = [
        numbers(line.split("point estimate", 1)[1])
        for line in text(case, "_ir").splitlines()
        if "point estimate" in line
    ]
    values = np.array([row.values for row in rows]).reshape(-1, 2, 2)
    decimals = np.array([row.decimals for row in rows]).reshape(-1, 2, 2)
    return Printed(values, decimals)


def causality(case: str, kind: str, causing: str, caused: str) -> tuple[Printed, Printed]:
    """(statistic, p-value) of a Granger (F) or instantaneous test, from its own file."""
    suffix = f"_{kind}_causality_{causing.lower()}_{caused.lower()}"
    body = text(case, suffix)
    if kind == "granger":
        section = body.split("TEST FOR GRANGER-CAUSALITY", 1)[1]
        return value_after(section, "Test statistic l ="), _after_equals(section, "pval-F(")
    section = body.split("TEST FOR INSTANTANEOUS CAUSALITY", 1)[1]
    return value_after(section, "Test statistic: c ="), _after_equals(section, "pval-Chi(")


def granger_df(case: str, causing: str, caused: str) -> tuple[int, int]:
    """The F test's degrees of freedom, printed as `pval-F( l; 4, 182)`."""
    body = text(case, f"_granger_causality_{causing.lower()}_{caused.lower()}")
    first, second = re.search(r"pval-F\( l; (\d+), (\d+)\)", body).groups()
    return int(first), int(second)


def _after_equals(section: str, label: str) -> Printed:
    line = next(line for line in section.splitlines() if line.strip().startswith(label))
    return numbers(line.split("=", 1)[1])
