"""The EFI System Partition's FAT, read without mounting (issue #23, `wizard/core/fatfs.py`).

Volumes are real: `mkfs.vfat -F 12/16/32` formats a file, `mcopy -s` fills it (Debian's dosfstools
and mtools; no mount, no root). Damage is made the way a crafted image would carry it — a cluster
chain that loops, a cluster number past the volume, a directory without an end, a boot sector with
odd numbers — and Hypothesis mutates boot sectors, FATs and directories: the reader gives its
answer or a FatError message, never another exception, never a hang.
"""

from __future__ import annotations

import hashlib
import struct
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from image_roots import ESP_MIB, fat_esp

from wizard.core.fatfs import FatError, FatFiles, _checksum, fold, parse_boot_sector, parse_directory
from wizard.core.imagefs import ImageError

LONG_VENDOR = "Some Long Vendor Name"
GRUB_CFG = "menuentry 'Red Hat' {\n\tlinuxefi /vmlinuz-5.14.0-70.el9.x86_64 root=/dev/sda2 ro console=ttyS0\n}\n"
BIG = bytes(range(256)) * 400  # 100 KiB: many clusters, several FAT entries


class BytesReader:
    """An image in memory with `read_at`, counting what is read (and refusing a negative length)."""

    def __init__(self, data: bytes | bytearray):
        self.data = bytes(data)
        self.bytes_read = 0
        self.reads = 0

    def read_at(self, offset: int, length: int) -> bytes:
        assert offset >= 0 and length >= 0, (offset, length)
        self.reads += 1
        piece = self.data[offset:offset + length]
        self.bytes_read += len(piece)
        return piece


def esp_tree(folder: Path) -> Path:
    for vendor, text in (("redhat", GRUB_CFG), (LONG_VENDOR, "set timeout=5\n"), ("BOOT", "")):
        (folder / "EFI" / vendor).mkdir(parents=True, exist_ok=True)
        if text:
            (folder / "EFI" / vendor / "grub.cfg").write_text(text)
    (folder / "EFI/BOOT/BOOTX64.EFI").write_bytes(BIG)
    (folder / "EFI/redhat/empty.txt").write_bytes(b"")
    return folder


@pytest.fixture(scope="module")
def volumes(tmp_path_factory) -> dict[int, bytes]:
    base = tmp_path_factory.mktemp("fat")
    tree = esp_tree(base / "tree")
    return {fat: fat_esp(base / f"fat{fat}.img", ESP_MIB[fat], fat, tree).read_bytes() for fat in (12, 16, 32)}


def opened(data: bytes | bytearray) -> tuple[FatFiles, BytesReader]:
    reader = BytesReader(data)
    return FatFiles(reader, 0, len(data), "/dev/sda1"), reader


@pytest.mark.parametrize("fat", [12, 16, 32])
def test_each_fat_type_reads_names_long_names_and_files(volumes, fat):
    fs, reader = opened(volumes[fat])
    assert fs.boot.fat_type == fat
    assert fs.listdir("/") == ["EFI"]
    assert fs.listdir("/EFI") == ["BOOT", LONG_VENDOR, "redhat"]
    assert fs.text("/EFI/redhat/grub.cfg") == GRUB_CFG
    assert fs.text("/efi/REDHAT/Grub.Cfg") == GRUB_CFG  # case-insensitive, as the firmware looks up
    st_ = fs.stat(f"/EFI/{LONG_VENDOR.upper()}/grub.cfg")
    assert st_ is not None and st_.path == f"/EFI/{LONG_VENDOR}/grub.cfg" and st_.kind == "file"
    short = fs._directory(fs._key(fs._lookup("/EFI")[1], "/EFI"))[fold(LONG_VENDOR)].short
    assert short.startswith("SOMELO~") and fs.listdir(f"/EFI/{short}") == ["grub.cfg"]  # the 8.3 alias works too
    data = fs.read("/EFI/BOOT/BOOTX64.EFI")
    assert data is not None and hashlib.sha256(data).digest() == hashlib.sha256(BIG).digest()
    assert fs.read("/EFI/BOOT/BOOTX64.EFI", 10) == BIG[:10]
    assert fs.read("/EFI/redhat/empty.txt") == b""
    assert fs.read("/EFI/redhat") is None and fs.read("/EFI/missing/grub.cfg") is None
    assert fs.listdir("/EFI/redhat/grub.cfg") == [] and fs.stat("/EFI/redhat/grub.cfg/x") is None
    assert fs.stat("/EFI/redhat/../BOOT/./BOOTX64.EFI").size == len(BIG)
    assert fs.problems == []
    assert reader.bytes_read < 200 * 1024, reader.bytes_read  # the 100 KiB file and a few sectors, not the volume


