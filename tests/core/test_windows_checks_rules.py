"""Windows branches the other tests do not reach, both ways: srv.sys on Windows versions without a
listed minimum, the update list's cut, the suite over a runner (whole and dropped), the probe itself.
(tests/core/test_windows_checks.py has every case; the numbers at their edges are in test_edges_profiles.)"""

from __future__ import annotations

import json

import pytest

from wizard.core import windows_checks as wc
from wizard.core.profiles import load_profile
from wizard.core.progress import Cancelled, CancelToken
from wizard.core.verdicts import ERROR, FAILED, NOT_FINISHED, PASSED, WARNING

GUIDE = load_profile("publishing-guide-2015")
PC = load_profile("partner-center")


def judged(case: str, profile=GUIDE, **data):
    evidence = {name: {"section": name, "data": body} for name, body in data.items()}
    (result,) = wc.judge(evidence, profile, only={case})
    return result.result, result.actual, result.required, result.remediation


def test_srv_sys_on_windows_versions_without_a_listed_minimum():
    older = judged("wannacry-patch", os={"Version": "6.0.6002"}, srv={"Present": True, "FileVersion": "6.0.6002.1"})
    assert older == (WARNING, "srv.sys 6.0.6002.1 on Windows 6.0.6002", "srv.sys patched (MS17-010)",
                     "No minimum is listed for this old Windows version: install MS17-010 with Windows Update")
    newer = judged("wannacry-patch", os={"Version": "10.0.17763"}, srv={"Present": True, "FileVersion": "10.0.17763.1"})
    assert newer == (PASSED, "srv.sys 10.0.17763.1 on Windows 10.0.17763 (newer than the versions with a minimum)",
                     "srv.sys patched (MS17-010)", "")
    oldest = judged("wannacry-patch", os={"Version": "6.1.7600"}, srv={"Present": True, "FileVersion": "6.1.7600.1"})
    assert oldest[0] == WARNING  # just below the oldest listed version (6.1.7601)
    assert judged("wannacry-patch", os={"Version": "6.1.7601"}, srv={"Present": True})[:3] == \
        (FAILED, "srv.sys unknown", "srv.sys ≥ 6.1.7601.23689 (MS17-010, WannaCry)")
    assert judged("wannacry-patch", os={"Version": "6.1.7601"}, srv={"Present": False})[:2] == \
        (PASSED, "srv.sys is not present (SMBv1 server removed)")


def test_blocking_updates_are_listed_up_to_five():
    five = [{"MsrcSeverity": "Critical", "Title": f"KB{i}"} for i in range(5)]
    result = judged("windows-update", updates={"Pending": five})
    assert result[0] == FAILED
    assert result[1] == "5 pending: " + "; ".join(f"Critical: KB{i}" for i in range(5))
    six = five + [{"MsrcSeverity": "Important", "Title": "KB5"}]
    assert judged("windows-update", updates={"Pending": six})[1] == \
        "6 pending: " + "; ".join(f"Critical: KB{i}" for i in range(5)) + " …"
    assert judged("windows-update", updates={"Pending": [{"MsrcSeverity": "Moderate", "Title": "x"}]})[:2] == \
        (WARNING, "1 other update(s) pending")


def test_unreadable_probe_output_is_said_and_a_cut_last_line_dropped():
    with pytest.raises(wc.ProbeOutputUnreadable) as raised:
        wc.parse_sections("x" * 300)
    assert str(raised.value) == f"the probe's output is not what it prints: {('x' * 200)!r}"
    assert wc.parse_sections("") == {}
    line = json.dumps({"section": "sysprep", "data": {"GeneralizationState": 7}})
    assert set(wc.parse_sections(f"{line}\n{line[:20]}")) == {"sysprep"}


class _Runner:
    def __init__(self, output: str, drop: bool = False):
        self.output, self.drop, self.calls, self.closed = output, drop, [], False

    def run(self, script, timeout, cancel):
        self.calls.append((script, timeout, cancel))
        if self.drop:
            from wizard.core.winremote import PartialOutput

            raise PartialOutput(self.output, ConnectionResetError("reset"))
        return self.output

    def close(self):
        self.closed = True


SYSPREP = json.dumps({"section": "sysprep", "data": {"GeneralizationState": 7, "SysprepLogged": True}}) + "\n"


