"""Step 4: run the certification test cases on the test VM and review each result."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
)

from ..core.model import CheckRecord, TestRunRecord
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


def profile_title(profile_id: str) -> str:
    from ..core.profiles import ProfileError, load_profile

    try:
        return load_profile(profile_id).display_title(current_language())
    except (ProfileError, OSError, ValueError):
        return profile_id


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
        self.runs = QComboBox()
        self.runs.setAccessibleName(self.tr("Earlier runs"))
        self.btn_run = QPushButton(self.tr("&Run all checks"))
        self.btn_rerun = QPushButton(self.tr("Re-run &selected"))
        self.btn_cancel = QPushButton(self.tr("Cancel"))
        self.btn_cancel.setEnabled(False)
        self.progress = QProgressBar()
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
        layout = QVBoxLayout(self)
        layout.addWidget(self.image_under_test)
        layout.addWidget(self.banner)
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
        runs = self.project.test_runs
        self.runs.blockSignals(True)
        self.runs.clear()
        for run in reversed(runs):
            self.runs.addItem(self.tr("{0} — {1} ({2})").format(local_time(run.started_at), run.host,
                                                                 profile_title(run.profile_id)))
        self.runs.blockSignals(False)
        self.runs.setCurrentIndex(0 if runs else -1)
        self._show_run()

    def shown_run(self) -> TestRunRecord | None:
        runs = self.project.test_runs
        index = self.runs.currentIndex()
        return runs[len(runs) - 1 - index] if 0 <= index < len(runs) else None

    def _show_run(self) -> None:
        run = self.shown_run()
        self.results.set_rows(run.results if run else [])
        self._banner(run)

    def _banner(self, run: TestRunRecord | None) -> None:
        if run is None:
            text, colour = self.tr("No run yet: test the connection, then run all checks."), "neutral"
        else:
            # The verdict is the status evaluator's (core.status.run_item): the same as the step list and Export.
            from ..core.operations import run_status
            from ..core.status import R_RUN_OK, Mark
            from ..i18n import translate_template

            item = run_status(self.project, run)
            failed = sum(r.result in BLOCKING for r in run.results)
            warnings = sum(r.result == WARNING for r in run.results)
            said = translate_template(item.template, item.args)
            if item.mark is Mark.FAIL:
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

