"""The one status evaluator (core.status): the step list's marks and the export checklist are the same
items, for random projects too; the disagreements issue #34 and issue #32 found stay fixed; the
chain checked file → upload → blob → SAS is judged link by link."""

from __future__ import annotations

import os
from datetime import UTC, datetime, timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from wizard.core.export import prepare, readiness
from wizard.core.identity import file_identity
from wizard.core.model import CheckRecord, Disk, ReportRecord, SasRecord, Sku, UploadRecord, VhdCheckRecord, VhdFinding, new_project
from wizard.core.model import TestRunRecord as RunRecord  # not "Test*": pytest would try to collect it
from wizard.core.status import ROUTES, Mark, Route, StatusItem, evaluate, register_route, step_items, step_mark, step_statuses
from wizard.core.steps import Step, StepState

NOW = datetime(2026, 11, 25, 12, 0, tzinfo=UTC)
BASE = "https://contosovhds.blob.core.windows.net/vhds"
STATE = {Mark.OK: StepState.DONE, Mark.PARTIAL: StepState.ATTENTION, Mark.FAIL: StepState.FAILED,
         Mark.MISSING: StepState.NOT_STARTED}
CHECKLIST_STEPS = (Step.OFFER, Step.VHD, Step.TEST_RUN, Step.QUESTIONNAIRE, Step.SAS)


def iso(moment: datetime) -> str:
    return moment.isoformat().replace("+00:00", "Z")


# -- random projects ----------------------------------------------------------------------------------------
@st.composite
def disks(draw, role: str, files: list[str]) -> Disk:
    disk = Disk(role, role.upper())
    name = draw(st.sampled_from(["a.vhd", "b.vhd", "c.vhd"]))
    if draw(st.booleans()):
        disk.vhd_path = draw(st.sampled_from([*files, "/nonexistent/gone.vhd"]))
    if draw(st.booleans()):
        disk.blob_url = f"{BASE}/{name}"
    check = draw(st.sampled_from(["none", "pass", "warning", "fail", "other", "no-boot"]))
    if check != "none":
        target = disk.vhd_path or disk.blob_url
        if check == "other":
            target = f"{BASE}/elsewhere.vhd"
        stamp = file_identity(target) if target and not target.startswith("http") else None
        disk.vhd_check = VhdCheckRecord(target=target, verdict="pass" if check in ("other", "no-boot") else check,
                                        file_size=stamp.size if stamp else 0, file_mtime_ns=stamp.mtime_ns if stamp else 0,
                                        fingerprint=stamp.fingerprint if stamp else "")
        if check == "no-boot":
            disk.vhd_check.findings.append(VhdFinding("boot-partitions", "warning"))
    upload = draw(st.sampled_from(["none", "same", "other-file", "other-blob"]))
    if upload != "none" and disk.blob_url and disk.vhd_path:
        source = disk.vhd_path if upload != "other-file" else "/elsewhere/old.vhd"
        stamp = file_identity(source)
        disk.upload = UploadRecord(disk.blob_url if upload != "other-blob" else f"{BASE}/old.vhd", source,
                                   stamp.size if stamp else 1, stamp.mtime_ns if stamp else 1,
                                   stamp.fingerprint if stamp else "x")
    sas = draw(st.sampled_from(["none", "ok", "unverified", "expired", "short", "other-blob"]))
    if sas != "none":
        start = NOW - timedelta(days=1)
        expiry = {"expired": NOW - timedelta(hours=1), "short": NOW + timedelta(days=2)}.get(sas, NOW + timedelta(days=40))
        blob = disk.blob_url if sas != "other-blob" else f"{BASE}/old.vhd"
        disk.sas = SasRecord(blob, iso(start), iso(expiry), verdict="" if sas == "unverified" else "pass",
                             secret_purpose=f"sas:{blob}")
    return disk


