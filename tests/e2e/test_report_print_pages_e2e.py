"""The HTML report as Chromium prints it, for six variables of long names (63 characters are allowed): the residuals
and autocorrelation grids (1,140 and 1,380 px tall) broke across pages, and their panel titles ran into each other,
in the report and on the Diagnostics page. The report is a file: no dashboard server is needed.

Measured in print media at a page's printable size: Letter between margins of 2.5 cm (600 x 867 px at 96 an inch)
is the smallest of A4 and Letter."""

from __future__ import annotations

import pytest

from ui.diagnostics_figures import acorr_figure
from ui.diagnostics_report import report_figures
from varlib import ModelSpec, diagnose, load_dataset, render_report, train_model
from varlib.artifact import build_artifact

pytestmark = [pytest.mark.e2e]

SIX = ("realgdp", "realcons", "realinv", "realgovt", "realdpi", "unemp")
TAIL = " seasonally adjusted annual rate in chained 2012 dollars index of the quarter"
LONG = tuple(f"{name}{TAIL}"[:63] for name in SIX[:3]) + tuple(f"{name}_{'x' * 60}"[:63] for name in SIX[3:])
PRINTABLE = {"width": 600, "height": 867}  # px

# each plotly chart: the height of the nearest box print keeps on one page, and that box's heading
KEPT = """() => [...document.querySelectorAll('.js-plotly-plot')].map(chart => {
  let box = chart;
  while (box && getComputedStyle(box).breakInside !== 'avoid') box = box.parentElement;
  const heading = box && box.querySelector('h3');
  return [heading ? heading.textContent : null, box ? box.getBoundingClientRect().height : Infinity]; })"""
# each chart's pairs of panel titles (plotly's annotations) whose drawn boxes overlap
OVERLAPS = """() => [...document.querySelectorAll('.js-plotly-plot')].flatMap(chart => {
  const boxes = [...chart.querySelectorAll('g.annotation')].map(a => [a.textContent, a.getBoundingClientRect()]);
  return boxes.flatMap(([one, a], i) => boxes.slice(i + 1)
    .filter(([, b]) => a.left < b.right - 0.5 && b.left < a.right - 0.5
      && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5)
    .map(([other]) => [one, other])); })"""

# panel titles a chart's legend covers (the variance decomposition's legend of six long shocks took more rows on
# paper than the room left for it, and covered three titles)
UNDER_LEGEND = """() => [...document.querySelectorAll('.js-plotly-plot')].flatMap(chart => {
  const legend = chart.querySelector('g.legend');
  if (!legend) return [];
  const l = legend.getBoundingClientRect();
  return [...chart.querySelectorAll('g.annotation')].filter(note => { const b = note.getBoundingClientRect();
    return l.left < b.right - 0.5 && b.left < l.right - 0.5 && l.top < b.bottom - 0.5 && b.top < l.bottom - 0.5; })
    .map(note => note.textContent); })"""


@pytest.fixture(scope="module")
def artifact():
    frame = load_dataset(variables=list(SIX)).frame.rename(columns=dict(zip(SIX, LONG, strict=True)))
    model = train_model(load_dataset(frame, variables=list(LONG)), ModelSpec(LONG, transform="logdiff"))
    return build_artifact(model, "six", "t")


@pytest.fixture(scope="module")
def diag(artifact):
    return diagnose(artifact, irf_periods=6)


@pytest.fixture(scope="module")
def report(tmp_path_factory, artifact, diag):
    path = tmp_path_factory.mktemp("report") / "six.html"
    path.write_text(render_report(artifact, diag, report_figures(diag, "QS-OCT")), encoding="utf-8")
    return path


def _opened(chromium, url: str, width: int):
    context = chromium.new_context(viewport={"width": width, "height": 900}, offline=True)
    page = context.new_page()
    page.goto(url)
    page.wait_for_selector(".js-plotly-plot .main-svg")
    return context, page


def test_printed_every_chart_is_whole_on_a_page_with_its_heading_and_no_panel_titles_overlap(chromium, report):
    context, page = _opened(chromium, report.as_uri(), PRINTABLE["width"])
    try:
        page.emulate_media(media="print")
        page.wait_for_timeout(300)
        kept = page.evaluate(KEPT)
        tall = [(heading, round(height)) for heading, height in kept if height > PRINTABLE["height"]]
        assert tall == []
        assert page.evaluate(OVERLAPS) == []
        assert page.evaluate(UNDER_LEGEND) == []
        headings = [heading for heading, _ in kept]  # each chart with a heading of its own
        assert None not in headings and len(set(headings)) == len(headings), headings
        assert [h for h in headings if h.startswith("Residuals")] == [
            "Residuals (variables 1–3 of 6)",
            "Residuals (variables 4–6 of 6)",
        ]
        assert sum(h.startswith("Residual autocorrelations (") for h in headings) == 4  # 3 rows x 3 columns each
    finally:
        context.close()


