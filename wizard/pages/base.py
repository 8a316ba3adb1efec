"""The base of every step page: access to the open project and the step it stands for."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING, Any, cast

from PySide6.QtCore import QEvent, QObject, Signal
from PySide6.QtWidgets import QAbstractItemView, QApplication, QTableView, QWizard, QWizardPage

from ..core.i18n_marks import QT_TRANSLATE_NOOP
from ..core.steps import Step
from ..document import ProjectDocument

if TYPE_CHECKING:
    from PySide6.QtGui import QPaintEvent, QShowEvent
    from PySide6.QtWidgets import QHeaderView, QLayout, QTableWidget, QTreeWidget, QWidget

    from ..core.model import Disk, Project, Sku
    from ..core.progress import ProgressUpdate
    from ..mainwindow import StepWizard
    from ..tasks import TaskHandle, Work


class StepPage(QWizardPage):
    step: Step
    # False until the app's first paint: code before it must not touch QtCore.Qt (wizard/qt_values.py).
    qt_ready = False
    painted = Signal()  # once, at the page's first paint (the main window starts deferred work then)

    def __init__(self, document: ProjectDocument):
        super().__init__()
        self.document = document
        self._painted_once = False
        self._complete_shown: bool | None = None  # what Next last showed (None: not yet told)
        self.task: TaskHandle | None = None  # the page's running background work (StepPage.run), if any
        self.shown_while_running: tuple[QWidget, ...] = ()  # see show_only_while_running
        self._task_holds_next = True  # whether that work keeps Next disabled until it ends
        self._needs_load = False  # a jump passed this page: it is filled when shown

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        # An override rather than an event filter: a filter would route every event the page gets
        # through Python (and PySide creates a type for each kind of event it wraps).
        super().paintEvent(event)
        if not self._painted_once:
            self._painted_once = True
            self.painted.emit()

    # -- the page contract: load from the project when shown; edits write straight to it --------
    def load_from_project(self) -> None:
        """Fill the widgets from the project (QWizard's initializePage, minus the pages a jump only
        passes through)."""

    def wizard(self) -> StepWizard | None:  # type: ignore[override]  # PySide6 stubs: QWizard, never None; Qt gives None outside a wizard
        """The main window's StepWizard (jump_to, jumping, jump_target), the only wizard pages are added to;
        None before the page is added."""
        return cast("StepWizard | None", super().wizard())

    def initializePage(self) -> None:  # noqa: N802 - Qt override
        wizard = self.wizard()
        if wizard is not None and self.jumping() and wizard.jump_target not in (None, int(self.step)):
            # The step list jumps by walking Next/Back through the pages between: filling each one
            # on the way cost tens of milliseconds of a frozen window. Filled when shown instead.
            self._needs_load = True
            return
        self._needs_load = False
        self.load_from_project()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        # QWizard works Next out afresh when it shows a page; what we last told it is forgotten.
        self._complete_shown = None
        if not self.jumping():
            self.page_shown()
        super().showEvent(event)

    def prepare_in_idle(self) -> None:
        """Build what can be built before the page is shown, without touching the project (the main
        window calls it once, shortly after start-up)."""

    def page_shown(self) -> None:
        """Work for the page a person actually sees (not one a jump passes through)."""
        if self._needs_load:
            self._needs_load = False
            self.load_from_project()
        self._explain_next()
        if StepPage.qt_ready:  # before that, the main window guards the first page once it has painted
            from ..wheel_guard import guard_wheel

            guard_wheel(self)  # each time: a page may have built new widgets since

    @property
    def project(self) -> Project:
        return self.document.project

    def jumping(self) -> bool:
        wizard = self.wizard()
        return bool(wizard is not None and wizard.jumping)

    def isComplete(self) -> bool:  # noqa: N802 - Qt override
        held = self.task is not None and self._task_holds_next
        return self.jumping() or (not held and self.is_step_complete())

    def is_step_complete(self) -> bool:
        """Whether this step's own content lets the publisher go on (a running task also holds Next)."""
        return True

    def why_not_complete(self) -> str:
        """What holds Next on this step, said on the disabled button (pages that hold it say why)."""
        return ""

    def _explain_next(self, complete: bool | None = None) -> None:
        """A disabled Next says what it waits for: the step list still goes anywhere, Next does not."""
        wizard = self.wizard()
        if wizard is None or wizard.currentPage() is not self:
            return
        if self.isComplete() if complete is None else complete:
            reason = ""
        elif self.task is not None and self._task_holds_next:
            reason = self.tr("Wait until the work in progress ends, or cancel it.")
        else:
            reason = self.why_not_complete()
        wizard.button(QWizard.WizardButton.NextButton).setToolTip(reason)

    # -- background work: one way for every page ------------------------------------------------
    def run(self, work: Work, done: Callable[[Any], None], failed: Callable[[BaseException], None] | None = None,
            cancelled: Callable[[], None] | None = None, progress: Callable[[ProgressUpdate], None] | None = None,
            busy: Sequence[QWidget] = (), cancel_button: QWidget | None = None, holds_next: bool = True) -> TaskHandle | None:
        """Run `work(progress, cancel)` off the GUI thread as the page's task (`self.task`): `busy`
        widgets and (unless `holds_next` is False) Next are disabled and `cancel_button` enabled until
        it ends; then exactly one of `done(result)`, `cancelled()` (the person pressed Cancel) or
        `failed(error)` runs on the GUI thread. Returns the handle, or None when the page is busy
        already."""
        from ..core.progress import Cancelled
        from ..tasks import run_task

        if self.task is not None:
            return None
        for widget in busy:
            widget.setEnabled(False)
        if cancel_button is not None:
            cancel_button.setEnabled(True)

        def finish() -> None:
            self.task = None
            for widget in busy:
                widget.setEnabled(True)
            if cancel_button is not None:
                cancel_button.setEnabled(False)
            self.task_changed()
            self.refresh_complete()

        def succeeded(result: Any) -> None:
            finish()
            if self.project is not project:
                return  # the project was closed or replaced while the work ran: its result is not this one's
            done(result)

        def went_wrong(error: BaseException) -> None:
            finish()
            if isinstance(error, Cancelled):
                if cancelled is not None:
                    cancelled()
            elif failed is not None:
                failed(error)
            else:
                raise error

        project = self.project
        self._task_holds_next = holds_next
        self.task = run_task(work, on_result=succeeded, on_error=went_wrong, on_progress=progress, owner=self)
        self.task_changed()
        self.refresh_complete()
        return self.task

    def task_changed(self) -> None:
        """The page's task (`run`) started or ended: what only a running task needs shows or hides."""
        for widget in self.shown_while_running:
            widget.setVisible(self.task is not None)

    def show_only_while_running(self, *widgets: QWidget) -> None:
        """Idle, an empty progress bar reads as a text field: these show only while the page's task runs,
        their place kept so that nothing moves when they come and go."""
        for widget in widgets:
            policy = widget.sizePolicy()
            policy.setRetainSizeWhenHidden(True)
            widget.setSizePolicy(policy)
            widget.setVisible(self.task is not None)
        self.shown_while_running = (*self.shown_while_running, *widgets)

    def lookup(self, work: Work, done: Callable[[Any], None],
               failed: Callable[[BaseException], None] | None = None) -> TaskHandle:
        """A short background read (the keyring, a listing) that holds neither Next nor the buttons."""
        from ..tasks import run_task

        return run_task(work, on_result=done, on_error=failed, owner=self)

    def cancel(self) -> None:
        """Ask the page's task to stop (its `cancelled` callback says so when it has)."""
        if self.task is not None:
            self.task.cancel()

    def after_first_paint(self) -> None:
        """The first page's settings that need `QtCore.Qt`, applied once it is on screen (see
        wizard/qt_values.py). Pages built after the first paint set everything in __init__."""

    def explain(self, key: str, *widgets: QWidget) -> None:
        """Put the glossary's explanation of `key` (resources/guidance/) first in the tooltip of each
        widget and of the labels that name it, so a term in a field label explains itself."""
        from PySide6.QtWidgets import QLabel

        from ..core.guidance import term_explanation
        from ..i18n import current_language

        text = term_explanation(key, current_language())
        labels = [label for label in self.findChildren(QLabel) if label.buddy() in widgets]
        for widget in (*widgets, *labels):
            own = widget.toolTip()
            widget.setToolTip(text if not own or text in own else f"{text}\n\n{own}")

    def validatePage(self) -> bool:  # noqa: N802 - Qt override
        return self.jumping() or self.is_step_complete()

    def changed(self) -> None:
        """Call after an edit: marks the project dirty and refreshes Next."""
        self.document.mark_changed()
        self.refresh_complete()

    def refresh_complete(self, force: bool = False) -> None:
        """Tell the wizard that Next may have changed -- only when it did (or `force`), and without
        taking the keyboard away from the person typing.

        Why: QWizard answers `completeChanged` by hiding and re-showing the widget that holds the
        page (its "anti-flicker" widget). Hiding a widget that contains the focus moves the focus
        to the next widget in the window -- the step list -- so every key after the first went
        there. Emitting only when completeness flips makes that rare; putting the focus back where
        it was makes it invisible."""
        complete = self.isComplete()
        self._explain_next(complete)
        if not force and complete == self._complete_shown:
            return
        self._complete_shown = complete
        focus = QApplication.focusWidget()
        self.completeChanged.emit()
        if focus is not None and QApplication.focusWidget() is not focus and focus.isVisible():
            focus.setFocus()  # OtherFocusReason: a line edit keeps its cursor, nothing is selected


