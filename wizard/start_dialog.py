"""The start page of a new project: which rules to follow (today's Partner Center or the 2015 guide)
and a checklist of what to have ready before step 1 (guide 1.1: an account, the offer created in
the portal, a storage account, a VM to build the image on). Texts from resources/guidance/."""

from __future__ import annotations

import html

from PySide6.QtCore import QSettings, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QLabel,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from .core.guidance import load_guidance, pick
from .core.model import Project
from .core.profiles import all_profiles
from .i18n import current_language
from .mnemonics import give_mnemonics

SHOW_KEY = "start/show_for_new_projects"


class StartDialog(QDialog):
    profileChosen = Signal(str)

    def __init__(self, parent: QWidget, project: Project, settings: QSettings, preselect: str | None = None):
        """`preselect`: the rules ticked when the page opens (default: the project's own)."""
        super().__init__(parent)
        from .guidance_panel import GuideBrowser

        self.settings = settings
        lang = current_language()
        guidance = load_guidance()
        self.setWindowTitle(self.tr("Start a new submission"))
        self.resize(640, 560)
        layout = QVBoxLayout(self)
        intro = QLabel(pick(guidance.start.intro, lang))
        intro.setWordWrap(True)
        layout.addWidget(intro)

        rules = QGroupBox(self.tr("Which rules to follow"))
        rules_layout = QVBoxLayout(rules)
        self.choices = QButtonGroup(self)
        self.radios: dict[str, QRadioButton] = {}
        # Today's portal first: it is the right choice unless the 2015 guide is followed on purpose.
        for profile in sorted(all_profiles(), key=lambda p: p.id != "partner-center"):
            radio = QRadioButton(profile.display_title(lang))
            radio.setChecked(profile.id == (preselect or project.profile_id))
            self.choices.addButton(radio)
            self.radios[profile.id] = radio
            rules_layout.addWidget(radio)
            note = QLabel(pick(guidance.start.profiles.get(profile.id, {"en": ""}), lang))
            note.setWordWrap(True)
            note.setIndent(24)
            rules_layout.addWidget(note)
        layout.addWidget(rules)

        layout.addWidget(QLabel(self.tr("Have these ready (where to find each is said in brackets):")))
        self.checklist = GuideBrowser(lambda _step: None)
        self.checklist.setAccessibleName(self.tr("What to have ready"))
        self.checklist.setHtml(
            "<ul>" + "".join(f"<li>{html.escape(pick(item, lang))}</li>" for item in guidance.start.checklist) + "</ul><p>"
            + " · ".join(f'<a href="{html.escape(link.url, quote=True)}">{html.escape(pick(link.title, lang))}</a>'
                         for link in guidance.start.links) + "</p>")
        layout.addWidget(self.checklist, 1)
        self.show_again = QCheckBox(self.tr("Show this page for every &new project"))  # &S: "Start with step 1"
        self.show_again.setChecked(str(settings.value(SHOW_KEY, "true")).lower() in ("true", "1"))
        layout.addWidget(self.show_again)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        give_mnemonics(buttons)
        self.btn_start = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.btn_start.setText(self.tr("&Start with step 1"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.finished.connect(self._remember)

    def chosen_profile(self) -> str:
        return next(pid for pid, radio in self.radios.items() if radio.isChecked()) if any(
            r.isChecked() for r in self.radios.values()) else "partner-center"

    def _remember(self, _result: int) -> None:
        self.settings.setValue(SHOW_KEY, "true" if self.show_again.isChecked() else "false")

    def accept(self) -> None:
        self.profileChosen.emit(self.chosen_profile())
        super().accept()
