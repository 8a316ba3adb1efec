"""One answer to "is this done?": the status evaluator (issue #34 item 1, issue #32 items 1 and 4).

Every fact a submission needs is a `StatusItem` -- an id, the step that fixes it, a mark and an English
template (+ a fix) -- computed once per SKU by `sku_items`. The export checklist is those items
(`export.readiness` returns them); the step list's marks are their aggregate per step
(`step_statuses`); page banners read the same items. Nothing else decides a mark.

Marks mean one thing everywhere:
- ✓ OK: met, with evidence (a passed check of this very file, a verified SAS of this very blob…);
- ⚠ PARTIAL: partial evidence (started, incomplete, not verified yet, passed with a doubt);
- ✗ FAIL: a failure, or a link of the chain file → check → upload → blob → SAS that no longer matches;
- ○ MISSING: nothing done yet.

Order of work: rules read the project first; a file is stat'ed only by an item that needs it (a
local file whose check passed), once per evaluation (`Context.stamp`).

Routes: how a plan image's disks reach Partner Center is a `Route`, chosen by the image's `source`
(`ROUTES`, `register_route`). The SAS route asks for check → upload → SAS per disk; the gallery route
asks for the check (none for a gallery-first image without a VHD in the project), the gallery version's
ids and what Partner Center needs of the version (`core.gallery.judge`, issue #33). Another route
registers its own hooks and its items join the same checklist and step list.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import field
from datetime import UTC, datetime, timedelta
from enum import Enum
from os import stat as _stat  # the one stat of a file per evaluation (tests count it)
from typing import Any

from .codec import Problem
from .disk_names import DISK_DATA, DISK_DATA_OF, DISK_OS, DISK_OS_OF, NESTED_TEMPLATES
from .i18n_marks import QT_TRANSLATE_NOOP
from .identity import identity_token, same_identity, same_token
from .model import OS_WINDOWS, ROLE_OS, SOURCE_GALLERY, SOURCE_SAS, Disk, PlanImage, Project, Sku, TestRunRecord, tested_image
from .profiles import Profile
from .records import record
from .steps import Step, StepState, StepStatus, offer_touched, parse_iso, sas_expiry_state
from .verdicts import BLOCKING, SKIPPED


class Mark(Enum):
    OK = "✓"
    PARTIAL = "⚠"
    FAIL = "✗"
    MISSING = "○"


# What each mark means, said beside it (tooltips, the accessible text of a checklist row).
MARK_MEANING = {
    Mark.OK: QT_TRANSLATE_NOOP("Core", "met"),
    Mark.PARTIAL: QT_TRANSLATE_NOOP("Core", "partly: needs attention"),
    Mark.FAIL: QT_TRANSLATE_NOOP("Core", "failed or out of date"),
    Mark.MISSING: QT_TRANSLATE_NOOP("Core", "not done yet"),
}
_SEVERITY = {Mark.OK: 0, Mark.MISSING: 1, Mark.PARTIAL: 2, Mark.FAIL: 3}

# -- templates (shown translated by the GUI, context "Core"; lupdate finds them by this name) ----------------
R_GALLERY_OK = QT_TRANSLATE_NOOP("Core", "{type}: the image comes from the gallery image version {version}")
R_GALLERY_BAD = QT_TRANSLATE_NOOP("Core", "{type}: the gallery source needs the tenant ID and the image version's resource ID "
                                          "(Offer & SKUs step)")
R_OFFER_OK = QT_TRANSLATE_NOOP("Core", "The offer and this SKU's details are complete")
R_OFFER_BAD = QT_TRANSLATE_NOOP("Core", "Offer and SKU details have {count} problem(s): see the Offer & SKUs step")
# The step list's Offer mark speaks of every SKU; each SKU's checklist says when another one holds it back.
R_OFFER_OTHER = QT_TRANSLATE_NOOP("Core", "Another SKU ({skus}) has {count} problem(s): see the Offer & SKUs step")
R_OFFER_OTHERS = QT_TRANSLATE_NOOP("Core", "Other SKUs ({skus}) have {count} problem(s): see the Offer & SKUs step")
R_VHD_NONE = QT_TRANSLATE_NOOP("Core", "{disk}: the VHD has not been checked")
R_VHD_STALE = QT_TRANSLATE_NOOP("Core", "{disk}: the VHD changed since it was checked: check it again")
R_VHD_OTHER = QT_TRANSLATE_NOOP("Core", "{disk}: the check was of another file or blob ({checked}): check this one")
R_VHD_FAIL = QT_TRANSLATE_NOOP("Core", "{disk}: the VHD check failed")
R_VHD_PASS = QT_TRANSLATE_NOOP("Core", "{disk}: the VHD check passed")
R_VHD_WARN = QT_TRANSLATE_NOOP("Core", "{disk}: the VHD check passed with warnings")
R_VHD_NO_BOOT = QT_TRANSLATE_NOOP("Core", "{disk}: the VHD check found no bootable partition: look inside the image "
                                          "(Check inside the image) or test it on a VM (a test run of the image counts)")
R_UPLOAD_NONE = QT_TRANSLATE_NOOP("Core", "{disk}: {file} is not uploaded yet: upload it")
R_UPLOAD_OK = QT_TRANSLATE_NOOP("Core", "{disk}: the blob holds the checked file {file}")
R_UPLOAD_OTHER = QT_TRANSLATE_NOOP("Core", "{disk}: the blob holds {sent}, not the checked {file}: upload {file} again")
R_UPLOAD_OTHER_SAME_NAME = QT_TRANSLATE_NOOP("Core", "{disk}: the blob holds {file} from the folder {sent_folder}, not the checked "
                                                     "{file} from the folder {folder}: upload {file} from {folder} again")
R_UPLOAD_BLOB_SAYS = QT_TRANSLATE_NOOP("Core", "{disk}: the blob's metadata (read when its SAS URI was verified) says it holds "
                                               "{sent}, not the checked {file}: upload {file} again")
R_UPLOAD_BLOB_SAYS_SAME_NAME = QT_TRANSLATE_NOOP("Core", "{disk}: the blob's metadata (read when its SAS URI was verified) says it "
                                                         "holds another {file} ({size} bytes, modified {modified}) than the "
                                                         "checked one ({checked_size} bytes, modified {checked_modified}): "
                                                         "upload {file} again")
R_UPLOAD_BLOB_SAYS_OK = QT_TRANSLATE_NOOP("Core", "{disk}: the blob's metadata (read when its SAS URI was verified) says it holds "
                                                  "the checked file {file}")
R_UPLOAD_CHANGED = QT_TRANSLATE_NOOP("Core", "{disk}: {file} changed since it was uploaded: upload {file} again")
R_UPLOAD_UNKNOWN = QT_TRANSLATE_NOOP("Core", "{disk}: which file the blob holds is not known (it was not uploaded "
                                             "here): upload {file} again")
R_SAS_NONE = QT_TRANSLATE_NOOP("Core", "{disk}: no SAS URI yet")
R_SAS_EXPIRED = QT_TRANSLATE_NOOP("Core", "{disk}: the SAS URI has expired: make a new one")
R_SAS_SHORT_BUSINESS = QT_TRANSLATE_NOOP("Core", "{disk}: the SAS URI expires {expiry}, too soon for the certification team (the "
                                 "profile asks for {days} business days or more): renew it")
R_SAS_SHORT_DAYS = QT_TRANSLATE_NOOP("Core", "{disk}: the SAS URI expires {expiry}, too soon for the certification team (the profile "
                             "asks for {days} days or more): renew it")
R_SAS_UNVERIFIED = QT_TRANSLATE_NOOP("Core", "{disk}: the SAS URI has not been verified")
R_SAS_OTHER_BLOB = QT_TRANSLATE_NOOP("Core", "{disk}: the SAS URI was made for another blob: make a new SAS for the new blob")
R_SAS_WRONG_DISK = QT_TRANSLATE_NOOP("Core", "{disk}: the SAS URI opens a blob that does not hold the checked {file}: upload "
                                             "{file} again, then make a new SAS")
R_SAS_NO_TOKEN = QT_TRANSLATE_NOOP("Core", "{disk}: the SAS token is not in the keyring or this session: make it again or unlock the keyring")
R_SAS_OK = QT_TRANSLATE_NOOP("Core", "{disk}: SAS URI verified, valid until {expiry}")
R_VHD_NOT_NEEDED = QT_TRANSLATE_NOOP("Core", "Every image comes from a gallery image version made elsewhere: no VHD to check here")
R_SAS_NOT_NEEDED = QT_TRANSLATE_NOOP("Core", "Every image comes from a gallery image version: no SAS URI is needed")
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
R_RUN_OLD_UPLOAD = QT_TRANSLATE_NOOP("Core", "The latest test run ({finished}) was of an earlier upload of the {disk} ({file} was "
                                             "uploaded since): run the tests again on a VM made from the new upload")
R_RUN_NOT_CHECKED = QT_TRANSLATE_NOOP("Core", "The latest test run ({finished}) was of the uploaded {sent}, not of the checked "
                                              "{file}: upload {file}, then run the tests again on a VM made from the new upload")
R_RUN_UNTIED = QT_TRANSLATE_NOOP("Core", "The latest test run ({finished}) has no Failed or Error result, but it is not tied to an "
                                         "upload (it was recorded before the wizard kept which upload a run tested): run the "
                                         "tests again on a VM made from the uploaded VHD")
R_RUN_IMAGE_OLD = QT_TRANSLATE_NOOP("Core", "The {type} image was tested before its latest upload: run the tests again on a VM "
                                            "made from the new upload")
R_RUN_IMAGE_NONE = QT_TRANSLATE_NOOP("Core", "No test run of the {type} image yet: one test VM per image type (choose the "
                                             "image on the Connection step)")
R_RUN_IMAGE_OK = QT_TRANSLATE_NOOP("Core", "The {type} image was tested ({finished})")
R_Q_OK = QT_TRANSLATE_NOOP("Core", "The questionnaire is complete")
R_Q_OPEN = QT_TRANSLATE_NOOP("Core", "The questionnaire is not complete ({answered} of {total} answered)")
R_Q_OPEN_SSH = QT_TRANSLATE_NOOP("Core", "The questionnaire is not complete ({answered} of {total} answered, SSH access information missing)")
R_REPORT_NONE = QT_TRANSLATE_NOOP("Core", "The certification report is not stored in the VHDs' container")
R_REPORT_NO_RUN = QT_TRANSLATE_NOOP("Core", "The certification report needs a test run first")
R_REPORT_OLD = QT_TRANSLATE_NOOP("Core", "The stored report is from an older test run: store it again")
R_REPORT_OK = QT_TRANSLATE_NOOP("Core", "Report stored at {url}")
# Steps that are not export items: what the step list says of them.
R_CONNECTION_NONE = QT_TRANSLATE_NOOP("Core", "The test VM's host and user are not entered yet")
R_CONNECTION = QT_TRANSLATE_NOOP("Core", "filled in, but Test connection has not reached this host and user yet")
R_CONNECTION_OK = QT_TRANSLATE_NOOP("Core", "Test connection reached this host and user")
R_EXPORT_NONE = QT_TRANSLATE_NOOP("Core", "Not exported yet")
R_EXPORT = QT_TRANSLATE_NOOP("Core", "the last export said {count} item(s) are missing")
R_EXPORT_OK = QT_TRANSLATE_NOOP("Core", "The last export had every item")


@record(frozen=True)
class StatusItem:
    """One fact a submission needs: where it is fixed, its mark, and what to say (English templates)."""

    id: str  # stable: offer, vhd-check:<disk>, upload:<disk>, sas:<disk>, test-run, questionnaire, report…
    step: Step  # where the user fixes it
    mark: Mark
    template: str  # English, marked for translation; `text` fills it in
    args: dict[str, Any] = field(default_factory=dict)  # "disk" is itself a template (DISK_OS / DISK_DATA) using "lun"
    fix: str = ""  # a template of its own when the fix is not already in `template`

    @property
    def ok(self) -> bool:
        return self.mark is Mark.OK

    @property
    def text(self) -> str:
        """In English, for the export files and the command line."""
        said = fill(self.template, self.args)
        return f"{said} {fill(self.fix, self.args)}" if self.fix else said


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


# -- the context of one evaluation -------------------------------------------------------------------------
@record
class Context:
    """What one evaluation reads: the project, its profile, the clock, the SAS tokens when known
    (None: not read -- the step list does not read the keyring), and file stats made at most once."""

    project: Project
    profile: Profile
    now: datetime | None = None
    tokens: Mapping[int, str | None] | None = None
    published: Mapping[str, str | None] = field(default_factory=dict)
    _stamps: dict[str, tuple[int, int] | None] = field(default_factory=dict)
    _offer_problems: list[Problem] | None = None

    def offer_problems(self) -> list[Problem]:
        """The offer's validation problems: worked out once per evaluation, not once per SKU."""
        if self._offer_problems is None:
            from .validation import validate_offer

            self._offer_problems = validate_offer(self.project, self.profile)
        return self._offer_problems

    @property
    def run(self) -> TestRunRecord | None:
        return self.project.latest_run()

    def stamp(self, path: str) -> tuple[int, int] | None:
        """(size, mtime_ns) of a local file now, or None when it is gone; one stat per path per evaluation."""
        if path not in self._stamps:
            self._stamps[path] = _stamp(path)
        return self._stamps[path]


