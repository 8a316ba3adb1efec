"""The Linux certification test cases (REFERENCE.md §3), judged from one read-only probe.

`operations.run_certification` (its `_run_linux`) sends `probe_script()` --
`resources/probes/linux-probe.sh` -- to `sh -s` over one SSH session (one round trip,
nothing written to the VM); `parse_sections` splits its output into sections and
`judge` runs every check on them locally. Thresholds come from the profile.
Each result carries the tool's TestID where it has one, the verdict, the actual
and required values, the exact remediation and the evidence it was judged on.
"""

from __future__ import annotations

import fnmatch
import posixpath
import re
from collections.abc import Callable
from typing import Any

from .checks import CheckResult, profile_version, tool_record, version_tuple  # noqa: F401 - tool_record re-exported
from .profiles import Profile
from .progress import CancelToken, Progress, ProgressUpdate, no_progress
from .records import record
from .resources import resource_path
from .verdicts import (
    ERROR,
    FAILED,
    NOT_FINISHED,
    PASSED,
    SKIPPED,
    WARNING,
    Verdict,  # noqa: F401 - the result words are re-exported for callers
    judged_safely,
)

Evidence = dict[str, str]


def parse_sections(output: str) -> Evidence:
    sections: Evidence = {}
    name = None
    lines: list[str] = []
    for line in output.splitlines():
        if line.startswith("@@@"):
            if name is not None:
                sections[name] = "\n".join(lines).strip("\n")
            name, lines = line[3:].strip(), []
        elif name is not None:
            lines.append(line)
    if name is not None:
        sections[name] = "\n".join(lines).strip("\n")
    return sections


def _conf_value(text: str, key: str) -> str | None:
    """`Key=value` files (waagent.conf): `#` lines are comments, the last assignment wins."""
    value = None
    for line in text.splitlines():
        line = line.strip()
        if line.startswith("#") or "=" not in line:
            continue
        k, v = line.split("=", 1)
        if k.strip() == key:
            value = v.strip()
    return value


def _sshd_value(text: str, key: str) -> str | None:
    """sshd_config: keywords are case-insensitive and the first value wins; stop at the first Match."""
    for line in text.splitlines():
        parts = line.strip().split(None, 1)
        if not parts or parts[0].startswith("#"):
            continue
        if parts[0].lower() == "match":
            break
        if parts[0].lower() == key.lower() and len(parts) > 1:
            return parts[1].strip()
    return None


LISA = "microsoft/lisa lisa/microsoft/testsuites/core/azure_image_standard.py"
NEEDS_SUDO = "needs sudo -n (password-less sudo for the connecting user): the file is root's"


def not_applicable(why: str) -> str:
    return f"Not applicable: {why}"


@record(frozen=True)
class Distro:
    """The distribution, from os-release, in LISA's classes (lisa/operating_system.py): Debian (Ubuntu is
    one), Fedora (the RHEL family is one: RHEL, CentOS, Oracle, Alma, Rocky), Suse (SLES, openSUSE),
    CBLMariner (Azure Linux, Mariner), CoreOs (Flatcar, CoreOS)."""

    id: str  # os-release ID, lower case
    family: str  # debian | ubuntu | redhat | fedora | suse | mariner | coreos | "" (unknown)
    version: tuple[int, ...]  # VERSION_ID's numbers; () when absent
    pretty: str

    @property
    def debian(self) -> bool:  # LISA's Debian: Debian and Ubuntu
        return self.family in ("debian", "ubuntu")

    @property
    def redhat(self) -> bool:  # LISA's Redhat: RHEL, CentOS, Oracle, Alma, Rocky
        return self.family == "redhat"

    @property
    def fedora(self) -> bool:  # LISA's Fedora: Fedora and the whole RHEL family
        return self.family in ("fedora", "redhat")

    @property
    def sles(self) -> bool:
        return self.family == "suse" and self.id.startswith("sle")

    def at_least(self, version: str) -> bool:
        return self.version >= _numbers(version)

    def shown(self) -> str:
        return self.pretty or " ".join(filter(None, [self.id, ".".join(map(str, self.version))])) or "unknown distribution"


_FAMILIES = (
    ("ubuntu", ("ubuntu",)), ("debian", ("debian", "raspbian")),
    ("redhat", ("rhel", "centos", "ol", "oracle", "almalinux", "rocky", "redhat")),
    ("fedora", ("fedora",)), ("mariner", ("mariner", "azurelinux", "cbl-mariner")),
    ("coreos", ("flatcar", "coreos", "fedora-coreos", "rhcos")),
    ("suse", ("sles", "sles_sap", "sled", "opensuse", "opensuse-leap", "opensuse-tumbleweed", "suse", "sle-micro")),
)


def _numbers(text: str) -> tuple[int, ...]:
    """"9.4" → (9, 4), "39" → (39,), "15-SP5" → (15, 5): the leading numbers of a version (at most 4)."""
    return tuple(int(x) for x in re.findall(r"[0-9]{1,9}", text)[:4])


# /etc/redhat-release's first word as LISA's classes match it (lisa/operating_system.py OperatingSystem.create:
# the header of /etc/redhat-release, when os-release named nothing it knows; Redhat/CentOs/AlmaLinux/Oracle/Fedora).
_REDHAT_RELEASE_FAMILY = {"red": "redhat", "centos": "redhat", "rocky": "redhat", "scientific": "redhat",
                          "almalinux": "redhat", "oracle": "redhat", "fedora": "fedora"}
# LISA Redhat._get_information: "<vendor> [Enterprise Linux Server] [Linux] [release] <version> [(<codename>)]"
_REDHAT_RELEASE_VERSION = re.compile(r" ([0-9][0-9.]{0,40})(?: \(.*\))?$")


def classify(os_release: str, redhat_release: str = "") -> Distro:
    """os-release → Distro. ID decides; ID_LIKE only when ID is unknown (a derivative). For the RHEL family LISA takes
    the version from /etc/redhat-release (CentOS 7: 7.9.2009 where VERSION_ID says 7), and an image with no os-release
    (RHEL / CentOS 6) is told by that file alone."""
    values = {}
    for line in os_release.splitlines():
        key, sep, value = line.partition("=")
        if sep and key.strip().isidentifier():
            values[key.strip()] = value.strip().strip("\"'")
    ident = values.get("ID", "").lower()

    def family_of(name: str) -> str:
        return next((f for f, ids in _FAMILIES if name in ids or (f == "suse" and name.startswith("opensuse"))), "")

    family = family_of(ident)
    if not family:
        family = next((f for f in map(family_of, values.get("ID_LIKE", "").lower().split()) if f), "")
    version = _numbers(values.get("VERSION_ID", ""))
    header = (redhat_release.strip().splitlines() or [""])[0].strip()[:200]
    if not family and not ident and header:
        family = _REDHAT_RELEASE_FAMILY.get(header.split()[0].lower(), "")
        ident = {"redhat": "rhel" if header.lower().startswith("red") else header.split()[0].lower()}.get(family, family)
    if family in ("redhat", "fedora") and header:  # (Fedora's own class reads /etc/fedora-release: the same line)
        m = _REDHAT_RELEASE_VERSION.search(header)
        version = _numbers(m.group(1)) if m else version
    return Distro(ident, family, version, values.get("PRETTY_NAME", "") or (header if family and not values else ""))


def distro(ev: Evidence) -> Distro:
    return classify(ev.get("os_release", ""), ev.get("redhat_release", ""))


def needs_root(text: str) -> bool:
    return text.strip() == "needs-root"


def headed_files(text: str) -> dict[str, str]:
    """A "### path" headed section → {path: the lines under it}."""
    files: dict[str, list[str]] = {}
    current = None
    for line in text.splitlines():
        if line.startswith("### "):
            current = line[4:].strip()
            files[current] = []
        elif current is not None:
            files[current].append(line)
    return {k: "\n".join(v) for k, v in files.items()}


def existing(ev: Evidence) -> set[str]:
    return {line[7:].strip() for line in ev.get("network_files", "").splitlines() if line.startswith("exists ")}


def sshd_effective(main: str, dropins: str, key: str, main_path: str = "/etc/ssh/sshd_config") -> tuple[str | None, str]:
    """The value sshd takes for `key` and the file it comes from: keywords are case-insensitive, the first
    value wins, an `Include` reads its files (in name order) where it stands, a `Match` ends what applies to
    every connection (in the main file: the rest of it; in an included file: the rest of that file)."""
    files = headed_files(dropins)
    seen: set[str] = set()  # each file is read once (sshd refuses an Include loop; the VM's text may have one)

    def walk(text: str, path: str, depth: int) -> tuple[str | None, str]:
        seen.add(path)
        for line in text.splitlines():
            parts = line.strip().split(None, 1)
            if not parts or parts[0].startswith("#"):
                continue
            word = parts[0].lower()
            if word == "match":
                return None, ""
            if word == "include" and len(parts) > 1 and depth < 4:
                for pattern in parts[1].split():
                    pattern = pattern if pattern.startswith("/") else posixpath.join("/etc/ssh", pattern)
                    for name in sorted(n for n in files if n not in seen and fnmatch.fnmatchcase(n, pattern)):
                        value, where = walk(files[name], name, depth + 1)
                        if value is not None:
                            return value, where
            elif word == key.lower() and len(parts) > 1:
                return parts[1].split("#", 1)[0].strip(), path
        return None, ""

    return walk(main, main_path, 0)



@record(frozen=True)
class Case:
    id: str
    test_id: str
    name: str
    description: str
    judge: Callable[[Evidence, Profile], tuple[str, str, str, str]]  # result, actual, required, remediation
    sections: tuple[str, ...]
    source: str = ""  # where the rule comes from (the guide's section, LISA's file and test case)
    lisa: bool = False  # one of LISA's cases the 2015 guide does not have: run under profiles with linux_lisa_rules
    online: str = ""  # needs the running system (why); the offline pre-flight skips it with this reason