@st.composite
def projects(draw, files: list[str]):
    project = new_project()
    if draw(st.booleans()):
        project.offer.publisher_namespace, project.offer.offer_id, project.offer.offer_name = "contoso", "web", "Web"
    project.skus = []
    for n in range(draw(st.integers(1, 2))):
        sku = Sku(sku_id=f"plan-{n}", title="Plan", summary="A plan.", os_friendly_name="Ubuntu Server 22.04 LTS",
                  vm_sizes=["Standard_D1_v2", "Standard_D2_v2", "Standard_D3_v2"][:draw(st.integers(1, 3))])
        sku.disks = [draw(disks("os", files))] + [draw(disks("data", files)) for _ in range(draw(st.integers(0, 2)))]
        project.skus.append(sku)
    for _ in range(draw(st.integers(0, 2))):
        results = [CheckRecord(f"case-{k}", result=draw(st.sampled_from(["Passed", "Warning", "Failed", "Error"])))
                   for k in range(draw(st.integers(0, 3)))]
        project.test_runs.append(RunRecord(iso(NOW - timedelta(hours=3)), iso(NOW - timedelta(hours=2)), "linux",
                                               "h", "u", project.profile_id, "x", results))
    if project.test_runs and draw(st.booleans()):
        for r in project.test_runs[-1].results:
            project.questionnaire.exception_notes[r.id] = "explained"
    if draw(st.booleans()):
        from factories import answer_everything

        answer_everything(project)
    for sku in project.skus:
        if draw(st.booleans()):
            started = project.test_runs[-1].started_at if project.test_runs and draw(st.booleans()) else "old"
            sku.report = ReportRecord("r.zip", blob_url=f"{BASE}/r.zip", test_run_started=started)
    return project


def every_token(project):
    return {s.sku_id: {i: f"{d.blob_url}?sig=x" for i, d in enumerate(s.disks)} for s in project.skus}


def checklist_by_step(project) -> dict[Step, list[StatusItem]]:
    """What Export shows, gathered by the step each item sends the person to."""
    found: dict[Step, list[StatusItem]] = {step: [] for step in CHECKLIST_STEPS}
    for export in prepare(project, every_token(project), now=NOW):
        for item in export.items:
            found[item.step].append(item)
    return found


FILES: list[str] = []


def _files(tmp_dir: str) -> list[str]:
    if not FILES:
        for name in ("one.vhd", "two.vhd"):
            path = os.path.join(tmp_dir, name)
            with open(path, "wb") as f:
                f.write(os.urandom(4096))
            FILES.append(path)
    return FILES


import tempfile  # noqa: E402 -- the files the random projects point at, made once per session

_TMP = tempfile.mkdtemp(prefix="status-")


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(projects(_files(_TMP)))
def test_the_step_list_mark_is_the_checklist_mark_for_random_projects(project):
    statuses = step_statuses(project, now=NOW)
    checklist = checklist_by_step(project)
    for step in (Step.VHD, Step.TEST_RUN, Step.QUESTIONNAIRE, Step.OFFER):
        items = checklist[step]
        state = statuses[step].state
        assert state is STATE[step_mark(items)], (step, state, [(i.id, i.mark, i.text) for i in items])
        # Said plainly: ✓ in the step list only when Export has every item of the step met, ✗ when
        # Export has one failed, and the step's reason is the words of an item Export shows.
        assert (state is StepState.DONE) == (bool(items) and all(i.ok for i in items)), step
        assert (state is StepState.FAILED) == any(i.mark is Mark.FAIL for i in items), step
        if state is not StepState.DONE and statuses[step].reason:
            assert statuses[step].reason in {i.template for i in items}
    sas_items = checklist[Step.SAS]
    if sas_items:
        assert statuses[Step.SAS].state is STATE[step_mark(sas_items)]


def test_another_skus_errors_are_on_this_skus_export_as_on_the_step_list():
    """Issue #32 review: Export said "✓ Offer and SKU details are complete" for a complete SKU while the step
    list showed the Offer step ⚠ for another SKU's errors. Now the complete SKU's Export says it is this SKU and
    that another one has problems, with the step list's ⚠."""
    project = new_project()
    project.offer.publisher_namespace, project.offer.offer_id, project.offer.offer_name = "contoso", "web", "Web"
    good = Sku(sku_id="good", title="Plan", summary="A plan.", os_friendly_name="Ubuntu Server 22.04 LTS",
               vm_sizes=["Standard_D1_v2", "Standard_D2_v2", "Standard_D3_v2"])
    bad = Sku(sku_id="bad", title="", summary="", os_friendly_name="Ubuntu Server 22.04 LTS",
              vm_sizes=["Standard_D1_v2", "Standard_D2_v2", "Standard_D3_v2"])
    project.skus = [good, bad]
    (export,) = prepare(project, every_token(project), "good", now=NOW)
    offer = {i.id: i for i in export.items if i.step is Step.OFFER}
    assert offer["offer"].ok and offer["offer"].text == "The offer and this SKU's details are complete"
    assert offer["offer-others"].mark is Mark.PARTIAL
    assert offer["offer-others"].text == "Another SKU (bad) has 2 problem(s): see the Offer & SKUs step"
    assert step_statuses(project, now=NOW)[Step.OFFER].state is StepState.ATTENTION
    assert step_mark(list(offer.values())) is Mark.PARTIAL  # this SKU's Export agrees with the step list
    bad.title, bad.summary = "Plan", "A plan."
    (export,) = prepare(project, every_token(project), "good", now=NOW)
    assert [i.id for i in export.items if i.step is Step.OFFER] == ["offer"]
    assert step_statuses(project, now=NOW)[Step.OFFER].state is StepState.DONE


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(projects(_files(_TMP)))
def test_a_steps_items_are_the_items_the_whole_evaluation_gives_that_step(project):
    # step_items runs only the rules RULE_STEPS says can speak of the step (the Offer page calls it on every
    # edit); a rule that starts giving items for another step without saying so makes this fail.
    whole = evaluate(project, now=NOW)
    for step in Step:
        expected = [(sku_id, item) for sku_id, items in whole.items() for item in items if item.step is step]
        assert step_items(project, step, now=NOW) == expected, step


