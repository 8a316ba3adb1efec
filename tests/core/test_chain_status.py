"""The rest of issue #32's chain in the one evaluator (core.status): a test run belongs to the uploads the VM was
made from; a SAS of a blob that does not hold the checked file is ✗; the blob's metadata, read at the SAS
verification, is compared with the checked file; two files of one name are told apart; a content change found by
a later read (size and mtime restored) makes the check out of date. Old project files (runs without uploads)
still open and say the run is not tied to an upload."""

from __future__ import annotations

import json
import os
from pathlib import Path

from test_status import BASE, NOW, chained, checked, iso, items_of, uploaded

from wizard.core.identity import identity_token
from wizard.core.model import CheckRecord, SasRecord, VhdFinding
from wizard.core.model import TestRunRecord as RunRecord
from wizard.core.operations import record_run
from wizard.core.projectio import load_project, save_project
from wizard.core.status import Mark, run_uploads, step_statuses
from wizard.core.steps import Step, StepState

DEMO = Path(__file__).resolve().parents[2] / "resources/examples/demo.mpwiz"
PASSED = [CheckRecord(id="linux-ssh", result="Passed")]


def ran(project, finished="2026-11-24T10:00:00Z"):
    """A run recorded as operations.record_run records it (with the uploads of now)."""
    run = RunRecord(started_at=finished, finished_at=finished, host="vm", user="azureuser", results=list(PASSED))
    run.uploads = run_uploads(project, run.image_under_test)
    project.test_runs.append(run)
    return run


def verified_sas(disk):
    disk.sas = SasRecord(disk.blob_url, iso(NOW.replace(day=24)), iso(NOW.replace(month=12, day=31)), verdict="pass",
                         secret_purpose="x", verified_at="2026-11-24T12:00:00Z")


def test_a_run_of_the_old_upload_is_failed_until_the_tests_run_again(tmp_path):
    project, (a, b) = chained(tmp_path, "disk.vhd", "ext4.vhd")
    disk = project.skus[0].disks[0]
    checked(disk, a)
    uploaded(disk, a, f"{BASE}/disk.vhd")
    run = ran(project)
    assert run.uploads == {f"{project.skus[0].sku_id}/x64Gen1/0": identity_token(disk.upload.file_size,
                                                                                    disk.upload.file_mtime_ns,
                                                                                    disk.upload.fingerprint)}
    assert items_of(project)["test-run"].mark is Mark.OK
    checked(disk, b)  # checked, not uploaded: the VM was of the blob, not of the file checked now
    item = items_of(project)["test-run"]
    assert item.mark is Mark.PARTIAL
    assert item.text == ("The latest test run (2026-11-24T10:00:00Z) was of the uploaded disk.vhd, not of the checked "
                         "ext4.vhd: upload ext4.vhd, then run the tests again on a VM made from the new upload")
    uploaded(disk, b, f"{BASE}/ext4.vhd")
    item = items_of(project)["test-run"]
    assert item.mark is Mark.FAIL
    assert item.text == ("The latest test run (2026-11-24T10:00:00Z) was of an earlier upload of the OS disk (ext4.vhd "
                         "was uploaded since): run the tests again on a VM made from the new upload")
    assert step_statuses(project, now=NOW)[Step.TEST_RUN].state is StepState.FAILED
    ran(project, "2026-11-25T10:00:00Z")
    assert items_of(project)["test-run"].mark is Mark.OK


def test_record_run_keeps_the_uploads_of_the_image(tmp_path):
    from wizard.core.checks import CheckResult
    from wizard.core.operations import CertificationRun

    project, (a,) = chained(tmp_path, "os.vhd")
    disk = project.skus[0].disks[0]
    checked(disk, a)
    uploaded(disk, a, f"{BASE}/os.vhd")
    results = [CheckResult("linux-ssh", "", "SSH", "", "Passed", "", "", "", "")]
    record = record_run(project, CertificationRun(results, {}, "2026-11-24T10:00:00Z", "2026-11-24T10:01:00Z"), "x")
    assert list(record.uploads.values()) == [identity_token(disk.upload.file_size, disk.upload.file_mtime_ns,
                                                            disk.upload.fingerprint)]


