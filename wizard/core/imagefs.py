"""Read files from inside a fixed VHD, read-only, without mounting it (issue #23).

Why: most Linux test cases read files (configuration, histories, the boot loader, fstab), and a
fixed VHD holds exactly those files. Reading them on the publisher's own machine needs no root, no
loop device and no VM, so it works on Windows and macOS too.

What is read: the partition table (MBR or GPT, `partitions.py`), then each partition's first
blocks to tell its file system from its superblock. ext2/3/4 is read by `ExtFiles` here (inodes,
extent trees, ext2/3 block maps, directories); the EFI System Partition's FAT with our own small reader
(`fatfs.py`: the boot loader's configuration of a UEFI image lives there). XFS, Btrfs and LVM are
recognised and reported as not readable offline. Only the blocks of the files asked for are read;
`CountingReader` counts them.

Everything in the image is hostile input: a superblock is checked for sane numbers before use,
symbolic links resolve inside the image only (an absolute target starts at the image's root, `..`
stops at it, at most `MAX_LINKS` links per lookup), a file is read up to a cap, and damage reads as
an absent file or an `ImageError`, never a crash.

Budgets (issue #29): one `Budget` per run bounds what a crafted image can make the reader do — the
bytes read from the disk, the objects walked (reads, inodes, extent entries, directory entries,
links followed), the bytes of file contents handed out in total (a cap per file is
not enough: 100 links to one 4 MiB file), and a deadline; Cancel is checked on every read. Going
past one raises `BudgetExceeded`, which names the budget and is never taken for an absent file.
Each partition's volume is opened once (overlapping partition entries share it). The `ext4` library
used before could not be bounded from outside (it built an inode's whole extent tree on sight: an
index pointing to itself never ended, a header claiming 65535 entries took gigabytes, a sparse
directory minutes), so ext is read here; and the pre-flight still runs the reading in a child
process with an address-space limit and a kill deadline (`preflight.gather_bounded`).
"""

from __future__ import annotations

import io
import os
import stat as statmod
import struct
import time
from dataclasses import field
from typing import TYPE_CHECKING, Any

from .partitions import SECTOR, Partition, PartitionTable, read_partition_table
from .progress import Cancelled, CancelToken
from .records import record

if TYPE_CHECKING:
    from .fatfs import FatFiles

MAX_LINKS = 40  # as Linux: a lookup that follows more links is a loop
MAX_FILE = 4 * 1024 * 1024  # the largest configuration file read (larger ones are cut)
MAX_GROUPS = 1 << 17  # 16 TiB at 4 KiB blocks (Azure's OS disks stop at 4 TiB): more is not a real OS disk
MAX_DIR = 64 * 1024 * 1024  # a directory larger than this is read as absent (it is read whole)
MAX_EXTENT_DEPTH = 5  # as the Linux kernel (EXT4_MAX_EXTENT_DEPTH): a deeper extent tree is damage
EXTENT_MAGIC = 0xF30A
EXTENTS_FL = 0x80000  # the inode's data is mapped by an extent tree (EXT4_EXTENTS_FL)
INLINE_DATA_FL = 0x10000000  # the data sits in the inode itself (EXT4_INLINE_DATA_FL)
MAX_DESCRIBED = 16  # partitions named in a layout's description (a crafted GPT has up to 1024)
PROBE_BYTES = 64 * 1024 + 4096  # enough for every signature below (Btrfs sits at 64 KiB)
# Engineering budgets of one pre-flight run (issue #29). A real image needs a few MiB and some
# thousands of objects in well under 5 s (bench/bench_preflight.py: 30 GiB image); these leave
# ample room for a large dpkg database (read up to 64 MiB) and stop a crafted image early.
RUN_BYTES = 160 * 1024 * 1024  # bytes read from the disk, all partitions together
RUN_FILE_BYTES = 96 * 1024 * 1024  # file contents handed out in total (each file is also cut at its own cap)
RUN_OBJECTS = 2_000_000  # reads + inodes + extent entries + directory entries + links followed
RUN_SECONDS = 60.0  # the whole reading of the image, wall clock
RUN_MEMORY = 1024 * 1024 * 1024  # address space the reading child may add (a 64 MiB directory is read whole)

