"""What a slowly dying part of a fitted model's dynamics is, read from the angle of its largest eigenvalue, and,
when it is a season left in the data, the ways this product has to model it instead.

A modulus near 1 is not always slow adjustment: an eigenvalue near -1 flips sign every period, and a complex
pair is a damped cycle of 2*pi/angle periods. With quarterly data a cycle of 4 periods (or 2) is the season,
which a model of unadjusted data leaves in its dynamics. On Lütkepohl's unadjusted West German income and
consumption (log differences, 80 quarters) AIC took the largest order searched, 11, to fit the season with lags
(holdout MAPE 4.9%); HQ and BIC chose 4 (0.74%), and AIC with three quarter dummies as exogenous columns 8 (0.84%).
"""

from __future__ import annotations

import numpy as np

SLOW_ANGLE = np.pi / 8  # an eigenvalue within this angle of the positive real axis: a decay, not a cycle (>16 periods)
LENIENT = ("aic", "fpe")  # the criteria that penalise lags least: an unmodelled season draws them to long orders


def near_unit_reading(eigenvalue: complex, dummies: bool = True, criterion: str | None = None) -> str | None:
    """What a slowly dying part of the dynamics is, read from the angle of its eigenvalue; None for a real,
    positive one (a slow, one-signed decay: each verdict words that case for its own model). For a season's advice:
    `dummies`, whether the model kind takes seasonal dummies as exogenous variables (a VAR; a VECM does not);
    `criterion`, the one that chose the lag order (None: a fixed order)."""
    angle = abs(float(np.angle(eigenvalue)))
    if angle < SLOW_ANGLE:
        return None
    if angle > np.pi - SLOW_ANGLE:
        return (
            f"The largest, {eigenvalue.real:.4f}, is close to -1: a part that changes sign every period dies out"
            " slowly, often a seasonal pattern (every second period) or a series differenced once too often; for a"
            f" season, {season_options(dummies, criterion)}"
        )
    period = 2 * np.pi / angle
    return (
        f"The largest, {eigenvalue.real:.4f} ± {abs(eigenvalue.imag):.4f}i, is a slowly damped cycle of about"
        f" {period:.1f} periods, often a season the model leaves in its data (4 periods is a year of quarters,"
        f" 12 of months): {season_options(dummies, criterion)}"
    )


def season_options(dummies: bool, criterion: str | None) -> str:
    """The ways this product has to model a season, in one clause: adjusted data; seasonal dummies as exogenous
    variables (their future values are the calendar's) where the kind takes them; and a criterion that penalises
    lags more where a lenient one chose the order."""
    vecm = " (a VECM takes no seasonal dummies; a VAR takes them as exogenous variables)"
    ways = ["seasonally adjusted data" + ("" if dummies else vecm)]
    if dummies:
        ways.append(
            "seasonal dummies as exogenous variables (one fewer than the seasons; known ahead, so a forecast is given"
            " their future values: CLI --exog-csv, and the Forecast page's table continues their pattern)"
        )
    if criterion in LENIENT:
        ways.append(f"criterion `hqic` or `bic`, which penalise lags more than `{criterion}`")
    said = ways[0] if len(ways) == 1 else f"{', '.join(ways[:-1])}{',' if len(ways) > 2 else ''} or {ways[-1]}"
    return f"try {said}, and compare on the holdout"
