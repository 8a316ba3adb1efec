"""A first-timer's walk (#17), typed like a person (tests/helpers/person.py): from an empty project through
the start page to an export and the "What's next" page, reading on each screen what it needs and
where to find it -- nothing the screen does not say. Plus the Help menu, the guidance panel and the
SAS page's explanations. No services: the steps that need a VM or a storage account are read, not
run (tests/services/test_end_to_end.py runs them)."""

from __future__ import annotations

from pathlib import Path

import pytest
from person import NotReachable, Person, settle
from PySide6.QtCore import QPoint, QSettings, Qt
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QFileDialog, QRadioButton, QScrollArea

from wizard.core.guidance import load_guidance, pick
from wizard.core.steps import Step


def iter_parents(widget):
    while widget is not None:
        yield widget
        widget = widget.parentWidget()


def on_text(widget) -> QPoint:
    """Where a person aims at a radio button or check box: its mark and words, not the empty row after them."""
    return QPoint(12, widget.height() // 2)


def panel_text(window) -> str:
    return window.guidance.body.toPlainText()


def type_into(person: Person, widget, text: str) -> None:
    scroll = next((w for w in iter_parents(widget) if isinstance(w, QScrollArea)), None)
    for _ in range(30):  # a field below the fold: the person turns the wheel over the form until it shows
        try:
            person.widget_at(widget)
            break
        except NotReachable:
            if scroll is None:
                raise
            scroll.ensureWidgetVisible(widget)  # the scroll bar a person drags (the wheel lands on a field)
            settle()
    person.click(widget)
    assert QApplication.focusWidget() is widget, f"the click did not give {widget.accessibleName()} the focus"
    person.type(text)


@pytest.fixture
def browser(monkeypatch):
    opened: list[str] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(lambda url: opened.append(url.toString()) or True))
    return opened


