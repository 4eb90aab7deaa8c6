"""`python -m varlib ...` runs the CLI."""

from .cli import main

raise SystemExit(main())
