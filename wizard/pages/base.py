"""The base of every step page: access to the open project and the step it stands for."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QAbstractItemView, QWizardPage

from ..core.steps import Step
from ..document import ProjectDocument


class StepPage(QWizardPage):
    step: Step
    painted = Signal()  # once, at the page's first paint (the main window starts deferred work then)

    def __init__(self, document: ProjectDocument):
        super().__init__()
        self.document = document
        self._painted_once = False

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt override
        # An override rather than an event filter: a filter would route every event the page gets
        # through Python (and PySide creates a type for each kind of event it wraps).
        super().paintEvent(event)
        if not self._painted_once:
            self._painted_once = True
            self.painted.emit()

    @property
    def project(self):
        return self.document.project

    def jumping(self) -> bool:
        wizard = self.wizard()
        return bool(wizard and getattr(wizard, "jumping", False))

    def isComplete(self) -> bool:  # noqa: N802 - Qt override
        return self.jumping() or self.is_step_complete()

    def is_step_complete(self) -> bool:
        return True

    def after_first_paint(self) -> None:
        """The first page's settings that need `QtCore.Qt`, applied once it is on screen (see
        wizard/qt_values.py). Pages built after the first paint set everything in __init__."""

    def validatePage(self) -> bool:  # noqa: N802 - Qt override
        return self.jumping() or self.is_step_complete()

    def changed(self) -> None:
        """Call after an edit: marks the project dirty and refreshes Next."""
        self.document.mark_changed()
        self.completeChanged.emit()


def setup_row_table(view: QAbstractItemView, accessible_name: str) -> None:
    """The way every results table here behaves: whole rows, one at a time, read-only."""
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.verticalHeader().hide()
    view.setAccessibleName(accessible_name)


def disk_label(sku, disk) -> str:
    """"<sku> / OS disk" or "<sku> / data disk LUN n" in the UI language (one wording for every page)."""
    from ..core.export import disk_args
    from ..i18n import translate_template

    args = disk_args(sku, disk)
    return f"{sku.sku_id or '?'} / {translate_template(args['disk'], args)}"
