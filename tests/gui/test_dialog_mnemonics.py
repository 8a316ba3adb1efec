"""Every dialog's buttons carry one Alt+letter (issue #32, item 7), in English and Japanese."""

from __future__ import annotations

import re

import pytest
from person import Person, settle
from PySide6.QtCore import QSettings, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QDialogButtonBox, QMessageBox, QWidget

from wizard.core.model import new_project

ONE_MNEMONIC = re.compile(r"^[^&]*&[A-Za-z][^&]*$")


def _dialogs(parent: QWidget, tmp_path) -> dict[str, QWidget]:
    from wizard.gallery_dialog import GalleryCheckDialog
    from wizard.guidance_panel import HelpDialog
    from wizard.image_dialog import ImageDialog
    from wizard.pages.testvm_dialog import TestVmDialog
    from wizard.plan_dialog import PlanDialog
    from wizard.start_dialog import StartDialog

    project = new_project()
    sku = project.skus[0]
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    return {
        "gallery": GalleryCheckDialog(project, sku, sku.images[0], parent),
        "help": HelpDialog(parent, "Help", "<p>help</p>"),
        "image": ImageDialog(project, sku, parent),
        "testvm": TestVmDialog(parent, project),
        "plan": PlanDialog(project, sku, parent),
        "start": StartDialog(parent, project, settings),
    }


def _buttons(dialog: QWidget) -> list[QAbstractButton]:
    return [b for box in dialog.findChildren(QDialogButtonBox) for b in box.buttons()]


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_every_dialog_button_has_one_alt_letter(qtbot, tmp_path, lang):
    from wizard.i18n import install_translators

    install_translators(lang)
    try:
        parent = QWidget()
        qtbot.addWidget(parent)
        for name, dialog in _dialogs(parent, tmp_path).items():
            buttons = _buttons(dialog)
            assert buttons, name
            for button in buttons:
                assert ONE_MNEMONIC.match(button.text()), (lang, name, button.text())
        box = QMessageBox(QMessageBox.Icon.Question, "t", "x", QMessageBox.StandardButton.Yes
                          | QMessageBox.StandardButton.Cancel | QMessageBox.StandardButton.Open
                          | QMessageBox.StandardButton.Ok | QMessageBox.StandardButton.No, parent)
        from wizard.mnemonics import give_mnemonics

        give_mnemonics(box)
        for button in box.buttons():
            assert ONE_MNEMONIC.match(button.text()), (lang, button.text())
        if lang == "ja":
            assert box.button(QMessageBox.StandardButton.Cancel).text() == "キャンセル(&C)"
    finally:
        install_translators("en")


def test_alt_letter_closes_the_test_vm_dialog(qtbot):
    from wizard.pages.testvm_dialog import TestVmDialog

    parent = QWidget()
    qtbot.addWidget(parent)
    dialog = TestVmDialog(parent, new_project())
    dialog.show()
    QTest.qWaitForWindowExposed(dialog)
    dialog.activateWindow()
    settle(50)
    close = _buttons(dialog)[0]
    letter = close.text()[close.text().index("&") + 1]
    person = Person(dialog)
    person.press(Qt.Key(ord(letter.upper())), Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=2000)
