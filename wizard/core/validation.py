"""Validation of the offer and SKU definition against the project's profile.

The wizard's first page and `mpwizard project check` call the same function,
so they always report the same problems.
"""

from __future__ import annotations

import re
from datetime import date

from .codec import Problem
from .i18n_marks import QT_TRANSLATE_NOOP
from .model import BASE_IMAGE_OTHER, IMAGE_X64_GEN1, OS_LINUX, OS_WINDOWS, ROLE_DATA, ROLE_OS, SOURCE_GALLERY, OpenPort, Project, Sku
from .profiles import DEFAULT_PROFILE_ID, PROFILE_IDS, Profile, load_profile
from .vmsizes import by_name

CTX = "Core"  # one translation context for every core message
SCHEMA_VERSION = "2022-03-01-preview3"  # the Partner Center schema version the export sends (export.formats.PC_SCHEMA)

M_REQUIRED = QT_TRANSLATE_NOOP("Core", "{field} is required.")
M_ID_TOO_LONG = QT_TRANSLATE_NOOP("Core", "{field} has {length} characters; at most {max} are allowed.")
M_ID_TOO_SHORT = QT_TRANSLATE_NOOP("Core", "{field} has {length} character(s); Partner Center needs at least {min}.")
M_TOO_LONG = QT_TRANSLATE_NOOP("Core", "{field} has {length} characters; Partner Center accepts at most {max}.")
M_VERSION_LONG = QT_TRANSLATE_NOOP("Core", "Version {value} has {length} characters; Partner Center accepts at most {max}.")
M_VERSION_NOT_HIGHER = QT_TRANSLATE_NOOP("Core", "Version {value} is not higher than the published {latest}; Partner Center "
                                                 "needs a new, higher version (for example {suggest}).")
