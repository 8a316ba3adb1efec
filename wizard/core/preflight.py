"""Pre-flight: the Linux test cases judged from the VHD file itself, before upload and before any VM.

`offline_sections` builds the same "@@@name" sections `resources/probes/linux-probe.sh` prints on a
running VM, from the files in the image (`imagefs`), and `linux_checks.judge` gives the verdicts —
the same judges, so a pre-flight and a test-VM run of one image can be compared case by case.

Where the running system answers and a file cannot, the file that decides at boot stands in: the
kernel command line comes from the boot loader's configuration (on a UEFI image the EFI System
Partition's `EFI/<vendor>/grub.cfg` first, as the firmware's GRUB reads it), swap from fstab and the partition
table, sysctl values from /etc/sysctl*, firewall rules from the saved rule files, versions from the
package database (dpkg). A case whose evidence only a running system has is Skipped with the reason
(`unavailable`). Nothing in the image is executed, and no hash leaves /etc/shadow: only "user
password|locked", as on the VM.
"""

from __future__ import annotations

import fnmatch
import multiprocessing
import os
import posixpath
import re
import struct
import sys
import time
from dataclasses import field
from typing import Any

from .checks import CheckResult, version_tuple
from .imagefs import (
    MAX_FILE,
    SWAP,
    Budget,
    BudgetExceeded,
    CountingReader,
    FileInfo,
    ImageError,
    Limits,
    OpenedImage,
    open_image,
)
from .linux_checks import CASES, Evidence, distro, judge, system_info
from .profiles import Profile
from .progress import Cancelled, CancelToken, Progress, no_progress
from .records import record

POLL_SECONDS = 0.05  # how often the parent looks at Cancel while the child reads
KILL_GRACE = 2.0  # past the run's deadline the child gets this long to answer before it is killed
MAX_HOMES = 2000  # a passwd file listing more homes is not an image to publish; the rest are not looked at
HISTORY_MAX_DIRS = 5000  # folders searched per home for history files (LISA's find has no bound; the probe's is its timeout)
WAAGENT_PATHS = ("/usr/sbin/waagent", "/usr/bin/waagent", "/usr/local/sbin/waagent", "/usr/local/bin/waagent")
SSHD_PATHS = ("/usr/sbin/sshd", "/usr/bin/sshd", "/sbin/sshd")
TOOL_DIRS = ("/usr/local/sbin", "/usr/local/bin", "/usr/sbin", "/usr/bin", "/sbin", "/bin")
IFUPDOWN_DIRS = ("/sbin", "/usr/sbin")
NETWORK_FILES = ("/etc/network/interfaces", "/etc/sysconfig/network-scripts/ifcfg-eth0")
NETWORK_GLOBS = (("/etc/netplan", ".yaml"), ("/etc/systemd/network", ".network"))
WANTS_DIRS = ("/etc/systemd/system/multi-user.target.wants", "/etc/systemd/system/network-online.target.wants")
SYSCTL_FILES = ("/etc/sysctl.conf",)
SYSCTL_DIRS = ("/usr/lib/sysctl.d", "/lib/sysctl.d", "/etc/sysctl.d")  # later ones win, as systemd-sysctl reads them
SAVED_RULES = ("/etc/iptables/rules.v4", "/etc/iptables/rules.v6", "/etc/sysconfig/iptables", "/etc/sysconfig/ip6tables")
GRUB_CFGS = ("/boot/grub/grub.cfg", "/boot/grub2/grub.cfg")
ESP = "ESP:"  # how a file on the EFI System Partition is named (its mount point is the VM's business)
MAX_ESP_VENDORS = 32  # EFI/<vendor> folders looked at (a real ESP has one to three)
MAX_GRUB_CFG = 1024 * 1024
HV_DIRS = ("kernel/drivers/hv", "kernel/drivers/scsi", "kernel/drivers/net/hyperv")
DPKG_STATUS = "/var/lib/dpkg/status"
ELF_MACHINES = {(2, 0x3E): "x86_64", (2, 0xB7): "aarch64", (1, 0x03): "i686", (1, 0x28): "armv7l", (2, 0xF3): "riscv64",
                (2, 0x15): "ppc64le", (2, 0x16): "s390x"}

# Reasons a case is Skipped offline (English; the record keeps them as the actual value).
NEEDS_VM = "needs a running system: {what} — run the test VM"
# The cases whose evidence only a running system has, whatever the image holds.
RUNNING_ONLY = {"security-updates": "which updates are pending is asked of the package servers",
                **{c.id: c.online for c in CASES if c.online}}
# The files the probe's network_files, repos and grub_files sections read (resources/probes/linux-probe.sh).
NETWORK_CONF_FILES = ("/etc/sysconfig/network", "/etc/sysconfig/network-scripts/ifcfg-eth0", "/etc/systemd/networkd.conf",
                      "/etc/sysconfig/network/dhcp", "/etc/dhcpcd.conf", "/etc/dhcp/dhclient.conf", "/etc/yum.conf")
