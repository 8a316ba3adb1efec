"""SAS URIs for VHD blobs that the publishing portal accepts on the first try.

Creation follows the project's profile (REFERENCE.md §6): a container SAS
(`sr=c`) with exactly read + list (`sp=rl`), the start moved back for clock skew,
an expiry at least N business days (guide) or N calendar days (Partner Center)
away, full UTC date-times for `st`/`se`. Verification re-checks every rule from
the URI alone, then reads the blob's last 512 bytes through the SAS.
"""

from __future__ import annotations

import re
from dataclasses import field
from datetime import UTC, datetime, timedelta
from typing import Any
from urllib.parse import parse_qs, unquote, urlsplit

from .deadline import DeadlineExceeded, within
from .i18n_marks import QT_TRANSLATE_NOOP
from .profiles import Profile
from .records import record
from .storage import (
    M_DEADLINE,
    PROPERTIES_SECONDS,
    READ_SECONDS,
    StorageError,
    client_options,
    describe_storage_error,
    parse_blob_url,
    storage_error,
)
from .vhd import COOKIE, FOOTER_SIZE

SAS_TIME_FORMAT = "%Y-%m-%dT%H:%M:%SZ"


@record(frozen=True)
class SasUri:
    uri: str  # secret: holds the signature
    start: datetime
    expiry: datetime
    permissions: str

    def to_json(self) -> dict[str, Any]:
        return {"sas_uri": self.uri, "start": self.start.strftime(SAS_TIME_FORMAT),
                "expiry": self.expiry.strftime(SAS_TIME_FORMAT), "permissions": self.permissions}


@record
class SasFinding:
    id: str
    severity: str  # pass | warning | fail
    message: str
    template: str = ""
    args: tuple[tuple[str, str], ...] = ()


@record
class SasVerification:
    findings: list[SasFinding] = field(default_factory=list)
    expiry: datetime | None = None
    reachable: bool | None = None  # None: the live read was not attempted
    metadata: dict[str, str] | None = None  # the blob's metadata, when the live read reached it

    @property
    def verdict(self) -> str:
        sev = {f.severity for f in self.findings}
        return "fail" if "fail" in sev else "warning" if "warning" in sev else "pass"


def add_business_days(start: datetime, days: int) -> datetime:
    """`days` working days after `start`, skipping Saturdays and Sundays."""
    current = start
    added = 0
    while added < days:
        current += timedelta(days=1)
        if current.weekday() < 5:
            added += 1
    return current


def minimum_expiry(profile: Profile, start: datetime) -> datetime:
    """The earliest expiry the profile accepts for a SAS starting at `start`."""
    if profile.sas_min_business_days:
        return add_business_days(start, profile.sas_min_business_days) + timedelta(days=profile.sas_expiry_margin_days)
    # Partner Center counts from the day the URI is made; the start is set back by the offset (a day).
    made = start + timedelta(minutes=profile.sas_start_offset_minutes) if profile.sas_min_days_from == "creation" else start
    return made + timedelta(days=profile.sas_min_days)


def _utc(dt: datetime) -> datetime:
    return dt.replace(microsecond=0).astimezone(UTC)


def create_sas(blob_url: str, account_key: str, profile: Profile, now: datetime | None = None,
               expiry: datetime | None = None, scheme: str | None = None) -> SasUri:
    """A container SAS for the blob's container, with the blob path appended.

    Raises ValueError when `expiry` is shorter than the profile allows: a later
    expiry may be chosen, never an earlier one.
    """
    from azure.storage.blob import ContainerSasPermissions, generate_container_sas

    parsed = parse_blob_url(blob_url)
    now = _utc(now or datetime.now(UTC))
    start = now - timedelta(minutes=profile.sas_start_offset_minutes)
    earliest = minimum_expiry(profile, start)
    expiry = _utc(expiry) if expiry else earliest
    if expiry < earliest:
        raise ValueError(f"expiry {expiry:%Y-%m-%d %H:%M} UTC is earlier than this profile allows "
                         f"({earliest:%Y-%m-%d %H:%M} UTC)")
    # https by default (the guide's "not https" was a 2015 tool quirk: the user may choose http);
    # a local emulator speaks only http.
    scheme = scheme or ("http" if parsed.path_style and parsed.scheme == "http" else "https")
    token = generate_container_sas(
        parsed.account, parsed.container, account_key=account_key,
        permission=ContainerSasPermissions(read=True, list=True),
        start=start, expiry=expiry, protocol="https" if scheme == "https" else "https,http",
    )
    path_url = parsed.url_without_sas.split("://", 1)[1]
    return SasUri(f"{scheme}://{path_url}?{token}", start, expiry, "rl")


