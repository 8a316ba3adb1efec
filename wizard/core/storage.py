"""Azure Blob storage access shared by the VHD check, SAS and upload steps.

Parses blob URLs (public `*.blob.<suffix>` hosts and path-style emulator URLs),
builds clients from a SAS in the URL, an account key or a connection string,
and reads byte ranges of a blob without downloading it.
"""

from __future__ import annotations

import ipaddress
import re
import time
from collections.abc import Callable
from typing import Any, TypeVar
from urllib.parse import unquote, urlsplit, urlunsplit

from .deadline import DeadlineExceeded, within
from .i18n_marks import QT_TRANSLATE_NOOP, TranslatableError
from .progress import Cancelled, CancelToken
from .records import record

T = TypeVar("T")

M_NOT_FOUND = QT_TRANSLATE_NOOP("Core", "The blob or its container does not exist. Check the URL (names are case-sensitive).")
M_AUTH = QT_TRANSLATE_NOOP("Core", "Access was refused: the key, connection string or SAS is wrong, expired or lacks read permission.")
M_FORBIDDEN = QT_TRANSLATE_NOOP("Core", "Access was refused (403): the key or SAS is wrong, expired, or lacks the permission "
                                        "this needs (read; write for uploads).")
M_REFUSED = QT_TRANSLATE_NOOP("Core", "The storage service refused the request ({code}).")
M_UNREACHABLE = QT_TRANSLATE_NOOP("Core", "The storage endpoint could not be reached. Check the URL and your network connection.")
M_MALFORMED = QT_TRANSLATE_NOOP("Core", "The storage credentials are malformed: {reason}")
M_OTHER_ACCOUNT = QT_TRANSLATE_NOOP("Core", "{url} is not in the storage account {account} this secret belongs to: it is not "
                                            "used for another account or host. Check the blob URL (or the project file).")


M_DEADLINE = QT_TRANSLATE_NOOP("Core", "The storage server did not answer within {seconds} s ({what}). Try again later, "
                                       "or check the URL and your network.")
M_BAD_ANSWER = QT_TRANSLATE_NOOP("Core", "The storage server's answer cannot be used ({reason}): it is not what Azure Storage "
                                         "sends. Check the URL.")
M_LISTING_CUT = QT_TRANSLATE_NOOP("Core", "The listing was stopped after {pages} page(s) and {entries} entries: only those are "
                                          "shown.")

# Engineering budgets of the network calls (issue #29): each call has an overall deadline on top of
# the SDK's per-read timeout (which a server sending a byte now and then never reaches).
PROPERTIES_SECONDS = 30.0  # one properties request
READ_SECONDS = 30.0  # one ranged read (the VHD check reads the footer and at most the first MiB)
CHECK_SECONDS = 60.0  # all the reads of one blob's check together
LIST_SECONDS = 60.0  # a whole listing
LIST_PAGES = 50  # pages of a listing followed (5000 entries each at most)
LIST_ENTRIES = 20_000  # entries of a listing kept: the Browse dialog and the connection test need far fewer


class StorageError(TranslatableError):
    """A blob could not be reached or read; the message says why and what to do."""


class StorageCodeError(StorageError):
    """A refusal with the service's error code: a sentence, the next step (`advice`), the raw code in
    `details` (core/error_codes.py)."""

    def __init__(self, sentence: str, next_step: str, details: str, code: str = "", status: int | None = None):
        super().__init__(sentence)
        self.advice, self.details = next_step, details
        self.code, self.status = code, status  # the service's error code and HTTP status, as they came

    def __str__(self) -> str:
        return f"{self.template} {self.advice} [{self.details}]" if self.details else f"{self.template} {self.advice}"


# The codes with which the storage service refuses the credentials themselves ("Common REST API error codes"):
# a wrong key is AuthenticationFailed on Azure and AuthorizationFailure on Azurite.
KEY_REFUSALS = frozenset({"AuthenticationFailed", "InvalidAuthenticationInfo", "AuthorizationFailure"})
M_KEY_REFUSED = QT_TRANSLATE_NOOP("Core", "The storage account refused this key: the key does not belong to this "
                                          "account, or the account name or endpoint is not the key's.")
A_KEY_REFUSED = QT_TRANSLATE_NOOP("Core", "Copy key1 or key2 again (Azure portal → Storage accounts → the account → "
                                          "Access keys, Show), and check the account name and the endpoint.")


