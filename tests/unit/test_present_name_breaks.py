"""A model name in a chart's subtitle (up to 63 letters, digits, `-` and `_`) too long for its line breaks after
one of its own hyphens or underscores: cut inside a part, with a hyphen added, a grid's subtitle read
`...-consumption-and-o-` over `utput-model...`, as if the name held `o-utput`."""

from __future__ import annotations

import re

import pytest

from ui.chart_look import Look
from ui.plot_text import fitted

WORDS = {"0.0.1", "·", "median", "in", "levels", "with", "95%", "standard", "interval"}  # the subtitle's own
NAMES = [
    "quarterly-us-macro-consumption-and-output-model-alpha-one",
    "quarterly_us_macro_consumption_and_output_model_alpha_one",
    "a-" + "b" * 25 + "-" + "c" * 30,  # 59 characters, a hyphen early
]


@pytest.mark.parametrize("name", NAMES)
@pytest.mark.parametrize(("present", "grid"), [(False, False), (True, False), (True, True)])
def test_a_long_model_name_breaks_between_its_parts(name, present, grid):
    look = Look(subtitle=f"{name} 0.0.1 · median in levels with 95% standard interval", present=present, grid=grid)
    lines = look.layout("realgdp", "realgdp", "date", 500)["title"]["subtitle"]["text"].split("<br>")
    parts = set(re.split(r"[-_ ]", name))
    for line, after in zip(lines, lines[1:], strict=False):
        if name.startswith(line.split(" ")[0]) and not line.endswith(name):  # a line ending inside the name
            assert line[-1] in "-_", lines
        for piece in filter(None, re.split(r"[-_ ]+", f"{line} {after}")):
            assert piece in parts or piece in WORDS, lines
    assert "".join(lines).replace(" ", "") == look.subtitle.replace(" ", ""), lines  # nothing added, nothing lost


def test_a_word_without_a_hyphen_is_still_cut_with_one():
    assert fitted("Verbraucherpreisindex", 12, 3) == "Verbraucher-<br>preisindex"


def test_a_joint_early_in_a_line_does_not_cost_a_name_its_end():
    """Broken after `d_`, the rest took two lines more and a title of two lines lost its end (`d_<br>Verbraucher…`);
    cut inside, it reads whole in two."""
    assert fitted("d_Verbraucherpreisindex", 12, 2) == "d_Verbrauch-<br>erpreisindex"
