"""The app on a local folder store with published versions of `var`, in process: for tests of the REST layer's
own behaviour, which needs neither MinIO nor a socket."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from fastapi.testclient import TestClient

from varlib import Actor, AuthSettings, Registry, Settings, publish_result
from varlib.api import create_app
from varlib.api.security import signed_in


def local_registry(folder: Path, result, versions: int = 2) -> tuple[Settings, Registry]:
    settings = Settings(store_dir=folder, author="api-test")
    registry = Registry.from_settings(settings)
    for _ in range(versions):
        publish_result(registry, result, "var")
    return settings, registry


def local_client(settings: Settings, auth: AuthSettings | None = None, actor: Actor | None = None) -> Iterator:
    """A TestClient of the app; with `actor`, every write is made as that signed-in caller."""
    app = create_app(settings, auth or AuthSettings())
    if actor is not None:
        for action in ("alias", "withdraw", "scenario", "scenario.delete"):
            app.dependency_overrides[signed_in(action)] = lambda: actor
    with TestClient(app) as client:
        yield client
