"""The VHD page: choose files, check in the background, findings with fixes, stale detection, blobs."""

from __future__ import annotations

import os
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtGui import QGuiApplication
from test_first_submission_by_a_person import Answer, click_button

from wizard.core.model import Disk
from wizard.core.steps import Step, StepState, step_states
from wizard.pages.storage_dialog import StorageConnectDialog

from conftest import AZURITE_ACCOUNT, AZURITE_KEY, put_vhd_page_blob

ROOT = Path(__file__).resolve().parents[2]
DEMO = ROOT / "resources/examples/demo.mpwiz"


@pytest.fixture
def win(demo_window):
    return demo_window(Step.VHD)


@pytest.fixture
def page(win):
    return win.pages[Step.VHD]


def wait_idle(qtbot, page):
    qtbot.waitUntil(lambda: page.task is None and not page.queue, timeout=20_000)


def row_of(page, sku_index, disk_index):
    rows = page.all_disks()
    sku = page.project.skus[sku_index]
    return next(i for i, (s, d) in enumerate(rows) if s is sku and d is sku.disks[disk_index])


def test_check_all_shows_pass_and_fail_with_fix(qtbot, win, page, make_vhd):
    good, bad = make_vhd("30G"), make_vhd("10G", subformat="dynamic")
    ubuntu = page.project.skus[0]
    page.set_disk_file(ubuntu.disks[0], str(good))
    page.set_disk_file(ubuntu.disks[1], str(bad))
    page.btn_check_all.click()
    assert page.btn_cancel.isEnabled()  # busy while the checks run in the background
    wait_idle(qtbot, page)
    assert ubuntu.disks[0].vhd_check.verdict == "pass"
    assert ubuntu.disks[1].vhd_check.verdict == "fail"
    assert page.disks.item(row_of(page, 0, 0), 2).text() == "✓ Pass"  # the evaluator's mark, and its word
    assert page.disks.item(row_of(page, 0, 1), 2).text() == "✗ Fail"
    page.disks.selectRow(row_of(page, 0, 1))
    assert "qemu-img convert" in page.fix.toPlainText()  # the first finding with a fix is selected
    page.btn_copy.click()
    assert QGuiApplication.clipboard().text() == page.fix.toPlainText()
    assert win.document.dirty
    assert step_states(page.project)[Step.VHD] == StepState.FAILED  # ✗: a failed check, as in Export


def test_results_are_saved_and_a_changed_file_is_rechecked(qtbot, win, page, make_vhd, tmp_path, new_window):
    path = make_vhd("30G")
    disk = page.project.skus[1].disks[0]  # the Windows SKU: 30 GiB fails the guide's 127–128 GiB
    page.set_disk_file(disk, str(path))
    page.start_checks([(page.project.skus[1], disk)])
    wait_idle(qtbot, page)
    assert disk.vhd_check.verdict == "fail"
    assert {f.id for f in disk.vhd_check.findings} >= {"os-disk-size"}
    saved = tmp_path / "p.mpwiz"
    win._save_to(saved)
    # Replace the file by a 127 GiB disk: the page notices on reopen and checks again.
    path.unlink()
    os.rename(make_vhd("127G"), path)
    other = new_window()
    other.open_path(saved, ask=False)
    other.wizard.jump_to(Step.VHD)
    p2 = other.pages[Step.VHD]
    wait_idle(qtbot, p2)
    rechecked = p2.project.skus[1].disks[0].vhd_check
    assert rechecked.verdict == "pass"
    assert rechecked.virtual_size == 127 * 2**30


def test_stale_record_shown_as_changed(qtbot, page, make_vhd):
    path = make_vhd("30G")
    disk = page.project.skus[0].disks[0]
    page.set_disk_file(disk, str(path))
    page.start_checks([(page.project.skus[0], disk)])
    wait_idle(qtbot, page)
    with open(path, "ab") as fh:
        fh.write(b"\0" * 512)
    assert page.is_stale(disk)
    page.refresh()
    assert page.disks.item(row_of(page, 0, 0), 2).text() == "✗ changed since check"


def test_cancel_stops_the_queue(qtbot, page, make_vhd):
    sku = page.project.skus[0]
    for _ in range(10):
        sku.disks.append(Disk(role="data"))
    for disk in sku.disks:
        page.set_disk_file(disk, str(make_vhd("1G")))
    page.btn_check_all.click()
    page.btn_cancel.click()
    wait_idle(qtbot, page)
    checked = [d for d in sku.disks if d.vhd_check]
    assert len(checked) <= 1
    assert not page.btn_cancel.isEnabled()
    assert page.btn_check_all.isEnabled()


def test_unreadable_file_says_why(qtbot, page, tmp_path):
    disk = page.project.skus[0].disks[0]
    page.set_disk_file(disk, str(tmp_path / "gone.vhd"))
    page.start_checks([(page.project.skus[0], disk)])
    wait_idle(qtbot, page)
    assert "does not exist" in page.status.text()
    assert disk.vhd_check is None


