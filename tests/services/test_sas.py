"""SAS URIs: creation per profile, every portal rule, and reads/writes through the SAS on Azurite."""

from __future__ import annotations

import json
import os
from datetime import UTC, datetime, timedelta
from urllib.parse import parse_qs, urlsplit

import pytest
from azure.storage.blob import ContainerSasPermissions, generate_container_sas
from hypothesis import given, settings
from hypothesis import strategies as st

from wizard.core.profiles import load_profile
from wizard.core.sas import check_sas_rules, create_sas, try_write_through, verify_sas

from conftest import AZURITE_ACCOUNT, AZURITE_KEY, put_vhd_page_blob

GUIDE = load_profile("publishing-guide-2015")
PC = load_profile("partner-center")
GIB = 2**30


@pytest.fixture(scope="module")
def vhd_blob(azurite, tmp_path_factory):
    container = azurite.service().create_container("sasvhds")
    put_vhd_page_blob(container, "os.vhd", 30, tmp_path_factory.mktemp("sas"))
    container.get_blob_client("block.vhd").upload_blob(b"x" * 2048)
    container.get_blob_client("notvhd.vhd").create_page_blob(size=1024)
    azurite.service().create_container("othercontainer")
    return f"{azurite.endpoint}/sasvhds/os.vhd"


def query(uri: str) -> dict:
    return {k: v[0] for k, v in parse_qs(urlsplit(uri).query).items()}


def ids(result, severity="fail") -> set[str]:
    return {f.id for f in result.findings if f.severity == severity}


# -- arithmetic (fixed clock) -------------------------------------------------
@pytest.mark.parametrize("profile,start_back,min_days", [(GUIDE, timedelta(minutes=15), 9), (PC, timedelta(days=1), 21)])
def test_create_follows_the_profile(vhd_blob, profile, start_back, min_days):
    now = datetime(2026, 11, 25, 12, 0, tzinfo=UTC)  # a Wednesday
    sas = create_sas(vhd_blob, AZURITE_KEY, profile, now=now)
    q = query(sas.uri)
    assert q["sp"] == "rl"
    assert q["sr"] == "c"
    assert q["st"] == (now - start_back).strftime("%Y-%m-%dT%H:%M:%SZ")
    assert "T" in q["se"]
    assert sas.expiry >= sas.start + timedelta(days=min_days if profile is PC else 7)
    if profile is PC:
        assert sas.expiry == now + timedelta(days=21)  # three weeks from the moment it was made
    assert urlsplit(sas.uri).path.endswith("/sasvhds/os.vhd")
    assert check_sas_rules(sas.uri, profile, now=now).verdict in ("pass", "warning")
    assert not ids(check_sas_rules(sas.uri, profile, now=now))


def test_expiry_may_be_later_never_shorter(vhd_blob):
    now = datetime(2026, 11, 25, 12, 0, tzinfo=UTC)
    later = create_sas(vhd_blob, AZURITE_KEY, PC, now=now, expiry=now + timedelta(days=60))
    assert later.expiry == now + timedelta(days=60)
    with pytest.raises(ValueError, match="earlier than this profile allows"):
        create_sas(vhd_blob, AZURITE_KEY, PC, now=now, expiry=now + timedelta(days=19))


def test_read_works_and_writes_are_refused_through_the_sas(vhd_blob):
    sas = create_sas(vhd_blob, AZURITE_KEY, PC)
    result = verify_sas(sas.uri, PC)
    assert result.reachable, [(f.id, f.message) for f in result.findings]
    assert result.verdict == "pass", [(f.id, f.message) for f in result.findings]
    assert try_write_through(sas.uri) == 403
    from azure.core.exceptions import HttpResponseError
    from azure.storage.blob import BlobClient, ContainerClient

    with pytest.raises(HttpResponseError) as deleting:
        BlobClient.from_blob_url(sas.uri).delete_blob()
    assert deleting.value.status_code == 403
    container_url = sas.uri.replace("/os.vhd?", "?")
    with pytest.raises(HttpResponseError) as creating:
        ContainerClient.from_container_url(container_url).upload_blob("new.vhd", b"data")
    assert creating.value.status_code == 403
    names = [b.name for b in ContainerClient.from_container_url(container_url).list_blobs()]  # list is allowed
    assert "os.vhd" in names


