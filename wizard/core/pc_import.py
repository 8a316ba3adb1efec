"""Take over a plan's technical configuration as Partner Center's Product Ingestion API returns it:
the operating system, sizes, properties, open ports and -- above all -- the image versions the plan
already publishes, so that the next configure request lists them unchanged (REFERENCE.md §9).

Input is outside data: every value is checked before it is taken; what cannot be taken is listed,
never guessed. SAS tokens of the published disks are split off the URIs (the caller keeps them in
the keyring), so the project file holds blob URLs only.
"""

from __future__ import annotations

import copy
import json
import os
import re
from collections.abc import Callable
from dataclasses import field
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from .model import (
    IMAGE_ARM64_GEN2,
    IMAGE_X64_GEN1,
    IMAGE_X64_GEN2,
    OS_LINUX,
    OS_WINDOWS,
    SOURCE_GALLERY,
    Disk,
    OpenPort,
    PlanImage,
    PlanProperties,
    Project,
    PublishedDisk,
    PublishedImage,
    PublishedVersion,
    Sku,
)
from .profiles import load_profile
from .records import record
from .validation import GALLERY_VERSION_RE, GUID_RE, VERSION_RE, port_label_re, port_range_ok

SECURITY_TYPES = ("trusted", "confidential", "standard")  # what is taken from a SKU's securityType (the schema's)

RESOURCE = "virtual-machine-plan-technical-configuration"
PROPERTY_NAMES = {  # Partner Center's vmProperties -> PlanProperties
    "supportsExtensions": "extensions", "supportsBackup": "backup", "supportsAcceleratedNetworking": "accelerated_networking",
    "isNetworkVirtualAppliance": "network_virtual_appliance", "supportsNVMe": "nvme", "supportsCloudInit": "cloud_init",
    "supportsAadLogin": "entra_id_login", "supportsHibernation": "hibernation", "requiresCustomArmTemplate": "requires_custom_arm_template",
}
LIFECYCLE = ("generallyAvailable", "deprecated", "deleted")
GALLERY_RE = GALLERY_VERSION_RE  # anchored (validation.py): the same shape the Offer page asks for
SUPPORTED_IMAGE_TYPES = (IMAGE_X64_GEN1, IMAGE_X64_GEN2, IMAGE_ARM64_GEN2)
# What the schema accepts (REFERENCE §9), from the Partner Center profile: the one place for these numbers.
_PC = load_profile("partner-center")
MAX_IMAGE_TYPES = _PC.image_types_max  # SKUs per plan, images per version
MAX_SIZES, MAX_PORTS, MAX_DATA_DISKS = _PC.vm_sizes_max, _PC.open_ports_max, _PC.data_disks_max
Skip = Callable[[str], None]


class ImportUnreadable(Exception):
    """The file holds no technical configuration this project can take (exit 2)."""


# Engineering budgets (issue #29): a real plan has tens of versions; the 16 MiB file cap alone allowed
# about 600,000, and each "not taken" line is shown to the person.
MAX_IMPORT_VERSIONS = 10_000  # more image versions than this: the file is refused whole
MAX_NOT_TAKEN = 100  # "not taken" lines listed; the rest are counted in one last line
MAX_IMPORT_BYTES = 16 * 1024 * 1024  # a technical configuration is a few KiB; this refuses a mistaken pick early


def read_import_file(path: str | os.PathLike[str]) -> str:
    """The text of the file to import: a regular file (a FIFO would wait forever, /dev/zero never ends),
    of a sane size, in UTF-8. Raises ImportUnreadable with the reason."""
    from .vhd import NotARegularFile, open_regular

    try:
        fd = open_regular(path)
    except NotARegularFile:
        raise ImportUnreadable(f"{path} is not a regular file: export the plan's technical configuration to a "
                               ".json file and choose that") from None
    except OSError as exc:
        raise ImportUnreadable(f"{path} cannot be read: {exc.strerror or exc}") from None
    with os.fdopen(fd, "rb") as fh:
        data = fh.read(MAX_IMPORT_BYTES + 1)
    if len(data) > MAX_IMPORT_BYTES:
        raise ImportUnreadable(f"{path} is larger than {MAX_IMPORT_BYTES // 2**20} MiB: not a technical configuration")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ImportUnreadable(f"{path} is not UTF-8 text: not a technical configuration") from None


