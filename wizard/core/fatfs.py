"""Read-only FAT12/16/32 (with VFAT long names) from inside an image: the EFI System Partition.

Why: on a Generation 2 (UEFI) image the boot loader's configuration may live on the ESP — the RHEL
family's `EFI/redhat/grub.cfg` holds the real menu entries, Ubuntu's and Debian's `EFI/ubuntu/grub.cfg`
a stub that hands over to `/boot/grub/grub.cfg`. The pre-flight reads that file without mounting.

Why our own reader and not a library: the one maintained pure-Python FAT library on PyPI (pyfatfs,
MIT) reads and decodes every FAT copy whole when it opens a volume and depends on PyFilesystem2
(`fs`, no release since 2022, imports the deprecated `pkg_resources`); the ChaN FatFs wrappers
(fatfs, fatfs-ng) are C code fed with hostile bytes and are made for writing images. Reading a few
small files is a short job: the boot sector, the FAT sectors the cluster chains touch, the
directory clusters on the path, and the file — nothing else is read (`read_at` counts the bytes).

Layout (Microsoft's FAT specification, "FAT: General Overview of On-Disk Format"): the boot sector
(BPB) gives the sector size, sectors per cluster, reserved sectors, the number and size of the FATs
and, for FAT12/16, a fixed root directory after the FATs; FAT32's root directory is a cluster chain.
The FAT type is decided as Linux's vfat driver decides it: FAT32 when the 16-bit FAT size is zero,
else FAT12 below 4085 data clusters and FAT16 above — never from the label text. A directory is 32-byte entries; VFAT long names precede their short entry as
UTF-16 pieces carrying the short name's checksum.

Everything is hostile input: the boot sector's numbers are checked before use, a cluster number
outside the volume, a chain that loops (a cluster seen twice) or ends before the file does, and a
directory longer than the specification allows (65536 entries) are `FatError`s (an `ImageError`
message). Lookups are case-insensitive, as on the firmware; a lookup that hits damage reads as
absent and the damage is kept in `problems`, so the pre-flight can say what it could not read.
"""

from __future__ import annotations

import struct
from collections.abc import Iterator
from typing import Protocol

from .imagefs import MAX_FILE, FileInfo, ImageError
from .records import record

MAX_DIR_ENTRIES = 65536  # the FAT specification's limit for one directory (2 MiB of entries)
MAX_CLUSTER_BYTES = 256 * 1024  # 64 KiB is the largest cluster formatters make; a bigger BPB is not FAT
FAT_CHUNK = 4096  # FAT bytes are read (and cached) in pieces of this size
# What one volume may make the reader read, in all: an ESP's directories and the FAT pieces its few
# files need are kilobytes; a crafted volume (cross-linked directories, a file spread over the whole
# FAT) is stopped here instead of being read many times over.
MAX_DIRECTORY_BYTES = 4 * 1024 * 1024
MAX_FAT_BYTES = 4 * 1024 * 1024
# File contents one volume hands out in all (each file is also cut at MAX_FILE): an ESP's configuration
# files are kilobytes; cross-linked folders that show one big file under many names stop here (issue #29).
MAX_FILE_BYTES = 4 * 1024 * 1024
_ASCII_UPPER = str.maketrans("abcdefghijklmnopqrstuvwxyz", "ABCDEFGHIJKLMNOPQRSTUVWXYZ")


def fold(name: str) -> str:
    """A name as FAT compares it: ASCII letters without case, nothing else folded (GRUB and the
    firmware do not match "Eﬁ" to "EFI", so neither does this reader)."""
    return name.translate(_ASCII_UPPER)


def _usable(name: str) -> bool:
    """A name a path can hold: not empty, not "." or "..", no separator (a crafted long name could be any)."""
    return bool(name) and name not in (".", "..") and "/" not in name and "\\" not in name and "\0" not in name
