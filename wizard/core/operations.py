"""What a publisher does, one entry each: the wizard's pages and the `mpwizard` command both call
these and nothing else of the core's orchestration (ARCHITECTURE.md).

Each entry takes typed inputs -- the project or its parts, and where secrets come from -- and
returns a typed result; long ones take `progress` and a `CancelToken`. None of them imports Qt, and
none of them prints: the page shows the result, the command line formats it.

Where the page and the command line used to disagree, the answer chosen here is said at the entry
(and tests/services/test_operations.py holds both to it).
"""

from __future__ import annotations

from dataclasses import field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .credentials import CredentialError, credentials
from .i18n_marks import QT_TRANSLATE_NOOP, TranslatableError
from .model import (
    OS_WINDOWS,
    ConnectionSettings,
    Disk,
    PreflightRecord,
    Project,
    SasRecord,
    Sku,
    TestRunRecord,
    VhdCheckRecord,
)
from .profiles import Profile
from .progress import CancelToken, Progress, no_progress
from .records import record
from .secrets import (
    ACCOUNT_KEY,
    CONNECTION_STRING,
    CONTAINER_SAS,
    blob_read_sas_ref,
    connection_secret_ref,
    sas_token_ref,
    storage_secret_ref,
)
from .storage import StorageAccess, StorageError

if TYPE_CHECKING:
    from .checks import CheckResult
    from .export import ExportTokens, SkuExport
    from .preflight import Preflight
    from .sas import SasUri, SasVerification
    from .sshconn import ConnectionReport, KnownHosts, SshTarget
    from .status import StatusItem
    from .upload import UploadSummary
    from .vhdcheck import VhdReport
    from .winremote import WinTarget

M_NO_STORAGE = QT_TRANSLATE_NOOP("Core", "No storage credential: connect to the storage account in the SAS URIs step "
                                         "first (account key or connection string).")
M_NO_STORAGE_KEYRING = QT_TRANSLATE_NOOP("Core", "No storage credential in this session, and the keyring could not be "
                                                 "read ({reason}): connect to the storage account in the SAS URIs step.")
M_NO_KEY = QT_TRANSLATE_NOOP("Core", "Creating a SAS needs the account key or a connection string with a key; a "
                                     "container SAS URL can only list.")
M_NO_BLOB_ACCESS = QT_TRANSLATE_NOOP("Core", "No read access to this blob: paste its URL with a SAS ('Use blob URL…'), "
                                             "or connect to the storage account in the SAS URIs step.")
M_DROPPED = QT_TRANSLATE_NOOP("Core", "The connection dropped during the run ({reason}): the checks whose evidence "
                                      "had arrived are judged, the others are Errors. Run again.")


class NoStorageCredential(TranslatableError):
    """Neither the command line, this session nor the keyring holds a usable storage secret."""


# -- storage credential ----------------------------------------------------------------------------
@record(frozen=True)
class GivenSecret:
    """A storage secret given directly (an environment variable named on the command line)."""

    mode: str  # ACCOUNT_KEY | CONNECTION_STRING
    value: str


def storage_access(project: Project, given: GivenSecret | None = None, need_key: bool = False) -> StorageAccess:
    """The project's storage account with a secret: the one given, else this session's, else the
    keyring's -- the project's own mode first, then the other modes that carry a key.

    Before: the VHD page tried key then connection string (and gave up at the first keyring error),
    the report used only the project's mode, the CLI exited on a locked keyring even when the session
    could not have helped. Now every caller gets the same search and the same message."""
    settings = project.storage
    if given is not None:
        access = StorageAccess.from_settings(settings, given.value, given.mode)
        if need_key and not access.account_key():
            raise NoStorageCredential(M_NO_KEY)
        return access
    order = [settings.mode] + [m for m in (ACCOUNT_KEY, CONNECTION_STRING, CONTAINER_SAS) if m != settings.mode]
    if need_key:
        order = [m for m in order if m != CONTAINER_SAS]
    service = credentials()
    refs = [(mode, storage_secret_ref(project.project_id, mode, settings)) for mode in order]
    for mode, ref in refs:  # what this session holds first: no keyring prompt needed for it
        value = service.session_value(ref)
        if value:
            return StorageAccess.from_settings(settings, value, mode)
    keyring_problem = None
    for mode, ref in refs:
        try:
            value = service.get(ref)
        except CredentialError as exc:
            keyring_problem = exc
            break  # the same keyring answers the same for the next name
        if value:
            return StorageAccess.from_settings(settings, value, mode)
    if keyring_problem is not None:
        raise NoStorageCredential(M_NO_STORAGE_KEYRING, reason=str(keyring_problem))
    raise NoStorageCredential(M_NO_STORAGE)


# -- disks -----------------------------------------------------------------------------------------
@record(frozen=True)
class DiskCheck:
    """A finished check: the report (for the command line) and the record the project keeps."""

    report: VhdReport
    record: VhdCheckRecord


def check_disk(target: str, profile: Profile, role: str, os_family: str, project: Project | None = None,
               given: GivenSecret | None = None, cancel: CancelToken | None = None,
               image_type: str | None = None) -> DiskCheck:
    """Check one VHD: a local file, or a blob URL (with a SAS in it, the read SAS this session holds
    for it, or the storage credential of `project` / `given`). With `image_type`, an OS disk's
    partition table is judged for how that image type boots (Gen2: GPT + EFI system partition)."""
    from .storage import parse_blob_url
    from .vhdjobs import check_target, file_stamp, is_url, to_record

    if cancel is not None:
        cancel.raise_if_cancelled()
    stamp = None if is_url(target) else file_stamp(target)
    full, secret = target, None
    if is_url(target) and "?" not in target:
        try:
            parse_blob_url(target)  # a malformed URL is said as such, before the keyring is asked
        except ValueError as exc:
            raise StorageError(str(exc)) from None
        sas = credentials().session_value(blob_read_sas_ref(project.project_id, target)) if project else None
        if sas:
            full = f"{target}?{sas}"
        elif given is not None:
            secret = ("key" if given.mode == ACCOUNT_KEY else "connection-string", given.value)
        elif project is not None:
            try:
                access = storage_access(project)
            except NoStorageCredential:
                raise StorageError(M_NO_BLOB_ACCESS) from None
            access.require_owns(target)  # a secret is only ever used for its own account
            key = access.account_key()
            if access.mode == CONNECTION_STRING:
                secret = ("connection-string", access.secret)
            elif key:
                secret = ("key", key)
            else:
                raise StorageError(M_NO_BLOB_ACCESS)
    report = check_target(full, profile, role, os_family, secret, image_type, cancel)
    if cancel is not None:
        cancel.raise_if_cancelled()
    return DiskCheck(report, to_record(report, stamp))


@record(frozen=True)
class DiskPreflight:
    """A finished pre-flight: the results and what was read (for the command line), and the record
    the project keeps on the disk."""

    run: Preflight
    record: PreflightRecord


def preflight_is_stale(disk: Disk) -> bool:
    """The file changed (or is gone) since its pre-flight."""
    from .vhdjobs import preflight_is_stale as stale

    return stale(disk)


