"""A gallery-first plan created as a person would (issue #33): a new Partner Center plan starts as x64 Gen2 with
Trusted Launch from a gallery image version; the person names the version, checks it by pasting what az prints,
and the Export checklist asks for the gallery items instead of a VHD check and a SAS URI."""

from __future__ import annotations

import json

from gallery_json import az_definition, az_version, provider, version_id

SUB = "11111111-2222-3333-4444-555555555555"
VERSION = version_id(SUB, "images-rg", "contoso_gallery", "web-gen2", "1.0.0")


def test_a_person_creates_a_gallery_first_plan_and_checks_its_version(qtbot, new_window):
    from person import Person, settle
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication, QDialogButtonBox
    from test_end_to_end import Walk

    from wizard.core.steps import Step

    window = new_window()
    window.resize(1024, 700)
    window.show()
    walk = Walk(qtbot, window, None, None)
    page = walk.page(Step.OFFER)
    person = Person(window)
    person.click(page.publisher)
    person.tab_until(lambda w: w is page.profile, backwards=True)  # the rules list, from the keyboard
    for _ in range(page.profile.findData("partner-center") - page.profile.currentIndex()):
        person.press(Qt.Key.Key_Down)
    settle()
    assert window.document.project.profile_id == "partner-center"
    sku = window.document.project.skus[0]
    # The new plan starts gallery first: x64 Gen2, Trusted Launch, from an Azure Compute Gallery image version.
    assert [(im.image_type, im.security_types, im.source) for im in sku.images] == \
        [("x64Gen2", ["trusted"], "sharedImageGallery")]
    assert page.images_row.isVisible() and "gallery" in page.images_summary.text()
    for field, text in ((page.publisher, "contoso"), (page.offer_id, "web-appliance"), (page.offer_name, "Contoso Web"),
                        (page.sku_id, "ubuntu-standard"), (page.sku_title, "Ubuntu standard"),
                        (page.summary, "Hardened web server, ready in minutes."),
                        (page.os_name, "Ubuntu Server 24.04 LTS"), (page.version, "1.0.0")):
        page.sku_editor.parentWidget().parentWidget().ensureWidgetVisible(field)
        settle()
        person.click(field)
        person.select_all_and_type(text)
    for name in ("Standard_D2s_v5", "Standard_D4s_v5", "Standard_D2s_v6"):
        item = next(page.size_list.item(i) for i in range(page.size_list.count())
                    if page.size_list.item(i).data(Qt.ItemDataRole.UserRole) == name)
        item.setCheckState(Qt.CheckState.Checked)
    settle()
    assert sku.vm_sizes == ["Standard_D2s_v5", "Standard_D4s_v5", "Standard_D2s_v6"]
    # Until the version is named, the Offer page says what is missing.
    problems = [page.problem_list.item(i).text() for i in range(page.problem_list.count())]
    assert any("Tenant ID" in p for p in problems), problems

    page.sku_editor.parentWidget().parentWidget().ensureWidgetVisible(page.btn_images)
    settle()
    person.click(page.btn_images)
    dialog = page.image_dialog
    slot = dialog.slots[0]
    assert (slot.kind.currentData(), slot.security.currentData(), slot.source.currentData()) == \
        ("x64Gen2", ["trusted"], "sharedImageGallery")
    him = Person(dialog)
    him.click(slot.tenant)
    him.type(SUB)
    him.click(slot.resource)
    him.type(VERSION)
    him.click(slot.btn_check)
    check = slot.check_dialog
    qtbot.waitUntil(check.isVisible)
    her = Person(check)
    for (edit, _kind), body in zip(check.pasted, (az_version(VERSION), az_definition(VERSION.rsplit("/versions/", 1)[0]),
                                                  provider()), strict=True):
        QApplication.clipboard().setText(json.dumps(body, indent=2))  # what az printed, copied from the terminal
        her.click(edit)
        her.press(Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    her.click(check.btn_read)
    marks = [check.results.item(i).text() for i in range(check.results.count())]
    assert len(marks) == 4 and all(m.startswith("✓") for m in marks), marks
    her.click(check.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok))
    assert not check.isVisible()
    him.click(dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok))
    settle()
    image = sku.images[0]
    assert (image.gallery_tenant_id, image.gallery_resource_id) == (SUB, VERSION)
    assert image.gallery_check is not None and image.gallery_check.provider_state == "Registered"
    assert walk.next_enabled(), [page.problem_list.item(i).text() for i in range(page.problem_list.count())]

    export_page = walk.page(Step.EXPORT)
    qtbot.waitUntil(lambda: export_page.task is None, timeout=20000)
    items = {i.id: i for i in export_page.exports[0].items}
    assert not [k for k in items if k.startswith(("vhd-check:", "sas:"))]  # no VHD check, no SAS URI
    assert all(items[k].ok for k in ("gallery:x64Gen2", "gallery-version:x64Gen2", "gallery-match:x64Gen2",
                                     "gallery-replicated:x64Gen2", "gallery-access:x64Gen2"))
    assert not items["test-run"].ok  # the test VM made from the gallery version still has to be tested


def test_the_offer_page_says_live_what_partner_center_wants_of_a_security_type(qtbot, new_window):
    from person import Person, settle
    from PySide6.QtWidgets import QDialogButtonBox
    from test_end_to_end import Walk
    from test_image_types import gallery_plan

    from wizard.core.steps import Step
    from wizard.document import ProjectDocument

    document = ProjectDocument()
    document.project = gallery_plan()
    document.project.skus[0].images[0].security_types = ["confidential"]  # the sizes are D2s_v5 and D2ps_v5
    window = new_window(document)
    window.resize(1024, 700)
    window.show()
    page = Walk(qtbot, window, None, None).page(Step.OFFER)
    settle()

    def problems() -> list[str]:
        return [page.problem_list.item(i).text() for i in range(page.problem_list.count())]

    assert any("none of the recommended sizes can run it" in p and "Standard_DC2as_v5" in p for p in problems()), problems()
    # The person sets the x64 image back to Trusted Launch in Image types and sources: the message goes at once.
    page.sku_editor.parentWidget().parentWidget().ensureWidgetVisible(page.btn_images)
    settle()
    Person(window).click(page.btn_images)
    dialog = page.image_dialog
    him = Person(dialog)
    him.click(dialog.slots[0].sku_id)
    him.tab_until(lambda w: w is dialog.slots[0].security)
    from PySide6.QtCore import Qt

    him.press(Qt.Key.Key_Home)
    him.press(Qt.Key.Key_Down)  # Standard, then Trusted Launch
    assert dialog.slots[0].security.currentData() == ["trusted"]
    # The Arm64 slot offers no security type at all: Partner Center takes none there.
    assert not dialog.slots[1].security.isEnabled() and dialog.slots[1].security.currentData() == []
    him.click(dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok))
    settle()
    assert not any("recommended sizes can run it" in p or "takes a security type" in p for p in problems()), problems()
