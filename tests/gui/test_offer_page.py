"""The offer & SKU page, driven through its real widgets."""

from __future__ import annotations

from pathlib import Path

import pytest
from person import Person, type_into
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWizard

from wizard.core.projectio import load_project
from wizard.core.steps import Step
from wizard.core.validation import validate_offer

ROOT = Path(__file__).resolve().parents[2]
DEMO = ROOT / "resources/examples/demo.mpwiz"


@pytest.fixture
def win(demo_window):
    return demo_window(Step.OFFER)


@pytest.fixture
def page(win):
    return win.pages[Step.OFFER]


def next_enabled(win) -> bool:
    return win.wizard.button(QWizard.WizardButton.NextButton).isEnabled()


def error_text(page, key) -> str:
    label = page._errors[key]
    return label.text() if label.isVisibleTo(page) else ""


def test_demo_is_complete_and_next_is_enabled(win, page):
    assert page.is_step_complete()
    assert next_enabled(win)
    assert "Nothing" in page.problem_list.item(0).text()


@pytest.mark.parametrize("bad,words", [("Contoso", "lowercase"), ("-contoso", "start with"), ("con toso", "' '"),
                                       ("a" * 51, "51 characters")])
def test_invalid_publisher_namespace_explained_inline_and_blocks_next(qtbot, win, page, bad, words):
    type_into(page.publisher, bad)
    assert words in error_text(page, "offer.publisher_namespace")
    assert not next_enabled(win)
    assert not page.is_step_complete()
    type_into(page.publisher, "contoso")
    assert error_text(page, "offer.publisher_namespace") == ""
    assert next_enabled(win)


def test_duplicate_sku_ids_block_next(qtbot, win, page):
    page.sku_list.setCurrentRow(1)
    type_into(page.sku_id, "ubuntu-standard")
    assert "used by more than one SKU" in error_text(page, "sku.sku_id")
    assert not next_enabled(win)
    type_into(page.sku_id, "windows-2012r2")
    assert next_enabled(win)


def check_sizes(page, names):
    for i in range(page.size_list.count()):
        item = page.size_list.item(i)
        want = item.data(Qt.ItemDataRole.UserRole) in names
        item.setCheckState(Qt.CheckState.Checked if want else Qt.CheckState.Unchecked)


def test_number_of_vm_sizes_per_profile(qtbot, win, page):
    check_sizes(page, {"Standard_D2s_v5", "Standard_D4s_v5"})  # current sizes: no retirement warning
    assert "exactly 3" in error_text(page, "sku.vm_sizes")
    assert not next_enabled(win)
    # Partner Center allows 1–6: the same choice becomes valid when the profile switches.
    page.profile.setCurrentIndex(page.profile.findData("partner-center"))
    assert win.document.project.profile_id == "partner-center"
    assert error_text(page, "sku.vm_sizes") == ""
    # What still holds Next is the sample's Windows SKU: its 2012 R2 base belongs to the 2015 profile only.
    assert {p.path for p in page.problems if p.severity == "error"} == {"skus[1].base_image"}
    assert not next_enabled(win)
    check_sizes(page, {s.name for s in __import__("wizard.core.vmsizes", fromlist=["x"]).catalogue()[:7]})
    assert "1 to 6" in error_text(page, "sku.vm_sizes")
    assert not next_enabled(win)
    page.profile.setCurrentIndex(page.profile.findData("publishing-guide-2015"))
    assert "exactly 3" in error_text(page, "sku.vm_sizes")


def test_size_search_filters_the_catalogue(qtbot, page):
    type_into(page.size_filter, "d2 v5", replace=False)
    visible = [page.size_list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(page.size_list.count())
               if not page.size_list.isRowHidden(i)]
    assert visible
    assert all("D2" in name and "v5" in name for name in visible)


@pytest.mark.parametrize("version,words", [("1.0.0", "already published"), ("0.9.9", "lower than"),
                                           ("1.1.0", "only Z may change"), ("2.0.1", "only Z may change"),
                                           ("1.0", "X.Y.Z")])