def preflight_disk(path: str, profile: Profile, profile_id: str, progress: Progress = no_progress,
                   cancel: CancelToken | None = None) -> DiskPreflight:
    """Judge the Linux test cases from a local fixed VHD's files, read-only and offline (issue #23).

    Raises StorageError (with the reason, translated by the page) when the file cannot be opened or
    holds no Linux root file system the pre-flight reads (XFS, Btrfs, LVM: "use the test VM")."""
    from .preflight import PreflightError, preflight
    from .verdicts import as_records
    from .vhdjobs import M_UNREADABLE, file_error, file_stamp

    stamp = file_stamp(path)
    try:
        run = preflight(path, profile, progress, cancel)
    except OSError as exc:
        raise file_error(exc, path) from None
    except PreflightError as exc:
        raise StorageError(M_UNREADABLE, target=path, reason=str(exc)) from None
    record = PreflightRecord(path, stamp.size if stamp else 0, stamp.mtime_ns if stamp else 0, profile_id,
                             run.started, run.finished, run.layout, run.bytes_read, as_records(run.results),
                             dict(run.system), list(run.notes))
    return DiskPreflight(run, record)


def upload_disk(path: str, blob_url: str, access: StorageAccess | None = None, workers: int | None = None,
                verify_md5: bool = False, progress: Progress = no_progress,
                cancel: CancelToken | None = None) -> UploadSummary:
    """Upload a VHD to a page blob (only data that exists; resumable; verified). `access` signs the
    requests; without it the blob URL must carry a write SAS. Returns upload.UploadSummary."""
    from .upload import upload_vhd

    key = connection = None
    if access is not None:
        access.require_owns(blob_url)
        if access.mode == CONNECTION_STRING:
            connection = access.secret
        else:
            key = access.account_key()
    return upload_vhd(path, blob_url, account_key=key, connection_string=connection, workers=workers,
                      verify_md5=verify_md5, progress=progress, cancel=cancel)


# -- status: the one evaluator's answers for pages (core.status) ----------------------------------------------
def disk_status(project: Project, sku: Sku, disk: Disk, tokens: ExportTokens | None = None) -> dict[str, StatusItem]:
    """One disk's status items by kind ("vhd-check", "upload", "sas", "preflight"); with `tokens` (read_sas_uris)
    the SAS item also says whether its token is there, as Export does."""
    from .status import disk_items

    return disk_items(project, sku, disk, tokens.sas.get(sku.sku_id, {}) if tokens is not None else None)


def run_status(project: Project, run: TestRunRecord | None) -> StatusItem:
    """What a test run says for certification (the Test run banner; the checklist's "test-run" item)."""
    from .status import run_item

    return run_item(project, run)


M_CONTENT_CHANGED = QT_TRANSLATE_NOOP("Core", "{file} changed since it was checked (its content differs, though its size and "
                                              "modification time are as checked): check it again first")


class ContentChanged(TranslatableError):
    """The file's content is not what its check read: nothing may be uploaded or signed for it."""


def confirm_checked_content(record: VhdCheckRecord | None, path: str) -> None:
    """Before an upload starts and before a SAS is made (issue #32): the file's content is still what its check
    read -- the same cheap reads (partition area and footer) as its fingerprint, not only size and mtime.
    Raises ContentChanged when not; nothing to compare without a check of this file with a fingerprint.
    Reads the file: call it off the GUI thread."""
    import os

    from .identity import fingerprint

    if record is None or not path or record.target != path or not record.fingerprint:
        return
    now = fingerprint(path)
    if now and now != record.fingerprint:
        raise ContentChanged(M_CONTENT_CHANGED, file=os.path.basename(path))


def note_content_changed(disk: Disk, record: VhdCheckRecord | None) -> None:
    """The check `record` found out of date by `confirm_checked_content`: the evaluator marks it ✗ from now
    (VhdCheckRecord.content_changed_at) until the file is checked again."""
    from .projectio import utc_now_iso

    if record is not None and disk.vhd_check is record:
        record.content_changed_at = utc_now_iso()


def record_sas_verification(sas: SasRecord, result: SasVerification) -> None:
    """Keep what a verification found: its verdict and when, and the file identity the blob's metadata names
    (an upload of the wizard writes it: core.upload.IDENTITY_METADATA) for the evaluator to compare with the
    checked file (issue #32)."""
    from .identity import identity_token
    from .projectio import utc_now_iso
    from .upload import read_identity_metadata

    sas.verdict = result.verdict
    sas.verified_at = utc_now_iso()
    said = read_identity_metadata(result.metadata) if result.metadata else None
    sas.blob_identity = identity_token(said[1].size, said[1].mtime_ns, said[1].fingerprint) if said else ""
    sas.blob_file = said[0] if said else ""


def record_upload(disk: Disk, path: str, blob_url: str, summary: UploadSummary) -> None:
    """The disk's blob is now `blob_url`, holding the file identity the upload sent (issue #32: the
    status evaluator compares it with the check's)."""
    from .model import UploadRecord
    from .projectio import utc_now_iso
    from .storage import parse_blob_url

    clean = parse_blob_url(blob_url).url_without_sas
    ident = summary.identity
    disk.blob_url = clean
    disk.upload = UploadRecord(clean, path, ident.size if ident else 0, ident.mtime_ns if ident else 0,
                               ident.fingerprint if ident else "", summary.content_md5 or "", utc_now_iso())


def upload_blob_name(path: str) -> str:
    """The blob name an upload gets: the file's name without what the portal refuses (blanks, %, ")."""
    import os

    return os.path.basename(path).replace(" ", "-").replace("%", "-").replace('"', "")


# -- the certification VM --------------------------------------------------------------------------
@record(frozen=True)
class VmSecrets:
    """The VM's password and/or the key's passphrase (from the session, the keyring or the environment)."""

    password: str | None = None
    passphrase: str | None = None


def session_vm_secrets(project: Project) -> VmSecrets:
    """What this session holds for the project's VM (the Connection step stores it there)."""
    c = project.connection
    return vm_secrets(c, credentials().session_value(connection_secret_ref(project.project_id, c)))


def vm_target(c: ConnectionSettings, secrets: VmSecrets) -> SshTarget | WinTarget:
    """The SshTarget (Linux) or WinTarget (Windows) the connection settings describe."""
    if c.platform == OS_WINDOWS:
        from .winremote import WinTarget

        return WinTarget(c.host, c.user, secrets.password, c.port, c.windows_transport, c.verify_tls)
    from .sshconn import SshTarget

    key = c.key_file if c.auth == "key" else None
    return SshTarget(c.host, c.port, c.user, password=None if key else secrets.password, key_file=key,
                     passphrase=secrets.passphrase if key else None)


def test_connection(c: ConnectionSettings, secrets: VmSecrets, known_hosts: KnownHosts,
                    trust_fingerprint: str | None = None, timeout: float = 15.0,
                    cancel: CancelToken | None = None) -> ConnectionReport:
    """Every step of the connection test (resolve, port, host key or TLS, sign-in, OS, rights); returns
    the ConnectionReport or raises the first SshFailure with the report attached."""
    from .sshconn import SshTarget, run_connection_test
    from .winremote import WinTarget, run_windows_connection_test

    target = vm_target(c, secrets)
    if isinstance(target, WinTarget):
        return run_windows_connection_test(target, timeout, known_hosts, trust_fingerprint, cancel)
    assert isinstance(target, SshTarget)
    return run_connection_test(target, known_hosts, timeout, trust_fingerprint, cancel)