EXT, XFS, BTRFS, LVM, SWAP, FAT, NTFS, UNKNOWN = "ext", "xfs", "btrfs", "lvm", "swap", "fat", "ntfs", "unknown"
READABLE = (EXT,)
LINUX_LVM_GUID = "E6D6D379-F507-44C2-A23C-238F2A3DF928"
LINUX_SWAP_GUID = "0657FD6D-A4AB-43C4-84E5-0933C84B4F4F"
EFI_SYSTEM_GUID = "C12A7328-F81F-11D2-BA4B-00A0C93EC93B"
BIOS_BOOT_GUID = "21686148-6449-6E6F-744E-656564454649"
MBR_KINDS = {"0x8e": LVM, "0x82": SWAP, "0xef": FAT}
GPT_KINDS = {LINUX_LVM_GUID: LVM, LINUX_SWAP_GUID: SWAP, EFI_SYSTEM_GUID: FAT}


class ImageError(Exception):
    """The image, or a file system in it, cannot be read; the message says why."""


class BudgetExceeded(ImageError):
    """A run went past one of its budgets; `budget` names it ("bytes read", "deadline", …)."""

    def __init__(self, budget: str, detail: str):
        super().__init__(f"the image reader stopped at its budget of {budget} ({detail}): the image is not one "
                         "a real system would have, or it is damaged")
        self.budget = budget


@record(frozen=True)
class Limits:
    """The budgets of one run (the defaults are the constants above; tests pass smaller ones)."""

    bytes: int = RUN_BYTES
    file_bytes: int = RUN_FILE_BYTES
    objects: int = RUN_OBJECTS
    seconds: float = RUN_SECONDS
    memory: int = RUN_MEMORY


class Budget:
    """What one run has used of its `Limits`; every charge checks the deadline and Cancel."""

    def __init__(self, limits: Limits | None = None, cancel: CancelToken | None = None):
        self.limits = limits or Limits()
        self.cancel = cancel
        self.deadline = time.monotonic() + self.limits.seconds
        self.bytes = self.file_bytes = self.objects = 0

    def charge(self, nbytes: int = 0, objects: int = 0, file_bytes: int = 0) -> None:
        self.bytes += nbytes
        self.objects += objects
        self.file_bytes += file_bytes
        if self.cancel is not None and self.cancel.cancelled:
            raise Cancelled()
        if self.bytes > self.limits.bytes:
            raise BudgetExceeded("bytes read", f"more than {self.limits.bytes // 2**20} MiB")
        if self.file_bytes > self.limits.file_bytes:
            raise BudgetExceeded("file contents read", f"more than {self.limits.file_bytes // 2**20} MiB in all")
        if self.objects > self.limits.objects:
            raise BudgetExceeded("objects walked", f"more than {self.limits.objects} reads, directory entries, "
                                 "links and block groups")
        if time.monotonic() > self.deadline:
            raise BudgetExceeded("time", f"more than {self.limits.seconds:g} s")


class CountingReader(io.RawIOBase):
    """A read-only file object over an image file that counts the bytes it reads.

    Every read of the image goes through here, so `bytes_read` is what the pre-flight really read
    from the disk, and the run's Budget is charged."""

    def __init__(self, path: str | os.PathLike[str], budget: Budget | None = None):
        super().__init__()
        self._fh = open(path, "rb")  # raises OSError for the caller
        self.size = os.fstat(self._fh.fileno()).st_size
        self.bytes_read = 0
        self.reads = 0
        self.budget = budget or Budget()

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return True

    def seek(self, offset: int, whence: int = io.SEEK_SET) -> int:
        return self._fh.seek(offset, whence)

    def tell(self) -> int:
        return self._fh.tell()

    def read(self, size: int | None = -1) -> bytes:
        if size is None or size < 0:  # never the whole rest of a 30 GiB disk
            size = MAX_FILE
        self.budget.charge(0, 1)  # before the read: a crafted size never gets read past the budget
        if self.budget.bytes + size > self.budget.limits.bytes:
            self.budget.charge(size)
        data = self._fh.read(size)
        self.bytes_read += len(data)
        self.reads += 1
        self.budget.charge(len(data))
        return data

    def peek(self, size: int = 1) -> bytes:
        here = self._fh.tell()
        data = self.read(size)
        self._fh.seek(here)
        return data

    def read_at(self, offset: int, length: int) -> bytes:
        """The `partitions.Readable` protocol."""
        self._fh.seek(offset)
        return self.read(length)

    def close(self) -> None:
        self._fh.close()
        super().close()


