"""SAS rules at their edges, offline: the app's own SAS at exactly the minimum expiry passes the
app's own verification, every rule of `check_sas_rules` both ways, the time forms the service
accepts, and the exact dates the profiles' minimums give. (tests/services/test_sas.py covers the live part
against Azurite.)"""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime, timedelta
from urllib.parse import parse_qs, urlsplit

import pytest

from wizard.core.profiles import load_profile
from wizard.core.sas import (
    SasFinding,
    SasVerification,
    _parse_time,
    add_business_days,
    check_sas_rules,
    create_sas,
    minimum_expiry,
    verify_sas,
)

from conftest import AZURITE_KEY

GUIDE = load_profile("publishing-guide-2015")
PC = load_profile("partner-center")
NOW = datetime(2026, 12, 3, 10, 0, 30, 123456, tzinfo=UTC)  # a Thursday, with seconds the SAS drops
BLOB = "https://acct.blob.core.windows.net/vhds/os.vhd"
MINUTE = timedelta(minutes=1)


def uri(st: str | None = "2026-12-02T10:00:00Z", se: str | None = "2027-01-30T10:00:00Z", sp: str = "rl",
        sr: str | None = "c", sig: str = "c2ln", base: str = BLOB) -> str:
    query = "&".join(f"{k}={v}" for k, v in (("sv", "2021-08-06"), ("sr", sr), ("sp", sp), ("st", st), ("se", se),
                                             ("sig", sig)) if v is not None)
    return f"{base}?{query}"


def findings(text: str, profile=PC, now=NOW) -> dict[str, tuple[str, str]]:
    return {f.id: (f.severity, f.message) for f in check_sas_rules(text, profile, now).findings}


# -- the minimum, in dates --------------------------------------------------------------------------
def test_business_days_skip_weekends():
    thursday = datetime(2026, 12, 3, 9, 45, tzinfo=UTC)
    assert add_business_days(thursday, 0) == thursday
    assert add_business_days(thursday, 1) == datetime(2026, 12, 4, 9, 45, tzinfo=UTC)  # Friday
    assert add_business_days(thursday, 2) == datetime(2026, 12, 7, 9, 45, tzinfo=UTC)  # Monday
    assert add_business_days(thursday, 7) == datetime(2026, 12, 14, 9, 45, tzinfo=UTC)
    saturday = datetime(2026, 12, 5, tzinfo=UTC)
    assert add_business_days(saturday, 1) == datetime(2026, 12, 7, tzinfo=UTC)


def test_minimum_expiry_per_profile():
    start = datetime(2026, 12, 3, 9, 45, tzinfo=UTC)
    # the guide: 7 business days, then one more calendar day of margin
    assert minimum_expiry(GUIDE, start) == datetime(2026, 12, 15, 9, 45, tzinfo=UTC)
    # Partner Center: 21 days from the day it is made, i.e. from start + the one-day offset
    assert minimum_expiry(PC, start) == datetime(2026, 12, 25, 9, 45, tzinfo=UTC)
    from_start = dataclasses.replace(PC, sas_min_days_from="start")
    assert minimum_expiry(from_start, start) == datetime(2026, 12, 24, 9, 45, tzinfo=UTC)


# -- the app's own SAS at the edge -------------------------------------------------------------------
@pytest.mark.parametrize("profile", [GUIDE, PC], ids=lambda p: p.id)
def test_create_sas_issues_exactly_the_minimum_and_it_passes_its_own_verification(profile):
    sas = create_sas(BLOB, AZURITE_KEY, profile, now=NOW)
    now = NOW.replace(microsecond=0)
    assert sas.start == now - timedelta(minutes=profile.sas_start_offset_minutes)
    assert sas.expiry == minimum_expiry(profile, sas.start)
    assert sas.permissions == "rl"
    assert sas.uri.startswith(BLOB + "?")
    query = {k: v[0] for k, v in parse_qs(urlsplit(sas.uri).query).items()}
    assert (query["sr"], query["sp"], query["spr"]) == ("c", "rl", "https")
    assert query["st"] == sas.start.strftime("%Y-%m-%dT%H:%M:%SZ")
    assert query["se"] == sas.expiry.strftime("%Y-%m-%dT%H:%M:%SZ")
    assert query["sig"]
    for moment in (NOW, NOW + MINUTE, NOW + timedelta(days=3)):  # verified at once, or a few days later
        result = check_sas_rules(sas.uri, profile, moment)
        found = {f.id: f.severity for f in result.findings}
        assert found["expiry"] == "pass", (moment, result.findings)
        assert "start-time" not in found
        assert found["permissions"] == "pass"
        assert result.expiry == sas.expiry
        assert result.verdict == ("warning" if profile.sas_scheme == "http-warn" else "pass")
    assert sas.to_json() == {"sas_uri": sas.uri, "start": sas.start.strftime("%Y-%m-%dT%H:%M:%SZ"),
                             "expiry": sas.expiry.strftime("%Y-%m-%dT%H:%M:%SZ"), "permissions": "rl"}


