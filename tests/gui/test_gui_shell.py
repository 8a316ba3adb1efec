"""The main window: eight steps, navigation, jumping, save/reopen, prompts, recovery, languages."""

from __future__ import annotations

import logging
import os
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QThread
from PySide6.QtWidgets import QApplication, QMessageBox, QWizard

import wizard.mnemonics
from wizard.core.logs import log_file, setup_logging
from wizard.core.model import Project, Sku
from wizard.core.progress import Cancelled, ProgressUpdate
from wizard.core.projectio import load_project, save_project
from wizard.core.steps import Step
from wizard.document import ProjectDocument
from wizard.mainwindow import MainWindow
from wizard.tasks import run_task

ROOT = Path(__file__).resolve().parents[2]
DEMO = ROOT / "resources/examples/demo.mpwiz"


@pytest.fixture
def window(new_window):
    win = new_window()
    win.show()
    return win


def answer_next_question(monkeypatch, button):
    import wizard.mainwindow

    monkeypatch.setattr(wizard.mnemonics, "ask", lambda *a, **k: button)
    monkeypatch.setattr(wizard.mainwindow, "unsaved_changes_question", lambda *a, **k: button)


def test_eight_steps_in_order(window):
    assert window.wizard.pageIds() == list(range(len(Step))) == list(range(8))
    assert window.steps.count() == 8
    assert [p.step for p in window.pages] == list(Step)
    assert window.wizard.currentId() == 0


def test_demo_opens_and_every_page_is_reachable_with_next(window, qtbot):
    assert window.open_path(DEMO, ask=False)
    assert "demo" in window.windowTitle()
    for expected in range(1, len(Step)):
        window.wizard.next()
        assert window.wizard.currentId() == expected
        assert window.steps.currentRow() == expected
    assert window.wizard.button(QWizard.WizardButton.FinishButton).isVisible()


def test_step_list_jumps_even_past_incomplete_pages(window):
    # A new project's offer page is incomplete, so Next is blocked ...
    assert not window.wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    window.steps.setCurrentRow(Step.SAS)
    assert window.wizard.currentId() == Step.SAS
    window.steps.setCurrentRow(Step.VHD)
    assert window.wizard.currentId() == Step.VHD
    window.steps.setCurrentRow(Step.OFFER)
    assert window.wizard.currentId() == Step.OFFER


def test_step_states_shown_in_words(window):
    window.open_path(DEMO, ask=False)
    assert window.steps.item(Step.OFFER).toolTip() == "done (Ctrl+1)"
    assert window.steps.item(Step.VHD).toolTip() == "not started (Ctrl+2)"


def test_step_marks_are_worked_out_once_per_project_change_not_per_switch(window):
    """The status evaluator behind the step list runs when the project changes, not on every step switch
    (it stats the disks' files): switching round the steps twice leaves the marks as they were computed."""
    from wizard.core.model import VhdCheckRecord

    window.open_path(DEMO, ask=False)
    before = window.status_evaluations
    for _ in range(2):
        for step in Step:
            window.steps.setCurrentRow(int(step))
            assert window.wizard.currentId() == step
    assert window.status_evaluations == before
    assert window.steps.item(Step.VHD).toolTip().startswith("not started")
    # An edit is a change: the marks follow it at once.
    disk = window.document.project.skus[0].disks[0]
    disk.vhd_check = VhdCheckRecord(target="os.vhd", verdict="fail")
    window.document.mark_changed()
    assert window.status_evaluations == before + 1
    assert window.steps.item(Step.VHD).toolTip().startswith("failed or out of date")
    window.steps.setCurrentRow(Step.VHD)
    assert window.status_evaluations == before + 1


def test_a_far_jump_back_fills_the_page_it_lands_on(window):
    """From the last step to the first is one restart, not seven Back steps: the first page is still
    filled from the project, and Next follows its own state."""
    window.open_path(DEMO, ask=False)
    window.steps.setCurrentRow(Step.NEXT)
    window.document.project.offer.offer_name = "Renamed while away"
    window.steps.setCurrentRow(Step.OFFER)
    assert window.wizard.currentId() == Step.OFFER
    assert window.pages[Step.OFFER].offer_name.text() == "Renamed while away"
    assert window.wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    window.document.project.offer.offer_id = ""
    window.steps.setCurrentRow(Step.EXPORT)
    window.steps.setCurrentRow(Step.OFFER)
    assert not window.wizard.button(QWizard.WizardButton.NextButton).isEnabled()  # no offer ID: Next waits