@pytest.mark.parametrize("drop", [False, True])
def test_the_suite_runs_the_probe_once_and_judges_what_arrived(drop):
    runner = _Runner(SYSPREP, drop)
    results, evidence = wc.run_windows_suite(runner, GUIDE, timeout=123.0, only={"generalized", "rdp-enabled"})
    ((script, timeout, cancel),) = runner.calls
    assert wc.probe_script() in script and timeout == 123.0 and cancel is None
    assert set(evidence) == {"sysprep"}
    by_id = {r.id: r.result for r in results}
    assert by_id["generalized"] == PASSED
    assert by_id["rdp-enabled"] == "Error"  # its section never arrived


def test_run_on_target_closes_the_runner(monkeypatch):
    runner = _Runner(SYSPREP)
    opened = []

    def open_runner(target, timeout, known_hosts, trust, cancel=None):
        opened.append((target, timeout, known_hosts, trust))
        return runner

    monkeypatch.setattr("wizard.core.winremote.open_runner", open_runner)
    results, _ = wc.run_on_target("target", PC, connect_timeout=7.0, only={"generalized"})
    assert opened == [("target", 7.0, None, None)]
    assert runner.closed and [r.result for r in results] == [PASSED]


# ---- Windows cases pinned exactly (issue #25): the found/required values and fix commands a publisher reads,
# (was test_rules_windows_more.py)

GIB = 1024**3


# -- the evidence reader ------------------------------------------------------------------------------
def test_a_record_without_a_text_section_is_ignored():
    good = json.dumps({"section": "sysprep", "data": {}})
    assert set(wc.parse_sections(f'{{"data":1}}\n{{"section":5}}\n  {good}\n')) == {"sysprep"}
    with pytest.raises(wc.ProbeOutputUnreadable):
        wc.parse_sections('{"section":5}\n')


def test_an_invalid_line_is_its_sections_error_unless_it_is_the_cut_last_line():
    bad = '{"section":"srv","data":{\\q}}'
    good = json.dumps({"section": "sysprep", "data": {}})
    kept = wc.parse_sections(f"{bad}\n{good}")  # not last: kept, though the output does not end in a newline
    assert kept["srv"]["kind"] == "invalid-json"
    assert kept["srv"]["error"].startswith("the probe's line for this section is not valid JSON (")
    assert "srv" not in wc.parse_sections(f"{good}\n{bad}")  # cut last line: dropped
    assert "srv" in wc.parse_sections(f"{good}\n{bad}\n") and "srv" in wc.parse_sections(f"{good}\n{bad}\r")
    first = json.dumps({"section": "srv", "data": {"Present": False}})
    assert wc.parse_sections(f"{first}\n{bad}\n{good}")["srv"]["data"] == {"Present": False}


@pytest.mark.parametrize("value, kind", [(None, "null"), (True, "true/false"), (1.5, "a number"), (3, "a number"),
                                         ("x", "text"), ([], "a list"), ({}, "an object"), (object(), "object")])
def test_each_json_kind_is_named(value, kind):
    assert wc._kind(value) == kind


def test_data_reads_each_type_and_names_a_wrong_one():
    d = wc.Data("s", {"n": 1, "b": True, "t": "x", "none": None, "l": [1, 2.5], "o": {"a": 1}, "bl": [True], "tl": ["1"],
                      "w": {"value": ["a"]}, "wc": {"value": ["a"], "Count": 1}, "wx": {"value": ["a"], "Count": 1, "x": 0},
                      "wt": {"value": "a", "Count": 1}, "ol": [{}, 3]})
    assert d.has("none") and not d.has("missing")
    assert (d.number("n"), d.flag("b"), d.text("t"), d.text("none"), d.number("none")) == (1, True, "x", "", None)
    assert d.numbers("l") == [1, 2.5] and d.texts("w") == ["a"] and d.texts("wc") == ["a"] and d.raw_list("missing") == []
    assert d.object("none") is None and d.object("o").where == "s.o" and d.object("o").number("a") == 1
    for call, message in [(lambda: d.flag("n"), "the probe's s.n is a number, not true/false"),
                          (lambda: d.number("b"), "the probe's s.b is true/false, not a number"),
                          (lambda: d.text("n"), "the probe's s.n is a number, not text"),
                          (lambda: d.numbers("bl"), "the probe's s.bl holds true/false, not numbers"),
                          (lambda: d.numbers("tl"), "the probe's s.tl holds text, not numbers"),
                          (lambda: d.texts("l"), "the probe's s.l holds a number, not text"),
                          (lambda: d.raw_list("wx"), "the probe's s.wx is an object, not a list"),
                          (lambda: d.raw_list("wt"), "the probe's s.wt is an object, not a list"),
                          (lambda: d.objects("ol"), "the probe's s.ol[1] is a number, not an object"),
                          (lambda: wc.Data("x", None), "the probe's x is null, not an object")]:
        with pytest.raises(wc.EvidenceShape) as raised:
            call()
        assert str(raised.value) == message


