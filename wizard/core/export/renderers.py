"""The export formats: one renderer per format, each value quoted or escaped for where it lands
(HTML, CSV, Markdown, bash, PowerShell). Exports hold no time stamp: the same project exports
byte for byte the same.
"""

from __future__ import annotations

import csv
import html
import io
import json
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime

from ... import __version__
from ..model import OS_WINDOWS, Project, Sku
from ..shellquote import Var, Word, bash_word, comment_text, ps_word
from ..validation import VERSION_RE, VM_SIZE_NAME_RE
from .formats import FORMATS
from .forms import FormField, partner_center_json, portal_form
from .readiness import ReadinessItem, readiness
from .tokens import ExportTokens


# -- rendering --------------------------------------------------------------------------------
@dataclass
class SkuExport:
    sku: Sku
    form: list[FormField]
    items: list[ReadinessItem]
    sas_uris: dict[int, str | None] = field(default_factory=dict)
    published_uris: dict[str, str | None] = field(default_factory=dict)

    @property
    def missing(self) -> list[str]:
        return [i.text for i in self.items if not i.ok]


def prepare(project: Project, tokens: ExportTokens | Mapping[str, Mapping[int, str | None]], sku_id: str | None = None,
            now: datetime | None = None) -> list[SkuExport]:
    """Every SKU's form and readiness with the SAS URIs in `tokens` (or a plain per-SKU map of them)."""
    if not isinstance(tokens, ExportTokens):
        tokens = ExportTokens({k: dict(v) for k, v in tokens.items()}, {})
    out = []
    for sku in project.skus:
        if sku_id is not None and sku.sku_id != sku_id:
            continue
        uris = dict(tokens.sas.get(sku.sku_id, {}))
        published = {url: tokens.published.get(url) for v in sku.image_versions
                     for url in [v.os_blob_url, *(d.blob_url for d in v.data_disks)] if url}
        out.append(SkuExport(sku, portal_form(project, sku, uris), readiness(project, sku, uris, now=now, published=published),
                             uris, published))
    return out


def _e(text: str) -> str:
    return html.escape(text, quote=True)


def render_portal_html(project: Project, exports: list[SkuExport]) -> str:
    parts = ["<!DOCTYPE html>", '<html lang="en"><head><meta charset="utf-8">',
             f"<title>{_e(project.offer.offer_name or project.offer.offer_id)} — SKU form</title>",
             "<style>body{font-family:sans-serif;font-size:10pt;margin:1.5em;color:#111}table{border-collapse:collapse;"
             "width:100%;margin:.5em 0 1.5em}th,td{border:1px solid #999;padding:4px 6px;text-align:left;vertical-align:top}"
             "th{background:#eee;width:28%}td{word-break:break-all}.missing{color:#b00020;font-weight:bold}.ok{color:#1b7f3b}"
             "@media print{section{page-break-after:always}}</style></head><body>",
             f"<h1>{_e(project.offer.offer_name or project.offer.offer_id)}: SKU form</h1>",
             f"<p>Publisher namespace {_e(project.offer.publisher_namespace)} · made by mpwizard {_e(__version__)} · "
             "paste each value into the publishing portal field of the same name, in this order.</p>"]
    for export in exports:
        sku = export.sku
        parts.append(f"<section><h2>SKU {_e(sku.sku_id)} — {_e(sku.version)}</h2>")
        if export.missing:
            parts.append('<p class="missing">Not ready: ' + str(len(export.missing)) + " item(s) missing</p><ul>"
                         + "".join(f'<li class="missing">{_e(m)}</li>' for m in export.missing) + "</ul>")
        else:
            parts.append('<p class="ok">Ready: every readiness item is met.</p>')
        rows = []
        for f in export.form:
            value = _e(f.value) if f.value else ""
            note = f'<br><span class="missing">{_e(f.missing)}</span>' if f.missing else ""
            rows.append(f"<tr><th>{_e(f.label)}</th><td>{value}{note}</td></tr>")
        parts.append("<table>" + "".join(rows) + "</table></section>")
    parts.append("</body></html>")
    return "\n".join(parts) + "\n"


# A spreadsheet runs a cell that starts with one of these as a formula (OWASP "CSV injection"):
# such a cell gets a leading apostrophe, which spreadsheets show as text and do not display.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\uff1d", "\uff0b", "\uff0d", "\uff20")


def csv_cell(value: object) -> str:
    text = str(value)
    return "'" + text if text.startswith(_FORMULA_START) else text


def render_portal_csv(exports: list[SkuExport]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["sku_id", "order", "field", "value", "missing"])
    for export in exports:
        for n, f in enumerate(export.form, 1):
            writer.writerow([csv_cell(c) for c in (export.sku.sku_id, n, f.label, f.value, f.missing)])
        for item in export.items:
            if not item.ok:
                writer.writerow([csv_cell(c) for c in (export.sku.sku_id, "", "Readiness", "", item.text)])
    return buffer.getvalue()