def test_the_pages_autocorrelation_grid_has_no_overlapping_titles_and_hovers_with_the_whole_names(
    chromium, diag, tmp_path
):
    fig = acorr_figure(diag)
    path = tmp_path / "acorr.html"
    path.write_text(fig.to_html(include_plotlyjs=True), encoding="utf-8")
    context, page = _opened(chromium, path.as_uri(), 980 + 16)  # the narrowest a page's chart is drawn (980 px)
    try:
        assert page.evaluate(OVERLAPS) == []
    finally:
        context.close()
    hovers = [note.hovertext for note in fig.layout.annotations]
    assert hovers[1] == f"{LONG[0]} ← {LONG[1]}" and hovers[0] == LONG[0]  # the whole names, as typed
    assert all(len(note.text) < len(hover) for note, hover in zip(fig.layout.annotations, hovers, strict=True))


# the impulse-response grid's panels as print lays them out on pages: the body in columns of a printable page's
# size, which Chromium fragments as it does pages (a flex row that met a page's end was squashed into a sliver a
# few pixels high); and what keeps the grid's heading and lead paragraph with its first row
PAGED = f"""() => {{
  const heading = [...document.querySelectorAll('h2')].find(h => h.textContent.includes('impulse responses'));
  const kept = [heading, heading.nextElementSibling].map(e => getComputedStyle(e))
    .map(style => [style.breakInside, style.breakAfter]);
  document.body.style.cssText += ';margin:0;max-width:none;column-width:{PRINTABLE["width"]}px;'
    + 'column-gap:0;column-fill:auto;height:{PRINTABLE["height"]}px';
  return {{heights: [...document.querySelectorAll('div.grid > svg')].map(s => s.getBoundingClientRect().height),
    kept: kept, next: heading.nextElementSibling.nextElementSibling.className}}; }}"""


def test_printed_every_impulse_response_panel_is_whole_at_its_size_and_the_heading_keeps_its_first_row(
    chromium, report
):
    context, page = _opened(chromium, report.as_uri(), PRINTABLE["width"])
    try:
        screen = page.evaluate(
            "() => [...document.querySelectorAll('div.grid > svg')].map(s => s.getAttribute('height'))"
        )
        page.emulate_media(media="print")
        paged = page.evaluate(PAGED)
    finally:
        context.close()
    assert len(screen) == 36 and set(screen) == {"170"}
    squashed = [(n, round(height)) for n, height in enumerate(paged["heights"]) if round(height) != 170]
    assert squashed == []  # each panel whole, at its size, on one page
    # the heading stays with its lead paragraph, kept whole and with the grid's first row (a PDF of the report
    # shows them so on A4 and Letter; columns do not honour `avoid` as pages do, so the styles are what is read)
    assert paged["next"] == "grid" and paged["kept"][0][1] == "avoid" and paged["kept"][1] == ["avoid", "avoid"]


# pairs of the Granger heatmap's axis ticks whose drawn boxes touch or overlap (3 px apart at least)
TICKS_APART = """() => { const chart = [...document.querySelectorAll('div.figure')]
    .find(f => f.querySelector('h3').textContent === 'Granger causality');
  const boxes = [...chart.querySelectorAll('g.xtick text, g.ytick text')]
    .map(t => [t.closest('g').getAttribute('class'), t.textContent, t.getBoundingClientRect()]);
  return boxes.flatMap(([kind, one, a], i) => boxes.slice(i + 1)
    .filter(([other, , b]) => other === kind && a.left < b.right + 3 && b.left < a.right + 3
      && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5).map(([, two]) => [one, two])); }"""


def test_the_granger_heatmaps_ticks_of_six_long_names_never_touch_on_paper(chromium, report):
    context, page = _opened(chromium, report.as_uri(), PRINTABLE["width"])
    try:
        page.emulate_media(media="print")
        page.wait_for_timeout(300)
        assert page.evaluate(TICKS_APART) == []
    finally:
        context.close()


def test_on_a_wide_screen_the_six_by_six_response_grid_scrolls_in_its_box_not_the_page(chromium, report):
    """Six panels of 250 px are wider than the page's 1,100 px: the whole page scrolled sideways at 1,440 px."""
    context, page = _opened(chromium, report.as_uri(), 1440)
    try:
        assert page.evaluate("() => document.documentElement.scrollWidth") <= 1440
        grid = page.evaluate(
            "() => { const g = document.querySelector('div.grid'); return [g.scrollWidth, g.clientWidth]; }"
        )
        assert grid[0] > grid[1]  # the panels are all there, a scroll away
    finally:
        context.close()
