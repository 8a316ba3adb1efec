"""The values the portal wants, as data: the 2015 guide's publishing-portal form in the portal's
own field order, and Partner Center's technical configuration (Product Ingestion API).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import field
from typing import Any

from ..i18n_marks import QT_TRANSLATE_NOOP
from ..model import IMAGE_X64_GEN1, OS_WINDOWS, ROLE_OS, SOURCE_GALLERY, PlanImage, Project, PublishedImage, Sku
from ..os_types import operating_system_type
from ..profiles import Profile, load_profile
from ..records import record
from ..validation import marketplace_urls, project_profile
from .formats import MISSING_SAS, PC_SCHEMA
from .readiness import fill


# -- the guide's form ---------------------------------------------------------------------
@record(frozen=True)
class FormField:
    label: str  # the portal's field name, filled in (English; the GUI translates `template`)
    value: str
    missing: str = ""  # why the value is empty (a template marked for translation)
    section: str = "sku"  # offer | sku | disk
    template: str = ""
    args: dict[str, Any] = field(default_factory=dict)


def _field(template: str, value: str, missing: str = "", section: str = "sku", **args: object) -> FormField:
    return FormField(fill(template, args), value, "" if value else missing, section, template, args)


M_OFFER_ID = QT_TRANSLATE_NOOP("Core", "MISSING: offer ID")
M_OFFER_NAME = QT_TRANSLATE_NOOP("Core", "MISSING: offer name")
M_SKU_ID = QT_TRANSLATE_NOOP("Core", "MISSING: SKU ID")
M_SUMMARY = QT_TRANSLATE_NOOP("Core", "MISSING: SKU summary")
M_OS_NAME = QT_TRANSLATE_NOOP("Core", "MISSING: operating system name")
M_SIZE = QT_TRANSLATE_NOOP("Core", "MISSING: recommended VM size")
M_VERSION = QT_TRANSLATE_NOOP("Core", "MISSING: version")
M_REPORT = QT_TRANSLATE_NOOP("Core", "MISSING: store the report in the VHDs' container")
M_GALLERY = QT_TRANSLATE_NOOP("Core", "MISSING: the gallery image version (tenant ID and resource ID) on the Offer & SKUs step")
# Image types as the portal names them (the Partner Center technical configuration page).
from ..image_names import IMAGE_TYPE_NAMES, SECURITY_TYPE_NAMES  # noqa: E402,F401 - kept here for callers


def sku_form(project: Project, sku: Sku, sas_uris: Mapping[int, str | None]) -> list[FormField]:
    """The fields the publisher fills in, as the project's profile has them: Partner Center's technical
    configuration, or the 2015 publishing portal's SKU form -- never a mix of the two."""
    profile = project_profile(project)
    if profile.partner_center:
        return partner_center_fields(project, sku, sas_uris, profile)
    return portal_form(project, sku, sas_uris)


def portal_form(project: Project, sku: Sku, sas_uris: Mapping[int, str | None]) -> list[FormField]:
    """The 2015 publishing portal's SKU form, in the portal's order, with the offer fields first."""
    offer = project.offer
    guide = load_profile("publishing-guide-2015")
    marketplace, portal = marketplace_urls(offer.publisher_namespace, offer.offer_id, sku.sku_id, guide)  # the guide's two
    fields = [
        _field(QT_TRANSLATE_NOOP("Core", "Offer ID"), offer.offer_id, M_OFFER_ID, "offer"),
        _field(QT_TRANSLATE_NOOP("Core", "Offer name"), offer.offer_name, M_OFFER_NAME, "offer"),
        _field(QT_TRANSLATE_NOOP("Core", "SKU ID"), sku.sku_id, M_SKU_ID),
        _field(QT_TRANSLATE_NOOP("Core", "SKU summary"), sku.summary, M_SUMMARY),
        _field(QT_TRANSLATE_NOOP("Core", "Marketplace URL"), marketplace),
        _field(QT_TRANSLATE_NOOP("Core", "Azure portal URL"), portal),
        _field(QT_TRANSLATE_NOOP("Core", "OS family"), "Windows" if sku.os_family == OS_WINDOWS else "Linux"),
        _field(QT_TRANSLATE_NOOP("Core", "Operating system"), sku.os_friendly_name, M_OS_NAME),
    ]
    sizes = list(sku.vm_sizes)
    for n in range(max(guide.vm_sizes_min, len(sizes))):
        fields.append(_field(QT_TRANSLATE_NOOP("Core", "Recommended VM size {n}"), sizes[n] if n < len(sizes) else "", M_SIZE, n=n + 1))
    fields.append(_field(QT_TRANSLATE_NOOP("Core", "Version"), sku.version, M_VERSION))
    several = len(sku.images) > 1 or sku.main_image_type != IMAGE_X64_GEN1
    for image in sku.images:
        # One image: the guide's form exactly. Several (or not x64 Gen1): each image type's own fields.
        if several:
            fields += _image_fields(sku, image)
        if image.source == SOURCE_GALLERY:
            fields.append(_field(QT_TRANSLATE_NOOP("Core", "Tenant ID ({type})"), image.gallery_tenant_id, M_GALLERY,
                                 "disk", type=image.image_type))
            fields.append(_field(QT_TRANSLATE_NOOP("Core", "Gallery image version ({type})"), image.gallery_resource_id,
                                 M_GALLERY, "disk", type=image.image_type))
            continue
        label_os = QT_TRANSLATE_NOOP("Core", "OS VHD URL ({type})") if several else QT_TRANSLATE_NOOP("Core", "OS VHD URL")
        label_lun = (QT_TRANSLATE_NOOP("Core", "LUN {lun} VHD URL ({type})") if several
                     else QT_TRANSLATE_NOOP("Core", "LUN {lun} VHD URL"))
        for i, disk in enumerate(sku.disks):
            if disk.role == ROLE_OS and disk.image_type == image.image_type:
                fields.append(_field(label_os, sas_uris.get(i) or "", MISSING_SAS, "disk", type=image.image_type))
        for i, disk in enumerate(sku.disks):
            if disk.role != ROLE_OS and disk.image_type == image.image_type:
                lun = sku.lun_of(disk)
                fields.append(_field(QT_TRANSLATE_NOOP("Core", "LUN"), str(lun), "", "disk"))
                fields.append(_field(label_lun, sas_uris.get(i) or "", MISSING_SAS, "disk", lun=lun, type=image.image_type))
    report = sku.report
    fields.append(_field(QT_TRANSLATE_NOOP("Core", "Certification report"), report.blob_url if report and report.blob_url else "", M_REPORT))
    return fields


