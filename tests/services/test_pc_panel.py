"""The wizard's Partner Center panel (What's next), walked as a person against the stand-ins of the
Product Ingestion API and of Microsoft Entra ID: sign in -> compare -> send -> follow the job -> an
error of a failed job shown at its step and field, with Go to step."""

from __future__ import annotations

import pytest
from person import Person, settle
from test_first_submission_by_a_person import Answer, click_button, wait_for
from test_first_submission_guided import type_into
from test_pc_live import GALLERY, TENANT, project_file, seed

from wizard.core.error_codes import PC_JOB_OTHER, PC_STATUS
from wizard.core.projectio import load_project, save_project
from wizard.core.steps import Step

CLIENT = "11111111-2222-3333-4444-555555555555"


@pytest.fixture
def entra(pc_api, tmp_path, monkeypatch):
    from pc_standin import EntraStandIn

    server = EntraStandIn(TENANT, CLIENT, "the-client-secret", pc_api.token, tmp_path).start()
    monkeypatch.setenv("REQUESTS_CA_BUNDLE", str(server.cert_file))
    monkeypatch.setenv("MPWIZARD_ENTRA_AUTHORITY", server.authority)
    monkeypatch.setenv("MPWIZARD_PC_POLL_SECONDS", "0.05")
    yield server
    server.stop()


def _with_version(path, number: str, api: str) -> None:
    loaded = load_project(path)
    loaded.project.profile_id = "partner-center"  # the live panel is there only under the Partner Center profile
    loaded.project.partner_center.api = api
    sku = next(s for s in loaded.project.skus if s.sku_id == "rhel-9")
    sku.version = number
    for im in sku.images:
        im.source, im.gallery_tenant_id = "sharedImageGallery", TENANT
        im.gallery_resource_id = GALLERY.format(name="rhel-9", version=number)
    save_project(loaded.project, path)


def test_sign_in_compare_send_follow_and_an_error_at_its_field(pc_api, entra, tmp_path, new_window):
    seed(pc_api)
    path = project_file(tmp_path, skus=("rhel-9",))
    _with_version(path, "9.2.0", pc_api.url)
    window = new_window()
    window.show()
    window.open_path(path, ask=False)
    window.wizard.jump_to(int(Step.NEXT))
    settle(50)
    panel = window.wizard.page(int(Step.NEXT)).pc_panel
    person = Person(window)
    assert not panel.btn_compare.isEnabled()  # no tenant and client yet

    type_into(person, panel.tenant_edit, TENANT)
    type_into(person, panel.client_edit, CLIENT)
    type_into(person, panel.secret_edit, "the-client-secret")
    person.click(panel.btn_sign_in)
    wait_for(lambda: "Signed in" in panel.state.text(), "signed in", 20)
    assert panel.secret_edit.text() == "" and "the-client-secret" not in path.read_text()

    assert not panel.tabs.isVisible()  # no difference yet: the tabs take no room (issue #32)
    person.click(panel.btn_compare)
    wait_for(lambda: "Compared" in panel.state.text(), "compared", 20)
    assert panel.tabs.isVisible() and panel.tabs.currentWidget() is panel.difference
    text = panel.difference.toPlainText()
    assert "published version 9.0.0 (deprecated): kept" in text and "new version 9.2.0: added" in text

    answer = Answer(QMessageBoxKind(), click_button("Yes"))
    person.click(panel.btn_send)
    answer.check()
    assert answer.text == "Send these changes to Partner Center?"
    wait_for(lambda: panel.state.text().endswith("succeeded."), "the job followed to the end", 30)
    assert len(pc_api.posts) == 1
    job_id = next(iter(pc_api.jobs))
    assert window.document.project.partner_center.last_job_id == job_id
    assert window.document.project.partner_center.last_job_result == "succeeded"

    # the next version fails in Partner Center: Microsoft's error lands at its step and field
    sku = window.document.project.skus[0]
    sku.version = "9.3.0"
    sku.images[0].gallery_resource_id = GALLERY.format(name="rhel-9", version="9.3.0")
    pc_api.fail_next_job = [  # the documented shape: {code, message, resourceId}
        {"code": "businessValidationError", "message": "recommendedVmSizes: Standard_A1 is retired and cannot be offered",
         "resourceId": "virtual-machine-plan-technical-configuration/x/y"},
        {"code": "Conflict", "message": "Another job is in progress for this product.", "resourceId": "product/p1"}]
    person.click(panel.btn_compare)
    wait_for(lambda: "Compared" in panel.state.text(), "compared again", 20)
    answer = Answer(QMessageBoxKind(), click_button("Yes"))
    person.click(panel.btn_send)
    answer.check()
    wait_for(lambda: panel.errors.topLevelItemCount() == 2, "the errors listed", 30)
    sized, conflict = panel.errors.topLevelItem(0), panel.errors.topLevelItem(1)
    # at its step and field as before; the Error column a sentence, never the raw code
    assert sized.text(0) == window.step_names[Step.OFFER] and sized.text(1) == "recommendedVmSizes"
    assert sized.text(2) == PC_JOB_OTHER.sentence and conflict.text(2) == PC_STATUS[409].sentence
    assert "businessValidationError" not in sized.text(2) + conflict.text(2)
    assert panel.error_said.toPlainText().splitlines() == [
        PC_JOB_OTHER.sentence, PC_JOB_OTHER.next_step,
        "Details: businessValidationError · virtual-machine-plan-technical-configuration/x/y: recommendedVmSizes: "
        "Standard_A1 is retired and cannot be offered"]
    person.click(panel.errors.viewport(), panel.errors.visualItemRect(conflict).center())
    settle(20)
    assert panel.error_said.toPlainText().splitlines() == [
        PC_STATUS[409].sentence, PC_STATUS[409].next_step,
        "Details: Conflict · product/p1: Another job is in progress for this product."]
    assert window.document.project.partner_center.last_job_result == "failed"
    person.click(panel.errors.viewport(), panel.errors.visualItemRect(sized).center())
    person.click(panel.btn_go)
    wait_for(lambda: window.wizard.currentId() == int(Step.OFFER), "Go to step opened the Offer step", 10)