def test_blob_url_with_sas_is_checked_and_sas_not_saved(qtbot, win, page, azurite, make_vhd, tmp_path):
    from azure.storage.blob import ContainerSasPermissions, generate_container_sas

    put_vhd_page_blob(azurite.service().create_container("vhdpage"), "os.vhd", 30, tmp_path)
    token = generate_container_sas(AZURITE_ACCOUNT, "vhdpage", account_key=AZURITE_KEY,
                                   permission=ContainerSasPermissions(read=True, list=True),
                                   expiry=datetime.now(UTC) + timedelta(hours=1))
    disk = page.project.skus[0].disks[0]
    assert page.set_disk_blob(disk, f"{azurite.endpoint}/vhdpage/os.vhd?{token}")
    page.start_checks([(page.project.skus[0], disk)])
    wait_idle(qtbot, page)
    assert disk.vhd_check.verdict == "pass", page.status.text()
    assert disk.blob_url == f"{azurite.endpoint}/vhdpage/os.vhd"
    saved = tmp_path / "blob.mpwiz"
    win._save_to(saved)
    text = saved.read_text(encoding="utf-8")
    assert "sig=" not in text
    assert token.split("sig=")[1][:20] not in text


def test_blob_assigned_in_sas_step_is_checked_with_the_storage_key(qtbot, win, page, azurite, tmp_path):
    from wizard.core.credentials import credentials
    from wizard.core.secrets import storage_secret_ref

    put_vhd_page_blob(azurite.service().create_container("vhdpagekey"), "os.vhd", 30, tmp_path)
    disk = page.project.skus[0].disks[0]
    disk.blob_url = f"{azurite.endpoint}/vhdpagekey/os.vhd"  # as the SAS page assigns it: no token
    page.start_checks([(page.project.skus[0], disk)])
    wait_idle(qtbot, page)
    assert disk.vhd_check is None
    assert "SAS URIs step" in page.status.text()
    storage = page.project.storage
    storage.mode, storage.account_name, storage.custom_endpoint = "account-key", "devstoreaccount1", azurite.endpoint
    credentials().store(storage_secret_ref(page.project.project_id, "account-key", storage), AZURITE_KEY, remember=False)
    page.start_checks([(page.project.skus[0], disk)])
    wait_idle(qtbot, page)
    assert disk.vhd_check.verdict == "pass", page.status.text()


def test_upload_action_sends_the_disk_and_assigns_the_blob(qtbot, win, page, azurite, make_vhd):
    import hashlib

    from wizard.core.credentials import credentials
    from wizard.core.secrets import storage_secret_ref

    path = make_vhd("32M")
    with open(path, "r+b") as fh:
        fh.seek(5 * 2**20)
        fh.write(b"payload" * 1000)
    azurite.service().create_container("guiupload")
    storage = page.project.storage
    storage.mode, storage.account_name, storage.custom_endpoint = "account-key", "devstoreaccount1", azurite.endpoint
    credentials().store(storage_secret_ref(page.project.project_id, "account-key", storage), AZURITE_KEY, remember=False)
    disk = page.project.skus[0].disks[1]
    page.set_disk_file(disk, str(path))
    page.start_upload(page.project.skus[0], disk, "guiupload")
    assert page.btn_cancel.isEnabled()
    qtbot.waitUntil(lambda: page.task is None, timeout=30_000)
    assert disk.blob_url == f"{azurite.endpoint}/guiupload/{path.name}", page.status.text()
    assert "Page ranges verified" in page.status.text()
    blob = azurite.service().get_blob_client("guiupload", path.name)
    assert hashlib.md5(blob.download_blob().readall()).digest() == hashlib.md5(path.read_bytes()).digest()


def test_upload_without_storage_connection_says_what_to_do(qtbot, page, make_vhd):
    disk = page.project.skus[0].disks[0]
    page.set_disk_file(disk, str(make_vhd("32M")))
    offered = Answer(StorageConnectDialog, click_button("Cancel"))  # the key asked for in place: not given
    page.start_upload(page.project.skus[0], disk, "vhds")
    offered.check()
    qtbot.waitUntil(lambda: page.task is None, timeout=10_000)
    assert "SAS URIs step" in page.status.text()
    assert not disk.blob_url


def test_upload_with_no_storage_account_says_where_to_connect_it_before_asking_for_a_container(qtbot, new_window, make_vhd,
                                                                                               monkeypatch):
    """A first-timer on a new project presses Upload: before, the page asked for a container and only then
    failed in the background; now it asks for the storage account first (tests/services/test_upload_connects.py
    gives it) and, when the publisher would rather not, says which step takes it."""
    import wizard.mnemonics

    window = new_window()
    window.show()
    window.wizard.jump_to(int(Step.VHD))
    page = window.pages[Step.VHD]
    asked = []
    monkeypatch.setattr(wizard.mnemonics, "ask_text", lambda *a, **k: asked.append(a) or ("vhds", True))
    project = window.document.project
    page.set_disk_file(project.skus[0].disks[0], str(make_vhd("32M")))
    page.disks.selectRow(0)
    offered = Answer(StorageConnectDialog, click_button("Cancel"))
    page.btn_upload.click()
    offered.check()
    assert asked == [] and page.task is None
    assert "Connect it first on the SAS URIs step" in page.status.text()
    project.storage.account_name = "contosovhds"  # named (the key may be in the keyring): the container is asked for
    offered = Answer(StorageConnectDialog, click_button("Cancel"))  # no key at hand: asked for after the look-up
    page.btn_upload.click()
    assert len(asked) == 1
    offered.check()
    qtbot.waitUntil(lambda: page.task is None, timeout=20_000)
    assert "SAS URIs step" in page.status.text()  # no key in this session or the keyring: said after the look-up


def test_upload_sizes_read_at_a_glance():
    from wizard.core.units import readable_size

    assert [readable_size(n) for n in (0, 1023, 1024, 3072, 5 * 2**20 + 2**19, 2**31 - 2048, 30 * 2**30)] == [
        "0 B", "1023 B", "1.0 KiB", "3.0 KiB", "5.5 MiB", "2.00 GiB", "30.00 GiB"]