def _image_fields(sku: Sku, image: PlanImage) -> list[FormField]:
    """What the portal asks per image type: its SKU id and, for Generation 2, its security type."""
    out = [_field(QT_TRANSLATE_NOOP("Core", "Image type"), IMAGE_TYPE_NAMES.get(image.image_type, image.image_type), "", "disk"),
           _field(QT_TRANSLATE_NOOP("Core", "SKU ID ({type})"), sku.image_sku_id(image), M_SKU_ID, "disk",
                  type=image.image_type)]
    if carries_security_type(image.image_type):
        names = [SECURITY_TYPE_NAMES.get(t, t) for t in image.security_types] or [SECURITY_TYPE_NAMES[""]]
        out.append(_field(QT_TRANSLATE_NOOP("Core", "Security type ({type})"), ", ".join(names), "", "disk",
                          type=image.image_type))
    return out


# -- Partner Center -----------------------------------------------------------------------
# The technical configuration page's labels (REFERENCE.md §7, §9), its limits from the profile.
PROPERTY_LABELS = (
    ("supportsExtensions", QT_TRANSLATE_NOOP("Core", "Supports VM extensions")),
    ("supportsBackup", QT_TRANSLATE_NOOP("Core", "Supports backup")),
    ("supportsAcceleratedNetworking", QT_TRANSLATE_NOOP("Core", "Supports accelerated networking")),
    ("isNetworkVirtualAppliance", QT_TRANSLATE_NOOP("Core", "Is a network virtual appliance")),
    ("supportsNVMe", QT_TRANSLATE_NOOP("Core", "Supports NVMe")),
    ("supportsCloudInit", QT_TRANSLATE_NOOP("Core", "Supports cloud-init configuration")),
    ("supportsAadLogin", QT_TRANSLATE_NOOP("Core", "Supports Microsoft Entra ID login")),
    ("supportsHibernation", QT_TRANSLATE_NOOP("Core", "Supports hibernation")),
    ("supportsRemoteConnection", QT_TRANSLATE_NOOP("Core", "Supports remote connection (SSH or RDP)")),
    ("requiresCustomArmTemplate", QT_TRANSLATE_NOOP("Core", "Requires a custom ARM template for deployment")),
)
M_PC_FRIENDLY = QT_TRANSLATE_NOOP("Core", "MISSING: operating system friendly name")