def manual_sas(permission="rl", start=None, expiry=None, container="sasvhds"):
    now = datetime.now(UTC)
    return generate_container_sas(AZURITE_ACCOUNT, container, account_key=AZURITE_KEY,
                                  permission=ContainerSasPermissions.from_string(permission),
                                  start=start if start is not None else now - timedelta(days=1),
                                  expiry=expiry or now + timedelta(days=30))


def test_expired_sas(azurite, vhd_blob):
    now = datetime.now(UTC)
    token = manual_sas(start=now - timedelta(days=40), expiry=now - timedelta(days=1))
    result = verify_sas(f"{vhd_blob}?{token}", PC)
    assert "expiry" in ids(result)
    assert "expired" in next(f.message for f in result.findings if f.id == "expiry")
    assert "live-read" in ids(result)  # Azurite refuses it too (403)


def test_an_ip_range_made_by_the_sdk_is_named_even_where_the_emulator_lets_it_read(vhd_blob):
    """The SDK's own `ip=` lands as `sip`: the verification names it whatever Azurite answers --
    it cannot know which addresses Microsoft reads from, so the rule comes from the URI."""
    now = datetime.now(UTC)
    token = generate_container_sas(AZURITE_ACCOUNT, "sasvhds", account_key=AZURITE_KEY,
                                   permission=ContainerSasPermissions.from_string("rl"),
                                   start=now - timedelta(days=1), expiry=now + timedelta(days=30), ip="127.0.0.1")
    result = verify_sas(f"{vhd_blob}?{token}", PC)
    assert "ip-range" in ids(result)
    assert result.verdict == "fail"
    assert "live-read" not in ids(result), "the emulator is at 127.0.0.1: the read itself works"


def test_write_permission_is_rejected(vhd_blob):
    result = verify_sas(f"{vhd_blob}?{manual_sas('rwl')}", PC)
    assert "permissions" in ids(result)
    assert "sp=rl" in next(f.message for f in result.findings if f.id == "permissions")


def test_missing_start_and_date_only_start(vhd_blob):
    token = manual_sas()
    q = query(f"x?{token}")
    no_st = token.replace(f"st={q['st']}".replace(":", "%3A"), "")
    assert "st=" not in no_st
    result = check_sas_rules(f"{vhd_blob}?{no_st}", PC)
    assert "start-time" in ids(result)
    date_only = token.replace(q["st"].replace(":", "%3A"), q["st"][:10])
    result = check_sas_rules(f"{vhd_blob}?{date_only}", PC)
    assert any("date only" in f.message for f in result.findings if f.id == "start-time")


def test_wrong_container_and_missing_blob(azurite, vhd_blob):
    other = verify_sas(f"{vhd_blob}?{manual_sas(container='othercontainer')}", PC)
    assert "live-read" in ids(other)  # a SAS for another container cannot read this blob
    missing = verify_sas(f"{azurite.endpoint}/sasvhds/missing.vhd?{manual_sas()}", PC)
    assert "does not exist" in next(f.message for f in missing.findings if f.id == "live-read")


def test_block_blob_and_not_a_vhd(azurite):
    block = verify_sas(f"{azurite.endpoint}/sasvhds/block.vhd?{manual_sas()}", PC)
    assert "blob-type" in ids(block)
    empty = verify_sas(f"{azurite.endpoint}/sasvhds/notvhd.vhd?{manual_sas()}", PC)
    assert "live-read" in ids(empty)
    assert "not a VHD footer" in " ".join(f.message for f in empty.findings)


