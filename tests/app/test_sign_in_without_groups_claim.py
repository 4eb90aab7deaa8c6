"""A dashboard sign-in whose ID token carries no groups claim (the provider leaves it out when the dashboard's scope
does not ask for it, or puts groups elsewhere): every refusal says so, and that the dashboard's sign-in is what must
ask for it, instead of telling someone already in the group to ask to be added to it."""

from __future__ import annotations

from tests.app.conftest import open_app
from varlib import Actor, RolePolicy

CLAIMS = {"sub": "a", "iss": "http://issuer.test", "name": "Alice Admin"}  # no `groups`
NO_CLAIM = "the sign-in carries no `groups` claim: if you are in `varlib-admins` already, the dashboard must ask"


def _text(at) -> str:
    return "\n".join(x.value for x in [*at.markdown, *at.caption, *at.info, *at.warning, *at.error])


def _signed_in(monkeypatch, claims: dict) -> None:
    import ui.auth

    role = RolePolicy().role_of(claims)
    sign_in = ui.auth.SignIn(True, Actor.from_claims(claims, via="dashboard"), role, claims=claims)
    monkeypatch.setattr(ui.auth, "current", lambda: sign_in)


def test_an_admin_without_the_groups_claim_is_told_the_sign_in_lacks_it(seeded, monkeypatch):
    _signed_in(monkeypatch, CLAIMS)
    said = _text(open_app(page="views/models.py"))
    assert f"need the admin role; you are signed in as a viewer: {NO_CLAIM}" in said
    assert "(`VARLIB_OIDC_SCOPE`)" in said and "tell whoever runs the dashboard" in said
    assert "get a token" not in said  # a bearer token's remedy: no dashboard user asks for one


def test_a_viewer_whose_sign_in_carries_groups_is_told_the_group_only(seeded, monkeypatch):
    _signed_in(monkeypatch, CLAIMS | {"groups": ["staff"]})
    said = _text(open_app(page="views/models.py"))
    assert "you are signed in as a viewer: ask an administrator of the identity provider to add you" in said
    assert "carries no" not in said


def test_the_rest_remedy_stays_a_token_that_asks_for_the_scope():
    said = RolePolicy().how_to_get("admin", claims=CLAIMS)
    assert said.startswith("the token carries no `groups` claim: if you are in `varlib-admins` already, get a token")
    dashboard = RolePolicy().how_to_get("admin", claims=CLAIMS, signed_in_by="the dashboard")
    assert dashboard.startswith("the sign-in carries no `groups` claim: if you are in `varlib-admins` already, the")
    assert dashboard.endswith(
        "otherwise ask an administrator of the identity provider to add you to the group `varlib-admins`"
    )