def partner_center_fields(project: Project, sku: Sku, sas_uris: Mapping[int, str | None],
                          profile: Profile | None = None) -> list[FormField]:
    """Partner Center's plan technical configuration, field by field in the page's order, each label with
    the profile's limit: the plan, the operating system, the sizes, the ports, the properties, the image
    types and the new version's image sources."""
    profile = profile or load_profile("partner-center")
    fields = [
        _field(QT_TRANSLATE_NOOP("Core", "Offer ID ({min}–{max} characters)"), project.offer.offer_id, M_OFFER_ID, "offer",
               min=profile.id_min_length, max=profile.id_max_length),
        _field(QT_TRANSLATE_NOOP("Core", "Plan ID ({min}–{max} characters)"), sku.sku_id, M_SKU_ID,
               min=profile.id_min_length, max=profile.id_max_length),
        _field(QT_TRANSLATE_NOOP("Core", "Operating system family"), "Windows" if sku.os_family == OS_WINDOWS else "Linux"),
        _field(QT_TRANSLATE_NOOP("Core", "Operating system type (release or vendor)"), _os_type(sku)),
        _field(QT_TRANSLATE_NOOP("Core", "OS friendly name (at most {max} characters)"), sku.os_friendly_name, M_PC_FRIENDLY,
               max=profile.friendly_name_max_length),
    ]
    sizes = list(sku.vm_sizes)
    for n in range(max(profile.vm_sizes_min, len(sizes))):
        fields.append(_field(QT_TRANSLATE_NOOP("Core", "Recommended VM size {n} of at most {max}"),
                             sizes[n] if n < len(sizes) else "", M_SIZE, n=n + 1, max=profile.vm_sizes_max))
    for n, port in enumerate(sku.open_ports, 1):
        fields.append(_field(QT_TRANSLATE_NOOP("Core", "Open port {n} of at most {max} (name, protocol, port range)"),
                             f"{port.label}, {port.protocol.upper()}, {port.port_range}", "", n=n, max=profile.open_ports_max))
    properties = vm_properties(project, sku)
    for key, label in PROPERTY_LABELS:
        fields.append(_field(label, "true" if properties[key] else "false"))
    for image in sku.images:
        fields += _image_fields(sku, image)
    fields.append(_field(QT_TRANSLATE_NOOP("Core", "VM image version (X.Y.Z, at most {max} characters)"), sku.version, M_VERSION,
                         max=profile.version_max_length))
    several = len(sku.images) > 1
    for image in sku.images:
        if image.source == SOURCE_GALLERY:
            fields.append(_field(QT_TRANSLATE_NOOP("Core", "Tenant ID ({type})"), image.gallery_tenant_id, M_GALLERY,
                                 "disk", type=image.image_type))
            fields.append(_field(QT_TRANSLATE_NOOP("Core", "Gallery image version ({type})"), image.gallery_resource_id,
                                 M_GALLERY, "disk", type=image.image_type))
            continue
        label_os = (QT_TRANSLATE_NOOP("Core", "OS disk SAS URI ({type})") if several
                    else QT_TRANSLATE_NOOP("Core", "OS disk SAS URI"))
        label_lun = (QT_TRANSLATE_NOOP("Core", "Data disk LUN {lun} SAS URI ({type})") if several
                     else QT_TRANSLATE_NOOP("Core", "Data disk LUN {lun} SAS URI"))
        for i, disk in enumerate(sku.disks):
            if disk.role == ROLE_OS and disk.image_type == image.image_type:
                fields.append(_field(label_os, sas_uris.get(i) or "", MISSING_SAS, "disk", type=image.image_type))
        for i, disk in enumerate(sku.disks):
            if disk.role != ROLE_OS and disk.image_type == image.image_type:
                fields.append(_field(label_lun, sas_uris.get(i) or "", MISSING_SAS, "disk", lun=sku.lun_of(disk),
                                     type=image.image_type))
    return fields


def _os_type(sku: Sku) -> str:
    """operatingSystem.type: the one Partner Center has (pc_import keeps it), else as the schema version the
    export sends has it (core.os_types)."""
    kept = sku.extra.get("pc_os_type")
    if isinstance(kept, str) and kept:
        return kept
    return operating_system_type(sku).value


def vm_properties(project: Project, sku: Sku) -> dict[str, bool]:
    """The plan's properties from the project: remote connection off when the Offer page says so or
    the questionnaire says SSH is blocked on purpose (the certification FAQ asks for exactly that)."""
    p = sku.properties
    blocked = p.remote_connection_disabled or project.questionnaire.ssh_blocked
    return {"supportsExtensions": p.extensions, "supportsBackup": p.backup,
            "supportsAcceleratedNetworking": p.accelerated_networking, "isNetworkVirtualAppliance": p.network_virtual_appliance,
            "supportsNVMe": p.nvme, "supportsCloudInit": p.cloud_init, "supportsAadLogin": p.entra_id_login,
            "supportsHibernation": p.hibernation, "supportsRemoteConnection": not blocked,
            "requiresCustomArmTemplate": p.requires_custom_arm_template}


def _sas_source(os_uri: str | None, data: list[tuple[int, str | None]]) -> dict[str, Any] | None:
    """A sasUri source, or None when any URI is still unknown (never an empty string where a URI goes)."""
    if not os_uri or any(not uri for _, uri in data):
        return None
    return {"sourceType": "sasUri", "osDisk": {"uri": os_uri},
            "dataDisks": [{"lunNumber": lun, "uri": uri} for lun, uri in data]}