class NotTaken(list[str]):
    """The "not taken" lines: the first MAX_NOT_TAKEN kept, the rest counted (`summarise` adds
    "… and N more"), so a file of a million odd entries gives a readable answer, quickly."""

    def __init__(self) -> None:
        super().__init__()
        self.more = 0

    def append(self, item: str) -> None:
        if len(self) < MAX_NOT_TAKEN:
            super().append(item)
        else:
            self.more += 1

    def summarise(self) -> None:
        if self.more:
            super().append(f"… and {self.more:,} more")
            self.more = 0


@record
class ImportResult:
    sku: Sku
    not_taken: NotTaken = field(default_factory=NotTaken)  # what was in the file but could not be taken
    tokens: list[tuple[str, str]] = field(default_factory=list)  # (blob URL, SAS token) for the keyring


def read_resource(text: str, sku_id: str | None = None) -> dict[str, Any]:
    """The technical configuration in `text`: the resource itself, an API response holding it
    (`value` / `resources` lists: a resource tree or a configure request), with external or durable
    IDs. Each configuration is matched to its plan through the plan's `externalId` -- on the reference
    itself, or on the tree's `plan` resource the durable ID names -- never by position: with
    `sku_id` only that plan's is taken, and without it a file of several plans must say which."""
    try:
        data = json.loads(text)
    except (ValueError, RecursionError) as exc:
        raise ImportUnreadable(f"not JSON: {exc}") from None
    plans = read_plans(data)
    if not plans:
        raise ImportUnreadable(f"no {RESOURCE} resource in the file")
    if sku_id is not None:
        found: list[tuple[str | None, dict[str, Any]]] = [(ext, c) for ext, c in plans if ext == sku_id]
        if not found and len(plans) == 1 and plans[0][0] is None:
            found = plans  # one configuration naming its plan by durable ID only: --sku says which SKU it is
        if not found:
            named = ", ".join(sorted({ext or "(a plan named by durable ID only)" for ext, _ in plans}))
            raise ImportUnreadable(f"the file holds no technical configuration of plan {sku_id!r} (it has: {named})")
    else:
        found = plans
        if len(found) > 1:
            named = ", ".join(ext or "?" for ext, _ in found)
            raise ImportUnreadable(f"the file holds {len(found)} plans ({named}): give --sku ID to say which")
    if len(found) > 1:
        # Two configurations of one plan: which one is the plan's cannot be told, so neither is taken.
        raise ImportUnreadable(f"the file holds {len(found)} technical configurations of plan {sku_id!r}: "
                               "export that plan alone and import that file")
    ext, resource = found[0]
    if ext is not None and not isinstance(resource.get("plan"), dict):
        resource = {**resource, "plan": {"externalId": ext}}  # resolved from the tree's plan resource
    return resource


def _kind(resource: Any) -> str:
    """The resource type a `$schema` names (`.../schema/<type>/<version>`)."""
    schema = resource.get("$schema", "") if isinstance(resource, dict) else ""
    parts = str(schema).rstrip("/").split("/")
    return parts[-2].strip() if len(parts) >= 2 else ""


def read_plans(data: Any) -> list[tuple[str | None, dict[str, Any]]]:
    """Every technical configuration in a resource, a `value` / `resources` list (a GET answer, a
    resource tree, a configure request), each with its plan's externalId (None: not known)."""
    candidates = [data]
    if isinstance(data, dict):
        for key in ("value", "resources"):
            if isinstance(data.get(key), list):
                candidates = data[key]
    durable = {}  # "plan/<product guid>/<plan guid>" -> externalId, from the tree's plan resources
    for c in candidates:
        if _kind(c) == "plan" and isinstance(c.get("id"), str):
            ext = _external_id(c.get("identity"))
            if ext:
                durable[c["id"]] = ext
    out = []
    for c in candidates:
        if isinstance(c, dict) and _kind(c) == RESOURCE:
            ref = c.get("plan")
            ext = _external_id(ref) if isinstance(ref, dict) else durable.get(ref) if isinstance(ref, str) else None
            out.append((ext, c))
    return out


def _external_id(ref: Any) -> str | None:
    if isinstance(ref, dict):
        value = ref.get("externalId")
        return value if isinstance(value, str) else None
    return None