# -- architecture ---------------------------------------------------------------------------------------
REBUILD_64 = "Rebuild the image from a 64-bit Windows Server base image (32-bit images are not supported)."


@pytest.mark.parametrize("os_, profile, expected", [
    ({"ProcessorArchitecture": "amd64", "Is64BitOperatingSystem": True}, GUIDE, (PASSED, "AMD64", "AMD64", "")),
    ({"Is64BitOperatingSystem": True}, GUIDE, (PASSED, "64-bit", "AMD64", "")),
    ({"ProcessorArchitecture": "AMD64"}, GUIDE, (PASSED, "AMD64", "AMD64", "")),
    ({"Is64BitOperatingSystem": False}, GUIDE, (FAILED, "32-bit (a 32-bit Windows)", "AMD64", REBUILD_64)),
    ({"ProcessorArchitecture": "AMD64", "Is64BitOperatingSystem": False}, PC,
     (FAILED, "AMD64 (a 32-bit Windows)", "AMD64 or ARM64", REBUILD_64)),
    ({"ProcessorArchitecture": "ARM64", "Is64BitOperatingSystem": True}, GUIDE,
     (FAILED, "ARM64", "AMD64", "This profile accepts AMD64 images only: rebuild the image on a base image of that architecture.")),
    ({"ProcessorArchitecture": "ARM64"}, PC, (PASSED, "ARM64", "AMD64 or ARM64", "")),
    ({}, GUIDE, (ERROR, "could not be judged: the probe's os section has neither ProcessorArchitecture nor "
                 "Is64BitOperatingSystem", "", "")),
])
def test_architecture_exactly(os_, profile, expected):
    assert judged("os-architecture", profile, os=os_) == expected


# -- the Administrator account ----------------------------------------------------------------------------
def test_services_and_tasks_as_administrator_are_listed_with_their_fixes():
    accounts = {"AdministratorNames": [], "Services": [{"Name": "Contoso's Agent", "StartName": "CERT\\ADMINISTRATOR"},
                                                       {"Name": "Ok", "StartName": "LocalSystem"}]}
    tasks = {"Tasks": [{"TaskPath": "\\Contoso\\", "TaskName": "Nightly", "UserId": "Administrator"},
                       {"TaskPath": "\\", "TaskName": "Fine", "UserId": "SYSTEM"}]}
    assert judged("user-account-dependency", accounts=accounts, tasks=tasks) == (
        FAILED, "service Contoso's Agent runs as CERT\\ADMINISTRATOR; task \\Contoso\\Nightly runs as Administrator",
        "nothing depends on the Administrator account",
        "Get-CimInstance Win32_Service | Where-Object Name -eq 'Contoso''s Agent' | Invoke-CimMethod -MethodName Change "
        "-Arguments @{StartName='NT AUTHORITY\\LocalService'; StartPassword=''}  # or a dedicated service account\n"
        "schtasks.exe /Change /TN '\\Contoso\\Nightly' /RU SYSTEM")
    assert judged("user-account-dependency", accounts={"Services": accounts["Services"][1:]}, tasks={"Tasks": []}) == (
        PASSED, "no service or scheduled task runs as Administrator", "nothing depends on the Administrator account", "")


# -- features -------------------------------------------------------------------------------------------------
def test_a_feature_by_its_name_for_the_version_and_the_cmdlet_that_exists_there():
    both = {"Installed": ["SNMP-Service", "SNMP-Services"]}
    assert judged("snmp", os={"Version": "6.1.7601"}, features=both) == (
        FAILED, "SNMP Services (SNMP-Services) is installed", "SNMP Services not installed (not supported on Azure)",
        "Import-Module ServerManager; Remove-WindowsFeature -Name SNMP-Services -Restart")
    assert judged("snmp", os={"Version": "6.3.9600"}, features=both)[1:] == (
        "SNMP Services (SNMP-Service) is installed", "SNMP Services not installed (not supported on Azure)",
        "Uninstall-WindowsFeature -Name SNMP-Service -Restart")
    assert judged("dhcp-server", os={"Version": "6.1.7601"}, features={"Installed": [""]})[:2] == (PASSED, "not installed")