@pytest.mark.parametrize("profile", [GUIDE, PC], ids=lambda p: p.id)
def test_create_sas_refuses_a_second_too_early_and_takes_the_minimum_or_later(profile):
    start = NOW.replace(microsecond=0) - timedelta(minutes=profile.sas_start_offset_minutes)
    earliest = minimum_expiry(profile, start)
    with pytest.raises(ValueError) as refused:
        create_sas(BLOB, AZURITE_KEY, profile, now=NOW, expiry=earliest - timedelta(seconds=1))
    assert str(refused.value) == (f"expiry {earliest - timedelta(seconds=1):%Y-%m-%d %H:%M} UTC is earlier than this "
                                  f"profile allows ({earliest:%Y-%m-%d %H:%M} UTC)")
    assert create_sas(BLOB, AZURITE_KEY, profile, now=NOW, expiry=earliest).expiry == earliest
    later = earliest + timedelta(days=30, microseconds=5)
    made = create_sas(BLOB, AZURITE_KEY, profile, now=NOW, expiry=later)
    assert made.expiry == later.replace(microsecond=0)
    assert {f.id: f.severity for f in check_sas_rules(made.uri, profile, NOW).findings}["expiry"] == "pass"


def test_create_sas_for_the_local_emulator_speaks_http_and_a_chosen_scheme_is_kept():
    local = "http://127.0.0.1:10000/devstoreaccount1/vhds/os.vhd"
    sas = create_sas(local, AZURITE_KEY, PC, now=NOW)
    assert sas.uri.startswith(local + "?")
    assert parse_qs(urlsplit(sas.uri).query)["spr"] == ["https,http"]
    assert "scheme" not in findings(sas.uri, PC)  # http is the emulator's only scheme: not held against it
    chosen = create_sas(BLOB, AZURITE_KEY, GUIDE, now=NOW, scheme="http")
    assert chosen.uri.startswith("http://acct.blob.core.windows.net/vhds/os.vhd?")
    assert parse_qs(urlsplit(chosen.uri).query)["spr"] == ["https,http"]


# -- each rule both ways ---------------------------------------------------------------------------------
def test_a_good_uri_has_every_finding_passing():
    assert findings(uri()) == {"permissions": ("pass", "Permissions are read + list (sp=rl)."),
                               "expiry": ("pass", "Valid until 2027-01-30 10:00 UTC.")}


def test_uris_that_are_not_blob_urls_or_carry_no_token():
    assert findings("https://acct.blob.core.windows.net/onlycontainer?sig=x") == \
        {"sas-query": ("fail", "This is not a blob URL the portal can use (a blob URL needs /<container>/<blob>).")}
    assert findings(BLOB) == {"sas-query": ("fail", "The URI has no '?': it carries no SAS token.")}


def test_the_vhd_name():
    assert findings(uri(base="https://acct.blob.core.windows.net/vhds/os.img"))["vhd-name"] == \
        ("fail", "The URI must end with the VHD's file name ending in .vhd.")
    assert "vhd-name" not in findings(uri(base="https://acct.blob.core.windows.net/vhds/OS.VHD"))
    bad = "The VHD name contains a blank, '%' or '\"', which the portal rejects. Rename the blob."
    for name in ("my%20disk.vhd", "my%22disk.vhd", "a%25b.vhd"):
        assert findings(uri(base=f"https://acct.blob.core.windows.net/vhds/{name}"))["vhd-name-chars"] == ("fail", bad)
    assert "vhd-name-chars" not in findings(uri(base="https://acct.blob.core.windows.net/vhds/dir%2Fos.vhd"))