M_BAD_URI = QT_TRANSLATE_NOOP("Core", "This is not a blob URL the portal can use ({reason}).")
M_NO_QUERY = QT_TRANSLATE_NOOP("Core", "The URI has no '?': it carries no SAS token.")
M_NO_VHD = QT_TRANSLATE_NOOP("Core", "The URI must end with the VHD's file name ending in .vhd.")
M_BAD_NAME = QT_TRANSLATE_NOOP("Core", "The VHD name contains a blank, '%' or '\"', which the portal rejects. Rename the blob.")
M_SP = QT_TRANSLATE_NOOP("Core", "Permissions are '{sp}'; the portal needs exactly read + list (sp=rl).")
M_SP_OK = QT_TRANSLATE_NOOP("Core", "Permissions are read + list (sp=rl).")
M_SR = QT_TRANSLATE_NOOP("Core", "The SAS is not a container SAS (sr={sr}); create a container SAS (sr=c).")
M_MISSING_TIME = QT_TRANSLATE_NOOP("Core", "The SAS has no {field} ({name}) time; the portal needs both start and expiry.")
M_UNREADABLE_TIME = QT_TRANSLATE_NOOP("Core", "The {field} time '{value}' is not a date-time the storage service accepts.")
M_DATE_ONLY = QT_TRANSLATE_NOOP("Core", "The {field} time '{value}' is a date only; the portal needs a full UTC date-time.")
M_NOT_STARTED = QT_TRANSLATE_NOOP("Core", "The SAS starts in the future ({value}); the portal would be refused until then.")
M_SKEW = QT_TRANSLATE_NOOP("Core", "The SAS starts less than {minutes} minutes before now; clocks that run behind may refuse it.")
M_EXPIRED = QT_TRANSLATE_NOOP("Core", "The SAS expired on {value}. Create a new one.")
M_SHORT = QT_TRANSLATE_NOOP("Core", "The SAS is valid until {value}, but this profile needs at least {needed} (from its start). Create a longer one.")
M_SOON = QT_TRANSLATE_NOOP("Core", "The SAS expires on {value}, within {days} days. Renew it before submitting.")
M_EXPIRY_OK = QT_TRANSLATE_NOOP("Core", "Valid until {value}.")
M_HTTPS_GUIDE = QT_TRANSLATE_NOOP(
    "Core", "The 2015 guide asks for an http URI, but many storage accounts require https; keep https unless the portal refuses it.")
M_HTTP_PC = QT_TRANSLATE_NOOP("Core", "The URI uses http; Partner Center needs https.")
M_NO_SIG = QT_TRANSLATE_NOOP("Core", "The SAS has no signature (sig).")
M_IP_RANGE = QT_TRANSLATE_NOOP(
    "Core", "The SAS only accepts requests from {range} (sip); Microsoft reads the VHD from its own addresses and would be "
    "refused. Create the SAS without an allowed IP range.")
M_PROTOCOL = QT_TRANSLATE_NOOP(
    "Core", "The SAS allows https only (spr={spr}) but the URI starts with http: the storage service refuses it. "
    "Use the https URI, or create the SAS for https and http.")
M_READ_OK = QT_TRANSLATE_NOOP("Core", "Read the VHD footer through the SAS.")
M_NOT_VHD = QT_TRANSLATE_NOOP("Core", "The blob's last 512 bytes are not a VHD footer.")
M_BLOCK = QT_TRANSLATE_NOOP("Core", "The blob is a {type}, not a page blob.")
M_UD_NEVER = QT_TRANSLATE_NOOP("Core", "This is a user-delegation SAS (skoid/ske): it stops working when its key expires "
                                       "({key}), and a user-delegation key lives at most {max} days, so it can never last "
                                       "until {needed} as this profile needs, whatever its expiry (se) says. Create a SAS "
                                       "signed with the storage account key instead.")
M_UD_NO_KEY = QT_TRANSLATE_NOOP("Core", "This is a user-delegation SAS (skoid), but its key expiry (ske) is missing or not a "
                                        "date-time: it cannot be judged. Create a SAS signed with the storage account key.")
M_UNREACHABLE = QT_TRANSLATE_NOOP("Core", "The blob could not be read through the SAS ({reason}); the rules above were judged "
                                          "from the URI alone.")
M_LIVE = QT_TRANSLATE_NOOP("Core", "Reading the blob through the SAS failed: {reason}")


