"""Help texts several subcommands share, each written once so `--help` says the same thing everywhere."""

from __future__ import annotations

import argparse

NAME_HELP = "model name (default: the store's only model)"
VERSION_HELP = "latest, a version such as 0.0.3 (or 0_0_3), or an alias such as @champion"
JSON_HELP = "print the result as JSON on stdout instead of text (notes and warnings go to stderr)"


def add_json(parser: argparse.ArgumentParser) -> None:
    """`--json`, with the one help text every command that takes it shows."""
    parser.add_argument("--json", action="store_true", help=JSON_HELP)
