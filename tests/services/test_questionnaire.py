"""The questionnaire (data, progress, prefill), the page that asks it, and the report bundle it feeds.

Real widgets under pytest-qt; reports rendered by Qt and rasterised by pdftoppm; bundles
stored in Azurite and read back; secrets put in the real keyring and grepped for.
"""

from __future__ import annotations

import json
import subprocess
import unicodedata
import zipfile
from pathlib import Path

import pytest
from person import type_into
from PySide6.QtCore import Qt

from wizard.core.model import Answer
from wizard.core.questionnaire import FALSE, TRUE, apply_prefill, load_questionnaire, progress
from wizard.core.resources import resource_path
from wizard.core.secrets import vm_secret_ref
from wizard.core.steps import Step, StepState

from factories import answer_everything, complete_project, sample_run

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "artifacts" / "report"


# -- the data ------------------------------------------------------------------------
def test_every_question_is_worded_in_english_and_japanese_and_ids_are_unique():
    q = load_questionnaire()
    ids = [question.id for question in q.questions]
    assert len(ids) == len(set(ids))
    assert {t.id for t in q.tabs} == {"general", "kernel"}
    for question in q.questions:
        assert question.text["en"].strip(), question.id
        assert question.text["ja"].strip(), question.id
        assert question.tab in {t.id for t in q.tabs}
        assert set(question.platforms) <= {"linux", "windows"}
        for choice in question.choices:
            assert choice.text["en"]
            assert choice.text["ja"]
    from wizard.core.profiles import PROFILE_IDS

    assert set(q.wording_note) == set(PROFILE_IDS)
    for profile_id in PROFILE_IDS:
        assert q.wording(profile_id, "en") and q.wording(profile_id, "ja") != q.wording(profile_id, "en")
    assert [t.id for t in q.tabs_for("windows")] == ["general"]  # Kernel Customization is Linux only
    assert not [x for x in q.for_platform("windows") if x.tab == "kernel"]


def test_false_needs_an_explanation_and_prefilled_answers_need_confirmation():
    from wizard.core.model import new_project

    project = new_project()
    answer_everything(project)
    assert progress(project).complete
    project.questionnaire.answers["malware-scan"] = Answer(FALSE)
    state = progress(project)
    assert not state.complete
    assert state.needs_explanation == ("malware-scan",)
    project.questionnaire.answers["malware-scan"].explanation = "scanned by the build pipeline, not here"
    assert progress(project).complete
    project.questionnaire.answers["hardening"].prefilled = True
    assert progress(project).unconfirmed == ("hardening",)
    assert not progress(project).complete
    project.questionnaire.answers["hardening"].prefilled = False
    project.questionnaire.ssh_access = ""
    assert progress(project).ssh_info_missing
    project.questionnaire.ssh_blocked = True
    assert progress(project).complete


def test_prefill_takes_what_the_run_knows_and_never_overwrites():
    from wizard.core.model import new_project

    project = new_project()
    project.test_runs.append(sample_run())
    project.questionnaire.answers["firewall"] = Answer(TRUE)  # the user already said so
    filled = apply_prefill(project)
    answers = project.questionnaire.answers
    assert answers["history-cleared"].value == TRUE
    assert answers["history-cleared"].prefilled
    assert answers["64-bit-only"].value == TRUE
    assert answers["firewall"].value == TRUE
    assert not answers["firewall"].prefilled  # kept
    assert answers["kernel-version"].value == "5.15.0-1057-azure"
    assert answers["lis-version"].value == "hv_vmbus hv_netvsc hv_storvsc"
    assert "firewall" not in filled
    assert "security-patches" not in filled  # no such result in this run
    assert set(progress(project).unconfirmed) == set(filled)


# -- the page ------------------------------------------------------------------------
@pytest.fixture
def questionnaire_window(new_window):
    from wizard.core.model import new_project
    from wizard.document import ProjectDocument

    def make(platform="linux", run=True, profile=None):
        project = new_project()
        if profile:
            project.profile_id = profile
        project.offer.offer_id, project.offer.offer_name = "contoso-app", "Contoso App"
        project.skus[0].sku_id = "standard"
        project.connection.platform = platform
        if run:
            project.test_runs.append(sample_run(platform))
        window = new_window(ProjectDocument(project))
        window.show()
        window.wizard.jump_to(Step.QUESTIONNAIRE)
        return window, window.wizard.page(Step.QUESTIONNAIRE)

    return make


def click_answer(qtbot, page, qid: str, value: str) -> None:
    widget = page.widgets[qid]
    if widget.question.kind == "bool":
        button = widget.yes if value == TRUE else widget.no
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    elif widget.question.kind == "choice":
        widget.combo.setCurrentIndex(widget.combo.findData(value))
    else:
        type_into(widget.line, value)  # on the tab that holds the question: the person opens it first


