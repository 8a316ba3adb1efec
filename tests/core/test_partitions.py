"""The first-MiB rule on real partition tables: made by sfdisk in a raw file, turned into a fixed VHD
by qemu-img (the independent producers), then read back by the wizard's own reader."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from wizard.core.partitions import EFI_SYSTEM_GUID, read_partition_table
from wizard.core.profiles import load_profile
from wizard.core.vhd import inspect_file
from wizard.core.vhdcheck import check_vhd

PC = load_profile("partner-center")
GUIDE = load_profile("publishing-guide-2015")
MIB = 1024 * 1024


def disk(tmp_path: Path, layout: str | None, label: str = "dos", size_mib: int = 64, gap_bytes: bytes = b"") -> Path:
    """A fixed VHD whose partition table sfdisk wrote from `layout` (sfdisk's script format)."""
    if not shutil.which("sfdisk"):
        pytest.fail("sfdisk is missing: run the tests through scripts/test, which installs fdisk")
    raw = tmp_path / f"disk-{abs(hash((layout, label, gap_bytes)))}.raw"
    with open(raw, "wb") as fh:
        fh.truncate(size_mib * MIB)
    if layout is not None:
        script = f"label: {label}\n{layout}\n"
        subprocess.run(["sfdisk", "--no-reread", "--no-tell-kernel", "-q", str(raw)], input=script, text=True,
                       check=True, capture_output=True)
    if gap_bytes:  # what a boot loader leaves: code in sector 0 and its core image in the gap
        with open(raw, "r+b") as fh:
            fh.write(gap_bytes[:440])
            fh.seek(512 * 5)
            fh.write(gap_bytes)
    vhd = raw.with_suffix(".vhd")
    subprocess.run(["qemu-img", "convert", "-q", "-f", "raw", "-O", "vpc", "-o", "subformat=fixed,force_size=on",
                    str(raw), str(vhd)], check=True, capture_output=True)
    return vhd


def first_mib(path: Path, profile=PC):
    report = check_vhd(inspect_file(path, read_partitions=True), profile, "os", "linux")
    return {f.id: f for f in report.findings}.get("first-mib")


def test_a_standard_mbr_disk_passes_even_with_a_boot_loader_in_the_gap(tmp_path):
    finding = first_mib(disk(tmp_path, "start=2048, type=83, bootable", gap_bytes=b"GRUB core image " * 64))
    assert finding.severity == "pass"
    assert "MBR" in finding.message


def test_an_mbr_partition_at_sector_63_is_flagged_with_its_number_and_start(tmp_path):
    finding = first_mib(disk(tmp_path, "start=63, type=83"))
    assert finding.severity == "warning"
    assert "Partition 1 starts at sector 63, before sector 2048" in finding.message
    assert "sector 2048" in finding.fix


def test_the_second_partition_is_named_when_it_is_the_early_one(tmp_path):
    table = read_partition_table_of(disk(tmp_path, "start=40000, size=2000, type=83\nstart=100, size=1000, type=82"))
    assert [(p.number, p.start) for p in table.starting_before(2048)] == [(2, 100)]


def test_a_gpt_disk_with_an_efi_partition_passes(tmp_path):
    path = disk(tmp_path, f"start=2048, size=200M, type={EFI_SYSTEM_GUID}\nstart=411648, type=0FC63DAF-8483-4772-8E79-3D69D8477DE4",
                label="gpt", size_mib=512)
    table = read_partition_table_of(path)
    assert table.scheme == "gpt"
    assert [p.start for p in table.partitions] == [2048, 411648]
    assert table.partitions[0].kind == EFI_SYSTEM_GUID
    assert first_mib(path).severity == "pass"


def test_a_gpt_partition_at_sector_34_is_flagged(tmp_path):
    finding = first_mib(disk(tmp_path, "start=34, size=20000, type=0FC63DAF-8483-4772-8E79-3D69D8477DE4",
                             label="gpt\nfirst-lba: 34"))
    assert finding.severity == "warning"
    assert "starts at sector 34" in finding.message


def test_no_table_and_a_broken_table_are_said_as_such(tmp_path):
    assert "No partition table" in first_mib(disk(tmp_path, None)).message
    path = disk(tmp_path, "start=2048, type=0FC63DAF-8483-4772-8E79-3D69D8477DE4", label="gpt")
    with open(path, "r+b") as fh:  # the GPT header's signature in sector 1, and the backup's in the last sector
        fh.seek(512)
        fh.write(b"NOT PART")
        fh.seek(-1024, 2)  # a fixed VHD: the last disk sector is just before the 512-byte footer
        fh.write(b"NOT PART")
    finding = first_mib(path)
    assert finding.severity == "warning"
    assert "cannot be read" in finding.message


def test_the_2015_profile_does_not_read_the_table(tmp_path):
    assert first_mib(disk(tmp_path, "start=63, type=83"), GUIDE) is None


def read_partition_table_of(path: Path):
    info = inspect_file(path, read_partitions=True)
    assert info.partition_table is not None
    return info.partition_table


class Bytes:
    def __init__(self, data: bytes):
        self.data = data

    def read(self, offset: int, length: int) -> bytes:
        return self.data[offset:offset + length]


@settings(max_examples=300, deadline=None)
@given(st.binary(min_size=0, max_size=4096), st.integers(min_value=0, max_value=2**40))
def test_any_bytes_give_a_table_or_a_reason_never_an_exception(data, size):
    table = read_partition_table(Bytes(data), size)
    assert table.scheme in ("mbr", "gpt", "none", "unreadable")
    assert (table.scheme == "unreadable") == bool(table.problem)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 2**32 - 1), st.integers(1, 2**32 - 1), st.integers(1, 255)), max_size=4))