def test_edit_marks_dirty_and_save_reopen_is_identical(window, tmp_path, new_window):
    window.open_path(DEMO, ask=False)
    page = window.pages[Step.OFFER]
    page.offer_name.setText("Contoso Web Appliance 2")
    assert window.document.dirty
    assert window.isWindowModified()
    target = tmp_path / "saved.mpwiz"
    assert window._save_to(target)
    assert not window.isWindowModified()
    reopened = new_window()
    reopened.open_path(target, ask=False)
    assert reopened.document.project == window.document.project
    assert reopened.pages[Step.OFFER].offer_name.text() == "Contoso Web Appliance 2"


def test_opening_the_most_recent_project_again_writes_no_settings(window):
    """The recent-files list is written only when it changes: QSettings rewrites and syncs its whole file."""
    window.open_path(DEMO, ask=False)
    window.settings.sync()
    conf = Path(window.settings.fileName())
    before = conf.stat().st_mtime_ns, conf.read_bytes()
    window.open_path(DEMO, ask=False)  # already first in the list
    window.settings.sync()
    assert (conf.stat().st_mtime_ns, conf.read_bytes()) == before
    assert window.recent_files()[0] == str(DEMO)


def test_unsaved_changes_prompt_can_cancel_new(window, monkeypatch):
    window.open_path(DEMO, ask=False)
    window.pages[Step.OFFER].offer_id.setText("changed")
    answer_next_question(monkeypatch, QMessageBox.StandardButton.Cancel)
    window.new_project()
    assert window.document.project.offer.offer_id == "changed"
    answer_next_question(monkeypatch, QMessageBox.StandardButton.Discard)
    window.new_project()
    assert window.document.project.offer.offer_id == ""
    assert not window.document.dirty


def test_open_bad_file_shows_message_and_keeps_current_project(window, tmp_path, monkeypatch):
    shown = []
    monkeypatch.setattr(wizard.mnemonics, "critical", lambda parent, title, text: shown.append(text))
    bad = tmp_path / "bad.mpwiz"
    bad.write_text("{ not json")
    window.open_path(DEMO, ask=False)
    assert not window.open_path(bad, ask=False)
    assert "line 1" in shown[0]
    assert window.document.project.offer.offer_id == "web-appliance"


def test_autosave_writes_recovery_and_restore_offers_it(window, new_window, monkeypatch, tmp_path):
    window.open_path(DEMO, ask=False)
    window.pages[Step.OFFER].offer_name.setText("Unsaved edit")
    window.write_recovery()
    assert len(window.recovery.entries()) == 1
    fresh = new_window()
    answer_next_question(monkeypatch, QMessageBox.StandardButton.Yes)
    fresh.offer_recovery()
    assert fresh.document.project.offer.offer_name == "Unsaved edit"
    assert fresh.document.dirty
    assert fresh.document.path == DEMO.resolve()
    # Saving clears the recovery copy.
    fresh._save_to(tmp_path / "restored.mpwiz")
    assert fresh.recovery.entries() == []


def test_japanese_translation_covers_qt_and_app_strings(qtbot):
    from wizard.i18n import install_translators

    loaded = install_translators("ja")
    try:
        assert loaded == ["qtbase_ja", "mpwizard_ja"]
        win = MainWindow(ProjectDocument())
        qtbot.addWidget(win)
        assert win.pages[Step.OFFER].title() == "オファーと SKU"
        assert "次へ" in win.wizard.buttonText(QWizard.WizardButton.NextButton)
        assert win.menuBar().actions()[0].text().startswith("ファイル")
    finally:
        install_translators("en")


def test_language_switch_rebuilds_window_with_same_project(qtbot):
    from wizard.app import create_window, switch_language

    QApplication.instance().window = None
    doc = ProjectDocument(load_project(DEMO).project)
    win = create_window(doc)
    qtbot.addWidget(win)
    win.show()
    win.wizard.jump_to(Step.CONNECTION)
    switch_language(win, "ja")
    new = QApplication.instance().window
    qtbot.addWidget(new)
    try:
        assert new is not win
        assert new.document is doc
        assert new.wizard.currentId() == Step.CONNECTION
        assert new.pages[Step.OFFER].title() == "オファーと SKU"
    finally:
        switch_language(new, "en")
        qtbot.addWidget(QApplication.instance().window)


