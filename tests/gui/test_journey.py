"""A first-time publisher's journey, walked as a person (tests/helpers/person.py): the profile decides
what Export shows and writes, the Test run step shows the way to a test VM, a reopened project comes
back where it was left, dialogs refuse what they cannot take, and the keyboard alone shows where it is.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from person import Person, settle
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QImage
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QFileDialog, QMessageBox, QPushButton, QRadioButton
from test_first_submission_by_a_person import Answer, choose, go_to_step, type_into_focus, wait_for
from test_first_submission_guided import type_into

from wizard.core.steps import Step

# What only the 2015 publishing portal's form has: never on a Partner Center screen or in its files.
GUIDE_ONLY = ("Marketplace URL", "Azure portal URL", "Recommended VM size 3", "OS VHD URL", "Certification report",
              "azure.microsoft.com/marketplace/partners", "portal.azure.com/#gallery", "SKU form", "publishing portal")


@pytest.fixture
def fresh(new_window):
    window = new_window()
    window.show()
    window.resize(1024, 700)
    window.activateWindow()
    QTest.qWaitForWindowActive(window, 2000)
    settle(30)
    return window, Person(window)


def form_labels(export) -> list[str]:
    return [export.form_table.item(r, 0).text() for r in range(export.form_table.rowCount())]


def test_a_partner_center_export_carries_nothing_of_the_2015_form(fresh, tmp_path):
    window, person = fresh
    offer = window.pages[Step.OFFER]
    choose(person, offer.profile, "partner-center")
    go_to_step(person, window, Step.EXPORT)
    export = window.pages[Step.EXPORT]
    wait_for(lambda: export.task is None, "the SAS URIs were read")
    tabs = [export.preview_tabs.tabText(i) for i in range(export.preview_tabs.count())]
    assert tabs == ["Partner Center (fields)", "Partner Center (JSON)"], tabs
    assert export.preview_tabs.currentIndex() == 0
    assert export.format_combo.currentData() == "partner-center-configure"  # Partner Center's own request first
    labels = form_labels(export)
    assert labels[:2] == ["Offer ID (3–50 characters)", "Plan ID (3–50 characters)"], labels
    assert "Recommended VM size 1 of at most 6" in labels and "Supports VM extensions" in labels, labels
    assert not [w for w in GUIDE_ONLY for label in labels if w in label], labels
    shown = "\n".join(export.form_table.item(r, 1).text() for r in range(export.form_table.rowCount()))
    assert not [w for w in GUIDE_ONLY if w in shown], shown

    written = {}
    for fmt, suffix in (("portal-html", ".html"), ("portal-csv", ".csv"), ("portal-md", ".md")):
        choose(person, export.format_combo, fmt)
        out = tmp_path / f"plan{suffix}"
        saving = Answer(QFileDialog, type_into_focus(str(out)))
        person.click(export.btn_export)
        saving.check()
        wait_for(out.exists, f"{fmt} was written ({export.status.text()!r})", 10)
        written[fmt] = out.read_text(encoding="utf-8")
    for fmt, text in written.items():
        found = [w for w in GUIDE_ONLY if w in text]
        assert not found, (fmt, found)
        assert "Plan ID (3–50 characters)" in text, fmt
    assert "Partner Center technical configuration field" in written["portal-md"]

    # The same project under the 2015 profile: its form, its URLs, and no Partner Center tab or JSON.
    go_to_step(person, window, Step.OFFER)
    choose(person, offer.profile, "publishing-guide-2015")
    go_to_step(person, window, Step.EXPORT)
    wait_for(lambda: export.task is None, "the SAS URIs were read")
    assert [export.preview_tabs.tabText(i) for i in range(export.preview_tabs.count())] == ["Publishing portal (guide)"]
    offered = [export.format_combo.itemData(i) for i in range(export.format_combo.count())]
    assert not [f for f in offered if f.startswith("partner-center")] and offered[0] == "portal-html", offered
    labels = form_labels(export)
    assert "Marketplace URL" in labels and "Recommended VM size 3" in labels, labels
    assert not [label for label in labels if "Plan ID" in label or "Supports" in label], labels


def test_a_first_timer_finds_the_way_to_a_test_vm_and_a_prefilled_connection(fresh):
    from wizard.core.testvm import RECIPE_USER, recipe_login
    from wizard.pages.testvm_dialog import TestVmDialog

    window, person = fresh
    go_to_step(person, window, Step.TEST_RUN)
    run = window.pages[Step.TEST_RUN]
    # An empty project: the commands say what to fill in first.
    person.click(run.btn_vm_commands)
    wait_for(lambda: isinstance(getattr(run, "vm_dialog", None), TestVmDialog) and run.vm_dialog.isVisible(),
             "the commands opened")
    said = run.vm_dialog.texts["az-script"].toPlainText()
    assert said.startswith("Enter the SKU ID on the Offer & SKUs step first"), said
    run.vm_dialog.close()
    window.activateWindow()
    QTest.qWaitForWindowActive(window, 2000)
    go_to_step(person, window, Step.OFFER)
    offer = window.pages[Step.OFFER]
    type_into(person, offer.sku_id, "web")
    go_to_step(person, window, Step.TEST_RUN)
    banner = run.banner.text()
    key = recipe_login("linux").key_file
    assert "No run yet" in banner and RECIPE_USER in banner, banner
    # The key under the home folder reads "~/…", and the banner names the Connection step's button that fills
    # the sign-in in (issue #32 review: it said "connect to it" while that step still showed a password).
    shown_key = "~" + key[len(str(Path.home())):] if key.startswith(str(Path.home())) else key
    assert shown_key in banner and str(Path.home()) not in banner, banner
    button = window.pages[Step.CONNECTION].btn_use_recipe.text().replace("&", "")
    assert f"“{button}”" in banner, banner
    assert run.forward.isVisible()

    person.click(run.btn_vm_commands)
    wait_for(lambda: isinstance(getattr(run, "vm_dialog", None), TestVmDialog) and run.vm_dialog.isVisible(),
             "the commands opened")
    dialog = run.vm_dialog
    bash = dialog.texts["az-script"].toPlainText()
    assert "--generate-ssh-keys" in bash and f"ADMIN_USERNAME:-{RECIPE_USER}" in bash, bash
    close = next(b for b in dialog.findChildren(QPushButton) if b.isVisible() and b.text().replace("&", "") == "Close")
    Person(dialog).click(close)
    wait_for(lambda: not dialog.isVisible(), "the commands closed", 5)
    window.activateWindow()
    QTest.qWaitForWindowActive(window, 2000)

    person.click(run.btn_use_recipe)
    wait_for(lambda: window.wizard.currentId() == int(Step.CONNECTION), "the Connection step opened", 10)
    connection = window.pages[Step.CONNECTION]
    assert connection.user.text() == RECIPE_USER
    assert connection.auth.currentData() == "key"
    assert connection.key_file.text() == key
    assert connection.port.value() == 22
    c = window.document.project.connection
    assert (c.user, c.auth, c.key_file) == (RECIPE_USER, "key", key)
    assert window.document.dirty  # an edit of the project, kept at the next save

    # On the Connection step itself, the same sign-in is one click away after the fields were changed.
    person.click(connection.user)
    person.select_all_and_type("root")
    connection.auth.setCurrentIndex(connection.auth.findData("password"))
    person.click(connection.btn_use_recipe)
    settle(30)
    assert (connection.user.text(), connection.auth.currentData(), connection.key_file.text()) == (RECIPE_USER, "key", key)


def test_the_offline_pre_flight_shows_as_offline_evidence_and_the_report_says_what_it_could_hold(fresh):
    from wizard.core.model import CheckRecord, PreflightRecord

    window, person = fresh
    disk = window.document.project.skus[0].disks[0]
    disk.preflight = PreflightRecord(target="ext4.vhd", finished_at="2026-11-30T10:00:00Z", results=[
        CheckRecord("bash-history", "48", "Bash History", "d", "Failed", "2 lines", "empty"),
        CheckRecord("security-updates", "50", "Security updates", "d", "Skipped",
                    "needs a running system: which updates are pending is asked of the package servers — run the test VM")])
    go_to_step(person, window, Step.TEST_RUN)
    run = window.pages[Step.TEST_RUN]
    entries = [run.runs.itemText(i) for i in range(run.runs.count())]
    assert len(entries) == 1 and entries[0].startswith("Offline evidence: OS disk"), entries
    assert run.shown_offline() is disk.preflight and run.shown_run() is None
    assert run.banner.text().startswith("Offline evidence, not a test run: 1 Failed/Error"), run.banner.text()
    assert run.proxy.rowCount() == 2
    assert not run.btn_rerun.isEnabled()  # nothing to re-run: it was read from files, not run on a VM

    go_to_step(person, window, Step.QUESTIONNAIRE)
    questionnaire = window.pages[Step.QUESTIONNAIRE]
    questionnaire.tabs.setCurrentIndex(questionnaire.tabs.count() - 1)
    said = questionnaire.report_status.text()
    assert "No test run yet" in said and "offline evidence read from 1 disk image(s)" in said, said


def test_reopening_returns_to_the_last_step_and_the_last_export_format(fresh, new_window, tmp_path):
    window, person = fresh
    go_to_step(person, window, Step.EXPORT)
    export = window.pages[Step.EXPORT]
    wait_for(lambda: export.task is None, "the SAS URIs were read")
    choose(person, export.format_combo, "portal-md")
    out = tmp_path / "form.md"
    saving = Answer(QFileDialog, type_into_focus(str(out)))
    person.click(export.btn_export)
    saving.check()
    wait_for(out.exists, "the form was written", 10)
    go_to_step(person, window, Step.SAS)
    path = tmp_path / "journey.mpwiz"
    saving = Answer(QFileDialog, type_into_focus(str(path)))
    person.press(Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    saving.check()
    wait_for(path.exists, "the project was saved", 10)
    window.close()

    again = new_window()
    again.show()
    assert again.open_path(path, ask=False)
    settle(30)
    assert again.wizard.currentId() == int(Step.SAS)
    assert again.steps.currentRow() == int(Step.SAS)
    again.go_to_step(Step.EXPORT)
    assert again.pages[Step.EXPORT].format_combo.currentData() == "portal-md"


def test_enter_in_the_technical_configuration_dialog_never_takes_a_half_typed_port(fresh):
    from wizard.plan_dialog import PlanDialog

    window, _person = fresh
    sku = window.document.project.skus[0]
    dialog = PlanDialog(window.document.project, sku, window)
    dialog.show()
    QTest.qWaitForWindowExposed(dialog)
    person = Person(dialog)
    person.click(dialog.btn_add_port)
    settle(30)
    assert dialog.ports.rowCount() == 1
    person.type("https")  # the new row's name is ready to type
    person.press(Qt.Key.Key_Tab)
    dialog.ports.setCurrentCell(0, 2)
    dialog.ports.editItem(dialog.ports.item(0, 2))
    settle()
    person.type("44-")  # half typed
    person.press(Qt.Key.Key_Return)
    person.press(Qt.Key.Key_Return)  # the second Enter reaches the dialog's default button
    settle(30)
    assert dialog.isVisible(), "Enter accepted a port Partner Center refuses"
    assert sku.open_ports == []
    assert "Port range '44-'" in dialog.problem.text() and dialog.problem.isVisible(), dialog.problem.text()
    assert (dialog.ports.currentRow(), dialog.ports.currentColumn()) == (0, 2)
    cell = dialog.ports.visualRect(dialog.ports.model().index(0, 2))
    assert dialog.ports.viewport().rect().contains(cell), "the refused cell is out of view"
    # Every property says in one line what it tells Partner Center.
    assert all(line.text() and line.isVisible() for line in dialog.explanations.values())
    dialog.ports.editItem(dialog.ports.item(0, 2))
    settle()
    person.select_all_and_type("443")
    person.press(Qt.Key.Key_Return)
    person.press(Qt.Key.Key_Return)
    wait_for(lambda: not dialog.isVisible(), "the dialog took the port", 5)
    assert [(p.label, p.port_range) for p in sku.open_ports] == [("https", "443")]


def ring(image: QImage, rect: QRect, width: int = 2) -> list[int]:
    """The pixels of a band `width` wide just outside `rect` (where a focus ring is drawn)."""
    outer = rect.adjusted(-width, -width, width, width)
    pixels = []
    for y in range(outer.top(), outer.bottom() + 1):
        for x in range(outer.left(), outer.right() + 1):
            if not rect.contains(QPoint(x, y)) and image.rect().contains(QPoint(x, y)):
                pixels.append(image.pixel(x, y))
    return pixels


def focus_shows(window, widget, away) -> bool:
    """Whether the band around `widget` looks different with the keyboard focus on it than on `away`."""
    rect = QRect(widget.mapTo(window, QPoint(0, 0)), widget.size())
    away.setFocus(Qt.FocusReason.TabFocusReason)
    settle(30)
    without = window.grab().toImage()
    widget.setFocus(Qt.FocusReason.TabFocusReason)
    settle(30)
    with_focus = window.grab().toImage()
    return ring(without, rect) != ring(with_focus, rect)


def test_the_keyboard_alone_goes_to_each_step_and_always_shows_where_it_is(fresh):
    from wizard.focus_ring import focus_frame

    window, person = fresh
    # Ctrl+1…8 go to a step; the step list's tooltip says which key.
    person.press(Qt.Key.Key_6, Qt.KeyboardModifier.ControlModifier)
    wait_for(lambda: window.wizard.currentId() == int(Step.SAS), "Ctrl+6 opened the SAS step", 5)
    assert window.steps.item(int(Step.SAS)).toolTip().endswith("(Ctrl+6)")
    person.press(Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    wait_for(lambda: window.wizard.currentId() == int(Step.OFFER), "Ctrl+1 opened the Offer step", 5)

    # Tab to the SKU list: the ring is on it, and the pixels around it show it.
    offer = window.pages[Step.OFFER]
    person.tab_until(lambda w: w is offer.sku_list)
    frame = focus_frame()
    assert frame is not None and frame.widget() is offer.sku_list and frame.isVisible()
    assert focus_shows(window, offer.sku_list, offer.offer_id)

    # The questionnaire's True and False: reached with Tab, the focus visible on each.
    person.press(Qt.Key.Key_5, Qt.KeyboardModifier.ControlModifier)
    wait_for(lambda: window.wizard.currentId() == int(Step.QUESTIONNAIRE), "Ctrl+5 opened the questionnaire", 5)
    page = window.pages[Step.QUESTIONNAIRE]
    first = person.tab_until(lambda w: isinstance(w, QRadioButton) and page.isAncestorOf(w))
    assert focus_frame().widget() is first
    other = next(w for w in page.findChildren(QRadioButton) if w is not first and w.isVisible())
    assert focus_shows(window, first, other)
    assert focus_shows(window, other, first)


def test_the_unsaved_changes_question_has_a_key_for_every_answer(fresh):
    window, person = fresh
    window.document.changed.emit()
    window.document.dirty = True
    seen: list[list[str]] = []

    def look_and_cancel(dialog: QMessageBox, who: Person) -> None:
        texts = [b.text() for b in dialog.findChildren(QAbstractButton) if b.isVisible()]
        seen.append(texts)
        who.press(Qt.Key.Key_C, Qt.KeyboardModifier.AltModifier)  # Alt+C: Cancel

    asked = Answer(QMessageBox, look_and_cancel)
    window.act_new.trigger()
    asked.check()
    assert seen and sorted(seen[0]) == sorted(["&Save", "&Don't save", "&Cancel"]), seen
    assert window.document.dirty  # Cancel kept everything


def test_every_new_string_of_this_journey_has_japanese():
    """The catalogue compiled from resources/i18n carries the strings this journey added."""
    from PySide6.QtCore import QTranslator

    from wizard.core.resources import resource_path

    tr = QTranslator()
    assert tr.load("mpwizard_ja", str(resource_path("i18n")))
    for context, text in (("TestRunPage", "&Commands to create the test VM…"),
                          ("TestRunPage", "Fill in the Connec&tion step for that VM"),
                          ("ExportPage", "Partner Center (fields)"), ("Core", "Plan ID ({min}–{max} characters)"),
                          ("PlanDialog", "The VM can be protected with Azure Backup."),
                          ("QAbstractFileIconProvider", "Folder"), ("Mnemonics", "&Don't save"),
                          ("VhdPage", "Connect a s&torage account…")):
        assert tr.translate(context, text), (context, text)


def test_no_offline_reason_is_left_in_english():
    """What the offline pre-flight cannot judge reads in Japanese, every reason the pre-flight writes."""
    from wizard.check_text import check_value
    from wizard.core.preflight import NEEDS_VM, RUNNING_ONLY

    reasons = [*RUNNING_ONLY.values(), "no ELF program found to tell the architecture",
               "no kernel found in /boot or /lib/modules", "the agent's version is not in the package database",
               "OpenSSL's version is not in the package database"]
    for what in reasons:
        shown = check_value(NEEDS_VM.format(what=what), "ja")
        assert "needs a running system" not in shown and "run the test VM" not in shown, shown
        assert what not in shown, shown  # the reason itself translated, not only its frame