def test_reading_grub_cfg_reads_a_few_kib_of_a_40_mib_fat32(volumes):
    fs, reader = opened(volumes[32])
    assert "console=ttyS0" in fs.text("/EFI/redhat/grub.cfg")
    assert reader.bytes_read <= 16 * 1024, reader.bytes_read  # boot sector, one FAT chunk, 3 directory clusters, the file


def _entry_cluster(fs: FatFiles, path: str) -> int:
    entry = fs._lookup(path)[1]
    assert entry is not None
    return entry.cluster


def _set_fat(data: bytearray, fs: FatFiles, cluster: int, value: int) -> None:
    at = fs.boot.fat_offset + {16: 2 * cluster, 32: 4 * cluster}[fs.boot.fat_type]
    fmt = "<H" if fs.boot.fat_type == 16 else "<I"
    struct.pack_into(fmt, data, at, value)


@pytest.mark.parametrize("fat", [16, 32])
def test_a_looping_chain_an_outside_cluster_and_a_short_chain_are_messages(volumes, fat):
    fs, _ = opened(volumes[fat])
    first = _entry_cluster(fs, "/EFI/BOOT/BOOTX64.EFI")
    for value, said in ((first, "loops (cluster"), (0x0FFF0 if fat == 16 else 0x0FFFFF0, "outside the volume"),
                        (0x0FFFF if fat == 16 else 0x0FFFFFFF, "ends before its 102400 bytes"),
                        (0, "runs into a free cluster"), (0xFFF7 if fat == 16 else 0x0FFFFFF7, "bad cluster")):
        data = bytearray(volumes[fat])
        _set_fat(data, fs, first, value)
        broken, _ = opened(data)
        assert broken.read("/EFI/BOOT/BOOTX64.EFI") is None
        assert any(said in p for p in broken.problems), (value, broken.problems)
        assert broken.text("/EFI/redhat/grub.cfg") == GRUB_CFG  # the rest of the volume still reads