def _stamp(path: str) -> tuple[int, int] | None:
    try:
        st = _stat(path)
    except OSError:
        return None
    return st.st_size, st.st_mtime_ns


def make_context(project: Project, profile: Profile | None = None, **kw: Any) -> Context:
    from .validation import project_profile

    return Context(project, profile or project_profile(project), **kw)


def _item(id_: str, step: Step, mark: Mark, template: str, args: Mapping[str, Any] | None = None, fix: str = "") -> StatusItem:
    return StatusItem(id_, step, mark, template, dict(args or {}), fix)


def _is_url(target: str) -> bool:
    return target.startswith(("http://", "https://"))


# -- offer -------------------------------------------------------------------------------------------------
OFFER_OTHERS = "offer-others"  # the item that says other SKUs have offer errors (the Offer page lists them itself)


def offer_items(ctx: Context, sku: Sku) -> Iterator[StatusItem]:
    index = ctx.project.skus.index(sku)
    errors = [p for p in ctx.offer_problems() if p.severity == "error"
              and (not p.path.startswith("skus[") or p.path.startswith(f"skus[{index}]"))]
    mark = Mark.OK if not errors else Mark.PARTIAL if offer_touched(ctx.project) else Mark.MISSING
    yield _item("offer", Step.OFFER, mark, R_OFFER_BAD if errors else R_OFFER_OK, {"count": len(errors)})
    # The other SKUs' own errors (the offer's are counted above): the step list's Offer mark is theirs too, so
    # this SKU's Export says so rather than ✓ beside a ⚠ step.
    others: dict[int, int] = {}
    for p in ctx.offer_problems():
        if p.severity == "error" and p.path.startswith("skus[") and not p.path.startswith(f"skus[{index}]"):
            other = int(p.path[5:p.path.index("]")])
            others[other] = others.get(other, 0) + 1
    if others:
        skus = ctx.project.skus
        names = ", ".join(skus[i].sku_id or f"#{i + 1}" for i in sorted(others) if i < len(skus))
        yield _item(OFFER_OTHERS, Step.OFFER, Mark.PARTIAL, R_OFFER_OTHER if len(others) == 1 else R_OFFER_OTHERS,
                    {"count": sum(others.values()), "skus": names})


