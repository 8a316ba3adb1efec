"""Step 8, "What's next": the portal steps that remain after the export, in order, and where the
exported files are. The steps come from resources/guidance/ (per requirement profile)."""

from __future__ import annotations

import html
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout

from ..core.steps import Step
from .base import StepPage

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMessageBox

    from ..document import ProjectDocument

PORTAL_URL = "https://partner.microsoft.com/dashboard/marketplace-offers/overview"


class NextPage(StepPage):
    step = Step.NEXT

    def __init__(self, document: ProjectDocument) -> None:
        super().__init__(document)
        from ..guidance_panel import GuideBrowser

        self.setTitle(self.tr("What's next"))
        self.setSubTitle(self.tr("What remains is done in the portal: these steps, in this order."))
        layout = QVBoxLayout(self)
        self.files = QLabel()
        self.files.setWordWrap(True)
        self.files.setObjectName("exportedFiles")
        from PySide6.QtCore import Qt

        self.files.setTextFormat(Qt.TextFormat.PlainText)  # the project's path and name: never rich text
        self.files.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.btn_folder = QPushButton(self.tr("Open the e&xport folder"))
        self.btn_folder.setToolTip(self.tr("Show the exported files in your file manager."))
        self.btn_folder.clicked.connect(self.open_folder)
        row = QHBoxLayout()
        row.addWidget(self.files, 1)
        row.addWidget(self.btn_folder, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(row)
        self.remaining = GuideBrowser(self._go_to)
        self.remaining.setAccessibleName(self.tr("Portal steps that remain"))
        # The portal steps are what this page is for: at 1024x700 (in Japanese) the live panel below took two
        # thirds of the height and left them a line and a half. The page is shorter than what both ask for, and a
        # box layout then shrinks each towards its minimum, whatever the stretch: so the steps' minimum is what
        # they get there, eleven lines (the Partner Center steps and their links, in Japanese, whole).
        self.remaining.setMinimumHeight(11 * self.remaining.fontMetrics().lineSpacing() + 2 * self.remaining.frameWidth())
        layout.addWidget(self.remaining, 3)
        from .partner_center_panel import PartnerCenterPanel  # Partner Center, live (issue #30)

        # Only under the Partner Center profile: under the 2015 guide nothing of Partner Center takes room here.
        self.pc_panel = PartnerCenterPanel(self)
        layout.addWidget(self.pc_panel, 2)
        self.btn_portal = QPushButton(self.tr("Open &Partner Center"))
        self.btn_portal.setToolTip(PORTAL_URL)
        self.btn_portal.clicked.connect(self.open_portal)
        portal_row = QHBoxLayout()
        portal_row.addWidget(self.btn_portal)
        portal_row.addStretch(1)
        layout.addLayout(portal_row)

    def _go_to(self, step: int) -> None:
        wizard = self.wizard()
        if wizard is not None:
            wizard.jump_to(step)

    def export_folder(self) -> Path | None:
        record = self.project.last_export
        return Path(record.path).parent if record and record.path else None

    def load_from_project(self) -> None:
        from ..core.guidance import load_guidance, pick
        from ..core.operations import project_profile
        from ..i18n import current_language, local_time

        lang = current_language()
        record = self.project.last_export
        if record and record.path:
            text = self.tr("Your export: {0} (made {1}). The exported files are in {2}.").format(
                Path(record.path).name, local_time(record.exported_at), Path(record.path).parent)
            if record.missing:
                text += " " + self.tr("It still lacked {0} item(s): see the Export step before you submit.").format(
                    record.missing)
        else:
            text = self.tr("Nothing exported yet: export the form in the previous step first.")
        self.files.setText(text)
        self.btn_folder.setEnabled(self.export_folder() is not None)
        guidance = load_guidance()
        profile = project_profile(self.project)
        steps = guidance.whats_next.get(profile.id) or next(iter(guidance.whats_next.values()))
        links = guidance.for_step(Step.NEXT, profile.id).links
        self.remaining.setHtml(
            f"<p><b>{html.escape(profile.display_title(lang))}</b></p><ol>"
            + "".join(f"<li>{html.escape(pick(s, lang))}</li>" for s in steps) + "</ol><ul>"
            + "".join(f'<li><a href="{html.escape(link.url, quote=True)}">{html.escape(pick(link.title, lang))}</a></li>'
                      for link in links) + "</ul>")
        self.pc_panel.setVisible(profile.partner_center)
        self.btn_portal.setVisible(profile.partner_center)
        if profile.partner_center:
            self.pc_panel.load_from_project()

    def open_portal(self) -> None:
        from PySide6.QtCore import QUrl
        from PySide6.QtGui import QDesktopServices

        QDesktopServices.openUrl(QUrl(PORTAL_URL))

    def open_folder(self) -> None:
        from PySide6.QtCore import QUrl
        from PySide6.QtGui import QDesktopServices

        from ..core.operations import is_local_directory, written_this_session

        folder = self.export_folder()
        if folder is None:
            return
        if not written_this_session(folder):  # the path came from the project file, not from this session
            if not is_local_directory(folder):
                self._tell(self.tr("{0} is not a folder on this computer: it is not opened.").format(folder))
                return
            if not self._ask(self.tr("The project says its export is in {0}, but it was not exported there in this "
                                     "session. Open that folder?").format(folder)):
                return
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))

    def _box(self, text: str, question: bool) -> QMessageBox:
        """The folder's question or note, in plain text (the path came from the project file)."""
        from PySide6.QtWidgets import QMessageBox

        from ..mnemonics import message_box

        buttons = QMessageBox.StandardButton
        return message_box(self, QMessageBox.Icon.Question if question else QMessageBox.Icon.Information,
                           self.tr("Open the export folder"), text,
                           buttons.Open | buttons.Cancel if question else buttons.Ok,
                           buttons.Cancel if question else None, name="openFolderQuestion")

    def _ask(self, text: str) -> bool:
        from PySide6.QtWidgets import QMessageBox

        from ..mnemonics import answer

        return answer(self._box(text, question=True)) == QMessageBox.StandardButton.Open

    def _tell(self, text: str) -> None:
        from ..mnemonics import answer

        answer(self._box(text, question=False))