def test_answering_the_questionnaire_unblocks_next(qtbot, questionnaire_window):
    window, page = questionnaire_window()
    wizard = window.wizard
    next_button = wizard.button(wizard.WizardButton.NextButton)
    # Prefilled from the run, waiting for confirmation, and shown as such.
    history = page.widgets["history-cleared"]
    assert history.yes.isChecked()
    assert history.btn_confirm.isVisibleTo(page)
    assert history.prefill_note.isVisibleTo(page)
    assert page.widgets["firewall"].no.isChecked()  # iptables Failed → False, still to confirm
    assert not next_button.isEnabled()
    assert [page.tabs.tabText(i) for i in range(page.tabs.count())] == [
        "General Assessment", "Kernel Customization", "Additional information", "Report"]

    qtbot.mouseClick(history.btn_confirm, Qt.MouseButton.LeftButton)
    assert not page.project.questionnaire.answers["history-cleared"].prefilled
    assert not history.btn_confirm.isVisibleTo(page)

    q = load_questionnaire()
    for question in q.for_platform("linux"):
        if question.id == "history-cleared":
            continue
        value = {"bool": TRUE, "choice": "distribution-stock", "text": "none"}[question.kind]
        if question.id == "malware-scan":
            value = FALSE
        click_answer(qtbot, page, question.id, value)
    # The kernel version was prefilled: typing over it confirms the user's value.
    assert page.project.questionnaire.answers["kernel-version"].value == "none"
    # A False without an explanation blocks.
    malware = page.widgets["malware-scan"]
    assert malware.explanation.isVisibleTo(malware)  # its question asks for the explanation now
    assert page.state().needs_explanation == ("malware-scan",)
    assert not next_button.isEnabled()
    type_into(malware.explanation, "Scanned in the build pipeline with ClamAV.", replace=False)
    assert page.state().answered == page.state().total
    assert not next_button.isEnabled()
    assert page.state().ssh_info_missing  # SSH access info still missing
    assert "SSH access information missing" in page.progress_label.text()
    qtbot.mouseClick(page.btn_next_open, Qt.MouseButton.LeftButton)
    assert page.tabs.currentIndex() == 2  # took the user to the missing field
    type_into(page.ssh_access, "azureuser, port 22, key handed over separately", replace=False)
    assert next_button.isEnabled()
    # The questionnaire is ✓ (as in Export); the step waits for the report stored from it (its other item).
    from wizard.core.export import readiness
    from wizard.core.status import R_REPORT_NO_RUN, R_REPORT_NONE
    from wizard.core.steps import step_statuses

    assert next(i for i in readiness(page.project, page.project.skus[0], {}) if i.id == "questionnaire").ok
    status = step_statuses(page.project)[Step.QUESTIONNAIRE]
    assert status.state is StepState.ATTENTION and status.reason in (R_REPORT_NONE, R_REPORT_NO_RUN)
    assert window.document.dirty
    # An exception explanation for the Failed iptables result is kept per check.
    type_into(page.exception_edits["iptables"], "The appliance needs its own DROP policy.", replace=False)
    assert page.project.questionnaire.exception_notes == {"iptables": "The appliance needs its own DROP policy."}
    assert set(page.exception_edits) == {"iptables", "swap-partition"}


def test_windows_projects_show_no_kernel_tab_and_no_ssh_field(questionnaire_window):
    window, page = questionnaire_window("windows", run=False)
    tabs = [page.tabs.tabText(i) for i in range(page.tabs.count())]
    assert "Kernel Customization" not in tabs
    assert "kernel-version" not in page.widgets
    assert not page.state().ssh_info_missing
    assert not page.btn_store_report.isEnabled()  # no run yet
    assert page.report_status.text().startswith("No test run yet: the report is made from the latest test run")


@pytest.mark.parametrize("profile", ["partner-center", "publishing-guide-2015"])
def test_the_note_on_the_wording_is_the_profiles(questionnaire_window, profile):
    """Issue #32 review: under Partner Center the banner said the questions follow "the 2015 guide's best
    practices"."""
    window, page = questionnaire_window(profile=profile)
    note = page.wording_note.text()
    assert page.wording_note.isVisible()
    if profile == "partner-center":
        assert "2015" not in note and "certification policies" in note
    else:
        assert "2015 guide" in note and "Partner Center" not in note


