"""Sign-in for the dashboard: OpenID Connect through Streamlit's st.login, and the role it grants.

Configured by the `[auth]` section of Streamlit's secrets (issuer metadata URL, client id and secret,
cookie secret, redirect URI; `scripts/auth_secrets.py` writes it from VARLIB_OIDC_* variables). Roles
come from a claim of the ID token (varlib.RolePolicy: VARLIB_ROLES_CLAIM, VARLIB_*_GROUPS): viewers
see everything, publishers also publish, admins also move aliases and withdraw versions.

Without an `[auth]` section nobody signs in: the dashboard runs as a local, single-user tool with
every right the store allows, the author is VARLIB_AUTHOR (or the login name), and the sidebar says so.
"""

from __future__ import annotations

import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, NoReturn

import streamlit as st

from ui import presses, sign_in_link, sign_outs, store, train_data
from ui.layout import quiet
from ui.literal import library_text, literal
from varlib import ROLES, Actor, RolePolicy, TokenVerifier, VarlibError, allows, role_needs

DASHBOARD = "the dashboard"  # whose sign-in asks the provider for the role claim (RolePolicy.how_to_get)
WATCH_S = 5  # how soon a tab notices that its sign-in ended elsewhere (a Sign out) or ran out


@dataclass(frozen=True)
class SignIn:
    """Who uses this session: `configured` (an identity provider is set up), `actor` (None until
    signed in) and `role` (None when signed in without any role here)."""

    configured: bool
    actor: Actor | None
    role: str | None
    expired: bool = False  # signed in once, but the provider's ID token has run out: sign in again
    signed_out: bool = False  # signed out in another tab of this browser (ui.sign_outs)
    claims: Mapping[str, Any] | None = field(default=None, repr=False)  # the ID token's: say what a refusal lacks

    @property
    def signed_in(self) -> bool:
        return self.actor is not None

    @property
    def standing(self) -> str:
        """Who this session is, for a refusal: "you are signed in as a viewer", or why it is no longer."""
        if self.configured and not self.signed_in:  # ended in another tab, or run out, since the page was drawn
            # not "reload": the screen the tab turns to by itself keeps the Train page's typed text (ui.sign_in_link)
            return (
                "you are no longer signed in (signed out in another tab, or the sign-in ran out): sign in again on the"
                f" screen this tab turns to within {WATCH_S} seconds"
            )
        return f"you are signed in as a {self.role}" if self.role else "you are signed in without a role here"

    def refusal(self, role: str) -> str:
        """Why this session lacks `role` and what to do: a group to join when signed in, or only the
        reload when no longer signed in (the group would not help before signing in again)."""
        if self.configured and not self.signed_in:
            return self.standing
        return f"{self.standing}: {RolePolicy.from_env().how_to_get(role, claims=self.claims, signed_in_by=DASHBOARD)}"

    def can(self, action: str) -> bool:
        """Whether this session may `publish`, move an `alias` or `withdraw` (and `read`)."""
        return allows(self.role, action)


def needs(*actions: str) -> str:
    """The rule of `actions` as a sentence starts, in the words the REST service refuses them with (varlib.roles)."""
    rule = role_needs(*actions)
    return rule[:1].upper() + rule[1:]


def configured() -> bool:
    """True when Streamlit's secrets hold an `[auth]` section (st.login can work)."""
    return st.secrets.load_if_toml_exists() and "auth" in st.secrets


def current() -> SignIn:
    """This session's identity and role (local use: the configured author, every right)."""
    origin = st.context.ip_address or "localhost"  # Streamlit gives None for a browser on this machine
    if not configured():
        try:
            author = store.settings().author
        except VarlibError:
            author = "unknown"
        return SignIn(False, Actor.local(author, via="dashboard"), ROLES[-1])  # the local user: every right
    if not getattr(st.user, "is_logged_in", False):  # (absent outside a served session, e.g. in AppTest)
        return SignIn(True, None, None)
    claims = st.user.to_dict()
    # Streamlit keeps the sign-in in a cookie for 30 days and never asks the provider again: the ID token's own
    # expiry is what ends a session, so a role taken away takes effect when the provider's token says.
    if isinstance(claims.get("exp"), int | float) and claims["exp"] <= time.time():
        return SignIn(True, None, None, expired=True)
    if sign_outs.ended(claims):
        return SignIn(True, None, None, signed_out=True)
    actor = Actor.from_claims(claims, via="dashboard", origin=origin)
    return SignIn(True, actor, RolePolicy.from_env().role_of(claims), claims=claims)


def render_sidebar(sign_in: SignIn) -> None:
    """Who is signed in and with which role, or that nobody signs in here."""
    if sign_in.configured and sign_in.actor is None:
        return  # the sign-in screen says it all
    with st.sidebar:
        label = quiet("User") + "  \n"
        if not sign_in.configured:
            recorded = literal(sign_in.actor.name) if sign_in.actor else "unknown"
            note = (
                "No sign-in is configured: this dashboard runs for one local user, and publications are recorded"
                f" as **{recorded}**."
            )
            st.markdown(f"{label}:gray-badge[:material/person: local use]  \n{quiet(note)}")
            return
        st.markdown(f"{label}**{literal(sign_in.actor.in_a_cell())}** :blue-badge[{sign_in.role or 'no role'}]")
        if sign_in.role is not None and st.button("Sign out", icon=":material/logout:", key="auth_sign_out"):
            _sign_out()  # without a role the page's own notice holds the one Sign out
        _watch()