def _bash_history(ev: Evidence, p: Profile) -> Verdict:
    limit = p.linux_bash_history_max_bytes
    lines = ev.get("history", "").splitlines()
    if p.linux_lisa_rules:  # LISA reads /etc/passwd less the connecting user's line (Cat.read_with_filter, invert_match)
        homes = [h.rstrip("/") + "/" for h in ev.get("user_home", "").splitlines() if h.strip().startswith("/") and h.strip() != "/"]
        lines = [line for line in lines if not any((line.split(" ", 1) + [""])[1].startswith(h) or
                                                   (line.split(" ", 1) + [""])[1] + "/" == h for h in homes)]
    unreadable = [line.split(" ", 1)[1] for line in lines if line.startswith("unreadable ")]
    if unreadable:  # a home or file only root reads, and no sudo -n: not judged from the other homes
        return SKIPPED, f"{NEEDS_SUDO} ({', '.join(unreadable[:5])})", f"every history file ≤ {limit} bytes", ""
    files = [line.split(" ", 1) for line in lines if " " in line]
    too_big = [(size, path) for size, path in files if not size.isdigit() or int(size) > limit]
    actual = ", ".join(f"{path} {size} bytes" for size, path in files) or "no history files"
    fix = "; ".join(f"cat /dev/null > {path}" for _, path in too_big) + "; history -c" if too_big else ""
    return (FAILED if too_big else PASSED), actual, f"every history file ≤ {limit} bytes", fix


def _agent(ev: Evidence, p: Profile) -> Verdict:
    text = ev.get("waagent", "")
    version = version_tuple(text.split("\n", 1)[1] if "\n" in text else "")
    need = profile_version(p.linux_agent_min_version)
    fix = "Install the distribution's walinuxagent / WALinuxAgent package (apt-get install walinuxagent) and enable it."
    if not text.startswith("path "):
        return FAILED, "not installed (no waagent in /usr/sbin, /usr/bin, /usr/local)", f"≥ {p.linux_agent_min_version}", fix
    shown = ".".join(map(str, version)) if version else "unknown"
    auto = p.linux_agent_auto_update_passes and (_conf_value(ev.get("waagent_conf", ""), "AutoUpdate.Enabled") or "y").startswith("y")
    required = f"≥ {p.linux_agent_min_version} or AutoUpdate.Enabled=y" if p.linux_agent_auto_update_passes \
        else f"≥ {p.linux_agent_min_version}"
    if version is None:
        return ERROR, f"version not readable: {text[:80]}", required, fix
    if version >= need:
        return PASSED, shown, required, ""
    if auto:  # Partner Center: an agent that updates itself reaches the minimum on its own
        return PASSED, f"{shown} (AutoUpdate.Enabled=y)", required, ""
    return FAILED, shown, required, fix


def _agent_conf(ev: Evidence) -> str:
    """The file the agent reads: /etc/waagent.conf, on Flatcar / CoreOS /usr/share/oem/waagent.conf (LISA's Waagent tool)."""
    first = ev.get("waagent_conf", "").split("\n", 1)[0]
    return "/usr/share/oem/waagent.conf" if first.strip() == "#@read-from /usr/share/oem/waagent.conf" else "/etc/waagent.conf"


def _auto_update(ev: Evidence, p: Profile) -> Verdict:
    conf, path = ev.get("waagent_conf", ""), _agent_conf(ev)
    if not conf:
        return WARNING, "no /etc/waagent.conf", "AutoUpdate.Enabled=y", "Install the Azure Linux Agent package."
    value = _conf_value(conf, "AutoUpdate.Enabled") or "y (default)"
    on = value.startswith("y")
    return (PASSED if on else WARNING), value, "y", "" if on else f"sed -i 's/^AutoUpdate.Enabled=.*/AutoUpdate.Enabled=y/' {path}"


def _deprovision(ev: Evidence, p: Profile) -> Verdict:
    conf, path = ev.get("waagent_conf", ""), _agent_conf(ev)
    keys = ("Provisioning.RegenerateSshHostKeyPair", "Provisioning.DeleteRootPassword")
    values = {k: _conf_value(conf, k) for k in keys}
    bad = [k for k, v in values.items() if v != "y"]
    # an absent key is added, a present (or commented) one is set: either way the file then says y
    fix = "; ".join(f"if grep -q '^#*{k}=' {path} 2>/dev/null; then sed -i 's/^#*{k}=.*/{k}=y/' {path}; "
                    f"else echo '{k}=y' >> {path}; fi" for k in bad)
    return (WARNING if bad else PASSED), ", ".join(f"{k}={v or 'unset'}" for k, v in values.items()), \
        ", ".join(f"{k}=y" for k in keys), fix


def _console_present(param: str, words: list[str]) -> bool:
    """`console=ttyS0,115200n8` is the console ttyS0 with its speed (LISA searches `console=ttyS0` in the line)."""
    return any(w == param or ("=" in param and w.startswith(param + ",")) for w in words)


def _kernel_params(ev: Evidence, p: Profile) -> Verdict:
    running = ev.get("cmdline", "").split()
    d = distro(ev)
    if p.linux_lisa_rules and d.family == "mariner" and not d.at_least("2.0"):
        return SKIPPED, not_applicable(f"{d.shown()} (LISA skips CBL-Mariner 1.0)"), " ".join(p.linux_kernel_params_required), ""
    # An ARM64 image's serial console is ttyAMA0, not ttyS0 (the profile says which parameter it replaces).
    arm64 = ev.get("uname_m", "").strip() in ("aarch64", "arm64")
    alternatives = p.linux_kernel_param_arm64_alternatives if arm64 else {}
    missing = [param for param in p.linux_kernel_params_required
               if not _console_present(param, running) and not _console_present(alternatives.get(param, "\0"), running)]
    # LISA: without console= in the command line, the kernel's "console [ttyS0] enabled" in the boot log passes
    console = "ttyAMA0" if arm64 else "ttyS0"
    # (console_log comes late in the probe, and is not among the case's sections so that a run cut short still judges
    # a command line that has the console; one that lacks it waits for the log)
    if p.linux_lisa_rules and missing and "console_log" not in ev and "end" not in ev:
        return NOT_FINISHED
    if p.linux_lisa_rules and missing and f"console [{console}] enabled" in ev.get("console_log", ""):
        return PASSED, f"console [{console}] enabled (boot log)", " ".join(p.linux_kernel_params_required), ""
    fix = ""
    if missing:
        fix = (f"Add '{' '.join(missing)}' to GRUB_CMDLINE_LINUX in /etc/default/grub, then run update-grub "
               "(or grub2-mkconfig -o /boot/grub2/grub.cfg) and reboot.")
    return (FAILED if missing else PASSED), " ".join(running) or "(empty)", " ".join(p.linux_kernel_params_required), fix


def _base_disk(device: str) -> str:
    """sda2 → sda, nvme0n1p3 → nvme0n1, xvda1 → xvda (when the probe could not ask /sys)."""
    name = device.removeprefix("/dev/")
    if re.fullmatch(r"(nvme\d+n\d+|mmcblk\d+)p\d+", name):
        return name.rsplit("p", 1)[0]
    return name.rstrip("0123456789") if re.fullmatch(r"[a-z]+\d+", name) else name


def _resource_mount(ev: Evidence) -> str:
    return _conf_value(ev.get("waagent_conf", ""), "ResourceDisk.MountPoint") or "/mnt/resource"


def _swap(ev: Evidence, p: Profile) -> Verdict:
    """Guide: no swap partition at all (active or in fstab); today (LISA verify_no_swap_on_osdisk): no active
    swap partition or file on the OS disk. The agent's swap file on the resource disk passes under both."""
    resource = _resource_mount(ev).rstrip("/") + "/"
    swaps = [line.split() for line in ev.get("swaps", "").splitlines()[1:] if line.strip()]
    on_resource = [w[0] for w in swaps if w[0].startswith((resource, "/mnt/"))]
    devices = {w[1]: w[2:] for w in (line.split() for line in ev.get("swap_devices", "").splitlines()) if w and w[0] == "swap"}
    root = next((w[1:] for w in (line.split() for line in ev.get("swap_devices", "").splitlines()) if w and w[0] == "root"), [])
    root_dev = root[0] if root and root[0] != "-" else next(
        (line.split()[0] for line in ev.get("mounts", "").splitlines() if len(line.split()) > 1 and line.split()[1] == "/"), "")
    os_disk = root[1] if len(root) > 1 else _base_disk(root_dev)
    if "/" in os_disk or os_disk.startswith("dm-"):  # LVM root and no /sys to ask: Azure's OS disk is the first disk
        os_disk = "sda"
    required = "no swap partition" if not p.linux_lisa_rules else "no swap partition or file on the OS disk"
    keep = "use ResourceDisk.EnableSwap=y in /etc/waagent.conf for swap on the resource disk"
    if p.linux_lisa_rules:
        found: list[str] = []
        shown: list[str] = []
        for w in swaps:
            name, is_file = w[0], len(w) > 1 and w[1] == "file"
            _, dev, disk = (devices.get(name, []) + ["-", "-", "-"])[:3]
            dev = name if dev == "-" and not is_file else dev
            disk = "" if disk == "-" else disk
            if not disk and dev.startswith("/dev/") and "/mapper/" not in dev and not dev.startswith("/dev/dm-"):
                disk = _base_disk(dev)
            if disk:  # the disk it is on is known (the probe asked /sys, or the device names it)
                on_os = disk == os_disk
            elif is_file:  # a file on an unknown file system: the resource disk's mount point says so, else the root's
                on_os = name not in on_resource
            else:  # a logical volume the probe could not resolve: on the OS disk when the root is one too
                on_os = "/mapper/" in root_dev or root_dev.startswith("/dev/dm-")
            (found if on_os else shown).append(name)
        fix = "; ".join([f"swapoff {n}" for n in found] + [f"remove {', '.join(found)} from /etc/fstab and delete it; {keep}"]) if found else ""
        if found:
            return FAILED, ", ".join(found) + f" on the OS disk {os_disk}", required, fix
        return PASSED, ", ".join(f"{n} (not on the OS disk)" for n in shown) or "no swap", required, ""
    active = [w[0] for w in swaps if w[0] not in on_resource]
    fstab = [line.split()[0] for line in ev.get("fstab", "").splitlines()
             if line.strip() and not line.lstrip().startswith("#") and len(line.split()) > 2 and line.split()[2] == "swap"
             and not line.split()[0].startswith((resource, "/mnt/"))]
    found = sorted(set(active + fstab))
    # a swap line only in fstab (not active now) has nothing to swapoff: the fix starts with its removal
    fix = "; ".join([f"swapoff {dev}" for dev in active] + [f"remove the swap lines from /etc/fstab and delete the partition; {keep}"]) \
        if found else ""
    return (FAILED if found else PASSED), ", ".join(found) or "no swap", required, fix


def _root_partition(ev: Evidence, p: Profile) -> Verdict:
    roots = [line.split() for line in ev.get("mounts", "").splitlines() if len(line.split()) > 2 and line.split()[1] == "/"]
    roots = [r for r in roots if r[0] != "rootfs"]
    if not roots:
        return ERROR, "no / in /proc/mounts", "one root partition", ""
    device = roots[-1][0]
    lvm = "/mapper/" in device or device.startswith("/dev/dm-")
    return (WARNING if lvm else PASSED), device, "a single root partition, no LVM", \
        "Rebuild the image with a plain root partition (no LVM)." if lvm else ""