EXISTS_FILES = ("/etc/NetworkManager/system-connections/eth0.nmconnection",
                "/etc/NetworkManager/system-connections/cloud-init-eth0.nmconnection",
                "/lib/udev/rules.d/75-persistent-net-generator.rules", "/etc/udev/rules.d/70-persistent-net.rules",
                "/usr/lib64/udev/rules.d/75-persistent-net-generator.rules", "/usr/lib64/udev/rules.d/70-persistent-net.rules",
                "/usr/sbin/NetworkManager")
REPO_FILES = (("/etc/apt", "sources.list", ""), ("/etc/apt/sources.list.d", "", ".list"), ("/etc/apt/sources.list.d", "", ".sources"),
              ("/etc/yum.repos.d", "", ".repo"), ("/etc/zypp/repos.d", "", ".repo"))
GRUB_LISA_FILES = ("/boot/grub/grub.cfg", "/boot/grub2/grub.cfg", "/boot/grub/grub.conf", "/boot/grub2/grubenv", "/boot/grub/menu.lst")
GRUB_LISA_WORDS = re.compile(r"libata\.atapi_enabled=0|reserve=0x1f0,0x8|numa=off")

NOT_VHD = "not a fixed VHD ({what}): the pre-flight reads fixed VHDs and raw disks"


class PreflightError(Exception):
    """The image cannot be read offline (not a fixed VHD, no readable Linux root file system)."""


@record
class Preflight:
    """A finished pre-flight: the results (in certify's shape), the disk layout, what was read."""

    target: str
    results: list[CheckResult]
    system: dict[str, str]
    evidence: Evidence
    layout: str
    bytes_read: int
    reads: int
    started: str
    finished: str
    notes: list[str] = field(default_factory=list)


class _Image:
    """Reads image paths through the right file system (/boot may be separate), with a cap."""

    def __init__(self, opened: OpenedImage):
        self.opened = opened

    def text(self, path: str, limit: int = MAX_FILE) -> str:
        fs, inner = self.opened.files(path)
        return fs.text(inner, limit)

    def raw(self, path: str, limit: int) -> bytes | None:
        fs, inner = self.opened.files(path)
        return fs.read(inner, limit)

    def stat(self, path: str) -> FileInfo | None:
        fs, inner = self.opened.files(path)
        return fs.stat(inner)

    def is_file(self, path: str) -> bool:
        st = self.stat(path)
        return st is not None and st.kind == "file"

    def is_executable(self, path: str) -> bool:
        st = self.stat(path)
        return st is not None and st.executable

    def listdir(self, path: str) -> list[str]:
        fs, inner = self.opened.files(path)
        return fs.listdir(inner)

    def glob(self, folder: str, suffix: str = "") -> list[str]:
        """`folder/*suffix` as sh sorts it: no dot files, only what exists."""
        return [f"{folder}/{n}" for n in self.listdir(folder) if not n.startswith(".") and n.endswith(suffix)]


def _cat(img: _Image, paths: list[str] | tuple[str, ...], headed: bool = False) -> str:
    out = []
    for path in paths:
        if img.is_file(path):
            shown = re.sub(r"[\x00-\x1f\x7f]", "?", path)  # a name with a newline stays on its header line
            out.append((f"### {shown}\n" if headed else "") + img.text(path).rstrip("\n"))
    return "\n".join(out)


def dpkg_packages(text: str) -> dict[str, str]:
    """Installed package → version, from /var/lib/dpkg/status (stanzas of `Field: value`)."""
    found: dict[str, str] = {}
    for stanza in re.split(r"\n\s*\n", text):
        fields = dict(re.findall(r"(?m)^([A-Za-z-]+):[ \t]*(.*)$", stanza))
        name, version, status = fields.get("Package"), fields.get("Version"), fields.get("Status", "")
        if name and version and status.endswith(" installed"):
            found[name] = version
    return found


def upstream_version(version: str) -> str:
    """2:3.0.11-1~deb12u2 → 3.0.11 (no epoch, no Debian revision)."""
    version = version.split(":", 1)[-1]
    return version.rsplit("-", 1)[0] if "-" in version else version


def _sysctl(img: _Image, key: str) -> str:
    """The last value a sysctl file sets for `key` ("." or "/" separated), or ""."""
    files = list(SYSCTL_FILES)
    for folder in SYSCTL_DIRS:
        files += img.glob(folder, ".conf")
    wanted = key.replace("/", ".")
    value = ""
    for path in files:
        for line in img.text(path).splitlines():
            line = line.strip()
            if not line or line[0] in "#;" or "=" not in line:
                continue
            k, v = line.split("=", 1)
            if k.strip().lstrip("-").replace("/", ".") == wanted:
                value = v.strip()
    return value


def _grub_default(text: str) -> str:
    values = {}
    for m in re.finditer(r"(?m)^[ \t]*(GRUB_CMDLINE_LINUX(?:_DEFAULT)?)=(.*)$", text):  # [ \t]: not across lines
        raw = m.group(2).strip()
        if len(raw) >= 2 and raw[0] == raw[-1] and raw[0] in "\"'":
            raw = raw[1:-1]
        values[m.group(1)] = raw
    return " ".join(v for v in (values.get("GRUB_CMDLINE_LINUX", ""), values.get("GRUB_CMDLINE_LINUX_DEFAULT", "")) if v)


