"""The Windows certification test cases (REFERENCE.md §4), judged from one read-only PowerShell probe.

`resources/probes/windows-probe.ps1` prints one JSON object per evidence section;
`parse_sections` keeps every whole line, so after a dropped connection the checks
whose evidence arrived are still judged and the rest are Errors — the same
behaviour as the Linux suite. Thresholds and lists come from the profile; results
have the Linux suite's shape (CheckResult), the tool's TestID where REFERENCE gives
one (1.1.4, 1.1.5, 1.1.6) and the exact PowerShell that fixes a failure.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from .checks import CheckResult, profile_version, version_tuple
from .profiles import Profile
from .progress import CancelToken, Progress, ProgressUpdate, no_progress
from .resources import resource_path
from .verdicts import FAILED, NOT_FINISHED, PASSED, SKIPPED, WARNING, Verdict, judged_safely

Evidence = dict[str, dict[str, Any]]  # section → {"data": …} or {"error": "…"}
GIB = 1024**3


class ProbeOutputUnreadable(Exception):
    """The probe printed nothing this parser understands (not PowerShell 3+, or not our probe)."""


def probe_script() -> str:
    return resource_path("probes", "windows-probe.ps1").read_text(encoding="utf-8")


def parse_sections(output: str) -> Evidence:
    """Every whole JSON line of the probe's output, by section; a cut-off last line is dropped."""
    evidence: Evidence = {}
    for line in output.splitlines():
        line = line.strip()
        if not line.startswith("{"):
            continue
        try:
            record = json.loads(line)
        except ValueError:
            continue  # the line the connection dropped in
        if isinstance(record, dict) and isinstance(record.get("section"), str):
            evidence[record["section"]] = record
    if output.strip() and not evidence:
        raise ProbeOutputUnreadable(f"the probe's output is not what it prints: {output.strip()[:200]!r}")
    return evidence


@dataclass(frozen=True)
class Context:
    """What the project knows that the VM cannot tell: the SKU's declared base image."""

    base_image: str = ""


@dataclass(frozen=True)
class WinCase:
    id: str
    test_id: str
    name: str
    description: str
    judge: Callable[..., Verdict]  # (evidence, profile, context, **options)
    sections: tuple[str, ...]
    options: dict[str, str] = field(default_factory=dict)


def _os(ev: Evidence) -> dict[str, Any]:
    return ev["os"]


def _architecture(ev: Evidence, p: Profile, ctx: Context) -> Verdict:
    arch = _os(ev).get("OSArchitecture") or ""
    ok = any(a.lower() in arch.lower() for a in p.windows_architectures)
    return (PASSED if ok else FAILED), arch or "unknown", " or ".join(p.windows_architectures), \
        "" if ok else "Rebuild the image from a 64-bit Windows Server base image (32-bit images are not supported)."


def _user_accounts(ev: Evidence, p: Profile, ctx: Context) -> Verdict:
    services = ev["accounts"].get("Services") or []
    tasks = ev["accounts"].get("Tasks") or []
    users = [f"service {s['Name']} runs as {s['StartName']}" for s in services]
    users += [f"task {t['TaskPath']}{t['TaskName']} runs as {t['UserId']}" for t in tasks]
    if not users:
        return PASSED, "no service or scheduled task runs as Administrator", "nothing depends on the Administrator account", ""
    fix = "\n".join([f"Set-CimInstance -Query \"SELECT * FROM Win32_Service WHERE Name='{s['Name']}'\" "
                     "-Property @{StartName='NT AUTHORITY\\LocalService'}  # or a dedicated service account" for s in services]
                    + [f"Set-ScheduledTask -TaskPath '{t['TaskPath']}' -TaskName '{t['TaskName']}' "
                       "-Principal (New-ScheduledTaskPrincipal -UserId 'SYSTEM' -LogonType ServiceAccount)" for t in tasks])
    return FAILED, "; ".join(users), "nothing depends on the Administrator account", fix


def _feature(ev: Evidence, p: Profile, ctx: Context, feature: str = "", display: str = "") -> Verdict:
    installed = set(ev["features"].get("Installed") or [])
    if feature in installed:
        return FAILED, f"{display} ({feature}) is installed", f"{display} not installed (not supported on Azure)", \
            f"Uninstall-WindowsFeature -Name {feature} -Restart"
    return PASSED, "not installed", f"{display} not installed (not supported on Azure)", ""


def _ipv6(ev: Evidence, p: Profile, ctx: Context) -> Verdict:
    enabled = ev["ipv6"].get("EnabledOn") or []
    disabled = ev["ipv6"].get("DisabledComponents")
    if not enabled or disabled == 0xFF:
        return PASSED, "IPv6 is disabled", "the application does not depend on IPv6", ""
    return WARNING, f"IPv6 is bound on {', '.join(enabled)}", "the application does not depend on IPv6 (not supported)", \
        ("Make sure the application works over IPv4 only; to turn IPv6 off:\n"
         "Set-ItemProperty 'HKLM:\\SYSTEM\\CurrentControlSet\\Services\\Tcpip6\\Parameters' -Name DisabledComponents "
         "-Value 0xFF -Type DWord")