@record
class CertificationRun:
    """A finished run: the results, the system it ran on, and -- when the connection dropped part-way
    -- why (the checks whose evidence had not arrived are then Errors)."""

    results: list[CheckResult]
    system: dict[str, str]
    started: str
    finished: str
    interrupted: str = ""
    evidence: dict[str, Any] = field(default_factory=dict)

    def record(self, c: ConnectionSettings, profile_id: str) -> TestRunRecord:
        from .verdicts import as_records

        return TestRunRecord(self.started, self.finished, c.platform, c.host, c.user, profile_id,
                             self.system.get("OSDistro", ""), as_records(self.results), self.system,
                             image_under_test=c.image_under_test)


def run_certification(c: ConnectionSettings, secrets: VmSecrets, profile: Profile, known_hosts: KnownHosts,
                      trust_fingerprint: str | None = None, base_image: str = "", connect_timeout: float = 15.0,
                      run_timeout: float | None = None, only: set[str] | None = None, progress: Progress = no_progress,
                      cancel: CancelToken | None = None) -> CertificationRun:
    """Run the certification suite on the test VM in one round trip.

    A connection that cannot be made raises (SshFailure, UnknownHostKey, ...). A connection that drops
    or times out *during* the run returns what had arrived, judged: the finished sections keep their
    verdicts, the others are Errors, and `interrupted` says why. Before: the page judged an empty output
    (every case an Error, the partial output thrown away) and the CLI exited 2 without any verdict;
    now both judge what arrived, as the Windows run always did."""
    from .projectio import utc_now_iso

    started = utc_now_iso()
    target = vm_target(c, secrets)
    if c.platform == OS_WINDOWS:
        results, system, interrupted, evidence = _run_windows(target, profile, base_image, known_hosts, trust_fingerprint,
                                                              connect_timeout, run_timeout or 900.0, only, progress, cancel)
    else:
        results, system, interrupted, evidence = _run_linux(target, profile, known_hosts, trust_fingerprint,
                                                            connect_timeout, run_timeout or 60.0, only, progress, cancel)
    return CertificationRun(results, system, started, utc_now_iso(), interrupted, evidence)


RunOutcome = tuple["list[CheckResult]", dict[str, str], str, dict[str, Any]]


def _run_windows(target: Any, profile: Profile, base_image: str, known_hosts: KnownHosts, trust: str | None,
                 connect_timeout: float, run_timeout: float, only: set[str] | None, progress: Progress,
                 cancel: CancelToken | None) -> RunOutcome:
    from .windows_checks import Context, run_on_target, running_section, system_info

    results, evidence = run_on_target(target, profile, Context(base_image), known_hosts, trust, timeout=run_timeout,
                                      connect_timeout=connect_timeout, progress=progress, cancel=cancel, only=only)
    # Which part was still running when the output stopped (a slow update search is the usual one).
    running = running_section(evidence)
    interrupted = "" if "end" in evidence else \
        f"the probe's output ended while it was reading {running}" if running else "the probe's output ended early"
    return results, system_info(evidence), interrupted, dict(evidence)


def _run_linux(target: Any, profile: Profile, known_hosts: KnownHosts, trust: str | None, connect_timeout: float,
               run_timeout: float, only: set[str] | None, progress: Progress, cancel: CancelToken | None) -> RunOutcome:
    from .linux_checks import judge, parse_sections, probe_script, system_info
    from .sshconn import open_session, run_command

    interrupted = ""
    transport = open_session(target, known_hosts, connect_timeout, trust, None, cancel)
    try:
        if cancel is not None:
            cancel.raise_if_cancelled()
        try:
            _, out, _ = run_command(transport, "sh -s", run_timeout, probe_script().encode(), cancel)
        except (OSError, EOFError) as exc:  # TimeoutError is an OSError too
            out = getattr(exc, "partial_output", "")
            interrupted = str(exc) or type(exc).__name__
    finally:
        transport.close()
    evidence = parse_sections(out)
    return judge(evidence, profile, progress, cancel, only), system_info(evidence), interrupted, dict(evidence)


def windows_base_image(project: Project) -> str:
    """The base image of the project's (first) Windows SKU: the SQL Server case needs it."""
    return next((s.base_image for s in project.skus if s.os_family == OS_WINDOWS), "")


def record_run(project: Project, run: CertificationRun, profile_id: str, only: set[str] | None = None) -> TestRunRecord:
    """Keep a run in the project: a new run is appended; re-running some checks updates the latest."""
    from .verdicts import as_records

    if only and project.test_runs:
        latest = project.test_runs[-1]
        by_id = {r.id: r for r in as_records(run.results)}
        latest.results = [by_id.get(r.id, r) for r in latest.results]
        latest.system = latest.system or run.system
        return latest
    from .status import run_uploads

    record = run.record(project.connection, profile_id)
    record.uploads = run_uploads(project, record.image_under_test)  # which uploads the VM was made from (issue #32)
    project.test_runs.append(record)
    return record


# -- report ----------------------------------------------------------------------------------------
@record(frozen=True)
class MadeReport:
    zip_path: Path | None  # None when it was only stored
    blob_url: str  # "" when not stored
    file_name: str


def make_report(project: Project, sku: Sku, folder: Path | None, store: StorageAccess | None, created: str,
                pdf: Any = None, run: TestRunRecord | None = None, progress: Progress = no_progress,
                cancel: CancelToken | None = None) -> MadeReport:
    """The report bundle for `sku` from the latest (or given) run: written into `folder`, and/or
    stored beside the SKU's OS disk VHD with `store`. Without a folder the local copy is temporary."""
    import shutil
    import tempfile

    from .report import make_project_bundle
    from .report_store import store_bundle

    out = folder or Path(tempfile.mkdtemp(prefix="mpwizard-report-"))
    try:
        bundle = make_project_bundle(project, sku, out, created, pdf, run)
        if cancel is not None:
            cancel.raise_if_cancelled()
        url = ""
        if store is not None:
            url = store_bundle(bundle.zip_path, sku.os_disk.blob_url if sku.os_disk else "", store, progress, cancel)
        return MadeReport(bundle.zip_path if folder else None, url, bundle.zip_path.name)
    finally:
        if folder is None:
            shutil.rmtree(out, ignore_errors=True)


# -- SAS -------------------------------------------------------------------------------------------
def sas_expiry(profile: Profile, now: datetime, extra_days: int = 0, total_days: int | None = None) -> datetime:
    """When a new SAS expires: the profile's minimum plus `extra_days`, or `total_days` from its start
    (the command line's --expiry-days). Both count from the same start (now − the profile's offset)."""
    from .sas import minimum_expiry

    start = now - timedelta(minutes=profile.sas_start_offset_minutes)
    if total_days is not None:
        return start + timedelta(days=total_days)
    return minimum_expiry(profile, start) + timedelta(days=extra_days)


def sign_sas(blob_url: str, access: StorageAccess, profile: Profile, now: datetime | None = None,
             extra_days: int = 0, total_days: int | None = None, scheme: str | None = None) -> SasUri:
    """A read + list SAS URI for one blob (sas.SasUri). An http endpoint (the local emulator) gets an
    http URI whatever was asked -- before, the command line could make an https URI for it that no
    one could open."""
    from .sas import create_sas

    key = access.account_key()
    if not key:
        raise NoStorageCredential(M_NO_KEY)
    access.require_owns(blob_url)  # a SAS signed for a URL on another host would open this account's blob
    now = now or datetime.now(UTC)
    if not blob_url.startswith("https://"):
        scheme = "http"
    return create_sas(blob_url, key, profile, now=now, expiry=sas_expiry(profile, now, extra_days, total_days),
                      scheme=scheme)


@record(frozen=True)
class KeptSas:
    record: SasRecord
    in_keyring: bool  # False: kept for this session only (no keyring)


