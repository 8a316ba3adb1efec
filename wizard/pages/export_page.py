"""Step: Export the SKU form (filled by its own issue; navigation and saving work already)."""

from __future__ import annotations

from PySide6.QtWidgets import QVBoxLayout

from ..core.steps import Step
from .base import PlaceholderNote, StepPage


class ExportPage(StepPage):
    step = Step.EXPORT

    def __init__(self, document):
        super().__init__(document)
        self.setTitle(self.tr("Export the SKU form"))
        self.setSubTitle(self.tr("Check readiness and export the values to paste into the portal, field by field."))
        layout = QVBoxLayout(self)
        layout.addWidget(PlaceholderNote(self.tr("The portal form export arrives in a later release.")))
        layout.addStretch(1)