# -- what a partition holds ------------------------------------------------------------------------
@record(frozen=True)
class ExtSuperblock:
    """The few superblock numbers that decide whether the file system is sane enough to open."""

    block_size: int
    blocks: int
    inodes: int
    blocks_per_group: int
    inodes_per_group: int
    inode_size: int
    uuid: str
    label: str
    first_data_block: int = 0  # 1 with 1 KiB blocks: the group descriptors follow the superblock's block
    desc_size: int = 32  # bytes of one group descriptor (64 with the 64bit feature)
    meta_bg: bool = False  # group descriptors spread over the disk, one block per meta group
    first_meta_bg: int = 0  # the first meta group (groups before it keep the descriptors after the superblock)
    sparse_super: bool = True  # superblock backups only in groups 0, 1 and powers of 3, 5, 7

    @property
    def groups(self) -> int:
        return -(-self.blocks // self.blocks_per_group)


def parse_ext_superblock(raw: bytes, partition_bytes: int) -> ExtSuperblock:
    """The ext2/3/4 superblock (the 1024 bytes at offset 1024 of the partition); ImageError if odd."""
    if len(raw) < 1024 or raw[56:58] != b"\x53\xef":
        raise ImageError("no ext2/3/4 superblock")
    inodes, blocks_lo = struct.unpack_from("<II", raw, 0)
    log_block, = struct.unpack_from("<I", raw, 24)
    blocks_per_group, = struct.unpack_from("<I", raw, 32)
    inodes_per_group, = struct.unpack_from("<I", raw, 40)
    rev, = struct.unpack_from("<I", raw, 76)
    inode_size = struct.unpack_from("<H", raw, 88)[0] if rev >= 1 else 128
    incompat, = struct.unpack_from("<I", raw, 96)
    blocks_hi = struct.unpack_from("<I", raw, 0x150)[0] if incompat & 0x80 else 0  # INCOMPAT_64BIT
    if log_block > 6:
        raise ImageError(f"the ext superblock gives a block size of 2^{10 + log_block} bytes")
    block_size = 1024 << log_block
    blocks = blocks_hi << 32 | blocks_lo
    if not blocks_per_group or not inodes_per_group or not blocks or not inodes:
        raise ImageError("the ext superblock has a zero count")
    if inode_size < 128 or inode_size > block_size or inode_size & (inode_size - 1):
        raise ImageError(f"the ext superblock gives inodes of {inode_size} bytes")
    first_data_block, = struct.unpack_from("<I", raw, 20)
    desc_size = struct.unpack_from("<H", raw, 0xFE)[0] if incompat & 0x80 else 32
    if desc_size < 32 or desc_size > block_size or desc_size & (desc_size - 1):
        raise ImageError(f"the ext superblock gives group descriptors of {desc_size} bytes")
    if first_data_block > 1:
        raise ImageError(f"the ext superblock's first data block is {first_data_block}")
    sb = ExtSuperblock(block_size, blocks, inodes, blocks_per_group, inodes_per_group, inode_size,
                       raw[104:120].hex(), raw[120:136].split(b"\0", 1)[0].decode("utf-8", "replace"),
                       first_data_block, desc_size, bool(incompat & 0x10), struct.unpack_from("<I", raw, 0x104)[0],
                       bool(struct.unpack_from("<I", raw, 100)[0] & 0x1))
    if sb.groups > MAX_GROUPS:
        raise ImageError(f"the ext superblock describes {sb.groups} block groups")
    if -(-inodes // inodes_per_group) != sb.groups or blocks_per_group > 8 * block_size:
        raise ImageError("the ext superblock's group counts disagree")
    if partition_bytes and blocks * block_size > partition_bytes + block_size:
        raise ImageError("the ext file system is larger than its partition")
    return sb


def detect_filesystem(head: bytes) -> str:
    """What the first bytes of a partition (at least PROBE_BYTES of them, fewer at the end) hold."""
    if head[1024 + 56:1024 + 58] == b"\x53\xef":
        return EXT
    if head[:4] == b"XFSB":
        return XFS
    if head[0x10040:0x10048] == b"_BHRfS_M":
        return BTRFS
    if any(head[s * SECTOR:s * SECTOR + 8] == b"LABELONE" for s in range(4)):
        return LVM
    if head[4086:4096] in (b"SWAPSPACE2", b"SWAP-SPACE"):
        return SWAP
    if head[3:11] == b"NTFS    ":
        return NTFS
    if head[510:512] == b"\x55\xaa" and (head[82:87] == b"FAT32" or head[54:59] in (b"FAT16", b"FAT12")):
        return FAT
    return UNKNOWN


@record
class PartitionInfo:
    """One partition (or the whole disk when it has no table) and what it holds."""

    number: int  # 0: the whole disk, no partition table
    start: int  # bytes
    length: int  # bytes
    kind: str  # the table's type code or GUID
    filesystem: str
    superblock: ExtSuperblock | None = None
    problem: str = ""

    @property
    def device(self) -> str:
        """How the VM will name it: Azure attaches the OS disk as /dev/sda."""
        return f"/dev/sda{self.number}" if self.number else "/dev/sda"


@record
class DiskLayout:
    """The partition table and each partition's file system."""

    scheme: str
    partitions: list[PartitionInfo] = field(default_factory=list)
    problem: str = ""
    note: str = ""  # damage worked around (a primary GPT that fails its CRC: the backup was read)

    def describe(self) -> str:
        shown = self.partitions[:MAX_DESCRIBED]
        parts = ", ".join(f"{p.device} {p.filesystem}" + (f" ({p.problem})" if p.problem else "") for p in shown)
        if len(self.partitions) > len(shown):
            parts += f" and {len(self.partitions) - len(shown)} more"
        return f"{self.scheme.upper()}: {parts or 'no partitions'}"


def read_layout(reader: CountingReader, disk_size: int) -> DiskLayout:
    """The partition table of the disk in `reader` and what each partition holds (a few KiB read each)."""

    class _Readable:
        def read(self, offset: int, length: int) -> bytes:
            return reader.read_at(offset, length)

    table: PartitionTable = read_partition_table(_Readable(), disk_size)
    layout = DiskLayout(table.scheme, problem=table.problem, note=table.note)
    if table.scheme == "unreadable":
        return layout
    entries: list[Partition] = table.partitions if table.scheme != "none" else [Partition(0, 0, disk_size // SECTOR, "")]
    heads: dict[tuple[int, int], bytes] = {}
    for p in entries:
        start, length = p.start * SECTOR, p.sectors * SECTOR
        if start >= disk_size or start + length > disk_size + SECTOR:
            layout.partitions.append(PartitionInfo(p.number, start, length, p.kind, UNKNOWN, problem="past the end of the disk"))
            continue
        head = heads.get((start, length))
        if head is None:  # overlapping entries: each place on the disk is probed once
            head = heads[(start, length)] = reader.read_at(start, min(PROBE_BYTES, length))
        fs = detect_filesystem(head)
        if fs == UNKNOWN:
            fs = (MBR_KINDS if table.scheme == "mbr" else GPT_KINDS).get(p.kind, UNKNOWN)
        info = PartitionInfo(p.number, start, length, p.kind, fs)
        if fs == EXT:
            try:
                info.superblock = parse_ext_superblock(head[1024:2048], length)
            except ImageError as exc:
                info.problem = str(exc)
        layout.partitions.append(info)
    return layout


# -- files inside one ext file system --------------------------------------------------------------
@record(frozen=True)
class FileInfo:
    """What `stat` says about a path (after following links inside the image)."""

    path: str  # the resolved path inside the image
    kind: str  # file | dir | link | other
    size: int
    mode: int

    @property
    def executable(self) -> bool:
        return self.kind == "file" and bool(self.mode & 0o111)


def _kind(inode: Any) -> str:
    mode = int(inode.i_mode)
    if statmod.S_ISREG(mode):
        return "file"
    if statmod.S_ISDIR(mode):
        return "dir"
    if statmod.S_ISLNK(mode):
        return "link"
    return "other"


@record(frozen=True)
class _Inode:
    """The few inode fields the reader needs (the names are the kernel's)."""

    i_no: int
    i_mode: int
    i_size: int
    i_flags: int
    i_block: bytes  # the 60 bytes of block map, extent tree root, fast link target or inline data


class ExtFiles:
    """Read-only access to the files of one ext2/3/4 file system inside the image.

    Paths are image paths ("/etc/fstab"). Lookups never leave the file system: an absolute link
    target starts again at its root, ".." at the root stays there. Missing, unreadable or odd
    entries read as absent (None / empty); only a file system that cannot be opened raises.

    Everything is read here, bounded (issue #29): an inode from its group descriptor's inode table,
    a file's blocks from its extent tree (a visited set, at most MAX_EXTENT_DEPTH levels) or its
    block map (ext2/3), a directory's entries block by block. The `ext4` library this replaced built
    every inode's whole extent tree when it was looked at (an index pointing to itself never ended,
    a header claiming 65535 entries took gigabytes) and took minutes over a sparse directory."""

    def __init__(self, reader: CountingReader, partition: PartitionInfo):
        self.reader = reader
        self.partition = partition
        sb = partition.superblock
        if sb is None:
            raise ImageError(f"the ext file system on {partition.device} has no readable superblock")
        self.sb = sb
        self.block_size = sb.block_size
        self._descriptors: dict[int, int] = {}  # group → its inode table's first block
        self._inode_cache: dict[int, _Inode] = {}
        self._inodes: dict[int, dict[bytes, int]] = {}
        reader.budget.charge(0, 1)
        try:
            self._root = self._inode(2)
        except _Absent as exc:
            raise ImageError(f"the ext file system on {partition.device} cannot be opened: {exc}") from None
        if _kind(self._root) != "dir":
            raise ImageError(f"the ext file system on {partition.device} has no root directory")

    def _block(self, number: int, count: int = 1) -> bytes:
        if number <= 0 or number + count > self.sb.blocks:
            raise _Absent(f"block {number} lies outside the file system")
        data = self.reader.read_at(self.partition.start + number * self.block_size, count * self.block_size)
        if len(data) < count * self.block_size:
            raise _Absent(f"block {number} lies past the end of the image")
        return data

    def _inode_table(self, group: int) -> int:
        table = self._descriptors.get(group)
        if table is None:
            size = self.sb.desc_size
            at = self._descriptor_at(group)
            raw = self.reader.read_at(self.partition.start + at, size)
            if len(raw) < size:
                raise _Absent(f"the group descriptor of group {group} lies past the end of the image")
            table = struct.unpack_from("<I", raw, 8)[0] | (struct.unpack_from("<I", raw, 0x28)[0] << 32 if size >= 64 else 0)
            self._descriptors[group] = table
        return table

    def _has_super(self, group: int) -> bool:
        if not self.sb.sparse_super or group in (0, 1):
            return True
        for base in (3, 5, 7):
            n = base
            while n < group:
                n *= base
            if n == group:
                return True
        return False

    def _descriptor_at(self, group: int) -> int:
        """Where group `group`'s descriptor is, in bytes from the file system's start (the kernel's
        descriptor_loc(): after the superblock, or with meta_bg in its meta group's first group)."""
        size = self.sb.desc_size
        per_block = self.block_size // size
        meta = group // per_block
        if not self.sb.meta_bg or meta < self.sb.first_meta_bg:
            return (self.sb.first_data_block + 1) * self.block_size + group * size
        first = meta * per_block
        block = self.sb.first_data_block + first * self.sb.blocks_per_group + (1 if self._has_super(first) else 0)
        return block * self.block_size + (group % per_block) * size

    def _inode(self, number: int) -> _Inode:
        cached = self._inode_cache.get(number)
        if cached is not None:
            return cached
        if not 1 <= number <= self.sb.inodes:
            raise _Absent(f"inode {number} does not exist")
        self.reader.budget.charge(0, 1)
        group, index = divmod(number - 1, self.sb.inodes_per_group)
        table = self._inode_table(group)
        at = table * self.block_size + index * self.sb.inode_size
        if table <= 0 or at + 128 > self.sb.blocks * self.block_size:
            raise _Absent(f"inode {number}'s table lies outside the file system")
        raw = self.reader.read_at(self.partition.start + at, 128)
        if len(raw) < 128:
            raise _Absent(f"inode {number} lies past the end of the image")
        mode, = struct.unpack_from("<H", raw, 0)  # i_mode
        size_lo, = struct.unpack_from("<I", raw, 4)  # i_size_lo
        flags, = struct.unpack_from("<I", raw, 0x20)  # i_flags
        size_hi, = struct.unpack_from("<I", raw, 0x6C)  # i_size_high
        inode = _Inode(number, mode, size_hi << 32 | size_lo, flags, raw[0x28:0x28 + 60])
        self._inode_cache[number] = inode
        return inode

    def _readlink(self, inode: _Inode) -> bytes:
        if inode.i_size < 60 and not inode.i_flags & EXTENTS_FL:  # a fast link: the target is in the inode
            return inode.i_block[:inode.i_size]
        return self._content(inode, inode.i_size)

    # Directory entries are read once per directory (a lookup walks many paths through /etc).
    def _entries(self, inode: _Inode) -> dict[bytes, int]:
        cached = self._inodes.get(inode.i_no)
        if cached is not None:
            return cached
        if int(inode.i_size) > MAX_DIR:
            raise _Absent("directory too large")
        entries = self._read_entries(inode)
        self._inodes[inode.i_no] = entries
        return entries

    def _read_entries(self, inode: _Inode) -> dict[bytes, int]:
        """The directory's entries, parsed block by block (linear: an htree's index blocks read as empty
        entries, as ext2 meant them to; the checksum tail is an entry of inode 0). A record that does
        not fit ends its block; holes of a sparse directory are zeros and end theirs at once."""
        size = int(inode.i_size)
        block = self.block_size
        budget = self.reader.budget
        entries: dict[bytes, int] = {}
        content = self._content(inode, size)
        for start in range(0, len(content), block):
            data = content[start:start + block]
            budget.charge(0, 1)
            at = 0
            while at + 8 <= len(data):
                number, length, name_length = struct.unpack_from("<IHB", data, at)
                if length < 8 or length % 4 or at + length > len(data) or 8 + name_length > length:
                    break  # damaged or empty: the rest of this block holds nothing
                if number and name_length:
                    budget.charge(0, 1)
                    name = data[at + 8:at + 8 + name_length]
                    if name not in (b".", b".."):
                        entries.setdefault(name, number)
                at += length
        return entries

    def _content(self, inode: _Inode, length: int) -> bytes:
        """The first `length` bytes of an inode's data. Extent-mapped inodes (every ext4 file) are read
        here: the tree walked with a visited set and at most MAX_EXTENT_DEPTH levels, each entry charged
        to the budget, only the blocks wanted read, holes as zeros (the library walked an index that
        points to itself forever and took minutes over a sparse directory). ext2/3 files go through
        their block map (`_mapped`); inline data comes from the inode itself."""
        flags = inode.i_flags
        length = min(length, inode.i_size)
        if flags & INLINE_DATA_FL:  # a tiny file inside the inode (the rest, in an attribute, is not read)
            if length > 60:
                raise _Absent("inline data longer than the inode holds")
            return inode.i_block[:length]
        block = self.block_size
        wanted_blocks = -(-length // block)
        total_blocks = self.sb.blocks
        budget = self.reader.budget
        out = bytearray(length)
        if not flags & EXTENTS_FL:
            return self._mapped(inode, length, out)
        seen: set[int] = set()

        def node(data: bytes, depth_wanted: int | None) -> None:
            magic, count, most, depth = struct.unpack_from("<HHHH", data, 0)
            if magic != EXTENT_MAGIC or count > most or 12 + 12 * count > len(data) or depth > MAX_EXTENT_DEPTH \
                    or (depth_wanted is not None and depth != depth_wanted):
                raise _Absent("a damaged extent tree")
            for i in range(count):
                budget.charge(0, 1)
                at = 12 + 12 * i
                if depth == 0:
                    first, blocks, hi, lo = struct.unpack_from("<IHHI", data, at)
                    if blocks > 32768:  # an unwritten extent: reads as zeros
                        continue
                    physical = hi << 32 | lo
                    if first >= wanted_blocks:
                        continue
                    blocks = min(blocks, wanted_blocks - first)
                    if physical + blocks > total_blocks:
                        raise _Absent("an extent past the end of the file system")
                    piece = self._block(physical, blocks)[:max(0, length - first * block)]
                    out[first * block:first * block + len(piece)] = piece
                else:
                    first, lo, hi = struct.unpack_from("<IIH", data, at)
                    child = hi << 32 | lo
                    if first >= wanted_blocks:
                        continue
                    if child in seen or child >= total_blocks:
                        raise _Absent("an extent index that loops or points past the file system")
                    seen.add(child)
                    node(self._block(child), depth - 1)

        node(inode.i_block, None)
        return bytes(out)

    def _mapped(self, inode: _Inode, length: int, out: bytearray) -> bytes:
        """An ext2/3 file's first `length` bytes through its block map: 12 direct blocks, then single,
        double and triple indirect blocks — only the pointers to the blocks wanted are read."""
        block = self.block_size
        wanted = -(-length // block)
        per = block // 4
        budget = self.reader.budget
        pointers = struct.unpack("<15I", inode.i_block)
        found: list[tuple[int, int]] = [(i, pointers[i]) for i in range(min(12, wanted)) if pointers[i]]

        def walk(number: int, level: int, base: int) -> None:
            if not number or base >= wanted:
                return
            budget.charge(0, 1)
            span = per ** (level - 1)
            for j, child in enumerate(struct.unpack(f"<{per}I", self._block(number))):
                logical = base + j * span
                if logical >= wanted:
                    return
                if child:
                    if level == 1:
                        found.append((logical, child))
                    else:
                        walk(child, level - 1, logical)

        walk(pointers[12], 1, 12)
        walk(pointers[13], 2, 12 + per)
        walk(pointers[14], 3, 12 + per + per * per)
        for logical, physical in found:
            budget.charge(0, 1)
            piece = self._block(physical)[:length - logical * block]
            out[logical * block:logical * block + len(piece)] = piece
        return bytes(out)

    def _lookup(self, path: str, follow_last: bool = True) -> tuple[str, Any] | None:
        """(resolved path, inode) of `path`, links followed inside the image; None when absent."""
        parts = [p for p in path.split("/") if p and p != "."]
        stack: list[tuple[str, Any]] = [("", self._root)]  # the directories walked, for ".."
        links = 0
        while parts:
            name = parts.pop(0)
            if name == "..":
                if len(stack) > 1:
                    stack.pop()
                continue
            parent = stack[-1][1]
            if _kind(parent) != "dir":
                return None
            number = self._entries(parent).get(name.encode("utf-8", "surrogateescape"))
            if number is None:
                return None
            inode = self._inode(number)
            kind = _kind(inode)
            if kind == "link" and (parts or follow_last):
                links += 1
                self.reader.budget.charge(0, 1)
                if links > MAX_LINKS:
                    return None
                if inode.i_size > 4096:
                    return None
                target = self._readlink(inode).decode("utf-8", "surrogateescape")
                if target.startswith("/"):
                    stack = stack[:1]
                parts = [p for p in target.split("/") if p and p != "."] + parts
                continue
            stack.append((stack[-1][0] + "/" + name, inode))
        return (stack[-1][0] or "/"), stack[-1][1]

    def _safe(self, fn: Any, *args: Any) -> Any:
        try:
            return fn(*args)
        except (BudgetExceeded, Cancelled):
            raise  # never an absent file: the run stops
        except (OSError, ValueError, KeyError, IndexError, AssertionError, UnicodeError, TypeError, struct.error,
                RecursionError, MemoryError, ArithmeticError) as exc:
            raise _Absent(str(exc)) from None
        except Exception as exc:  # noqa: BLE001 - anything else a hostile image provokes reads as absent
            raise _Absent(str(exc)) from None

    def stat(self, path: str, follow: bool = True) -> FileInfo | None:
        try:
            found = self._safe(self._lookup, path, follow)
        except _Absent:
            return None
        if found is None:
            return None
        resolved, inode = found
        return FileInfo(resolved, _kind(inode), int(inode.i_size), int(inode.i_mode) & 0o7777)

    def read(self, path: str, limit: int = MAX_FILE) -> bytes | None:
        """The first `limit` bytes of a regular file; None when it is absent or not a file."""
        try:
            found = self._safe(self._lookup, path)
            if found is None or _kind(found[1]) != "file":
                return None
            inode = found[1]
            wanted = max(0, min(limit, int(inode.i_size)))
            self.reader.budget.charge(0, 0, wanted)  # the total of all files, before reading this one
            return bytes(self._safe(self._content, inode, wanted))
        except _Absent:
            return None

    def text(self, path: str, limit: int = MAX_FILE) -> str:
        raw = self.read(path, limit)
        return raw.decode("utf-8", "replace") if raw is not None else ""

    def listdir(self, path: str) -> list[str]:
        """The names in a directory, sorted (as the shell's glob sorts them); [] when absent."""
        try:
            found = self._safe(self._lookup, path)
            if found is None or _kind(found[1]) != "dir":
                return []
            names = self._safe(self._entries, found[1])
        except _Absent:
            return []
        return sorted(n.decode("utf-8", "surrogateescape") for n in names)

    def exists(self, path: str) -> bool:
        return self.stat(path) is not None


class _Absent(Exception):
    """A lookup that failed inside the library: the path reads as absent."""


@record
class OpenedImage:
    """An image opened for reading: its layout, the root file system, a separate /boot and the EFI
    System Partition (FAT; its files are named "ESP:/EFI/…", it has no fixed place in the tree)."""

    reader: CountingReader
    layout: DiskLayout
    root: ExtFiles
    boot: ExtFiles | None = None
    esp: FatFiles | None = None

    def files(self, path: str) -> tuple[ExtFiles, str]:
        """The file system and path inside it that hold image path `path` (/boot may be separate)."""
        if self.boot is not None and (path == "/boot" or path.startswith("/boot/")):
            return self.boot, path[len("/boot"):] or "/"
        return self.root, path


NOT_OFFLINE = {XFS: "XFS", BTRFS: "Btrfs", LVM: "LVM"}


def open_image(reader: CountingReader, disk_size: int) -> OpenedImage:
    """Find the Linux root file system (the ext partition with /etc) and a separate /boot.

    Raises ImageError when there is none: the message names what was found instead (XFS, Btrfs
    and LVM are not readable offline — the test VM reads them)."""
    layout = read_layout(reader, disk_size)
    if layout.scheme == "unreadable":
        raise ImageError(f"the partition table cannot be read: {layout.problem}")
    root = boot = None
    opened: dict[int, ExtFiles | None] = {}  # one volume per place on the disk, however many entries name it
    for p in layout.partitions:
        if p.filesystem != EXT or p.problem:
            continue
        if p.start in opened:
            continue
        try:
            fs = ExtFiles(reader, p)
        except BudgetExceeded:
            raise
        except ImageError as exc:
            p.problem = str(exc)
            opened[p.start] = None
            continue
        opened[p.start] = fs
        etc = fs.stat("/etc")
        if root is None and etc is not None and etc.kind == "dir":
            root = fs
        elif boot is None and (fs.exists("/grub") or fs.exists("/grub2") or any(n.startswith("vmlinuz") for n in fs.listdir("/"))):
            boot = fs
    if root is None:
        if any(p.filesystem == NTFS for p in layout.partitions):
            raise ImageError(f"the disk holds NTFS (a Windows image): the pre-flight reads Linux images ({layout.describe()})")
        others = sorted({NOT_OFFLINE[p.filesystem] for p in layout.partitions if p.filesystem in NOT_OFFLINE})
        if others:
            raise ImageError(f"the root file system is on {' / '.join(others)}: not readable offline — use the test VM "
                             f"({layout.describe()})")
        raise ImageError(f"no Linux root file system (ext2/3/4 with /etc) was found ({layout.describe()})")
    if boot is not None and any(n.startswith("vmlinuz") for n in root.listdir("/boot")):
        boot = None  # the root's own /boot is filled: the other partition is not mounted there
    return OpenedImage(reader, layout, root, boot, open_esp(reader, layout))


def open_esp(reader: CountingReader, layout: DiskLayout) -> FatFiles | None:
    """The EFI System Partition: a FAT partition with an /EFI folder, one typed as the ESP first.

    A FAT that cannot be opened gets its reason as the partition's problem (the layout shows it) and
    is passed over; a disk without one (a Generation 1 image) gives None."""
    from .fatfs import FatFiles  # late: fatfs uses this module's ImageError and FileInfo

    fats = [p for p in layout.partitions if p.filesystem == FAT]
    fats.sort(key=lambda p: p.kind.upper() not in (EFI_SYSTEM_GUID, "0XEF"))  # typed as the ESP first
    tried: set[int] = set()
    for p in fats:
        if p.start in tried:  # overlapping entries: one volume is opened once
            continue
        tried.add(p.start)
        try:
            esp = FatFiles(reader, p.start, p.length, p.device)
        except BudgetExceeded:
            raise
        except ImageError as exc:
            p.problem = str(exc)
            continue
        if esp.stat("/EFI") is not None:
            return esp
    return None

