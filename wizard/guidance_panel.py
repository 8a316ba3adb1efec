"""The guidance panel under the step list, and the Help menu's windows (help for this step, glossary,
the publishing guide's outline, keyboard shortcuts).

The texts come from resources/guidance/ through core.guidance; this module only shows them. Links:
https ones open in the browser (QDesktopServices), `term:` ones show the term's explanation, and
`step:` ones move the wizard to that step. Built after the first paint (a text browser is a Qt type
the first page does not need).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QSettings, QTimer, QUrl, Signal
from PySide6.QtGui import QCursor, QDesktopServices, QTextDocument
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QTextBrowser,
    QToolButton,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from .core.guidance import link_problem, step_from_key, step_html, term_explanation
from .core.steps import Step
from .i18n import current_language
from .mnemonics import give_mnemonics

COLLAPSED_KEY = "guidance/collapsed"


def follow_link(url: QUrl, widget: QWidget, go_to_step: Callable[[int], None]) -> str:
    """Do what a guidance link means; returns what was done ("browser", "term", "step", "refused")."""
    text = url.toString()
    scheme = url.scheme()
    if scheme == "term":
        QToolTip.showText(QCursor.pos(), term_explanation(url.path(), current_language()), widget)
        return "term"
    if scheme == "step":
        step = step_from_key(url.path())
        if step is not None:
            go_to_step(int(step))
            return "step"
        return "refused"
    if link_problem(text) is None:
        QDesktopServices.openUrl(url)
        return "browser"
    return "refused"  # the data's test keeps this from happening; a stray link opens nothing


class GuideBrowser(QTextBrowser):
    """A read-only rich text view whose links do what `follow_link` says, with term tooltips on hover."""

    def __init__(self, go_to_step: Callable[[int], None], tab_changes_focus: bool = True):
        super().__init__()
        # Tab leaves the view, as in every field (else it walks the links and a page's Tab chain stops
        # here); the Help windows keep Tab for their links.
        self.setTabChangesFocus(tab_changes_focus)
        self.setOpenLinks(False)
        # Narrow column: small list indents and margins leave the words the room.
        self.document().setIndentWidth(14)
        self.document().setDocumentMargin(4)
        self.setOpenExternalLinks(False)
        self.go_to_step = go_to_step
        self.last_action = ""
        self.anchorClicked.connect(self._clicked)
        self.highlighted.connect(self._hovered)

    def focusNextPrevChild(self, next: bool) -> bool:  # noqa: N802, A002 - Qt override
        # A text browser moves Tab from link to link before it lets go; here Tab leaves at once.
        if self.tabChangesFocus():
            return QWidget.focusNextPrevChild(self, next)
        return super().focusNextPrevChild(next)

    def _clicked(self, url: QUrl) -> None:
        self.last_action = follow_link(url, self, self.go_to_step)

    def _hovered(self, url: QUrl) -> None:
        if url.scheme() == "term":
            QToolTip.showText(QCursor.pos(), term_explanation(url.path(), current_language()), self)


class GuidancePanel(QWidget):
    """"About this step" under the step list: collapsible (remembered per user), the step's guidance."""

    stepRequested = Signal(int)

    def __init__(self, settings: QSettings):
        super().__init__()
        self.setObjectName("guidancePanel")
        self.settings = settings
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.toggle = QToolButton()
        self.toggle.setText(self.tr("About this step"))
        self.toggle.setCheckable(True)
        self.toggle.setAutoRaise(True)
        from PySide6.QtCore import Qt

        self.toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.toggle.setToolTip(self.tr("Show or hide what this step is for, what you need and where to find it (F1 opens "
                                       "it in a window)."))
        self.body = GuideBrowser(lambda step: self.stepRequested.emit(step))
        self.body.setAccessibleName(self.tr("About this step"))
        layout.addWidget(self.toggle)
        layout.addWidget(self.body, 1)
        self.step: Step | None = None
        self.os_families: tuple[str, ...] = ()
        self.profile = ""
        self._documents: dict[tuple[Step, tuple[str, ...], str, str], QTextDocument] = {}
        collapsed = str(settings.value(COLLAPSED_KEY, "false")).lower() in ("true", "1")
        self.toggle.setChecked(not collapsed)
        self._apply_toggle()
        self.toggle.toggled.connect(self._toggled)

    def _toggled(self, _checked: bool) -> None:
        self.settings.setValue(COLLAPSED_KEY, "false" if self.toggle.isChecked() else "true")
        self._apply_toggle()

    def _apply_toggle(self) -> None:
        from PySide6.QtCore import Qt

        expanded = self.toggle.isChecked()
        self.toggle.setArrowType(Qt.ArrowType.DownArrow if expanded else Qt.ArrowType.RightArrow)
        self.body.setVisible(expanded)

    def expanded(self) -> bool:
        return self.toggle.isChecked()

    def show_step(self, step: Step, os_families: tuple[str, ...] = (), profile: str = "") -> None:
        """The step's guidance for the project's OS families, as its requirement profile (its id) words it."""
        if step == self.step and os_families == self.os_families and profile == self.profile:
            return
        self.step, self.os_families, self.profile = step, os_families, profile
        # A document per step, kept: parsing and laying out the HTML again on every step switch was
        # the larger part of a switch's time on the GUI thread.
        self.body.setDocument(self.document_for(step, os_families, profile))

    def document_for(self, step: Step, os_families: tuple[str, ...], profile: str = "") -> QTextDocument:
        """The step's guidance as a document, made once per step, OS families, profile and language."""
        key = (step, os_families, current_language(), profile)
        document = self._documents.get(key)
        if document is None:
            document = QTextDocument(self)
            # As GuideBrowser sets its own: small list indents and margins in the narrow column.
            document.setIndentWidth(14)
            document.setDocumentMargin(4)
            document.setDefaultFont(self.body.font())
            document.setHtml(step_html(step, current_language(), os_families=os_families, profile=profile))
            self._documents[key] = document
        return document

    def prepare_in_idle(self, os_families: tuple[str, ...], profile: str = "") -> None:
        """Make the steps' documents one at a time while nothing else happens, so that even a first
        visit to a step finds its guidance ready."""
        todo = [step for step in Step if (step, os_families, current_language(), profile) not in self._documents]
        if todo:
            document = self.document_for(todo[0], os_families, profile)
            QTimer.singleShot(0, self, lambda: self._lay_out(document, os_families, profile))

    def _lay_out(self, document: QTextDocument, os_families: tuple[str, ...], profile: str) -> None:
        # Laid out at the panel's width, a turn of the event loop after it was parsed: the first layout
        # (shaping the text) is the costly part of showing it.
        document.setTextWidth(self.body.viewport().width())
        document.size()
        QTimer.singleShot(0, self, lambda: self.prepare_in_idle(os_families, profile))


class HelpDialog(QDialog):
    """A window with one help text (a step's guidance, the glossary, the outline, the shortcuts)."""

    def __init__(self, parent: QWidget, title: str, html: str, go_to_step: Callable[[int], None] | None = None):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.resize(620, 520)
        layout = QVBoxLayout(self)
        self.text = GuideBrowser(go_to_step or (lambda _step: None), tab_changes_focus=False)
        self.text.setAccessibleName(title)
        self.text.setHtml(html)
        layout.addWidget(self.text)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        give_mnemonics(buttons)
        buttons.rejected.connect(self.close)
        layout.addWidget(buttons)
