"""A publisher's first Partner Center submission, clicked and typed like a person (tests/helpers/person.py), against the
real services: an empty project → the Offer page with an x64 Generation 2 image → a real GPT + EFI fixed VHD
(sfdisk + qemu-img) chosen in the file dialog, checked and uploaded to Azurite with the Upload button →
the Connection page to the suite's sshd test user, the host key's fingerprint answered in its prompt →
the certification run against the passing image root → the questionnaire answered by clicking → SAS URIs
made and verified with the SAS page's buttons → readiness all green → the Partner Center JSON exported
through the save dialog, validated against the schema, its SAS URI reading the VHD back through Azurite.

Every dialog is answered where it opens (QApplication.activeModalWidget(): the file name typed into the file
dialog, the container's name into the input box, Yes clicked in the host-key prompt); nothing is set on a
model or called on a page where a person would click. Background work (the check, the upload, the test run,
the report, the SAS) is waited for as a person waits: until the page says it is over, up to a minute each.
"""

from __future__ import annotations

import json
import time
import urllib.request
from collections.abc import Callable

import jsonschema
import pytest
from person import NotReachable, Person, settle
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QDialog,
    QFileDialog,
    QInputDialog,
    QLineEdit,
    QMessageBox,
    QScrollArea,
    QWidget,
)
from test_end_to_end import Walk
from test_first_submission_guided import on_text, type_into
from test_image_types import SCHEMA, gpt_efi_vhd

from wizard.core import model
from wizard.core.questionnaire import load_questionnaire
from wizard.core.steps import Step, StepState, step_states

from conftest import AZURITE_ACCOUNT, AZURITE_KEY, Azurite

WAIT = 60.0  # seconds: CI has two loaded cores; a person waits for the progress to end


def wait_for(condition: Callable[[], bool], what: str, seconds: float = WAIT) -> None:
    """Poll while the event loop runs (never a fixed sleep): fails with `what` when it never happens."""
    end = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > end:
            raise AssertionError(f"waited {seconds:.0f} s: {what}")
        settle(25)


class Answer:
    """Answers the next modal dialog of `kind` when it shows, as a person does (`act(dialog, person)`).
    A failed answer closes the dialog (the walk goes on and fails on what it then misses) and is kept."""

    def __init__(self, kind: type[QDialog], act: Callable[[QDialog, Person], None], seconds: float = 30):
        self.kind, self.act, self.end = kind, act, time.monotonic() + seconds
        self.outcome: list[object] = []
        self.text = ""
        self.parent: QWidget | None = None
        QTimer.singleShot(50, self._poll)

    def _poll(self) -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, self.kind) and dialog.isVisible():
            self.text = dialog.text() if isinstance(dialog, QMessageBox) else dialog.windowTitle()
            self.parent = dialog.parentWidget().window() if dialog.parentWidget() else None
            try:
                self.act(dialog, Person(dialog))
                self.outcome.append("answered")
            except BaseException as exc:  # noqa: BLE001 - kept and raised by check(), after the dialog is gone
                self.outcome.append(exc)
                dialog.reject()
            return
        if time.monotonic() < self.end:
            QTimer.singleShot(50, self._poll)
        else:
            self.outcome.append(TimeoutError(f"no {self.kind.__name__} opened"))

    def check(self) -> None:
        wait_for(lambda: bool(self.outcome), f"the {self.kind.__name__} was answered")
        if isinstance(self.outcome[0], BaseException):
            raise self.outcome[0]
        if self.parent is not None:  # the window manager gives the window back the keyboard when its dialog closes
            wait_for(lambda: QApplication.activeModalWidget() is None, "the dialog closed", 10)
            self.parent.activateWindow()
            QTest.qWaitForWindowActive(self.parent, 2000)


def type_into_focus(text: str) -> Callable[[QDialog, Person], None]:
    """A file or input dialog: its text field has the focus when it opens; the person types and presses Enter."""

    def act(dialog: QDialog, person: Person) -> None:
        settle(50)
        focus = person.focus()
        assert isinstance(focus, QLineEdit) and dialog.isAncestorOf(focus), f"the focus is on {focus!r}"
        person.select_all_and_type(text)
        person.press(Qt.Key.Key_Return)

    return act


