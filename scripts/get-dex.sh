#!/usr/bin/env bash
# Build the pinned Dex (an OpenID Connect provider) into .tools/bin/dex once; later calls reuse it.
# The tests start it on loopback with test users in two groups (tests/support/oidc_server.py).
#
# Dex ships as source. Its go.mod has a replace directive for its nested module api/v2, so
# `go install github.com/dexidp/dex/cmd/dex@...` refuses it; it is built here from a small wrapper
# module (made in .tools/dex-build/, never committed) that requires Dex at the pinned commit.
# The pin is commit ab64ed778070 (2026-08-06, after v2.45.1; v2.45.0 added groups on static
# passwords, which the tests use). The module proxy serves that commit of Dex but not the matching
# version of its api/v2 module (only v2.4.0, too old for this commit), which only Dex's gRPC
# management API needs. The tests give Dex no gRPC address, so the wrapper builds a copy of the
# pinned module in which serve.go does not register that API (three lines removed, checked below).
set -euo pipefail
cd "$(dirname "$0")/.."
DEX_MODULE_VERSION="v0.0.0-20260806151424-ab64ed778070"
BIN_DIR="$PWD/.tools/bin"
WORK="$PWD/.tools/dex-build"
STAMP="$BIN_DIR/dex.version"

if [ -x "$BIN_DIR/dex" ] && [ "$(cat "$STAMP" 2>/dev/null)" = "$DEX_MODULE_VERSION" ]; then
  exit 0
fi
if ! command -v go >/dev/null 2>&1; then
  echo "error: building Dex needs Go 1.25 or newer on PATH (Dex is distributed as source)" >&2
  exit 1
fi
echo "building Dex $DEX_MODULE_VERSION into .tools/bin (first time only, a few minutes)..." >&2
mkdir -p "$BIN_DIR"
rm -rf "$WORK"
mkdir -p "$WORK"
SOURCE=$(go mod download -json "github.com/dexidp/dex@$DEX_MODULE_VERSION" \
  | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p')
if [ -z "$SOURCE" ] || [ ! -f "$SOURCE/cmd/dex/serve.go" ]; then
  echo "error: could not download github.com/dexidp/dex@$DEX_MODULE_VERSION from the Go module proxy" >&2
  exit 1
fi
cp -r "$SOURCE" "$WORK/dex"
chmod -R u+w "$WORK/dex"
SERVE="$WORK/dex/cmd/dex/serve.go"
sed -i -e '\#"github.com/dexidp/dex/api/v2"#d' -e '\#"github.com/dexidp/dex/server/apiserver"#d' \
  -e '/api\.RegisterDexServer(/d' "$SERVE"
if grep -q 'RegisterDexServer\|dex/server/apiserver\|dex/api/v2' "$SERVE"; then
  echo "error: Dex's serve.go did not take the patch (did the pin change?)" >&2
  exit 1
fi
cat > "$WORK/go.mod" <<GOMOD
module varlib.invalid/dexbuild

go 1.25.8

require github.com/dexidp/dex $DEX_MODULE_VERSION

replace github.com/dexidp/dex => ./dex
GOMOD
printf 'package dexbuild\n\nimport _ "github.com/dexidp/dex/server"\n' > "$WORK/deps.go"
(cd "$WORK" && GOFLAGS=-mod=mod go mod tidy && CGO_ENABLED=0 GOFLAGS=-mod=mod \
  go build -trimpath -o "$BIN_DIR/dex" github.com/dexidp/dex/cmd/dex)
echo "$DEX_MODULE_VERSION" > "$STAMP"
echo "Dex $DEX_MODULE_VERSION (commit ab64ed778070) in .tools/bin/dex" >&2