def _linux_lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if re.match(r"\s*linux(efi|16)?\s", line)]


def _grub_words(line: str) -> list[str]:
    """A grub.cfg line's words, quotes removed (GRUB's own quoting: '…' and "…")."""
    return [w.replace("'", "").replace('"', "") for w in line.split()]


def _handover(text: str, opened: OpenedImage) -> list[str]:
    """The image paths a stub grub.cfg hands over to with `configfile`, the likelier first.

    Ubuntu's and Debian's ESP stub: `search.fs_uuid UUID root`, `set prefix=($root)'/boot/grub'`,
    `configfile $prefix/grub.cfg`; the RHEL family's (9 and later): `search … --fs-uuid --set=dev UUID`,
    `set prefix=($dev)/grub2`, `configfile $prefix/grub.cfg`. The path is inside the file system the
    UUID names: the root, or a separate /boot (then it is /boot/… in the image)."""
    variables: dict[str, str] = {}
    uuid = ""
    targets: list[str] = []
    for line in text.splitlines():
        words = _grub_words(line)
        if not words or words[0].startswith("#"):
            continue
        if words[0] == "set" and len(words) > 1 and "=" in words[1]:
            name, value = words[1].split("=", 1)
            variables[name] = value
        elif words[0].startswith("search"):
            uuid = next((w for w in words[1:] if re.fullmatch(r"[0-9A-Fa-f-]{8,}", w)), uuid)
        elif words[0] == "configfile" and len(words) > 1:
            target = re.sub(r"\$\{?(\w+)\}?", lambda m: variables.get(m.group(1), ""), words[1])
            target = re.sub(r"^\([^)]*\)", "", target)  # the device: (hd0,gpt2), ($root) after substitution
            if target.startswith("/"):
                # GRUB does not come back from the first configfile: later lines never run. One spelling
                # of the path ("//x", "/./x" are "/x"), so a crafted stub cannot make it read a file twice.
                targets.append("/" + posixpath.normpath(target).lstrip("/"))
                break
    wanted = uuid.replace("-", "").lower()
    out: list[str] = []
    for target in targets:
        on_boot = "/boot" + target
        by_uuid = {fs.partition.superblock.uuid: path for fs, path in ((opened.root, target), (opened.boot, on_boot))
                   if fs is not None and fs.partition.superblock is not None}
        if wanted and wanted in by_uuid:
            out.append(by_uuid[wanted])
        out += [target] if target.startswith("/boot/") else [target, on_boot]
    return list(dict.fromkeys(out))


def _boot_configs(img: _Image) -> tuple[list[tuple[str, list[str]]], list[str]]:
    """The boot loader's configuration files with `linux` entries, the one the firmware reads first
    (name, entry lines), and notes on what was passed over.

    First the ESP's EFI/<vendor>/grub.cfg (EFI/BOOT, the fallback loader's, last): its entries when it
    has them, else the file its `configfile` hands over to; then /boot/grub/grub.cfg, /boot/grub2/grub.cfg."""
    found: list[tuple[str, list[str]]] = []
    notes: list[str] = []
    esp = img.opened.esp
    if esp is not None:
        vendors = sorted(esp.listdir("/EFI"), key=lambda n: (n.casefold() == "boot", n.casefold()))[:MAX_ESP_VENDORS]
        seen: set[str] = set()  # cross-linked vendor folders show one file under many names: taken once
        for vendor in vendors:
            st = esp.stat(f"/EFI/{vendor}/grub.cfg")
            if st is None or st.kind != "file":
                continue
            text = esp.text(st.path, MAX_GRUB_CFG)
            if text in seen:
                continue
            seen.add(text)
            lines = _linux_lines(text)
            if lines:
                found.append((ESP + st.path, lines))
                continue
            targets = _handover(text, img.opened)
            followed = next(((t, lines) for t in targets if (lines := _linux_lines(img.text(t, MAX_GRUB_CFG)))), None)
            if followed:
                found.append(followed)
            elif targets:
                notes.append(f"{ESP}{st.path} hands over to {targets[0]}, which has no boot entry in the image")
    for path in GRUB_CFGS:
        lines = _linux_lines(img.text(path, MAX_GRUB_CFG))
        if lines:
            found.append((path, lines))
    unique: dict[str, list[str]] = {}  # a stub's target is often one of GRUB_CFGS too
    for name, lines in found:
        unique.setdefault(name, lines)
    return list(unique.items()), notes


def _boot_command_line(img: _Image, configs: list[tuple[str, list[str]]]) -> tuple[str, str]:
    """(command line, where from): the first boot entry of the grub.cfg booted, else BLS entries, else
    what /etc/default/grub builds."""
    for path, lines in configs:
        words = lines[0].split()[2:]  # "linux /vmlinuz-… args…"
        return " ".join(w for w in words if not w.startswith("$")), path
    for folder in ("/boot/loader/entries",):
        for entry in img.glob(folder, ".conf"):
            m = re.search(r"(?m)^options\s+(.*)$", img.text(entry))
            if m:
                options = m.group(1).strip()
                if "$" not in options:
                    return options, entry
                # RHEL 8: "options $kernelopts …", the value in grubenv — on a UEFI image the ESP's
                # EFI/<vendor>/grubenv (/boot/grub2/grubenv is a link to /boot/efi/EFI/<vendor>/grubenv).
                env, env_name = _grubenv(img)
                words = [env.get(w.strip("${}"), "") if w.startswith("$") else w for w in options.split()]
                return " ".join(w for w in words if w), entry + (f" (variables from {env_name})" if env_name else "")
    return _default_command_line(img), "/etc/default/grub"


