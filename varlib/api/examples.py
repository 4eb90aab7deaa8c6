"""Request bodies offered by the API page's "Try it out": each works as it stands on a model of the kind it
names. Without them Swagger UI built one body from every field's example (lag rows, dates, exogenous values
and conditions at once), which no model accepts."""

from __future__ import annotations

from typing import Any

FORECAST_EXAMPLES: dict[str, Any] = {
    "plain": {"summary": "8 steps, 95% intervals (any version)", "value": {"steps": 8, "alpha": 0.05}},
    "level": {"summary": "4 steps, 80% intervals", "value": {"steps": 4, "alpha": 0.2}},
    "conditions": {
        "summary": "a conditional forecast (a model of realgdp): null leaves a step free",
        "value": {"steps": 4, "conditions": {"realgdp": [13100.0, None, 13300.0]}},
    },
    "exog": {
        "summary": "a VARX with the exogenous realint: a value for every step",
        "value": {"steps": 4, "exog": {"realint": [2.0, 2.0, 2.0, 2.0]}},
    },
}
SCENARIO_EXAMPLES: dict[str, Any] = {
    "conditions": {
        "summary": "a scenario of a model of realgdp, with notes",
        "value": {"steps": 4, "conditions": {"realgdp": [13100.0]}, "notes": "GDP dips to 13,100"},
    },
}