def test_signature_permissions_and_scope():
    assert findings(uri(sig=""))["sig"] == ("fail", "The SAS has no signature (sig).")
    assert findings(uri(sp="rwl"))["permissions"] == \
        ("fail", "Permissions are 'rwl'; the portal needs exactly read + list (sp=rl).")
    assert findings(uri(sp=""))["permissions"][1] == "Permissions are '—'; the portal needs exactly read + list (sp=rl)."
    assert findings(uri(sp="lr"))["permissions"][0] == "fail"  # the portal wants the letters as the service writes them
    assert findings(uri(sr="b"))["scope"] == \
        ("fail", "The SAS is not a container SAS (sr=b); create a container SAS (sr=c).")
    assert findings(uri(sr=None))["scope"][1] == "The SAS is not a container SAS (sr=—); create a container SAS (sr=c)."


def test_missing_date_only_and_unreadable_times():
    assert findings(uri(st=None))["start-time"] == \
        ("fail", "The SAS has no start (st) time; the portal needs both start and expiry.")
    assert findings(uri(se=None))["expiry-time"] == \
        ("fail", "The SAS has no expiry (se) time; the portal needs both start and expiry.")
    assert findings(uri(se="2027-01-30"))["expiry-time"] == \
        ("fail", "The expiry time '2027-01-30' is a date only; the portal needs a full UTC date-time.")
    assert findings(uri(se="2027-01-30"))["expiry"][0] == "pass"  # still read, and judged
    assert findings(uri(st="yesterday"))["start-time"] == \
        ("fail", "The start time 'yesterday' is not a date-time the storage service accepts.")
    assert findings(uri(se="2027-01-30Tnoon"))["expiry-time"][0] == "fail"
    result = check_sas_rules(uri(se="junk"), PC, NOW)
    assert result.expiry is None and "expiry" not in {f.id for f in result.findings}


def test_start_in_the_future_and_clock_skew_at_their_edges():
    def start(minutes_from_now: float) -> dict:
        st = (NOW.replace(microsecond=0) + timedelta(minutes=minutes_from_now)).strftime("%Y-%m-%dT%H:%M:%SZ")
        return findings(uri(st=st), PC, NOW.replace(microsecond=0))
    assert start(1)["start-time"] == ("warning", "The SAS starts less than 1440 minutes before now; clocks that run "
                                                 "behind may refuse it.")
    assert start(1 + 1 / 60)["start-time"] == ("fail", "The SAS starts in the future (2026-12-03 10:01 UTC); the "
                                                       "portal would be refused until then.")
    assert start(-1438 + 1 / 60)["start-time"][0] == "warning"  # a second inside the 2-minute tolerance's edge
    assert "start-time" not in start(-1438)


def test_expired_short_soon_and_valid():
    now = NOW.replace(microsecond=0)
    st = (now - timedelta(days=40)).strftime("%Y-%m-%dT%H:%M:%SZ")
    assert findings(uri(st=st, se=now.strftime("%Y-%m-%dT%H:%M:%SZ")), PC, now)["expiry"] == \
        ("fail", "The SAS expired on 2026-12-03 10:00 UTC. Create a new one.")
    assert findings(uri(st=st, se=(now + timedelta(seconds=1)).strftime("%Y-%m-%dT%H:%M:%SZ")), PC, now)["expiry"] == \
        ("warning", "The SAS expires on 2026-12-03 10:00 UTC, within 2 days. Renew it before submitting.")
    short = findings(uri(st="2026-12-02T10:00:00Z", se="2026-12-24T09:59:00Z"), PC, now)["expiry"]
    assert short == ("fail", "The SAS is valid until 2026-12-24 09:59 UTC, but this profile needs at least "
                             "2026-12-24 10:00 UTC (from its start). Create a longer one.")
    guide = findings(uri(st="2026-12-03T09:45:00Z", se="2026-12-15T09:44:00Z"), GUIDE, now)["expiry"]
    assert guide[1].endswith("needs at least 2026-12-15 09:45 UTC (from its start). Create a longer one.")


