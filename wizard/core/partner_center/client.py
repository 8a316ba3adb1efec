"""HTTP for the Product Ingestion API, on `requests` (the library `msal` itself uses, so the app
carries one HTTP stack; it streams a body, which lets a deadline and a size cap hold while reading).

Every request (Microsoft's "Product Ingestion API for the commercial marketplace",
https://learn.microsoft.com/partner-center/marketplace/product-ingestion-api):
- goes to the base URL `https://graph.microsoft.com/rp/product-ingestion` with `$version`;
- carries `Authorization: Bearer <token>` to that host only: a redirect elsewhere, or an
  `@nextLink` naming another host, gets no token (the redirect is followed bare, the link refused);
- has a deadline for the whole exchange (connect, headers and body), not only per read;
- backs off on 429 (honouring `Retry-After`, seconds or an HTTP date) and on 5xx;
- turns 401 / 403 / 404 into what to do, and a body that is not JSON, too large or too deeply
  nested into a clear message. No message ever holds the token.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterator
from email.utils import parsedate_to_datetime
from functools import partial
from typing import Any
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit, urlunsplit

DEFAULT_API = "https://graph.microsoft.com/rp/product-ingestion"
# The API version of Microsoft's configure and submission examples (the schemas of the same name:
# https://schema.mp.microsoft.com/schema/configure/2022-03-01-preview2).
API_VERSION = "2022-03-01-preview2"
SCHEMA_BASE = "https://schema.mp.microsoft.com/schema"
MAX_BODY = 32 * 1024 * 1024  # a resource tree of a large offer is a few MiB
MAX_DEPTH = 64  # Partner Center's resources nest about 8 deep
MAX_PAGES = 1000
MAX_REDIRECTS = 5
MAX_RETRY_WAIT = 300.0  # the longest Retry-After honoured; beyond it the request fails with the wait named

TokenSource = Callable[[], str]


class PCError(Exception):
    """Partner Center could not be reached or read (exit 2): the text says what to do. A refusal also carries
    the `template` (a sentence), `advice` (the next step) and `details` (status, code, request ID) the GUI
    shows in the user's language (`wizard.i18n.translate_failure`); str() is the English of all three."""

    exit_code = 2
    template = ""
    advice = ""
    details = ""
    template_args: dict[str, object] = {}

    @classmethod
    def refused(cls, what: str, refusal: Any) -> PCError:
        error = cls(f"{what}: {refusal.sentence} {refusal.next_step} [{refusal.details}]")
        error.template, error.advice, error.details = refusal.sentence, refusal.next_step, refusal.details
        error.template_args = {}
        return error


class PCAuthError(PCError):
    """401 / 403 or no token: sign in again, or add the application to the Partner Center account."""


class PCNotFound(PCError):
    """404: no such product, plan, job or submission there."""


class PCNetworkError(PCError):
    """No answer, an answer past the deadline, or 429 / 5xx after every retry."""


class PCResponseError(PCError):
    """An answer that is not what the API answers: not JSON, too large, too deep, the wrong shape."""


def schema_url(resource: str, version: str = API_VERSION) -> str:
    return f"{SCHEMA_BASE}/{resource}/{version}"


def _origin(url: str) -> tuple[str, str]:
    parts = urlsplit(url)
    return parts.scheme.lower(), (parts.hostname or "").lower() + (f":{parts.port}" if parts.port else "")


def json_depth_ok(value: Any, limit: int = MAX_DEPTH) -> bool:
    """Whether `value` nests at most `limit` deep (iterative: a deep value cannot exhaust the stack)."""
    stack: list[tuple[Any, int]] = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, (dict, list)):
            if depth > limit:
                return False
            children = item.values() if isinstance(item, dict) else item
            stack.extend((c, depth + 1) for c in children)
    return True


def parse_json(data: bytes, what: str) -> Any:
    """The JSON of a response body, or PCResponseError saying why it is not one the API sends."""
    if len(data) > MAX_BODY:
        raise PCResponseError(f"{what}: the answer is larger than {MAX_BODY // 2**20} MiB; nothing was taken from it")
    try:
        value = json.loads(data.decode("utf-8-sig"))
    except RecursionError:
        raise PCResponseError(f"{what}: the answer is nested too deeply to be a Partner Center resource") from None
    except (UnicodeDecodeError, ValueError):
        start = data[:60].decode("utf-8", "replace").replace("\n", " ")
        raise PCResponseError(f"{what}: the answer is not JSON (it starts {start!r}); is --api the Product "
                              "Ingestion API's address?") from None
    if not json_depth_ok(value):
        raise PCResponseError(f"{what}: the answer is nested more than {MAX_DEPTH} deep; nothing was taken from it")
    return value