def test_version_rules_against_published_history(qtbot, win, page, version, words):
    type_into(page.version, version)
    assert words in error_text(page, "sku.version")
    assert not next_enabled(win)
    type_into(page.version, "1.0.2")
    assert next_enabled(win)


def test_record_published_version(qtbot, win, page):
    page.btn_publish.click()
    sku = win.document.project.skus[0]
    assert sku.published_versions == ["1.0.0", "1.0.1"]
    assert "already published" in error_text(page, "sku.version")
    type_into(page.version, "1.0.2")
    assert next_enabled(win)


def test_seventeenth_data_disk_under_partner_center(qtbot, win, page):
    page.profile.setCurrentIndex(page.profile.findData("partner-center"))
    page.sku_list.setCurrentRow(1)  # the sample's Windows SKU: its 2012 R2 base is a 2015-only one
    page.btn_remove.click()
    page.sku_list.setCurrentRow(0)
    sku = win.document.project.skus[0]
    while len(sku.data_disks) < 16:
        page.btn_add_disk.click()
    assert next_enabled(win)
    assert page.disk_table.item(16, 1).text() == "15"  # LUNs 0..15 in order
    page.btn_add_disk.click()
    assert "17 data disks" in error_text(page, "sku.disks")
    assert not next_enabled(win)
    page.btn_remove_disk.click()
    assert next_enabled(win)


def test_only_the_disk_label_column_is_editable(qtbot, win, page):
    from PySide6.QtWidgets import QAbstractItemView, QLineEdit

    page.btn_add_disk.click()
    table, row = page.disk_table, page.disk_table.rowCount() - 1
    for column in (0, 1, 3):  # disk kind, LUN, file: no editor opens
        table.editItem(table.item(row, column))
        assert table.state() != QAbstractItemView.State.EditingState, column
    table.editItem(table.item(row, 2))  # the label: an editor, and what is typed lands in the project
    assert table.state() == QAbstractItemView.State.EditingState
    editor = table.viewport().findChild(QLineEdit)
    person = Person(win)
    assert person.focus() is editor  # the editor that opened has the keyboard
    person.select_all_and_type("scratch")
    person.press(Qt.Key.Key_Return)  # the delegate commits in the next event-loop turn
    qtbot.waitUntil(lambda: win.document.project.skus[0].disks[row].label == "scratch", timeout=10_000)


def test_windows_base_image_rules(qtbot, win, page):
    page.sku_list.setCurrentRow(1)
    assert page.base_image.isEnabled()
    page.base_image.setCurrentIndex(page.base_image.findData("other"))
    assert "YYYY-MM-DD" in error_text(page, "sku.base_image_date")
    assert not next_enabled(win)
    type_into(page.base_date, "2014-01-01", replace=False)
    assert "2014-09-08" in error_text(page, "sku.base_image_date")
    type_into(page.base_date, "2016-04-01")
    assert next_enabled(win)


def test_add_duplicate_move_remove_skus(qtbot, win, page):
    page.btn_add.click()
    assert page.sku_list.count() == 3
    assert not next_enabled(win)
    assert "SKU ID is required" in error_text(page, "sku.sku_id")
    page.btn_remove.click()
    page.sku_list.setCurrentRow(0)
    page.btn_dup.click()
    skus = win.document.project.skus
    assert [s.sku_id for s in skus] == ["ubuntu-standard", "ubuntu-standard-copy", "windows-2012r2"]
    assert skus[1].published_versions == []
    assert skus[1].vm_sizes == skus[0].vm_sizes
    page.btn_down.click()
    assert [s.sku_id for s in win.document.project.skus][2] == "ubuntu-standard-copy"
    page.btn_up.click()
    page.btn_up.click()
    assert win.document.project.skus[0].sku_id == "ubuntu-standard-copy"


def test_url_previews_follow_typing(qtbot, page):
    type_into(page.offer_id, "new-offer")
    assert "http://azure.microsoft.com/marketplace/partners/contoso/new-offer-ubuntu-standard" in page.urls.text()
    assert "https://portal.azure.com/#gallery/contoso.new-offerubuntu-standard" in page.urls.text()