# -- IPv6 ---------------------------------------------------------------------------------------------------------
IPV6_FIX = ("Make sure the application works over IPv4 only; to turn IPv6 off:\n"
            "Set-ItemProperty 'HKLM:\\SYSTEM\\CurrentControlSet\\Services\\Tcpip6\\Parameters' -Name DisabledComponents "
            "-Value 0xFF -Type DWord")


@pytest.mark.parametrize("disabled, verdict", [(None, WARNING), (0x10, WARNING), (0x01, WARNING), (0x11, PASSED)])
def test_ipv6_is_off_only_with_both_bits(disabled, verdict):
    data = {"EnabledOn": ["Ethernet", "Ethernet 2"]} | ({} if disabled is None else {"DisabledComponents": disabled})
    result = judged("ipv6", ipv6=data)
    if verdict == WARNING:
        assert result == (WARNING, "IPv6 is bound on Ethernet, Ethernet 2",
                          "the application does not depend on IPv6 (not supported)", IPV6_FIX)
    else:
        assert result == (PASSED, "IPv6 is disabled", "the application does not depend on IPv6", "")


# -- BitLocker --------------------------------------------------------------------------------------------------
BL_REQUIRED = "BitLocker off on the OS disk (C:); data disks may use it"


@pytest.mark.parametrize("status, state", [(1, "fully encrypted"), (2, "encryption in progress"), (3, "decryption in progress"),
                                           (4, "encryption paused"), (5, "decryption paused"), (6, "conversion status 6")])
def test_each_conversion_status_is_named_with_its_fix(status, state):
    volume = {"DriveLetter": "c:", "ProtectionStatus": 1, "ConversionStatus": status, "EncryptionPercentage": 37.5}
    wait = ("Let the decryption finish (manage-bde -status C:; manage-bde -resume C: if it is paused), then run the test again")
    fix = wait if status in (3, 5) else "Disable-BitLocker -MountPoint 'C:'"
    assert judged("bitlocker-os-disk", os={}, bitlocker={"Volumes": [volume]}) == (
        FAILED, f"C: {state}, 37.5 % encrypted", "BitLocker off on the OS disk (C:)", fix)
    old = judged("bitlocker-os-disk", os={"Version": "6.1.7601"}, bitlocker={"Volumes": [volume]})
    assert old[3] == (wait if status in (3, 5) else "manage-bde -off C:")


def test_bitlocker_off_absent_or_unreadable_exactly():
    def bl(**data):
        return judged("bitlocker-os-disk", os={"SystemDrive": "d:"}, bitlocker=data)

    required = "BitLocker off on the OS disk (D:); data disks may use it"
    assert bl(Installed=False) == (PASSED, "BitLocker is not installed (no Win32_EncryptableVolume class)", required, "")
    assert bl(Volumes=[{"DriveLetter": "C:", "ConversionStatus": 1}]) == (PASSED, "D: is not among BitLocker's volumes",
                                                                          required, "")
    assert bl(Volumes=[{"DriveLetter": "D:", "ConversionStatus": 0}]) == (PASSED, "BitLocker is off on D: (fully decrypted)",
                                                                          required, "")
    assert bl(Volumes=[{"DriveLetter": "D:", "ProtectionStatus": 0}])[:2] == (
        ERROR, "could not be judged: the probe could not read the conversion status of D: (ProtectionStatus 0)")
    assert bl(Volumes=[{"DriveLetter": "D:", "ProtectionStatus": 0, "ConversionStatus": 1}])[:2] == (
        FAILED, "D: fully encrypted, ? % encrypted; protection suspended")
    assert judged("bitlocker-os-disk", os={}, bitlocker={"Volumes": [{"DriveLetter": "C:", "ConversionStatus": 0}]}) == (
        PASSED, "BitLocker is off on C: (fully decrypted)", BL_REQUIRED, "")


# -- Remote Desktop ---------------------------------------------------------------------------------------------
@pytest.mark.parametrize("ports, listed", [("3389", True), ("*", True), ("1, 3389", True), ("3389-3390", True),
                                           ("3388-3389", True), ("3300-3400", True), ("3390-3400", False),
                                           ("3000-3388", False), ("", False), ("a-b", False), ("3389-", False),
                                           ("-3389", False), ("80,443", False)])
def test_a_port_list_names_the_port(ports, listed):
    assert wc._port_listed(ports, 3389) is listed


