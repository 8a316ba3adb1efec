"""The partition table at the start of a disk image: MBR, and GPT behind a protective MBR.

Why: Azure's rule for the first MiB is that no partition starts before sector 2048 (room for the
billing tag). Boot code in sector 0 and a boot loader in the gap after it are normal and must not
be flagged (REFERENCE.md §9). Reads a few sectors; never the whole disk.
"""

from __future__ import annotations

import struct
import zlib
from dataclasses import field
from typing import Protocol

from .records import record

SECTOR = 512
MBR_SIGNATURE = b"\x55\xaa"
GPT_SIGNATURE = b"EFI PART"
PROTECTIVE = 0xEE
EXTENDED = (0x05, 0x0F, 0x85)
MAX_GPT_ENTRIES = 1024  # a header asking for more is not a real table
EFI_SYSTEM_GUID = "C12A7328-F81F-11D2-BA4B-00A0C93EC93B"


class Readable(Protocol):
    def read(self, offset: int, length: int) -> bytes: ...


@record(frozen=True)
class Partition:
    """One partition: its number (1-based, as fdisk counts), first sector and length in sectors."""

    number: int
    start: int
    sectors: int
    kind: str  # MBR type as "0x83", or the GPT type GUID
    bootable: bool = False


@record
class PartitionTable:
    """`scheme`: "mbr", "gpt", "none" (no signature) or "unreadable" (`problem` says why)."""

    scheme: str
    partitions: list[Partition] = field(default_factory=list)
    problem: str = ""
    note: str = ""  # a readable table's damage that was worked around (the backup GPT read)

    def starting_before(self, sector: int) -> list[Partition]:
        return [p for p in self.partitions if p.start < sector]


def _guid(raw: bytes) -> str:
    a, b, c = struct.unpack_from("<IHH", raw)
    return f"{a:08X}-{b:04X}-{c:04X}-{raw[8:10].hex().upper()}-{raw[10:16].hex().upper()}"


def read_partition_table(source: Readable, disk_size: int) -> PartitionTable:
    """The table of the disk whose bytes `source` reads (`disk_size`: its virtual size)."""
    mbr = source.read(0, SECTOR)
    if len(mbr) < SECTOR or mbr[510:512] != MBR_SIGNATURE:
        return PartitionTable("none")
    entries = []
    for i in range(4):
        status, kind, start, sectors = struct.unpack_from("<B3xB3xII", mbr, 446 + 16 * i)
        if kind == 0 or sectors == 0:
            continue
        entries.append(Partition(i + 1, start, sectors, f"0x{kind:02x}", status == 0x80))
    if any(p.kind == f"0x{PROTECTIVE:02x}" for p in entries):
        return _read_gpt(source, disk_size)
    for p in entries:
        if p.start + p.sectors > disk_size // SECTOR + 1:
            return PartitionTable("unreadable", entries, f"partition {p.number} ends past the end of the disk")
    return PartitionTable("mbr", entries)


def _gpt_header(source: Readable, lba: int, disk_size: int) -> tuple[tuple[int, int, int, int], str]:
    """The GPT header at `lba`, checked as the UEFI specification (§5.3.2, "GPT Header") says firmware
    checks it: the signature, the header CRC32 (over HeaderSize bytes with the CRC field zeroed),
    MyLBA equal to the LBA it was read from, the entry array inside the disk and its CRC32.

    ((entries_lba, count, entry_size, alternate_lba), "") when valid, else ((…), why not)."""
    header = source.read(lba * SECTOR, SECTOR)
    if len(header) < 92 or header[:8] != GPT_SIGNATURE:
        return (0, 0, 0, 0), f"no GPT header in sector {lba}"
    header_size, header_crc = struct.unpack_from("<II", header, 12)
    my_lba, alternate_lba = struct.unpack_from("<QQ", header, 24)
    entries_lba, count, entry_size, entries_crc = struct.unpack_from("<QIII", header, 72)
    found = (entries_lba, count, entry_size, alternate_lba)
    if not 92 <= header_size <= SECTOR:
        return found, f"the GPT header in sector {lba} gives a size of {header_size} bytes"
    blank = bytearray(header[:header_size])
    blank[16:20] = bytes(4)
    if zlib.crc32(bytes(blank)) != header_crc:
        return found, f"the GPT header in sector {lba} fails its CRC32 check"
    if my_lba != lba:
        return found, f"the GPT header in sector {lba} says it is in sector {my_lba}"
    if not (0 < count <= MAX_GPT_ENTRIES) or entry_size < 128 or entry_size > 4096 or entry_size % 8:
        return found, f"the GPT header describes {count} entries of {entry_size} bytes"
    if entries_lba * SECTOR + count * entry_size > disk_size:
        return found, "the GPT's partition entries lie past the end of the disk"
    raw = source.read(entries_lba * SECTOR, count * entry_size)
    if len(raw) < count * entry_size or zlib.crc32(raw) != entries_crc:
        return found, f"the GPT's partition entries (sector {entries_lba}) fail their CRC32 check"
    return found, ""


def _read_gpt(source: Readable, disk_size: int) -> PartitionTable:
    """The primary GPT (sector 1) when it is valid, else the backup (the disk's last sector), as
    firmware does (UEFI specification §5.3.2: "If the primary GPT is corrupt, software must check
    the last LBA of the device to see if it has a valid GPT Header"); neither valid: unreadable."""
    found, problem = _gpt_header(source, 1, disk_size)
    if problem:
        last = disk_size // SECTOR - 1
        backup_found, backup_problem = _gpt_header(source, last, disk_size) if last > 1 else ((0, 0, 0, 0), "")
        if last <= 1 or backup_problem:
            if problem == "no GPT header in sector 1":
                problem = "a protective MBR but no GPT header in sector 1"
            return PartitionTable("unreadable", problem=problem + (f"; the backup: {backup_problem}" if backup_problem else ""))
        found = backup_found
    entries_lba, count, entry_size, _ = found
    raw = source.read(entries_lba * SECTOR, count * entry_size)
    partitions: list[Partition] = []
    for i in range(count):
        entry = raw[i * entry_size:(i + 1) * entry_size]
        if len(entry) < 56 or entry[:16] == bytes(16):
            continue
        first, last_lba = struct.unpack_from("<QQ", entry, 32)
        if last_lba < first:
            return PartitionTable("unreadable", partitions, f"GPT partition {i + 1} ends before it starts")
        partitions.append(Partition(i + 1, first, last_lba - first + 1, _guid(entry[:16])))
    table = PartitionTable("gpt", partitions)
    if problem:
        table.note = f"the primary GPT is damaged ({problem}): the backup GPT was read"
    return table
