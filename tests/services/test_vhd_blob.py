"""The same VHD checks on blobs in Azurite: ranged reads only, page vs block blobs."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import pytest
from azure.storage.blob import ContainerSasPermissions, generate_container_sas

from wizard.core.profiles import load_profile
from wizard.core.storage import StorageError, parse_blob_url
from wizard.core.vhd import GIB
from wizard.core.vhdjobs import check_target

from conftest import AZURITE_ACCOUNT, AZURITE_KEY, put_vhd_page_blob

GUIDE = load_profile("publishing-guide-2015")


@pytest.fixture(scope="module")
def vhd_container(azurite, tmp_path_factory):
    """A container with a 30 GiB page blob VHD (footer only written) and a block blob."""
    folder = tmp_path_factory.mktemp("blobvhd")
    container = azurite.service().create_container("vhds-check")
    put_vhd_page_blob(container, "os.vhd", 30, folder)
    put_vhd_page_blob(container, "short.vhd", 30, folder, extra=512)
    container.get_blob_client("block.vhd").upload_blob(b"x" * 1024)
    return azurite


def sas_url(azurite, blob: str, permission: str = "rl") -> str:
    token = generate_container_sas(AZURITE_ACCOUNT, "vhds-check", account_key=AZURITE_KEY,
                                   permission=ContainerSasPermissions.from_string(permission),
                                   start=datetime.now(UTC) - timedelta(minutes=15),
                                   expiry=datetime.now(UTC) + timedelta(days=1))
    return f"{azurite.endpoint}/vhds-check/{blob}?{token}"


def test_page_blob_vhd_through_sas_passes(vhd_container):
    report = check_target(sas_url(vhd_container, "os.vhd"), GUIDE, "os", "linux")
    assert report.verdict == "pass", [(f.id, f.message) for f in report.findings]
    assert report.info.virtual_size == 30 * GIB
    assert "sig=" not in report.info.target  # the SAS never travels into results


def test_page_blob_with_account_key(vhd_container):
    url = f"{vhd_container.endpoint}/vhds-check/os.vhd"
    report = check_target(url, GUIDE, "os", "linux", secret=("key", AZURITE_KEY))
    assert report.verdict == "pass"
    report = check_target(url, GUIDE, "os", "linux", secret=("connection-string", vhd_container.connection_string))
    assert report.verdict == "pass"


def test_blob_length_must_be_virtual_size_plus_512(vhd_container):
    report = check_target(sas_url(vhd_container, "short.vhd"), GUIDE, "os", "linux")
    assert {f.id: f.severity for f in report.findings}["file-size"] == "fail"


def test_block_blob_is_refused_with_reason(vhd_container):
    report = check_target(sas_url(vhd_container, "block.vhd"), GUIDE, "os", "linux")
    assert report.verdict == "fail"
    (finding,) = [f for f in report.findings if f.id == "blob-type"]
    assert "page blob" in finding.message


def test_unreachable_and_missing_blobs_raise_storage_error(vhd_container):
    with pytest.raises(StorageError, match="does not exist"):
        check_target(sas_url(vhd_container, "missing.vhd"), GUIDE, "os", "linux")
    with pytest.raises(StorageError, match="refused"):
        check_target(f"{vhd_container.endpoint}/vhds-check/os.vhd", GUIDE, "os", "linux", secret=("key", "AAAA" + AZURITE_KEY[4:]))


def test_cli_on_blob(vhd_container, cli, monkeypatch):
    import os

    url = f"{vhd_container.endpoint}/vhds-check/os.vhd"
    env = {**os.environ, "MY_KEY": AZURITE_KEY}
    result = cli("vhd", "check", url, "--account-key-env", "MY_KEY", "--json", env=env)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["verdict"] == "pass"
    assert AZURITE_KEY not in result.stdout + result.stderr
    block = cli("vhd", "check", sas_url(vhd_container, "block.vhd"), "--json")
    assert block.returncode == 1
    down = cli("vhd", "check", "http://127.0.0.1:9/devstoreaccount1/c/x.vhd", "--account-key-env", "MY_KEY", env=env)
    assert down.returncode == 2
    assert "could not be reached" in down.stderr
    assert cli("vhd", "check", url, "--account-key-env", "UNSET_VAR_X").returncode == 2


def test_parse_blob_url_styles():
    a = parse_blob_url("https://acct.blob.core.windows.net/vhds/dir/os.vhd?sv=1&sig=abc")
    assert (a.account, a.container, a.blob, a.path_style) == ("acct", "vhds", "dir/os.vhd", False)
    b = parse_blob_url("http://127.0.0.1:10000/devstoreaccount1/vhds/os.vhd")
    assert (b.account, b.container, b.blob, b.path_style) == ("devstoreaccount1", "vhds", "os.vhd", True)
    assert b.url_without_sas == "http://127.0.0.1:10000/devstoreaccount1/vhds/os.vhd"
    c = parse_blob_url("https://acct.blob.core.chinacloudapi.cn/vhds/os.vhd")
    assert c.account == "acct"
