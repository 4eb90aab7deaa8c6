"""Review fixes: "usable" (it loads and is not withdrawn) has one owner, and the public `newest_usable` never
answers a withdrawn version; a withdrawal's sentence has one owner, `Withdrawal.describe`, which the CLI prints;
the dashboard's provider check asks the metadata URL it is given, with the REST probe's one timeout."""

from __future__ import annotations

import urllib.request

import pytest

from varlib import (
    Actor,
    AuthSettings,
    ProviderUnavailableError,
    StoreUnavailableError,
    TokenVerifier,
    Version,
    VersionEntry,
    Withdrawal,
    escape_controls,
    newest_usable,
)
from varlib.api.security import Security
from varlib.cli.commands import warn_if_withdrawn
from varlib.cli.output import say_held

V1, V2, V3 = Version(0, 0, 1), Version(0, 0, 2), Version(0, 0, 3)


def _entry(version: Version, status: str = "ok") -> VersionEntry:
    key = f"var/{str(version).replace('.', '_')}/model.json"
    return VersionEntry("var", str(version), version, key, 10, status)


ENTRIES = [_entry(V3), _entry(V2, "too large: 20 bytes, over the 10-byte limit"), _entry(V1)]
WITHDRAWN = Withdrawal("var", V3, "trained on \x1b[31mthe wrong file", "2026-11-30T03:42:03Z", Actor("Alice", "CiQ1"))
DAMAGED = Withdrawal("var", V3, "", "", Actor("unknown", ""), damaged="the record var/_withdrawn/0_0_3.json is damaged")


def test_a_withdrawn_newest_version_is_not_the_newest_usable():
    assert newest_usable(ENTRIES, {V3: WITHDRAWN}) == V1  # 0.0.2 does not load
    assert newest_usable(ENTRIES, set()) == V3
    assert newest_usable(ENTRIES, {V3, V1}) is None
    with pytest.raises(TypeError):  # a caller must say which versions are withdrawn: a listing alone does not
        newest_usable(ENTRIES)  # type: ignore[call-arg]


def test_usable_means_it_loads_and_is_not_withdrawn():
    assert [entry.usable({V3}) for entry in ENTRIES] == [False, False, True]
    assert [entry.usable(()) for entry in ENTRIES] == [True, False, True]
    stray = VersionEntry("var", "var/notes.txt", None, "var/notes.txt", 1, "ok")
    assert not stray.usable(())  # no version: nothing to use


def test_a_withdrawals_sentence_can_leave_its_version_to_the_caller():
    for gone in (WITHDRAWN, DAMAGED):
        assert gone.describe() == f"var 0.0.3 {gone.describe(subject=False)}"
    assert WITHDRAWN.describe(subject=False).startswith("was withdrawn on 2026-11-30 03:42:03 UTC by Alice: ")
    assert DAMAGED.describe(subject=False).startswith("is withdrawn, but its withdrawal record is damaged (")


@pytest.mark.parametrize("gone", [WITHDRAWN, DAMAGED], ids=["readable", "damaged"])
def test_the_cli_warns_with_the_librarys_sentence(gone, capsys):
    warn_if_withdrawn(None, gone)  # type: ignore[arg-type]
    say_held()  # said once the command has printed its output
    err = capsys.readouterr().err
    assert err == f"warning: {escape_controls(gone.describe())} (named explicitly, so it is used)\n"
    assert "\x1b" not in err  # the reason's control characters are shown as escapes, not obeyed


def test_the_dashboards_check_asks_the_metadata_url_as_given_with_the_probes_timeout(monkeypatch):
    from varlib.tokens import PROBE_TIMEOUT_S  # the one owner of the probe's timeout (the REST's is no other)

    asked: list[tuple[str, float]] = []

    def down(url, timeout):
        asked.append((url, timeout))
        raise ConnectionRefusedError(111, "Connection refused")

    monkeypatch.setattr(urllib.request, "urlopen", down)
    with pytest.raises(StoreUnavailableError):
        Security(AuthSettings(issuer="http://127.0.0.1:9/dex", audience="varlib")).check_provider()
    with pytest.raises(ProviderUnavailableError) as refused:
        TokenVerifier.check_metadata("http://127.0.0.1:9/realms/varlib/metadata", "[auth] server_metadata_url")
    assert asked == [
        ("http://127.0.0.1:9/dex/.well-known/openid-configuration", PROBE_TIMEOUT_S),
        ("http://127.0.0.1:9/realms/varlib/metadata", PROBE_TIMEOUT_S),  # no suffix added: the URL as configured
    ]
    said = str(refused.value)
    assert "check [auth] server_metadata_url, or try again" in said and "VARLIB_OIDC_ISSUER" not in said


@pytest.mark.parametrize("url", ["", "file:///etc/passwd", "127.0.0.1:5556/dex"])
def test_a_metadata_url_that_is_no_http_address_is_refused_unread(url, monkeypatch):
    monkeypatch.setattr(urllib.request, "urlopen", lambda *a, **k: pytest.fail("read"))
    with pytest.raises(ProviderUnavailableError, match=r"not the http\(s\) address of a discovery document; check X"):
        TokenVerifier.check_metadata(url, "X")