VENDOR_MARK = "#@read-from "  # the probe's first line when the main file is the vendor's (/usr/etc/ssh: SUSE 16, Tumbleweed)
ETC_DROPINS = "/etc/ssh/sshd_config.d/*.conf"


def _client_alive(ev: Evidence, p: Profile) -> Verdict:
    text = ev.get("sshd_config", "")
    first = text.split("\n", 1)[0]
    main_path = first[len(VENDOR_MARK):].strip() if first.startswith(VENDOR_MARK) else "/etc/ssh/sshd_config"
    value, source = sshd_effective(text, ev.get("sshd_dropins", ""), "ClientAliveInterval", main_path)
    from_sshd = next((line.split()[1] for line in ev.get("sshd_t", "").splitlines()
                      if len(line.split()) == 2 and line.split()[0].lower() == "clientaliveinterval"), None)
    rec, lo, hi = p.linux_client_alive_recommended, p.linux_client_alive_min, p.linux_client_alive_max
    required = f"{rec} (allowed {lo}–{hi})"
    unread = [name for name, body in [(main_path, text.split("\n", 1)[1] if first.startswith(VENDOR_MARK) and "\n" in text else text)]
              + list(headed_files(ev.get("sshd_dropins", "")).items()) if needs_root(body)]
    if unread and not (p.linux_lisa_rules and (from_sshd or "").isdigit() and from_sshd != "0"):
        # a file only root reads (RHEL's are 0600) and no sudo -n: not judged from the files that could be read
        return SKIPPED, f"{NEEDS_SUDO} ({', '.join(unread[:3])})", required, ""
    line = f"ClientAliveInterval {rec}"
    # The file sshd takes the value from is the one to edit; with no value anywhere, the main file's first
    # line (before any Include or Match) is read first.
    prepend = (f"{{ echo '{line}'; cat {main_path} 2>/dev/null; }} > {main_path}.new && mv {main_path}.new {main_path}")
    restart = "systemctl restart sshd 2>/dev/null || systemctl restart ssh"
    if main_path.startswith("/usr/"):
        # The vendor's file: an update replaces it, and creating /etc/ssh/sshd_config would make sshd skip it
        # (its Include lines, Subsystem, UsePAM). The admin's place is a drop-in it includes, read first.
        included = any(w.lower() == "include" and ETC_DROPINS in rest.split()
                       for w, _, rest in (ln.strip().partition(" ") for ln in text.splitlines()))
        prepend = (f"mkdir -p /etc/ssh/sshd_config.d && echo '{line}' > /etc/ssh/sshd_config.d/00-clientaliveinterval.conf"
                   if included else f"cp {main_path} /etc/ssh/sshd_config && " + prepend)
    edit = (f"sed -i 's/^[[:space:]]*[Cc][Ll][Ii][Ee][Nn][Tt][Aa][Ll][Ii][Vv][Ee][Ii][Nn][Tt][Ee][Rr][Vv][Aa][Ll][[:space:]].*/{line}/' "
            f"{source}") if source and not source.startswith("/usr/") else prepend
    fix = f"{edit} && {restart}"
    if p.linux_lisa_rules and from_sshd is not None and from_sshd.isdigit() and from_sshd != "0":
        value, source = from_sshd, source or "sshd -T"  # LISA asks sshd first (sshd -T shows 0 when unset)
    if value is None or not value.isdigit():
        return FAILED, value or "not set", required, fix
    n = int(value)
    where = f" (from {source})" if source and p.linux_lisa_rules else ""
    if not lo <= n <= hi:
        return FAILED, f"{n}{where}", required, fix
    if p.linux_lisa_rules:
        return PASSED, f"{n}{where}", required, ""
    if source != main_path:  # the 2015 portal's probe reads only the main file: there too, first
        return WARNING, f"{n} (only in a drop-in: {source})", f"{rec} in {main_path}", f"{prepend} && {restart}"
    return (PASSED if n == rec else WARNING), str(n), required, "" if n == rec else fix


def _ssh_server(ev: Evidence, p: Profile) -> Verdict:
    binary = ev.get("sshd_binary", "").strip()
    return (PASSED if binary else WARNING), binary or "not installed", "sshd installed and enabled", \
        "" if binary else "Install openssh-server and enable it at boot (unless the SKU blocks SSH on purpose)."


def _architecture(ev: Evidence, p: Profile) -> Verdict:
    arch = ev.get("uname_m", "").strip()
    ok = arch in p.linux_architectures
    return (PASSED if ok else FAILED), arch or "unknown", " or ".join(p.linux_architectures), "" if ok else \
        "Build the image for a 64-bit architecture."


def _python(ev: Evidence, p: Profile) -> Verdict:
    version = version_tuple(ev.get("python", ""))
    need = profile_version(p.linux_python_min_version)
    fix = "Install python3 (and python3-pyasn1) from the distribution."
    if version is None:
        return FAILED, "not installed", f"≥ {p.linux_python_min_version}", fix
    return (PASSED if version >= need else FAILED), ".".join(map(str, version)), f"≥ {p.linux_python_min_version}", \
        "" if version >= need else fix


def _openssl(ev: Evidence, p: Profile) -> Verdict:
    version = version_tuple(ev.get("openssl", ""))
    need, rec = profile_version(p.linux_openssl_min_version), profile_version(p.linux_openssl_recommended_version)
    fix = "Install or update openssl from the distribution (apt-get install openssl / yum install openssl)."
    if version is None:
        return FAILED, "not installed", f"≥ {p.linux_openssl_min_version}", fix
    # LISA: below the minimum passes when the version is one with extended support (1.1.1, 1.0.2 — any letter)
    tolerated = any(version[:len(line_v)] == line_v for line_v in map(profile_version, p.linux_openssl_tolerated_lines))
    if version < need:
        result = PASSED if tolerated else FAILED
    else:
        result = WARNING if version < rec else PASSED
    required = f"≥ {p.linux_openssl_recommended_version}" + (
        f" ({' / '.join(p.linux_openssl_tolerated_lines)} with extended support)" if p.linux_openssl_tolerated_lines else "")
    return result, ".".join(map(str, version)), required, "" if result == PASSED else fix


def _ifupdown(ev: Evidence, p: Profile) -> Verdict:
    found = ev.get("ifupdown", "").split()
    ok = len(found) >= 2
    return (PASSED if ok else WARNING), " ".join(found) or "missing", "ifup and ifdown present", \
        "" if ok else "Install ifupdown (Debian/Ubuntu) or initscripts (RHEL family)."


def _resolv(ev: Evidence, p: Profile) -> Verdict:
    servers = [line.split()[1] for line in ev.get("resolv", "").splitlines()
               if line.startswith("nameserver") and len(line.split()) > 1]
    fixed = [s for s in servers if not s.startswith("127.")]
    return (WARNING if fixed else PASSED), ", ".join(servers) or "no nameserver", "no hard-coded name servers", \
        "Run 'waagent -deprovision' (it removes /etc/resolv.conf) before capturing." if fixed else ""


def _ipv6(ev: Evidence, p: Profile) -> Verdict:
    value = ev.get("ipv6", "").strip()
    state = {"1": "disabled", "0": "enabled"}.get(value, "unknown")
    return PASSED, state, "informational (IPv6 was not supported in 2015)", ""


def _targetpw_line(line: str) -> bool:
    """LISA's rule: a line that starts `Defaults`, blanks, then `targetpw` (`Defaults env_reset,targetpw`
    does not; a commented line does not)."""
    rest = line[len("Defaults"):] if line.startswith("Defaults") else ""
    return bool(rest) and rest[0] in " \t" and rest.lstrip(" \t").startswith("targetpw")


def _sudo_targetpw(ev: Evidence, p: Profile) -> Verdict:
    text = ev.get("sudoers", "")
    if needs_root(text):
        return SKIPPED, NEEDS_SUDO, "no 'Defaults targetpw'", ""
    if not text:
        return SKIPPED, "sudoers not readable", "no 'Defaults targetpw'", ""
    bad = [line for line in text.splitlines() if _targetpw_line(line)]
    return (FAILED if bad else PASSED), bad[0].strip() if bad else "not set", "no 'Defaults targetpw' in /etc/sudoers", \
        "sed -i 's/^Defaults[[:space:]][[:space:]]*targetpw/# &/' /etc/sudoers  # or remove the line with visudo" if bad else ""


def _default_accounts(ev: Evidence, p: Profile) -> Verdict:
    """LISA verify_no_pre_exist_users: besides the connecting user, no account has a password and no login
    user has an authorized_keys file (one that only tells root to log in as another user is harmless)."""
    text, keys = ev.get("shadow", ""), ev.get("authorized_keys", "")
    required = "no account but the connecting one with a password or authorized_keys"
    if needs_root(text) or needs_root(keys):
        return SKIPPED, NEEDS_SUDO, required, ""
    me = ev.get("user", "").strip()
    with_password = [line.split()[0] for line in text.splitlines() if line.endswith(" password") and line.split()[0] != me]
    with_keys = [(w[0], w[1]) for w in (line.split() for line in keys.splitlines()) if len(w) == 3 and w[2] == "keys" and w[0] != me]
    found = [f"{u} (password)" for u in with_password] + [f"{u} ({path})" for u, path in with_keys]
    fix = "; ".join([f"passwd -l {u}" for u in with_password] + [f"rm -f {path}" for _, path in with_keys])
    if found:
        fix += "  # or run 'waagent -deprovision+user' before capturing"
    return (FAILED if found else PASSED), ", ".join(found) or "none", required, fix


def _iptables(ev: Evidence, p: Profile) -> Verdict:
    text = ev.get("iptables", "").strip()
    if p.linux_lisa_rules:
        return SKIPPED, not_applicable("neither today's FAQ nor LISA has an iptables rule"), "—", ""
    if text == "not-installed":
        return WARNING, "not installed", "installed, no rules", "Install iptables (it must be present, with no rules)."
    if text == "needs-root":
        return SKIPPED, NEEDS_SUDO, "installed, no rules", ""
    rules = [line for line in text.splitlines() if line.startswith("-A")]
    if not rules and not any(line.startswith("-P") for line in text.splitlines()):
        return ERROR, f"could not read the rules: {text[:120]}", "no rules", ""
    return (FAILED if rules else PASSED), f"{len(rules)} rule(s)", "no rules", \
        "iptables -F && iptables -X, and remove saved rules (/etc/iptables/rules.v4)." if rules else ""


