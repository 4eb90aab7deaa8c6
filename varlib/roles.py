"""Roles from an identity provider's claims: `viewer` < `publisher` < `admin`, one rule for every edge.

Viewers see everything; publishers also publish and save scenarios (a write to the shared store that
everyone's Forecast page lists, so it is guarded like publishing); admins also move aliases, withdraw
versions and delete saved scenarios.
Which groups make which role is configuration (`VARLIB_ROLES_CLAIM`, default `groups`, and
`VARLIB_ADMIN_GROUPS`, `VARLIB_PUBLISHER_GROUPS`, `VARLIB_VIEWER_GROUPS`, comma-separated); an
empty viewer list makes every signed-in user a viewer, while an admin or publisher variable set to no group
is refused (nobody could get that role). The dashboard and the REST service use the same `RolePolicy`,
so a group means the same in both.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from .config import given
from .errors import AccessDeniedError, InvalidInputError
from .wording import and_list

VIEWER, PUBLISHER, ADMIN = "viewer", "publisher", "admin"
ROLES = (VIEWER, PUBLISHER, ADMIN)  # each includes the ones before it
ACTIONS = {
    "read": VIEWER,
    "publish": PUBLISHER,
    "scenario": PUBLISHER,
    "alias": ADMIN,
    "withdraw": ADMIN,
    "scenario.delete": ADMIN,  # it can break links others shared (`scenario=` in a Forecast link)
}
# What each action is called in a refusal, by the REST service and the dashboard alike (`needs`)
ACTION_WORDS = {
    "read": "reading",
    "publish": "publishing",
    "scenario": "saving a scenario",
    "alias": "moving or deleting an alias",
    "withdraw": "withdrawing a version",
    "scenario.delete": "deleting a scenario",
}


@dataclass(frozen=True)
class RolePolicy:
    """Which claim carries groups, and which groups make each role."""

    claim: str = "groups"
    admin_groups: frozenset[str] = frozenset({"varlib-admins"})
    publisher_groups: frozenset[str] = frozenset({"varlib-publishers"})
    viewer_groups: frozenset[str] = frozenset()  # empty: any signed-in user

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> RolePolicy:
        env = os.environ if env is None else env
        default = cls()
        return cls(
            claim=(given(env, "VARLIB_ROLES_CLAIM", "a claim's name", default.claim) or default.claim).strip(),
            admin_groups=_groups(env, "VARLIB_ADMIN_GROUPS", default.admin_groups, ADMIN),
            publisher_groups=_groups(env, "VARLIB_PUBLISHER_GROUPS", default.publisher_groups, PUBLISHER),
            viewer_groups=_groups(env, "VARLIB_VIEWER_GROUPS", default.viewer_groups),
        )

    def how_to_get(
        self, role: str, who: str = "you", claims: Mapping[str, Any] | None = None, signed_in_by: str = ""
    ) -> str:
        """The next step for someone who lacks `role`: the groups that grant it (any signed-in user is a viewer when
        no viewer group is set); when their token's `claims` carry no groups at all, a token that does may be enough.
        `signed_in_by` names the sign-in that asks the provider for the claims (`the dashboard`: its scope is its
        configuration, not the user's to change); empty for a bearer token, which its holder asks for."""
        groups = {ADMIN: self.admin_groups, PUBLISHER: self.publisher_groups, VIEWER: self.viewer_groups}[role]
        if role == VIEWER and not groups:
            return "signing in grants it"
        named = " or ".join(f"`{g}`" for g in sorted(groups))
        ask = f"ask an administrator of the identity provider to add {who} to the group {named}"
        if claims is not None and self.claim not in claims:  # no group at all, or a token asked for without them
            get = f'get a token that asks for the `{self.claim}` scope (scope="openid profile email {self.claim}")'
            if signed_in_by:  # a group the user is in would not help: the sign-in must ask for it (or be given it)
                get = (
                    f"{signed_in_by} must ask the provider for the `{self.claim}` scope (`VARLIB_OIDC_SCOPE`), or the"
                    f" provider put the claim in its ID token: tell whoever runs {signed_in_by}"
                )
            return (
                f"the {'sign-in' if signed_in_by else 'token'} carries no `{self.claim}` claim: if"
                f" {'you are' if who == 'you' else 'they are'} in {named} already, {get}; otherwise {ask}"
            )
        return ask

    def role_of(self, claims: Mapping[str, Any]) -> str | None:
        """The highest role the claims grant, or None (signed in, but no role here)."""
        groups = set(_claim_values(claims.get(self.claim)))
        if groups & self.admin_groups:
            return ADMIN
        if groups & self.publisher_groups:
            return PUBLISHER
        if not self.viewer_groups or groups & self.viewer_groups:
            return VIEWER
        return None


def needs(*actions: str) -> str:
    """The rule `actions` (all of one role) follow, as every refusal of them says it, the REST service's and the
    dashboard's: `saving a scenario needs the publisher role`, `moving or deleting an alias and withdrawing a
    version need the admin role`."""
    (role,) = {ACTIONS[action] for action in actions}
    return f"{and_list(ACTION_WORDS[a] for a in actions)} {'needs' if len(actions) == 1 else 'need'} the {role} role"


def allows(role: str | None, action: str) -> bool:
    """Whether `role` may do `action` (`read`, `publish`, `scenario`, `alias`, `withdraw`, `scenario.delete`)."""
    needed = ACTIONS[action]
    return role is not None and ROLES.index(role) >= ROLES.index(needed)


def require(
    role: str | None,
    action: str,
    who: str = "you",
    policy: RolePolicy | None = None,
    claims: Mapping[str, Any] | None = None,
) -> None:
    """AccessDeniedError unless `role` may do `action`, naming the role it takes (and with `policy`, how to get it,
    from the token's `claims` when given)."""
    if not allows(role, action):
        needed = ACTIONS[action]
        how = policy.how_to_get(needed, "you" if who == "you" else "them", claims) if policy is not None else ""
        then = f"; {how}" if how else ""
        raise AccessDeniedError(
            f"not allowed: {needs(action)}; {who} {'have' if who == 'you' else 'has'} {role or 'no role'}{then}",
            field="role",
            value=role,
        )


def _groups(env: Mapping[str, str], name: str, default: frozenset[str], role: str | None = None) -> frozenset[str]:
    """The groups `name` lists, or `default` when it is unset. With `role`, a variable set to no group is refused:
    nobody could then have the role, and every refusal would name no group to join."""
    raw = env.get(name)
    if raw is None:
        return default
    groups = frozenset(part.strip() for part in raw.split(",") if part.strip())
    if role is not None and not groups:
        raise InvalidInputError(
            f"{name}={raw!r} names no group, so nobody could have the {role} role; give the groups whose members"
            f" get it, comma-separated (e.g. {name}={','.join(sorted(default))}), or unset {name} for that default",
            field=name,
            value=raw,
        )
    return groups


def _claim_values(value: Any) -> Iterable[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, list | tuple):
        return [str(item) for item in value]
    return []