def keep_disk_sas(project_id: str, disk: Disk, sas: SasUri, created: str) -> KeptSas:
    """Keep a new SAS for a disk: the token in the keyring (or this session), the rest in a SasRecord
    the project holds (no signature in it)."""
    ref = sas_token_ref(project_id, disk.blob_url)
    token = sas.uri.split("?", 1)[1]
    in_keyring = True
    try:
        credentials().store(ref, token, remember=True)
    except CredentialError:
        credentials().store(ref, token, remember=False)
        in_keyring = False
    record = SasRecord(blob_url=disk.blob_url, start=sas.start.isoformat(), expiry=sas.expiry.isoformat(),
                       permissions=sas.permissions, scheme=sas.uri.split(":", 1)[0], created_at=created,
                       secret_purpose=ref.purpose)
    return KeptSas(record, in_keyring)


def verify_sas_uri(uri: str, profile: Profile, live: bool = True) -> SasVerification:
    """Judge a SAS URI by the profile's rules, and read the blob through it unless `live` is False."""
    from .sas import verify_sas

    return verify_sas(uri, profile, live=live)


def verify_disk_sas(project_id: str, disk: Disk, profile: Profile, live: bool = True) -> SasVerification:
    """Verify a disk's SAS (rules, and a live read unless `live` is False); sas.SasVerification.
    Raises LookupError when the token is no longer in the session or the keyring."""
    from .export import disk_sas_uri

    uri = disk_sas_uri(project_id, disk)
    if uri is None:
        raise LookupError("the SAS token is not in the keyring any more: generate it again")
    return verify_sas_uri(uri, profile, live=live)


# -- Partner Center --------------------------------------------------------------------------------
@record(frozen=True)
class ImportedPlan:
    sku_id: str
    versions: list[str]  # the published versions now in the project
    not_taken: list[str]  # what the file held that could not be taken
    in_keyring: bool  # False: the published SAS tokens are kept for this session only


def merge_partner_center(project: Project, text: str, sku_id: str | None = None) -> tuple[ImportedPlan, list[tuple[str, str]]]:
    """Merge a plan's technical configuration (the resource Partner Center's API returns, or a response
    holding it) into its SKU; returns what was taken and the published disks' (blob URL, SAS token)
    pairs for `keep_published_tokens`. Raises pc_import.ImportUnreadable when there is nothing to take."""
    from .pc_import import read_resource, take_over

    result = take_over(project, read_resource(text, sku_id), sku_id)
    plan = ImportedPlan(result.sku.sku_id, [v.version for v in result.sku.image_versions], result.not_taken, True)
    return plan, result.tokens


def keep_published_tokens(project_id: str, tokens: list[tuple[str, str]]) -> bool:
    """The published disks' SAS tokens into the keyring (or this session only: returns False)."""
    from .secrets import published_sas_ref

    in_keyring = True
    for blob_url, token in tokens:
        ref = published_sas_ref(project_id, blob_url)
        try:
            credentials().store(ref, token, remember=True)
        except CredentialError:
            credentials().store(ref, token, remember=False)
            in_keyring = False
    return in_keyring


def import_partner_center(project: Project, text: str, sku_id: str | None = None) -> ImportedPlan:
    """merge_partner_center, then keep_published_tokens (the command line's one step)."""
    from dataclasses import replace

    plan, tokens = merge_partner_center(project, text, sku_id)
    return replace(plan, in_keyring=keep_published_tokens(project.project_id, tokens))


# -- export ----------------------------------------------------------------------------------------
def read_sas_uris(project: Project) -> ExportTokens:
    """Every SAS URI the export needs from this session or the keyring. Touches the keyring: off the GUI thread."""
    from .export import load_sas_uris

    return load_sas_uris(project)


def prepare_export(project: Project, sku_id: str | None = None,
                   sas_uris: ExportTokens | None = None) -> list[SkuExport]:
    """Every SKU's readiness and portal form (export.SkuExport). Without `sas_uris` they are read
    from the session or the keyring (then call it off the GUI thread)."""
    from .export import prepare

    return prepare(project, read_sas_uris(project) if sas_uris is None else sas_uris, sku_id)


def render_export(fmt: str, project: Project, exports: list[SkuExport]) -> str:
    from .export import render

    return render(fmt, project, exports)


def commands_for_test_vm(fmt: str, project: Project, sku: Sku) -> str:
    """The az commands (bash "az-script" or PowerShell "az-ps1") that make a test VM from `sku`'s
    uploaded VHDs, with the project's values filled in and secrets as script variables. Needs no
    test run and no SAS: it is what the test run is run on."""
    from .export.renderers import render_test_vm

    return render_test_vm(fmt, project, sku)


def write_export(fmt: str, project: Project, exports: list[SkuExport], path: Path) -> int:
    """Write the export atomically; returns how many items are missing (written into the file too).
    Raises ExportRefused (a value would break a script) or ProjectSaveError (cannot write there)."""
    from .projectio import ProjectChangedOnDisk, ProjectSaveError, atomic_write_text

    path = Path(path)
    if path.is_dir():
        raise ExportWriteError(M_EXPORT_IS_FOLDER, path=path, example=path / "offer.html")
    if not path.parent.is_dir():
        raise ExportWriteError(M_EXPORT_NO_FOLDER, folder=path.parent)
    text = render_export(fmt, project, exports)
    try:
        # A temporary file beside it, then a rename: a failed write leaves the previous file whole.
        atomic_write_text(path, text, keep_backup=False)
    except ProjectChangedOnDisk:
        raise
    except ProjectSaveError as exc:
        raise export_write_error(path, exc.__cause__ if isinstance(exc.__cause__, OSError) else None, str(exc)) from exc
    return sum(len(e.missing) for e in exports)


M_EXPORT_IS_FOLDER = QT_TRANSLATE_NOOP("Core", "{path} is a folder. Give the export a file name, for example {example}.")
M_EXPORT_NO_FOLDER = QT_TRANSLATE_NOOP("Core", "The folder {folder} does not exist (any more). Create it, or choose "
                                               "another folder for the export.")
M_EXPORT_READ_ONLY = QT_TRANSLATE_NOOP("Core", "{path} cannot be written: the folder {folder} is read-only or you may "
                                               "not write there. Choose another folder (for example your Documents "
                                               "folder) and export again; the previous file is unchanged.")
M_EXPORT_DISK_FULL = QT_TRANSLATE_NOOP("Core", "{path} cannot be written: the disk that holds {folder} is full. Free "
                                               "some space or choose a folder on another disk, then export again; the "
                                               "previous file is unchanged.")
M_EXPORT_WRITE_FAILED = QT_TRANSLATE_NOOP("Core", "{path} cannot be written ({reason}). Choose another folder and "
                                                  "export again; the previous file is unchanged.")


class ExportWriteError(TranslatableError):
    """An export that could not be written: where, why, and what to do (the previous file is whole)."""


def export_write_error(path: Path, error: OSError | None, reason: str = "") -> ExportWriteError:
    """The write's OSError as what a person does next: read-only or no permission, a full disk, a folder
    that vanished, a name that is a folder; anything else with its reason."""
    import errno

    code = getattr(error, "errno", None)
    folder = path.parent
    if code in (errno.EACCES, errno.EPERM, errno.EROFS):
        return ExportWriteError(M_EXPORT_READ_ONLY, path=path, folder=folder)
    if code in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
        return ExportWriteError(M_EXPORT_DISK_FULL, path=path, folder=folder)
    if code == errno.ENOENT:
        return ExportWriteError(M_EXPORT_NO_FOLDER, folder=folder)
    if code == errno.EISDIR:
        return ExportWriteError(M_EXPORT_IS_FOLDER, path=path, example=path / "offer.html")
    return ExportWriteError(M_EXPORT_WRITE_FAILED, path=path,
                            reason=(getattr(error, "strerror", None) or reason or "unknown error"))


