# Dex, the OpenID Connect provider of the sign-in example profile, built by the same script and pin as the tests use.
FROM golang:1.26-bookworm AS build
WORKDIR /src
COPY scripts/get-dex.sh scripts/
RUN ./scripts/get-dex.sh

FROM debian:bookworm-slim
# gettext-base: envsubst, with which docker/dex-start.sh fills the issuer and the redirect address into the config
RUN apt-get update && apt-get install -y --no-install-recommends ca-certificates curl gettext-base \
  && rm -rf /var/lib/apt/lists/*
COPY --from=build /src/.tools/bin/dex /usr/local/bin/dex
COPY docker/dex-start.sh /usr/local/bin/dex-start
COPY docker/dex.yaml /etc/dex/config.yaml
RUN useradd --create-home --uid 10002 dex
USER dex
EXPOSE 5556
ENTRYPOINT ["dex-start", "/etc/dex/config.yaml"]
