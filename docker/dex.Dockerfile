# Dex, the OpenID Connect provider of the sign-in example profile, built by the same script and pin as the tests use.
FROM golang:1.26-bookworm AS build
WORKDIR /src
COPY scripts/get-dex.sh scripts/
RUN ./scripts/get-dex.sh

FROM debian:bookworm-slim
RUN apt-get update && apt-get install -y --no-install-recommends ca-certificates curl && rm -rf /var/lib/apt/lists/*
COPY --from=build /src/.tools/bin/dex /usr/local/bin/dex
COPY docker/dex.yaml /etc/dex/config.yaml
RUN useradd --create-home --uid 10002 dex
USER dex
EXPOSE 5556
ENTRYPOINT ["dex", "serve", "/etc/dex/config.yaml"]
