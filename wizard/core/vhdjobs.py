"""Run a VHD check on a path or a blob URL: the one entry point for the page and the CLI."""

from __future__ import annotations

import os

from .i18n_marks import QT_TRANSLATE_NOOP
from .identity import fingerprint
from .model import Disk, VhdCheckRecord, VhdFinding
from .profiles import Profile
from .progress import CancelToken
from .projectio import utc_now_iso
from .records import record
from .storage import BlobSource, StorageError, blob_client, parse_blob_url, storage_error
from .vhd import FileSource, inspect
from .vhdcheck import VhdReport, boot_scheme, check_vhd, needs_first_mib


def is_url(target: str) -> bool:
    return target.startswith(("http://", "https://"))


@record
class FileStamp:
    size: int
    mtime_ns: int


def file_stamp(path: str) -> FileStamp | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return FileStamp(st.st_size, st.st_mtime_ns)

M_FOLDER = QT_TRANSLATE_NOOP("Core", "{target} is a folder, not a VHD file.")
M_MISSING = QT_TRANSLATE_NOOP("Core", "{target} does not exist.")
M_DENIED = QT_TRANSLATE_NOOP("Core", "{target} cannot be read: permission denied.")
M_UNREADABLE = QT_TRANSLATE_NOOP("Core", "{target} cannot be read: {reason}.")


def file_error(exc: OSError, target: str) -> StorageError:
    """Why a local VHD file could not be read, as the sentence the pages and the command line show."""
    if isinstance(exc, IsADirectoryError):
        return StorageError(M_FOLDER, target=target)
    if isinstance(exc, FileNotFoundError):
        return StorageError(M_MISSING, target=target)
    if isinstance(exc, PermissionError):
        return StorageError(M_DENIED, target=target)
    return StorageError(M_UNREADABLE, target=target, reason=exc.strerror or str(exc))


def check_target(target: str, profile: Profile, role: str, os_family: str,
                 secret: tuple[str, str] | None = None, image_type: str | None = None,
                 cancel: CancelToken | None = None) -> VhdReport:
    """Inspect and judge `target` (an OS disk of `image_type`: also how it boots); raises StorageError
    when it cannot be read at all (a blob's reads within their deadlines), Cancelled on `cancel`."""
    first_mib = needs_first_mib(profile, role, os_family) or bool(role == "os" and boot_scheme(profile, image_type))
    if not is_url(target):
        try:
            with FileSource(target) as source:
                info = inspect(source, first_mib)
        except OSError as exc:
            raise file_error(exc, target) from None
        return check_vhd(info, profile, role, os_family, image_type=image_type)
    try:
        parsed = parse_blob_url(target)
    except ValueError as exc:
        raise StorageError(str(exc)) from None
    key = secret[1] if secret and secret[0] == "key" else None
    conn = secret[1] if secret and secret[0] == "connection-string" else None
    try:
        client = blob_client(target, account_key=key, connection_string=conn)
        blob = BlobSource(client, parsed.url_without_sas, cancel)
        if blob.blob_type.lower() != "pageblob":
            # Not worth reading: a block blob can never be used as a VM disk.
            from .vhd import VhdInfo

            info = VhdInfo(target=blob.name, format="unknown", file_size=blob.size())
            report = VhdReport(info, role, os_family, profile.id, blob_type=blob.blob_type)
            return _blob_type_only(report, profile)
        info = inspect(blob, first_mib)
    except StorageError:
        raise
    except Exception as exc:  # the SDK raises many types; all mean "could not read"
        from azure.core.exceptions import AzureError

        if isinstance(exc, (AzureError, OSError)):
            raise storage_error(exc) from None
        raise
    return check_vhd(info, profile, role, os_family, blob_type=blob.blob_type, image_type=image_type)


def _blob_type_only(report: VhdReport, profile: Profile) -> VhdReport:
    from .vhdcheck import M_BLOB_BLOCK, _f

    report.findings.append(_f("blob-type", "fail", M_BLOB_BLOCK, "", type=report.blob_type))
    return report


def to_record(report: VhdReport, stamp: FileStamp | None, etag: str = "") -> VhdCheckRecord:
    i = report.info
    return VhdCheckRecord(
        target=i.target, profile_id=report.profile_id, checked_at=utc_now_iso(),
        file_size=stamp.size if stamp else i.file_size, file_mtime_ns=stamp.mtime_ns if stamp else 0,
        blob_etag=etag, format=i.format, disk_type=i.disk_type, virtual_size=i.virtual_size,
        allocated_bytes=i.allocated_bytes, verdict=report.verdict,
        findings=[VhdFinding(f.id, f.severity, f.message, f.fix, f.template, dict(f.args)) for f in report.findings],
        fingerprint=fingerprint(i.target) if stamp else "",  # the file's identity: an upload must match it
    )


def check_is_stale(disk: Disk) -> bool:
    """True when the disk's stored check looked at another file, or the file changed since (core.status)."""
    from .status import check_is_stale as stale

    return stale(disk)


def preflight_is_stale(disk: Disk) -> bool:
    """The file changed (or is gone) since its pre-flight (issue #23; core.status)."""
    from .status import preflight_is_stale as stale

    return stale(disk)