def test_the_no_boot_warning_is_cleared_only_by_a_run_of_the_current_upload(tmp_path):
    project, (a, b) = chained(tmp_path, "disk.vhd", "ext4.vhd")
    disk = project.skus[0].disks[0]
    checked(disk, a)
    uploaded(disk, a, f"{BASE}/disk.vhd")
    ran(project)  # a VM of disk.vhd booted
    checked(disk, b)
    disk.vhd_check.verdict = "warning"
    disk.vhd_check.findings = [VhdFinding("boot-partitions", "warning", "No partition of the MBR is marked active")]
    uploaded(disk, b, f"{BASE}/ext4.vhd")
    assert items_of(project)["vhd-check:0"].mark is Mark.PARTIAL  # the run of disk.vhd says nothing of ext4.vhd
    ran(project, "2026-11-25T10:00:00Z")
    assert items_of(project)["vhd-check:0"].mark is Mark.OK


def test_an_old_run_without_uploads_is_not_tied_and_an_old_file_opens(tmp_path):
    project, (a,) = chained(tmp_path, "os.vhd")
    disk = project.skus[0].disks[0]
    checked(disk, a)
    uploaded(disk, a, f"{BASE}/os.vhd")
    ran(project)
    path = tmp_path / "old.mpwiz"
    save_project(project, path)
    data = json.loads(path.read_text(encoding="utf-8"))
    for run in data["test_runs"]:
        del run["uploads"]  # as a file written before issue #32's second part
    path.write_text(json.dumps(data), encoding="utf-8")
    loaded = load_project(path)
    assert not [p for p in loaded.problems if "uploads" in p.path]
    old = loaded.project
    assert old.test_runs[0].uploads == {}
    item = items_of(old)["test-run"]
    assert item.mark is Mark.PARTIAL and "not tied to an upload" in item.text
    assert step_statuses(old, now=NOW)[Step.TEST_RUN].state is StepState.ATTENTION


def test_a_sas_of_a_blob_without_the_checked_file_is_failed(tmp_path):
    project, (a, b) = chained(tmp_path, "disk.vhd", "ext4.vhd")
    disk = project.skus[0].disks[0]
    checked(disk, a)
    uploaded(disk, a, f"{BASE}/disk.vhd")
    verified_sas(disk)
    assert items_of(project, {0: "t"})["sas:0"].mark is Mark.OK
    checked(disk, b)  # not uploaded: the SAS opens disk.vhd
    item = items_of(project, {0: "t"})["sas:0"]
    assert item.mark is Mark.FAIL
    assert item.text == ("OS disk: the SAS URI opens a blob that does not hold the checked ext4.vhd: upload ext4.vhd again, "
                         "then make a new SAS")
    assert step_statuses(project, now=NOW)[Step.SAS].state is StepState.FAILED


def test_two_files_of_one_name_are_told_apart_by_their_folders(tmp_path):
    (tmp_path / "old").mkdir()
    (tmp_path / "new").mkdir()
    project, (a, b) = chained(tmp_path, "old/ext4.vhd", "new/ext4.vhd")
    disk = project.skus[0].disks[0]
    checked(disk, a)
    uploaded(disk, a, f"{BASE}/ext4.vhd")
    checked(disk, b)
    item = items_of(project)["upload:0"]
    assert item.mark is Mark.FAIL
    assert item.text == (f"OS disk: the blob holds ext4.vhd from the folder {tmp_path / 'old'}, not the checked ext4.vhd "
                         f"from the folder {tmp_path / 'new'}: upload ext4.vhd from {tmp_path / 'new'} again")
    disk.vhd_path = a  # chosen again, the check is of the other one
    item = items_of(project)["vhd-check:0"]
    assert item.mark is Mark.FAIL and str(b) in item.text


