"""A stand-in for Azure Resource Manager on 127.0.0.1 over HTTPS (self-signed): it answers the GETs the wizard
makes for a gallery image version, its image definition and a resource provider in the documented ARM
shapes (tests/helpers/gallery_json.py), 404 with ARM's error body for anything it does not hold, and 401
without the expected bearer token. `resources` maps a lower-cased resource path to its JSON body."""

from __future__ import annotations

import datetime as dt
import http.server
import json
import ssl
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

TOKEN = "stand-in-arm-token"


def self_signed(folder: Path) -> tuple[Path, Path]:
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")])
    now = dt.datetime.now(dt.UTC)
    import ipaddress

    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
            .serial_number(x509.random_serial_number()).not_valid_before(now - dt.timedelta(days=1))
            .not_valid_after(now + dt.timedelta(days=30))
            .add_extension(x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]), critical=False)
            .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
            .sign(key, hashes.SHA256()))
    cert_path, key_path = folder / "arm-cert.pem", folder / "arm-key.pem"
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                           serialization.NoEncryption()))
    return cert_path, key_path


@dataclass
class ArmStandIn:
    endpoint: str
    ca_file: str
    resources: dict[str, Any]
    requests: list[tuple[str, dict[str, list[str]], str]] = field(default_factory=list)  # path, query, authorization

    def put(self, resource_id: str, body: Any, status: int = 200) -> None:
        self.resources[resource_id.lower()] = (status, body)


class StaticCredential:
    """The token the stand-in accepts (a TokenCredential: what azure-identity hands the SDK)."""

    def __init__(self, token: str = TOKEN) -> None:
        self.token = token

    def get_token(self, *scopes: str, **kwargs: Any):
        from azure.core.credentials import AccessToken

        return AccessToken(self.token, int(dt.datetime.now(dt.UTC).timestamp()) + 3600)


@contextmanager
def arm_stand_in(folder: Path) -> Iterator[ArmStandIn]:
    cert, key = self_signed(folder)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    state: dict[str, ArmStandIn] = {}

    class Handler(http.server.BaseHTTPRequestHandler):
        def log_message(self, *args: Any) -> None:
            pass

        def _send(self, status: int, body: Any) -> None:
            data = json.dumps(body).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json; charset=utf-8")
            self.send_header("Content-Length", str(len(data)))
            self.send_header("x-ms-request-id", "00000000-0000-0000-0000-000000000001")
            self.end_headers()
            self.wfile.write(data)

        def do_GET(self) -> None:  # noqa: N802 - http.server's name
            stand = state["stand"]
            url = urlsplit(self.path)
            auth = self.headers.get("Authorization", "")
            stand.requests.append((url.path, parse_qs(url.query), auth))
            if auth != f"Bearer {TOKEN}":
                self._send(401, {"error": {"code": "InvalidAuthenticationToken", "message": "The access token is invalid."}})
                return
            found = stand.resources.get(url.path.lower())
            if found is None:
                self._send(404, {"error": {"code": "ResourceNotFound", "message": f"The Resource '{url.path}' was not found."}})
                return
            self._send(*found)

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.socket = context.wrap_socket(server.socket, server_side=True)
    stand = ArmStandIn(f"https://127.0.0.1:{server.server_address[1]}", str(cert), {})
    state["stand"] = stand
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield stand
    finally:
        server.shutdown()
        server.server_close()
