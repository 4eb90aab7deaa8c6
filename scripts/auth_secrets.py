"""Write the dashboard's sign-in secrets (Streamlit's `[auth]` section) from the environment.

    VARLIB_OIDC_ISSUER=https://id.example.com/dex VARLIB_OIDC_CLIENT_ID=varlib-dashboard \\
    VARLIB_OIDC_CLIENT_SECRET=... VARLIB_OIDC_COOKIE_SECRET=... \\
    VARLIB_OIDC_REDIRECT_URI=https://forecasts.example.com/oauth2callback \\
    python scripts/auth_secrets.py /run/varlib/secrets.toml
    streamlit run app.py --secrets.files /run/varlib/secrets.toml

Streamlit reads sign-in settings only from secrets files, so a deployment that keeps secrets in the
environment (docker-compose, a container platform) writes the file at start, readable by its owner only.
Without VARLIB_OIDC_ISSUER nothing is written and the dashboard runs without sign-in; set but empty, it is refused,
as the REST service refuses it (an unset variable expanded into an empty one must not switch sign-in off).
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Mapping
from pathlib import Path

from varlib import AuthSettings, InvalidInputError

REQUIRED = (
    "VARLIB_OIDC_CLIENT_ID",
    "VARLIB_OIDC_CLIENT_SECRET",
    "VARLIB_OIDC_COOKIE_SECRET",
    "VARLIB_OIDC_REDIRECT_URI",
)
DEFAULT_SCOPE = "openid profile email groups"


def render(env: Mapping[str, str]) -> str | None:
    """The secrets file's text for `env`, or None when no issuer is configured."""
    raw = env.get("VARLIB_OIDC_ISSUER")
    if raw is None:
        return None
    try:  # the issuer as the product reads it: empty, or an address without its scheme, is refused here
        issuer = AuthSettings.from_env(env).issuer or raw.strip().rstrip("/")
    except InvalidInputError as exc:
        raise SystemExit(f"error: {exc}") from None
    missing = [name for name in REQUIRED if not env.get(name)]
    if missing:
        raise SystemExit(
            f"error: VARLIB_OIDC_ISSUER is set but {', '.join(missing)} {'is' if len(missing) == 1 else 'are'} not"
        )
    if len(env["VARLIB_OIDC_COOKIE_SECRET"]) < 32:
        raise SystemExit("error: VARLIB_OIDC_COOKIE_SECRET must be at least 32 characters (e.g. openssl rand -hex 32)")

    def quoted(value: str) -> str:  # a JSON string is a valid TOML basic string
        return json.dumps(value)

    lines = [
        "[auth]",
        f"redirect_uri = {quoted(env['VARLIB_OIDC_REDIRECT_URI'])}",
        f"cookie_secret = {quoted(env['VARLIB_OIDC_COOKIE_SECRET'])}",
        f"client_id = {quoted(env['VARLIB_OIDC_CLIENT_ID'])}",
        f"client_secret = {quoted(env['VARLIB_OIDC_CLIENT_SECRET'])}",
        f"server_metadata_url = {quoted(issuer + '/.well-known/openid-configuration')}",
        f"client_kwargs = {{ scope = {quoted(env.get('VARLIB_OIDC_SCOPE') or DEFAULT_SCOPE)} }}",
    ]
    return "\n".join(lines) + "\n"


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print("usage: python scripts/auth_secrets.py OUT.toml", file=sys.stderr)
        return 2
    text = render(os.environ)
    if text is None:
        print("VARLIB_OIDC_ISSUER is not set: no sign-in secrets written (the dashboard runs without sign-in)")
        return 0
    out = Path(argv[0])
    out.parent.mkdir(parents=True, exist_ok=True)
    descriptor = os.open(out, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
        handle.write(text)
    print(f"wrote the dashboard's sign-in secrets to {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