__all__ = [
    "CertificationRun", "DiskCheck", "ExportWriteError", "GivenSecret", "KeptSas", "MadeReport", "NoStorageCredential", "VmSecrets",
    "ImportedPlan", "check_disk", "import_partner_center", "keep_disk_sas", "keep_published_tokens",
    "merge_partner_center", "make_report", "prepare_export", "read_sas_uris", "record_run", "render_export",
    "run_certification", "sas_expiry", "session_vm_secrets", "sign_sas", "storage_access", "test_connection",
    "commands_for_test_vm",
    "disk_status", "record_upload", "run_status",
    "ContentChanged", "confirm_checked_content", "note_content_changed", "record_sas_verification",
    "upload_blob_name", "upload_disk", "verify_disk_sas", "verify_sas_uri", "vm_target", "windows_base_image", "write_export",
]


# -- for the pages ---------------------------------------------------------------------------------
# The GUI's pages, main window and dialogs import from the core only this module and the type modules
# (tests/core/test_layers.py). What follows are the rules they used to write themselves, and the names
# of the core they show or catch, re-exported lazily: importing this module loads none of them.
def vm_secrets(c: ConnectionSettings, secret: str | None) -> VmSecrets:
    """What the one secret field of the Connection step holds: the key's passphrase for key sign-in on
    Linux, else the password (Windows always signs in with a password)."""
    key_auth = c.auth == "key" and c.platform != OS_WINDOWS
    return VmSecrets(passphrase=secret) if key_auth else VmSecrets(password=secret)


def sas_needs_key(access: StorageAccess) -> str:
    """Why `access` cannot sign a SAS (M_NO_KEY: a container SAS URL can only list), or "" when it can."""
    return "" if access.account_key() else M_NO_KEY


@record(frozen=True)
class KeptSecret:
    in_keyring: bool  # False: kept for this session only
    problem: CredentialError | None = None  # why the keyring did not take it (None when it did, or was not asked)


def keep_secret(ref: SecretRef, secret: str, remember: bool) -> KeptSecret:
    """Keyring-else-session: the secret for this session, and in the OS keyring when `remember`; a keyring
    that cannot take it leaves it for this session and says why. Touches the keyring: off the GUI thread."""
    try:
        credentials().store(ref, secret, remember=remember)
    except CredentialError as exc:
        credentials().store(ref, secret, remember=False)
        return KeptSecret(False, exc)
    return KeptSecret(remember)


def read_secret(ref: SecretRef) -> str | None:
    """The secret this session holds, else the keyring's (raises CredentialError). Off the GUI thread."""
    return credentials().get(ref)


def keep_blob_read_sas(project_id: str, blob_url: str, query: str) -> None:
    """The SAS of a pasted blob URL, for this session only (it is never written to the project)."""
    credentials().store(blob_read_sas_ref(project_id, blob_url), query, remember=False)


def account_key_is_usable(key: str) -> bool:
    """Whether `key` can be a storage account key (base64 text): a dialog judges its field with it."""
    from .storage import account_key_problem

    return account_key_problem(key) is None


def connect_storage_key(project: Project, key: str, remember: bool,
                        cancel: CancelToken | None = None) -> tuple[StorageAccess, KeptSecret]:
    """The account key a publisher typed where the work needs it (the VHD step's upload): proved first by
    listing the account's containers (a wrong key is never kept: StorageKeyRefused), then kept for this session and, with
    `remember`, in the OS keyring under the project's account-key name -- as the SAS URIs step's Connect
    keeps it, so that step and every later upload find it. Off the GUI thread (the keyring may prompt)."""
    from .storage import StorageCodeError, StorageKeyRefused, list_containers, refuses_the_key

    access = storage_access(project, GivenSecret(ACCOUNT_KEY, key.strip()))
    try:
        list_containers(access, cancel)
    except StorageError as exc:
        if refuses_the_key(exc):  # said as a refused key, so the page can ask for it again where it was typed
            code = exc if isinstance(exc, StorageCodeError) else None
            raise StorageKeyRefused(getattr(exc, "details", "") or str(exc), code.code if code else "",
                                    code.status if code else None) from None
        raise
    kept = keep_secret(storage_secret_ref(project.project_id, ACCOUNT_KEY, project.storage), access.secret, remember)
    return access, kept


# name -> the core module it comes from; loaded on first use (PEP 562), so a page pays only for what it uses.
_FOR_THE_PAGES = {
    "NoKeyringBackend": "credentials", "KeyringLockedError": "credentials", "SecretRef": "credentials",
    "ExportRefused": "export", "ExportTokens": "export", "disk_args": "status", "disk_sas_uri": "export",
    "mask_signature": "export", "partner_center_json": "export", "MISSING_PLACEHOLDER": "export.renderers",
    "ImportUnreadable": "pc_import", "read_import_file": "pc_import",
    "ProjectChangedOnDisk": "projectio", "ProjectSaveError": "projectio", "ProjectUnreadable": "projectio",
    "load_project": "projectio", "utc_now_iso": "projectio",
    "BOOL": "questionnaire", "CHOICE": "questionnaire", "FALSE": "questionnaire", "TRUE": "questionnaire",
    "apply_prefill": "questionnaire", "exception_candidates": "questionnaire", "is_answered": "questionnaire",
    "load_questionnaire": "questionnaire", "questionnaire_progress": "questionnaire:progress",
    "RecoveryStore": "recovery", "safe_file_name": "safenames",
    "is_local_directory": "places", "remember_written": "places", "written_this_session": "places",
    "STORAGE_MODES": "secrets",
    "HostKeyChanged": "sshconn", "KnownHosts": "sshconn", "STEP_NAMES": "sshconn", "SshFailure": "sshconn",
    "UnknownHostKey": "sshconn",
    "list_blobs": "storage", "list_containers": "storage", "parse_blob_url": "storage",
    "valid_container_name": "storage",
    "readable_size": "units", "project_profile": "validation", "CHECK_NAMES": "vhdcheck", "FIRST_MIB_FIX": "vhdcheck", "fix_tool_hint": "vhdcheck",
    "check_is_stale": "vhdjobs", "log_dir": "logs", "redact": "logs",
    "UploadRefused": "upload", "StorageKeyRefused": "storage",
    "PCError": "partner_center", "PushRefused": "partner_center.push", "SubmitRefused": "partner_center.submit",
    "pc_error_place": "partner_center.jobs:error_place",
    # the gallery-first route (issue #33): the az / ARM readers and the judgement
    "GalleryReadError": "gallery", "GalleryAzureError": "gallery_arm", "judge_gallery": "gallery:judge",
    "GALLERY_VERSION_COMMAND": "gallery:VERSION_COMMAND", "GALLERY_DEFINITION_COMMAND": "gallery:DEFINITION_COMMAND",
    "read_gallery_version_json": "gallery:read_version_json", "read_gallery_definition_json": "gallery:read_definition_json",
    "read_gallery_provider_json": "gallery:read_provider_json", "read_gallery_from_azure": "gallery_arm:read_from_azure",
    "SkusImportError": "skus_import",  # `mpwizard catalogue import`'s one message
    "recipe_login": "testvm", "apply_recipe_login": "testvm", "check_open_ports": "validation",
    "check_sku": "validation",  # the image dialog judges its fields before OK takes them
}