def test_crafted_mbr_entries_are_read_back_exactly(entries):
    import struct

    sector = bytearray(512)
    for i, (start, sectors, kind) in enumerate(entries):
        struct.pack_into("<B3xB3xII", sector, 446 + 16 * i, 0x80 if i == 0 else 0, kind, start, sectors)
    sector[510:512] = b"\x55\xaa"
    table = read_partition_table(Bytes(bytes(sector) + bytes(1024)), 2**45)
    if any(kind == 0xEE for _, _, kind in entries):
        assert table.scheme == "unreadable"  # a protective MBR without a GPT behind it
    else:
        assert [(p.start, p.sectors) for p in table.partitions] == [(s, n) for s, n, _ in entries]


# -- how the image type boots (issue #20): Gen2 = GPT + EFI system partition, Gen1 = MBR + active ------
LINUX_FS = "0FC63DAF-8483-4772-8E79-3D69D8477DE4"


def boot(path: Path, image_type: str, profile=PC, os_family: str = "linux"):
    from wizard.core.operations import check_disk

    report = check_disk(str(path), profile, "os", os_family, image_type=image_type).report
    return {f.id: f for f in report.findings}.get("boot-partitions")


@pytest.mark.parametrize("image_type", ["x64Gen2", "arm64Gen2"])
def test_a_gen2_disk_with_gpt_and_an_efi_system_partition_is_judged_right(tmp_path, image_type):
    path = disk(tmp_path, f"start=2048, size=100M, type={EFI_SYSTEM_GUID}\nstart=206848, type={LINUX_FS}", label="gpt",
                size_mib=256)
    finding = boot(path, image_type)
    assert finding.severity == "pass"
    assert "EFI system partition (partition 1)" in finding.message


def test_a_gen2_disk_with_gpt_but_no_efi_system_partition_fails_with_the_fix(tmp_path):
    finding = boot(disk(tmp_path, f"start=2048, type={LINUX_FS}", label="gpt"), "x64Gen2")
    assert finding.severity == "fail"
    assert "no EFI system partition" in finding.message
    assert "EFI system partition" in finding.fix and "x64 Generation 1" in finding.fix


def test_a_gen2_disk_with_an_mbr_fails_and_a_windows_gen2_disk_is_checked_too(tmp_path):
    path = disk(tmp_path, "start=2048, type=83, bootable")
    finding = boot(path, "x64Gen2")
    assert finding.severity == "fail"
    assert "MBR partition table" in finding.message and "UEFI" in finding.message
    assert "mbr2gpt" in finding.fix
    assert boot(path, "x64Gen2", os_family="windows").severity == "fail"


def test_a_gen1_disk_with_an_mbr_and_an_active_partition_passes(tmp_path):
    finding = boot(disk(tmp_path, "start=2048, size=20M, type=83\nstart=43008, type=83, bootable"), "x64Gen1")
    assert finding.severity == "pass"
    assert "active boot partition 2" in finding.message


def test_a_gen1_disk_without_an_active_partition_is_flagged_with_the_fix(tmp_path):
    finding = boot(disk(tmp_path, "start=2048, type=83"), "x64Gen1")
    assert finding.severity == "warning"
    assert "sfdisk --activate" in finding.fix


def test_a_gen1_disk_with_a_gpt_fails_and_says_to_choose_gen2(tmp_path):
    path = disk(tmp_path, f"start=2048, size=20M, type={EFI_SYSTEM_GUID}\nstart=43008, type={LINUX_FS}", label="gpt")
    finding = boot(path, "x64Gen1", GUIDE)
    assert finding.severity == "fail"
    assert "x64 Generation 2" in finding.fix


def test_no_partition_table_on_a_gen2_os_disk_fails_and_data_disks_are_not_judged(tmp_path):
    from wizard.core.operations import check_disk

    path = disk(tmp_path, None)
    assert boot(path, "x64Gen2").severity == "fail"
    report = check_disk(str(path), PC, "data", "linux", image_type="x64Gen2").report
    assert "boot-partitions" not in {f.id for f in report.findings}
    # Without an image type (the CLI's call, the 2015 flow) the profile's only type is judged: no table fails
    # (issue #32: an empty disk passed under the 2015 profile).
    report = check_disk(str(path), GUIDE, "os", "linux").report
    assert {f.id: f.severity for f in report.findings}["boot-partitions"] == "fail"
