"""Another process that publishes one version, for the `latest` freshness check.

Usage: python -m bench.publisher ARTIFACT_JSON  (store from the environment, like the CLI);
prints the published version.
"""

from __future__ import annotations

import sys
from dataclasses import replace
from pathlib import Path

from varlib import Registry
from varlib.artifact import decode


def main(argv: list[str]) -> int:
    artifact = decode(Path(argv[0]).read_bytes())
    published = Registry.from_settings().publish(replace(artifact, version=None, notes="freshness check"))
    print(published.version)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