ON = {"Domain": True, "Private": True, "Public": True}
RULE = {"Enabled": True, "Action": 1, "Profiles": 2147483647, "LocalPorts": "3389"}
LOCAL_FIX = "Set-ItemProperty 'HKLM:\\SYSTEM\\CurrentControlSet\\Control\\Terminal Server' -Name fDenyTSConnections -Value 0"
POLICY_FIX = ("Group Policy denies Remote Desktop (Computer Configuration > Administrative Templates > Windows "
              "Components > Remote Desktop Services > Remote Desktop Session Host > Connections): allow it there, or "
              "on a VM outside a domain:\nSet-ItemProperty 'HKLM:\\SOFTWARE\\Policies\\Microsoft\\Windows NT\\Terminal "
              "Services' -Name fDenyTSConnections -Value 0")
FIREWALL_FIX = "(New-Object -ComObject HNetCfg.FwPolicy2).EnableRuleGroup(0x7FFFFFFF, '@FirewallAPI.dll,-28752', $true)"


def rdp(**changes):
    return judged("rdp-enabled", rdp={"fDenyTSConnections": 0, "ServiceStartMode": "Manual", "FirewallEnabled": ON,
                                      "FirewallRules": [RULE]} | changes)


def test_rdp_enabled_and_each_way_it_is_not():
    assert rdp() == (PASSED, "Remote Desktop is enabled", "Remote Desktop enabled", "")
    assert rdp(fDenyTSConnections=1) == (FAILED, "fDenyTSConnections=1", "Remote Desktop enabled", LOCAL_FIX)
    assert rdp(PolicyDenyTSConnections=1) == (FAILED, "fDenyTSConnections=1 (set by Group Policy)", "Remote Desktop enabled",
                                              POLICY_FIX)
    assert rdp(fDenyTSConnections=1, PolicyDenyTSConnections=1)[3] == POLICY_FIX + "\n" + LOCAL_FIX
    assert rdp(fDenyTSConnections=1, PolicyDenyTSConnections=0)[0] == PASSED
    assert rdp(ServiceStartMode="") == (FAILED, "TermService start mode unknown", "Remote Desktop enabled",
                                        "Set-Service TermService -StartupType Manual")
    assert rdp(ServiceStartMode="disabled", fDenyTSConnections=1, FirewallRules=[]) == (
        FAILED, "fDenyTSConnections=1; TermService start mode disabled; the firewall blocks port 3389 on the Domain, "
        "Private, Public profile(s)", "Remote Desktop enabled",
        f"{LOCAL_FIX}\nSet-Service TermService -StartupType Manual\n{FIREWALL_FIX}")
    assert rdp(Port=None)[0] == PASSED  # RDP's default port
    assert rdp(FirewallEnabled=None)[:2] == (
        ERROR, "could not be judged: the probe's rdp section does not say which firewall profiles are on")


@pytest.mark.parametrize("rule, blocked", [
    ({"Profiles": 1}, "Private, Public"), ({"Profiles": 2}, "Domain, Public"), ({"Profiles": 4}, "Domain, Private"),
    ({"Profiles": 5}, "Private"), ({"Profiles": None}, "Domain, Private, Public"), ({"Action": 0}, "Domain, Private, Public"),
    ({"Action": 2}, "Domain, Private, Public"), ({"Enabled": False}, "Domain, Private, Public"),
    ({"LocalPorts": "3390"}, "Domain, Private, Public"),
])
def test_the_firewall_profiles_a_rule_leaves_blocked(rule, blocked):
    assert rdp(FirewallRules=[RULE | rule]) == (FAILED, f"the firewall blocks port 3389 on the {blocked} profile(s)",
                                                "Remote Desktop enabled", FIREWALL_FIX)


def test_a_profile_that_is_off_needs_no_rule():
    assert rdp(FirewallRules=[RULE | {"Profiles": 2}], FirewallEnabled={"Domain": False, "Private": True, "Public": False})[0] \
        == PASSED
    assert rdp(FirewallRules=[RULE | {"Profiles": 2}], FirewallEnabled={"Domain": True, "Private": True})[1] == \
        "the firewall blocks port 3389 on the Domain profile(s)"


# -- updates, srv.sys, SQL, sysprep ---------------------------------------------------------------------------------
UPDATE_FIX = ("Install the pending updates with Windows Update (Settings → Windows Update, or sconfig option 6), "
              "restart, and generalize again")


def test_updates_exactly():
    required = "no pending Critical or Important updates"
    assert judged("windows-update", updates={"Pending": []}) == (PASSED, "no pending updates", required, "")
    pending = [{"MsrcSeverity": "Important", "Title": "KB1", "KBs": ["1"]}, {"MsrcSeverity": "Low", "Title": "KB2"}]
    assert judged("windows-update", updates={"Pending": pending}) == (FAILED, "1 pending: Important: KB1", required, UPDATE_FIX)
    assert judged("windows-update", updates={"Pending": pending[1:]}) == (WARNING, "1 other update(s) pending", required,
                                                                          UPDATE_FIX)


