"""The test VM's commands at the Connection step (#17): the az-script / az-ps1 commands for one SKU,
without readiness lines, every value quoted, secrets as variables; `bash -n` accepts the bash ones;
a person reaches them from the Connection page and copies them."""

from __future__ import annotations

import subprocess

import pytest
from person import Person, settle
from PySide6.QtWidgets import QApplication

from wizard.core.model import OS_WINDOWS
from wizard.core.operations import commands_for_test_vm
from wizard.core.projectio import load_project
from wizard.core.resources import resource_path
from wizard.core.steps import Step

OS_URL = "https://contosovhds.blob.core.windows.net/vhds/ubuntu-os.vhd"
DATA_URL = "https://contosovhds.blob.core.windows.net/vhds/ubuntu-data0.vhd"


@pytest.fixture
def project():
    project = load_project(resource_path("examples/demo.mpwiz")).project
    sku = project.skus[0]
    sku.disks[0].blob_url = OS_URL
    sku.disks[1].blob_url = DATA_URL
    return project


def test_bash_commands_for_one_sku_without_readiness_lines(project, tmp_path):
    text = commands_for_test_vm("az-script", project, project.skus[0])
    assert "NOT READY" not in text and "test run" not in text.lower()
    assert "windows-2012r2" not in text  # one SKU only
    assert ("az image create \\\n  --resource-group \"${RESOURCE_GROUP}\" \\\n  --location \"${LOCATION}\" \\\n"
            "  --name 'ubuntu-standard-1.0.1' \\\n  --os-type 'Linux' \\\n  --hyper-v-generation 'V1' \\\n"
            f"  --source '{OS_URL}' \\\n  --data-disk-sources '{DATA_URL}'\n") in text
    assert "  --admin-username \"${ADMIN_USERNAME}\" \\\n" in text and "--generate-ssh-keys" in text
    script = tmp_path / "test-vm.sh"
    script.write_text(text, encoding="utf-8")
    subprocess.run(["bash", "-n", str(script)], check=True)


def test_powershell_commands_keep_the_password_a_variable(project):
    windows = next(s for s in project.skus if s.os_family == OS_WINDOWS)
    text = commands_for_test_vm("az-ps1", project, windows)
    assert "  --admin-password $env:ADMIN_PASSWORD\n" in text
    assert "if (-not $env:ADMIN_PASSWORD) { throw 'Set $env:ADMIN_PASSWORD for the Windows test VM' }" in text
    assert "NOT READY" not in text


def test_a_hostile_value_is_refused_and_would_stay_one_quoted_word(project, tmp_path, monkeypatch):
    from wizard.core.export import ExportRefused
    from wizard.core.export import renderers as renderers_module

    sku = project.skus[0]
    sku.sku_id = "x'$(touch pwned)`y"
    sku.vm_sizes = ["Standard_D2s_v5; rm -rf ~"]
    with pytest.raises(ExportRefused, match="VM size"):
        commands_for_test_vm("az-script", project, sku)
    monkeypatch.setattr(renderers_module, "script_refusals", lambda exports, account="", project=None: [])  # the second wall: quoting
    text = commands_for_test_vm("az-script", project, sku)
    assert "--size 'Standard_D2s_v5; rm -rf ~'" in text
    assert "--name 'x'\\''$(touch pwned)`y-1.0.1'" in text
    script = tmp_path / "hostile.sh"
    script.write_text(text, encoding="utf-8")
    subprocess.run(["bash", "-n", str(script)], check=True)
    ps = commands_for_test_vm("az-ps1", project, sku)
    assert "--name 'x''$(touch pwned)`y-1.0.1'" in ps


def test_unknown_format_is_refused(project):
    with pytest.raises(ValueError):
        commands_for_test_vm("portal-html", project, project.skus[0])


def test_a_person_finds_and_copies_the_commands_on_the_connection_page(new_window):
    window = new_window()
    window.show()
    window.open_path(resource_path("examples/demo.mpwiz"), ask=False)
    window.document.project.skus[0].disks[0].blob_url = OS_URL
    window.wizard.jump_to(int(Step.CONNECTION))
    settle(20)
    page = window.pages[Step.CONNECTION]
    person = Person(window)
    person.click(page.btn_vm_commands)
    dialog = page.vm_dialog
    settle(20)
    assert dialog.isVisible()
    bash = dialog.texts["az-script"].toPlainText()
    assert f"--source '{OS_URL}'" in bash and "NOT READY" not in bash
    QApplication.clipboard().clear()
    copy = dialog.tabs.currentWidget().findChildren(type(page.btn_vm_commands))[0]
    Person(dialog).click(copy)
    assert QApplication.clipboard().text() == bash
    dialog.tabs.setCurrentIndex(1)
    settle(20)
    assert "$env:RESOURCE_GROUP" in dialog.texts["az-ps1"].toPlainText()
    dialog.close()


