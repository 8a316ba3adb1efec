"""The boot-partition rule's words, exactly: the image type in every message, the GPT fix only where
GPT is needed, today's boot scheme for a type the project's profile lacks, and nothing said about
booting when no image type is given (the table is still read for the first-MiB rule)."""

from __future__ import annotations

import pytest
from test_partitions import GUIDE, PC, boot, disk

from wizard.core.vhd import inspect_file
from wizard.core.vhdcheck import GPT_FIX, boot_scheme, check_vhd


@pytest.mark.parametrize("image_type, severity, fix", [("x64Gen2", "fail", GPT_FIX), ("x64Gen1", "warning", "")])
def test_no_partition_table_names_the_image_type_and_only_uefi_gets_the_gpt_fix(tmp_path, image_type, severity, fix):
    finding = boot(disk(tmp_path, None), image_type)
    assert (finding.severity, finding.message, finding.fix) == (
        severity, f"No partition table found: a {image_type} OS disk needs one to boot.", fix)


def test_a_guide_project_judges_a_gen2_disk_by_todays_boot_scheme(tmp_path):
    """The 2015 profile lists no Generation 2 type: Partner Center's says it boots with UEFI."""
    assert boot_scheme(GUIDE, "x64Gen2") == "gpt" and boot_scheme(GUIDE, "x64Gen1") == "mbr"
    assert boot_scheme(PC, "") == boot_scheme(PC, None) == ""
    finding = boot(disk(tmp_path, "start=2048, type=83, bootable"), "x64Gen2", GUIDE)
    assert (finding.severity, finding.fix) == ("fail", GPT_FIX)
    assert finding.message.startswith("The disk has an MBR partition table, but a x64Gen2 image boots with UEFI: ")


def test_without_an_image_type_the_table_is_read_but_nothing_is_said_about_booting(tmp_path):
    path = disk(tmp_path, "start=2048, type=83")  # no partition active: a BIOS image type would be warned
    report = check_vhd(inspect_file(path, read_partitions=True), PC, "os", "linux")
    ids = {f.id for f in report.findings}
    assert "first-mib" in ids and "boot-partitions" not in ids
