"""What must be true before a SKU is submitted: one item per fact, each with the step that fixes it
(REFERENCE.md §7). Qt-free; SAS URIs are passed in.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from ..disk_names import DISK_DATA, DISK_DATA_OF, DISK_OS, DISK_OS_OF, NESTED_TEMPLATES
from ..gallery import judge as gallery_judge
from ..i18n_marks import QT_TRANSLATE_NOOP
from ..model import OS_WINDOWS, ROLE_OS, SOURCE_GALLERY, Disk, Project, Sku, TestRunRecord, tested_image
from ..profiles import Profile
from ..questionnaire import progress as questionnaire_progress
from ..sas import minimum_expiry
from ..steps import Step, parse_iso, sas_expiry_state
from ..validation import GUID_RE, gallery_parts, project_profile, validate_offer
from ..verdicts import BLOCKING, SKIPPED
from ..vhdjobs import check_is_stale, preflight_is_stale

# -- readiness -------------------------------------------------------------------------
# The templates below are shown translated by the GUI (context "Core"); lupdate finds them by this name.
R_GALLERY_OK = QT_TRANSLATE_NOOP("Core", "{type}: the image comes from the gallery image version {version}")
R_GALLERY_BAD = QT_TRANSLATE_NOOP("Core", "{type}: the gallery source needs the tenant ID and the image version's resource ID "
                                          "(Offer & SKUs step)")
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
R_PUBLISHED_OK = QT_TRANSLATE_NOOP("Core", "Published version {version} is kept, with its image sources")
R_PUBLISHED_NO_TOKEN = QT_TRANSLATE_NOOP("Core", "Published version {version}: {count} SAS URI(s) are not in the keyring: "
                                                 "import the plan from Partner Center again")
R_PUBLISHED_UNTAKEN = QT_TRANSLATE_NOOP("Core", "Published version {version} could not be imported: a configure request "
                                                "from this export would drop it. Configure the plan in Partner Center")
R_PRE_OK = QT_TRANSLATE_NOOP("Core", "{disk}: the offline pre-flight ({finished}) found no Failed or Error result")
R_PRE_BAD = QT_TRANSLATE_NOOP("Core", "{disk}: the offline pre-flight found Failed/Error results: {ids}. Fix the image, "
                                      "or let a later test run on the VM decide")
R_PRE_SUPERSEDED = QT_TRANSLATE_NOOP("Core", "{disk}: the offline pre-flight found {count} Failed/Error result(s); the "
                                             "later test run on the VM decides")
R_PRE_STALE = QT_TRANSLATE_NOOP("Core", "{disk}: the VHD changed since its offline pre-flight: check inside it again")
R_RUN_NONE = QT_TRANSLATE_NOOP("Core", "No certification test run yet")
R_RUN_EMPTY = QT_TRANSLATE_NOOP("Core", "The latest test run has no results")
R_RUN_UNEXPLAINED = QT_TRANSLATE_NOOP("Core", "The latest test run has Failed/Error results without an exception explanation: {ids}")
R_RUN_UNJUDGED = QT_TRANSLATE_NOOP("Core", "The latest Windows test run has cases that were not judged (Skipped) or "
                                           "Failed/Error results, without an exception explanation: {ids}")
R_RUN_EXPLAINED = QT_TRANSLATE_NOOP("Core", "The latest test run's {count} Failed/Error result(s) each have an exception explanation")
R_RUN_OK = QT_TRANSLATE_NOOP("Core", "The latest test run ({finished}) has no Failed or Error result")
R_RUN_IMAGE_NONE = QT_TRANSLATE_NOOP("Core", "No test run of the {type} image yet: one test VM per image type (choose the "
                                             "image on the Connection step)")
R_RUN_IMAGE_OK = QT_TRANSLATE_NOOP("Core", "The {type} image was tested ({finished})")
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
    args: dict[str, Any] = field(default_factory=dict)  # "disk" is itself a template (DISK_OS / DISK_DATA) using "lun"

    @property
    def text(self) -> str:
        """In English, for the export files and the command line."""
        return fill(self.template, self.args)




def fill(template: str, args: Mapping[str, object]) -> str:
    """Format a template whose argument values may be templates of their own (a disk's name with its LUN)."""
    values = {k: (v.format(**args) if isinstance(v, str) and v in NESTED_TEMPLATES else v) for k, v in args.items()}
    return template.format(**values)


def disk_args(sku: Sku, disk: Disk) -> dict[str, Any]:
    """A disk's name for the readiness: with its image type when the plan has more than one."""
    if len(sku.images) > 1:
        return ({"disk": DISK_OS_OF, "type": disk.image_type} if disk.role == ROLE_OS
                else {"disk": DISK_DATA_OF, "type": disk.image_type, "lun": sku.lun_of(disk)})
    return {"disk": DISK_OS} if disk.role == ROLE_OS else {"disk": DISK_DATA, "lun": sku.lun_of(disk)}


def _tests(project: Project, key: str, sku: Sku, image_type: str) -> bool:
    found = tested_image(project, key)
    return found is not None and found[0] is sku and found[1] == image_type


def needs_sas(sku: Sku, disk: Disk) -> bool:
    return sku.needs_sas(disk)


def readiness(project: Project, sku: Sku, sas_uris: Mapping[int, str | None], profile: Profile | None = None,
              now: datetime | None = None, published: Mapping[str, str | None] | None = None) -> list[ReadinessItem]:
    """Every item a submission of `sku` needs; `sas_uris` maps disk index → full SAS URI (or None)."""
    profile = profile or project_profile(project)
    index = project.skus.index(sku)
    items = []
    errors = [p for p in validate_offer(project, profile) if p.severity == "error"
              and (not p.path.startswith("skus[") or p.path.startswith(f"skus[{index}]"))]
    items.append(ReadinessItem("offer", Step.OFFER, not errors, R_OFFER_BAD if errors else R_OFFER_OK,
                               {"count": len(errors)}))
    for i, disk in enumerate(sku.disks):
        if sku.from_gallery_only(disk):
            continue  # the gallery image version is the image: its items below stand for the VHD check
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
        if not needs_sas(sku, disk):
            continue
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
    for image in sku.images:
        if image.source != SOURCE_GALLERY:
            continue
        kind = {"type": image.image_type, "provider": profile.gallery_provider_namespace}
        parts = gallery_parts(image.gallery_resource_id)
        good = parts is not None and bool(GUID_RE.match(image.gallery_tenant_id))
        items.append(ReadinessItem(f"gallery:{image.image_type}", Step.OFFER, good, R_GALLERY_OK if good else R_GALLERY_BAD,
                                   kind | ({"version": parts["version"]} if parts else {})))
        if good:  # what Azure says of the version: exists, generalized, matches, replicated, readable (core.gallery)
            items += [ReadinessItem(j.id, Step.OFFER, j.ok, j.template, j.args) for j in gallery_judge(image, sku, profile)]
    published = published or {}
    for version in sku.image_versions:
        urls = [u for im in version.images() if not im.gallery_resource_id for u in im.blob_urls]
        if not urls:
            continue
        lacking = [u for u in urls if not published.get(u)]
        items.append(ReadinessItem(f"published:{version.version}", Step.OFFER, not lacking,
                                   R_PUBLISHED_NO_TOKEN if lacking else R_PUBLISHED_OK,
                                   {"version": version.version, "count": len(lacking)}))
    for number in sku.extra.get("untaken_versions", []) if isinstance(sku.extra.get("untaken_versions"), list) else []:
        items.append(ReadinessItem(f"published:{number}", Step.OFFER, False, R_PUBLISHED_UNTAKEN, {"version": str(number)}))
    run = project.latest_run()
    for i, disk in enumerate(sku.disks):
        if disk.preflight is not None:
            items.append(_preflight_item(i, sku, disk, run))
    if run is None:
        items.append(ReadinessItem("test-run", Step.TEST_RUN, False, R_RUN_NONE))
    else:
        # Every Windows case can be judged on every supported version (issue #24): a Skipped one (a run
        # recorded before, or a case that could not be judged) blocks like an Error.
        blocking = (*BLOCKING, SKIPPED) if run.platform == OS_WINDOWS else BLOCKING
        bad = [r for r in run.results if r.result in blocking]
        unexplained = [r for r in bad if not project.questionnaire.exception_notes.get(r.id, "").strip()]
        if not run.results:
            item: tuple[bool, str, dict[str, Any]] = (False, R_RUN_EMPTY, {})
        elif unexplained:
            skipped = any(r.result == SKIPPED for r in unexplained)
            item = (False, R_RUN_UNJUDGED if skipped else R_RUN_UNEXPLAINED, {"ids": ", ".join(r.id for r in unexplained)})
        elif bad:
            item = (True, R_RUN_EXPLAINED, {"count": len(bad)})
        else:
            item = (True, R_RUN_OK, {"finished": run.finished_at})
        items.append(ReadinessItem("test-run", Step.TEST_RUN, *item))
    if len(sku.images) > 1:  # one test VM per image type: each needs a run of its own
        for image in sku.images:
            runs = [r for r in project.test_runs if r.results and _tests(project, r.image_under_test, sku, image.image_type)]
            items.append(ReadinessItem(f"test-run:{image.image_type}", Step.TEST_RUN, bool(runs),
                                       R_RUN_IMAGE_OK if runs else R_RUN_IMAGE_NONE,
                                       {"type": image.image_type, "finished": runs[-1].finished_at if runs else ""}))
    answers = questionnaire_progress(project)
    q_template = R_Q_OK if answers.complete else R_Q_OPEN_SSH if answers.ssh_info_missing else R_Q_OPEN
    items.append(ReadinessItem("questionnaire", Step.QUESTIONNAIRE, answers.complete, q_template,
                               {"answered": answers.answered, "total": answers.total}))
    report = sku.report
    if report is None or not report.blob_url:
        items.append(ReadinessItem("report", Step.QUESTIONNAIRE, False, R_REPORT_NONE))
    elif run is not None and report.test_run_started != run.started_at:
        items.append(ReadinessItem("report", Step.QUESTIONNAIRE, False, R_REPORT_OLD))
    else:
        items.append(ReadinessItem("report", Step.QUESTIONNAIRE, True, R_REPORT_OK, {"url": report.blob_url}))
    return items


def _preflight_item(index: int, sku: Sku, disk: Disk, run: TestRunRecord | None) -> ReadinessItem:
    """A pre-flight is shown when there is one; it is advisory: a later test run on the VM decides."""
    record = disk.preflight
    assert record is not None
    args = disk_args(sku, disk)
    bad = [r.id for r in record.results if r.result in BLOCKING]
    if preflight_is_stale(disk):
        return ReadinessItem(f"preflight:{index}", Step.VHD, False, R_PRE_STALE, args)
    if not bad:
        return ReadinessItem(f"preflight:{index}", Step.VHD, True, R_PRE_OK, args | {"finished": record.finished_at})
    if run is not None and run.finished_at > record.finished_at:
        return ReadinessItem(f"preflight:{index}", Step.VHD, True, R_PRE_SUPERSEDED, args | {"count": len(bad)})
    return ReadinessItem(f"preflight:{index}", Step.VHD, False, R_PRE_BAD, args | {"ids": ", ".join(bad)})