# -- background helper --------------------------------------------------------
def test_run_task_delivers_result_and_progress_on_gui_thread(qtbot):
    seen = {}
    gui = QThread.currentThread()

    def work(progress, cancel):
        seen["worker"] = threading.current_thread().name
        progress(ProgressUpdate(1, 2, "half"))
        return 42

    def on_progress(update):
        seen["progress_thread"] = QThread.currentThread() is gui
        seen["progress"] = update

    def on_result(value):
        seen["result_thread"] = QThread.currentThread() is gui
        seen["result"] = value

    handle = run_task(work, on_result=on_result, on_error=lambda e: seen.setdefault("error", e), on_progress=on_progress)
    qtbot.waitUntil(lambda: not handle.running, timeout=20_000)
    assert seen["result"] == 42
    assert seen["result_thread"]
    assert seen["progress_thread"]
    assert seen["progress"].message == "half"
    assert "error" not in seen
    assert seen["worker"] != threading.main_thread().name


def test_run_task_delivers_error_once_and_cancel_as_error(qtbot):
    outcomes = []

    def boom(progress, cancel):
        raise ValueError("bad input")

    h1 = run_task(boom, on_result=outcomes.append, on_error=outcomes.append)
    qtbot.waitUntil(lambda: not h1.running, timeout=20_000)
    assert len(outcomes) == 1
    assert isinstance(outcomes[0], ValueError)

    started = threading.Event()

    def slow(progress, cancel):
        started.set()
        while True:
            cancel.raise_if_cancelled()
            cancel.wait(0.01)

    h2 = run_task(slow, on_result=outcomes.append, on_error=outcomes.append)
    assert started.wait(5)
    h2.cancel()
    qtbot.waitUntil(lambda: not h2.running, timeout=20_000)
    assert len(outcomes) == 2
    assert isinstance(outcomes[1], Cancelled)


# -- logging and crashes --------------------------------------------------------
def test_excepthook_logs_redacted_details_and_shows_dialog(qtbot, monkeypatch):
    from wizard.app import install_excepthook
    from wizard.core.logs import register_secret

    path = setup_logging()
    register_secret("hunter2-password")
    shown = []
    monkeypatch.setattr(QMessageBox, "exec", lambda self: shown.append((self.text(), self.detailedText())))
    monkeypatch.delenv("MPWIZARD_NO_CRASH_DIALOG", raising=False)
    import sys

    old = sys.excepthook
    install_excepthook(path)
    try:
        try:
            raise RuntimeError("failed with hunter2-password and https://a.blob.core.windows.net/c/x.vhd?sv=1&sig=SECRETSIG")
        except RuntimeError as exc:
            sys.excepthook(type(exc), exc, exc.__traceback__)
    finally:
        sys.excepthook = old
    for handler in logging.getLogger().handlers:
        handler.flush()
    text, details = shown[0]
    assert str(path) in text
    assert "RuntimeError" in details
    log_text = log_file().read_text(encoding="utf-8")
    assert "RuntimeError" in log_text
    for secret in ("hunter2-password", "SECRETSIG"):
        assert secret not in log_text
        assert secret not in details
        assert secret not in text


def test_secrets_never_reach_saved_project_or_log(window, tmp_path, qtbot):
    setup_logging()
    window.open_path(DEMO, ask=False)
    window.wizard.jump_to(Step.CONNECTION)
    page = window.pages[Step.CONNECTION]
    page.password.setText("Pa55-never-in-files")
    page.password.editingFinished.emit()
    qtbot.waitUntil(lambda: bool(page.secret_status.text()), timeout=10_000)
    target = tmp_path / "with-secret.mpwiz"
    window._save_to(target)
    logging.getLogger("wizard").info("connection password is Pa55-never-in-files")
    for handler in logging.getLogger().handlers:
        handler.flush()
    assert "Pa55-never-in-files" not in target.read_text(encoding="utf-8")
    assert "Pa55-never-in-files" not in log_file().read_text(encoding="utf-8")


def test_save_failure_leaves_file_and_tells_user(window, tmp_path, monkeypatch):
    import os

    shown = []
    monkeypatch.setattr(wizard.mnemonics, "critical", lambda parent, title, text: shown.append(text))
    target = tmp_path / "p.mpwiz"
    save_project(Project(name="original", skus=[Sku()]), target)
    before = target.read_bytes()
    # A folder where the temporary file must go makes the write fail, even for root.
    (tmp_path / f".p.mpwiz.{os.getpid()}.tmp").mkdir()
    assert not window._save_to(target)
    assert target.read_bytes() == before
    assert "previous file is unchanged" in shown[0]


