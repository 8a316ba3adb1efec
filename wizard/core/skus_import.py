"""Read `az vm list-skus -o json` into the VM size catalogue (`mpwizard catalogue import FILE`).

The file is what a publisher fetches with the Azure CLI (Microsoft's documented output of
`az vm list-skus`: a JSON array of resource SKUs, each with `resourceType`, `name`, `family`, `size`,
`locations` and `capabilities` = [{name, value}], the values strings). Capabilities used:
`vCPUs`, `MemoryGB`, `HyperVGenerations` ("V1,V2"), `CpuArchitectureType` ("x64" | "Arm64"),
`TrustedLaunchDisabled` ("True" on sizes without Trusted Launch; learn.microsoft.com/azure/
virtual-machines/trusted-launch, "How can I find VM sizes that support Trusted Launch") and
`ConfidentialComputingType` (present on confidential sizes, e.g. "SNP"; the capability microsoft/lisa
and Azure CAPZ read). Anything else in the file is ignored; an entry that is not a VM size or lacks a
usable value is left out and counted, with the reason. Whatever the file holds, the result is a
catalogue or one clear message -- never a traceback.
"""

from __future__ import annotations

import json
import re
from dataclasses import field
from typing import Any

from .i18n_marks import QT_TRANSLATE_NOOP, TranslatableError
from .records import record
from .vmsizes import CONFIDENTIAL, TRUSTED

MAX_FILE_BYTES = 256 * 1024 * 1024  # az vm list-skus for every region is tens of MiB; more is not its output
MAX_VCPUS = 4096
MAX_MEMORY_GIB = 65536.0
NAME_RE = re.compile(r"[A-Za-z][A-Za-z0-9_-]{0,79}")  # a size name, as validation.VM_SIZE_NAME_RE
FAMILY_RE = re.compile(r"[A-Za-z][A-Za-z0-9_]{0,79}")

E_NOT_JSON = QT_TRANSLATE_NOOP("Core", "{file} is not JSON ({detail}): save the output of `az vm list-skus -o json` unchanged.")
E_NOT_LIST = QT_TRANSLATE_NOOP("Core", "{file} is not the output of `az vm list-skus -o json`: it must be a JSON list of SKUs.")
E_TOO_BIG = QT_TRANSLATE_NOOP("Core", "{file} is larger than {max} MiB: that is not the output of `az vm list-skus`.")
E_NO_SIZES = QT_TRANSLATE_NOOP("Core", "{file} lists no usable virtual machine size ({skipped} entries left out): the "
                                       "catalogue is unchanged.")


class SkusImportError(TranslatableError, ValueError):
    """The file cannot become a catalogue; `template` and `args` say why (for translation)."""

    def __init__(self, template: str, **args: object) -> None:
        super().__init__(template, **args)
        self.args_ = {k: str(v) for k, v in args.items()}


@record
class SkusImport:
    """The catalogue rows read from the file and what was left out (reason → count)."""

    rows: list[dict[str, Any]] = field(default_factory=list)
    skipped: dict[str, int] = field(default_factory=dict)

    def skip(self, reason: str) -> None:
        self.skipped[reason] = self.skipped.get(reason, 0) + 1


CATEGORIES = {"A": "general", "B": "general", "D": "general", "F": "compute", "E": "memory", "M": "memory", "G": "memory",
              "L": "storage", "N": "gpu", "H": "hpc"}


def series_of(family: str) -> str:
    """standardDSv5Family → DSv5; basicAFamily → A (Basic)."""
    core = family
    for prefix, suffix in (("standard", ""), ("basic", " (Basic)")):
        if core.lower().startswith(prefix):
            core = core[len(prefix):]
            if core.lower().endswith("family"):
                core = core[: -len("family")]
            return (core or family) + suffix
    return family


def category_of(series: str) -> str:
    first = series.lstrip("_")[:1].upper()
    return CATEGORIES.get(first, "other")


def _number(text: object, kind: type) -> float | int | None:
    if not isinstance(text, str) or len(text) > 20:
        return None
    try:
        value = kind(text)
    except ValueError:
        return None
    return value if value == value and value not in (float("inf"), float("-inf")) else None  # NaN / inf


