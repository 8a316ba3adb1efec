"""Read files from inside a fixed VHD, read-only, without mounting it (issue #23).

Why: most Linux test cases read files (configuration, histories, the boot loader, fstab), and a
fixed VHD holds exactly those files. Reading them on the publisher's own machine needs no root, no
loop device and no VM, so it works on Windows and macOS too.

What is read: the partition table (MBR or GPT, `partitions.py`), then each partition's first
blocks to tell its file system from its superblock. ext2/3/4 is opened with the `ext4` library
(MIT; pure reading through a file object); the EFI System Partition's FAT with our own small reader
(`fatfs.py`: the boot loader's configuration of a UEFI image lives there). XFS, Btrfs and LVM are
recognised and reported as not readable offline. Only the blocks of the files asked for are read;
`CountingReader` counts them.

Everything in the image is hostile input: a superblock is checked for sane numbers before the
library sees it (the library allocates one descriptor per block group), symbolic links resolve
inside the image only (an absolute target starts at the image's root, `..` stops at it, at most
`MAX_LINKS` links per lookup), a file is read up to a cap, and any error of the library is an
`ImageError`, never a crash.

Budgets (issue #29): one `Budget` per run bounds what a crafted image can make the reader do — the
bytes read from the disk, the objects walked (reads, directory entries, links followed, block
groups of every volume opened), the bytes of file contents handed out in total (a cap per file is
not enough: 100 links to one 4 MiB file), and a deadline; Cancel is checked on every read. Going
past one raises `BudgetExceeded`, which names the budget and is never taken for an absent file.
Each partition's volume is opened once (overlapping partition entries share it). What the `ext4`
library does between two reads cannot be bounded from outside (an extent index pointing to itself,
a header claiming 65535 entries): the pre-flight runs the reading in a child process with an
address-space limit and a kill deadline (`preflight.gather_bounded`).
"""

from __future__ import annotations

import io
import os
import stat as statmod
import struct
import time
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from .partitions import SECTOR, Partition, PartitionTable, read_partition_table
from .progress import Cancelled, CancelToken

if TYPE_CHECKING:
    from .fatfs import FatFiles

MAX_LINKS = 40  # as Linux: a lookup that follows more links is a loop
MAX_FILE = 4 * 1024 * 1024  # the largest configuration file read (larger ones are cut)
MAX_GROUPS = 1 << 17  # 16 TiB at 4 KiB blocks (Azure's OS disks stop at 4 TiB): more is not a real OS disk
MAX_DIR = 64 * 1024 * 1024  # a directory larger than this is read as absent (the library reads one whole)
PROBE_BYTES = 64 * 1024 + 4096  # enough for every signature below (Btrfs sits at 64 KiB)
# Engineering budgets of one pre-flight run (issue #29). A real image needs a few MiB and some
# thousands of objects in well under 5 s (bench/bench_preflight.py: 30 GiB image); these leave
# ample room for a large dpkg database (read up to 64 MiB) and stop a crafted image early.
RUN_BYTES = 160 * 1024 * 1024  # bytes read from the disk, all partitions together
RUN_FILE_BYTES = 96 * 1024 * 1024  # file contents handed out in total (each file is also cut at its own cap)
RUN_OBJECTS = 2_000_000  # reads + directory entries + links followed + block groups of the volumes opened
RUN_SECONDS = 60.0  # the whole reading of the image, wall clock
RUN_MEMORY = 1024 * 1024 * 1024  # address space the reading child may add (the ext4 library's structures)

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


@dataclass(frozen=True)
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

    The `ext4` library wants read/peek/seek/tell; every read goes through here, so `bytes_read`
    is what the pre-flight really read from the disk."""

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
@dataclass(frozen=True)
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
    sb = ExtSuperblock(block_size, blocks, inodes, blocks_per_group, inodes_per_group, inode_size,
                       raw[104:120].hex(), raw[120:136].split(b"\0", 1)[0].decode("utf-8", "replace"))
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


@dataclass
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


@dataclass
class DiskLayout:
    """The partition table and each partition's file system."""

    scheme: str
    partitions: list[PartitionInfo] = field(default_factory=list)
    problem: str = ""
    note: str = ""  # damage worked around (a primary GPT that fails its CRC: the backup was read)

    def describe(self) -> str:
        parts = ", ".join(f"{p.device} {p.filesystem}" + (f" ({p.problem})" if p.problem else "") for p in self.partitions)
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
@dataclass(frozen=True)
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


class ExtFiles:
    """Read-only access to the files of one ext2/3/4 file system inside the image.

    Paths are image paths ("/etc/fstab"). Lookups never leave the file system: an absolute link
    target starts again at its root, ".." at the root stays there. Missing, unreadable or odd
    entries read as absent (None / empty); only a file system that cannot be opened raises."""

    def __init__(self, reader: CountingReader, partition: PartitionInfo):
        import ext4  # late: only a pre-flight needs it

        self.reader = reader
        self.partition = partition
        if partition.superblock is not None:  # the library reads one descriptor per block group
            reader.budget.charge(0, partition.superblock.groups)
        try:
            self.volume = ext4.Volume(reader, offset=partition.start, ignore_checksum=True)
            self._root = self.volume.root
        except (BudgetExceeded, Cancelled):
            raise
        except Exception as exc:  # noqa: BLE001 - the library raises many kinds on a damaged disk
            raise ImageError(f"the ext file system on {partition.device} cannot be opened: {exc}") from None
        self._inodes: dict[int, Any] = {}

    # Directory entries are read once per directory (a lookup walks many paths through /etc).
    def _entries(self, inode: Any) -> dict[bytes, int]:
        cached = self._inodes.get(inode.i_no)
        if cached is not None:
            return cached  # type: ignore[no-any-return]
        if int(inode.i_size) > MAX_DIR:
            raise _Absent("directory too large")
        entries: dict[bytes, int] = {}
        budget = self.reader.budget
        for dirent, _ in inode.opendir():
            budget.charge(0, 1)
            name = bytes(dirent.name_bytes)
            if name not in (b".", b"..") and dirent.inode:
                entries.setdefault(name, int(dirent.inode))
        self._inodes[inode.i_no] = entries
        return entries

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
            inode = self.volume.inodes[number]
            kind = _kind(inode)
            if kind == "link" and (parts or follow_last):
                links += 1
                self.reader.budget.charge(0, 1)
                if links > MAX_LINKS:
                    return None
                if inode.i_size > 4096:
                    return None
                target = bytes(inode.readlink()).decode("utf-8", "surrogateescape")
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
        except Exception as exc:  # noqa: BLE001 - ext4's own errors (MagicError, InodeError, ChecksumError...)
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
            wanted = max(0, min(limit, MAX_FILE, int(inode.i_size)))
            self.reader.budget.charge(0, 0, wanted)  # the total of all files, before reading this one
            return bytes(self._safe(lambda: inode.open().read(wanted)))
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


@dataclass
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