def setup_row_table(view: QTableView, accessible_name: str) -> None:
    """The way every results table here behaves: whole rows, one at a time, read-only."""
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.verticalHeader().hide()
    view.setTabKeyNavigation(False)  # Tab leaves the table (arrows move in it), as in every form
    view.setAccessibleName(accessible_name)


def readable_columns(view: QTableWidget | QTreeWidget, stretch: int | None = None) -> None:
    """Every column at least as wide as its title: the `stretch` column takes what is left (never
    less than its title), the others fit their contents (title included), and the view asks for
    enough width that no title is cut. Call after the header labels are set."""
    from PySide6.QtWidgets import QHeaderView, QTreeWidget

    # The titles from the items, not model.headerData: that takes a QtCore.Qt enum, and the first
    # page calls this before it paints (wizard/qt_values.py).
    if isinstance(view, QTreeWidget):
        header = view.header()
        titles = [view.headerItem().text(c) for c in range(header.count())]
    else:
        header = view.horizontalHeader()
        items = [view.horizontalHeaderItem(c) for c in range(header.count())]
        titles = [item.text() if item is not None else "" for item in items]
    metrics = header.fontMetrics()
    need = 0
    for column, title in enumerate(titles):
        width = metrics.horizontalAdvance(title) + 24  # the style's margins and a sort arrow
        need += width
        if column == stretch:
            # Not Qt's Stretch mode: that squeezes the column down to the header's minimum section
            # size, and raising that minimum widens *every* column (a "Size" column as wide as a
            # long "VHD file or blob URL" title pushed the table into sideways scrolling).
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            _StretchWithFloor(header, column, width)
        else:
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
    header.setStretchLastSection(stretch is None)
    view.setMinimumWidth(need + 2 * view.frameWidth())