def target_sku(project: Project, resource: dict[str, Any], sku_id: str | None) -> Sku:
    wanted = sku_id or _external_id(resource.get("plan"))
    sku = next((s for s in project.skus if s.sku_id == wanted), None)
    if sku is None:
        raise ImportUnreadable(f"no SKU with the ID {wanted!r} in the project (give --sku ID)")
    return sku


def split_sas(uri: str) -> tuple[str, str] | None:
    """(blob URL, token) of an https/http SAS URI, or None when it is not one: no user name, no ';'
    parameters, no fragment (each could carry a secret past the split), and a signature in the query."""
    if not isinstance(uri, str) or any(c in uri for c in "\r\n\t "):
        return None
    try:
        parts = urlsplit(uri)
    except ValueError:
        return None
    if (parts.scheme not in ("https", "http") or not parts.netloc or "@" in parts.netloc or ";" in parts.path
            or parts.fragment or "#" in uri or "sig=" not in parts.query):
        return None
    return urlunsplit((parts.scheme, parts.netloc, parts.path, "", "")), parts.query


def take_over(project: Project, resource: dict[str, Any], sku_id: str | None = None) -> ImportResult:
    """Merge the resource into its SKU (the plan's externalId, or `sku_id`) and say what was not taken."""
    original = target_sku(project, resource, sku_id)
    sku = copy.deepcopy(original)  # merged here first: an odd value cannot leave the SKU half-changed
    result = ImportResult(sku)
    versions = resource.get("vmImageVersions")
    if isinstance(versions, list) and len(versions) > MAX_IMPORT_VERSIONS:
        raise ImportUnreadable(f"the technical configuration lists {len(versions):,} image versions, more than "
                               f"{MAX_IMPORT_VERSIONS:,}: not a plan's configuration")
    try:
        _take_all(sku, resource, result)
        result.not_taken.summarise()
    except (TypeError, AttributeError, ValueError, KeyError, OverflowError, RecursionError) as exc:
        raise ImportUnreadable(f"the technical configuration holds a value of the wrong kind ({type(exc).__name__})") from None
    project.skus[project.skus.index(original)] = sku
    return result


def _take_all(sku: Sku, resource: dict[str, Any], result: ImportResult) -> None:
    skip = result.not_taken.append
    _take_os(sku, resource.get("operatingSystem"), skip)
    sizes = resource.get("recommendedVmSizes")
    if (isinstance(sizes, list) and len(sizes) <= MAX_SIZES
            and all(isinstance(s, str) and re.fullmatch(r"[A-Za-z][A-Za-z0-9_]*", s) for s in sizes)):
        sku.vm_sizes = list(dict.fromkeys(sizes))
    elif sizes is not None:
        skip(f"recommendedVmSizes: not a list of at most {MAX_SIZES} size names")
    _take_properties(sku, resource.get("vmProperties"), skip)
    _take_ports(sku, resource.get("openPorts"), skip)
    _take_skus(sku, resource.get("skus"), skip)
    _take_versions(sku, resource.get("vmImageVersions"), result)
    _keep_unmodelled(sku, resource, skip)


# What the project does not model but a round trip must give back unchanged (REFERENCE §9
# "Corrections"): kept in the SKU's `extra` (the project file keeps unknown keys), used by the export.
OS_TYPE_KEY, BASE_PLAN_KEY = "pc_os_type", "pc_base_plan"
OS_TYPES = ("debian", "centos", "openSolaris", "redHat", "ubuntu", "suse", "cblMariner", "oracleLinux", "other",
            "windowsServer2008R2", "windowsServer2012", "windowsServer2012R2", "windowsServer2012R2Datacenter",
            "windowsServer2016", "windowsServer2019", "windowsServer2022", "windowsServer2022DatacenterAzureEdition",
            "windowsServerVersion20H2", "windowsServerVersion2004")


def _keep_unmodelled(sku: Sku, resource: dict[str, Any], skip: Skip) -> None:
    os_part = resource.get("operatingSystem")
    os_type = os_part.get("type") if isinstance(os_part, dict) else None
    if isinstance(os_type, str) and os_type in OS_TYPES:
        sku.extra[OS_TYPE_KEY] = os_type
    elif os_type is not None:
        skip(f"operatingSystem.type {os_type!r}")
    base = resource.get("basePlan")
    if isinstance(base, (str, dict)) and json_depth(base) <= 3:
        sku.extra[BASE_PLAN_KEY] = copy.deepcopy(base)
    elif base is not None:
        skip("basePlan: not a plan reference")
    else:
        sku.extra.pop(BASE_PLAN_KEY, None)


