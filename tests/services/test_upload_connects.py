"""A path forward at the upload (issue #32): a publisher who presses Upload on the VHD step before any storage
account is connected -- or whose project names the account but whose key is in neither this session nor the
keyring -- connects it right there, in a dialog that judges its own fields, and the upload goes on. The key is
proved, then kept in the real OS keyring (gnome-keyring on D-Bus) under the project's account-key name, where
the SAS URIs step and the next upload find it. Walked as a person against Azurite."""

from __future__ import annotations

from person import Person, settle
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QInputDialog
from test_first_submission_by_a_person import (  # noqa: F401 -- new_account: the fixture
    Answer,
    click_row,
    new_account,
    type_into_focus,
    wait_for,
)

from wizard.core.credentials import credentials
from wizard.core.secrets import storage_secret_ref
from wizard.core.steps import Step
from wizard.pages.storage_dialog import StorageConnectDialog

from conftest import AZURITE_ACCOUNT, AZURITE_KEY


def shown_vhd_step(new_window, make_vhd):
    window = new_window()
    window.show()
    window.resize(1024, 700)
    window.activateWindow()
    QTest.qWaitForWindowActive(window, 2000)
    window.wizard.jump_to(int(Step.VHD))
    settle(30)
    page = window.pages[Step.VHD]
    disk = window.document.project.skus[0].disks[0]
    page.set_disk_file(disk, str(make_vhd("32M", name="os.vhd")))
    page.start_checks([(window.document.project.skus[0], disk)])
    wait_for(lambda: page.task is None and not page.queue and disk.vhd_check is not None, f"the check ended ({page.status.text()!r})", 30)
    return window, page, disk


def upload_ended(page) -> str:
    wait_for(lambda: page.task is None and page.status.text().startswith(("Uploaded", "Upload failed")),
             f"the upload ended ({page.status.text()!r})")
    return page.status.text()


def test_upload_before_any_account_connects_it_in_place_and_keeps_the_key(new_window, make_vhd, new_account):  # noqa: F811 -- the fixture imported above
    azurite = new_account
    window, page, disk = shown_vhd_step(new_window, make_vhd)
    project = window.document.project
    person = Person(window)
    said: dict[str, str] = {}

    def connect(dialog: StorageConnectDialog, him: Person) -> None:
        settle(50)
        assert him.focus() is dialog.account, "the dialog does not start in the account name"
        him.type("Dev Store")  # not a storage account name: Enter keeps the dialog, says why, stays on the field
        him.press(Qt.Key.Key_Return)
        settle(30)
        assert dialog.isVisible() and him.focus() is dialog.account
        said["name"] = dialog.problem.text()
        him.select_all_and_type(AZURITE_ACCOUNT)
        him.press(Qt.Key.Key_Tab)
        him.type("not a key")
        him.press(Qt.Key.Key_Return)
        settle(30)
        assert dialog.isVisible() and him.focus() is dialog.key
        said["key"] = dialog.problem.text()
        him.select_all_and_type(AZURITE_KEY)
        him.press(Qt.Key.Key_Tab)
        him.type(azurite.endpoint)
        assert dialog.remember.isChecked()  # kept in the keyring unless the publisher says otherwise
        him.press(Qt.Key.Key_Return)

    click_row(person, page.disks, 0)
    dialog = Answer(StorageConnectDialog, connect)
    container = Answer(QInputDialog, type_into_focus("inplace"))
    person.click(page.btn_upload)
    dialog.check()
    container.check()
    status = upload_ended(page)
    assert status.startswith("Uploaded"), status
    assert said["name"].startswith("A storage account name is 3–24 lowercase letters and digits")
    assert said["key"].startswith("This is not an account key")
    assert disk.blob_url == f"{azurite.endpoint}/inplace/os.vhd"
    assert azurite.service().get_blob_client("inplace", "os.vhd").get_blob_properties().size == disk.vhd_check.file_size
    storage = project.storage
    assert (storage.mode, storage.account_name, storage.custom_endpoint) == ("account-key", AZURITE_ACCOUNT, azurite.endpoint)
    ref = storage_secret_ref(project.project_id, "account-key", storage)
    service = credentials()
    assert service._backend().get_password(service.service, ref.key) == AZURITE_KEY  # in the OS keyring itself
    service.forget(ref)


def test_a_named_account_without_its_key_asks_for_it_and_the_upload_goes_on(new_window, make_vhd, new_account):  # noqa: F811 -- the fixture imported above
    azurite = new_account
    window, page, disk = shown_vhd_step(new_window, make_vhd)
    project = window.document.project
    storage = project.storage
    storage.mode, storage.account_name, storage.custom_endpoint = "account-key", AZURITE_ACCOUNT, azurite.endpoint
    person = Person(window)
    asked: dict[str, object] = {}

    def give_key(dialog: StorageConnectDialog, him: Person) -> None:
        settle(50)
        asked["account"], asked["focus"] = dialog.account.text(), him.focus() is dialog.key
        asked["why"] = dialog.findChildren(type(dialog.problem))[0].text()
        him.press(Qt.Key.Key_Tab)  # to the endpoint, which holds the project's
        asked["endpoint"] = dialog.endpoint.text()
        him.press(Qt.Key.Key_Tab, Qt.KeyboardModifier.ShiftModifier)
        him.type(AZURITE_KEY)
        him.press(Qt.Key.Key_Tab)
        him.press(Qt.Key.Key_Tab)
        him.press(Qt.Key.Key_Space)  # this session only: not in the keyring
        assert not dialog.remember.isChecked()
        him.press(Qt.Key.Key_Return)

    click_row(person, page.disks, 0)
    container = Answer(QInputDialog, type_into_focus("keyless"))
    dialog = Answer(StorageConnectDialog, give_key)
    person.click(page.btn_upload)
    container.check()
    dialog.check()
    status = upload_ended(page)
    assert status.startswith("Uploaded"), status
    assert asked["account"] == AZURITE_ACCOUNT and asked["focus"] and asked["endpoint"] == azurite.endpoint
    assert f"The key of the storage account {AZURITE_ACCOUNT} is not in this session or the OS keyring" in asked["why"]
    assert disk.blob_url == f"{azurite.endpoint}/keyless/os.vhd"
    ref = storage_secret_ref(project.project_id, "account-key", storage)
    assert credentials().session_value(ref) == AZURITE_KEY


