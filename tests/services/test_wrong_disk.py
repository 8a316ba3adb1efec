"""Issue #32's wrong-disk scenario, clicked and typed like a person (tests/helpers/person.py): upload disk.vhd,
then choose and check ext4.vhd and forget to upload it. The step list, the VHD page and the Export checklist
say ✗ for the same item, in the same words, until ext4.vhd is uploaded (real Azurite, qemu-img VHDs). With the SAS
and the test run in the chain (real sshd): the SAS of the blob of disk.vhd is ✗ and the run ⚠ once ext4.vhd is checked,
the run ✗ once ext4.vhd is uploaded, until a new SAS is made and the tests run again."""

from __future__ import annotations

from person import Person, settle
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox
from test_first_submission_by_a_person import (  # noqa: F401 -- new_account: the fixture
    Answer,
    click_button,
    click_row,
    go_to_step,
    new_account,
    type_into_focus,
    wait_for,
)
from test_first_submission_guided import type_into

from wizard.core.steps import Step, StepState, step_states

from conftest import AZURITE_ACCOUNT, AZURITE_KEY


def checklist_row(export_page, words: str) -> tuple[str, str] | None:
    table = export_page.checklist
    for row in range(table.rowCount()):
        text = table.item(row, 1).text() if table.item(row, 1) else ""
        if words in text:
            return table.item(row, 0).text(), text
    return None


def test_upload_a_check_b_is_failed_in_the_step_list_the_vhd_page_and_export_until_b_is_uploaded(
        qtbot, new_window, new_account, make_vhd):  # noqa: F811 -- the fixture imported above
    azurite = new_account
    window = new_window()
    window.show()
    window.resize(1024, 700)
    settle(30)
    person = Person(window)
    project = window.document.project
    disk = project.skus[0].disks[0]
    first, fixed = make_vhd("30G", name="disk.vhd"), make_vhd("30G", name="ext4.vhd")

    # The storage account, connected on the SAS step as a person does.
    go_to_step(person, window, Step.SAS)
    sas = window.pages[Step.SAS]
    type_into(person, sas.account, AZURITE_ACCOUNT)
    type_into(person, sas.endpoint, azurite.endpoint)
    type_into(person, sas.secret, AZURITE_KEY)
    person.click(sas.btn_connect)
    wait_for(lambda: sas.task is None and sas.conn_status.text().startswith("Connected"),
             f"the storage account connected ({sas.conn_status.text()!r})")

    vhd = window.pages[Step.VHD]

    def choose(path) -> None:
        go_to_step(person, window, Step.VHD)
        click_row(person, vhd.disks, 0)
        chooser = Answer(QFileDialog, type_into_focus(str(path)))
        person.click(vhd.btn_choose)
        chooser.check()
        wait_for(lambda: vhd.task is None and not vhd.queue and disk.vhd_check is not None
                 and disk.vhd_check.target == str(path), f"the check of {path.name} ended ({vhd.status.text()!r})")

    def upload() -> None:
        click_row(person, vhd.disks, 0)
        asked = Answer(QInputDialog, type_into_focus("wrongdisk"))
        person.click(vhd.btn_upload)
        asked.check()
        wait_for(lambda: vhd.task is None and vhd.status.text().startswith(("Uploaded", "Upload failed")),
                 f"the upload ended ({vhd.status.text()!r})")
        assert vhd.status.text().startswith("Uploaded"), vhd.status.text()

    def export_says(words: str) -> tuple[str, str]:
        go_to_step(person, window, Step.EXPORT)
        page = window.pages[Step.EXPORT]
        wait_for(lambda: checklist_row(page, words) is not None, f"the Export checklist says {words!r}")
        found = checklist_row(page, words)
        assert found is not None
        return found

    choose(first)
    upload()
    assert disk.upload is not None and disk.upload.source_path == str(first)
    assert step_states(project)[Step.VHD] is not StepState.FAILED
    assert "upload again" not in vhd.disks.item(0, 2).text()

    # The fixed image, chosen and checked -- and not uploaded.
    choose(fixed)
    wrong = "OS disk: the blob holds disk.vhd, not the checked ext4.vhd: upload ext4.vhd again"
    assert step_states(project)[Step.VHD] is StepState.FAILED
    assert window.steps.item(int(Step.VHD)).toolTip() == f"failed or out of date: {wrong} (Ctrl+2)"
    cell = vhd.disks.item(0, 2)
    assert "✗ upload again" in cell.text() and cell.toolTip().split("\n")[0] == wrong
    assert export_says("the blob holds disk.vhd") == ("✗", wrong)

    go_to_step(person, window, Step.VHD)
    upload()  # ext4.vhd now
    assert disk.blob_url.endswith("/wrongdisk/ext4.vhd") and disk.upload.source_path == str(fixed)
    assert step_states(project)[Step.VHD] is not StepState.FAILED
    assert "upload again" not in vhd.disks.item(0, 2).text()
    assert export_says("the blob holds the checked file") == ("✓", "OS disk: the blob holds the checked file ext4.vhd")
    assert checklist_row(window.pages[Step.EXPORT], "the blob holds disk.vhd") is None


