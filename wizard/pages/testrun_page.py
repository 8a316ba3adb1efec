"""Step: Certification test run (filled by its own issue; navigation and saving work already)."""

from __future__ import annotations

from PySide6.QtWidgets import QVBoxLayout

from ..core.steps import Step
from .base import PlaceholderNote, StepPage


class TestRunPage(StepPage):
    step = Step.TEST_RUN

    def __init__(self, document):
        super().__init__(document)
        self.setTitle(self.tr("Certification test run"))
        self.setSubTitle(self.tr("Run the certification test cases against the test VM and review each result."))
        layout = QVBoxLayout(self)
        layout.addWidget(PlaceholderNote(self.tr("Running the Linux and Windows test cases arrives with the certification run issue.")))
        layout.addStretch(1)
