"""Property tests (issue #29): the partition table and ext readers fed real images with random damage.

The images are real (`mkfs.ext4 -d` of the good test root, `sfdisk` GPT tables); Hypothesis changes bytes
where a reader looks — the superblock, group descriptors, the inodes and first blocks of /, /etc and the
files the pre-flight reads, the GPT headers and entries — and the readers must answer with what they
found or an ImageError naming the damage, within the run's deadline: never another exception, never a hang.
"""

from __future__ import annotations

import shutil
import subprocess
import time

import pytest
from hostile_images import MIB, ext_image, first_block, inode_at, raw_disk
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from image_roots import tree

from wizard.core.imagefs import ImageError, Limits
from wizard.core.partitions import read_partition_table
from wizard.core.preflight import gather

HOT_FILES = ("/", "/etc", "/etc/fstab", "/etc/passwd", "/etc/os-release", "/boot/grub/grub.cfg", "/var/lib/dpkg/status")
LIMITS = Limits(seconds=5.0)


@pytest.fixture(scope="module")
def ext_disk(tmp_path_factory):
    """(disk path, pristine bytes, hot regions as (offset, length) in the disk)."""
    base = tmp_path_factory.mktemp("props")
    part = ext_image(tree("good", base / "root").root, base / "p.img", 12)
    regions = [(1024, 1024), (2048, 8192)]  # the superblock; the group descriptors and what follows
    for path in HOT_FILES:
        regions.append((inode_at(part, path), 256))
        if path not in ("/",):
            try:
                regions.append((first_block(part, path) * 1024, 1024))
            except AssertionError:
                pass
    disk = raw_disk(part, base / "d.raw")
    pristine = disk.read_bytes()
    return disk, pristine, [(MIB + at, length) for at, length in regions]


DAMAGE = st.lists(st.tuples(st.integers(0, 10_000), st.integers(0, 1 << 20), st.integers(0, 255)), min_size=1,
                  max_size=24)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(DAMAGE)
def test_any_damaged_ext_image_reads_or_is_refused_within_the_deadline(ext_disk, damage):
    disk, pristine, regions = ext_disk
    with open(disk, "r+b") as fh:
        for which, within, value in damage:
            at, length = regions[which % len(regions)]
            fh.seek(at + within % length)
            fh.write(bytes([value]))
    try:
        started = time.monotonic()
        try:
            got = gather(str(disk), len(pristine), LIMITS)
        except ImageError as exc:
            event(f"refused: {str(exc)[:40]}")
        else:
            event("read")
            assert all(isinstance(v, str) for v in got.evidence.values())
            assert got.bytes_read <= LIMITS.bytes
        assert time.monotonic() - started < LIMITS.seconds + 2
    finally:
        with open(disk, "r+b") as fh:
            for at, length in regions:
                fh.seek(at)
                fh.write(pristine[at:at + length])


class Bytes:
    def __init__(self, data: bytes):
        self.data = data
        self.spans: list[tuple[int, int]] = []

    def __repr__(self) -> str:
        return f"<{len(self.data)} bytes>"

    def read(self, offset: int, length: int) -> bytes:
        return self.data[offset:offset + length]


@pytest.fixture(scope="module")
def gpt_disk(tmp_path_factory):
    if not shutil.which("sfdisk"):
        pytest.fail("sfdisk is missing: run the tests through scripts/test")
    path = tmp_path_factory.mktemp("gpt") / "gpt.raw"
    with open(path, "wb") as fh:
        fh.truncate(4 * MIB)
    subprocess.run(["sfdisk", "-q", str(path)], input="label: gpt\nstart=2048, size=2048, type=U\nstart=4096, type=L\n",
                   text=True, check=True, capture_output=True)
    disk = Bytes(path.read_bytes())  # a short repr: Hypothesis prints it with a failing case
    disk.spans = [(p.start, p.sectors) for p in read_partition_table(disk, len(disk.data)).partitions]
    assert disk.spans[0] == (2048, 2048) and len(disk.spans) == 2
    return disk


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.booleans(), st.integers(0, 34 * 512 - 1), st.integers(0, 255)), min_size=1, max_size=16))
def test_any_damaged_gpt_gives_a_table_or_a_reason(gpt_disk, damage):
    data = bytearray(gpt_disk.data)
    for backup, at, value in damage:  # the primary (sectors 0-33) or the backup (the last 33 sectors)
        data[(len(data) - 33 * 512 + at % (33 * 512)) if backup else at] = value
    table = read_partition_table(Bytes(bytes(data)), len(data))
    assert table.scheme in ("mbr", "gpt", "none", "unreadable")
    assert (table.scheme == "unreadable") == bool(table.problem)
    if table.scheme == "gpt":  # whichever copy was read, its CRCs held: the table is the one sfdisk wrote
        assert [(p.start, p.sectors) for p in table.partitions] == gpt_disk.spans
