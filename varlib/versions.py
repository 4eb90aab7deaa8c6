"""Model names and semantic versions: strict parsing, numeric order, and the `M_m_p` key form."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass

from .errors import InvalidInputError
from .wording import shortened

# Lower-case names only, so a bucket copied between case-sensitive and case-insensitive
# file systems cannot merge two models.
NAME_PATTERN = re.compile(r"^[a-z0-9][a-z0-9_-]{0,62}$")
_NUMBER = "(0|[1-9][0-9]{0,5})"
# As text too, for the REST service's OpenAPI document: `0.0.3` or `0_0_3`, `latest`, and an alias
# such as `@champion` (a named pointer of one model, varlib.catalog.aliases).
PINNED_PATTERN = rf"{_NUMBER}\.{_NUMBER}\.{_NUMBER}|{_NUMBER}_{_NUMBER}_{_NUMBER}"
# Alias names: a lower-case letter first, then letters, digits, '-' or '_' (so never a version and, being
# checked apart from `latest`, never `latest` either: that name is refused).
ALIAS_PATTERN = re.compile(r"^[a-z][a-z0-9_-]{0,39}$")
_ALIAS_TEXT = ALIAS_PATTERN.pattern.strip("^$")
VERSION_PATTERN = rf"^(latest|{PINNED_PATTERN}|@{_ALIAS_TEXT})$"
_VERSION_PATTERN = re.compile(rf"^{_NUMBER}([._]){_NUMBER}\2{_NUMBER}$")
KEY_VERSION_PATTERN = re.compile(rf"^{_NUMBER}_{_NUMBER}_{_NUMBER}$")
BUMPS = ("patch", "minor", "major")
LATEST = "latest"


@dataclass(frozen=True, order=True, slots=True)
class Version:
    """A published version; orders numerically, so 0.0.10 comes after 0.0.9."""

    major: int
    minor: int
    patch: int

    def __str__(self) -> str:
        return f"{self.major}.{self.minor}.{self.patch}"

    @property
    def key(self) -> str:
        """The folder name in the store, e.g. `0_0_3`."""
        return f"{self.major}_{self.minor}_{self.patch}"

    def bump(self, part: str) -> Version:
        """The next version after this one for a `patch`, `minor` or `major` bump."""
        if part == "patch":
            return Version(self.major, self.minor, self.patch + 1)
        if part == "minor":
            return Version(self.major, self.minor + 1, 0)
        if part == "major":
            return Version(self.major + 1, 0, 0)
        raise InvalidInputError(f"bump {part!r} is not one of {', '.join(BUMPS)}")


ZERO = Version(0, 0, 0)


def is_latest(text: object) -> bool:
    """True for `latest` (surrounding spaces ignored), in lower case as every address and command writes it: the
    REST paths and the CLI refuse `LATEST`, so an alias move or a library call must not take it either."""
    return str(text).strip() == LATEST


def is_alias(text: object) -> bool:
    """True for an alias reference such as `@champion` (the name itself is checked by `check_alias`)."""
    return str(text).strip().startswith("@")


def check_alias(alias: str) -> str:
    """Return the alias name (a leading `@` dropped) if it is valid, else raise with the rule."""
    name = str(alias).strip().removeprefix("@")
    if not ALIAS_PATTERN.fullmatch(name) or name == LATEST:
        raise InvalidInputError(
            f"alias {_shown(alias)} is not valid: use 1-40 lower-case letters, digits, '-' or '_', starting with a"
            " letter (for example 'champion'), and not 'latest'",
            field="alias",
            value=alias,
        )
    return name


def parse_version(text: str) -> Version:
    """Parse `0.0.3` or `0_0_3` (not `latest`; see `registry.resolve`)."""
    match = _VERSION_PATTERN.fullmatch(str(text).strip())
    if not match:
        raise InvalidInputError(
            f"version {_shown(text)} is not valid: use M.m.p such as 0.0.3 (or 0_0_3), 'latest', or an alias such as"
            " @champion"
        )
    return Version(int(match.group(1)), int(match.group(3)), int(match.group(4)))


def parse_key_version(folder: str) -> Version | None:
    """The version a store folder stands for, or None when the folder is outside the pattern."""
    match = KEY_VERSION_PATTERN.fullmatch(folder)
    if not match:
        return None
    return Version(*(int(part) for part in match.groups()))


def _shown(value: object) -> str:
    """A refused name or version as a message quotes it: a path of 5,000 characters is not echoed whole."""
    return repr(shortened(value, 60)) if isinstance(value, str) else repr(value)


def check_name(name: str) -> str:
    """Return `name` if it is a valid model name, else raise with the rule."""
    return check_key_name(name, "model name", "var")


def check_key_name(name: object, what: str, example: str, field: str | None = None) -> str:
    """`name` if it fits NAME_PATTERN, the one rule of the names that go into store keys and links (a model's,
    a scenario's), else InvalidInputError naming it as `what` with the rule. Blanks around a name are refused,
    not trimmed: the rule has none, and a caller that checks without using the answer must not go on with them."""
    if isinstance(name, str) and NAME_PATTERN.fullmatch(name):
        return name
    if isinstance(name, str) and NAME_PATTERN.fullmatch(name.strip()):
        rule = f"it has blank characters around it; use {_shown(name.strip())}"
    else:
        rule = (
            "use 1-63 lower-case letters, digits, '-' or '_', starting with a letter or digit"
            f" (for example {example!r})"
        )
    raise InvalidInputError(f"{what} {_shown(name)} is not valid: {rule}", field=field, value=name if field else None)


# Latin letters NFKD leaves whole (ø is no o with a mark to drop), so `Øresund.csv` is `oresund`, not `resund-...`
_LATIN = str.maketrans({"ø": "o", "ł": "l", "đ": "d", "ð": "d", "þ": "th", "æ": "ae", "œ": "oe", "ı": "i", "ħ": "h"})
_EXTENSION = r"\.(csv|txt|tsv)$"


def name_from(text: str) -> str:
    """A valid model name made from a dataset or file name: `GDP Quarterly.csv` -> `gdp-quarterly`,
    `Café Über.csv` -> `cafe-uber` (accents dropped, ß as ss), so a letter is not lost with its accent. A name
    with letters or digits a model name cannot hold (`日本.csv`, `ВВП 2020.csv`), or none (`---.csv`), ends in 8
    hex digits of the name instead (`data-cf2abf0c`, `2020-d8a25b93`): stable for one file name, as the default
    name must be, where one fallback name would make unrelated datasets versions of one model."""
    # NFKD splits é into e and a combining accent (and ligatures such as ﬁ into fi); casefold makes ß ss
    decomposed = unicodedata.normalize("NFKD", str(text).strip())
    plain = "".join(char for char in decomposed if not unicodedata.combining(char)).casefold().translate(_LATIN)
    stem = re.sub(_EXTENSION, "", plain, flags=re.IGNORECASE)
    slug = re.sub(r"[^a-z0-9_-]+", "-", stem).strip("-_")[:63].strip("-_")
    if slug and not any(char.isalnum() and not re.fullmatch("[a-z0-9]", char) for char in stem):
        return slug
    # of the name as written (NFC: macOS stores file names decomposed), so й and и stay apart
    written = re.sub(_EXTENSION, "", unicodedata.normalize("NFC", str(text).strip()).casefold(), flags=re.IGNORECASE)
    tag = hashlib.sha256(written.encode()).hexdigest()[:8]
    return f"{slug[:54].strip('-_')}-{tag}" if slug else f"data-{tag}"
