"""The Windows certification test cases (REFERENCE.md §4), judged from one read-only PowerShell probe.

`resources/probes/windows-probe.ps1` prints one JSON object per evidence section;
`parse_sections` keeps every whole line, so after a dropped connection the checks
whose evidence arrived are still judged and the rest are Errors — the same
behaviour as the Linux suite. Thresholds and lists come from the profile; results
have the Linux suite's shape (CheckResult), the tool's TestID where REFERENCE gives
one (1.1.4, 1.1.5, 1.1.6) and the exact PowerShell that fixes a failure, in a form
that exists on the VM's Windows version (2008 R2 lacks the 2012 modules).

What a real VM sends is not always what the probe meant to write, so every section is
read through `Data`, which turns a value of the wrong JSON type into an Error with a
clear message (`EvidenceShape`) instead of a traceback. A case whose evidence could
not be gathered (a missing command, a refused or slow search) is an **Error**, which
blocks the readiness checklist — never a silent Skipped.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import field
from functools import cache
from typing import Any

from .checks import CheckResult, profile_version, version_tuple
from .profiles import Profile
from .progress import CancelToken, Progress, ProgressUpdate, no_progress
from .records import record
from .resources import resource_path
from .shellquote import ps_quote
from .verdicts import ERROR, FAILED, NOT_FINISHED, PASSED, WARNING, Verdict, judged_safely

Evidence = dict[str, dict[str, Any]]  # section → {"data": …} or {"error": "…"}
GIB = 1024**3
# Win32_DiskDrive.Size is cylinders × heads × sectors × bytes (Microsoft's Win32_DiskDrive page), so it can be
# up to one cylinder of the standard 255 heads × 63 sectors × 512 bytes short of the disk's real size.
WIN32_DISKDRIVE_SHORTFALL = 255 * 63 * 512
# The Windows Update search may take this share of the run's time (it is the last section; the others
# usually need well under a minute together).
UPDATE_SEARCH_SHARE = 0.7


class ProbeOutputUnreadable(Exception):
    """The probe printed nothing this parser understands (not PowerShell 3+, or not our probe)."""


class EvidenceShape(ValueError):
    """A section's JSON is not in the shape the probe writes (a list where an object belongs, text for a number)."""


def update_search_seconds(run_timeout: float) -> int:
    """The Windows Update search's own budget within a run of `run_timeout` seconds."""
    return max(5, int(run_timeout * UPDATE_SEARCH_SHARE))


def probe_script(update_seconds: int | None = None) -> str:
    """The probe; with `update_seconds`, preceded by the line that sets the update search's budget."""
    text = resource_path("probes", "windows-probe.ps1").read_text(encoding="utf-8")
    return text if update_seconds is None else f"$UpdateSearchSeconds = {int(update_seconds)}\n{text}"


@cache
def probe_sections() -> tuple[str, ...]:
    """The probe's sections in the order it gathers them."""
    return tuple(re.findall(r"^Emit '([a-z0-9-]+)'", probe_script(), re.M))


SECTION_LINE = re.compile(r'^\{"section":"([a-z0-9-]{1,40})"')


def parse_sections(output: str) -> Evidence:
    """Every whole JSON line of the probe's output, by section.

    A cut-off last line (the connection dropped in it) is left out: its section did not finish.
    A whole line that is not valid JSON is kept as that section's error, so the case says the
    line was unreadable instead of "did not finish"."""
    evidence: Evidence = {}
    lines = output.splitlines()
    for number, raw in enumerate(lines):
        line = raw.strip()
        if not line.startswith("{"):
            continue
        try:
            record = json.loads(line)
        except ValueError as exc:
            head = SECTION_LINE.match(line)
            last = number == len(lines) - 1 and not output.endswith(("\n", "\r"))
            if head and not last and head.group(1) not in evidence:
                evidence[head.group(1)] = {"section": head.group(1), "kind": "invalid-json",
                                           "error": f"the probe's line for this section is not valid JSON ({exc})"}
            continue
        if isinstance(record, dict) and isinstance(record.get("section"), str):
            evidence[record["section"]] = record
    if output.strip() and not evidence:
        raise ProbeOutputUnreadable(f"the probe's output is not what it prints: {output.strip()[:200]!r}")
    return evidence


def _kind(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, str):
        return "text"
    if isinstance(value, list):
        return "a list"
    return "an object" if isinstance(value, dict) else type(value).__name__