def _grubenv(img: _Image) -> tuple[dict[str, str], str]:
    """GRUB's environment block (`key=value` lines, `#` padding to 1 KiB) and where it was found."""
    places: list[tuple[str, str]] = []
    esp = img.opened.esp
    if esp is not None:
        for vendor in sorted(esp.listdir("/EFI"), key=str.casefold)[:MAX_ESP_VENDORS]:
            st = esp.stat(f"/EFI/{vendor}/grubenv")
            if st is not None and st.kind == "file":
                places.append((ESP + st.path, esp.text(st.path, 64 * 1024)))
    places += [(path, img.text(path, 64 * 1024)) for path in ("/boot/grub2/grubenv", "/boot/grub/grubenv")]
    for name, text in places:
        env = dict(line.split("=", 1) for line in text.splitlines() if "=" in line and not line.startswith("#"))
        if env:
            return env, name
    return {}, ""


def _default_command_line(img: _Image) -> str:
    parts = [_grub_default(img.text("/etc/default/grub"))]
    parts += [_grub_default(img.text(p)) for p in img.glob("/etc/default/grub.d", ".cfg")]
    return " ".join(p for p in parts if p)


def _kernel_release(img: _Image, configs: list[tuple[str, list[str]]]) -> str:
    """The kernel the image boots: the booted grub.cfg's first entry, else the newest in /boot or /lib/modules."""
    for _path, lines in configs[:1]:
        words = lines[0].split()
        if len(words) > 1 and "vmlinuz-" in words[1]:
            return words[1].rsplit("vmlinuz-", 1)[1]
    names = [n.removeprefix("vmlinuz-") for n in img.listdir("/boot") if n.startswith("vmlinuz-")]
    names += img.listdir("/lib/modules")
    ranked = sorted((version_tuple(n) or (), n) for n in set(names) if version_tuple(n))
    return ranked[-1][1] if ranked else ""


def _elf_machine(img: _Image) -> str:
    for path in ("/bin/sh", "/usr/bin/env", "/sbin/init", "/bin/ls"):
        head = img.raw(path, 20)
        if head and len(head) >= 20 and head[:4] == b"\x7fELF":
            endian = "<" if head[5] == 1 else ">"
            machine, = struct.unpack_from(endian + "H", head, 18)
            return ELF_MACHINES.get((head[4], machine), f"unknown ELF machine 0x{machine:x}")
    return ""


def _tool(img: _Image, names: tuple[str, ...]) -> str:
    for folder in TOOL_DIRS:
        for name in names:
            if img.is_executable(f"{folder}/{name}"):
                return f"{folder}/{name}"
    return ""


def _agent_version(img: _Image, packages: dict[str, str]) -> str:
    for name in ("walinuxagent", "waagent", "WALinuxAgent"):
        if name in packages:
            return upstream_version(packages[name])
    for lib in ("/usr/lib", "/usr/local/lib", "/usr/lib64"):
        for python in (n for n in img.listdir(lib) if n.startswith("python")):
            for where in ("dist-packages", "site-packages"):
                m = re.search(r"(?m)^AGENT_VERSION\s*=\s*['\"]([\d.]+)['\"]",
                              img.text(f"{lib}/{python}/{where}/azurelinuxagent/common/version.py", 256 * 1024))
                if m:
                    return m.group(1)
    return ""


def _iptables(img: _Image) -> str:
    if not _tool(img, ("iptables",)):
        return "not-installed"
    policies = {"INPUT": "ACCEPT", "FORWARD": "ACCEPT", "OUTPUT": "ACCEPT"}
    rules = []
    for path in SAVED_RULES:
        for line in img.text(path).splitlines():
            line = line.strip()
            m = re.match(r":(INPUT|FORWARD|OUTPUT)\s+(ACCEPT|DROP)\b", line)
            if m:
                policies[m.group(1)] = m.group(2)
            elif line.startswith("-A "):
                rules.append(line)
    return "\n".join([f"-P {chain} {policy}" for chain, policy in policies.items()] + rules)


def _shadow(img: _Image) -> str:
    """Only "user password|locked", as the probe prints: the hash never leaves the parse."""
    out = []
    for line in img.text("/etc/shadow").splitlines():
        fields = line.split(":")
        if len(fields) < 2 or not fields[0]:
            continue
        if line.lstrip().startswith("#"):
            continue
        locked = fields[1] in ("", "x") or "*" in fields[1] or "!" in fields[1]  # LISA verify_no_pre_exist_users
        out.append(f"{fields[0]} {'locked' if locked else 'password'}")
    return "\n".join(out)