# -- the disagreements the issues found ----------------------------------------------------------------------
def one_disk_project(tmp_path, **disk):
    project = new_project()
    project.skus[0].disks = [Disk("os", "OS", **disk)]
    return project


def items_of(project, tokens=None):
    return {i.id: i for i in readiness(project, project.skus[0], tokens or {}, now=NOW)}


def test_a_vhd_changed_since_its_check_is_failed_in_the_step_list_and_in_export(tmp_path):
    path = tmp_path / "os.vhd"
    path.write_bytes(b"x" * 1024)
    project = one_disk_project(tmp_path, vhd_path=str(path))
    ident = file_identity(str(path))
    project.skus[0].disks[0].vhd_check = VhdCheckRecord(target=str(path), verdict="pass", file_size=ident.size,
                                                        file_mtime_ns=ident.mtime_ns, fingerprint=ident.fingerprint)
    assert items_of(project)["vhd-check:0"].mark is Mark.OK
    path.write_bytes(b"y" * 2048)
    assert items_of(project)["vhd-check:0"].mark is Mark.FAIL
    assert step_statuses(project, now=NOW)[Step.VHD].state is StepState.FAILED


def test_a_sas_too_short_or_unverified_never_passes_the_step_list():
    project = new_project()
    disk = project.skus[0].disks[0]
    disk.blob_url = f"{BASE}/os.vhd"
    disk.sas = SasRecord(disk.blob_url, iso(NOW - timedelta(days=1)), iso(NOW + timedelta(days=40)), verdict="",
                         secret_purpose="x")
    assert step_statuses(project, now=NOW)[Step.SAS].state is StepState.ATTENTION  # ⚠: not verified yet
    disk.sas.verdict = "pass"
    assert step_statuses(project, now=NOW)[Step.SAS].state is StepState.DONE
    disk.sas.expiry = iso(NOW + timedelta(days=2))  # shorter than the profile asks
    assert step_statuses(project, now=NOW)[Step.SAS].state is StepState.FAILED
    assert items_of(project, {0: "u"})["sas:0"].mark is Mark.FAIL


def test_an_empty_disk_without_a_bootable_partition_is_not_a_pass():
    project = new_project()
    disk = project.skus[0].disks[0]
    disk.blob_url = f"{BASE}/os.vhd"
    disk.vhd_check = VhdCheckRecord(target=disk.blob_url, verdict="warning",
                                    findings=[VhdFinding("boot-partitions", "warning")])
    item = items_of(project)["vhd-check:0"]
    assert item.mark is Mark.PARTIAL and "no bootable partition" in item.text
    assert step_statuses(project, now=NOW)[Step.VHD].state is StepState.ATTENTION
    # A test run of the image on a VM is the evidence that it boots.
    project.test_runs.append(RunRecord(iso(NOW), iso(NOW), "linux", "h", "u", project.profile_id, "x",
                                       [CheckRecord("bash-history", result="Passed")]))
    assert items_of(project)["vhd-check:0"].mark is Mark.OK