def _lis(ev: Evidence, p: Profile) -> Verdict:
    # loaded (/proc/modules), on disk (kernel/drivers/hv) or built in (modules.builtin: kernel/drivers/hv/hv_vmbus.ko)
    names = {posixpath.basename(m).split(".ko")[0] for m in ev.get("modules", "").split()}
    need = p.linux_lis_modules
    missing = [m for m in need if m not in names]
    return (FAILED if missing else PASSED), ", ".join(sorted(names & set(need))) or "none found", ", ".join(need), \
        "Use a kernel with Linux Integration Services 3.0+ (Hyper-V drivers), e.g. the distribution's Azure kernel." if missing else ""


def _static_network_line(line: str) -> bool:
    """One line of ifupdown, ifcfg or netplan that configures a static address (a linear test: the line
    comes from the VM; the regular expression this replaces let `\\s*` run across lines, quadratically)."""
    words = line.lower().split()
    if not words:
        return False
    if words[0] == "iface":
        return len(words) >= 4 and words[2] == "inet" and words[3] == "static"
    if words[0].startswith("bootproto="):
        return words[0].partition("=")[2].strip("\"'") in ("none", "static")
    if words[0].startswith("dhcp4:"):
        value = words[0].partition(":")[2] or (words[1] if len(words) > 1 else "")
        return value in ("no", "false")
    return False


def _dhcp(ev: Evidence, p: Profile) -> Verdict:
    text = ev.get("network", "")
    static = any(_static_network_line(line) for line in text.splitlines())
    return (FAILED if static else PASSED), "static configuration" if static else ("DHCP" if text else "no custom config"), \
        "DHCP on eth0, no custom network configuration", \
        "Configure eth0 for DHCP (iface eth0 inet dhcp / BOOTPROTO=dhcp ONBOOT=yes)." if static else ""


def _network_manager(ev: Evidence, p: Profile) -> Verdict:
    d = distro(ev)
    if p.linux_lisa_rules:  # LISA verify_network_manager_not_installed
        if not d.fedora:
            return SKIPPED, not_applicable(f"{d.shown()} (LISA judges NetworkManager on the Fedora family only)"), "—", ""
        if d.redhat and d.at_least("7.0"):
            return SKIPPED, not_applicable(f"{d.shown()} (NetworkManager no longer conflicts with the agent on RHEL 7+)"), "—", ""
        installed = "/usr/sbin/NetworkManager" in existing(ev)
        fix = ("Configure eth0 in /etc/sysconfig/network-scripts/ifcfg-eth0 (DEVICE=eth0 BOOTPROTO=dhcp ONBOOT=yes) and enable the "
               "network service, then remove the NetworkManager package (yum remove NetworkManager).")
        if d.at_least("39"):  # Fedora 39+: LISA's own network-file case wants NetworkManager's eth0 profile, connected
            fix = ("Keep NetworkManager: it is Fedora's only network service (network-scripts is gone), and LISA's "
                   "verify_network_file_configuration requires its eth0 profile on Fedora 39+; the two LISA cases cannot both "
                   "pass here, and removing it takes the network down.")
        return (FAILED if installed else PASSED), "installed" if installed else "not installed", "NetworkManager not installed", \
            fix if installed else ""
    enabled = "NetworkManager.service" in ev.get("network_manager", "")
    centos7 = d.redhat and d.version[:1] == (7,)
    ok = enabled == centos7
    # Never a fix that takes the network down: disabling NetworkManager comes after another network service.
    fix = "systemctl enable NetworkManager" if centos7 else \
        "Configure eth0 for DHCP with the network service (ifupdown / network-scripts) and enable it, then systemctl disable NetworkManager"
    return (PASSED if ok else FAILED), "enabled" if enabled else "disabled", \
        "enabled (CentOS 7 family)" if centos7 else "disabled", "" if ok else fix


def _security_updates(ev: Evidence, p: Profile) -> Verdict:
    return SKIPPED, "not determined by this probe", "all security updates installed", \
        "Run the distribution's update (apt-get upgrade / yum update --security) before capturing."


def _security_threats(ev: Evidence, p: Profile) -> Verdict:
    glibc = version_tuple(ev.get("glibc", ""))
    required = f"glibc ≥ {p.linux_glibc_min_version} or patched (GHOST)"
    if glibc is None:
        return SKIPPED, "glibc version not readable", required, ""
    ok = glibc >= profile_version(p.linux_glibc_min_version)
    return (PASSED if ok else WARNING), ".".join(map(str, glibc)), required, \
        "" if ok else "Update glibc from the distribution (GHOST, CVE-2015-0235)."


def _tcp_sack(ev: Evidence, p: Profile) -> Verdict:
    required = "a kernel with the 2019 SACK fix, or net.ipv4.tcp_sack = 0"
    fix = ("Update the kernel to the distribution's release with the SACK fix (CVE-2019-11477), or set "
           "net.ipv4.tcp_sack = 0 in /etc/sysctl.d/ and run sysctl --system.")
    if ev.get("tcp_sack", "").strip() == "0":
        return PASSED, "net.ipv4.tcp_sack = 0", required, ""
    release = ev.get("uname_r", "").strip()
    version = version_tuple(release)
    if version is None:
        return ERROR, f"kernel version not readable: {release[:60]}", required, fix
    fixed = {profile_version(series): profile_version(first) for series, first in p.linux_sack_fixed_kernels.items()}
    newest = max(fixed)
    series = version[:2]
    if series > newest:  # a later series than any listed has the fix (the newest listed is judged below)
        return PASSED, release, required, ""
    if series in fixed:
        return (PASSED, release, required, "") if version >= fixed[series] else (FAILED, release, required, fix)
    return WARNING, f"{release} (a distribution kernel: confirm it carries the SACK fix)", required, fix


# -- LISA's other cases (Partner Center profile) -------------------------------------------------------
def _grub_lisa(ev: Evidence, p: Profile) -> Verdict:
    """LISA verify_grub: the distribution's boot loader file has no libata.atapi_enabled=0 or reserve=0x1f0,0x8
    (RHEL < 6.6: numa=off is there)."""
    d = distro(ev)
    text = ev.get("grub_files", "")
    forbidden = p.linux_grub_forbidden_params
    required = "none of " + ", ".join(forbidden)
    if d.debian:
        candidates = ["/boot/grub/grub.cfg"]
    elif d.family == "suse":
        candidates = ["/boot/grub2/grub.cfg", "/boot/grub/grub.conf"]
    elif d.fedora or d.family == "mariner":
        candidates = ["/boot/grub2/grubenv"] if d.redhat and d.at_least("8.0") else ["/boot/grub2/grub.cfg", "/boot/grub/menu.lst"]
    elif d.family == "coreos":
        return SKIPPED, not_applicable(f"{d.shown()} (LISA reads the boot log there; the boot partition is not readable)"), required, ""
    else:
        return SKIPPED, not_applicable(f"{d.shown()} (LISA's verify_grub knows no boot loader file for it)"), required, ""
    if needs_root(text):
        return SKIPPED, NEEDS_SUDO, required, ""
    files = headed_files(text)
    path = next((c for c in candidates if c in files), None)
    if path is None:
        return FAILED, f"none of {', '.join(candidates)} found", required, \
            "Regenerate the boot loader configuration (update-grub / grub2-mkconfig -o /boot/grub2/grub.cfg)."
    words = set(files[path].split())
    bad = [w for w in forbidden if w in words]
    fix = ""
    if bad:
        fix = " && ".join(f"sed -i 's/[[:space:]]*{re.escape(w)}//g' /etc/default/grub" for w in bad) + \
            " && (update-grub || grub2-mkconfig -o /boot/grub2/grub.cfg)"
    if d.redhat and not d.at_least("6.6") and "numa=off" not in words:
        bad.append("numa=off missing")
        fix = fix or "Add numa=off to GRUB_CMDLINE_LINUX in /etc/default/grub and regenerate the boot loader file."
    return (FAILED if bad else PASSED), f"{path}: " + (", ".join(bad) if bad else "clean"), required, fix


def _network_file(ev: Evidence, p: Profile) -> Verdict:
    """LISA verify_network_file_configuration."""
    d, files, have = distro(ev), headed_files(ev.get("network_files", "")), existing(ev)
    if d.fedora and d.at_least("39"):
        names = ["/etc/NetworkManager/system-connections/eth0.nmconnection",
                 "/etc/NetworkManager/system-connections/cloud-init-eth0.nmconnection"]
        ok = any(n in have for n in names)
        return (PASSED if ok else FAILED), "present" if ok else "no eth0 connection profile", " or ".join(names), \
            "" if ok else "nmcli connection add type ethernet ifname eth0 con-name eth0 ipv4.method auto connection.autoconnect yes"
    if d.fedora:
        path = "/etc/sysconfig/network"
        ok = path in files and "NETWORKING=YES" in files[path].upper().replace(" ", "").replace('"', "")
        actual = "NETWORKING=yes" if ok else ("present without NETWORKING=yes" if path in files else "missing")
        return (PASSED if ok else FAILED), actual, f"{path} with NETWORKING=yes", "" if ok else f"echo 'NETWORKING=yes' >> {path}"
    if d.family == "mariner":
        path = "/etc/systemd/networkd.conf"
        ok = path in files
        return (PASSED if ok else FAILED), "present" if ok else "missing", f"{path} present", \
            "" if ok else f"Reinstall systemd-networkd so that {path} is back (dnf reinstall systemd-networkd)."
    return SKIPPED, not_applicable(f"{d.shown()} (LISA judges it on the Fedora family and Azure Linux)"), "—", ""


def _ifcfg_eth0(ev: Evidence, p: Profile) -> Verdict:
    """LISA verify_ifcfg_eth0: the Fedora family below 39."""
    d, files = distro(ev), headed_files(ev.get("network_files", ""))
    path = "/etc/sysconfig/network-scripts/ifcfg-eth0"
    need = ("DEVICE=eth0", "BOOTPROTO=dhcp", "ONBOOT=yes")
    if not d.fedora:
        return SKIPPED, not_applicable(f"{d.shown()} (LISA judges ifcfg-eth0 on the Fedora family)"), " ".join(need), ""
    if d.at_least("39"):
        return SKIPPED, not_applicable(f"{d.shown()} (Fedora 39+: NetworkManager keyfiles, judged by network-file)"), " ".join(need), ""
    text = files.get(path)
    missing = [n for n in need if text is None or n not in text]
    fix = (f"mkdir -p {posixpath.dirname(path)} && "
           f"printf 'DEVICE=eth0\\nBOOTPROTO=dhcp\\nONBOOT=yes\\nTYPE=Ethernet\\n' > {path}") if missing else ""
    return (FAILED if missing else PASSED), "missing" if text is None else ("; ".join(f"no {m}" for m in missing) or " ".join(need)), \
        " ".join(need), fix


