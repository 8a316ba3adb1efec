"""The boot-partition rule's words, exactly: the image type in every message, the GPT fix only where
GPT is needed, today's boot scheme for a type the project's profile lacks; without an image type the
profile's only one (2015: BIOS/MBR) or a bootable partition of either scheme. An OS disk with no partition table
(an empty, all-zero disk) fails under every profile, in the check and in `mpwizard vhd check` (issue #32); a data
disk may be empty."""

from __future__ import annotations

import pytest
from test_partitions import GUIDE, PC, boot, disk

from wizard.core.vhd import inspect_file
from wizard.core.vhdcheck import BOOT_NONE_FIX, GPT_FIX, boot_scheme, check_vhd
from wizard.core.vhdjobs import check_target


@pytest.mark.parametrize("image_type, severity, fix", [("x64Gen2", "fail", GPT_FIX), ("x64Gen1", "fail", BOOT_NONE_FIX)])
def test_no_partition_table_names_the_image_type_and_only_uefi_gets_the_gpt_fix(tmp_path, image_type, severity, fix):
    finding = boot(disk(tmp_path, None), image_type)
    assert (finding.severity, finding.message, finding.fix) == (
        severity, f"No partition table found: a {image_type} OS disk needs one to boot.", fix)


def test_a_guide_project_judges_a_gen2_disk_by_todays_boot_scheme(tmp_path):
    """The 2015 profile lists no Generation 2 type: Partner Center's says it boots with UEFI."""
    assert boot_scheme(GUIDE, "x64Gen2") == "gpt" and boot_scheme(GUIDE, "x64Gen1") == "mbr"
    assert boot_scheme(PC, "") == boot_scheme(PC, None) == "any"  # several types, none named
    assert boot_scheme(GUIDE, None) == "mbr"  # the profile's only type: x64 Gen1, BIOS/MBR
    finding = boot(disk(tmp_path, "start=2048, type=83, bootable"), "x64Gen2", GUIDE)
    assert (finding.severity, finding.fix) == ("fail", GPT_FIX)
    assert finding.message.startswith("The disk has an MBR partition table, but a x64Gen2 image boots with UEFI: ")


def test_without_an_image_type_a_bootable_partition_of_either_scheme_is_asked_for(tmp_path):
    path = disk(tmp_path, "start=2048, type=83")  # no partition active, no EFI system partition
    report = check_vhd(inspect_file(path, read_partitions=True), PC, "os", "linux")
    found = {f.id: f for f in report.findings}
    assert "first-mib" in found and found["boot-partitions"].severity == "warning"
    assert found["boot-partitions"].message == ("Neither an EFI system partition nor an active (bootable) partition was "
                                                "found: the OS disk may not boot.")
    active = disk(tmp_path, "start=2048, type=83, bootable")
    ok = {f.id: f for f in check_vhd(inspect_file(active, read_partitions=True), PC, "os", "linux").findings}
    assert ok["boot-partitions"].severity == "pass"


EMPTY_OS = ("No partition table found (the disk may be empty): an OS disk needs one, with a bootable partition, to boot.")


@pytest.mark.parametrize("profile", [GUIDE, PC], ids=["2015", "partner-center"])
@pytest.mark.parametrize("os_family", ["linux", "windows"])
def test_an_empty_os_disk_fails_under_every_profile_and_a_data_disk_may_be_empty(make_vhd, profile, os_family):
    empty = str(make_vhd("30G", boot=False))  # qemu-img's blank fixed VHD: all zeroes, no partition table
    report = check_target(empty, profile, "os", os_family)
    found = {f.id: f for f in report.findings}
    assert report.verdict == "fail"
    assert found["boot-partitions"].severity == "fail" and found["boot-partitions"].fix == BOOT_NONE_FIX
    if profile is GUIDE:  # the profile's one image type, x64Gen1, is named
        assert found["boot-partitions"].message == "No partition table found: a x64Gen1 OS disk needs one to boot."
    else:
        assert found["boot-partitions"].message == EMPTY_OS
    assert check_target(empty, profile, "data", os_family).verdict == "pass"
    bootable = str(make_vhd("127G"))  # a disk with an MBR and an active partition (127 GiB: Windows' minimum)
    passed = check_target(bootable, profile, "os", os_family)
    assert passed.verdict != "fail", passed.findings  # (a size warning for 127 GiB under 2015 at most)
    assert {f.id: f.severity for f in passed.findings}["boot-partitions"] == "pass"


def test_vhd_check_on_the_command_line_fails_an_empty_os_disk(make_vhd, cli):
    import json

    empty = str(make_vhd("30G", boot=False))
    for profile in ("publishing-guide-2015", "partner-center"):
        result = cli("vhd", "check", empty, "--profile", profile, "--json")
        assert result.returncode == 1, result.stdout
        assert json.loads(result.stdout)["verdict"] == "fail"
    assert cli("vhd", "check", empty, "--role", "data").returncode == 0
    assert cli("vhd", "check", str(make_vhd("30G"))).returncode == 0
