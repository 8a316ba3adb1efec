"""Each VHD rule both ways, with what the user reads and types asserted exactly: the resize target in
bytes, the whole fix command, the found and required values. Disks are made by qemu-img (the
independent producer) and then, where a rule needs a damaged file, damaged byte by byte."""

from __future__ import annotations

import errno
import os
import struct
import subprocess
from pathlib import Path

import pytest

from wizard.core import vhdcheck
from wizard.core.partitions import Partition, PartitionTable
from wizard.core.profiles import load_profile
from wizard.core.units import readable_size
from wizard.core.vhd import (
    FOOTER_SIZE,
    GIB,
    MIB,
    FileSource,
    NotARegularFile,
    _chs,
    data_extents,
    inspect,
    inspect_file,
    open_regular,
    parse_footer,
    vhd_checksum,
    write_fixed_vhd,
)
from wizard.core.vhdcheck import FIRST_MIB_FIX, check_vhd, host_os

GUIDE = load_profile("publishing-guide-2015")
PC = load_profile("partner-center")


def qemu(path: Path, size: int | str, subformat: str = "fixed", force: bool = True) -> Path:
    opts = f"subformat={subformat}" + (",force_size=on" if force else "")
    subprocess.run(["qemu-img", "create", "-q", "-f", "vpc", "-o", opts, str(path), str(size)], check=True,
                   capture_output=True)
    return path


def by_id(report) -> dict:
    return {f.id: f for f in report.findings}


def footer_of(path: Path) -> bytearray:
    with open(path, "rb") as fh:
        fh.seek(-FOOTER_SIZE, 2)
        return bytearray(fh.read())


def with_footer(path: Path, body_size: int, footer: bytes | bytearray, fix_checksum: bool = True) -> Path:
    """A sparse file of `body_size` bytes followed by `footer`."""
    footer = bytearray(footer)
    if fix_checksum:
        footer[64:68] = struct.pack(">I", vhd_checksum(bytes(footer)))
    with open(path, "wb") as fh:
        fh.truncate(body_size)
        fh.seek(body_size)
        fh.write(footer)
    return path


# -- file size = virtual size + 512 --------------------------------------------------------------
def test_file_size_is_the_virtual_size_plus_512_both_ways(tmp_path):
    good = qemu(tmp_path / "good.vhd", 30 * GIB)
    report = check_vhd(inspect_file(good), GUIDE, "os", "linux", user_os="linux")
    assert (by_id(report)["file-size"].severity, by_id(report)["file-size"].message) == \
        ("pass", "File size is the virtual size + 512 bytes.")
    # one sector too many before the footer: the footer is still at the end, the size is wrong
    long = with_footer(tmp_path / "long.vhd", 30 * GIB + 512, footer_of(good))
    finding = by_id(check_vhd(inspect_file(long), GUIDE, "os", "linux", user_os="linux"))["file-size"]
    assert finding.severity == "fail"
    assert finding.message == f"File size {30 * GIB + 1024} should be the virtual size + 512 = {30 * GIB + 512} bytes."
    assert finding.fix == (f"qemu-img convert -f vpc -O vpc -o subformat=fixed,force_size=on '{long}' "
                           f"'{tmp_path / 'long-fixed.vhd'}'")
    assert dict(finding.args) == {"file": str(30 * GIB + 1024), "expected": str(30 * GIB + 512)}


def test_a_file_one_byte_short_of_its_footer_is_truncated_with_the_expected_size(tmp_path):
    good = qemu(tmp_path / "good.vhd", 30 * GIB)
    short = with_footer(tmp_path / "short.vhd", 30 * GIB - 512, footer_of(good))
    info = inspect_file(short)
    assert info.truncated
    report = check_vhd(info, GUIDE)
    finding = by_id(report)["truncated"]
    assert finding.severity == "fail"
    assert finding.message == ("The file is truncated: it is shorter than its footer says "
                               f"({30 * GIB + 512} bytes expected). Copy or export it again.")
    assert "file-size" not in by_id(report)  # a truncated file is not judged on its size
    exact = with_footer(tmp_path / "exact.vhd", 30 * GIB, footer_of(good))
    assert not inspect_file(exact).truncated


