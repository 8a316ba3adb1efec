"""Readiness per SKU and the portal-ready exports (REFERENCE.md §7).

`readiness` lists what must be true before a SKU is submitted, each item with the
step that fixes it. `portal_form` gives the guide's publishing-portal form in the
portal's own field order; `partner_center_json` the Product Ingestion API's
technical configuration. `render` turns them into one of the export formats. SAS
URIs are passed in (the caller reads them from the keyring): without one the field
says what is missing, and so does the export. Qt-free.
"""

from __future__ import annotations

import csv
import html
import io
import json
import shlex
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from .. import __version__
from .i18n_marks import QT_TRANSLATE_NOOP
from .model import ROLE_OS, Disk, Project, Sku
from .profiles import Profile
from .questionnaire import progress as questionnaire_progress
from .sas import minimum_expiry
from .steps import Step, parse_iso, sas_expiry_state
from .validation import marketplace_urls, project_profile, validate_offer
from .verdicts import BLOCKING
from .vhdjobs import check_is_stale

FORMATS = ("portal-html", "portal-csv", "portal-md", "partner-center-json", "az-script", "az-ps1")
PC_SCHEMA = "https://schema.mp.microsoft.com/schema/virtual-machine-plan-technical-configuration/2022-03-01-preview3"
MISSING_SAS = QT_TRANSLATE_NOOP("Core", "MISSING: create and verify this disk's SAS URI in the SAS URIs step (or it is "
                                        "not in the keyring)")


# -- readiness -------------------------------------------------------------------------
# The templates below are shown translated by the GUI (context "Core"); lupdate finds them by this name.
DISK_OS = QT_TRANSLATE_NOOP("Core", "OS disk")
DISK_DATA = QT_TRANSLATE_NOOP("Core", "data disk LUN {lun}")
R_OFFER_OK = QT_TRANSLATE_NOOP("Core", "Offer and SKU details are complete")
R_OFFER_BAD = QT_TRANSLATE_NOOP("Core", "Offer and SKU details have {count} problem(s): see the Offer & SKUs step")
R_VHD_NONE = QT_TRANSLATE_NOOP("Core", "{disk}: the VHD has not been checked")
R_VHD_STALE = QT_TRANSLATE_NOOP("Core", "{disk}: the VHD changed since it was checked: check it again")
R_VHD_FAIL = QT_TRANSLATE_NOOP("Core", "{disk}: the VHD check failed")
R_VHD_PASS = QT_TRANSLATE_NOOP("Core", "{disk}: the VHD check passed")
R_VHD_WARN = QT_TRANSLATE_NOOP("Core", "{disk}: the VHD check passed with warnings")
R_SAS_NONE = QT_TRANSLATE_NOOP("Core", "{disk}: no SAS URI yet")
R_SAS_EXPIRED = QT_TRANSLATE_NOOP("Core", "{disk}: the SAS URI has expired: make a new one")
R_SAS_SHORT_BUSINESS = QT_TRANSLATE_NOOP("Core", "{disk}: the SAS URI expires {expiry}, too soon for the certification team (the "
                                 "profile asks for {days} business days or more): renew it")
R_SAS_SHORT_DAYS = QT_TRANSLATE_NOOP("Core", "{disk}: the SAS URI expires {expiry}, too soon for the certification team (the profile "
                             "asks for {days} days or more): renew it")
