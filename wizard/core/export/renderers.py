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
from dataclasses import field
from datetime import datetime

from ... import __version__
from ..model import IMAGE_X64_GEN1, OS_WINDOWS, SOURCE_GALLERY, SOURCE_SAS, PlanImage, Project, Sku
from ..profiles import Profile, load_profile
from ..records import record
from ..shellquote import Var, Word, bash_word, comment_text, ps_word
from ..validation import VERSION_RE, VM_SIZE_NAME_RE, gallery_parts, project_profile
from ..vmsizes import by_name
from .formats import FORMATS
from .forms import FormField, carries_security_type, partner_center_json, sku_form
from .readiness import ReadinessItem, readiness
from .tokens import ExportTokens

SIZES = by_name()

# -- rendering --------------------------------------------------------------------------------
@record
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
                     for im in v.images() for url in im.blob_urls}
        out.append(SkuExport(sku, sku_form(project, sku, uris), readiness(project, sku, uris, now=now, published=published),
                             uris, published))
    return out


def _e(text: str) -> str:
    return html.escape(text, quote=True)


def _form_words(project: Project) -> tuple[str, str, str]:
    """What the file is and where its values go, as the project's profile has it (one or the other, never both)."""
    if project_profile(project).partner_center:
        return ("plan technical configuration", "the Partner Center technical configuration field",
                "Plan")
    return "SKU form", "the publishing portal field", "SKU"


def render_portal_html(project: Project, exports: list[SkuExport]) -> str:
    what, where, unit = _form_words(project)
    parts = ["<!DOCTYPE html>", '<html lang="en"><head><meta charset="utf-8">',
             f"<title>{_e(project.offer.offer_name or project.offer.offer_id)} — {what}</title>",
             "<style>body{font-family:sans-serif;font-size:10pt;margin:1.5em;color:#111}table{border-collapse:collapse;"
             "width:100%;margin:.5em 0 1.5em}th,td{border:1px solid #999;padding:4px 6px;text-align:left;vertical-align:top}"
             "th{background:#eee;width:28%}td{word-break:break-all}.missing{color:#b00020;font-weight:bold}.ok{color:#1b7f3b}"
             "@media print{section{page-break-after:always}}</style></head><body>",
             f"<h1>{_e(project.offer.offer_name or project.offer.offer_id)}: {what}</h1>",
             f"<p>Publisher namespace {_e(project.offer.publisher_namespace)} · made by mpwizard {_e(__version__)} · "
             f"paste each value into {where} of the same name, in this order.</p>"]
    for export in exports:
        sku = export.sku
        parts.append(f"<section><h2>{unit} {_e(sku.sku_id)} — {_e(sku.version)}</h2>")
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
    # Every cell quoted: a spreadsheet whose separator is ';' (German, French Excel) would otherwise split
    # "x;=1+2" into a formula cell.
    writer = csv.writer(buffer, lineterminator="\n", quoting=csv.QUOTE_ALL)
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
                                                       else m.group(2) + "\\"), _md(text))  # `^`: one match at most


def _md_code(text: str) -> str:
    """`text` as one inline code span: the fence is longer than any backtick run inside (CommonMark),
    `|` escaped for the table; inside a code span nothing else is markup, and HTML is not parsed.
    A reader drops one space at each end when both ends have one, so such text gets one more each side."""
    flat = " ".join(text.splitlines()).replace("|", "\\|")
    fence = "`" * (max((len(m) for m in re.findall(r"`+", flat)), default=0) + 1)
    spaced = flat.startswith(" ") and flat.endswith(" ") and flat.strip(" ")  # not all spaces: those are kept
    pad = " " if flat.startswith("`") or flat.endswith("`") or spaced else ""
    return f"{fence}{pad}{flat}{pad}{fence}"


def render_portal_md(project: Project, exports: list[SkuExport]) -> str:
    what, where, unit = _form_words(project)
    lines = [f"# {_md(project.offer.offer_name or project.offer.offer_id)}: {what}", "",
             f"Made by mpwizard {__version__}. Paste each value into {where} of the same name.", ""]
    for export in exports:
        lines += [f"## {unit} {_md(export.sku.sku_id)} — {_md(export.sku.version)}", ""]
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