def _published_source(image: PublishedImage, published: Mapping[str, str | None]) -> dict[str, Any] | None:
    if image.gallery_resource_id:
        return {"sourceType": SOURCE_GALLERY,
                "sharedImage": {"tenantId": image.gallery_tenant_id, "resourceId": image.gallery_resource_id}}
    return _sas_source(published.get(image.os_blob_url), [(d.lun, published.get(d.blob_url)) for d in image.data_disks])


def _published_versions(sku: Sku, published: Mapping[str, str | None]) -> list[dict[str, Any]]:
    out = []
    for v in sku.image_versions:
        images = [(im.image_type, _published_source(im, published)) for im in v.images()]
        if any(source is None for _, source in images):
            continue  # its tokens are not in the keyring: the readiness says so
        entry: dict[str, Any] = {"versionNumber": v.version, "lifecycleState": v.lifecycle_state,
                                 "vmImages": [{"imageType": kind, "source": source} for kind, source in images]}
        if isinstance(v.extra.get("deprecationSchedule"), dict):
            entry["deprecationSchedule"] = v.extra["deprecationSchedule"]
        out.append(entry)
    return out


def image_source(sku: Sku, image: PlanImage, sas_uris: Mapping[int, str | None]) -> dict[str, Any] | None:
    """The new version's source of one image type: its gallery image version, or its disks' SAS URIs
    (None while anything is missing)."""
    if image.source == SOURCE_GALLERY:
        if not image.gallery_tenant_id or not image.gallery_resource_id:
            return None
        return {"sourceType": SOURCE_GALLERY,
                "sharedImage": {"tenantId": image.gallery_tenant_id, "resourceId": image.gallery_resource_id}}
    disks = [(i, d) for i, d in enumerate(sku.disks) if d.image_type == image.image_type]
    os_uri = next((sas_uris.get(i) for i, d in disks if d.role == ROLE_OS), None)
    data = [(sku.lun_of(d) or 0, sas_uris.get(i)) for i, d in disks if d.role != ROLE_OS]
    return _sas_source(os_uri, data)


def carries_security_type(image_type: str) -> bool:
    """Whether Partner Center takes a securityType on this image type (x64Gen2 only: REFERENCE §9 Corrections,
    the partner-center profile's `security_type_image_types`). Every export asks this one function."""
    return image_type in load_profile("partner-center").security_type_image_types


def pc_skus(sku: Sku) -> list[dict[str, Any]]:
    """Partner Center's `skus`: one per image type; securityType only on an image type that takes one (x64Gen2)."""
    out = []
    for image in sku.images:
        entry: dict[str, Any] = {"imageType": image.image_type, "skuId": sku.image_sku_id(image)}
        if carries_security_type(image.image_type) and image.security_types:
            entry["securityType"] = list(image.security_types)
        out.append(entry)
    return out


def partner_center_json(project: Project, sku: Sku, sas_uris: Mapping[int, str | None],
                        missing: list[str] | None = None, published: Mapping[str, str | None] | None = None) -> dict[str, Any]:
    """The plan's technical configuration as the Product Ingestion API resource: every version the plan
    publishes, unchanged, and the new one once every image type's source is complete (until then it is
    left out and the readiness says why)."""
    versions = _published_versions(sku, published or {})
    new_images = [(image.image_type, image_source(sku, image, sas_uris)) for image in sku.images]
    if new_images and all(source is not None for _, source in new_images) \
            and sku.version not in {v["versionNumber"] for v in versions}:
        versions.append({"versionNumber": sku.version, "lifecycleState": "generallyAvailable",
                         "vmImages": [{"imageType": kind, "source": source} for kind, source in new_images]})
    document: dict[str, Any] = {
        "$schema": PC_SCHEMA,
        "product": {"externalId": project.offer.offer_id},
        "plan": {"externalId": sku.sku_id},
        "operatingSystem": {"family": sku.os_family, "type": _os_type(sku), "friendlyName": sku.os_friendly_name},
        "recommendedVmSizes": list(sku.vm_sizes),
        "openPorts": [{"label": port.label, "protocol": port.protocol, "portRange": port.port_range} for port in sku.open_ports],
        "vmProperties": vm_properties(project, sku),
        "skus": pc_skus(sku),
        "vmImageVersions": versions,
    }
    if sku.extra.get("pc_base_plan") is not None:
        document["basePlan"] = sku.extra["pc_base_plan"]  # reuse of another plan's configuration, kept
    if missing:
        document["$comment"] = "Not ready — missing: " + "; ".join(missing)
    return document