R_SAS_UNVERIFIED = QT_TRANSLATE_NOOP("Core", "{disk}: the SAS URI has not been verified")
R_SAS_NO_TOKEN = QT_TRANSLATE_NOOP("Core", "{disk}: the SAS token is not in the keyring or this session: make it again or unlock the keyring")
R_SAS_OK = QT_TRANSLATE_NOOP("Core", "{disk}: SAS URI verified, valid until {expiry}")
R_RUN_NONE = QT_TRANSLATE_NOOP("Core", "No certification test run yet")
R_RUN_EMPTY = QT_TRANSLATE_NOOP("Core", "The latest test run has no results")
R_RUN_UNEXPLAINED = QT_TRANSLATE_NOOP("Core", "The latest test run has Failed/Error results without an exception explanation: {ids}")
R_RUN_EXPLAINED = QT_TRANSLATE_NOOP("Core", "The latest test run's {count} Failed/Error result(s) each have an exception explanation")
R_RUN_OK = QT_TRANSLATE_NOOP("Core", "The latest test run ({finished}) has no Failed or Error result")
R_Q_OK = QT_TRANSLATE_NOOP("Core", "The questionnaire is complete")
R_Q_OPEN = QT_TRANSLATE_NOOP("Core", "The questionnaire is not complete ({answered} of {total} answered)")
R_Q_OPEN_SSH = QT_TRANSLATE_NOOP("Core", "The questionnaire is not complete ({answered} of {total} answered, SSH access information missing)")
R_REPORT_NONE = QT_TRANSLATE_NOOP("Core", "The certification report is not stored in the VHDs' container")
R_REPORT_OLD = QT_TRANSLATE_NOOP("Core", "The stored report is from an older test run: store it again")
R_REPORT_OK = QT_TRANSLATE_NOOP("Core", "Report stored at {url}")


@dataclass(frozen=True)
class ReadinessItem:
    id: str  # stable: offer, vhd-check:<disk>, sas:<disk>, test-run, questionnaire, report
    step: Step  # where the user fixes it
    ok: bool
    template: str  # English, marked for translation; `text` fills it in
    args: dict = field(default_factory=dict)  # "disk" is itself a template (DISK_OS / DISK_DATA) using "lun"

    @property
    def text(self) -> str:
        """In English, for the export files and the command line."""
        return fill(self.template, self.args)


def fill(template: str, args: Mapping[str, object]) -> str:
    """Format a template whose argument values may be templates of their own (a disk's name with its LUN)."""
    values = {k: (str(v).format(**args) if isinstance(v, str) and "{" in v else v) for k, v in args.items()}
    return template.format(**values)


def disk_args(sku: Sku, disk: Disk) -> dict:
    return {"disk": DISK_OS} if disk.role == ROLE_OS else {"disk": DISK_DATA, "lun": sku.lun_of(disk)}


def readiness(project: Project, sku: Sku, sas_uris: Mapping[int, str | None], profile: Profile | None = None,
              now: datetime | None = None) -> list[ReadinessItem]:
    """Every item a submission of `sku` needs; `sas_uris` maps disk index → full SAS URI (or None)."""
    profile = profile or project_profile(project)
    index = project.skus.index(sku)
    items = []
    errors = [p for p in validate_offer(project, profile) if p.severity == "error"
              and (not p.path.startswith("skus[") or p.path.startswith(f"skus[{index}]"))]
    items.append(ReadinessItem("offer", Step.OFFER, not errors, R_OFFER_BAD if errors else R_OFFER_OK,
                               {"count": len(errors)}))
    for i, disk in enumerate(sku.disks):
        record = disk.vhd_check
        if record is None:
            ok, template = False, R_VHD_NONE
        elif check_is_stale(disk):
            ok, template = False, R_VHD_STALE
        elif record.verdict == "fail":
            ok, template = False, R_VHD_FAIL
        else:
            ok, template = True, R_VHD_WARN if record.verdict == "warning" else R_VHD_PASS
        items.append(ReadinessItem(f"vhd-check:{i}", Step.VHD, ok, template, disk_args(sku, disk)))

    def needed(disk: Disk) -> datetime | None:
        """"Lives long enough": as long as the profile asks of a SAS made when this one started."""
        start = parse_iso(disk.sas.start) if disk.sas else None
        return minimum_expiry(profile, start) - timedelta(minutes=1) if start else None

    def too_short(disk: Disk) -> bool:
        expiry, least = (parse_iso(disk.sas.expiry), needed(disk)) if disk.sas else (None, None)
        return expiry is not None and least is not None and expiry < least

    for i, disk in enumerate(sku.disks):
        args = disk_args(sku, disk)
        state = sas_expiry_state(disk, profile, now)
        ok = False
        if disk.sas is None or state == "none":
            template = R_SAS_NONE
        elif state == "expired":
            template = R_SAS_EXPIRED
        elif state == "soon" or too_short(disk):
            template = R_SAS_SHORT_BUSINESS if profile.sas_min_business_days else R_SAS_SHORT_DAYS
            args |= {"expiry": disk.sas.expiry, "days": profile.sas_min_business_days or profile.sas_min_days}
        elif disk.sas.verdict not in ("pass", "warning"):
            template = R_SAS_UNVERIFIED
        elif not sas_uris.get(i):
            template = R_SAS_NO_TOKEN
        else:
            ok, template = True, R_SAS_OK
            args |= {"expiry": disk.sas.expiry}
        items.append(ReadinessItem(f"sas:{i}", Step.SAS, ok, template, args))
    run = project.latest_run()
    if run is None:
        items.append(ReadinessItem("test-run", Step.TEST_RUN, False, R_RUN_NONE))
    else:
        bad = [r for r in run.results if r.result in BLOCKING]
        unexplained = [r for r in bad if not project.questionnaire.exception_notes.get(r.id, "").strip()]
        if not run.results:
            item = (False, R_RUN_EMPTY, {})
        elif unexplained:
            item = (False, R_RUN_UNEXPLAINED, {"ids": ", ".join(r.id for r in unexplained)})
        elif bad:
            item = (True, R_RUN_EXPLAINED, {"count": len(bad)})
        else:
            item = (True, R_RUN_OK, {"finished": run.finished_at})
        items.append(ReadinessItem("test-run", Step.TEST_RUN, *item))
    state = questionnaire_progress(project)
    q_template = R_Q_OK if state.complete else R_Q_OPEN_SSH if state.ssh_info_missing else R_Q_OPEN
    items.append(ReadinessItem("questionnaire", Step.QUESTIONNAIRE, state.complete, q_template,
                               {"answered": state.answered, "total": state.total}))
    report = sku.report
    if report is None or not report.blob_url:
        items.append(ReadinessItem("report", Step.QUESTIONNAIRE, False, R_REPORT_NONE))
    elif run is not None and report.test_run_started != run.started_at:
        items.append(ReadinessItem("report", Step.QUESTIONNAIRE, False, R_REPORT_OLD))
    else:
        items.append(ReadinessItem("report", Step.QUESTIONNAIRE, True, R_REPORT_OK, {"url": report.blob_url}))
    return items


