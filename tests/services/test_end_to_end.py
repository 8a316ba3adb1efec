"""A whole first submission through the real wizard, against every real service at once.

New project → offer and a Linux SKU with one data disk → VHD check of two qemu-img VHDs →
upload both to Azurite → connection to the loopback sshd image root → test run →
questionnaire → report stored in the container → SAS for both disks → every export format;
then save, reopen in a new window, find every step done and export again byte for byte.
The Japanese walk takes a picture of every page (artifacts/screenshots/e2e-ja-*.png).
"""

from __future__ import annotations

from pathlib import Path

from person import type_into
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

import wizard.mnemonics
from wizard.core.export import FORMATS
from wizard.core.questionnaire import load_questionnaire
from wizard.core.steps import Step, StepState, step_states
from wizard.pages.export_page import SUFFIXES

from conftest import AZURITE_KEY

ROOT = Path(__file__).resolve().parents[2]
SHOTS = ROOT / "artifacts" / "screenshots"
LONG = 60_000


class Walk:
    """Drives one window through the steps; `shoot(name)` takes a picture when a language asks for it."""

    def __init__(self, qtbot, window, monkeypatch, tmp_path, lang: str | None = None):
        self.qtbot, self.window, self.monkeypatch, self.tmp = qtbot, window, monkeypatch, tmp_path
        self.wizard = window.wizard
        self.lang = lang
        self.shots: list[Path] = []

    def page(self, step: Step):
        self.wizard.jump_to(int(step))
        assert self.wizard.currentId() == int(step)
        return self.window.pages[step]

    def shoot(self, name: str) -> None:
        if not self.lang:
            return
        SHOTS.mkdir(parents=True, exist_ok=True)
        self.qtbot.wait(50)
        path = SHOTS / f"e2e-{self.lang}-{len(self.shots) + 1:02d}-{name}.png"
        assert self.window.grab().save(str(path))
        self.shots.append(path)

    def next_enabled(self) -> bool:
        return self.wizard.button(self.wizard.WizardButton.NextButton).isEnabled()

    # -- the steps ---------------------------------------------------------------------------
    def offer(self) -> None:
        qtbot, page = self.qtbot, self.page(Step.OFFER)
        type_into(page.publisher, "contoso")
        type_into(page.offer_id, "web-appliance")
        type_into(page.offer_name, "Contoso Web Appliance")
        type_into(page.sku_id, "ubuntu-standard")
        type_into(page.sku_title, "Ubuntu standard")
        page.summary.setPlainText("Hardened web server appliance, ready in minutes.")
        type_into(page.os_name, "Ubuntu Server 22.04 LTS")
        type_into(page.version, "1.0.0")
        for name in ("Standard_D1_v2", "Standard_D2_v2", "Standard_D3_v2"):
            type_into(page.size_filter, name)
            item = next(page.size_list.item(i) for i in range(page.size_list.count())
                        if page.size_list.item(i).data(Qt.ItemDataRole.UserRole) == name)
            item.setCheckState(Qt.CheckState.Checked)
        page.size_filter.clear()
        qtbot.mouseClick(page.btn_add_disk, Qt.MouseButton.LeftButton)
        sku = self.window.document.project.skus[0]
        assert [d.role for d in sku.disks] == ["os", "data"]
        assert sku.vm_sizes
        assert self.next_enabled(), [page.problem_list.item(i).text() for i in range(page.problem_list.count())]
        self.shoot("offer")

    def storage(self, azurite) -> None:
        """The storage account is connected once (SAS step); the upload and the report use it."""
        qtbot, page = self.qtbot, self.page(Step.SAS)
        page.mode.setCurrentIndex(page.mode.findData("account-key"))
        type_into(page.account, "devstoreaccount1")
        type_into(page.endpoint, azurite.endpoint)
        page.secret.setText(AZURITE_KEY)
        qtbot.mouseClick(page.btn_connect, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: page.btn_connect.isEnabled() and page.access is not None, timeout=LONG)

    def vhds(self, os_vhd: Path, data_vhd: Path, container: str) -> None:
        qtbot, page = self.qtbot, self.page(Step.VHD)
        sku = self.window.document.project.skus[0]
        page.set_disk_file(sku.disks[0], str(os_vhd))
        page.set_disk_file(sku.disks[1], str(data_vhd))
        qtbot.mouseClick(page.btn_check_all, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: page.task is None and not page.queue, timeout=LONG)
        assert [d.vhd_check.verdict for d in sku.disks] == ["pass", "pass"], page.status.text()
        self.monkeypatch.setattr(wizard.mnemonics, "ask_text", lambda *a, **k: (container, True))
        for row in range(2):
            page.disks.selectRow(row)
            qtbot.mouseClick(page.btn_upload, Qt.MouseButton.LeftButton)
            qtbot.waitUntil(lambda: page.task is None, timeout=LONG)
        assert all(d.blob_url.endswith(f"/{container}/{Path(d.vhd_path).name}") for d in sku.disks), page.status.text()
        assert step_states(self.window.document.project)[Step.VHD] is StepState.DONE
        self.shoot("vhd")

    def connection(self, sshd, good) -> None:
        qtbot, page = self.qtbot, self.page(Step.CONNECTION)
        type_into(page.host, "127.0.0.1")
        page.port.setValue(sshd.port)
        type_into(page.user, good.user)
        type_into(page.password, good.password)
        page.password.editingFinished.emit()
        asked = []
        self.monkeypatch.setattr(page, "ask_trust", lambda error: asked.append(error.fingerprint) or True)
        qtbot.mouseClick(page.btn_test, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: page.task is None and page.btn_test.isEnabled() and bool(page.test_result.text()),
                        timeout=LONG)
        assert asked == [sshd.host_key_fingerprint()], page.test_result.text()
        self.shoot("connection")

    def test_run(self) -> None:
        qtbot, page = self.qtbot, self.page(Step.TEST_RUN)
        qtbot.mouseClick(page.btn_run, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: page.task is None, timeout=LONG)
        run = self.window.document.project.test_runs[-1]
        assert len(run.results) == 23
        assert not [r.id for r in run.results if r.result in ("Failed", "Error")]
        assert run.system["KernelFullVersion"]
        self.shoot("test-run")

    def questionnaire(self, container_client) -> None:
        qtbot, page = self.qtbot, self.page(Step.QUESTIONNAIRE)
        assert page.widgets["history-cleared"].yes.isChecked()  # prefilled from bash-history
        for question in load_questionnaire().for_platform("linux"):
            widget = page.widgets[question.id]
            page.tabs.setCurrentIndex(0 if question.tab == "general" else 1)
            if question.kind == "bool":
                qtbot.mouseClick(widget.yes, Qt.MouseButton.LeftButton)  # also confirms prefilled ones
            elif question.kind == "choice":
                widget.combo.setCurrentIndex(widget.combo.findData("distribution-stock"))
            elif widget.answer is not None and widget.answer.prefilled:
                qtbot.mouseClick(widget.btn_confirm, Qt.MouseButton.LeftButton)
            else:
                type_into(widget.line, "none")
        page.tabs.setCurrentIndex(0)
        self.shoot("questionnaire")
        page.tabs.setCurrentIndex(page.tabs.count() - 2)
        type_into(page.ssh_access, "azureuser on port 22; the key is handed over separately", replace=False)
        assert self.next_enabled()
        self.shoot("additional-info")
        page.tabs.setCurrentIndex(page.tabs.count() - 1)
        qtbot.mouseClick(page.btn_store_report, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: page.task is None, timeout=LONG)
        report = self.window.document.project.skus[0].report
        assert report is not None, page.report_status.text()
        assert report.blob_url, page.report_status.text()
        assert container_client.get_blob_client(report.file_name).get_blob_properties().size > 0
        self.shoot("report")

    def sas(self) -> None:
        qtbot, page = self.qtbot, self.page(Step.SAS)
        qtbot.mouseClick(page.btn_generate_all, Qt.MouseButton.LeftButton)
        sku = self.window.document.project.skus[0]
        qtbot.waitUntil(lambda: all(d.sas is not None for d in sku.disks), timeout=LONG)
        for row in range(2):
            page.disks.selectRow(row)
            qtbot.mouseClick(page.btn_verify, Qt.MouseButton.LeftButton)
            qtbot.waitUntil(lambda row=row: sku.disks[row].sas.verdict != "", timeout=LONG)
        assert [d.sas.verdict for d in sku.disks] == ["pass", "pass"] or all(
            d.sas.verdict in ("pass", "warning") for d in sku.disks), page.details.text()
        self.shoot("sas")

    def export(self, folder: Path) -> dict[str, bytes]:
        qtbot, page = self.qtbot, self.page(Step.EXPORT)
        qtbot.waitUntil(lambda: page.task is None, timeout=LONG)
        items = page.exports[0].items
        assert all(i.ok for i in items), [i.text for i in items if not i.ok]
        assert page.checklist.rowCount() == len(items)
        assert page.checklist.item(0, 0).text() == "✓"
        # On screen the signature is masked; Copy gives the real URI.
        os_row = next(r for r in range(page.form_table.rowCount()) if page.form_table.item(r, 0).text() == "OS VHD URL")
        assert "sig=••••••" in page.form_table.item(os_row, 1).text()
        qtbot.mouseClick(page.form_table.cellWidget(os_row, 2), Qt.MouseButton.LeftButton)
        from PySide6.QtGui import QGuiApplication

        copied = QGuiApplication.clipboard().text()
        assert "sig=" in copied
        assert "••" not in copied
        assert "sp=rl" in copied
        self.shoot("export")
        folder.mkdir(parents=True, exist_ok=True)
        out = {}
        offered = [page.format_combo.itemData(i) for i in range(page.format_combo.count())]
        # The 2015 profile's project: its own form, never Partner Center's JSON (and the other way round).
        assert not [f for f in offered if f.startswith("partner-center")] and set(offered) < set(FORMATS), offered
        for fmt in offered:
            target = folder / f"form{SUFFIXES[fmt]}"
            self.monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, t=target, **k: (str(t), "")))
            page.format_combo.setCurrentIndex(page.format_combo.findData(fmt))
            qtbot.mouseClick(page.btn_export, Qt.MouseButton.LeftButton)
            out[fmt] = target.read_bytes()
        assert b"MISSING" not in b"".join(out.values())
        assert copied.encode() in out["portal-csv"]
        return out


