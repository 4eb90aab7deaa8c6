#!/bin/sh
# The Dex container's entrypoint: `dex-start CONFIG [dex serve options]`. Dex expands environment variables
# only inside connector, storage and signer settings, so `issuer` and the client's `redirectURIs` in
# docker/dex.yaml would be taken as the text `$VARLIB_OIDC_ISSUER`: this writes a copy of CONFIG with those
# two filled in from the environment (nothing else: a `$` in any other value stays as written), then runs Dex
# on it. The secrets stay out of the copy: Dex reads them itself (`secretEnv`, `hashFromEnv`).
set -eu
: "${VARLIB_OIDC_ISSUER:?set VARLIB_OIDC_ISSUER}" "${VARLIB_OIDC_REDIRECT_URI:?set VARLIB_OIDC_REDIRECT_URI}"
config="$1"
shift
rendered="$(mktemp)"
envsubst '$VARLIB_OIDC_ISSUER $VARLIB_OIDC_REDIRECT_URI' <"$config" >"$rendered"
exec dex serve "$@" "$rendered"