def test_srv_sys_at_its_minimum_and_below_exactly():
    os_ = {"Version": "6.3.9600"}
    assert judged("wannacry-patch", os=os_, srv={"Present": True, "FileVersion": "6.3.9600.18604"}) == (
        PASSED, "srv.sys 6.3.9600.18604", "srv.sys ≥ 6.3.9600.18604", "")
    assert judged("wannacry-patch", os=os_, srv={"Present": True, "FileVersion": "6.3.9600.18603"}) == (
        FAILED, "srv.sys 6.3.9600.18603", "srv.sys ≥ 6.3.9600.18604 (MS17-010, WannaCry)",
        "Install the MS17-010 security update (or the latest cumulative update) with Windows Update, then restart")
    assert judged("wannacry-patch", os={}, srv={"Present": True, "FileVersion": "1.0"})[0] == WARNING  # version unknown


def test_sql_server_exactly():
    required = "SQL Server only from an approved SQL Server base image"
    sql = {"Instances": ["SQLEXPRESS", "MSSQLSERVER"], "Services": ["MSSQLSERVER"]}
    assert judged("sql-server-self-installed", sql={"Instances": []}) == (PASSED, "no SQL Server instance", required, "")
    assert judged("sql-server-self-installed", sql=sql) == (
        FAILED, "SQL Server installed: MSSQLSERVER, SQLEXPRESS", required,
        "Start again from an approved SQL Server base image (for example SQL Server 2014 Standard) instead of installing "
        "SQL Server yourself")
    evidence = {"sql": {"section": "sql", "data": sql}}
    (result,) = wc.judge(evidence, GUIDE, wc.Context("sql server 2014 standard"), only={"sql-server-self-installed"})
    assert (result.result, result.actual) == (PASSED, "SQL Server (MSSQLSERVER, SQLEXPRESS) from the base image sql server "
                                                      "2014 standard")
    (result,) = wc.judge(evidence, GUIDE, wc.Context("Windows Server with SQL Server"), only={"sql-server-self-installed"})
    assert result.result == FAILED


def test_generalized_exactly():
    assert judged("generalized", sysprep={"GeneralizationState": 6}) == (FAILED, "GeneralizationState 6",
                                                                         "GeneralizationState 7", wc.SYSPREP)
    assert judged("generalized", sysprep={})[1] == "GeneralizationState missing"
    assert judged("generalized", sysprep={"GeneralizationState": 7, "SysprepLogged": True}) == (
        PASSED, "GeneralizationState 7; sysprep's log records a generalize pass", "GeneralizationState 7", "")
    warning = judged("generalized", sysprep={"GeneralizationState": 7})
    assert warning[:3] == (WARNING, "GeneralizationState 7, but sysprep's log (System32\\Sysprep\\Panther) records no "
                                    "generalize pass", "GeneralizationState 7")
    assert warning[3].endswith("If it was not:\n" + wc.SYSPREP)
    assert wc.SYSPREP == "& \"$env:windir\\System32\\Sysprep\\sysprep.exe\" /generalize /oobe /shutdown"


# -- OS disk size -----------------------------------------------------------------------------------------------
RESIZE = ("Resize the OS VHD to 128 GiB (Resize-VHD -Path os.vhd -SizeBytes 128GB) and extend C: (Resize-Partition "
          "-DriveLetter C -Size (Get-PartitionSupportedSize -DriveLetter C).SizeMax; on 2008 R2: diskpart, select volume C, "
          "extend)")


def disk(size, source="Get-Disk"):
    return judged("os-disk-size", disk={"OsDiskBytes": size, "Source": source})


def test_the_win32_diskdrive_shortfall_is_one_cylinder_exactly():
    assert wc.WIN32_DISKDRIVE_SHORTFALL == 8225280
    edge = 127 * GIB - 255 * 63 * 512
    assert disk(edge, "Win32_DiskDrive")[0] == PASSED
    assert disk(edge - 1, "Win32_DiskDrive") == (FAILED, "127.0 GiB", "127–128 GiB", RESIZE)
    assert disk(edge, "Get-Disk")[0] == FAILED
    assert disk(128 * GIB + 1, "Win32_DiskDrive")[0] == FAILED  # the slack is for the minimum only
    assert disk(126 * GIB) == (FAILED, "126.0 GiB", "127–128 GiB", RESIZE)
    assert disk(0)[:2] == (ERROR, "could not be judged: the probe did not report the size of the OS disk")