class StorageKeyRefused(StorageCodeError):
    """The account key a publisher typed was refused by the listing that proves it
    (`operations.connect_storage_key`): nothing was kept; the raw code is in `details`."""

    def __init__(self, details: str, code: str = "", status: int | None = None):
        super().__init__(M_KEY_REFUSED, A_KEY_REFUSED, details, code, status)


def refuses_the_key(error: StorageError) -> bool:
    """Whether the service refused the credentials themselves (not a name, a permission of a SAS, a network)."""
    if isinstance(error, StorageCodeError):
        return error.code in KEY_REFUSALS or (not error.code and error.status in (401, 403))
    return error.template in (M_AUTH, M_FORBIDDEN)


@record(frozen=True)
class BlobUrl:
    scheme: str
    host: str  # with port
    account: str
    container: str
    blob: str
    query: str  # the SAS token, if any (a secret: never log it)
    path_style: bool

    @property
    def account_url(self) -> str:
        base = f"{self.scheme}://{self.host}"
        return f"{base}/{self.account}" if self.path_style else base

    @property
    def url_without_sas(self) -> str:
        return f"{self.account_url}/{self.container}/{self.blob}"


def _is_path_style(host: str) -> bool:
    name = host.rsplit(":", 1)[0].strip("[]")
    if name == "localhost":
        return True
    try:
        ipaddress.ip_address(name)
        return True
    except ValueError:
        return False


def parse_blob_url(url: str) -> BlobUrl:
    """Split a blob URL; for path-style endpoints the account is the first path segment,
    for `<account>.blob.<suffix>` hosts it is the first host label."""
    parts = urlsplit(url.strip())
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise ValueError(f"not a blob URL: {urlunsplit(parts._replace(query=''))}")
    segments = [unquote(s) for s in parts.path.split("/") if s]
    path_style = _is_path_style(parts.netloc)
    if path_style:
        if len(segments) < 3:
            raise ValueError("a path-style blob URL needs /<account>/<container>/<blob>")
        account, container, blob = segments[0], segments[1], "/".join(segments[2:])
    else:
        if len(segments) < 2:
            raise ValueError("a blob URL needs /<container>/<blob>")
        account, container, blob = parts.netloc.split(".")[0], segments[0], "/".join(segments[1:])
    return BlobUrl(parts.scheme, parts.netloc, account, container, blob, parts.query, path_style)


# Azure's rule for a container name ("Naming and referencing containers, blobs, and metadata"): 3 to 63
# characters, lowercase letters, digits and hyphens, starting and ending with a letter or a digit, no two
# hyphens in a row. (Azurite's devstoreaccount1 takes the same names.)
_CONTAINER_NAME = re.compile(r"[a-z0-9](?:[a-z0-9]|-(?=[a-z0-9])){2,62}")


def valid_container_name(name: str) -> bool:
    return _CONTAINER_NAME.fullmatch(name) is not None


def client_options() -> dict[str, Any]:
    """Bounded retries and timeouts: the SDK's defaults wait minutes on a dead endpoint."""
    from azure.storage.blob import ExponentialRetry

    return {
        "retry_policy": ExponentialRetry(initial_backoff=1, increment_base=2, retry_total=2),
        "connection_timeout": 10,
        "read_timeout": 60,
    }


def blob_client(url: str, account_key: str | None = None, connection_string: str | None = None) -> Any:
    """A BlobClient for `url` using the SAS in it, an account key, or a connection string."""
    from azure.storage.blob import BlobClient, BlobServiceClient

    parsed = parse_blob_url(url)
    if connection_string:
        service = BlobServiceClient.from_connection_string(connection_string, **client_options())
        return service.get_blob_client(parsed.container, parsed.blob)
    if account_key:
        credential = {"account_name": parsed.account, "account_key": account_key}
        return BlobClient(parsed.account_url, parsed.container, parsed.blob, credential=credential, **client_options())
    return BlobClient.from_blob_url(url, **client_options())


def container_client(url: str, account_key: str | None = None, connection_string: str | None = None) -> Any:
    """A ContainerClient for the container of blob `url`, signed as blob_client() signs (a SAS in the URL
    signs only what it allows)."""
    from azure.storage.blob import BlobServiceClient, ContainerClient

    parsed = parse_blob_url(url)
    if connection_string:
        service = BlobServiceClient.from_connection_string(connection_string, **client_options())
        return service.get_container_client(parsed.container)
    if account_key:
        credential = {"account_name": parsed.account, "account_key": account_key}
        return ContainerClient(parsed.account_url, parsed.container, credential=credential, **client_options())
    query = f"?{parsed.query}" if parsed.query else ""
    return ContainerClient.from_container_url(f"{parsed.account_url}/{parsed.container}{query}", **client_options())