def _f(fid: str, severity: str, template: str, **args: object) -> SasFinding:
    return SasFinding(fid, severity, template.format(**args), template, tuple((k, str(v)) for k, v in args.items()))


# The ISO 8601 forms the storage service accepts for st/se: a date, or a date and time to the minute
# or second, with up to 7 fraction digits, in UTC ("Z") or with an offset.
_SAS_TIME = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,7}))?)?(Z|[+-]\d{2}:[0-5]\d)?)?",
                       re.ASCII)


def _parse_time(text: str) -> datetime | None:
    """The moment `text` names, in UTC; None when it is not one of the forms the service accepts."""
    m = _SAS_TIME.fullmatch(text.strip())
    if not m:
        return None
    year, month, day, hour, minute, second, fraction, zone = m.groups()
    try:
        moment = datetime(int(year), int(month), int(day), int(hour or 0), int(minute or 0), int(second or 0),
                          int((fraction or "0").ljust(6, "0")[:6]), tzinfo=UTC)
    except ValueError:
        return None  # 2026-02-30, 25:00 ...
    if zone and zone != "Z":
        sign = 1 if zone[0] == "+" else -1
        offset = timedelta(hours=int(zone[1:3]), minutes=int(zone[4:6]))
        if offset > timedelta(hours=14):
            return None
        try:
            moment -= sign * offset
        except OverflowError:
            return None
    if not 1 < moment.year < 9999:
        return None  # the service's range, with room for the rules' arithmetic
    return moment


def check_sas_rules(uri: str, profile: Profile, now: datetime | None = None) -> SasVerification:
    """Every rule the portal applies, read from the URI alone (no network)."""
    now = now or datetime.now(UTC)
    result = SasVerification()
    add = result.findings.append
    try:
        parts = urlsplit(uri.strip())
        if parts.netloc:
            parse_blob_url(uri)
    except ValueError as exc:
        add(_f("sas-query", "fail", M_BAD_URI, reason=str(exc)[:80]))
        return result
    if not parts.query:
        add(_f("sas-query", "fail", M_NO_QUERY))
        return result
    name = unquote(parts.path.rsplit("/", 1)[-1])
    if not name.lower().endswith(".vhd"):
        add(_f("vhd-name", "fail", M_NO_VHD))
    if any(c in name for c in ' %"') or "%" in parts.path.rsplit("/", 1)[-1].replace("%2F", ""):
        add(_f("vhd-name-chars", "fail", M_BAD_NAME))
    query = {k: v[0] for k, v in parse_qs(parts.query, keep_blank_values=True).items()}
    if not query.get("sig"):
        add(_f("sig", "fail", M_NO_SIG))
    sp = query.get("sp", "")
    add(_f("permissions", "pass", M_SP_OK) if sp == profile.sas_permissions else _f("permissions", "fail", M_SP, sp=sp or "—"))
    if query.get("sr") != "c":
        add(_f("scope", "fail", M_SR, sr=query.get("sr", "—")))
    times = {}
    for key, label in (("st", "start"), ("se", "expiry")):
        value = query.get(key)
        if not value:
            add(_f(f"{label}-time", "fail", M_MISSING_TIME, field=label, name=key))
            continue
        if "T" not in value:
            add(_f(f"{label}-time", "fail", M_DATE_ONLY, field=label, value=value))
        times[key] = _parse_time(value)
        if times[key] is None:
            # A time this verifier cannot read is a failure: a pass would claim more than was checked.
            add(_f(f"{label}-time", "fail", M_UNREADABLE_TIME, field=label, value=value[:40]))
    start, expiry = times.get("st"), times.get("se")
    result.expiry = expiry
    if "skoid" in query or "ske" in query:
        # A user-delegation SAS ends when its key does (ske), and such a key lives at most a week.
        key_expiry = _parse_time(query.get("ske", ""))
        if key_expiry is None:
            add(_f("user-delegation", "fail", M_UD_NO_KEY))
        else:
            result.expiry = min(expiry, key_expiry) if expiry else key_expiry
            needed = minimum_expiry(profile, start or now)
            if needed - (start or now) > timedelta(days=profile.sas_user_delegation_max_days) or key_expiry < needed:
                add(_f("user-delegation", "fail", M_UD_NEVER, key=key_expiry.strftime("%Y-%m-%d %H:%M UTC"),
                       max=profile.sas_user_delegation_max_days, needed=needed.strftime("%Y-%m-%d %H:%M UTC")))
    if start:
        if start > now + timedelta(minutes=1):
            add(_f("start-time", "fail", M_NOT_STARTED, value=start.strftime("%Y-%m-%d %H:%M UTC")))
        else:
            # A small tolerance: a SAS made a minute ago by this app is fine.
            wanted = timedelta(minutes=profile.sas_start_offset_minutes) - timedelta(minutes=2)
            if now - start < wanted:
                add(_f("start-time", "warning", M_SKEW, minutes=profile.sas_start_offset_minutes))
    if expiry:
        shown = expiry.strftime("%Y-%m-%d %H:%M UTC")
        if expiry <= now:
            add(_f("expiry", "fail", M_EXPIRED, value=shown))
        elif start and expiry < minimum_expiry(profile, start):
            add(_f("expiry", "fail", M_SHORT, value=shown,
                   needed=minimum_expiry(profile, start).strftime("%Y-%m-%d %H:%M UTC")))
        elif expiry - now <= timedelta(days=profile.sas_renew_warning_days):
            add(_f("expiry", "warning", M_SOON, value=shown, days=profile.sas_renew_warning_days))
        else:
            add(_f("expiry", "pass", M_EXPIRY_OK, value=shown))
    if query.get("sip"):
        # Ingestion reads from Microsoft's own, unpublished addresses: a range the publisher picks cannot include them.
        add(_f("ip-range", "fail", M_IP_RANGE, range=query["sip"][:40]))
    if parts.scheme == "http" and query.get("spr", "").lower() == "https":
        add(_f("protocol", "fail", M_PROTOCOL, spr=query["spr"]))  # "https" in some casing: short
    emulator = parse_blob_url(uri).path_style if parts.netloc else False  # local emulator: http only, rule n/a
    if parts.scheme == "https" and profile.sas_scheme == "http-warn":
        add(_f("scheme", "warning", M_HTTPS_GUIDE))
    elif parts.scheme == "http" and profile.sas_scheme == "https" and not emulator:
        add(_f("scheme", "fail", M_HTTP_PC))
    return result


