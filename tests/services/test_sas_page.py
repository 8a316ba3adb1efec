"""The SAS page against Azurite: connect, browse, assign, generate, verify, copy, renew warnings."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtGui import QGuiApplication

from wizard.core.model import SasRecord
from wizard.core.steps import Step, StepState, step_states

from conftest import AZURITE_KEY, put_vhd_page_blob

ROOT = Path(__file__).resolve().parents[2]
DEMO = ROOT / "resources/examples/demo.mpwiz"
GIB = 2**30


@pytest.fixture(scope="module")
def sas_storage(azurite, tmp_path_factory):
    folder = tmp_path_factory.mktemp("sasgui")
    container = azurite.service().create_container("guivhds")
    for name in ("os.vhd", "data.vhd"):
        put_vhd_page_blob(container, name, 30, folder)
    container.get_blob_client("bad name.vhd").upload_blob(b"x")
    return azurite


@pytest.fixture
def win(demo_window):
    return demo_window(Step.SAS)


@pytest.fixture
def page(win):
    return win.pages[Step.SAS]


def connect(qtbot, page, azurite):
    page.mode.setCurrentIndex(page.mode.findData("account-key"))
    page.account.setText("devstoreaccount1")
    page.account.textEdited.emit("devstoreaccount1")
    page.endpoint.setText(azurite.endpoint)
    page.endpoint.textEdited.emit(azurite.endpoint)
    page.secret.setText(AZURITE_KEY)
    page.btn_connect.click()
    qtbot.waitUntil(lambda: page.conn_status.text().startswith("Connected"), timeout=20_000)


def blob_items(page, container_item):
    return {container_item.child(i).data(0, 256)[1].rsplit("/", 1)[1]: container_item.child(i)
            for i in range(container_item.childCount())}


def test_connect_browse_assign_generate_verify_copy(qtbot, win, page, sas_storage, tmp_path):
    connect(qtbot, page, sas_storage)
    top = [page.browser.topLevelItem(i) for i in range(page.browser.topLevelItemCount())]
    container = next(item for item in top if item.text(0) == "guivhds")
    container.setExpanded(True)
    qtbot.waitUntil(lambda: container.childCount() == 3, timeout=10_000)
    blobs = blob_items(page, container)
    assert blobs["bad name.vhd"].text(2) == "✗ refused"  # why, in its tooltip
    assert "blank" in blobs["bad name.vhd"].toolTip(2) or "block blob" in blobs["bad name.vhd"].toolTip(2)
    assert blobs["os.vhd"].text(2) == "page blob · usable"  # no ✓: in the disk table it means a verified SAS
    assert "verified" in blobs["os.vhd"].toolTip(2)
    assert blobs["bad name.vhd"].text(0).startswith("⚠")
    assert blobs["os.vhd"].font(0).bold()
    # Assign the two blobs to the Linux SKU's disks.
    ubuntu = win.document.project.skus[0]
    for disk_index, name in ((0, "os.vhd"), (1, "data.vhd")):
        page.disks.selectRow(disk_index)
        page.browser.setCurrentItem(blobs[name])
        page.btn_assign.click()
        assert ubuntu.disks[disk_index].blob_url == f"{sas_storage.endpoint}/guivhds/{name}"
    page.disks.selectRow(0)
    page.btn_generate.click()  # signed and stored in the keyring off the GUI thread
    qtbot.waitUntil(lambda: ubuntu.disks[0].sas is not None, timeout=10_000)
    record = ubuntu.disks[0].sas
    assert record
    assert record.permissions == "rl"
    assert record.secret_purpose
    expiry = datetime.fromisoformat(record.expiry)
    assert expiry - datetime.fromisoformat(record.start) >= timedelta(days=8)  # 7 business days + margin
    page.btn_verify.click()
    qtbot.waitUntil(lambda: ubuntu.disks[0].sas.verdict != "", timeout=20_000)
    assert ubuntu.disks[0].sas.verdict in ("pass", "warning"), page.details.text()
    assert "VHD footer" in page.details.text()
    QGuiApplication.clipboard().clear()
    page.btn_copy.click()  # the token is read off the GUI thread; the clipboard is set when it arrives
    qtbot.waitUntil(lambda: QGuiApplication.clipboard().text() != "", timeout=10_000)
    copied = QGuiApplication.clipboard().text()
    assert copied.startswith(f"{sas_storage.endpoint}/guivhds/os.vhd?")
    assert "sp=rl" in copied
    assert "sig=" in copied
    # The project keeps URL, expiry and a keyring reference — never the signature or the key.
    saved = tmp_path / "sas.mpwiz"
    win._save_to(saved)
    text = saved.read_text(encoding="utf-8")
    signature = copied.split("sig=", 1)[1].split("&")[0]
    assert signature not in text
    assert AZURITE_KEY not in text
    assert record.expiry in text


def test_wrong_key_is_explained(qtbot, page, sas_storage):
    page.account.setText("devstoreaccount1")
    page.account.textEdited.emit("devstoreaccount1")
    page.endpoint.setText(sas_storage.endpoint)
    page.endpoint.textEdited.emit(sas_storage.endpoint)
    page.secret.setText("AAAA" + AZURITE_KEY[4:])
    page.btn_connect.click()
    qtbot.waitUntil(lambda: page.conn_status.text().startswith("Could not connect"), timeout=20_000)
    assert "refused" in page.conn_status.text()


def test_expiring_sas_is_flagged_on_reopen(qtbot, win, tmp_path, new_window):
    disk = win.document.project.skus[0].disks[0]
    disk.blob_url = "https://acct.blob.core.windows.net/vhds/os.vhd"
    soon = datetime.now(UTC) + timedelta(hours=30)
    disk.sas = SasRecord(blob_url=disk.blob_url, start=(soon - timedelta(days=9)).isoformat(), expiry=soon.isoformat(),
                         secret_purpose="sas:x")
    saved = tmp_path / "soon.mpwiz"
    win._save_to(saved)
    other = new_window()
    other.open_path(saved, ask=False)
    assert "expire" in other.statusBar().currentMessage()
    assert step_states(other.document.project)[Step.SAS] == StepState.FAILED  # ✗: too soon to submit, as in Export
    other.wizard.jump_to(Step.SAS)
    page = other.pages[Step.SAS]
    assert page.banner.isVisibleTo(page)
    assert "renew" in page.banner.text()
    assert page.disks.item(0, 1).text().startswith("✗ expires too soon")  # the step list's ✗, not ⚠


def test_each_disks_status_reads_without_scrolling_at_1024x700(win, page):
    """Before, the blob URL's column came first and pushed "Status" out of sight at 1024 pixels: after
    Verify, a person saw the result only by scrolling sideways. Now the status follows the disk's name and
    the URL comes last, elided in the middle, whole in its tooltip."""
    from person import settle

    win.resize(1024, 700)
    settle(50)
    assert page.disks.horizontalHeaderItem(1).text() == "Status"
    for row, (_sku, disk) in enumerate(page.all_disks()):
        status = page.disks.visualItemRect(page.disks.item(row, 1))
        assert page.disks.viewport().rect().contains(status), (row, status, page.disks.viewport().rect())
        assert page.disks.item(row, 3).toolTip() == disk.blob_url


def test_a_late_keyring_answer_does_not_fill_in_the_key_of_an_account_the_fields_left(win, page, monkeypatch):
    """The account key is read off the GUI thread; a person changes the account name before the keyring
    answers: the answer was for the other account, so the key field stays empty."""
    import threading

    from person import Person, settle
    from PySide6.QtCore import Qt

    from wizard.core.credentials import credentials
    from wizard.core.secrets import storage_secret_ref

    project = win.document.project
    page.mode.setCurrentIndex(page.mode.findData("account-key"))
    project.storage.account_name = "contosovhds"
    page.load_from_project()
    settle(300)  # the page's own lookups end first (nothing is kept yet: they find nothing)
    page.secret.clear()
    credentials().store(storage_secret_ref(project.project_id, "account-key", project.storage), AZURITE_KEY,
                        remember=False)
    gate, answered = threading.Event(), threading.Event()
    service = credentials()
    real_get = type(service).get

    def late_get(self, ref):
        gate.wait(20)
        try:
            return real_get(self, ref)
        finally:
            answered.set()

    monkeypatch.setattr(type(service), "get", late_get)
    page._load_secret()
    person = Person(win)
    person.click(page.account)
    person.press(Qt.Key.Key_End)
    person.type("2")
    assert project.storage.account_name == "contosovhds2"
    gate.set()
    assert answered.wait(20)
    settle(200)  # the answer reaches the page
    assert page.secret.text() == "", "the key of contosovhds must not be offered for contosovhds2"