# -- base image ---------------------------------------------------------------------------------------------------
def test_base_image_exactly_under_both_profiles():
    required = ("one of: Windows Server 2012 R2 Datacenter; Windows Server 2012 Datacenter; Windows Server 2008 R2 SP1 "
                "(or an image published after 2014-09-08)")
    assert judged("base-image", os={"Caption": "Microsoft Windows Server 2008 R2 Datacenter"}) == (
        PASSED, "Microsoft Windows Server 2008 R2 Datacenter", required, "")
    assert judged("base-image", os={}) == (
        WARNING, "unknown", required, "Build the image from an approved base image, or make sure the base you used was "
        "published after 2014-09-08 (record its date in the Offer & SKUs step)")
    today = judged("base-image", PC, os={"Caption": "Microsoft Windows Server 2012 R2 Datacenter"})
    assert today[0] == WARNING and today[3] == "Build the image from an approved base image."
    assert today[2].startswith("one of: Windows Server 2016 Datacenter; ") and "published after" not in today[2]


# -- first-boot tasks ---------------------------------------------------------------------------------------------
TASKS_REQUIRED = "first-boot tasks remove themselves when done, and configure only drives C and D"


def task(name, triggers, execute="", arguments="", workdir="", path="\\"):
    return {"TaskPath": path, "TaskName": name, "Triggers": triggers,
            "Actions": [{"Execute": execute, "Arguments": arguments, "WorkingDirectory": workdir}]}


@pytest.mark.parametrize("trigger", [8, 9, "MSFT_TaskBootTrigger", "MSFT_TaskLogonTrigger"])
def test_each_boot_trigger_makes_a_first_boot_task(trigger):
    assert judged("scheduled-tasks", tasks={"Tasks": [task("T", [2, trigger], "C:\\x.cmd")]}) == (
        WARNING, "first-boot task(s) that do not remove themselves: \\T", TASKS_REQUIRED,
        "End each task's script with: schtasks.exe /Delete /TN '<name>' /F (every version; on 2012 and later also "
        "Unregister-ScheduledTask -TaskName '<name>' -Confirm:$false)")


@pytest.mark.parametrize("trigger", [7, 10, 2, 1])
def test_other_triggers_do_not(trigger):
    assert judged("scheduled-tasks", tasks={"Tasks": [task("T", [trigger], "E:\\x.cmd")]}) == (
        PASSED, "no first-boot scheduled task", TASKS_REQUIRED, "")


def test_first_boot_tasks_exactly():
    removes = "SCHTASKS.EXE /Delete /TN x /F"
    tasks = [task("A", [8], "powershell.exe", f"-File c:\\a.ps1; {removes}", "D:\\tmp"),
             task("B", [8], "cmd.exe", "/c schtasks /delete /tn B"),
             task("Win", [8], "E:\\x", path="\\microsoft\\windows\\")]  # Windows' own: not judged
    assert judged("scheduled-tasks", tasks={"Tasks": tasks}) == (
        PASSED, "2 first-boot task(s), each removes itself", TASKS_REQUIRED, "")
    outside = [task("Far", [9], "cmd.exe", "/c f:\\setup.cmd", "E:\\work")] + tasks
    assert judged("scheduled-tasks", tasks={"Tasks": outside}) == (
        FAILED, "\\Far uses E:, F:", TASKS_REQUIRED,
        "Change the task's actions to use only C: (OS) and D: (temporary disk) — other drives do not exist on a new VM")
    for odd in (True, 8.0, {"x": 1}):
        assert judged("scheduled-tasks", tasks={"Tasks": [task("T", [odd])]})[:2] == (
            ERROR, "could not be judged: the probe's tasks section.Tasks[0].Triggers holds something that is not a trigger type")


# -- the suite around the judges ------------------------------------------------------------------------------------
def test_a_section_error_in_words():
    assert wc.section_error("ipv6", {"error": " gone ", "kind": "command-not-found", "command": "Get-X"}) == \
        "ipv6: the command Get-X does not exist on this Windows (gone)"
    assert wc.section_error("updates", {"error": "slow", "kind": "System.TimeoutException"}) == \
        "updates: slow (the other sections are kept)"
    assert wc.section_error("srv", {"error": "slow", "kind": "System.TimeoutException"}) == "srv: slow"
    assert wc.section_error("srv", {"error": "denied", "hresult": "0x80070005"}) == "srv: denied [0x80070005]"
    assert wc.section_error("srv", {"error": "denied", "hresult": 5}) == "srv: denied"
    assert wc.section_error("srv", {}) == "srv: "


