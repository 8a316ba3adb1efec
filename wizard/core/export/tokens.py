"""SAS tokens for the exports: a disk's full SAS URI from the keyring (the only module of the export
that touches it), and the signature masked for the screen.
"""

from __future__ import annotations

from dataclasses import field

from ..model import Disk, Project
from ..records import record


def sas_uri(blob_url: str, scheme: str, token: str | None) -> str | None:
    """The full SAS URI from the stored blob URL, the record's scheme and the token from the keyring."""
    if not token or not blob_url or "://" not in blob_url:
        return None
    return f"{scheme if scheme in ('https', 'http') else 'https'}://{blob_url.split('://', 1)[1]}?{token}"


def mask_signature(text: str) -> str:
    """For showing on screen: the SAS signature replaced by dots (Copy and the export keep the real one)."""
    from ..logs import SAS_SIGNATURE

    return SAS_SIGNATURE.sub(r"\1••••••", text)


def disk_sas_uri(project_id: str, disk: Disk) -> str | None:
    """The disk's full SAS URI with its token from this session or the keyring; None without one.
    Touches the keyring: call it off the GUI thread."""
    from ..credentials import CredentialError, credentials
    from ..secrets import sas_token_ref

    if not disk.sas:
        return None
    # The token is looked up by the very blob URL it is joined to, never by the purpose the file names:
    # a crafted record cannot put another secret (an account key) into a URL of its choosing.
    blob_url = disk.sas.blob_url or disk.blob_url
    try:
        token = credentials().get(sas_token_ref(project_id, blob_url))
    except CredentialError:
        token = None
    return sas_uri(blob_url, disk.sas.scheme, token)


@record(frozen=True)
class ExportTokens:
    """Every SAS URI an export needs, read from the keyring once (off the GUI thread): per SKU, its
    disks' (by disk index), and the published image versions' disks' (by blob URL)."""

    sas: dict[str, dict[int, str | None]] = field(default_factory=dict)
    published: dict[str, str | None] = field(default_factory=dict)


def published_uri(project_id: str, blob_url: str) -> str | None:
    """A published version's disk SAS URI: the blob URL with the token import-pc kept in the keyring."""
    from ..credentials import CredentialError, credentials
    from ..secrets import published_sas_ref

    if not blob_url:
        return None
    try:
        token = credentials().get(published_sas_ref(project_id, blob_url))
    except CredentialError:
        return None
    return f"{blob_url}?{token}" if token else None


def load_sas_uris(project: Project) -> ExportTokens:
    """Every SAS URI of the project from this session or the keyring (None where there is none). Touches the keyring."""
    sas = {sku.sku_id: {i: disk_sas_uri(project.project_id, disk) for i, disk in enumerate(sku.disks)}
           for sku in project.skus}
    published = {url: published_uri(project.project_id, url) for sku in project.skus for v in sku.image_versions
                 for im in v.images() for url in im.blob_urls}
    return ExportTokens(sas, published)