def _udev_rules(ev: Evidence, p: Profile) -> Verdict:
    """LISA verify_udev_rules_moved: no persistent-net rules (they pin eth0 to the build machine's MAC)."""
    d, have = distro(ev), existing(ev)
    if d.family == "coreos":
        paths = ["/usr/lib64/udev/rules.d/75-persistent-net-generator.rules", "/usr/lib64/udev/rules.d/70-persistent-net.rules"]
    elif d.fedora or d.family == "mariner":
        paths = ["/lib/udev/rules.d/75-persistent-net-generator.rules", "/etc/udev/rules.d/70-persistent-net.rules"]
    else:
        return SKIPPED, not_applicable(f"{d.shown()} (LISA judges it on CoreOS, the Fedora family and Azure Linux)"), "—", ""
    found = [x for x in paths if x in have]
    return (FAILED if found else PASSED), ", ".join(found) or "none", "neither " + " nor ".join(paths), \
        ("rm -f " + " ".join(found)) if found else ""


def _dhcp_hostname(ev: Evidence, p: Profile) -> Verdict:
    """LISA verify_dhcp_file_configuration."""
    d, files = distro(ev), headed_files(ev.get("network_files", ""))
    if d.family == "suse":
        path, need = "/etc/sysconfig/network/dhcp", 'DHCLIENT_SET_HOSTNAME="no"'
        fix = (f"sed -i 's/^DHCLIENT_SET_HOSTNAME=.*/{need}/' {path} && grep -q '^{need}' {path} || echo '{need}' >> {path}")
    elif d.family == "mariner":
        path, need = ("/etc/dhcpcd.conf", "option host_name") if d.version[:1] == (3,) else ("/etc/dhcp/dhclient.conf", "host-name")
        # dhclient: `also request` adds to the options asked for; a bare `request host-name;` would replace the list
        # (no routers, no name servers: the network would not come up)
        fix = f"echo '{'option host_name' if need == 'option host_name' else 'also request host-name;'}' >> {path}"
    else:
        return SKIPPED, not_applicable(f"{d.shown()} (LISA judges it on SUSE and Azure Linux)"), "—", ""
    text = files.get(path)
    ok = text is not None and need in text
    return (PASSED if ok else FAILED), "missing" if text is None else ("set" if ok else f"no {need}"), f"{need} in {path}", \
        "" if ok else fix


def _yum_conf(ev: Evidence, p: Profile) -> Verdict:
    """LISA verify_yum_conf: the Fedora family below 6.6."""
    d, files = distro(ev), headed_files(ev.get("network_files", ""))
    if not d.fedora or d.at_least("6.6"):
        return SKIPPED, not_applicable(f"{d.shown()} (LISA judges yum.conf on the Fedora family below 6.6)"), "—", ""
    ok = "http_caching=packages" in files.get("/etc/yum.conf", "")
    return (PASSED if ok else FAILED), "set" if ok else "not set", "http_caching=packages in /etc/yum.conf", \
        "" if ok else "echo 'http_caching=packages' >> /etc/yum.conf"


def _kvp(ev: Evidence, p: Profile) -> Verdict:
    """LISA verify_hv_kvp_daemon_installed: optional on Debian (passes either way), required on Azure Linux."""
    d = distro(ev)
    running = ev.get("processes", "").split()
    if d.debian:
        on = "hv_kvp_daemon" in running
        return PASSED, "running" if on else "not running (optional on Debian and Ubuntu)", "hv_kvp_daemon (optional)", ""
    if d.family == "mariner":
        n = running.count("hypervkvpd")
        return (PASSED if n == 1 else FAILED), f"{n} hypervkvpd process(es)", "one hypervkvpd process", \
            "" if n == 1 else "dnf install hyperv-daemons && systemctl enable --now hypervkvpd"
    return SKIPPED, not_applicable(f"{d.shown()} (LISA judges it on Debian, Ubuntu and Azure Linux)"), "—", ""


def _repo_sections(text: str) -> list[tuple[str, dict[str, str]]]:
    """[section] blocks of .repo files → (id, keys)."""
    out: list[tuple[str, dict[str, str]]] = []
    for line in text.splitlines():
        line = line.strip()
        if line.startswith("[") and line.endswith("]"):
            out.append((line[1:-1], {}))
        elif "=" in line and out:
            k, v = line.split("=", 1)
            out[-1][1][k.strip().lower()] = v.strip()
    return out


def _repos(ev: Evidence, p: Profile) -> Verdict:
    """LISA verify_repository_installed, from the repository files (LISA also runs apt-get update / zypper lr
    on the VM: that a repository answers is for the test VM's own run)."""
    d, files = distro(ev), headed_files(ev.get("repos", ""))
    apt = "\n".join(v for k, v in files.items() if k.startswith("/etc/apt/"))
    rpm = [s for k, v in files.items() if k.endswith(".repo") for s in _repo_sections(v)
           if s[1].get("enabled", "1").strip() not in ("0", "false", "no")]
    zypper = [s for k, v in files.items() if k.startswith("/etc/zypp/repos.d/") for s in _repo_sections(v)]
    if d.family == "ubuntu":
        host = "ports.ubuntu.com" if ev.get("uname_m", "").strip() in ("aarch64", "arm64") else "azure.archive.ubuntu.com"
        missing = [w for w in (host, "-security", "-updates") if w not in apt]
        required = f"{host}, -security and -updates suites"
        fix = f"Restore the cloud image's /etc/apt/sources.list (or ubuntu.sources) pointing at {host} with the -updates and -security suites."
    elif d.debian:
        ok = any(h in apt for h in ("deb.debian.org", "debian-archive.trafficmanager.net", "azure.deb.debian.cloud/debian"))
        missing = [] if ok else ["deb.debian.org"]
        required = "deb.debian.org, debian-archive.trafficmanager.net or azure.deb.debian.cloud/debian"
        fix = "Restore /etc/apt/sources.list (or debian.sources) pointing at deb.debian.org."
    elif d.sles:
        # `zypper lr` lists every repository, enabled or not: "Pool" and "Updates" anywhere in its aliases and names
        names = " ".join(f"{i} {s.get('name', '')}" for i, s in zypper)
        missing = [w for w in ("Pool", "Updates") if w not in names]
        required = "Pool and Updates repositories (zypper lr)"
        fix = "Register the image's repositories (registercloudguest --force-new / SUSEConnect) so the Pool and Updates repositories are there."
    elif d.family == "suse":
        # LISA: "alias name" lower-cased, no debug / non in it; oss ones (one refreshed), update ones (more than 2 refreshed)
        full = [(f"{i} {s.get('name', '')}".lower(), s.get("autorefresh", "0").strip().lower() in ("1", "yes", "true"))
                for i, s in zypper]
        oss = [r for f, r in full if "oss" in f and not re.search("debug|non", f)]
        upd = [r for f, r in full if "update" in f and not re.search("debug|non", f)]
        missing = ([] if oss else ["an oss repository"]) + ([] if upd else ["an update repository"]) + \
            ([] if not oss or any(oss) else ["a refreshed oss repository"]) + \
            ([] if not upd or sum(upd) > 2 else [f"more than 2 refreshed update repositories (found {sum(upd)})"])
        required = "oss and update repositories, refreshed (more than 2 update ones)"
        fix = "Restore openSUSE's repo-oss and update repositories (zypper ar …) and turn refresh on (zypper mr --refresh --all)."
    elif d.family == "redhat" and d.id == "ol":
        missing = [] if any("latest" in i for i, _ in rpm) else ["a *latest* repository"]
        required = "a repository whose id has 'latest'"
        fix = "Restore Oracle Linux's yum repositories (the ol<N>_baseos_latest repository)."
    elif d.fedora:
        base = any(w in i.lower() for i, _ in rpm for w in ("base", "baseos", "rhel", "fedora", "centos", "rhui"))
        missing = [] if base or not d.at_least("8.0") else ["a base repository"]
        required = "a base repository (base, baseos, rhel, fedora, centos or rhui in its id)"
        if d.id == "rhel":
            # `yum repolist all`: enabled and disabled ones alike
            rhui = sum(1 for k, v in files.items() if k.endswith(".repo") for i, _ in _repo_sections(v) if i.startswith("rhui-"))
            missing += [] if rhui > 5 else [f"more than 5 RHUI repositories (found {rhui})"]
            required += "; more than 5 rhui- repositories"
        fix = "Install the distribution's repository configuration (on RHEL: the Azure RHUI client package)."
    elif d.family == "mariner":
        expected = ["azurelinux-official-base", "azurelinux-official-ms-non-oss", "azurelinux-official-ms-oss"] \
            if d.version[:1] == (3,) else ["mariner-official-base", "mariner-official-microsoft"] + (
                ["mariner-official-update"] if d.version[:1] == (1,) else ["mariner-official-extras"] if d.version[:1] == (2,) else [])
        missing = [e for e in expected if not any(e in i for i, _ in rpm)]
        required = ", ".join(expected)
        fix = "Reinstall the distribution's repository package (azurelinux-repos / mariner-repos)."
    else:
        return SKIPPED, not_applicable(f"{d.shown()} (LISA has no repository rule for it)"), "—", ""
    found = sorted(files) or ["no repository files"]
    return (FAILED if missing else PASSED), ("missing " + ", ".join(missing)) if missing else ", ".join(found)[:300], \
        required, fix if missing else ""


