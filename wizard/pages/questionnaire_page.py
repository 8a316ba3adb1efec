"""Step: Questionnaire (filled by its own issue; navigation and saving work already)."""

from __future__ import annotations

from PySide6.QtWidgets import QVBoxLayout

from ..core.steps import Step
from .base import PlaceholderNote, StepPage


class QuestionnairePage(StepPage):
    step = Step.QUESTIONNAIRE

    def __init__(self, document):
        super().__init__(document)
        self.setTitle(self.tr("Questionnaire"))
        self.setSubTitle(self.tr("Answer the certification questionnaire (General Assessment and Kernel Customization)."))
        layout = QVBoxLayout(self)
        layout.addWidget(PlaceholderNote(self.tr("The questionnaire and the certification report arrive in a later release.")))
        layout.addStretch(1)