# -- the guide's form ---------------------------------------------------------------------
@dataclass(frozen=True)
class FormField:
    label: str  # the portal's field name, filled in (English; the GUI translates `template`)
    value: str
    missing: str = ""  # why the value is empty (a template marked for translation)
    section: str = "sku"  # offer | sku | disk
    template: str = ""
    args: dict = field(default_factory=dict)


def _field(template: str, value: str, missing: str = "", section: str = "sku", **args) -> FormField:
    return FormField(fill(template, args), value, "" if value else missing, section, template, args)


M_OFFER_ID = QT_TRANSLATE_NOOP("Core", "MISSING: offer ID")
M_OFFER_NAME = QT_TRANSLATE_NOOP("Core", "MISSING: offer name")
M_SKU_ID = QT_TRANSLATE_NOOP("Core", "MISSING: SKU ID")
M_SUMMARY = QT_TRANSLATE_NOOP("Core", "MISSING: SKU summary")
M_OS_NAME = QT_TRANSLATE_NOOP("Core", "MISSING: operating system name")
M_SIZE = QT_TRANSLATE_NOOP("Core", "MISSING: recommended VM size")
M_VERSION = QT_TRANSLATE_NOOP("Core", "MISSING: version")
M_REPORT = QT_TRANSLATE_NOOP("Core", "MISSING: store the report in the VHDs' container")