# -- the chain per disk: checked file → uploaded blob → SAS URI ------------------------------------------------
def check_is_stale(disk: Disk, ctx: Context | None = None) -> bool:
    """The disk's stored check looked at another file, or the file changed since (one stat)."""
    record = disk.vhd_check
    target = disk.vhd_path or disk.blob_url
    if record is None:
        return False
    if _is_url(target):  # only a blob: the check is of this blob, or of the file an upload put into it
        if _is_url(record.target):
            return record.target.split("?")[0] != target
        upload = disk.upload
        return not (upload is not None and upload.blob_url == target and upload.source_path == record.target
                    and same_identity((upload.file_size, upload.file_mtime_ns, upload.fingerprint),
                                      (record.file_size, record.file_mtime_ns, record.fingerprint)))
    if record.target != target or record.content_changed_at:  # another file, or other content found since
        return True
    now = ctx.stamp(target) if ctx is not None else _stamp(target)
    return now != (record.file_size, record.file_mtime_ns)


def _no_boot(ctx: Context, sku: Sku, disk: Disk) -> bool:
    """An OS disk whose check found no bootable partition, and no test run of its image booted since."""
    record = disk.vhd_check
    if disk.role != ROLE_OS or record is None:
        return False
    if not any(f.id == "boot-partitions" and f.severity != "pass" for f in record.findings):
        return False
    return not any(r.results and _tests(ctx.project, r.image_under_test, sku, disk.image_type)
                   and run_currency(ctx.project, r)[0] != RUN_OLD for r in ctx.project.test_runs)


