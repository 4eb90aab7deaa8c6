#!/usr/bin/env bash
# Build the pinned MinIO server into .tools/bin/minio once; later calls reuse it.
# MinIO ships as source: its own install path is `go install github.com/minio/minio@<version>`.
# The pin is a pseudo-version of commit 7aac2a2c5b7c (2026-02), after the fix for conditional
# PUTs when read quorum is lost (minio issue 21603), which first-writer-wins publishing needs.
set -euo pipefail
cd "$(dirname "$0")/.."
MINIO_MODULE_VERSION="v0.0.0-20260212201848-7aac2a2c5b7c"
BIN_DIR="$PWD/.tools/bin"
STAMP="$BIN_DIR/minio.version"

if [ -x "$BIN_DIR/minio" ] && [ "$(cat "$STAMP" 2>/dev/null)" = "$MINIO_MODULE_VERSION" ]; then
  exit 0
fi
if ! command -v go >/dev/null 2>&1; then
  echo "error: building MinIO needs Go 1.24 or newer on PATH (MinIO is distributed as source)" >&2
  exit 1
fi
mkdir -p "$BIN_DIR"
echo "building MinIO $MINIO_MODULE_VERSION into .tools/bin (first time only, a few minutes)..." >&2
GOBIN="$BIN_DIR" CGO_ENABLED=0 go install -trimpath "github.com/minio/minio@$MINIO_MODULE_VERSION"
echo "$MINIO_MODULE_VERSION" > "$STAMP"
"$BIN_DIR/minio" --version | head -1 >&2
