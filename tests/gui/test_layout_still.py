"""Layouts hold still and long text reads whole where it matters (issue #32, item 6), at 1024x700, as a person
(tests/helpers/person.py): on the VHD step the disk table and its buttons keep their place when the person
switches the result tabs or a message comes and goes; the SAS URIs step's disk table never scrolls sideways,
its blob URL elided in the middle and whole in the tooltip and in Copy, its status and expiry whole."""

from __future__ import annotations

import pytest
from person import Person, elided_rows, layout_problems, settle
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import QApplication, QStyle, QStyleOptionViewItem

from wizard.core.steps import Step

SMALL = (1024, 700)
LONG_BLOB = ("https://averylongstorageaccountname.blob.core.windows.net/vhds/"
             + "ubuntu-standard-os-disk-generalized-2026-11-30-" * 3 + "final.vhd")


def opened_at(new_window, step: Step, lang_install, lang: str):
    """The demo project on `step` in a window of 1024x700, in `lang`."""
    from wizard.core.resources import resource_path

    lang_install(lang)
    window = new_window()
    window.show()
    window.resize(1280, 800)
    window.open_path(resource_path("examples/demo.mpwiz"), ask=False)
    window.resize(*SMALL)
    window.activateWindow()
    window.wizard.jump_to(int(step))
    settle(50)
    return window, window.pages[step]


def places(window, widgets) -> list[tuple[int, int, int, int]]:
    """Where each widget is in the window, and its size."""
    return [QRect(w.mapTo(window, QPoint(0, 0)), w.size()).getRect() for w in widgets]


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_the_vhd_table_and_buttons_hold_still(new_window, translated, tmp_path, lang):
    from wizard.core.operations import ACCOUNT_KEY

    window, page = opened_at(new_window, Step.VHD, translated, lang)
    person = Person(window)
    disk = window.document.project.skus[0].disks[0]
    vhd = tmp_path / "disk.vhd"
    vhd.write_bytes(b"\0" * 512)
    page.set_disk_file(disk, str(vhd))
    storage = window.document.project.storage  # no storage account named yet: the upload asks for one
    storage.mode, storage.account_name, storage.custom_endpoint = ACCOUNT_KEY, "", ""
    page.refresh()
    page.disks.selectRow(0)
    settle(50)
    held = [page.disks, page.btn_choose, page.btn_blob, page.btn_upload, page.btn_check, page.btn_check_all,
            page.btn_cancel, page.result_tabs]
    before = places(window, held)
    bar = page.result_tabs.tabBar()
    for tab in (1, 0, 1):  # the person clicks "Inside the image", "Format check", "Inside the image"
        person.click(bar, bar.tabRect(tab).center())
        settle(50)
        assert page.result_tabs.currentIndex() == tab
        assert places(window, held) == before, f"switching to tab {tab} moved the table or the buttons"
    # The upload asks for the storage account in a dialog; the person cancels it: "Which storage account? ..." and
    # the button to connect one come.
    from test_first_submission_by_a_person import Answer

    from wizard.pages.storage_dialog import StorageConnectDialog

    dialog = Answer(StorageConnectDialog, lambda _dialog, him: him.press(Qt.Key.Key_Escape))
    person.click(page.btn_upload)
    dialog.check()
    settle(50)
    assert page.btn_connect_storage.isVisible() and page.status.text()
    assert places(window, held) == before, "the upload's message moved the table or the buttons"
    page.status.setText(page.status.text() + " " + page.status.text())  # a longer message: it scrolls in its line
    settle(50)
    assert places(window, held) == before, "a longer message moved the table or the buttons"
    page.status.setText("")
    page.btn_connect_storage.hide()
    settle(50)
    assert places(window, held) == before, "the message going moved the table or the buttons"
    assert not layout_problems(window, page)


def shown_text(view, row: int, column: int) -> str:
    """The text the cell is drawn with: elided by the view's mode to the width of its text rect, as Qt's style
    draws it (QCommonStyle::viewItemDrawText)."""
    index = view.model().index(row, column)
    option = QStyleOptionViewItem()
    view.initViewItemOption(option)
    option.rect = view.visualRect(index)
    (view.itemDelegateForColumn(column) or view.itemDelegate()).initStyleOption(option, index)
    style = view.style()
    margin = style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, view) + 1
    width = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, option, view).width() - 2 * margin
    return option.fontMetrics.elidedText(option.text, option.textElideMode, width)


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_the_sas_table_never_scrolls_sideways_and_keeps_the_whole_url(new_window, translated, lang):
    from datetime import UTC, datetime, timedelta

    from wizard.core.model import SasRecord

    window, page = opened_at(new_window, Step.SAS, translated, lang)
    now = datetime.now(UTC).replace(microsecond=0)
    disks = [disk for sku in window.document.project.skus for disk in sku.sas_disks]
    for n, disk in enumerate(disks):  # verified SASes, one expiring tomorrow: the longest words the rows say
        disk.blob_url = LONG_BLOB.replace("final", f"final-{n}")
        disk.sas = SasRecord(blob_url=disk.blob_url, start=(now - timedelta(minutes=15)).isoformat(),
                             expiry=(now + timedelta(days=40 if n else 1)).isoformat(), verdict="pass",
                             secret_purpose=f"sas:{disk.blob_url}")
    page.refresh()
    settle(50)
    table = page.disks
    assert table.rowCount() == len(disks) >= 2
    assert not table.horizontalScrollBar().isVisible() and table.horizontalScrollBar().maximum() == 0, \
        [table.columnWidth(c) for c in range(table.columnCount())]
    assert sum(table.columnWidth(c) for c in range(table.columnCount())) <= table.viewport().width()
    for row, disk in enumerate(disks):
        shown = shown_text(table, row, 3)
        assert shown != disk.blob_url and "…" in shown, shown
        assert shown.startswith("https://") and shown.endswith(".vhd"), f"not elided in the middle: {shown!r}"
        assert table.item(row, 3).toolTip() == disk.blob_url
    for column in (1, 2):  # the status and the expiry wrap: every line whole
        assert not elided_rows(table, column), elided_rows(table, column)
    assert not layout_problems(window, page)
    person = Person(window)
    person.click(table.viewport(), table.visualRect(table.model().index(1, 3)).center())
    person.press(Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.clipboard().text() == disks[1].blob_url