def test_answers_survive_save_and_reopen(qtbot, questionnaire_window, new_window, tmp_path):
    window, page = questionnaire_window()
    click_answer(qtbot, page, "malware-scan", FALSE)
    type_into(page.widgets["malware-scan"].explanation, "done elsewhere", replace=False)
    path = tmp_path / "p.mpwiz"
    window.document.save(path)
    again = new_window()
    again.open_path(path, ask=False)
    assert not again.document.dirty  # opening does not prefill or change anything
    answer = again.document.project.questionnaire.answers["malware-scan"]
    assert (answer.value, answer.explanation, answer.prefilled) == (FALSE, "done elsewhere", False)


# -- the report ----------------------------------------------------------------------
def test_report_bundle_matches_its_schema_and_holds_every_test_and_answer(qapp, tmp_path):
    import jsonschema

    from wizard.core.report import make_project_bundle
    from wizard.report_pdf import html_to_pdf

    project = complete_project()
    bundle = make_project_bundle(project, project.skus[0], tmp_path, "2026-11-25T12:00:00Z", html_to_pdf)
    assert bundle.zip_path.name == "certification-standard-1.0.0-20261125.zip"
    schema = json.loads(resource_path("schemas", "certification-report.schema.json").read_text())
    record = json.loads((bundle.folder / "report.json").read_text())
    jsonschema.validate(record, schema, format_checker=jsonschema.FormatChecker())
    assert record["TestResult"] == "Fail"
    assert record["KernelFullVersion"] == "5.15.0-1057-azure"
    assert [t["id"] for t in record["Tests"]] == [r.id for r in project.test_runs[0].results]
    answers = {a["Id"]: a for a in record["Report"]["Questionnaire"]["Answers"]}
    assert answers["malware-scan"]["Answer"] == "False"
    assert answers["malware-scan"]["Explanation"]
    assert answers["kernel-source"]["Answer"] == "The distribution's stock kernel"
    exceptions = {x["id"]: x["Explanation"] for x in record["Report"]["AdditionalInformation"]["ExceptionRequests"]}
    assert exceptions == {"iptables": "The appliance ships its own firewall policy.", "swap-partition": ""}

    page = (bundle.folder / "report.html").read_text()
    assert "<script" not in page
    assert "http" not in page.split("<body>", 1)[1]  # self-contained
    for test in record["Tests"]:
        assert test["TestCaseName"] in page
        assert f"<small>{test['id']}</small>" in page
    for question in load_questionnaire().for_platform("linux"):
        assert question.text["en"].replace("'", "&#x27;").replace('"', "&quot;") in page, question.id
    assert "The appliance ships its own firewall policy." in page
    with zipfile.ZipFile(bundle.zip_path) as zf:
        names = set(zf.namelist())
    assert {"report.json", "report.html", "report.pdf", "logs/iptables.txt"} <= names
    assert "-A INPUT -j DROP" in (bundle.folder / "logs" / "iptables.txt").read_text()
    # Same input, same bundle: the JSON is stable.
    again = make_project_bundle(project, project.skus[0], tmp_path / "again", "2026-11-25T12:00:00Z")
    assert (again.folder / "report.json").read_bytes() == (bundle.folder / "report.json").read_bytes()


def test_report_pdf_renders_a_first_page(qapp, tmp_path):
    from PySide6.QtGui import QImage

    from wizard.core.report import make_project_bundle
    from wizard.report_pdf import html_to_pdf

    project = complete_project()
    bundle = make_project_bundle(project, project.skus[0], tmp_path, "2026-11-25T12:00:00Z", html_to_pdf)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    prefix = ARTIFACTS / "report-page"
    subprocess.run(["pdftoppm", "-png", "-r", "70", "-f", "1", "-l", "1", "-singlefile", str(bundle.folder / "report.pdf"),
                    str(prefix)], check=True, timeout=60)
    image = QImage(str(prefix) + ".png")
    assert not image.isNull()
    assert image.height() > image.width()  # an A4 portrait page
    colours = {image.pixel(x, y) for x in range(0, image.width(), 5) for y in range(0, image.height(), 5)}
    assert len(colours) > 20  # text, table lines and coloured results, not a blank page
    text = subprocess.run(["pdftotext", str(bundle.folder / "report.pdf"), "-"], capture_output=True, text=True,
                          check=True).stdout
    text = " ".join(unicodedata.normalize("NFKC", text).split())  # undo ligatures (ﬁ) and table line breaks
    assert "Certification report" in text
    assert "Swap Partition" in text
    assert "Test result: Fail" in text