def QMessageBoxKind():  # noqa: N802 - reads as the class it returns
    from PySide6.QtWidgets import QMessageBox

    return QMessageBox


def test_a_reopened_project_goes_on_following_its_job(pc_api, entra, tmp_path, new_window, monkeypatch):
    from wizard.core import operations

    seed(pc_api)
    path = project_file(tmp_path, skus=("rhel-9",))
    _with_version(path, "9.2.0", pc_api.url)
    loaded = load_project(path)
    project = loaded.project
    project.partner_center.tenant_id, project.partner_center.client_id = TENANT, CLIENT
    operations.store_pc_secret(project, TENANT, CLIENT, "the-client-secret")
    c = operations.pc_client(project, pc_api.url, lambda: pc_api.token)
    plan, lives = operations.pc_plan_push(project, c)
    job = operations.pc_send(c, plan.body, lives)
    operations.pc_record_job(project, job, "push", "2026-12-07T00:00:00Z")
    save_project(project, path)
    window = new_window()
    window.show()
    window.open_path(path, ask=False)
    window.wizard.jump_to(int(Step.NEXT))
    panel = window.wizard.page(int(Step.NEXT)).pc_panel
    wait_for(lambda: f"Job {job.job_id} succeeded" in panel.state.text(), "the stored job followed", 30)
    assert window.document.project.partner_center.last_job_status == "completed"


def test_submit_for_preview_only_when_the_checklist_is_complete(pc_api, entra, tmp_path, new_window, monkeypatch):
    from wizard.core import operations

    seed(pc_api)
    path = project_file(tmp_path, skus=("rhel-9",))
    _with_version(path, "9.2.0", pc_api.url)
    loaded = load_project(path)
    loaded.project.partner_center.tenant_id, loaded.project.partner_center.client_id = TENANT, CLIENT
    save_project(loaded.project, path)
    operations.store_pc_secret(loaded.project, TENANT, CLIENT, "the-client-secret")
    window = new_window()
    window.show()
    window.open_path(path, ask=False)
    window.wizard.jump_to(int(Step.NEXT))
    panel = window.wizard.page(int(Step.NEXT)).pc_panel
    wait_for(lambda: panel._missing is not None, "the checklist read", 20)
    assert panel._missing and not panel.btn_preview.isEnabled() and not panel.btn_live.isEnabled()
    assert "The checklist is not complete" in panel.btn_preview.toolTip()

    monkeypatch.setattr(operations, "pc_checklist_missing", lambda _p: [])  # as a complete project reads
    window.wizard.jump_to(int(Step.EXPORT))
    window.wizard.jump_to(int(Step.NEXT))
    wait_for(lambda: panel.btn_preview.isEnabled(), "Submit for preview enabled", 20)
    person = Person(window)
    answer = Answer(QMessageBoxKind(), click_button("Yes"))
    person.click(panel.btn_preview)
    answer.check()
    assert answer.text == "Submit the offer for preview?"
    wait_for(lambda: panel.state.text().endswith("succeeded."), "the submission job followed", 30)
    product = next(iter(pc_api.products))
    assert [s["target"]["targetType"] for s in pc_api.submissions[product]] == ["draft", "preview"]
    assert window.document.project.partner_center.last_job_kind == "submit-preview"
