"""Every error code the product can meet from a service, as a sentence and a next step.

Azure Storage answers a refused request with an error code (`x-ms-error-code`: "Common REST API error
codes" and "Blob service error codes" in Microsoft's Azure Storage REST reference); the SDK hands it over
as a string or a `StorageErrorCode` member (whose text, "StorageErrorCode.INVALID_HEADER_VALUE", once
reached the screen as it was). Other HTTP APIs (Partner Center, Azure Resource Manager) answer with a
status. Here each one becomes what to tell a person -- what happened and what to do next -- as templates
the GUI translates and the CLI prints; the raw code is kept for the details. SSH failures carry their
own sentence and advice (`sshconn.SshFailure`). Qt-free.
"""

from __future__ import annotations

from .i18n_marks import QT_TRANSLATE_NOOP
from .records import record


@record(frozen=True)
class CodeAdvice:
    """What a code means (`sentence`) and what to do (`next_step`): templates without arguments."""

    sentence: str
    next_step: str


M_DETAILS = QT_TRANSLATE_NOOP("Core", "Details: {details}")

_KEY_OR_SAS = QT_TRANSLATE_NOOP("Core", "Check the account key or SAS on the SAS URIs step: copy the key again from the "
                                        "Azure portal (Storage account → Access keys), or make a new SAS.")
_RETRY = QT_TRANSLATE_NOOP("Core", "Wait a minute and try again; the work done so far is kept.")
_URL = QT_TRANSLATE_NOOP("Core", "Check the storage account, container and blob names in the URL (names are "
                                 "case-sensitive; container names are lowercase).")

