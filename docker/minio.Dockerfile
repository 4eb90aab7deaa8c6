# MinIO ships as source: build the pinned commit (same pin as scripts/get-minio.sh).
FROM golang:1.24-bookworm AS build
ARG MINIO_MODULE_VERSION=v0.0.0-20260212201848-7aac2a2c5b7c
RUN CGO_ENABLED=0 GOBIN=/out go install -trimpath "github.com/minio/minio@${MINIO_MODULE_VERSION}"

FROM debian:bookworm-slim
RUN apt-get update && apt-get install -y --no-install-recommends curl ca-certificates && rm -rf /var/lib/apt/lists/*
COPY --from=build /out/minio /usr/local/bin/minio
EXPOSE 9100 9101
ENTRYPOINT ["minio"]