# LISA's verify_boot_error_fail_warnings (AzureImageStandard._error_fail_warnings_ignorable_str_list, read at
# commit 0078b2d03062e0ed9b0c2a0fdf048895a465d81a of microsoft/lisa): a line of
# dmesg + /var/log/syslog + /var/log/messages that holds "fail", "error" or "warning" (lower case, as LISA's
# patterns) fails the case unless one of the ignorable patterns matches the line. The patterns below are LISA's
# regular expressions verbatim, between its `^(` and `)$`. `_lisa_pattern` reads that subset of regex syntax into
# tokens for a linear matcher, so no regular expression runs over a VM's line: ".*" any run, "." one character,
# "\d+" digits, "[...]" a class ("+" one or more), "\x" the character x. A pattern that does not start with ".*"
# is anchored at the line's start; one that does not end with ".*" at its end (LISA's `\r)$`: its lines end in
# CR; the CR is optional here). LISA compares whole lines with what `findall` answers: a pattern with a group of
# its own (`\\(SMART\\)` and `\\(ux\\)`, where a doubled backslash in a raw string leaves the parentheses a
# group; the audit pattern, op=PAM:setcred ... res=failed) answers tuples that never equal a line, so it ignores
# nothing in LISA: `_lisa_pattern` gives None for the first two, and the audit pattern (syntax beyond this
# subset) is left out. LISA's `\\[gnutls ...\\]` is a backslash and then one character of a class. LISA lists
# hv_fcopy and hv_vss twice; once here.
_LISA_BOOT_LOG_IGNORED = (
    r".*Perf event create on CPU 0 failed with -2.*",
    r".*Fast TSC calibration.*",
    r".*acpi PNP0A03:00.*",
    r".*systemd-journald-audit.socket.*",
    r".*Failed to set file attributes: Inappropriate ioctl for device.*",
    r".*Failed to create new system journal: No such file or directory.*",
    r".*failed to get extended button data.*",
    r".*ipmi_si.*",
    r".*pci_root PNP0A03:00.*",
    r".*disabling PCIe ASPM.*",
    r".*systemd-journald.*",
    r".*Cannot add dependency job.*",
    r".*failsafe.*",
    r".*startpar-bridge.*",
    r".*Failed to spawn.*",
    r".*display-manager.service.*",
    r".*ACPI PCC probe failed.*",
    r".*Failed to access perfctr msr.*",
    r".*Failed to init entropy source hwrng.*",
    r".*augenrules.*: failure 1.*",
    r".*microcode_ctl: kernel version .* failed early load check for .*, skipping.*",
    r".*rngd: Failed to init entropy source 0: Hardware RNG Device.*",
    r".*open /dev/vmbus/hv_fcopy failed; error: 2 No such file or directory.*",
    r".*open /dev/vmbus/hv_vss failed; error: 2 No such file or directory.*",
    r".*hv-vss-daemon.service.*",
    r".*hv-fcopy-daemon.service.*",
    r".*dnf.*: Failed determining last makecache time.*",
    r".*dbus-daemon.*: .system. Activation via systemd failed for unit 'dbus-org.freedesktop.resolve1.service': "
    r"Unit dbus-org.freedesktop.resolve1.service not found.*",
    r".*TLS record write failed.*",
    r".*state ensure error.*",
    r".*got unexpected HTTP status code.*",
    r'.*Error getting hardware address for \"eth0\": No such device.*',
    r".*codec can't encode character.*",
    r".*Failed to set certificate key file \\[gnutls error -64: Error while reading file.\\].*",
    r".*audispd: Error - /etc/audisp/plugins.d/wdgsmart-syslog.conf isn't owned by root.*",
    r".*Condition check resulted in Process error reports when automatic reporting is enabled.*",
    r".*error trying to compare the snap system key: system-key missing on disk.*",
    r".*mitigating potential DNS violation DVE-2018-0001.*",
    r".*end_request: I/O error, dev fd0, sector 0.*",
    r".*blk_update_request: I/O error, dev fd0, sector 0.*",
    r".*floppy: error -5 while reading block 0.*",
    r".*Broken pipe.*",
    r".*errors=remount-ro.*",
    r".*smartd.*: Device: /dev/.*, Bad IEC \\(SMART\\) mode page, err=5, skip device.*",
    r".*GPT: Use GNU Parted to correct GPT errors.*",
    r".*RAS: Correctable Errors collector initialized.*",
    r".*BERT: Boot Error Record Table support is disabled.*",
    r" Enable it by using bert_enable as kernel parameter.*",
    r".*WARNING Daemon VM is provisioned, but the VM unique identifie has changed -- clearing cached state.*",
    r".*WARNING! Cached DHCP leases will be deleted.*",
    r".*Unconfined exec qualifier \\(ux\\) allows some dangerous environment variables.*",
    r".*reloading interface list.*",
    r".*Server preferred version:.*",
    r".*WARNING Hostname record does not exist,.*",
    r".*Dhcp client is not running.*",
    r".*Write warning to Azure ephemeral disk.*",
    r".*Added ephemeral disk warning to.*",
    r".*Proceeding WITHOUT firewalling in effect!.*",
    r".*urandom warning.* missed due to ratelimiting.*",
    r".*kdumpctl.*: Warning: There might not be enough space to save a vmcore.*",
    r".*WARNING ExtHandler ExtHandler cgroups v2 mounted at.*",
    r".*dataloss warning file.*",
    r".*temp-disk-dataloss-warning.*Deactivated successfully.*",
    r".*temp-disk-dataloss-warning.service: Succeeded.*",
    r".*was skipped because all trigger condition checks failed.*",
    r".*was skipped because of a failed condition check.*",
    r".*GRUB failed boot detection.*",
    r".*nofail.*",
    r".*SGI XFS with ACLs, security attributes, realtime, verbose warnings, quota, no debug enabled.*",
    r".*platform regulatory\.0: Direct firmware load for regulatory\.db failed with error -2.*",
    r".*failed to load regulatory\.db.*",
    r".*This warning is only shown for the first unit using IP firewalling.*",
    r".*Internal error: Cannot find counter: swap.*",
    r".*ACPI.*failed to evaluate _DSM \(0x1001\).*",
    r".*ib_srpt MAD registration failed for.*",
    r".*ib_srpt srpt_add_one\(.*\) failed.*",
    r".*handlers.py\[WARNING\]: failed to truncate kvp pool file.*",
    r".*pam_unix,pam_faillock.*",
    r".*mlx5_core0: WARN: mlx5_fwdump_prep:92:\(pid 0\).*",
    r".* ACPI: _OSC evaluation for CPUs failed, trying _PDC\r",
    r".*Buffer I/O error on dev sr0, logical block \d+, async page read\r",
    r".* I/O error, dev sr0, sector \d+ op 0x0:\(READ\) flags 0x[0-9a-fA-F]+ phys_seg \d+ prio class \d+\r",
)
_Token = tuple[str, Any]  # ("lit", text) | ("one", test) | ("many", test): test(char) -> bool


def _not_newline(c: str) -> bool:
    return c != "\n"


def _decimal(c: str) -> bool:
    return c.isdecimal()  # Python's \d in a str pattern: Unicode decimal digits


def _regex_class(body: str) -> Callable[[str], bool]:
    """A "[...]" class of LISA's subset: characters, "a-b" ranges, "\\x" escapes."""
    chars: set[str] = set()
    ranges: list[tuple[str, str]] = []
    items: list[str] = []
    i = 0
    while i < len(body):
        if body[i] == "\\":
            items.append(body[i + 1])
            i += 2
        else:
            items.append(body[i] if body[i] != "-" or not items or i + 1 == len(body) else "\0-")
            i += 1
    k = 0
    while k < len(items):
        if k + 2 < len(items) and items[k + 1] == "\0-":
            ranges.append((items[k], items[k + 2]))
            k += 3
        else:
            chars.add("-" if items[k] == "\0-" else items[k])
            k += 1
    frozen = frozenset(chars)
    return lambda c: c in frozen or any(lo <= c <= hi for lo, hi in ranges)


@record(frozen=True)
class LinePattern:
    """One of LISA's ignorable lines: segments that follow each other in order with any text between them."""

    source: str
    segments: tuple[tuple[_Token, ...], ...]
    at_start: bool
    at_end: bool

    def matches(self, line: str) -> bool:
        """Linear in the line for each segment's candidate starts (found with str.find): no backtracking."""
        if line.endswith("\r") and self.at_end:
            line = line[:-1]
        pos = 0
        last = len(self.segments) - 1
        for k, seg in enumerate(self.segments):
            anchored_start = k == 0 and self.at_start
            anchored_end = k == last and self.at_end
            end = None
            start = pos
            while start <= len(line):
                if seg[0][0] == "lit" and not anchored_start:
                    start = line.find(seg[0][1], start)
                    if start < 0:
                        return False
                got = _segment_at(line, start, seg)
                if got is not None and (not anchored_end or got == len(line)):
                    end = got
                    break
                if anchored_start:
                    return False
                start += 1
            if end is None:
                return False
            pos = end
        return True


def _segment_at(line: str, pos: int, seg: tuple[_Token, ...]) -> int | None:
    for kind, value in seg:
        if kind == "lit":
            if not line.startswith(value, pos):
                return None
            pos += len(value)
        elif kind == "one":
            if pos >= len(line) or not value(line[pos]):
                return None
            pos += 1
        else:  # "many": greedy; the parser made sure the next token cannot take the same character
            j = pos
            while j < len(line) and value(line[j]):
                j += 1
            if j == pos:
                return None
            pos = j
    return pos


def _lisa_pattern(source: str) -> LinePattern | None:
    """LISA's pattern text (the subset described above) into a LinePattern; None for one with a group of its own
    (LISA's findall answers tuples for it, which never equal a line: it ignores nothing)."""
    at_end = source.endswith(r"\r")
    body = source[:-2] if at_end else source
    segments: list[list[_Token]] = [[]]
    i = 0
    while i < len(body):
        c = body[i]
        test: Callable[[str], bool] | None = None
        if body.startswith(".*", i):
            segments.append([])
            i += 2
            continue
        if c in "()":
            return None
        if c == ".":
            test, i = _not_newline, i + 1
        elif body.startswith(r"\d", i):
            test, i = _decimal, i + 2
        elif c == "[":
            close = i + 1
            while body[close] != "]":
                close += 2 if body[close] == "\\" else 1
            test, i = _regex_class(body[i + 1:close]), close + 1
        elif c == "\\":
            segments[-1].append(("lit", body[i + 1]))
            i += 2
            continue
        else:
            segments[-1].append(("lit", c))
            i += 1
            continue
        if i < len(body) and body[i] == "+":
            segments[-1].append(("many", test))
            i += 1
        else:
            segments[-1].append(("one", test))
    at_start = bool(segments[0])
    if not at_end and segments[-1]:
        raise ValueError(f"{source!r}: ends neither in .* nor \\r")
    merged: list[tuple[_Token, ...]] = []
    for seg in segments:
        out: list[_Token] = []
        for kind, value in seg:
            if kind == "lit" and out and out[-1][0] == "lit":
                out[-1] = ("lit", out[-1][1] + value)
            else:
                out.append((kind, value))
        for (kind, value), (next_kind, next_value) in zip(out, out[1:], strict=False):
            if kind == "many" and (next_kind != "lit" or value(next_value[0])):
                raise ValueError(f"{source!r}: a repeat the linear matcher cannot take greedily")
        if out:
            merged.append(tuple(out))
    return LinePattern(source, tuple(merged), at_start, at_end)