def _sign_out() -> NoReturn:
    """End this browser's sign-in in every tab (ui.sign_outs), then this tab's with Streamlit's cookie, and stop
    the run: st.logout only queues the browser's visit to /auth/logout, which deletes the cookie, and any rerun
    in this run (the timed check below, which now finds nobody signed in, or a page's own) drops it, leaving
    the browser signed in again after a restart."""
    sign_outs.end(st.user.to_dict())
    st.logout()
    st.stop()


@st.fragment(run_every=WATCH_S)
def _watch() -> None:
    """Every WATCH_S seconds: once this tab's sign-in has ended (signed out in another tab, or its token
    run out), the whole page reruns and shows the sign-in screen, without waiting for a click."""
    if not current().signed_in:
        st.rerun()


def render_gate(sign_in: SignIn) -> bool:
    """Show the sign-in screen (or the no-role notice) and return False when the pages must not run."""
    if not sign_in.configured or (sign_in.signed_in and sign_in.role is not None):
        return True
    st.title("VAR forecasts")
    if not sign_in.signed_in:
        if sign_in.expired:
            st.info("Your sign-in has expired: sign in again to go on.", icon=":material/schedule:")
            _keep_draft()
        if sign_in.signed_out:
            st.info("You signed out in another tab of this browser: sign in again to go on.", icon=":material/logout:")
        # a change pressed as this screen came (none before a first sign-in): not done, and said so
        for said in presses.cut_off("your sign-in had run out" if sign_in.expired else "you signed out in another tab"):
            st.warning(said, icon=":material/block:")
        st.markdown("Sign in with your organisation's account to see the models and their forecasts.")
        sign_in_link.remember()  # the link this screen was opened with reopens after signing in
        problem = _provider_problem()
        if problem:  # Streamlit's sign-in would end on a bare "Authentication error" page
            st.warning(
                "The sign-in service is not answering, so signing in would fail: the button below turns on by"
                f" itself once it answers. For whoever runs it: {library_text(problem)}.",
                icon=":material/cloud_off:",
            )
            _watch_provider()
        if st.button("Sign in", type="primary", icon=":material/login:", key="auth_sign_in", disabled=bool(problem)):
            st.login()
        return False
    who = literal(sign_in.actor.known_as()) if sign_in.actor else ""
    st.warning(
        f"You are signed in as **{who}**, but your account has no role on"
        f" this dashboard: {RolePolicy.from_env().how_to_get('viewer', claims=sign_in.claims, signed_in_by=DASHBOARD)}"
        " (or a publisher or admin group).",
        icon=":material/lock:",
    )
    if st.button("Sign out", icon=":material/logout:", key="auth_sign_out_norole"):
        _sign_out()
    return False


def _keep_draft() -> None:
    """What this session had typed comes back after signing in again (ui.sign_in_link); say what cannot."""
    lost = []
    if not sign_in_link.keep_draft():
        lost.append("The model name and notes typed on the Train page are too long to keep: copy them first.")
    upload = st.session_state.get(train_data.KEPT)  # the browser forgets the file itself on leaving the page
    if upload:
        lost.append(
            f"The file {literal(upload['name'])} uploaded on the Train page is not kept: upload it again there, and"
            " choose its columns again."
        )
    for text in lost:
        st.warning(text, icon=":material/warning:")


def _watch_provider() -> None:
    """While the provider does not answer: every WATCH_S seconds ask it again, and once it answers rerun the
    page, whose Sign in button is then on (the page run that draws this has just asked)."""
    in_page_run = [True]

    @st.fragment(run_every=WATCH_S)
    def _check() -> None:
        if in_page_run[0]:
            in_page_run[0] = False
        elif _provider_problem() is None:
            st.rerun()

    _check()


# Where the dashboard's provider is configured (README, "Sign-in and roles"): not VARLIB_OIDC_ISSUER, the REST's.
METADATA_SETTING = (
    "[auth] server_metadata_url in .streamlit/secrets.toml (or in the file given to --secrets.files, e.g. the one"
    " scripts/auth_secrets.py writes)"
)


def _provider_problem() -> str | None:
    """Why the identity provider in the `[auth]` secrets cannot sign anyone in now (its discovery document, at the
    configured `server_metadata_url` as Streamlit asks it, does not answer), or None. Asked on the sign-in screen
    only, with the library's probe timeout."""
    try:
        TokenVerifier.check_metadata(str(st.secrets["auth"].get("server_metadata_url", "")), METADATA_SETTING)
    except VarlibError as exc:
        return str(exc)
    return None


def publisher() -> SignIn | None:
    """This session's sign-in if it may publish; else None, after saying why (for the publish sections)."""
    sign_in = current()
    if sign_in.can("publish"):
        return sign_in
    st.info(
        f"{needs('publish')}; {sign_in.refusal('publisher')}. Training, forecasting and inspecting still work.",
        icon=":material/lock:",
    )
    return None
