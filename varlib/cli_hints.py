"""The CLI commands the library's messages name as the next step (`varlib list --name var` shows the versions),
recognised in one place: the dashboard says each as its own control (ui.errors), the REST service as its endpoint
(varlib.api.handlers), and neither keeps a copy of the patterns that find them.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

# Each hint by the word a front names it with; `name` (and `alias`) are the model's and the alias's names.
CLI_HINTS: dict[str, re.Pattern[str]] = {
    # a version that does not exist, or a model whose versions are looked for
    "list versions": re.compile(
        r"`varlib list --name (?P<name>\S+?)` (?:shows|lists) (?:the versions(?: of '[^']*')?|what the model has)"
    ),
    "look with list": re.compile(r"look with `varlib list --name (?P<name>\S+?)`"),  # a write that went unanswered
    "alias list": re.compile(r"`varlib alias list --name (?P<name>\S+?)` lists them"),
    "alias set": re.compile(r"`varlib alias set (?P<alias>\S+?) VERSION --name (?P<name>\S+?)`"),
    "history": re.compile(r"`varlib history --name (?P<name>\S+?)` shows"),
    "train publish": re.compile(r" with `varlib train --name (?P<name>\S+?) --publish`"),
    "exog csv": re.compile(r" \(--exog-csv, REST `exog`\)"),
    "reindex removal": re.compile(r"`varlib reindex --name (?P<name>\S+?)` records its removal"),  # one deleted by hand
}


def cli_hints_said(message: str, words: Mapping[str, str]) -> str:
    """`message` with each CLI hint that `words` names (a key of CLI_HINTS) said in its words, in their order: a
    `re.sub` template, so `\\g<name>` is the model's name the hint named."""
    for hint, said in words.items():
        message = CLI_HINTS[hint].sub(said, message)
    return message