BOOT_LOG_IGNORED = tuple(p for p in map(_lisa_pattern, _LISA_BOOT_LOG_IGNORED) if p is not None)


def boot_log_ignored(line: str) -> bool:
    """LISA ignores this boot-log line (one of its ignorable patterns matches it)."""
    return any(p.matches(line) for p in BOOT_LOG_IGNORED)


def _boot_log(ev: Evidence, p: Profile) -> Verdict:
    text = ev.get("boot_log", "")
    required = "no unexpected fail / error / warning line in dmesg, /var/log/syslog, /var/log/messages"
    if needs_root(text):
        return SKIPPED, NEEDS_SUDO, required, ""
    # LISA's lines: split at "\n" only (its "." takes any other character), holding fail/error/warning
    bad = [line for line in text.split("\n") if any(w in line for w in ("fail", "error", "warning"))
           and not boot_log_ignored(line)]
    shown = "; ".join(line.strip()[:160] for line in bad[:5]) + (f" … ({len(bad)} lines)" if len(bad) > 5 else "")
    return (FAILED if bad else PASSED), shown or "none", required, \
        "Find the cause of each line (a failing service, a missing driver) and fix or remove it before capturing." if bad else ""


def _cloud_init(ev: Evidence, p: Profile) -> Verdict:
    """LISA verify_cloud_init_error_status: Azure Linux (Mariner 2.0+) only."""
    d, text = distro(ev), ev.get("cloud_init", "")
    required = "no [ERROR]/[WARNING] in /var/log/cloud-init.log; cloud-init status exits 0"
    if d.family != "mariner" or not d.at_least("2.0"):
        return SKIPPED, not_applicable(f"{d.shown()} (LISA judges cloud-init on Azure Linux / Mariner 2.0+)"), required, ""
    if needs_root(text):
        return SKIPPED, NEEDS_SUDO, required, ""
    lines = text.splitlines()
    if "no log" in lines:
        return FAILED, "/var/log/cloud-init.log does not exist", required, "Install and enable cloud-init (dnf install cloud-init)."
    problems = [line for line in lines if "[ERROR]:" in line or "[WARNING]:" in line]
    status = next((line.split()[1] for line in lines if line.startswith("status ") and len(line.split()) > 1), "0")
    bad = problems + ([f"cloud-init status exit {status}"] if status != "0" else [])
    return (FAILED if bad else PASSED), "; ".join(b[:160] for b in bad[:5]) or "clean", required, \
        "Fix what cloud-init reports (cloud-init analyze / cloud-init collect-logs), then cloud-init clean before capturing." if bad else ""


def _resource_state(ev: Evidence) -> tuple[str, list[str], list[str]]:
    lines = ev.get("resource_disk", "").splitlines()
    mount = next((line.split(None, 1)[1] for line in lines if line.startswith("mountpoint ")), "/mnt")
    mounted = next((line.split()[1:] for line in lines if line.startswith("mounted ")), [])
    return mount, mounted, lines


def _resource_readme(ev: Evidence, p: Profile) -> Verdict:
    """LISA verify_resource_disk_readme_file (Azure, a size with a resource disk)."""
    text = ev.get("resource_disk", "")
    required = "lost+found and DATALOSS_WARNING_README.txt ('WARNING: THIS IS A TEMPORARY DISK') on the resource disk"
    if needs_root(text):
        return SKIPPED, NEEDS_SUDO, required, ""
    mount, mounted, lines = _resource_state(ev)
    if not mounted:
        return SKIPPED, f"no resource disk mounted at {mount} (a VM size without one, or an NVMe resource disk)", required, ""
    missing = [w for w, key in (("lost+found", "lost+found"), ("DATALOSS_WARNING_README.txt", "readme"),
                                ("the warning text", "readme-warning")) if key not in lines]
    return (FAILED if missing else PASSED), f"{mount}: " + (("missing " + ", ".join(missing)) if missing else "as the agent makes it"), \
        required, ("Let the agent or cloud-init format the resource disk (ResourceDisk.Format=y in /etc/waagent.conf, "
                   "or cloud-init's disk_setup), and do not place files on it in the image.") if missing else ""


def _resource_fs(ev: Evidence, p: Profile) -> Verdict:
    """LISA verify_resource_disk_file_system: the resource disk is formatted (not left NTFS)."""
    text = ev.get("resource_disk", "")
    if needs_root(text):
        return SKIPPED, NEEDS_SUDO, "not ntfs", ""
    mount, mounted, _ = _resource_state(ev)
    if not mounted:
        return SKIPPED, f"no resource disk mounted at {mount} (a VM size without one, or an NVMe resource disk)", "not ntfs", ""
    fs = mounted[1] if len(mounted) > 1 else "unknown"
    ok = fs.lower() != "ntfs"
    return (PASSED if ok else FAILED), f"{mounted[0]} {fs} at {mount}", "not ntfs", \
        "" if ok else "Let the agent format the resource disk: ResourceDisk.Format=y and ResourceDisk.Filesystem=ext4 in /etc/waagent.conf."


def _omi(ev: Evidence, p: Profile) -> Verdict:
    text = ev.get("omi", "").strip()
    required = f"≥ {p.linux_omi_min_version} or not installed (OMIGOD)"
    fix = "Update OMI to 1.6.8.1 or later (https://aka.ms/omi-updation) or remove it."
    if not text:
        return PASSED, "not installed", required, ""
    m = re.search(r"(?:OMI-|omi\s+|omi-)(\d+\.\d+\.\d+(?:\.\d+|-\d+)?)", text)
    if not m:
        return FAILED, f"installed, version not readable: {text[:80]}", required, fix
    version = version_tuple(m.group(1).replace("-", "."))
    ok = version is not None and version >= profile_version(p.linux_omi_min_version)
    return (PASSED if ok else FAILED), m.group(1), required, "" if ok else fix


def _kernel_config(ev: Evidence, p: Profile) -> Verdict:
    """LISA verify_essential_kernel_modules: each option built in (=y) or a module (=m)."""
    text = ev.get("kernel_config", "")
    need = p.linux_kernel_configs_required
    if "needs-root" in text.splitlines():
        return SKIPPED, NEEDS_SUDO, ", ".join(need), ""
    if text.strip() == "none":  # LISA: the KernelConfig tool does not exist without the file, and the case fails
        return FAILED, "no /boot/config-<release> for the running kernel", " and ".join(f"{c}=y or m" for c in need), \
            "Install the kernel's config file with the kernel (the distribution's kernel package ships /boot/config-<release>)."
    if not text.strip():
        return SKIPPED, "the kernel's config is not readable (/boot/config-<release> or /proc/config.gz)", ", ".join(need), ""
    values = dict(line.split("=", 1) for line in text.splitlines() if line.startswith("CONFIG_") and "=" in line)
    missing = [c for c in need if values.get(c) not in ("y", "m")]
    return (FAILED if missing else PASSED), ", ".join(f"{c}={values.get(c, 'not set')}" for c in need), \
        " and ".join(f"{c}=y or m" for c in need), \
        "Use the distribution's Azure kernel (it has the watchdog and CIFS enabled)." if missing else ""


def _floppy(ev: Evidence, p: Profile) -> Verdict:
    """LISA Floppy verify_floppy_module_is_blacklisted: the floppy module is not loaded."""
    d = distro(ev)
    if d.id == "centos" and not d.at_least("7.8"):
        return SKIPPED, not_applicable(f"{d.shown()} (LISA skips CentOS below 7.8)"), "floppy not loaded", ""
    loaded = "floppy" in ev.get("modules", "").split()
    return (FAILED if loaded else PASSED), "loaded" if loaded else "not loaded", "floppy not loaded", \
        "echo 'blacklist floppy' > /etc/modprobe.d/blacklist-floppy.conf, then rebuild the initramfs (update-initramfs -u / dracut -f)" \
        if loaded else ""


def _arm64_pmu(ev: Evidence, p: Profile) -> Verdict:
    param = p.linux_arm64_pmu_param
    if ev.get("uname_m", "").strip() not in ("aarch64", "arm64"):
        return SKIPPED, not_applicable(f"{ev.get('uname_m', '').strip() or 'unknown'} (Arm64 images only)"), param, ""
    ok = param in ev.get("cmdline", "")
    return (PASSED if ok else FAILED), "present" if ok else "missing", param, \
        "" if ok else (f"Add '{param}' to GRUB_CMDLINE_LINUX in /etc/default/grub, then run update-grub "
                       "(or grub2-mkconfig -o /boot/grub2/grub.cfg) and reboot.")


def _swap_agent(ev: Evidence, p: Profile) -> Verdict:
    """LISA storage verify_swap: swap is on exactly when the agent's ResourceDisk.EnableSwap says so."""
    conf = ev.get("waagent_conf", "")
    wanted = (_conf_value(conf, "ResourceDisk.EnableSwap") or "n").lower().startswith("y")
    active = any(line.strip() for line in ev.get("swaps", "").splitlines()[1:])
    ok = wanted == active
    fix = "" if ok else ("Let the agent make the swap (check ResourceDisk.Format=y and ResourceDisk.SwapSizeMB in /etc/waagent.conf)"
                         if wanted else "Remove the swap (swapoff -a and its /etc/fstab line), or set ResourceDisk.EnableSwap=y")
    return (PASSED if ok else FAILED), f"swap {'on' if active else 'off'}, ResourceDisk.EnableSwap={'y' if wanted else 'n'}", \
        "swap on exactly when ResourceDisk.EnableSwap=y", fix



