"""Every secret the product keeps: under which keyring name (`SecretRef.purpose`), who stores it,
and what it opens. Nothing else spells a purpose: pages, the command line and the core ask here.

The keyring entry is `<project id>/<purpose>` in the service `mpwizard` (core.credentials). A
secret is bound to where it belongs, in its name: the VM password to `user@host:port`, an account
key to the account's blob endpoint, a SAS token to the blob URL it signs. A project file (which
travels between people, and whose project id can be copied) therefore cannot make the product send
a secret elsewhere: for another host or endpoint there simply is no secret. Connection strings and
container SAS URLs carry their endpoint inside the secret; `StorageAccess.require_owns` refuses to
use any storage secret for a blob outside its account. The project never holds a secret, and the
purpose a SAS record names is not trusted (the token is looked up by the record's blob URL).
"""

from __future__ import annotations

from typing import Any

from .credentials import SecretRef
from .records import record

# Storage access modes (StorageSettings.mode), one name each.
ACCOUNT_KEY = "account-key"
CONNECTION_STRING = "connection-string"
CONTAINER_SAS = "container-sas"
STORAGE_MODES = (ACCOUNT_KEY, CONNECTION_STRING, CONTAINER_SAS)

VM_PASSWORD = "vm-password"
SSH_PASSPHRASE = "ssh-passphrase"
STORAGE_PURPOSE = {ACCOUNT_KEY: "storage-account-key", CONNECTION_STRING: "storage-connection-string",
                   CONTAINER_SAS: "storage-container-sas"}
SAS_TOKEN_PREFIX = "sas:"  # + the blob URL the token signs
BLOB_READ_SAS_PREFIX = "blob-read-sas:"  # + the blob URL it reads
PUBLISHED_SAS_PREFIX = "published-sas:"  # + the blob URL of a published image version's disk
PC_CLIENT_SECRET = "pc-client-secret"  # + @<tenant>/<client id>: the Entra application's secret (issue #30)


@record(frozen=True)
class SecretKind:
    """One kind of secret: its purpose (or purpose prefix), who stores it, what it opens."""

    purpose: str
    stored_by: str
    opens: str


CATALOGUE = (
    SecretKind(VM_PASSWORD, "Connection step (password box)", "the certification VM: the SSH or WinRM user's password"),
    SecretKind(SSH_PASSPHRASE, "Connection step (key passphrase box)", "the private key file given for SSH"),
    SecretKind(STORAGE_PURPOSE[ACCOUNT_KEY], "SAS URIs step (Connect)", "the storage account: sign SAS, upload, store the report"),
    SecretKind(STORAGE_PURPOSE[CONNECTION_STRING], "SAS URIs step (Connect)", "the storage account named in the string"),
    SecretKind(STORAGE_PURPOSE[CONTAINER_SAS], "SAS URIs step (Connect)", "listing one container"),
    SecretKind(SAS_TOKEN_PREFIX + "<blob URL>", "SAS URIs step (Generate)", "reading that one blob (the URI the portal gets)"),
    SecretKind(BLOB_READ_SAS_PREFIX + "<blob URL>", "VHD check step (Use blob URL…)", "reading that one blob for the check"),
    SecretKind(PUBLISHED_SAS_PREFIX + "<blob URL>", "Import from Partner Center (project import-pc)",
               "the SAS URI of a disk of an image version the plan already publishes (sent back unchanged)"),
    SecretKind(PC_CLIENT_SECRET + "@<tenant>/<client id>", "What's next step (Partner Center sign-in)",
               "the Product Ingestion API, as the Microsoft Entra application added to the Partner Center account"),
)


def vm_secret_ref(project_id: str, auth: str, user: str, host: str, port: int | str,
                  tls_unverified: bool = False) -> SecretRef:
    """The VM password, or the key's passphrase when the connection signs in with a key, for this one
    user on this one host and port. (The passphrase opens a local key file; it is bound the same way
    so that a file naming another host never gets it either.) A password kept for a connection whose
    TLS certificate is checked is not given to one whose check is off (`tls_unverified`): a project
    file that turns the check off would otherwise send it to whoever answers in between."""
    base = SSH_PASSPHRASE if auth == "key" else VM_PASSWORD
    unverified = "!tls-unverified" if tls_unverified else ""
    return SecretRef(project_id, f"{base}@{user}@{host.strip().lower()}:{port}{unverified}")


def connection_secret_ref(project_id: str, connection: Any, auth: str | None = None) -> SecretRef:
    """`vm_secret_ref` for a ConnectionSettings (`auth`: the sign-in chosen, when not yet stored in it) --
    the one place the page and the operations bind a connection to its secret."""
    c = connection
    return vm_secret_ref(project_id, auth or c.auth, c.user, c.host, c.port, c.tls_unverified)


def storage_secret_ref(project_id: str, mode: str, settings: Any | None = None) -> SecretRef:
    """Where the project's storage secret of this kind (`StorageSettings.mode`) is kept. An account key
    is bound to the account endpoint of `settings` (StorageSettings); the other kinds name their own."""
    purpose = STORAGE_PURPOSE.get(mode, STORAGE_PURPOSE[ACCOUNT_KEY])
    if purpose == STORAGE_PURPOSE[ACCOUNT_KEY]:
        purpose += "@" + account_endpoint(settings)
    return SecretRef(project_id, purpose)


def account_endpoint(settings: Any | None) -> str:
    """The blob endpoint of an account-key StorageSettings, normalised (`https://acct.blob.core.windows.net`)."""
    if settings is None:
        return ""
    custom = str(getattr(settings, "custom_endpoint", "") or "").strip().rstrip("/")
    if custom:
        return custom.lower()
    return f"https://{settings.account_name}.blob.{settings.endpoint_suffix}".lower()


def sas_token_ref(project_id: str, blob_url: str) -> SecretRef:
    return SecretRef(project_id, SAS_TOKEN_PREFIX + blob_url)


def blob_read_sas_ref(project_id: str, blob_url: str) -> SecretRef:
    return SecretRef(project_id, BLOB_READ_SAS_PREFIX + blob_url)


def published_sas_ref(project_id: str, blob_url: str) -> SecretRef:
    return SecretRef(project_id, PUBLISHED_SAS_PREFIX + blob_url)


def pc_secret_ref(project_id: str, tenant: str, client_id: str) -> SecretRef:
    """The Entra application's client secret, bound to this tenant and this client: a project file naming
    another tenant or client finds no secret."""
    return SecretRef(project_id, f"{PC_CLIENT_SECRET}@{tenant.strip().lower()}/{client_id.strip().lower()}")