class _StretchWithFloor(QObject):
    """Keeps one header section as wide as the space the others leave, and never narrower than
    `floor` (its title): refitted when the header is resized and when another section changes."""

    def __init__(self, header: QHeaderView, column: int, floor: int) -> None:
        super().__init__(header)
        self.header, self.column, self.floor = header, column, floor
        header.installEventFilter(self)
        header.sectionResized.connect(self._section_resized)
        self.fit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.Resize:
            self.fit()
        return False

    def _section_resized(self, index: int, _old: int, _new: int) -> None:
        if index != self.column:
            self.fit()

    def fit(self) -> None:
        from shiboken6 import isValid

        header = self.header
        if not isValid(header):  # a section signal while the table is being destroyed (the window closing)
            return
        others = sum(header.sectionSize(c) for c in range(header.count())
                     if c != self.column and not header.isSectionHidden(c))
        width = max(self.floor, header.width() - others)
        if header.sectionSize(self.column) != width:
            header.resizeSection(self.column, width)


def button_grid(buttons: Iterable[QWidget], columns: int) -> QLayout:
    """Buttons in rows of `columns`: one long row would make a page wider than a small screen.
    (Box layouts, not a QGridLayout: the first page is built before it paints, and every new Qt type
    costs start-up time.)"""
    from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout

    rows = QVBoxLayout()
    listed = list(buttons)
    for start in range(0, len(listed), columns):
        row = QHBoxLayout()
        for button in listed[start:start + columns]:
            row.addWidget(button)
        row.addStretch(1)
        rows.addLayout(row)
    return rows


SKU_WITHOUT_ID = QT_TRANSLATE_NOOP("StepPage", "SKU without an ID")
SKU_CHOICE = QT_TRANSLATE_NOOP("StepPage", "{0}, version {1}")


def sku_choice_label(sku: Sku) -> str:
    """How a SKU reads in a chooser: "ubuntu-standard, version 1.0.0" (one wording for every page)."""
    from ..i18n import translate

    name = sku.sku_id or translate("StepPage", SKU_WITHOUT_ID)
    return translate("StepPage", SKU_CHOICE).format(name, sku.version or "?")


def disk_label(sku: Sku, disk: Disk) -> str:
    """"<sku> / OS disk" or "<sku> / data disk LUN n" in the UI language (one wording for every page)."""
    from ..core.operations import disk_args
    from ..i18n import translate_template

    args = disk_args(sku, disk)
    return f"{sku.sku_id or '?'} / {translate_template(args['disk'], args)}"
