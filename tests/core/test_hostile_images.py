"""Crafted images against the pre-flight's readers (issue #29): each payload is built for real
(`mkfs.ext4 -d`, `sfdisk`, a hand-written GPT, bytes patched with struct), run in a child with a time
and a memory limit, and must end — as an Error naming the budget, or read within bounds — never hang
or eat gigabytes."""

from __future__ import annotations

import struct
import zlib

import pytest
from hostile_images import (
    MIB,
    bounded,
    claims_65535_extents,
    ext_image,
    gpt_bytes,
    inode_at,
    patch,
    raw_disk,
    self_looping_extents,
    sparse_directory,
)
from image_roots import tree

from wizard.core.imagefs import Limits
from wizard.core.partitions import read_partition_table
from wizard.core.preflight import preflight
from wizard.core.profiles import load_profile

PC = load_profile("partner-center")
LIMITS = Limits(seconds=8.0, memory=512 * MIB)


def outcome(path, limits=LIMITS):
    run = preflight(str(path), PC, limits=limits)
    return ({r.result for r in run.results if r.result != "Skipped"}, [r.actual for r in run.results][0],
            run.bytes_read, len("".join(run.evidence.values())))


@pytest.fixture(scope="module")
def good_root(tmp_path_factory):
    return tree("good", tmp_path_factory.mktemp("hostile") / "root").root


def test_the_untouched_image_reads_fine_in_the_same_harness(good_root, tmp_path):
    disk = raw_disk(ext_image(good_root, tmp_path / "p.img"), tmp_path / "d.raw")
    (results, _, read, _), _ = bounded(lambda: outcome(disk), 60)
    assert results == {"Passed"}, results
    assert read < MIB


def test_an_extent_index_pointing_to_itself_stops_at_a_budget(good_root, tmp_path):
    part = ext_image(good_root, tmp_path / "p.img")
    for path in ("/etc/fstab", "/etc/os-release", "/etc/passwd"):
        self_looping_extents(part, path)
    disk = raw_disk(part, tmp_path / "d.raw")
    (results, actual, read, _), seconds = bounded(lambda: outcome(disk), 10)
    assert seconds < 5  # the damaged files read as absent: the other cases are judged
    assert "Passed" in results and read < MIB, (results, actual)


def test_extent_headers_claiming_65535_entries_stay_within_memory(good_root, tmp_path):
    part = ext_image(good_root, tmp_path / "p.img")
    for path in ("/etc/fstab", "/etc/os-release", "/etc/passwd", "/var/lib/dpkg/status", "/etc/sudoers",
                 "/etc/ssh/sshd_config", "/etc/waagent.conf", "/etc/resolv.conf", "/boot/grub/grub.cfg"):
        claims_65535_extents(part, path)
    disk = raw_disk(part, tmp_path / "d.raw")
    (results, actual, read, _), seconds = bounded(lambda: outcome(disk), 10, memory=512 * MIB)
    assert seconds < 5
    assert "Passed" in results and read < MIB, (results, actual)


