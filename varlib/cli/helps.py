"""Help texts several subcommands share, each written once so `--help` says the same thing everywhere."""

from __future__ import annotations

import argparse

from varlib import DEFAULT_ARCH_LAGS, DEFAULT_IRF_PERIODS, LEVEL_RANGE, MAX_STEPS

from .typed import whole

NAME_HELP = "model name (default: the store's only model)"
VERSION_HELP = "latest, a version such as 0.0.3 (or 0_0_3), or an alias such as @champion"
DEFAULT_STEPS, DEFAULT_LEVEL = 8, 95.0
LEVEL_HELP = f"forecast interval level in percent, {LEVEL_RANGE[0]:g} to {LEVEL_RANGE[1]:g} (default {DEFAULT_LEVEL:g})"
STEPS_HELP = f"periods ahead, 1 to {MAX_STEPS} (default {DEFAULT_STEPS})"
INTERVALS_HELP = "standard (coefficients known; the default) or corrected (adds estimation uncertainty)"
JSON_HELP = "print the result as JSON on stdout instead of text (notes and warnings go to stderr)"


def given(text: str) -> str:
    """An option's value, refused when blank: `--lags-csv "$LAGS"` with the variable unset would otherwise be
    taken as no option at all (a forecast from the training data, an unconditional one, every date trained on)
    or, for a path, as the current folder ("Is a directory")."""
    if not text.strip():
        raise argparse.ArgumentTypeError(
            f"{text!r} is empty: give a value (an unset shell variable gives an empty one)"
        )
    return text


def add_json(parser: argparse.ArgumentParser) -> None:
    """`--json`, with the one help text every command that takes it shows."""
    parser.add_argument("--json", action="store_true", help=JSON_HELP)


def add_test_options(parser: argparse.ArgumentParser) -> None:
    """The options of the tests `diagnose` and `report` both run, with the same help in both."""
    parser.add_argument(
        "--irf-periods",
        type=whole,
        default=DEFAULT_IRF_PERIODS,
        metavar="H",
        help=f"impulse-response horizon (default {DEFAULT_IRF_PERIODS})",
    )
    parser.add_argument("--whiteness-lags", type=whole, metavar="L", help="portmanteau lags (default max(10, p+1))")
    parser.add_argument(
        "--arch-lags",
        type=whole,
        metavar="L",
        help=f"ARCH-LM test lags (default {DEFAULT_ARCH_LAGS}, fewer when the residuals cannot hold them)",
    )