class Data:
    """One section's data (or one object in it), read with the JSON types the probe writes."""

    def __init__(self, where: str, value: Any):
        if not isinstance(value, dict):
            raise EvidenceShape(f"the probe's {where} is {_kind(value)}, not an object")
        self.where, self.values = where, value

    def _typed(self, key: str, types: tuple[type, ...], what: str) -> Any:
        value = self.values.get(key)
        if value is None:
            return None
        if isinstance(value, bool) != (bool in types) or not isinstance(value, types):
            raise EvidenceShape(f"the probe's {self.where}.{key} is {_kind(value)}, not {what}")
        return value

    def has(self, key: str) -> bool:
        return key in self.values

    def text(self, key: str) -> str:
        return self._typed(key, (str,), "text") or ""

    def number(self, key: str) -> int | float | None:
        return self._typed(key, (int, float), "a number")  # type: ignore[no-any-return]

    def flag(self, key: str) -> bool | None:
        return self._typed(key, (bool,), "true/false")  # type: ignore[no-any-return]

    def raw_list(self, key: str) -> list[Any]:
        value = self.values.get(key)
        # Windows PowerShell's ConvertTo-Json can write a wrapped array as {"value": [...], "Count": n}.
        if isinstance(value, dict) and isinstance(value.get("value"), list) and set(value) <= {"value", "Count"}:
            value = value["value"]
        if value is None:
            return []
        if not isinstance(value, list):
            raise EvidenceShape(f"the probe's {self.where}.{key} is {_kind(value)}, not a list")
        return value

    def texts(self, key: str) -> list[str]:
        values = self.raw_list(key)
        for v in values:
            if not isinstance(v, str):
                raise EvidenceShape(f"the probe's {self.where}.{key} holds {_kind(v)}, not text")
        return values

    def numbers(self, key: str) -> list[int | float]:
        values = self.raw_list(key)
        for v in values:
            if isinstance(v, bool) or not isinstance(v, int | float):
                raise EvidenceShape(f"the probe's {self.where}.{key} holds {_kind(v)}, not numbers")
        return values

    def objects(self, key: str) -> list[Data]:
        return [Data(f"{self.where}.{key}[{i}]", v) for i, v in enumerate(self.raw_list(key))]

    def object(self, key: str) -> Data | None:
        value = self.values.get(key)
        return None if value is None else Data(f"{self.where}.{key}", value)


Sections = dict[str, Data]


@record(frozen=True)
class Context:
    """What the project knows that the VM cannot tell: the SKU's declared base image."""

    base_image: str = ""


@record(frozen=True)
class WinCase:
    """One Windows test case: its ids and texts, its judge, and the probe sections it reads."""

    id: str
    test_id: str
    name: str
    description: str
    judge: Callable[..., Verdict]  # (sections, profile, context, **options)
    sections: tuple[str, ...]
    options: dict[str, str] = field(default_factory=dict)
    # Sections the judge can do without: when one could not be read, the judge gets the others and
    # decides (a definite failure in what it has), or raises Unreadable (then the case is an Error).
    optional: tuple[str, ...] = ()


class Unreadable(Exception):
    """The judge needed an optional section that could not be read."""


def _is_2008r2(ev: Sections) -> bool:
    """Windows Server 2008 R2 (6.1): no Uninstall-WindowsFeature, BitLocker or ScheduledTasks cmdlets."""
    return "os" in ev and ev["os"].text("Version").startswith("6.1.")


def _architecture(ev: Sections, p: Profile, ctx: Context) -> Verdict:
    os_ = ev["os"]
    arch = os_.text("ProcessorArchitecture").upper()
    is64 = os_.flag("Is64BitOperatingSystem")
    allowed = [a.upper() for a in p.windows_architectures]
    required = " or ".join(p.windows_architectures)
    if not arch and is64 is None:
        raise EvidenceShape("the probe's os section has neither ProcessorArchitecture nor Is64BitOperatingSystem")
    ok = is64 is not False and (arch in allowed if arch else True)
    actual = arch or ("64-bit" if is64 else "32-bit")
    if is64 is False:
        actual += " (a 32-bit Windows)"
    if ok:
        return PASSED, actual, required, ""
    if is64 is False:
        return FAILED, actual, required, "Rebuild the image from a 64-bit Windows Server base image (32-bit images are not supported)."
    return FAILED, actual, required, f"This profile accepts {required} images only: rebuild the image on a base image of that architecture."