def vhd_check_item(ctx: Context, sku: Sku, i: int, disk: Disk) -> StatusItem:
    record, args = disk.vhd_check, disk_args(sku, disk)
    if record is None:
        return _item(f"vhd-check:{i}", Step.VHD, Mark.MISSING, R_VHD_NONE, args)
    if record.verdict == "fail":  # cheap first: a failed check is ✗ whatever the file is now
        return _item(f"vhd-check:{i}", Step.VHD, Mark.FAIL, R_VHD_FAIL, args)
    if check_is_stale(disk, ctx):
        if record.target.split("?")[0] != (disk.vhd_path or disk.blob_url):  # choosing another file: out of date
            checked = os.path.basename(record.target.split("?")[0]) or record.target
            if checked == os.path.basename(disk.vhd_path or disk.blob_url):  # the same name elsewhere: say where
                checked = record.target.split("?")[0]
            return _item(f"vhd-check:{i}", Step.VHD, Mark.FAIL, R_VHD_OTHER, args | {"checked": checked})
        return _item(f"vhd-check:{i}", Step.VHD, Mark.FAIL, R_VHD_STALE, args)
    if _no_boot(ctx, sku, disk):
        return _item(f"vhd-check:{i}", Step.VHD, Mark.PARTIAL, R_VHD_NO_BOOT, args)
    return _item(f"vhd-check:{i}", Step.VHD, Mark.OK, R_VHD_WARN if record.verdict == "warning" else R_VHD_PASS, args)


def upload_item(ctx: Context, sku: Sku, i: int, disk: Disk) -> StatusItem | None:
    """The link check → blob, for a disk whose local file is what was checked. None when the check
    looked at the blob itself (nothing to link) or there is no local file."""
    if not disk.vhd_path:
        return None
    mark, template, more = _upload_link(ctx, disk)
    return _item(f"upload:{i}", Step.VHD, mark, template, disk_args(sku, disk) | {"file": os.path.basename(disk.vhd_path)} | more)


def _upload_link(ctx: Context, disk: Disk) -> tuple[Mark, str, dict[str, Any]]:
    upload = disk.upload
    if not disk.blob_url:
        return Mark.MISSING, R_UPLOAD_NONE, {}
    said = _blob_says(disk)  # the blob's own metadata, read after the wizard's last upload to it
    if said is not None and said[0] is Mark.FAIL:  # overwritten from elsewhere: it decides
        return said
    if upload is None or upload.blob_url != disk.blob_url:  # not uploaded here: the metadata is the evidence
        return said if said is not None else (Mark.PARTIAL, R_UPLOAD_UNKNOWN, {})
    if upload.source_path != disk.vhd_path:
        sent, mine = os.path.basename(upload.source_path), os.path.basename(disk.vhd_path)
        if sent == mine:  # two files of one name: the folders tell them apart
            return Mark.FAIL, R_UPLOAD_OTHER_SAME_NAME, {"sent_folder": os.path.dirname(upload.source_path),
                                                         "folder": os.path.dirname(disk.vhd_path)}
        return Mark.FAIL, R_UPLOAD_OTHER, {"sent": sent}
    return (Mark.OK, R_UPLOAD_OK, {}) if _sent_is_current(ctx, disk) else (Mark.FAIL, R_UPLOAD_CHANGED, {})


def _checked_token(disk: Disk) -> str:
    """The identity of the local file as its check read it; "" when the disk's file has no current check."""
    record = disk.vhd_check
    if record is None or not disk.vhd_path or record.target != disk.vhd_path or record.content_changed_at:
        return ""
    return identity_token(record.file_size, record.file_mtime_ns, record.fingerprint)


def _modified(mtime_ns: int) -> str:
    return datetime.fromtimestamp(mtime_ns / 1e9, UTC).strftime("%Y-%m-%d %H:%M:%S UTC")


def _blob_says(disk: Disk) -> tuple[Mark, str, dict[str, Any]] | None:
    """What the blob's metadata said of its content when the disk's SAS was verified, compared with the
    checked file (issue #32): None when there is nothing to compare -- no verification of this blob, no
    identity in its metadata (not uploaded by the wizard), no check of the file, or an upload of the
    wizard to this blob since the reading (the upload's own record is newer then)."""
    sas, upload = disk.sas, disk.upload
    if sas is None or not sas.verified_at or not sas.blob_identity or sas.blob_url != disk.blob_url:
        return None
    if upload is not None and upload.blob_url == disk.blob_url and upload.uploaded_at > sas.verified_at:
        return None
    checked = _checked_token(disk)
    if not checked:
        return None
    if same_token(sas.blob_identity, checked):
        return Mark.OK, R_UPLOAD_BLOB_SAYS_OK, {}
    mine = os.path.basename(disk.vhd_path)
    if sas.blob_file != mine:
        return Mark.FAIL, R_UPLOAD_BLOB_SAYS, {"sent": sas.blob_file or "?"}
    size, mtime, _ = (sas.blob_identity.split(":", 2) + ["", "", ""])[:3]
    record = disk.vhd_check
    assert record is not None
    return Mark.FAIL, R_UPLOAD_BLOB_SAYS_SAME_NAME, {
        "size": size, "modified": _modified(int(mtime)) if mtime.isdigit() else "?",
        "checked_size": str(record.file_size), "checked_modified": _modified(record.file_mtime_ns)}


def _sent_is_current(ctx: Context, disk: Disk) -> bool:
    """What the upload sent is the file as checked (or, before any check of it, the file as it is now)."""
    upload, record = disk.upload, disk.vhd_check
    assert upload is not None
    sent = (upload.file_size, upload.file_mtime_ns, upload.fingerprint)
    if record is not None and record.target == disk.vhd_path:
        return same_identity(sent, (record.file_size, record.file_mtime_ns, record.fingerprint))
    return ctx.stamp(disk.vhd_path) == sent[:2]


def _sas_needed_expiry(ctx: Context, disk: Disk) -> datetime | None:
    """"Lives long enough": as long as the profile asks of a SAS made when this one started."""
    from .sas import minimum_expiry

    start = parse_iso(disk.sas.start) if disk.sas else None
    return minimum_expiry(ctx.profile, start) - timedelta(minutes=1) if start else None


def _sas_too_short(ctx: Context, disk: Disk) -> bool:
    expiry = parse_iso(disk.sas.expiry) if disk.sas else None
    least = _sas_needed_expiry(ctx, disk)
    return expiry is not None and least is not None and expiry < least


