"""How the CLI prints: JSON through the library's one converter, tables with a fixed number format."""

from __future__ import annotations

import pandas as pd

from varlib import to_json


def print_json(value: object) -> None:
    print(to_json(value, indent=2))


def print_table(frame: pd.DataFrame, index: bool = True, digits: int = 6) -> None:
    print(frame.to_string(index=index, float_format=lambda x: f"{x:.{digits}g}", na_rep="–"))