def __getattr__(name: str) -> Any:
    where = _FOR_THE_PAGES.get(name)
    if where is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    import importlib

    module, _, original = where.partition(":")
    value = getattr(importlib.import_module(f"{__package__}.{module}"), original or name)
    globals()[name] = value
    return value


if TYPE_CHECKING:  # the same names for the type checker
    from .credentials import KeyringLockedError as KeyringLockedError
    from .credentials import NoKeyringBackend as NoKeyringBackend
    from .credentials import SecretRef as SecretRef
    from .export import ExportRefused as ExportRefused
    from .export import ExportTokens as ExportTokens
    from .export import disk_sas_uri as disk_sas_uri
    from .export import mask_signature as mask_signature
    from .export import partner_center_json as partner_center_json
    from .export.renderers import MISSING_PLACEHOLDER as MISSING_PLACEHOLDER
    from .gallery import GalleryReadError as GalleryReadError
    from .gallery_arm import GalleryAzureError as GalleryAzureError
    from .logs import log_dir as log_dir
    from .logs import redact as redact
    from .partner_center import PCError as PCError
    from .partner_center.push import PushRefused as PushRefused
    from .partner_center.submit import SubmitRefused as SubmitRefused
    from .pc_import import ImportUnreadable as ImportUnreadable
    from .pc_import import read_import_file as read_import_file
    from .places import is_local_directory as is_local_directory
    from .places import remember_written as remember_written
    from .places import written_this_session as written_this_session
    from .projectio import ProjectChangedOnDisk as ProjectChangedOnDisk
    from .projectio import ProjectSaveError as ProjectSaveError
    from .projectio import ProjectUnreadable as ProjectUnreadable
    from .projectio import load_project as load_project
    from .projectio import utc_now_iso as utc_now_iso
    from .questionnaire import BOOL as BOOL
    from .questionnaire import CHOICE as CHOICE
    from .questionnaire import FALSE as FALSE
    from .questionnaire import TRUE as TRUE
    from .questionnaire import apply_prefill as apply_prefill
    from .questionnaire import exception_candidates as exception_candidates
    from .questionnaire import is_answered as is_answered
    from .questionnaire import load_questionnaire as load_questionnaire
    from .questionnaire import progress as questionnaire_progress
    from .recovery import RecoveryStore as RecoveryStore
    from .safenames import safe_file_name as safe_file_name
    from .secrets import STORAGE_MODES as STORAGE_MODES
    from .sshconn import STEP_NAMES as STEP_NAMES
    from .sshconn import HostKeyChanged as HostKeyChanged
    from .sshconn import KnownHosts as KnownHosts
    from .sshconn import SshFailure as SshFailure
    from .sshconn import UnknownHostKey as UnknownHostKey
    from .status import disk_args as disk_args
    from .storage import StorageKeyRefused as StorageKeyRefused
    from .storage import list_blobs as list_blobs
    from .storage import list_containers as list_containers
    from .storage import parse_blob_url as parse_blob_url
    from .storage import valid_container_name as valid_container_name
    from .testvm import apply_recipe_login as apply_recipe_login
    from .testvm import recipe_login as recipe_login
    from .units import readable_size as readable_size
    from .upload import UploadRefused as UploadRefused
    from .validation import check_open_ports as check_open_ports
    from .validation import check_sku as check_sku
    from .validation import project_profile as project_profile
    from .vhdcheck import CHECK_NAMES as CHECK_NAMES
    from .vhdcheck import FIRST_MIB_FIX as FIRST_MIB_FIX
    from .vhdcheck import fix_tool_hint as fix_tool_hint
    from .vhdjobs import check_is_stale as check_is_stale

__all__ += ["KeptSecret", "keep_blob_read_sas", "keep_secret", "read_secret", "sas_needs_key", "vm_secrets",
            "questionnaire_progress",
            # imported above for the operations, and named for the pages too
            "ACCOUNT_KEY", "CONNECTION_STRING", "CONTAINER_SAS", "CredentialError", "StorageAccess", "StorageError",
            "blob_read_sas_ref", "connection_secret_ref", "storage_secret_ref", "ExportTokens", "KnownHosts"]


# == The command line's rules (issue #34) =========================================================
# What wizard/cli/ used to assemble itself: reading a project for a command, the storage secret from
# a named environment variable, the report bundle of `certify --report`, the certification tool's
# record. The GUI's new entries live above; this block only adds.
M_TOKENS_SESSION_ONLY = QT_TRANSLATE_NOOP("Core", "The keyring is unavailable: the published SAS tokens are kept for this "
                                                  "session only.")
M_VARIABLE_NOT_SET = QT_TRANSLATE_NOOP("Core", "The environment variable {name} is not set.")
M_BAD_KEY = QT_TRANSLATE_NOOP("Core", "The account key in {name} {problem}")
M_BAD_CONNECTION_STRING = QT_TRANSLATE_NOOP("Core", "The connection string in {name} is malformed: {problem}")
M_OTHER_ACCOUNT = QT_TRANSLATE_NOOP("Core", "The connection string is for account {named}, the URL for {account}.")
M_NO_SUCH_SKU = QT_TRANSLATE_NOOP("Core", "No SKU with the ID {sku!r} (the project has: {known}).")


class SecretUnusable(TranslatableError):
    """A secret named on the command line is not set, or cannot be what it is said to be."""


@record(frozen=True)
class ProjectCheck:
    """A project file read and judged: what the loader repaired or migrated, and every problem."""

    project: Project
    problems: list[Any]  # codec.Problem: loader's repairs first, then the offer's validation
    migrated_from: Any  # the old file format, or None
    # (SKU ID, item) for every ✗ of the status evaluator: a link of the chain that broke, a failed check…
    failed: list[tuple[str, StatusItem]] = field(default_factory=list)

    @property
    def errors(self) -> list[Any]:
        return [p for p in self.problems if p.severity == "error"]

    @property
    def valid(self) -> bool:
        """No error in the file or the offer, and no ✗ item (ARCHITECTURE: `project check` exits by them)."""
        return not self.errors and not self.failed


def check_project(path: Path, now: datetime | None = None) -> ProjectCheck:
    """Load a project file, validate its offer and judge it as the step list and Export do (the ✗ items).
    Raises projectio.ProjectUnreadable."""
    from .projectio import load_project
    from .status import Mark, evaluate
    from .validation import validate_offer

    loaded = load_project(path)
    project = loaded.project
    failed = [(sku_id, item) for sku_id, items in evaluate(project, now=now or datetime.now(UTC)).items()
              for item in items if item.mark is Mark.FAIL]
    return ProjectCheck(project, loaded.problems + validate_offer(project), loaded.migrated_from, failed)


def open_project(path: Path, sku_id: str | None = None) -> Project:
    """The project at `path` for a command about one SKU (or all: `sku_id` None). Raises
    projectio.ProjectUnreadable, or LookupError (M_NO_SUCH_SKU) when the SKU is not there."""
    from .projectio import load_project

    project = load_project(path).project
    if sku_id is not None and not any(s.sku_id == sku_id for s in project.skus):
        raise LookupError(M_NO_SUCH_SKU.format(sku=sku_id, known=", ".join(s.sku_id for s in project.skus)))
    return project