def sas_item(ctx: Context, sku: Sku, i: int, disk: Disk) -> StatusItem:
    args = disk_args(sku, disk)
    state = sas_expiry_state(disk, ctx.profile, ctx.now)
    sas = disk.sas
    if sas is None or state == "none":
        return _item(f"sas:{i}", Step.SAS, Mark.MISSING, R_SAS_NONE, args)
    if sas.blob_url and disk.blob_url and sas.blob_url != disk.blob_url:
        return _item(f"sas:{i}", Step.SAS, Mark.FAIL, R_SAS_OTHER_BLOB, args)
    if disk.vhd_path and _upload_link(ctx, disk)[0] is Mark.FAIL:  # the blob does not hold the checked file
        return _item(f"sas:{i}", Step.SAS, Mark.FAIL, R_SAS_WRONG_DISK, args | {"file": os.path.basename(disk.vhd_path)})
    if state == "expired":
        return _item(f"sas:{i}", Step.SAS, Mark.FAIL, R_SAS_EXPIRED, args)
    if state == "soon" or _sas_too_short(ctx, disk):
        template = R_SAS_SHORT_BUSINESS if ctx.profile.sas_min_business_days else R_SAS_SHORT_DAYS
        days = ctx.profile.sas_min_business_days or ctx.profile.sas_min_days
        return _item(f"sas:{i}", Step.SAS, Mark.FAIL, template, args | {"expiry": sas.expiry, "days": days})
    if sas.verdict not in ("pass", "warning"):
        return _item(f"sas:{i}", Step.SAS, Mark.PARTIAL, R_SAS_UNVERIFIED, args)
    if ctx.tokens is not None and not ctx.tokens.get(i):
        return _item(f"sas:{i}", Step.SAS, Mark.PARTIAL, R_SAS_NO_TOKEN, args)
    return _item(f"sas:{i}", Step.SAS, Mark.OK, R_SAS_OK, args | {"expiry": sas.expiry})


_GALLERY_MARKS = {"ok": Mark.OK, "missing": Mark.MISSING, "partial": Mark.PARTIAL, "fail": Mark.FAIL}


def gallery_items(ctx: Context, sku: Sku, image: PlanImage) -> Iterator[StatusItem]:
    """The gallery route's image items (issue #33): the version's ids, then what Partner Center needs of the
    version as `core.gallery` judges what Azure said of it (exists and generalized, matches the plan,
    replicated, readable by Partner Center)."""
    from .gallery import judge
    from .validation import GUID_RE, gallery_parts

    kind = {"type": image.image_type, "provider": ctx.profile.gallery_provider_namespace}
    parts = gallery_parts(image.gallery_resource_id)
    good = parts is not None and bool(GUID_RE.match(image.gallery_tenant_id))
    yield _item(f"gallery:{image.image_type}", Step.OFFER, Mark.OK if good else Mark.PARTIAL,
                R_GALLERY_OK if good else R_GALLERY_BAD, kind | ({"version": parts["version"]} if parts else {}))
    if good:
        for j in judge(image, sku, ctx.profile):
            yield _item(j.id, Step.OFFER, _GALLERY_MARKS[j.level], j.template, j.args)


def _checked_unless_gallery_first(ctx: Context, sku: Sku, i: int, disk: Disk) -> Iterator[StatusItem]:
    """A gallery image's disk is checked when the project holds its VHD; a gallery-first image (Packer or
    Azure Image Builder wrote the version) has no VHD here: its gallery items stand for the check."""
    if not sku.from_gallery_only(disk):
        yield vhd_check_item(ctx, sku, i, disk)


# -- routes: what a plan image's disks need, by where the image comes from ----------------------------------
DiskHook = Callable[[Context, Sku, int, Disk], Iterable[StatusItem]]
ImageHook = Callable[[Context, Sku, PlanImage], Iterable[StatusItem]]


def _nothing(*_args: Any) -> Iterable[StatusItem]:
    return ()


@record(frozen=True)
class Route:
    """How an image reaches Partner Center: `check` items per disk (the file), `link` items per disk (the
    file's link to its blob), `handoff` items per disk (what Partner Center reads: the SAS URI), `image`
    items per image. The checklist lists every disk's check, then every link, then every handoff."""

    check: DiskHook = _nothing
    link: DiskHook = _nothing
    handoff: DiskHook = _nothing
    image: ImageHook = _nothing


def _uploaded(ctx: Context, sku: Sku, i: int, disk: Disk) -> Iterator[StatusItem]:
    upload = upload_item(ctx, sku, i, disk)
    if upload is not None:
        yield upload


def _checked(ctx: Context, sku: Sku, i: int, disk: Disk) -> Iterator[StatusItem]:
    yield vhd_check_item(ctx, sku, i, disk)


def _sas(ctx: Context, sku: Sku, i: int, disk: Disk) -> Iterator[StatusItem]:
    yield sas_item(ctx, sku, i, disk)


ROUTES: dict[str, Route] = {
    SOURCE_SAS: Route(check=_checked, link=_uploaded, handoff=_sas),
    SOURCE_GALLERY: Route(check=_checked_unless_gallery_first, image=gallery_items),
}


def register_route(source: str, route: Route) -> None:
    """Let an image source (PlanImage.source) decide its own items; replaces the one registered before."""
    ROUTES[source] = route


def route_of(sku: Sku, image_type: str) -> Route:
    image = sku.image(image_type)
    return ROUTES.get(image.source if image is not None else SOURCE_SAS, ROUTES[SOURCE_SAS])


def route_items(ctx: Context, sku: Sku) -> Iterator[StatusItem]:
    for i, disk in enumerate(sku.disks):
        yield from route_of(sku, disk.image_type).check(ctx, sku, i, disk)
    for i, disk in enumerate(sku.disks):
        yield from route_of(sku, disk.image_type).link(ctx, sku, i, disk)
    for i, disk in enumerate(sku.disks):
        yield from route_of(sku, disk.image_type).handoff(ctx, sku, i, disk)
    for image in sku.images:
        yield from route_of(sku, image.image_type).image(ctx, sku, image)


