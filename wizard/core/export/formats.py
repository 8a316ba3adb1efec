"""The export formats' names and the constants they share.
"""

from __future__ import annotations

from ..i18n_marks import QT_TRANSLATE_NOOP

FORMATS = ("portal-html", "portal-csv", "portal-md", "partner-center-json", "partner-center-configure", "az-script", "az-ps1")
# The body of the Product Ingestion API's `POST /configure` (https://learn.microsoft.com/partner-center/
# marketplace/product-ingestion-api, "Configure"): `{"$schema": ".../configure/<version>", "resources": [...]}`.
PC_CONFIGURE_SCHEMA = "https://schema.mp.microsoft.com/schema/configure/2022-03-01-preview2"
PC_SCHEMA = "https://schema.mp.microsoft.com/schema/virtual-machine-plan-technical-configuration/2022-03-01-preview3"
MISSING_SAS = QT_TRANSLATE_NOOP("Core", "MISSING: create and verify this disk's SAS URI in the SAS URIs step (or it is "
                                        "not in the keyring)")
