"""A local stand-in of Microsoft's Product Ingestion API, on 127.0.0.1, for the tests.

Built from Microsoft's documented requests and responses -- no real Partner Center account was used:
- "Product Ingestion API for the commercial marketplace"
  (https://learn.microsoft.com/partner-center/marketplace/product-ingestion-api): durable IDs
  (`product/<guid>`, `plan/<product guid>/<plan guid>`), `identity.externalId`, `$version` on every
  request, `value` lists with `@nextLink`, `GET /resource-tree/product/<guid>?targetType=`,
  `POST /configure` -> 202 `{"jobId", "jobStatus": "notStarted"}`, `GET /configure/<jobId>/status`
  (configure-status: jobStatus notStarted | running | completed, jobResult pending | succeeded |
  failed, `errors[]` of {code, message, resourceId}), `GET /submission/<product guid>`;
- "Product Ingestion API for virtual machines"
  (https://learn.microsoft.com/partner-center/marketplace-offers/product-ingestion-api-vm): the
  `virtual-machine-plan-technical-configuration` resource and its GET by product and plan GUID;
- REFERENCE.md §10: 401 (token), 403 (application not in the account), 404, 429 with Retry-After, 5xx.

What it is not: Partner Center's validation of a configuration. It checks the request's shape (a
configure `$schema`, a `resources` list, durable references to what exists) and applies it.
"""

from __future__ import annotations

import copy
import json
import re
import secrets
import threading
import time
import uuid
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit

VERSION = "2022-03-01-preview2"
SCHEMA = "https://schema.mp.microsoft.com/schema"
TECH = "virtual-machine-plan-technical-configuration"


def schema(kind: str) -> str:
    return f"{SCHEMA}/{kind}/{VERSION}"


@dataclass
class Fault:
    method: str
    path: str  # a regular expression matched at the start of the path
    status: int
    times: int = 1
    headers: dict[str, str] = field(default_factory=dict)
    body: bytes = b""
    trickle: float = 0.0  # seconds between 1-byte writes of the body


@dataclass
class Job:
    job_id: str
    body: dict[str, Any]
    polls: int = 0
    errors: list[dict[str, Any]] | None = None  # a failed job's errors
    applied: bool = False