SECTOR_SIZES = (512, 1024, 2048, 4096)
ATTR_READ_ONLY, ATTR_HIDDEN, ATTR_SYSTEM, ATTR_VOLUME, ATTR_DIR, ATTR_ARCHIVE = 0x01, 0x02, 0x04, 0x08, 0x10, 0x20
ATTR_LFN = ATTR_READ_ONLY | ATTR_HIDDEN | ATTR_SYSTEM | ATTR_VOLUME
LFN_OFFSETS = (1, 3, 5, 7, 9, 14, 16, 18, 20, 22, 24, 28, 30)  # the 13 UTF-16 characters of one piece


class FatError(ImageError):
    """The FAT volume, or a file or directory in it, is damaged; the message says where."""


class Readable(Protocol):
    """What the reader needs from the image (`imagefs.CountingReader` is one)."""

    def read_at(self, offset: int, length: int) -> bytes: ...


@record(frozen=True)
class FatBoot:
    """The boot sector's numbers, checked, and what follows from them (all offsets from the volume's start)."""

    fat_type: int  # 12, 16 or 32
    bytes_per_sector: int
    cluster_bytes: int
    fat_offset: int  # the FAT in use
    fat_bytes: int
    root_offset: int  # FAT12/16: the fixed root directory
    root_entries: int  # FAT12/16
    root_cluster: int  # FAT32
    data_offset: int  # cluster 2 starts here
    clusters: int  # data clusters: valid numbers are 2 .. clusters + 1
    label: str

    @property
    def max_cluster(self) -> int:
        return self.clusters + 1

    @property
    def end_of_chain(self) -> int:
        return {12: 0xFF8, 16: 0xFFF8, 32: 0x0FFFFFF8}[self.fat_type]