def type_account(key: str, endpoint: str):
    def connect(dialog: StorageConnectDialog, him: Person) -> None:
        settle(50)
        him.type(AZURITE_ACCOUNT)
        him.press(Qt.Key.Key_Tab)
        him.type(key)
        him.press(Qt.Key.Key_Tab)
        him.type(endpoint)
        him.press(Qt.Key.Key_Return)

    return connect


WRONG_KEY = "A" * 86 + "=="


def test_a_refused_key_opens_the_dialog_again_with_the_reason_and_the_right_key_goes_on(new_window, make_vhd, new_account):  # noqa: F811 -- the fixture imported above
    azurite = new_account
    window, page, disk = shown_vhd_step(new_window, make_vhd)
    project = window.document.project
    person = Person(window)
    seen: dict[str, object] = {}

    def correct(dialog: StorageConnectDialog, him: Person) -> None:
        settle(50)
        seen.update(account=dialog.account.text(), endpoint=dialog.endpoint.text(), key=dialog.key.text(),
                    focus=him.focus() is dialog.key, problem=dialog.problem.text(),
                    shown=dialog.problem.isVisible(), remember=dialog.remember.isChecked())
        him.type(AZURITE_KEY)
        him.press(Qt.Key.Key_Return)

    click_row(person, page.disks, 0)
    first = Answer(StorageConnectDialog, type_account(WRONG_KEY, azurite.endpoint))
    container = Answer(QInputDialog, type_into_focus("refused"))
    person.click(page.btn_upload)
    first.check()
    container.check()
    again = Answer(StorageConnectDialog, correct)  # the service refuses the key: the dialog comes back by itself
    again.check()
    status = upload_ended(page)
    assert status.startswith("Uploaded"), status
    # the account name and endpoint as typed, the refused key gone, the reason in the dialog, the focus on the key
    assert (seen["account"], seen["endpoint"], seen["key"], seen["focus"]) == (AZURITE_ACCOUNT, azurite.endpoint, "", True)
    lines = str(seen["problem"]).splitlines()
    assert seen["shown"] and lines[0] == ("The storage account refused this key: the key does not belong to this account, "
                                          "or the account name or endpoint is not the key's.")
    assert lines[1].startswith("Copy key1 or key2 again") and lines[2] in ("Details: AuthorizationFailure (HTTP 403)",
                                                                           "Details: AuthenticationFailed (HTTP 403)")
    assert seen["remember"]  # as chosen the first time
    assert disk.blob_url == f"{azurite.endpoint}/refused/os.vhd"
    ref = storage_secret_ref(project.project_id, "account-key", project.storage)
    service = credentials()
    assert service._backend().get_password(service.service, ref.key) == AZURITE_KEY  # the right key, kept
    service.forget(ref)


def test_cancel_after_a_refused_key_leaves_everything_as_it_was(new_window, make_vhd, new_account):  # noqa: F811 -- the fixture imported above
    azurite = new_account
    window, page, disk = shown_vhd_step(new_window, make_vhd)
    project = window.document.project
    before = (project.storage.mode, project.storage.account_name, project.storage.custom_endpoint,
              project.storage.container)
    person = Person(window)
    seen: dict[str, object] = {}

    def cancel(dialog: StorageConnectDialog, him: Person) -> None:
        settle(50)
        seen["problem"] = dialog.problem.text()
        him.press(Qt.Key.Key_Escape)

    click_row(person, page.disks, 0)
    first = Answer(StorageConnectDialog, type_account(WRONG_KEY, azurite.endpoint))
    container = Answer(QInputDialog, type_into_focus("wrongkey"))
    person.click(page.btn_upload)
    first.check()
    container.check()
    again = Answer(StorageConnectDialog, cancel)
    again.check()
    wait_for(lambda: page.task is None and page.status.text().startswith("The storage account refused the key"),
             f"the refusal said ({page.status.text()!r})")
    assert str(seen["problem"]).startswith("The storage account refused this key")
    storage = project.storage
    assert (storage.mode, storage.account_name, storage.custom_endpoint, storage.container) == before
    assert "nothing was kept" in page.status.text() and page.btn_connect_storage.isVisible()
    ref = storage_secret_ref(project.project_id, "account-key", project.storage)
    assert credentials().session_value(ref) is None
    assert not disk.blob_url
    assert not any(c.name == "wrongkey" for c in azurite.service().list_containers())