def test_failed_cases_inside_the_image_fail_the_vhd_step(tmp_path):
    from wizard.core.model import PreflightRecord

    path = tmp_path / "os.vhd"
    path.write_bytes(b"x" * 1024)
    project = one_disk_project(tmp_path, vhd_path=str(path))
    disk = project.skus[0].disks[0]
    stat = os.stat(path)
    disk.vhd_check = VhdCheckRecord(target=str(path), verdict="pass", file_size=stat.st_size, file_mtime_ns=stat.st_mtime_ns)
    disk.preflight = PreflightRecord(str(path), stat.st_size, stat.st_mtime_ns, finished_at=iso(NOW),
                                     results=[CheckRecord("bash-history", result="Failed")])
    assert step_statuses(project, now=NOW)[Step.VHD].state is StepState.FAILED
    assert items_of(project)["preflight:0"].mark is Mark.FAIL


def test_no_run_is_no_evidence():
    project = new_project()
    item = items_of(project)["test-run"]
    assert item.mark is Mark.MISSING and item.text == "No certification test run yet"
    assert step_statuses(project, now=NOW)[Step.TEST_RUN].state is StepState.NOT_STARTED


def test_unexplained_failures_fail_the_step_and_explained_ones_pass_it_everywhere():
    project = new_project()
    project.test_runs.append(RunRecord(iso(NOW), iso(NOW), "linux", "h", "u", project.profile_id, "x",
                                           [CheckRecord("iptables", result="Failed")]))
    assert items_of(project)["test-run"].mark is Mark.FAIL
    assert step_statuses(project, now=NOW)[Step.TEST_RUN].state is StepState.FAILED
    project.questionnaire.exception_notes["iptables"] = "Own firewall."
    assert items_of(project)["test-run"].mark is Mark.OK
    assert step_statuses(project, now=NOW)[Step.TEST_RUN].state is StepState.DONE


# -- the chain per disk: checked file → upload → blob → SAS ---------------------------------------------------
def chained(tmp_path, *names):
    """A project whose OS disk checked `names[0]`; every name is a real file."""
    paths = []
    for n, name in enumerate(names):
        path = tmp_path / name
        path.write_bytes(bytes([n + 1]) * 4096)
        paths.append(str(path))
    project = one_disk_project(tmp_path, vhd_path=paths[0])
    return project, paths


def checked(disk, path):
    ident = file_identity(path)
    disk.vhd_path = path
    disk.vhd_check = VhdCheckRecord(target=path, verdict="pass", file_size=ident.size, file_mtime_ns=ident.mtime_ns,
                                    fingerprint=ident.fingerprint)


def uploaded(disk, path, blob):
    ident = file_identity(path)
    disk.blob_url = blob
    disk.upload = UploadRecord(blob, path, ident.size, ident.mtime_ns, ident.fingerprint)


def test_upload_a_check_b_is_failed_until_b_is_uploaded(tmp_path):
    project, (a, b) = chained(tmp_path, "disk.vhd", "ext4.vhd")
    disk = project.skus[0].disks[0]
    checked(disk, a)
    uploaded(disk, a, f"{BASE}/disk.vhd")
    disk.sas = SasRecord(disk.blob_url, iso(NOW - timedelta(days=1)), iso(NOW + timedelta(days=40)), verdict="pass",
                         secret_purpose="x")
    assert items_of(project, {0: "u"})["upload:0"].mark is Mark.OK
    checked(disk, b)  # choose and check ext4.vhd, forget to upload it
    item = items_of(project, {0: "u"})["upload:0"]
    assert item.mark is Mark.FAIL
    assert item.text == "OS disk: the blob holds disk.vhd, not the checked ext4.vhd: upload ext4.vhd again"
    assert step_statuses(project, now=NOW)[Step.VHD].state is StepState.FAILED
    uploaded(disk, b, f"{BASE}/ext4.vhd")
    items = items_of(project, {0: "u"})
    assert items["upload:0"].mark is Mark.OK
    # The SAS belongs to the old blob: out of date, with the fix.
    assert items["sas:0"].mark is Mark.FAIL
    assert items["sas:0"].text == "OS disk: the SAS URI was made for another blob: make a new SAS for the new blob"
    assert step_statuses(project, now=NOW)[Step.SAS].state is StepState.FAILED


def test_choosing_another_file_marks_what_followed_out_of_date(tmp_path):
    project, (a, b) = chained(tmp_path, "one.vhd", "two.vhd")
    disk = project.skus[0].disks[0]
    checked(disk, a)
    uploaded(disk, a, f"{BASE}/one.vhd")
    assert step_statuses(project, now=NOW)[Step.VHD].state is StepState.DONE
    disk.vhd_path = b  # chosen, not yet checked
    items = items_of(project)
    assert items["vhd-check:0"].mark is Mark.FAIL
    assert items["vhd-check:0"].text == "OS disk: the check was of another file or blob (one.vhd): check this one"
    assert items["upload:0"].mark is Mark.FAIL


