"""The main window: menus, the step list with the guidance panel under it, and the QWizard with the eight pages."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from PySide6.QtCore import QCoreApplication, QSettings, QTimer, Signal
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QVBoxLayout,
    QWidget,
    QWizard,
)

# QMessageBox, QFileDialog, QStyle, QAction and QKeySequence are imported where used: creating their many
# enums costs tens of milliseconds, and start-up should only pay for what it shows.
from . import __version__
from .core.model import FILE_SUFFIX, Project, new_project
from .core.steps import Step, StepState, step_statuses
from .document import ProjectDocument
from .i18n import chosen_language, display_name, local_time, translate_problem, translate_template
from .pages.base import StepPage
from .pages.offer_page import OfferPage
from .qt_values import ACCESSIBLE_DESCRIPTION_ROLE, USER_ROLE

if TYPE_CHECKING:
    from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
    from PySide6.QtWidgets import QMenu, QMessageBox

    from .core.operations import ProjectUnreadable, RecoveryStore
    from .guidance_panel import GuidancePanel, HelpDialog
    from .start_dialog import StartDialog

log = logging.getLogger(__name__)


def html_escape(text: str) -> str:
    import html

    return html.escape(text)
MAX_RECENT = 8
AUTOSAVE_MS = 30_000
CLOSE_WAIT_S = 5.0  # how long closing waits for cancelled work to stop
MARKS_MAX_AGE_S = 60.0  # a step switch works the marks out again after this long, even with no edit


def unsaved_changes_question(parent: QWidget) -> QMessageBox.StandardButton:
    """Save / Don't save / Cancel, each with its Alt+letter (Qt's standard buttons have none in English)."""
    from PySide6.QtWidgets import QMessageBox

    from .mnemonics import ask

    buttons = QMessageBox.StandardButton
    return ask(parent, QCoreApplication.translate("MainWindow", "Unsaved changes"),
               QCoreApplication.translate("MainWindow", "The project has unsaved changes. Save them first?"),
               buttons.Save | buttons.Discard | buttons.Cancel, buttons.Save)


def page_classes() -> list[type[StepPage]]:
    """The eight page classes in step order. Pages 2–8 are imported here, not at module import,
    so a window that shows the first page at once does not pay for the others first."""
    from .pages.connection_page import ConnectionPage
    from .pages.export_page import ExportPage
    from .pages.next_page import NextPage
    from .pages.questionnaire_page import QuestionnairePage
    from .pages.sas_page import SasPage
    from .pages.testrun_page import TestRunPage
    from .pages.vhd_page import VhdPage

    return [OfferPage, VhdPage, ConnectionPage, TestRunPage, QuestionnairePage, SasPage, ExportPage, NextPage]


def recovery_store() -> RecoveryStore:
    import platformdirs

    from .core.operations import RecoveryStore

    return RecoveryStore(Path(platformdirs.user_state_dir("mpwizard", appauthor=False)) / "recovery")


class StepWizard(QWizard):
    """QWizard embedded in the main window; `jump_to` lets the step list skip around."""

    jumped = Signal()  # a jump ended (the pages it passed were not shown)

    def __init__(self) -> None:
        # No parent: the main window's layout adopts it, and adopting drops the window type a
        # parented QWizard (a dialog) would have -- without touching QtCore.Qt (wizard/qt_values.py).
        super().__init__()
        self.setOption(QWizard.WizardOption.NoCancelButton, True)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.jumping = False
        self.jump_target: int | None = None
        self.finish_requested: Callable[[], object] | None = None
        self.ensure_pages: Callable[[], None] = lambda: None  # set by the main window while pages 2–7 are still to be built

    def nextId(self) -> int:  # noqa: N802 - Qt override
        # The steps are a straight line: page n+1 follows page n even before it has been built,
        # so the first page shows Next (not Finish) from its very first paint.
        current = self.currentId()
        return current + 1 if 0 <= current < len(Step) - 1 else -1

    def next(self) -> None:
        self.ensure_pages()
        super().next()

    def jump_to(self, target: int) -> None:
        self.ensure_pages()
        if self.currentId() < 0:
            self.restart()  # not shown yet: QWizard starts itself on show, but we move now
        self.jumping = True
        self.jump_target = target
        start = self.currentId()
        try:
            if 0 <= target < start and target + 1 < start - target:
                # Far back: each page passed costs QWizard a relayout (~5 ms), so starting again from
                # page 1 and walking forward passes fewer (from step 8 to step 1: one switch, not seven).
                # Back and restart both clean up the pages they leave; the result is the same.
                self.restart()
            for _ in range(len(self.pageIds()) * 2):
                current = self.currentId()
                if current == target:
                    break
                self.next() if current < target else self.back()
                if self.currentId() == current:
                    break  # a page refused; stay where we are
        finally:
            self.jumping = False
            self.jump_target = None
            page = self.currentPage()
            if isinstance(page, StepPage):
                page.page_shown()
                if self.currentId() != start:
                    # QWizard last asked while the jump was on, and heard "complete": Next changes (and
                    # the page is laid out again) only when the page now says otherwise.
                    page._complete_shown = True
                page.refresh_complete()
            self.jumped.emit()

    def accept(self) -> None:  # Finish: the window stays; the project is saved
        if self.finish_requested:
            self.finish_requested()

    def reject(self) -> None:  # Esc must not hide the embedded wizard
        pass


class MainWindow(QMainWindow):
    languageChangeRequested = Signal(str)
    firstPainted = Signal()  # the first page is on screen: start what can wait until then

    def __init__(self, document: ProjectDocument | None = None, defer_until_painted: bool = False):
        """`defer_until_painted`: build only the first page now, and the other six pages and the
        menu actions right after the window first paints (the app does this; tests and tools get
        everything at once)."""
        super().__init__()
        self.document = document or ProjectDocument()
        self.settings = QSettings()
        self._closing_for_language = False  # app.switch_language closes this window for its successor
        self._rules_chosen_for: Project | None = None  # the project whose rules a person chose on the start page
        self.status_evaluations = 0  # how often the step marks were worked out (once per project change)
        self._marks_for: tuple[Project, int, float] = (self.document.project, -1, 0.0)
        self._row_marks: dict[Step, tuple[StepState, bool]] = {}  # each row's mark as last drawn
        self.setMinimumSize(860, 600)
        screen = QApplication.primaryScreen()
        available = screen.availableGeometry() if screen else None
        if available is not None:
            self.resize(min(1180, available.width()), min(780, available.height()))

        self.steps = QListWidget()
        self.steps.setObjectName("stepList")
        self.steps.setAccessibleName(self.tr("Steps"))
        # Narrow: at 1024 pixels every one of them is needed by the page beside it.
        self.steps.setMaximumWidth(200)
        self.steps.setMinimumWidth(160)
        self.wizard = StepWizard()
        self.wizard.finish_requested = self.save
        self.pages: list[StepPage] = []
        self._add_page(OfferPage)
        self._painted = False
        # With the pages deferred, so are the step marks: working them out needs the whole status
        # evaluator (and its modules) before anything is on screen. Until the first paint the rows
        # show their names only; right after it, the marks (as icons) and their reasons.
        self._marks_wait_for_paint = defer_until_painted
        self.pages[0].painted.connect(self._announce_first_paint)
        QTimer.singleShot(1000, self, self._announce_first_paint)  # a window never painted (hidden) gets there too
        self.firstPainted.connect(self.pages[0].after_first_paint)
        self.firstPainted.connect(self._guard_first_page)
        if defer_until_painted:
            self.wizard.ensure_pages = self.build_remaining_pages
            self.firstPainted.connect(self.build_remaining_pages)
        else:
            self._guard_first_page()
            self.build_remaining_pages()
        self.wizard.setButtonText(QWizard.WizardButton.FinishButton, self.tr("&Save project"))
        self.step_names = {
            Step.OFFER: self.tr("Offer & SKUs"),
            Step.VHD: self.tr("VHD check"),
            Step.CONNECTION: self.tr("Connection"),
            Step.TEST_RUN: self.tr("Test run"),
            Step.QUESTIONNAIRE: self.tr("Questionnaire"),
            Step.SAS: self.tr("SAS URIs"),
            Step.EXPORT: self.tr("Export"),
            Step.NEXT: self.tr("What's next"),
        }
        for step in Step:
            self.steps.addItem(QListWidgetItem(self.step_names[step]))
        central = QWidget()
        row = QHBoxLayout(central)
        # The step list and, under it, the guidance panel (built after the first paint) share the left column.
        self.left = QWidget()
        self.left.setMaximumWidth(200)
        self.left_column = QVBoxLayout(self.left)
        self.left_column.setContentsMargins(0, 0, 0, 0)
        self.left_column.addWidget(self.steps, 1)
        self.guidance: GuidancePanel | None = None
        row.addWidget(self.left)
        row.addWidget(self.wizard, 1)
        self.setCentralWidget(central)

        self._build_menus()
        if defer_until_painted:
            self.firstPainted.connect(self._fill_menus)
            self.firstPainted.connect(self._install_keyboard_aids)
        else:
            self._fill_menus()
            self._install_keyboard_aids()
        self.steps.currentRowChanged.connect(self._step_clicked)
        self.wizard.currentIdChanged.connect(self._page_changed)
        self.wizard.jumped.connect(lambda: self._page_changed(self.wizard.currentId()))
        self.document.changed.connect(self._refresh_steps)
        self.document.dirtyChanged.connect(self._update_title)
        self.document.replaced.connect(self._project_replaced)

        self.autosave = QTimer(self)
        self.autosave.setInterval(int(str(self.settings.value("autosave_ms", AUTOSAVE_MS))))
        self.autosave.timeout.connect(self.write_recovery)
        self.autosave.start()

        # No restart() here: QWizard starts itself when first shown, and opening a file restarts it,
        # so a window opened with a project builds its first page's contents once, not twice.
        self._refresh_steps()
        self._update_title()

    @cached_property
    def recovery(self) -> RecoveryStore:
        """Autosave copies; made on first use (platformdirs is not needed to show the first page)."""
        return recovery_store()

    def _add_page(self, cls: type[StepPage]) -> None:
        page = cls(self.document)
        self.pages.append(page)
        self.wizard.setPage(int(page.step), page)

    def _announce_first_paint(self) -> None:
        if not self._painted:
            self._painted = True
            QTimer.singleShot(0, self, self.firstPainted.emit)  # once this paint is done (not if closed by then)

    def _guard_first_page(self) -> None:
        from .pages.base import StepPage
        from .wheel_guard import guard_wheel

        StepPage.qt_ready = True
        self._marks_wait_for_paint = False
        guard_wheel(self.pages[0])
        if self.steps.count():
            self._refresh_steps()  # the marks become icons

    def build_remaining_pages(self) -> None:
        """Pages 2–7, once; the wizard asks for them before moving on."""
        if len(self.pages) == len(Step):
            return
        self.wizard.ensure_pages = lambda: None
        for cls in page_classes()[len(self.pages):]:
            self._add_page(cls)
        # Pages with costly widgets build them while the person is still looking at the first page,
        # not when they first click their step (the questionnaire's first build took ~50 ms).
        QTimer.singleShot(300, self, self._prepare_pages_in_idle)

    def _prepare_pages_in_idle(self) -> None:
        for page in self.pages:
            if page is not self.wizard.currentPage():
                page.prepare_in_idle()
        # Then, one piece per turn of the event loop, what a first visit to a step would otherwise
        # wait for: the core modules the other pages use, and each step's guidance.
        self._import_in_idle(["wizard.core.sas", "wizard.core.export", "wizard.tasks", "wizard.image_dialog"])

    def _import_in_idle(self, modules: list[str]) -> None:
        if modules:
            import importlib

            importlib.import_module(modules[0])
            QTimer.singleShot(0, self, lambda: self._import_in_idle(modules[1:]))
        elif self.guidance is not None:
            self.guidance.prepare_in_idle(self._os_families(), self.document.project.profile_id)

    # -- menus ---------------------------------------------------------------
    def _build_menus(self) -> None:
        """The menu titles; their actions come from _fill_menus (after the first paint when deferred:
        actions with key sequences make PySide create QtCore.Qt's enums, see wizard/qt_values.py)."""
        self.file_menu = self.menuBar().addMenu(self.tr("&File"))
        self.view_menu = self.menuBar().addMenu(self.tr("&View"))
        self.help_menu = self.menuBar().addMenu(self.tr("&Help"))

    def _fill_menus(self) -> None:
        from PySide6.QtGui import QAction, QKeySequence

        file_menu = self.file_menu

        def action(menu: QMenu, text: str, slot: Callable[[], Any],
                   shortcut: QKeySequence | QKeySequence.StandardKey | None = None) -> QAction:
            act = QAction(text, self)
            if shortcut is not None:
                act.setShortcut(shortcut)
            act.triggered.connect(slot)
            menu.addAction(act)
            return act

        self.act_new = action(file_menu, self.tr("&New"), self.new_project_with_start_page, QKeySequence.StandardKey.New)
        self.act_open = action(file_menu, self.tr("&Open…"), self.open_dialog, QKeySequence.StandardKey.Open)
        self.recent_menu = file_menu.addMenu(self.tr("Open &Recent"))
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        file_menu.addSeparator()
        self.act_save = action(file_menu, self.tr("&Save"), self.save, QKeySequence.StandardKey.Save)
        self.act_save_as = action(file_menu, self.tr("Save &As…"), self.save_as, QKeySequence.StandardKey.SaveAs)
        self.act_close = action(file_menu, self.tr("&Close"), self.close_project, QKeySequence.StandardKey.Close)
        file_menu.addSeparator()
        self.act_import_pc = action(file_menu, self.tr("&Import from Partner Center…"), self.import_partner_center_dialog)
        # Partner Center's pages offer no download of this file: say where it comes from.
        where = self.tr("A plan's technical configuration as Partner Center's Product Ingestion API returns it (GET "
                        "https://graph.microsoft.com/rp/product-ingestion/resource-tree/product/<product ID>, saved "
                        "as .json): its published image versions are kept in the next export.")
        self.act_import_pc.setToolTip(where)
        self.act_import_pc.setStatusTip(where)
        file_menu.setToolTipsVisible(True)
        file_menu.addSeparator()
        action(file_menu, self.tr("&Quit"), self.close, QKeySequence.StandardKey.Quit)

        lang_menu = self.view_menu.addMenu(self.tr("&Language"))
        for code, label in (("", self.tr("System default")), ("en", "English"), ("ja", "日本語")):
            act = lang_menu.addAction(label)
            act.setCheckable(True)
            act.setChecked(chosen_language() == code)
            act.triggered.connect(lambda _=False, c=code: self.languageChangeRequested.emit(c))

        self.act_help_step = action(self.help_menu, self.tr("&Help for this step"), self.show_step_help,
                                    QKeySequence("F1"))
        self.act_glossary = action(self.help_menu, self.tr("&Glossary"), self.show_glossary)
        self.act_outline = action(self.help_menu, self.tr("Publishing &outline"), self.show_outline)
        self.act_shortcuts = action(self.help_menu, self.tr("&Keyboard shortcuts"), self.show_shortcuts)
        self.act_start = action(self.help_menu, self.tr("&Getting started…"), lambda: self.show_start_page(force=True))
        self.help_menu.addSeparator()
        action(self.help_menu, self.tr("&About"), self.show_about)
        action(self.help_menu, self.tr("Open &log folder"), self.open_log_folder)

        self._build_guidance()

    def _install_keyboard_aids(self) -> None:
        """A visible focus ring on whatever has the keyboard, and Ctrl+1…8 to go to a step."""
        from PySide6.QtGui import QKeySequence, QShortcut

        from .focus_ring import install_focus_ring

        install_focus_ring()
        self.step_shortcuts = []
        for step in Step:
            shortcut = QShortcut(QKeySequence(f"Ctrl+{int(step) + 1}"), self)
            shortcut.activated.connect(lambda s=step: self.go_to_step(s))
            self.step_shortcuts.append(shortcut)
        self._refresh_steps()  # the tooltips name the keys

    def go_to_step(self, step: Step) -> None:
        """Ctrl+1…8: that step, the keyboard focus on its page (as a click in the step list does)."""
        self.wizard.jump_to(int(step))
        page = self.wizard.currentPage()
        if page is not None:
            page.setFocus()
            page.focusNextChild()

    def _build_guidance(self) -> None:
        from .guidance_panel import GuidancePanel

        guidance = self.guidance = GuidancePanel(self.settings)
        guidance.stepRequested.connect(self.wizard.jump_to)
        # The list takes the height of its rows; the panel the rest of the column.
        self.left_column.setStretch(0, 0)
        self._fit_step_list()
        self.left_column.addWidget(guidance, 1)
        self.left_column.addStretch(0)
        # In the Tab chain right after the step list, as on screen (built last, it would come after the pages).
        QWidget.setTabOrder(self.steps, guidance.toggle)
        QWidget.setTabOrder(guidance.toggle, guidance.body)
        self._show_guidance()

    def _fit_step_list(self) -> None:
        """The step list as tall as its rows (no scroll bar), the guidance panel under it."""
        if getattr(self, "guidance", None) is not None:
            rows = sum(max(self.steps.sizeHintForRow(r), 1) for r in range(self.steps.count()))
            self.steps.setFixedHeight(rows + 2 * self.steps.frameWidth() + 2 * self.steps.spacing() + 2)

    def _os_families(self) -> tuple[str, ...]:
        return tuple(sorted({sku.os_family for sku in self.document.project.skus if sku.os_family}))

    def _show_guidance(self) -> None:
        if self.guidance is not None:
            # As the project's requirement profile words it: under Partner Center nothing of the 2015 portal.
            self.guidance.show_step(Step(max(0, self.wizard.currentId())), self._os_families(),
                                    self.document.project.profile_id)

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        recent = self.recent_files()
        if not recent:
            act = self.recent_menu.addAction(self.tr("(none)"))
            act.setEnabled(False)
        for path in recent:
            act = self.recent_menu.addAction(path)
            act.triggered.connect(lambda _=False, p=path: self.open_path(Path(p)))

    def recent_files(self) -> list[str]:
        value = self.settings.value("recent_files", [])
        if isinstance(value, str):
            value = [value]
        return [v for v in (value if isinstance(value, list) else []) if isinstance(v, str)]

    def _remember_recent(self, path: Path) -> None:
        current = self.recent_files()
        items = ([str(path)] + [p for p in current if p != str(path)])[:MAX_RECENT]
        if items != current:  # an unchanged list is not written again (QSettings rewrites and syncs its file)
            self.settings.setValue("recent_files", items)

    # -- state ---------------------------------------------------------------
    def _update_title(self, *_args: object) -> None:
        name = self.document.title() or self.tr("Untitled")
        self.setWindowTitle(f"{name}[*] — {display_name()}")
        self.setWindowModified(self.document.dirty)

    def _refresh_steps(self) -> None:
        """The step list's marks from the status evaluator: once per project change (document.changed,
        replaced), not once per step switch (`_refresh_steps_if_stale`)."""
        if self._marks_wait_for_paint:
            for step in Step:
                self.steps.item(int(step)).setText(f"{int(step) + 1}. {self.step_names[step]}")
            return
        self.status_evaluations += 1
        self._marks_for = (self.document.project, self.document.revision, time.monotonic())
        statuses = step_statuses(self.document.project)
        # Marks that read without colour: done, needs attention, failed, not started (core.status.Mark).
        marks = {StepState.DONE: "✓", StepState.ATTENTION: "⚠", StepState.FAILED: "✗", StepState.NOT_STARTED: "○"}
        words = {
            StepState.DONE: self.tr("done"),
            StepState.ATTENTION: self.tr("needs attention"),
            StepState.FAILED: self.tr("failed or out of date"),
            StepState.NOT_STARTED: self.tr("not started"),
        }
        from .pages.base import StepPage

        # Once Qt is ready the mark is an icon: as text, each mark came from another font (and in
        # Japanese so did the digits after it), so the numbers did not line up.
        icons = StepPage.qt_ready
        for step in Step:
            item = self.steps.item(int(step))
            status = statuses[step]
            state = status.state
            if self._row_marks.get(step) == (state, icons):
                pass  # the same mark: drawing its icon again is the costly part
            elif icons:
                from .style import label_icon

                icon, size = label_icon(f"{marks[state]}  {int(step) + 1}.", self.steps, "⚠  7.")
                item.setIcon(icon)
                self.steps.setIconSize(size)
                item.setText(self.step_names[step])
            else:
                item.setText(f"{marks[state]}  {int(step) + 1}. {self.step_names[step]}")
            self._row_marks[step] = (state, icons)
            # "needs attention: 2 disk(s) not checked yet" -- the mark alone does not say why.
            said = words[state] if not status.reason else self.tr("{0}: {1}").format(
                words[state], translate_template(status.reason, dict(status.args)))
            if getattr(self, "step_shortcuts", None):
                said_with_key = self.tr("{0} (Ctrl+{1})").format(said, int(step) + 1)
            else:
                said_with_key = said
            item.setToolTip(said_with_key)
            item.setData(ACCESSIBLE_DESCRIPTION_ROLE, said)
            item.setData(USER_ROLE, state.value)
        self._fit_step_list()  # the rows grow when the marks become icons
        self._show_guidance()  # the profile may have changed: the guidance follows it

    def _refresh_steps_if_stale(self) -> None:
        """On a step switch: the marks are worked out again only when the project changed since (or a
        minute has passed: a SAS may have come near its expiry)."""
        project, revision, when = self._marks_for
        if project is not self.document.project or revision != self.document.revision \
                or time.monotonic() - when > MARKS_MAX_AGE_S:
            self._refresh_steps()

    # -- where the person was ---------------------------------------------------
    def _last_step_key(self, path: Path | str | None = None) -> str | None:
        """The per-project setting that remembers the step a project was left on (by its file's path)."""
        import zlib  # not hashlib: it loads OpenSSL, ~4 ms before the first paint of a reopened project

        path = path if path is not None else self.document.path
        if not path:
            return None
        # A key per file, not a secret: two 32-bit checksums of the resolved path tell one project from another.
        name = str(Path(path).resolve()).encode("utf-8")
        return f"last_step/{zlib.crc32(name):08x}{zlib.adler32(name):08x}"

    def _remember_step(self, page_id: int | None = None) -> None:
        key = self._last_step_key()
        page_id = self.wizard.currentId() if page_id is None else page_id
        if key is not None and page_id >= 0 and not getattr(self, "_restoring_step", False):
            self.settings.setValue(key, int(page_id))

    def remembered_step(self, path: Path) -> Step | None:
        key = self._last_step_key(path)
        value = self.settings.value(key) if key else None
        try:
            return Step(int(value)) if value is not None else None
        except (TypeError, ValueError):
            return None

    def _page_changed(self, page_id: int) -> None:
        if self.wizard.jumping:
            return  # once, when the jump ends (jumped)
        self._remember_step(page_id)
        self.steps.blockSignals(True)
        self.steps.setCurrentRow(page_id)
        self.steps.blockSignals(False)
        self._refresh_steps_if_stale()
        self._show_guidance()

    def _step_clicked(self, row: int) -> None:
        if row >= 0 and row != self.wizard.currentId():
            self.wizard.jump_to(row)

    def _project_replaced(self) -> None:
        self.cancel_running_work()  # work for the project that was open stops (and is not recorded in this one)
        self.wizard.restart()
        self._refresh_steps()
        self._update_title()

    # -- file actions --------------------------------------------------------
    def maybe_keep_changes(self) -> bool:
        """Ask about unsaved changes; False means the user cancelled."""
        from PySide6.QtWidgets import QMessageBox

        if not self.document.dirty:
            return True
        answer = unsaved_changes_question(self)
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        if answer == QMessageBox.StandardButton.Discard:
            self.recovery.discard(self.document.project.project_id)
            return True
        return False

    def new_project(self) -> None:
        if self.maybe_keep_changes():
            self.document.replace(new_project(), None)

    def new_project_with_start_page(self) -> None:
        """File → New: a new project, then its start page (the rules to follow, what to have ready)."""
        before = self.document.project
        self.new_project()
        if self.document.project is not before:
            self.show_start_page()

    def close_project(self) -> None:
        self.new_project()

    def open_dialog(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        if not self.maybe_keep_changes():
            return
        start = str(self.document.path.parent) if self.document.path else ""
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("Open project"), start, self.tr("Marketplace wizard projects (*.mpwiz);;All files (*)")
        )
        if name:
            self.open_path(Path(name), ask=False)

    def unreadable_message(self, exc: ProjectUnreadable) -> str:
        """What went wrong with a file that cannot be opened, in the UI language, and what to do; the
        loader's own English sentence follows as the detail (for a colleague or a support request)."""
        path = str(exc.path)
        what = {
            "not-found": self.tr("The file {0} does not exist (was it moved, renamed or deleted?)."),
            "folder": self.tr("{0} is a folder, not a project file."),
            "empty": self.tr("The file {0} is empty: it holds no project."),
            "too-large": self.tr("The file {0} is far larger than any project file: it is probably not one."),
            "not-text": self.tr("{0} is not a project file: it is not text."),
            "not-json": self.tr("{0} is damaged: it stops making sense at line {1}, column {2}."),
            "not-project": self.tr("{0} is not a project file of this app."),
            "newer-version": self.tr("{0} was made by a newer version of this app. Update the app to open it."),
            "os-error": self.tr("The file {0} cannot be read."),
        }.get(exc.reason, self.tr("{0} cannot be opened."))
        lead = what.format(path, exc.line or "?", exc.column or "?")
        todo = self.tr("Nothing was changed: the file is as it was, and the project open here stays open.")
        if exc.reason in ("empty", "too-large", "not-text", "not-json", "not-project"):
            todo += " " + self.tr("If it is your project and it was damaged, open {0} beside it (the version before "
                                  "its last save) with File → Open, or the copy the app offers at start-up after a "
                                  "crash.").format(f"{exc.path.name}.bak")
        return f"{lead}\n\n{todo}\n\n" + self.tr("Details: {0}").format(exc)

    def open_path(self, path: Path, ask: bool = True) -> bool:
        # Not through the facade: a project given at start-up opens before the first paint, and importing
        # `operations` (its storage and keyring modules) there cost ~12 ms of start-up (-X importtime).
        from .core.projectio import ProjectUnreadable, load_project

        if ask and not self.maybe_keep_changes():
            return False
        try:
            loaded = load_project(path)
        except ProjectUnreadable as exc:
            from .mnemonics import critical

            log.warning("could not open %s: %s", path, exc.reason)
            critical(self, self.tr("Cannot open project"), self.unreadable_message(exc))
            return False
        step = self.remembered_step(path)  # read before the wizard restarts on the first step
        self._restoring_step = True
        try:
            self.document.replace(loaded.project, path.resolve(), stamp=loaded.stamp, stamp_known=True)
        finally:
            self._restoring_step = False
        if step is not None and step != Step.OFFER:
            self.wizard.jump_to(int(step))  # where the person left it (a page that refuses keeps them before it)
        self._remember_recent(path.resolve())
        self._warn_expiring_sas()
        if loaded.problems:
            from PySide6.QtWidgets import QMessageBox

            from .mnemonics import message_box

            details = "\n".join(f"• {p.path}: {translate_problem(p)}" for p in loaded.problems)
            message_box(self, QMessageBox.Icon.Warning, self.tr("Project opened with problems"),
                        self.tr("Some values in this file were damaged and replaced by defaults. "
                                "Check them before saving; saving keeps the original as a .bak file."),
                        details=details, name="openedWithProblems").open()
        return True

    def import_partner_center_dialog(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("Import from Partner Center: the plan's technical configuration (Product Ingestion API)"), "",
            self.tr("Technical configuration (*.json);;All files (*)"))
        if name:
            self.import_partner_center(Path(name))

    def import_partner_center(self, path: Path) -> None:
        """Merge a plan's technical configuration into its SKU (here: it changes the project the pages
        show); its SAS tokens go to the keyring off the GUI thread."""
        from dataclasses import replace

        from PySide6.QtWidgets import QMessageBox

        from .core.operations import (
            M_TOKENS_SESSION_ONLY,
            ImportUnreadable,
            keep_published_tokens,
            merge_partner_center,
            read_import_file,
        )
        from .tasks import run_task

        def say(text: str, warn: bool) -> None:
            from .mnemonics import message_box

            self.last_import_message = text
            # Plain text (message_box's default): the file's own words are in it, never rich text (issue #29).
            message_box(self, QMessageBox.Icon.Warning if warn else QMessageBox.Icon.Information,
                        self.tr("Import from Partner Center"), text, name="importMessage").open()

        project = self.document.project
        try:
            plan, tokens = merge_partner_center(project, read_import_file(path))
        except (ImportUnreadable, OSError, UnicodeDecodeError) as exc:
            say(self.tr("Nothing was imported: {0}").format(exc), warn=True)
            return
        self.document.mark_changed()
        self.wizard.jump_to(0)
        self.pages[0].load_from_project()

        def done(in_keyring: bool) -> None:
            imported = replace(plan, in_keyring=in_keyring)
            lines = [self.tr("Imported into SKU {0}. Published versions: {1}.").format(
                imported.sku_id, ", ".join(imported.versions) or self.tr("none"))]
            if not imported.in_keyring:
                lines.append(translate_template(M_TOKENS_SESSION_ONLY, {}))  # core's words, as the CLI says them
            if imported.not_taken:
                lines.append(self.tr("Not taken:") + "\n• " + "\n• ".join(imported.not_taken))
            say("\n\n".join(lines), warn=bool(imported.not_taken) or not imported.in_keyring)

        run_task(lambda progress, cancel: keep_published_tokens(project.project_id, tokens), owner=self, on_result=done,
                 on_error=lambda error: say(self.tr("Imported, but the SAS tokens could not be kept: {0}").format(error),
                                            warn=True))

    def _warn_expiring_sas(self) -> None:
        from .core.steps import sas_expiry_state
        from .core.validation import project_profile  # runs as a start-up project opens: not via the facade

        profile = project_profile(self.document.project)
        due = [d for s in self.document.project.skus for d in s.disks if sas_expiry_state(d, profile) in ("soon", "expired")]
        if due:
            self.statusBar().showMessage(self.tr("{0} SAS URI(s) expire within {1} days or have expired: renew them "
                                                 "in the SAS URIs step.").format(len(due), profile.sas_renew_warning_days))

    def save(self) -> bool:
        if self.document.path is None:
            return self.save_as()
        return self._save_to(self.document.path)

    def save_as(self) -> bool:
        from PySide6.QtWidgets import QFileDialog

        from .core.operations import safe_file_name

        stem = safe_file_name(self.document.project.offer.offer_id or "project", "project")
        suggested = self.document.path or Path.home() / f"{stem}{FILE_SUFFIX}"
        name, _ = QFileDialog.getSaveFileName(self, self.tr("Save project"), str(suggested),
                                              self.tr("Marketplace wizard projects (*.mpwiz)"))
        if not name:
            return False
        path = Path(name)
        if path.suffix != FILE_SUFFIX:
            path = path.with_name(path.name + FILE_SUFFIX)
        return self._save_to(path)

    def _save_to(self, path: Path, overwrite: bool = False) -> bool:
        from .core.operations import ProjectChangedOnDisk, ProjectSaveError
        from .mnemonics import critical

        try:
            self.document.save(path, overwrite=overwrite)
        except ProjectChangedOnDisk:
            return self._changed_on_disk(path)
        except ProjectSaveError as exc:
            critical(self, self.tr("Save failed"), self.tr(
                "The project could not be saved to {0}. The previous file is unchanged and this window still holds "
                "every change: free some space or choose another folder with File → Save As.\n\nDetails: {1}")
                .format(path, exc))
            return False
        self.recovery.discard(self.document.project.project_id)
        self._remember_recent(path)
        self._remember_step()
        self._update_title()
        self.statusBar().showMessage(self.tr("Saved {0}").format(path), 4000)
        return True

    def _changed_on_disk(self, path: Path) -> bool:
        """Someone else wrote the file since it was opened here: the user decides, nothing is lost silently."""
        from PySide6.QtWidgets import QMessageBox

        from .mnemonics import message_box

        box = message_box(self, QMessageBox.Icon.Warning, self.tr("Project changed on disk"),
                          self.tr("{0} was changed by another window, program or person since you opened it here. "
                                  "Nothing was saved yet.").format(path), QMessageBox.StandardButton.Cancel,
                          informative=self.tr("Save yours under another name to keep both, overwrite theirs, or reload "
                                              "theirs and drop your changes."))
        save_as = box.addButton(self.tr("Save &As…"), QMessageBox.ButtonRole.AcceptRole)
        overwrite = box.addButton(self.tr("&Overwrite"), QMessageBox.ButtonRole.DestructiveRole)
        reload = box.addButton(self.tr("&Reload theirs"), QMessageBox.ButtonRole.ResetRole)
        box.setDefaultButton(save_as)
        self.last_conflict_box = box  # tests answer it
        box.exec()
        clicked = box.clickedButton()
        if clicked is save_as:
            return self.save_as()
        if clicked is overwrite:
            return self._save_to(path, overwrite=True)
        if clicked is reload:
            self.recovery.discard(self.document.project.project_id)
            return self.open_path(path, ask=False)
        return False

    def write_recovery(self) -> None:
        from .core.operations import ProjectSaveError

        if self.document.dirty:
            try:
                self.recovery.write(self.document.project, self.document.path)
            except ProjectSaveError as exc:
                log.warning("autosave failed: %s", exc)

    def offer_recovery(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        from .core.operations import ProjectUnreadable
        from .mnemonics import ask, warn

        buttons = QMessageBox.StandardButton
        for entry in self.recovery.entries():
            where = entry.source_path or self.tr("an unsaved project")
            answer = ask(
                self, self.tr("Restore unsaved changes?"),
                self.tr("The app closed unexpectedly while {0} had unsaved changes (autosaved {1}). "
                        "Restore them?").format(where, local_time(entry.saved_at)),
                buttons.Yes | buttons.Discard | buttons.Ignore, buttons.Yes,
                labels={buttons.Yes: self.tr("&Restore"), buttons.Discard: self.tr("&Discard them"),
                        buttons.Ignore: self.tr("Decide &later")},
            )
            if answer == buttons.Yes:
                try:
                    project, _problems = self.recovery.restore(entry)  # an autosave is our own writing
                except (ProjectUnreadable, OSError, ValueError) as exc:
                    warn(self, self.tr("Restore failed"), self.tr(
                        "The autosaved changes could not be read back, so they cannot be restored. Your saved "
                        "project file was not touched: open it with File → Open.\n\nDetails: {0}").format(exc))
                    continue
                self.document.replace(project, Path(entry.source_path) if entry.source_path else None, dirty=True)
                return
            if answer == buttons.Discard:
                self.recovery.discard(entry.project_id)

    # -- help ----------------------------------------------------------------
    def show_about(self) -> None:
        from PySide6 import __version__ as pyside_version

        from .mnemonics import about

        about(
            self,
            self.tr("About {0}").format(display_name()),
            self.tr("<h3>{0} {1}</h3><p>Guides you through preparing and submitting a VM image to "
                    "Azure Marketplace.</p><p>Bundled components and their licences: Qt 6 and Qt for Python "
                    "(PySide6 {2}) — LGPLv3; Python — PSF License; paramiko — LGPL-2.1; cryptography — Apache-2.0 "
                    "or BSD; azure-storage-blob and azure-core — MIT; keyring — MIT; platformdirs — MIT; "
                    "requests, urllib3, certifi (MPL-2.0) and their dependencies.</p>"
                    "<p>The questionnaire wording is this product's own, not Microsoft's.</p>").format(
                display_name(), __version__, pyside_version),
        )

    def current_step(self) -> Step:
        return Step(max(0, self.wizard.currentId()))

    def _help_window(self, title: str, html: str) -> HelpDialog:
        from .guidance_panel import HelpDialog

        dialog = HelpDialog(self, title, html, self.wizard.jump_to)
        dialog.show()
        self.last_help = dialog
        return dialog

    def show_step_help(self) -> HelpDialog:
        from .core.guidance import step_html
        from .i18n import current_language

        step = self.current_step()
        return self._help_window(self.tr("Help: {0}").format(self.step_names[step]),
                                 step_html(step, current_language(), os_families=self._os_families(),
                                           profile=self.document.project.profile_id))

    def show_glossary(self) -> HelpDialog:
        from .core.guidance import glossary_html
        from .i18n import current_language

        # The terms of the project's profile: under the 2015 guide nothing of Partner Center, and the reverse.
        return self._help_window(self.tr("Glossary"), glossary_html(current_language(),
                                                                    profile=self.document.project.profile_id))

    def show_outline(self) -> HelpDialog:
        """The process the project's profile follows, each part with the step that covers it: Partner Center's
        stages under Partner Center (the 2015 guide's chapters, its publishing portal and its tool, are not the
        process there), the guide's chapters under the 2015 guide."""
        from .core.guidance import outline_html, step_key
        from .core.operations import project_profile
        from .i18n import current_language

        if project_profile(self.document.project).partner_center:
            title = self.tr("Publishing in Partner Center: outline")
            intro = self.tr("The stages of publishing a virtual machine offer in Partner Center and the step of this "
                            "wizard that covers each (click a step to go there).")
        else:
            title = self.tr("The publishing guide's outline")
            intro = self.tr("The 2015 publishing guide's chapters and the step of this wizard that covers each "
                            "(click a step to go there).")
        names = {step_key(s): f"{int(s) + 1}. {self.step_names[s]}" for s in Step}
        return self._help_window(title, f"<p>{html_escape(intro)}</p>" + outline_html(
            current_language(), names, profile=self.document.project.profile_id))

    def shortcut_rows(self) -> list[tuple[str, str]]:
        """(keys, what they do): every menu action with a shortcut, then the wizard's own keys."""
        from PySide6.QtGui import QKeySequence

        rows: list[tuple[str, str]] = []
        for menu in (self.file_menu, self.help_menu):
            for act in menu.actions():
                if not act.shortcut().isEmpty():
                    rows.append((act.shortcut().toString(QKeySequence.SequenceFormat.NativeText),
                                 act.text().replace("&", "").rstrip("…")))
        rows += [
            (self.tr("Alt+N / Alt+B"), self.tr("Next / Back")),
            (self.tr("Ctrl+1 … Ctrl+8"), self.tr("Go to step 1 … 8")),
            (self.tr("Alt + underlined letter"), self.tr("Go to that field or press that button")),
            (self.tr("Tab / Shift+Tab"), self.tr("Next / previous field")),
            (self.tr("Ctrl+Tab"), self.tr("Out of a text box that takes Tab")),
        ]
        return rows

    def show_shortcuts(self) -> HelpDialog:
        rows = "".join(f"<tr><td><b>{html_escape(k)}</b></td><td>{html_escape(v)}</td></tr>" for k, v in self.shortcut_rows())
        return self._help_window(self.tr("Keyboard shortcuts"), f"<table cellpadding='4'>{rows}</table>")

    def show_start_page(self, force: bool = False) -> StartDialog | None:
        """The start page of a new project: the rules to follow and what to have ready. Shown for a new
        project unless the person unticked it; `force` (Help → Getting started) shows it anyway."""
        from .start_dialog import SHOW_KEY, StartDialog

        if not force and str(self.settings.value(SHOW_KEY, "true")).lower() not in ("true", "1"):
            return None
        from .core.steps import offer_touched

        project = self.document.project
        # A new project's page recommends today's rules and ticks them; once a person has chosen (or
        # the project has content or a file) it shows the project's own.
        fresh = self.document.path is None and not offer_touched(project) and self._rules_chosen_for is not project
        dialog = StartDialog(self, project, self.settings, "partner-center" if fresh else None)
        dialog.profileChosen.connect(self._start_profile_chosen)
        dialog.open()
        self.start_dialog = dialog
        return dialog

    def start_if_new(self) -> None:
        """At start-up: the start page, if the window still holds an empty, unsaved project."""
        from .core.steps import offer_touched

        if self.document.path is None and not self.document.dirty and not offer_touched(self.document.project):
            self.show_start_page()

    def _start_profile_chosen(self, profile_id: str) -> None:
        self._rules_chosen_for = self.document.project
        if self.document.project.profile_id != profile_id:
            from .core.model import apply_new_plan_defaults
            from .core.operations import project_profile

            self.document.project.profile_id = profile_id
            apply_new_plan_defaults(self.document.project, project_profile(self.document.project))
            self.document.mark_changed()
        self.wizard.jump_to(0)
        self.pages[0].load_from_project()
        # Back to the window, the cursor in the first field: where a new submission begins.
        self.activateWindow()
        cast(OfferPage, self.pages[0]).publisher.setFocus()

    def open_log_folder(self) -> None:
        from PySide6.QtCore import QUrl
        from PySide6.QtGui import QDesktopServices

        from .core.operations import log_dir

        folder = log_dir()
        folder.mkdir(parents=True, exist_ok=True)
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))

    def cancel_running_work(self, wait_s: float = CLOSE_WAIT_S) -> bool:
        """Cancel every page's background work through its CancelToken and wait until it has stopped, at
        most `wait_s` seconds in all (the GUI thread blocks; no event is handled meanwhile). True when all
        work stopped in time. Work writes its files atomically (a temporary file renamed), so a cancelled
        export, report or save leaves no part of a file; a cancelled upload leaves its resumable blob and
        journal, and the disk is not given the blob."""
        import time

        handles = [page.task for page in self.pages if page.task is not None]
        for page in self.pages:
            page.cancel()
        deadline = time.monotonic() + wait_s
        stopped = all(handle.wait_ended(max(deadline - time.monotonic(), 0.0)) for handle in handles)
        if not stopped:
            log.warning("background work did not stop within %.1f s of being cancelled", wait_s)
        return stopped

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        if self._closing_for_language or self.maybe_keep_changes():
            self.autosave.stop()
            self.cancel_running_work()
            event.accept()
        else:
            event.ignore()