def _bitlocker(ev: Evidence, p: Profile, ctx: Context) -> Verdict:
    system = (_os(ev).get("SystemDrive") or "C:").upper()
    volumes = ev["bitlocker"].get("Volumes") or []
    os_volume = next((v for v in volumes if (v.get("DriveLetter") or "").upper() == system), None)
    if os_volume is None or os_volume.get("ProtectionStatus") in (0, None):
        return PASSED, f"BitLocker is off on {system}", f"BitLocker off on the OS disk ({system}); data disks may use it", ""
    return FAILED, f"BitLocker protects {system}", f"BitLocker off on the OS disk ({system})", \
        f"Disable-BitLocker -MountPoint '{system}'"


def _rdp(ev: Evidence, p: Profile, ctx: Context) -> Verdict:
    deny = ev["rdp"].get("fDenyTSConnections")
    mode = ev["rdp"].get("ServiceStartMode") or ""
    if deny == 0 and mode.lower() != "disabled":
        return PASSED, "Remote Desktop is enabled", "Remote Desktop enabled", ""
    return FAILED, f"fDenyTSConnections={deny}, TermService start mode {mode or 'unknown'}", "Remote Desktop enabled", \
        ("Set-ItemProperty 'HKLM:\\SYSTEM\\CurrentControlSet\\Control\\Terminal Server' -Name fDenyTSConnections -Value 0\n"
         "Set-Service TermService -StartupType Manual\n"
         "Enable-NetFirewallRule -DisplayGroup 'Remote Desktop'")


def _updates(ev: Evidence, p: Profile, ctx: Context) -> Verdict:
    pending = ev["updates"].get("Pending") or []
    blocking = [u for u in pending if (u.get("MsrcSeverity") or "") in p.windows_update_blocking_severities]
    required = f"no pending {' or '.join(p.windows_update_blocking_severities)} updates"
    fix = ("Install the pending updates with Windows Update (Settings → Windows Update, or sconfig option 6), "
           "restart, and generalize again")
    if blocking:
        titles = "; ".join(f"{u.get('MsrcSeverity')}: {u.get('Title')}" for u in blocking[:5])
        return FAILED, f"{len(blocking)} pending: {titles}" + (" …" if len(blocking) > 5 else ""), required, fix
    if pending:
        return WARNING, f"{len(pending)} other update(s) pending", required, fix
    return PASSED, "no pending updates", required, ""


def _wannacry(ev: Evidence, p: Profile, ctx: Context) -> Verdict:
    srv = ev["srv"]
    version = _os(ev).get("Version") or ""
    key = next((k for k in p.windows_srv_sys_minimums if version.startswith(k)), None)
    if not srv.get("Present"):
        return PASSED, "srv.sys is not present (SMBv1 server removed)", "srv.sys patched or absent", ""
    if key is None:
        oldest = min(profile_version(k) for k in p.windows_srv_sys_minimums)
        if (version_tuple(version) or (0,)) < oldest:
            return WARNING, f"srv.sys {srv.get('FileVersion')} on Windows {version}", "srv.sys patched (MS17-010)", \
                "No minimum is listed for this old Windows version: install MS17-010 with Windows Update"
        return PASSED, f"srv.sys {srv.get('FileVersion')} on Windows {version} (newer than the versions with a minimum)", \
            "srv.sys patched (MS17-010)", ""
    minimum = p.windows_srv_sys_minimums[key]
    have = version_tuple(srv.get("FileVersion") or "")
    if have is not None and have >= profile_version(minimum):
        return PASSED, f"srv.sys {srv.get('FileVersion')}", f"srv.sys ≥ {minimum}", ""
    return FAILED, f"srv.sys {srv.get('FileVersion') or 'unknown'}", f"srv.sys ≥ {minimum} (MS17-010, WannaCry)", \
        "Install the MS17-010 security update (or the latest cumulative update) with Windows Update, then restart"


def _sql(ev: Evidence, p: Profile, ctx: Context) -> Verdict:
    found = sorted(set((ev["sql"].get("Instances") or []) + (ev["sql"].get("Services") or [])))
    from_sql_base = ctx.base_image.lower().startswith("sql server")
    if not found:
        return PASSED, "no SQL Server instance", "SQL Server only from an approved SQL Server base image", ""
    if from_sql_base:
        return PASSED, f"SQL Server ({', '.join(found)}) from the base image {ctx.base_image}", \
            "SQL Server only from an approved SQL Server base image", ""
    return FAILED, f"SQL Server installed: {', '.join(found)}", "SQL Server only from an approved SQL Server base image", \
        "Start again from an approved SQL Server base image (for example SQL Server 2014 Standard) instead of installing SQL Server yourself"