def test_the_sas_and_the_test_run_follow_the_chain_until_the_new_upload_has_its_sas_and_its_run(
        qtbot, new_window, new_account, make_vhd, sshd, roots):  # noqa: F811 -- the fixture imported above
    azurite, good = new_account, roots[0]
    window = new_window()
    window.show()
    window.resize(1024, 700)
    settle(30)
    person = Person(window)
    project = window.document.project
    disk = project.skus[0].disks[0]
    first, fixed = make_vhd("30G", name="disk.vhd"), make_vhd("30G", name="ext4.vhd")
    sas = window.pages[Step.SAS]
    vhd = window.pages[Step.VHD]
    run_page = window.pages[Step.TEST_RUN]

    go_to_step(person, window, Step.SAS)
    type_into(person, sas.account, AZURITE_ACCOUNT)
    type_into(person, sas.endpoint, azurite.endpoint)
    type_into(person, sas.secret, AZURITE_KEY)
    person.click(sas.btn_connect)
    wait_for(lambda: sas.task is None and sas.conn_status.text().startswith("Connected"), "the storage account connected")

    def choose(path) -> None:
        go_to_step(person, window, Step.VHD)
        click_row(person, vhd.disks, 0)
        chooser = Answer(QFileDialog, type_into_focus(str(path)))
        person.click(vhd.btn_choose)
        chooser.check()
        wait_for(lambda: vhd.task is None and not vhd.queue and disk.vhd_check is not None
                 and disk.vhd_check.target == str(path), f"the check of {path.name} ended ({vhd.status.text()!r})")
        assert disk.vhd_check.verdict == "pass", disk.vhd_check.findings

    def upload() -> None:
        go_to_step(person, window, Step.VHD)
        click_row(person, vhd.disks, 0)
        asked = Answer(QInputDialog, type_into_focus("chain"))
        person.click(vhd.btn_upload)
        asked.check()
        wait_for(lambda: vhd.task is None and vhd.status.text().startswith(("Uploaded", "Upload failed")),
                 f"the upload ended ({vhd.status.text()!r})")
        assert vhd.status.text().startswith("Uploaded"), vhd.status.text()

    def make_and_verify_sas() -> None:
        go_to_step(person, window, Step.SAS)
        click_row(person, sas.disks, 0)
        person.click(sas.btn_generate)
        wait_for(lambda: sas.task is None and disk.sas is not None and disk.sas.blob_url == disk.blob_url,
                 f"the SAS was made ({sas.details.text()!r})")
        click_row(person, sas.disks, 0)
        person.click(sas.btn_verify)
        wait_for(lambda: sas.task is None and disk.sas.verdict != "", f"the SAS was verified ({sas.details.text()!r})")
        assert disk.sas.verdict == "pass", sas.details.text()
        wait_for(lambda: sas.disks.item(0, 1).text() == "✓ ready", f"the SAS row is ✓ ({sas.disks.item(0, 1).text()!r})")

    def run_the_tests() -> None:
        go_to_step(person, window, Step.TEST_RUN)
        runs = len(project.test_runs)
        person.click(run_page.btn_run)
        wait_for(lambda: run_page.task is None and len(project.test_runs) > runs, f"the run ended ({run_page.banner.text()!r})",
                 120)

    def export_row(words: str) -> tuple[str, str]:
        go_to_step(person, window, Step.EXPORT)
        page = window.pages[Step.EXPORT]
        wait_for(lambda: checklist_row(page, words) is not None, f"the Export checklist says {words!r}")
        found = checklist_row(page, words)
        assert found is not None
        return found

    # -- disk.vhd: checked, uploaded, its SAS made and verified, a VM of it tested ---------------------------
    choose(first)
    upload()
    make_and_verify_sas()
    assert disk.sas.blob_file == "disk.vhd" and disk.sas.blob_identity  # the blob's metadata, read at Verify
    go_to_step(person, window, Step.CONNECTION)
    connection = window.pages[Step.CONNECTION]
    type_into(person, connection.host, "127.0.0.1")
    person.click(connection.port)
    person.select_all_and_type(str(sshd.port))
    type_into(person, connection.user, good.user)
    type_into(person, connection.password, good.password)
    trust = Answer(QMessageBox, click_button("Yes"))
    person.click(connection.btn_test)
    trust.check()
    wait_for(lambda: connection.task is None and connection.test_result.text().startswith("Connected to"),
             f"the connection test passed ({connection.test_result.text()!r})")
    run_the_tests()
    tested = project.test_runs[-1]
    assert list(tested.uploads.values()) == [f"{disk.upload.file_size}:{disk.upload.file_mtime_ns}:{disk.upload.fingerprint}"]
    assert step_states(project)[Step.SAS] is StepState.DONE
    before = export_row("test run")
    assert before[0] != "✗", before  # whatever the suite's image root says, it is not about another upload
    assert "earlier upload" not in before[1] and "not of the checked" not in before[1]

    # -- ext4.vhd chosen and checked, not uploaded: the SAS opens the wrong disk, the run was of another file ------
    choose(fixed)
    go_to_step(person, window, Step.SAS)
    wait_for(lambda: sas.disks.item(0, 1).text().startswith("✗"), f"the SAS row is ✗ ({sas.disks.item(0, 1).text()!r})")
    assert sas.disks.item(0, 1).text() == "✗ the blob is not the checked file: upload it, then generate a new SAS"
    wrong_sas = ("OS disk: the SAS URI opens a blob that does not hold the checked ext4.vhd: upload ext4.vhd again, then "
                 "make a new SAS")
    assert sas.disks.item(0, 1).toolTip() == wrong_sas
    assert step_states(project)[Step.SAS] is StepState.FAILED
    assert window.steps.item(int(Step.SAS)).toolTip() == f"failed or out of date: {wrong_sas} (Ctrl+6)"
    assert export_row("SAS URI opens a blob") == ("✗", wrong_sas)
    not_checked = export_row("not of the checked ext4.vhd")
    assert not_checked[0] == "⚠" and not_checked[1].endswith(
        "was of the uploaded disk.vhd, not of the checked ext4.vhd: upload ext4.vhd, then run the tests again on a VM made "
        "from the new upload")
    go_to_step(person, window, Step.TEST_RUN)
    assert run_page.banner.text().startswith("⚠ The latest test run"), run_page.banner.text()

    # -- ext4.vhd uploaded: the old SAS is of another blob, the run of an earlier upload -------------------------
    upload()
    assert disk.blob_url.endswith("/chain/ext4.vhd")
    assert export_row("SAS URI was made for another blob")[0] == "✗"
    old_run = export_row("earlier upload")
    assert old_run[0] == "✗" and old_run[1].endswith(
        "was of an earlier upload of the OS disk (ext4.vhd was uploaded since): run the tests again on a VM made from the "
        "new upload")
    assert step_states(project)[Step.TEST_RUN] is StepState.FAILED
    go_to_step(person, window, Step.TEST_RUN)
    assert run_page.banner.text() == f"✗ {old_run[1]}", run_page.banner.text()

    # -- a new SAS, then the tests again on a VM of the new upload: nothing of the chain is ✗ ---------------------
    make_and_verify_sas()
    assert disk.sas.blob_file == "ext4.vhd"
    assert step_states(project)[Step.SAS] is StepState.DONE
    assert export_row("earlier upload")[0] == "✗"  # still: the SAS alone does not retest the image
    run_the_tests()
    after = export_row("test run")
    assert after == before or after[0] == before[0], (before, after)
    page = window.pages[Step.EXPORT]
    rows = [(page.checklist.item(r, 0).text(), page.checklist.item(r, 1).text()) for r in range(page.checklist.rowCount())
            if page.checklist.item(r, 1)]
    assert not [r for r in rows if "earlier upload" in r[1] or "not of the checked" in r[1] or "SAS URI" in r[1] and r[0] != "✓"]
    assert export_row("the blob holds the checked file") == ("✓", "OS disk: the blob holds the checked file ext4.vhd")