class StandIn:
    """The API's state, faults to inject, and what it was sent."""

    def __init__(self) -> None:
        self.token = "standin-" + secrets.token_urlsafe(24)
        self.forbidden = False  # 403: the application is not in the Partner Center account
        self.products: dict[str, dict[str, Any]] = {}  # guid -> product resource
        self.plans: dict[tuple[str, str], dict[str, Any]] = {}  # (product guid, plan guid) -> plan resource
        self.tech: dict[tuple[str, str], dict[str, Any]] = {}
        self.submissions: dict[str, list[dict[str, Any]]] = {}
        self.jobs: dict[str, Job] = {}
        self.posts: list[dict[str, Any]] = []  # configure bodies received
        self.seen: list[tuple[str, str, dict[str, str]]] = []  # (method, url, headers) of every request
        self.faults: list[Fault] = []
        self.fail_next_job: list[dict[str, Any]] | None = None
        self.page_size = 2
        self.polls_to_complete = 2  # notStarted, running, then completed
        self.lock = threading.Lock()
        self.server: ThreadingHTTPServer | None = None

    # -- seeding ------------------------------------------------------------------------------
    def add_product(self, external_id: str) -> str:
        guid = str(uuid.uuid4())
        self.products[guid] = {"$schema": schema("product"), "id": f"product/{guid}",
                               "identity": {"externalId": external_id}, "type": "azureVirtualMachine",
                               "alias": external_id.title()}
        self.submissions[guid] = [{"$schema": schema("submission"), "id": f"submission/{guid}/1",
                                   "product": f"product/{guid}", "target": {"targetType": "draft"},
                                   "lifecycleState": "generallyAvailable"}]
        return guid

    def add_plan(self, product: str, external_id: str, config: dict[str, Any]) -> str:
        """A plan and its technical configuration (`config`: the resource's body without $schema/product/plan)."""
        guid = str(uuid.uuid4())
        self.plans[(product, guid)] = {"$schema": schema("plan"), "id": f"plan/{product}/{guid}",
                                       "product": f"product/{product}", "identity": {"externalId": external_id},
                                       "alias": external_id, "azureRegions": ["azureGlobal"]}
        self.tech[(product, guid)] = {"$schema": schema(TECH), "product": f"product/{product}",
                                      "plan": f"plan/{product}/{guid}", **copy.deepcopy(config)}
        return guid

    def plan_guid(self, product: str, external_id: str) -> str:
        return next(g for (p, g), r in self.plans.items() if p == product and r["identity"]["externalId"] == external_id)

    def tree(self, product: str) -> dict[str, Any]:
        """The resource tree: the product, the plans in the order added, then the configurations in the
        reverse order (a reader that pairs them by position pairs them wrongly)."""
        plans = [r for (p, _), r in self.plans.items() if p == product]
        techs = [r for (p, _), r in self.tech.items() if p == product][::-1]
        return {"$schema": schema("resource-tree"), "root": f"product/{product}",
                "target": {"targetType": "draft"}, "resources": [self.products[product], *plans, *techs]}

    # -- faults -------------------------------------------------------------------------------
    def fault(self, method: str, path: str, status: int, times: int = 1, headers: dict[str, str] | None = None,
              body: bytes | str = b"", trickle: float = 0.0) -> None:
        data = body.encode() if isinstance(body, str) else body
        self.faults.append(Fault(method, path, status, times, headers or {}, data, trickle))

    def _take_fault(self, method: str, path: str) -> Fault | None:
        with self.lock:
            for f in self.faults:
                if f.method == method and re.match(f.path, path) and f.times > 0:
                    f.times -= 1
                    return f
        return None

    # -- the server ---------------------------------------------------------------------------
    def start(self) -> StandIn:
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(self))
        self.server.daemon_threads = True
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        return self

    def stop(self) -> None:
        if self.server is not None:
            self.server.shutdown()
            self.server.server_close()

    @property
    def port(self) -> int:
        assert self.server is not None
        return self.server.server_address[1]

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/rp/product-ingestion"

    # -- the API ------------------------------------------------------------------------------
    def answer(self, method: str, path: str, query: dict[str, list[str]], body: Any) -> tuple[int, dict[str, str], Any]:
        q = {k: v[0] for k, v in query.items()}
        prefix = "/rp/product-ingestion/"
        if not path.startswith(prefix):
            return 404, {}, {"error": {"code": "notFound", "message": "no such endpoint"}}
        rest = path[len(prefix):].strip("/")
        if method == "GET" and rest == "product":
            items = [p for p in self.products.values()
                     if "externalId" not in q or p["identity"]["externalId"] == q["externalId"]]
            return self._page(items, q, path)
        if method == "GET" and rest == "plan":
            product = q.get("product", "").removeprefix("product/")
            items = [r for (p, _), r in self.plans.items() if p == product
                     and ("externalId" not in q or r["identity"]["externalId"] == q["externalId"])]
            return self._page(items, q, path)
        m = re.fullmatch(rf"{TECH}/([0-9a-f-]{{36}})/([0-9a-f-]{{36}})", rest)
        if method == "GET" and m:
            found = self.tech.get((m.group(1), m.group(2)))
            return (200, {}, found) if found else _not_found("plan")
        m = re.fullmatch(r"resource-tree/product/([0-9a-f-]{36})", rest)
        if method == "GET" and m:
            if m.group(1) not in self.products:
                return _not_found("product")
            return 200, {}, self.tree(m.group(1))
        m = re.fullmatch(r"submission/([0-9a-f-]{36})", rest)
        if method == "GET" and m:
            if m.group(1) not in self.products:
                return _not_found("product")
            return self._page(self.submissions[m.group(1)], q, path)
        if method == "POST" and rest == "configure":
            return self._configure(body)
        m = re.fullmatch(r"configure/([0-9a-f-]{36})/status", rest)
        if method == "GET" and m:
            return self._status(m.group(1))
        return 404, {}, {"error": {"code": "notFound", "message": f"no {method} {rest}"}}

    def _page(self, items: list[dict[str, Any]], q: dict[str, str], path: str) -> tuple[int, dict[str, str], Any]:
        start = int(q.get("$skipToken", "0") or 0)
        page = items[start:start + self.page_size]
        out: dict[str, Any] = {"value": page}
        if start + self.page_size < len(items):
            rest = "&".join(f"{k}={v}" for k, v in q.items() if k not in ("$skipToken", "$version"))
            out["@nextLink"] = f"{path}?{rest + '&' if rest else ''}$skipToken={start + self.page_size}"
        return 200, {}, out

    def _configure(self, body: Any) -> tuple[int, dict[str, str], Any]:
        if not isinstance(body, dict) or body.get("$schema") != schema("configure") \
                or not isinstance(body.get("resources"), list):
            return 400, {}, {"error": {"code": "badRequest", "message": "a configure request has $schema "
                                       f"{schema('configure')} and a resources list"}}
        self.posts.append(copy.deepcopy(body))
        job = Job(str(uuid.uuid4()), copy.deepcopy(body), errors=self.fail_next_job)
        self.fail_next_job = None
        self.jobs[job.job_id] = job
        return 202, {}, {"$schema": schema("configure-status"), "jobId": job.job_id, "jobStatus": "notStarted",
                         "jobResult": "pending", "jobStart": _now(), "errors": []}

    def _status(self, job_id: str) -> tuple[int, dict[str, str], Any]:
        job = self.jobs.get(job_id)
        if job is None:
            return _not_found("job")
        with self.lock:
            job.polls += 1
            polls = job.polls
        out: dict[str, Any] = {"$schema": schema("configure-status"), "jobId": job_id, "jobStart": _now(), "errors": []}
        if polls <= 1:
            out.update(jobStatus="notStarted", jobResult="pending")
        elif polls <= self.polls_to_complete:
            out.update(jobStatus="running", jobResult="pending")
        elif job.errors:
            out.update(jobStatus="completed", jobResult="failed", jobEnd=_now(), errors=job.errors)
        else:
            self._apply(job)
            out.update(jobStatus="completed", jobResult="succeeded", jobEnd=_now(),
                       resourceUri=f"{self.url}/configure/{job_id}")
        return 200, {}, out

    def _apply(self, job: Job) -> None:
        with self.lock:
            if job.applied:
                return
            job.applied = True
            for r in job.body["resources"]:
                kind = str(r.get("$schema", "")).split("/")[-2]
                if kind == TECH:
                    m = re.fullmatch(r"plan/([0-9a-f-]{36})/([0-9a-f-]{36})", str(r.get("plan")))
                    if m and (m.group(1), m.group(2)) in self.tech:
                        self.tech[(m.group(1), m.group(2))] = copy.deepcopy(r)
                elif kind == "submission":
                    guid = str(r.get("product", "")).removeprefix("product/")
                    subs = self.submissions.setdefault(guid, [])
                    subs.append({"$schema": schema("submission"), "id": f"submission/{guid}/{len(subs) + 1}",
                                 "product": f"product/{guid}", "target": copy.deepcopy(r.get("target")),
                                 "status": "completed", "result": "succeeded", "created": _now()})