def import_partner_center_file(project_path: Path, file: Path, sku_id: str | None = None) -> ImportedPlan:
    """`import_partner_center` from a file into a saved project (the old file kept as .bak; a file
    changed on disk since it was read is not overwritten). Raises ProjectUnreadable, ImportUnreadable,
    ProjectSaveError, OSError or UnicodeDecodeError with the reason."""
    from .pc_import import read_import_file
    from .projectio import load_project, save_project

    loaded = load_project(project_path)
    imported = import_partner_center(loaded.project, read_import_file(file), sku_id)
    save_project(loaded.project, project_path, expected=loaded.stamp)
    return imported


def given_secret(mode: str, name: str, value: str | None) -> GivenSecret:
    """The storage secret from the environment variable `name` (its `value`), checked for its kind
    before any request: an account key is base64, a connection string has its parts. Raises
    SecretUnusable with what is wrong."""
    from .storage import account_key_problem, connection_string_problem

    if not value:
        raise SecretUnusable(M_VARIABLE_NOT_SET, name=name)
    if mode == ACCOUNT_KEY:
        problem = account_key_problem(value)
        if problem:
            raise SecretUnusable(M_BAD_KEY, name=name, problem=problem)
    else:
        problem = connection_string_problem(value)
        if problem:
            raise SecretUnusable(M_BAD_CONNECTION_STRING, name=name, problem=problem)
    return GivenSecret(mode, value)


def blob_access(blob_url: str, given: GivenSecret) -> StorageAccess:
    """A StorageAccess for one blob from a secret given directly (no project): the account and the
    endpoint from the URL; a connection string naming another account is refused (ValueError)."""
    from .storage import parse_blob_url, parse_connection_string

    blob = parse_blob_url(blob_url)
    suffix = "" if blob.path_style or ".blob." not in blob.host else blob.host.split(".blob.", 1)[1]
    if given.mode == CONNECTION_STRING:
        named = parse_connection_string(given.value).get("AccountName")
        if named and named != blob.account:
            raise ValueError(M_OTHER_ACCOUNT.format(named=named, account=blob.account))
    return StorageAccess(given.mode, blob.account, suffix, blob.account_url, given.value)


def blob_url_has_sas(blob_url: str) -> bool:
    """The URL carries a query (a SAS): a new SAS is signed for the bare blob URL. Raises ValueError
    for a URL that is not a blob's."""
    from .storage import parse_blob_url

    return bool(parse_blob_url(blob_url).query)


def vm_port(platform: str, windows_transport: str) -> int:
    """The port a test VM answers on by default: WinRM over HTTPS 5986, SSH 22."""
    return 5986 if platform == OS_WINDOWS and windows_transport == "winrm" else 22


def known_hosts_for(path: Path | None) -> KnownHosts:
    """The known_hosts file at `path`; without one an in-memory list, so that only an explicitly
    trusted fingerprint admits a host."""
    from .sshconn import KnownHosts, SessionKnownHosts

    return KnownHosts(Path(path)) if path else SessionKnownHosts()


def certification_record(results: list[CheckResult], system: dict[str, str], profile_id: str, finished: str,
                         inline_evidence: bool = False) -> dict[str, Any]:
    """The certification tool's JSON record (REFERENCE.md §5) of a run's results."""
    from .checks import tool_record

    return tool_record(results, system, profile_id, finished, inline_evidence=inline_evidence)


def preflight_record(done: DiskPreflight, profile_id: str) -> dict[str, Any]:
    """The tool's record of an offline pre-flight, evidence inline, with what it read (`Preflight`)."""
    run = done.run
    record = certification_record(run.results, run.system, profile_id, run.finished, inline_evidence=True)
    record["Preflight"] = {"Offline": True, "Image": run.target, "Layout": run.layout, "BytesRead": run.bytes_read,
                           "Notes": run.notes}
    return record


def certification_bundle(run: CertificationRun, c: ConnectionSettings, profile_id: str, folder: Path,
                         pdf: Any = None) -> Path:
    """The report bundle (json, html, pdf, logs/, zip) of a run made without a project (the command
    line's `certify --report`), named after the VM's host; returns the zip's path."""
    from .report import build_record, bundle_name, write_bundle

    stored = run.record(c, profile_id)
    bundle = write_bundle(build_record(stored, run.finished), stored.results, Path(folder),
                          bundle_name(f"vm-{c.host}", "", run.finished), pdf)
    return bundle.zip_path


def questionnaire_state(project: Project) -> Any:
    """How far the questionnaire is answered (questionnaire.QuestionnaireProgress)."""
    from .questionnaire import progress

    return progress(project)


def export_formats() -> tuple[str, ...]:
    """The export formats, in the order they are offered."""
    from .export.formats import FORMATS

    return tuple(FORMATS)


def now_iso() -> str:
    """Now, as the project's records spell a time (UTC, ISO 8601)."""
    from .projectio import utc_now_iso

    return utc_now_iso()


__all__ += [
    "ACCOUNT_KEY", "CONNECTION_STRING", "M_TOKENS_SESSION_ONLY", "ProjectCheck", "SecretUnusable", "blob_access", "blob_url_has_sas", "certification_bundle",
    "certification_record", "check_project", "export_formats", "given_secret", "import_partner_center_file",
    "known_hosts_for", "now_iso", "open_project", "preflight_record", "questionnaire_state", "vm_port",
]


# -- the VM size catalogue (issue #33) ----------------------------------------------------------------
@record(frozen=True)
class ImportedCatalogue:
    """What `import_size_catalogue` wrote: the number of sizes, what was left out (reason → count), where."""

    sizes: int
    skipped: dict[str, int]
    written: Path


SIZE_CATALOGUE_MAX_BYTES = 256 * 1024 * 1024  # read no more of a file than skus_import accepts (its MAX_FILE_BYTES)


def import_size_catalogue(data: bytes, source_name: str) -> ImportedCatalogue:
    """Read `az vm list-skus -o json` output and make it the catalogue in use (the user's data folder; the
    bundled one stays as the fallback). Raises skus_import.SkusImportError (nothing is written) or OSError."""
    import json

    from . import vmsizes
    from .projectio import atomic_write_text, utc_now_iso
    from .skus_import import catalogue_document, read_list_skus

    result = read_list_skus(data, source_name)
    target = vmsizes.imported_path()
    target.parent.mkdir(parents=True, exist_ok=True)
    atomic_write_text(target, json.dumps(catalogue_document(result, utc_now_iso(), source_name), indent=1,
                                         ensure_ascii=False) + "\n", keep_backup=False)
    vmsizes.reload()
    return ImportedCatalogue(len(result.rows), dict(result.skipped), target)


def size_catalogue_in_use() -> tuple[int, Path | None]:
    """How many sizes the catalogue in use has, and the imported file it comes from (None: the bundled one)."""
    from . import vmsizes

    return len(vmsizes.catalogue()), vmsizes.catalogue_source()


__all__ += ["SIZE_CATALOGUE_MAX_BYTES", "ImportedCatalogue", "import_size_catalogue", "size_catalogue_in_use"]