class _AdminNames:
    """Is an account (`NAME` or `DOMAIN\\NAME`) one of the Administrator's names? A set lookup on the
    last part: an alternation of every name tried at every position was slow on long VM text."""

    def __init__(self, names: list[str]):
        self.names = {n.casefold() for n in names}

    def search(self, account: str) -> bool:
        return account.rsplit("\\", 1)[-1].casefold() in self.names


def _admin_pattern(ev: Sections) -> _AdminNames:
    return _AdminNames(ev["accounts"].texts("AdministratorNames") or ["Administrator"])


def _user_accounts(ev: Sections, p: Profile, ctx: Context) -> Verdict:
    admin = _admin_pattern(ev)
    services = [s for s in ev["accounts"].objects("Services") if admin.search(s.text("StartName"))]
    # The services and the tasks are read apart: a Task Scheduler that cannot be read does not hide a service.
    tasks_read = "tasks" in ev
    tasks = [t for t in ev["tasks"].objects("Tasks") if admin.search(t.text("UserId"))] if tasks_read else []
    users = [f"service {s.text('Name')} runs as {s.text('StartName')}" for s in services]
    users += [f"task {t.text('TaskPath')}{t.text('TaskName')} runs as {t.text('UserId')}" for t in tasks]
    required = "nothing depends on the Administrator account"
    if not users and not tasks_read:
        raise Unreadable("tasks")
    if not users:
        return PASSED, "no service or scheduled task runs as Administrator", required, ""
    # Win32_Service's StartName is read-only (Set-CimInstance cannot change it): its Change method is the way,
    # and Invoke-CimMethod exists from PowerShell 3.0 (2008 R2 with WMF 3). schtasks exists on every version.
    fix = [f"Get-CimInstance Win32_Service | Where-Object Name -eq {ps_quote(s.text('Name'))} | Invoke-CimMethod "
           "-MethodName Change -Arguments @{StartName='NT AUTHORITY\\LocalService'; StartPassword=''}"
           "  # or a dedicated service account" for s in services]
    fix += [f"schtasks.exe /Change /TN {ps_quote(t.text('TaskPath') + t.text('TaskName'))} /RU SYSTEM" for t in tasks]
    return FAILED, "; ".join(users) + ("" if tasks_read else " (the scheduled tasks could not be read)"), required, \
        "\n".join(fix)


def _feature(ev: Sections, p: Profile, ctx: Context, feature: str = "", display: str = "", feature_2008r2: str = "") -> Verdict:
    installed = set(ev["features"].texts("Installed"))
    old = _is_2008r2(ev)
    names = (feature_2008r2, feature) if old else (feature, feature_2008r2)
    found = next((n for n in names if n and n in installed), None)
    required = f"{display} not installed (not supported on Azure)"
    if found is None:
        return PASSED, "not installed", required, ""
    # Uninstall-WindowsFeature arrived with Windows Server 2012; 2008 R2's ServerManager module has Remove-WindowsFeature.
    fix = (f"Import-Module ServerManager; Remove-WindowsFeature -Name {found} -Restart" if old
           else f"Uninstall-WindowsFeature -Name {found} -Restart")
    return FAILED, f"{display} ({found}) is installed", required, fix


def _ipv6(ev: Sections, p: Profile, ctx: Context) -> Verdict:
    enabled = ev["ipv6"].texts("EnabledOn")
    disabled = ev["ipv6"].number("DisabledComponents")
    # A REG_DWORD read by Windows PowerShell is a signed Int32 (0xFFFFFFFF arrives as -1); Microsoft's IPv6
    # guidance: bit 0x10 turns IPv6 off on every non-tunnel interface, 0x01 on every tunnel one (0xFF: both).
    bits = int(disabled) & 0xFFFFFFFF if disabled is not None else 0
    if not enabled or bits & 0x11 == 0x11:
        return PASSED, "IPv6 is disabled", "the application does not depend on IPv6", ""
    return WARNING, f"IPv6 is bound on {', '.join(enabled)}", "the application does not depend on IPv6 (not supported)", \
        ("Make sure the application works over IPv4 only; to turn IPv6 off:\n"
         "Set-ItemProperty 'HKLM:\\SYSTEM\\CurrentControlSet\\Services\\Tcpip6\\Parameters' -Name DisabledComponents "
         "-Value 0xFF -Type DWord")