def click_button(text: str) -> Callable[[QDialog, Person], None]:
    def act(dialog: QDialog, person: Person) -> None:
        buttons = [b for b in dialog.findChildren(QAbstractButton) if b.isVisible()]
        button = next((b for b in buttons if b.text().replace("&", "") == text), None)
        assert button is not None, [b.text() for b in buttons]
        person.click(button)

    return act


def choose(person: Person, combo: QComboBox, data) -> None:
    """Open the combo box with a click and click the line wanted in its list."""
    target = combo.findData(data)
    assert target >= 0, f"{combo.accessibleName()!r} offers no {data!r}"
    bring_into_view(person, combo)
    person.click(combo)
    view = combo.view()
    wait_for(lambda: view.isVisible(), f"the list of {combo.accessibleName()!r} opened", 5)
    index = view.model().index(target, combo.modelColumn())
    view.scrollTo(index)
    # Qt ignores a release in the list for a double-click interval after it opens (the release of the click
    # that opened it); a person's second click comes later than that.
    settle(QApplication.doubleClickInterval() + 50)
    Person(view.window()).click(view.viewport(), view.visualRect(index).center())
    wait_for(lambda: not view.isVisible(), "the list closed", 5)
    assert combo.currentData() == data, f"{combo.accessibleName()!r} shows {combo.currentText()!r}"


def bring_into_view(person: Person, widget: QWidget) -> None:
    """A widget below the fold: the person drags the scroll bar of the area that holds it until it shows."""
    for _ in range(30):
        try:
            person.widget_at(widget)
            return
        except NotReachable:
            scroll = next((p for p in parents(widget) if isinstance(p, QScrollArea)), None)
            if scroll is None:
                raise
            scroll.ensureWidgetVisible(widget)
            settle()


def parents(widget: QWidget):
    widget = widget.parentWidget()
    while widget is not None:
        yield widget
        widget = widget.parentWidget()


def click_row(person: Person, table, row: int) -> None:
    """Click the first cell of a table's row (the disk lists)."""
    rect = table.visualRect(table.model().index(row, 0))
    person.click(table.viewport(), rect.center())
    assert table.currentRow() == row


def go_to_step(person: Person, window, step: Step) -> None:
    """Click the step's line in the step list on the left."""
    item = window.steps.item(int(step))
    person.click(window.steps.viewport(), window.steps.visualItemRect(item).center())
    wait_for(lambda: window.wizard.currentId() == int(step), f"the step list opened {step.name}", 10)


def next_step(person: Person, window, step: Step) -> None:
    """Next, once the page lets the person go on (a page may still be reading the keyring)."""
    button = window.wizard.button(window.wizard.WizardButton.NextButton)
    wait_for(button.isEnabled, f"Next is enabled on {Step(window.wizard.currentId()).name}", 30)
    person.click(button)
    wait_for(lambda: window.wizard.currentId() == int(step), f"Next opened {step.name}", 10)


@pytest.fixture
def new_account():
    """A storage account of its own (the suite's Azurite holds other tests' containers): a new account has none."""
    server = Azurite().start()
    yield server
    server.stop()