def _disk_urls(sku: Sku, image_type: str) -> tuple[str, list[str]]:
    """The blob URLs of one image type's OS disk ("" when it has none) and data disks."""
    os_disk = sku.os_disk_of(image_type)
    return (os_disk.blob_url if os_disk else ""), [d.blob_url for d in sku.data_disks_of(image_type)]


@record(frozen=True)
class Concat:
    """One argument made of data and script variables side by side (a gallery image version's
    resource id with the publisher's subscription in it); each part is quoted for the script."""

    parts: tuple[Word, ...]


class ExportRefused(ValueError):
    """A project value breaks the rule of what it is (a VM size, a version, a blob URL) and would land in
    a script: nothing is written. Quoting already keeps it from running; a value like that is still wrong."""


_SCRIPT_RULES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("SKU ID", re.compile(r"[a-z0-9][a-z0-9_-]{0,63}")),
    ("version", VERSION_RE),
    ("VM size", VM_SIZE_NAME_RE),
    ("blob URL", re.compile(r"https?://[A-Za-z0-9.-]{1,253}(?::[0-9]{1,5})?/[A-Za-z0-9._~/%-]{1,2000}")),
    ("storage account name", re.compile(r"[a-z0-9]{3,24}")),  # Azure's rule for account names
)


# Every data word of a command, whatever field it came from, must be made of these. On Windows `az` is
# az.cmd: PowerShell passes an argument to a batch file unquoted unless it holds a blank, and cmd.exe then
# runs `&`, `|`, `<`, `>`, `^` and expands `%VAR%` / `!VAR!` ("BatBadBut"); az reads `@file` as that file's
# content; a leading '-' would be read as an option.
_SAFE_WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9._~/:=+-]*")
# What the scripts below write where a value is not there yet ("MISSING-OS-VHD-URL"): the test-VM dialog
# finds them with this to warn before anyone pastes the commands.
MISSING_PLACEHOLDER = re.compile(r"\bMISSING-[A-Z0-9-]*[A-Z0-9]")


def _unsafe_words(commands: list[Command]) -> list[str]:
    words: list[str] = []
    for command in commands:
        for group in command:  # the head's words and option names are ours; every value after them is checked
            for w in group[1:]:
                for part in (w.parts if isinstance(w, Concat) else (w,)):
                    if isinstance(part, str) and not _SAFE_WORD.fullmatch(part.lstrip("/")):
                        words.append(part)
    return words


def script_refusals(exports: list[SkuExport], account: str, project: Project) -> list[str]:
    """Why a script of these SKUs (and the project's storage `account`) must not be written (empty: it may)."""
    reasons = []
    for export in exports:
        sku = export.sku
        commands = _test_vm_commands(sku, project)
        # The VM sizes that reach a command: per image type, the first size of the SKU that runs it.
        sizes = dict.fromkeys(str(g[1]) for command in commands for g in command if g[0] == "--size")
        values = [("SKU ID", sku.sku_id), ("version", sku.version), *(("VM size", v) for v in sizes),
                  *(("blob URL", d.blob_url) for d in sku.disks if d.blob_url)]
        if account:
            values.append(("storage account name", account))
        for word in _unsafe_words(commands):
            reasons.append(f"SKU {sku.sku_id!r}: the value {word!r} would reach a command with a character a shell "
                           "could run or read (only letters, digits and . _ ~ / : = + - are passed); fix it first")
        rules = dict(_SCRIPT_RULES)
        for kind, value in values:
            if not rules[kind].fullmatch(value):
                reasons.append(f"SKU {sku.sku_id!r}: the {kind} {value!r} is not a valid {kind}; fix it on the "
                               "Offer or VHD step before exporting a script")
    return reasons


Arg = Word | Concat
Command = list[tuple[Arg, ...]]


def _facts(image_type: str, profile: Profile) -> dict[str, str]:
    """generation / architecture of an image type, from the project's profile (or today's, for a
    type the project's profile does not offer -- the Offer page says so)."""
    return profile.image_type(image_type) or load_profile("partner-center").image_type(image_type) \
        or {"id": image_type, "generation": "V1", "architecture": "x64", "boot": "mbr"}