# -- dynamic disks and their header ---------------------------------------------------------------
def test_a_dynamic_vhd_with_a_damaged_header_fails_twice(tmp_path):
    path = qemu(tmp_path / "dyn.vhd", 30 * GIB, "dynamic")
    info = inspect_file(path)
    assert info.dynamic_header_ok is True
    assert "dynamic-header" not in by_id(check_vhd(info, GUIDE))
    offset = info.footer.data_offset
    with open(path, "r+b") as fh:
        fh.seek(offset)
        fh.write(b"damaged!")
    damaged = inspect_file(path)
    assert damaged.dynamic_header_ok is False
    report = check_vhd(damaged, GUIDE, user_os="linux")
    found = by_id(report)
    assert found["disk-type"].severity == "fail"
    assert found["disk-type"].message == "The disk is dynamic, not fixed. Azure accepts fixed VHDs only: convert it."
    assert found["disk-type"].fix == (f"qemu-img convert -f vpc -O vpc -o subformat=fixed,force_size=on '{path}' "
                                      f"'{tmp_path / 'dyn-fixed.vhd'}'")
    assert (found["dynamic-header"].severity, found["dynamic-header"].message) == \
        ("fail", "The dynamic disk header ('cxsparse') is missing or damaged.")
    assert "file-size" not in found  # only fixed disks have a size to match


@pytest.mark.parametrize("where,ok", [("zero", False), ("one", True), ("end-1024", True), ("end-1023", False),
                                      ("past", False)])
def test_the_dynamic_header_offset_must_leave_room_for_the_header(tmp_path, where, ok):
    path = qemu(tmp_path / "dyn.vhd", 1 * GIB, "dynamic")
    size = path.stat().st_size
    header_at = inspect_file(path).footer.data_offset
    with open(path, "rb") as fh:
        fh.seek(header_at)
        header = fh.read(1024)
    offset = {"zero": 0, "one": 1, "end-1024": size - 1024, "end-1023": size - 1023, "past": size + 4096}[where]
    if where != "past":  # offset 0 is the footer copy's place: a header there is not taken, even a good one
        with open(path, "r+b") as fh:  # put a copy of the header exactly there (over the footer copy)
            fh.seek(offset)
            fh.write(header[:8])
    footer = footer_of(path)
    footer[16:24] = struct.pack(">Q", offset)
    footer[64:68] = struct.pack(">I", vhd_checksum(bytes(footer)))
    with open(path, "r+b") as fh:
        fh.seek(-FOOTER_SIZE, 2)
        fh.write(footer)
    assert inspect_file(path).dynamic_header_ok is ok


def test_differencing_and_unknown_disk_types_are_named(tmp_path):
    good = qemu(tmp_path / "good.vhd", 1 * GIB)
    for dtype, name in ((4, "differencing"), (7, "type 7")):
        footer = footer_of(good)
        footer[60:64] = struct.pack(">I", dtype)
        path = with_footer(tmp_path / f"t{dtype}.vhd", 1 * GIB, footer)
        finding = by_id(check_vhd(inspect_file(path), GUIDE))["disk-type"]
        assert finding.message == f"The disk is {name}, not fixed. Azure accepts fixed VHDs only: convert it."


# -- formats ------------------------------------------------------------------------------------
def test_convert_commands_for_each_format_and_host(tmp_path):
    vhdx = tmp_path / "disk.vhdx"
    subprocess.run(["qemu-img", "create", "-q", "-f", "vhdx", str(vhdx), "1G"], check=True)
    out = tmp_path / "disk-fixed.vhd"
    linux = check_vhd(inspect_file(vhdx), GUIDE, user_os="linux").findings
    assert [(f.id, f.severity) for f in linux] == [("format", "fail")]
    assert linux[0].fix == f"qemu-img convert -f vhdx -O vpc -o subformat=fixed,force_size=on '{vhdx}' '{out}'"
    assert linux[0].message == "This is a VHDX file. Azure needs the older VHD format: convert it to a fixed VHD."
    win = check_vhd(inspect_file(vhdx), GUIDE, user_os="windows").findings[0]
    assert win.fix == f"Convert-VHD -Path '{vhdx}' -DestinationPath '{out}' -VHDType Fixed"
    raw = tmp_path / "disk.img"
    with open(raw, "wb") as fh:
        fh.truncate(1 * GIB)
    (finding,) = check_vhd(inspect_file(raw), GUIDE, user_os="linux").findings
    assert finding.fix == (f"qemu-img convert -f raw -O vpc -o subformat=fixed,force_size=on '{raw}' "
                           f"'{tmp_path / 'disk.img-fixed.vhd'}'")


