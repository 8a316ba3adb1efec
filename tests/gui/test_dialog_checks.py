"""Dialogs judge their own fields (issue #32, "dialogs validate inside themselves"): the VHD step's one-line
questions -- the blob URL to check and the container to upload into -- hold OK while the text is not good and
say why on one line, so Enter never takes it. Walked as a person: typing into the focus, pressing Enter."""

from __future__ import annotations

import pytest
from person import Person, settle
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialogButtonBox, QInputDialog, QLabel
from test_first_submission_by_a_person import Answer

from wizard.core.steps import Step


@pytest.fixture
def vhd(new_window):
    window = new_window()
    window.show()
    window.activateWindow()
    QTest.qWaitForWindowActive(window, 2000)
    window.wizard.jump_to(int(Step.VHD))
    settle(30)
    page = window.pages[Step.VHD]
    page.disks.selectRow(0)
    return window, page


def ok_button(dialog) -> object:
    return dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)


def reason(dialog) -> str:
    label = dialog.findChild(QLabel, "reason")
    return label.text() if label is not None and label.isVisible() else ""


def refuses(person: Person, dialog, typed: str) -> str:
    """Type `typed` over the field and press Enter: the dialog stays, OK is held, one line says why."""
    person.select_all_and_type(typed)
    person.press(Qt.Key.Key_Return)
    settle(50)
    assert dialog.isVisible(), f"Enter took {typed!r}"
    assert not ok_button(dialog).isEnabled(), f"OK is enabled for {typed!r}"
    said = reason(dialog)
    assert said and "\n" not in said, f"no reason for {typed!r}: {said!r}"
    return said


def test_enter_never_takes_a_text_that_is_not_a_blob_url(vhd):
    window, page = vhd
    disk = window.document.project.skus[0].disks[0]
    seen: dict[str, str] = {}

    def act(dialog, person: Person) -> None:
        settle(50)
        seen["empty"] = refuses(person, dialog, "")
        seen["words"] = refuses(person, dialog, "my disk in azure")
        seen["no blob"] = refuses(person, dialog, "https://contosovhds.blob.core.windows.net/vhds")
        person.select_all_and_type("https://contosovhds.blob.core.windows.net/vhds/os.vhd?sv=2024-08-04&sig=x")
        settle(30)
        seen["good"] = reason(dialog)
        assert ok_button(dialog).isEnabled()
        person.press(Qt.Key.Key_Escape)

    answer = Answer(QInputDialog, act, seconds=10)
    page.ask_blob_url()
    answer.check()
    assert seen["empty"] == "Paste the blob's URL."
    assert seen["words"].startswith("Not a blob URL") and seen["no blob"] == seen["words"]
    assert seen["good"] == ""
    assert disk.blob_url == ""  # nothing was taken


def test_enter_never_takes_a_container_name_azure_refuses(vhd, monkeypatch, tmp_path):
    window, page = vhd
    project = window.document.project
    disk = project.skus[0].disks[0]
    vhd_file = tmp_path / "os.vhd"
    vhd_file.write_bytes(b"\0" * 512)
    disk.vhd_path = str(vhd_file)
    project.storage.account_name = "contosovhds"
    started: list[str] = []
    monkeypatch.setattr(page, "start_upload", lambda _sku, _disk, container, _given=None: started.append(container))
    said: list[str] = []

    def act(dialog, person: Person) -> None:
        settle(50)
        for typed in ("", "VHDs", "my_vhds", "ab", "vhds--2", "-vhds", "x" * 64):
            said.append(refuses(person, dialog, typed))
        person.select_all_and_type("vhds-2")
        person.press(Qt.Key.Key_Return)

    answer = Answer(QInputDialog, act, seconds=10)
    page.ask_upload()
    answer.check()
    assert set(said) == {"A container name is 3–63 lowercase letters, digits and hyphens, starts and ends with a letter "
                         "or digit, and has no two hyphens in a row."}
    assert started == ["vhds-2"]