M_SIZE_RETIRED = QT_TRANSLATE_NOOP("Core", "VM size {value} was retired on {date}: Partner Center does not offer it. Choose a current size.")
M_PORTS_MAX = QT_TRANSLATE_NOOP("Core", "{count} open ports; Partner Center accepts at most {max}.")
M_PORT_LABEL = QT_TRANSLATE_NOOP("Core", "Port name '{value}': {min}–{max} letters, digits, '_', '.', '-' or blanks, ending in a letter or digit.")
M_PORT_PROTOCOL = QT_TRANSLATE_NOOP("Core", "Port protocol must be TCP, UDP or both.")
M_PORT_RANGE = QT_TRANSLATE_NOOP("Core", "Port range '{value}': a port (443) or a range (8000-8080) between 1 and 65535.")
M_ID_START = QT_TRANSLATE_NOOP("Core", "{field} must start with a lowercase letter or a digit.")
M_ID_CHARS = QT_TRANSLATE_NOOP("Core", "{field} may only contain lowercase letters, digits, '-' and '_' (found {bad}).")
M_NO_SKU = QT_TRANSLATE_NOOP("Core", "The offer needs at least one SKU.")
M_SKU_DUP = QT_TRANSLATE_NOOP("Core", "SKU ID '{value}' is used by more than one SKU; SKU IDs must be unique within the offer.")
M_OS_FAMILY = QT_TRANSLATE_NOOP("Core", "Operating system family must be Linux or Windows.")
M_BASE_UNKNOWN = QT_TRANSLATE_NOOP("Core", "'{value}' is not an approved Windows base image for this profile.")
M_BASE_DATE = QT_TRANSLATE_NOOP("Core", "Enter the base image's publication date as YYYY-MM-DD.")
M_BASE_DATE_OLD = QT_TRANSLATE_NOOP("Core", "A base image not in the list must be published after {date}.")
M_SIZES_EXACT = QT_TRANSLATE_NOOP("Core", "Choose exactly {min} recommended VM sizes ({count} chosen).")
M_SIZES_RANGE = QT_TRANSLATE_NOOP("Core", "Choose {min} to {max} recommended VM sizes ({count} chosen).")
M_SIZE_DUP = QT_TRANSLATE_NOOP("Core", "VM size {value} is chosen twice.")
M_SIZE_UNKNOWN = QT_TRANSLATE_NOOP("Core", "VM size {value} is not in the catalogue; check its spelling.")
M_SIZE_NAME = QT_TRANSLATE_NOOP("Core", "'{value}' is not a VM size name: letters, digits, '_' and '-', like Standard_D2s_v5.")
M_VERSION_FORMAT = QT_TRANSLATE_NOOP("Core", "Version must be X.Y.Z with whole numbers, for example 1.0.0.")
M_VERSION_PUBLISHED = QT_TRANSLATE_NOOP("Core", "Version {value} is already published; a new version must raise Z (for example {suggest}).")
M_VERSION_XY = QT_TRANSLATE_NOOP(
    "Core",
    "Within a SKU only Z may change: the published version is {latest}, so the new one must be {xy}.Z with Z above {z} (for example {suggest}).",
)
M_VERSION_LOWER = QT_TRANSLATE_NOOP("Core", "Version {value} is lower than the published {latest}; raise Z (for example {suggest}).")
M_DISK_OS_FIRST = QT_TRANSLATE_NOOP("Core", "The first disk must be the OS disk, and there must be exactly one.")
M_DATA_DISKS_MAX = QT_TRANSLATE_NOOP("Core", "{count} data disks; this profile allows at most {max} (LUN 0 to {last}).")
M_DISK_ROLE = QT_TRANSLATE_NOOP("Core", "Disk role must be 'os' or 'data'.")
M_PROFILE = QT_TRANSLATE_NOOP("Core", "Unknown requirement profile '{value}'; the default profile is used.")
M_IMAGE_NONE = QT_TRANSLATE_NOOP("Core", "The plan needs at least one image type.")
M_IMAGE_TYPE = QT_TRANSLATE_NOOP("Core", "Image type '{value}' is not one this profile offers ({known}).")
M_IMAGE_TYPES_MAX = QT_TRANSLATE_NOOP("Core", "{count} image types; this profile allows at most {max} per plan.")
M_IMAGE_TYPE_DUP = QT_TRANSLATE_NOOP("Core", "Image type {value} is listed twice; each image type appears once per plan.")
M_IMAGE_SKU_DUP = QT_TRANSLATE_NOOP("Core", "SKU ID '{value}' ({type}) is used more than once; each image type needs its own SKU ID.")
M_SECURITY_GEN1 = QT_TRANSLATE_NOOP("Core", "A security type belongs to Generation 2 images only; {value} is Generation 1.")
M_SECURITY_IMAGE = QT_TRANSLATE_NOOP("Core", "Partner Center takes a security type on {allowed} images only: one on the "
                                              "{value} SKU stops the submission. Choose Standard for the {value} image.")
M_SECURITY_SIZES = QT_TRANSLATE_NOOP("Core", "The {type} image offers {security}, but none of the recommended sizes can run "
                                              "it: Partner Center wants at least one such size ({examples}).")
M_SIZE_RETIRING = QT_TRANSLATE_NOOP("Core", "VM size {value} is announced for retirement on {date} ({series}): recommend a "
                                            "current size (v5/v6) instead.")
M_OS_END_OF_LIFE = QT_TRANSLATE_NOOP("Core", "{name} reached its end of standard support on {date}: Partner Center "
                                              "certifies images of supported, patched releases. Build on a current one.")
M_OS_TYPE_OTHER = QT_TRANSLATE_NOOP("Core", "Partner Center's schema {schema} has no operating-system type for {release}: "
                                            "the export sends 'other' (Partner Center accepts it).")
M_SECURITY_TYPE = QT_TRANSLATE_NOOP("Core", "Security type '{value}' is not one this profile knows ({known}).")
M_IMAGE_SOURCE = QT_TRANSLATE_NOOP("Core", "Image source '{value}' is not one this profile accepts ({known}).")
M_TENANT_ID = QT_TRANSLATE_NOOP("Core", "Tenant ID '{value}': a GUID such as 00000000-0000-0000-0000-000000000000 "
                                        "(the Microsoft Entra tenant that holds the gallery).")