def json_depth(value: Any) -> int:
    if isinstance(value, dict):
        return 1 + max((json_depth(v) for v in value.values()), default=0)
    if isinstance(value, list):
        return 1 + max((json_depth(v) for v in value), default=0)
    return 0


def _take_skus(sku: Sku, entries: Any, skip: Skip) -> None:
    """The plan's image types (Partner Center's `skus`) with their SKU ids and security types. An image
    type the project already has keeps its source and disks; a new one gets an OS disk of its own."""
    if entries is None:
        return
    if not isinstance(entries, list) or not entries:
        skip("skus: not a list of image types")
        return
    taken: list[PlanImage] = []
    for i, entry in enumerate(entries):
        kind = entry.get("imageType") if isinstance(entry, dict) else None
        sku_id = entry.get("skuId") if isinstance(entry, dict) else None
        security = entry.get("securityType", []) if isinstance(entry, dict) else None
        if kind not in SUPPORTED_IMAGE_TYPES or kind in {t.image_type for t in taken} or len(taken) >= MAX_IMAGE_TYPES:
            skip(f"skus[{i}]: image type {kind!r} (x64Gen1, x64Gen2 or arm64Gen2, each once, at most {MAX_IMAGE_TYPES})")
            continue
        if not isinstance(sku_id, str) or not re.fullmatch(r"[a-z0-9][a-z0-9-_]{2,49}", sku_id):
            skip(f"skus[{i}]: no valid skuId")
            continue
        if (not isinstance(security, list) or not all(isinstance(x, str) and x in SECURITY_TYPES for x in security)
                or (security and kind == IMAGE_X64_GEN1)):
            skip(f"skus[{i}]: securityType {security!r}")
            continue
        image = copy.deepcopy(sku.image(kind)) or PlanImage(kind)
        image.sku_id = "" if sku_id == sku.sku_id and not taken else sku_id
        image.security_types = [x for x in dict.fromkeys(security) if x != "standard"]
        taken.append(image)
    if not taken:
        return
    # An image type the plan no longer has hands its disks to the new type in its place (the plan's
    # x64Gen1 image that Partner Center lists as x64Gen2 keeps its files); the rest get an OS disk.
    kinds = {t.image_type for t in taken}
    retype = {old.image_type: new.image_type for old, new in zip(sku.images, taken, strict=False)
              if old.image_type not in kinds and not sku.image_disks(new.image_type)}
    for disk in sku.disks:
        disk.image_type = retype.get(disk.image_type, disk.image_type)
    sku.images = taken
    for image in taken:
        if not sku.image_disks(image.image_type):
            sku.disks.append(Disk(image_type=image.image_type))


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
    label_ok = port_label_re(3, 20)
    for i, port in enumerate(ports[:MAX_PORTS]):
        if (isinstance(port, dict) and isinstance(port.get("label"), str) and label_ok.fullmatch(port["label"])
                and port.get("protocol") in ("tcp", "udp", "both")
                and isinstance(port.get("portRange"), str) and port_range_ok(port["portRange"])):
            taken.append(OpenPort(port["label"], port["protocol"], port["portRange"]))
        else:
            skip(f"openPorts[{i}]: not a label, protocol and port range")
    if len(ports) > MAX_PORTS:
        skip(f"openPorts: {len(ports) - MAX_PORTS} beyond the {MAX_PORTS} Partner Center accepts")
    sku.open_ports = taken


def _take_versions(sku: Sku, versions: Any, result: ImportResult) -> None:
    """The published versions. One that cannot be taken is never dropped silently: its number stays
    in the SKU's published versions and in `sku.extra["untaken_versions"]`, and the export's readiness
    then says the configure request would lose it."""
    skip = result.not_taken.append
    if versions is None:
        return
    if not isinstance(versions, list):
        skip("vmImageVersions: not a list")
        return
    taken: list[PublishedVersion] = []
    untaken: list[str] = []
    seen: set[str] = set()  # one set for both lists: the check per version stays constant time
    for i, v in enumerate(versions):
        where = f"vmImageVersions[{i}]"
        number = v.get("versionNumber") if isinstance(v, dict) else None
        if not isinstance(number, str) or not VERSION_RE.fullmatch(number):
            skip(f"{where}: no X.Y.Z versionNumber")
            continue
        if number in seen:
            skip(f"{where}: version {number} twice")
            continue
        seen.add(number)
        version = _one_version(v, number, result, where)
        if version is None:
            untaken.append(number)
        else:
            taken.append(version)
    sku.image_versions = taken
    if untaken:
        sku.extra["untaken_versions"] = untaken
    else:
        sku.extra.pop("untaken_versions", None)
    sku.published_versions = sorted({*sku.published_versions, *(v.version for v in taken), *untaken},
                                    key=lambda s: tuple(int(x) for x in s.split(".")))


