"""Upload a fixed VHD to a page blob: only the data that exists, resumable, verified.

Only allocated extents are read (SEEK_DATA/SEEK_HOLE; elsewhere every byte is read
and zero pages skipped). Non-zero runs of 512-byte pages go up as Put Page requests
of at most 4 MiB, several at once, each with a transactional MD5 that the service
checks. A small journal in the user's state folder, keyed by the file's identity,
size and modification time and by the blob, records finished chunks (with a hash of
each chunk's bytes) so that a second run after a crash, a dropped connection or Cancel
sends only what is missing. A resume reads the chunks already sent again and compares
their hashes: a file changed in place (even with its modification time put back) has
its changed chunks sent again, never a stale blob called verified.

What "verified" means is said exactly: the page ranges of the blob equal the file's
non-zero pages (always); with `verify_md5`, the blob's content is read back and its
MD5 compared with the file's before it is stored as the blob's Content-MD5.
"""

from __future__ import annotations

import hashlib
import json
import os
import threading
import time
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from dataclasses import field
from pathlib import Path
from typing import Any

from .deadline import DeadlineExceeded, within
from .i18n_marks import QT_TRANSLATE_NOOP, TranslatableError
from .identity import FileIdentity, file_identity
from .progress import Cancelled, CancelToken, Progress, ProgressUpdate, no_progress
from .projectio import atomic_write_text
from .records import record
from .storage import M_DEADLINE, StorageError, blob_client, container_client, parse_blob_url, storage_error
from .vhd import FileSource, data_extents, inspect, open_regular

PAGE = 512
CHUNK = 4 * 1024 * 1024  # the service's maximum Put Page size
ZERO_CHUNK = bytes(CHUNK)
MAX_WORKERS = 16  # parallel Put Page requests the automatic choice goes up to


class Concurrency:
    """How many Put Page requests to keep in flight ("default by bandwidth").

    Fixed when the user names a number. Otherwise it starts at 4 and measures the
    throughput of each 64 MiB sent; while a step of 4 more requests still gains at
    least 10 %, it takes another step (up to 16). The window right after a change is
    not judged (requests started under the old number are still finishing). When more
    requests stop helping — the link or the service is saturated — it keeps the best.
    """

    START, STEP, WINDOW, GAIN = 4, 4, 64 * 1024 * 1024, 1.10

    def __init__(self, fixed: int | None = None, ceiling: int = MAX_WORKERS):
        self.limit = max(1, fixed) if fixed else self.START
        self.settled = fixed is not None
        self.ceiling = ceiling
        self.best_rate = 0.0
        self.best_limit = self.limit
        self._bytes = 0
        self._since: float | None = None
        self._changed = False

    def record(self, sent: int, now: float) -> None:
        if self.settled:
            return
        if self._since is None:
            self._since = now
        self._bytes += sent
        if self._bytes < self.WINDOW or now <= self._since:
            return
        rate = self._bytes / (now - self._since)
        self._bytes, self._since = 0, now
        if self._changed:
            self._changed = False  # a mixed window: judge the next one
            return
        if rate >= self.best_rate * self.GAIN and self.limit < self.ceiling:
            self.best_rate, self.best_limit = rate, self.limit
            self.limit = min(self.ceiling, self.limit + self.STEP)
            self._changed = True
        else:
            if rate < self.best_rate:
                self.limit = self.best_limit  # the last step made it slower: step back
            self.settled = True


M_NOT_FIXED = QT_TRANSLATE_NOOP("Core", "{path} is not a fixed VHD ({what}); only fixed VHDs can be uploaded as page blobs.")
M_NOT_FIXED_FIX = QT_TRANSLATE_NOOP("Core", "{path} is not a fixed VHD ({what}); only fixed VHDs can be uploaded as page "
                                            "blobs. Convert it first: {fix}")
M_NOT_512 = QT_TRANSLATE_NOOP("Core", "{path} is {size} bytes, not a multiple of 512: it is not a usable fixed VHD.")
M_NOT_PAGE_BLOB = QT_TRANSLATE_NOOP("Core", "{url} exists as a {blob_type}, not a page blob; delete it or choose another name.")
M_URL_LEASED = QT_TRANSLATE_NOOP("Core", "{url} is leased (a VM or another tool is using it); break the lease or choose "
                                         "another name.")