M_GALLERY_ID = QT_TRANSLATE_NOOP("Core", "Gallery image version '{value}': it must be /subscriptions/<GUID>/resourceGroups/<name>/"
                                         "providers/Microsoft.Compute/galleries/<gallery>/images/<definition>/versions/<X.Y.Z>.")
M_GALLERY_VERSION = QT_TRANSLATE_NOOP("Core", "The gallery image version is {value} but the SKU's version is {version}: the "
                                              "scripts create version {version}; use the same number.")
M_IMAGE_OS_DISK = QT_TRANSLATE_NOOP("Core", "The {type} image needs exactly one OS disk, listed before its data disks.")
M_DISK_IMAGE = QT_TRANSLATE_NOOP("Core", "Disk {number} belongs to image type '{value}', which the plan does not have.")
M_SIZE_IMAGE = QT_TRANSLATE_NOOP("Core", "VM size {value} runs none of the plan's image types ({types}).")

# Field names are passed as arguments; marked here so the GUI can translate them too.
F_PUBLISHER = QT_TRANSLATE_NOOP("Core", "Publisher namespace")
F_OFFER_ID = QT_TRANSLATE_NOOP("Core", "Offer ID")
F_OFFER_NAME = QT_TRANSLATE_NOOP("Core", "Offer name")
F_SKU_ID = QT_TRANSLATE_NOOP("Core", "SKU ID")
F_TITLE = QT_TRANSLATE_NOOP("Core", "Title")
F_SUMMARY = QT_TRANSLATE_NOOP("Core", "Summary")
F_OS_NAME = QT_TRANSLATE_NOOP("Core", "Operating system name")
F_BASE_IMAGE = QT_TRANSLATE_NOOP("Core", "Base image")

