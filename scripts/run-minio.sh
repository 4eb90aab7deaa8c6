#!/usr/bin/env bash
# A MinIO for people on 127.0.0.1:9100 (console 9101), data in .minio-data/.
# Credentials are generated on first use into .tools/minio-local.env (git-ignored), never committed.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/get-minio.sh
ENV_FILE=.tools/minio-local.env
if [ ! -f "$ENV_FILE" ]; then
  umask 077
  secret=$(head -c 24 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c 32)
  printf 'export MINIO_ENDPOINT=127.0.0.1:9100\nexport MINIO_ACCESS_KEY=varlib-admin\nexport MINIO_SECRET_KEY=%s\n' "$secret" > "$ENV_FILE"
fi
# shellcheck disable=SC1090
source "$ENV_FILE"
mkdir -p .minio-data
echo "MinIO on http://127.0.0.1:9100 (console http://127.0.0.1:9101)."
echo "Point the product at it in another shell with:  source $ENV_FILE"
MINIO_ROOT_USER="$MINIO_ACCESS_KEY" MINIO_ROOT_PASSWORD="$MINIO_SECRET_KEY" \
  exec .tools/bin/minio server .minio-data --address 127.0.0.1:9100 --console-address 127.0.0.1:9101
