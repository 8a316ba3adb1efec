"""Dialogs and lists keep a new row in view, and dialogs judge their fields before OK or Enter takes them
(issue #32, item 5), walked as a person (tests/helpers/person.py).

Enter with a half-typed port in the Technical configuration dialog is in test_journey.py; the start
dialog has no field to type into (its choices are radio buttons), so Enter there always takes a
valid choice.
"""

from __future__ import annotations

import json

import pytest
from gallery_json import az_definition, az_version, provider, version_id
from person import Person, settle
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from wizard.core.steps import Step

TENANT = "11111111-2222-3333-4444-555555555555"
VERSION = version_id(TENANT, "images-rg", "contoso_gallery", "web-gen2", "1.0.0")


@pytest.fixture
def window(new_window):
    win = new_window()
    win.show()
    win.resize(1024, 700)
    win.activateWindow()
    QTest.qWaitForWindowActive(win, 2000)
    settle(30)
    return win


def in_view(view, row: int, column: int = 0) -> bool:
    """The cell is inside the view's viewport (a person sees it without scrolling)."""
    rect = view.visualRect(view.model().index(row, column))
    return rect.isValid() and view.viewport().rect().contains(rect)


def focus_in(widget) -> bool:
    focus = QApplication.focusWidget()
    return focus is widget or (focus is not None and widget.isAncestorOf(focus))


def show_in_editor(page, widget) -> None:
    """The Offer page's SKU editor scrolls: the person scrolls it until `widget` shows."""
    page.sku_editor.parentWidget().parentWidget().ensureWidgetVisible(widget)
    settle()


