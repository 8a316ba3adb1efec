"""Partner Center, live, in the wizard (issue #30): sign in, compare, send, follow the job, submit.

A panel of the What's next step. Every call to Partner Center and the keyring runs off the GUI thread
(`wizard.tasks.run_task`) on a copy of the project; the window stays usable while a job is followed
(jobs take minutes to hours), and a project reopened with a job still running goes on following it.
The logic is the core's (`core.operations.pc_*`), the same the command line runs."""

from __future__ import annotations

import copy
import html
import os
from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTabWidget,
    QTextBrowser,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..core.steps import Step


def _poll_seconds() -> float:
    try:
        return max(0.05, float(os.environ.get("MPWIZARD_PC_POLL_SECONDS", "10")))
    except ValueError:
        return 10.0


class PartnerCenterPanel(QGroupBox):
    def __init__(self, page: Any):
        super().__init__()
        self.page = page
        self.setTitle(self.tr("Partner Center, live"))
        self.setObjectName("partnerCenterPanel")
        self._plan: Any = None  # the last comparison (push.PushPlan) and the plans read for it
        self._lives: list[Any] = []
        self._busy: Any = None
        self._follow: Any = None
        self._follow_job = ""
        self._missing: list[str] | None = None  # the export checklist's missing items (None: not read yet)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.tenant_edit = QLineEdit()
        self.tenant_edit.setAccessibleName(self.tr("Tenant ID"))
        self.tenant_edit.setPlaceholderText(self.tr("Directory (tenant) ID or domain"))
        self.client_edit = QLineEdit()
        self.client_edit.setAccessibleName(self.tr("Client ID"))
        self.client_edit.setPlaceholderText(self.tr("Application (client) ID"))
        self.secret_edit = QLineEdit()
        self.secret_edit.setAccessibleName(self.tr("Client secret"))
        self.secret_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.secret_edit.setPlaceholderText(self.tr("Kept in the keyring; leave empty to use the one kept"))
        form.addRow(self.tr("&Tenant:"), self.tenant_edit)
        form.addRow(self.tr("C&lient ID:"), self.client_edit)
        form.addRow(self.tr("Client s&ecret:"), self.secret_edit)
        layout.addLayout(form)
        row = QHBoxLayout()
        self.btn_sign_in = QPushButton(self.tr("Sign &in"))
        self.btn_compare = QPushButton(self.tr("&Compare with Partner Center"))
        self.btn_send = QPushButton(self.tr("Sen&d…"))
        self.btn_preview = QPushButton(self.tr("Submit for previe&w"))
        self.btn_live = QPushButton(self.tr("G&o live"))
        for b in (self.btn_sign_in, self.btn_compare, self.btn_send, self.btn_preview, self.btn_live):
            row.addWidget(b)
        row.addStretch(1)
        layout.addLayout(row)
        self.state = QLabel()
        self.state.setObjectName("pcState")
        self.state.setTextFormat(Qt.TextFormat.PlainText)  # it shows the project's job id and words: never rich text
        self.state.setWordWrap(True)
        self.state.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.state)
        self.tabs = QTabWidget()
        self.difference = QTextBrowser()
        self.difference.setAccessibleName(self.tr("Difference with Partner Center"))
        self.tabs.addTab(self.difference, self.tr("Difference"))
        errors_box = QWidget()
        errors_layout = QVBoxLayout(errors_box)
        errors_layout.setContentsMargins(0, 0, 0, 0)
        self.errors = QTreeWidget()
        self.errors.setAccessibleName(self.tr("Microsoft's errors"))
        self.errors.setHeaderLabels([self.tr("Step"), self.tr("Field"), self.tr("Error")])
        self.errors.setRootIsDecorated(False)
        for column in (0, 1):  # the step and the field whole; the sentence takes the rest (whole in the text below)
            self.errors.header().setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.btn_go = QPushButton(self.tr("&Go to step"))
        self.btn_go.setEnabled(False)
        errors_layout.addWidget(self.errors, 1)
        # The selected error in full: what it means, what to do, and Partner Center's own code and words.
        # Read-only text that scrolls: at 1024x700 the tab has a few lines, and a long message is never cut unseen.
        self.error_said = QPlainTextEdit()
        self.error_said.setObjectName("pcErrorSaid")
        self.error_said.setReadOnly(True)
        self.error_said.setAccessibleName(self.tr("The selected error"))
        lines = self.error_said.fontMetrics().lineSpacing()
        frame = 2 * self.error_said.frameWidth() + int(2 * self.error_said.document().documentMargin())
        self.error_said.setMinimumHeight(2 * lines + frame)
        self.error_said.setMaximumHeight(5 * lines + frame)
        go_row = QHBoxLayout()
        go_row.addWidget(self.btn_go, 0, Qt.AlignmentFlag.AlignTop)
        go_row.addWidget(self.error_said, 1)
        errors_layout.addLayout(go_row)
        self.tabs.addTab(errors_box, self.tr("Errors"))
        # Four lines of the difference at least: at 1024x700 the portal steps above need the height more.
        self.tabs.setMinimumHeight(self.tabs.tabBar().sizeHint().height() + 4 * self.fontMetrics().lineSpacing() + 8)
        layout.addWidget(self.tabs, 1)
        self.show_results(False)
        self.btn_sign_in.clicked.connect(self.sign_in)
        self.btn_compare.clicked.connect(self.compare)
        self.btn_send.clicked.connect(self.send)
        self.btn_preview.clicked.connect(lambda: self.submit("preview"))
        self.btn_live.clicked.connect(lambda: self.submit("live"))
        self.btn_go.clicked.connect(self.go_to_error)
        self.errors.currentItemChanged.connect(self._error_chosen)
        self.tenant_edit.editingFinished.connect(self._ids_edited)
        self.client_edit.editingFinished.connect(self._ids_edited)
        self._update_buttons()

    @property
    def project(self) -> Any:
        return self.page.project

    def show_results(self, shown: bool) -> None:
        """The difference and the errors take room only once there is one to show: empty, at 1024x700 they left
        the portal steps above a scroll bar (issue #32). Hidden, the panel is no taller than its fields."""
        from PySide6.QtWidgets import QSizePolicy

        self.tabs.setVisible(shown)
        grows = QSizePolicy.Policy.Preferred if shown else QSizePolicy.Policy.Maximum
        self.setSizePolicy(QSizePolicy.Policy.Preferred, grows)

    # -- state ------------------------------------------------------------------------------------
    def load_from_project(self) -> None:
        record = self.project.partner_center
        if self._follow is not None and self._follow_job != record.last_job_id:
            self._follow.cancel()  # another project is open now: its job, not the last one's
            self._follow = None
        self.tenant_edit.setText(record.tenant_id)
        self.client_edit.setText(record.client_id)
        self._plan, self._lives, self._missing = None, [], None
        self.difference.clear()
        self.errors.clear()
        self.show_results(False)
        self.error_said.clear()
        if record.last_job_id:
            self.state.setText(self.tr("Last job {0}: {1} ({2}).").format(
                record.last_job_id, self._job_word(record.last_job_status), self._job_word(record.last_job_result)))
        else:
            self.state.setText(self.tr("Sign in with the Microsoft Entra application added to your Partner Center account."))
        self._read_checklist()
        if record.last_job_id and record.last_job_status != "completed" and self._signed_in_ids():
            self.follow(record.last_job_id)  # a reopened project goes on following its job
        self._update_buttons()

    def _job_word(self, word: str | None) -> str:
        """A job's status or result (Partner Center's words: jobStatus, jobResult) in the UI language; an
        unknown word as Partner Center sent it."""
        words = {
            "notStarted": self.tr("not started"), "running": self.tr("running"), "completed": self.tr("completed"),
            "pending": self.tr("pending"), "succeeded": self.tr("succeeded"), "failed": self.tr("failed"),
            "cancelled": self.tr("cancelled"),
        }
        return words.get(word or "", word or "?")

    def _signed_in_ids(self) -> bool:
        return bool(self.project.partner_center.tenant_id and self.project.partner_center.client_id)

    def _ids_edited(self) -> None:
        record = self.project.partner_center
        tenant, client = self.tenant_edit.text().strip(), self.client_edit.text().strip()
        if (tenant, client) != (record.tenant_id, record.client_id):
            record.tenant_id, record.client_id = tenant, client
            self.page.document.mark_changed()
        self._update_buttons()

    def _update_buttons(self) -> None:
        idle = self._busy is None
        ids = bool(self.tenant_edit.text().strip() and self.client_edit.text().strip())
        self.btn_sign_in.setEnabled(idle and ids)
        self.btn_compare.setEnabled(idle and ids)
        changes = self._plan is not None and any(c.changed or c.new_version for c in self._plan.changes)
        self.btn_send.setEnabled(idle and changes and self._follow is None)
        ready = self._missing == [] and idle and ids and self._follow is None
        for b in (self.btn_preview, self.btn_live):
            b.setEnabled(ready)
            b.setToolTip("" if self._missing == [] else self.tr("The checklist is not complete: {0}").format(
                "; ".join(self._missing or [self.tr("not read yet")])))

    # -- background work --------------------------------------------------------------------------
    def _run(self, work: Any, done: Any, what: str) -> None:
        from ..tasks import run_task

        if self._busy is not None:
            return

        def finished() -> None:
            self._busy = None
            self._update_buttons()

        def ok(result: Any) -> None:
            finished()
            done(result)

        def failed(error: BaseException) -> None:
            finished()
            self._show_failure(what, error)

        self.state.setText(self.tr("{0}…").format(what))
        self._busy = run_task(work, on_result=ok, on_error=failed, owner=self)
        self._update_buttons()

    def _show_failure(self, what: str, error: BaseException) -> None:
        from ..core.operations import redact
        from ..i18n import translate_failure

        # A refusal from Partner Center: its sentence and next step in the user's language, the raw status,
        # code and request ID on the details line (core/error_codes.pc_refusal).
        said = translate_failure(error) if getattr(error, "template", "") else str(error)
        self.state.setText(self.tr("{0} failed: {1}").format(what, redact(said)))

    def _client(self, snapshot: Any, secret: str = "") -> Any:
        """A client for the snapshot's tenant and client (worker thread: it may read the keyring)."""
        from ..core import operations

        record = snapshot.partner_center
        if secret:
            operations.store_pc_secret(snapshot, record.tenant_id, record.client_id, secret)
        token = operations.pc_token_source(snapshot, tenant=record.tenant_id, client_id=record.client_id)
        return operations.pc_client(snapshot, None, token)

    def _snapshot(self) -> Any:
        self._ids_edited()
        return copy.deepcopy(self.project)

    def _read_checklist(self) -> None:
        from ..core.operations import pc_checklist_missing
        from ..tasks import run_task

        snapshot = copy.deepcopy(self.project)

        def done(missing: list[str]) -> None:
            self._missing = missing
            self._update_buttons()

        run_task(lambda _p, _c: pc_checklist_missing(snapshot), on_result=done, owner=self)

    # -- the actions ------------------------------------------------------------------------------
    def sign_in(self) -> None:
        from ..core.operations import pc_status

        snapshot, secret = self._snapshot(), self.secret_edit.text()
        self.secret_edit.clear()

        def work(_progress: Any, _cancel: Any) -> Any:
            return pc_status(snapshot, self._client(snapshot, secret))

        def done(result: Any) -> None:
            submissions, _job = result
            self.state.setText(self.tr("Signed in: offer {0} has {1} submission(s).").format(
                self.project.offer.offer_id, len(submissions)))

        self._run(work, done, self.tr("Signing in"))

    def compare(self) -> None:
        from ..core.operations import pc_plan_push

        snapshot = self._snapshot()

        def work(_progress: Any, _cancel: Any) -> Any:
            return pc_plan_push(snapshot, self._client(snapshot))

        def done(result: Any) -> None:
            self._plan, self._lives = result
            self.difference.setHtml(self._difference_html())
            self.show_results(True)
            self.tabs.setCurrentIndex(0)
            self.state.setText(self.tr("Compared with Partner Center: {0} plan(s).").format(len(self._plan.changes)))
            self._update_buttons()

        self._run(work, done, self.tr("Comparing with Partner Center"))

    def _difference_html(self) -> str:
        parts = []
        for c in self._plan.changes:
            items = [html.escape(self.tr("change {0}").format(x)) for x in c.changed]
            items += [html.escape(self.tr("published version {0}: kept").format(v)) for v in c.kept]
            if c.new_version:
                items.append("<b>" + html.escape(self.tr("new version {0}: added").format(c.new_version)) + "</b>")
            items += [html.escape(x) for x in c.left_out]
            if not c.changed and not c.new_version:
                items.insert(0, html.escape(self.tr("no change")))
            title = self.tr("Plan {0}").format(c.plan_id)
            parts.append(f"<p><b>{html.escape(title)}</b></p><ul>"
                         + "".join(f"<li>{i}</li>" for i in items) + "</ul>")
        return "".join(parts)

    def _confirm(self, title: str, lines: list[str]) -> bool:
        from ..mnemonics import answer, message_box

        box = message_box(self, QMessageBox.Icon.Question, title, title, QMessageBox.StandardButton.Yes
                          | QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Cancel,
                          informative="\n".join(lines))
        return answer(box) == QMessageBox.StandardButton.Yes

    def send(self) -> None:
        from ..core.operations import pc_send

        if self._plan is None:
            return
        lines = []
        for c in self._plan.changes:
            lines.append(self.tr("Plan {0}:").format(c.plan_id))
            lines += ["  " + self.tr("change {0}").format(x) for x in c.changed]
            lines += ["  " + self.tr("published version {0}: kept").format(v) for v in c.kept]
            if c.new_version:
                lines.append("  " + self.tr("new version {0}: added").format(c.new_version))
        if not self._confirm(self.tr("Send these changes to Partner Center?"), lines):
            return
        snapshot, plan, lives = self._snapshot(), self._plan, self._lives

        def work(_progress: Any, _cancel: Any) -> Any:
            return pc_send(self._client(snapshot), plan.body, lives)

        self._run(work, lambda job: self._sent(job, "push"), self.tr("Sending"))

    def submit(self, target: str) -> None:
        from ..core.operations import pc_send, pc_submission

        title = (self.tr("Submit the offer for preview?") if target == "preview"
                 else self.tr("Take the offer's preview live?"))
        if not self._confirm(title, [self.project.offer.offer_id]):
            return
        snapshot = self._snapshot()

        def work(_progress: Any, _cancel: Any) -> Any:
            client = self._client(snapshot)
            return pc_send(client, {"resources": [pc_submission(snapshot, client, target)]})

        self._run(work, lambda job: self._sent(job, f"submit-{target}"), self.tr("Submitting"))

    def _sent(self, job: Any, kind: str) -> None:
        from ..core.operations import pc_record_job

        pc_record_job(self.project, job, kind, datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"))
        self.page.document.mark_changed()
        self._plan = None
        self.follow(job.job_id)

    # -- following a job --------------------------------------------------------------------------
    def follow(self, job_id: str) -> None:
        from ..core.operations import pc_follow
        from ..core.progress import ProgressUpdate
        from ..tasks import run_task

        if self._follow is not None:
            return
        snapshot = copy.deepcopy(self.project)
        interval = _poll_seconds()
        self.errors.clear()
        self.error_said.clear()

        def work(progress: Any, cancel: Any) -> Any:
            client = self._client(snapshot)

            def update(job: Any) -> None:
                progress(ProgressUpdate(0, 0, f"{job.status}|{job.result}"))

            return pc_follow(client, job_id, update, interval=interval, sleep=cancel.wait,
                             stop=lambda: bool(cancel.cancelled))

        def on_progress(update: Any) -> None:
            if self._follow is not handle_box[0]:
                return  # a job of the project open before
            status, _, result = update.message.partition("|")
            self.state.setText(self.tr("Job {0}: {1} ({2})").format(job_id, self._job_word(status), self._job_word(result)))

        def done(job: Any) -> None:
            if self._follow is not handle_box[0]:
                return  # a job of the project open before
            self._follow = None
            self._job_ended(job)

        def failed(error: BaseException) -> None:
            if self._follow is not handle_box[0]:
                return
            self._follow = None
            self._show_failure(self.tr("Following job {0}").format(job_id), error)
            self._update_buttons()

        self.state.setText(self.tr("Job {0}: following…").format(job_id))
        handle_box: list[Any] = [None]
        handle = run_task(work, on_result=done, on_error=failed, on_progress=on_progress, owner=self)
        handle_box[0] = handle
        self._follow, self._follow_job = handle, job_id
        self.destroyed.connect(lambda *_: handle.cancel())  # the window closed: stop polling
        self._update_buttons()

    def _error_chosen(self, item: QTreeWidgetItem | None) -> None:
        self.btn_go.setEnabled(item is not None)
        self.error_said.setPlainText(str(item.data(2, Qt.ItemDataRole.UserRole) or "") if item is not None else "")

    def _job_ended(self, job: Any) -> None:
        from ..core.operations import pc_error_place as error_place
        from ..core.operations import pc_record_job, redact
        from ..i18n import CORE_CONTEXT, translate, with_next_step

        if self.project.partner_center.last_job_id == job.job_id:
            pc_record_job(self.project, job)
            self.page.document.mark_changed()
        if job.succeeded:
            self.state.setText(self.tr("Job {0} succeeded.").format(job.job_id))
        elif job.done:
            self.state.setText(self.tr("Job {0}: {1}. Microsoft's errors are listed below.").format(
                job.job_id, self._job_word(job.result)))
            names = self._step_names()
            for e in job.errors:
                step_name, field_name = error_place(e)  # placed by what Partner Center named, as before
                step = Step[step_name]
                said = e.explained()  # the code as a sentence and a next step (core/error_codes.PC_CODES)
                sentence = translate(CORE_CONTEXT, said.sentence)
                full = with_next_step(sentence, said.next_step, redact(said.details))
                item = QTreeWidgetItem([names.get(step, step_name), field_name, sentence])
                item.setData(0, Qt.ItemDataRole.UserRole, int(step))
                item.setData(2, Qt.ItemDataRole.UserRole, full)
                item.setToolTip(2, full)
                self.errors.addTopLevelItem(item)
            self.show_results(True)
            self.tabs.setCurrentIndex(1)
            first = self.errors.topLevelItem(0)
            if first is not None:
                self.errors.setCurrentItem(first)
        self._update_buttons()

    def _step_names(self) -> dict[Step, str]:
        names = getattr(self.window(), "step_names", None)  # the main window's, translated
        return dict(names) if isinstance(names, dict) else {}

    def go_to_error(self) -> None:
        item = self.errors.currentItem()
        wizard = self.page.wizard()
        if item is not None and wizard is not None:
            wizard.jump_to(int(item.data(0, Qt.ItemDataRole.UserRole)))
