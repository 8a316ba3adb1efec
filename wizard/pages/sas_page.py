"""Step: SAS URIs (filled by its own issue; navigation and saving work already)."""

from __future__ import annotations

from PySide6.QtWidgets import QVBoxLayout

from ..core.steps import Step
from .base import PlaceholderNote, StepPage


class SasPage(StepPage):
    step = Step.SAS

    def __init__(self, document):
        super().__init__(document)
        self.setTitle(self.tr("SAS URIs"))
        self.setSubTitle(self.tr("Create a read-and-list Shared Access Signature URI for every VHD, as the portal requires."))
        layout = QVBoxLayout(self)
        layout.addWidget(PlaceholderNote(self.tr("Storage connection and SAS generation arrive in a later release.")))
        layout.addStretch(1)
