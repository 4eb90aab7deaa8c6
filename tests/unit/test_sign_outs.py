"""A Sign out is recorded by the ID token it ended: every tab holding that token is signed out, a new
sign-in (a new token) is not, and records go once their token has run out."""

from __future__ import annotations

import time

from ui import sign_outs


def _claims(nonce: str, exp: float | None = None) -> dict:
    exp = time.time() + 3600 if exp is None else exp
    return {
        "iss": "http://issuer.test",
        "aud": "varlib",
        "sub": "paul",
        "iat": 1,
        "exp": exp,
        "nonce": nonce,
        "name": "Paul Publisher",
        "is_logged_in": True,
    }


def test_the_ended_token_is_ended_in_every_tab_and_a_new_one_is_not():
    ended = _claims("first-sign-in")
    assert not sign_outs.ended(ended)
    sign_outs.end(ended)
    assert sign_outs.ended(dict(reversed(list(ended.items()))))  # another tab's copy of the same claims
    assert sign_outs.ended({**ended, "email": "paul@example.test"})  # profile claims do not name the token
    assert not sign_outs.ended(_claims("second-sign-in"))  # signed in again: a new nonce and token
    assert not sign_outs.ended({**ended, "sub": "vera"})  # another person


def test_records_are_kept_while_their_token_could_be_used():
    run_out = _claims("run-out", exp=time.time() - 1)
    sign_outs.end(run_out)
    assert sign_outs.ended(run_out)
    sign_outs.end(_claims("later"))  # the next record forgets the ones whose tokens have run out
    assert not sign_outs.ended(run_out)


def test_a_token_without_an_expiry_is_remembered_for_the_cookies_lifetime():
    undated = {k: v for k, v in _claims("undated").items() if k != "exp"}
    sign_outs.end(undated)
    sign_outs.end(_claims("another"))
    assert sign_outs.ended(undated)