def test_bundle_is_stored_beside_the_os_vhd_in_azurite_and_reads_back(azurite, tmp_path):
    from wizard.core.report import make_project_bundle
    from wizard.core.report_store import store_bundle
    from wizard.core.storage import StorageAccess, StorageError

    container = azurite.service().create_container("reportvhds")
    project = complete_project()
    project.skus[0].disks[0].blob_url = f"{container.url}/os.vhd"
    bundle = make_project_bundle(project, project.skus[0], tmp_path, "2026-11-25T12:00:00Z")
    seen = []
    access = StorageAccess("connection-string", "", "", "", azurite.connection_string)
    url = store_bundle(bundle.zip_path, project.skus[0].disks[0].blob_url, access, progress=seen.append)
    assert url == f"{container.url}/{bundle.zip_path.name}"
    assert container.download_blob(bundle.zip_path.name).readall() == bundle.zip_path.read_bytes()
    assert seen
    assert seen[-1].done == bundle.zip_path.stat().st_size
    with pytest.raises(StorageError, match="no blob yet"):
        store_bundle(bundle.zip_path, "", access)
    wrong = StorageAccess("account-key", "devstoreaccount1", "", azurite.endpoint, "bm90IHRoZSBrZXk=")
    with pytest.raises(StorageError, match="refused"):
        store_bundle(bundle.zip_path, project.skus[0].disks[0].blob_url, wrong)


def test_cli_report_writes_and_uploads_and_says_what_is_missing(azurite, tmp_path, cli):
    import os

    from wizard.core.projectio import save_project

    container = azurite.service().create_container("clireport")
    project = complete_project()
    project.skus[0].disks[0].blob_url = f"{container.url}/os.vhd"
    path = tmp_path / "p.mpwiz"
    save_project(project, path)
    env = {**os.environ, "CS": azurite.connection_string}
    result = cli("report", str(path), "-o", str(tmp_path / "out"), "--upload", "--connection-string-env", "CS", env=env)
    assert result.returncode == 0, result.stderr
    zip_line, url_line = result.stdout.split()
    assert Path(zip_line).is_file()
    assert url_line.endswith(Path(zip_line).name)
    assert container.get_blob_client(Path(zip_line).name).get_blob_properties().size == Path(zip_line).stat().st_size
    assert azurite.connection_string.split("AccountKey=")[1].split(";")[0] not in result.stdout + result.stderr

    project.questionnaire.answers.pop("hardening")
    save_project(project, path)
    result = cli("report", str(path), "-o", str(tmp_path / "out2"))
    assert result.returncode == 1
    assert "questionnaire is not complete (15 of 16 answered)" in result.stderr
    project.test_runs.clear()
    save_project(project, path)
    result = cli("report", str(path), "-o", str(tmp_path / "out3"))
    assert result.returncode == 2
    assert "no test run" in result.stderr
    assert cli("report", str(tmp_path / "missing.mpwiz"), "-o", str(tmp_path)).returncode == 2
    result = cli("report", str(path), "--sku", "nope", "-o", str(tmp_path))
    assert result.returncode == 2


def test_gui_stores_the_report_and_no_secret_reaches_bundle_or_project(qtbot, azurite, new_window, tmp_path):
    from wizard.core.credentials import SecretRef, credentials
    from wizard.core.storage import SECRET_PURPOSE
    from wizard.document import ProjectDocument

    container = azurite.service().create_container("guireport")
    project = complete_project()
    project.skus[0].disks[0].blob_url = f"{container.url}/os.vhd"
    project.storage.mode = "connection-string"
    vm_password = "Vm-Pa55word-for-the-grep"
    c = project.connection
    credentials().store(vm_secret_ref(project.project_id, c.auth, c.user, c.host, c.port), vm_password, remember=True)
    credentials().store(SecretRef(project.project_id, SECRET_PURPOSE["connection-string"]), azurite.connection_string,
                        remember=True)
    window = new_window(ProjectDocument(project))
    window.show()
    window.wizard.jump_to(Step.QUESTIONNAIRE)
    page = window.wizard.page(Step.QUESTIONNAIRE)
    qtbot.mouseClick(page.btn_store_report, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.task is None, timeout=30000)
    record = page.project.skus[0].report
    assert record is not None, page.report_status.text()
    assert record.blob_url, page.report_status.text()
    assert record.blob_url in page.report_status.text()
    data = container.download_blob(record.file_name).readall()
    path = tmp_path / "p.mpwiz"
    window.document.save(path)

    secrets = [vm_password, azurite.connection_string, azurite.connection_string.split("AccountKey=")[1].split(";")[0]]
    unpacked = tmp_path / "unpacked"
    (tmp_path / "bundle.zip").write_bytes(data)
    with zipfile.ZipFile(tmp_path / "bundle.zip") as zf:
        zf.extractall(unpacked)
    texts = [p.read_bytes() for p in unpacked.rglob("*") if p.is_file()] + [path.read_bytes(), data]
    texts.append(subprocess.run(["pdftotext", str(unpacked / "report.pdf"), "-"], capture_output=True, check=True).stdout)
    for blob in texts:
        for secret in secrets:
            assert secret.encode() not in blob