# Win32_EncryptableVolume.GetConversionStatus: 0 fully decrypted … 5 decryption paused.
CONVERSION = {0: "fully decrypted", 1: "fully encrypted", 2: "encryption in progress", 3: "decryption in progress",
              4: "encryption paused", 5: "decryption paused"}


def _bitlocker(ev: Sections, p: Profile, ctx: Context) -> Verdict:
    system = (ev["os"].text("SystemDrive") or "C:").upper()
    bitlocker = ev["bitlocker"]
    required = f"BitLocker off on the OS disk ({system}); data disks may use it"
    if bitlocker.flag("Installed") is False:
        return PASSED, "BitLocker is not installed (no Win32_EncryptableVolume class)", required, ""
    volumes = bitlocker.objects("Volumes")
    os_volume = next((v for v in volumes if v.text("DriveLetter").upper() == system), None)
    if os_volume is None:
        return PASSED, f"{system} is not among BitLocker's volumes", required, ""
    conversion = os_volume.number("ConversionStatus")
    protection = os_volume.number("ProtectionStatus")
    if conversion is None:
        # ProtectionStatus 0 also covers suspended protection and partly encrypted volumes: not enough on its own.
        raise EvidenceShape(f"the probe could not read the conversion status of {system} (ProtectionStatus {protection})")
    if conversion == 0:
        return PASSED, f"BitLocker is off on {system} (fully decrypted)", required, ""
    state = CONVERSION.get(int(conversion), f"conversion status {conversion:g}")
    percent = os_volume.number("EncryptionPercentage")
    actual = f"{system} {state}, {'?' if percent is None else f'{percent:g}'} % encrypted" + \
        ("; protection suspended" if protection == 0 else "")
    if int(conversion) in (3, 5):
        fix = f"Let the decryption finish (manage-bde -status {system}; manage-bde -resume {system} if it is paused), then run the test again"
    elif _is_2008r2(ev):
        fix = f"manage-bde -off {system}"
    else:
        fix = f"Disable-BitLocker -MountPoint '{system}'"
    return FAILED, actual, f"BitLocker off on the OS disk ({system})", fix


RDP_GROUP = "@FirewallAPI.dll,-28752"  # the "Remote Desktop" rule group, the same on every language
FIREWALL_PROFILES = (("Domain", 1), ("Private", 2), ("Public", 4))


def _port_listed(ports: str, port: int) -> bool:
    for part in ports.replace(" ", "").split(","):
        if part == "*" or part == str(port):
            return True
        low, _, high = part.partition("-")
        if high and low.isdigit() and high.isdigit() and int(low) <= port <= int(high):
            return True
    return False


def _rdp(ev: Sections, p: Profile, ctx: Context) -> Verdict:
    rdp = ev["rdp"]
    local = rdp.number("fDenyTSConnections")
    policy = rdp.number("PolicyDenyTSConnections")
    deny = policy if policy is not None else local  # the Group Policy copy wins when it is there
    mode = rdp.text("ServiceStartMode")
    port = int(rdp.number("Port") or 3389)
    firewall = rdp.object("FirewallEnabled")
    if firewall is None:
        raise EvidenceShape("the probe's rdp section does not say which firewall profiles are on")
    covered = 0
    for rule in rdp.objects("FirewallRules"):
        # NET_FW_ACTION_ALLOW is 1; the probe has already kept only inbound TCP rules.
        if rule.flag("Enabled") and rule.number("Action") == 1 and _port_listed(rule.text("LocalPorts"), port):
            covered |= int(rule.number("Profiles") or 0)
    blocked = [name for name, bit in FIREWALL_PROFILES if firewall.flag(name) and not covered & bit]
    problems, fix = [], []
    if deny != 0:
        problems.append(f"fDenyTSConnections={deny}" + (" (set by Group Policy)" if policy is not None else ""))
        if policy is not None:
            fix.append("Group Policy denies Remote Desktop (Computer Configuration > Administrative Templates > Windows "
                       "Components > Remote Desktop Services > Remote Desktop Session Host > Connections): allow it there, or "
                       "on a VM outside a domain:\nSet-ItemProperty 'HKLM:\\SOFTWARE\\Policies\\Microsoft\\Windows NT\\Terminal "
                       "Services' -Name fDenyTSConnections -Value 0")
        if local != 0:
            fix.append("Set-ItemProperty 'HKLM:\\SYSTEM\\CurrentControlSet\\Control\\Terminal Server' -Name fDenyTSConnections -Value 0")
    if mode.lower() == "disabled" or not mode:
        problems.append(f"TermService start mode {mode or 'unknown'}")
        fix.append("Set-Service TermService -StartupType Manual")
    if blocked:
        problems.append(f"the firewall blocks port {port} on the {', '.join(blocked)} profile(s)")
        # INetFwPolicy2.EnableRuleGroup exists on every version; the group's name is localized, its resource id is not.
        fix.append(f"(New-Object -ComObject HNetCfg.FwPolicy2).EnableRuleGroup(0x7FFFFFFF, '{RDP_GROUP}', $true)")
    if not problems:
        return PASSED, "Remote Desktop is enabled", "Remote Desktop enabled", ""
    return FAILED, "; ".join(problems), "Remote Desktop enabled", "\n".join(fix)