def test_the_scheme_rule_per_profile():
    http = uri(base="http://acct.blob.core.windows.net/vhds/os.vhd")
    assert findings(http, PC)["scheme"] == ("fail", "The URI uses http; Partner Center needs https.")
    assert "scheme" not in findings(http, GUIDE)
    assert findings(uri(), GUIDE)["scheme"][0] == "warning"
    assert findings(uri(), GUIDE)["scheme"][1].startswith("The 2015 guide asks for an http URI")
    assert "scheme" not in findings(uri(), PC)
    emulator = uri(base="http://127.0.0.1:10000/devstoreaccount1/vhds/os.vhd")
    assert "scheme" not in findings(emulator, PC)


def test_the_verdict_is_the_worst_finding():
    result = SasVerification()
    assert result.verdict == "pass"
    result.findings.append(SasFinding("a", "warning", ""))
    assert result.verdict == "warning"
    result.findings.append(SasFinding("b", "fail", ""))
    assert result.verdict == "fail"


def test_verify_without_the_live_read_or_with_a_uri_that_cannot_be_read():
    offline = verify_sas(uri(), PC, NOW, live=False)
    assert offline.reachable is None
    assert [f.id for f in offline.findings] == ["permissions", "expiry"]
    no_sig = verify_sas(uri(sig=""), PC, NOW, live=True)  # no token: nothing to read with, no network touched
    assert no_sig.reachable is None and no_sig.verdict == "fail"
    no_query = verify_sas(BLOB, PC, NOW)
    assert no_query.reachable is None and [f.id for f in no_query.findings] == ["sas-query"]


# -- the time forms the service accepts ------------------------------------------------------------------
@pytest.mark.parametrize("text,moment", [
    ("2026-12-03", datetime(2026, 12, 3, tzinfo=UTC)),
    ("2026-12-03T10:05Z", datetime(2026, 12, 3, 10, 5, tzinfo=UTC)),
    ("2026-12-03T10:05:07Z", datetime(2026, 12, 3, 10, 5, 7, tzinfo=UTC)),
    ("2026-12-03T10:05:07.1234567Z", datetime(2026, 12, 3, 10, 5, 7, 123456, tzinfo=UTC)),
    ("2026-12-03T10:05:07.5Z", datetime(2026, 12, 3, 10, 5, 7, 500000, tzinfo=UTC)),
    ("2026-12-03T10:05:07", datetime(2026, 12, 3, 10, 5, 7, tzinfo=UTC)),
    ("2026-12-03T10:05:07+09:00", datetime(2026, 12, 3, 1, 5, 7, tzinfo=UTC)),
    ("2026-12-03T10:05:07-05:30", datetime(2026, 12, 3, 15, 35, 7, tzinfo=UTC)),
    ("2026-12-03T10:00+14:00", datetime(2026, 12, 2, 20, 0, tzinfo=UTC)),
    (" 2026-12-03T10:00Z ", datetime(2026, 12, 3, 10, 0, tzinfo=UTC)),
    ("0002-01-01T00:00Z", datetime(2, 1, 1, tzinfo=UTC)),
    ("9998-12-31T23:59Z", datetime(9998, 12, 31, 23, 59, tzinfo=UTC)),
])
def test_sas_time_forms(text, moment):
    assert _parse_time(text) == moment


@pytest.mark.parametrize("text", ["2026-02-30T10:00Z", "2026-12-03T25:00Z", "2026-12-03T10:00+14:01",
                                  "2026-12-03T10:00+15:00", "2026-12-03T10:00+09:60", "2026-12-03T10", "26-12-03",
                                  "0001-01-01T00:00Z", "9999-01-01T00:00Z", "0001-01-01T10:00+11:00",
                                  "2026-12-03T10:00:00.12345678Z", "２０２６-12-03"])
def test_times_the_service_would_refuse_are_none(text):
    assert _parse_time(text) is None


