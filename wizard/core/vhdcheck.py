"""Judge an inspected VHD against the project's profile and say exactly how to fix it.

Each finding has a stable id, a severity (pass / info / warning / fail), a plain
message and the fix command for the user's OS (qemu-img on Linux and macOS,
Hyper-V PowerShell on Windows) with the right target size already computed.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import field
from typing import Any

from .i18n_marks import QT_TRANSLATE_NOOP
from .model import OS_LINUX, OS_WINDOWS, ROLE_DATA, ROLE_OS
from .partitions import EFI_SYSTEM_GUID, PartitionTable
from .profiles import Profile
from .records import record
from .shellquote import bash_quote, ps_quote
from .units import readable_size
from .vhd import GIB, MIB, VhdInfo

CTX = "Core"
SEVERITY_ORDER = {"pass": 0, "info": 1, "warning": 2, "fail": 3}


@record
class Finding:
    id: str
    severity: str
    message: str
    fix: str = ""
    template: str = ""
    args: tuple[tuple[str, str], ...] = ()


@record
class VhdReport:
    info: VhdInfo
    role: str
    os_family: str
    profile_id: str
    findings: list[Finding] = field(default_factory=list)
    blob_type: str | None = None

    @property
    def verdict(self) -> str:
        worst = max((SEVERITY_ORDER[f.severity] for f in self.findings), default=0)
        return "fail" if worst == 3 else "warning" if worst == 2 else "pass"

    def to_json(self) -> dict[str, Any]:
        i = self.info
        return {
            "target": i.target, "format": i.format, "disk_type": i.disk_type, "virtual_size": i.virtual_size,
            "file_size": i.file_size, "allocated_bytes": i.allocated_bytes, "verdict": self.verdict,
            "findings": [{"id": f.id, "severity": f.severity, "message": f.message, "fix": f.fix} for f in self.findings],
        }


def host_os() -> str:
    return "windows" if sys.platform.startswith("win") else "macos" if sys.platform == "darwin" else "linux"


def _gib(n: int) -> str:
    return f"{n / GIB:.2f}".rstrip("0").rstrip(".")


# How to get the fix commands' tool on each host OS (the finding's fix is written for that OS).
FIX_TOOL_HINTS = {
    "windows": QT_TRANSLATE_NOOP("Core", "Run it in PowerShell as an administrator. Convert-VHD and Resize-VHD come with "
                                         "Hyper-V's PowerShell module; if they are missing: Enable-WindowsOptionalFeature "
                                         "-Online -FeatureName Microsoft-Hyper-V-Management-PowerShell"),
    "macos": QT_TRANSLATE_NOOP("Core", "Run it in Terminal. qemu-img comes with QEMU from Homebrew: brew install qemu"),
    "linux": QT_TRANSLATE_NOOP("Core", "Run it in a terminal. qemu-img is in the qemu-utils package on Debian and Ubuntu "
                                       "(sudo apt install qemu-utils) and in qemu-img on Fedora and RHEL (sudo dnf install "
                                       "qemu-img)."),
}


def fix_tool_hint(os_name: str | None = None) -> str:
    """Where the fix commands come from on `os_name` (default: this computer), as a template to translate."""
    return FIX_TOOL_HINTS.get(os_name or host_os(), FIX_TOOL_HINTS["linux"])


class _Fixes:
    """The commands users run to repair a disk, per host OS."""

    def __init__(self, target: str, os_name: str):
        self.src = target
        self.windows = os_name == "windows"
        # Quoted for the shell the commands are for (PowerShell on Windows, a POSIX shell elsewhere).
        self.q = ps_quote if self.windows else bash_quote
        stem = target
        for suffix in (".vhdx", ".vhd"):  # disk.vhdx, disk.vhd, disk.vhd.vhdx → disk
            if stem.lower().endswith(suffix):
                stem = stem[:-len(suffix)]
        self.out = f"{stem}-fixed.vhd"

    def convert(self, fmt: str) -> str:
        if self.windows:
            return f"Convert-VHD -Path {self.q(self.src)} -DestinationPath {self.q(self.out)} -VHDType Fixed"
        qfmt = {"vhdx": "vhdx", "raw": "raw"}.get(fmt, "vpc")
        return f"qemu-img convert -f {qfmt} -O vpc -o subformat=fixed,force_size=on {self.q(self.src)} {self.q(self.out)}"

    def resize(self, size: int, fmt: str = "vpc") -> str:
        if self.windows:
            return f"Resize-VHD -Path {self.q(self.src)} -SizeBytes {size}"
        raw = self.out[:-4] + ".raw"
        return (f"qemu-img convert -f {fmt} -O raw {self.q(self.src)} {self.q(raw)} && "
                f"qemu-img resize -f raw {self.q(raw)} {size} && "
                f"qemu-img convert -f raw -O vpc -o subformat=fixed,force_size=on {self.q(raw)} {self.q(self.out)}")


M_EMPTY = QT_TRANSLATE_NOOP("Core", "The file is empty: it is not a disk image.")
M_VHDX = QT_TRANSLATE_NOOP("Core", "This is a VHDX file. Azure needs the older VHD format: convert it to a fixed VHD.")
M_RAW = QT_TRANSLATE_NOOP("Core", "There is no VHD footer: this looks like a raw disk image. Convert it to a fixed VHD.")
M_UNKNOWN = QT_TRANSLATE_NOOP("Core", "This is not a VHD file (no 'conectix' footer) and not a raw image (size is not a multiple of 512).")
M_TRUNCATED = QT_TRANSLATE_NOOP("Core", "The file is truncated: it is shorter than its footer says ({expected} bytes expected). Copy or export it again.")
M_OLD_FOOTER = QT_TRANSLATE_NOOP("Core", "The VHD has an old 511-byte footer (pre-2004 Virtual PC). Azure needs a 512-byte footer: convert it.")
M_CHECKSUM = QT_TRANSLATE_NOOP("Core", "The footer checksum is wrong (stored {stored}, computed {computed}): the file is damaged or was edited.")
M_DYNAMIC = QT_TRANSLATE_NOOP("Core", "The disk is {type}, not fixed. Azure accepts fixed VHDs only: convert it.")
M_DYN_HEADER = QT_TRANSLATE_NOOP("Core", "The dynamic disk header ('cxsparse') is missing or damaged.")
M_FIXED_OK = QT_TRANSLATE_NOOP("Core", "Fixed VHD.")
M_NOT_MIB = QT_TRANSLATE_NOOP("Core", "Virtual size {size} bytes is not a whole number of MiB. Resize to {target} bytes ({mib} MiB).")
M_MIB_OK = QT_TRANSLATE_NOOP("Core", "Virtual size is a whole number of MiB ({mib} MiB).")
M_TOO_SMALL = QT_TRANSLATE_NOOP("Core", "Virtual size is below the minimum of {min} MiB.")
M_FILE_SIZE = QT_TRANSLATE_NOOP("Core", "File size {file} should be the virtual size + 512 = {expected} bytes.")
M_FILE_SIZE_OK = QT_TRANSLATE_NOOP("Core", "File size is the virtual size + 512 bytes.")
M_OS_SMALL = QT_TRANSLATE_NOOP("Core", "The {os} OS disk is {size} GiB; this profile needs at least {min} GiB. Resize to {min} GiB.")
M_OS_LARGE = QT_TRANSLATE_NOOP("Core", "The {os} OS disk is {size} GiB; this profile allows at most {max} GiB.")
M_OS_LARGE_WARN = QT_TRANSLATE_NOOP("Core", "The {os} OS disk is {size} GiB, above {max} GiB: accepted only case by case.")
M_OS_RECOMMENDED = QT_TRANSLATE_NOOP("Core", "The {os} OS disk is {size} GiB; {min}–{max} GiB is recommended.")
M_OS_SIZE_OK = QT_TRANSLATE_NOOP("Core", "The {os} OS disk size {size} GiB is within {min}–{max} GiB.")
M_DATA_LARGE = QT_TRANSLATE_NOOP("Core", "The data disk is {size} GiB; data disks may be at most {max} GiB.")
M_DATA_OK = QT_TRANSLATE_NOOP("Core", "The data disk size {size} GiB is within the {max} GiB limit.")
M_SPARSE = QT_TRANSLATE_NOOP("Core", "Sparse file: {allocated} of {file} are allocated on disk (fine, and faster to upload).")
M_ALLOC_UNKNOWN = QT_TRANSLATE_NOOP("Core", "Allocated size is unknown on this system.")
M_FIRST_MIB = QT_TRANSLATE_NOOP("Core", "Partition {number} starts at sector {start}, before sector {sector}: the first MiB must stay free for Azure.")
M_FIRST_MIB_NONE = QT_TRANSLATE_NOOP("Core", "No partition table found: a Linux OS disk needs one, with every partition from sector {sector} on.")
M_FIRST_MIB_BAD = QT_TRANSLATE_NOOP("Core", "The partition table cannot be read ({problem}): the first MiB could not be checked.")
M_FIRST_MIB_OK = QT_TRANSLATE_NOOP("Core", "No partition starts before sector {sector} ({scheme}): the first MiB is free.")
M_BOOT_GPT_OK = QT_TRANSLATE_NOOP("Core", "GPT with an EFI system partition (partition {number}): the {type} image boots with UEFI.")
M_BOOT_GPT_MBR = QT_TRANSLATE_NOOP("Core", "The disk has an MBR partition table, but a {type} image boots with UEFI: it needs a GPT "
                                           "with an EFI system partition.")
M_BOOT_GPT_NO_ESP = QT_TRANSLATE_NOOP("Core", "The GPT has no EFI system partition: a {type} image cannot boot with UEFI.")
M_BOOT_MBR_OK = QT_TRANSLATE_NOOP("Core", "MBR with the active boot partition {number}: the {type} image boots with BIOS.")
M_BOOT_MBR_GPT = QT_TRANSLATE_NOOP("Core", "The disk has a GPT, but a {type} image boots with BIOS from an MBR: choose a "
                                           "Generation 2 image type for it, or rebuild it with an MBR.")
M_BOOT_MBR_INACTIVE = QT_TRANSLATE_NOOP("Core", "No partition of the MBR is marked active (bootable): a {type} image boots "
                                                "with BIOS from the active partition.")
M_BOOT_UNKNOWN = QT_TRANSLATE_NOOP("Core", "The partition table could not be read ({problem}): whether the {type} image boots "
                                           "could not be checked.")
M_BOOT_NONE = QT_TRANSLATE_NOOP("Core", "No partition table found: a {type} OS disk needs one to boot.")
M_BOOT_NONE_ANY = QT_TRANSLATE_NOOP("Core", "No partition table found (the disk may be empty): an OS disk needs one, with a "
                                            "bootable partition, to boot.")
M_BOOT_NO_PARTITIONS = QT_TRANSLATE_NOOP("Core", "The {scheme} partition table lists no partition: an OS disk needs a bootable "
                                                 "one.")
M_BOOT_ANY_GPT_OK = QT_TRANSLATE_NOOP("Core", "GPT with an EFI system partition (partition {number}): the disk can boot with UEFI.")
M_BOOT_ANY_MBR_OK = QT_TRANSLATE_NOOP("Core", "MBR with the active boot partition {number}: the disk can boot with BIOS.")
M_BOOT_ANY_NONE = QT_TRANSLATE_NOOP("Core", "Neither an EFI system partition nor an active (bootable) partition was found: "
                                            "the OS disk may not boot.")
M_BOOT_ANY_UNKNOWN = QT_TRANSLATE_NOOP("Core", "The partition table could not be read ({problem}): whether the disk boots could "
                                               "not be checked.")
M_BLOB_BLOCK = QT_TRANSLATE_NOOP("Core", "The blob is a {type}, not a page blob: upload the VHD again as a page blob.")
M_BLOB_PAGE_OK = QT_TRANSLATE_NOOP("Core", "The blob is a page blob.")


# What each finding checks, as a person reads it (the table shows this, not the id).
CHECK_NAMES = {
    "format": QT_TRANSLATE_NOOP("Core", "File format"),
    "disk-type": QT_TRANSLATE_NOOP("Core", "Disk type"),
    "dynamic-header": QT_TRANSLATE_NOOP("Core", "Dynamic disk header"),
    "footer-checksum": QT_TRANSLATE_NOOP("Core", "Footer checksum"),
    "footer-511": QT_TRANSLATE_NOOP("Core", "Footer length"),
    "truncated": QT_TRANSLATE_NOOP("Core", "File complete"),
    "file-size": QT_TRANSLATE_NOOP("Core", "File size"),
    "size-whole-mib": QT_TRANSLATE_NOOP("Core", "Size in whole MiB"),
    "size-min": QT_TRANSLATE_NOOP("Core", "Minimum size"),
    "os-disk-size": QT_TRANSLATE_NOOP("Core", "OS disk size"),
    "data-disk-size": QT_TRANSLATE_NOOP("Core", "Data disk size"),
    "sparse": QT_TRANSLATE_NOOP("Core", "Data to upload"),
    "first-mib": QT_TRANSLATE_NOOP("Core", "First MiB"),
    "boot-partitions": QT_TRANSLATE_NOOP("Core", "Boot partitions"),
    "blob-type": QT_TRANSLATE_NOOP("Core", "Blob type"),
}
# Words that fill templates ("a {type} disk"), marked so the Japanese sentence does not keep English.
DISK_TYPE_WORDS = (QT_TRANSLATE_NOOP("Core", "fixed"), QT_TRANSLATE_NOOP("Core", "dynamic"),
                   QT_TRANSLATE_NOOP("Core", "differencing"))


def _f(fid: str, severity: str, template: str, fix: str = "", **args: object) -> Finding:
    return Finding(fid, severity, template.format(**args), fix, template, tuple((k, str(v)) for k, v in args.items()))


def check_vhd(info: VhdInfo, profile: Profile, role: str = ROLE_OS, os_family: str = OS_LINUX,
              user_os: str | None = None, blob_type: str | None = None, image_type: str | None = None) -> VhdReport:
    """Judge a VHD for its role; with `image_type` (x64Gen1, x64Gen2, arm64Gen2) an OS disk's partition
    table is also judged for how that image type boots."""
    report = VhdReport(info=info, role=role, os_family=os_family, profile_id=profile.id, blob_type=blob_type)
    add = report.findings.append
    fixes = _Fixes(info.target, user_os or host_os())
    if blob_type is not None:
        if blob_type.lower() != "pageblob":
            add(_f("blob-type", "fail", M_BLOB_BLOCK, "", type=blob_type))
        else:
            add(_f("blob-type", "pass", M_BLOB_PAGE_OK))
    if info.empty:
        add(_f("format", "fail", M_EMPTY))
        return report
    if info.format == "vhdx":
        add(_f("format", "fail", M_VHDX, fixes.convert("vhdx")))
        return report
    if info.format in ("raw", "unknown"):
        if info.format == "raw":
            add(_f("format", "fail", M_RAW, fixes.convert("raw")))
        else:
            add(_f("format", "fail", M_UNKNOWN))
        return report
    footer = info.footer
    assert footer is not None
    if info.footer_size != 512:
        add(_f("footer-511", "fail", M_OLD_FOOTER, fixes.convert("vpc")))
    if not footer.checksum_ok:
        add(_f("footer-checksum", "fail", M_CHECKSUM, "", stored=f"0x{footer.checksum:08x}",
               computed=f"0x{footer.computed_checksum:08x}"))
    if info.truncated:
        add(_f("truncated", "fail", M_TRUNCATED, "", expected=footer.current_size + info.footer_size))
    if info.disk_type != "fixed":
        add(_f("disk-type", "fail", M_DYNAMIC, fixes.convert("vpc"), type=info.disk_type or f"type {footer.disk_type}"))
        if info.dynamic_header_ok is False:
            add(_f("dynamic-header", "fail", M_DYN_HEADER))
    else:
        add(_f("disk-type", "pass", M_FIXED_OK))
    _check_sizes(report, info, profile, role, os_family, fixes)
    boot = boot_scheme(profile, image_type) if role == ROLE_OS else ""
    if boot and info.partition_table is not None:
        _boot_partitions(info.partition_table, boot, judged_image_type(profile, image_type), add)
    return report


def judged_image_type(profile: Profile, image_type: str | None) -> str:
    """The image type an OS disk is judged as: the one named, else the profile's only one, else ""."""
    return image_type or (profile.image_types[0]["id"] if len(profile.image_types) == 1 else "")


