"""Readiness per SKU and the portal-ready exports (REFERENCE.md §7), by what each part does:

- `readiness`: what must be true before a SKU is submitted, each item with the step that fixes it;
- `forms`: the guide's publishing-portal form (in the portal's field order) and Partner Center's JSON;
- `renderers`: the export formats (`render`), each value quoted for where it lands;
- `tokens`: the disks' SAS URIs from the keyring (the one place the export reads a secret).

SAS URIs are passed in to everything but `tokens`: without one the field says what is missing, and
so does the export. Qt-free.
"""

from ..disk_names import DISK_DATA, DISK_OS
from .formats import FORMATS, MISSING_SAS, PC_SCHEMA
from .forms import FormField, partner_center_json, portal_form
from .readiness import ReadinessItem, disk_args, fill, readiness
from .renderers import ExportRefused, SkuExport, prepare, render, script_refusals
from .tokens import ExportTokens, disk_sas_uri, load_sas_uris, mask_signature, sas_uri

__all__ = ["ExportRefused", "ExportTokens", "DISK_DATA", "DISK_OS", "FORMATS", "MISSING_SAS", "PC_SCHEMA", "FormField", "ReadinessItem", "SkuExport",
           "disk_args", "disk_sas_uri", "fill", "load_sas_uris", "mask_signature", "partner_center_json",
           "portal_form", "prepare", "readiness", "render", "sas_uri", "script_refusals"]