G = "REFERENCE §3 (the 2015 guide, section 2)"
CASES: tuple[Case, ...] = (
    Case("bash-history", "48", "Bash History", "Shell history files are cleared.", _bash_history, ("history", "user_home"),
         f"{G}; {LISA} verify_bash_history_is_empty (passwd read with Cat.read_with_filter invert_match: "
         "the connecting user left out)"),
    Case("linux-agent", "39", "Linux Agent Version", "The Azure Linux Agent is installed and recent.", _agent,
         ("waagent", "waagent_conf"), f"{G}; {LISA} verify_waagent_version (lisa/sut_orchestrator/azure/tools.py Waagent: "
         "CoreOs reads /usr/share/oem/waagent.conf)"),
    Case("auto-update", "51", "Auto Update", "The agent updates itself.", _auto_update, ("waagent_conf",), G),
    Case("deprovision-config", "", "Deprovision settings", "Host keys regenerate and the root password is deleted at deprovision.",
         _deprovision, ("waagent_conf",), G),
    Case("lis-drivers", "", "Linux Integration Services", "Hyper-V drivers are present.", _lis, ("modules",), G),
    Case("python-version", "45", "Python Version", "Python is installed.", _python, ("python",),
         f"{G}; {LISA} verify_python_version"),
    Case("openssl-version", "44", "OpenSSL Version", "OpenSSL is installed and recent.", _openssl, ("openssl",),
         f"{G}; {LISA} verify_openssl_version"),
    Case("root-partition", "42", "Root Partition on OS Disk", "A single root partition, no LVM.", _root_partition, ("mounts",), G),
    Case("swap-partition", "41", "Swap Partition on OS Disk", "No swap partition on the OS or data disks.", _swap,
         ("swaps", "swap_devices", "fstab", "mounts", "waagent_conf"), f"{G}; {LISA} verify_no_swap_on_osdisk"),
    Case("kernel-params", "40", "Required Kernel Parameters", "The boot line has the serial console parameters.",
         _kernel_params, ("cmdline", "grub", "uname_m", "os_release", "redhat_release"), f"{G}; {LISA} verify_serial_console_is_enabled"),
    Case("ssh-server", "", "SSH server", "An SSH server is installed.", _ssh_server, ("sshd_binary",), G),
    Case("client-alive-interval", "46", "Client Alive Interval", "sshd keeps idle sessions alive.", _client_alive,
         ("sshd_config", "sshd_dropins", "sshd_t"), f"{G}; {LISA} verify_client_active_interval (lisa/tools/ssh.py Ssh.get)"),
    Case("network-manager", "", "NetworkManager", "NetworkManager does not conflict with the agent.", _network_manager,
         ("network_manager", "network_files", "os_release", "redhat_release"), f"{G}; {LISA} verify_network_manager_not_installed"),
    Case("ifup-ifdown", "", "ifup / ifdown", "The agent can restart networking.", _ifupdown, ("ifupdown",), G),
    Case("dhcp", "", "DHCP", "The network comes up with DHCP.", _dhcp, ("network",), G),
    Case("resolv-conf", "", "resolv.conf", "No hard-coded name servers.", _resolv, ("resolv",), G),
    Case("ipv6", "", "IPv6", "IPv6 state (informational).", _ipv6, ("ipv6",), G),
    Case("security-updates", "", "Security updates", "All security updates are installed.", _security_updates, (),
         f"{G}; {LISA} verify_os_update (it updates and reboots: not run by a read-only probe)"),
    Case("default-accounts", "", "Default accounts", "No account but the connecting one has a password or SSH keys.",
         _default_accounts, ("shadow", "authorized_keys", "user"), f"{G}; {LISA} verify_no_pre_exist_users"),
    Case("iptables", "", "iptables", "iptables installed with no rules.", _iptables, ("iptables",), G),
    Case("os-architecture", "49", "OS Architecture", "64-bit only.", _architecture, ("uname_m",), f"{G}; {LISA} verify_azure_64bit_os"),
    Case("security-threats", "50", "Security threats", "Not affected by GHOST.", _security_threats, ("glibc",), G),
    Case("sudo-targetpw", "", "sudo targetpw", "sudo does not ask for the target user's password.", _sudo_targetpw, ("sudoers",),
         f"{G}; {LISA} verify_default_targetpw"),
    Case("tcp-sack", "52", "SACK Vulnerability patch", "The kernel is not open to the 2019 TCP SACK panic.", _tcp_sack,
         ("uname_r", "tcp_sack"), "REFERENCE §9 TCP SACK"),
    # LISA's cases the 2015 guide does not have (Partner Center profile).
    Case("grub-config", "", "GRUB configuration", "The boot loader file has no libata.atapi_enabled=0 or reserve=0x1f0,0x8.",
         _grub_lisa, ("grub_files", "os_release", "redhat_release"), f"{LISA} verify_grub", lisa=True),
    Case("network-file", "", "Network file", "The distribution's network configuration file is in place.", _network_file,
         ("network_files", "os_release", "redhat_release"), f"{LISA} verify_network_file_configuration", lisa=True),
    Case("ifcfg-eth0", "", "ifcfg-eth0", "eth0 comes up with DHCP at boot (Fedora family below 39).", _ifcfg_eth0,
         ("network_files", "os_release", "redhat_release"), f"{LISA} verify_ifcfg_eth0", lisa=True),
    Case("udev-rules", "", "Persistent net rules", "No udev rules pin eth0 to the build machine.", _udev_rules,
         ("network_files", "os_release", "redhat_release"), f"{LISA} verify_udev_rules_moved", lisa=True),
    Case("dhcp-hostname", "", "DHCP hostname", "DHCP does not set the host name (SUSE) / asks for it (Azure Linux).", _dhcp_hostname,
         ("network_files", "os_release", "redhat_release"), f"{LISA} verify_dhcp_file_configuration", lisa=True),
    Case("yum-conf", "", "yum.conf", "yum caches packages (Fedora family below 6.6).", _yum_conf, ("network_files", "os_release", "redhat_release"),
         f"{LISA} verify_yum_conf", lisa=True),
    Case("kvp-daemon", "", "KVP daemon", "The Hyper-V KVP daemon runs (required on Azure Linux).", _kvp, ("processes", "os_release", "redhat_release"),
         f"{LISA} verify_hv_kvp_daemon_installed", lisa=True, online="which processes run"),
    Case("repositories", "", "Package repositories", "The distribution's official repositories are configured.", _repos,
         ("repos", "os_release", "redhat_release", "uname_m"), f"{LISA} verify_repository_installed", lisa=True),
    Case("boot-log", "", "Boot log", "No unexpected error, failure or warning at boot.", _boot_log, ("boot_log",),
         f"{LISA} verify_boot_error_fail_warnings", lisa=True, online="the boot log of a booted system"),
    Case("cloud-init", "", "cloud-init", "cloud-init ran without errors (Azure Linux).", _cloud_init, ("cloud_init", "os_release", "redhat_release"),
         f"{LISA} verify_cloud_init_error_status", lisa=True, online="cloud-init's log and status after a boot"),
    Case("resource-disk-readme", "", "Resource disk README", "The resource disk carries the agent's data-loss warning.",
         _resource_readme, ("resource_disk",), f"{LISA} verify_resource_disk_readme_file", lisa=True,
         online="the resource disk exists on a VM only"),
    Case("resource-disk-fs", "", "Resource disk file system", "The resource disk is formatted (not NTFS).", _resource_fs,
         ("resource_disk",), f"{LISA} verify_resource_disk_file_system", lisa=True, online="the resource disk exists on a VM only"),
    Case("omi-version", "", "OMI version", "OMI is absent or not open to OMIGOD.", _omi, ("omi",), f"{LISA} verify_omi_version",
         lisa=True),
    Case("kernel-modules", "", "Essential kernel modules", "The watchdog and CIFS are enabled in the kernel.", _kernel_config,
         ("kernel_config",), f"{LISA} verify_essential_kernel_modules (lisa/tools/kernel_config.py KernelConfig: /boot/config-<release>, "
         "CoreOs /usr/boot, grep with sudo)", lisa=True),
    Case("floppy-module", "", "Floppy module", "The floppy module is not loaded.", _floppy, ("modules", "os_release", "redhat_release"),
         "microsoft/lisa microsoft/testsuites/core/floppy.py verify_floppy_module_is_blacklisted", lisa=True,
         online="which modules are loaded"),
    Case("arm64-pmu", "", "Arm64 PMU", "An Arm64 kernel boots with the PMU driver disabled.", _arm64_pmu, ("uname_m", "cmdline"),
         "microsoft/lisa lisa/microsoft/testsuites/core/timesync.py verify_pmu_disabled_for_arm64", lisa=True),
    Case("swap-agent", "", "Swap and the agent", "Swap is on exactly when the agent is set to make it.", _swap_agent,
         ("swaps", "waagent_conf"), "microsoft/lisa lisa/microsoft/testsuites/core/storage.py verify_swap", lisa=True,
         online="the agent makes the swap when the VM is provisioned"),
)


def cases_for(profile: Profile) -> tuple[Case, ...]:
    """The cases a profile runs (TCP SACK is a case of today's tool, not of the 2015 one; LISA's own cases
    run under a profile that judges as LISA does)."""
    return tuple(c for c in CASES if (c.id != "tcp-sack" or profile.linux_sack_fixed_kernels)
                 and (not c.lisa or profile.linux_lisa_rules))


def probe_script() -> str:
    return resource_path("probes", "linux-probe.sh").read_text(encoding="utf-8")


def judge(evidence: Evidence, profile: Profile, progress: Progress = no_progress, cancel: CancelToken | None = None,
          only: set[str] | None = None, unavailable: dict[str, str] | None = None) -> list[CheckResult]:
    """Every case on the evidence. `unavailable` (section → reason): evidence only a running system
    has (the offline pre-flight); a case reading such a section is Skipped with the reason."""
    results = []
    cases = [c for c in cases_for(profile) if only is None or c.id in only]
    # A section is complete once the next one has started: after a dropped connection the
    # checks whose evidence arrived whole are still judged, the others are Errors.
    order = list(evidence)
    complete = set(order) if "end" in evidence else set(order[:-1])
    for i, case in enumerate(cases):
        if cancel is not None:
            cancel.raise_if_cancelled()
        shown = "\n".join(f"@@@{s}\n{evidence.get(s, '')}" for s in case.sections)
        missing = [unavailable[s] for s in case.sections if unavailable and s in unavailable]
        if missing:  # judged anyway for the required value; the verdict is the reason
            result = (SKIPPED, missing[0], judged_safely(case.judge, evidence, profile)[2], "")
        elif "end" not in evidence and not all(s in complete for s in case.sections):
            result = NOT_FINISHED
        else:
            result = judged_safely(case.judge, evidence, profile)
        results.append(CheckResult(case.id, case.test_id, case.name, case.description, *result, shown))
        progress(ProgressUpdate(i + 1, len(cases), case.id))
    return results


def system_info(evidence: Evidence) -> dict[str, str]:
    """The record's system fields, from the probe's os-release and uname sections."""
    os_release = dict(line.split("=", 1) for line in evidence.get("os_release", "").splitlines() if "=" in line)
    return {
        "OSName": os_release.get("NAME", "").strip('"'),
        "OSDistro": os_release.get("PRETTY_NAME", "").strip('"'),
        "KernelVersion": evidence.get("uname_r", "").split("-")[0],
        "KernelFullVersion": evidence.get("uname_r", ""),
        "OSVersion": os_release.get("VERSION_ID", "").strip('"'),
    }