def test_a_file_changed_with_its_size_and_mtime_restored_is_not_uploaded_nor_signed(
        qtbot, new_window, new_account, make_vhd):  # noqa: F811 -- the fixture imported above
    """Size and mtime said "unchanged"; the fingerprint (the partition area and the footer the check reads) is read
    again before an upload starts and before a SAS is made: the check is ✗ until the file is checked again."""
    import os

    azurite = new_account
    window = new_window()
    window.show()
    settle(30)
    person = Person(window)
    project = window.document.project
    disk = project.skus[0].disks[0]
    path = make_vhd("30G", name="os.vhd")
    sas, vhd = window.pages[Step.SAS], window.pages[Step.VHD]
    go_to_step(person, window, Step.SAS)
    type_into(person, sas.account, AZURITE_ACCOUNT)
    type_into(person, sas.endpoint, azurite.endpoint)
    type_into(person, sas.secret, AZURITE_KEY)
    person.click(sas.btn_connect)
    wait_for(lambda: sas.task is None and sas.conn_status.text().startswith("Connected"), "the storage account connected")

    go_to_step(person, window, Step.VHD)
    click_row(person, vhd.disks, 0)
    chooser = Answer(QFileDialog, type_into_focus(str(path)))
    person.click(vhd.btn_choose)
    chooser.check()
    wait_for(lambda: vhd.task is None and not vhd.queue and disk.vhd_check is not None, "the check ended")
    assert step_states(project)[Step.VHD] is not StepState.FAILED

    def change_content_keep_size_and_mtime() -> None:
        st = os.stat(path)
        with open(path, "r+b") as f:  # another partition entry: what the check read is not there any more
            f.seek(446 + 16)
            f.write(bytes([0x00, 0xFE, 0xFF, 0xFF, 0x83, 0xFE, 0xFF, 0xFF]) + (4096).to_bytes(4, "little") * 2)
        os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns))
        assert os.stat(path).st_size == st.st_size and os.stat(path).st_mtime_ns == st.st_mtime_ns

    change_content_keep_size_and_mtime()
    assert step_states(project)[Step.VHD] is not StepState.FAILED  # size and mtime alone cannot tell
    click_row(person, vhd.disks, 0)
    asked = Answer(QInputDialog, type_into_focus("changed"))
    person.click(vhd.btn_upload)
    asked.check()
    wait_for(lambda: vhd.task is None and vhd.status.text().startswith(("Uploaded", "Upload failed")), "the upload ended")
    assert vhd.status.text() == ("Upload failed: os.vhd changed since it was checked (its content differs, though its "
                                 "size and modification time are as checked): check it again first")
    assert disk.upload is None and not disk.blob_url
    assert disk.vhd_check.content_changed_at
    assert step_states(project)[Step.VHD] is StepState.FAILED
    assert "✗ changed since check" in vhd.disks.item(0, 2).text()
    assert window.steps.item(int(Step.VHD)).toolTip().startswith(
        "failed or out of date: OS disk: the VHD changed since it was checked: check it again")

    # Checked again (the page checks a changed file again when the project is reopened; here: chosen again), uploaded.
    click_row(person, vhd.disks, 0)
    chooser = Answer(QFileDialog, type_into_focus(str(path)))
    person.click(vhd.btn_choose)
    chooser.check()
    wait_for(lambda: vhd.task is None and not vhd.queue and disk.vhd_check is not None
             and not disk.vhd_check.content_changed_at, "the check ended")
    click_row(person, vhd.disks, 0)
    asked = Answer(QInputDialog, type_into_focus("changed"))
    person.click(vhd.btn_upload)
    asked.check()
    wait_for(lambda: vhd.task is None and vhd.status.text().startswith(("Uploaded", "Upload failed")), "the upload ended")
    assert vhd.status.text().startswith("Uploaded"), vhd.status.text()

    # Changed again after the upload: the SAS is not made.
    st = os.stat(path)
    with open(path, "r+b") as f:
        f.seek(446 + 32)
        f.write(bytes([0x00, 0xFE, 0xFF, 0xFF, 0x83, 0xFE, 0xFF, 0xFF]) + (8192).to_bytes(4, "little") * 2)
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns))
    go_to_step(person, window, Step.SAS)
    click_row(person, sas.disks, 0)
    person.click(sas.btn_generate)
    wait_for(lambda: sas.task is None and sas.details.text() != "", f"the SAS ended ({sas.details.text()!r})")
    wait_for(lambda: disk.vhd_check.content_changed_at != "", "the check marked out of date")
    assert disk.sas is None
    assert sas.details.text().endswith("OS disk: os.vhd changed since it was checked (its content differs, though its size and "
                                  "modification time are as checked): check it again first"), sas.details.text()
    assert step_states(project)[Step.VHD] is StepState.FAILED
