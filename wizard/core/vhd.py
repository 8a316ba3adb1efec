"""Read what a VHD file (or page blob) is, from its footer and headers only.

The disk body is never read, apart from the first MiB when a rule needs to know
whether it is empty. Allocated bytes come from SEEK_DATA/SEEK_HOLE, so a 1 TiB
sparse disk costs the same few reads as a 1 GiB one.
Layout facts: Microsoft VHD spec v1.0 (REFERENCE.md §2).
"""

from __future__ import annotations

import errno
import os
import stat
import struct
from dataclasses import field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Protocol

from .partitions import PartitionTable, read_partition_table
from .records import record

FOOTER_SIZE = 512
OLD_FOOTER_SIZE = 511
COOKIE = b"conectix"
DYNAMIC_COOKIE = b"cxsparse"
VHDX_SIGNATURE = b"vhdxfile"
MIB = 1024 * 1024
GIB = 1024 * MIB
DISK_TYPES = {2: "fixed", 3: "dynamic", 4: "differencing"}
VHD_EPOCH = datetime(2000, 1, 1, tzinfo=UTC)
_FOOTER = struct.Struct(">8sIIQI4sI4sQQHBBII16sB")


class ByteSource(Protocol):
    """Random access to a disk image: a local file or a blob."""

    name: str

    def size(self) -> int: ...
    def read(self, offset: int, length: int) -> bytes: ...
    def allocated_bytes(self) -> int | None: ...


class NotARegularFile(OSError):
    """A FIFO, device, socket or folder was given where a VHD file belongs."""

    def __str__(self) -> str:
        return str(self.strerror)


def open_regular(path: str | os.PathLike[str]) -> int:
    """Open `path` read-only and return the descriptor, refusing anything but a regular file. The
    open itself does not block (O_NONBLOCK): opening a FIFO for reading would wait for a writer forever."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    fd = os.open(path, flags)
    st = os.fstat(fd)
    if not stat.S_ISREG(st.st_mode):
        os.close(fd)
        kind = ("a FIFO (named pipe)" if stat.S_ISFIFO(st.st_mode) else "a folder" if stat.S_ISDIR(st.st_mode)
                else "a device" if stat.S_ISCHR(st.st_mode) or stat.S_ISBLK(st.st_mode) else "not a regular file")
        raise NotARegularFile(errno.EINVAL, f"{path} is {kind}, not a VHD file: choose the .vhd file itself")
    if hasattr(os, "set_blocking"):
        os.set_blocking(fd, True)
    return fd


class FileSource:
    def __init__(self, path: str | os.PathLike[str]):
        self.path = Path(path)
        self.name = str(path)
        self._fh = os.fdopen(open_regular(self.path), "rb")  # raises OSError for the caller to report
        self._size = os.fstat(self._fh.fileno()).st_size

    def size(self) -> int:
        return self._size

    def read(self, offset: int, length: int) -> bytes:
        self._fh.seek(offset)
        return self._fh.read(length)

    def allocated_bytes(self) -> int | None:
        return allocated_extent_bytes(self._fh.fileno(), self._size)

    def close(self) -> None:
        self._fh.close()

    def __enter__(self) -> FileSource:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def data_extents(fd: int, size: int) -> list[tuple[int, int]] | None:
    """(start, end) of every data extent via SEEK_DATA/SEEK_HOLE; None where unsupported."""
    if not hasattr(os, "SEEK_DATA"):
        return None if size else []
    extents = []
    pos = 0
    try:
        while pos < size:
            try:
                start = os.lseek(fd, pos, os.SEEK_DATA)
            except OSError as exc:
                if exc.errno == 6:  # ENXIO: no data after pos
                    break
                raise
            end = os.lseek(fd, start, os.SEEK_HOLE)
            extents.append((start, min(end, size)))
            pos = end
    except OSError:
        return None
    return extents


def allocated_extent_bytes(fd: int, size: int) -> int | None:
    extents = data_extents(fd, size)
    return None if extents is None else sum(end - start for start, end in extents)


@record
class VhdFooter:
    cookie: bytes
    features: int
    format_version: int
    data_offset: int
    timestamp: int
    creator_app: str
    creator_version: int
    creator_host: str
    original_size: int
    current_size: int
    cylinders: int
    heads: int
    sectors: int
    disk_type: int
    checksum: int
    computed_checksum: int
    unique_id: str
    saved_state: int

    @property
    def checksum_ok(self) -> bool:
        return self.checksum == self.computed_checksum

    @property
    def created(self) -> datetime:
        return VHD_EPOCH + timedelta(seconds=self.timestamp)

    @property
    def disk_type_name(self) -> str | None:
        return DISK_TYPES.get(self.disk_type)


def vhd_checksum(footer: bytes) -> int:
    """One's complement of the byte sum with the checksum field (64..67) taken as zero."""
    total = sum(footer[:64]) + sum(footer[68:])
    return (~total) & 0xFFFFFFFF


def parse_footer(raw: bytes) -> VhdFooter:
    """Parse a 512-byte (or old 511-byte) footer; fields are big-endian."""
    block = raw.ljust(FOOTER_SIZE, b"\0")[:FOOTER_SIZE]
    (cookie, features, version, data_offset, timestamp, app, app_ver, host, orig, current,
     cyl, heads, sectors, dtype, checksum, uid, saved) = _FOOTER.unpack_from(block)
    return VhdFooter(
        cookie=cookie, features=features, format_version=version, data_offset=data_offset, timestamp=timestamp,
        creator_app=app.decode("latin-1"), creator_version=app_ver, creator_host=host.decode("latin-1"),
        original_size=orig, current_size=current, cylinders=cyl, heads=heads, sectors=sectors, disk_type=dtype,
        checksum=checksum, computed_checksum=vhd_checksum(block), unique_id=uid.hex(), saved_state=saved,
    )