def test_a_file_changed_after_its_upload_is_not_the_blob(tmp_path):
    project, (a,) = chained(tmp_path, "os.vhd")
    disk = project.skus[0].disks[0]
    uploaded(disk, a, f"{BASE}/os.vhd")
    with open(a, "r+b") as f:  # same size, new content and time: the check after it sees another file
        f.write(b"\x09" * 512)
    os.utime(a, ns=(disk.upload.file_mtime_ns + 10**9, disk.upload.file_mtime_ns + 10**9))
    checked(disk, a)
    item = items_of(project)["upload:0"]
    assert item.mark is Mark.FAIL and "changed since it was uploaded" in item.text


def test_a_blob_not_uploaded_here_is_partial_evidence(tmp_path):
    project, (a,) = chained(tmp_path, "os.vhd")
    disk = project.skus[0].disks[0]
    checked(disk, a)
    disk.blob_url = f"{BASE}/os.vhd"  # typed in, or uploaded by another tool
    assert items_of(project)["upload:0"].mark is Mark.PARTIAL
    assert step_statuses(project, now=NOW)[Step.VHD].state is StepState.ATTENTION


def test_the_stat_is_made_only_where_an_item_needs_it(tmp_path, monkeypatch):
    """A failed check and a check of a blob need no stat; a passed check of a file needs one, once."""
    import wizard.core.status as status

    calls = []
    real = os.stat
    monkeypatch.setattr(status, "_stat", lambda p: calls.append(p) or real(p))
    project, (a,) = chained(tmp_path, "os.vhd")
    disk = project.skus[0].disks[0]
    checked(disk, a)
    disk.vhd_check.verdict = "fail"
    step_statuses(project, now=NOW)
    assert calls == []
    disk.vhd_check.verdict = "pass"
    step_statuses(project, now=NOW)
    assert calls == [a]


def test_a_route_contributes_its_own_items():
    """An image source registers its route: its items join the checklist and the step list."""
    project = new_project()
    sku = project.skus[0]
    sku.images[0].source = "test-route"

    def image_items(ctx, sku, image):
        yield StatusItem(f"route:{image.image_type}", Step.SAS, Mark.PARTIAL, "{type}: route item", {"type": image.image_type})

    register_route("test-route", Route(image=image_items))
    try:
        items = items_of(project)
        assert items["route:x64Gen1"].text == "x64Gen1: route item"
        assert "vhd-check:0" not in items and "sas:0" not in items
        assert step_statuses(project, now=NOW)[Step.SAS].state is StepState.ATTENTION
    finally:
        ROUTES.pop("test-route")


def test_a_check_of_a_file_counts_for_a_blob_only_through_the_upload_that_sent_it(tmp_path):
    """The file's name cleared and a blob typed in: the old file's check is no evidence for that blob."""
    project, (a,) = chained(tmp_path, "os.vhd")
    disk = project.skus[0].disks[0]
    checked(disk, a)
    disk.vhd_path, disk.blob_url = "", f"{BASE}/other.vhd"
    assert items_of(project)["vhd-check:0"].mark is Mark.FAIL
    uploaded(disk, a, f"{BASE}/other.vhd")
    disk.vhd_path = ""
    assert items_of(project)["vhd-check:0"].mark is Mark.OK


def test_the_report_in_the_vhds_container_is_a_2015_rule_only():
    """REFERENCE §1 step 4 stores the report beside the VHDs (the 2015 guide); Partner Center asks no such
    thing (§9): its checklist, the Export readiness and the step list never name it."""
    from wizard.core.profiles import load_profile

    assert load_profile("publishing-guide-2015").certification_report_in_vhd_container
    assert not load_profile("partner-center").certification_report_in_vhd_container
    project = new_project()
    project.test_runs.append(RunRecord(iso(NOW), iso(NOW), "linux", "h", "u", project.profile_id, "x",
                                       [CheckRecord("bash-history", result="Passed")]))
    project.profile_id = "publishing-guide-2015"
    said = [i.text for i in readiness(project, project.skus[0], {}, now=NOW)]
    assert "The certification report is not stored in the VHDs' container" in said
    project.profile_id = "partner-center"
    items = readiness(project, project.skus[0], {}, now=NOW)
    assert not any(i.id == "report" or "container" in i.text for i in items)
    assert step_statuses(project, now=NOW)[Step.QUESTIONNAIRE].reason != "The certification report is not stored in the VHDs' container"