def _updates(ev: Sections, p: Profile, ctx: Context) -> Verdict:
    pending = [(u.text("MsrcSeverity"), u.text("Title"), u.texts("KBs")) for u in ev["updates"].objects("Pending")]
    blocking = [u for u in pending if u[0] in p.windows_update_blocking_severities]
    required = f"no pending {' or '.join(p.windows_update_blocking_severities)} updates"
    fix = ("Install the pending updates with Windows Update (Settings → Windows Update, or sconfig option 6), "
           "restart, and generalize again")
    if blocking:
        titles = "; ".join(f"{severity}: {title}" for severity, title, _ in blocking[:5])
        return FAILED, f"{len(blocking)} pending: {titles}" + (" …" if len(blocking) > 5 else ""), required, fix
    if pending:
        return WARNING, f"{len(pending)} other update(s) pending", required, fix
    return PASSED, "no pending updates", required, ""


def _wannacry(ev: Sections, p: Profile, ctx: Context) -> Verdict:
    srv = ev["srv"]
    version = ev["os"].text("Version")
    file_version = srv.text("FileVersion")
    key = next((k for k in p.windows_srv_sys_minimums if version.startswith(k)), None)
    if not srv.flag("Present"):
        return PASSED, "srv.sys is not present (SMBv1 server removed)", "srv.sys patched or absent", ""
    if key is None:
        oldest = min(profile_version(k) for k in p.windows_srv_sys_minimums)
        if (version_tuple(version) or (0,)) < oldest:
            return WARNING, f"srv.sys {file_version} on Windows {version}", "srv.sys patched (MS17-010)", \
                "No minimum is listed for this old Windows version: install MS17-010 with Windows Update"
        return PASSED, f"srv.sys {file_version} on Windows {version} (newer than the versions with a minimum)", \
            "srv.sys patched (MS17-010)", ""
    minimum = p.windows_srv_sys_minimums[key]
    have = version_tuple(file_version)
    if have is not None and have >= profile_version(minimum):
        return PASSED, f"srv.sys {file_version}", f"srv.sys ≥ {minimum}", ""
    return FAILED, f"srv.sys {file_version or 'unknown'}", f"srv.sys ≥ {minimum} (MS17-010, WannaCry)", \
        "Install the MS17-010 security update (or the latest cumulative update) with Windows Update, then restart"


def _sql(ev: Sections, p: Profile, ctx: Context) -> Verdict:
    found = sorted(set(ev["sql"].texts("Instances") + ev["sql"].texts("Services")))
    from_sql_base = ctx.base_image.lower().startswith("sql server")
    if not found:
        return PASSED, "no SQL Server instance", "SQL Server only from an approved SQL Server base image", ""
    if from_sql_base:
        return PASSED, f"SQL Server ({', '.join(found)}) from the base image {ctx.base_image}", \
            "SQL Server only from an approved SQL Server base image", ""
    return FAILED, f"SQL Server installed: {', '.join(found)}", "SQL Server only from an approved SQL Server base image", \
        "Start again from an approved SQL Server base image (for example SQL Server 2014 Standard) instead of installing SQL Server yourself"


SYSPREP = "& \"$env:windir\\System32\\Sysprep\\sysprep.exe\" /generalize /oobe /shutdown"