def offline_sections(opened: OpenedImage, cancel: CancelToken | None = None) -> tuple[Evidence, dict[str, str], list[str]]:
    """The probe's sections from the image's files; the sections only a running system has (→ reason);
    notes for the publisher (where a value came from)."""
    img = _Image(opened)
    ev: Evidence = {}
    unavailable: dict[str, str] = {}
    notes: list[str] = []

    def step() -> None:
        if cancel is not None:
            cancel.raise_if_cancelled()

    packages = dpkg_packages(img.text(DPKG_STATUS, 64 * 1024 * 1024))
    configs, boot_notes = _boot_configs(img)
    notes += boot_notes
    release = _kernel_release(img, configs)
    ev["uname_m"] = _elf_machine(img)
    if not ev["uname_m"]:
        unavailable["uname_m"] = NEEDS_VM.format(what="no ELF program found to tell the architecture")
    ev["uname_r"] = release
    if not release:
        unavailable["uname_r"] = NEEDS_VM.format(what="no kernel found in /boot or /lib/modules")
    ev["tcp_sack"] = _sysctl(img, "net.ipv4.tcp_sack")
    ev["os_release"] = img.text("/etc/os-release") or img.text("/usr/lib/os-release")
    ev["redhat_release"] = (img.text("/etc/redhat-release").splitlines() or [""])[0][:200]  # as the probe: its first line
    step()
    cmdline, source = _boot_command_line(img, configs)
    ev["cmdline"] = cmdline
    notes.append(f"kernel command line from {source}")
    default = _default_command_line(img).split()
    booted = set(cmdline.split())
    dropped = [w for w in dict.fromkeys(default) if w not in booted]
    if source != "/etc/default/grub" and dropped:  # the booted file wins, as on the VM
        shown = " ".join(dropped[:8]) + (" …" if len(dropped) > 8 else "")
        notes.append(f"/etc/default/grub sets {shown}, which {source} does not boot with: "
                     "the boot loader's file is judged (regenerate it to apply /etc/default/grub)")
    # As the probe prints it: /etc/default/grub, then each grub.cfg's entry lines under its name.
    ev["grub"] = "\n".join([img.text("/etc/default/grub").rstrip("\n")] +
                           [f"### {name}\n" + "\n".join(lines) for name, lines in configs])
    swap_parts = [p for p in opened.layout.partitions if p.filesystem == SWAP]
    ev["swaps"] = "\n".join(["Filename Type Size Used Priority"] +
                            [f"{p.device} partition {p.length // 1024} 0 -2" for p in swap_parts])
    ev["fstab"] = img.text("/etc/fstab")
    ev["mounts"] = _root_mount(ev["fstab"], opened)
    root_dev = ev["mounts"].split()[0]
    os_disk = opened.root.partition.device.removeprefix("/dev/").rstrip("0123456789") or "sda"
    swap_files, swap_named = _fstab_swaps(ev["fstab"], {p.device for p in swap_parts})  # on at boot: /proc/swaps to be
    ev["swaps"] += "".join(f"\n{f} file 0 0 -2" for f in swap_files) + "".join(f"\n{d} partition 0 0 -2" for d, _ in swap_named)
    ev["swap_devices"] = "\n".join([f"swap {p.device} partition {p.device} {os_disk}" for p in swap_parts] +
                                   [f"swap {f} file {root_dev} {os_disk}" for f in swap_files] +
                                   [f"swap {d} partition {d} {disk or os_disk}" for d, disk in swap_named] + [f"root {root_dev} {os_disk}"])
    step()
    homes = ["/root"] + sorted({f.split(":")[5] for f in img.text("/etc/passwd").splitlines()
                                if len(f.split(":")) > 6 and f.split(":")[6].strip().endswith("sh")})
    history = []
    for home in list(dict.fromkeys(homes))[:MAX_HOMES]:
        if home.rstrip("/"):  # as the probe: a home of / is not searched
            history += _history_files(img, home.rstrip("/"))
    ev["history"] = "\n".join(history)
    step()
    agent = next((p for p in WAAGENT_PATHS if img.is_executable(p)), "")
    if agent:
        version = _agent_version(img, packages)
        ev["waagent"] = f"path {agent}\nWALinuxAgent-{version}" if version else f"path {agent}"
        if not version:
            unavailable["waagent"] = NEEDS_VM.format(what="the agent's version is not in the package database")
    else:
        ev["waagent"] = ""
    ev["waagent_conf"] = img.text("/etc/waagent.conf")
    if not img.is_file("/etc/waagent.conf") and img.is_file("/usr/share/oem/waagent.conf"):  # Flatcar / CoreOS, as the probe
        ev["waagent_conf"] = "#@read-from /usr/share/oem/waagent.conf\n" + img.text("/usr/share/oem/waagent.conf")
    ev["sshd_config"] = img.text("/etc/ssh/sshd_config")
    if not img.is_file("/etc/ssh/sshd_config"):  # the vendor's file, as the probe reads it (SUSE 16, Tumbleweed)
        vendor = next((f for f in ("/usr/etc/ssh/sshd_config", "/usr/local/etc/ssh/sshd_config") if img.is_file(f)), "")
        ev["sshd_config"] = f"#@read-from {vendor}\n{img.text(vendor)}" if vendor else ""
    ev["sshd_dropins"] = _cat(img, img.glob("/etc/ssh/sshd_config.d", ".conf") + img.glob("/usr/etc/ssh/sshd_config.d", ".conf"),
                              headed=True)
    ev["sshd_binary"] = "\n".join(p for p in SSHD_PATHS if img.is_executable(p))
    step()
    for section, package_names, binaries, label in (
            ("python", ("python3", "python3-minimal", "python"), ("python3", "python"), "Python"),
            ("openssl", ("openssl",), ("openssl",), "OpenSSL")):
        version = next((upstream_version(packages[n]) for n in package_names if n in packages), "")
        if version:
            ev[section] = f"{label} {version}"
        elif _tool(img, binaries):
            ev[section] = ""
            unavailable[section] = NEEDS_VM.format(what=f"{label}'s version is not in the package database")
        else:
            ev[section] = ""  # not installed: the judge says so
    ev["python_pyasn1"] = upstream_version(packages.get("python3-pyasn1", ""))
    ev["ifupdown"] = "\n".join(next((f"{d}/{c}" for d in IFUPDOWN_DIRS + ("/usr/bin", "/bin") if img.is_executable(f"{d}/{c}")), "")
                               for c in ("ifup", "ifdown")).strip()
    ev["modules"] = "\n".join(_hv_modules(img, release))
    ev["resolv"] = img.text("/etc/resolv.conf")
    ev["sudoers"] = "\n".join(t for t in [img.text("/etc/sudoers")] + [img.text(p) for p in img.glob("/etc/sudoers.d")] if t)
    ev["shadow"] = _shadow(img)
    step()
    network = list(NETWORK_FILES)
    for folder, suffix in NETWORK_GLOBS:
        network += img.glob(folder, suffix)
    ev["network"] = _cat(img, network, headed=True)
    ev["network_manager"] = "\n".join(n for d in WANTS_DIRS for n in img.listdir(d))
    ev["ipv6"] = _sysctl(img, "net.ipv6.conf.all.disable_ipv6")
    ev["iptables"] = _iptables(img)
    notes.append("firewall rules from the saved rule files (rules a service adds at boot are seen on the test VM only)")
    glibc = next((upstream_version(packages[n]) for n in ("libc6", "libc6-amd64", "glibc") if n in packages), "")
    ev["glibc"] = f"glibc {glibc}" if glibc else ""
    if opened.esp is not None:
        notes += [f"the EFI System Partition ({opened.esp.device}) is damaged: {p}" for p in opened.esp.problems]
    _lisa_sections(img, ev, release, packages, opened)
    if distro(ev).sles and "### /etc/zypp/repos.d/" not in ev["repos"]:
        # a SLES image gets its repositories when it registers at first boot (cloud-regionsrv-client): LISA sees them then
        unavailable["repos"] = NEEDS_VM.format(what="SLES adds its repositories when it registers at first boot (registercloudguest)")
    ev["console_log"] = ""  # the boot log's console line: a booted system's (offline the command line decides)
    for section in ("processes", "boot_log", "cloud_init", "resource_disk"):
        ev[section] = ""
        unavailable[section] = NEEDS_VM.format(what="it is evidence of a booted system")
    ev["end"] = ""
    return ev, unavailable, notes