def _now() -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%S.0000000Z", time.gmtime())


def _not_found(what: str) -> tuple[int, dict[str, str], Any]:
    return 404, {}, {"error": {"code": "notFound", "message": f"The {what} was not found"}}


def _handler(api: StandIn) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *_args: Any) -> None:
            pass

        def _do(self) -> None:
            parts = urlsplit(self.path)
            length = int(self.headers.get("Content-Length") or 0)
            raw = self.rfile.read(length) if length else b""
            api.seen.append((self.command, self.path, dict(self.headers.items())))
            fault = api._take_fault(self.command, parts.path)
            if fault is not None:
                return self._send(fault.status, fault.headers, fault.body, fault.trickle)
            if self.headers.get("Authorization") != f"Bearer {api.token}":
                return self._json(401, {}, {"error": {"code": "InvalidAuthenticationToken",
                                                      "message": "Access token is empty or invalid."}})
            if api.forbidden:
                return self._json(403, {}, {"error": {"code": "Forbidden", "message": "Insufficient privileges."}})
            query = parse_qs(parts.query, keep_blank_values=True)
            if "$version" not in query:
                return self._json(400, {}, {"error": {"code": "badRequest", "message": "$version is required"}})
            try:
                body = json.loads(raw) if raw else None
            except ValueError:
                return self._json(400, {}, {"error": {"code": "badRequest", "message": "not JSON"}})
            status, headers, out = api.answer(self.command, parts.path, query, body)
            self._json(status, headers, out)

        def _json(self, status: int, headers: dict[str, str], value: Any) -> None:
            self._send(status, {"Content-Type": "application/json; charset=utf-8", **headers},
                       json.dumps(value).encode())

        def _send(self, status: int, headers: dict[str, str], body: bytes, trickle: float = 0.0) -> None:
            try:
                self.send_response(status)
                for k, v in headers.items():
                    self.send_header(k, v)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                if trickle:
                    for i in range(len(body)):
                        self.wfile.write(body[i:i + 1])
                        self.wfile.flush()
                        time.sleep(trickle)
                else:
                    self.wfile.write(body)
            except (BrokenPipeError, ConnectionResetError):
                pass

        do_GET = do_POST = _do

    return Handler


