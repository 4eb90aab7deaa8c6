"""The release of the library: the one place for its version (pyproject.toml reads it from here)."""

__version__ = "0.1.0"
