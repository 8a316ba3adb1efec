"""Byte counts as a person reads them, the same in every language and in the CLI and the GUI."""

from __future__ import annotations


def readable_size(count: int) -> str:
    """Bytes as a person reads them: "512 B", "3.0 KiB", "2.00 GiB" (binary units, as the disk sizes; the same in
    both languages)."""
    if count < 1024:
        return f"{count} B"
    for unit, scale, digits in (("GiB", 2**30, 2), ("MiB", 2**20, 1), ("KiB", 2**10, 1)):
        if count >= scale:
            return f"{count / scale:.{digits}f} {unit}"
    raise AssertionError(count)  # pragma: no cover - 1024 and up is KiB at least
