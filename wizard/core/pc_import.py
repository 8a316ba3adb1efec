"""Take over a plan's technical configuration as Partner Center's Product Ingestion API returns it:
the operating system, sizes, properties, open ports and -- above all -- the image versions the plan
already publishes, so that the next configure request lists them unchanged (REFERENCE.md §9).

Input is outside data: every value is checked before it is taken; what cannot be taken is listed,
never guessed. SAS tokens of the published disks are split off the URIs (the caller keeps them in
the keyring), so the project file holds blob URLs only.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from .model import OS_LINUX, OS_WINDOWS, OpenPort, PlanProperties, Project, PublishedDisk, PublishedVersion, Sku
from .validation import VERSION_RE, port_range_ok

RESOURCE = "virtual-machine-plan-technical-configuration"
PROPERTY_NAMES = {  # Partner Center's vmProperties -> PlanProperties
    "supportsExtensions": "extensions", "supportsBackup": "backup", "supportsAcceleratedNetworking": "accelerated_networking",
    "isNetworkVirtualAppliance": "network_virtual_appliance", "supportsNVMe": "nvme", "supportsCloudInit": "cloud_init",
    "supportsAadLogin": "entra_id_login", "supportsHibernation": "hibernation", "requiresCustomArmTemplate": "requires_custom_arm_template",
}
LIFECYCLE = ("generallyAvailable", "deprecated", "deleted")
GUID_RE = re.compile(r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")
GALLERY_RE = re.compile(r"^/subscriptions/[0-9a-fA-F-]{36}/resourceGroups/[^/]+/providers/Microsoft\.Compute/galleries/[^/]+/"
                        r"images/[^/]+/versions/\d+\.\d+\.\d+$")
SUPPORTED_IMAGE_TYPES = ("x64Gen1",)
Skip = Callable[[str], None]


class ImportUnreadable(Exception):
    """The file holds no technical configuration this project can take (exit 2)."""


@dataclass
class ImportResult:
    sku: Sku
    not_taken: list[str] = field(default_factory=list)  # what was in the file but could not be taken
    tokens: list[tuple[str, str]] = field(default_factory=list)  # (blob URL, SAS token) for the keyring


def read_resource(text: str, sku_id: str | None = None) -> dict[str, Any]:
    """The technical configuration in `text`: the resource itself, or an API response holding it
    (`value` / `resources` lists); with `sku_id`, the one of that plan."""
    try:
        data = json.loads(text)
    except (ValueError, RecursionError) as exc:
        raise ImportUnreadable(f"not JSON: {exc}") from None
    candidates = [data]
    if isinstance(data, dict):
        for key in ("value", "resources"):
            if isinstance(data.get(key), list):
                candidates = data[key]
    found = [c for c in candidates if isinstance(c, dict) and RESOURCE in str(c.get("$schema", ""))]
    if sku_id is not None:
        found = [c for c in found if _external_id(c.get("plan")) in (sku_id, None)] or found
    if not found:
        raise ImportUnreadable(f"no {RESOURCE} resource in the file")
    return found[0]


def _external_id(ref: Any) -> str | None:
    if isinstance(ref, dict):
        value = ref.get("externalId")
        return value if isinstance(value, str) else None
    return ref if isinstance(ref, str) else None


def target_sku(project: Project, resource: dict[str, Any], sku_id: str | None) -> Sku:
    wanted = sku_id or _external_id(resource.get("plan"))
    sku = next((s for s in project.skus if s.sku_id == wanted), None)
    if sku is None:
        raise ImportUnreadable(f"no SKU with the ID {wanted!r} in the project (give --sku ID)")
    return sku


def split_sas(uri: str) -> tuple[str, str] | None:
    """(blob URL, token) of an https/http SAS URI, or None when it is not one."""
    if not isinstance(uri, str):
        return None
    parts = urlsplit(uri)
    if parts.scheme not in ("https", "http") or not parts.netloc or not parts.query:
        return None
    return urlunsplit((parts.scheme, parts.netloc, parts.path, "", "")), parts.query


def take_over(project: Project, resource: dict[str, Any], sku_id: str | None = None) -> ImportResult:
    """Merge the resource into its SKU (the plan's externalId, or `sku_id`) and say what was not taken."""
    sku = target_sku(project, resource, sku_id)
    result = ImportResult(sku)
    skip = result.not_taken.append
    _take_os(sku, resource.get("operatingSystem"), skip)
    sizes = resource.get("recommendedVmSizes")
    if isinstance(sizes, list) and all(isinstance(s, str) and re.fullmatch(r"[A-Za-z][A-Za-z0-9_]*", s) for s in sizes):
        sku.vm_sizes = list(dict.fromkeys(sizes))
    elif sizes is not None:
        skip("recommendedVmSizes: not a list of size names")
    _take_properties(sku, resource.get("vmProperties"), skip)
    _take_ports(sku, resource.get("openPorts"), skip)
    for entry in resource.get("skus") or []:
        if isinstance(entry, dict) and entry.get("imageType") not in SUPPORTED_IMAGE_TYPES:
            skip(f"skus: image type {entry.get('imageType')!r} (this version of the wizard makes x64Gen1 plans)")
    _take_versions(sku, resource.get("vmImageVersions"), result)
    return result


def _take_os(sku: Sku, os_part: Any, skip: Skip) -> None:
    if not isinstance(os_part, dict):
        if os_part is not None:
            skip("operatingSystem: not an object")
        return
    family = os_part.get("family")
    if family in (OS_LINUX, OS_WINDOWS):
        sku.os_family = family
    elif family is not None:
        skip(f"operatingSystem.family {family!r}")
    name = os_part.get("friendlyName")
    if isinstance(name, str) and 0 < len(name) <= 100:
        sku.os_friendly_name = name
    elif name is not None:
        skip("operatingSystem.friendlyName: not a name of 1 to 100 characters")


def _take_properties(sku: Sku, props: Any, skip: Skip) -> None:
    if props is None:
        return
    if not isinstance(props, dict):
        skip("vmProperties: not an object")
        return
    taken = PlanProperties()
    for key, value in props.items():
        if key == "supportsRemoteConnection" and isinstance(value, bool):
            taken.remote_connection_disabled = not value
        elif key in PROPERTY_NAMES and isinstance(value, bool):
            setattr(taken, PROPERTY_NAMES[key], value)
        else:
            skip(f"vmProperties.{key}")
    sku.properties = taken


def _take_ports(sku: Sku, ports: Any, skip: Skip) -> None:
    if ports is None:
        return
    if not isinstance(ports, list):
        skip("openPorts: not a list")
        return
    taken = []
    for i, port in enumerate(ports):
        if (isinstance(port, dict) and isinstance(port.get("label"), str) and port.get("protocol") in ("tcp", "udp", "both")
                and isinstance(port.get("portRange"), str) and port_range_ok(port["portRange"])):
            taken.append(OpenPort(port["label"], port["protocol"], port["portRange"]))
        else:
            skip(f"openPorts[{i}]: not a label, protocol and port range")
    sku.open_ports = taken


def _take_versions(sku: Sku, versions: Any, result: ImportResult) -> None:
    skip = result.not_taken.append
    if versions is None:
        return
    if not isinstance(versions, list):
        skip("vmImageVersions: not a list")
        return
    taken = []
    for i, v in enumerate(versions):
        where = f"vmImageVersions[{i}]"
        if not isinstance(v, dict) or not isinstance(v.get("versionNumber"), str) or not VERSION_RE.match(v["versionNumber"]):
            skip(f"{where}: no X.Y.Z versionNumber")
            continue
        state = v.get("lifecycleState", "generallyAvailable")
        if state not in LIFECYCLE:
            skip(f"{where}: lifecycleState {state!r}")
            continue
        images = [im for im in v.get("vmImages") or [] if isinstance(im, dict)]
        for im in images:
            if im.get("imageType") not in SUPPORTED_IMAGE_TYPES:
                skip(f"{where}: image type {im.get('imageType')!r}")
        image = next((im for im in images if im.get("imageType") in SUPPORTED_IMAGE_TYPES), None)
        if image is None:
            continue
        version = _published(v["versionNumber"], state, image.get("source"), result, where)
        if version is not None:
            taken.append(version)
    sku.image_versions = taken
    sku.published_versions = sorted({*sku.published_versions, *(v.version for v in taken)},
                                    key=lambda s: tuple(int(x) for x in s.split(".")))


def _published(number: str, state: str, source: Any, result: ImportResult, where: str) -> PublishedVersion | None:
    skip = result.not_taken.append
    if not isinstance(source, dict):
        skip(f"{where}: no image source")
        return None
    if source.get("sourceType") == "sharedImageGallery":
        shared = source.get("sharedImage") or {}
        tenant, resource_id = shared.get("tenantId"), shared.get("resourceId")
        if isinstance(tenant, str) and GUID_RE.match(tenant) and isinstance(resource_id, str) and GALLERY_RE.match(resource_id):
            return PublishedVersion(number, state, "x64Gen1", gallery_tenant_id=tenant, gallery_resource_id=resource_id)
        skip(f"{where}: a gallery source without a tenant id and an image version resource id")
        return None
    if source.get("sourceType") != "sasUri":
        skip(f"{where}: source type {source.get('sourceType')!r}")
        return None
    os_split = split_sas((source.get("osDisk") or {}).get("uri", ""))
    if os_split is None:
        skip(f"{where}: the OS disk has no SAS URI")
        return None
    disks, tokens = [], [os_split]
    for j, d in enumerate(source.get("dataDisks") or []):
        lun = d.get("lunNumber") if isinstance(d, dict) else None
        parts = split_sas(d.get("uri", "")) if isinstance(d, dict) else None
        if not isinstance(lun, int) or not 0 <= lun <= 15 or parts is None:
            skip(f"{where}: data disk {j} (a LUN 0–15 and a SAS URI)")
            return None
        disks.append(PublishedDisk(lun, parts[0]))
        tokens.append(parts)
    result.tokens += tokens
    return PublishedVersion(number, state, "x64Gen1", os_split[0], disks)
