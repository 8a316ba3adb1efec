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


# -- Partner Center's Product Ingestion API -------------------------------------------------------------
# The API lives under graph.microsoft.com (/rp/product-ingestion) and refuses a request with Microsoft Graph's
# error shape (https://learn.microsoft.com/graph/errors, "JSON representation" and "Code property"):
#   {"error": {"code": "badRequest", "message": "...", "innerError": {"date": ..., "request-id": ...,
#              "client-request-id": ...}}}
# with the request ID also in the `request-id` / `client-request-id` headers. A failed configure job lists
# `errors[]` of {code, message, resourceId?} ("Conflict" in the private-offer examples of
# https://learn.microsoft.com/partner-center/marketplace/private-offers-api). The status says what kind of
# refusal it is; the `code` may say more (Graph's documented codes, matched in any case). Only the fixed
# sentence and next step are shown; the status, code, IDs and the service's own message go to the details.
_PC_SIGN_IN = QT_TRANSLATE_NOOP("Core", "Sign in again (the Partner Center sign-in: tenant, client ID and secret); a "
                                        "token is for https://graph.microsoft.com and lives about an hour.")
_PC_ROLE = QT_TRANSLATE_NOOP("Core", "Add the Microsoft Entra application to the Partner Center account (Account "
                                     "settings → User management → Microsoft Entra applications) with the Manager "
                                     "role, then try again.")
_PC_IDS = QT_TRANSLATE_NOOP("Core", "Check the offer ID and plan IDs on the Offer & SKUs step against Partner Center "
                                    "(Marketplace offers → the offer → Offer setup), then pull again.")
_PC_VALUES = QT_TRANSLATE_NOOP("Core", "Check the values on the Offer & SKUs and SAS URIs steps (the details name the "
                                       "field Partner Center refused), correct them, then send again.")
_PC_RETRY = QT_TRANSLATE_NOOP("Core", "Wait a few minutes and try again; nothing is lost. If it lasts, check "
                                      "https://status.partner.microsoft.com.")
_PC_RELOAD = QT_TRANSLATE_NOOP("Core", "Pull the offer again to see what Partner Center holds now, then send your "
                                       "changes again.")

PC_STATUS: dict[int, CodeAdvice] = {  # what Partner Center means by a status, and what to do
    400: CodeAdvice(QT_TRANSLATE_NOOP("Core", "Partner Center did not accept the request: a value is missing or not "
                                              "allowed."), _PC_VALUES),
    401: CodeAdvice(QT_TRANSLATE_NOOP("Core", "Partner Center did not accept the sign-in: the token has expired or is "
                                              "for another service."), _PC_SIGN_IN),
    403: CodeAdvice(QT_TRANSLATE_NOOP("Core", "Partner Center refused: the application may not do this in the "
                                              "publisher's account."), _PC_ROLE),
    404: CodeAdvice(QT_TRANSLATE_NOOP("Core", "Partner Center has no such offer, plan, job or submission in this "
                                              "account."), _PC_IDS),
    409: CodeAdvice(QT_TRANSLATE_NOOP("Core", "Partner Center refused the change: it conflicts with the offer's current "
                                              "state (another job or submission may be running)."),
                    QT_TRANSLATE_NOOP("Core", "Wait until the running job or submission ends (Partner Center → the "
                                              "offer, or the job's status here), pull the offer again, then send again.")),
    412: CodeAdvice(QT_TRANSLATE_NOOP("Core", "The offer changed in Partner Center since it was pulled."), _PC_RELOAD),
    429: CodeAdvice(QT_TRANSLATE_NOOP("Core", "Partner Center asked to slow down (too many requests)."),
                    QT_TRANSLATE_NOOP("Core", "Wait the time Partner Center asked for (in the details), then try "
                                              "again; nothing is lost.")),
    500: CodeAdvice(QT_TRANSLATE_NOOP("Core", "Partner Center had an internal error."), _PC_RETRY),
    502: CodeAdvice(QT_TRANSLATE_NOOP("Core", "A gateway in front of Partner Center got no answer from it."), _PC_RETRY),
    503: CodeAdvice(QT_TRANSLATE_NOOP("Core", "Partner Center is unavailable for the moment."), _PC_RETRY),
    504: CodeAdvice(QT_TRANSLATE_NOOP("Core", "A gateway in front of Partner Center timed out."), _PC_RETRY),
}

PC_CODES: dict[str, CodeAdvice] = {  # Graph's documented `code` values, the stand-in's (tests/helpers/pc_standin.py)
    # and the jobs' "Conflict" (lowercase here: matched in any case). Nothing guessed: an unknown code falls back to its status.
    "accessdenied": PC_STATUS[403],
    "forbidden": PC_STATUS[403],
    "unauthenticated": PC_STATUS[401],
    "invalidauthenticationtoken": PC_STATUS[401],
    "itemnotfound": PC_STATUS[404],
    "notfound": PC_STATUS[404],
    "conflict": PC_STATUS[409],
    "namealreadyexists": CodeAdvice(
        QT_TRANSLATE_NOOP("Core", "Partner Center already has an offer or plan with this ID."),
        QT_TRANSLATE_NOOP("Core", "Give the offer or plan another ID on the Offer & SKUs step, or pull the existing one.")),
    "resourcemodified": PC_STATUS[412],
    "activitylimitreached": PC_STATUS[429],
    "quotalimitreached": CodeAdvice(
        QT_TRANSLATE_NOOP("Core", "The Partner Center account reached a limit (too many offers, plans or images)."),
        QT_TRANSLATE_NOOP("Core", "Remove an unused plan or image version in Partner Center, then send again.")),
    "badrequest": PC_STATUS[400],
    "invalidrequest": PC_STATUS[400],
    "notallowed": CodeAdvice(
        QT_TRANSLATE_NOOP("Core", "Partner Center does not allow this change for the offer in its current state "
                                  "(for example a live plan's technical configuration)."),
        QT_TRANSLATE_NOOP("Core", "Make the change in Partner Center, or as a new plan; the details say what was "
                                  "refused.")),
    "notsupported": CodeAdvice(
        QT_TRANSLATE_NOOP("Core", "Partner Center does not support this request for this kind of offer."),
        QT_TRANSLATE_NOOP("Core", "Make the change in Partner Center itself (the offer's pages).")),
    "generalexception": PC_STATUS[500],
    "servicenotavailable": PC_STATUS[503],
}