def verify_sas(uri: str, profile: Profile, now: datetime | None = None, live: bool = True) -> SasVerification:
    """The rules, then (if they allow) a ranged read of the last 512 bytes through the SAS alone. The rules
    are judged first and always reported: an unreachable endpoint is a failed `live-read` finding."""
    result = check_sas_rules(uri, profile, now)
    if not live or any(f.id in ("sas-query", "sig") for f in result.findings):
        return result
    from azure.core.exceptions import AzureError, ServiceRequestError
    from azure.storage.blob import BlobClient

    try:
        client = BlobClient.from_blob_url(uri, **client_options())
        props = within(client.get_blob_properties, PROPERTIES_SECONDS, "blob properties")
        blob_type = str(getattr(props.blob_type, "value", props.blob_type))
        if blob_type.lower() != "pageblob":
            result.findings.append(_f("blob-type", "fail", M_BLOCK, type=blob_type))
            result.reachable = True
            return result
        size = props.size
        result.metadata = {str(k): str(v) for k, v in (props.metadata or {}).items()}
        tail = within(lambda: client.download_blob(offset=max(0, size - FOOTER_SIZE), length=min(size, FOOTER_SIZE)).readall(),
                      READ_SECONDS, "the VHD footer")
    except DeadlineExceeded as exc:
        raise StorageError(M_DEADLINE, seconds=f"{exc.seconds:g}", what=exc.what) from None
    except ServiceRequestError as exc:
        # The rules stand as judged: the unreachable blob is one more finding, not an error that hides them.
        result.reachable = False
        result.findings.append(_f("live-read", "fail", M_UNREACHABLE, reason=str(storage_error(exc))[:200]))
        return result
    except AzureError as exc:
        result.reachable = False
        result.findings.append(_f("live-read", "fail", M_LIVE, reason=describe_storage_error(exc)))
        return result
    result.reachable = True
    if tail[:8] == COOKIE:
        result.findings.append(_f("live-read", "pass", M_READ_OK))
    else:
        result.findings.append(_f("live-read", "fail", M_NOT_VHD))
    return result


def try_write_through(uri: str) -> int | None:
    """For tests and the 'prove it is read-only' check: the HTTP status of a write attempt."""
    from azure.core.exceptions import HttpResponseError
    from azure.storage.blob import BlobClient

    try:
        BlobClient.from_blob_url(uri, **client_options()).upload_page(b"\0" * 512, offset=0, length=512)
    except HttpResponseError as exc:
        return exc.status_code
    return 201