def test_file_open_event_opens_the_project(window, qapp):
    """What macOS sends to the application when a .mpwiz file is double-clicked in Finder."""
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtGui import QFileOpenEvent

    previous = qapp.window
    qapp.window = window
    try:
        QCoreApplication.sendEvent(qapp, QFileOpenEvent(str(DEMO)))
    finally:
        qapp.window = previous
    assert window.document.path == DEMO.resolve()
    assert window.document.project.offer.offer_id == "web-appliance"


def test_file_open_event_before_the_window_is_kept_for_it(qapp, tmp_path):
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtGui import QFileOpenEvent

    previous, qapp.window = qapp.window, None
    try:
        QCoreApplication.sendEvent(qapp, QFileOpenEvent(str(tmp_path / "later.mpwiz")))
        assert qapp.pending_files[-1] == tmp_path / "later.mpwiz"
    finally:
        qapp.pending_files.clear()
        qapp.window = previous


def test_about_box_names_version_and_licences(window, monkeypatch):
    shown = []
    monkeypatch.setattr(wizard.mnemonics, "about", lambda parent, title, text: shown.append(text))
    window.show_about()
    from wizard import __version__

    assert __version__ in shown[0]
    assert "LGPLv3" in shown[0]
    assert "paramiko" in shown[0]


def test_deferred_pages_come_right_after_the_first_paint(qtbot):
    """The app shows the first page before building the other six (bench_startup); nothing may notice."""
    window = MainWindow(ProjectDocument(), defer_until_painted=True)
    try:
        assert len(window.pages) == 1
        assert window.wizard.pageIds() == [0]
        assert window.file_menu.title()
        assert window.file_menu.actions() == []  # titles now, actions later
        next_button = window.wizard.button(QWizard.WizardButton.NextButton)
        painted = []
        window.firstPainted.connect(lambda: painted.append(True))
        window.show()
        assert next_button.isVisible()  # Next, not Finish, although page 2 is not built yet
        qtbot.waitUntil(lambda: len(window.pages) == len(Step), timeout=20_000)
        assert painted == [True]
        assert window.wizard.pageIds() == list(range(len(Step)))
        assert [p.step for p in window.pages] == list(Step)
        qtbot.waitUntil(lambda: bool(window.file_menu.actions()), timeout=20_000)
        assert not window.act_save.shortcut().isEmpty()
        assert window.pages[0].urls.textInteractionFlags() & Qt.TextInteractionFlag.TextSelectableByMouse
    finally:
        window.document.dirty = False
        window.close()
        window.deleteLater()


def test_first_paint_comes_before_qt_namespace_enums():
    """Nothing before the first paint touches QtCore.Qt (wizard/qt_values.py): checked in a fresh
    process, where PySide creates the namespace's enums only when something first reaches it."""
    import subprocess
    import sys

    probe = (
        "import PySide6.QtCore as C\n"
        "print('lazy-types', 'Qt' not in C.__dict__, flush=True)\n"
        "import sys, wizard.app as A\n"
        "seen = []\n"
        "class Spy(A.FirstPaintReporter):\n"
        "    def eventFilter(self, w, e):\n"
        "        if e.type() == A.QEvent.Type.Paint and not seen:\n"
        "            seen.append(1)\n"
        "            import PySide6.QtCore as C\n"
        "            print('qt-created-before-paint', 'Qt' in C.__dict__, flush=True)\n"
        "        return super().eventFilter(w, e)\n"
        "A.FirstPaintReporter = Spy\n"
        "sys.argv = ['mpwizard', '--demo']\n"
        "from wizard.cli import main\n"
        "main()\n"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "MPWIZARD_BENCH_EXIT_ON_SHOW": "1"}
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, env=env, timeout=60).stdout
    if "lazy-types False" in out:
        pytest.skip("this PySide creates its types at import: nothing for start-up to save")
    assert "qt-created-before-paint False" in out, out