def storage_error(exc: Exception) -> StorageError:
    """An SDK error as a StorageError whose sentence says what to do."""
    from azure.core.exceptions import ClientAuthenticationError, HttpResponseError, ResourceNotFoundError, ServiceRequestError

    if isinstance(exc, HttpResponseError):
        from .error_codes import code_text, details, explain

        code, status = getattr(exc, "error_code", None), getattr(exc, "status_code", None)
        said = explain(code) if code else None  # a known code first: it says more than the status
        if said is not None:
            return StorageCodeError(said.sentence, said.next_step, details(code, status), code_text(code),
                                    status if isinstance(status, int) else None)
    if isinstance(exc, ResourceNotFoundError):
        return StorageError(M_NOT_FOUND)
    if isinstance(exc, ClientAuthenticationError):
        return StorageError(M_AUTH)
    if isinstance(exc, HttpResponseError):
        if getattr(exc, "status_code", None) == 403:
            return StorageError(M_FORBIDDEN)
        from .error_codes import code_text, details, explain

        code, status = getattr(exc, "error_code", None), getattr(exc, "status_code", None)
        said = explain(None, status if isinstance(status, int) else None)
        if said is not None:
            return StorageCodeError(said.sentence, said.next_step, details(code, status), code_text(code),
                                    status if isinstance(status, int) else None)
        return StorageError(M_REFUSED, code=code_text(code) or status or "")
    if isinstance(exc, ServiceRequestError):
        return StorageError(M_UNREACHABLE)
    return StorageError(str(exc))


def describe_storage_error(exc: Exception) -> str:
    """An SDK error as an English sentence that says what to do."""
    return str(storage_error(exc))


def guarded(fn: Callable[[], T], seconds: float, what: str, cancel: CancelToken | None = None,
            named: tuple[str, float] | None = None) -> T:
    """fn() within an overall deadline; the SDK's errors, a deadline and an answer the SDK cannot parse
    (a 200 without Content-Range, a cut body) as StorageErrors. Cancelled passes through."""
    from azure.core.exceptions import AzureError

    try:
        return within(fn, seconds, what, cancel)
    except DeadlineExceeded as exc:
        what, seconds = named or (exc.what, exc.seconds)  # `named`: the larger deadline that was running out
        raise StorageError(M_DEADLINE, seconds=f"{seconds:g}", what=what) from None
    except (Cancelled, StorageError):
        raise
    except AzureError as exc:
        raise storage_error(exc) from None
    except (ValueError, KeyError, TypeError, AttributeError, IndexError, OSError) as exc:
        raise StorageError(M_BAD_ANSWER, reason=f"{type(exc).__name__}: {exc}") from None


class BlobSource:
    """ByteSource over a blob: one properties call, then ranged GETs only; each call within a deadline
    and all of them within CHECK_SECONDS; a read that returns other than the bytes asked is an error."""

    def __init__(self, client: Any, display_name: str, cancel: CancelToken | None = None,
                 check_seconds: float = CHECK_SECONDS, read_seconds: float = READ_SECONDS):
        self.client = client
        self.name = display_name
        self.cancel = cancel
        self.read_seconds = read_seconds
        self.deadline = time.monotonic() + check_seconds
        self.check_seconds = check_seconds
        props = guarded(client.get_blob_properties, min(PROPERTIES_SECONDS, read_seconds), "blob properties", cancel)
        self.blob_type = str(getattr(props.blob_type, "value", props.blob_type))
        self.etag = props.etag or ""
        self._size = props.size

    def size(self) -> int:
        return int(self._size)

    def read(self, offset: int, length: int) -> bytes:
        left = self.deadline - time.monotonic()
        if left <= 0:
            raise StorageError(M_DEADLINE, seconds=f"{self.check_seconds:g}", what="the blob's check")
        data = guarded(lambda: bytes(self.client.download_blob(offset=offset, length=length).readall()),
                       min(self.read_seconds, left), f"bytes {offset}–{offset + length - 1}", self.cancel,
                       ("the blob's check", self.check_seconds) if left < self.read_seconds else None)
        wanted = max(0, min(length, int(self._size) - offset))
        if len(data) != wanted:
            raise StorageError(M_BAD_ANSWER, reason=f"{len(data)} bytes came back for {wanted} asked at offset {offset}")
        return data

    def allocated_bytes(self) -> int | None:
        return None  # would need the full page-range list; not worth it for a check