def test_from_an_empty_project_to_export_reading_only_the_screen(qtbot, new_window, monkeypatch, tmp_path, browser):
    window = new_window()
    window.show()
    window.resize(1024, 700)
    settle(30)
    person = Person(window)
    # File → New (Ctrl+N): the start page asks which rules and lists what to have ready.
    window.pages[0].publisher.setFocus()
    person.press(Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    settle(30)
    start = window.start_dialog
    assert start.isVisible()
    ready = start.checklist.toPlainText()
    assert "Storage accounts" in ready and "Linux or Windows VM" in ready and "Marketplace offers" in ready
    Person(start).click(start.radios["partner-center"], on_text(start.radios["partner-center"]))
    Person(start).click(start.btn_start)
    settle(30)
    project = window.document.project
    assert project.profile_id == "partner-center"

    # Step 1: the panel says where the publisher namespace is found; the field's tooltip explains the term.
    offer = window.pages[Step.OFFER]
    assert "Publisher ID" in panel_text(window)
    assert offer.publisher.toolTip().startswith("Publisher namespace: ")
    assert not any(label.isVisibleTo(offer) for label in offer._errors.values())  # not all red at first
    for widget, text in ((offer.publisher, "contoso"), (offer.offer_id, "web-appliance"),
                         (offer.offer_name, "Contoso Web Appliance"), (offer.sku_id, "ubuntu-standard"),
                         (offer.sku_title, "Ubuntu standard"), (offer.summary, "Hardened web server."),
                         (offer.os_name, "Ubuntu Server 22.04 LTS"),
                         (offer.size_filter, "Standard_D2s_v5")):
        type_into(person, widget, text)
    settle(30)
    assert offer.version.text() == "1.0.0"  # the first version is filled in
    item = next(offer.size_list.item(i) for i in range(offer.size_list.count())
                if offer.size_list.item(i).data(Qt.ItemDataRole.UserRole) == "Standard_D2s_v5")
    offer.sku_editor.parentWidget().parentWidget().ensureWidgetVisible(offer.size_list)
    offer.size_list.scrollToItem(item)
    person.click(offer.size_list.viewport(), offer.size_list.visualItemRect(item).center())
    person.press(Qt.Key.Key_Space)
    settle(30)
    assert project.skus[0].vm_sizes == ["Standard_D2s_v5"], [offer.problem_list.item(i).text()
                                                             for i in range(offer.problem_list.count())]
    next_button = window.wizard.button(window.wizard.WizardButton.NextButton)
    # A new Partner Center plan starts gallery first (issue #33); this publisher has a VHD: SAS URIs are one
    # choice away, in Image types and sources.
    assert not next_button.isEnabled()
    assert any("Tenant ID" in offer.problem_list.item(i).text() for i in range(offer.problem_list.count()))
    offer.sku_editor.parentWidget().parentWidget().ensureWidgetVisible(offer.btn_images)
    settle()
    person.click(offer.btn_images)
    images = offer.image_dialog
    him = Person(images)
    him.click(images.slots[0].sku_id)
    him.tab_until(lambda w: w is images.slots[0].source)
    him.press(Qt.Key.Key_Home)  # "SAS URIs of the disks", the first choice
    assert images.slots[0].source.currentData() == "sasUri"
    him.click(images.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok))
    settle(30)
    assert [(im.image_type, im.security_types, im.source) for im in project.skus[0].images] == \
        [("x64Gen2", ["trusted"], "sasUri")]
    assert next_button.isEnabled(), [offer.problem_list.item(i).text() for i in range(offer.problem_list.count())]

    # Step 2: how to generalize the image, for the SKU's OS only, with the warning.
    person.click(next_button)
    assert window.wizard.currentId() == Step.VHD
    text = panel_text(window)
    assert "sudo waagent -deprovision+user -force" in text and "sysprep.exe" not in text
    assert "cannot be used or signed in to again" in text
    # Step 3: the test VM's commands are there before any test run.
    person.click(next_button)
    connection = window.pages[Step.CONNECTION]
    assert "az login" in panel_text(window)
    person.click(connection.btn_vm_commands)
    commands = connection.vm_dialog.texts["az-script"].toPlainText()
    assert "az vm create" in commands and "NOT READY" not in commands
    connection.vm_dialog.close()
    # Steps 4 and 5 need the VM: what they need is said; the person moves on with the step list.
    window.wizard.jump_to(int(Step.SAS))
    settle(30)
    sas = window.pages[Step.SAS]
    assert "Access keys" in sas.secret_where.text() and sas.secret_label.text().replace("&", "") == "Storage account key:"
    assert "The profile's minimum: at least 21 days from the day it is made." in sas.expiry_note.text()
    window.wizard.jump_to(int(Step.EXPORT))
    settle(30)
    export = window.pages[Step.EXPORT]
    qtbot.waitUntil(lambda: export.task is None and export.btn_export.isEnabled() and "keyring" not in export.status.text(),
                    timeout=10_000)
    out = tmp_path / "web-appliance-form.md"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(out), "")))
    export.format_combo.setCurrentIndex(export.format_combo.findData("portal-md"))
    person.click(export.btn_export)
    assert out.exists(), export.status.text()
    person.click(next_button)
    assert window.wizard.currentId() == Step.NEXT
    nxt = window.pages[Step.NEXT]
    assert str(out.parent) in nxt.files.text() and "still lacked" in nxt.files.text()
    remaining = nxt.remaining.toPlainText()
    for step in load_guidance().whats_next["partner-center"]:
        assert pick(step, "en") in remaining
    person.click(nxt.btn_folder)
    person.click(nxt.btn_portal)
    assert browser == [Path(out.parent).as_uri(), "https://partner.microsoft.com/dashboard/marketplace-offers/overview"]


def test_help_menu_and_f1(new_window, browser):
    window = new_window()
    window.show()
    window.wizard.jump_to(int(Step.SAS))
    settle(30)
    titles = [a.text() for a in window.help_menu.actions() if a.text()]
    assert titles[:5] == ["&Help for this step", "&Glossary", "Publishing &outline", "&Keyboard shortcuts",
                          "&Getting started…"]
    window.pages[Step.SAS].account.setFocus()
    Person(window).press(Qt.Key.Key_F1)
    settle(30)
    help_window = window.last_help
    assert help_window.isVisible() and help_window.windowTitle() == "Help: SAS URIs"
    assert "Access keys" in help_window.text.toPlainText()
    help_window.text.anchorClicked.emit(__import__("PySide6.QtCore", fromlist=["QUrl"]).QUrl(
        "https://learn.microsoft.com/partner-center/marketplace-offers/azure-vm-get-sas-uri"))
    assert browser == ["https://learn.microsoft.com/partner-center/marketplace-offers/azure-vm-get-sas-uri"]
    help_window.close()
    outline = window.show_outline()
    from PySide6.QtCore import QUrl

    outline.text.anchorClicked.emit(QUrl("step:connection"))
    assert window.wizard.currentId() == Step.CONNECTION
    outline.text.anchorClicked.emit(QUrl("http://example.com/"))  # not a Microsoft https link: nothing opens
    assert len(browser) == 1
    outline.close()
    assert "Storage account key" in window.show_glossary().text.toPlainText()
    keys = dict(window.shortcut_rows())
    assert keys["F1"] == "Help for this step" and "Ctrl+N" in keys