_MD_INLINE = re.compile(r"([\\`*_\[\]|~])")  # what starts inline markup (links, emphasis, code, cells)
_MD_BLOCK_START = re.compile(r"^(\s*)([#>+=-]|\d+(?=[.)]))")  # what would open a block at the start of a list item


def _md(text: str) -> str:
    """Text for a Markdown line or table cell: no raw HTML, no markup, no line break, no cell break."""
    return _MD_INLINE.sub(r"\\\1", html.escape(" ".join(text.splitlines()), quote=False))


def _md_item(text: str) -> str:
    """`_md` for text that starts a list item, where `# x` or `1. x` would open a block."""
    return _MD_BLOCK_START.sub(lambda m: m.group(1) + ("\\" + m.group(2) if not m.group(2).isdigit()
                                                       else m.group(2) + "\\"), _md(text), count=1)


def _md_code(text: str) -> str:
    """`text` as one inline code span: the fence is longer than any backtick run inside (CommonMark),
    `|` escaped for the table; inside a code span nothing else is markup, and HTML is not parsed."""
    flat = " ".join(text.splitlines()).replace("|", "\\|")
    fence = "`" * (max((len(m) for m in re.findall(r"`+", flat)), default=0) + 1)
    pad = " " if flat.startswith("`") or flat.endswith("`") else ""
    return f"{fence}{pad}{flat}{pad}{fence}"


def render_portal_md(project: Project, exports: list[SkuExport]) -> str:
    lines = [f"# {_md(project.offer.offer_name or project.offer.offer_id)}: SKU form", "",
             f"Made by mpwizard {__version__}. Paste each value into the portal field of the same name.", ""]
    for export in exports:
        lines += [f"## SKU {_md(export.sku.sku_id)} — {_md(export.sku.version)}", ""]
        if export.missing:
            lines += ["**Not ready** — missing:", ""] + [f"- {_md_item(m)}" for m in export.missing] + [""]
        else:
            lines += ["Ready: every readiness item is met.", ""]
        lines += ["| Field | Value |", "|---|---|"]
        for f in export.form:
            value = _md_code(f.value) if f.value else ""
            lines.append(f"| {_md(f.label)} | {value}{' **' + _md(f.missing) + '**' if f.missing else ''} |")
        lines.append("")
    return "\n".join(lines)


def _disk_urls(sku: Sku) -> tuple[str, list[str]]:
    return (sku.os_disk.blob_url if sku.os_disk else ""), [d.blob_url for d in sku.data_disks]


def _test_vm_commands(sku: Sku) -> list[list[tuple[Word, ...]]]:
    """The two az commands for a SKU as (option, value…) groups of words (data or script variables)."""
    os_url, data_urls = _disk_urls(sku)
    image = f"{sku.sku_id}-{sku.version}"
    group, location = Var("RESOURCE_GROUP"), Var("LOCATION")
    create: list[tuple[Word, ...]] = [
        ("az", "image", "create"), ("--resource-group", group), ("--location", location), ("--name", image),
        ("--os-type", "Windows" if sku.os_family == OS_WINDOWS else "Linux"), ("--hyper-v-generation", "V1"),
        ("--source", os_url or "MISSING-OS-VHD-URL")]
    if data_urls:  # in LUN order
        create.append(("--data-disk-sources", *[u or "MISSING-DATA-VHD-URL" for u in data_urls]))
    vm: list[tuple[Word, ...]] = [
        ("az", "vm", "create"), ("--resource-group", group), ("--location", location),
        ("--name", f"{sku.sku_id}-test"[:64]), ("--image", image), ("--admin-username", Var("ADMIN_USERNAME"))]
    if sku.vm_sizes:
        vm.append(("--size", sku.vm_sizes[0]))
    vm.append(("--admin-password", Var("ADMIN_PASSWORD")) if sku.os_family == OS_WINDOWS else ("--generate-ssh-keys",))
    return [create, vm]


class ExportRefused(ValueError):
    """A project value breaks the rule of what it is (a VM size, a version, a blob URL) and would land in
    a script: nothing is written. Quoting already keeps it from running; a value like that is still wrong."""


_SCRIPT_RULES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("SKU ID", re.compile(r"[a-z0-9][a-z0-9_-]{0,63}")),
    ("version", VERSION_RE),
    ("VM size", VM_SIZE_NAME_RE),
    ("blob URL", re.compile(r"https?://[A-Za-z0-9.-]{1,253}(?::[0-9]{1,5})?/[A-Za-z0-9._~/%-]{1,2000}")),
)


def script_refusals(exports: list[SkuExport]) -> list[str]:
    """Why a script of these SKUs must not be written (empty: it may)."""
    reasons = []
    for export in exports:
        sku = export.sku
        os_url, data_urls = _disk_urls(sku)
        values = [("SKU ID", sku.sku_id), ("version", sku.version), *(("VM size", v) for v in sku.vm_sizes[:1]),
                  *(("blob URL", u) for u in (os_url, *data_urls) if u)]
        rules = dict(_SCRIPT_RULES)
        for kind, value in values:
            if not rules[kind].fullmatch(value):
                reasons.append(f"SKU {sku.sku_id!r}: the {kind} {value!r} is not a valid {kind}; fix it on the "
                               "Offer or VHD step before exporting a script")
    return reasons