def _fstab_swaps(fstab: str, partitions: set[str]) -> tuple[list[str], list[tuple[str, str]]]:
    """What fstab turns on at boot (not `noauto`): swap files, and swap devices not in the partition table
    with their disk ("" for UUID=/LABEL=: the image's own fstab names its own disk)."""
    files, named = [], []
    for line in fstab.splitlines():
        w = line.split()
        if len(w) < 4 or w[0].startswith("#") or w[2] != "swap" or "noauto" in w[3].split(","):
            continue
        if w[0].startswith("/") and not w[0].startswith("/dev/"):
            files.append(w[0])
        elif w[0] not in partitions:
            m = re.fullmatch(r"/dev/((?:[shv]|xv)d[a-z]+|nvme\d+n\d+)p?\d*", w[0])
            named.append((w[0], m.group(1) if m else ""))
    return files, named


def _lisa_sections(img: _Image, ev: Evidence, release: str, packages: dict[str, str], opened: OpenedImage) -> None:
    """The sections LISA's cases read, from the image's files, as the probe prints them."""
    ev["user"] = ""  # nobody is connected: every account is judged
    ev["user_home"] = ""
    ev["sshd_t"] = ""
    grub = []
    for path in GRUB_LISA_FILES:
        if img.is_file(path):
            grub.append(f"### {path}")
            grub += sorted(set(GRUB_LISA_WORDS.findall(img.text(path, MAX_GRUB_CFG))))
    ev["grub_files"] = "\n".join(grub)
    omi = packages.get("omi", "")
    ev["omi"] = f"ii  omi  {upstream_version(omi)}" if omi else ""
    config = f"/boot/config-{release}" if release else ""
    if config and not img.is_file(config) and img.is_file(f"/usr{config}"):  # Flatcar / CoreOS, as the probe
        config = f"/usr{config}"
    text = img.text(config) if config else ""
    ev["kernel_config"] = "\n".join([f"### {config}"] + [line for line in text.splitlines()
                                                         if line.startswith(("CONFIG_WATCHDOG=", "CONFIG_CIFS="))]) if text else ""
    if config and not img.is_file(config):  # a known kernel without its config: LISA's KernelConfig tool finds nothing
        ev["kernel_config"] = "none"
    keys = []
    for line in img.text("/etc/passwd").splitlines()[:MAX_HOMES]:
        f = line.split(":")
        if len(f) < 6 or "nologin" in line:
            continue
        path = f"{f[5].rstrip('/')}/.ssh/authorized_keys"
        st = img.stat(path)
        if st is None or st.kind != "file":
            continue
        body = img.text(path) if st.size else ""
        keys.append(f"{f[0]} {path} {'empty' if not st.size else 'notice' if 'Please login as the user' in body else 'keys'}")
    ev["authorized_keys"] = "\n".join(keys)
    net = []
    for path in NETWORK_CONF_FILES:
        if img.is_file(path):
            net.append(f"### {path}")
            net += [line for line in img.text(path).splitlines()
                    if re.match(r"\s*[A-Za-z_]", line) or "option" in line or "host" in line][:200]
    net += [f"exists {path}" for path in EXISTS_FILES if img.stat(path) is not None]
    ev["network_files"] = "\n".join(net)
    repos = []
    for folder, name, suffix in REPO_FILES:
        for path in ([f"{folder}/{name}"] if name else img.glob(folder, suffix)):
            text = img.text(path)
            if text or img.is_file(path):
                repos.append(f"### {path}")
                repos += [line for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")][:300]
    ev["repos"] = "\n".join(repos)


def _history_files(img: _Image, home: str) -> list[str]:
    """LISA's `find <home> -type f ( -name ".*sh_history" -o -name ".history" )`, as the probe prints it ("size path"):
    the whole tree, links not followed; at most HISTORY_MAX_DIRS folders and 100 files (as the probe's `head -n 100`)."""
    found: list[str] = []
    top = img.stat(home)
    if top is None or top.kind != "dir":
        return found
    folders, seen = [(home, top.path.rstrip("/"))], 0  # (the path as find prints it, where it resolves in the image)
    while folders and seen < HISTORY_MAX_DIRS and len(found) < 100:
        folder, real = folders.pop(0)
        seen += 1
        for name in img.listdir(folder):
            path = f"{folder}/{name}"
            st = img.stat(path)
            if st is None or st.path.rstrip("/") != f"{real}/{name}":  # a link (find -type does not follow it) or gone
                continue
            if st.kind == "dir":
                folders.append((path, st.path.rstrip("/")))
            elif st.kind == "file" and (name == ".history" or fnmatch.fnmatchcase(name, ".*sh_history")):
                found.append(f"{st.size} {path}")
    return found[:100]


def _root_mount(fstab: str, opened: OpenedImage) -> str:
    """What /proc/mounts would say for /: the fstab entry if there is one, else the partition read."""
    for line in fstab.splitlines():
        words = line.split()
        if len(words) > 2 and not words[0].startswith("#") and words[1] == "/":
            return f"{words[0]} / {words[2]} rw 0 0"
    fs = opened.root.partition
    return f"{fs.device} / ext4 rw 0 0"


def _hv_modules(img: _Image, release: str) -> list[str]:
    if not release:
        return []
    base = f"/lib/modules/{release}"
    names = [n for folder in HV_DIRS for n in img.listdir(f"{base}/{folder}") if n.startswith("hv_") or folder.endswith("/hv")]
    names += [line.rsplit("/", 1)[-1] for line in img.text(f"{base}/modules.builtin").splitlines() if "/hv_" in line
              or line.rsplit("/", 1)[-1].startswith("hv_")]
    return sorted(set(names))


@record
class Gathered:
    """What reading the image gave (in the child process, sent back whole)."""

    evidence: Evidence
    unavailable: dict[str, str]
    notes: list[str]
    layout: str
    bytes_read: int
    reads: int


def gather(path: str, disk_size: int, limits: Limits, cancel: CancelToken | None = None) -> Gathered:
    """Open the image and build the probe's sections from its files, within `limits`.

    Raises ImageError (BudgetExceeded past a budget), Cancelled, OSError."""
    reader = CountingReader(path, Budget(limits, cancel))
    try:
        opened = open_image(reader, disk_size)
        evidence, unavailable, notes = offline_sections(opened, cancel)
        if opened.layout.note:
            notes.append(opened.layout.note)
        return Gathered(evidence, unavailable, notes, opened.layout.describe(), reader.bytes_read, reader.reads)
    finally:
        reader.close()


def _child(conn: Any, path: str, disk_size: int, limits: Limits) -> None:  # pragma: no cover - runs in the child
    """The child process's work: an address-space limit, then `gather`; the outcome goes to `conn`."""
    import resource

    try:
        with open("/proc/self/statm") as fh:  # what the forked process already maps, plus the budget
            mapped = int(fh.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
        resource.setrlimit(resource.RLIMIT_AS, (mapped + limits.memory, mapped + limits.memory))
    except (OSError, ValueError):
        pass  # no /proc: the deadline and the byte budget still hold
    try:
        outcome: tuple[str, Any] = ("ok", gather(path, disk_size, limits))
    except BudgetExceeded as exc:
        outcome = ("budget", str(exc))
    except MemoryError:
        outcome = ("budget", str(BudgetExceeded("memory", f"more than {limits.memory // 2**20} MiB")))
    except ImageError as exc:
        outcome = ("image", str(exc))
    except OSError as exc:
        outcome = ("os", str(exc))
    except Exception as exc:  # noqa: BLE001 - anything else the library raises is the image's damage
        outcome = ("image", f"the image cannot be read: {exc}")
    try:
        conn.send(outcome)
    except Exception:  # noqa: BLE001 - the parent went away, or the answer is too big to send
        conn.send(("budget", str(BudgetExceeded("memory", "the evidence read is too large to send"))))
    conn.close()


def gather_bounded(path: str, disk_size: int, limits: Limits, cancel: CancelToken | None = None) -> Gathered:
    """`gather` in a child process with an address-space limit and a kill deadline, where the system
    has fork (Linux): whatever a crafted image makes the readers do between two budget checks, a
    child can be killed — so the deadline and Cancel always work. Elsewhere (macOS, Windows: no safe
    fork) `gather` runs here, bounded by the budgets charged on every read and the deadline.

    Raises BudgetExceeded, ImageError, Cancelled, OSError (as `gather`)."""
    if not sys.platform.startswith("linux"):
        return gather(path, disk_size, limits, cancel)
    context = multiprocessing.get_context("fork")
    receive, send = context.Pipe(duplex=False)
    child = context.Process(target=_child, args=(send, path, disk_size, limits))
    child.start()
    send.close()
    deadline = time.monotonic() + limits.seconds + KILL_GRACE
    try:
        while not receive.poll(POLL_SECONDS):
            if cancel is not None and cancel.cancelled:
                raise Cancelled()
            if time.monotonic() > deadline:
                raise BudgetExceeded("time", f"more than {limits.seconds:g} s; the reader was stopped")
            if not child.is_alive() and not receive.poll(0):
                code = child.exitcode
                raise BudgetExceeded("memory", f"the reader ended with code {code}") if code in (-9, -6, -11) else \
                    ImageError(f"the image reader ended unexpectedly (code {code})")
        try:
            kind, value = receive.recv()
        except (EOFError, OSError):
            raise ImageError("the image reader ended without an answer") from None
    finally:
        receive.close()
        if child.is_alive():
            child.kill()
        child.join(5)
    if kind == "ok":
        return value  # type: ignore[no-any-return]
    if kind == "budget":
        raise _Stopped(value)
    if kind == "os":
        raise OSError(value)
    raise ImageError(value)


class _Stopped(BudgetExceeded):
    """A budget the child went past (its message is already whole)."""

    def __init__(self, message: str):
        Exception.__init__(self, message)
        self.budget = ""


def preflight(path: str, profile: Profile, progress: Progress = no_progress, cancel: CancelToken | None = None,
              limits: Limits | None = None) -> Preflight:
    """Open the fixed VHD (or raw disk) at `path` read-only and judge every Linux case from its files.

    Raises OSError when the file cannot be opened, PreflightError when it is not a fixed VHD or holds
    no readable Linux root file system (the message says what was found). A run past one of its
    budgets (`imagefs.Limits`) is finished: every case is an Error naming the budget."""
    from .projectio import utc_now_iso
    from .verdicts import ERROR, SKIPPED
    from .vhd import FileSource, inspect

    started = utc_now_iso()
    limits = limits or Limits()
    with FileSource(path) as source:
        info = inspect(source)
    if info.format == "vhd" and info.disk_type == "fixed" and not info.truncated:
        disk_size = info.virtual_size
    elif info.format == "raw":
        disk_size = info.file_size
    else:
        what = f"{info.format} {info.disk_type or ''}".strip() + (", truncated" if info.truncated else "")
        raise PreflightError(NOT_VHD.format(what=what))
    try:
        got = gather_bounded(path, disk_size, limits, cancel)
    except BudgetExceeded as exc:
        results = judge({"end": ""}, profile, progress, cancel)
        for r in results:
            r.result, r.actual, r.remediation = ERROR, str(exc), ""
        return Preflight(path, results, {}, {}, "not read", 0, 0, started, utc_now_iso(), [str(exc)])
    except ImageError as exc:
        raise PreflightError(str(exc)) from None
    results = judge(got.evidence, profile, progress, cancel, unavailable=got.unavailable)
    for r in results:
        if r.id in RUNNING_ONLY:
            r.result, r.actual = SKIPPED, NEEDS_VM.format(what=RUNNING_ONLY[r.id])
    return Preflight(path, results, system_info(got.evidence), got.evidence, got.layout, got.bytes_read, got.reads,
                     started, utc_now_iso(), got.notes)