def test_page_and_project_check_report_the_same_problems(qtbot, win, page, tmp_path, cli):
    type_into(page.offer_id, "Bad Offer")
    page.sku_list.setCurrentRow(1)
    type_into(page.sku_id, "ubuntu-standard")
    shown = [page.problem_list.item(i).text() for i in range(page.problem_list.count())]
    target = tmp_path / "p.mpwiz"
    win._save_to(target)
    import json

    result = cli("project", "check", "--json", str(target))
    assert result.returncode == 1
    reported = json.loads(result.stdout)["problems"]
    assert len(reported) == len(shown) == len(validate_offer(win.document.project))
    for problem, line in zip(reported, shown, strict=True):
        assert problem["message"] in line


def test_save_reopen_gives_identical_page_state(qtbot, win, page, tmp_path, new_window):
    page.sku_list.setCurrentRow(1)
    type_into(page.sku_title, "Renamed title")
    page.btn_add_disk.click()
    target = tmp_path / "state.mpwiz"
    win._save_to(target)
    other = new_window()
    other.open_path(target, ask=False)
    p2 = other.pages[Step.OFFER]
    p2.sku_list.setCurrentRow(1)
    assert p2.sku_title.text() == "Renamed title"
    assert p2.disk_table.rowCount() == 2
    assert load_project(target).project == win.document.project


def test_accessibility_names_and_tooltips(page):
    for widget in (page.publisher, page.offer_id, page.offer_name, page.sku_id, page.sku_title, page.summary,
                   page.os_family, page.os_name, page.base_image, page.version, page.size_list, page.disk_table):
        assert widget.accessibleName(), widget
        assert widget.toolTip(), widget


def test_japanese_messages(qtbot, new_window):
    from wizard.i18n import install_translators

    install_translators("ja")
    try:
        window = new_window()
        window.show()
        page = window.pages[Step.OFFER]
        page.initializePage()
        type_into(page.publisher, "Bad")
        assert "小文字" in error_text(page, "offer.publisher_namespace")
        assert "発行元の名前空間" in error_text(page, "offer.publisher_namespace")
        assert error_text(page, "offer.publisher_namespace").startswith("⚠ ")  # an error: ⚠, as in the list
        type_into(page.os_name, "Ubuntu 16.04 LTS")
        page.profile.setCurrentIndex(page.profile.findData("partner-center"))
        notice = error_text(page, "sku.os_friendly_name")  # a notice: ℹ, as in the list
        assert notice.startswith("ℹ ") and "2021-04-30" in notice
    finally:
        install_translators("en")


def test_sku_editor_needs_no_sideways_scrolling_in_japanese(qtbot, new_window):
    """At the window's default size the SKU editor fits its column in both languages (long Japanese
    labels put their fields underneath instead)."""
    from wizard.core.resources import resource_path
    from wizard.i18n import install_translators

    for lang in ("ja", "en"):
        install_translators(lang)
        try:
            window = new_window()
            window.resize(1180, 780)
            window.open_path(resource_path("examples/demo.mpwiz"), ask=False)
            window.show()
            qtbot.waitExposed(window)
            editor = window.pages[Step.OFFER].sku_editor
            assert editor.minimumSizeHint().width() <= editor.parentWidget().width(), lang
        finally:
            install_translators("en")