def parse_boot_sector(raw: bytes, volume_bytes: int) -> FatBoot:
    """The FAT boot sector (the volume's first 512 bytes); FatError when a number is not one FAT allows."""
    if len(raw) < 512:
        raise FatError("the FAT boot sector is cut short")
    if raw[510:512] != b"\x55\xaa":
        raise FatError("the FAT boot sector has no 55 AA signature")
    bps, spc, reserved, nfats, root_entries, total16 = struct.unpack_from("<HBHBHH", raw, 11)
    fat16_size, = struct.unpack_from("<H", raw, 22)
    total32, = struct.unpack_from("<I", raw, 32)
    if bps not in SECTOR_SIZES:
        raise FatError(f"the FAT boot sector gives {bps}-byte sectors")
    if spc == 0 or spc & (spc - 1) or bps * spc > MAX_CLUSTER_BYTES:
        raise FatError(f"the FAT boot sector gives {spc} sectors per cluster")
    if reserved == 0 or nfats == 0:
        raise FatError("the FAT boot sector gives no reserved sector or no FAT")
    fat_sectors = fat16_size or struct.unpack_from("<I", raw, 36)[0]
    total = total16 or total32
    root_sectors = -(-(root_entries * 32) // bps)
    meta = reserved + nfats * fat_sectors + root_sectors
    if fat_sectors == 0 or total == 0 or meta >= total:
        raise FatError("the FAT boot sector's sizes leave no data area")
    if volume_bytes and total * bps > volume_bytes:
        raise FatError(f"the FAT volume ({total * bps} bytes) is larger than its partition ({volume_bytes} bytes)")
    clusters = (total - meta) // spc
    if clusters == 0:
        raise FatError("the FAT volume has no data cluster")
    fat_type = 32 if fat16_size == 0 else 12 if clusters < 4085 else 16
    if fat_type == 32:
        if root_entries:
            raise FatError("the FAT32 boot sector gives a FAT16 root directory too")
        ext_flags, = struct.unpack_from("<H", raw, 40)
        root_cluster, = struct.unpack_from("<I", raw, 44)
        active = ext_flags & 0x0F if ext_flags & 0x80 else 0  # mirroring off: one FAT is the active one
        if active >= nfats:
            raise FatError(f"the FAT boot sector names FAT {active} of {nfats} as active")
        label_at = 71
    else:
        if root_entries == 0:
            raise FatError(f"the FAT{fat_type} boot sector gives a root directory of no entries")
        root_cluster, active, label_at = 0, 0, 43
    # FAT16 ends below 65525 clusters (Microsoft's specification; Linux and the firmware agree): more is FAT32.
    if clusters + 1 >= {12: 0xFF7, 16: 65525 + 1, 32: 0x0FFFFFF7}[fat_type]:
        raise FatError(f"the FAT volume has {clusters} clusters, more than FAT{fat_type} can number")
    fat_bytes = fat_sectors * bps
    needed = -(-((clusters + 2) * fat_type) // 8)  # entries 0 and 1 are reserved
    if fat_bytes < needed:
        raise FatError(f"the FAT ({fat_bytes} bytes) is too small for {clusters} clusters")
    label = raw[label_at:label_at + 11].decode("cp437").rstrip() if raw[label_at - 5] == 0x29 else ""
    boot = FatBoot(fat_type, bps, bps * spc, (reserved + active * fat_sectors) * bps, fat_bytes,
                   (reserved + nfats * fat_sectors) * bps, root_entries, root_cluster, meta * bps, clusters, label)
    if fat_type == 32 and not 2 <= root_cluster <= boot.max_cluster:
        raise FatError(f"the FAT32 root directory starts at cluster {root_cluster}, outside the volume")
    return boot


@record(frozen=True)
class FatEntry:
    """One directory entry: its name (the long name when it has one), what it is, where it starts."""

    name: str
    short: str
    is_dir: bool
    cluster: int
    size: int
    attributes: int


def _short_name(raw: bytes) -> str:
    """NAME    EXT → NAME.EXT, with Windows NT's lower-case flags (byte 12) applied, as Linux shows it."""
    base, ext = bytearray(raw[0:8]), raw[8:11]
    if base[0] == 0x05:  # a first byte of E5 (a Kanji lead byte) is stored as 05
        base[0] = 0xE5
    name = bytes(base).rstrip(b" ").decode("cp437")
    suffix = ext.rstrip(b" ").decode("cp437")
    if raw[12] & 0x08:
        name = name.lower()
    if raw[12] & 0x10:
        suffix = suffix.lower()
    return f"{name}.{suffix}" if suffix else name


def _checksum(short: bytes) -> int:
    total = 0
    for byte in short:
        total = (((total & 1) << 7) + (total >> 1) + byte) & 0xFF
    return total


def parse_directory(data: bytes, fat_type: int) -> tuple[list[FatEntry], bool]:
    """The entries of directory bytes (whole 32-byte entries) and whether the end mark was seen.

    Long names are taken only when their pieces arrive in order and carry the short entry's checksum
    (as the specification asks); otherwise the short name stands, as a FAT driver shows it."""
    entries: list[FatEntry] = []
    pieces: dict[int, str] = {}
    expected = checksum = 0
    for at in range(0, len(data) - 31, 32):
        raw = data[at:at + 32]
        first, attributes = raw[0], raw[11]
        if first == 0x00:
            return entries, True
        if first == 0xE5:  # deleted
            pieces = {}
            continue
        if attributes & 0x3F == ATTR_LFN:
            order = first & 0x1F
            if first & 0x40:  # the last piece comes first and says how many there are
                pieces, expected, checksum = {}, order, raw[13]
            # each next piece counts down by one and carries the same checksum; anything else drops the name
            if not (1 <= order <= 20 and expected and raw[13] == checksum and order == expected - len(pieces)):
                pieces, expected = {}, 0
                continue
            units = b"".join(raw[o:o + 2] for o in LFN_OFFSETS)
            pieces[order] = units.decode("utf-16-le", "replace")
            continue
        long_name = ""
        if expected and len(pieces) == expected and _checksum(raw[0:11]) == checksum:
            long_name = "".join(pieces[i] for i in range(1, expected + 1)).split("\0", 1)[0].rstrip("\uffff")
        pieces, expected = {}, 0
        if attributes & ATTR_VOLUME:  # the volume label
            continue
        short = _short_name(raw)
        if not _usable(short):
            continue  # ".", "..", or a name of spaces: nothing a path can name
        if long_name and not _usable(long_name):
            long_name = ""  # a long name ".." or "a/b" would lead a path elsewhere: the short name stands
        hi, = struct.unpack_from("<H", raw, 20)
        lo, = struct.unpack_from("<H", raw, 26)
        size, = struct.unpack_from("<I", raw, 28)
        cluster = (hi << 16 | lo) if fat_type == 32 else lo  # the high half is the OS/2 EA handle on FAT12/16
        entries.append(FatEntry(long_name or short, short, bool(attributes & ATTR_DIR), cluster, size, attributes))
    return entries, False


_ROOT = -1  # the directory cache's key for the root directory


def _spelling(names: dict[str, FatEntry], entry: FatEntry) -> str:
    """The name that leads back to this entry and no other: its long name unless another entry owns
    it, then its short one; "" when both belong to others (a path or a listing must find the same
    file again)."""
    for name in (entry.name, entry.short):
        if names.get(fold(name)) is entry:
            return name
    return ""


def _ends(data: bytes) -> bool:
    """Whether directory bytes hold the end mark (an entry whose first byte is 00)."""
    return any(data[at] == 0 for at in range(0, len(data) - 31, 32))


class FatFiles:
    """Read-only access to the files of one FAT volume at `start` in the image.

    The same reading interface as `imagefs.ExtFiles` (stat, read, text, listdir, exists), with
    case-insensitive paths. Opening reads and checks the boot sector (FatError when it is not one);
    after that a damaged chain or directory reads as absent and its message goes into `problems`."""

    def __init__(self, reader: Readable, start: int, length: int, device: str = ""):
        self.reader = reader
        self.start = start
        self.device = device
        self.boot = parse_boot_sector(reader.read_at(start, 512), length)
        self.problems: list[str] = []
        self._fat: dict[int, bytes] = {}
        self._fat_read = 0  # bytes of FAT read so far (MAX_FAT_BYTES)
        self._dir_read = 0  # bytes of directories read so far (MAX_DIRECTORY_BYTES)
        self._file_read = 0  # bytes of file contents handed out so far (MAX_FILE_BYTES)
        self._dirs: dict[int, dict[str, FatEntry]] = {}
        self._listing: dict[int, list[str]] = {}
        self._directory(_ROOT)  # an unreadable root directory is an unreadable volume

    # -- the FAT --------------------------------------------------------------------------------
    def _fat_bytes(self, offset: int, length: int) -> bytes:
        """`length` bytes of the FAT in use from `offset`, through the chunk cache."""
        if offset < 0 or offset + length > self.boot.fat_bytes:
            raise FatError("a FAT entry lies past the end of the FAT")
        out = b""
        while length > 0:
            chunk, within = divmod(offset, FAT_CHUNK)
            data = self._fat.get(chunk)
            if data is None:
                size = min(FAT_CHUNK, self.boot.fat_bytes - chunk * FAT_CHUNK)
                self._fat_read += size
                if self._fat_read > MAX_FAT_BYTES:
                    raise FatError(f"the FAT chains read need more than {MAX_FAT_BYTES // 2**20} MiB of the FAT: "
                                   "far more than an EFI System Partition's few files")
                data = self.reader.read_at(self.start + self.boot.fat_offset + chunk * FAT_CHUNK, size)
                if len(data) < size:
                    raise FatError("the FAT lies past the end of the image")
                self._fat[chunk] = data
            piece = data[within:within + length]
            if not piece:
                raise FatError("a FAT entry lies past the end of the FAT")
            out += piece
            offset, length = offset + len(piece), length - len(piece)
        return out

    def next_cluster(self, cluster: int) -> int:
        """The FAT's entry for `cluster` (the next cluster, or an end-of-chain value)."""
        kind = self.boot.fat_type
        if kind == 12:
            word = int(struct.unpack("<H", self._fat_bytes(cluster + cluster // 2, 2))[0])
            return word >> 4 if cluster & 1 else word & 0xFFF
        if kind == 16:
            return int(struct.unpack("<H", self._fat_bytes(cluster * 2, 2))[0])
        return int(struct.unpack("<I", self._fat_bytes(cluster * 4, 4))[0]) & 0x0FFFFFFF

    def walk(self, first: int, most: int, what: str) -> Iterator[int]:
        """The clusters of a chain from `first`, at most `most` of them, each FAT entry read only when
        the next cluster is wanted (damage past what a reader needs does not matter, as for a driver).

        FatError when a number is outside the volume, the chain loops, or it names a free or bad
        cluster; the end of chain stops it (the caller checks the length against the file's size)."""
        seen: set[int] = set()
        cluster = first
        while len(seen) < most:
            if not 2 <= cluster <= self.boot.max_cluster:
                raise FatError(f"the FAT chain of {what} names cluster {cluster}, outside the volume "
                               f"(2–{self.boot.max_cluster})")
            if cluster in seen:
                raise FatError(f"the FAT chain of {what} loops (cluster {cluster} twice)")
            seen.add(cluster)
            yield cluster
            if len(seen) == most:
                return
            value = self.next_cluster(cluster)
            if value >= self.boot.end_of_chain:
                return
            if value == self.boot.end_of_chain - 1:
                raise FatError(f"the FAT chain of {what} runs into a bad cluster")
            if value == 0:
                raise FatError(f"the FAT chain of {what} runs into a free cluster")
            cluster = value

    def chain(self, first: int, most: int, what: str) -> list[int]:
        """`walk` as a list: the clusters a file's first `most` clusters are in."""
        return list(self.walk(first, most, what))

    def _cluster(self, cluster: int, what: str) -> bytes:
        size = self.boot.cluster_bytes
        data = self.reader.read_at(self.start + self.boot.data_offset + (cluster - 2) * size, size)
        if len(data) < size:
            raise FatError(f"{what} lies past the end of the image")
        return data

    def _clusters(self, clusters: list[int], what: str) -> bytes:
        """The bytes of these clusters, each run of consecutive ones in one read."""
        out = []
        run_start = 0
        for i in range(1, len(clusters) + 1):
            if i == len(clusters) or clusters[i] != clusters[i - 1] + 1:
                first, count = clusters[run_start], i - run_start
                size = count * self.boot.cluster_bytes
                data = self.reader.read_at(self.start + self.boot.data_offset + (first - 2) * self.boot.cluster_bytes, size)
                if len(data) < size:
                    raise FatError(f"{what} lies past the end of the image")
                out.append(data)
                run_start = i
        return b"".join(out)

    # -- directories ----------------------------------------------------------------------------
    def _directory(self, key: int, what: str = "/") -> dict[str, FatEntry]:
        """Case-folded name → entry (long and short names both); read once per directory."""
        cached = self._dirs.get(key)
        if cached is not None:
            return cached
        # Read piece by piece up to the end mark (an entry starting with 00): a directory's bytes after
        # it are unused, and most directories end in their first cluster.
        limit = MAX_DIR_ENTRIES * 32
        pieces: list[bytes] = []  # joined once: adding to one bytes object copied it every time

        def take(piece: bytes) -> None:
            self._dir_read += len(piece)
            if self._dir_read > MAX_DIRECTORY_BYTES:
                raise FatError(f"the directories read come to more than {MAX_DIRECTORY_BYTES // 2**20} MiB: far "
                               "more than an EFI System Partition holds")
            pieces.append(piece)

        if key == _ROOT and self.boot.fat_type != 32:  # FAT12/16: the fixed root directory after the FATs
            total = self.boot.root_entries * 32
            for at in range(0, total, FAT_CHUNK):
                piece = self.reader.read_at(self.start + self.boot.root_offset + at, min(FAT_CHUNK, total - at))
                take(piece)
                if len(piece) < min(FAT_CHUNK, total - at):
                    raise FatError("the root directory lies past the end of the image")
                if _ends(piece):
                    break
        else:
            first = self.boot.root_cluster if key == _ROOT else key
            most = limit // self.boot.cluster_bytes
            for n, cluster in enumerate(self.walk(first, most + 1, f"the directory {what}")):
                if n == most:
                    raise FatError(f"the directory {what} is longer than {MAX_DIR_ENTRIES} entries")
                piece = self._cluster(cluster, f"the directory {what}")
                take(piece)
                if _ends(piece):
                    break
        entries, _ = parse_directory(b"".join(pieces), self.boot.fat_type)
        # Long names first, then the short ones: a name means the entry whose long name it is, and an
        # 8.3 name another entry's long name took is not that entry's any more (a crafted directory can
        # give the same name twice; a driver shows one of them -- this reader always the same one).
        names: dict[str, FatEntry] = {}
        for entry in entries:
            names.setdefault(fold(entry.name), entry)
        for entry in entries:
            names.setdefault(fold(entry.short), entry)
        self._dirs[key] = names
        self._listing[key] = sorted({spelled for e in entries if (spelled := _spelling(names, e))})
        return names

    def _lookup(self, path: str) -> tuple[str, FatEntry | None]:
        """(the path as the volume spells it, entry); entry None is the root. FatError on damage,
        KeyError when absent, NotADirectoryError when a parent is a file."""
        parts = [p for p in path.split("/") if p and p != "."]
        stack: list[tuple[str, FatEntry]] = []
        for name in parts:
            if name == "..":
                if stack:
                    stack.pop()
                continue
            parent = stack[-1][1] if stack else None
            if parent is not None and not parent.is_dir:
                raise NotADirectoryError(path)
            spelled = "/" + "/".join(n for n, _ in stack)
            names = self._directory(self._key(parent, spelled), spelled)
            entry = names[fold(name)]
            stack.append((_spelling(names, entry) or entry.short, entry))
        return "/" + "/".join(n for n, _ in stack), (stack[-1][1] if stack else None)

    def _key(self, entry: FatEntry | None, what: str) -> int:
        if entry is None:
            return _ROOT
        if entry.cluster == 0:  # only a ".." entry (never kept: paths climb by themselves) holds 0 for the root
            raise FatError(f"the directory {what} starts at cluster 0")
        return entry.cluster

    def _found(self, path: str) -> tuple[str, FatEntry | None] | None:
        try:
            return self._lookup(path)
        except (KeyError, NotADirectoryError):
            return None
        except FatError as exc:
            self._problem(exc)
            return None

    def _problem(self, exc: FatError) -> None:
        if str(exc) not in self.problems:
            self.problems.append(str(exc))

    # -- the ExtFiles interface -----------------------------------------------------------------
    def stat(self, path: str, follow: bool = True) -> FileInfo | None:
        found = self._found(path)
        if found is None:
            return None
        spelled, entry = found
        if entry is None or entry.is_dir:
            return FileInfo(spelled, "dir", 0, 0o755)
        return FileInfo(spelled, "file", entry.size, 0o444 if entry.attributes & ATTR_READ_ONLY else 0o644)

    def read(self, path: str, limit: int = MAX_FILE) -> bytes | None:
        """The first `limit` bytes of a file; None when absent, a directory, or damaged (see `problems`)."""
        found = self._found(path)
        if found is None:
            return None
        spelled, entry = found
        if entry is None or entry.is_dir:
            return None
        wanted = min(limit, entry.size, MAX_FILE)
        if wanted == 0:
            return b""
        needed = -(-wanted // self.boot.cluster_bytes)
        try:
            self._file_read += wanted
            if self._file_read > MAX_FILE_BYTES:
                raise FatError(f"the files read come to more than {MAX_FILE_BYTES // 2**20} MiB: far more than an "
                               "EFI System Partition's configuration (cross-linked folders?)")
            clusters = self.chain(entry.cluster, needed, spelled)
            if len(clusters) < needed:
                raise FatError(f"the FAT chain of {spelled} ends before its {entry.size} bytes")
            data = self._clusters(clusters, spelled)
        except FatError as exc:
            self._problem(exc)
            return None
        return data[:wanted]

    def text(self, path: str, limit: int = MAX_FILE) -> str:
        raw = self.read(path, limit)
        return raw.decode("utf-8", "replace") if raw is not None else ""

    def listdir(self, path: str) -> list[str]:
        """The names in a directory as the volume spells them (long names), sorted; [] when absent."""
        found = self._found(path)
        if found is None:
            return []
        spelled, entry = found
        if entry is not None and not entry.is_dir:
            return []
        try:
            key = self._key(entry, spelled)
            self._directory(key, spelled)
        except FatError as exc:
            self._problem(exc)
            return []
        return list(self._listing[key])

    def exists(self, path: str) -> bool:
        return self.stat(path) is not None
