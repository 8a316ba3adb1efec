"""A local VHD file's identity: size, modification time and a fingerprint of the bytes the VHD check
reads anyway (the partition area at the start and the footer at the end). The check records it, an
upload records which identity it sent (in the project and in the blob's metadata), and the status
evaluator compares the two (issue #32: the checked file is the uploaded file).

Light on purpose: the step list uses it before the first paint.
"""

from __future__ import annotations

import os

from .records import record

HEAD = 64 * 1024  # MBR, GPT header and its partition entries (34 sectors) and the first partition's start
FOOTER = 512  # the VHD footer: its unique id, timestamp and checksum change with every new disk


@record(frozen=True)
class FileIdentity:
    size: int
    mtime_ns: int
    fingerprint: str  # "" when the content could not be read


def fingerprint(path: str) -> str:
    """blake2b-128 of the first 64 KiB and the last 512 bytes (the footer); "" when unreadable."""
    try:
        with open(path, "rb") as f:
            head = f.read(HEAD)
            size = f.seek(0, os.SEEK_END)
            f.seek(max(size - FOOTER, 0))
            tail = f.read(FOOTER)
    except OSError:
        return ""
    import hashlib  # here, not at import: the step list imports this module before the first paint (~3 ms)

    digest = hashlib.blake2b(digest_size=16)
    digest.update(size.to_bytes(8, "little"))
    digest.update(head)
    digest.update(tail)
    return digest.hexdigest()


def file_identity(path: str) -> FileIdentity | None:
    """The file's identity now, or None when it is gone or unreadable."""
    try:
        st = os.stat(path)
    except OSError:
        return None
    return FileIdentity(st.st_size, st.st_mtime_ns, fingerprint(path))


def same_identity(a: tuple[int, int, str], b: tuple[int, int, str]) -> bool:
    """(size, mtime_ns, fingerprint) pairs name the same content; a fingerprint is compared only when
    both sides have one (records written before fingerprints existed)."""
    if a[:2] != b[:2]:
        return False
    return not (a[2] and b[2]) or a[2] == b[2]


def identity_token(size: int, mtime_ns: int, fingerprint: str) -> str:
    """A file identity as one string ("size:mtime_ns:fingerprint"), as test runs and SAS records keep it."""
    return f"{size}:{mtime_ns}:{fingerprint}"


def same_token(a: str, b: str) -> bool:
    """Two identity tokens name the same content (`same_identity`); "" is no identity and matches only ""."""
    if not a or not b:
        return a == b
    pa, pb = a.split(":", 2), b.split(":", 2)
    if len(pa) != 3 or len(pb) != 3:
        return a == b
    try:
        return same_identity((int(pa[0]), int(pa[1]), pa[2]), (int(pb[0]), int(pb[1]), pb[2]))
    except ValueError:
        return a == b