@pytest.mark.parametrize("name,out", [("disk.vhd", "disk-fixed.vhd"), ("disk.VHDX", "disk-fixed.vhd"),
                                      ("disk.vhd.vhdx", "disk-fixed.vhd"), ("disk", "disk-fixed.vhd")])
def test_the_fixed_copy_is_named_after_the_disk(name, out):
    assert vhdcheck._Fixes(f"/d/{name}", "linux").out == f"/d/{out}"


def test_quotes_in_paths_are_quoted_for_the_users_shell():
    path = "/it's/disk.vhd"
    assert vhdcheck._Fixes(path, "linux").convert("vpc").endswith("'/it'\\''s/disk.vhd' '/it'\\''s/disk-fixed.vhd'")
    win = vhdcheck._Fixes("C:\\it's\\disk.vhd", "windows").convert("vpc")
    assert win == "Convert-VHD -Path 'C:\\it''s\\disk.vhd' -DestinationPath 'C:\\it''s\\disk-fixed.vhd' -VHDType Fixed"


@pytest.mark.parametrize("platform,name", [("win32", "windows"), ("darwin", "macos"), ("linux", "linux")])
def test_host_os(monkeypatch, platform, name):
    monkeypatch.setattr("sys.platform", platform)
    assert host_os() == name


def test_unknown_bytes_and_tiny_files(tmp_path):
    junk = tmp_path / "junk.bin"
    junk.write_bytes(b"x" * 1000)
    info = inspect_file(junk)
    assert (info.format, info.virtual_size, info.truncated) == ("unknown", 0, False)
    (finding,) = check_vhd(info, GUIDE).findings
    assert (finding.id, finding.fix) == ("format", "")
    assert finding.message.startswith("This is not a VHD file (no 'conectix' footer)")
    tiny = tmp_path / "tiny.bin"
    tiny.write_bytes(b"x" * 100)
    assert (inspect_file(tiny).format, inspect_file(tiny).truncated) == ("unknown", True)
    sector = tmp_path / "sector.bin"
    sector.write_bytes(bytes(512))
    assert (inspect_file(sector).format, inspect_file(sector).virtual_size, inspect_file(sector).truncated) == \
        ("raw", 512, False)


def test_an_old_511_byte_footer_is_found_and_converted(tmp_path):
    good = qemu(tmp_path / "good.vhd", 30 * GIB)
    old = tmp_path / "old.vhd"
    with open(old, "wb") as fh:
        fh.truncate(30 * GIB)
        fh.seek(30 * GIB)
        fh.write(footer_of(good)[:511])
    info = inspect_file(old)
    assert (info.format, info.footer_size, info.truncated) == ("vhd", 511, False)
    finding = by_id(check_vhd(info, GUIDE, user_os="windows"))["footer-511"]
    assert finding.fix == f"Convert-VHD -Path '{old}' -DestinationPath '{tmp_path / 'old-fixed.vhd'}' -VHDType Fixed"
    assert "file-size" in by_id(check_vhd(info, GUIDE))  # 30 GiB + 511 is not + 512


def test_a_dynamic_disk_whose_end_is_lost_keeps_its_first_footer_copy(tmp_path):
    path = qemu(tmp_path / "dyn.vhd", 30 * GIB, "dynamic")
    data = path.read_bytes()
    cut = tmp_path / "cut.vhd"
    cut.write_bytes(data[:-700])
    info = inspect_file(cut)
    assert (info.format, info.disk_type, info.truncated, info.footer_size) == ("vhd", "dynamic", True, 512)
    assert by_id(check_vhd(info, GUIDE))["truncated"].message.endswith(f"({30 * GIB + 512} bytes expected). "
                                                                       "Copy or export it again.")


def test_a_wrong_checksum_shows_both_values(tmp_path):
    good = qemu(tmp_path / "good.vhd", 30 * GIB)
    footer = footer_of(good)
    stored = struct.unpack(">I", footer[64:68])[0]
    assert stored == vhd_checksum(bytes(footer))  # qemu's checksum is ours
    footer[28:32] = b"evil"
    bad = with_footer(tmp_path / "bad.vhd", 30 * GIB, footer, fix_checksum=False)
    computed = vhd_checksum(bytes(footer))
    finding = by_id(check_vhd(inspect_file(bad), GUIDE))["footer-checksum"]
    assert finding.message == (f"The footer checksum is wrong (stored 0x{stored:08x}, computed 0x{computed:08x}): "
                               "the file is damaged or was edited.")