def test_not_finished_names_the_running_section_or_none():
    assert wc.running_section({}) == wc.probe_sections()[0] == "os"
    assert wc.running_section({"end": {}}) == ""
    assert wc.not_finished({"end": {}}) == NOT_FINISHED
    (result,) = wc.judge({"end": {"section": "end"}}, GUIDE, only={"generalized"})
    assert (result.result, result.actual) == NOT_FINISHED[:2]
    assert json.loads(result.evidence) == {"section": "sysprep", "missing": True}


def test_judge_reports_progress_honours_cancel_and_gives_advice_only_for_updates():
    seen = []
    evidence = {"updates": {"section": "updates", "error": "refused"}, "srv": {"section": "srv", "error": "denied"},
                "os": {"section": "os", "data": {}}}
    results = wc.judge(evidence, GUIDE, progress=seen.append, only={"windows-update", "wannacry-patch"})
    assert [(u.done, u.total, u.message) for u in seen] == [(1, 2, "windows-update"), (2, 2, "wannacry-patch")]
    update, srv = results
    assert (update.result, update.actual, update.remediation) == (
        ERROR, "could not be judged on this VM: updates: refused", wc.ERROR_ADVICE["updates"])
    assert (srv.result, srv.actual, srv.remediation) == (ERROR, "could not be judged on this VM: srv: denied", "")
    token = CancelToken()
    token.cancel()
    with pytest.raises(Cancelled):
        wc.judge(evidence, GUIDE, cancel=token)
    assert len(wc.judge(evidence, GUIDE, cancel=CancelToken())) == len(wc.cases(GUIDE))


def test_only_failover_clustering_carries_the_tools_test_id():
    ids = {c.id: c.test_id for c in wc.cases(GUIDE)}
    assert ids["failover-clustering"] == "1.1.6" and ids["dhcp-server"] == "" and ids["snmp"] == ""


def test_system_info_exactly():
    assert wc.system_info({"os": {"data": {"Caption": "W", "Version": "6.3.9600", "BuildNumber": "9600"}}}) == {
        "OSName": "Windows", "OSDistro": "W", "KernelVersion": "6.3.9600", "KernelFullVersion": "6.3.9600 build 9600",
        "OSVersion": "6.3.9600"}
    assert wc.system_info({"os": {"data": [1]}}) == wc.system_info({}) == {
        "OSName": "Windows", "OSDistro": "", "KernelVersion": "", "KernelFullVersion": "build", "OSVersion": ""}
    assert wc.system_info({"os": {"data": {"Caption": 5}}})["OSDistro"] == ""


def test_the_update_budget():
    assert [wc.update_search_seconds(t) for t in (1, 7, 10, 100)] == [5, 5, 7, 70]
    assert wc.probe_script(0).startswith("$UpdateSearchSeconds = 0\n")


def test_the_last_killable_edges():
    # The probe's section list, computed (probe_sections is cached at collection, before any test runs).
    assert wc.probe_sections.__wrapped__() == wc.probe_sections() and wc.probe_sections()[-1] == "updates"
    # An unknown conversion status is shown by its number (-1 is no status of GetConversionStatus).
    volume = {"DriveLetter": "C:", "ProtectionStatus": 1, "ConversionStatus": -1}
    assert judged("bitlocker-os-disk", os={}, bitlocker={"Volumes": [volume]})[1] == "C: conversion status -1, ? % encrypted"
    # A version equal to the oldest listed one that does not start with its key is not older than it.
    assert judged("wannacry-patch", os={"Version": "06.1.7601"}, srv={"Present": True, "FileVersion": "1.0"})[0] == PASSED
    # Get-Disk reports the exact size: no slack at all.
    assert disk(127 * GIB - 1)[0] == FAILED and disk(127 * GIB)[0] == PASSED
    # An invalid line's error record names its section.
    bad = '{"section":"srv","data":{\\q}}'
    assert wc.parse_sections(f"{bad}\n")["srv"]["section"] == "srv"
    # The evidence shown is each section's record, indented by 2.
    record = {"section": "sysprep", "data": {"GeneralizationState": 7, "Note": "日本語"}}
    (result,) = wc.judge({"sysprep": record}, GUIDE, only={"generalized"})
    assert result.evidence == json.dumps(record, indent=2, ensure_ascii=False)