def test_commands_that_still_hold_placeholders_say_so_above_them(new_window):
    """The demo before its upload: the commands name MISSING-… where the blob URLs go, and the dialog
    says so in words before anyone copies them; once the URLs are there the warning is gone."""
    window = new_window()
    window.show()
    window.open_path(resource_path("examples/demo.mpwiz"), ask=False)
    sku = window.document.project.skus[0]
    for disk in sku.disks:
        disk.blob_url = ""
    window.wizard.jump_to(int(Step.CONNECTION))
    settle(20)
    page = window.pages[Step.CONNECTION]
    Person(window).click(page.btn_vm_commands)
    dialog = page.vm_dialog
    dialog.sku.setCurrentIndex(0)
    dialog.refresh()
    settle(20)
    note = dialog.missing_note
    assert note.isVisible()
    assert "MISSING-DATA-VHD-URL, MISSING-OS-VHD-URL" in note.text() and "VHD check" in note.text()
    dialog.close()
    sku.disks[0].blob_url, sku.disks[1].blob_url = OS_URL, DATA_URL
    Person(window).click(page.btn_vm_commands)
    dialog = page.vm_dialog
    dialog.sku.setCurrentIndex(0)
    dialog.refresh()
    settle(20)
    assert not dialog.missing_note.isVisible()
    assert "MISSING-" not in dialog.texts["az-script"].toPlainText()
    dialog.close()


def test_commands_for_a_blob_that_is_not_the_checked_file_say_so(project, tmp_path):
    """Issue #32: the test VM is made from the blob; when the blob holds another file than the one checked,
    the commands say NOT READY with the fix (the same words as the checklist's ✗)."""
    from wizard.core.identity import file_identity
    from wizard.core.model import UploadRecord, VhdCheckRecord

    disk = project.skus[0].disks[0]
    old, new = tmp_path / "disk.vhd", tmp_path / "ext4.vhd"
    old.write_bytes(b"\1" * 4096)
    new.write_bytes(b"\2" * 4096)
    sent, checked = file_identity(str(old)), file_identity(str(new))
    disk.upload = UploadRecord(OS_URL, str(old), sent.size, sent.mtime_ns, sent.fingerprint)
    disk.vhd_path = str(new)
    disk.vhd_check = VhdCheckRecord(target=str(new), verdict="pass", file_size=checked.size,
                                    file_mtime_ns=checked.mtime_ns, fingerprint=checked.fingerprint)
    text = commands_for_test_vm("az-script", project, project.skus[0])
    assert "# NOT READY: OS disk: the blob holds disk.vhd, not the checked ext4.vhd: upload ext4.vhd again" in text
    disk.upload = UploadRecord(OS_URL, str(new), checked.size, checked.mtime_ns, checked.fingerprint)
    assert "NOT READY" not in commands_for_test_vm("az-script", project, project.skus[0])


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_the_dialog_says_which_user_and_key_the_vm_takes_and_what_cloud_shell_changes(new_window, lang):
    """Before running the commands a person reads who the VM lets in: azureuser with ~/.ssh/id_rsa of the machine
    that runs them (Linux), azureuser with ADMIN_PASSWORD (Windows) -- and, for Cloud Shell, where that key then
    is and the two ways on (download it, or --ssh-key-values)."""
    from pathlib import Path

    from test_first_submission_by_a_person import choose

    from wizard.i18n import install_translators

    install_translators(lang)
    try:
        window = new_window()
        window.show()
        window.open_path(resource_path("examples/demo.mpwiz"), ask=False)
        window.wizard.jump_to(int(Step.CONNECTION))
        settle(20)
        page = window.pages[Step.CONNECTION]
        Person(window).click(page.btn_vm_commands)
        dialog = page.vm_dialog
        settle(20)
        said = {}
        for index, sku in enumerate(window.document.project.skus):
            choose(Person(dialog), dialog.sku, index)  # the SKU list, as a person picks a line of it
            settle(20)
            note = dialog.login_note
            assert note.isVisible() and dialog.sku.currentIndex() == index
            said[sku.os_family] = note.text()
        dialog.close()
    finally:
        install_translators("en")
    linux, windows = said["linux"], said["windows"]
    assert "azureuser" in linux and str(Path.home() / ".ssh" / "id_rsa") in linux
    assert "~/.ssh/id_rsa" in linux and "--ssh-key-values" in linux and "Cloud Shell" in linux
    assert "azureuser" in windows and "ADMIN_PASSWORD" in windows and "id_rsa" not in windows
    if lang == "en":
        assert "download it" in linux and "Connection step" in linux
    else:
        assert "ダウンロード" in linux and "Cloud Shell" in linux and "ダウンロード" not in windows


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_the_test_run_banner_names_the_connection_steps_button_and_the_key_under_home(new_window, translated, lang,
                                                                                         monkeypatch, tmp_path):
    """Issue #32 review: before any run the Test run banner said "connect to it (user azureuser, key /tmp/…/.ssh/
    id_rsa) on the Connection step", while that step still showed password sign-in: it now names the button there
    that fills the sign-in in, and writes the key under the home folder as "~/…"."""
    from wizard.core.model import new_project
    from wizard.document import ProjectDocument

    monkeypatch.setenv("HOME", str(tmp_path))
    translated(lang)
    project = new_project()
    project.connection.platform = "linux"
    window = new_window(ProjectDocument(project))
    window.show()
    window.wizard.jump_to(int(Step.TEST_RUN))
    settle(20)
    banner = window.pages[Step.TEST_RUN].banner.text()
    button = window.pages[Step.CONNECTION].btn_use_recipe.text()
    words = button.split("(&")[0].replace("&", "")  # as it reads, without its Alt letter
    assert words and (f"“{words}”" if lang == "en" else f"「{words}」") in banner, banner
    assert "~/.ssh/id_rsa" in banner and str(tmp_path) not in banner, banner
    assert project.connection.auth != "key"  # the step still shows a password: hence the button's name