def test_the_offer_pages_list_and_the_step_lists_mark_come_from_the_same_items(new_window, tmp_path):
    """A plan whose gallery image version is named but not yet read from Azure: the step list shows the
    Offer step ⚠ (core.status's gallery items); the page said "Nothing: … complete" next to it."""
    from person import settle

    from wizard.core.model import new_sku
    from wizard.core.projectio import save_project
    from wizard.core.validation import project_profile

    project = load_project(DEMO).project
    project.profile_id = "partner-center"
    project.skus.pop()  # the Windows 2012 R2 plan is not an approved base under Partner Center
    sku = project.skus[0]
    image = new_sku(project_profile(project)).images[0]
    image.gallery_tenant_id = "00000000-0000-0000-0000-000000000001"
    image.gallery_resource_id = ("/subscriptions/00000000-0000-0000-0000-000000000002/resourceGroups/rg/providers/"
                                 f"Microsoft.Compute/galleries/g/images/d/versions/{sku.version}")
    sku.images = [image]
    for disk in sku.disks:
        disk.image_type = image.image_type
    assert not [p for p in validate_offer(project) if p.severity == "error"]
    path = tmp_path / "gallery.mpwiz"
    save_project(project, path)
    win = new_window()
    win.show()
    win.open_path(path, ask=False)
    win.wizard.jump_to(int(Step.OFFER))
    settle()
    page = win.pages[Step.OFFER]
    step_says = win.steps.item(int(Step.OFFER)).toolTip()
    rows = [page.problem_list.item(i).text() for i in range(page.problem_list.count())]
    assert step_says.startswith("needs attention")
    assert not any(r.startswith("Nothing") for r in rows), rows
    assert any("has not been read from Azure yet" in r for r in rows), rows
    assert any("Partner Center cannot read the gallery yet" in r for r in rows), rows


@pytest.mark.parametrize("size", [(1024, 700), (1280, 800)])
def test_the_offer_name_is_whole_at_1024x700_and_the_default_size(win, page, size):
    """The sample's offer name ("Contoso Web Appliance") showed as "Contoso Web Appl" in a field beside its label."""
    from person import fully_visible, settle

    win.resize(*size)
    settle(50)
    edit = page.offer_name
    need = edit.fontMetrics().horizontalAdvance(edit.text()) + 12  # the text and the frame's margins
    assert edit.width() >= need, (edit.width(), need)
    assert fully_visible(edit)
    assert edit.cursorRect().right() < edit.width()


def test_a_long_problem_wraps_in_the_list_instead_of_running_off_its_edge(win, page):
    """Under Partner Center the Windows 2012 R2 SKU's problems are longer than the list at 1024x700: they ran off
    its right edge behind a sideways scroll bar (the whole text only in a tooltip)."""
    from person import settle

    win.resize(1024, 700)
    page.profile.setCurrentIndex(page.profile.findData("partner-center"))
    settle(200)
    view = page.problem_list
    assert view.count() >= 1 and "2012 R2" in view.item(0).text()
    assert not view.horizontalScrollBar().isVisible()
    longest = max(range(view.count()), key=lambda i: len(view.item(i).text()))
    assert view.fontMetrics().horizontalAdvance(view.item(longest).text()) > view.viewport().width()  # too long for a line
    assert view.visualItemRect(view.item(longest)).height() > view.fontMetrics().height() * 1.5  # so it takes two


def test_a_notice_has_the_same_mark_under_its_field_and_in_the_list(qtbot, win, page):
    """Issue #32 review: the line under a field put ⚠ (in red) before every message, while "What is still missing"
    put ℹ before a warning; under Partner Center the Windows 2012 R2 SKU's end-of-support notice showed both."""
    from PySide6.QtGui import QColor, QPalette

    from wizard.pages.offer_page import ERROR

    page.profile.setCurrentIndex(page.profile.findData("partner-center"))
    page.sku_list.setCurrentRow(1)
    under_field = error_text(page, "sku.base_image").splitlines()
    listed = [page.problem_list.item(i).text() for i in range(page.problem_list.count())]
    assert any(line.startswith("⚠ ") and "not an approved" in line for line in under_field)
    assert any(line.startswith("ℹ ") and "2023-10-10" in line for line in under_field)
    assert any(line.startswith("ℹ ") and "2023-10-10" in line for line in listed)
    assert not any(line.startswith("⚠ ") and "2023-10-10" in line for line in under_field + listed)
    # A notice alone is not drawn as an error.
    page.sku_list.setCurrentRow(0)
    type_into(page.os_name, "Ubuntu 16.04 LTS")
    notice = error_text(page, "sku.os_friendly_name")
    assert notice.startswith("ℹ ") and "2021-04-30" in notice
    label = page._errors["sku.os_friendly_name"]
    assert label.palette().color(QPalette.ColorRole.WindowText) != QColor(ERROR)
    assert next_enabled(win) == page.is_step_complete()
