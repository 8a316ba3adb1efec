"""Crafted disk images for the image readers' budgets (issue #29), made without mounting.

A root folder goes into `mkfs.ext4 -d`; the file system image is then patched in place where a hostile
image would differ (`debugfs -R imap/bmap` says where an inode or a block is; `struct` writes the bytes);
`raw_disk` puts it behind an MBR (`sfdisk`) or a hand-written GPT (CRCs computed as the UEFI
specification says). The pre-flight reads raw disks as well as fixed VHDs.

`bounded` runs a call in a forked child with an address-space limit and a wall-clock limit, so a
payload that hangs or eats memory fails the test instead of the machine.
"""

from __future__ import annotations

import multiprocessing
import os
import re
import resource
import shutil
import struct
import subprocess
import time
import uuid
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

MIB = 1024 * 1024
EXTENT_MAGIC = 0xF30A
LINUX_FS = "0FC63DAF-8483-4772-8E79-3D69D8477DE4"


def need(*binaries: str) -> None:
    for binary in binaries:
        if not shutil.which(binary):
            pytest.fail(f"{binary} is missing: run the tests through scripts/test (e2fsprogs, fdisk)")


def ext_image(root: Path, out: Path, size_mib: int = 32, *options: str) -> Path:
    need("mkfs.ext4", "debugfs")
    with open(out, "wb") as fh:
        fh.truncate(size_mib * MIB)
    done = subprocess.run(["mkfs.ext4", "-q", "-F", *options, "-d", str(root), str(out)], capture_output=True, text=True)
    if done.returncode:
        raise RuntimeError(done.stderr)
    return out


def debugfs(image: Path, request: str, write: bool = False) -> str:
    done = subprocess.run(["debugfs", *(["-w"] if write else []), "-R", request, str(image)], capture_output=True,
                          text=True)
    return done.stdout


def block_size(image: Path) -> int:
    with open(image, "rb") as fh:
        fh.seek(1024 + 24)
        log, = struct.unpack("<I", fh.read(4))
    return 1024 << log


def inode_at(image: Path, path: str) -> int:
    """The byte offset of `path`'s inode in the file system image."""
    out = debugfs(image, f"imap {path}")
    m = re.search(r"located at block (\d+), offset 0x([0-9a-f]+)", out)
    assert m, out
    return int(m.group(1)) * block_size(image) + int(m.group(2), 16)


def first_block(image: Path, path: str) -> int:
    out = debugfs(image, f"bmap {path} 0").strip()
    assert out.isdigit(), out
    return int(out)


def patch(image: Path, offset: int, data: bytes) -> None:
    with open(image, "r+b") as fh:
        fh.seek(offset)
        fh.write(data)


def extent_header(entries: int, depth: int, most: int = 4) -> bytes:
    return struct.pack("<HHHHI", EXTENT_MAGIC, entries, most, depth, 0)


def extent_index(logical: int, block: int) -> bytes:
    return struct.pack("<IIHH", logical, block & 0xFFFFFFFF, block >> 32, 0)


def self_looping_extents(image: Path, path: str) -> None:
    """`path`'s extent tree: an index in the inode to a block whose index points to that block again."""
    block = first_block(image, path)
    patch(image, inode_at(image, path) + 0x28, extent_header(1, 1) + extent_index(0, block))
    patch(image, block * block_size(image), extent_header(1, 1, 340) + extent_index(0, block))


def claims_65535_extents(image: Path, path: str) -> None:
    """`path`'s extent header in the inode claims 65535 entries (its i_block holds room for 4)."""
    patch(image, inode_at(image, path) + 0x28, extent_header(65535, 0, 65535))


def sparse_directory(image: Path, path: str, size: int) -> None:
    """`path` (a directory) says it is `size` bytes long: past its one block, holes read as zeros."""
    at = inode_at(image, path)
    patch(image, at + 4, struct.pack("<I", size & 0xFFFFFFFF))
    patch(image, at + 0x6C, struct.pack("<I", size >> 32))