def uses_gallery_route(image: PlanImage) -> bool:
    """The managed-image route stays for x64 Gen1 images from SAS URIs; every other image (Gen2,
    Arm64, a security type, a gallery source) goes through an Azure Compute Gallery image version --
    Trusted Launch cannot come from a managed image (REFERENCE.md §9)."""
    return not (image.image_type == IMAGE_X64_GEN1 and image.source == SOURCE_SAS and not image.security_types)


def _test_vm_commands(sku: Sku, project: Project, image_type: str | None = None) -> list[Command]:
    """The az commands that make a test VM of each image type of a SKU (or of `image_type` only), as
    (option, value…) groups of words: data (quoted where it lands) or script variables."""
    profile = project_profile(project)
    offer = project.offer
    commands: list[Command] = []
    images = [im for im in sku.images if image_type is None or im.image_type == image_type] or \
        ([PlanImage(image_type)] if image_type else [PlanImage()])
    several = len(sku.images) > 1
    for image in images:
        os_url, data_urls = _disk_urls(sku, image.image_type)
        # A security type only where Partner Center takes one (x64Gen2): the test VM is what the plan publishes.
        security = image.security_types if carries_security_type(image.image_type) else []
        choice = profile.security_choice(security) or {}
        needs = tuple(t for t in security if t in profile.security_types_need_sizes)
        os_type = "Windows" if sku.os_family == OS_WINDOWS else "Linux"
        facts = _facts(image.image_type, profile)
        vm_name = (f"{sku.sku_id}-{image.image_type.lower()}-test" if several else f"{sku.sku_id}-test")[:64]
        group, location = Var("RESOURCE_GROUP"), Var("LOCATION")
        vm: Command = [("az", "vm", "create"), ("--resource-group", group), ("--location", location), ("--name", vm_name)]
        if not uses_gallery_route(image):
            name = f"{sku.sku_id}-{sku.version}"
            create: Command = [
                ("az", "image", "create"), ("--resource-group", group), ("--location", location), ("--name", name),
                ("--os-type", os_type), ("--hyper-v-generation", facts["generation"]),
                ("--source", os_url or "MISSING-OS-VHD-URL")]
            if data_urls:  # in LUN order
                create.append(("--data-disk-sources", *[u or "MISSING-DATA-VHD-URL" for u in data_urls]))
            commands.append(create)
            vm.append(("--image", name))
        else:
            parts = gallery_parts(image.gallery_resource_id) if image.source == SOURCE_GALLERY else None
            definition = parts["definition"] if parts else sku.image_sku_id(image) or "MISSING-SKU-ID"
            version = parts["version"] if parts else sku.version
            gallery: Word = parts["gallery"] if parts else Var("GALLERY_NAME")
            ggroup: Word = parts["group"] if parts else group
            if image.source == SOURCE_GALLERY:
                commands.append([("az", "provider", "register"), ("--namespace", profile.gallery_provider_namespace
                                                                  or "Microsoft.PartnerCenterIngestion")])
            # Gallery first: the version exists already (Packer, Azure Image Builder): the test VM is made from it.
            gallery_first = parts is not None and all(sku.from_gallery_only(d) for d in sku.image_disks(image.image_type))
            if gallery_first:
                vm.append(("--image", image.gallery_resource_id))
                _vm_security(vm, choice)
                commands += _finish_vm(vm, sku, image, needs)
                continue
            commands.append([("az", "sig", "create"), ("--resource-group", ggroup), ("--gallery-name", gallery),
                             ("--location", location)])
            definition_cmd: Command = [
                ("az", "sig", "image-definition", "create"), ("--resource-group", ggroup), ("--gallery-name", gallery),
                ("--gallery-image-definition", definition),
                ("--publisher", offer.publisher_namespace or "MISSING-PUBLISHER"),
                ("--offer", offer.offer_id or "MISSING-OFFER-ID"),
                ("--sku", sku.image_sku_id(image) or "MISSING-SKU-ID"), ("--os-type", os_type),
                ("--os-state", "Generalized"), ("--hyper-v-generation", facts["generation"]),
                ("--architecture", facts["architecture"])]
            if choice.get("gallery_feature"):
                definition_cmd.append(("--features", f"SecurityType={choice['gallery_feature']}"))
            commands.append(definition_cmd)
            version_cmd: Command = [
                ("az", "sig", "image-version", "create"), ("--resource-group", ggroup), ("--gallery-name", gallery),
                ("--gallery-image-definition", definition), ("--gallery-image-version", version),
                ("--location", location), ("--os-vhd-uri", os_url or "MISSING-OS-VHD-URL"),
                ("--os-vhd-storage-account", Var("STORAGE_ACCOUNT"))]
            if data_urls:  # LUN 0, 1, … in order, each from the same storage account
                version_cmd += [("--data-vhds-uris", *[u or "MISSING-DATA-VHD-URL" for u in data_urls]),
                                ("--data-vhds-luns", *[str(n) for n in range(len(data_urls))]),
                                ("--data-vhds-storage-accounts", *[Var("STORAGE_ACCOUNT")] * len(data_urls))]
            commands.append(version_cmd)
            image_id: Arg = image.gallery_resource_id if parts else Concat((
                "/subscriptions/", Var("SUBSCRIPTION_ID"), "/resourceGroups/", group,
                "/providers/Microsoft.Compute/galleries/", gallery, f"/images/{definition}/versions/{version}"))
            vm.append(("--image", image_id))
            _vm_security(vm, choice)
        commands += _finish_vm(vm, sku, image, needs)
    return commands