def portal_form(project: Project, sku: Sku, sas_uris: Mapping[int, str | None]) -> list[FormField]:
    """The publishing portal's SKU form, in the portal's order, with the offer fields first."""
    offer = project.offer
    marketplace, portal = marketplace_urls(offer.publisher_namespace, offer.offer_id, sku.sku_id)
    fields = [
        _field(QT_TRANSLATE_NOOP("Core", "Offer ID"), offer.offer_id, M_OFFER_ID, "offer"),
        _field(QT_TRANSLATE_NOOP("Core", "Offer name"), offer.offer_name, M_OFFER_NAME, "offer"),
        _field(QT_TRANSLATE_NOOP("Core", "SKU ID"), sku.sku_id, M_SKU_ID),
        _field(QT_TRANSLATE_NOOP("Core", "SKU summary"), sku.summary, M_SUMMARY),
        _field(QT_TRANSLATE_NOOP("Core", "Marketplace URL"), marketplace),
        _field(QT_TRANSLATE_NOOP("Core", "Azure portal URL"), portal),
        _field(QT_TRANSLATE_NOOP("Core", "OS family"), "Windows" if sku.os_family == "windows" else "Linux"),
        _field(QT_TRANSLATE_NOOP("Core", "Operating system"), sku.os_friendly_name, M_OS_NAME),
    ]
    sizes = list(sku.vm_sizes)
    for n in range(max(3, len(sizes))):
        fields.append(_field(QT_TRANSLATE_NOOP("Core", "Recommended VM size {n}"), sizes[n] if n < len(sizes) else "", M_SIZE, n=n + 1))
    fields.append(_field(QT_TRANSLATE_NOOP("Core", "Version"), sku.version, M_VERSION))
    for i, disk in enumerate(sku.disks):
        if disk.role == ROLE_OS:
            fields.append(_field(QT_TRANSLATE_NOOP("Core", "OS VHD URL"), sas_uris.get(i) or "", MISSING_SAS, "disk"))
    for i, disk in enumerate(sku.disks):
        if disk.role != ROLE_OS:
            lun = sku.lun_of(disk)
            fields.append(_field(QT_TRANSLATE_NOOP("Core", "LUN"), str(lun), "", "disk"))
            fields.append(_field(QT_TRANSLATE_NOOP("Core", "LUN {lun} VHD URL"), sas_uris.get(i) or "", MISSING_SAS, "disk", lun=lun))
    report = sku.report
    fields.append(_field(QT_TRANSLATE_NOOP("Core", "Certification report"), report.blob_url if report and report.blob_url else "", M_REPORT))
    return fields


# -- Partner Center -----------------------------------------------------------------------
LINUX_TYPES = (("ubuntu", "ubuntu"), ("red hat", "redHat"), ("rhel", "redHat"), ("centos", "centOS"), ("debian", "debian"),
               ("suse", "suse"), ("oracle", "oracleLinux"), ("alma", "other"), ("rocky", "other"))
WINDOWS_TYPES = (("2008 r2", "windowsServer2008R2"), ("2012 r2", "windowsServer2012R2"), ("2012", "windowsServer2012"),
                 ("2016", "windowsServer2016"), ("2019", "windowsServer2019"), ("2022", "windowsServer2022"))


def _os_type(sku: Sku) -> str:
    name = f"{sku.os_friendly_name} {sku.base_image}".lower()
    table = WINDOWS_TYPES if sku.os_family == "windows" else LINUX_TYPES
    return next((value for key, value in table if key in name), "other")


def partner_center_json(project: Project, sku: Sku, sas_uris: Mapping[int, str | None],
                        missing: list[str] | None = None) -> dict:
    """The plan's technical configuration as the Product Ingestion API resource."""
    os_uri = next((sas_uris.get(i) or "" for i, d in enumerate(sku.disks) if d is sku.os_disk), "")
    data_disks = [{"lunNumber": sku.lun_of(d), "uri": sas_uris.get(i) or ""} for i, d in enumerate(sku.disks)
                  if d.role != ROLE_OS]
    document = {
        "$schema": PC_SCHEMA,
        "product": {"externalId": project.offer.offer_id},
        "plan": {"externalId": sku.sku_id},
        "operatingSystem": {"family": sku.os_family, "type": _os_type(sku), "friendlyName": sku.os_friendly_name},
        "recommendedVmSizes": list(sku.vm_sizes),
        "openPorts": [],
        "vmProperties": {"supportsExtensions": True, "supportsBackup": False, "supportsAcceleratedNetworking": False,
                         "isNetworkVirtualAppliance": False, "supportsNVMe": False, "supportsCloudInit": False,
                         "supportsAadLogin": False, "supportsHibernation": False, "supportsRemoteConnection": True,
                         "requiresCustomArmTemplate": False},
        "skus": [{"imageType": "x64Gen1", "skuId": sku.sku_id, "securityType": ["standard"]}],
        "vmImageVersions": [{
            "versionNumber": sku.version,
            "lifecycleState": "generallyAvailable",
            "vmImages": [{"imageType": "x64Gen1",
                          "source": {"sourceType": "sasUri", "osDisk": {"uri": os_uri}, "dataDisks": data_disks}}],
        }],
    }
    if missing:
        document["$comment"] = "Not ready — missing: " + "; ".join(missing)
    return document