VM_SIZE_NAME_RE = re.compile(r"[A-Za-z][A-Za-z0-9_-]{0,79}")  # used with fullmatch; Standard_M8-2ms has a '-'
VERSION_RE = re.compile(r"(0|[1-9][0-9]{0,8})\.(0|[1-9][0-9]{0,8})\.(0|[1-9][0-9]{0,8})")  # used with fullmatch
# A Microsoft Entra tenant id, and an Azure Compute Gallery image version's resource id (REFERENCE §9).
# Anchored; every part a bounded run of characters that cannot be '/', so matching is linear.
GUID_RE = re.compile(r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\Z")
GALLERY_VERSION_RE = re.compile(
    r"^/subscriptions/[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}"
    r"/resourceGroups/(?P<group>[-\w.()]{1,90})/providers/Microsoft\.Compute/galleries/(?P<gallery>[A-Za-z0-9_.]{1,80})"
    r"/images/(?P<definition>[A-Za-z0-9_.-]{1,80})/versions/(?P<version>[0-9]{1,10}\.[0-9]{1,10}\.[0-9]{1,10})\Z", re.ASCII)


def gallery_parts(resource_id: str) -> dict[str, str] | None:
    """group, gallery, definition and version of a gallery image version's resource id, or None."""
    m = GALLERY_VERSION_RE.match(resource_id) if isinstance(resource_id, str) else None
    return m.groupdict() if m else None


def _p(path: str, template: str, severity: str = "error", **args: object) -> Problem:
    str_args = tuple((k, str(v)) for k, v in args.items())
    return Problem(path, template.format(**args), severity, template, str_args)


def parse_version(text: str) -> tuple[int, int, int] | None:
    m = VERSION_RE.fullmatch(text.strip())
    return (int(m[1]), int(m[2]), int(m[3])) if m else None


def check_identifier(value: str, field: str, path: str, profile: Profile, min_length: int = 1) -> list[Problem]:
    """The rule for publisher namespace, offer ID and SKU ID (`min_length`: the plan and offer IDs' minimum)."""
    if not value:
        return [_p(path, M_REQUIRED, field=field)]
    problems = []
    if len(value) < min_length:
        problems.append(_p(path, M_ID_TOO_SHORT, field=field, length=len(value), min=min_length))
    if len(value) > profile.id_max_length:
        problems.append(_p(path, M_ID_TOO_LONG, field=field, length=len(value), max=profile.id_max_length))
    if not re.match(r"[a-z0-9]", value[0]):
        problems.append(_p(path, M_ID_START, field=field))
    if not re.fullmatch(profile.id_pattern, value):
        bad = sorted({c for c in value if not re.fullmatch(r"[a-z0-9_-]", c)})
        if bad:
            problems.append(_p(path, M_ID_CHARS, field=field, bad=" ".join(repr(c) for c in bad)))
    return problems


def check_version(sku: Sku, path: str, profile: Profile) -> list[Problem]:
    # The length first: X.Y.Z with parts of at most 9 digits is never longer than 29 characters, so
    # after the format check the profile's 32-character limit could never be reported.
    if profile.version_max_length and len(sku.version.strip()) > profile.version_max_length:
        return [_p(path, M_VERSION_LONG, value=sku.version, length=len(sku.version.strip()), max=profile.version_max_length)]
    current = parse_version(sku.version)
    if current is None:
        return [_p(path, M_VERSION_FORMAT)]
    published = [v for v in (parse_version(p) for p in sku.published_versions) if v]
    if not published:
        return []
    latest = max(published)
    latest_s = ".".join(map(str, latest))
    suggest = f"{latest[0]}.{latest[1]}.{latest[2] + 1}"
    if not profile.version_only_patch_changes:
        if current <= latest:
            return [_p(path, M_VERSION_NOT_HIGHER, value=sku.version, latest=latest_s, suggest=suggest)]
        return []
    if current in published:
        return [_p(path, M_VERSION_PUBLISHED, value=sku.version, suggest=suggest)]
    if current < latest:
        return [_p(path, M_VERSION_LOWER, value=sku.version, latest=latest_s, suggest=suggest)]
    if current[:2] != latest[:2]:
        return [_p(path, M_VERSION_XY, latest=latest_s, xy=f"{latest[0]}.{latest[1]}", z=latest[2], suggest=suggest)]
    return []


def check_sku(sku: Sku, index: int, profile: Profile) -> list[Problem]:
    base = f"skus[{index}]"
    problems = check_identifier(sku.sku_id, F_SKU_ID, f"{base}.sku_id", profile, profile.id_min_length)
    for attr, label in (("title", F_TITLE), ("summary", F_SUMMARY), ("os_friendly_name", F_OS_NAME)):
        if not getattr(sku, attr).strip():
            problems.append(_p(f"{base}.{attr}", M_REQUIRED, field=label))
    limit = profile.friendly_name_max_length
    if limit and len(sku.os_friendly_name) > limit:  # Partner Center's operatingSystem.friendlyName
        problems.append(_p(f"{base}.os_friendly_name", M_TOO_LONG, field=F_OS_NAME, length=len(sku.os_friendly_name),
                           max=limit))
    if sku.os_family not in (OS_LINUX, OS_WINDOWS):
        problems.append(_p(f"{base}.os_family", M_OS_FAMILY))
    if sku.os_family == OS_WINDOWS:
        problems += _check_base_image(sku, base, profile)
    problems += _check_os_release(sku, base, profile)
    problems += _check_sizes(sku, base, profile)
    problems += check_version(sku, f"{base}.version", profile)
    problems += _check_images(sku, base, profile)
    problems += _check_disks(sku, base, profile)
    problems += _check_ports(sku, base, profile)
    return problems


def _check_os_release(sku: Sku, base: str, profile: Profile) -> list[Problem]:
    """The OS past its end of support (a warning, with the date), and a release Partner Center's schema has no
    operating-system type for (a note: the export sends 'other')."""
    from .os_types import end_of_life, operating_system_type

    problems = []
    where = f"{base}.base_image" if sku.os_family == OS_WINDOWS and sku.base_image else f"{base}.os_friendly_name"
    if profile.os_end_of_life_warns and (eol := end_of_life(sku)) is not None:
        problems.append(_p(where, M_OS_END_OF_LIFE, "warning", name=eol.name, date=eol.end))
    if profile.os_type_note and (unnamed := operating_system_type(sku).unnamed):
        problems.append(_p(where, M_OS_TYPE_OTHER, "warning", schema=SCHEMA_VERSION, release=unnamed))
    return problems


def _check_images(sku: Sku, base: str, profile: Profile) -> list[Problem]:
    """The plan's image types (Partner Center's SKUs), their security types and image sources."""
    problems: list[Problem] = []
    if not sku.images:
        return [_p(f"{base}.images", M_IMAGE_NONE)]
    known = [t["id"] for t in profile.image_types]
    if len(sku.images) > profile.image_types_max:
        problems.append(_p(f"{base}.images", M_IMAGE_TYPES_MAX, count=len(sku.images), max=profile.image_types_max))
    seen: set[str] = set()
    for j, image in enumerate(sku.images):
        where = f"{base}.images[{j}]"
        if image.image_type not in known:
            problems.append(_p(f"{where}.image_type", M_IMAGE_TYPE, value=image.image_type, known=", ".join(known)))
        elif image.image_type in seen:
            problems.append(_p(f"{where}.image_type", M_IMAGE_TYPE_DUP, value=image.image_type))
        seen.add(image.image_type)
        if j > 0 or image.sku_id:  # the first one's default is the plan's ID, checked above
            problems += check_identifier(sku.image_sku_id(image), F_SKU_ID, f"{where}.sku_id", profile, profile.id_min_length)
        for value in image.security_types:
            if image.image_type == IMAGE_X64_GEN1:
                problems.append(_p(f"{where}.security_types", M_SECURITY_GEN1, value=image.image_type))
                break
            if value not in profile.security_types:
                problems.append(_p(f"{where}.security_types", M_SECURITY_TYPE, value=value,
                                   known=", ".join(profile.security_types) or "—"))
            elif image.image_type not in profile.security_type_image_types:
                problems.append(_p(f"{where}.security_types", M_SECURITY_IMAGE, value=image.image_type,
                                   allowed=", ".join(profile.security_type_image_types) or "—"))
                break
        if image.source not in profile.image_sources:
            problems.append(_p(f"{where}.source", M_IMAGE_SOURCE, value=image.source, known=", ".join(profile.image_sources)))
        elif image.source == SOURCE_GALLERY:
            if not GUID_RE.match(image.gallery_tenant_id):
                problems.append(_p(f"{where}.gallery_tenant_id", M_TENANT_ID, value=image.gallery_tenant_id))
            parts = gallery_parts(image.gallery_resource_id)
            if parts is None:
                problems.append(_p(f"{where}.gallery_resource_id", M_GALLERY_ID, value=image.gallery_resource_id))
            elif parse_version(parts["version"]) != parse_version(sku.version) and parse_version(sku.version):
                problems.append(_p(f"{where}.gallery_resource_id", M_GALLERY_VERSION, "warning", value=parts["version"],
                                   version=sku.version))
    problems += _check_security_sizes(sku, base, profile)
    ids = [sku.image_sku_id(im) for im in sku.images]
    for j, value in enumerate(ids):
        if value and value in ids[:j]:
            problems.append(_p(f"{base}.images[{j}].sku_id", M_IMAGE_SKU_DUP, value=value, type=sku.images[j].image_type))
    return problems


def _check_security_sizes(sku: Sku, base: str, profile: Profile) -> list[Problem]:
    """A security type that needs its own sizes (Confidential) is offered only with a recommended size that runs it."""
    known = by_name()
    chosen = [known[n] for n in sku.vm_sizes if n in known]
    problems = []
    for j, image in enumerate(sku.images):
        for value in image.security_types:
            if value in profile.security_types_need_sizes and not any(s.supports(value) for s in chosen):
                examples = [s.name for s in known.values() if s.supports(value) and s.runs(image.image_type)
                            and s.offered_under(profile)][:3]
                problems.append(_p(f"{base}.images[{j}].security_types", M_SECURITY_SIZES, type=image.image_type,
                                   security=value, examples=", ".join(examples) or "DC*/EC* sizes"))
    return problems


PORT_RANGE_RE = re.compile(r"^([0-9]{1,5})(?:-([0-9]{1,5}))?$")
PORT_PROTOCOLS = ("tcp", "udp", "both")


def port_label_re(lo: int, hi: int) -> re.Pattern[str]:
    """Partner Center's port label: lo–hi letters, digits, '_', '.', '-' or blanks, ending in a letter or digit."""
    return re.compile(rf"[A-Za-z0-9_. -]{{{max(lo - 1, 0)},{hi - 1}}}[A-Za-z0-9]")  # used with fullmatch


def port_range_ok(text: str) -> bool:
    m = PORT_RANGE_RE.fullmatch(text)
    if not m:
        return False
    lo, hi = int(m[1]), int(m[2] or m[1])
    return 1 <= lo <= hi <= 65535


def _check_ports(sku: Sku, base: str, profile: Profile) -> list[Problem]:
    problems = []
    if len(sku.open_ports) > profile.open_ports_max:
        problems.append(_p(f"{base}.open_ports", M_PORTS_MAX, count=len(sku.open_ports), max=profile.open_ports_max))
    lo, hi = profile.open_port_label_min_length, profile.open_port_label_max_length
    label_re = port_label_re(lo, hi)
    for i, port in enumerate(sku.open_ports):
        where = f"{base}.open_ports[{i}]"
        if not label_re.fullmatch(port.label):
            problems.append(_p(f"{where}.label", M_PORT_LABEL, value=port.label, min=lo, max=hi))
        if port.protocol not in PORT_PROTOCOLS:
            problems.append(_p(f"{where}.protocol", M_PORT_PROTOCOL))
        if not port_range_ok(port.port_range):
            problems.append(_p(f"{where}.port_range", M_PORT_RANGE, value=port.port_range))
    return problems


def check_open_ports(ports: list[OpenPort], profile: Profile) -> list[Problem]:
    """The open-port rules alone, for a list being edited (paths `open_ports[i].label|protocol|port_range`)."""
    return _check_ports(Sku(open_ports=list(ports)), "", profile)


def _check_base_image(sku: Sku, base: str, profile: Profile) -> list[Problem]:
    if not sku.base_image:
        return [_p(f"{base}.base_image", M_REQUIRED, field=F_BASE_IMAGE)]
    if sku.base_image == BASE_IMAGE_OTHER:
        if not profile.windows_base_approved_after:
            return []  # no date rule in this profile: the certification judges the image
        try:
            published = date.fromisoformat(sku.base_image_date)
        except ValueError:
            return [_p(f"{base}.base_image_date", M_BASE_DATE)]
        if published <= date.fromisoformat(profile.windows_base_approved_after):
            return [_p(f"{base}.base_image_date", M_BASE_DATE_OLD, date=profile.windows_base_approved_after)]
        return []
    if sku.base_image not in profile.windows_base_images:
        return [_p(f"{base}.base_image", M_BASE_UNKNOWN, value=sku.base_image)]
    return []


def _check_sizes(sku: Sku, base: str, profile: Profile) -> list[Problem]:
    problems = []
    count = len(sku.vm_sizes)
    if not profile.vm_sizes_min <= count <= profile.vm_sizes_max:
        if profile.vm_sizes_min == profile.vm_sizes_max:
            problems.append(_p(f"{base}.vm_sizes", M_SIZES_EXACT, min=profile.vm_sizes_min, count=count))
        else:
            problems.append(
                _p(f"{base}.vm_sizes", M_SIZES_RANGE, min=profile.vm_sizes_min, max=profile.vm_sizes_max, count=count)
            )
    known = by_name()
    today = date.today()
    types = [im.image_type for im in sku.images]
    seen: set[str] = set()
    for i, name in enumerate(sku.vm_sizes):
        if not VM_SIZE_NAME_RE.fullmatch(name):
            problems.append(_p(f"{base}.vm_sizes[{i}]", M_SIZE_NAME, value=name))
            continue
        if name in seen:
            problems.append(_p(f"{base}.vm_sizes[{i}]", M_SIZE_DUP, value=name))
        seen.add(name)
        if name in known and not known[name].offered_under(profile, today):
            problems.append(_p(f"{base}.vm_sizes[{i}]", M_SIZE_RETIRED, value=name, date=known[name].retired_on(today)))
            continue
        if name in known and known[name].retiring_on(today):
            retirement = known[name].retirement
            problems.append(_p(f"{base}.vm_sizes[{i}]", M_SIZE_RETIRING, "warning", value=name, date=known[name].retiring_on(today),
                               series=retirement.series if retirement else ""))
        if name not in known:
            problems.append(_p(f"{base}.vm_sizes[{i}]", M_SIZE_UNKNOWN, "warning", value=name))
        elif types and not any(known[name].runs(t) for t in types):
            problems.append(_p(f"{base}.vm_sizes[{i}]", M_SIZE_IMAGE, "warning", value=name, types=", ".join(types)))
    return problems


def _check_disks(sku: Sku, base: str, profile: Profile) -> list[Problem]:
    problems = []
    types = [im.image_type for im in sku.images]
    for i, disk in enumerate(sku.disks):
        if disk.role not in (ROLE_OS, ROLE_DATA):
            problems.append(_p(f"{base}.disks[{i}].role", M_DISK_ROLE))
        if types and disk.image_type not in types:
            problems.append(_p(f"{base}.disks[{i}].image_type", M_DISK_IMAGE, number=i + 1, value=disk.image_type))
    roles = [d.role for d in sku.disks]
    if not roles or roles[0] != ROLE_OS:
        problems.append(_p(f"{base}.disks", M_DISK_OS_FIRST))
    for image_type in dict.fromkeys(types):
        image_roles = [d.role for d in sku.image_disks(image_type)]
        if len(types) == 1 and image_roles == roles:  # one image: the rule as it always read
            if roles and roles[0] == ROLE_OS and roles.count(ROLE_OS) != 1:
                problems.append(_p(f"{base}.disks", M_DISK_OS_FIRST))
        elif not image_roles or image_roles[0] != ROLE_OS or image_roles.count(ROLE_OS) != 1:
            problems.append(_p(f"{base}.disks", M_IMAGE_OS_DISK, type=image_type))
        data_count = image_roles.count(ROLE_DATA)
        if data_count > profile.data_disks_max:
            problems.append(_p(f"{base}.disks", M_DATA_DISKS_MAX, count=data_count, max=profile.data_disks_max,
                               last=profile.data_disks_max - 1))
    return problems


def project_profile(project: Project) -> Profile:
    return load_profile(project.profile_id if project.profile_id in PROFILE_IDS else DEFAULT_PROFILE_ID)


def validate_offer(project: Project, profile: Profile | None = None) -> list[Problem]:
    """Every problem of the offer and its SKUs, in page order."""
    profile = profile or project_profile(project)
    problems = []
    if project.profile_id not in PROFILE_IDS:
        problems.append(_p("profile_id", M_PROFILE, value=project.profile_id))
    offer = project.offer
    problems += check_identifier(offer.publisher_namespace, F_PUBLISHER, "offer.publisher_namespace", profile)
    problems += check_identifier(offer.offer_id, F_OFFER_ID, "offer.offer_id", profile, profile.id_min_length)
    if not offer.offer_name.strip():
        problems.append(_p("offer.offer_name", M_REQUIRED, field=F_OFFER_NAME))
    if not project.skus:
        problems.append(_p("skus", M_NO_SKU))
    seen: dict[str, int] = {}
    for i, sku in enumerate(project.skus):
        problems += check_sku(sku, i, profile)
        if sku.sku_id:
            if sku.sku_id in seen:
                problems.append(_p(f"skus[{i}].sku_id", M_SKU_DUP, value=sku.sku_id))
            seen.setdefault(sku.sku_id, i)
    return problems


def marketplace_urls(publisher: str, offer_id: str, sku_id: str, profile: Profile | None = None) -> tuple[str, ...]:
    """The URLs in which the IDs appear (they cannot change later), as the profile has them: the
    guide's two for 2015, the Marketplace app page today."""
    profile = profile or load_profile(DEFAULT_PROFILE_ID)
    return tuple(t.format(publisher=publisher, offer=offer_id, sku=sku_id) for t in profile.marketplace_url_templates)
