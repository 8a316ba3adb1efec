"""The Windows test cases, judged from probe output recorded in the probe's exact shape.

No Windows host runs here: tests/fixtures/windows/*.ndjson are hand-built from documented cmdlet
output (see the README there). Every case is tested both ways, by the two recorded VMs and by
one-field changes of the passing one.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from wizard.core.profiles import load_profile
from wizard.core.resources import resource_path
from wizard.core.windows_checks import Context, ProbeOutputUnreadable, cases, judge, parse_sections, system_info

FIXTURES = Path(__file__).parent / "fixtures" / "windows"
GUIDE = load_profile("publishing-guide-2015")
TODAY = load_profile("partner-center")


def recorded(name: str) -> str:
    return (FIXTURES / name).read_text(encoding="utf-8")


def run(text: str, profile=GUIDE, context=Context()):
    return {r.id: r for r in judge(parse_sections(text), profile, context)}


def changed(section: str, **values) -> str:
    """The passing VM's output with some fields of one section changed."""
    lines = []
    for line in recorded("good-2012r2.ndjson").splitlines():
        record = json.loads(line)
        if record["section"] == section:
            record["data"].update(values)
        lines.append(json.dumps(record, separators=(",", ":")))
    return "\n".join(lines) + "\n"


def test_probe_sections_and_cases_agree():
    probe = resource_path("probes", "windows-probe.ps1").read_text()
    emitted = set(re.findall(r"^Emit '([a-z0-9]+)'", probe, re.M))
    used = {s for case in cases(GUIDE) for s in case.sections}
    assert used <= emitted
    assert emitted - used == {"admin"}  # admin feeds the connection test
    for name in ("good-2012r2.ndjson", "bad-2016.ndjson"):
        assert set(parse_sections(recorded(name))) == emitted | {"end"}, name
    assert "Set-" not in probe.replace("Set-StrictMode", "")
    assert "Remove-" not in probe  # read-only


def test_the_cases_follow_the_profile():
    guide_ids = [c.id for c in cases(GUIDE)]
    assert guide_ids[:3] == ["os-architecture", "user-account-dependency", "failover-clustering"]
    assert [c.test_id for c in cases(GUIDE)][:3] == ["1.1.4", "1.1.5", "1.1.6"]
    assert "hyper-v" in guide_ids
    assert "hyper-v" not in [c.id for c in cases(TODAY)]
    assert len(guide_ids) == len(set(guide_ids)) == 25


def test_the_passing_vm_passes_every_case():
    results = run(recorded("good-2012r2.ndjson"))
    assert {r.result for r in results.values()} == {"Passed"}, {i: (r.result, r.actual) for i, r in results.items()
                                                                 if r.result != "Passed"}
    assert results["os-disk-size"].actual == "127.0 GiB"
    assert results["wannacry-patch"].actual == "srv.sys 6.3.9600.18604"
    assert "ContosoFirstBoot" not in results["scheduled-tasks"].actual
    assert "removes itself" in results["scheduled-tasks"].actual


EXPECTED_BAD = {
    "user-account-dependency": ("Failed", "Set-CimInstance"),
    "failover-clustering": ("Failed", "Uninstall-WindowsFeature -Name Failover-Clustering -Restart"),
    "dhcp-server": ("Failed", "Uninstall-WindowsFeature -Name DHCP"),
    "remote-access": ("Failed", "-Name RemoteAccess"),
    "rights-management": ("Failed", "-Name ADRMS"),
    "deployment-services": ("Failed", "-Name WDS"),
    "isns": ("Failed", "-Name ISNS"),
    "multipath-io": ("Failed", "-Name Multipath-IO"),
    "network-load-balancing": ("Failed", "-Name NLB"),
    "pnrp": ("Failed", "-Name PNRP"),
    "snmp": ("Failed", "-Name SNMP-Service"),
    "wins": ("Failed", "-Name WINS"),
    "wireless-lan": ("Failed", "-Name Wireless-Networking"),
    "hyper-v": ("Failed", "-Name Hyper-V"),
    "ipv6": ("Warning", "DisabledComponents"),
    "bitlocker-os-disk": ("Failed", "Disable-BitLocker -MountPoint 'C:'"),
    "rdp-enabled": ("Failed", "fDenyTSConnections -Value 0"),
    "windows-update": ("Failed", "Windows Update"),
    "wannacry-patch": ("Failed", "MS17-010"),
    "sql-server-self-installed": ("Failed", "approved SQL Server base image"),
    "generalized": ("Failed", "sysprep.exe\" /generalize /oobe /shutdown"),
    "os-disk-size": ("Failed", "Resize-VHD"),
    "base-image": ("Warning", "approved base image"),
    "scheduled-tasks": ("Failed", "only C: (OS) and D:"),
}


def test_the_failing_vm_fails_each_case_with_its_fix():
    results = run(recorded("bad-2016.ndjson"))
    assert results["os-architecture"].result == "Passed"  # a 2016 VM is 64-bit; 32-bit is tested below
    for case_id, (verdict, fix) in EXPECTED_BAD.items():
        assert results[case_id].result == verdict, (case_id, results[case_id].actual)
        assert fix in results[case_id].remediation, (case_id, results[case_id].remediation)
    assert "2 pending" in results["windows-update"].actual
    assert "Critical: 2017-05 Cumulative" in results["windows-update"].actual
    assert "E:" in results["scheduled-tasks"].actual
    assert "Nightly" not in results["scheduled-tasks"].actual  # daily, not boot
    assert "service ContosoAgent runs as .\\Administrator" in results["user-account-dependency"].actual
    assert results["bitlocker-os-disk"].actual == "BitLocker protects C:"  # F: (a data disk) is allowed