def _vm_security(vm: Command, choice: dict[str, object]) -> None:
    """The test VM's security type and its options (Trusted Launch, Confidential) from the profile's choice."""
    if choice.get("vm_security_type"):
        vm.append(("--security-type", str(choice["vm_security_type"])))
        options = [str(o) for o in choice.get("vm_options", [])]  # type: ignore[attr-defined]
        vm += [tuple(options[k:k + 2]) for k in range(0, len(options), 2)]


def _finish_vm(vm: Command, sku: Sku, image: PlanImage, needs: tuple[str, ...] = ()) -> list[Command]:
    """The test VM's user, first recommended size that runs the image (and the security types in `needs`:
    a Confidential image needs a confidential size), and sign-in; the finished command."""
    vm.append(("--admin-username", Var("ADMIN_USERNAME")))
    sizes = [n for n in sku.vm_sizes if n not in SIZES or SIZES[n].runs(image.image_type)]
    if needs:  # a size that runs the security type first; otherwise the list's order stands
        sizes = [n for n in sizes if n in SIZES and all(SIZES[n].supports(t) for t in needs)] + sizes
    if sizes:
        vm.append(("--size", sizes[0]))
    vm.append(("--admin-password", Var("ADMIN_PASSWORD")) if sku.os_family == OS_WINDOWS else ("--generate-ssh-keys",))
    return [vm]


def _variables(commands: list[Command]) -> list[str]:
    """The script variables the commands use, in order of first use."""
    names: dict[str, None] = {}
    for command in commands:
        for group in command:
            for w in group:
                for part in (w.parts if isinstance(w, Concat) else (w,)):
                    if isinstance(part, Var):
                        names.setdefault(part.name)
    return list(names)


# How each script language writes a value, a line continuation, and an argument made of parts.
SHELLS: dict[str, tuple[Callable[[Word], str], str, Callable[[list[str]], str]]] = {
    "bash": (bash_word, " \\\n  ", "".join),  # 'a'"${B}"'c' is one bash word
    "ps1": (ps_word, " `\n  ", lambda parts: "(" + " + ".join(parts) + ")"),  # one expression, one argument
}


def command_text(command: Command, shell: str) -> str:
    """One command of `_test_vm_commands` as bash ("bash") or PowerShell ("ps1") text: the command and
    option names are ours and written bare; every value is quoted for the language (a thin renderer
    for one SKU can join these)."""
    word, continuation, concat = SHELLS[shell]

    def arg(w: Arg) -> str:
        return concat([word(part) for part in w.parts]) if isinstance(w, Concat) else word(w)

    head, *rest = command
    return continuation.join([" ".join(str(w) for w in head)] + [" ".join([str(g[0]), *(arg(w) for w in g[1:])]) for g in rest])