def _generalized(ev: Evidence, p: Profile, ctx: Context) -> Verdict:
    state = ev["sysprep"].get("GeneralizationState")
    want = p.windows_generalization_state
    if state == want:
        return PASSED, f"GeneralizationState {state}", f"GeneralizationState {want}", ""
    return FAILED, f"GeneralizationState {state if state is not None else 'missing'}", f"GeneralizationState {want}", \
        "& \"$env:windir\\System32\\Sysprep\\sysprep.exe\" /generalize /oobe /shutdown"


def _disk_size(ev: Evidence, p: Profile, ctx: Context) -> Verdict:
    size = ev["disk"].get("OsDiskBytes") or 0
    gib = size / GIB
    required = f"{p.windows_os_min_gib}–{p.windows_os_max_gib} GiB"
    if p.windows_os_min_gib <= gib <= p.windows_os_max_gib:
        return PASSED, f"{gib:.1f} GiB", required, ""
    return FAILED, f"{gib:.1f} GiB", required, \
        f"Resize the OS VHD to {p.windows_os_max_gib} GiB (Resize-VHD -Path os.vhd -SizeBytes {p.windows_os_max_gib}GB) " \
        "and extend C: (Resize-Partition -DriveLetter C -Size (Get-PartitionSupportedSize -DriveLetter C).SizeMax)"


def _base_image(ev: Evidence, p: Profile, ctx: Context) -> Verdict:
    caption = _os(ev).get("Caption") or ""
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


BOOT_TRIGGERS = ("MSFT_TaskBootTrigger", "MSFT_TaskLogonTrigger")
SELF_REMOVAL = ("unregister-scheduledtask", "schtasks /delete", "schtasks.exe /delete")


def _scheduled_tasks(ev: Evidence, p: Profile, ctx: Context) -> Verdict:
    tasks = [t for t in ev["tasks"].get("Tasks") or [] if set(t.get("Triggers") or ()) & set(BOOT_TRIGGERS)]
    required = ("first-boot tasks remove themselves when done, and configure only drives "
                + " and ".join(p.windows_config_drives))
    if not tasks:
        return PASSED, "no first-boot scheduled task", required, ""
    allowed = {d.upper() for d in p.windows_config_drives}
    outside, lingering = [], []
    for t in tasks:
        name = f"{t.get('TaskPath', '')}{t.get('TaskName', '')}"
        text = " ".join(" ".join(str(a.get(k) or "") for k in ("Execute", "Arguments", "WorkingDirectory"))
                        for a in t.get("Actions") or [])
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
            "End each task's script with: Unregister-ScheduledTask -TaskName '<name>' -Confirm:$false"
    return PASSED, f"{len(tasks)} first-boot task(s), each removes itself", required, ""


def _drive_letters(text: str) -> list[str]:
    import re

    return re.findall(r"(?<![A-Za-z0-9])([A-Za-z]):\\", text)


def cases(profile: Profile) -> list[WinCase]:
    """The Windows cases, in the tool's order; one per unsupported feature the profile lists."""
    out = [
        WinCase("os-architecture", "1.1.4", "OS Architecture", "The OS is 64-bit.", _architecture, ("os",)),
        WinCase("user-account-dependency", "1.1.5", "User account dependency",
                "No service or task depends on the Administrator account.", _user_accounts, ("accounts",)),
    ]
    for f in profile.windows_unsupported_features:
        test_id = "1.1.6" if f["id"] == "failover-clustering" else ""
        out.append(WinCase(f["id"], test_id, f["name"], f"{f['name']} is not installed (not supported on Azure).",
                           _feature, ("features",), {"feature": f["feature"], "display": f["name"]}))
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
        errors = [f"{s}: {evidence[s]['error']}" for s in case.sections if s in evidence and "error" in evidence[s]]
        if missing:
            result = NOT_FINISHED
        elif errors:
            result = (SKIPPED, "could not be read on this VM: " + "; ".join(errors), "", "")
        else:
            data = {s: evidence[s].get("data") or {} for s in case.sections}
            result = judged_safely(case.judge, data, profile, context, **case.options)
        results.append(CheckResult(case.id, case.test_id, case.name, case.description, *result, shown))
        progress(ProgressUpdate(i + 1, len(chosen), case.id))
    return results


def system_info(evidence: Evidence) -> dict[str, str]:
    """The record's system fields from the probe's os section (Windows has no kernel version of its own)."""
    os_data = (evidence.get("os") or {}).get("data") or {}
    return {"OSName": "Windows", "OSDistro": os_data.get("Caption", ""), "KernelVersion": os_data.get("Version", ""),
            "KernelFullVersion": f"{os_data.get('Version', '')} build {os_data.get('BuildNumber', '')}".strip(),
            "OSVersion": os_data.get("Version", "")}


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
    `PartialOutput` carrying it), so finished sections are judged."""
    from .winremote import PartialOutput

    try:
        output = runner.run(probe_script(), timeout, cancel)
    except PartialOutput as partial:
        output = partial.output
    evidence = parse_sections(output)
    return judge(evidence, profile, context, progress, cancel, only), evidence