def parse_connection_string(text: str) -> dict[str, str]:
    """`Key=value;Key=value` → dict (AccountName, AccountKey, BlobEndpoint, …)."""
    parts = {}
    for item in text.strip().strip(";").split(";"):
        if "=" in item:
            key, value = item.split("=", 1)
            parts[key.strip()] = value.strip()
    return parts


def connection_string_problem(text: str) -> str | None:
    """Why `text` cannot be a storage connection string (None: it can). The SDK's own answer is
    "either blank or malformed", raised late, from deep inside."""
    parts = parse_connection_string(text)
    if not parts:
        return "it holds no Key=value pairs"
    if parts.get("AccountKey") is not None:
        if not parts.get("AccountName"):
            return "it has an AccountKey but no AccountName"
        problem = account_key_problem(parts["AccountKey"])
        return f"its AccountKey {problem}" if problem else None
    if parts.get("SharedAccessSignature") and parts.get("BlobEndpoint"):
        return None
    return "it needs AccountName and AccountKey (or BlobEndpoint and SharedAccessSignature)"


def account_key_problem(key: str) -> str | None:
    """Why `key` cannot be a storage account key (a base64 string), or None."""
    import base64
    import binascii

    try:
        base64.b64decode(key.strip(), validate=True)
    except (binascii.Error, ValueError):
        return "is not base64 text (copy the whole key from Access keys in the Azure portal)"
    return None if key.strip() else "is empty"


# -- a storage account as the SAS page sees it ------------------------------------
# Where each kind of storage secret is kept: core.secrets, the one list of every secret.
from .secrets import STORAGE_PURPOSE as SECRET_PURPOSE  # noqa: E402,F401 - kept for callers of the old name
from .secrets import storage_secret_ref  # noqa: E402,F401


@record(frozen=True)
class StorageAccess:
    """Where and how to reach the account. `secret` is the key, connection string or container SAS URL."""

    mode: str  # account-key | connection-string | container-sas
    account_name: str
    endpoint_suffix: str
    custom_endpoint: str
    secret: str

    @property
    def account_url(self) -> str:
        if self.mode == "connection-string":
            parts = parse_connection_string(self.secret)
            if parts.get("BlobEndpoint"):
                return parts["BlobEndpoint"].rstrip("/")
            # The string names its own endpoint; without a suffix the SDK uses core.windows.net -- never
            # the project file's suffix, or a crafted file could choose the host a SAS is made for.
            name = parts.get("AccountName", self.account_name)
            suffix = parts.get("EndpointSuffix", "core.windows.net")
            return f"{parts.get('DefaultEndpointsProtocol', 'https')}://{name}.blob.{suffix}"
        if self.mode == "container-sas":
            parsed = urlsplit(self.secret)
            path = parsed.path.rstrip("/").rsplit("/", 1)[0]
            return f"{parsed.scheme}://{parsed.netloc}{path}"
        if self.custom_endpoint:
            return self.custom_endpoint.rstrip("/")
        return f"https://{self.account_name}.blob.{self.endpoint_suffix}"

    @classmethod
    def from_settings(cls, settings: Any, secret: str, mode: str | None = None) -> StorageAccess:
        """The project's StorageSettings with a secret from the keyring, the session or the environment."""
        return cls(mode or settings.mode, settings.account_name, settings.endpoint_suffix, settings.custom_endpoint, secret)

    def account_key(self) -> str | None:
        if self.mode == "account-key":
            return self.secret
        if self.mode == "connection-string":
            return parse_connection_string(self.secret).get("AccountKey")
        return None

    def blob_url(self, container: str, blob: str) -> str:
        return f"{self.account_url}/{container}/{blob}"

    def owns(self, blob_url: str) -> bool:
        """True when `blob_url` lies in this secret's account (same scheme, host and account; for a
        container SAS, the same container): the only blobs this secret may be used or signed for."""
        try:
            blob = parse_blob_url(blob_url)
        except ValueError:
            return False
        if blob.account_url.lower() != self.account_url.lower():
            return False
        if self.mode == "container-sas":
            return blob.container == urlsplit(self.secret).path.rstrip("/").rsplit("/", 1)[-1]
        return True

    def require_owns(self, blob_url: str) -> None:
        if not self.owns(blob_url):
            shown = urlunsplit(urlsplit(blob_url)._replace(query=""))
            raise StorageError(M_OTHER_ACCOUNT, url=shown, account=self.account_url)


