"""The partition table at the start of a disk image: MBR, and GPT behind a protective MBR.

Why: Azure's rule for the first MiB is that no partition starts before sector 2048 (room for the
billing tag). Boot code in sector 0 and a boot loader in the gap after it are normal and must not
be flagged (REFERENCE.md §9). Reads a few sectors; never the whole disk.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass, field
from typing import Protocol

SECTOR = 512
MBR_SIGNATURE = b"\x55\xaa"
GPT_SIGNATURE = b"EFI PART"
PROTECTIVE = 0xEE
EXTENDED = (0x05, 0x0F, 0x85)
MAX_GPT_ENTRIES = 1024  # a header asking for more is not a real table
EFI_SYSTEM_GUID = "C12A7328-F81F-11D2-BA4B-00A0C93EC93B"


class Readable(Protocol):
    def read(self, offset: int, length: int) -> bytes: ...


@dataclass(frozen=True)
class Partition:
    """One partition: its number (1-based, as fdisk counts), first sector and length in sectors."""

    number: int
    start: int
    sectors: int
    kind: str  # MBR type as "0x83", or the GPT type GUID
    bootable: bool = False


@dataclass
class PartitionTable:
    """`scheme`: "mbr", "gpt", "none" (no signature) or "unreadable" (`problem` says why)."""

    scheme: str
    partitions: list[Partition] = field(default_factory=list)
    problem: str = ""

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


def _read_gpt(source: Readable, disk_size: int) -> PartitionTable:
    header = source.read(SECTOR, SECTOR)
    if len(header) < 92 or header[:8] != GPT_SIGNATURE:
        return PartitionTable("unreadable", problem="a protective MBR but no GPT header in sector 1")
    entries_lba, count, entry_size = struct.unpack_from("<QII", header, 72)
    if not (0 < count <= MAX_GPT_ENTRIES) or entry_size < 128 or entry_size > 4096 or entry_size % 8:
        return PartitionTable("unreadable", problem=f"the GPT header describes {count} entries of {entry_size} bytes")
    if entries_lba * SECTOR + count * entry_size > disk_size:
        return PartitionTable("unreadable", problem="the GPT's partition entries lie past the end of the disk")
    raw = source.read(entries_lba * SECTOR, count * entry_size)
    partitions: list[Partition] = []
    for i in range(count):
        entry = raw[i * entry_size:(i + 1) * entry_size]
        if len(entry) < 56 or entry[:16] == bytes(16):
            continue
        first, last = struct.unpack_from("<QQ", entry, 32)
        if last < first:
            return PartitionTable("unreadable", partitions, f"GPT partition {i + 1} ends before it starts")
        partitions.append(Partition(i + 1, first, last - first + 1, _guid(entry[:16])))
    return PartitionTable("gpt", partitions)
