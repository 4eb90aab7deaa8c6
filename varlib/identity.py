"""Who did something and from where: the actor recorded by publishes, alias moves and withdrawals."""

from __future__ import annotations

import functools
import getpass
import platform
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from .plain_text import escape_controls, is_control

CELL_ID = 12  # characters of an opaque subject a table cell shows: beside the `id `, as wide as a short name


@dataclass(frozen=True)
class Actor:
    """An identity: the display name and subject of a signed-in user (with the issuer that vouched for
    them), or the local account when nobody signs in; `via` and `origin` say where the request came from."""

    name: str
    subject: str
    issuer: str = ""  # empty for a local identity (nothing was verified)
    via: str = "library"
    origin: str = ""  # a client address or a host name

    @classmethod
    def local(cls, author: str, via: str = "library") -> Actor:
        """The person at this machine: the configured author (VARLIB_AUTHOR or the login name)."""
        return cls(name=author, subject=f"local:{login_name()}", via=via, origin=_host_name())

    @classmethod
    def from_claims(cls, claims: Mapping[str, Any], via: str, origin: str = "") -> Actor:
        """The identity an OpenID Connect provider vouched for (verified ID-token or access-token claims). Its
        name is the first of `name`, `preferred_username` and `email` without a control character (a newline in
        a name would fake a line of the audit trail, as VARLIB_AUTHOR's would; varlib.config refuses that one),
        else the subject, escaped."""

        subject = str(claims.get("sub") or "")
        names = (str(claims[key]) for key in ("name", "preferred_username", "email") if claims.get(key))
        name = next((text for text in names if not any(is_control(char) for char in text)), escape_controls(subject))
        return cls(name=name, subject=subject, issuer=str(claims.get("iss") or ""), via=via, origin=origin)

    @property
    def signed_in(self) -> bool:
        return bool(self.issuer)

    def to_dict(self) -> dict[str, str]:
        return {
            "name": self.name,
            "subject": self.subject,
            "issuer": self.issuer,
            "via": self.via,
            "origin": self.origin,
        }

    @classmethod
    def from_dict(cls, raw: Mapping[str, Any]) -> Actor:
        return cls(**{key: str(raw.get(key) or "") for key in ("name", "subject", "issuer", "via", "origin")})

    @property
    def named(self) -> bool:
        """Whether the record has a name (or email) of its own: a token without a name claim left only the
        provider's opaque subject in its place (`from_claims`)."""
        return bool(self.name) and self.name not in (self.subject, escape_controls(self.subject))

    def known_as(self) -> str:
        """Who it was, for a notice a person reads: the name (or email) when the record has one, else the provider's
        opaque subject, said to be an id."""
        if self.named:
            return self.name
        if self.subject:
            return f"an account known only by its id {escape_controls(self.subject)}"
        return self.name or "unknown"

    def in_a_cell(self) -> str:
        """Who it was, for a table cell: the name when the record has one, else `id CiQwOGE4Njg…`, the subject said to
        be an id and cut to CELL_ID characters (whole in the History's `subject` column and `varlib history`)."""
        if self.named or not self.subject:  # no one at all (a damaged alias's row): an empty cell, not "unknown"
            return self.name
        subject = escape_controls(self.subject)
        return f"id {subject if len(subject) <= CELL_ID else subject[: CELL_ID - 1] + '…'}"

    def describe(self) -> str:
        """`Alice Admin (CiQ...)` for the audit trail: the name, and the provider's subject, which tells two people of
        one name apart (a notice names the person alone: `known_as`)."""
        return f"{self.name} ({self.subject})" if self.subject and self.subject != self.name else self.name


@functools.cache
def login_name() -> str:
    """The account this process runs as. Looked up once: it cannot change while the process runs, and
    without USER or LOGNAME set the lookup reads the system's user database on every call (the dashboard
    reads its settings several times per rerun)."""
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no passwd entry in some containers
        return "unknown"


def _host_name() -> str:
    return platform.node()