M_DENIED = QT_TRANSLATE_NOOP("Core", "access was refused: the key or SAS is wrong, expired, or has no write permission")
M_LEASED = QT_TRANSLATE_NOOP("Core", "the blob is leased (a VM or another upload is using it); break the lease or choose "
                                     "another name")
M_FULL = QT_TRANSLATE_NOOP("Core", "the storage account is out of capacity")
M_NO_CONTAINER = QT_TRANSLATE_NOOP("Core", "the container does not exist")
M_VERIFY_FAILED = QT_TRANSLATE_NOOP("Core", "verification failed: the blob's page ranges do not match the file's data; "
                                            "upload again")
M_CONTENT_DIFFERS = QT_TRANSLATE_NOOP("Core", "verification failed: the blob's content read back (MD5 {blob}) differs from "
                                              "the file's (MD5 {file}); upload again")


# The blob's metadata names the file identity the upload sent (issue #32): names are C# identifiers,
# values ASCII (the file's name percent-encoded).
IDENTITY_METADATA = ("mpwizard_file", "mpwizard_size", "mpwizard_mtime_ns", "mpwizard_fingerprint", "mpwizard_md5")


def identity_metadata(path: Path, identity: FileIdentity, content_md5: str | None) -> dict[str, str]:
    from urllib.parse import quote

    values = (quote(path.name, safe=""), str(identity.size), str(identity.mtime_ns), identity.fingerprint, content_md5 or "")
    return dict(zip(IDENTITY_METADATA, values, strict=True))


def read_identity_metadata(metadata: dict[str, str]) -> tuple[str, FileIdentity, str] | None:
    """(file name, identity, MD5) from a blob's metadata, or None when an upload of ours did not set it."""
    from urllib.parse import unquote

    try:
        name, size, mtime, fingerprint, md5 = (metadata[k] for k in IDENTITY_METADATA)
        return unquote(name), FileIdentity(int(size), int(mtime), fingerprint), md5
    except (KeyError, ValueError):
        return None


class UploadRefused(TranslatableError):
    """The upload cannot start or go on; the message says why and what to do."""


@record
class UploadSummary:
    bytes_total: int
    bytes_sent: int
    bytes_skipped: int
    seconds: float
    resumed: bool
    restart_reason: str = ""
    verified_ranges: bool = False
    content_md5: str | None = None
    workers: int = 0  # parallel requests at the end (chosen by throughput unless given)
    verified_content: bool = False  # the blob was read back and its MD5 equals the file's
    resent_changed_chunks: int = 0  # chunks sent before that had changed in the file since
    created_container: str = ""  # the container named for the upload did not exist: it was made (private)
    identity: FileIdentity | None = None  # which file was sent (core.identity); also in the blob's metadata

    @property
    def verification(self) -> str:
        """What was compared, in words (the command line prints it)."""
        what = "page ranges of the blob = non-zero pages of the file" if self.verified_ranges else "nothing"
        if self.verified_content:
            what += "; content read back, MD5 equal to the file's"
        return what

    def to_json(self) -> dict[str, Any]:
        return {"bytes_total": self.bytes_total, "bytes_sent": self.bytes_sent, "bytes_skipped": self.bytes_skipped,
                "seconds": round(self.seconds, 3), "resumed": self.resumed, "restart_reason": self.restart_reason,
                "verified_ranges": self.verified_ranges, "verified_content": self.verified_content,
                "verification": self.verification, "content_md5": self.content_md5, "workers": self.workers,
                "resent_changed_chunks": self.resent_changed_chunks, "created_container": self.created_container,
                # The file identity sent (also in the blob's metadata): what a project's check must match.
                "identity": None if self.identity is None else {"size": self.identity.size, "mtime_ns": self.identity.mtime_ns,
                                                                "fingerprint": self.identity.fingerprint}}


@record
class Journal:
    """Which 4 MiB chunks are on the blob, and the non-zero runs each held."""

    path: Path
    identity: dict[str, Any]
    done: dict[int, list[list[int]]] = field(default_factory=dict)  # chunk offset -> [[start, end), ...]
    hashes: dict[int, str] = field(default_factory=dict)  # chunk offset -> hash of the bytes sent

    def save(self) -> None:
        data = {"identity": self.identity, "done": {str(k): v for k, v in self.done.items()},
                "hashes": {str(k): v for k, v in self.hashes.items()}}
        atomic_write_text(self.path, json.dumps(data, separators=(",", ":")), keep_backup=False)

    def remove(self) -> None:
        self.path.unlink(missing_ok=True)