def test_portal_rejections_from_the_uri_alone():
    base = "https://acct.blob.core.windows.net/vhds/"
    good_q = "sv=2020-10-02&sr=c&sp=rl&st=2026-11-24T12:00:00Z&se=2026-12-30T12:00:00Z&sig=abc"
    now = datetime(2026, 11, 25, 12, 0, tzinfo=UTC)
    assert check_sas_rules(f"{base}os.vhd?{good_q}", PC, now=now).verdict == "pass"
    assert "sas-query" in ids(check_sas_rules(f"{base}os.vhd", PC, now=now))
    assert "vhd-name" in ids(check_sas_rules(f"{base}os.img?{good_q}", PC, now=now))
    assert "vhd-name-chars" in ids(check_sas_rules(f"{base}my%20disk.vhd?{good_q}", PC, now=now))
    assert "scope" in ids(check_sas_rules(f"{base}os.vhd?{good_q.replace('sr=c', 'sr=b')}", PC, now=now))
    assert "scheme" in ids(check_sas_rules(f"http://acct.blob.core.windows.net/vhds/os.vhd?{good_q}", PC, now=now))
    guide = check_sas_rules(f"{base}os.vhd?{good_q}", GUIDE, now=now)
    assert "scheme" in ids(guide, "warning")
    assert guide.verdict == "warning"
    short = good_q.replace("se=2026-12-30", "se=2026-12-05")
    assert "expiry" in ids(check_sas_rules(f"{base}os.vhd?{short}", PC, now=now))
    soon = check_sas_rules(f"{base}os.vhd?{good_q}", PC, now=datetime(2026, 12, 29, 0, 0, tzinfo=UTC))
    assert "expiry" in ids(soon, "warning")


def test_clock_skew_margin():
    base = "https://acct.blob.core.windows.net/vhds/os.vhd?sv=1&sr=c&sp=rl&sig=x&se=2026-12-30T12:00:00Z&st="
    now = datetime(2026, 11, 25, 12, 0, tzinfo=UTC)
    assert "start-time" in ids(check_sas_rules(base + "2026-11-25T11:59:00Z", GUIDE, now=now), "warning")
    assert "start-time" not in {f.id for f in check_sas_rules(base + "2026-11-25T11:45:00Z", GUIDE, now=now).findings}
    assert "start-time" in ids(check_sas_rules(base + "2026-11-25T12:30:00Z", GUIDE, now=now))  # future start


def test_cli_create_and_verify(vhd_blob, cli, azurite):
    env = {**os.environ, "AZ_KEY": AZURITE_KEY, "AZ_CONN": azurite.connection_string}
    made = cli("sas", "create", vhd_blob, "--account-key-env", "AZ_KEY", "--profile", "partner-center", "--json", env=env)
    assert made.returncode == 0, made.stderr
    data = json.loads(made.stdout)
    assert set(data) == {"sas_uri", "start", "expiry", "permissions"}
    assert data["permissions"] == "rl"
    assert AZURITE_KEY not in made.stdout
    env["SAS"] = data["sas_uri"]
    ok = cli("sas", "verify", "--uri-env", "SAS", "--profile", "partner-center", "--json", env=env)
    assert ok.returncode == 0, ok.stdout + ok.stderr
    assert json.loads(ok.stdout)["verdict"] == "pass"
    via_conn = cli("sas", "create", vhd_blob, "--connection-string-env", "AZ_CONN", env=env)
    assert via_conn.returncode == 0
    assert "sp=rl" in via_conn.stdout
    too_short = cli("sas", "create", vhd_blob, "--account-key-env", "AZ_KEY", "--profile", "partner-center",
                    "--expiry-days", "5", env=env)
    assert too_short.returncode == 2
    assert "earlier than this profile allows" in too_short.stderr
    env["BAD"] = data["sas_uri"].replace("sp=rl", "sp=rwl")
    bad = cli("sas", "verify", "--uri-env", "BAD", "--profile", "partner-center", env=env)
    assert bad.returncode == 1
    assert "permissions" in bad.stdout
    env["DOWN"] = "http://127.0.0.1:9/devstoreaccount1/c/os.vhd?" + data["sas_uri"].split("?", 1)[1]
    down = cli("sas", "verify", "--uri-env", "DOWN", env=env)
    # The rules come first and are reported although the blob cannot be read (issue #33).
    assert down.returncode == 1
    assert "permissions" in down.stdout and "expiry" in down.stdout and "could not be reached" in down.stdout


