"""The same item shows the same mark on the page and in the step list (issue #32 "marks mean one thing"):
a SAS that expires before the profile's minimum is ✗ in the evaluator, so the SAS page's row and banner say ✗
too (they said ⚠ "expires soon" beside a ✗ step)."""

from __future__ import annotations

import os
from datetime import UTC, datetime, timedelta

from person import settle

from wizard.core.model import SasRecord
from wizard.core.steps import Step


def test_a_sas_that_expires_too_soon_is_failed_on_the_page_as_in_the_step_list(demo_window):
    window = demo_window(Step.OFFER)
    project = window.document.project
    now = datetime.now(UTC).replace(microsecond=0)
    for sku in project.skus:
        for disk in sku.disks:
            disk.blob_url = f"https://contosovhds.blob.core.windows.net/vhds/{sku.sku_id}-{disk.role}.vhd"
            disk.sas = SasRecord(blob_url=disk.blob_url, start=(now - timedelta(minutes=15)).isoformat(),
                                 expiry=(now + timedelta(days=40)).isoformat(), verdict="pass",
                                 secret_purpose=f"sas:{disk.blob_url}")
    project.skus[0].disks[1].sas.expiry = (now + timedelta(hours=20)).isoformat()
    window.document.mark_changed()
    window.wizard.jump_to(int(Step.SAS))
    settle(50)
    page = window.pages[Step.SAS]
    page.refresh()
    step_says = window.steps.item(int(Step.SAS)).toolTip()
    assert step_says.startswith("failed or out of date"), step_says
    rows = {page.disks.item(r, 0).text(): page.disks.item(r, 1).text() for r in range(page.disks.rowCount())}
    assert rows["ubuntu-standard / data disk LUN 0"].startswith("✗"), rows
    assert rows["ubuntu-standard / OS disk"].startswith(("✓ ready", "⚠")), rows
    assert page.banner.text().startswith("✗"), page.banner.text()


def test_the_sas_page_says_what_export_says_of_a_token_that_is_not_in_the_keyring(demo_window, qtbot):
    """A verified SAS of this blob whose token is in neither the keyring nor the session: Export said ⚠ "not in
    the keyring" while the SAS page said "ready (pass)". The page's row is the evaluator's item, tokens included."""
    window = demo_window(Step.OFFER)
    project = window.document.project
    now = datetime.now(UTC).replace(microsecond=0)
    disk = project.skus[0].disks[0]
    disk.blob_url = "https://contosovhds.blob.core.windows.net/vhds/no-token-os.vhd"
    disk.sas = SasRecord(blob_url=disk.blob_url, start=(now - timedelta(minutes=15)).isoformat(),
                         expiry=(now + timedelta(days=40)).isoformat(), verdict="pass",
                         verified_at=now.isoformat(), secret_purpose=f"sas:{disk.blob_url}")
    window.document.mark_changed()
    window.wizard.jump_to(int(Step.SAS))
    page = window.pages[Step.SAS]
    qtbot.waitUntil(lambda: page.tokens is not None, timeout=20000)
    row = next(r for r in range(page.disks.rowCount()) if page.disks.item(r, 0).text() == "ubuntu-standard / OS disk")
    cell = page.disks.item(row, 1)
    assert cell.text() == "⚠ token not in the keyring: generate it again"
    assert cell.toolTip() == ("OS disk: the SAS token is not in the keyring or this session: make it again or unlock the "
                              "keyring")
    window.wizard.jump_to(int(Step.EXPORT))
    export = window.pages[Step.EXPORT]
    qtbot.waitUntil(lambda: any("SAS token is not in the keyring" in (export.checklist.item(r, 1).text() or "")
                                for r in range(export.checklist.rowCount()) if export.checklist.item(r, 1)), timeout=20000)
    marks = [export.checklist.item(r, 0).text() for r in range(export.checklist.rowCount())
             if export.checklist.item(r, 1) and "OS disk: the SAS token is not in the keyring" in export.checklist.item(r, 1).text()]
    assert marks and set(marks) == {"⚠"}


def test_under_partner_center_the_questionnaire_asks_for_no_report_in_the_vhd_container(demo_window):
    """The report in the VHDs' container is a 2015 rule (REFERENCE §1 step 4, not §9): the step list, the
    page's subtitle and its Report tab say so only under the 2015 profile."""
    window = demo_window(Step.QUESTIONNAIRE)
    page = window.pages[Step.QUESTIONNAIRE]
    settle(50)
    assert "beside your VHDs" in page.subTitle()
    assert "same container as the VHDs" in page.report_explain.text()
    assert "report" in window.steps.item(int(Step.QUESTIONNAIRE)).toolTip()  # 2015: the report is still to come
    window.wizard.jump_to(int(Step.OFFER))
    settle(50)
    offer = window.pages[Step.OFFER]
    offer.profile.setCurrentIndex(offer.profile.findData("partner-center"))
    window.wizard.jump_to(int(Step.QUESTIONNAIRE))
    settle(50)
    assert "VHD" not in page.subTitle()
    assert "Partner Center does not ask for it" in page.report_explain.text()
    said = window.steps.item(int(Step.QUESTIONNAIRE)).toolTip()
    assert said.startswith("done") and "report" not in said, said


def _checked_disk(window, make_vhd, tmp_path):
    """The demo's first OS disk, given a qemu-img VHD checked for real (operations.check_disk)."""
    from wizard.core.operations import check_disk, project_profile

    project = window.document.project
    sku = project.skus[0]
    disk = sku.disks[0]
    path = str(make_vhd("30G", name="os.vhd"))
    disk.vhd_path = path
    disk.blob_url = ""
    disk.sas = None
    disk.vhd_check = check_disk(path, project_profile(project), "os", sku.os_family).record
    return project, disk