def _one_version(v: dict[str, Any], number: str, result: ImportResult, where: str) -> PublishedVersion | None:
    skip = result.not_taken.append
    state = v.get("lifecycleState", "generallyAvailable")
    if state not in LIFECYCLE:
        skip(f"{where}: lifecycleState {state!r}")
        return None
    raw_images = v.get("vmImages")
    images = [im for im in raw_images if isinstance(im, dict)] if isinstance(raw_images, list) else []
    kinds = [im.get("imageType") for im in images]
    if (not images or not isinstance(raw_images, list) or len(images) != len(raw_images) or len(images) > MAX_IMAGE_TYPES
            or any(k not in SUPPORTED_IMAGE_TYPES for k in kinds) or len(set(kinds)) != len(kinds)):
        skip(f"{where}: image types {kinds!r} (x64Gen1, x64Gen2 or arm64Gen2, each once, at most {MAX_IMAGE_TYPES})")
        return None
    tokens_before = len(result.tokens)
    taken = []
    for im in images:
        image = _published(im["imageType"], im.get("source"), result, where)
        if image is None:
            del result.tokens[tokens_before:]  # the version is not taken: neither are its tokens
            return None
        taken.append(image)
    first = taken[0]
    version = PublishedVersion(number, state, first.image_type, first.os_blob_url, first.data_disks,
                               first.gallery_tenant_id, first.gallery_resource_id, taken[1:])
    schedule = v.get("deprecationSchedule")
    if isinstance(schedule, dict) and json_depth(schedule) <= 4:
        version.extra["deprecationSchedule"] = copy.deepcopy(schedule)  # given back unchanged by the export
    elif schedule is not None:
        skip(f"{where}: deprecationSchedule is not an object")
    return version


def _published(image_type: str, source: Any, result: ImportResult, where: str) -> PublishedImage | None:
    skip = result.not_taken.append
    if not isinstance(source, dict):
        skip(f"{where}: no image source")
        return None
    if source.get("sourceType") == SOURCE_GALLERY:
        shared = source.get("sharedImage")
        shared = shared if isinstance(shared, dict) else {}
        tenant, resource_id = shared.get("tenantId"), shared.get("resourceId")
        if (isinstance(tenant, str) and GUID_RE.fullmatch(tenant) and isinstance(resource_id, str)
                and GALLERY_RE.fullmatch(resource_id)):
            return PublishedImage(image_type, gallery_tenant_id=tenant, gallery_resource_id=resource_id)
        skip(f"{where}: a gallery source without a tenant id and an image version resource id")
        return None
    if source.get("sourceType") != "sasUri":
        skip(f"{where}: source type {source.get('sourceType')!r}")
        return None
    os_disk = source.get("osDisk")
    os_split = split_sas(os_disk.get("uri", "")) if isinstance(os_disk, dict) else None
    if os_split is None:
        skip(f"{where}: the OS disk has no SAS URI")
        return None
    raw_disks = source.get("dataDisks", [])
    if not isinstance(raw_disks, list) or len(raw_disks) > MAX_DATA_DISKS:
        skip(f"{where}: dataDisks is not a list of at most {MAX_DATA_DISKS}")
        return None
    disks: list[PublishedDisk] = []
    tokens = [os_split]
    for j, d in enumerate(raw_disks):
        lun = d.get("lunNumber") if isinstance(d, dict) else None
        parts = split_sas(d.get("uri", "")) if isinstance(d, dict) else None
        if type(lun) is not int or not 0 <= lun <= 15 or parts is None or lun in {x.lun for x in disks}:
            skip(f"{where}: data disk {j} (a LUN 0–15, once, and a SAS URI)")
            return None
        disks.append(PublishedDisk(lun, parts[0]))
        tokens.append(parts)
    result.tokens += tokens
    return PublishedImage(image_type, os_split[0], disks)
