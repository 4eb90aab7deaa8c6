"""The columns of the tables on a page as Chromium draws them: the grid is a canvas, so each column's width is read
from the lines drawn between the columns, and its texts' widths are measured in the grid's own fonts."""

from __future__ import annotations

from tests.support.browser import read_when

# Per visible table: each column's header, width (px, from the lines the grid draws between the columns across its
# header) and the widths its header and its cells on screen take in the grid's own fonts
GRID_COLUMNS = """() => [...document.querySelectorAll('[data-testid="stDataFrame"]')].filter(t => t.offsetParent)
  .map(t => {
    const canvas = t.querySelector('canvas[data-testid="data-grid-canvas"]'), style = getComputedStyle(canvas);
    const ratio = canvas.width / canvas.getBoundingClientRect().width;
    const row = canvas.getContext('2d').getImageData(0, Math.round(4 * ratio), canvas.width, 1).data;
    const colour = x => row.slice(4 * x, 4 * x + 3).join(), edges = [0];
    for (let x = 1; x < canvas.width; x++) {
      if (colour(x) !== colour(1) && colour(x - 1) === colour(1)) edges.push(x / ratio);
    }
    edges.push(canvas.width / ratio);
    const measure = document.createElement('canvas').getContext('2d');
    const px = (text, part) => {
      measure.font = `${style.getPropertyValue(part)} ${style.getPropertyValue('--gdg-font-family')}`;
      return measure.measureText(text).width;
    };
    return [...t.querySelectorAll('canvas thead th')].map((th, i) => ({
      header: th.textContent,
      width: edges[i + 1] - edges[i],
      header_px: px(th.textContent, '--gdg-header-font-style'),
      cells_px: [...t.querySelectorAll(`[data-testid^="glide-cell-${i}-"]`)]
        .map(cell => px(cell.textContent, '--gdg-base-font-style')),
    }));
  })"""
CELL_PADDING = 16  # the grid's 8 px on each side of a cell's text
DRAWN = "(tables, count) => tables.length === count && tables.every(t => t.length && t.every(c => c.width > 0))"


def grid_columns(page, tables: int) -> list[list[dict]]:
    """Per visible table (`tables` of them, waited for: a grid is drawn a frame or more after the run that sent it),
    its columns as GRID_COLUMNS reads them."""
    return read_when(page, GRID_COLUMNS, DRAWN, tables)


def cut_columns(page, tables: int) -> list[dict[str, list[str]]]:
    """Per visible table, the columns whose header, and those whose text in a cell on screen, is wider than the
    column leaves it (cut at its edge): {"headers": [...], "cells": [...]}."""
    return [
        {
            "headers": [c["header"] for c in columns if c["header_px"] + CELL_PADDING > c["width"] + 1],
            "cells": [c["header"] for c in columns if max(c["cells_px"], default=0) + CELL_PADDING > c["width"] + 1],
        }
        for columns in grid_columns(page, tables)
    ]