@record
class VhdInfo:
    target: str
    format: str  # vhd | vhdx | raw | unknown
    file_size: int
    disk_type: str | None = None
    virtual_size: int = 0
    allocated_bytes: int | None = None
    footer: VhdFooter | None = None
    footer_size: int = FOOTER_SIZE  # 511 for pre-2004 Virtual PC files
    dynamic_header_ok: bool | None = None  # cxsparse header found (dynamic/differencing)
    truncated: bool = False
    empty: bool = False
    partition_table: PartitionTable | None = None  # only when asked for (fixed disks)
    notes: list[str] = field(default_factory=list)


def _is_footer(block: bytes) -> bool:
    return block[:8] == COOKIE


def inspect(source: ByteSource, read_partitions: bool = False) -> VhdInfo:
    """Identify the image and read its footer; at most three small reads (plus the partition table if asked)."""
    size = source.size()
    info = VhdInfo(target=source.name, format="unknown", file_size=size)
    if size == 0:
        info.empty = True
        return info
    head = source.read(0, min(size, FOOTER_SIZE))
    if head[:8] == VHDX_SIGNATURE:
        info.format = "vhdx"
        info.allocated_bytes = source.allocated_bytes()
        return info
    # The last 512 bytes hold the footer, or (pre-2004 Virtual PC) the last 511 do.
    tail = source.read(max(0, size - FOOTER_SIZE), FOOTER_SIZE)
    if len(tail) == FOOTER_SIZE and _is_footer(tail):
        footer_raw, info.footer_size = tail, FOOTER_SIZE
    elif len(tail) >= OLD_FOOTER_SIZE and _is_footer(tail[-OLD_FOOTER_SIZE:]):
        footer_raw, info.footer_size = tail[-OLD_FOOTER_SIZE:], OLD_FOOTER_SIZE
    elif _is_footer(head):
        # A footer copy at the start but none at the end: a dynamic disk cut short.
        footer_raw, info.footer_size = head, FOOTER_SIZE
        info.truncated = True
    else:
        info.format = "raw" if size % 512 == 0 else "unknown"
        info.virtual_size = size if info.format == "raw" else 0
        info.truncated = size < FOOTER_SIZE
        info.allocated_bytes = source.allocated_bytes()
        return info
    info.format = "vhd"
    footer = parse_footer(footer_raw)
    info.footer = footer
    info.disk_type = footer.disk_type_name
    info.virtual_size = footer.current_size
    info.allocated_bytes = source.allocated_bytes()
    if info.disk_type in ("dynamic", "differencing"):
        offset = footer.data_offset
        if 0 < offset <= size - 1024:
            info.dynamic_header_ok = source.read(offset, 8) == DYNAMIC_COOKIE
        else:
            info.dynamic_header_ok = False
    elif info.disk_type == "fixed" and not info.truncated and size < footer.current_size + info.footer_size:
        info.truncated = True
    if read_partitions and info.disk_type == "fixed" and not info.truncated:
        info.partition_table = read_partition_table(source, footer.current_size)
    return info


def inspect_file(path: str | os.PathLike[str], read_partitions: bool = False) -> VhdInfo:
    with FileSource(path) as source:
        return inspect(source, read_partitions)


def write_fixed_vhd(path: str | os.PathLike[str], virtual_size: int) -> None:
    """Make a sparse fixed VHD (zeros + footer): used by `--smoke`, where no qemu-img exists.

    Tests use qemu-img, an independent producer, to make their VHDs.
    """
    import uuid

    cylinders, heads, sectors = _chs(virtual_size)
    footer = bytearray(_FOOTER.pack(
        COOKIE, 2, 0x00010000, 0xFFFFFFFFFFFFFFFF,
        int((datetime.now(UTC) - VHD_EPOCH).total_seconds()), b"mpwz", 0x00010000, b"Wi2k",
        virtual_size, virtual_size, cylinders, heads, sectors, 2, 0, uuid.uuid4().bytes, 0,
    ).ljust(FOOTER_SIZE, b"\0"))
    footer[64:68] = struct.pack(">I", vhd_checksum(bytes(footer)))
    with open(path, "wb") as fh:
        fh.truncate(virtual_size)
        fh.seek(virtual_size)
        fh.write(footer)


def _chs(size: int) -> tuple[int, int, int]:
    """CHS geometry from the VHD specification's algorithm."""
    total = min(size // 512, 65535 * 16 * 255)
    if total >= 65535 * 16 * 63:
        sectors, heads = 255, 16
        cyl_heads = total // sectors
    else:
        sectors = 17
        cyl_heads = total // sectors
        heads = max((cyl_heads + 1023) // 1024, 4)
        if cyl_heads >= heads * 1024 or heads > 16:
            sectors, heads, cyl_heads = 31, 16, total // 31
        if cyl_heads >= heads * 1024:
            sectors, heads, cyl_heads = 63, 16, total // 63
    return min(cyl_heads // heads, 65535), heads, sectors