def test_the_checksum_ignores_only_its_own_field():
    block = bytes(range(256)) * 2
    assert vhd_checksum(block) == (~(sum(block) - sum(block[64:68]))) & 0xFFFFFFFF
    assert parse_footer(block[:511]).computed_checksum == vhd_checksum(block[:511] + b"\0")


# -- sizes: targets in bytes and commands ------------------------------------------------------------
def resize_linux(src: Path, size: int) -> str:
    raw = src.with_name(src.stem + "-fixed.raw")
    out = src.with_name(src.stem + "-fixed.vhd")
    return (f"qemu-img convert -f vpc -O raw '{src}' '{raw}' && qemu-img resize -f raw '{raw}' {size} && "
            f"qemu-img convert -f raw -O vpc -o subformat=fixed,force_size=on '{raw}' '{out}'")


def test_not_a_whole_mib_rounds_up_to_the_next_mib(tmp_path):
    size = 40 * GIB + 512  # above the guide's minimum, half a KiB past a MiB
    path = qemu(tmp_path / "odd.vhd", size)
    finding = by_id(check_vhd(inspect_file(path), GUIDE, "os", "linux", user_os="linux"))["size-whole-mib"]
    target = 40 * GIB + MIB
    assert finding.message == (f"Virtual size {size} bytes is not a whole number of MiB. Resize to {target} bytes "
                               f"({target // MIB} MiB).")
    assert finding.fix == resize_linux(path, target)
    win = by_id(check_vhd(inspect_file(path), GUIDE, "os", "linux", user_os="windows"))["size-whole-mib"]
    assert win.fix == f"Resize-VHD -Path '{path}' -SizeBytes {target}"
    ok = qemu(tmp_path / "ok.vhd", 40 * GIB)
    assert by_id(check_vhd(inspect_file(ok), GUIDE, "os", "linux"))["size-whole-mib"].message == \
        "Virtual size is a whole number of MiB (40960 MiB)."