def test_verify_unreachable_still_reports_the_rules():
    result = verify_sas("http://127.0.0.1:9/devstoreaccount1/c/os.vhd?sv=1&sr=c&sp=rwl&st=2026-01-01T00:00:00Z"
                        "&se=2099-01-01T00:00:00Z&sig=abc", PC)
    assert result.reachable is False
    assert {f.id: f.severity for f in result.findings}["permissions"] == "fail"
    assert result.findings[-1].id == "live-read" and "could not be reached" in result.findings[-1].message


# -- Partner Center's three weeks, at the edge, and every time form the service accepts -------------
def pc_uri(st: str, se: str) -> str:
    """As the service writes it: the times percent-encoded ('+' is %2B; a bare '+' would read as a blank)."""
    from urllib.parse import quote

    return (f"https://acct.blob.core.windows.net/vhds/os.vhd?sv=2020-10-02&sr=c&sp=rl&st={quote(st, safe=':')}"
            f"&se={quote(se, safe=':')}&sig=abc")


def test_three_weeks_from_the_day_it_is_made_at_the_edge():
    now = datetime(2026, 11, 25, 12, 0, tzinfo=UTC)
    start = "2026-11-24T12:00:00Z"  # made now, started a day back
    assert "expiry" not in ids(check_sas_rules(pc_uri(start, "2026-12-16T12:00:00Z"), PC, now=now))  # 22 days
    assert "expiry" in ids(check_sas_rules(pc_uri(start, "2026-12-16T11:59:00Z"), PC, now=now))  # one minute short
    # The old reading (21 days from the start: 20 from the day it is made) is refused.
    assert "expiry" in ids(check_sas_rules(pc_uri(start, "2026-12-15T12:00:00Z"), PC, now=now))


@pytest.mark.parametrize("se", ["2026-12-30T12:00:00Z", "2026-12-30T12:00Z", "2026-12-30T12:00:00.1234567Z",
                                "2026-12-30T12:00:00+00:00", "2026-12-30T13:00:00+01:00", "2026-12-30T12:00:00.5-00:00"])
def test_every_time_form_the_service_accepts_is_read(se):
    result = check_sas_rules(pc_uri("2026-11-24T12:00:00Z", se), PC, now=datetime(2026, 11, 25, 12, 0, tzinfo=UTC))
    assert result.expiry is not None
    assert result.expiry.replace(microsecond=0) == datetime(2026, 12, 30, 12, 0, tzinfo=UTC)
    assert result.verdict == "pass"


@pytest.mark.parametrize("se", ["2026-12-30T12:00:00+25:00", "2026-13-30T12:00:00Z", "next tuesday",
                                "2026-12-30T12:00:00.12345678Z", "2026-12-30 12:00:00"])
def test_a_time_that_cannot_be_read_fails_instead_of_passing(se):
    result = check_sas_rules(pc_uri("2026-11-24T12:00:00Z", se), PC, now=datetime(2026, 11, 25, 12, 0, tzinfo=UTC))
    assert "expiry-time" in ids(result)
    assert result.verdict == "fail"


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=60))
def test_any_expiry_text_is_read_or_failed_never_a_crash(text):
    result = check_sas_rules(pc_uri("2026-11-24T12:00:00Z", text), PC,
                             now=datetime(2026, 11, 25, 12, 0, tzinfo=UTC))
    assert result.verdict in ("pass", "warning", "fail")
    if result.expiry is None:
        assert result.verdict == "fail"