def raw_disk(part: Path, out: Path, copies: int = 1) -> Path:
    """A raw disk holding `part` at sector 2048: an MBR from sfdisk (`copies` 1), or a GPT of `copies`
    entries all naming that same partition (overlapping entries, valid CRCs)."""
    size = 2 * MIB + os.path.getsize(part) + MIB
    with open(out, "wb") as fh:
        fh.truncate(size)
    if copies == 1:
        need("sfdisk")
        subprocess.run(["sfdisk", "-q", str(out)], input="label: dos\nstart=2048, type=83\n", text=True, check=True,
                       capture_output=True)
    else:
        write_gpt(out, size, [(2048, 2048 + os.path.getsize(part) // 512 - 1)] * copies)
    with open(part, "rb") as src, open(out, "r+b") as dst:
        dst.seek(MIB)
        shutil.copyfileobj(src, dst, MIB)
    return out


def _guid_bytes(text: str) -> bytes:
    return uuid.UUID(text).bytes_le


def gpt_bytes(disk_bytes: int, spans: list[tuple[int, int]], entries: int = 0) -> tuple[bytes, bytes, bytes]:
    """(protective MBR, primary header sector, entry array) for partitions `spans` (first, last LBA)."""
    count = max(entries or 128, len(spans))
    array = bytearray(count * 128)
    for i, (first, last) in enumerate(spans):
        struct.pack_into("<16s16sQQQ", array, i * 128, _guid_bytes(LINUX_FS), uuid.uuid4().bytes_le, first, last, 0)
    last_lba = disk_bytes // 512 - 1
    array_sectors = -(-len(array) // 512)

    def header(my: int, other: int, entries_at: int) -> bytes:
        raw = bytearray(struct.pack("<8sIII4xQQQQ16sQIII", b"EFI PART", 0x10000, 92, 0, my, other, 2 + array_sectors,
                                    last_lba - array_sectors - 1, uuid.uuid4().bytes_le, entries_at, count, 128,
                                    zlib.crc32(bytes(array))))
        struct.pack_into("<I", raw, 16, zlib.crc32(bytes(raw)))
        return bytes(raw) + bytes(512 - len(raw))

    mbr = bytearray(512)
    struct.pack_into("<B3xB3xII", mbr, 446, 0, 0xEE, 1, min(last_lba, 0xFFFFFFFF))
    mbr[510:512] = b"\x55\xaa"
    primary = header(1, last_lba, 2)
    backup = header(last_lba, 1, last_lba - array_sectors)
    return bytes(mbr), primary + bytes(array), backup


def write_gpt(out: Path, disk_bytes: int, spans: list[tuple[int, int]]) -> None:
    mbr, primary, backup = gpt_bytes(disk_bytes, spans, entries=max(128, len(spans)))
    array = primary[512:]
    with open(out, "r+b") as fh:
        fh.write(mbr + primary)
        last = disk_bytes // 512 - 1
        fh.seek((last - len(array) // 512) * 512)
        fh.write(array)
        fh.seek(last * 512)
        fh.write(backup)


def _run_child(conn: Any, fn: Callable[[], Any], memory: int) -> None:  # pragma: no cover - the child
    with open("/proc/self/statm") as fh:
        mapped = int(fh.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    resource.setrlimit(resource.RLIMIT_AS, (mapped + memory, mapped + memory))
    try:
        conn.send(("ok", fn()))
    except BaseException as exc:  # noqa: BLE001 - reported to the test
        conn.send(("error", f"{type(exc).__name__}: {exc}"))


def bounded(fn: Callable[[], Any], seconds: float, memory: int = 1536 * MIB) -> tuple[Any, float]:
    """fn() in a forked child with at most `memory` more address space and `seconds` of wall clock:
    (its result, seconds taken); the test fails when it does not finish or raises."""
    context = multiprocessing.get_context("fork")
    receive, send = context.Pipe(duplex=False)
    child = context.Process(target=_run_child, args=(send, fn, memory))
    started = time.monotonic()
    child.start()
    send.close()
    try:
        if not receive.poll(seconds):
            pytest.fail(f"did not finish within {seconds} s (hang or runaway read)")
        kind, value = receive.recv()
    except EOFError:
        pytest.fail(f"the child died (exit code {child.exitcode}): out of its {memory // MIB} MiB?")
    finally:
        if child.is_alive():
            child.kill()
        child.join(5)
    if kind != "ok":
        pytest.fail(f"raised {value}")
    return value, time.monotonic() - started