def _generalized(ev: Sections, p: Profile, ctx: Context) -> Verdict:
    sysprep = ev["sysprep"]
    state = sysprep.number("GeneralizationState")
    want = p.windows_generalization_state
    required = f"GeneralizationState {want}"
    if state != want:
        return FAILED, f"GeneralizationState {state if state is not None else 'missing'}", required, SYSPREP
    if sysprep.flag("SysprepLogged"):
        return PASSED, f"GeneralizationState {state}; sysprep's log records a generalize pass", required, ""
    # The tool reads GeneralizationState, but Microsoft does not document it and build scripts set it before
    # sysprep runs: without sysprep's own log only the publisher can confirm.
    return WARNING, f"GeneralizationState {state}, but sysprep's log (System32\\Sysprep\\Panther) records no generalize pass", \
        required, ("Confirm that the VHD was captured after sysprep /generalize ran (GeneralizationState alone cannot tell: "
                   "build scripts set it before sysprep runs). If it was not:\n" + SYSPREP)


def _disk_size(ev: Sections, p: Profile, ctx: Context) -> Verdict:
    disk = ev["disk"]
    size = disk.number("OsDiskBytes")
    if not size:
        raise EvidenceShape("the probe did not report the size of the OS disk")
    # Win32_DiskDrive (2008 R2 without the Storage module) counts whole cylinders only: allow that shortfall.
    slack = WIN32_DISKDRIVE_SHORTFALL if disk.text("Source") == "Win32_DiskDrive" else 0
    gib = size / GIB
    required = f"{p.windows_os_min_gib}–{p.windows_os_max_gib} GiB"
    shown = f"{gib:.1f} GiB"
    if p.windows_os_min_gib * GIB <= size + slack and size <= p.windows_os_max_gib * GIB:
        return PASSED, shown, required, ""
    return FAILED, shown, required, \
        f"Resize the OS VHD to {p.windows_os_max_gib} GiB (Resize-VHD -Path os.vhd -SizeBytes {p.windows_os_max_gib}GB) " \
        "and extend C: (Resize-Partition -DriveLetter C -Size (Get-PartitionSupportedSize -DriveLetter C).SizeMax; " \
        "on 2008 R2: diskpart, select volume C, extend)"


def _base_image(ev: Sections, p: Profile, ctx: Context) -> Verdict:
    caption = ev["os"].text("Caption")
    approved = [b for b in p.windows_base_images if b.lower().startswith("windows")]
    # "Windows Server 2008 R2 SP1" is reported as "… 2008 R2 <edition>" plus Service Pack 1: compare without "SP1".
    ok = any(_caption_matches(caption, b) for b in approved)
    after = p.windows_base_approved_after
    required = "one of: " + "; ".join(approved) + (f" (or an image published after {after})" if after else "")
    if ok:
        return PASSED, caption, required, ""
    fix = ("Build the image from an approved base image, or make sure the base you used was published after "
           f"{after} (record its date in the Offer & SKUs step)") if after else "Build the image from an approved base image."
    return WARNING, caption or "unknown", required, fix


def _caption_matches(caption: str, approved: str) -> bool:
    words = [w for w in approved.lower().replace("sp1", "").split() if w]
    text = caption.lower()
    return all(w in text for w in words)


# Task Scheduler trigger types (TASK_TRIGGER_BOOT 8, TASK_TRIGGER_LOGON 9), and the class names
# Get-ScheduledTask gives the same triggers (probe output recorded before issue #24).
BOOT_TRIGGERS = (8, 9, "MSFT_TaskBootTrigger", "MSFT_TaskLogonTrigger")
SELF_REMOVAL = ("unregister-scheduledtask", "schtasks /delete", "schtasks.exe /delete")


def _scheduled_tasks(ev: Sections, p: Profile, ctx: Context) -> Verdict:
    tasks = []
    for t in ev["tasks"].objects("Tasks"):
        if t.text("TaskPath").lower().startswith("\\microsoft\\"):
            continue  # Windows' own tasks (the probe sends those only for the account case)
        triggers = t.raw_list("Triggers")
        if any(not isinstance(x, int | str) or isinstance(x, bool) for x in triggers):
            raise EvidenceShape(f"the probe's {t.where}.Triggers holds something that is not a trigger type")
        if set(triggers) & set(BOOT_TRIGGERS):
            tasks.append(t)
    required = ("first-boot tasks remove themselves when done, and configure only drives "
                + " and ".join(p.windows_config_drives))
    if not tasks:
        return PASSED, "no first-boot scheduled task", required, ""
    allowed = {d.upper() for d in p.windows_config_drives}
    outside, lingering = [], []
    for t in tasks:
        name = f"{t.text('TaskPath')}{t.text('TaskName')}"
        text = " ".join(" ".join(a.text(k) for k in ("Execute", "Arguments", "WorkingDirectory")) for a in t.objects("Actions"))
        drives = {m.upper() for m in _drive_letters(text)} - allowed
        if drives:
            outside.append(f"{name} uses {', '.join(sorted(d + ':' for d in drives))}")
        if not any(s in text.lower() for s in SELF_REMOVAL):
            lingering.append(name)
    if outside:
        return FAILED, "; ".join(outside), required, \
            "Change the task's actions to use only C: (OS) and D: (temporary disk) — other drives do not exist on a new VM"
    if lingering:
        return WARNING, f"first-boot task(s) that do not remove themselves: {', '.join(lingering)}", required, \
            ("End each task's script with: schtasks.exe /Delete /TN '<name>' /F (every version; on 2012 and later also "
             "Unregister-ScheduledTask -TaskName '<name>' -Confirm:$false)")
    return PASSED, f"{len(tasks)} first-boot task(s), each removes itself", required, ""