def retry_after_seconds(value: str | None, now: float | None = None) -> float | None:
    """`Retry-After` as seconds to wait: a number of seconds or an HTTP date (RFC 9110 §10.2.3)."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when is None or when.tzinfo is None:
        return None
    return max(0.0, when.timestamp() - (time.time() if now is None else now))


class PCClient:
    """One signed-in conversation with the Product Ingestion API."""

    def __init__(self, token: TokenSource, api: str = DEFAULT_API, version: str = API_VERSION,
                 deadline: float = 60.0, retries: int = 4, backoff: float = 2.0,
                 sleep: Callable[[float], None] = time.sleep, max_retry_wait: float = MAX_RETRY_WAIT):
        import requests

        api = api.rstrip("/")
        if urlsplit(api).scheme not in ("https", "http") or not urlsplit(api).hostname:
            raise PCError(f"--api {api!r} is not an http(s) address")
        self.api, self.version, self.deadline, self.retries = api, version, deadline, retries
        self.backoff, self.sleep, self.max_retry_wait = backoff, sleep, max_retry_wait
        self._token_source = token
        self._token: str | None = None
        self.session = requests.Session()
        self.session.trust_env = False  # no ~/.netrc credentials and no proxy from the environment reach the request

    # -- the token ------------------------------------------------------------------------------
    def _bearer(self) -> str:
        if self._token is None:
            token = self._token_source()
            if not token or any(c in token for c in "\r\n "):
                raise PCAuthError("the sign-in gave no usable access token")
            from ..logs import register_secret

            register_secret(token)
            self._token = token
        return self._token

    # -- requests -------------------------------------------------------------------------------
    def url(self, path: str, params: dict[str, str] | None = None) -> str:
        base = path if path.startswith(("https://", "http://")) else f"{self.api}/{path.lstrip('/')}"
        parts = urlsplit(base)
        query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if k != "$version"]
        query += list((params or {}).items()) + [("$version", self.version)]
        return urlunsplit((parts.scheme, parts.netloc, parts.path, urlencode(query, safe="/$"), ""))

    def get(self, path: str, params: dict[str, str] | None = None) -> Any:
        return self.request("GET", path, params)[1]

    def post(self, path: str, body: Any) -> tuple[int, Any]:
        return self.request("POST", path, None, body)

    def get_all(self, path: str, params: dict[str, str] | None = None) -> Iterator[dict[str, Any]]:
        """Every item of a `value` list, page after page through `@nextLink` (on the API's host only)."""
        url: str | None = self.url(path, params)
        seen: set[str] = set()
        for _ in range(MAX_PAGES):
            assert url is not None
            page = self.get(url)
            if not isinstance(page, dict) or not isinstance(page.get("value", []), list):
                raise PCResponseError(f"GET {urlsplit(url).path}: the answer has no `value` list")
            for item in page.get("value", []):
                if isinstance(item, dict):
                    yield item
            link = page.get("@nextLink")
            if not link:
                return
            if not isinstance(link, str):
                raise PCResponseError("`@nextLink` is not an address")
            seen.add(self.url(url))
            url = urljoin(url, link)
            if self.url(url) in seen:
                raise PCResponseError(f"`@nextLink` names a page already read ({urlsplit(url).path}): stopped, "
                                      "the list would never end")
            if _origin(url) != _origin(self.api):
                raise PCResponseError(f"`@nextLink` points to another host ({urlsplit(url).hostname}): not followed, "
                                      "the sign-in is not sent there")
        raise PCResponseError(f"more than {MAX_PAGES} pages: stopped")

    def request(self, method: str, path: str, params: dict[str, str] | None = None, body: Any = None) -> tuple[int, Any]:
        from ..error_codes import pc_refusal

        url = self.url(path, params)
        what = f"{method} {urlsplit(url).path}"
        attempt = 0
        refreshed = False
        while True:
            status, headers, data = self._exchange(method, url, body, what)
            if status == 401 and not refreshed:
                # A token lives about an hour and a job is followed for hours: sign in again, once.
                refreshed, self._token = True, None
                continue
            if status >= 500 and method != "GET":
                # Not retried: the request may have been taken (a configure job created); say how to find out.
                raise PCNetworkError.refused(what, pc_refusal(status, data, headers, taken_unknown=True))
            if status == 429 or status >= 500:
                asked = retry_after_seconds(headers.get("Retry-After")) if status == 429 else None
                if attempt >= self.retries:
                    raise PCNetworkError.refused(what, pc_refusal(status, data, headers, asked, tries=attempt + 1))
                wait = asked if asked is not None else self.backoff * (2 ** attempt)
                if wait > self.max_retry_wait:
                    raise PCNetworkError.refused(what, pc_refusal(status, data, headers, wait))
                self.sleep(wait)
                attempt += 1
                continue
            if status >= 400:
                raise self._refused(status, what, data, headers)
            if status == 204 or not data.strip():
                return status, None
            return status, parse_json(data, what)

    @staticmethod
    def _refused(status: int, what: str, data: bytes, headers: Any = None) -> PCError:
        """A 4xx as the sentence and next step of `error_codes.PC_STATUS` / `PC_CODES`; the status, Microsoft's
        code, the request ID and its message go to the details (core/error_codes.pc_refusal)."""
        from ..error_codes import pc_refusal

        kind = {401: PCAuthError, 403: PCAuthError, 404: PCNotFound}.get(status, PCError)
        return kind.refused(what, pc_refusal(status, data, headers))

    def _exchange(self, method: str, url: str, body: Any, what: str) -> tuple[int, Any, bytes]:
        """One request with its redirects, within the deadline: (status, headers, body bytes)."""
        import requests

        end = time.monotonic() + self.deadline
        send_token = True
        for _ in range(MAX_REDIRECTS + 1):
            headers = {"Accept": "application/json"}
            if send_token:
                headers["Authorization"] = f"Bearer {self._bearer()}"
            left = end - time.monotonic()
            if left <= 0:
                raise PCNetworkError(f"{what}: no answer within {self.deadline:.0f} s")
            try:
                response, data = self._within(end, what, partial(self._once, method, url, headers, body, left, end, what))
            except requests.Timeout:
                raise PCNetworkError(f"{what}: no answer within {self.deadline:.0f} s") from None
            except requests.RequestException as exc:
                raise PCNetworkError(f"{what}: Partner Center cannot be reached ({type(exc).__name__}); check the "
                                     "network and --api") from None
            if response.status_code in (301, 302, 303, 307, 308) and response.headers.get("Location"):
                target = urljoin(url, response.headers["Location"])
                if urlsplit(target).scheme not in ("https", "http"):
                    raise PCResponseError(f"{what}: redirected to a non-web address")
                if response.status_code == 303:
                    method, body = "GET", None
                if body is not None and _origin(target) != _origin(url):
                    # A configure request holds SAS URIs: it goes to the API's own host only.
                    raise PCResponseError(f"{what}: redirected to another host ({urlsplit(target).hostname}); the "
                                          "request was not sent there -- check --api")
                # The token goes to the API's own host only (and never from https down to http).
                send_token = send_token and _origin(target) == _origin(url)
                url = target
                continue
            return response.status_code, response.headers, data
        raise PCNetworkError(f"{what}: more than {MAX_REDIRECTS} redirects")

    def _once(self, method: str, url: str, headers: dict[str, str], body: Any, left: float, end: float,
              what: str) -> tuple[Any, bytes]:
        response = self.session.request(method, url, headers=headers, json=body, stream=True,
                                        allow_redirects=False, timeout=(min(left, 30.0), left))
        try:
            return response, self._read(response, end, what)
        finally:
            response.close()

    def _within(self, end: float, what: str, work: Callable[[], tuple[Any, bytes]]) -> tuple[Any, bytes]:
        """`work` with a wall-clock deadline: the read timeout holds per read only, so an answer whose status
        line and headers trickle in a byte at a time would never reach it. Past the deadline the exchange is
        left to end on its own (on a session of its own) and this says so."""
        import threading

        import requests

        box: dict[str, Any] = {}

        def run() -> None:
            try:
                box["result"] = work()
            except BaseException as exc:  # noqa: BLE001 - handed to the caller's thread
                box["error"] = exc

        worker = threading.Thread(target=run, name="pc-exchange", daemon=True)
        worker.start()
        worker.join(max(0.0, end - time.monotonic()) + 0.25)
        if worker.is_alive():
            stuck, self.session = self.session, requests.Session()
            self.session.trust_env = False
            threading.Thread(target=stuck.close, daemon=True).start()
            raise PCNetworkError(f"{what}: no answer within {self.deadline:.0f} s")
        if "error" in box:
            raise box["error"]
        result: tuple[Any, bytes] = box["result"]
        return result

    @staticmethod
    def _read(response: Any, end: float, what: str) -> bytes:
        declared = response.headers.get("Content-Length")
        if declared and declared.isdigit() and int(declared) > MAX_BODY:
            raise PCResponseError(f"{what}: the answer is larger than {MAX_BODY // 2**20} MiB; nothing was taken from it")
        chunks, size = [], 0
        raw = response.raw
        while True:
            # read1: what has arrived (a trickle cannot hold a read past the deadline); the content
            # decoding (gzip) is urllib3's
            chunk = raw.read1(65536, decode_content=True)
            if not chunk:
                break
            size += len(chunk)
            if size > MAX_BODY:
                raise PCResponseError(f"{what}: the answer is larger than {MAX_BODY // 2**20} MiB; nothing was taken from it")
            if time.monotonic() > end:
                raise PCNetworkError(f"{what}: the answer did not arrive in full within the deadline")
            chunks.append(chunk)
        return b"".join(chunks)
