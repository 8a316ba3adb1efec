"""Store a report bundle in the container that holds the SKU's OS disk VHD, as the guide asks."""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from .i18n_marks import QT_TRANSLATE_NOOP
from .progress import CancelToken, Progress, ProgressUpdate, no_progress
from .storage import StorageAccess, StorageError, _call, blob_client, parse_blob_url

M_NO_OS_BLOB = QT_TRANSLATE_NOOP("Core", "The SKU's OS disk has no blob yet: upload or assign its VHD blob first "
                                         "(VHD check or SAS step).")
M_OTHER_CONTAINER = QT_TRANSLATE_NOOP("Core", "The container SAS is for another container; the report belongs in '{container}'.")


def report_blob_url(os_blob_url: str, file_name: str) -> str:
    """Where the bundle goes: beside the OS disk's blob, in the same container (no SAS)."""
    parsed = parse_blob_url(os_blob_url)
    return f"{parsed.account_url}/{parsed.container}/{file_name}"


def store_bundle(zip_path: Path, os_blob_url: str, access: StorageAccess, progress: Progress = no_progress,
                 cancel: CancelToken | None = None) -> str:
    """Upload the zip as a block blob next to the OS VHD; returns its URL without any token."""
    if not os_blob_url:
        raise StorageError(M_NO_OS_BLOB)
    target = report_blob_url(os_blob_url, Path(zip_path).name)
    access.require_owns(target)  # the OS disk's URL comes from the project file: never send a secret elsewhere
    container = parse_blob_url(os_blob_url).container
    if access.mode == "container-sas":
        sas = urlsplit(access.secret)
        if sas.path.rstrip("/").rsplit("/", 1)[-1] != container:
            raise StorageError(M_OTHER_CONTAINER, container=container)
        client = blob_client(f"{target}?{sas.query}")
    elif access.mode == "connection-string":
        client = blob_client(target, connection_string=access.secret)
    else:
        client = blob_client(target, account_key=access.secret)
    data = Path(zip_path).read_bytes()
    if cancel is not None:
        cancel.raise_if_cancelled()

    def hook(current: int, total: int | None) -> None:
        progress(ProgressUpdate(current, total or len(data), "upload"))

    _call(lambda: client.upload_blob(data, overwrite=True, blob_type="BlockBlob", progress_hook=hook,
                                      content_settings=_zip_settings()))
    return target


def _zip_settings() -> Any:
    from azure.storage.blob import ContentSettings

    return ContentSettings(content_type="application/zip")
