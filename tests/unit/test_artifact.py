"""Artifacts are checksummed JSON: exact round trip, and every kind of damage is refused."""

import hashlib
import json

import numpy as np
import pytest

from varlib.artifact import SCHEMA_VERSION, build_artifact, decode, encode
from varlib.catalog.cards import Card, header_card, metadata_header
from varlib.errors import CorruptArtifactError
from varlib.versions import Version


@pytest.fixture(scope="module")
def artifact(macro_result):
    from dataclasses import replace

    return replace(build_artifact(macro_result, "var", "tester", "notes here"), version=Version(0, 0, 3))


def test_round_trip_is_exact(artifact):
    loaded = decode(encode(artifact))
    assert loaded.version == Version(0, 0, 3)
    assert np.array_equal(loaded.params.coefs, artifact.params.coefs)
    assert np.array_equal(loaded.params.sigma_u, artifact.params.sigma_u)
    assert np.array_equal(loaded.data.values, artifact.data.values)
    assert Card.from_artifact(loaded) == Card.from_artifact(artifact)
    assert encode(loaded) == encode(artifact)


def test_artifact_is_plain_json_with_provenance(artifact):
    body = json.loads(encode(artifact))
    assert body["schema_version"] == SCHEMA_VERSION
    assert body["checksum"].startswith("sha256:")
    assert body["provenance"]["dataset_sha256"] == artifact.data.sha256
    assert set(body["provenance"]["packages"]) >= {"statsmodels", "numpy", "varlib", "python"}
    assert body["created_at"].endswith("Z")
    assert len(encode(artifact)) < 96_000  # 1% of the original design's 9.6 MB pickle


def test_truncated_object_is_refused(artifact):
    with pytest.raises(CorruptArtifactError, match="not valid JSON"):
        decode(encode(artifact)[:-10], "var/0_0_3/model.json")


def test_changed_value_fails_the_checksum(artifact):
    raw = encode(artifact).replace(b'"notes":"notes here"', b'"notes":"notes HERE"')
    with pytest.raises(CorruptArtifactError, match="checksum mismatch"):
        decode(raw)


def test_unknown_schema_version_is_refused(artifact):
    body = json.loads(encode(artifact))
    body["schema_version"] = 99
    with pytest.raises(CorruptArtifactError, match="unknown schema version 99"):
        decode(json.dumps(body).encode())


def test_other_json_is_not_a_model():
    with pytest.raises(CorruptArtifactError, match="not a varlib model"):
        decode(b'{"hello": "world"}')


def test_card_metadata_round_trips_and_fits_a_header(artifact):
    body = encode(artifact)
    metadata = metadata_header(Card.from_artifact(artifact), body)
    assert len(metadata["varlib-card"]) <= 1800
    md5 = hashlib.md5(body).hexdigest()
    card = header_card(metadata, artifact.name, "0.0.3", md5, len(body))
    assert card == Card.from_artifact(artifact)
    assert header_card(metadata, artifact.name, "0.0.3", md5, len(body) + 1) is None  # another object
    assert header_card(metadata, artifact.name, "0.0.4", md5, len(body)) is None  # another version
    assert header_card({"varlib-card": "%%%"}, artifact.name, "0.0.3", md5, len(body)) is None


def test_a_card_lists_holdout_rmse_in_the_models_order_of_variables(artifact):
    """The stored JSON sorts its keys (realcons before realgdp); the card reads as the model names them."""
    body = encode(artifact)
    assert list(artifact.variables) == ["realgdp", "realcons"]
    from_stored = Card.from_artifact(decode(body))
    assert list(from_stored.holdout_rmse) == ["realgdp", "realcons"]
    md5 = hashlib.md5(body).hexdigest()
    header = header_card(metadata_header(from_stored, body), artifact.name, "0.0.3", md5, len(body))
    assert header is not None and list(header.holdout_rmse) == ["realgdp", "realcons"]


def _rewritten(artifact, change) -> bytes:
    """The artifact's body changed by `change(body)` and checksummed again, as a writer would have."""
    from varlib.artifact import _canonical, _digest

    body = json.loads(encode(artifact))
    body.pop("checksum")
    change(body)
    body["checksum"] = "sha256:" + _digest(body)
    return _canonical(body).encode()


def test_an_artifact_written_before_model_kinds_loads_as_a_var(artifact):
    raw = _rewritten(artifact, lambda body: body["spec"].pop("kind"))
    assert b'"kind"' not in raw
    loaded = decode(raw)
    assert loaded.spec.kind == "var" and loaded.k_ar == artifact.k_ar and loaded.lag_rows == artifact.lag_rows


def test_an_artifact_of_an_unknown_kind_says_to_upgrade(artifact):
    raw = _rewritten(artifact, lambda body: body["spec"].update(kind="tvp-var"))
    with pytest.raises(CorruptArtifactError, match="model kind 'tvp-var' .* unknown to this varlib .* upgrade varlib"):
        decode(raw)
