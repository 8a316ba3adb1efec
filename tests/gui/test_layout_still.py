"""Layouts hold still and long text reads whole where it matters (issue #32, item 6), at 1024x700, as a person
(tests/helpers/person.py): on the VHD step the disk table and its buttons keep their place when the person
switches the result tabs or a message comes and goes; the SAS URIs step's disk table never scrolls sideways,
its blob URL elided in the middle and whole in the tooltip and in Copy, its status and expiry whole."""

from __future__ import annotations

import pytest
from person import Person, elided_rows, layout_problems, settle
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import QApplication, QStyle, QStyleOptionViewItem
from test_first_submission_by_a_person import Answer  # the services tests answer modal dialogs with it

from wizard.core.steps import Step
from wizard.pages.storage_dialog import StorageConnectDialog

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


def vhd_step_with_a_file(new_window, translated, lang: str, tmp_path):
    """The VHD step at 1024x700 in `lang`, its first disk given a small file."""
    window, page = opened_at(new_window, Step.VHD, translated, lang)
    vhd = tmp_path / "disk.vhd"
    vhd.write_bytes(b"\0" * 512)
    page.set_disk_file(window.document.project.skus[0].disks[0], str(vhd))
    return window, page


def bar_only_while_running(qtbot, window, page, held, start, release) -> None:
    """`start()` begins the page's task, which runs until `release` is set: its progress bar shows meanwhile and
    goes after, and the `held` widgets do not move either time."""
    before = places(window, held)
    start()
    qtbot.waitUntil(lambda: page.task is not None, timeout=5000)
    settle(50)
    assert page.progress.isVisible(), "a running task shows its progress"
    assert places(window, held) == before, "the progress bar coming moved the table or the buttons"
    release.set()
    qtbot.waitUntil(lambda: page.task is None, timeout=20_000)
    settle(50)
    assert not page.progress.isVisible(), "the task ended: the bar goes"
    assert places(window, held) == before, "the progress bar going moved the table or the buttons"


def places(window, widgets) -> list[tuple[int, int, int, int]]:
    """Where each widget is in the window, and its size."""
    return [QRect(w.mapTo(window, QPoint(0, 0)), w.size()).getRect() for w in widgets]


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_the_vhd_table_and_buttons_hold_still(new_window, translated, tmp_path, monkeypatch, lang):
    from wizard.core.operations import ACCOUNT_KEY

    window, page = vhd_step_with_a_file(new_window, translated, lang, tmp_path)
    person = Person(window)
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
    # The publisher would rather connect later: Esc in the account dialog; then "Which storage account? ..." and
    # the button to connect one come.
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


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_the_progress_bar_shows_only_while_a_check_runs_and_nothing_moves(new_window, translated, tmp_path,
                                                                          monkeypatch, qtbot, lang):
    """Issue #32 review: idle, the empty progress bar beside the Check buttons looked like a text field. It is
    hidden until a check (or an upload, a pre-flight) runs, and its place is kept, so nothing moves."""
    import threading

    from wizard.core import operations

    window, page = vhd_step_with_a_file(new_window, translated, lang, tmp_path)
    person = Person(window)
    page.refresh()
    page.disks.selectRow(0)
    settle(50)
    held = [page.disks, page.btn_choose, page.btn_check, page.btn_check_all, page.btn_cancel, page.result_tabs]
    assert not page.progress.isVisible()
    release = threading.Event()
    real = operations.check_disk

    def slow_check(*args, **kwargs):
        release.wait(10)
        return real(*args, **kwargs)

    monkeypatch.setattr(operations, "check_disk", slow_check, raising=False)
    bar_only_while_running(qtbot, window, page, held, lambda: person.click(page.btn_check), release)
    assert page.progress.sizePolicy().retainSizeWhenHidden()


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