def test_a_small_os_disk_is_resized_to_the_minimum(tmp_path):
    path = qemu(tmp_path / "small.vhd", 20 * GIB + MIB // 2)
    found = by_id(check_vhd(inspect_file(path), GUIDE, "os", "linux", user_os="linux"))
    assert found["size-whole-mib"].fix == resize_linux(path, 30 * GIB)  # the profile's minimum, a whole MiB
    assert found["os-disk-size"].message == ("The Linux OS disk is 20 GiB; this profile needs at least 30 GiB. "
                                             "Resize to 30 GiB.")
    assert found["os-disk-size"].fix == resize_linux(path, 30 * GIB)
    win = by_id(check_vhd(inspect_file(path), PC, "os", "windows", user_os="windows"))["os-disk-size"]
    assert win.fix == f"Resize-VHD -Path '{path}' -SizeBytes {30 * GIB}"
    assert win.message == "The Windows OS disk is 20 GiB; this profile needs at least 30 GiB. Resize to 30 GiB."


def test_a_large_os_disk_is_cut_to_the_maximum_or_only_warned(tmp_path):
    path = qemu(tmp_path / "big.vhd", 260 * GIB)
    win = by_id(check_vhd(inspect_file(path), PC, "os", "windows", user_os="windows"))["os-disk-size"]
    assert (win.severity, win.fix) == ("fail", f"Resize-VHD -Path '{path}' -SizeBytes {250 * GIB}")
    assert win.message == "The Windows OS disk is 260 GiB; this profile allows at most 250 GiB."
    guide = by_id(check_vhd(inspect_file(path), GUIDE, "os", "linux", user_os="linux"))["os-disk-size"]
    assert (guide.severity, guide.fix) == ("warning", "")
    assert guide.message == "The Linux OS disk is 260 GiB, above 50 GiB: accepted only case by case."
    odd = qemu(tmp_path / "odd.vhd", 1024 * GIB + 512)
    found = by_id(check_vhd(inspect_file(odd), PC, "os", "linux", user_os="linux"))
    assert found["size-whole-mib"].fix == resize_linux(odd, 1023 * GIB)  # the maximum, not the odd size
    assert found["os-disk-size"].fix == resize_linux(odd, 1023 * GIB)


def test_sizes_in_the_messages_are_gib_with_two_decimals_at_most(tmp_path):
    path = qemu(tmp_path / "a.vhd", 40 * GIB + 512 * MIB)
    assert by_id(check_vhd(inspect_file(path), PC, "os", "linux"))["os-disk-size"].message == \
        "The Linux OS disk size 40.5 GiB is within 1–1023 GiB."
    path = qemu(tmp_path / "b.vhd", 60 * GIB + 3 * MIB)
    assert by_id(check_vhd(inspect_file(path), PC, "os", "linux"))["os-disk-size"].message == \
        "The Linux OS disk is 60 GiB; 30–50 GiB is recommended."
    path = qemu(tmp_path / "c.vhd", 60 * GIB + 100 * MIB)
    assert by_id(check_vhd(inspect_file(path), PC, "os", "linux"))["os-disk-size"].message == \
        "The Linux OS disk is 60.1 GiB; 30–50 GiB is recommended."


def test_a_data_disk_over_the_limit_is_resized_to_it(tmp_path):
    path = qemu(tmp_path / "data.vhd", 1024 * GIB)
    finding = by_id(check_vhd(inspect_file(path), GUIDE, "data", user_os="windows"))["data-disk-size"]
    assert finding.fix == f"Resize-VHD -Path '{path}' -SizeBytes {1023 * GIB}"
    assert finding.message == "The data disk is 1024 GiB; data disks may be at most 1023 GiB."
    ok = qemu(tmp_path / "ok.vhd", 100 * GIB)
    assert by_id(check_vhd(inspect_file(ok), GUIDE, "data"))["data-disk-size"].message == \
        "The data disk size 100 GiB is within the 1023 GiB limit."
    assert "os-disk-size" not in by_id(check_vhd(inspect_file(ok), GUIDE, "data"))


def test_below_the_minimum_size_resizes_to_it(tmp_path):
    path = qemu(tmp_path / "tiny.vhd", 10 * MIB)
    finding = by_id(check_vhd(inspect_file(path), GUIDE, "data", user_os="windows"))["size-min"]
    assert finding.message == "Virtual size is below the minimum of 20 MiB."
    assert finding.fix == f"Resize-VHD -Path '{path}' -SizeBytes {20 * MIB}"


def test_sparse_and_allocation_notes(tmp_path):
    path = qemu(tmp_path / "s.vhd", 1 * GIB)
    info = inspect_file(path)
    note = by_id(check_vhd(info, GUIDE, "data"))["sparse"]
    assert info.allocated_bytes is not None and info.allocated_bytes < 1024 * 1024
    assert note.message == f"Sparse file: {readable_size(info.allocated_bytes)} of 1.00 GiB are allocated on disk " \
                           "(fine, and faster to upload)."
    info.allocated_bytes = info.file_size
    assert "sparse" not in by_id(check_vhd(info, GUIDE, "data"))
    info.allocated_bytes = None
    assert by_id(check_vhd(info, GUIDE, "data"))["sparse"].message == "Allocated size is unknown on this system."


def test_blob_type_is_judged_only_when_known(tmp_path):
    info = inspect_file(qemu(tmp_path / "b.vhd", 1 * GIB))
    block = by_id(check_vhd(info, GUIDE, "data", blob_type="BlockBlob"))["blob-type"]
    assert (block.severity, block.message) == ("fail", "The blob is a BlockBlob, not a page blob: upload the VHD again "
                                                       "as a page blob.")
    assert by_id(check_vhd(info, GUIDE, "data", blob_type="PageBlob"))["blob-type"].severity == "pass"
    assert "blob-type" not in by_id(check_vhd(info, GUIDE, "data"))


def test_the_verdict_is_the_worst_finding_and_the_json_has_every_field(tmp_path):
    info = inspect_file(qemu(tmp_path / "v.vhd", 30 * GIB))
    report = check_vhd(info, GUIDE, "os", "linux")
    assert report.verdict == "pass"
    report.findings.append(vhdcheck.Finding("x", "info", "m"))
    assert report.verdict == "pass"
    report.findings.append(vhdcheck.Finding("y", "warning", "m"))
    assert report.verdict == "warning"
    report.findings.append(vhdcheck.Finding("z", "fail", "m", "do it"))
    assert report.verdict == "fail"
    data = report.to_json()
    assert (data["virtual_size"], data["file_size"], data["allocated_bytes"], data["verdict"]) == \
        (30 * GIB, 30 * GIB + 512, info.allocated_bytes, "fail")
    assert data["findings"][-1] == {"id": "z", "severity": "fail", "message": "m", "fix": "do it"}


# -- the first MiB ----------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def disk_30g(tmp_path_factory):
    return qemu(tmp_path_factory.mktemp("first-mib") / "d.vhd", 30 * GIB)


def first_mib(disk: Path, table: PartitionTable, profile=PC, role="os", os_family="linux"):
    info = inspect_file(disk)
    info.partition_table = table
    return by_id(check_vhd(info, profile, role, os_family)).get("first-mib")


def test_first_mib_messages(disk_30g):
    ok = first_mib(disk_30g, PartitionTable("gpt", [Partition(1, 2048, 100, "x")]))
    assert (ok.severity, ok.message) == ("pass", "No partition starts before sector 2048 (GPT): the first MiB is free.")
    early = first_mib(disk_30g, PartitionTable("mbr", [Partition(1, 4096, 10, "0x83"), Partition(2, 63, 10, "0x83"),
                                             Partition(3, 100, 10, "0x83")]))
    assert (early.severity, early.fix) == ("warning", FIRST_MIB_FIX)
    assert early.message == "Partition 2 starts at sector 63, before sector 2048: the first MiB must stay free for Azure."
    none = first_mib(disk_30g, PartitionTable("none"))
    assert none.message == "No partition table found: a Linux OS disk needs one, with every partition from sector 2048 on."
    bad = first_mib(disk_30g, PartitionTable("unreadable", problem="odd"))
    assert bad.message == "The partition table cannot be read (odd): the first MiB could not be checked."
    table = PartitionTable("mbr", [Partition(1, 63, 10, "0x83")])
    assert first_mib(disk_30g, table, GUIDE) is None  # the guide has no such rule
    assert first_mib(disk_30g, table, PC, "data") is None
    assert first_mib(disk_30g, table, PC, "os", "windows") is None


def test_the_partition_table_is_read_only_when_asked_and_only_for_whole_fixed_disks(tmp_path):
    fixed = qemu(tmp_path / "f.vhd", 1 * GIB)
    assert inspect_file(fixed).partition_table is None
    assert inspect_file(fixed, read_partitions=True).partition_table.scheme == "none"
    dyn = qemu(tmp_path / "d.vhd", 1 * GIB, "dynamic")
    assert inspect_file(dyn, read_partitions=True).partition_table is None
    short = with_footer(tmp_path / "short.vhd", 512 * MIB, footer_of(fixed))
    assert inspect_file(short, read_partitions=True).partition_table is None


# -- holes and extents --------------------------------------------------------------------------------
def test_a_file_that_ends_in_a_hole_counts_only_its_data(tmp_path):
    path = tmp_path / "hole-at-end"
    with open(path, "wb") as fh:
        fh.write(b"x" * 8192)
        fh.truncate(64 * MIB)
    fd = os.open(path, os.O_RDONLY)
    try:
        extents = data_extents(fd, 64 * MIB)
    finally:
        os.close(fd)
    assert extents is not None and len(extents) == 1
    start, end = extents[0]
    assert start == 0 and 8192 <= end < 64 * MIB  # the file system may round up to its block
    with FileSource(path) as source:
        assert source.allocated_bytes() == end


def test_data_after_a_hole_and_at_the_very_end(tmp_path):
    path = tmp_path / "hole-in-middle"
    with open(path, "wb") as fh:
        fh.write(b"a" * 4096)
        fh.seek(32 * MIB)
        fh.write(b"b" * 4096)
    size = path.stat().st_size
    fd = os.open(path, os.O_RDONLY)
    try:
        extents = data_extents(fd, size)
        assert data_extents(fd, 0) == []
    finally:
        os.close(fd)
    assert len(extents) == 2
    assert extents[1][0] <= 32 * MIB < extents[1][1] == size  # an extent is cut at the file's size
    with FileSource(path) as source:
        assert source.allocated_bytes() == sum(e - s for s, e in extents)
        assert source.read(32 * MIB, 3) == b"bbb"
        assert source.size() == size


def test_a_vhd_made_sparse_with_a_written_footer_is_mostly_hole(tmp_path):
    path = qemu(tmp_path / "s.vhd", 1 * GIB)
    info = inspect_file(path)
    assert 512 <= info.allocated_bytes < MIB


# -- the smoke test's own writer ------------------------------------------------------------------------
# Sizes either side of each branch of the spec's algorithm: 17 sectors with 4–16 heads (34 MiB is
# exactly 4 heads × 1024 cylinders), 31 sectors (248 MiB: exactly 16 × 1024 of them), 63, 255 from
# 65535 × 16 × 63 sectors on (33821999616 bytes is just below it), and the cap at 65535 × 16 × 255.
@pytest.mark.parametrize("size", ["20M", "33M", "34M", "35M", "50M", "100M", "130M", "136M", "137M", "140M", "200M",
                                  "247M", "248M", "249M", "250M", "1G", "4G", "30G", "33821999616", "32255M", "32256M",
                                  "65000M", "127G", "130000M", "500G", "2040G"])
def test_write_fixed_vhd_geometry_is_qemus(tmp_path, size):
    """qemu-img (without force_size) takes the spec's geometry of the first sector count from the size on
    whose geometry holds the whole size: the same search over our `_chs` must land where qemu did."""
    ref = qemu(tmp_path / "ref.vhd", size, force=False)
    footer = inspect_file(ref).footer
    asked = int(size[:-1]) * {"M": MIB, "G": GIB}[size[-1]] if size[-1] in "MG" else int(size)
    total = asked // 512
    if total > 65535 * 16 * 255:  # beyond CHS: the largest geometry, the size as asked
        assert _chs(asked) == (footer.cylinders, footer.heads, footer.sectors) == (65535, 16, 255)
        return
    for extra in range(100_000):
        cylinders, heads, sectors = _chs((total + extra) * 512)
        if cylinders * heads * sectors >= total:
            break
    assert (cylinders, heads, sectors) == (footer.cylinders, footer.heads, footer.sectors)
    assert footer.current_size == cylinders * heads * sectors * 512


def test_write_fixed_vhd_makes_a_disk_that_passes(tmp_path):
    from datetime import UTC, datetime

    path = tmp_path / "smoke.vhd"
    write_fixed_vhd(path, 30 * GIB)
    info = inspect_file(path)
    f = info.footer
    assert (info.format, info.disk_type, info.file_size, info.virtual_size) == ("vhd", "fixed", 30 * GIB + 512, 30 * GIB)
    assert f.checksum_ok and f.original_size == 30 * GIB and f.data_offset == 0xFFFFFFFFFFFFFFFF
    assert (f.features, f.format_version, f.creator_app, f.creator_host, f.creator_version, f.saved_state) == \
        (2, 0x00010000, "mpwz", "Wi2k", 0x00010000, 0)
    assert (f.cylinders, f.heads, f.sectors) == _chs(30 * GIB) == (62415, 16, 63)
    assert abs((f.created - datetime.now(UTC)).total_seconds()) < 60
    assert info.allocated_bytes < MIB
    assert check_vhd(info, GUIDE, "os", "linux").verdict == "pass"
    # qemu-img reads the size of a VHD from another creator from its geometry: ours is the spec's
    out = subprocess.run(["qemu-img", "info", "--output=json", "-f", "vpc", str(path)], capture_output=True, text=True,
                         check=True).stdout
    assert f'"virtual-size": {62415 * 16 * 63 * 512}' in out


def test_the_geometry_caps_at_the_specs_largest():
    assert _chs(4 * 1024 * GIB) == (65535, 16, 255)
    assert _chs(65535 * 16 * 63 * 512) == (65535 * 63 // 255, 16, 255)


class _Bytes:
    """A ByteSource over bytes in memory (a blob's reads, for instance)."""

    def __init__(self, data: bytes):
        self.data, self.name = data, "mem"

    def size(self) -> int:
        return len(self.data)

    def read(self, offset: int, length: int) -> bytes:
        return self.data[offset:offset + length]

    def allocated_bytes(self) -> int | None:
        return None


def test_inspect_reads_any_byte_source():
    info = inspect(_Bytes(b"vhdxfile" + bytes(1000)))
    assert (info.format, info.allocated_bytes) == ("vhdx", None)
    empty = inspect(_Bytes(b""))
    assert (empty.empty, empty.format, empty.virtual_size, empty.footer_size, empty.truncated) == \
        (True, "unknown", 0, 512, False)


def test_a_file_that_is_only_an_old_511_byte_footer(tmp_path):
    footer = footer_of(qemu(tmp_path / "g.vhd", 1 * GIB))[:511]
    info = inspect(_Bytes(bytes(footer)))
    assert (info.format, info.footer_size, info.truncated, info.virtual_size) == ("vhd", 511, True, 1 * GIB)
    assert {"footer-511", "truncated"} <= set(by_id(check_vhd(info, GUIDE)))


def test_the_footer_time_stamp_counts_from_2000(tmp_path):
    """qemu-img stamps the footer with seconds since 2000-01-01 (the spec's epoch): read back, it is now."""
    from datetime import UTC, datetime

    footer = inspect_file(qemu(tmp_path / "t.vhd", 1 * GIB)).footer
    assert abs((footer.created - datetime.now(UTC)).total_seconds()) < 120
    assert footer.timestamp == int((footer.created - datetime(2000, 1, 1, tzinfo=UTC)).total_seconds())


def test_without_seek_data_the_allocation_is_unknown(tmp_path, monkeypatch):
    path = qemu(tmp_path / "s.vhd", 1 * GIB)
    monkeypatch.delattr(os, "SEEK_DATA")
    fd = os.open(path, os.O_RDONLY)
    try:
        assert data_extents(fd, 10) is None
        assert data_extents(fd, 0) == []
    finally:
        os.close(fd)
    info = inspect_file(path)
    assert info.allocated_bytes is None
    assert by_id(check_vhd(info, GUIDE, "data"))["sparse"].message == "Allocated size is unknown on this system."


@pytest.mark.parametrize("sectors,geometry", [
    (87040, (175, 16, 31)),   # 17 × 5120: exactly 5 heads × 1024 cylinders → the 31-sector branch
    (87057, (853, 6, 17)),    # 17 × 5121: 6 heads, under 6 × 1024 → stays at 17 sectors
    (104380, (1023, 6, 17)),  # 17 × 6140: just under 6 × 1024
    (507470, (1023, 16, 31)),  # 31 × 16370: just under 16 × 1024 → stays at 31 sectors
])
def test_the_geometry_at_the_specs_exact_edges(sectors, geometry):
    """Known answers worked out by hand from the VHD specification's CHS algorithm, at the points
    where a branch turns (qemu-img's search for a geometry that holds the size steps over them)."""
    assert _chs(sectors * 512) == geometry


def test_a_data_disk_not_a_whole_mib_is_rounded_up_or_cut_to_the_limit(tmp_path):
    path = qemu(tmp_path / "d.vhd", 100 * GIB + 512)
    finding = by_id(check_vhd(inspect_file(path), GUIDE, "data", user_os="windows"))["size-whole-mib"]
    assert finding.fix == f"Resize-VHD -Path '{path}' -SizeBytes {100 * GIB + MIB}"
    big = qemu(tmp_path / "big.vhd", 1100 * GIB + 512)
    finding = by_id(check_vhd(inspect_file(big), GUIDE, "data", user_os="windows"))["size-whole-mib"]
    assert finding.fix == f"Resize-VHD -Path '{big}' -SizeBytes {1023 * GIB}"


def test_the_first_mib_rule_runs_for_any_sector_above_zero():
    import dataclasses

    from wizard.core.vhdcheck import needs_first_mib

    assert needs_first_mib(dataclasses.replace(PC, linux_os_first_partition_min_sector=1), "os", "linux") is True
    assert needs_first_mib(dataclasses.replace(PC, linux_os_first_partition_min_sector=0), "os", "linux") is False
    assert needs_first_mib(PC, "data", "linux") is False and needs_first_mib(PC, "os", "windows") is False


# ---- The VHD file opener's refusals with the exact words the user reads: what was given instead of a
# (was test_rules_vhd_more.py)

def test_a_fifo_a_folder_and_a_device_are_refused_by_name(tmp_path):
    fifo, folder = tmp_path / "disk.vhd", tmp_path / "images"
    os.mkfifo(fifo)  # opening it for reading would wait for a writer forever: the open does not block
    folder.mkdir()
    for path, kind in ((fifo, "a FIFO (named pipe)"), (folder, "a folder"), ("/dev/null", "a device")):
        with pytest.raises(NotARegularFile) as refused:
            open_regular(path)
        assert str(refused.value) == f"{path} is {kind}, not a VHD file: choose the .vhd file itself"
        assert refused.value.errno == errno.EINVAL


def test_a_regular_file_opens_blocking(tmp_path):
    path = tmp_path / "os.vhd"
    path.write_bytes(b"x" * 512)
    fd = open_regular(path)
    try:
        assert os.get_blocking(fd) and os.read(fd, 4) == b"xxxx"
    finally:
        os.close(fd)