def _drive_letters(text: str) -> list[str]:
    return re.findall(r"(?<![A-Za-z0-9])([A-Za-z]):\\", text)


def cases(profile: Profile) -> list[WinCase]:
    """The Windows cases, in the tool's order; one per unsupported feature the profile lists."""
    out = [
        WinCase("os-architecture", "1.1.4", "OS Architecture", "The OS is 64-bit.", _architecture, ("os",)),
        WinCase("user-account-dependency", "1.1.5", "User account dependency",
                "No service or task depends on the Administrator account.", _user_accounts, ("accounts", "tasks"),
                optional=("tasks",)),
    ]
    for f in profile.windows_unsupported_features:
        test_id = "1.1.6" if f["id"] == "failover-clustering" else ""
        out.append(WinCase(f["id"], test_id, f["name"], f"{f['name']} is not installed (not supported on Azure).",
                           _feature, ("os", "features"),
                           {"feature": f["feature"], "display": f["name"], "feature_2008r2": f.get("feature_2008r2", "")},
                           optional=("os",)))  # the version only picks the fix's cmdlet
    out += [
        WinCase("ipv6", "", "IPv6", "The application does not depend on IPv6.", _ipv6, ("ipv6",)),
        WinCase("bitlocker-os-disk", "", "BitLocker on the OS disk", "BitLocker is not on the OS disk.", _bitlocker,
                ("os", "bitlocker")),
        WinCase("rdp-enabled", "", "Remote Desktop", "Remote Desktop is enabled.", _rdp, ("rdp",)),
        WinCase("windows-update", "", "Windows Update", "No important or critical update is pending.", _updates, ("updates",)),
        WinCase("wannacry-patch", "", "WannaCry patch", "srv.sys has the MS17-010 fix.", _wannacry, ("os", "srv")),
        WinCase("sql-server-self-installed", "", "SQL Server", "SQL Server comes only from a SQL Server base image.",
                _sql, ("sql",)),
        WinCase("generalized", "", "Generalized", "The image was generalized with sysprep.", _generalized, ("sysprep",)),
        WinCase("os-disk-size", "", "OS disk size", "The OS disk has the size the profile asks for.", _disk_size, ("disk",)),
        WinCase("base-image", "", "Base image", "The OS is an approved base image.", _base_image, ("os",)),
        WinCase("scheduled-tasks", "", "First-boot tasks", "First-boot tasks remove themselves and use only C: and D:.",
                _scheduled_tasks, ("tasks",)),
    ]
    return out


def running_section(evidence: Evidence) -> str:
    """The section the probe was gathering when its output stopped ("" if it finished)."""
    if "end" in evidence:
        return ""
    return next((s for s in probe_sections() if s not in evidence), "")


def not_finished(evidence: Evidence) -> Verdict:
    running = running_section(evidence)
    if not running:
        return NOT_FINISHED
    return (ERROR, f"the probe did not finish: its output ended while it was reading {running}", "", "")


def section_error(section: str, record: dict[str, Any]) -> str:
    """What a section's error record says, in words that do not depend on the VM's language."""
    message = str(record.get("error") or "").strip()
    kind = record.get("kind")
    if kind == "command-not-found":
        return f"{section}: the command {record.get('command')} does not exist on this Windows ({message})"
    if kind == "System.TimeoutException" and section == "updates":
        return f"{section}: {message} (the other sections are kept)"
    code = f" [{record['hresult']}]" if isinstance(record.get("hresult"), str) else ""
    return f"{section}: {message}{code}"