def test_long_reasons_and_values_are_cut_for_the_message():
    long = "ftp://" + "x" * 200 + "/vhds/os.vhd?sig=1"
    (finding,) = check_sas_rules(long, PC, NOW).findings
    reason = f"not a blob URL: {long.split('?')[0]}"[:80]
    assert finding.message == f"This is not a blob URL the portal can use ({reason})."
    value = "y" * 60
    assert findings(uri(st=value))["start-time"][1] == \
        f"The start time '{value[:40]}' is not a date-time the storage service accepts."


def test_a_quote_in_the_name_is_refused_even_unescaped():
    assert findings(uri(base='https://acct.blob.core.windows.net/vhds/my"disk.vhd'))["vhd-name-chars"][0] == "fail"


# -- the live read, through a stand-in for the SDK client ---------------------------------------------------
# tests/services/test_sas.py reads real blobs on Azurite through real SAS URIs; here the branches of what
# verify_sas makes of the client's answers are each run offline (so the mutation run sees them).
class _Props:
    def __init__(self, blob_type, size, metadata=None):
        # BlobProperties.metadata: the service's x-ms-meta-* headers ({} when the blob has none).
        self.blob_type, self.size, self.metadata = blob_type, size, metadata if metadata is not None else {}


class _Enum:
    def __init__(self, value):
        self.value = value


class _Client:
    def __init__(self, blob_type="PageBlob", size=30 * 2**30 + 512, tail=b"conectix" + bytes(504), error=None,
                 write_error=None):
        self.blob_type, self.size, self.tail, self.error, self.write_error = blob_type, size, tail, error, write_error
        self.reads: list[tuple[int, int]] = []
        self.writes: list[tuple[bytes, int, int]] = []

    def get_blob_properties(self):
        if self.error:
            raise self.error
        return _Props(self.blob_type, self.size)

    def download_blob(self, offset, length):
        self.reads.append((offset, length))
        tail = self.tail

        class _Stream:
            def readall(self):
                return tail[:length]
        return _Stream()

    def upload_page(self, data, offset, length):
        self.writes.append((data, offset, length))
        if self.write_error:
            raise self.write_error


@pytest.fixture
def client(monkeypatch):
    from azure.storage.blob import BlobClient

    made: dict = {}

    def use(fake: _Client) -> _Client:
        def from_blob_url(url, **options):
            made["url"], made["options"] = url, options
            return fake
        monkeypatch.setattr(BlobClient, "from_blob_url", staticmethod(from_blob_url))
        made["fake"] = fake
        return fake
    use.made = made  # type: ignore[attr-defined]
    return use


def test_live_read_of_a_page_blob_reads_only_its_last_512_bytes(client):
    fake = client(_Client(_Enum("PageBlob")))
    result = verify_sas(uri(), PC, NOW)
    assert result.reachable is True
    assert fake.reads == [(30 * 2**30, 512)]
    assert client.made["url"] == uri()
    assert {"retry_policy", "connection_timeout", "read_timeout"} <= set(client.made["options"])
    assert (result.findings[-1].id, result.findings[-1].severity, result.findings[-1].message) == \
        ("live-read", "pass", "Read the VHD footer through the SAS.")
    small = client(_Client("PageBlob", size=100, tail=b"conectix"))
    verify_sas(uri(), PC, NOW)
    assert small.reads == [(0, 100)]


def test_live_read_of_something_that_is_no_vhd_or_no_page_blob(client):
    client(_Client("PageBlob", tail=bytes(512)))
    assert [(f.id, f.severity, f.message) for f in verify_sas(uri(), PC, NOW).findings][-1] == \
        ("live-read", "fail", "The blob's last 512 bytes are not a VHD footer.")
    fake = client(_Client(_Enum("BlockBlob")))
    result = verify_sas(uri(), PC, NOW)
    assert result.reachable is True and fake.reads == []
    assert (result.findings[-1].id, result.findings[-1].message) == ("blob-type", "The blob is a BlockBlob, not a page blob.")
    client(_Client("pageblob"))
    assert verify_sas(uri(), PC, NOW).findings[-1].severity == "pass"  # the service's spelling may vary in case