def _row(entry: object, result: SkusImport) -> dict[str, Any] | None:
    if not isinstance(entry, dict):
        result.skip("not a JSON object")
        return None
    if entry.get("resourceType") != "virtualMachines":
        result.skip("not a virtual machine size (resourceType)")
        return None
    name, family = entry.get("name"), entry.get("family", "")
    if not isinstance(name, str) or not NAME_RE.fullmatch(name):
        result.skip("no usable size name")
        return None
    if not isinstance(family, str) or (family and not FAMILY_RE.fullmatch(family)):
        family = ""
    caps_list = entry.get("capabilities")
    if not isinstance(caps_list, list):
        result.skip("no capabilities list")
        return None
    caps: dict[str, str] = {}
    for cap in caps_list:
        if isinstance(cap, dict) and isinstance(cap.get("name"), str) and isinstance(cap.get("value"), str):
            caps.setdefault(cap["name"], cap["value"])
    vcpus = _number(caps.get("vCPUs"), int)
    memory = _number(caps.get("MemoryGB"), float)
    if not isinstance(vcpus, int) or not 1 <= vcpus <= MAX_VCPUS or memory is None or not 0 < memory <= MAX_MEMORY_GIB:
        result.skip("no usable vCPUs or MemoryGB")
        return None
    generations = sorted({int(g[1:]) for g in caps.get("HyperVGenerations", "V1").replace(" ", "").split(",")
                          if g in ("V1", "V2")})
    if not generations:
        result.skip("no usable HyperVGenerations")
        return None
    arch_text = caps.get("CpuArchitectureType", "x64").strip().lower()
    if arch_text not in ("x64", "arm64"):
        result.skip("an unknown CpuArchitectureType")
        return None
    security: list[str] = []
    if 2 in generations and arch_text == "x64" and caps.get("TrustedLaunchDisabled", "False").strip().lower() != "true":
        security.append(TRUSTED)
    if caps.get("ConfidentialComputingType", "").strip():
        security.append(CONFIDENTIAL)
    series = series_of(family) if family else name.removeprefix("Standard_").removeprefix("Basic_")
    return {"name": name, "family": family, "series": series, "category": category_of(series), "vcpus": vcpus,
            "memory_gib": float(memory), "generations": generations, "architecture": arch_text, "security_types": security}


def read_list_skus(text: str | bytes, file: str = "the file") -> SkusImport:
    """The catalogue rows of `az vm list-skus -o json` output; SkusImportError when it is not that."""
    if len(text) > MAX_FILE_BYTES:
        raise SkusImportError(E_TOO_BIG, file=file, max=MAX_FILE_BYTES // (1024 * 1024))
    try:
        data = json.loads(text)
    except (ValueError, RecursionError) as exc:  # UnicodeDecodeError is a ValueError
        raise SkusImportError(E_NOT_JSON, file=file, detail=str(exc)[:120]) from None
    if not isinstance(data, list):
        raise SkusImportError(E_NOT_LIST, file=file)
    result = SkusImport()
    seen: set[str] = set()
    for entry in data:
        row = _row(entry, result)
        if row is None:
            continue
        if row["name"] in seen:  # one entry per region in some outputs: the first one stands
            result.skip("listed again (another region)")
            continue
        seen.add(row["name"])
        result.rows.append(row)
    if not result.rows:
        raise SkusImportError(E_NO_SIZES, file=file, skipped=sum(result.skipped.values()))
    result.rows.sort(key=lambda r: (r["category"], r["series"].lower(), r["vcpus"], r["name"]))
    return result


def catalogue_document(result: SkusImport, imported_at: str, file: str) -> dict[str, Any]:
    """The catalogue file the import writes: the bundled file's shape, with where it came from."""
    return {"source": {"sizes": f"az vm list-skus -o json ({file}), imported {imported_at}",
                       "retirement": "resources/vmsize-retirements.json (per family, each with its source)",
                       "imported": imported_at},
            "sizes": result.rows}