def test_a_directory_that_never_ends_is_a_message(volumes):
    data = bytearray(volumes[32])
    fs, _ = opened(data)
    cluster = _entry_cluster(fs, "/EFI/redhat")
    start = fs.boot.data_offset + (cluster - 2) * fs.boot.cluster_bytes
    for at in range(start + 96, start + fs.boot.cluster_bytes, 32):  # no end mark: every entry a used name
        data[at:at + 32] = b"FILLER  TXT" + bytes(21)
    _set_fat(data, fs, cluster, cluster)  # and its chain back to itself
    broken, _ = opened(data)
    assert broken.listdir("/EFI/redhat") == [] and broken.text("/EFI/redhat/grub.cfg") == ""
    assert any("the directory /EFI/redhat" in p and "loops" in p for p in broken.problems), broken.problems
    # A FAT32 root directory whose chain goes on past 65536 entries without an end: refused, not read on.
    data = bytearray(volumes[32])
    root = fs.boot.root_cluster
    for c in range(root, root + 4200):
        _set_fat(data, fs, c, c + 1)
        begin = fs.boot.data_offset + (c - 2) * fs.boot.cluster_bytes  # and no end mark in any of them
        data[begin:begin + fs.boot.cluster_bytes] = (b"FILLER  TXT" + bytes(21)) * (fs.boot.cluster_bytes // 32)
    with pytest.raises(FatError, match="longer than 65536 entries"):
        opened(data)


def test_boot_sectors_that_are_not_fat_are_refused_with_the_reason(volumes):
    good = volumes[16][:512]
    cases = [(11, b"\x00\x00", "0-byte sectors"), (13, b"\x03", "3 sectors per cluster"), (16, b"\x00", "no FAT"),
             (510, b"\x00\x00", "55 AA"), (19, b"\xff\xff", "larger than its partition"), (22, b"\x01\x00", "too small for")]
    for at, value, said in cases:
        raw = bytearray(good)
        raw[at:at + len(value)] = value
        with pytest.raises(ImageError, match=said):
            parse_boot_sector(bytes(raw), len(volumes[16]))
    with pytest.raises(FatError, match="cut short"):
        parse_boot_sector(good[:100], 0)


def test_long_names_need_their_checksum_and_order():
    def lfn(order: int, text: str, checksum: int, last: bool) -> bytes:
        units = (text.encode("utf-16-le") + b"\0\0").ljust(26, b"\xff")
        raw = bytearray(32)
        raw[0] = order | (0x40 if last else 0)
        raw[11], raw[13] = 0x0F, checksum
        for i, o in enumerate((1, 3, 5, 7, 9, 14, 16, 18, 20, 22, 24, 28, 30)):
            raw[o:o + 2] = units[2 * i:2 * i + 2]
        return bytes(raw)

    short = b"LONGNA~1CFG"
    entry = short + b"\x20" + bytes(14) + struct.pack("<HI", 5, 10)
    good = lfn(1, "longname.cfg", _checksum(short), True) + entry
    assert [e.name for e in parse_directory(good + bytes(32), 16)[0]] == ["longname.cfg"]
    assert [e.name for e in parse_directory(lfn(1, "longname.cfg", 0, True) + entry, 16)[0]] == ["LONGNA~1.CFG"]
    two = lfn(2, "b", _checksum(short), True) + lfn(1, "a" * 13, _checksum(short), False) + entry
    assert [e.name for e in parse_directory(two, 16)[0]] == ["a" * 13 + "b"]
    swapped = lfn(1, "a" * 13, _checksum(short), False) + lfn(2, "b", _checksum(short), True) + entry
    assert [e.name for e in parse_directory(swapped, 16)[0]] == ["LONGNA~1.CFG"]


# -- property tests: crafted boot sectors, FATs and directories ---------------------------------------
def _walk(fs: FatFiles) -> int:
    """List and read everything reachable (bounded depth and count); the count of names seen."""
    seen = 0
    todo = [("/", 0)]
    while todo and seen < 2000:
        path, depth = todo.pop()
        for name in fs.listdir(path)[:50]:
            seen += 1
            child = path.rstrip("/") + "/" + name
            st_ = fs.stat(child)
            if st_ is not None and st_.kind == "dir" and depth < 4:
                todo.append((child, depth + 1))
            elif st_ is not None:
                data = fs.read(child, 64 * 1024)
                assert data is None or len(data) <= min(st_.size, 64 * 1024)
    assert all(isinstance(p, str) and p for p in fs.problems)
    return seen


def _mutated(data: bytes, start: int, end: int, changes: dict[int, int]) -> bytearray:
    out = bytearray(data)
    for k, v in changes.items():
        out[start + k % (end - start)] = v
    return out


def _open_or_refuse(data: bytearray) -> None:
    reader = BytesReader(data)
    try:
        fs = FatFiles(reader, 0, len(data))
    except FatError as exc:
        assert str(exc)
        return
    _walk(fs)
    assert reader.bytes_read < 8 * 1024 * 1024  # never the whole of a volume


CHANGES = st.dictionaries(st.integers(min_value=0, max_value=1 << 20), st.integers(min_value=0, max_value=255),
                          min_size=1, max_size=24)


@settings(deadline=None)
@given(st.sampled_from([12, 16, 32]), CHANGES)
def test_any_damaged_boot_sector_opens_or_is_refused(volumes, fat, changes):
    _open_or_refuse(_mutated(volumes[fat], 0, 90, changes))


@settings(deadline=None)
@given(st.sampled_from([12, 16, 32]), CHANGES)
def test_any_damaged_fat_reads_or_says_where(volumes, fat, changes):
    fs, _ = opened(volumes[fat])
    _open_or_refuse(_mutated(volumes[fat], fs.boot.fat_offset, fs.boot.fat_offset + 512, changes))


@settings(deadline=None)
@given(st.sampled_from([12, 16, 32]), CHANGES, st.booleans())
def test_any_damaged_directory_reads_or_says_where(volumes, fat, changes, root):
    fs, _ = opened(volumes[fat])
    if root:
        start = fs.boot.root_offset if fat != 32 else fs.boot.data_offset + (fs.boot.root_cluster - 2) * fs.boot.cluster_bytes
    else:
        start = fs.boot.data_offset + (_entry_cluster(fs, "/EFI") - 2) * fs.boot.cluster_bytes
    _open_or_refuse(_mutated(volumes[fat], start, start + min(fs.boot.cluster_bytes, 512), changes))


@settings(deadline=None)
@given(st.binary(min_size=512, max_size=512), st.integers(min_value=0, max_value=1 << 40))
def test_boot_sector_parser_gives_sane_numbers_or_refuses(raw, size):
    raw = raw[:510] + b"\x55\xaa"
    try:
        boot = parse_boot_sector(raw, size)
    except FatError:
        return
    assert boot.fat_type in (12, 16, 32) and boot.clusters >= 1 and 512 <= boot.cluster_bytes <= 256 * 1024
    assert boot.data_offset + boot.clusters * boot.cluster_bytes <= (size or 1 << 60)


@settings(deadline=None)
@given(st.binary(max_size=2048), st.sampled_from([12, 16, 32]))
def test_directory_parser_takes_any_bytes(data, fat):
    entries, _ = parse_directory(data, fat)
    assert all(isinstance(e.name, str) and e.name and e.cluster >= 0 for e in entries)
    assert len(entries) <= len(data) // 32


# -- crafted volumes an adversarial review built (each failed before the fix beside it) ----------------
def _boot16(total: int = 16384, fat16: int = 64, total32: int = 0) -> bytearray:
    raw = bytearray(512)
    raw[0:3], raw[3:11] = b"\xeb\x3c\x90", b"MSWIN4.1"
    struct.pack_into("<HBHBHHBH", raw, 11, 512, 1, 1, 2, 512, total, 0xF8, fat16)
    struct.pack_into("<I", raw, 32, total32)
    raw[38], raw[43:54], raw[54:62] = 0x29, b"NO NAME    ", b"FAT16   "
    raw[510:512] = b"\x55\xaa"
    return raw


def _short(name: bytes, attr: int = 0x20, cluster: int = 0, size: int = 0) -> bytes:
    raw = bytearray(32)
    raw[0:11], raw[11] = name, attr
    struct.pack_into("<H", raw, 26, cluster)
    struct.pack_into("<I", raw, 28, size)
    return bytes(raw)


def _long(name: str, short: bytes, **kw) -> bytes:
    """VFAT pieces (last first, each with the short name's checksum), then the short entry."""
    checksum = _checksum(short)
    pieces = [name[i:i + 13] for i in range(0, len(name), 13)]
    out = b""
    for order in range(len(pieces), 0, -1):
        units = (pieces[order - 1].encode("utf-16-le") + b"\0\0").ljust(26, b"\xff")[:26]
        raw = bytearray(32)
        raw[0], raw[11], raw[13] = order | (0x40 if order == len(pieces) else 0), 0x0F, checksum
        for i, at in enumerate((1, 3, 5, 7, 9, 14, 16, 18, 20, 22, 24, 28, 30)):
            raw[at:at + 2] = units[2 * i:2 * i + 2]
        out += bytes(raw)
    return out + _short(short, **kw)


def _fat16(root: bytes, clusters: dict[int, bytes], fat: dict[int, int]) -> bytearray:
    """An 8 MiB FAT16: 1 reserved sector, two FATs of 64 sectors, 512 root entries, 512-byte clusters."""
    image = bytearray(16384 * 512)
    image[0:512] = _boot16()
    for cluster, value in {0: 0xFFF8, 1: 0xFFFF, **fat}.items():
        for copy in (0, 1):
            struct.pack_into("<H", image, 512 + copy * 64 * 512 + 2 * cluster, value)
    root_at = 512 + 2 * 64 * 512
    image[root_at:root_at + len(root)] = root
    data_at = root_at + 512 * 32
    for cluster, data in clusters.items():
        image[data_at + (cluster - 2) * 512:data_at + (cluster - 2) * 512 + len(data)] = data
    return image


GOOD_CFG = b"menuentry x {\n linuxefi /vmlinuz-1 root=/dev/sda2 console=ttyS0\n}\n"
BAD_CFG = b"menuentry x {\n linuxefi /vmlinuz-1 root=/dev/sda2 quiet splash\n}\n"
END = 0xFFFF


def test_the_file_found_is_the_file_read_when_a_long_name_is_another_entrys_short_name():
    """B: long name "notes.txt", 8.3 "ZZZ"; A: long name "zzz", 8.3 "GRUB.CFG". Before, stat found A by its
    8.3 name, gave back the path /EFI/REDHAT/zzz, and reading that path gave B's bytes."""
    redhat = (_long("notes.txt", b"ZZZ        ", cluster=4, size=len(GOOD_CFG))
              + _long("zzz", b"GRUB    CFG", cluster=5, size=len(BAD_CFG)))
    image = _fat16(_short(b"EFI        ", 0x10, 2), {2: _short(b"REDHAT     ", 0x10, 3), 3: redhat, 4: GOOD_CFG,
                                                       5: BAD_CFG}, {2: END, 3: END, 4: END, 5: END})
    fs, _ = opened(image)
    found = fs.stat("/EFI/redhat/grub.cfg")
    assert found is not None and found.size == len(BAD_CFG)
    assert fs.text(found.path) == BAD_CFG.decode() == fs.text("/EFI/redhat/grub.cfg")
    for name in fs.listdir("/EFI/REDHAT"):  # every listed name leads back to its own entry
        assert fs.stat(f"/EFI/REDHAT/{name}").path == f"/EFI/REDHAT/{name}"


@pytest.mark.parametrize("long_name", ["..", ".", "x/../..", "a\\b"])
def test_a_long_name_that_would_lead_a_path_elsewhere_is_not_used(long_name):
    root = _short(b"EFI        ", 0x10, 2) + _short(b"GRUB    CFG", 0x20, 4, len(GOOD_CFG))
    image = _fat16(root, {2: _long(long_name, b"VENDOR     ", attr=0x10, cluster=3), 3: b"", 4: GOOD_CFG},
                   {2: END, 3: END, 4: END})
    fs, _ = opened(image)
    assert fs.listdir("/EFI") == ["VENDOR"], "the short name stands in for the unusable long one"


def test_only_ascii_letters_fold_so_a_look_alike_folder_is_not_efi():
    """"Eﬁ" (U+FB01) case-folds to "efi" in Python; the firmware does not take it for EFI."""
    image = _fat16(_long("E\ufb01", b"EFI~1      ", attr=0x10, cluster=2),
                   {2: _short(b"REDHAT     ", 0x10, 3), 3: _short(b"GRUB    CFG", 0x20, 4, len(GOOD_CFG)), 4: GOOD_CFG},
                   {2: END, 3: END, 4: END})
    fs, _ = opened(image)
    assert fs.listdir("/") == ["E\ufb01"]
    assert fs.stat("/EFI") is None and fs.stat("/efi~1/redhat/grub.cfg") is not None


def test_a_subdirectory_at_cluster_0_is_damage_not_the_root():
    root = _short(b"EFI        ", 0x10, 0) + _short(b"GRUB    CFG", 0x20, 4, len(GOOD_CFG))
    image = _fat16(root, {4: GOOD_CFG}, {4: END})
    fs, _ = opened(image)
    assert fs.stat("/EFI/GRUB.CFG") is None
    assert any("cluster 0" in p for p in fs.problems)


def test_fat16_stops_below_65525_clusters_as_the_specification_says():
    sectors = 1 + 2 * 256 + 32
    assert parse_boot_sector(bytes(_boot16(total=0, fat16=256, total32=sectors + 65524)), 0).fat_type == 16
    with pytest.raises(FatError, match="65525 clusters"):
        parse_boot_sector(bytes(_boot16(total=0, fat16=256, total32=sectors + 65525)), 0)


def test_cross_linked_directories_stop_at_the_volume_budget_not_after_reading_it_many_times():
    """32 vendor folders whose chains run into one 4128-cluster chain without an end mark: before, the
    reader read 67 MB of an 8 MiB volume (each directory up to its own limit)."""
    vendors = 32
    efi = b"".join(_short(b"V%07d   " % i, 0x10, 10 + i) for i in range(vendors))
    filler = b"".join(_short(b"F%07dTXT" % i, 0x20, 0, 0) for i in range(16))  # a full cluster, no end mark
    length = 4096 + vendors
    fat = {2: 3, 3: END, **{c: c + 1 for c in range(10, 10 + length - 1)}, 10 + length - 1: END}
    image = _fat16(_short(b"EFI        ", 0x10, 2), {2: efi[:512], 3: efi[512:], **{c: filler for c in range(10, 10 + length)}},
                   fat)
    fs, reader = opened(image)
    assert len(fs.listdir("/EFI")) == vendors
    for vendor in fs.listdir("/EFI"):
        assert fs.stat(f"/EFI/{vendor}/grub.cfg") is None
    assert reader.bytes_read < 6 * 2**20, reader.bytes_read
    assert any("MiB" in p for p in fs.problems), fs.problems