def _script(project: Project, exports: list[SkuExport], header: list[str], shell: str, after: Callable[[str], list[str]],
            windows_check: str, needs: Callable[[str], str]) -> str:
    refused = script_refusals(exports, project.storage.account_name, project)
    if refused:
        raise ExportRefused("; ".join(refused))
    per_sku = [(export, _test_vm_commands(export.sku, project)) for export in exports]
    # The header, then the variables only some scripts use (a gallery), each asked for once.
    used = {n for _, commands in per_sku for n in _variables(commands)}
    lines = [*header, *(needs(n) for n in ("STORAGE_ACCOUNT", "GALLERY_NAME", "SUBSCRIPTION_ID") if n in used), ""]
    for export, commands in per_sku:
        sku = export.sku
        lines.append(comment_text(f"# SKU {sku.sku_id} {sku.version}"))
        lines += [comment_text(f"# NOT READY: {m}") for m in export.missing]
        for image in sku.images:
            os_disk = sku.os_disk_of(image.image_type)
            if os_disk is not None and sku.from_gallery_only(os_disk) and gallery_parts(image.gallery_resource_id):
                continue  # gallery first: the test VM is made from the version, no blob is needed
            if not _disk_urls(sku, image.image_type)[0]:
                disk = f"the {image.image_type} OS disk" if len(sku.images) > 1 else "the OS disk"
                lines.append(comment_text(f"# MISSING: {disk} has no blob URL yet (upload it in the VHD check step)"))
        if sku.os_family == OS_WINDOWS:
            lines.append(windows_check)
        for command in commands:
            lines.append(command_text(command, shell))
            lines += after(" ".join(str(w) for w in command[0]))
        lines.append("")
    return "\n".join(lines) + "\n"


# The variables only the gallery route uses: what each one is, for the line that asks for it.
_NEEDED = {"STORAGE_ACCOUNT": "the storage account of the VHD blobs",
           "GALLERY_NAME": "the Azure Compute Gallery to create the image versions in",
           "SUBSCRIPTION_ID": "the subscription of the gallery"}


def _bash_needs(project: Project) -> Callable[[str], str]:
    account = project.storage.account_name

    def needs(name: str) -> str:
        if name == "STORAGE_ACCOUNT" and account:
            return f'if [ -z "${{STORAGE_ACCOUNT:-}}" ]; then STORAGE_ACCOUNT={bash_word(account)}; fi'
        return f': "${{{name}:?set {name} to {_NEEDED[name]}}}"'
    return needs


def _ps_needs(project: Project) -> Callable[[str], str]:
    account = project.storage.account_name

    def needs(name: str) -> str:
        if name == "STORAGE_ACCOUNT" and account:
            return f"if (-not $env:STORAGE_ACCOUNT) {{ $env:STORAGE_ACCOUNT = {ps_word(account)} }}"
        return f"if (-not $env:{name}) {{ throw 'Set $env:{name} to {_NEEDED[name]}' }}"
    return needs


def render_az_script(project: Project, exports: list[SkuExport]) -> str:
    header = ["#!/usr/bin/env bash",
              "# Create a test VM from each SKU's VHD blobs: a managed image (x64 Gen1 from SAS URIs), or an Azure",
              "# Compute Gallery image version (Gen2, Arm64, Trusted Launch, a gallery source) -- the guide's step 4",
              f"# with today's Azure CLI. Made by mpwizard {__version__}.",
              "# Set the variables below first; no secret is written into this file.",
              "set -euo pipefail",
              ': "${RESOURCE_GROUP:?set RESOURCE_GROUP to the resource group of the storage account}"',
              ': "${LOCATION:?set LOCATION to the storage account region, e.g. westus}"',
              'ADMIN_USERNAME="${ADMIN_USERNAME:-azureuser}"']
    return _script(project, exports, header, "bash", lambda _command: [],
                   ': "${ADMIN_PASSWORD:?set ADMIN_PASSWORD for the Windows test VM}"', _bash_needs(project))