def test_live_read_errors(client):
    from azure.core.exceptions import ResourceNotFoundError, ServiceRequestError

    from wizard.core.storage import describe_storage_error

    missing = ResourceNotFoundError("gone")
    client(_Client(error=missing))
    result = verify_sas(uri(), PC, NOW)
    assert result.reachable is False
    assert (result.findings[-1].id, result.findings[-1].severity) == ("live-read", "fail")
    assert result.findings[-1].message == f"Reading the blob through the SAS failed: {describe_storage_error(missing)}"
    client(_Client(error=ServiceRequestError("no route to host")))
    # The rules are judged first and reported even when the blob cannot be reached (issue #33).
    down = verify_sas(uri(sp="rwl"), PC, NOW)
    assert down.reachable is False and down.verdict == "fail"
    assert [f.id for f in down.findings] == ["permissions", "expiry", "live-read"]
    assert down.findings[-1].message.startswith("The blob could not be read through the SAS (")
    assert "the rules above were judged from the URI alone" in down.findings[-1].message


def test_a_write_through_the_sas_reports_the_status(client):
    from azure.core.exceptions import HttpResponseError

    from wizard.core.sas import try_write_through

    refused = HttpResponseError("denied")
    refused.status_code = 403
    fake = client(_Client(write_error=refused))
    assert try_write_through(uri()) == 403
    assert fake.writes == [(bytes(512), 0, 512)]
    client(_Client())
    assert try_write_through(uri()) == 201


def test_create_sas_keeps_https_unless_the_emulator_or_the_user_asks():
    plain_http = create_sas("http://acct.blob.core.windows.net/vhds/os.vhd", AZURITE_KEY, PC, now=NOW)
    assert plain_http.uri.startswith("https://acct.blob.core.windows.net/vhds/os.vhd?")  # not an emulator: https
    local_https = create_sas("https://127.0.0.1:10000/devstoreaccount1/vhds/os.vhd", AZURITE_KEY, PC, now=NOW)
    assert local_https.uri.startswith("https://127.0.0.1:10000/devstoreaccount1/vhds/os.vhd?")


def test_only_the_file_name_is_judged_for_odd_characters():
    assert "vhd-name-chars" not in findings(uri(base="https://acct.blob.core.windows.net/vhds/my%20dir/os.vhd"))
    assert "vhd-name" not in findings(uri(base="https://acct.blob.core.windows.net/vhds/dir.vhd/os.vhd"))
    assert findings(uri(base="https://acct.blob.core.windows.net/vhds/os.vhd/disk"))["vhd-name"][0] == "fail"
    # an escape in the file name is refused even when what it stands for would be allowed
    assert findings(uri(base="https://acct.blob.core.windows.net/vhds/a%41.vhd"))["vhd-name-chars"][0] == "fail"


# -- who may read it: an IP range, a protocol ------------------------------------------------------
@pytest.mark.parametrize("profile", [GUIDE, PC], ids=["guide", "partner-center"])
def test_an_ip_restricted_sas_fails_because_microsoft_reads_from_its_own_addresses(profile):
    assert "ip-range" not in findings(uri(), profile)
    restricted = findings(uri() + "&sip=203.0.113.5-203.0.113.9", profile)
    severity, message = restricted["ip-range"]
    assert severity == "fail"
    assert "203.0.113.5-203.0.113.9" in message and "sip" in message
    assert "ip-range" not in findings(uri() + "&sip=", profile), "an empty sip restricts nothing"


def test_an_https_only_sas_on_an_http_uri_fails_and_nothing_else_does():
    http = BLOB.replace("https://", "http://")
    assert findings(uri(base=http) + "&spr=https", GUIDE)["protocol"][0] == "fail"
    assert findings(uri(base=http) + "&spr=HTTPS", GUIDE)["protocol"][0] == "fail"
    assert "protocol" not in findings(uri(base=http) + "&spr=https,http", GUIDE)
    assert "protocol" not in findings(uri() + "&spr=https", GUIDE)
    assert "protocol" not in findings(uri(base=http), GUIDE)