def boot_scheme(profile: Profile, image_type: str | None) -> str:
    """"mbr" or "gpt": how an image type boots (the profile's, or today's for a type the profile lacks).
    Without an image type: the profile's own when it has only one (the 2015 guide: x64 Gen1, BIOS/MBR),
    else "any" (a bootable partition of either scheme) -- an OS disk is never judged without one (issue #32:
    an empty disk passed under the 2015 profile)."""
    from .profiles import load_profile

    key = judged_image_type(profile, image_type)
    if not key:
        return "any"
    facts = profile.image_type(key) or load_profile("partner-center").image_type(key)
    return facts["boot"] if facts else "any"


GPT_FIX = ("Rebuild the image with a GPT and an EFI system partition (FAT32, type EF00, about 100-550 MiB) and a UEFI "
           "boot loader (grub-efi / shim; Windows: mbr2gpt /convert /allowFullOS), or choose the x64 Generation 1 image "
           "type for this disk.")
MBR_GPT_FIX = "Choose x64 Generation 2 as this image's type (it boots GPT/UEFI), or rebuild the image with an MBR partition table."
BOOT_NONE_FIX = ("Check that this is the OS disk's VHD (an empty or blank disk has no partition table): rebuild the image "
                 "from an approved base image, or install the OS on a partitioned disk with a boot loader, then check "
                 "the VHD again.")