def render_az_ps1(project: Project, exports: list[SkuExport]) -> str:
    header = ["# Create a test VM from each SKU's VHD blobs: a managed image (x64 Gen1 from SAS URIs), or an Azure",
              "# Compute Gallery image version (Gen2, Arm64, Trusted Launch, a gallery source) -- the guide's step 4",
              f"# with today's Azure CLI, from PowerShell. Made by mpwizard {__version__}.",
              "# Set the variables below first; no secret is written into this file.",
              "$ErrorActionPreference = 'Stop'",
              "if (-not $env:RESOURCE_GROUP) { throw 'Set $env:RESOURCE_GROUP to the resource group of the storage account' }",
              "if (-not $env:LOCATION) { throw 'Set $env:LOCATION to the storage account region, e.g. westus' }",
              "if (-not $env:ADMIN_USERNAME) { $env:ADMIN_USERNAME = 'azureuser' }"]
    return _script(project, exports, header, "ps1",
                   lambda command: [f"if ($LASTEXITCODE -ne 0) {{ throw '{command} failed' }}"],
                   "if (-not $env:ADMIN_PASSWORD) { throw 'Set $env:ADMIN_PASSWORD for the Windows test VM' }",
                   _ps_needs(project))


TEST_VM_FORMATS = ("az-script", "az-ps1")


def render_test_vm(fmt: str, project: Project, sku: Sku) -> str:
    """The commands that create a test VM from one SKU's uploaded VHDs (the Connection step offers
    them): the az-script / az-ps1 commands for that SKU alone, without the readiness lines -- the
    "no certification test run yet" they would list is the run that needs this VM. A blob that does
    not hold the checked file (the status evaluator's ✗ upload link, issue #32) is said as NOT READY:
    the VM would run another image than the one checked."""
    from ..status import Mark

    chain = [i for i in readiness(project, sku, {}) if i.id.startswith("upload:") and i.mark is Mark.FAIL]
    bare = [SkuExport(sku, [], chain)]
    if fmt == "az-script":
        return render_az_script(project, bare)
    if fmt == "az-ps1":
        return render_az_ps1(project, bare)
    raise ValueError(f"no test VM commands in {fmt!r} (one of {', '.join(TEST_VM_FORMATS)})")


def render_pc_configure(project: Project, exports: list[SkuExport]) -> str:
    """A configure request body that `az rest --method post --body @FILE` or curl can send as it is: every
    SKU's technical configuration (plans and product by externalId), without the readiness comment --
    what is missing is in the readiness, and a version that is not ready is left out of the body."""
    from .formats import PC_CONFIGURE_SCHEMA

    resources, dropped = [], []
    for e in exports:
        doc = partner_center_json(project, e.sku, e.sas_uris, None, e.published_uris)
        doc.pop("$comment", None)
        sent = {v["versionNumber"] for v in doc["vmImageVersions"]}
        published = [v.version for v in e.sku.image_versions] + list(e.sku.extra.get("untaken_versions") or [])
        dropped += [f"SKU {e.sku.sku_id!r}: published version {n}" for n in published if n not in sent]
        resources.append(doc)
    if dropped:
        # The resources are declarative: a body without a published version would take it down when sent.
        raise ExportRefused("; ".join(dropped) + " would be dropped: its SAS URIs are not in the keyring (or it could "
                            "not be taken on import). Import it again (project import-pc), or let `mpwizard pc push` "
                            "read the published versions from Partner Center itself")
    return json.dumps({"$schema": PC_CONFIGURE_SCHEMA, "resources": resources}, indent=2, ensure_ascii=False) + "\n"


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
    if fmt == "partner-center-configure":
        return render_pc_configure(project, exports)
    if fmt == "az-script":
        return render_az_script(project, exports)
    if fmt == "az-ps1":
        return render_az_ps1(project, exports)
    raise ValueError(f"unknown export format {fmt!r} (one of {', '.join(FORMATS)})")