# -- what the plan publishes already ----------------------------------------------------------------------------
def published_items(ctx: Context, sku: Sku) -> Iterator[StatusItem]:
    for version in sku.image_versions:
        urls = [u for im in version.images() if not im.gallery_resource_id for u in im.blob_urls]
        if not urls:
            continue
        lacking = [u for u in urls if not ctx.published.get(u)]
        yield _item(f"published:{version.version}", Step.OFFER, Mark.PARTIAL if lacking else Mark.OK,
                    R_PUBLISHED_NO_TOKEN if lacking else R_PUBLISHED_OK, {"version": version.version, "count": len(lacking)})
    untaken = sku.extra.get("untaken_versions")
    for number in untaken if isinstance(untaken, list) else []:
        yield _item(f"published:{number}", Step.OFFER, Mark.FAIL, R_PUBLISHED_UNTAKEN, {"version": str(number)})


# -- evidence from inside the image: the offline pre-flight and the test runs -------------------------------------
def preflight_is_stale(disk: Disk, ctx: Context | None = None) -> bool:
    """The file changed (or is gone) since its pre-flight (issue #23)."""
    record = disk.preflight
    if record is None:
        return False
    if record.target != disk.vhd_path:  # the disk now names another file (or a blob only)
        return True
    now = ctx.stamp(record.target) if ctx is not None else _stamp(record.target)
    return now != (record.file_size, record.file_mtime_ns)


def preflight_item(ctx: Context, sku: Sku, i: int, disk: Disk) -> StatusItem:
    """A pre-flight is shown when there is one; a later test run on the VM decides over it."""
    record = disk.preflight
    assert record is not None
    args, run = disk_args(sku, disk), ctx.run
    bad = [r.id for r in record.results if r.result in BLOCKING]
    if preflight_is_stale(disk, ctx):
        return _item(f"preflight:{i}", Step.VHD, Mark.FAIL, R_PRE_STALE, args)
    if not bad:
        return _item(f"preflight:{i}", Step.VHD, Mark.OK, R_PRE_OK, args | {"finished": record.finished_at})
    if run is not None and run.finished_at > record.finished_at and run_currency(ctx.project, run)[0] != RUN_OLD:
        return _item(f"preflight:{i}", Step.VHD, Mark.OK, R_PRE_SUPERSEDED, args | {"count": len(bad)})
    return _item(f"preflight:{i}", Step.VHD, Mark.FAIL, R_PRE_BAD, args | {"ids": ", ".join(bad)})


def preflight_items(ctx: Context, sku: Sku) -> Iterator[StatusItem]:
    for i, disk in enumerate(sku.disks):
        if disk.preflight is not None:
            yield preflight_item(ctx, sku, i, disk)


RUN_CURRENT, RUN_UNTIED, RUN_OLD = "current", "untied", "old"


def upload_token(disk: Disk) -> str:
    """The identity of the file the wizard uploaded to the disk's blob of now (as the upload recorded it);
    "" when none is known (no blob, or a blob the wizard did not upload)."""
    upload = disk.upload
    if upload is None or not disk.blob_url or upload.blob_url != disk.blob_url:
        return ""
    return identity_token(upload.file_size, upload.file_mtime_ns, upload.fingerprint)


def _image_os_disks(project: Project, key: str) -> list[tuple[str, Sku, Disk]]:
    found = tested_image(project, key)
    if found is None:
        return []
    sku, image_type = found
    return [(f"{sku.sku_id}/{image_type}/{i}", sku, d) for i, d in enumerate(sku.disks)
            if d.image_type == image_type and d.role == ROLE_OS]


def run_uploads(project: Project, image_under_test: str) -> dict[str, str]:
    """What a run recorded now keeps (TestRunRecord.uploads): each OS disk's upload identity of the image."""
    return {key: upload_token(disk) for key, _sku, disk in _image_os_disks(project, image_under_test)}


def run_currency(project: Project, run: TestRunRecord) -> tuple[str, tuple[Sku, Disk] | None]:
    """Whether a run tested the uploads of now: RUN_CURRENT; RUN_OLD with the first OS disk uploaded anew
    since; RUN_UNTIED for a run recorded before runs kept their uploads, when an upload exists now."""
    disks = _image_os_disks(project, run.image_under_test)
    if not run.uploads:
        return (RUN_UNTIED, None) if any(upload_token(d) for _k, _s, d in disks) else (RUN_CURRENT, None)
    for key, sku, disk in disks:
        if not same_token(run.uploads.get(key, ""), upload_token(disk)):
            return RUN_OLD, (sku, disk)
    return RUN_CURRENT, None


def run_item(project: Project, run: TestRunRecord | None) -> StatusItem:
    """What a test run says for certification: the latest run's item, and the Test run page's banner
    for whichever run it shows. A run of an earlier upload of the image is ✗ (its results are about
    another image); one recorded before runs kept their uploads is at best ⚠."""
    if run is None:
        return _item("test-run", Step.TEST_RUN, Mark.MISSING, R_RUN_NONE)
    if not run.results:
        return _item("test-run", Step.TEST_RUN, Mark.PARTIAL, R_RUN_EMPTY)
    state, changed = run_currency(project, run)
    if state == RUN_OLD and changed is not None:
        sku, disk = changed
        return _item("test-run", Step.TEST_RUN, Mark.FAIL, R_RUN_OLD_UPLOAD,
                     disk_args(sku, disk) | {"finished": run.finished_at,
                                             "file": os.path.basename(disk.upload.source_path if disk.upload else disk.blob_url)})
    item = _judged_run(project, run)
    if item.mark is Mark.FAIL:
        return item
    unchecked = _run_of_unchecked(project, run)
    if unchecked is not None:  # the VM was of the blob, which does not hold the file checked now
        return unchecked
    if state == RUN_UNTIED and item.ok:
        return _item("test-run", Step.TEST_RUN, Mark.PARTIAL, R_RUN_UNTIED, {"finished": run.finished_at})
    return item