@record(frozen=True)
class BlobEntry:
    container: str
    name: str
    blob_type: str
    size: int
    last_modified: str
    url: str  # without any SAS
    portal_problems: tuple[str, ...]

    @property
    def is_vhd_page_blob(self) -> bool:
        return self.name.lower().endswith(".vhd") and self.blob_type.lower() == "pageblob"


# English templates (the CLI prints them as they are); the SAS page shows them translated.
PORTAL_NAME_PROBLEM = QT_TRANSLATE_NOOP("Core", "the portal rejects VHD names with blanks, '%' or '\"'")
PORTAL_BLOCK_PROBLEM = QT_TRANSLATE_NOOP("Core", "a block blob: the portal needs a page blob")


def _service(access: StorageAccess) -> Any:
    from azure.storage.blob import BlobServiceClient

    if access.mode == "connection-string":
        return BlobServiceClient.from_connection_string(access.secret, **client_options())
    credential = {"account_name": access.account_name, "account_key": access.secret}
    return BlobServiceClient(access.account_url, credential=credential, **client_options())


def _call(fn: Callable[[], T]) -> T:
    from azure.core.exceptions import AzureError

    try:
        return fn()
    except AzureError as exc:
        raise storage_error(exc) from None
    except ValueError as exc:  # malformed key or connection string
        raise StorageError(M_MALFORMED, reason=str(exc)) from None


class Listing(list[T]):
    """A listing's entries; `cut` says why it stopped early (None when it is whole)."""

    cut: StorageError | None = None


def bounded_listing(pages: Any, cancel: CancelToken | None = None, max_pages: int = LIST_PAGES,
                    max_entries: int = LIST_ENTRIES) -> Listing[Any]:
    """The entries of an SDK listing's pages (`.by_page()`), at most `max_pages` pages and `max_entries`
    entries, and never a continuation marker twice (a server that always answers with a next marker is
    not followed forever)."""
    out: Listing[Any] = Listing()
    seen: set[str] = set()
    count = 0
    for page in pages:
        count += 1
        for item in page:
            if len(out) >= max_entries:
                break
            out.append(item)
        marker = getattr(pages, "continuation_token", None)
        if cancel is not None:
            cancel.raise_if_cancelled()
        if not marker:
            return out
        if len(out) >= max_entries or count >= max_pages or marker in seen:
            out.cut = StorageError(M_LISTING_CUT, pages=count, entries=len(out))
            return out
        seen.add(marker)
    return out


def list_containers(access: StorageAccess, cancel: CancelToken | None = None) -> Listing[str]:
    """The connection test: the containers this access can see (a bounded listing, within LIST_SECONDS)."""
    if access.mode == "container-sas":
        name = urlsplit(access.secret).path.rstrip("/").rsplit("/", 1)[-1]
        list_blobs(access, name, cancel)  # proves the SAS can list
        return Listing([name])

    def fetch() -> Listing[str]:
        found = bounded_listing(_service(access).list_containers().by_page(), cancel)
        names: Listing[str] = Listing(c.name for c in found)
        names.cut = found.cut
        return names

    return _call(lambda: guarded(fetch, LIST_SECONDS, "the container listing", cancel))


def list_blobs(access: StorageAccess, container: str, cancel: CancelToken | None = None) -> Listing[BlobEntry]:
    from azure.storage.blob import ContainerClient

    def fetch() -> Listing[Any]:
        if access.mode == "container-sas":
            client = ContainerClient.from_container_url(access.secret, **client_options())
        else:
            client = _service(access).get_container_client(container)
        return bounded_listing(client.list_blobs().by_page(), cancel)

    found = _call(lambda: guarded(fetch, LIST_SECONDS, "the blob listing", cancel))
    entries: Listing[BlobEntry] = Listing()
    entries.cut = found.cut
    for b in found:
        blob_type = str(getattr(b.blob_type, "value", b.blob_type))
        problems = []
        if b.name.lower().endswith(".vhd"):
            if any(c in b.name for c in ' %"'):
                problems.append(PORTAL_NAME_PROBLEM)
            if blob_type.lower() != "pageblob":
                problems.append(PORTAL_BLOCK_PROBLEM)
        modified = b.last_modified.strftime("%Y-%m-%d %H:%M UTC") if b.last_modified else ""
        entries.append(BlobEntry(container, b.name, blob_type, b.size or 0, modified,
                                 access.blob_url(container, b.name), tuple(problems)))
    return entries