# -- rendering --------------------------------------------------------------------------------
@dataclass
class SkuExport:
    sku: Sku
    form: list[FormField]
    items: list[ReadinessItem]
    sas_uris: dict[int, str | None] = field(default_factory=dict)

    @property
    def missing(self) -> list[str]:
        return [i.text for i in self.items if not i.ok]


def prepare(project: Project, sas_by_sku: Mapping[str, Mapping[int, str | None]], sku_id: str | None = None,
            now: datetime | None = None) -> list[SkuExport]:
    out = []
    for sku in project.skus:
        if sku_id is not None and sku.sku_id != sku_id:
            continue
        uris = dict(sas_by_sku.get(sku.sku_id, {}))
        out.append(SkuExport(sku, portal_form(project, sku, uris), readiness(project, sku, uris, now=now), uris))
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


def render_portal_csv(exports: list[SkuExport]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["sku_id", "order", "field", "value", "missing"])
    for export in exports:
        for n, f in enumerate(export.form, 1):
            writer.writerow([export.sku.sku_id, n, f.label, f.value, f.missing])
        for item in export.items:
            if not item.ok:
                writer.writerow([export.sku.sku_id, "", "Readiness", "", item.text])
    return buffer.getvalue()


def _md(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def render_portal_md(project: Project, exports: list[SkuExport]) -> str:
    lines = [f"# {_md(project.offer.offer_name or project.offer.offer_id)}: SKU form", "",
             f"Made by mpwizard {__version__}. Paste each value into the portal field of the same name.", ""]
    for export in exports:
        lines += [f"## SKU {_md(export.sku.sku_id)} — {_md(export.sku.version)}", ""]
        if export.missing:
            lines += ["**Not ready** — missing:", ""] + [f"- {_md(m)}" for m in export.missing] + [""]
        else:
            lines += ["Ready: every readiness item is met.", ""]
        lines += ["| Field | Value |", "|---|---|"]
        for f in export.form:
            value = f"`{_md(f.value)}`" if f.value else ""
            lines.append(f"| {_md(f.label)} | {value}{' **' + _md(f.missing) + '**' if f.missing else ''} |")
        lines.append("")
    return "\n".join(lines)


def _disk_urls(sku: Sku) -> tuple[str, list[str]]:
    return (sku.os_disk.blob_url if sku.os_disk else ""), [d.blob_url for d in sku.data_disks]


def _test_vm_commands(sku: Sku, var) -> list[list[tuple[str, ...]]]:
    """The two az commands for a SKU as (option, value…) groups; `var(name)` spells a shell variable."""
    os_url, data_urls = _disk_urls(sku)
    image = f"{sku.sku_id}-{sku.version}"
    create = [("az", "image", "create"), ("--resource-group", var("RESOURCE_GROUP")), ("--location", var("LOCATION")),
              ("--name", image), ("--os-type", "Windows" if sku.os_family == "windows" else "Linux"),
              ("--hyper-v-generation", "V1"), ("--source", os_url or "MISSING-OS-VHD-URL")]
    if data_urls:  # in LUN order
        create.append(("--data-disk-sources", *[u or "MISSING-DATA-VHD-URL" for u in data_urls]))
    vm = [("az", "vm", "create"), ("--resource-group", var("RESOURCE_GROUP")), ("--location", var("LOCATION")),
          ("--name", f"{sku.sku_id}-test"[:64]), ("--image", image), ("--admin-username", var("ADMIN_USERNAME"))]
    if sku.vm_sizes:
        vm.append(("--size", sku.vm_sizes[0]))
    vm.append(("--admin-password", var("ADMIN_PASSWORD")) if sku.os_family == "windows" else ("--generate-ssh-keys",))
    return [create, vm]


def _bash_word(word: str) -> str:
    return f'"{word}"' if word.startswith("$") else shlex.quote(word)


def _ps_word(word: str) -> str:
    if word.startswith("$env:") or (word and all(c.isalnum() or c in "-_./:" for c in word)):
        return word
    return "'" + word.replace("'", "''") + "'"


def _script(exports: list[SkuExport], header: list[str], var, word, continuation: str, after, windows_check) -> str:
    lines = list(header)
    for export in exports:
        sku = export.sku
        lines.append(f"# SKU {sku.sku_id} {sku.version}")
        lines += [f"# NOT READY: {m}" for m in export.missing]
        if not _disk_urls(sku)[0]:
            lines.append("# MISSING: the OS disk has no blob URL yet (upload it in the VHD check step)")
        if sku.os_family == "windows":
            lines.append(windows_check)
        for command in _test_vm_commands(sku, var):
            lines.append(continuation.join(" ".join(word(w) for w in group) for group in command))
            lines += after(command[0][1])
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
    return _script(exports, header, lambda name: f"${name}", _bash_word, " \\\n  ", lambda _noun: [],
                   ': "${ADMIN_PASSWORD:?set ADMIN_PASSWORD for the Windows test VM}"')


def render_az_ps1(project: Project, exports: list[SkuExport]) -> str:
    header = ["# Create a managed image from each SKU's VHD blobs and a test VM from it (the guide's step 4 with",
              f"# today's Azure CLI, from PowerShell). Made by mpwizard {__version__}.",
              "# Set the variables below first; no secret is written into this file.",
              "$ErrorActionPreference = 'Stop'",
              "if (-not $env:RESOURCE_GROUP) { throw 'Set $env:RESOURCE_GROUP to the resource group of the storage account' }",
              "if (-not $env:LOCATION) { throw 'Set $env:LOCATION to the storage account region, e.g. westus' }",
              "if (-not $env:ADMIN_USERNAME) { $env:ADMIN_USERNAME = 'azureuser' }", ""]
    return _script(exports, header, lambda name: f"$env:{name}", _ps_word, " `\n  ",
                   lambda noun: [f"if ($LASTEXITCODE -ne 0) {{ throw 'az {noun} create failed' }}"],
                   "if (-not $env:ADMIN_PASSWORD) { throw 'Set $env:ADMIN_PASSWORD for the Windows test VM' }")


def render(fmt: str, project: Project, exports: list[SkuExport]) -> str:
    if fmt == "portal-html":
        return render_portal_html(project, exports)
    if fmt == "portal-csv":
        return render_portal_csv(exports)
    if fmt == "portal-md":
        return render_portal_md(project, exports)
    if fmt == "partner-center-json":
        docs = [partner_center_json(project, e.sku, e.sas_uris, e.missing) for e in exports]
        return json.dumps(docs[0] if len(docs) == 1 else docs, indent=2, ensure_ascii=False) + "\n"
    if fmt == "az-script":
        return render_az_script(project, exports)
    if fmt == "az-ps1":
        return render_az_ps1(project, exports)
    raise ValueError(f"unknown export format {fmt!r} (one of {', '.join(FORMATS)})")


def sas_uri(blob_url: str, scheme: str, token: str | None) -> str | None:
    """The full SAS URI from the stored blob URL, the record's scheme and the token from the keyring."""
    if not token or not blob_url:
        return None
    return f"{scheme or 'https'}://{blob_url.split('://', 1)[1]}?{token}"


def mask_signature(text: str) -> str:
    """For showing on screen: the SAS signature replaced by dots (Copy and the export keep the real one)."""
    from .logs import SAS_SIGNATURE

    return SAS_SIGNATURE.sub(r"\1••••••", text)


def disk_sas_uri(project_id: str, disk) -> str | None:
    """The disk's full SAS URI with its token from this session or the keyring; None without one.
    Touches the keyring: call it off the GUI thread."""
    from .credentials import CredentialError, SecretRef, credentials

    if not disk.sas:
        return None
    token = None
    if disk.sas.secret_purpose:
        try:
            token = credentials().get(SecretRef(project_id, disk.sas.secret_purpose))
        except CredentialError:
            token = None
    return sas_uri(disk.sas.blob_url or disk.blob_url, disk.sas.scheme, token)


def load_sas_uris(project: Project) -> dict[str, dict[int, str | None]]:
    """Every disk's SAS URI from this session or the keyring (None where there is none). Touches the keyring."""
    return {sku.sku_id: {i: disk_sas_uri(project.project_id, disk) for i, disk in enumerate(sku.disks)}
            for sku in project.skus}
