"""The report's forecast table prints each variable's point forecast and bounds in one format, as the
Forecast page does (review: investment median 832.0, lower 762.8, upper 907 in one row), and the report
command prints the size in bytes of the file it wrote (review: it counted characters)."""

from __future__ import annotations

import re

import numpy as np

from studies.samples import lutkepohl_e1
from varlib import ModelSpec, column_format
from varlib.artifact import build_artifact
from varlib.diagnostics import diagnose
from varlib.number_format import shared_formats
from varlib.report import render_report
from varlib.service import forecast_artifact
from varlib.training import train


def _rows(page: str) -> tuple[list[str], list[list[str]]]:
    section = page[page.index("<h2>Forecast:") :]
    section = section[section.index("<table") : section.index("</table>")]
    header = re.findall(r"<th[^>]*>(.*?)</th>", section[: section.index("</thead>")], flags=re.S)
    body = section[section.index("<tbody>") :]
    rows = [re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", r, flags=re.S) for r in re.findall(r"<tr>(.*?)</tr>", body, re.S)]
    return header, rows


def test_a_variables_point_and_bounds_share_one_format_when_a_bound_crosses_a_power_of_ten():
    dataset = lutkepohl_e1()
    spec = ModelSpec(tuple(dataset.variables), transform="logdiff", lags=2)
    artifact = build_artifact(train(dataset, spec), "e1", "t")
    forecast = forecast_artifact(artifact, 12, 0.05)
    result = forecast.forecast
    mean, lower, upper = result.mean[:, 0], result.lower[:, 0], result.upper[:, 0]
    assert column_format(mean) != column_format(upper)  # the premise: the upper bound passes 1,000
    page = render_report(artifact, diagnose(artifact), forecast=forecast)
    header, rows = _rows(page)
    columns = ["invest median", "invest lower", "invest upper"]
    formats = shared_formats(dict(zip(columns, (mean, lower, upper), strict=True)), ["invest"])
    assert len(set(formats.values())) == 1
    for name, values in zip(columns, (mean, lower, upper), strict=True):
        assert [r[header.index(name)] for r in rows] == [formats[name] % v for v in values]
    decimals = {len(r[j].partition(".")[2]) for r in rows for j in (1, 2, 3)}
    assert len(decimals) == 1  # one number of decimals across the variable's columns
    np.testing.assert_allclose([float(r[3]) for r in rows], upper, rtol=1e-3)


def test_the_report_command_prints_the_bytes_it_wrote(tmp_path, monkeypatch, capsys):
    from varlib.cli import main

    monkeypatch.setenv("VARLIB_STORE_DIR", str(tmp_path))
    csv = tmp_path / "e1.csv"
    lutkepohl_e1().frame.rename_axis("date").to_csv(csv)
    assert main(["train", "--csv", str(csv), "--name", "de", "--transform", "logdiff", "--publish"]) == 0
    out = tmp_path / "de.html"
    capsys.readouterr()
    assert main(["report", "--name", "de", "--out", str(out)]) == 0
    page = out.read_text(encoding="utf-8")
    assert len(page.encode("utf-8")) != len(page)  # the premise: the page has characters of several bytes
    assert f"wrote {out} ({out.stat().st_size:,} bytes)" in capsys.readouterr().out


def test_the_forecast_charts_write_numbers_as_the_dashboards_do(macro_result):
    """The report's axes read `11000 12000` where the dashboard's read `11,000`, and one point hovered twice
    (`history 2009Q3: 12990`, `mean 2009Q3: 12990.3 (last observation)`) in two precisions."""
    artifact = build_artifact(macro_result, "var", "t")
    page = render_report(artifact, diagnose(artifact), forecast=forecast_artifact(artifact, 4, 0.05))
    ticks = re.findall(r"class='ytick'>([^<]*)<", page)
    assert any("," in tick for tick in ticks) and not any(re.fullmatch(r"\d{5,}", tick) for tick in ticks), ticks
    last = {name: value for name, value in re.findall(r"<title>(history|mean) 2009Q3: ([^ <]+)", page)}
    assert last["history"] == last["mean"] and re.fullmatch(r"\d{1,2},\d{3}(\.\d+)?", last["mean"]), last