PC_OTHER = CodeAdvice(QT_TRANSLATE_NOOP("Core", "Partner Center answered with an error this app does not know."),
                       QT_TRANSLATE_NOOP("Core", "Try again later; if it repeats, send the details to Partner Center "
                                                 "support (Help + support), with the request ID."))

PC_TAKEN_UNKNOWN = CodeAdvice(
    QT_TRANSLATE_NOOP("Core", "Partner Center answered with an error; the request may or may not have been taken."),
    QT_TRANSLATE_NOOP("Core", "Look at the offer's jobs and submissions (Partner Center, or mpwizard pc status) before "
                              "sending it again."))

PC_JOB_OTHER = CodeAdvice(
    QT_TRANSLATE_NOOP("Core", "Partner Center's job refused a value of the offer."),
    QT_TRANSLATE_NOOP("Core", "Correct the field named here on its step (the details give Partner Center's words), "
                              "then send again."))

MAX_DETAIL = 300  # the service's own message in the details: one line, this long at most


@record(frozen=True)
class PCRefusal:
    """A refusal from Partner Center: what it means, what to do, and the raw facts for the details."""

    sentence: str
    next_step: str
    details: str


def _one_line(value: object, limit: int = MAX_DETAIL) -> str:
    text = " ".join(str(value).split())
    text = "".join(c for c in text if c.isprintable())
    return text[:limit]


def pc_refusal(status: int, body: bytes = b"", headers: object = None, retry_after: float | None = None,
               tries: int = 0, taken_unknown: bool = False) -> PCRefusal:
    """Partner Center's refusal (any status, any body -- JSON, garbage or nothing) as a sentence, a next step
    and the details: "HTTP 409 · Conflict · request-id …: the service's message". `tries`: how often it was
    sent; `taken_unknown`: a change answered with a 5xx, which Partner Center may have taken. Never raises."""
    import json

    code = message = ""
    ids: list[str] = []
    try:
        body_value = json.loads(bytes(body[:65536]).decode("utf-8", "replace")) if body else None
    except (ValueError, RecursionError):
        body_value = None
    err = body_value.get("error") if isinstance(body_value, dict) else None
    if isinstance(err, dict):
        code = _one_line(err.get("code") or "", 80) if isinstance(err.get("code"), (str, int)) else ""
        message = _one_line(err.get("message") or "") if isinstance(err.get("message"), str) else ""
        inner = err.get("innerError") or err.get("innererror")
        if isinstance(inner, dict):
            ids += [f"{k} {_one_line(inner[k], 80)}" for k in ("request-id", "client-request-id")
                    if isinstance(inner.get(k), str) and inner[k]]
    elif isinstance(body_value, dict) and isinstance(body_value.get("message"), str):
        message = _one_line(body_value["message"])
    getter = getattr(headers, "get", None)
    if not ids and callable(getter):
        for name in ("request-id", "x-ms-request-id", "client-request-id", "x-ms-correlation-id"):
            try:
                value = getter(name)
            except Exception:  # noqa: BLE001 - a header map of any kind: the details only lose an ID
                value = None
            if isinstance(value, str) and value.strip():
                ids.append(f"{name} {_one_line(value, 80)}")
                break
    said = PC_CODES.get(code.lower()) if code else None
    if said is None:
        said = PC_STATUS.get(status) or (PC_STATUS[500] if status >= 500 else PC_STATUS[400] if 400 <= status < 500
                                         else PC_OTHER)
    if taken_unknown:
        said = PC_TAKEN_UNKNOWN
    parts = [f"HTTP {status}"] + ([code] if code else []) + ids
    if status == 429 and retry_after is not None:
        parts.append(f"Retry-After {retry_after:.0f} s")
    if tries:
        parts.append(f"after {tries} tries")
    details = " · ".join(parts) + (f": {message}" if message else "")
    return PCRefusal(said.sentence, said.next_step, details)


def pc_job_error(code: object, message: object = "", resource: object = "") -> PCRefusal:
    """One entry of a failed job's `errors[]` ({code, message, resourceId}, any of them missing or of any type)
    as a sentence and a next step: a documented `code` says what it says over HTTP (PC_CODES), any other
    code is a refused value (PC_JOB_OTHER). The details: "code · resourceId: message", one line, with SAS
    signatures, account keys and this session's secrets (the token among them) masked. Never raises."""
    from .logs import redact

    code_line = _one_line(code, 80) if isinstance(code, (str, int)) and not isinstance(code, bool) else ""
    said = PC_CODES.get(code_line.lower()) or PC_JOB_OTHER
    where = _one_line(resource, 200) if isinstance(resource, str) else ""
    words = _one_line(message) if isinstance(message, str) else ""
    parts = [p for p in (code_line, where) if p]
    details = " · ".join(parts) + (": " if parts and words else "") + words
    return PCRefusal(said.sentence, said.next_step, redact(details))