@pytest.mark.parametrize("scheme", ["https", "http"])
def test_the_apps_own_sas_passes_the_protocol_rule_for_either_scheme(scheme):
    made = create_sas(BLOB, AZURITE_KEY, GUIDE, now=NOW, scheme=scheme)
    assert made.uri.startswith(f"{scheme}://")
    found = findings(made.uri, GUIDE)
    assert "protocol" not in found and "ip-range" not in found


def test_a_long_ip_range_is_shown_to_its_first_40_characters():
    """The message quotes what the URI says, shortened: a crafted range cannot flood the table."""
    long_range = "10.0.0.1-" + "9" * 31 + "XYZ"  # 40 characters, then three more
    assert len(long_range) == 43
    message = findings(uri() + f"&sip={long_range}")["ip-range"][1]
    assert long_range[:40] in message
    assert long_range[:41] not in message


# (was test_sas.py's copy of the weekend test, from a Friday)
def test_business_days_from_a_friday_and_each_profiles_minimum():
    friday = datetime(2026, 11, 27, 10, 0, tzinfo=UTC)
    assert add_business_days(friday, 1) == datetime(2026, 11, 30, 10, 0, tzinfo=UTC)  # Monday
    assert add_business_days(friday, 7) == datetime(2026, 12, 8, 10, 0, tzinfo=UTC)
    saturday = datetime(2026, 11, 28, 9, 0, tzinfo=UTC)
    assert add_business_days(saturday, 5) == datetime(2026, 12, 4, 9, 0, tzinfo=UTC)
    # Guide: 7 business days, then one day of margin.
    assert minimum_expiry(GUIDE, friday) == datetime(2026, 12, 9, 10, 0, tzinfo=UTC)
    # Partner Center: 3 weeks from the day it is made, the start being a day back: 22 days after the start.
    assert minimum_expiry(PC, friday) == friday + timedelta(days=22)


# -- a user-delegation SAS (skoid/ske) lives as long as its key: at most a week (issue #33) ----------------
def delegated(ske: str | None, se: str = "2027-01-30T10:00:00Z") -> str:
    extra = "&skoid=00000000-0000-0000-0000-000000000001&sktid=00000000-0000-0000-0000-000000000002" \
            "&skt=2026-12-02T10:00:00Z&sks=b&skv=2022-11-02" + (f"&ske={ske}" if ske is not None else "")
    return uri(se=se) + extra


@pytest.mark.parametrize("profile", [PC, GUIDE])
def test_a_user_delegation_sas_never_meets_the_minimum_whatever_se_says(profile):
    result = check_sas_rules(delegated("2026-12-09T10:00:00Z"), profile, NOW)
    (finding,) = [f for f in result.findings if f.id == "user-delegation"]
    assert finding.severity == "fail" and result.verdict == "fail"
    needed = minimum_expiry(profile, datetime(2026, 12, 2, 10, tzinfo=UTC)).strftime("%Y-%m-%d %H:%M UTC")
    assert finding.message == (f"This is a user-delegation SAS (skoid/ske): it stops working when its key expires "
                               f"(2026-12-09 10:00 UTC), and a user-delegation key lives at most 7 days, so it can never "
                               f"last until {needed} as this profile needs, whatever its expiry (se) says. Create a SAS "
                               f"signed with the storage account key instead.")
    assert result.expiry == datetime(2026, 12, 9, 10, tzinfo=UTC)  # the key ends it, not se
    # A forged key expiry far out changes nothing: no such key can exist.
    assert "user-delegation" in [f.id for f in check_sas_rules(delegated("2099-01-01T00:00:00Z"), profile, NOW).findings]


def test_a_user_delegation_sas_without_a_readable_key_expiry_is_refused_and_an_account_sas_is_not_one():
    (finding,) = [f for f in check_sas_rules(delegated(None), PC, NOW).findings if f.id == "user-delegation"]
    assert finding.severity == "fail" and "key expiry (ske) is missing" in finding.message
    assert "user-delegation" in [f.id for f in check_sas_rules(delegated("soon"), PC, NOW).findings]
    plain = check_sas_rules(uri(), PC, NOW)  # signed with the account key: the rule does not apply
    assert "user-delegation" not in [f.id for f in plain.findings] and plain.verdict == "pass"