STORAGE_CODES: dict[str, CodeAdvice] = {
    # Common REST API error codes
    "AuthenticationFailed": CodeAdvice(QT_TRANSLATE_NOOP("Core", "The storage account did not accept the signature: "
                                                                 "the key, connection string or SAS is wrong or has expired."),
                                       _KEY_OR_SAS),
    "InvalidAuthenticationInfo": CodeAdvice(QT_TRANSLATE_NOOP("Core", "The storage account could not read the sign-in "
                                                                      "information sent with the request."), _KEY_OR_SAS),
    "NoAuthenticationInformation": CodeAdvice(QT_TRANSLATE_NOOP("Core", "The request carried no key or SAS, and the "
                                                                        "container is not public."), _KEY_OR_SAS),
    "AuthorizationFailure": CodeAdvice(QT_TRANSLATE_NOOP("Core", "The storage account refused this operation for these "
                                                                 "credentials."), _KEY_OR_SAS),
    "AuthorizationPermissionMismatch": CodeAdvice(
        QT_TRANSLATE_NOOP("Core", "The SAS does not allow this operation (for example, it lacks write for an upload or read "
                                  "for a check)."),
        QT_TRANSLATE_NOOP("Core", "Make a new SAS with the permissions this needs, or use the account key.")),
    "AuthorizationResourceTypeMismatch": CodeAdvice(
        QT_TRANSLATE_NOOP("Core", "The SAS is for another kind of resource (a container SAS where a blob is needed, or "
                                  "the other way round)."),
        QT_TRANSLATE_NOOP("Core", "Make a new SAS for the container that holds the VHDs.")),
    "AuthorizationProtocolMismatch": CodeAdvice(
        QT_TRANSLATE_NOOP("Core", "The SAS allows HTTPS only, and the request used HTTP."),
        QT_TRANSLATE_NOOP("Core", "Use an https:// address for the storage account (SAS URIs step).")),
    "AuthorizationSourceIPMismatch": CodeAdvice(
        QT_TRANSLATE_NOOP("Core", "The SAS allows other IP addresses than the one this computer uses."),
        QT_TRANSLATE_NOOP("Core", "Make a new SAS without an IP range, or with this computer's address.")),
    "InsufficientAccountPermissions": CodeAdvice(
        QT_TRANSLATE_NOOP("Core", "The account key or SAS does not reach this service or operation."),
        QT_TRANSLATE_NOOP("Core", "Use the account key, or make a SAS for the Blob service with read, list and write.")),
    "AccountIsDisabled": CodeAdvice(QT_TRANSLATE_NOOP("Core", "The storage account is disabled."),
                                    QT_TRANSLATE_NOOP("Core", "Enable it in the Azure portal, or use another account.")),
    "AccountBeingCreated": CodeAdvice(QT_TRANSLATE_NOOP("Core", "The storage account is still being created."), _RETRY),
    "InvalidHeaderValue": CodeAdvice(
        QT_TRANSLATE_NOOP("Core", "The storage service did not accept a header of the request. A storage emulator "
                                  "(Azurite) answers this when it is older than the storage API version this app uses."),
        QT_TRANSLATE_NOOP("Core", "Update Azurite (npm install -g azurite), or start it with --skipApiVersionCheck; for an "
                                  "Azure account, check the endpoint on the SAS URIs step.")),
    "UnsupportedHeader": CodeAdvice(
        QT_TRANSLATE_NOOP("Core", "The storage service does not support a header of the request (an emulator or an older "
                                  "service version)."),
        QT_TRANSLATE_NOOP("Core", "Update the storage emulator, or use an Azure storage account.")),
    "InvalidQueryParameterValue": CodeAdvice(
        QT_TRANSLATE_NOOP("Core", "The storage service did not accept a value in the URL, often a SAS token that was cut or "
                                  "changed when it was copied."),
        QT_TRANSLATE_NOOP("Core", "Copy the whole SAS URI again, or make a new one on the SAS URIs step.")),
    "InvalidUri": CodeAdvice(QT_TRANSLATE_NOOP("Core", "The storage service did not accept the address."), _URL),
    "InvalidResourceName": CodeAdvice(
        QT_TRANSLATE_NOOP("Core", "A container or blob name is not allowed (a container name is 3–63 lowercase letters, "
                                  "digits and hyphens)."), _URL),
    "OutOfRangeInput": CodeAdvice(QT_TRANSLATE_NOOP("Core", "A name or value in the request is too long or out of range."),
                                  _URL),
    "MissingRequiredHeader": CodeAdvice(
        QT_TRANSLATE_NOOP("Core", "The storage service expected a header this request did not send (an emulator or a "
                                  "proxy may have removed it)."),
        QT_TRANSLATE_NOOP("Core", "Try without a proxy in between, or with an Azure storage account.")),
    "ResourceNotFound": CodeAdvice(QT_TRANSLATE_NOOP("Core", "The storage account has nothing at this address."), _URL),
    "ContainerNotFound": CodeAdvice(
        QT_TRANSLATE_NOOP("Core", "The container does not exist."),
        QT_TRANSLATE_NOOP("Core", "Check its name, or let the upload create it (VHD check step).")),
    "BlobNotFound": CodeAdvice(
        QT_TRANSLATE_NOOP("Core", "The blob does not exist in the container."),
        QT_TRANSLATE_NOOP("Core", "Upload the VHD on the VHD check step, or check the blob's name.")),
    "ContainerBeingDeleted": CodeAdvice(QT_TRANSLATE_NOOP("Core", "The container is being deleted."),
                                        QT_TRANSLATE_NOOP("Core", "Wait until it is gone, or use a container of another "
                                                                  "name.")),
    "ContainerDisabled": CodeAdvice(QT_TRANSLATE_NOOP("Core", "The container is disabled."),
                                    QT_TRANSLATE_NOOP("Core", "Use another container.")),
    "ServerBusy": CodeAdvice(QT_TRANSLATE_NOOP("Core", "The storage account is busy and asked to slow down."), _RETRY),
    "InternalError": CodeAdvice(QT_TRANSLATE_NOOP("Core", "The storage service had an internal error."), _RETRY),
    "OperationTimedOut": CodeAdvice(QT_TRANSLATE_NOOP("Core", "The storage service did not finish the operation in time."),
                                    _RETRY),
    # Blob service error codes
    "InvalidBlobType": CodeAdvice(
        QT_TRANSLATE_NOOP("Core", "The blob is of another type (a block blob); a VHD must be a page blob."),
        QT_TRANSLATE_NOOP("Core", "Delete the blob and upload the VHD again with this app (it uploads page blobs).")),
    "InvalidPageRange": CodeAdvice(
        QT_TRANSLATE_NOOP("Core", "A page range is not aligned to 512 bytes or lies beyond the blob's end."),
        QT_TRANSLATE_NOOP("Core", "Check the VHD on the VHD check step (its size must be a whole number of MiB), then "
                                  "upload it again.")),
    "InvalidRange": CodeAdvice(QT_TRANSLATE_NOOP("Core", "The part of the blob asked for lies beyond its end."),
                               QT_TRANSLATE_NOOP("Core", "Upload the VHD again: the blob is shorter than the file.")),
    "Md5Mismatch": CodeAdvice(QT_TRANSLATE_NOOP("Core", "The data arrived changed on the way (its MD5 did not match)."),
                              QT_TRANSLATE_NOOP("Core", "Upload again; if it repeats, check the network (a proxy that "
                                                        "rewrites traffic).")),
    "RequestBodyTooLarge": CodeAdvice(QT_TRANSLATE_NOOP("Core", "A piece of the upload was larger than the service takes."),
                                      QT_TRANSLATE_NOOP("Core", "Upload again; the app sends 4 MiB pieces.")),
    "LeaseIdMissing": CodeAdvice(
        QT_TRANSLATE_NOOP("Core", "The blob is leased (a VM or an image may use it), and the request has no lease ID."),
        QT_TRANSLATE_NOOP("Core", "Delete the VM or image that uses the blob, or upload under another blob name.")),
    "LeaseAlreadyPresent": CodeAdvice(
        QT_TRANSLATE_NOOP("Core", "The blob is leased (a VM or an image may use it)."),
        QT_TRANSLATE_NOOP("Core", "Delete the VM or image that uses the blob, or upload under another blob name.")),
    "ConditionNotMet": CodeAdvice(
        QT_TRANSLATE_NOOP("Core", "The blob changed while it was being read or written."),
        QT_TRANSLATE_NOOP("Core", "Check or upload it again; make sure nothing else writes to it.")),
    "BlobArchived": CodeAdvice(QT_TRANSLATE_NOOP("Core", "The blob is in the archive tier and cannot be read."),
                               QT_TRANSLATE_NOOP("Core", "Rehydrate it to the hot tier in the Azure portal, or upload "
                                                         "the VHD again.")),
    "SnapshotsPresent": CodeAdvice(QT_TRANSLATE_NOOP("Core", "The blob has snapshots, so it cannot be replaced."),
                                   QT_TRANSLATE_NOOP("Core", "Delete its snapshots in the Azure portal, or upload under "
                                                             "another blob name.")),
}