def _run_of_unchecked(project: Project, run: TestRunRecord) -> StatusItem | None:
    """⚠ when an OS disk of the run's image holds (in its blob) another file than the one checked now."""
    ctx = make_context(project)
    for _key, sku, disk in _image_os_disks(project, run.image_under_test):
        upload = disk.upload
        if not disk.vhd_path or upload is None or _upload_link(ctx, disk)[0] is not Mark.FAIL:
            continue
        sent, mine = os.path.basename(upload.source_path), os.path.basename(disk.vhd_path)
        if sent == mine:
            sent, mine = upload.source_path, disk.vhd_path
        return _item("test-run", Step.TEST_RUN, Mark.PARTIAL, R_RUN_NOT_CHECKED,
                     disk_args(sku, disk) | {"finished": run.finished_at, "sent": sent, "file": mine})
    return None


def _judged_run(project: Project, run: TestRunRecord) -> StatusItem:
    # Every Windows case can be judged on every supported version (issue #24): a Skipped one blocks like an Error.
    blocking = (*BLOCKING, SKIPPED) if run.platform == OS_WINDOWS else BLOCKING
    bad = [r for r in run.results if r.result in blocking]
    unexplained = [r for r in bad if not project.questionnaire.exception_notes.get(r.id, "").strip()]
    if unexplained:
        skipped = any(r.result == SKIPPED for r in unexplained)
        return _item("test-run", Step.TEST_RUN, Mark.FAIL, R_RUN_UNJUDGED if skipped else R_RUN_UNEXPLAINED,
                     {"ids": ", ".join(r.id for r in unexplained)})
    if bad:
        return _item("test-run", Step.TEST_RUN, Mark.OK, R_RUN_EXPLAINED, {"count": len(bad)})
    return _item("test-run", Step.TEST_RUN, Mark.OK, R_RUN_OK, {"finished": run.finished_at})


def _tests(project: Project, key: str, sku: Sku, image_type: str) -> bool:
    found = tested_image(project, key)
    return found is not None and found[0] is sku and found[1] == image_type


def run_items(ctx: Context, sku: Sku) -> Iterator[StatusItem]:
    yield run_item(ctx.project, ctx.run)
    if len(sku.images) > 1:  # one test VM per image type: each needs a run of its own
        for image in sku.images:
            tested = [r for r in ctx.project.test_runs
                      if r.results and _tests(ctx.project, r.image_under_test, sku, image.image_type)]
            runs = [r for r in tested if run_currency(ctx.project, r)[0] != RUN_OLD]
            mark, template = ((Mark.OK, R_RUN_IMAGE_OK) if runs else (Mark.FAIL, R_RUN_IMAGE_OLD) if tested
                              else (Mark.MISSING, R_RUN_IMAGE_NONE))
            yield _item(f"test-run:{image.image_type}", Step.TEST_RUN, mark, template,
                        {"type": image.image_type, "finished": runs[-1].finished_at if runs else ""})


# -- the questionnaire and the report ------------------------------------------------------------------------------
def questionnaire_items(ctx: Context, sku: Sku) -> Iterator[StatusItem]:
    from .questionnaire import progress

    answers = progress(ctx.project)
    template = R_Q_OK if answers.complete else R_Q_OPEN_SSH if answers.ssh_info_missing else R_Q_OPEN
    started = answers.started or bool(ctx.project.questionnaire.ssh_access)
    mark = Mark.OK if answers.complete else Mark.PARTIAL if started else Mark.MISSING
    yield _item("questionnaire", Step.QUESTIONNAIRE, mark, template, {"answered": answers.answered, "total": answers.total})
    if not ctx.profile.certification_report_in_vhd_container:
        return  # Partner Center runs certification itself: no report in the VHDs' container (REFERENCE §9)
    report, run = sku.report, ctx.run
    if report is None or not report.blob_url:
        yield _item("report", Step.QUESTIONNAIRE, Mark.MISSING, R_REPORT_NONE if run is not None else R_REPORT_NO_RUN)
    elif run is not None and report.test_run_started != run.started_at:
        yield _item("report", Step.QUESTIONNAIRE, Mark.FAIL, R_REPORT_OLD)
    else:
        yield _item("report", Step.QUESTIONNAIRE, Mark.OK, R_REPORT_OK, {"url": report.blob_url})


def disk_items(project: Project, sku: Sku, disk: Disk, tokens: Mapping[int, str | None] | None = None) -> dict[str, StatusItem]:
    """One disk's items by kind ("vhd-check", "upload", "sas", "preflight"): what the VHD and SAS pages
    show beside the disk, the same items as the checklist's (with `tokens`, the SKU's SAS tokens by disk
    index as Export reads them, whether the token is there is judged too)."""
    ctx = make_context(project, tokens=tokens)
    i = sku.disks.index(disk)
    route = route_of(sku, disk.image_type)
    items = [*route.check(ctx, sku, i, disk), *route.link(ctx, sku, i, disk), *route.handoff(ctx, sku, i, disk)]
    if disk.preflight is not None:
        items.append(preflight_item(ctx, sku, i, disk))
    return {item.id.split(":")[0]: item for item in items}


SkuRule = Callable[[Context, Sku], Iterable[StatusItem]]
# In the checklist's order; cheap rules first is the order within each rule (a stat only where needed).
SKU_RULES: list[SkuRule] = [offer_items, route_items, published_items, preflight_items, run_items, questionnaire_items]


def sku_items(ctx: Context, sku: Sku) -> list[StatusItem]:
    """Every item a submission of `sku` needs: the export checklist."""
    return [item for rule in SKU_RULES for item in rule(ctx, sku)]


