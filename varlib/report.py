"""A self-contained HTML report of one version: model card, forecast, diagnostics tables, impulse
responses and (optionally) the caller's charts.

The file needs no network: styles are inline, the forecast and impulse-response charts are inline
SVG drawn here (varlib.report_svg), and plotly.js, when the caller adds plotly figures, is embedded
once. The caller chooses what the report shows as a page would: the forecast's steps and level, the
impulse responses' kind (orthogonalised or plain) and horizon (the diagnostics' IRF periods).
Sections live in varlib.report_diagnostics and varlib.report_forecast. Printed (paper cannot scroll), the forecast's
and the impulse responses' wide tables are split into tables that fit a portrait page, charts shrink to its width and
each plotly chart stays whole on one page with its heading.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Sequence

import pandas as pd

from . import report_diagnostics as sections
from .artifact import Artifact
from .backtest import Backtest
from .catalog.withdrawals import Withdrawal
from .clock import utc_now
from .data.frequency import label_of
from .diagnostics import Diagnostics
from .kinds import other_holdout_order
from .release import __version__
from .report_diagnostics import prose, table
from .report_forecast import forecast_section, irf_section, labels_of
from .scenario import Scenario
from .scores import METRIC_LABELS, score_notes
from .version_forecast import VersionForecast
from .wording import and_list, utc_time

# Printed, a grid's panels are inline blocks in a block: pages break between their lines, each panel whole at its
# size (a flex row at a page break was squashed into a sliver); its lead paragraph stays with the first row. A value
# never breaks, printed either (`<` over `0.0001`, `3,` over `567` read as two values; printable() splits tables by
# their values' widths), while the card's text breaks even inside a word (a link in the notes): a table wider than the
# paper makes the browser shrink every page. On screen a grid wider than the page scrolls sideways, as a wide table.
_STYLE = """
body{font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;margin:2rem auto;max-width:1100px;color:#222}
h1{font-size:1.6rem}h2{font-size:1.25rem;margin-top:2rem;border-bottom:1px solid #ddd}h3{font-size:1.05rem}
table{border-collapse:collapse;margin:.5rem 0;font-size:.85rem}th,td{border:1px solid #ddd;padding:3px 8px;
text-align:right}th{background:#f4f4f4}td:first-child,th:first-child{text-align:left}
.card td{text-align:left}.note{color:#555;font-size:.9rem}.bad{color:#a00}.good{color:#060}
.chosen{font-weight:bold;background:#e8f3ff}
svg.chart{display:block;margin:.5rem 0;font-size:11px}svg .title{font-weight:bold;font-size:12px}
svg .grid{stroke:#eee}svg .zero{stroke:#999}svg .ytick{text-anchor:end;fill:#555}
svg .xtick{text-anchor:middle;fill:#555}
div.grid{display:grid;gap:4px;overflow-x:auto}div.wide{overflow-x:auto}td{white-space:nowrap}
.card td{white-space:normal;overflow-wrap:anywhere}div.print{display:none}
nav.contents ol{columns:2;margin:.3rem 0}nav.contents li{margin:1px 0}nav.contents a{color:inherit}
.banner{border:1px solid #a00;background:#fff4f4;padding:.5rem .8rem}@page{margin:14mm}
@media print{body{margin:0;max-width:none}h2,h3{break-after:avoid}tr,svg,div.figure{break-inside:avoid}
div.wide{overflow:visible}div.screen{display:none}span.screen{display:none}div.print{display:block}
table{font-size:9pt}th,td{padding:2px 5px}
svg.chart{max-width:100%;height:auto}
div.grid{display:block!important;overflow:visible;orphans:1;widows:1}div.grid>svg.chart{display:inline-block;vertical-align:top;margin:2px}
p.keep{break-inside:avoid;break-after:avoid}}
"""


def render_report(
    artifact: Artifact,
    diagnostics: Diagnostics,
    figures: Iterable = (),
    backtest: Backtest | None = None,
    forecast: VersionForecast | None = None,
    orth: bool = True,
    fan: Sequence[float] = (),
    withdrawal: Withdrawal | None = None,
    scenario: Scenario | None = None,
    irf_shown: tuple[Sequence[str], Sequence[str]] = ((), ()),
    accumulated: bool = False,
    compare: str | None = None,
) -> str:
    """The whole report as one HTML string. `forecast`: shown after the card (chart and table), the baseline
    or a saved scenario's (`scenario`: its notes, who saved it and when), with a fan of the `fan` levels when
    given (else its own band); `orth`: which impulse responses to show; `figures`: (title, plotly figure) pairs,
    embedded in order at the end; `withdrawal`: the version's, said at the top; `irf_shown`: the impulses and the
    responses to draw (each empty for all); `accumulated`: the responses summed (a VAR of differences: the levels');
    `compare`: where the report's reader compares versions on the holdout, as the unit-root advice names it (None:
    the dashboard's Compare page; the CLI names its command)."""
    label = html.escape(artifact.label)
    withdrawn = "" if withdrawal is None else " (withdrawn)"  # in the title too, which heads every printed page
    parts = [
        f"<h1>{html.escape(artifact.kind_title)} model {label}{withdrawn}</h1>",
        f"<p class='note'>Generated {utc_time(utc_now())} by varlib {__version__}. All diagnostics refit the version's"
        f" spec on its stored training data; tests are on the model-space series"
        f" ({html.escape(diagnostics.to_dict()['model_space'])}).</p>",
    ]
    if withdrawal is not None:
        parts.append(
            f"<p class='banner bad'>{html.escape(withdrawal.describe())}. It is reported because it was named;"
            " <code>latest</code> and aliases never use it.</p>"
        )
    parts += _card(artifact)
    if forecast is not None:
        parts += forecast_section(artifact, forecast, table, fan, scenario)
    elif artifact.exog:
        parts.append(
            f"<p class='note'>No forecast section: {label} has exogenous variables"
            f" ({html.escape(', '.join(artifact.exog))}), whose future values a saved scenario holds; report one of"
            " its scenarios for a forecast.</p>"
        )
    if diagnostics.refit_note:  # the sections below describe the refit, not the stored coefficients
        parts.append(f"<p class='banner bad'>{html.escape(diagnostics.refit_note)}</p>")
    parts += sections.lag_order(diagnostics)
    if diagnostics.cointegration is not None:
        parts += sections.cointegration(diagnostics.cointegration)
    parts += sections.stability(diagnostics)
    parts += sections.residual_tests(diagnostics)
    parts += sections.integration(diagnostics, compare)
    parts += sections.granger(diagnostics)
    parts += sections.coefficients(diagnostics)
    parts += irf_section(diagnostics, orth, table, *irf_shown, accumulated=accumulated)
    parts += sections.fevd(diagnostics)
    if backtest is not None:
        parts += sections.backtest(backtest, artifact.data.exog)
    parts += _figures(figures)
    body = "\n".join(_contents(parts))
    return (
        f"<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'><title>{label} report{withdrawn}</title>"
        f"<style>{_STYLE}</style></head><body>{body}</body></html>"
    )


def _contents(parts: list[str]) -> list[str]:
    """`parts` with each section (an `<h2>` and what follows it) in a `<section>` of its own id, led by a list of
    links to them: a long report is read by section, and printed the list says what follows."""
    linked: list[str] = []
    entries: list[str] = []
    for part in parts:
        heading = re.fullmatch(r"<h2>(.*)</h2>", part, re.S)
        if heading:
            words = html.unescape(re.sub(r"<[^>]+>", "", heading[1])).lower()
            anchor = f"{len(entries) + 1}-{re.sub(r'[^a-z0-9]+', '-', words).strip('-')}".rstrip("-")
            linked += ["</section>"] * bool(entries) + [f"<section id='{anchor}'>"]
            entries.append(f"<li><a href='#{anchor}'>{heading[1]}</a></li>")
        linked.append(part)
    if not entries:
        return linked
    first = linked.index(next(p for p in linked if p.startswith("<section")))
    contents = f"<nav class='contents'><h2>Contents</h2><ol>{''.join(entries)}</ol></nav>"
    return [*linked[:first], contents, *linked[first:], "</section>"]


def _card(artifact: Artifact) -> list[str]:
    spec, data = artifact.spec, artifact.data
    first, last = labels_of([data.dates[0], data.dates[-1]], data.frequency)
    rows = {
        "created": utc_time(artifact.created_at),
        "author": artifact.author,
        **({"notes": artifact.notes} if artifact.notes else {}),  # an empty row read as notes lost
        "dataset": f"{data.name} ({data.sha256[:12]})",
        "variables": ", ".join(artifact.variables),
        **({"exogenous": ", ".join(artifact.exog)} if artifact.exog else {}),  # a VARX's, given for every period
        "sample": f"{first} to {last} ({len(data.values)} rows, {label_of(data.frequency) if data.frequency else 'no'}"
        " frequency)",
        "model": artifact.description,
        "lag order": f"{artifact.k_ar}, {'fixed' if artifact.lag_method == 'fixed' else 'by ' + artifact.lag_method}",
        "transform": spec.transform,
        "trend" if spec.deterministic is None else "deterministic": spec.deterministic_words,
        "lag inputs needed": artifact.lag_rows,
    }
    if artifact.provenance.get("read_as"):
        rows["data read as"] = ", ".join(map(str, artifact.provenance["read_as"]))
    preparation = artifact.provenance.get("preparation") or {}
    if preparation.get("method", "none") != "none":
        rows["missing data"] = preparation.get("summary", preparation["method"])
    checks = (artifact.adequacy or {}).get("checks") or []
    if checks:
        # a line each: run together, three verdicts read as one paragraph
        rows["checks at training time"] = "<br>".join(prose(f"{c['name']}: {c['verdict']}") for c in checks)
        failed = [c["name"] for c in checks if not c.get("ok", True)]
    for number, warning in enumerate(artifact.warnings, 1):
        rows[f"training warning {number}"] = warning
    said = {f"training warning {n}" for n in range(1, len(artifact.warnings) + 1)}
    # the library's words may mark code; a person's (notes, names) read as typed; the checks are HTML already
    shown = {
        k: v if k == "checks at training time" else prose(v) if k in said else html.escape(str(v))
        for k, v in rows.items()
    }
    card = pd.DataFrame({"value": shown})
    parts = ["<h2>Model card</h2>", table(card, escape=False, classes="card", header=False)]
    if checks and failed:
        parts.append(f"<p class='bad'>Failed at training time: {html.escape(and_list(failed))} (see the checks).</p>")
    evaluation = artifact.evaluation or {}
    if evaluation.get("metrics"):
        # RMSE, MAE and MAPE in their usual order (a stored version's keys are sorted)
        metrics = pd.DataFrame(evaluation["metrics"]).T
        metrics = metrics[[m for m in METRIC_LABELS if m in metrics.columns]]
        other = other_holdout_order(artifact.spec.kind, artifact.k_ar, evaluation.get("k_ar"))
        scored = f", scored with a {other}: the criterion's search on the rows before the holdout" if other else ""
        parts += [
            f"<h3>Holdout ({evaluation.get('rows')} rows{html.escape(scored)})</h3>",
            table(metrics.rename(columns=METRIC_LABELS)),
        ]
        parts += [
            f"<p>{html.escape(note)}</p>"
            for note in score_notes(metrics["mape"], artifact.spec.exog, artifact.data.exog)
        ]
    return parts


def _figures(figures: Iterable) -> list[str]:
    """The caller's plotly charts under one heading of their own, each titled one level below: a chart of a
    section above (Stability) must not read as a second section of that name. Print keeps a chart whole only when it
    fits a page (about 800 px tall and 600 wide, with its heading), so a taller grid comes in page-sized pieces."""
    parts, embedded = [], False
    for title, figure in figures:
        if not embedded:
            parts.append("<h2>Interactive charts</h2>")
        # plotly.js goes in once, inline, so the file opens offline; printed, a chart and its heading stay on one
        # page (its stacked SVGs are no single svg that the print style keeps whole)
        chart = figure.to_html(full_html=False, include_plotlyjs=not embedded, default_height="520px")
        parts.append(f"<div class='figure'><h3>{html.escape(title)}</h3>{chart}</div>")
        embedded = True
    return parts