def _script(exports: list[SkuExport], header: list[str], word: Callable[[Word], str], continuation: str,
            after: Callable[[str], list[str]], windows_check: str) -> str:
    refused = script_refusals(exports)
    if refused:
        raise ExportRefused("; ".join(refused))
    lines = list(header)
    for export in exports:
        sku = export.sku
        lines.append(comment_text(f"# SKU {sku.sku_id} {sku.version}"))
        lines += [comment_text(f"# NOT READY: {m}") for m in export.missing]
        if not _disk_urls(sku)[0]:
            lines.append("# MISSING: the OS disk has no blob URL yet (upload it in the VHD check step)")
        if sku.os_family == OS_WINDOWS:
            lines.append(windows_check)
        for command in _test_vm_commands(sku):
            # the command (az image create) and each option name are ours and written bare; every value is quoted
            head, *rest = command
            lines.append(continuation.join([" ".join(str(w) for w in head)]
                                           + [" ".join([str(g[0]), *(word(w) for w in g[1:])]) for g in rest]))
            lines += after(str(head[1]))
        lines.append("")
    return "\n".join(lines) + "\n"


def render_az_script(project: Project, exports: list[SkuExport]) -> str:
    header = ["#!/usr/bin/env bash",
              "# Create a managed image from each SKU's VHD blobs and a test VM from it (the guide's step 4 with",
              f"# today's Azure CLI). Made by mpwizard {__version__}.",
              "# Set the variables below first; no secret is written into this file.",
              "set -euo pipefail",
              ': "${RESOURCE_GROUP:?set RESOURCE_GROUP to the resource group of the storage account}"',
              ': "${LOCATION:?set LOCATION to the storage account region, e.g. westus}"',
              'ADMIN_USERNAME="${ADMIN_USERNAME:-azureuser}"', ""]
    return _script(exports, header, bash_word, " \\\n  ", lambda _noun: [],
                   ': "${ADMIN_PASSWORD:?set ADMIN_PASSWORD for the Windows test VM}"')


def render_az_ps1(project: Project, exports: list[SkuExport]) -> str:
    header = ["# Create a managed image from each SKU's VHD blobs and a test VM from it (the guide's step 4 with",
              f"# today's Azure CLI, from PowerShell). Made by mpwizard {__version__}.",
              "# Set the variables below first; no secret is written into this file.",
              "$ErrorActionPreference = 'Stop'",
              "if (-not $env:RESOURCE_GROUP) { throw 'Set $env:RESOURCE_GROUP to the resource group of the storage account' }",
              "if (-not $env:LOCATION) { throw 'Set $env:LOCATION to the storage account region, e.g. westus' }",
              "if (-not $env:ADMIN_USERNAME) { $env:ADMIN_USERNAME = 'azureuser' }", ""]
    return _script(exports, header, ps_word, " `\n  ",
                   lambda noun: [f"if ($LASTEXITCODE -ne 0) {{ throw 'az {noun} create failed' }}"],
                   "if (-not $env:ADMIN_PASSWORD) { throw 'Set $env:ADMIN_PASSWORD for the Windows test VM' }")


TEST_VM_FORMATS = ("az-script", "az-ps1")


def render_test_vm(fmt: str, project: Project, sku: Sku) -> str:
    """The commands that create a test VM from one SKU's uploaded VHDs (the Connection step offers
    them): the az-script / az-ps1 commands for that SKU alone, without the readiness lines -- the
    "no certification test run yet" they would list is the run that needs this VM."""
    bare = [SkuExport(sku, [], [])]
    if fmt == "az-script":
        return render_az_script(project, bare)
    if fmt == "az-ps1":
        return render_az_ps1(project, bare)
    raise ValueError(f"no test VM commands in {fmt!r} (one of {', '.join(TEST_VM_FORMATS)})")


def render(fmt: str, project: Project, exports: list[SkuExport]) -> str:
    if fmt == "portal-html":
        return render_portal_html(project, exports)
    if fmt == "portal-csv":
        return render_portal_csv(exports)
    if fmt == "portal-md":
        return render_portal_md(project, exports)
    if fmt == "partner-center-json":
        docs = [partner_center_json(project, e.sku, e.sas_uris, e.missing, e.published_uris) for e in exports]
        return json.dumps(docs[0] if len(docs) == 1 else docs, indent=2, ensure_ascii=False) + "\n"
    if fmt == "az-script":
        return render_az_script(project, exports)
    if fmt == "az-ps1":
        return render_az_ps1(project, exports)
    raise ValueError(f"unknown export format {fmt!r} (one of {', '.join(FORMATS)})")