@pytest.mark.parametrize("profile", ["publishing-guide-2015", "partner-center"])
@pytest.mark.parametrize("lang", ["en", "ja"])
def test_help_glossary_and_outline_follow_the_profile(new_window, translated, tmp_path, profile, lang):
    """Help → outline showed the 2015 guide's chapters as the process under Partner Center too, and the glossary
    said the questionnaire is "submitted with the test results" (issue #32). Both follow the project's profile."""
    from test_guidance import OTHER_PROFILE
    from test_layout import demo_under

    translated(lang)
    window = new_window()
    window.show()
    window.open_path(demo_under(tmp_path, profile), ask=False)
    settle(30)
    for act in (window.act_outline, window.act_glossary):
        act.trigger()  # as the Help menu does
        dialog = window.last_help
        shown = dialog.windowTitle() + " " + dialog.text.toPlainText()
        hits = [m.group(0) for m in OTHER_PROFILE[profile].finditer(shown)]
        assert not hits, (act.text(), hits)
        assert "submitted with the test results" not in shown and "テスト結果とともに提出" not in shown
        dialog.close()
    window.act_outline.trigger()
    outline = window.last_help.text.toPlainText()
    if profile == "partner-center":
        assert ("Technical configuration" in outline) or ("技術的な構成" in outline)
    else:
        assert "5.2" in outline
    window.last_help.close()
    window.document.dirty = False


def test_guidance_panel_follows_the_step_and_remembers_collapsed(new_window):
    window = new_window()
    window.show()
    settle(30)
    for step in Step:
        window.wizard.jump_to(int(step))
        settle(10)
        assert pick(load_guidance().for_step(step).next, "en").split("[[")[0][:30] in panel_text(window)
    assert window.guidance.body.isVisible()
    Person(window).click(window.guidance.toggle)
    assert not window.guidance.body.isVisible()
    assert QSettings().value("guidance/collapsed") == "true"
    again = new_window()
    again.show()
    settle(30)
    assert not again.guidance.body.isVisible()  # remembered per user
    Person(again).click(again.guidance.toggle)
    assert again.guidance.body.isVisible()


def test_the_2015_guide_explains_its_https_remark_and_business_days(new_window):
    window = new_window()
    window.show()
    window.document.project.profile_id = "publishing-guide-2015"
    window.wizard.jump_to(int(Step.SAS))
    settle(30)
    sas = window.pages[Step.SAS]
    note = sas.expiry_note.text()
    assert "must not start with https" in note and "at least 7 business days after its start, plus 1 day(s)" in note
    before = note.split(".")[0]
    Person(window).click(sas.extra_days)
    Person(window).press(Qt.Key.Key_Up)
    assert sas.expiry_note.text().split(".")[0] != before  # the date moves with the extra days
    sas.mode.setCurrentIndex(sas.mode.findData("connection-string"))
    assert sas.secret_label.text().replace("&", "") == "Connection string:"
    assert sas.secret.toolTip().startswith("Connection string: ")


def test_start_page_choice_and_not_again(new_window):
    window = new_window()
    window.show()
    dialog = window.show_start_page()
    radios = dialog.findChildren(QRadioButton)
    assert {r.text() for r in radios} >= {dialog.radios["partner-center"].text()}
    # A new project: today's rules are recommended and ticked, whatever the file format's default is.
    assert dialog.radios["partner-center"].isChecked() and not dialog.radios["publishing-guide-2015"].isChecked()
    Person(dialog).click(dialog.radios["publishing-guide-2015"], on_text(dialog.radios["publishing-guide-2015"]))
    Person(dialog).click(dialog.show_again, on_text(dialog.show_again))
    Person(dialog).click(dialog.btn_start)
    assert window.document.project.profile_id == "publishing-guide-2015"
    assert window.show_start_page() is None  # unticked: not for the next new project
    again = window.show_start_page(force=True)
    assert again is not None  # Help → Getting started still shows it
    assert again.radios["publishing-guide-2015"].isChecked(), "the person's choice, not the recommendation"