ERROR_ADVICE = {
    "updates": "Run the Windows Update search on the VM itself (sconfig option 6, or Settings → Windows Update), install "
               "what it finds, then run the test again (with a longer --run-timeout if the search is slow)",
}


def judge(evidence: Evidence, profile: Profile, context: Context = Context(), progress: Progress = no_progress,
          cancel: CancelToken | None = None, only: set[str] | None = None) -> list[CheckResult]:
    results = []
    chosen = [c for c in cases(profile) if only is None or c.id in only]
    for i, case in enumerate(chosen):
        if cancel is not None:
            cancel.raise_if_cancelled()
        shown = "\n".join(json.dumps(evidence.get(s, {"section": s, "missing": True}), indent=2, ensure_ascii=False)
                          for s in case.sections)
        missing = [s for s in case.sections if s not in evidence]
        unread = [s for s in case.sections if s in evidence and "error" in evidence[s]]
        errors = [section_error(s, evidence[s]) for s in unread]
        advice = next((ERROR_ADVICE[s] for s in unread if s in ERROR_ADVICE), "")
        # Could not be judged: an Error, which blocks the readiness checklist (never a silent Skipped).
        unjudged = (ERROR, "could not be judged on this VM: " + "; ".join(errors), "", advice)
        if missing:
            result = not_finished(evidence)
        elif unread and not set(unread) <= set(case.optional):
            result = unjudged
        else:
            result = judged_safely(_judge_typed, case, evidence, profile, context, unread, unjudged)
        results.append(CheckResult(case.id, case.test_id, case.name, case.description, *result, shown))
        progress(ProgressUpdate(i + 1, len(chosen), case.id))
    return results


def _judge_typed(case: WinCase, evidence: Evidence, profile: Profile, context: Context,
                 unread: list[str], unjudged: Verdict) -> Verdict:
    """The case's verdict from its sections' data; `unjudged` when it needed a section that could not be read."""
    try:
        data = {s: Data(f"{s} section", evidence[s].get("data")) for s in case.sections if s not in unread}
        return case.judge(data, profile, context, **case.options)
    except EvidenceShape as exc:
        return (ERROR, f"could not be judged: {exc}", "", "")
    except Unreadable:
        return unjudged


def system_info(evidence: Evidence) -> dict[str, str]:
    """The record's system fields from the probe's os section (Windows has no kernel version of its own)."""
    os_data = (evidence.get("os") or {}).get("data")
    os_data = os_data if isinstance(os_data, dict) else {}

    def text(key: str) -> str:
        value = os_data.get(key)
        return value if isinstance(value, str) else ""

    return {"OSName": "Windows", "OSDistro": text("Caption"), "KernelVersion": text("Version"),
            "KernelFullVersion": f"{text('Version')} build {text('BuildNumber')}".strip(),
            "OSVersion": text("Version")}


def run_on_target(target: Any, profile: Profile, context: Context = Context(), known_hosts: Any = None,
                  trust_fingerprint: str | None = None, timeout: float = 600.0, connect_timeout: float = 15.0,
                  progress: Progress = no_progress, cancel: CancelToken | None = None,
                  only: set[str] | None = None) -> tuple[list[CheckResult], Evidence]:
    """Connect to a WinTarget (WinRM or SSH), run the suite, close; the GUI and `certify` both use this."""
    from .winremote import open_runner

    runner = open_runner(target, connect_timeout, known_hosts, trust_fingerprint, cancel=cancel)
    try:
        return run_windows_suite(runner, profile, context, timeout, progress, cancel, only)
    finally:
        runner.close()


def run_windows_suite(runner: Any, profile: Profile, context: Context = Context(), timeout: float = 600.0,
                      progress: Progress = no_progress, cancel: CancelToken | None = None,
                      only: set[str] | None = None) -> tuple[list[CheckResult], Evidence]:
    """One round trip: the probe through `runner.run(script, timeout, cancel)`, then every case locally.

    A connection that drops part-way still returns the output that arrived (runners raise
    `PartialOutput` carrying it), so finished sections are judged. The update search, last, gets
    its own share of `timeout`, so when it is slow every other section has arrived."""
    from .winremote import PartialOutput

    try:
        output = runner.run(probe_script(update_search_seconds(timeout)), timeout, cancel)
    except PartialOutput as partial:
        output = partial.output
    evidence = parse_sections(output)
    return judge(evidence, profile, context, progress, cancel, only), evidence