def test_links_to_one_big_file_meet_the_total_cap_not_only_the_per_file_one(good_root, tmp_path):
    root = tree("good", tmp_path / "root").root
    (root / "var/big").write_bytes(b"%sudo ALL=(ALL) ALL\n" * (4 * MIB // 20))
    (root / "etc/sudoers.d").mkdir(exist_ok=True)
    for i in range(100):
        (root / f"etc/sudoers.d/link{i:03d}").symlink_to("../../var/big")
    disk = raw_disk(ext_image(root, tmp_path / "p.img", 48), tmp_path / "d.raw")
    (results, actual, read, evidence), seconds = bounded(lambda: outcome(disk), 20, memory=1024 * MIB)
    assert results == {"Error"}, results
    assert "budget of file contents read" in actual
    assert seconds < 10


def test_a_huge_sparse_directory_is_not_walked_for_minutes(good_root, tmp_path):
    part = ext_image(good_root, tmp_path / "p.img")
    sparse_directory(part, "/etc", 64 * MIB)
    disk = raw_disk(part, tmp_path / "d.raw")
    (results, _, read, _), seconds = bounded(lambda: outcome(disk), 10)
    assert seconds < 5
    assert "Passed" in results


def test_overlapping_gpt_entries_open_the_volume_once(good_root, tmp_path):
    part = ext_image(good_root, tmp_path / "p.img", 32, "-b", "1024", "-g", "256", "-N", "2048")
    disk = raw_disk(part, tmp_path / "d.raw", copies=1024)
    (results, actual, read, _), seconds = bounded(lambda: outcome(disk), 30)
    assert results == {"Passed"}, (results, actual)
    assert read < 2 * MIB, read
    assert seconds < 10


class Bytes:
    def __init__(self, data: bytes):
        self.data = data

    def read(self, offset: int, length: int) -> bytes:
        return self.data[offset:offset + length]


def _disk(spans, size=8 * MIB) -> bytearray:
    mbr, primary, backup = gpt_bytes(size, spans)
    disk = bytearray(size)
    disk[:512 + len(primary)] = mbr + primary
    array = primary[512:]
    last = size // 512 - 1
    disk[(last - len(array) // 512) * 512:last * 512] = array
    disk[last * 512:] = backup
    return disk


def test_gpt_crcs_are_checked_and_the_backup_is_read_as_firmware_does():
    disk = _disk([(2048, 4095)])
    assert [(p.start, p.sectors) for p in read_partition_table(Bytes(bytes(disk)), len(disk)).partitions] == [(2048, 2048)]
    struct.pack_into("<Q", disk, 1024 + 32, 34)  # the primary's entry moved to sector 34: its CRC no longer holds
    table = read_partition_table(Bytes(bytes(disk)), len(disk))
    assert table.scheme == "gpt"
    assert [(p.start, p.sectors) for p in table.partitions] == [(2048, 2048)]
    assert "backup GPT was read" in table.note and "CRC32" in table.note
    disk[-512 + 24] ^= 1  # the backup's header damaged too
    table = read_partition_table(Bytes(bytes(disk)), len(disk))
    assert table.scheme == "unreadable" and "CRC32" in table.problem


def test_a_gpt_header_with_a_wrong_own_lba_is_not_taken():
    disk = _disk([(2048, 4095)])
    struct.pack_into("<Q", disk, 512 + 24, 7)
    struct.pack_into("<I", disk, 512 + 16, 0)
    struct.pack_into("<I", disk, 512 + 16, zlib.crc32(bytes(disk[512:512 + 92])))
    table = read_partition_table(Bytes(bytes(disk)), len(disk))
    assert "says it is in sector 7" in table.note


def test_inode_patch_helper_finds_the_inode(good_root, tmp_path):
    part = ext_image(good_root, tmp_path / "p.img")
    at = inode_at(part, "/etc/fstab")
    with open(part, "rb") as fh:
        fh.seek(at + 0x28)
        assert struct.unpack("<H", fh.read(2))[0] == 0xF30A  # the extent magic where the helper patches
    patch(part, at + 0x28, b"\x0a\xf3")


def test_cross_linked_efi_vendor_folders_are_read_once(tmp_path):
    """31 vendor folders whose directory entries all point at EFI/a's cluster: one 1 MiB grub.cfg
    shown 32 times. Before: 33.8 MB read from an 8 MiB ESP and as much evidence."""
    from image_roots import build_vhd

    from wizard.core.fatfs import FatFiles
    from wizard.core.imagefs import CountingReader

    esp = tmp_path / "esp"
    (esp / "EFI/a").mkdir(parents=True)
    (esp / "EFI/a/grub.cfg").write_text("linux /vmlinuz root=/dev/sda2 console=ttyS0 rootdelay=300\n" * (MIB // 58))
    for i in range(31):
        (esp / f"EFI/v{i:02d}").mkdir()
        (esp / f"EFI/v{i:02d}/x").write_text("x")
    vhd = build_vhd(tree("good", tmp_path / "root").root, tmp_path / "d.vhd", scheme="gpt", esp=esp, esp_fat=16)
    reader = CountingReader(vhd)
    fat = FatFiles(reader, MIB, 8 * MIB)
    _, efi = fat._lookup("/EFI")
    _, a = fat._lookup("/EFI/a")
    at = MIB + fat.boot.data_offset + (efi.cluster - 2) * fat.boot.cluster_bytes
    reader.close()
    with open(vhd, "r+b") as fh:
        fh.seek(at)
        directory = bytearray(fh.read(fat.boot.cluster_bytes))
        for entry in range(0, len(directory), 32):
            if directory[entry:entry + 1] == b"V" and directory[entry + 11] & 0x10:
                struct.pack_into("<H", directory, entry + 26, a.cluster)
        fh.seek(at)
        fh.write(directory)
    (results, _, read, evidence), seconds = bounded(lambda: outcome(vhd), 20)
    assert read < 8 * MIB, read
    assert evidence < 3 * MIB, evidence
    assert seconds < 10


@pytest.mark.parametrize("limits, budget", [
    (Limits(bytes=64 * 1024), "bytes read"),
    (Limits(objects=40), "objects walked"),
    (Limits(file_bytes=1024), "file contents read"),
    (Limits(seconds=0.0), "time"),
])
def test_each_budget_stops_the_run_in_process_and_names_itself(good_root, tmp_path, limits, budget):
    """Where no child process is used (macOS, Windows), the budgets charged on every read hold alone."""
    import os

    from wizard.core.imagefs import BudgetExceeded
    from wizard.core.preflight import gather

    disk = raw_disk(ext_image(good_root, tmp_path / "p.img"), tmp_path / "d.raw")
    with pytest.raises(BudgetExceeded) as caught:
        gather(str(disk), os.path.getsize(disk), limits)
    assert caught.value.budget == budget
    assert f"budget of {budget}" in str(caught.value)


def test_a_run_past_a_budget_is_an_error_result_naming_it(good_root, tmp_path):
    disk = raw_disk(ext_image(good_root, tmp_path / "p.img"), tmp_path / "d.raw")
    run = preflight(str(disk), PC, limits=Limits(objects=40))
    judged = [r for r in run.results if r.id != "security-updates"]
    assert judged and all(r.result == "Error" and "budget of objects walked" in r.actual for r in judged)
    assert run.notes == [judged[0].actual]


def test_cancel_stops_the_reading_child_at_once(good_root, tmp_path, monkeypatch):
    import threading
    import time

    import wizard.core.preflight as pre
    from wizard.core.progress import Cancelled, CancelToken

    disk = raw_disk(ext_image(good_root, tmp_path / "p.img"), tmp_path / "d.raw")
    original = pre.offline_sections

    def stuck(opened, cancel=None):  # a reader stuck where no budget is charged: only a kill ends it
        time.sleep(30)
        return original(opened, cancel)

    monkeypatch.setattr(pre, "offline_sections", stuck)
    cancel = CancelToken()
    threading.Timer(0.5, cancel.cancel).start()
    started = time.monotonic()
    with pytest.raises(Cancelled):
        preflight(str(disk), PC, cancel=cancel)
    assert time.monotonic() - started < 3


def test_the_deadline_kills_a_stuck_reading_child(good_root, tmp_path, monkeypatch):
    import time

    import wizard.core.preflight as pre

    disk = raw_disk(ext_image(good_root, tmp_path / "p.img"), tmp_path / "d.raw")
    monkeypatch.setattr(pre, "offline_sections", lambda opened, cancel=None: time.sleep(60))
    started = time.monotonic()
    run = preflight(str(disk), PC, limits=Limits(seconds=1.0))
    assert time.monotonic() - started < 1.0 + pre.KILL_GRACE + 2
    assert "budget of time" in run.results[0].actual


@pytest.mark.parametrize("options", [("-t", "ext2"), ("-t", "ext3"), ("-b", "4096"), ("-O", "64bit,meta_bg,^resize_inode"),
                                     ("-b", "1024", "-g", "256", "-N", "2048")])
def test_the_own_ext_reader_reads_every_layout_mkfs_makes(tmp_path, options):
    """Block maps with indirect blocks (ext2/3: a 700 KiB dpkg database), extents, 4 KiB and 1 KiB blocks,
    64-bit descriptors, descriptors spread by meta_bg: the good image passes whichever it is."""
    root = tree("good", tmp_path / "root").root
    status = root / "var/lib/dpkg/status"
    filler = "Package: filler\nStatus: install ok installed\nVersion: 1\nDescription: " + "x" * 200 + "\n\n"
    status.write_text(status.read_text() + "\n" + filler * 3000
                      + "Package: python3-pyasn1\nStatus: install ok installed\nVersion: 0.4.8-3\n")
    disk = raw_disk(ext_image(root, tmp_path / "p.img", 64, *options), tmp_path / "d.raw")
    run = preflight(str(disk), PC)
    assert {r.result for r in run.results if r.result != "Skipped"} == {"Passed"}, options
    assert run.evidence["python_pyasn1"] == "0.4.8"  # the database's last stanza: read through its indirect blocks


def test_the_command_line_gives_the_budget_as_error_results_in_valid_json(tmp_path, cli):
    import json

    root = tree("good", tmp_path / "root").root
    (root / "var/big").write_bytes(b"%sudo ALL=(ALL) ALL\n" * (4 * MIB // 20))
    (root / "etc/sudoers.d").mkdir(exist_ok=True)
    for i in range(100):
        (root / f"etc/sudoers.d/link{i:03d}").symlink_to("../../var/big")
    disk = raw_disk(ext_image(root, tmp_path / "p.img", 48), tmp_path / "d.raw")
    done = cli("vhd", "preflight", str(disk), "--json", timeout=60)
    assert "Traceback" not in done.stderr, done.stderr
    record = json.loads(done.stdout)
    assert done.returncode == 1 and record["TestResult"] == "Fail"
    assert all("budget of file contents read" in t["ActualValue"] for t in record["Tests"] if t["id"] != "security-updates")


def test_the_reading_child_meets_its_address_space_limit(good_root, tmp_path, monkeypatch):
    """Whatever a reader allocates past RUN_MEMORY ends the run with the memory budget named."""
    import wizard.core.preflight as pre

    disk = raw_disk(ext_image(good_root, tmp_path / "p.img"), tmp_path / "d.raw")

    def greedy(opened, cancel=None):
        hoard = [bytearray(64 * MIB) for _ in range(64)]  # 4 GiB
        return hoard

    monkeypatch.setattr(pre, "offline_sections", greedy)
    (results, actual, _, _), seconds = bounded(lambda: outcome(disk, Limits(memory=256 * MIB)), 30, memory=2048 * MIB)
    assert results == {"Error"} and "budget of memory" in actual, actual
    assert seconds < 10


def test_without_fork_the_run_is_bounded_in_process(good_root, tmp_path, monkeypatch):
    """macOS and Windows read in-process: the crafted images still end, by the reader's own bounds."""
    import wizard.core.preflight as pre

    part = ext_image(good_root, tmp_path / "p.img")
    self_looping_extents(part, "/etc/fstab")
    sparse_directory(part, "/etc/ssh", 16 * MIB)
    disk = raw_disk(part, tmp_path / "d.raw")
    monkeypatch.setattr(pre.sys, "platform", "darwin")
    (results, _, read, _), seconds = bounded(lambda: outcome(disk), 10)
    assert "Passed" in results and seconds < 5