# == Partner Center, live (issue #30) ===============================================================
# The Product Ingestion API cycle: sign in, pull, push, submit, follow the job. Logic in
# core.partner_center; these are the entry points the command line and the wizard share.
def pc_token_source(project: Project, token_env: str | None = None, tenant: str | None = None,
                    client_id: str | None = None, client_secret_env: str | None = None) -> Any:
    """How to get a bearer token: an environment variable (CI), else msal with the client secret from
    `client_secret_env` or the keyring (bound to the tenant and client). Raises PCAuthError."""
    import os as _os

    from .partner_center.auth import check_ids, msal_token, pc_secret_ref, token_from_env
    from .partner_center.client import PCAuthError

    if token_env:
        return token_from_env(token_env)
    tenant = tenant or project.partner_center.tenant_id
    client_id = client_id or project.partner_center.client_id
    if not tenant or not client_id:
        raise PCAuthError("no sign-in: give --token-env NAME, or --tenant ID --client-id ID (the client secret from "
                          "the keyring or --client-secret-env NAME)")
    check_ids(tenant, client_id)
    if client_secret_env:
        secret = _os.environ.get(client_secret_env, "").strip()
        if not secret:
            raise PCAuthError(f"the environment variable {client_secret_env} holds no client secret")
        from .logs import register_secret

        register_secret(secret)  # redacted from the log from now on, as every keyring secret is
    else:
        try:
            secret = credentials().get(pc_secret_ref(project.project_id, tenant, client_id)) or ""
        except CredentialError as exc:
            raise PCAuthError(f"the client secret cannot be read from the keyring: {exc.advice}") from None
        if not secret:
            raise PCAuthError("no client secret for this tenant and client in the keyring: store it in the wizard's "
                              "Partner Center sign-in, or give --client-secret-env NAME")
    return msal_token(tenant, client_id, secret)


def store_pc_secret(project: Project, tenant: str, client_id: str, secret: str, remember: bool = True) -> None:
    """Keep the application's client secret, bound to its tenant and client (keyring; touches it: off the GUI thread)."""
    from .partner_center.auth import check_ids, pc_secret_ref

    check_ids(tenant, client_id)
    credentials().store(pc_secret_ref(project.project_id, tenant, client_id), secret, remember)


def pc_client(project: Project, api: str | None = None, token: Any = None, **kwargs: Any) -> Any:
    from .partner_center import DEFAULT_API, PCClient

    return PCClient(token or pc_token_source(project), api or project.partner_center.api or DEFAULT_API, **kwargs)


def pc_pull(project: Project, client: Any, offer_id: str | None = None, plans: list[str] | None = None,
            target: str = "draft") -> Any:
    """Read the offer's plans and merge each into its SKU on a copy of `project` (pull.PullResult): the
    caller saves `result.project` and keeps `result.tokens` (keep_published_tokens) only when this returns."""
    from .partner_center.pull import find_product, merge_pulled, read_tree

    product = find_product(client, offer_id or project.offer.offer_id)
    result = merge_pulled(project, read_tree(client, product, target), plans)
    if offer_id:
        result.project.offer.offer_id = offer_id
    return result


def pc_plan_push(project: Project, client: Any, plans: list[str] | None = None,
                 sas_uris: ExportTokens | None = None) -> tuple[Any, list[Any]]:
    """Read each plan's current configuration and build the one configure request (push.PushPlan,
    the live plans). Raises push.PushRefused when it would drop or alter a published version."""
    from .partner_center.pull import find_product
    from .partner_center.push import build_push, read_live

    wanted = list(dict.fromkeys(plans or [s.sku_id for s in project.skus]))  # each plan once in the request
    unknown = [p for p in wanted if not any(s.sku_id == p for s in project.skus)]
    if unknown:
        from .partner_center.push import PushRefused

        raise PushRefused(f"the project has no SKU {', '.join(unknown)}")
    product = find_product(client, project.offer.offer_id)
    project.partner_center.product_id = product
    lives = [read_live(client, product, p) for p in wanted]
    tokens = read_sas_uris(project) if sas_uris is None else sas_uris
    return build_push(project, lives, tokens.sas), lives


def pc_send(client: Any, body: dict[str, Any], lives: list[Any] | None = None) -> Any:
    """POST the configure request (after the last check that it keeps every published version); the job.
    With `lives`, each plan's configuration is read again first: a version published since the comparison
    (the wizard's Send comes minutes or hours after Compare) is in Partner Center's list, not in `body`."""
    from .partner_center.jobs import send_configure
    from .partner_center.push import reread_live, verify_body

    if lives:
        verify_body(body, lives)
        verify_body(body, [reread_live(client, live) for live in lives])
    return send_configure(client, body["resources"])


def pc_checklist_missing(project: Project) -> list[str]:
    """The export checklist's missing items, as "<SKU>: <item>" (empty: ready to submit)."""
    return [f"{e.sku.sku_id}: {m}" for e in prepare_export(project) for m in e.missing]


def pc_submission(project: Project, client: Any, target: str) -> dict[str, Any]:
    """The submission resource for `target` (preview | live); submit.SubmitRefused while the checklist is incomplete."""
    from .partner_center.pull import find_product
    from .partner_center.submit import SubmitRefused, submission_resource

    missing = pc_checklist_missing(project)
    if missing:
        raise SubmitRefused("the checklist has missing items: " + "; ".join(missing))
    product = project.partner_center.product_id or find_product(client, project.offer.offer_id)
    project.partner_center.product_id = product
    return submission_resource(client, product, target)


def pc_record_job(project: Project, job: Any, kind: str | None = None, sent_at: str | None = None) -> None:
    """The job in the project (a reopened project goes on following it)."""
    record = project.partner_center
    if kind is not None:
        record.last_job_kind = kind
        record.last_job_sent_at = sent_at or ""
    record.last_job_id = job.job_id
    record.last_job_status, record.last_job_result = job.status, job.result


def pc_follow(client: Any, job_id: str, on_update: Any = None, **kwargs: Any) -> Any:
    from .partner_center.jobs import follow_job

    return follow_job(client, job_id, on_update or (lambda _j: None), **kwargs)


def pc_status(project: Project, client: Any) -> tuple[list[Any], Any]:
    """The product's submissions and the state of the project's last job (None when it sent none)."""
    from .partner_center.jobs import job_status
    from .partner_center.pull import find_product
    from .partner_center.submit import submissions

    product = project.partner_center.product_id or find_product(client, project.offer.offer_id)
    job = job_status(client, project.partner_center.last_job_id) if project.partner_center.last_job_id else None
    return submissions(client, product), job


def pc_open(path: Path) -> Any:
    """The project file for a `pc` command, with its stamp (projectio.LoadedProject). Raises ProjectUnreadable."""
    from .projectio import load_project

    return load_project(path)


def pc_save(project: Project, path: Path, stamp: Any) -> Any:
    """Save the project only if the file is still what was read (`stamp`); the new stamp. Raises ProjectSaveError."""
    from .projectio import save_project

    return save_project(project, path, expected=stamp)


def pc_write_body(body: dict[str, Any], path: Path) -> None:
    """A configure request body into `path`, atomically and readable by its owner only (it holds SAS URIs)."""
    import json
    import os as _os

    from .projectio import atomic_write_text

    atomic_write_text(Path(path), json.dumps(body, indent=2, ensure_ascii=False) + "\n", keep_backup=False)
    _os.chmod(path, 0o600)


__all__ += ["pc_checklist_missing", "pc_client", "pc_open", "pc_save", "pc_write_body", "pc_follow", "pc_plan_push", "pc_pull", "pc_record_job", "pc_send",
            "pc_status", "pc_submission", "pc_token_source", "store_pc_secret"]
# == end of Partner Center, live =====================================================================