@pytest.mark.parametrize("section, values, case_id, verdict", [
    ("os", {"OSArchitecture": "32-bit"}, "os-architecture", "Failed"),
    ("ipv6", {"EnabledOn": ["Ethernet 2"], "DisabledComponents": 0}, "ipv6", "Warning"),
    ("ipv6", {"EnabledOn": ["Ethernet 2"], "DisabledComponents": 255}, "ipv6", "Passed"),
    ("bitlocker", {"Volumes": [{"DriveLetter": "C:", "ProtectionStatus": 1}]}, "bitlocker-os-disk", "Failed"),
    ("bitlocker", {"Volumes": [{"DriveLetter": "E:", "ProtectionStatus": 1}]}, "bitlocker-os-disk", "Passed"),
    ("rdp", {"ServiceStartMode": "Disabled"}, "rdp-enabled", "Failed"),
    ("updates", {"Pending": [{"Title": "Feature pack", "MsrcSeverity": None, "KBs": ["1"]}]}, "windows-update", "Warning"),
    ("updates", {"Pending": [{"Title": "Security update", "MsrcSeverity": "Important", "KBs": ["2"]}]}, "windows-update",
     "Failed"),
    ("srv", {"FileVersion": "6.3.9600.18603"}, "wannacry-patch", "Failed"),
    ("srv", {"Present": False, "FileVersion": ""}, "wannacry-patch", "Passed"),
    ("sql", {"Instances": ["SQLEXPRESS"]}, "sql-server-self-installed", "Failed"),
    ("sysprep", {"GeneralizationState": None}, "generalized", "Failed"),
    ("disk", {"OsDiskBytes": 30 * 1024**3}, "os-disk-size", "Failed"),
    ("disk", {"OsDiskBytes": 128 * 1024**3}, "os-disk-size", "Passed"),
    ("os", {"Caption": "Microsoft Windows Server 2008 R2 Datacenter"}, "base-image", "Passed"),
    ("os", {"Caption": "Microsoft Windows Server 2019 Datacenter"}, "base-image", "Warning"),
    ("features", {"Installed": ["SNMP-Service"]}, "snmp", "Failed"),
    ("accounts", {"Tasks": [{"TaskPath": "\\", "TaskName": "x", "UserId": "Administrator"}]}, "user-account-dependency",
     "Failed"),
    ("tasks", {"Tasks": [{"TaskPath": "\\", "TaskName": "Setup", "Triggers": ["MSFT_TaskBootTrigger"],
                          "Actions": [{"Execute": "C:\\setup.cmd", "Arguments": None, "WorkingDirectory": None}]}]},
     "scheduled-tasks", "Warning"),
    ("tasks", {"Tasks": []}, "scheduled-tasks", "Passed"),
])
def test_each_case_turns_on_its_own_evidence(section, values, case_id, verdict):
    results = run(changed(section, **values))
    assert results[case_id].result == verdict, results[case_id].actual
    others = {i: r.result for i, r in results.items() if i != case_id and r.result != "Passed"}
    assert others == {}, others


def test_sql_server_from_a_sql_base_image_passes():
    text = changed("sql", Instances=["MSSQLSERVER"], Services=["MSSQLSERVER"])
    assert run(text)["sql-server-self-installed"].result == "Failed"
    assert run(text, context=Context("SQL Server 2014 Standard"))["sql-server-self-installed"].result == "Passed"


def test_hyper_v_is_only_a_problem_under_the_guide_profile():
    text = changed("features", Installed=["Hyper-V"])
    assert run(text, GUIDE)["hyper-v"].result == "Failed"
    assert "hyper-v" not in run(text, TODAY)


def test_a_dropped_connection_keeps_the_sections_that_arrived():
    text = recorded("good-2012r2.ndjson")
    cut = text.index('{"section":"srv"') + 20  # the connection dropped in the middle of the srv line
    results = run(text[:cut])
    assert results["rdp-enabled"].result == "Passed"
    assert results["windows-update"].result == "Passed"
    assert results["wannacry-patch"].result == "Error"
    assert "did not finish" in results["wannacry-patch"].actual
    assert results["generalized"].result == "Error"
    assert results["scheduled-tasks"].result == "Error"


def test_a_section_the_vm_could_not_read_is_skipped_with_the_reason():
    text = recorded("good-2012r2.ndjson").replace(
        '{"section":"updates","data":{"Pending":[]}}',
        '{"section":"updates","error":"Exception from HRESULT: 0x8024402C"}')
    result = run(text)["windows-update"]
    assert result.result == "Skipped"
    assert "0x8024402C" in result.actual


def test_output_that_is_not_the_probes_is_refused():
    with pytest.raises(ProbeOutputUnreadable):
        parse_sections("The term 'ConvertTo-Json' is not recognized as the name of a cmdlet\n")
    assert parse_sections("") == {}


def test_system_fields_for_the_report():
    info = system_info(parse_sections(recorded("good-2012r2.ndjson")))
    assert info["OSDistro"] == "Microsoft Windows Server 2012 R2 Datacenter"
    assert info["OSVersion"] == "6.3.9600"
