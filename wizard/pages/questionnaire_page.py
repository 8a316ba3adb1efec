"""Step 5: the questionnaire, the additional information, and the certification report.

Questions come from resources/questionnaire (both languages); the page only lays
them out. Answers the test run already knows are prefilled and wait for the user
to confirm them. Next stays disabled until every question is answered (a False
with its explanation) and, for Linux, the SSH access information is given. The
Report tab builds the bundle and stores it beside the OS disk's VHD.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ..check_text import check_name, check_value
from ..core.model import OS_LINUX, Answer
from ..core.operations import BOOL, CHOICE, FALSE, TRUE, exception_candidates, is_answered, load_questionnaire
from ..core.operations import questionnaire_progress as progress
from ..core.steps import Step
from ..core.verdicts import ERROR, FAILED, MARKS, WARNING
from ..i18n import current_language, translate_failure
from .base import StepPage, sku_choice_label

if TYPE_CHECKING:
    from PySide6.QtWidgets import QAbstractButton

    from ..core.model import Sku
    from ..core.operations import MadeReport
    from ..core.progress import CancelToken, ProgressUpdate
    from ..core.questionnaire import Question, QuestionnaireProgress
    from ..document import ProjectDocument


class QuestionWidget(QFrame):
    """One question: its wording, the answer control, the explanation for a False, and the prefill note."""

    def __init__(self, page: QuestionnairePage, question: Question, lang: str) -> None:
        super().__init__()
        self.page, self.question = page, question
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setObjectName(f"question-{question.id}")
        layout = QVBoxLayout(self)
        self.label = QLabel(question.wording(lang))
        self.label.setWordWrap(True)
        layout.addWidget(self.label)
        row = QHBoxLayout()
        layout.addLayout(row)
        self.group: QButtonGroup | None = None
        self.yes: QRadioButton | None = None
        self.no: QRadioButton | None = None
        self.combo: QComboBox | None = None
        self.line: QLineEdit | None = None
        if question.kind == BOOL:
            yes, no = self.yes, self.no = QRadioButton(self.tr("True")), QRadioButton(self.tr("False"))
            self.group = QButtonGroup(self)
            for button in (yes, no):
                self.group.addButton(button)
                row.addWidget(button)
            # Clicked, not toggled: clicking the prefilled choice again is how the user confirms it.
            self.group.buttonClicked.connect(self._bool_clicked)
        elif question.kind == CHOICE:
            combo = self.combo = QComboBox()
            combo.addItem(self.tr("— choose —"), "")
            for choice in question.choices:
                combo.addItem(choice.text.get(lang) or choice.text["en"], choice.id)
            combo.currentIndexChanged.connect(lambda _i: self._set_value(combo.currentData()))
            row.addWidget(combo)
        else:
            line = self.line = QLineEdit()
            line.setAccessibleName(question.wording(lang))
            line.textEdited.connect(lambda text: self._set_value(text))
            row.addWidget(line, 1)
        row.addStretch(1)
        self.explanation = QPlainTextEdit()
        self.explanation.setTabChangesFocus(True)  # Tab moves on, as in every other field
        self.explanation.setPlaceholderText(self.tr("Explain why (required when the answer is False; shown to the "
                                                    "certification team as a warning)."))
        self.explanation.setMaximumHeight(70)
        self.explanation.textChanged.connect(self._explanation_changed)
        layout.addWidget(self.explanation)
        prefill_row = QHBoxLayout()
        self.prefill_note = QLabel()
        self.prefill_note.setWordWrap(True)
        self.btn_confirm = QPushButton(self.tr("Confirm"))
        self.btn_confirm.clicked.connect(self.confirm)
        prefill_row.addWidget(self.prefill_note, 1)
        prefill_row.addWidget(self.btn_confirm)
        layout.addLayout(prefill_row)
        self._loading = False

    @property
    def answer(self) -> Answer | None:
        return self.page.project.questionnaire.answers.get(self.question.id)

    def _ensure_answer(self) -> Answer:
        answers = self.page.project.questionnaire.answers
        return answers.setdefault(self.question.id, Answer())

    def load(self) -> None:
        """Show the stored answer."""
        self._loading = True
        answer = self.answer or Answer()
        if self.group is not None and self.yes is not None and self.no is not None:
            self.group.setExclusive(False)
            self.yes.setChecked(answer.value == TRUE)
            self.no.setChecked(answer.value == FALSE)
            self.group.setExclusive(True)
        elif self.combo is not None:
            self.combo.setCurrentIndex(max(self.combo.findData(answer.value), 0))
        elif self.line is not None:
            self.line.setText(answer.value)
        if self.explanation.toPlainText() != answer.explanation:
            self.explanation.setPlainText(answer.explanation)
        self._loading = False
        self.refresh()

    def refresh(self) -> None:
        answer = self.answer
        self.explanation.setVisible(self.question.kind == BOOL and answer is not None and answer.value == FALSE)
        prefilled = bool(answer and answer.prefilled)
        self.prefill_note.setVisible(prefilled)
        self.btn_confirm.setVisible(prefilled)
        if prefilled:
            self.prefill_note.setText(self.tr("Prefilled from the latest test run — check it and confirm."))
        done = is_answered(self.question, answer)
        self.setStyleSheet("" if done else f"QFrame#{self.objectName()} {{ border-left: 3px solid #9a6700; }}")

    def confirm(self) -> None:
        answer = self.answer
        if answer is not None and answer.prefilled:
            answer.prefilled = False
            self.page.answer_changed(self)

    def _bool_clicked(self, button: QAbstractButton) -> None:
        self._set_value(TRUE if button is self.yes else FALSE)

    def _set_value(self, value: str) -> None:
        if self._loading:
            return
        answer = self._ensure_answer()
        answer.value = value or ""
        answer.prefilled = False  # the user has decided
        self.page.answer_changed(self)

    def _explanation_changed(self) -> None:
        if self._loading:
            return
        answer = self._ensure_answer()
        answer.explanation = self.explanation.toPlainText()
        answer.prefilled = False
        self.page.answer_changed(self)


class QuestionnairePage(StepPage):
    step = Step.QUESTIONNAIRE

    def __init__(self, document: ProjectDocument) -> None:
        super().__init__(document)
        self.setTitle(self.tr("Questionnaire"))
        self.setSubTitle(self.tr("Answer the certification questionnaire, add what the certification team needs "
                                 "to know, and store the report beside your VHDs."))  # the profile's words: load
        self.questionnaire = load_questionnaire()
        self.lang = current_language()
        self.widgets: dict[str, QuestionWidget] = {}
        self.exception_edits: dict[str, QPlainTextEdit] = {}
        self._built_for: tuple[Hashable, ...] | None = None
        self._generation = 0  # counts project replacements (not id(): a new project can reuse an old one's)
        self.task = None
        self._loading = False

        layout = QVBoxLayout(self)
        # Where the wording comes from is the profile's (the 2015 guide, or Partner Center's policies): load_from_project.
        self.wording_note = note = QLabel(self.questionnaire.wording(self.project.profile_id, self.lang))
        note.setWordWrap(True)
        note.setObjectName("wordingNote")
        note.setStyleSheet("QLabel#wordingNote { font-style: italic; color: palette(mid); }")
        layout.addWidget(note)
        top = QHBoxLayout()
        self.progress_label = QLabel()
        self.progress_bar = QProgressBar()
        self.progress_bar.setTextVisible(False)
        self.progress_bar.setMaximumHeight(10)
        self.btn_next_open = QPushButton(self.tr("Show next unanswered"))
        self.btn_next_open.clicked.connect(self.show_next_unanswered)
        top.addWidget(self.progress_label)
        top.addWidget(self.progress_bar, 1)
        top.addWidget(self.btn_next_open)
        layout.addLayout(top)
        self.tabs = QTabWidget()
        layout.addWidget(self.tabs, 1)
        self.document.replaced.connect(self._project_replaced)

    # -- building -----------------------------------------------------------------
    def load_from_project(self) -> None:
        from ..core.operations import apply_prefill

        self.wording_note.setText(self.questionnaire.wording(self.project.profile_id, self.lang))
        # Prefill only when the user comes here: opening a file must not change it.
        if apply_prefill(self.project, self.questionnaire):
            self.document.mark_changed()
        if self._built_for == self._shape():
            self._reload()  # the same questions and tabs: refresh the values (a rebuild froze the window ~30 ms)
        else:
            self._rebuild()

    def prepare_in_idle(self) -> None:
        if self._built_for is None:
            self._rebuild()  # widgets only: prefilling answers waits until the person comes here

    def _shape(self) -> tuple[Hashable, ...]:
        """What the widgets are built from: the project, its platform, the latest run's results
        (exception requests) and the SKUs (report tab)."""
        run = self.project.latest_run()
        return (self._generation, self.platform(), run.started_at if run else None,
                tuple((r.id, r.result) for r in run.results) if run else (),
                tuple((s.sku_id, s.version) for s in self.project.skus))

    def _reload(self) -> None:
        qa = self.project.questionnaire
        self._loading = True
        for widget in self.widgets.values():
            widget.load()
        self.ssh_access.setPlainText(qa.ssh_access)
        self.ssh_blocked.setChecked(qa.ssh_blocked)
        self.ssh_access.setEnabled(not qa.ssh_blocked)
        for record_id, edit in self.exception_edits.items():
            edit.setPlainText(qa.exception_notes.get(record_id, ""))
        self._loading = False
        self._show_report_state()
        self.refresh()

    def _project_replaced(self) -> None:
        self._generation += 1
        # Only the page on screen is rebuilt now; any other is rebuilt when it is next shown.
        wizard = self.wizard()
        if wizard is not None and wizard.currentPage() is self:
            self._rebuild()

    def platform(self) -> str:
        return self.project.connection.platform

    def _rebuild(self) -> None:
        self._loading = True
        self._built_for = self._shape()
        old = [self.tabs.widget(i) for i in range(self.tabs.count())]
        self.tabs.clear()
        for widget in old:
            if widget is not None:
                widget.deleteLater()  # clear() only removes the tabs: their widgets would pile up
        self.widgets.clear()
        self.exception_edits.clear()
        platform = self.platform()
        for tab in self.questionnaire.tabs_for(platform):
            body = QWidget()
            column = QVBoxLayout(body)
            for question in self.questionnaire.for_platform(platform):
                if question.tab == tab.id:
                    widget = QuestionWidget(self, question, self.lang)
                    self.widgets[question.id] = widget
                    column.addWidget(widget)
                    widget.load()
            column.addStretch(1)
            self.tabs.addTab(self._scroll(body), tab.title.get(self.lang) or tab.title["en"])
        self.tabs.addTab(self._scroll(self._additional_info()), self.tr("Additional information"))
        self.tabs.addTab(self._report_tab(), self.tr("Report"))
        self._loading = False
        self.refresh()

    @staticmethod
    def _scroll(body: QWidget) -> QScrollArea:
        area = QScrollArea()
        area.setWidgetResizable(True)
        area.setFrameShape(QFrame.Shape.NoFrame)
        area.setWidget(body)
        return area

    def _additional_info(self) -> QWidget:
        qa = self.project.questionnaire
        body = QWidget()
        column = QVBoxLayout(body)
        self.ssh_blocked = QCheckBox(self.tr("SSH is blocked on purpose in this image"))
        self.ssh_access = QPlainTextEdit()
        self.ssh_access.setTabChangesFocus(True)  # Tab moves on, as in every other field
        self.ssh_access.setPlaceholderText(self.tr("How the certification team can reach the VM over SSH: user name, "
                                                   "port, key or password hand-over, anything unusual."))
        self.ssh_access.setMaximumHeight(90)
        if self.platform() == OS_LINUX:
            column.addWidget(QLabel("<b>" + self.tr("SSH access information") + "</b>"))
            column.addWidget(self.ssh_access)
            column.addWidget(self.ssh_blocked)
        self.ssh_access.setPlainText(qa.ssh_access)
        self.ssh_blocked.setChecked(qa.ssh_blocked)
        self.ssh_access.setEnabled(not qa.ssh_blocked)
        self.ssh_access.textChanged.connect(self._ssh_changed)
        self.ssh_blocked.toggled.connect(self._ssh_changed)

        column.addWidget(QLabel("<b>" + self.tr("Exception requests") + "</b>"))
        candidates = exception_candidates(self.project.latest_run())
        result_words = {FAILED: self.tr("Failed"), ERROR: self.tr("Error"), WARNING: self.tr("Warning")}
        if self.project.latest_run() is None:  # no run, no evidence: the evaluator's words (core.status), never "no Failed"
            from ..core.status import R_RUN_NONE
            from ..i18n import translate_template

            column.addWidget(QLabel(translate_template(R_RUN_NONE, {})))
        elif not candidates:
            column.addWidget(QLabel(self.tr("The latest test run has no Failed, Error or Warning result: nothing to "
                                            "explain.")))
        for record in candidates:
            label = QLabel(f"{MARKS.get(record.result, '?')} {result_words.get(record.result, record.result)} — "
                           f"{check_name(record.id, record.name)}: {check_value(record.actual)}")
            label.setWordWrap(True)
            edit = QPlainTextEdit(qa.exception_notes.get(record.id, ""))
            edit.setTabChangesFocus(True)  # Tab moves on, as in every other field
            edit.setPlaceholderText(self.tr("Why this result is acceptable for your image (for an exception request). "
                                            "Leave empty if you will fix it instead."))
            edit.setMaximumHeight(70)
            edit.textChanged.connect(lambda rid=record.id, e=edit: self._exception_changed(rid, e))
            self.exception_edits[record.id] = edit
            column.addWidget(label)
            column.addWidget(edit)
        column.addStretch(1)
        return body

    def _report_tab(self) -> QWidget:
        body = QWidget()
        column = QVBoxLayout(body)
        explain = self.report_explain = QLabel()  # its words follow the profile: _show_report_state
        explain.setWordWrap(True)
        column.addWidget(explain)
        row = QHBoxLayout()
        self.sku_combo = QComboBox()
        for sku in self.project.skus:
            self.sku_combo.addItem(sku_choice_label(sku), sku.sku_id)
        self.btn_save_report = QPushButton(self.tr("Save report…"))
        self.btn_store_report = QPushButton(self.tr("Store in the VHD container"))
        self.btn_cancel_report = QPushButton(self.tr("Cancel"))
        self.btn_cancel_report.setEnabled(False)
        self.btn_save_report.clicked.connect(self.ask_save_report)
        self.btn_store_report.clicked.connect(lambda: self.make_report(None, store=True))
        self.btn_cancel_report.clicked.connect(self.cancel)
        row.addWidget(QLabel(self.tr("SKU:")))
        row.addWidget(self.sku_combo)
        row.addWidget(self.btn_save_report)
        row.addWidget(self.btn_store_report)
        row.addWidget(self.btn_cancel_report)
        row.addStretch(1)
        column.addLayout(row)
        self.report_progress = QProgressBar()
        self.report_progress.setVisible(False)
        column.addWidget(self.report_progress)
        self.report_status = QLabel()
        self.report_status.setWordWrap(True)
        self.report_status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        column.addWidget(self.report_status)
        column.addStretch(1)
        self.sku_combo.currentIndexChanged.connect(lambda _i: self._show_report_state())
        self._show_report_state()
        return body

    # -- edits ----------------------------------------------------------------------
    def answer_changed(self, widget: QuestionWidget) -> None:
        widget.refresh()
        self.changed()
        self.refresh()

    def _ssh_changed(self, *_args: object) -> None:
        if self._loading:
            return
        qa = self.project.questionnaire
        qa.ssh_access = self.ssh_access.toPlainText()
        qa.ssh_blocked = self.ssh_blocked.isChecked()
        self.ssh_access.setEnabled(not qa.ssh_blocked)
        self.changed()
        self.refresh()

    def _exception_changed(self, record_id: str, edit: QPlainTextEdit) -> None:
        if self._loading:
            return
        text = edit.toPlainText()
        notes = self.project.questionnaire.exception_notes
        if text.strip():
            notes[record_id] = text
        else:
            notes.pop(record_id, None)
        self.changed()

    def state(self) -> QuestionnaireProgress:
        return progress(self.project, self.questionnaire)

    def refresh(self) -> None:
        state = self.state()
        text = self.tr("{0} of {1} answered").format(state.answered, state.total)
        if state.unconfirmed:
            text += " · " + self.tr("{0} prefilled answer(s) to confirm").format(len(state.unconfirmed))
        if state.needs_explanation:
            text += " · " + self.tr("{0} False answer(s) need an explanation").format(len(state.needs_explanation))
        if state.ssh_info_missing:
            text += " · " + self.tr("SSH access information missing")
        self.progress_label.setText(text)
        self.progress_bar.setRange(0, max(state.total, 1))
        self.progress_bar.setValue(state.answered)
        self.btn_next_open.setEnabled(not state.complete)

    def show_next_unanswered(self) -> None:
        state = self.state()
        if state.unanswered:
            widget = self.widgets.get(state.unanswered[0])
            for i in range(self.tabs.count()):
                area = self.tabs.widget(i)
                inside = area.widget() if isinstance(area, QScrollArea) else None
                if isinstance(area, QScrollArea) and widget is not None and inside is not None and inside.isAncestorOf(widget):
                    self.tabs.setCurrentIndex(i)
                    area.ensureWidgetVisible(widget)
                    widget.setFocus()
                    return
        if state.ssh_info_missing:
            self.tabs.setCurrentIndex(self.tabs.count() - 2)
            self.ssh_access.setFocus()

    def is_step_complete(self) -> bool:
        return self.state().complete

    def why_not_complete(self) -> str:
        state = self.state()
        if state.answered == state.total and state.ssh_info_missing:
            return self.tr("Say how the certification team signs in over SSH (or that SSH is blocked) on the "
                           "Additional information tab first.")
        return self.tr("Answer every question first ({0} of {1} answered; the step list on the left still opens "
                       "any step).").format(state.answered, state.total)

    # -- report ---------------------------------------------------------------------
    def selected_sku(self) -> Sku | None:
        sku_id = self.sku_combo.currentData()
        return next((s for s in self.project.skus if s.sku_id == sku_id), self.project.skus[0] if self.project.skus else None)

    def _in_vhd_container(self) -> bool:
        """The 2015 guide stores the report beside the VHDs; Partner Center asks no such thing (a profile rule)."""
        from ..core.operations import project_profile

        return project_profile(self.project).certification_report_in_vhd_container

    def _show_profile_words(self) -> None:
        if self._in_vhd_container():
            self.setSubTitle(self.tr("Answer the certification questionnaire, add what the certification team needs "
                                     "to know, and store the report beside your VHDs."))
            self.report_explain.setText(self.tr(
                "The report bundle holds report.json (the test tool's record plus your answers), report.html, "
                "report.pdf and each test's evidence in logs/. The guide asks you to store it in the same container "
                "as the VHDs."))
        else:
            self.setSubTitle(self.tr("Answer the certification questionnaire and add what the certification team "
                                     "needs to know."))
            self.report_explain.setText(self.tr(
                "The report bundle holds report.json (the test tool's record plus your answers), report.html, "
                "report.pdf and each test's evidence in logs/. Partner Center does not ask for it: keep it as your "
                "own record, or store it beside the VHDs if you like."))

    def _show_report_state(self) -> None:
        self._show_profile_words()
        sku = self.selected_sku()
        has_run = bool(self.project.test_runs)
        for button in (self.btn_save_report, self.btn_store_report):
            button.setEnabled(has_run and sku is not None and self.task is None)
        if not has_run:
            offline = sum(1 for s in self.project.skus for d in s.disks if d.preflight is not None)
            if offline:
                text = self.tr("No test run yet: the report is made from the latest test run on the test VM (Test run "
                               "step). Without a run it could hold only your answers here and the offline evidence read "
                               "from {0} disk image(s), which is not a certification test run.").format(offline)
            else:
                text = self.tr("No test run yet: the report is made from the latest test run on the test VM (Test run "
                               "step). Without a run it could hold only your answers here.")
            self.report_status.setText(text)
        elif sku is not None and sku.report and sku.report.blob_url:
            self.report_status.setText(self.tr("Stored {0} at {1} ({2}).").format(sku.report.file_name,
                                                                                  sku.report.blob_url, sku.report.stored_at))
        elif sku is not None and sku.report and sku.report.saved_path:
            said = (self.tr("Saved {0}. Not stored in the VHD container yet.") if self._in_vhd_container()
                    else self.tr("Saved {0}."))
            self.report_status.setText(said.format(sku.report.saved_path))
        else:
            self.report_status.setText(self.tr("No report made yet for this SKU."))

    def ask_save_report(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Save the report into"))
        if folder:
            self.make_report(folder, store=False)

    def make_report(self, folder: str | None, store: bool) -> None:
        """Build the bundle (in `folder`, or only to store it) and optionally store it beside the OS VHD."""
        from pathlib import Path

        from ..core.model import ReportRecord
        from ..core.operations import make_report, storage_access, utc_now_iso
        from ..report_pdf import html_to_pdf

        sku = self.selected_sku()
        if sku is None or self.task is not None or not self.project.test_runs:
            return
        state = self.state()
        if not state.complete and not self.confirm_incomplete_report(state):
            self.report_status.setText(self.tr("Not made: answer the remaining questions first (Show next unanswered)."))
            return
        project = self.project
        run = project.latest_run()
        if run is None:
            return
        created = utc_now_iso()

        def work(progress: Callable[[ProgressUpdate], None], cancel: CancelToken) -> MadeReport:
            access = storage_access(project) if store else None  # the keyring is read here, off the GUI thread
            return make_report(project, sku, Path(folder) if folder else None, access, created, html_to_pdf, run,
                               progress, cancel)

        def done(made: MadeReport) -> None:
            self.report_progress.setVisible(False)
            previous = sku.report or ReportRecord()
            sku.report = ReportRecord(made.file_name, created, sku.version, run.started_at,
                                      str(made.zip_path) if made.zip_path else previous.saved_path,
                                      made.blob_url or (previous.blob_url if previous.file_name == made.file_name else ""),
                                      utc_now_iso() if made.blob_url else previous.stored_at)
            self.changed()
            self._show_report_state()
            if made.blob_url:
                self.report_status.setText(self.tr("Stored {0} at {1}").format(made.file_name, made.blob_url))
            else:
                self.report_status.setText(self.tr("Saved {0}").format(made.zip_path))

        def failed(error: BaseException) -> None:
            self.report_progress.setVisible(False)
            self.report_status.setText(self.tr("The report could not be made or stored: {0}").format(
                translate_failure(error)))

        def cancelled() -> None:
            self.report_progress.setVisible(False)
            self.report_status.setText(self.tr("Cancelled."))

        def on_progress(update: ProgressUpdate) -> None:
            self.report_progress.setRange(0, update.total or 0)
            self.report_progress.setValue(update.done)

        if self.run(work, done, failed, cancelled, on_progress, busy=(self.btn_save_report, self.btn_store_report),
                    cancel_button=self.btn_cancel_report):
            self.report_progress.setVisible(True)
            self.report_progress.setRange(0, 0)
            self.report_status.setText(self.tr("Making the report…") if not store else
                                       self.tr("Making and storing the report…"))

    def confirm_incomplete_report(self, state: QuestionnaireProgress) -> bool:
        """A report the reviewers get with questions left open is rarely what anyone wants: ask.
        (Tests replace this with an answer.)"""
        from ..mnemonics import ask

        answer = ask(
            self, self.tr("Questionnaire not complete"),
            self.tr("{0} of {1} questions are answered. The report records the open ones as unanswered, and the "
                    "certification team will ask for them. Make the report anyway?").format(state.answered, state.total))
        return answer == QMessageBox.StandardButton.Yes