@pytest.mark.services
def test_a_first_gen2_submission_clicked_through_against_azurite_and_sshd(qtbot, new_window, tmp_path, new_account, sshd,
                                                                          roots):
    azurite = new_account
    good = roots[0]
    container = "firstvhds"  # a new storage account has no container yet: the publisher names one at the upload
    window = new_window()
    window.show()
    window.resize(1024, 700)
    settle(30)
    person = Person(window)
    camera = Walk(qtbot, window, None, tmp_path, lang="person-en")  # the suite's pictures: artifacts/screenshots/
    project = window.document.project

    # -- a new project, for Partner Center ------------------------------------------------------------------
    window.pages[Step.OFFER].publisher.setFocus()
    person.press(Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    settle(30)
    start = window.start_dialog
    assert start.isVisible()
    Person(start).click(start.radios["partner-center"], on_text(start.radios["partner-center"]))
    Person(start).click(start.btn_start)
    settle(30)
    project = window.document.project
    assert project.profile_id == "partner-center"

    # -- step 1: the offer, one SKU with an x64 Generation 2 image and its OS disk --------------------------
    offer = window.pages[Step.OFFER]
    for widget, text in ((offer.publisher, "contoso"), (offer.offer_id, "web-appliance"),
                         (offer.offer_name, "Contoso Web Appliance"), (offer.sku_id, "ubuntu-standard"),
                         (offer.sku_title, "Ubuntu standard"), (offer.summary, "Hardened web server."),
                         (offer.os_name, "Ubuntu Server 22.04 LTS"), (offer.size_filter, "Standard_D2s_v5")):
        type_into(person, widget, text)
    settle(30)
    item = next(offer.size_list.item(i) for i in range(offer.size_list.count())
                if offer.size_list.item(i).data(Qt.ItemDataRole.UserRole) == "Standard_D2s_v5")
    bring_into_view(person, offer.size_list)
    offer.size_list.scrollToItem(item)
    person.click(offer.size_list.viewport(), offer.size_list.visualItemRect(item).center())
    person.press(Qt.Key.Key_Space)
    sku = project.skus[0]
    assert sku.vm_sizes == ["Standard_D2s_v5"]
    bring_into_view(person, offer.btn_images)
    person.click(offer.btn_images)
    dialog = offer.image_dialog
    wait_for(dialog.isVisible, "the image types dialog opened", 5)
    him = Person(dialog)
    choose(him, dialog.slots[0].kind, "x64Gen2")
    # A new Partner Center plan starts from a gallery image (issue #33); this publisher uploads a VHD instead.
    choose(him, dialog.slots[0].source, "sasUri")
    assert dialog.slots[0].security.isEnabled() and dialog.slots[0].source.currentData() == "sasUri"
    click_button("OK")(dialog, him)
    wait_for(lambda: not dialog.isVisible(), "the dialog closed", 5)
    assert [(im.image_type, im.source) for im in sku.images] == [("x64Gen2", "sasUri")]
    assert [(d.role, d.image_type) for d in sku.disks] == [("os", "x64Gen2")]
    assert "x64" in offer.images_summary.text()
    camera.shoot("offer")
    next_step(person, window, Step.VHD)

    # -- step 2: choose the VHD in the file dialog; it is checked; upload it --------------------------------
    vhd = window.pages[Step.VHD]
    os_vhd = gpt_efi_vhd(tmp_path)
    click_row(person, vhd.disks, 0)
    chooser = Answer(QFileDialog, type_into_focus(str(os_vhd)))
    person.click(vhd.btn_choose)
    chooser.check()
    wait_for(lambda: vhd.task is None and not vhd.queue and sku.disks[0].vhd_check is not None,
             f"the check ended (status: {vhd.status.text()!r})")
    assert sku.disks[0].vhd_path == str(os_vhd)
    assert sku.disks[0].vhd_check.verdict == "pass", vhd.status.text()
    result = vhd.disks.item(0, 2).text()
    assert result == "✓ Pass", result
    findings = {vhd.findings.item(r, 1).toolTip(): vhd.findings.item(r, 2).text() for r in range(vhd.findings.rowCount())}
    assert "EFI system partition" in findings["boot-partitions"], findings

    # The upload needs the storage account: the first try asks for it before anything else (this publisher
    # would rather connect on the SAS URIs step: Cancel), then says where to connect it.
    from wizard.pages.storage_dialog import StorageConnectDialog

    offered = Answer(StorageConnectDialog, click_button("Cancel"))
    no_question = Answer(QInputDialog, click_button("Cancel"), seconds=2)
    person.click(vhd.btn_upload)
    offered.check()
    wait_for(lambda: bool(no_question.outcome), "the page answered", 10)
    assert isinstance(no_question.outcome[0], TimeoutError), "the page asked for a container it cannot upload to"
    said = vhd.status.text()
    assert "Connect it first on the SAS URIs step" in said and vhd.task is None and not sku.disks[0].blob_url, said

    go_to_step(person, window, Step.SAS)
    sas = window.pages[Step.SAS]
    assert sas.mode.currentData() == "account-key" and sas.secret_label.text().replace("&", "") == "Storage account key:"
    type_into(person, sas.account, AZURITE_ACCOUNT)
    type_into(person, sas.endpoint, azurite.endpoint)
    type_into(person, sas.secret, AZURITE_KEY)
    person.click(sas.btn_connect)
    wait_for(lambda: sas.task is None and sas.conn_status.text().startswith("Connected"),
             f"the storage account connected ({sas.conn_status.text()!r})")
    assert sas.conn_status.text() == "Connected: 0 container(s)."  # a new account: the upload will make one

    go_to_step(person, window, Step.VHD)
    click_row(person, vhd.disks, 0)
    asked = Answer(QInputDialog, type_into_focus(container))
    person.click(vhd.btn_upload)
    asked.check()
    wait_for(lambda: vhd.task is None and vhd.status.text().startswith(("Uploaded", "Upload failed")),
             f"the upload ended ({vhd.status.text()!r})")
    assert vhd.status.text().startswith("Uploaded"), vhd.status.text()
    assert "Page ranges verified" in vhd.status.text()
    assert "3.0 KiB sent; 2.00 GiB of empty space not sent" in vhd.status.text()  # the GPT and the footer; the rest zeros
    assert f"The container {container} did not exist: it was created" in vhd.status.text(), vhd.status.text()
    blob_url = f"{azurite.endpoint}/{container}/{os_vhd.name}"
    assert sku.disks[0].blob_url == blob_url
    assert azurite.service().get_blob_client(container, os_vhd.name).get_blob_properties().size == os_vhd.stat().st_size
    assert step_states(project)[Step.VHD] is StepState.DONE
    camera.shoot("vhd-uploaded")
    next_step(person, window, Step.CONNECTION)

    # -- step 3: the test VM (the suite's sshd test user), its host key answered in the prompt --------------
    connection = window.pages[Step.CONNECTION]
    assert connection.image.isVisible() and "Generation 2" in connection.image.currentText()  # which image this VM runs
    type_into(person, connection.host, "127.0.0.1")
    person.click(connection.port)
    person.select_all_and_type(str(sshd.port))
    type_into(person, connection.user, good.user)
    assert connection.auth.currentData() == "password"
    type_into(person, connection.password, good.password)
    trust = Answer(QMessageBox, click_button("Yes"))
    person.click(connection.btn_test)
    trust.check()
    assert sshd.host_key_fingerprint() in trust.text, trust.text
    wait_for(lambda: connection.task is None and connection.test_result.text().startswith("Connected to"),
             f"the connection test passed ({connection.test_result.text()!r})")
    assert project.connection.port == sshd.port and project.connection.user == good.user
    assert step_states(project)[Step.CONNECTION] is StepState.DONE
    camera.shoot("connection")
    next_step(person, window, Step.TEST_RUN)

    # -- step 4: the certification run against the passing image root ----------------------------------------
    run_page = window.pages[Step.TEST_RUN]
    person.click(run_page.btn_run)
    wait_for(lambda: run_page.task is None and bool(project.test_runs), f"the run ended ({run_page.banner.text()!r})")
    assert run_page.banner.text().startswith("✓ Ready for certification"), run_page.banner.text()
    run = project.test_runs[-1]
    assert model.tested_image(project, run.image_under_test) == (sku, "x64Gen2") and len(run.results) >= 20
    assert "Generation 2" in run_page.image_under_test.text() and run_page.image_under_test.isVisible()
    assert run_page.proxy.rowCount() == len(run.results)  # the results table shows every case
    shown = {run_page.proxy.index(r, 0).data() for r in range(run_page.proxy.rowCount())}
    assert "✓ Passed" in shown and not shown & {"✗ Failed", "✗ Error"}, shown
    camera.shoot("test-run")
    next_step(person, window, Step.QUESTIONNAIRE)

    # -- step 5: the questionnaire, every answer clicked or typed; the report stored beside the VHD ----------
    q = window.pages[Step.QUESTIONNAIRE]
    tab_bar = q.tabs.tabBar()

    def open_tab(index: int) -> None:
        person.click(tab_bar, tab_bar.tabRect(index).center())
        assert q.tabs.currentIndex() == index

    for question in load_questionnaire().for_platform("linux"):
        widget = q.widgets[question.id]
        open_tab(next(i for i in range(q.tabs.count()) if q.tabs.widget(i).isAncestorOf(widget)))
        bring_into_view(person, widget)
        if question.kind == "bool":
            person.click(widget.yes, on_text(widget.yes))  # also confirms a prefilled True
            assert widget.yes.isChecked()
        elif question.kind == "choice":
            choose(person, widget.combo, "distribution-stock")
        elif widget.answer is not None and widget.answer.prefilled:
            bring_into_view(person, widget.btn_confirm)
            person.click(widget.btn_confirm)
        else:
            type_into(person, widget.line, "none")
    open_tab(q.tabs.count() - 2)
    type_into(person, q.ssh_access, "azureuser on port 22; the key is handed over separately")
    assert project.questionnaire.ssh_access.startswith("azureuser")
    assert q.state().complete, q.progress_label.text()
    open_tab(q.tabs.count() - 1)
    person.click(q.btn_store_report)
    wait_for(lambda: q.task is None and sku.report is not None and bool(sku.report.blob_url),
             f"the report was stored ({q.report_status.text()!r})")
    camera.shoot("report")
    next_step(person, window, Step.SAS)

    # -- step 6: a SAS URI for the disk, with the page's buttons; verified against Azurite --------------------
    assert sas.secret.text() == AZURITE_KEY  # kept from the connection above
    # The list shows what the account holds now: the container the upload made (at Connect there was none).
    wait_for(lambda: sas.conn_status.text() == "Connected: 1 container(s).", f"the list was read ({sas.conn_status.text()!r})",
             30)
    assert [sas.browser.topLevelItem(i).text(0) for i in range(sas.browser.topLevelItemCount())] == [container]
    person.click(sas.btn_generate_all)
    wait_for(lambda: sas.task is None and sku.disks[0].sas is not None, f"the SAS was made ({sas.details.text()!r})")
    assert sas.details.text().startswith("Created 1 SAS URI"), sas.details.text()
    click_row(person, sas.disks, 0)
    person.click(sas.btn_verify)
    wait_for(lambda: sas.task is None and sku.disks[0].sas.verdict != "", f"the SAS was verified ({sas.details.text()!r})")
    assert sku.disks[0].sas.verdict == "pass", sas.details.text()
    # ✓ as the step list and Export say it: verified, of this blob, its token in the keyring (read in the background).
    wait_for(lambda: sas.disks.item(0, 1).text() == "✓ ready", f"the row says ✓ ({sas.disks.item(0, 1).text()!r})")
    status = sas.disks.visualItemRect(sas.disks.item(0, 1))
    assert sas.disks.viewport().rect().contains(status), "the status is out of sight"  # read without scrolling
    camera.shoot("sas")
    next_step(person, window, Step.EXPORT)

    # -- step 7: readiness all green; the Partner Center JSON through the save dialog --------------------------
    export = window.pages[Step.EXPORT]
    wait_for(lambda: export.task is None and export.btn_export.isEnabled(), "the SAS URIs were read from the keyring")
    items = export.exports[0].items
    assert [i.id for i in items if not i.ok] == [], [(i.id, i.template) for i in items if not i.ok]
    marks = [export.checklist.item(r, 0).text() for r in range(export.checklist.rowCount())]
    # upload:0 -- the blob holds the checked file (issue #32's chain)
    # No "report" item: the report in the VHDs' container is the 2015 guide's rule, not Partner Center's (REFERENCE §9).
    assert [i.id for i in items] == ["offer", "vhd-check:0", "upload:0", "sas:0", "test-run", "questionnaire"]
    assert marks == ["✓"] * len(items), marks
    assert export.summary.text() == "Ready to submit."
    choose(person, export.format_combo, "partner-center-json")
    out = tmp_path / "out" / "partner-center.json"
    out.parent.mkdir()
    saving = Answer(QFileDialog, type_into_focus(str(out)))
    person.click(export.btn_export)
    saving.check()
    wait_for(out.exists, f"the JSON was written ({export.status.text()!r})", 10)
    assert export.status.text() == f"Exported {out}.", export.status.text()

    document = json.loads(out.read_text(encoding="utf-8"))
    assert "$comment" not in document, document.get("$comment")  # nothing missing is written into it
    jsonschema.validate(document, SCHEMA)
    # x64 Gen2 starts with Trusted Launch (Azure's default for new Gen2 VMs; issue #33): securityType on x64Gen2.
    assert document["skus"] == [{"imageType": "x64Gen2", "skuId": "ubuntu-standard", "securityType": ["trusted"]}], \
        document["skus"]
    (image,) = document["vmImageVersions"][-1]["vmImages"]
    assert image["imageType"] == "x64Gen2" and image["source"]["sourceType"] == "sasUri", image
    uri = image["source"]["osDisk"]["uri"]
    assert uri.startswith(blob_url + "?") and "sp=rl" in uri, uri
    # The SAS URI alone reads the VHD back: its footer is the one qemu-img wrote.
    size = os_vhd.stat().st_size
    request = urllib.request.Request(uri, headers={"Range": f"bytes={size - 512}-{size - 1}", "x-ms-version": "2021-08-06"})
    with urllib.request.urlopen(request, timeout=30) as response:
        footer = response.read()
    with open(os_vhd, "rb") as fh:
        fh.seek(-512, 2)
        assert footer == fh.read()
    states = step_states(project)
    assert all(states[step] is StepState.DONE for step in Step if step is not Step.NEXT), states
    camera.shoot("exported")
    # What's next: where the file went, and nothing said to be lacking.
    next_step(person, window, Step.NEXT)
    files = window.pages[Step.NEXT].files.text()
    assert str(out.parent) in files and "still lacked" not in files, files
    assert len(camera.shots) == 7 and all(shot.stat().st_size > 10_000 for shot in camera.shots)


def test_the_test_vm_reached_with_a_private_key_chosen_in_browse(qtbot, new_window, sshd, roots):
    """The other way in: a key file picked in the Browse… dialog (no password typed), the host key trusted in
    its prompt, then the certification run signs in with the same key."""
    good = roots[0]
    window = new_window()
    window.show()
    window.resize(1024, 700)
    settle(30)
    person = Person(window)
    project = window.document.project
    go_to_step(person, window, Step.CONNECTION)
    connection = window.pages[Step.CONNECTION]
    assert not connection.key_file.isEnabled() and not connection.btn_browse_key.isEnabled()  # password first
    type_into(person, connection.host, "127.0.0.1")
    person.click(connection.port)
    person.select_all_and_type(str(sshd.port))
    type_into(person, connection.user, good.user)
    choose(person, connection.auth, "key")
    assert connection.btn_browse_key.isEnabled() and connection.password_label.text().replace("&", "") == "Key passphrase:"
    browse = Answer(QFileDialog, type_into_focus(str(sshd.client_key)))
    person.click(connection.btn_browse_key)
    browse.check()
    assert connection.key_file.text() == str(sshd.client_key) and project.connection.key_file == str(sshd.client_key)
    trust = Answer(QMessageBox, click_button("Yes"))
    person.click(connection.btn_test)
    trust.check()
    assert sshd.host_key_fingerprint() in trust.text, trust.text
    wait_for(lambda: connection.task is None and connection.test_result.text().startswith("Connected to"),
             f"the connection test passed ({connection.test_result.text()!r})")
    steps = [connection.test_steps.item(i).text() for i in range(connection.test_steps.count())]
    assert f"✓ Authentication: {good.user}" in steps, "\n".join(steps)  # by the key: no password was typed
    assert connection.password.text() == ""
    next_step(person, window, Step.TEST_RUN)
    run_page = window.pages[Step.TEST_RUN]
    person.click(run_page.btn_run)
    wait_for(lambda: run_page.task is None and bool(project.test_runs), f"the run ended ({run_page.banner.text()!r})")
    assert run_page.banner.text().startswith("✓ Ready for certification"), run_page.banner.text()
    assert run_page.proxy.rowCount() == len(project.test_runs[-1].results) >= 20