HTTP_STATUS: dict[int, CodeAdvice] = {  # any HTTP API: what a status alone says
    400: CodeAdvice(QT_TRANSLATE_NOOP("Core", "The service did not accept the request."),
                    QT_TRANSLATE_NOOP("Core", "Check the values on the step that sent it; the details name the code.")),
    401: CodeAdvice(QT_TRANSLATE_NOOP("Core", "The service did not accept the sign-in."),
                    QT_TRANSLATE_NOOP("Core", "Sign in again, or check the key or token.")),
    403: CodeAdvice(QT_TRANSLATE_NOOP("Core", "The service refused the request for these credentials."),
                    QT_TRANSLATE_NOOP("Core", "Check that the account, key or SAS has the permission this needs.")),
    404: CodeAdvice(QT_TRANSLATE_NOOP("Core", "The service has nothing at this address."), _URL),
    409: CodeAdvice(QT_TRANSLATE_NOOP("Core", "The request conflicts with the resource's current state."),
                    QT_TRANSLATE_NOOP("Core", "Reload what the service holds, then try again.")),
    412: CodeAdvice(QT_TRANSLATE_NOOP("Core", "The resource changed since it was read."),
                    QT_TRANSLATE_NOOP("Core", "Reload it, then try again.")),
    429: CodeAdvice(QT_TRANSLATE_NOOP("Core", "The service asked to slow down (too many requests)."), _RETRY),
    500: CodeAdvice(QT_TRANSLATE_NOOP("Core", "The service had an internal error."), _RETRY),
    502: CodeAdvice(QT_TRANSLATE_NOOP("Core", "A gateway in between did not get an answer from the service."), _RETRY),
    503: CodeAdvice(QT_TRANSLATE_NOOP("Core", "The service is unavailable for the moment."), _RETRY),
    504: CodeAdvice(QT_TRANSLATE_NOOP("Core", "A gateway in between timed out."), _RETRY),
}


def code_text(code: object) -> str:
    """A code as the service spells it: a `StorageErrorCode` member (or its str(), "StorageErrorCode.X_Y")
    becomes its value ("XY"); anything else its text."""
    value = getattr(code, "value", code)
    text = str(value or "").strip()
    if text.startswith("StorageErrorCode."):
        name = text.removeprefix("StorageErrorCode.")
        try:
            from azure.storage.blob import StorageErrorCode

            return str(StorageErrorCode[name].value)
        except (ImportError, KeyError):
            return "".join(part.capitalize() for part in name.split("_"))
    return text


def explain(code: object = None, status: int | None = None) -> CodeAdvice | None:
    """The sentence and next step for a service's error code, else for its HTTP status, else None."""
    found = STORAGE_CODES.get(code_text(code))
    if found is None and isinstance(status, int):
        found = HTTP_STATUS.get(status) or HTTP_STATUS.get(500 if status >= 500 else 400 if status >= 400 else 0)
    return found


def details(code: object = None, status: int | None = None) -> str:
    """The raw code for the details line: "InvalidHeaderValue (HTTP 400)"."""
    text = code_text(code)
    if text and status:
        return f"{text} (HTTP {status})"
    return text or (f"HTTP {status}" if status else "")
