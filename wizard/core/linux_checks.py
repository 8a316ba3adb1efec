"""The Linux certification test cases (REFERENCE.md §3), judged from one read-only probe.

`operations.run_certification` (its `_run_linux`) sends `probe_script()` --
`resources/probes/linux-probe.sh` -- to `sh -s` over one SSH session (one round trip,
nothing written to the VM); `parse_sections` splits its output into sections and
`judge` runs every check on them locally. Thresholds come from the profile.
Each result carries the tool's TestID where it has one, the verdict, the actual
and required values, the exact remediation and the evidence it was judged on.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from .checks import CheckResult, profile_version, tool_record, version_tuple  # noqa: F401 - tool_record re-exported
from .profiles import Profile
from .progress import CancelToken, Progress, ProgressUpdate, no_progress
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


@dataclass(frozen=True)
class Case:
    id: str
    test_id: str
    name: str
    description: str
    judge: Callable[[Evidence, Profile], tuple[str, str, str, str]]  # result, actual, required, remediation
    sections: tuple[str, ...]


def _bash_history(ev: Evidence, p: Profile) -> Verdict:
    limit = p.linux_bash_history_max_bytes
    files = [line.split(" ", 1) for line in ev.get("history", "").splitlines() if " " in line]
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


def _auto_update(ev: Evidence, p: Profile) -> Verdict:
    conf = ev.get("waagent_conf", "")
    if not conf:
        return WARNING, "no /etc/waagent.conf", "AutoUpdate.Enabled=y", "Install the Azure Linux Agent package."
    value = _conf_value(conf, "AutoUpdate.Enabled") or "y (default)"
    on = value.startswith("y")
    return (PASSED if on else WARNING), value, "y", "" if on else "sed -i 's/^AutoUpdate.Enabled=.*/AutoUpdate.Enabled=y/' /etc/waagent.conf"


def _deprovision(ev: Evidence, p: Profile) -> Verdict:
    conf = ev.get("waagent_conf", "")
    keys = ("Provisioning.RegenerateSshHostKeyPair", "Provisioning.DeleteRootPassword")
    values = {k: _conf_value(conf, k) for k in keys}
    bad = [k for k, v in values.items() if v != "y"]
    fix = " && ".join(f"sed -i 's/^#*{k}=.*/{k}=y/' /etc/waagent.conf" for k in bad)
    return (WARNING if bad else PASSED), ", ".join(f"{k}={v or 'unset'}" for k, v in values.items()), \
        ", ".join(f"{k}=y" for k in keys), fix


def _kernel_params(ev: Evidence, p: Profile) -> Verdict:
    running = ev.get("cmdline", "").split()
    # An ARM64 image's serial console is ttyAMA0, not ttyS0 (the profile says which parameter it replaces).
    arm64 = ev.get("uname_m", "").strip() in ("aarch64", "arm64")
    alternatives = p.linux_kernel_param_arm64_alternatives if arm64 else {}
    missing = [param for param in p.linux_kernel_params_required
               if param not in running and alternatives.get(param) not in running]
    fix = ""
    if missing:
        fix = (f"Add '{' '.join(missing)}' to GRUB_CMDLINE_LINUX in /etc/default/grub, then run update-grub "
               "(or grub2-mkconfig -o /boot/grub2/grub.cfg) and reboot.")
    return (FAILED if missing else PASSED), " ".join(running) or "(empty)", " ".join(p.linux_kernel_params_required), fix


def _swap(ev: Evidence, p: Profile) -> Verdict:
    swaps = [line.split()[0] for line in ev.get("swaps", "").splitlines()[1:] if line.strip()]
    fstab = [line.split()[0] for line in ev.get("fstab", "").splitlines()
             if line.strip() and not line.startswith("#") and len(line.split()) > 2 and line.split()[2] == "swap"]
    found = sorted(set(swaps + fstab))
    # a swap line only in fstab (not active now) has nothing to swapoff: the fix starts with its removal
    fix = "; ".join([f"swapoff {dev}" for dev in swaps] + ["remove the swap lines from /etc/fstab and delete the "
                                                          "partition; use ResourceDisk.EnableSwap=y in /etc/waagent.conf"]) if found else ""
    return (FAILED if found else PASSED), ", ".join(found) or "no swap", "no swap partition", fix


def _root_partition(ev: Evidence, p: Profile) -> Verdict:
    roots = [line.split() for line in ev.get("mounts", "").splitlines() if len(line.split()) > 2 and line.split()[1] == "/"]
    roots = [r for r in roots if r[0] != "rootfs"]
    if not roots:
        return ERROR, "no / in /proc/mounts", "one root partition", ""
    device = roots[-1][0]
    lvm = "/mapper/" in device or device.startswith("/dev/dm-")
    return (WARNING if lvm else PASSED), device, "a single root partition, no LVM", \
        "Rebuild the image with a plain root partition (no LVM)." if lvm else ""


def _client_alive(ev: Evidence, p: Profile) -> Verdict:
    main = _sshd_value(ev.get("sshd_config", ""), "ClientAliveInterval")
    dropin = _sshd_value(re.sub(r"^### .*$", "", ev.get("sshd_dropins", ""), flags=re.M), "ClientAliveInterval")
    value = main or dropin
    rec, lo, hi = p.linux_client_alive_recommended, p.linux_client_alive_min, p.linux_client_alive_max
    fix = f"echo 'ClientAliveInterval {rec}' >> /etc/ssh/sshd_config && systemctl restart sshd"
    if value is None or not value.isdigit():
        return FAILED, value or "not set", f"{rec} (allowed {lo}–{hi})", fix
    n = int(value)
    if not lo <= n <= hi:
        return FAILED, str(n), f"{rec} (allowed {lo}–{hi})", fix
    if main is None:  # the portal's probe reads only the main file
        return WARNING, f"{n} (only in a drop-in)", f"{rec} in /etc/ssh/sshd_config", fix
    return (PASSED if n == rec else WARNING), str(n), f"{rec} (allowed {lo}–{hi})", "" if n == rec else fix


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
    tolerated = any(version[:len(line_v)] == line_v for line_v in map(profile_version, p.linux_openssl_tolerated_lines))
    if version < need:
        result = WARNING if tolerated else FAILED  # a patched long-term line is tolerated, not recommended
    else:
        result = WARNING if version < rec else PASSED
    required = f"≥ {p.linux_openssl_recommended_version}" + (
        f" ({' / '.join(p.linux_openssl_tolerated_lines)} tolerated)" if p.linux_openssl_tolerated_lines else "")
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


def _sudo_targetpw(ev: Evidence, p: Profile) -> Verdict:
    text = ev.get("sudoers", "")
    if not text:
        return SKIPPED, "sudoers not readable", "no 'Defaults targetpw'", ""
    # Token by token, not one regular expression over the line: `\s+.*\b` backtracks quadratically on
    # a long line of blanks, and this text comes from the VM.
    bad = any(words[0] == "Defaults" and "targetpw" in re.split(r"[\s,=]+", " ".join(words))
              for words in (line.split() for line in text.splitlines()) if words)
    return (FAILED if bad else PASSED), "Defaults targetpw" if bad else "not set", "no 'Defaults targetpw'", \
        "Remove 'Defaults targetpw' (and 'ALL ALL=(ALL) ALL') from /etc/sudoers with visudo." if bad else ""


def _default_accounts(ev: Evidence, p: Profile) -> Verdict:
    text = ev.get("shadow", "")
    if text.strip() == "needs-root":
        return SKIPPED, "needs root (sudo -n not available)", "no account with a password", ""
    with_password = [line.split()[0] for line in text.splitlines() if line.endswith(" password")]
    return (FAILED if with_password else PASSED), ", ".join(with_password) or "none", "no account with a password", \
        "; ".join(f"passwd -d {u}" for u in with_password) + "; or run 'waagent -deprovision+user'" if with_password else ""


def _iptables(ev: Evidence, p: Profile) -> Verdict:
    text = ev.get("iptables", "").strip()
    if text == "not-installed":
        return WARNING, "not installed", "installed, no rules", "Install iptables (it must be present, with no rules)."
    if text == "needs-root":
        return SKIPPED, "needs root (sudo -n not available)", "installed, no rules", ""
    rules = [line for line in text.splitlines() if line.startswith("-A")]
    if not rules and not any(line.startswith("-P") for line in text.splitlines()):
        return ERROR, f"could not read the rules: {text[:120]}", "no rules", ""
    return (FAILED if rules else PASSED), f"{len(rules)} rule(s)", "no rules", \
        "iptables -F && iptables -X, and remove saved rules (/etc/iptables/rules.v4)." if rules else ""


def _lis(ev: Evidence, p: Profile) -> Verdict:
    modules = set(ev.get("modules", "").split())
    names = {m.removesuffix(".ko").removesuffix(".ko.xz").removesuffix(".ko.zst") for m in modules}
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
    enabled = "NetworkManager.service" in ev.get("network_manager", "")
    os_release = ev.get("os_release", "")
    centos7 = bool(re.search(r'(?m)^ID="?(centos|rhel|ol)"?', os_release)) and 'VERSION_ID="7' in os_release
    ok = enabled == centos7
    return (PASSED if ok else FAILED), "enabled" if enabled else "disabled", \
        "enabled (CentOS 7 family)" if centos7 else "disabled", \
        "" if ok else ("systemctl enable NetworkManager" if centos7 else "systemctl disable NetworkManager")


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


CASES: tuple[Case, ...] = (
    Case("bash-history", "48", "Bash History", "Shell history files are cleared.", _bash_history, ("history",)),
    Case("linux-agent", "39", "Linux Agent Version", "The Azure Linux Agent is installed and recent.", _agent,
         ("waagent", "waagent_conf")),
    Case("auto-update", "51", "Auto Update", "The agent updates itself.", _auto_update, ("waagent_conf",)),
    Case("deprovision-config", "", "Deprovision settings", "Host keys regenerate and the root password is deleted at deprovision.",
         _deprovision, ("waagent_conf",)),
    Case("lis-drivers", "", "Linux Integration Services", "Hyper-V drivers are present.", _lis, ("modules",)),
    Case("python-version", "45", "Python Version", "Python is installed.", _python, ("python",)),
    Case("openssl-version", "44", "OpenSSL Version", "OpenSSL is installed and recent.", _openssl, ("openssl",)),
    Case("root-partition", "42", "Root Partition on OS Disk", "A single root partition, no LVM.", _root_partition, ("mounts",)),
    Case("swap-partition", "41", "Swap Partition on OS Disk", "No swap partition on the OS or data disks.", _swap, ("swaps", "fstab")),
    Case("kernel-params", "40", "Required Kernel Parameters", "The boot line has the serial console parameters.",
         _kernel_params, ("cmdline", "grub")),
    Case("ssh-server", "", "SSH server", "An SSH server is installed.", _ssh_server, ("sshd_binary",)),
    Case("client-alive-interval", "46", "Client Alive Interval", "sshd keeps idle sessions alive.", _client_alive,
         ("sshd_config", "sshd_dropins")),
    Case("network-manager", "", "NetworkManager", "NetworkManager is disabled (except CentOS 7 family).", _network_manager,
         ("network_manager", "os_release")),
    Case("ifup-ifdown", "", "ifup / ifdown", "The agent can restart networking.", _ifupdown, ("ifupdown",)),
    Case("dhcp", "", "DHCP", "The network comes up with DHCP.", _dhcp, ("network",)),
    Case("resolv-conf", "", "resolv.conf", "No hard-coded name servers.", _resolv, ("resolv",)),
    Case("ipv6", "", "IPv6", "IPv6 state (informational).", _ipv6, ("ipv6",)),
    Case("security-updates", "", "Security updates", "All security updates are installed.", _security_updates, ()),
    Case("default-accounts", "", "Default accounts", "No account has a password.", _default_accounts, ("shadow",)),
    Case("iptables", "", "iptables", "iptables installed with no rules.", _iptables, ("iptables",)),
    Case("os-architecture", "49", "OS Architecture", "64-bit only.", _architecture, ("uname_m",)),
    Case("security-threats", "50", "Security threats", "Not affected by GHOST.", _security_threats, ("glibc",)),
    Case("sudo-targetpw", "", "sudo targetpw", "sudo does not ask for the target user's password.", _sudo_targetpw, ("sudoers",)),
    Case("tcp-sack", "52", "SACK Vulnerability patch", "The kernel is not open to the 2019 TCP SACK panic.", _tcp_sack,
         ("uname_r", "tcp_sack")),
)


def cases_for(profile: Profile) -> tuple[Case, ...]:
    """The cases a profile runs (TCP SACK is a case of today's tool, not of the 2015 one)."""
    return tuple(c for c in CASES if c.id != "tcp-sack" or profile.linux_sack_fixed_kernels)


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
        elif not all(s in complete for s in case.sections):
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

