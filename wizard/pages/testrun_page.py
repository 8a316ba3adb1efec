"""Step 4: run the certification test cases on the test VM and review each result."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ..core.model import CheckRecord, PreflightRecord, TestRunRecord
from ..core.steps import Step
from ..core.verdicts import BLOCKING, WARNING
from ..i18n import current_language, local_time
from ..style import set_banner
from .base import StepPage
from .parts.results_pane import ResultsPane
from .results_table import ProblemsFilter, readable_evidence  # noqa: F401 - imported from here too

if TYPE_CHECKING:
    from ..core.operations import CertificationRun
    from ..core.progress import CancelToken, ProgressUpdate
    from ..document import ProjectDocument
    from .testvm_dialog import TestVmDialog


def profile_title(profile_id: str) -> str:
    from ..core.profiles import ProfileError, load_profile

    try:
        return load_profile(profile_id).display_title(current_language())
    except (ProfileError, OSError, ValueError):
        return profile_id


def home_short(path: str) -> str:
    """`path` with the home folder written "~" when it is under it (a banner reads shorter, and names no user)."""
    import os
    from pathlib import Path

    home = str(Path.home())
    if home not in ("", os.sep) and (path == home or path.startswith(home.rstrip(os.sep) + os.sep)):
        return "~" + path[len(home.rstrip(os.sep)):]
    return path


class TestRunPage(StepPage):
    step = Step.TEST_RUN

    def __init__(self, document: ProjectDocument) -> None:
        super().__init__(document)
        self.setTitle(self.tr("Certification test run"))
        self.setSubTitle(self.tr("Run the certification test cases against the test VM and review each result."))
        self.task = None
        self.known_hosts = None  # the app's known_hosts; tests point it elsewhere
        self.run_timeout: float | None = None  # seconds the probe may take (None: the operation's default)
        self.banner = QLabel()
        self.banner.setObjectName("runBanner")
        self.banner.setWordWrap(True)
        self.image_under_test = QLabel()  # which image the run tests (one test VM per image type)
        self.image_under_test.setWordWrap(True)
        self.image_under_test.hide()
        self.offline: list[PreflightRecord] = []  # the pre-flights listed after the runs (PreflightRecord)
        self.runs = QComboBox()
        self.runs.setAccessibleName(self.tr("Earlier runs"))
        # As wide as the page allows, not as its longest entry: the row must fit 1024 pixels.
        self.runs.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.runs.setMinimumContentsLength(24)
        self.btn_run = QPushButton(self.tr("&Run all checks"))
        self.btn_rerun = QPushButton(self.tr("Re-run &selected"))
        self.btn_cancel = QPushButton(self.tr("Cancel"))
        self.btn_cancel.setEnabled(False)
        self.progress = QProgressBar()
        self.show_only_while_running(self.progress)
        self.problems_only = QCheckBox(self.tr("&Problems only"))
        top = QHBoxLayout()
        for w in (self.btn_run, self.btn_rerun, self.btn_cancel):
            top.addWidget(w)
        top.addWidget(self.progress, 1)
        second = QHBoxLayout()
        second.addWidget(QLabel(self.tr("Results of the run:")))  # a list of earlier runs, not a command
        second.addWidget(self.runs, 1)
        second.addWidget(self.problems_only)

        self.results = ResultsPane(self.tr("Test results"), self.tr("Result details"))
        # The pane's parts under the names the page always gave them.
        self.model, self.proxy, self.table = self.results.model, self.results.proxy, self.results.table
        self.details, self.btn_copy = self.results.details, self.results.btn_copy
        # The way to a test VM, for a first-timer with no run yet: the commands, and the Connection step
        # filled in with what they make (the user azureuser, the key az makes).
        self.forward = QWidget()
        forward = QHBoxLayout(self.forward)
        forward.setContentsMargins(0, 0, 0, 0)
        self.btn_vm_commands = QPushButton(self.tr("&Commands to create the test VM…"))
        self.btn_vm_commands.clicked.connect(self.show_vm_commands)
        self.btn_use_recipe = QPushButton(self.tr("Fill in the Connec&tion step for that VM"))
        self.btn_use_recipe.setToolTip(self.tr("Sets the user and the sign-in the commands make, then opens the "
                                               "Connection step for the VM's address."))
        self.btn_use_recipe.clicked.connect(self.use_recipe)
        forward.addStretch(1)
        forward.addWidget(self.btn_vm_commands)
        forward.addWidget(self.btn_use_recipe)
        layout = QVBoxLayout(self)
        layout.addWidget(self.image_under_test)
        layout.addWidget(self.banner)
        layout.addWidget(self.forward)
        layout.addLayout(top)
        layout.addLayout(second)
        layout.addWidget(self.results, 1)

        self.btn_run.clicked.connect(lambda: self.start_run())
        self.btn_rerun.clicked.connect(self.rerun_selected)
        self.btn_cancel.clicked.connect(self.cancel)
        self.runs.currentIndexChanged.connect(self._show_run)
        self.problems_only.toggled.connect(self.results.set_problems_only)

    # -- display -------------------------------------------------------------
    def load_from_project(self) -> None:
        self._show_image_under_test()
        self._fill_runs()

    def _show_image_under_test(self) -> None:
        from ..core.model import has_image_choices, tested_image
        from ..image_dialog import image_label

        found = tested_image(self.project, self.project.connection.image_under_test)
        shown = has_image_choices(self.project) and found is not None
        if found is not None:
            sku, image_type = found
            image = sku.image(image_type)
            if image is not None:
                self.image_under_test.setText(self.tr("Image under test: {0} (choose another on the Connection step)")
                                              .format(image_label(sku, image)))
        self.image_under_test.setVisible(shown)

    def _fill_runs(self) -> None:
        from ..core.operations import disk_args
        from ..i18n import translate_template

        runs = self.project.test_runs
        self.runs.blockSignals(True)
        self.runs.clear()
        for run in reversed(runs):
            self.runs.addItem(self.tr("{0} — {1} ({2})").format(local_time(run.started_at), run.host,
                                                                 profile_title(run.profile_id)))
        # After the runs: what the offline pre-flight already read from each disk's files, marked as such.
        self.offline = []
        for sku in self.project.skus:
            for disk in sku.disks:
                if disk.preflight is not None and disk.preflight.results:
                    args = disk_args(sku, disk)
                    name = translate_template("{disk}", args)
                    self.offline.append(disk.preflight)
                    self.runs.addItem(self.tr("Offline evidence: {0} of SKU {1}, read from the image's files ({2})")
                                      .format(name, sku.sku_id or "—", local_time(disk.preflight.finished_at)))
        for i in range(self.runs.count()):  # the whole entry where the box cuts it
            self.runs.setItemData(i, self.runs.itemText(i), Qt.ItemDataRole.ToolTipRole)
        self.runs.blockSignals(False)
        self.runs.setCurrentIndex(0 if self.runs.count() else -1)
        self.forward.setVisible(not runs)
        self._show_run()

    def shown_run(self) -> TestRunRecord | None:
        runs = self.project.test_runs
        index = self.runs.currentIndex()
        return runs[len(runs) - 1 - index] if 0 <= index < len(runs) else None

    def shown_offline(self) -> PreflightRecord | None:
        """The pre-flight shown (offline evidence), or None when a run (or nothing) is shown."""
        index = self.runs.currentIndex() - len(self.project.test_runs)
        return self.offline[index] if 0 <= index < len(self.offline) else None

    def _show_run(self) -> None:
        run = self.shown_run()
        offline = self.shown_offline()
        self.results.set_rows(run.results if run else offline.results if offline else [])
        self._banner(run, offline)
        self.btn_rerun.setEnabled(offline is None)

    def _banner(self, run: TestRunRecord | None, offline: PreflightRecord | None = None) -> None:
        from ..core.operations import recipe_login

        if offline is not None:
            failed = sum(r.result in ("Failed", "Error") for r in offline.results)
            text, colour = self.tr("Offline evidence, not a test run: {0} Failed/Error result(s) read from the image's "
                                   "files before upload. The run on the test VM decides; cases that need a running "
                                   "system are judged there.").format(failed), "warning" if failed else "neutral"
        elif run is None:
            from PySide6.QtCore import QCoreApplication

            from ..mnemonics import without_mnemonic

            login = recipe_login(self.project.connection.platform)
            how = (self.tr("user {0}, key {1}").format(login.user, home_short(login.key_file)) if login.auth == "key"
                   else self.tr("user {0}, the ADMIN_PASSWORD you set").format(login.user))
            # The Connection step's button that fills in this sign-in, named as it reads there (its label's context
            # is ConnectionPage: tests/gui check the two agree).
            button = without_mnemonic(QCoreApplication.translate("ConnectionPage", "Use the comman&ds' sign-in"))
            text, colour = self.tr("No run yet. The checks run on a test VM made from your uploaded VHD. Create it with "
                                   "the commands; on the Connection step press “{1}” ({0}) and enter the VM's address; "
                                   "then run all checks.").format(how, button), "neutral"
            pre = len(self.offline)
            if pre:
                text += " " + self.tr("Meanwhile, the offline evidence from the image's files is listed under "
                                      "“Results of the run”.")
        else:
            # The verdict is the status evaluator's (core.status.run_item): the same as the step list and Export.
            from ..core.operations import run_status
            from ..core.status import R_RUN_OK, R_RUN_OLD_UPLOAD, Mark
            from ..i18n import translate_template

            item = run_status(self.project, run)
            failed = sum(r.result in BLOCKING for r in run.results)
            warnings = sum(r.result == WARNING for r in run.results)
            said = translate_template(item.template, item.args)
            if item.template == R_RUN_OLD_UPLOAD:  # its results are about an earlier upload: out of date
                text, colour = f"✗ {said}", "error"
            elif item.mark is Mark.FAIL:
                text, colour = self.tr("✗ {0} failure(s), {1} warning(s): the image is not ready for certification.").format(
                    failed, warnings) + " " + said, "error"
            elif item.mark is not Mark.OK:
                text, colour = f"{item.mark.value} {said}", "warning"
            elif item.template == R_RUN_OK:
                text, colour = self.tr("✓ Ready for certification ({0} warning(s)).").format(warnings), "good"
            else:  # every Failed/Error result has an exception explanation: submitted with an exception request
                text, colour = f"✓ {said}", "good"
        self.banner.setText(text)
        set_banner(self.banner, colour)

    def selected_record(self) -> CheckRecord | None:
        return self.results.selected_record()

    # -- the way to a test VM -------------------------------------------------------
    def show_vm_commands(self) -> TestVmDialog:
        from .testvm_dialog import TestVmDialog

        dialog = TestVmDialog(self, self.project)
        dialog.show()
        self.vm_dialog = dialog
        return dialog

    def use_recipe(self) -> None:
        """The Connection step filled in with the commands' user and sign-in, then shown for the address."""
        from ..core.operations import apply_recipe_login

        apply_recipe_login(self.project.connection)
        self.changed()
        wizard = self.wizard()
        if wizard is not None:
            wizard.jump_to(int(Step.CONNECTION))

    # -- running -------------------------------------------------------------------
    def start_run(self, only: set[str] | None = None) -> None:
        from ..core.operations import KnownHosts, project_profile, record_run, run_certification, session_vm_secrets, windows_base_image

        project = self.project
        c = project.connection
        if not c.host or not c.user:
            self.banner.setText(self.tr("Fill in the Connection step first."))
            return
        profile = project_profile(project)
        known = self.known_hosts or KnownHosts()
        base_image = windows_base_image(project)
        secrets = session_vm_secrets(project)

        def work(progress: Callable[[ProgressUpdate], None], cancel: CancelToken) -> CertificationRun:
            return run_certification(c, secrets, profile, known, base_image=base_image, run_timeout=self.run_timeout,
                                     only=only, progress=progress, cancel=cancel)

        def done(run: CertificationRun) -> None:
            record_run(project, run, profile.id, only)
            self.changed()
            self._fill_runs()
            if run.interrupted:
                from ..core.operations import M_DROPPED
                from ..i18n import CORE_CONTEXT, translate

                self.banner.setText(self.banner.text() + "\n" + translate(CORE_CONTEXT, M_DROPPED).format(
                    reason=run.interrupted))

        def failed(error: BaseException) -> None:
            from ..core.operations import SshFailure, UnknownHostKey

            if isinstance(error, UnknownHostKey):
                self.banner.setText(self.tr("The host key is not trusted yet: use Test connection in the Connection "
                                            "step first, and compare the fingerprint."))
            elif isinstance(error, SshFailure):
                from ..i18n import translate_failure

                self.banner.setText(translate_failure(error))
            else:
                self.banner.setText(self.tr("The run failed: {0}").format(error))

        def on_progress(update: ProgressUpdate) -> None:
            self.progress.setRange(0, update.total or 1)
            self.progress.setValue(update.done)

        if self.run(work, done, failed, cancelled=lambda: self.banner.setText(self.tr("Run cancelled.")),
                    progress=on_progress, busy=(self.btn_run, self.btn_rerun), cancel_button=self.btn_cancel):
            if c.platform == "windows":
                # The probe's sections arrive only at the end; say which part takes long (issue #24).
                self.banner.setText(self.tr("Running on {0}… The Windows Update search comes last and can take "
                                            "minutes; if the run stops, the result says which part was still running.")
                                    .format(c.host))
            else:
                self.banner.setText(self.tr("Running on {0}…").format(c.host))

    def rerun_selected(self) -> None:
        r = self.selected_record()
        if r is not None:
            self.start_run(only={r.id})

