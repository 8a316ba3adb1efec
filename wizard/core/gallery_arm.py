"""Read a gallery image version, its image definition and the ingestion provider's registration through
Azure Resource Manager (`azure-mgmt-compute` with `azure-identity`), into the same `GalleryCheckRecord`
the az JSON readers fill: the SDK's models are the REST shapes (`as_dict()`), so `core.gallery` reads and
judges both routes with one code.

Calls: `GalleryImageVersionsOperations.get(group, gallery, image, version, expand="ReplicationStatus")`,
`GalleryImagesOperations.get(group, gallery, image)` and, through the client's `send_request`, the
Resource Manager `GET /subscriptions/{id}/providers/{namespace}?api-version=2021-04-01`
(learn.microsoft.com/rest/api/resources/providers/get). The credential is `DefaultAzureCredential`
(az login, environment, managed identity) unless one is given. Every failure becomes a
`GalleryAzureError` with what to do; nothing here blocks a GUI thread (callers run it in the background).
"""

from __future__ import annotations

import json
from typing import Any

from .gallery import read_definition_json, read_provider_json, read_version_json
from .i18n_marks import QT_TRANSLATE_NOOP, TranslatableError
from .model import GalleryCheckRecord
from .validation import GALLERY_VERSION_RE

ARM_ENDPOINT = "https://management.azure.com"
PROVIDERS_API_VERSION = "2021-04-01"

A_BAD_ID = QT_TRANSLATE_NOOP("Core", "'{value}' is not a gallery image version's resource ID.")
A_SIGN_IN = QT_TRANSLATE_NOOP("Core", "Azure did not accept the sign-in ({detail}): run `az login` (or set the "
                                      "AZURE_* environment variables), then read again.")
A_NOT_FOUND = QT_TRANSLATE_NOOP("Core", "Azure has no {what} at {id}: check the resource ID, or create it first.")
A_FORBIDDEN = QT_TRANSLATE_NOOP("Core", "The signed-in account may not read {id} ({detail}): ask for Reader on the gallery.")
A_FAILED = QT_TRANSLATE_NOOP("Core", "Azure Resource Manager could not be reached or answered an error ({detail}).")
A_NO_SDK = QT_TRANSLATE_NOOP("Core", "Reading from Azure needs the azure-mgmt-compute and azure-identity packages; paste "
                                     "the az JSON instead.")


class GalleryAzureError(TranslatableError):
    """Reading through Azure Resource Manager failed; `template`/`values` say why (for translation)."""

    def __init__(self, template: str, **values: object) -> None:
        super().__init__(template, **values)
        self.values = {k: str(v)[:300] for k, v in values.items()}


def _subscription(resource_id: str) -> str:
    return resource_id.split("/")[2]


def read_from_azure(resource_id: str, namespace: str, credential: Any = None, *, endpoint: str = ARM_ENDPOINT,
                    connection_verify: bool | str = True, timeout: float = 30.0) -> GalleryCheckRecord:
    """What Azure says of the image version `resource_id` (its definition, replication, and whether the
    `namespace` provider is registered in its subscription)."""
    match = GALLERY_VERSION_RE.match(resource_id) if isinstance(resource_id, str) else None
    if match is None:
        raise GalleryAzureError(A_BAD_ID, value=resource_id)
    try:
        from azure.core.exceptions import ClientAuthenticationError, HttpResponseError, ResourceNotFoundError
        from azure.core.rest import HttpRequest
        from azure.mgmt.compute import ComputeManagementClient
    except ImportError:
        raise GalleryAzureError(A_NO_SDK) from None
    if credential is None:
        from azure.identity import DefaultAzureCredential

        credential = DefaultAzureCredential()
    parts = match.groupdict()
    subscription = _subscription(resource_id)
    client = ComputeManagementClient(credential, subscription, base_url=endpoint, connection_verify=connection_verify,
                                     connection_timeout=timeout, read_timeout=timeout, retry_total=1,
                                     credential_scopes=[endpoint.rstrip("/") + "/.default"])
    definition_id = resource_id.rsplit("/versions/", 1)[0]
    try:
        try:
            version = client.gallery_image_versions.get(parts["group"], parts["gallery"], parts["definition"],
                                                        parts["version"], expand="ReplicationStatus")
        except ResourceNotFoundError:
            raise GalleryAzureError(A_NOT_FOUND, what="gallery image version", id=resource_id) from None
        record = read_version_json(json.dumps(version.as_dict()))
        try:
            definition = client.gallery_images.get(parts["group"], parts["gallery"], parts["definition"])
        except ResourceNotFoundError:
            raise GalleryAzureError(A_NOT_FOUND, what="gallery image definition", id=definition_id) from None
        read_definition_json(json.dumps(definition.as_dict()), record)
        response = client.send_request(HttpRequest(
            "GET", f"/subscriptions/{subscription}/providers/{namespace}", params={"api-version": PROVIDERS_API_VERSION}))
        if response.status_code == 200:
            read_provider_json(response.text(), namespace, record)
        # Another answer (403: the reader may not read the subscription) leaves the registration unread: the
        # publisher can confirm Owner, or paste `az provider show`.
    except ClientAuthenticationError as exc:
        raise GalleryAzureError(A_SIGN_IN, detail=_short(exc)) from None
    except HttpResponseError as exc:
        if exc.status_code == 401:
            raise GalleryAzureError(A_SIGN_IN, detail=_short(exc)) from None
        if exc.status_code == 403:
            raise GalleryAzureError(A_FORBIDDEN, id=resource_id, detail=_short(exc)) from None
        raise GalleryAzureError(A_FAILED, detail=_short(exc)) from None
    except GalleryAzureError:
        raise
    except Exception as exc:  # noqa: BLE001 - network and TLS failures of the transport: one message
        from .gallery import GalleryReadError

        if isinstance(exc, GalleryReadError):
            raise GalleryAzureError(A_FAILED, detail=str(exc)) from None
        raise GalleryAzureError(A_FAILED, detail=f"{type(exc).__name__}: {_short(exc)}") from None
    finally:
        client.close()
    record.read_from = "arm"
    return record


def _short(exc: BaseException) -> str:
    text = str(getattr(exc, "message", "") or exc).strip().splitlines()
    return (text[0] if text else type(exc).__name__)[:200]