ACTIVE_FIX = "Mark the boot partition active: sfdisk --activate <disk> 1 (or fdisk: a), then check the VHD again."


def _boot_partitions(table: PartitionTable, boot: str, image_type: str, add: Callable[[Finding], None]) -> None:
    if table.scheme == "none":
        # No table (an empty or all-zero disk among them): no firmware boots it, whatever the image type.
        if boot == "any":
            add(_f("boot-partitions", "fail", M_BOOT_NONE_ANY, BOOT_NONE_FIX))
        else:
            add(_f("boot-partitions", "fail", M_BOOT_NONE, GPT_FIX if boot == "gpt" else BOOT_NONE_FIX, type=image_type))
    elif table.scheme in ("mbr", "gpt") and not table.partitions:
        add(_f("boot-partitions", "fail", M_BOOT_NO_PARTITIONS, BOOT_NONE_FIX, scheme=table.scheme.upper()))
    elif boot == "any":
        _any_boot(table, add)
    elif table.scheme == "unreadable":
        add(_f("boot-partitions", "warning", M_BOOT_UNKNOWN, "", problem=table.problem, type=image_type))
    elif boot == "gpt":
        esp = next((p for p in table.partitions if p.kind == EFI_SYSTEM_GUID), None)
        if table.scheme != "gpt":
            add(_f("boot-partitions", "fail", M_BOOT_GPT_MBR, GPT_FIX, type=image_type))
        elif esp is None:
            add(_f("boot-partitions", "fail", M_BOOT_GPT_NO_ESP, GPT_FIX, type=image_type))
        else:
            add(_f("boot-partitions", "pass", M_BOOT_GPT_OK, number=esp.number, type=image_type))
    elif table.scheme == "gpt":
        add(_f("boot-partitions", "fail", M_BOOT_MBR_GPT, MBR_GPT_FIX, type=image_type))
    else:
        active = next((p for p in table.partitions if p.bootable), None)
        if active is None:
            add(_f("boot-partitions", "warning", M_BOOT_MBR_INACTIVE, ACTIVE_FIX, type=image_type))
        else:
            add(_f("boot-partitions", "pass", M_BOOT_MBR_OK, number=active.number, type=image_type))