def test_the_size_list_follows_the_imported_catalogue_once_its_real_place_is_known(qtbot, tmp_path, monkeypatch):
    """The first page lists the sizes from where the last session found the imported catalogue; after the
    first paint the real place is worked out, remembered, and the list follows when it differs."""
    import json

    from PySide6.QtCore import QSettings

    from wizard.core import vmsizes
    from wizard.pages.offer_page import IMPORTED_CATALOGUE_KEY

    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    real = vmsizes.imported_path()
    real.parent.mkdir(parents=True)
    bundled = json.loads(vmsizes.resource_path(vmsizes.CATALOGUE_FILE).read_text(encoding="utf-8"))
    real.write_text(json.dumps(bundled | {"sizes": bundled["sizes"][:3]}), encoding="utf-8")
    QSettings().setValue(IMPORTED_CATALOGUE_KEY, str(tmp_path / "moved" / "vmsizes.json"))  # an older place
    vmsizes.reload()
    window = MainWindow(ProjectDocument(), defer_until_painted=True)
    try:
        sizes = window.pages[0].size_list
        assert sizes.count() == len(bundled["sizes"])  # before the paint: the remembered place holds nothing
        window.show()
        qtbot.waitUntil(lambda: sizes.count() == 3, timeout=20_000)
        assert [sizes.item(i).data(Qt.ItemDataRole.UserRole) for i in range(3)] == [s["name"] for s in bundled["sizes"][:3]]
        assert QSettings().value(IMPORTED_CATALOGUE_KEY) == str(real)
    finally:
        window.document.dirty = False
        window.close()
        window.deleteLater()
        QSettings().remove(IMPORTED_CATALOGUE_KEY)
        vmsizes.assume_imported_path(None)
        monkeypatch.undo()
        vmsizes.reload()


def test_a_second_start_works_nothing_out_with_platformdirs_before_the_first_paint(tmp_path):
    """platformdirs (~2% of start-up) is imported after the first paint once a session has remembered the
    imported size catalogue's place: checked in fresh processes sharing one home."""
    import subprocess
    import sys

    probe = (
        "import sys, wizard.app as A\n"
        "class Spy(A.FirstPaintReporter):\n"
        "    def eventFilter(self, w, e):\n"
        "        if e.type() == A.QEvent.Type.Paint:\n"
        "            print('platformdirs-before-paint', 'platformdirs' in sys.modules, flush=True)\n"
        "        return super().eventFilter(w, e)\n"
        "A.FirstPaintReporter = Spy\n"
        "sys.argv = ['mpwizard', '--demo']\n"
        "from wizard.cli import main\n"
        "main()\n"
    )
    home = tmp_path / "home"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "MPWIZARD_BENCH_EXIT_ON_SHOW": "1", "HOME": str(home),
           "XDG_CONFIG_HOME": str(home / ".config"), "XDG_DATA_HOME": str(home / ".local/share")}
    runs = [subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, env=env, timeout=60).stdout
            for _ in range(2)]
    assert "platformdirs-before-paint True" in runs[0], runs[0]  # the first start works the place out
    assert "platformdirs-before-paint False" in runs[1], runs[1]


def test_navigating_before_the_deferred_pages_exist_builds_them(qtbot):
    window = MainWindow(ProjectDocument(), defer_until_painted=True)
    try:
        window.wizard.jump_to(int(Step.SAS))  # before any paint: the wizard builds what it needs
        assert window.wizard.currentId() == int(Step.SAS)
        assert len(window.pages) == len(Step)
        window.build_remaining_pages()  # the queued call after the paint is then a no-op
        assert len(window.pages) == len(Step)
    finally:
        window.document.dirty = False
        window.close()
        window.deleteLater()


def test_a_damaged_file_is_explained_in_japanese_with_what_to_do(window, tmp_path, monkeypatch):
    """The loader's reason in the UI language, where it went wrong, the .bak to try, and the detail."""
    from wizard.i18n import install_translators

    shown = []
    monkeypatch.setattr(wizard.mnemonics, "critical", lambda parent, title, text: shown.append((title, text)))
    bad = tmp_path / "broken.mpwiz"
    bad.write_text("{")
    install_translators("ja")
    try:
        window.open_path(DEMO, ask=False)
        assert not window.open_path(bad, ask=False)
    finally:
        install_translators("en")
    title, text = shown[0]
    assert title != "Cannot open project"
    assert "broken.mpwiz.bak" in text and "1" in text
    first_paragraph = text.split("\n\n")[0]
    assert str(bad) in first_paragraph and not first_paragraph.isascii(), first_paragraph
    assert "JSON error at line 1" in text.split("\n\n")[-1]  # the loader's own words, for support
    assert bad.read_text() == "{"
    assert window.document.project.offer.offer_id == "web-appliance"