def test_the_blobs_metadata_decides_when_it_was_read_after_the_upload(tmp_path):
    project, (a, b) = chained(tmp_path, "disk.vhd", "ext4.vhd")
    disk = project.skus[0].disks[0]
    checked(disk, a)
    uploaded(disk, a, f"{BASE}/disk.vhd")
    disk.upload.uploaded_at = "2026-11-24T11:00:00Z"
    verified_sas(disk)
    up = disk.upload
    disk.sas.blob_identity, disk.sas.blob_file = identity_token(up.file_size, up.file_mtime_ns, up.fingerprint), "disk.vhd"
    items = items_of(project, {0: "t"})
    assert items["upload:0"].mark is Mark.OK  # the upload's own record and the metadata agree
    # Overwritten from elsewhere with another file: its metadata, read at the verification, says so.
    other = checked_token_of(b)
    disk.sas.blob_identity, disk.sas.blob_file = other, "ext4.vhd"
    items = items_of(project, {0: "t"})
    assert items["upload:0"].mark is Mark.FAIL
    assert items["upload:0"].text == ("OS disk: the blob's metadata (read when its SAS URI was verified) says it holds "
                                      "ext4.vhd, not the checked disk.vhd: upload disk.vhd again")
    assert items["sas:0"].mark is Mark.FAIL and "upload disk.vhd again, then make a new SAS" in items["sas:0"].text
    # The same name, other content: size and time tell them apart.
    disk.sas.blob_file = "disk.vhd"
    text = items_of(project, {0: "t"})["upload:0"].text
    assert "holds another disk.vhd (4096 bytes, modified " in text and "than the checked one (4096 bytes" in text
    # A blob not uploaded here whose metadata names the checked file: that is evidence.
    disk.upload = None
    disk.sas.blob_identity = identity_token(up.file_size, up.file_mtime_ns, up.fingerprint)
    item = items_of(project, {0: "t"})["upload:0"]
    assert item.mark is Mark.OK and item.text == ("OS disk: the blob's metadata (read when its SAS URI was verified) says it "
                                                  "holds the checked file disk.vhd")
    # An upload of the wizard after the reading is newer evidence than the metadata read before it.
    uploaded(disk, a, f"{BASE}/disk.vhd")
    disk.upload.uploaded_at = "2026-11-25T11:00:00Z"
    disk.sas.blob_identity = other
    assert items_of(project, {0: "t"})["upload:0"].mark is Mark.OK


def checked_token_of(path) -> str:
    from wizard.core.identity import file_identity

    ident = file_identity(path)
    return identity_token(ident.size, ident.mtime_ns, ident.fingerprint)


def test_content_found_changed_by_a_later_read_makes_the_check_out_of_date(tmp_path):
    project, (a,) = chained(tmp_path, "os.vhd")
    disk = project.skus[0].disks[0]
    checked(disk, a)
    disk.vhd_check.content_changed_at = "2026-11-25T10:00:00Z"
    item = items_of(project)["vhd-check:0"]
    assert item.mark is Mark.FAIL and "changed since it was checked" in item.text
    assert os.path.exists(a)


def test_project_check_on_the_command_line_reports_the_broken_chain_and_exits_1(tmp_path, cli):
    """On the demo (valid: exit 0), the OS disk's chain made real, then broken: `project check` says the ✗ and exits 1."""
    project = load_project(DEMO).project
    _, (a, b) = chained(tmp_path, "disk.vhd", "ext4.vhd")
    disk = project.skus[0].disks[0]
    checked(disk, a)
    uploaded(disk, a, f"{BASE}/disk.vhd")
    path = tmp_path / "chain.mpwiz"
    save_project(project, path)
    before = cli("project", "check", str(path), "--json")
    assert before.returncode == 0, before.stdout
    assert json.loads(before.stdout)["failed"] == [] and json.loads(before.stdout)["valid"] is True
    checked(disk, b)  # checked ext4.vhd, forgot to upload it
    save_project(project, path)
    result = cli("project", "check", str(path))
    assert result.returncode == 1, result.stdout
    assert (f"✗ SKU {project.skus[0].sku_id}: OS disk: the blob holds disk.vhd, not the checked ext4.vhd: upload ext4.vhd "
            "again") in result.stdout
    assert result.stdout.rstrip().endswith("invalid: 1 item(s) failed or out of date")
    data = json.loads(cli("project", "check", str(path), "--json").stdout)
    assert data["valid"] is False
    assert [(f["id"], f["step"]) for f in data["failed"]] == [("upload:0", "vhd")]