def _row(page, name):
    return next(r for r in range(page.disks.rowCount()) if page.disks.item(r, 0).text() == name)


def _checklist(window, words):
    page = window.pages[Step.EXPORT]
    rows = [(page.checklist.item(r, 0).text(), page.checklist.item(r, 1).text()) for r in range(page.checklist.rowCount())
            if page.checklist.item(r, 1)]
    return [row for row in rows if words in row[1]]


def test_the_vhd_row_is_failed_when_the_offline_pre_flight_found_failed_results(demo_window, make_vhd, tmp_path, qtbot):
    """Before: the row said "Pass" with a pass icon while the step list and Export said ✗ (the pre-flight's Failed
    results were only counted on the other tab). The row's mark is the evaluator's; the raw verdict is in its tooltip."""
    from wizard.core.model import CheckRecord, PreflightRecord

    window = demo_window(Step.OFFER)
    project, disk = _checked_disk(window, make_vhd, tmp_path)
    assert disk.vhd_check.verdict == "pass", disk.vhd_check.findings
    stat = os.stat(disk.vhd_path)
    disk.preflight = PreflightRecord(disk.vhd_path, stat.st_size, stat.st_mtime_ns, project.profile_id,
                                     "2026-12-01T10:00:00Z", "2026-12-01T10:01:00Z",
                                     results=[CheckRecord(id="linux-ssh-root", result="Failed")])
    project.test_runs.clear()
    window.document.mark_changed()
    window.wizard.jump_to(int(Step.VHD))
    settle(50)
    page = window.pages[Step.VHD]
    page.refresh()
    cell = page.disks.item(_row(page, "ubuntu-standard / OS disk"), 2)
    assert cell.text() == "✓ Pass · ✗ Failed inside the image", cell.text()
    assert "the offline pre-flight found Failed/Error results: linux-ssh-root" in cell.toolTip()
    assert cell.toolTip().endswith("Check verdict: Pass")
    assert window.steps.item(int(Step.VHD)).toolTip().startswith("failed or out of date")
    window.wizard.jump_to(int(Step.EXPORT))
    qtbot.waitUntil(lambda: bool(_checklist(window, "offline pre-flight found Failed")), timeout=20000)
    assert {mark for mark, _ in _checklist(window, "OS disk: the offline pre-flight found Failed")} == {"✗"}


def test_a_check_with_warnings_is_the_same_tick_on_the_vhd_page_as_in_export(demo_window, make_vhd, tmp_path, qtbot):
    """Before: a warning icon on the row beside "✓ … passed with warnings" in Export and the step list."""
    window = demo_window(Step.OFFER)
    project, disk = _checked_disk(window, make_vhd, tmp_path)
    disk.vhd_check.verdict = "warning"  # e.g. a size the profile only warns about
    window.document.mark_changed()
    window.wizard.jump_to(int(Step.VHD))
    settle(50)
    page = window.pages[Step.VHD]
    page.refresh()
    cell = page.disks.item(_row(page, "ubuntu-standard / OS disk"), 2)
    assert cell.text() == "✓ Pass with warnings", cell.text()
    assert cell.toolTip() == "OS disk: the VHD check passed with warnings\nCheck verdict: Warning"
    window.wizard.jump_to(int(Step.EXPORT))
    qtbot.waitUntil(lambda: bool(_checklist(window, "the VHD check passed with warnings")), timeout=20000)
    assert {mark for mark, _ in _checklist(window, "OS disk: the VHD check passed with warnings")} == {"✓"}


def test_an_empty_os_disk_is_failed_on_the_vhd_page_under_the_2015_profile(demo_window, make_vhd, qtbot):
    """The demo's profile (2015) has one image type; the page asked no boot question without a choice of types, so
    an empty 30 GiB VHD (qemu-img's blank disk: no partition table) was "✓ Pass". Now ✗, with the message and fix."""
    window = demo_window(Step.VHD)
    project = window.document.project
    assert project.profile_id == "publishing-guide-2015"
    page = window.pages[Step.VHD]
    sku = project.skus[0]
    disk = sku.disks[0]
    page.set_disk_file(disk, str(make_vhd("30G", name="empty.vhd", boot=False)))
    page.start_checks([(sku, disk)])
    qtbot.waitUntil(lambda: page.task is None and not page.queue and disk.vhd_check is not None, timeout=20000)
    assert disk.vhd_check.verdict == "fail"
    cell = page.disks.item(_row(page, "ubuntu-standard / OS disk"), 2)
    assert cell.text().startswith("✗ Fail"), cell.text()
    found = {f.id: f for f in disk.vhd_check.findings}["boot-partitions"]
    assert found.message == "No partition table found: a x64Gen1 OS disk needs one to boot."
    assert found.fix.startswith("Check that this is the OS disk's VHD")
    assert window.steps.item(int(Step.VHD)).toolTip().startswith("failed or out of date")
    data = sku.disks[1]  # a data disk may be empty
    page.set_disk_file(data, str(make_vhd("1G", name="data.vhd", boot=False)))
    page.start_checks([(sku, data)])
    qtbot.waitUntil(lambda: page.task is None and not page.queue and data.vhd_check is not None, timeout=20000)
    assert data.vhd_check.verdict == "pass", data.vhd_check.findings