def test_each_new_port_row_comes_into_view_with_its_name_ready(window):
    from wizard.plan_dialog import PlanDialog

    sku = window.document.project.skus[0]
    dialog = PlanDialog(window.document.project, sku, window)
    dialog.show()
    dialog.resize(dialog.minimumSizeHint().width(), dialog.minimumSizeHint().height())  # as small as it goes
    QTest.qWaitForWindowExposed(dialog)
    dialog.activateWindow()
    settle(30)
    person = Person(dialog)
    table = dialog.ports
    visible_rows = max(1, table.viewport().height() // max(1, table.sizeHintForRow(0) if table.rowCount() else 20))
    added = visible_rows + 4  # past the visible area
    for n in range(added):
        person.click(dialog.btn_add_port)
        settle(30)
        row = table.rowCount() - 1
        assert row == n
        assert table.currentRow() == row and table.currentColumn() == 0
        assert in_view(table, row), f"row {row + 1} of {table.rowCount()} is out of view"
        assert focus_in(table), "the new row's name is not where the keys go"
        person.type(f"p{n}")  # the person types the new row's name at once
    person.press(Qt.Key.Key_Tab)  # the last name is committed
    settle(30)
    assert table.verticalScrollBar().maximum() > 0, "the rows never went past the visible area"
    assert [table.item(r, 0).text() for r in range(table.rowCount())] == [f"p{n}" for n in range(added)]
    dialog.reject()


def test_a_new_data_disk_and_a_new_sku_come_into_view(window):
    page = window.pages[Step.OFFER]
    person = Person(window)
    sku = window.document.project.skus[0]
    for n in range(8):  # more disks than the table shows
        show_in_editor(page, page.btn_add_disk)
        person.click(page.btn_add_disk)
        settle(30)
        row = page.disk_table.currentRow()
        assert row >= 0 and sku.disks[row].role == "data" and len(sku.disks) == n + 2
        assert row == len(sku.disks) - 1  # the disk just added, after the others
        assert in_view(page.disk_table, row, 2), f"disk row {row + 1} is out of view"
        assert focus_in(page.disk_table)
    assert page.disk_table.verticalScrollBar().maximum() > 0
    page.sku_editor.parentWidget().parentWidget().verticalScrollBar().setValue(0)
    for n in range(10):  # more SKUs than the list shows
        person.click(page.btn_add)
        settle(30)
        row = page.sku_list.currentRow()
        assert row == len(window.document.project.skus) - 1 == n + 1
        assert in_view(page.sku_list, row), f"SKU row {row + 1} is out of view"
        assert focus_in(page.sku_id)  # the new SKU's ID is where the keys go
    assert page.sku_list.verticalScrollBar().maximum() > 0


def open_image_dialog(window):
    page = window.pages[Step.OFFER]
    page.profile.setCurrentIndex(page.profile.findData("partner-center"))  # a new plan: gallery first
    settle()
    show_in_editor(page, page.btn_images)
    Person(window).click(page.btn_images)
    dialog = page.image_dialog
    QTest.qWaitForWindowExposed(dialog)
    dialog.activateWindow()
    settle(30)
    return dialog, Person(dialog)


def test_enter_in_the_image_dialog_never_takes_a_malformed_id(window):
    dialog, person = open_image_dialog(window)
    sku = window.document.project.skus[0]
    slot = dialog.slots[0]
    assert slot.source.currentData() == "sharedImageGallery"
    person.click(slot.tenant)
    person.type("not-a-guid")
    person.press(Qt.Key.Key_Return)
    settle(30)
    assert dialog.isVisible(), "Enter took a tenant ID Partner Center refuses"
    assert dialog.problem.isVisible() and "not-a-guid" in dialog.problem.text(), dialog.problem.text()
    assert QApplication.focusWidget() is slot.tenant
    assert sku.images[0].gallery_tenant_id == ""
    person.select_all_and_type(TENANT)
    person.click(slot.resource)
    person.type("/subscriptions/oops")
    person.press(Qt.Key.Key_Return)
    settle(30)
    assert dialog.isVisible() and QApplication.focusWidget() is slot.resource, dialog.problem.text()
    person.select_all_and_type(VERSION)
    person.click(slot.sku_id)
    person.type("Bad SKU")
    person.press(Qt.Key.Key_Return)
    settle(30)
    assert dialog.isVisible() and QApplication.focusWidget() is slot.sku_id, dialog.problem.text()
    # One image type chosen twice would drop the second's disks: refused too.
    second = dialog.slots[1]
    person.select_all_and_type("")
    second.kind.setCurrentIndex(second.kind.findData(slot.kind.currentData()))  # the popup's choice
    person.click(slot.sku_id)
    person.press(Qt.Key.Key_Return)
    settle(30)
    assert dialog.isVisible() and QApplication.focusWidget() is second.kind, dialog.problem.text()
    second.kind.setCurrentIndex(second.kind.findData(""))
    person.click(slot.sku_id)
    person.press(Qt.Key.Key_Return)
    settle(50)
    assert not dialog.isVisible(), dialog.problem.text()
    image = sku.images[0]
    assert (image.gallery_tenant_id, image.gallery_resource_id, image.sku_id) == (TENANT, VERSION, "")


def test_ok_in_the_gallery_check_reads_what_was_pasted_and_stays_when_it_cannot(window):
    from wizard.gallery_dialog import GalleryCheckDialog

    project = window.document.project
    sku = project.skus[0]
    image = sku.images[0]
    image.gallery_resource_id, image.gallery_tenant_id = VERSION, TENANT
    dialog = GalleryCheckDialog(project, sku, image, window)
    dialog.show()
    QTest.qWaitForWindowExposed(dialog)
    dialog.activateWindow()
    settle(30)
    person = Person(dialog)
    ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
    version_box = dialog.pasted[0][0]
    QApplication.clipboard().setText("{ not json")
    person.click(version_box)
    person.press(Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    person.click(ok)
    settle(30)
    assert dialog.isVisible(), "OK dropped JSON that could not be read"
    assert "JSON" in dialog.status.text() and QApplication.focusWidget() is version_box, dialog.status.text()
    assert dialog.record is None
    for (edit, _kind), body in zip(dialog.pasted, (az_version(VERSION), az_definition(VERSION.rsplit("/versions/", 1)[0]),
                                                    provider()), strict=True):
        QApplication.clipboard().setText(json.dumps(body, indent=2))
        person.click(edit)
        person.select_all_and_type("")
        person.press(Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    person.click(ok)  # not read with its button: OK reads it
    settle(30)
    assert not dialog.isVisible()
    assert dialog.result() == dialog.DialogCode.Accepted
    assert dialog.record is not None and dialog.record.provider_state == "Registered"