def _any_boot(table: PartitionTable, add: Callable[[Finding], None]) -> None:
    """An OS disk of an image type not named: a table with an EFI system partition or an active one."""
    if table.scheme == "unreadable":
        add(_f("boot-partitions", "warning", M_BOOT_ANY_UNKNOWN, "", problem=table.problem))
        return
    esp = next((p for p in table.partitions if p.kind == EFI_SYSTEM_GUID), None) if table.scheme == "gpt" else None
    active = next((p for p in table.partitions if p.bootable), None) if table.scheme == "mbr" else None
    if esp is not None:
        add(_f("boot-partitions", "pass", M_BOOT_ANY_GPT_OK, number=esp.number))
    elif active is not None:
        add(_f("boot-partitions", "pass", M_BOOT_ANY_MBR_OK, number=active.number))
    else:
        add(_f("boot-partitions", "warning", M_BOOT_ANY_NONE, ACTIVE_FIX))


def _check_sizes(report: VhdReport, info: VhdInfo, profile: Profile, role: str, os_family: str, fixes: _Fixes) -> None:
    add = report.findings.append
    size = info.virtual_size
    fmt = "vpc"
    # The size this disk should have: the profile's bounds, then rounded up to a whole MiB.
    target = size
    if role == ROLE_OS:
        lo, hi = ((profile.linux_os_min_gib, profile.linux_os_max_gib) if os_family != OS_WINDOWS
                  else (profile.windows_os_min_gib, profile.windows_os_max_gib))
        target = min(max(size, lo * GIB), hi * GIB)
    else:
        target = min(size, profile.data_disk_max_gib * GIB)
    target = -(-target // MIB) * MIB
    if profile.vhd_whole_mib and size % MIB:
        add(_f("size-whole-mib", "fail", M_NOT_MIB, fixes.resize(target, fmt), size=size, target=target, mib=target // MIB))
    else:
        add(_f("size-whole-mib", "pass", M_MIB_OK, mib=size // MIB))
    if size < profile.vhd_min_virtual_mib * MIB:
        add(_f("size-min", "fail", M_TOO_SMALL, fixes.resize(max(target, profile.vhd_min_virtual_mib * MIB), fmt),
               min=profile.vhd_min_virtual_mib))
    if info.disk_type == "fixed" and not info.truncated:
        expected = size + 512
        if info.file_size != expected:
            add(_f("file-size", "fail", M_FILE_SIZE, fixes.convert("vpc"), file=info.file_size, expected=expected))
        else:
            add(_f("file-size", "pass", M_FILE_SIZE_OK))
    gib = _gib(size)
    if role == ROLE_OS:
        os_label = "Windows" if os_family == OS_WINDOWS else "Linux"
        if os_family == OS_WINDOWS:
            lo, hi, over = profile.windows_os_min_gib, profile.windows_os_max_gib, "fail"
            rec_lo, rec_hi = lo, hi
        else:
            lo, hi, over = profile.linux_os_min_gib, profile.linux_os_max_gib, profile.linux_os_over_max_severity
            rec_lo, rec_hi = profile.linux_os_recommended_min_gib, profile.linux_os_recommended_max_gib
        if size < lo * GIB:
            add(_f("os-disk-size", "fail", M_OS_SMALL, fixes.resize(target, fmt), os=os_label, size=gib, min=lo))
        elif size > hi * GIB:
            template = M_OS_LARGE_WARN if over == "warning" else M_OS_LARGE
            add(_f("os-disk-size", over, template, fixes.resize(hi * GIB, fmt) if over == "fail" else "",
                   os=os_label, size=gib, max=hi))
        elif not rec_lo * GIB <= size <= rec_hi * GIB:
            add(_f("os-disk-size", "info", M_OS_RECOMMENDED, "", os=os_label, size=gib, min=rec_lo, max=rec_hi))
        else:
            add(_f("os-disk-size", "pass", M_OS_SIZE_OK, os=os_label, size=gib, min=lo, max=hi))
        if needs_first_mib(profile, role, os_family) and info.partition_table is not None:
            _first_mib(info.partition_table, profile.linux_os_first_partition_min_sector, add)
    elif role == ROLE_DATA:
        if size > profile.data_disk_max_gib * GIB:
            add(_f("data-disk-size", "fail", M_DATA_LARGE, fixes.resize(profile.data_disk_max_gib * GIB, fmt),
                   size=gib, max=profile.data_disk_max_gib))
        else:
            add(_f("data-disk-size", "pass", M_DATA_OK, size=gib, max=profile.data_disk_max_gib))
    if info.allocated_bytes is None:
        add(_f("sparse", "info", M_ALLOC_UNKNOWN))
    elif info.allocated_bytes < info.file_size:
        add(_f("sparse", "info", M_SPARSE, allocated=readable_size(info.allocated_bytes), file=readable_size(info.file_size)))


def needs_first_mib(profile: Profile, role: str, os_family: str) -> bool:
    """Whether the partition table is read: the profile's first-MiB rule, for a Linux OS disk."""
    return profile.linux_os_first_partition_min_sector > 0 and role == ROLE_OS and os_family == OS_LINUX


FIRST_MIB_FIX = ("Re-create the partition so that it starts at sector 2048 or later (1 MiB alignment: "
                 "sfdisk or parted default to it), or rebuild the image from an approved base image.")


def _first_mib(table: PartitionTable, sector: int, add: Callable[[Finding], None]) -> None:
    if table.scheme == "none":
        add(_f("first-mib", "warning", M_FIRST_MIB_NONE, sector=sector))
    elif table.scheme == "unreadable":
        add(_f("first-mib", "warning", M_FIRST_MIB_BAD, problem=table.problem))
    elif early := table.starting_before(sector):
        first = early[0]
        add(_f("first-mib", "warning", M_FIRST_MIB, FIRST_MIB_FIX, number=first.number, start=first.start, sector=sector))
    else:
        add(_f("first-mib", "pass", M_FIRST_MIB_OK, sector=sector, scheme=table.scheme.upper()))