def walk_first_submission(qtbot, new_window, monkeypatch, tmp_path, azurite, sshd, roots, make_vhd, lang=None):
    from wizard.document import ProjectDocument

    container = f"e2e{lang or 'en'}vhds"
    container_client = azurite.service().create_container(container)
    window = new_window(ProjectDocument())
    window.resize(1280, 800)
    window.show()
    walk = Walk(qtbot, window, monkeypatch, tmp_path, lang)
    walk.offer()
    walk.storage(azurite)
    walk.vhds(make_vhd("30G", name="os-disk.vhd"), make_vhd("1G", name="data-disk.vhd"), container)
    walk.connection(sshd, roots[0])
    walk.test_run()
    walk.questionnaire(container_client)
    walk.sas()
    exported = walk.export(tmp_path / "export-1")
    return window, walk, exported


def test_first_submission_end_to_end_then_reopen_and_export_identically(qtbot, new_window, monkeypatch, tmp_path, azurite,
                                                                      sshd, roots, make_vhd):
    window, walk, exported = walk_first_submission(qtbot, new_window, monkeypatch, tmp_path, azurite, sshd, roots, make_vhd)
    states = step_states(window.document.project)
    assert all(state is StepState.DONE for state in states.values()), states
    path = tmp_path / "first-submission.mpwiz"
    window.document.save(path)
    text = path.read_text(encoding="utf-8")
    assert roots[0].password not in text
    assert AZURITE_KEY not in text
    assert "sig=" not in text
    window.close()

    again = new_window()
    again.show()
    again.open_path(path, ask=False)
    states = step_states(again.document.project)
    assert all(state is StepState.DONE for state in states.values()), states
    marks = [again.steps.item(i).data(Qt.ItemDataRole.UserRole) for i in range(again.steps.count())]
    assert marks == ["done"] * len(Step), marks
    words = [again.steps.item(i).toolTip() for i in range(again.steps.count())]
    assert words == [f"done (Ctrl+{int(step) + 1})" for step in Step], words
    second = Walk(qtbot, again, monkeypatch, tmp_path).export(tmp_path / "export-2")
    assert second == exported


def test_first_submission_in_japanese_with_a_picture_of_every_page(qtbot, new_window, monkeypatch, tmp_path, azurite,
                                                                   sshd, roots, make_vhd):
    from wizard.i18n import install_translators

    install_translators("ja")
    try:
        window, walk, exported = walk_first_submission(qtbot, new_window, monkeypatch, tmp_path, azurite, sshd, roots,
                                                       make_vhd, lang="ja")
        assert window.wizard.button(window.wizard.WizardButton.BackButton).text() != "< Back"  # Qt's own, translated
        assert window.pages[Step.QUESTIONNAIRE].tabs.tabText(0) == "一般評価"
        export_page = window.pages[Step.EXPORT]
        assert export_page.checklist.item(1, 1).text() == "OS ディスク: VHD チェックに合格しました"
        assert export_page.checklist.item(2, 1).text() == "データ ディスク LUN 0: VHD チェックに合格しました"
        assert export_page.form_table.item(6, 0).text() == "OS ファミリ"
    finally:
        install_translators("en")
    assert len(walk.shots) == 9
    for shot in walk.shots:
        assert shot.stat().st_size > 10_000, shot