# -- steps that are not export items --------------------------------------------------------------------------------
def connection_item(project: Project) -> StatusItem:
    """Done once *Test connection* reached the target now entered (or a test run did)."""
    c = project.connection
    if not (c.host or c.user):
        return _item("connection", Step.CONNECTION, Mark.MISSING, R_CONNECTION_NONE)
    latest = project.latest_run()
    ran_there = latest is not None and (latest.host, latest.user, latest.platform) == (c.host, c.user, c.platform)
    if c.verified_target == c.target_key() or ran_there:
        return _item("connection", Step.CONNECTION, Mark.OK, R_CONNECTION_OK)
    return _item("connection", Step.CONNECTION, Mark.PARTIAL, R_CONNECTION)


def project_items(ctx: Context) -> list[StatusItem]:
    """The step list's items beyond the checklist: the connection, the last export, and what a
    project without SKUs (or without SAS disks) says."""
    project = ctx.project
    items = [connection_item(project)]
    if not project.skus and offer_touched(project):
        items.append(_item("offer", Step.OFFER, Mark.PARTIAL, R_OFFER_BAD, {"count": 1}))
    if any(s.disks for s in project.skus) and not any(s.vhd_disks for s in project.skus):
        items.append(_item("vhd-not-needed", Step.VHD, Mark.OK, R_VHD_NOT_NEEDED))
    if any(s.disks for s in project.skus) and not any(s.sas_disks for s in project.skus):
        items.append(_item("sas-not-needed", Step.SAS, Mark.OK, R_SAS_NOT_NEEDED))
    last = project.last_export
    if last is None:
        items.append(_item("export", Step.EXPORT, Mark.MISSING, R_EXPORT_NONE))
    else:
        items.append(_item("export", Step.EXPORT, Mark.PARTIAL if last.missing else Mark.OK,
                           R_EXPORT if last.missing else R_EXPORT_OK, {"count": last.missing}))
    return items


def evaluate(project: Project, profile: Profile | None = None, tokens: Mapping[str, Mapping[int, str | None]] | None = None,
             now: datetime | None = None) -> dict[str, list[StatusItem]]:
    """Every SKU's items by SKU id ("" keys the project's own), computed once."""
    return _items_by_sku(make_context(project, profile, now=now), SKU_RULES, tokens)


def _items_by_sku(ctx: Context, rules: Iterable[SkuRule], tokens: Mapping[str, Mapping[int, str | None]] | None = None,
                  ) -> dict[str, list[StatusItem]]:
    """The project's own items ("") and, per SKU id, what `rules` give for each SKU."""
    out: dict[str, list[StatusItem]] = {"": project_items(ctx)}
    for sku in ctx.project.skus:
        ctx.tokens = tokens.get(sku.sku_id) if tokens is not None else None
        out.setdefault(sku.sku_id, []).extend(item for rule in rules for item in rule(ctx, sku))
    return out


# -- the step list: each step's mark is the aggregate of its items ---------------------------------------------------
_STATE = {Mark.OK: StepState.DONE, Mark.PARTIAL: StepState.ATTENTION, Mark.FAIL: StepState.FAILED,
          Mark.MISSING: StepState.NOT_STARTED}


def step_mark(items: Iterable[StatusItem]) -> Mark:
    """✗ if any item failed; ○ if nothing was done; ✓ if all are met; ⚠ otherwise."""
    marks = {i.mark for i in items}
    if not marks or marks == {Mark.MISSING}:
        return Mark.MISSING
    if Mark.FAIL in marks:
        return Mark.FAIL
    return Mark.OK if marks == {Mark.OK} else Mark.PARTIAL


def _worst(items: list[StatusItem]) -> StatusItem | None:
    bad = [i for i in items if not i.ok]
    return max(bad, key=lambda i: _SEVERITY[i.mark]) if bad else None


def step_status(items: list[StatusItem]) -> StepStatus:
    mark = step_mark(items)
    worst = _worst(items) if mark is not Mark.MISSING else None
    if worst is None:
        return StepStatus(_STATE[mark])
    return StepStatus(_STATE[mark], worst.template, tuple(worst.args.items()))


# The steps each SKU rule can give items for: `step_items` runs only the rules that can speak of its step
# (the Offer page, on every edit, need not judge test runs and questionnaires). A route may add items to
# any step. tests/core/test_status.py checks the table against `evaluate` for random projects.
RULE_STEPS: dict[SkuRule, frozenset[Step]] = {
    offer_items: frozenset({Step.OFFER}),
    route_items: frozenset(Step),
    published_items: frozenset({Step.OFFER}),
    preflight_items: frozenset({Step.VHD}),
    run_items: frozenset({Step.TEST_RUN}),
    questionnaire_items: frozenset({Step.QUESTIONNAIRE}),
}


def step_items(project: Project, step: Step, now: datetime | None = None) -> list[tuple[str, StatusItem]]:
    """(SKU id, item) for every item of `step` that the step list judges (the keyring is not read): what a
    page lists so that its words and the step's mark come from the same items -- the items `evaluate`
    gives for the step, worked out by the rules that can give them."""
    rules = [rule for rule in SKU_RULES if step in RULE_STEPS[rule]]
    by_sku = _items_by_sku(make_context(project, now=now or datetime.now(UTC)), rules)
    return [(sku_id, item) for sku_id, items in by_sku.items() for item in items if item.step is step]


def step_statuses(project: Project, now: datetime | None = None) -> dict[Step, StepStatus]:
    """Each step's state and, when it is not done, why (the worst item's words): from the same items as
    the export checklist (the keyring is not read: a token's presence is judged at Export)."""
    by_step: dict[Step, list[StatusItem]] = {step: [] for step in Step}
    for items in evaluate(project, now=now or datetime.now(UTC)).values():
        for item in items:
            by_step[item.step].append(item)
    by_step[Step.NEXT] = by_step[Step.EXPORT]  # what remains is done in the portal: as far as the export it follows
    return {step: step_status(items) for step, items in by_step.items()}