def wrapped_lines(view, index) -> int:
    """How many lines a wrapped cell's text is painted on, at its cell's width (a table's grid line off)."""
    from wizard.pages.parts.fitted_columns import grid
    from wizard.pages.parts.whole_rows import line_heights, text_width

    option = QStyleOptionViewItem()
    view.initViewItemOption(option)
    (view.itemDelegateForColumn(index.column()) or view.itemDelegate()).initStyleOption(option, index)
    width = text_width(view, option, view.columnWidth(index.column()) - grid(view))
    return len(line_heights(option.text, option.font, width))


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_the_sas_status_takes_two_lines_at_most(new_window, translated, lang):
    """At 1024x700 in Japanese the status column was about 110 pixels: a status wrapped onto three lines."""
    from datetime import UTC, datetime, timedelta

    from wizard.core.model import SasRecord

    window, page = opened_at(new_window, Step.SAS, translated, lang)
    now = datetime.now(UTC).replace(microsecond=0)
    disks = [disk for sku in window.document.project.skus for disk in sku.sas_disks]
    for n, disk in enumerate(disks[:2]):  # "token not in the keyring: generate it again", "expires too soon: renew"
        disk.blob_url = LONG_BLOB.replace("final", f"final-{n}")
        disk.sas = SasRecord(blob_url=disk.blob_url, start=(now - timedelta(minutes=15)).isoformat(),
                             expiry=(now + timedelta(days=40 if n == 0 else 1)).isoformat(), verdict="pass",
                             secret_purpose=f"sas:{disk.blob_url}")
    page.refresh()
    settle(50)
    table = page.disks
    for row in range(table.rowCount()):
        index = table.model().index(row, 1)
        assert wrapped_lines(table, index) <= 2, (index.data(), table.columnWidth(1))
    assert not elided_rows(table, 1)
    assert not layout_problems(window, page)


BLOB_NAMES = ("ubuntu-standard-os-disk-generalized-2026-11-30-final.vhd", "ubuntu-standard-data-lun0-2026-11-30.vhd",
              "notes about the image.txt", "bad name.vhd")


@pytest.fixture
def storage_listing(monkeypatch):
    """A stand-in storage account with a container of long blob names (no server is reached)."""
    from wizard.core import operations
    from wizard.core.storage import PORTAL_NAME_PROBLEM, BlobEntry, Listing

    base = "https://contosomarketplacevhds.blob.core.windows.net/vhds/"
    blobs = Listing(BlobEntry("vhds", name, "PageBlob" if name.endswith(".vhd") else "BlockBlob", 30 * 2**30,
                              "2026-11-30T12:34:56+00:00", base + name,
                              (PORTAL_NAME_PROBLEM,) if name == "bad name.vhd" else ()) for name in BLOB_NAMES)
    monkeypatch.setattr(operations, "list_containers", lambda access, cancel=None: Listing(["vhds"]), raising=False)
    monkeypatch.setattr(operations, "list_blobs", lambda access, container, cancel=None: blobs, raising=False)
    return {b.name: b.url for b in blobs}


