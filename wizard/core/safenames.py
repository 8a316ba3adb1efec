"""File names made from data (check ids, project ids, SKU ids) that cannot leave their folder.

A value from a project file or a VM may hold `/`, `..`, a drive letter, a reserved Windows
name or control characters; `safe_file_name` keeps the readable part and, whenever it had to
change anything, adds a short hash of the original so two different values never share a file.
"""

from __future__ import annotations

import re

_KEEP = re.compile(r"[^A-Za-z0-9._-]+")
_WINDOWS_RESERVED = {"con", "prn", "aux", "nul", *(f"com{i}" for i in range(1, 10)), *(f"lpt{i}" for i in range(1, 10))}
MAX_STEM = 80


def safe_file_name(value: str, fallback: str = "x") -> str:
    """`value` as one harmless file-name component: [A-Za-z0-9._-], no leading dot, no reserved name."""
    cleaned = _KEEP.sub("-", value).strip("-.")[:MAX_STEM] or fallback
    if cleaned.split(".")[0].lower() in _WINDOWS_RESERVED:
        cleaned = "_" + cleaned
    if cleaned != value:
        import hashlib

        cleaned = f"{cleaned}-{hashlib.sha256(value.encode('utf-8', 'surrogatepass')).hexdigest()[:8]}"
    return cleaned


def is_inside(rel: str) -> bool:
    """True when the relative path `rel` (a zip entry, a bundle file) stays inside its folder."""
    if not rel or rel.startswith(("/", "\\")) or re.match(r"^[A-Za-z]:", rel):
        return False
    return all(part not in ("", ".", "..") for part in re.split(r"[/\\]", rel))