def journal_dir() -> Path:
    import platformdirs

    return Path(platformdirs.user_state_dir("mpwizard", appauthor=False)) / "uploads"


def _identity(path: Path, blob_url: str) -> dict[str, Any]:
    st = path.stat()
    return {"file": str(path.resolve()), "device": st.st_dev, "inode": st.st_ino, "size": st.st_size,
            "mtime_ns": st.st_mtime_ns, "blob": blob_url}


def open_journal(path: Path, blob_url: str, folder: Path | None = None) -> tuple[Journal, str]:
    """The journal for this file and blob; a changed file starts over, and says why."""
    folder = Path(folder) if folder else journal_dir()
    folder.mkdir(parents=True, exist_ok=True)
    key = hashlib.sha256(f"{path.resolve()}|{blob_url}".encode()).hexdigest()[:32]
    identity = _identity(path, blob_url)
    journal = Journal(folder / f"{key}.json", identity)
    if not journal.path.exists():
        return journal, ""
    try:
        data = json.loads(journal.path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return journal, "the resume journal was damaged"
    old = data.get("identity", {})
    if old != identity:
        changed = [k for k in ("size", "mtime_ns", "inode") if old.get(k) != identity[k]]
        return journal, f"the file changed since the interrupted upload ({', '.join(changed) or 'identity'})"
    try:
        journal.done = {int(k): v for k, v in data.get("done", {}).items()}
        journal.hashes = {int(k): str(v) for k, v in data.get("hashes", {}).items()}
    except (TypeError, ValueError, AttributeError):
        journal.done, journal.hashes = {}, {}
        return journal, "the resume journal was damaged"
    return journal, ""


def chunk_hash(data: bytes, runs: list[list[int]] | None = None, base: int = 0) -> str:
    """A hash of a chunk's content: of its non-zero runs (where they are, and their bytes) -- the rest
    of the chunk is zeros, so that is all of it. Hashing only the runs spares a sparse upload hashing
    mostly zeros (it was the larger part of the client's work). `runs` as nonzero_runs(data, base)
    gives them (worked out here when not given)."""
    digest = hashlib.blake2b(digest_size=16)
    for start, end in nonzero_runs(data, base) if runs is None else runs:
        digest.update(f"{start - base}:{end - base};".encode())
        digest.update(memoryview(data)[start - base: end - base])
    return digest.hexdigest()


ZERO_PAGE = bytes(PAGE)
ZERO_BLOCK = bytes(64 * PAGE)  # 32 KiB of zeros: long zero stretches are compared a block at a time


def _zero_spans(data: bytes) -> list[tuple[int, int]]:
    """[start, end) of the stretches of all-zero 512-byte pages, found with C-speed searches and
    block compares, not a loop over every page."""
    found: list[tuple[int, int]] = []
    pos, size = 0, len(data)
    block = len(ZERO_BLOCK)
    while True:
        hit = data.find(ZERO_PAGE, pos)  # 512 zero bytes start here, aligned or not
        if hit < 0:
            return found
        start = page = -(-hit // PAGE) * PAGE  # the first page boundary at or after the hit
        while page + PAGE <= size:
            if page + block <= size and data[page: page + block] == ZERO_BLOCK:
                page += block
            elif data[page: page + PAGE] == ZERO_PAGE:
                page += PAGE
            else:
                break
        if page > start:
            found.append((start, page))
        # The page at `page` (if any) is not zero, so the next zero page starts after it.
        pos = page + 1


def nonzero_runs(data: bytes, base: int) -> list[list[int]]:
    """[start, end) of runs of non-zero 512-byte pages, as absolute offsets."""
    if data == ZERO_CHUNK[: len(data)]:
        return []
    runs: list[list[int]] = []
    start = 0
    for zero_start, zero_end in _zero_spans(data):
        if zero_start > start:
            runs.append([base + start, base + zero_start])
        start = zero_end
    if start < len(data):
        runs.append([base + start, base + len(data)])
    return runs


def plan_chunks(fd: int, size: int) -> list[tuple[int, int]]:
    """4 MiB-aligned chunks that hold allocated data (all of them where holes are unknown)."""
    return plan_units(fd, size)[0]


def plan_units(fd: int, size: int) -> tuple[list[tuple[int, int]], list[list[int]]]:
    """The chunks that hold allocated data, and how they go up: units of chunk offsets sent by one
    worker. Two chunks share a unit where a small data extent (at most a chunk long) crosses the
    boundary between them, so that a run across it can go up as one Put Page, not two (scattered data
    made ~20 % more requests than runs). Chunks of dense data stay one per unit. Resuming is still by
    chunk: the journal books each chunk of a unit."""
    extents = data_extents(fd, size)
    known = extents is not None
    if extents is None:
        extents = [(0, size)]
    chunks: set[int] = set()
    joined: set[int] = set()  # chunk offsets joined to the chunk before them
    for start, end in extents:
        first = start - start % CHUNK
        for offset in range(first, end, CHUNK):
            chunks.add(offset)
        if known and end - start <= CHUNK and first + CHUNK < end:
            joined.add(first + CHUNK)
    ordered = sorted(chunks)
    units: list[list[int]] = []
    for offset in ordered:
        if offset in joined and units and units[-1][-1] == offset - CHUNK and len(units[-1]) < 2:
            units[-1].append(offset)
        else:
            units.append([offset])
    return [(o, min(CHUNK, size - o)) for o in ordered], units


def requests_for(runs: list[list[int]]) -> list[list[int]]:
    """The Put Page requests for runs in offset order: runs that touch (across a chunk boundary) go as
    one request while it stays within the service's 4 MiB maximum."""
    out: list[list[int]] = []
    for start, end in runs:
        if out and out[-1][1] == start and end - out[-1][0] <= CHUNK:
            out[-1][1] = end
        else:
            out.append([start, end])
    return out


def _merge(runs: list[list[int]]) -> list[list[int]]:
    merged: list[list[int]] = []
    for start, end in sorted(runs):
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return merged


def _permanent(exc: Exception) -> str | None:
    """The reason (a template) when the error is not worth retrying."""
    code = getattr(exc, "error_code", None) or ""
    status = getattr(exc, "status_code", None)
    if status == 403:
        return M_DENIED
    if status == 412 or "Lease" in str(code):
        return M_LEASED
    if "Quota" in str(code) or "Capacity" in str(code) or status == 507:
        return M_FULL
    if status == 404:
        return M_NO_CONTAINER
    return None


PAGE_SECONDS = 300.0  # one request of an upload (a 4 MiB chunk at a crawling 14 KiB/s): engineering budget


def _in_time(fn: Any, seconds: float, what: str, cancel: CancelToken | None) -> Any:
    """fn() within an overall deadline (issue #29); the SDK's own errors pass through for the retry rules."""
    try:
        return within(fn, seconds, what, cancel)
    except DeadlineExceeded as exc:
        raise StorageError(M_DEADLINE, seconds=f"{exc.seconds:g}", what=exc.what) from None


def _stopping_error(exc: Exception) -> StorageError:
    reason = _permanent(exc)
    return StorageError(reason) if reason else storage_error(exc)


def upload_vhd(path: str | os.PathLike[str], blob_url: str, *, account_key: str | None = None,
               connection_string: str | None = None, workers: int | None = None, verify_md5: bool = False,
               progress: Progress = no_progress, cancel: CancelToken | None = None, journal_folder: Path | None = None) -> UploadSummary:
    """Upload `path` to the page blob at `blob_url`; resumes an interrupted upload of the same file.

    `workers`: parallel Put Page requests; None chooses by measured throughput (`Concurrency`)."""
    return PageBlobUpload(Path(path), blob_url, account_key=account_key, connection_string=connection_string,
                          workers=workers, verify_md5=verify_md5, progress=progress, cancel=cancel or CancelToken(),
                          journal_folder=journal_folder).run()


class PageBlobUpload:
    """One upload of a fixed VHD to a page blob, step by step: refuse what cannot be uploaded,
    prepare the blob (or resume), send only the pages that hold data, verify the page ranges."""

    def __init__(self, path: Path, blob_url: str, *, account_key: str | None, connection_string: str | None,
                 workers: int | None, verify_md5: bool, progress: Progress, cancel: CancelToken,
                 journal_folder: Path | None):
        self.path, self.blob_url = path, blob_url
        self.account_key, self.connection_string = account_key, connection_string
        self.verify_md5, self.progress, self.cancel = verify_md5, progress, cancel
        self.journal_folder = journal_folder
        self.concurrency = Concurrency(workers)
        self.started = time.monotonic()
        self.size = 0
        # Bookkeeping of the chunks (under `lock`: workers finish in any order).
        self.lock = threading.Lock()
        self.sent = 0
        self.remaining = 0
        self.last_save = 0.0
        self.lengths: dict[int, int] = {}
        self.resent_changed = 0
        self.changed_offsets: set[int] = set()  # sent before, changed since: cleared, then sent again
        self.created_container = ""

    def run(self) -> UploadSummary:
        from azure.core.exceptions import AzureError

        self.size = self._fixed_vhd_size()
        identity = file_identity(str(self.path))  # taken before sending: a change while sending shows as a change since
        self.client = blob_client(self.blob_url, account_key=self.account_key, connection_string=self.connection_string)
        self.clean_url = parse_blob_url(self.blob_url).url_without_sas
        try:
            resumed, restart_reason = self._prepare_blob()
        except AzureError as exc:
            raise _stopping_error(exc) from None
        fd = open_regular(self.path)
        try:
            self._send_missing_chunks(fd)
            if self.cancel.cancelled:
                raise Cancelled()
            local_runs = _merge([run for runs in self.journal.done.values() for run in runs])
            verified = local_runs == _page_ranges(self.client, self.cancel)
            if not verified:
                raise StorageError(M_VERIFY_FAILED)
            content_md5 = None
            if self.verify_md5:
                content_md5 = _compare_and_set_content_md5(self.client, fd, self.size, self.cancel)
            if identity is not None:
                self.client.set_blob_metadata(identity_metadata(self.path, identity, content_md5))
            self.journal.remove()
            self.progress(ProgressUpdate(self.size, self.size, "verified"))
            return UploadSummary(self.size, self.sent, self.size - self.sent, time.monotonic() - self.started, resumed,
                                 restart_reason or "", verified, content_md5, self.concurrency.limit,
                                 verified_content=content_md5 is not None, resent_changed_chunks=self.resent_changed,
                                 created_container=self.created_container, identity=identity)
        except (Cancelled, UploadRefused):
            raise
        except AzureError as exc:
            raise _stopping_error(exc) from None
        finally:
            os.close(fd)

    def _fixed_vhd_size(self) -> int:
        """The file's size, after refusing anything but a whole fixed VHD (with the command that fixes it)."""
        with FileSource(self.path) as source:
            info = inspect(source)
        if info.format != "vhd" or info.disk_type != "fixed" or info.truncated:
            from .profiles import DEFAULT_PROFILE_ID, load_profile
            from .vhdcheck import check_vhd

            report = check_vhd(info, load_profile(DEFAULT_PROFILE_ID), "data")
            fix = next((f.fix for f in report.findings if f.fix and f.severity == "fail"), "")
            what = info.disk_type or info.format
            if fix:
                raise UploadRefused(M_NOT_FIXED_FIX, path=str(self.path), what=what, fix=fix)
            raise UploadRefused(M_NOT_FIXED, path=str(self.path), what=what)
        if info.file_size % PAGE:
            raise UploadRefused(M_NOT_512, path=str(self.path), size=info.file_size)
        return info.file_size

    def _prepare_blob(self) -> tuple[bool, str | None]:
        """Open the journal; resume when the blob is ours and whole, else make a fresh all-zero blob.
        Returns (resumed, why it started over)."""
        from azure.core.exceptions import ResourceNotFoundError

        self.journal, restart_reason = open_journal(self.path, self.clean_url, self.journal_folder)
        try:
            props = _in_time(self.client.get_blob_properties, PAGE_SECONDS, "blob properties", self.cancel)
        except ResourceNotFoundError:
            props = None
        if props is not None:
            blob_type = str(getattr(props.blob_type, "value", props.blob_type))
            if blob_type.lower() != "pageblob":
                raise UploadRefused(M_NOT_PAGE_BLOB, url=self.clean_url, blob_type=blob_type)
            if str(getattr(props.lease, "state", "")).lower().endswith("leased"):
                raise UploadRefused(M_URL_LEASED, url=self.clean_url)
        resumed = bool(self.journal.done) and props is not None and props.size == self.size
        if not resumed:
            if self.journal.done:
                restart_reason = restart_reason or "the blob is gone or its size no longer matches the file"
            self.journal.done = {}
            try:  # a fresh, all-zero blob: skipped pages are zeros there
                _in_time(lambda: self.client.create_page_blob(size=self.size), PAGE_SECONDS, "creating the blob", self.cancel)
            except ResourceNotFoundError as exc:
                if getattr(exc, "error_code", None) != "ContainerNotFound":
                    raise
                # A new storage account has no container, and the app offers no other place to make one:
                # the upload makes the container it was told to use (private, as AzCopy does), then the blob.
                if not self._create_container():
                    raise  # a SAS for one blob cannot make a container: "the container does not exist"
                _in_time(lambda: self.client.create_page_blob(size=self.size), PAGE_SECONDS, "creating the blob", self.cancel)
        # When resuming, chunks missing from the journal are sent again; Put Page is idempotent,
        # so a chunk that landed just before a crash costs one resend and nothing else.
        self.journal.save()
        return resumed, restart_reason

    def _create_container(self) -> bool:
        """Make the blob's container, with no public access (the SAS URIs give the portal its reads).
        False when the credential may not (a SAS for one blob)."""
        from azure.core.exceptions import HttpResponseError, ResourceExistsError

        parsed = parse_blob_url(self.blob_url)
        client = container_client(self.blob_url, account_key=self.account_key, connection_string=self.connection_string)
        try:
            _in_time(client.create_container, PAGE_SECONDS, "creating the container", self.cancel)
        except ResourceExistsError:
            return True  # made meanwhile (another upload into the same new container)
        except HttpResponseError:
            return False
        self.created_container = parsed.container
        return True

    def _recheck_sent_chunks(self, fd: int) -> int:
        """Read the chunks the journal says were sent and drop those whose bytes changed since (or that
        have no hash: an older journal); they are sent again. Returns how many were dropped."""
        for offset in sorted(self.journal.done):
            self.cancel.raise_if_cancelled()
            length = min(CHUNK, self.size - offset)
            if self.journal.hashes.get(offset) != chunk_hash(os.pread(fd, length, offset), base=offset):
                del self.journal.done[offset]
                self.journal.hashes.pop(offset, None)
                self.changed_offsets.add(offset)
        return len(self.changed_offsets)

    def _send_missing_chunks(self, fd: int) -> None:
        """Every chunk the journal lacks, in parallel; the first error stops the others."""
        stop = threading.Event()
        chunks, planned = plan_units(fd, self.size)
        self.resent_changed = self._recheck_sent_chunks(fd) if self.journal.done else 0
        todo = [c for c in chunks if c[0] not in self.journal.done]
        self.remaining = sum(length for _offset, length in todo)
        self.lengths = dict(chunks)
        units = [unit for unit in ([o for o in unit if o not in self.journal.done] for unit in planned) if unit]
        self.last_save = time.monotonic()
        client, cancel, lengths = self.client, self.cancel, self.lengths

        def send(unit: list[int]) -> list[tuple[int, list[list[int]], str]]:
            """Send one unit's chunks (one, or two that a small run crosses); their (offset, runs, hash)."""
            if cancel.cancelled or stop.is_set():
                raise Cancelled()
            first = unit[0]
            data = os.pread(fd, unit[-1] + lengths[unit[-1]] - first, first)
            booked: list[tuple[int, list[list[int]], str]] = []
            every_run: list[list[int]] = []
            for offset in unit:
                part = data if len(unit) == 1 else data[offset - first: offset - first + lengths[offset]]
                runs = nonzero_runs(part, offset)
                if offset in self.changed_offsets:  # pages that are zero now must not keep their old data
                    _in_time(lambda offset=offset: client.clear_page(offset=offset, length=lengths[offset]),
                             PAGE_SECONDS, f"clearing bytes from {offset}", cancel)
                booked.append((offset, runs, chunk_hash(part, runs, offset)))
                every_run += runs
            for start, end in requests_for(every_run):
                _in_time(lambda start=start, end=end: client.upload_page(
                    data[start - first: end - first], offset=start, length=end - start, validate_content=True),
                    PAGE_SECONDS, f"sending bytes from {start}", cancel)
            return booked

        self.progress(ProgressUpdate(self.size - self.remaining, self.size, "starting"))
        concurrency = self.concurrency
        with ThreadPoolExecutor(max_workers=concurrency.limit if concurrency.settled else MAX_WORKERS) as pool:
            pending: set[Future[list[tuple[int, list[list[int]], str]]]] = set()
            try:
                for unit in units:
                    pending.add(pool.submit(send, unit))
                    while len(pending) >= concurrency.limit:
                        finished, pending = wait(pending, return_when=FIRST_COMPLETED)
                        for fut in finished:
                            concurrency.record(self._book(fut), time.monotonic())
                    if cancel.cancelled or stop.is_set():
                        break
                for fut in list(pending):
                    wait([fut])
                    self._book(fut)
                pending.clear()
            except BaseException:
                stop.set()
                for fut in pending:
                    fut.cancel()
                for fut in pending:
                    try:
                        wait([fut])
                        self._book(fut)
                    except BaseException:  # noqa: BLE001 - the first error is the one reported
                        pass
                self.journal.save()
                raise
        self.journal.save()

    def _book(self, fut: Future[list[tuple[int, list[list[int]], str]]]) -> int:
        """Book a finished unit's chunks in the journal and report progress; returns the bytes it sent."""
        booked = fut.result()
        sent = sum(e - s for _offset, runs, _digest in booked for s, e in runs)
        with self.lock:
            for offset, runs, digest in booked:
                self.journal.done[offset] = runs
                self.journal.hashes[offset] = digest
                self.remaining -= self.lengths[offset]
            self.sent += sent
            if time.monotonic() - self.last_save > 1.0:
                self.journal.save()
                self.last_save = time.monotonic()
            remaining, total_sent = self.remaining, self.sent
        # Holes and zero pages count as done: progress is the share of the file dealt with.
        self.progress(ProgressUpdate(self.size - remaining, self.size,
                                     f"{total_sent} bytes sent, {self.size - remaining - total_sent} skipped"))
        return sent


def _page_ranges(client: Any, cancel: CancelToken | None = None) -> list[list[int]]:
    ranges: list[list[int]] = _in_time(lambda: _merge([[r.start, r.end + 1] for r in client.list_page_ranges()
                                                       if not r.cleared]), PAGE_SECONDS, "the page ranges", cancel)
    return ranges


def _blob_md5(client: Any, size: int, cancel: CancelToken) -> bytes:
    """MD5 of the blob's content as the service returns it: its page ranges read back, the rest zeros."""
    digest = hashlib.md5(usedforsecurity=False)
    pos = 0
    for start, end in _page_ranges(client, cancel) + [[size, size]]:
        while pos < start:
            step = min(CHUNK, start - pos)
            digest.update(ZERO_CHUNK[:step])
            pos += step
        while pos < end:
            cancel.raise_if_cancelled()
            length = min(CHUNK, end - pos)
            data = _in_time(lambda pos=pos, length=length: client.download_blob(
                offset=pos, length=length).readall(), PAGE_SECONDS, f"reading back bytes from {pos}", cancel)
            if len(data) != length:
                raise StorageError(M_VERIFY_FAILED)
            digest.update(data)
            pos += length
    return digest.digest()


def _compare_and_set_content_md5(client: Any, fd: int, size: int, cancel: CancelToken) -> str:
    """Read the blob back and compare its MD5 with the file's; when equal, store it as the blob's
    Content-MD5 (as Add-AzVhd does). Returns it in base64."""
    import base64

    from azure.storage.blob import ContentSettings

    local = _file_md5(fd, size, cancel)
    remote = _blob_md5(client, size, cancel)
    if local != remote:
        raise StorageError(M_CONTENT_DIFFERS, blob=remote.hex(), file=local.hex())
    client.set_http_headers(content_settings=ContentSettings(content_md5=bytearray(local),
                                                             content_type="application/octet-stream"))
    return base64.b64encode(local).decode()


def _file_md5(fd: int, size: int, cancel: CancelToken) -> bytes:
    """MD5 of every byte of the file (holes read as zeros without reading them)."""
    digest = hashlib.md5(usedforsecurity=False)
    extents = data_extents(fd, size)
    pos = 0
    for start, end in (extents if extents is not None else [(0, size)]) + [(size, size)]:
        while pos < start:  # a hole: zeros, no read needed
            step = min(CHUNK, start - pos)
            digest.update(ZERO_CHUNK[:step])
            pos += step
        while pos < end:
            cancel.raise_if_cancelled()
            data = os.pread(fd, min(CHUNK, end - pos), pos)
            digest.update(data)
            pos += len(data)
    return digest.digest()