def form_rows(page):
    """The storage form's (label, field) pairs on screen."""
    form = page.account.parentWidget().layout()
    return [(form.labelForField(field), field) for field in (page.mode, page.account, page.suffix, page.endpoint,
                                                             page.secret)]


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_the_storage_form_and_the_blob_browser_fit(new_window, translated, qtbot, storage_listing, lang):
    """At 1024x700 the storage form put some labels beside their fields and others above them, and the blob
    browser scrolled sideways under its five titles (issue #32). Now every label reads whole in one arrangement,
    and after Connect the browser's columns fit: long names elided in the middle, whole in the tooltip and Copy."""
    window, page = opened_at(new_window, Step.SAS, translated, lang)
    person = Person(window)
    rows = form_rows(page)
    for label, _field in rows:
        assert label.isVisible() and label.width() >= label.sizeHint().width(), label.text()
    above = [label.mapTo(window, QPoint(0, label.height())).y() <= field.mapTo(window, QPoint(0, 0)).y()
             for label, field in rows]
    assert all(above) or not any(above), f"some labels beside their fields, some above: {above}"
    assert not layout_problems(window, page)

    person.click(page.secret)
    person.type("a-key")
    person.click(page.btn_connect)
    qtbot.waitUntil(lambda: page.browser.isVisible() and page.browser.topLevelItemCount() == 1, timeout=5000)
    browser = page.browser
    container = browser.topLevelItem(0)
    person.click(browser.viewport(), browser.visualItemRect(container).center())
    person.press(Qt.Key.Key_Right)  # opens the container
    qtbot.waitUntil(lambda: container.childCount() == len(BLOB_NAMES), timeout=5000)
    settle(50)
    assert not browser.horizontalScrollBar().isVisible() and browser.horizontalScrollBar().maximum() == 0, \
        [browser.columnWidth(c) for c in range(browser.columnCount())]
    assert sum(browser.columnWidth(c) for c in range(browser.columnCount())) <= browser.viewport().width()
    assert not layout_problems(window, page)
    header = browser.header()
    for column in range(browser.columnCount()):  # every title whole
        title = browser.headerItem().text(column)
        assert header.sectionSize(column) >= header.fontMetrics().horizontalAdvance(title) + 4, title
    long_item = next(container.child(i) for i in range(container.childCount())
                     if container.child(i).text(0) == BLOB_NAMES[0])
    index = browser.indexFromItem(long_item, 0)
    option = QStyleOptionViewItem()
    browser.initViewItemOption(option)
    option.rect = browser.visualRect(index)
    browser.itemDelegateForColumn(0).initStyleOption(option, index)
    style = browser.style()
    margin = style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, browser) + 1
    width = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, option, browser).width() - 2 * margin
    shown = option.fontMetrics.elidedText(option.text, option.textElideMode, width)
    assert "…" in shown and shown.startswith("ub") and shown.endswith("vhd"), f"not elided in the middle: {shown!r}"
    assert storage_listing[BLOB_NAMES[0]] in long_item.toolTip(0)
    for i in range(container.childCount()):  # what the portal thinks reads whole
        assert wrapped_lines(browser, browser.indexFromItem(container.child(i), 2)) <= 2
    bad = next(container.child(i) for i in range(container.childCount()) if "bad name" in container.child(i).text(0))
    assert bad.text(2) and "'%'" in bad.toolTip(2)  # why, in its tooltip
    # Issue #32 review: "✓ ready" here only meant "a page blob with a usable name", while the disk table's "✓ ready"
    # is a verified SAS. The browser claims no ✓.
    usable = next(container.child(i) for i in range(container.childCount())
                  if container.child(i).text(0) == BLOB_NAMES[1])
    assert usable.text(2) and "✓" not in usable.text(2)
    assert usable.text(2) == ("page blob · usable" if lang == "en" else "ページ BLOB · 使用可")
    assert not any("✓" in container.child(i).text(2) for i in range(container.childCount()))
    person.click(browser.viewport(), browser.visualRect(index).center())  # on its name
    person.press(Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.clipboard().text() == BLOB_NAMES[0]


def test_the_test_runs_progress_bar_shows_only_while_a_task_runs_and_nothing_moves(new_window, translated, qtbot):
    """Like the VHD step's: idle, no empty bar beside Cancel; a task of the page shows it, in its kept place."""
    import threading

    window, page = opened_at(new_window, Step.TEST_RUN, translated, "en")
    held = [page.btn_run, page.btn_rerun, page.btn_cancel, page.problems_only]
    assert not page.progress.isVisible() and page.progress.sizePolicy().retainSizeWhenHidden()
    release = threading.Event()
    start = lambda: page.run(lambda progress, cancel: release.wait(10), done=lambda _result: None,  # noqa: E731
                             holds_next=False)
    bar_only_while_running(qtbot, window, page, held, start, release)
