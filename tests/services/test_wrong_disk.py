"""Issue #32's wrong-disk scenario, clicked and typed like a person (tests/helpers/person.py): upload disk.vhd,
then choose and check ext4.vhd and forget to upload it. The step list, the VHD page and the Export checklist
say ✗ for the same item, in the same words, until ext4.vhd is uploaded (real Azurite, qemu-img VHDs)."""

from __future__ import annotations

from person import Person, settle
from PySide6.QtWidgets import QFileDialog, QInputDialog
from test_first_submission_by_a_person import Answer, click_row, go_to_step, new_account, type_into_focus, wait_for  # noqa: F401
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
    assert "✗ upload again" in cell.text() and cell.toolTip() == wrong
    assert export_says("the blob holds disk.vhd") == ("✗", wrong)

    go_to_step(person, window, Step.VHD)
    upload()  # ext4.vhd now
    assert disk.blob_url.endswith("/wrongdisk/ext4.vhd") and disk.upload.source_path == str(fixed)
    assert step_states(project)[Step.VHD] is not StepState.FAILED
    assert "upload again" not in vhd.disks.item(0, 2).text()
    assert export_says("the blob holds the checked file") == ("✓", "OS disk: the blob holds the checked file ext4.vhd")
    assert checklist_row(window.pages[Step.EXPORT], "the blob holds disk.vhd") is None
