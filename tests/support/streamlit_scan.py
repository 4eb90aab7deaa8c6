"""One scan of the installed packages for Streamlit components per test process, instead of one per AppTest.

On its first run each AppTest builds a component manager that reads every installed distribution's metadata for
component manifests (`scan_component_manifests`, about half a second here); the suite's AppTests paid it once each, a
third to nearly half of an AppTest file's time. The installed packages do not change while the tests run, so the first
scan's answer serves every AppTest after it (each still registers the components in a manager of its own).

`streamlit.components.v2.manifest_scanner` is not part of Streamlit's documented API, so `check_version` stops the
run on another Streamlit version than the one this was written for, saying what to check.
"""

from __future__ import annotations

import functools
from importlib.metadata import version

WRITTEN_FOR = "1.67."  # the Streamlit minor version whose scanner (and AppTest's call of it) this was checked against
CHECK = (
    "check that AppTest still calls streamlit.components.v2.manifest_scanner.scan_component_manifests on its first"
    " run, without arguments, and only reads the list it answers"
)


def check_version(installed: str | None = None) -> None:
    """RuntimeError unless the installed Streamlit is the minor version this module was written for (read from the
    package's metadata: a run without an AppTest need not import Streamlit)."""
    installed = version("streamlit") if installed is None else installed
    if not installed.startswith(WRITTEN_FOR):
        raise RuntimeError(
            f"Streamlit {installed} is installed, but tests/support/streamlit_scan.py was written for {WRITTEN_FOR}x:"
            f" {CHECK}, then update WRITTEN_FOR"
        )


def scan_once() -> None:
    """Make Streamlit's component scan answer from its first result in this process; RuntimeError when the scanner
    is not where this version keeps it."""
    try:
        from streamlit.components.v2 import manifest_scanner

        scan = manifest_scanner.scan_component_manifests
    except (ImportError, AttributeError) as exc:
        raise RuntimeError(f"Streamlit has no component scanner where {WRITTEN_FOR}x has it ({exc}): {CHECK}") from exc
    if not hasattr(scan, "cache_info"):  # called twice, it keeps the first cache
        manifest_scanner.scan_component_manifests = functools.cache(scan)
