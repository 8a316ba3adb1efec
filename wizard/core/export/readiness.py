"""What must be true before a SKU is submitted: one item per fact, each with the step that fixes it
(REFERENCE.md §7). The items come from the one status evaluator (core.status), so the export
checklist, the step list's marks and the page banners agree. Qt-free; SAS URIs are passed in.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime

from ..disk_names import DISK_DATA, DISK_DATA_OF, DISK_OS, DISK_OS_OF  # noqa: F401 -- imported from here by users
from ..model import Disk, Project, Sku
from ..profiles import Profile
from ..status import (  # noqa: F401 -- the templates and helpers keep their old home for their users
    R_GALLERY_BAD,
    R_GALLERY_OK,
    R_OFFER_BAD,
    R_OFFER_OK,
    R_PRE_BAD,
    R_PRE_OK,
    R_PRE_STALE,
    R_PRE_SUPERSEDED,
    R_PUBLISHED_NO_TOKEN,
    R_PUBLISHED_OK,
    R_PUBLISHED_UNTAKEN,
    R_Q_OK,
    R_Q_OPEN,
    R_Q_OPEN_SSH,
    R_REPORT_NONE,
    R_REPORT_OK,
    R_REPORT_OLD,
    R_RUN_EMPTY,
    R_RUN_EXPLAINED,
    R_RUN_IMAGE_NONE,
    R_RUN_IMAGE_OK,
    R_RUN_NONE,
    R_RUN_OK,
    R_RUN_UNEXPLAINED,
    R_RUN_UNJUDGED,
    R_SAS_EXPIRED,
    R_SAS_NO_TOKEN,
    R_SAS_NONE,
    R_SAS_OK,
    R_SAS_SHORT_BUSINESS,
    R_SAS_SHORT_DAYS,
    R_SAS_UNVERIFIED,
    R_VHD_FAIL,
    R_VHD_NONE,
    R_VHD_PASS,
    R_VHD_STALE,
    R_VHD_WARN,
    Mark,
    disk_args,
    fill,
    make_context,
    sku_items,
)
from ..status import StatusItem as ReadinessItem

__all__ = ["Mark", "ReadinessItem", "disk_args", "fill", "needs_sas", "readiness"]


def needs_sas(sku: Sku, disk: Disk) -> bool:
    return sku.needs_sas(disk)


def readiness(project: Project, sku: Sku, sas_uris: Mapping[int, str | None], profile: Profile | None = None,
              now: datetime | None = None, published: Mapping[str, str | None] | None = None) -> list[ReadinessItem]:
    """Every item a submission of `sku` needs; `sas_uris` maps disk index → full SAS URI (or None)."""
    ctx = make_context(project, profile, now=now, tokens=sas_uris, published=published or {})
    return sku_items(ctx, sku)
