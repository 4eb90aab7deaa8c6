"""The VECM the unit-root advice names, in the Train page's words: the fields that train it (the Train page's
button sets them), said where the CLI and REST print the model spec's fields and train's options
(varlib.AdvisedVecm.settings). The Train page says them in its advice; the Diagnostics page says them as the Train
page's."""

from __future__ import annotations

from ui.literal import EMPHASIS
from ui.train_range import first_moment, moment_text
from varlib import AdvisedVecm, kind_title


def page_words(advised: AdvisedVecm) -> str:
    """The settings of the VECM the advice names in the Train page's words, its fields (the button under the
    preview's advice sets them), for the model spec's fields and the CLI's options the CLI and REST print:
    `--coint-rank` in a box of page words was the browser's to wrap at its dashes, and no field reads it."""
    bold = EMPHASIS * 2  # ui.literal.library_text keeps it as the markdown the page's own words are
    fields = [
        ("Model kind", kind_title("vecm")),
        ("Transform", advised.transform),
        ("Cointegration rank", advised.coint_rank),
        ("Lag order", "fixed"),
        ("Lags", advised.lags),
        ("Deterministic terms", advised.deterministic),
    ]
    said = ", ".join(f"{label} {bold}{value}{bold}" for label, value in fields)
    if advised.sample.last_rows:  # a long sample's last rows alone were tested: training starts at the first
        start = advised.sample.start
        # on intraday rows From takes a date and a time of day: the first row tested's own, as the button sets it
        first = f"{bold}{moment_text(first_moment(start))}{bold}" if start else "the first row tested's date"
        said += f" and, under Limit the date range, From {first}"
    return said


def train_page_words(advised: AdvisedVecm) -> str:
    """The same words on another page, saying whose fields they are (the Diagnostics page has none of them)."""
    return f"on the Train page: {page_words(advised)}"
