"""A plan's operating system as Partner Center names it, and whether it is past its end of support.

`operating_system_type` gives `operatingSystem.type` for the schema version the export sends
(`export.formats.PC_SCHEMA`): only the values that version's enum holds (read from the bundled schema,
`resources/schemas/partner-center-technical-configuration.schema.json`), else `other` -- and says when a
known release has no value of its own there (Windows Server 2025 in 2022-03-01-preview3), so the
publisher reads why. Azure Linux is CBL-Mariner's name since 2023: a schema without `azureLinux` takes
`cblMariner` for it. `end_of_life` reads `resources/os-end-of-life.json` (each release with its source).
Qt-free, no regular expression that can backtrack.
"""

from __future__ import annotations

import json
import re
from datetime import date
from functools import cache

from .model import OS_WINDOWS, Sku
from .records import record
from .resources import resource_path

SCHEMA_FILE = ("schemas", "partner-center-technical-configuration.schema.json")
EOL_FILE = "os-end-of-life.json"
OTHER = "other"
_VERSION = re.compile(r"\d{1,4}(?:\.\d{1,4}){0,3}", re.ASCII)

# (words in the name, the values to try in order: the first the schema knows is taken). Spelled as the
# schema spells them (REFERENCE.md §9); the newer name first where Microsoft renamed a product.
LINUX_RULES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("azure linux", ("azureLinux", "cblMariner")), ("mariner", ("cblMariner",)), ("ubuntu", ("ubuntu",)),
    ("red hat", ("redHat",)), ("rhel", ("redHat",)), ("centos", ("centos",)), ("debian", ("debian",)),
    ("suse", ("suse",)), ("sles", ("suse",)), ("oracle", ("oracleLinux",)), ("solaris", ("openSolaris",)),
)
WINDOWS_RELEASES: tuple[tuple[str, tuple[str, ...]], ...] = (
    # (the words after "windows server", values): the version is read from the Windows Server part only, so
    # "SQL Server 2019 on Windows Server 2022" is Windows Server 2022.
    ("2025 datacenter: azure edition", ("windowsServer2025DatacenterAzureEdition", "windowsServer2025")),
    ("2025", ("windowsServer2025",)),
    ("2022 datacenter: azure edition", ("windowsServer2022DatacenterAzureEdition",)), ("2022", ("windowsServer2022",)),
    ("2019", ("windowsServer2019",)), ("2016", ("windowsServer2016",)),
    ("2012 r2 datacenter", ("windowsServer2012R2Datacenter",)), ("2012 r2", ("windowsServer2012R2",)),
    ("2012", ("windowsServer2012",)), ("2008 r2", ("windowsServer2008R2",)),
    ("version 20h2", ("windowsServerVersion20H2",)), ("20h2", ("windowsServerVersion20H2",)),
    ("version 2004", ("windowsServerVersion2004",)), ("2004", ("windowsServerVersion2004",)),
)


@record(frozen=True)
class OsType:
    """The value the export sends, and the release it could not name (for the note), if any."""

    value: str
    unnamed: str = ""  # e.g. "Windows Server 2025": known, but the schema version has no value for it


@cache
def schema_values(family: str) -> frozenset[str]:
    """The operatingSystem.type values the bundled schema allows for a family (linux | windows)."""
    schema = json.loads(resource_path(*SCHEMA_FILE).read_text(encoding="utf-8"))
    for rule in schema["properties"]["operatingSystem"]["allOf"]:
        if rule["if"]["properties"]["family"]["const"] == family:
            return frozenset(rule["then"]["properties"]["type"]["enum"])
    return frozenset({OTHER})


def _name(sku: Sku) -> str:
    return " ".join(f"{sku.os_friendly_name} {sku.base_image}".lower().split())[:400]


def _windows_part(name: str) -> str:
    """What follows "windows server" (else "windows"; else the whole name), without an edition word before
    the version ("Windows Server Datacenter 2012 R2")."""
    words = "windows server" if "windows server" in name else "windows"
    at = name.find(words)
    rest = name[at + len(words):].strip() if at >= 0 else name
    for edition in ("datacenter ", "standard "):
        if rest.startswith(edition) and rest[len(edition):][:1].isdigit():
            rest = rest[len(edition):]
    return rest


def operating_system_type(sku: Sku) -> OsType:
    family = "windows" if sku.os_family == OS_WINDOWS else "linux"
    known = schema_values(family)
    name = _name(sku)
    if family == "windows":
        part = _windows_part(name)
        for words, values in WINDOWS_RELEASES:
            if part.startswith(words) or (words[0].isalpha() and words in part):
                taken = next((v for v in values if v in known), "")
                return OsType(taken) if taken else OsType(OTHER, f"Windows Server {words.split()[0].upper()}")
        return OsType(OTHER)
    for words, values in LINUX_RULES:
        if words in name:
            taken = next((v for v in values if v in known), "")
            return OsType(taken) if taken else OsType(OTHER, words.title())
    return OsType(OTHER)


@record(frozen=True)
class EndOfLife:
    """A release past (or at) its end of standard support: its name, the date and where that is said."""

    name: str
    end: str
    source: str


@cache
def _releases() -> tuple[dict[str, str], ...]:
    data = json.loads(resource_path(EOL_FILE).read_text(encoding="utf-8"))
    return tuple(data["releases"])


def _version_after(name: str, words: str) -> str:
    """The first version-like token after `words` in `name` ("" when none)."""
    at = name.find(words)
    if at < 0:
        return ""
    m = _VERSION.search(name, at + len(words))
    return m.group(0) if m else ""


def release_of(sku: Sku) -> dict[str, str] | None:
    """The end-of-life file's entry for the plan's operating system, or None."""
    name = _name(sku)
    for entry in _releases():
        token = _version_after(name, entry["distro"])
        if token and (token == entry["version"] or token.startswith(entry["version"] + ".")):
            return entry
    return None


def end_of_life(sku: Sku, today: date | None = None) -> EndOfLife | None:
    """The plan's operating system when it is past its end of standard support on `today`; None otherwise."""
    entry = release_of(sku)
    if entry is None or entry["end"] > (today or date.today()).isoformat():
        return None
    return EndOfLife(entry["name"], entry["end"], entry["source"])