class EntraStandIn:
    """A stand-in of Microsoft Entra ID's token service for msal's client credentials flow, over HTTPS
    on 127.0.0.1 (msal takes https authorities only) with a certificate made here: the tests point
    `REQUESTS_CA_BUNDLE` at it. What it answers, from Microsoft's documentation of the v2.0 endpoints
    (https://learn.microsoft.com/entra/identity-platform/v2-oauth2-client-creds-grant-flow):
    `GET /<tenant>/v2.0/.well-known/openid-configuration` (the token endpoint's address) and
    `POST /<tenant>/oauth2/v2.0/token` with `grant_type=client_credentials`, `client_id`,
    `client_secret`, `scope` -> `{"token_type": "Bearer", "expires_in": ..., "access_token": ...}`, or
    400/401 `{"error": "invalid_client", "error_description": "AADSTS7000215: ..."}`."""

    def __init__(self, tenant: str, client_id: str, secret: str, token: str, folder: Any) -> None:
        self.tenant, self.client_id, self.secret, self.token = tenant, client_id, secret, token
        self.requests: list[dict[str, str]] = []
        self.delay = 0.0  # seconds before the token endpoint answers (a sign-in that hangs)
        self.cert_file = folder / "entra-standin.pem"
        self.key_file = folder / "entra-standin.key"
        self.server: ThreadingHTTPServer | None = None

    def _certificate(self) -> None:
        import datetime
        import ipaddress

        from cryptography import x509
        from cryptography.hazmat.primitives import hashes, serialization
        from cryptography.hazmat.primitives.asymmetric import ec
        from cryptography.x509.oid import NameOID

        key = ec.generate_private_key(ec.SECP256R1())
        name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")])
        now = datetime.datetime.now(datetime.UTC)
        cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
                .serial_number(x509.random_serial_number()).not_valid_before(now - datetime.timedelta(minutes=5))
                .not_valid_after(now + datetime.timedelta(hours=2))
                .add_extension(x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]), False)
                .add_extension(x509.BasicConstraints(ca=True, path_length=None), True)
                .sign(key, hashes.SHA256()))
        self.cert_file.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
        self.key_file.write_bytes(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                                    serialization.NoEncryption()))

    def start(self) -> EntraStandIn:
        import ssl

        self._certificate()
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), _entra_handler(self))
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(self.cert_file, self.key_file)
        self.server.socket = context.wrap_socket(self.server.socket, server_side=True)
        self.server.daemon_threads = True
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        return self

    def stop(self) -> None:
        if self.server is not None:
            self.server.shutdown()
            self.server.server_close()

    @property
    def authority(self) -> str:
        assert self.server is not None
        return f"https://127.0.0.1:{self.server.server_address[1]}/"


def _entra_handler(entra: EntraStandIn) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *_args: Any) -> None:
            pass

        def _json(self, status: int, value: Any) -> None:
            data = json.dumps(value).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def do_GET(self) -> None:  # noqa: N802
            base = entra.authority + entra.tenant
            if urlsplit(self.path).path == f"/{entra.tenant}/v2.0/.well-known/openid-configuration":
                return self._json(200, {"token_endpoint": f"{base}/oauth2/v2.0/token",
                                        "authorization_endpoint": f"{base}/oauth2/v2.0/authorize",
                                        "issuer": f"{base}/v2.0", "jwks_uri": f"{base}/discovery/v2.0/keys"})
            self._json(404, {"error": "not_found"})

        def do_POST(self) -> None:  # noqa: N802
            length = int(self.headers.get("Content-Length") or 0)
            form = {k: v[0] for k, v in parse_qs(self.rfile.read(length).decode()).items()}
            entra.requests.append(form)
            if entra.delay:
                time.sleep(entra.delay)
            if urlsplit(self.path).path != f"/{entra.tenant}/oauth2/v2.0/token":
                return self._json(404, {"error": "not_found"})
            if form.get("grant_type") != "client_credentials" or form.get("client_id") != entra.client_id \
                    or form.get("client_secret") != entra.secret:
                return self._json(401, {"error": "invalid_client", "error_description":
                                        "AADSTS7000215: Invalid client secret provided.\r\nTrace ID: 0"})
            if "https://graph.microsoft.com/.default" not in form.get("scope", "").split():
                return self._json(400, {"error": "invalid_scope", "error_description": "AADSTS1002012: bad scope"})
            self._json(200, {"token_type": "Bearer", "expires_in": 3599, "ext_expires_in": 3599,
                             "access_token": entra.token})

    return Handler
