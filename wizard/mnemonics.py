"""Alt+letter mnemonics for Qt's standard dialog buttons.

Qt's own "OK", "Cancel", "Close" … carry no '&' in English (nor in Qt's Japanese catalogue), so
every dialog's QDialogButtonBox / QMessageBox goes through `give_mnemonics` where it is built.
Japanese writes the letter after the word: "キャンセル(&C)" (resources/i18n/mpwizard_ja.ts).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QDialogButtonBox,
    QInputDialog,
    QLabel,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from .core.i18n_marks import QT_TRANSLATE_NOOP

_TEXT = {
    "Ok": QT_TRANSLATE_NOOP("Mnemonics", "&OK"),
    "Cancel": QT_TRANSLATE_NOOP("Mnemonics", "&Cancel"),
    "Close": QT_TRANSLATE_NOOP("Mnemonics", "&Close"),
    "Yes": QT_TRANSLATE_NOOP("Mnemonics", "&Yes"),
    "No": QT_TRANSLATE_NOOP("Mnemonics", "&No"),
    "Open": QT_TRANSLATE_NOOP("Mnemonics", "&Open"),
    "Save": QT_TRANSLATE_NOOP("Mnemonics", "&Save"),
    "Discard": QT_TRANSLATE_NOOP("Mnemonics", "&Don't save"),
    "Ignore": QT_TRANSLATE_NOOP("Mnemonics", "&Ignore"),
}


def without_mnemonic(label: str) -> str:
    """A button's label as a sentence names it: "Use the comman&ds' sign-in" → "Use the commands' sign-in",
    "…を使用(&D)" → "…を使用" ("&&" is a literal "&")."""
    label = re.sub(r"\(&[^&]\)", "", label)
    return re.sub(r"&(.)", r"\1", label)


def _letter(text: str) -> str:
    at = text.find("&")
    return text[at + 1].upper() if 0 <= at < len(text) - 1 else ""


def _taken(around: QWidget, own: list[QAbstractButton]) -> set[str]:
    """The Alt letters the other buttons and labels of `around` already use."""
    texts = [w.text() for w in around.findChildren(QAbstractButton) if w not in own]
    texts += [w.text() for w in around.findChildren(QLabel)]
    return {_letter(t) for t in texts} - {""}


def _free(text: str, source: str, taken: set[str]) -> str:
    """`text` with its Alt letter moved off the taken ones: to another letter of the English word
    (English "C&lose"; Japanese "閉じる(&L)"). Unchanged when no letter is free."""
    letters = [c for c in source.replace("&", "") if c.isalpha() and c.upper() not in taken]
    if not letters or _letter(text) not in taken:
        return text
    pick = letters[0]
    japanese = re.search(r"\(&\w\)$", text)
    if japanese:
        return text[:japanese.start()] + f"(&{pick.upper()})"
    plain = text.replace("&", "")
    at = plain.find(pick)
    return plain[:at] + "&" + plain[at:]


def give_mnemonics(box: QDialogButtonBox | QMessageBox, around: QWidget | None = None) -> None:
    """Give each standard button of `box` its Alt+letter in the UI language; buttons the
    app named itself (already holding an '&') keep their text. With `around` (the dialog, once
    its other widgets are in it), a letter another of its buttons or labels uses is avoided."""
    own = box.buttons()
    taken = _taken(around, own) if around is not None else set()
    for button in own:
        which = box.standardButton(button)
        source = _TEXT.get(getattr(which, "name", "") or "")
        if source and "&" not in button.text():
            text = _free(QCoreApplication.translate("Mnemonics", source), source, taken)
            button.setText(text)
            taken.add(_letter(text))



# -- message boxes ---------------------------------------------------------------------------------------
# Every message box of the app is built here, never with Qt's one-line statics (QMessageBox.question …),
# whose buttons carry no Alt letter: `ask`, `warn`, `critical`, `inform` and `about` show one and return
# the standard button chosen; `message_box` builds one for a caller that opens it itself or adds its own
# buttons (then calls `give_mnemonics(box, around=box)` once they are in).
DETAILS_LETTER = "D"  # Qt's "Show Details..." / "Hide Details..." button: "Show &Details...", "詳細を表示(&D)..."


def _details_button(box: QMessageBox) -> QAbstractButton | None:
    """Qt's own Show/Hide Details button (an action button of no standard kind, there with a detailed text)."""
    if not box.detailedText():
        return None
    return next((b for b in box.buttons() if box.standardButton(b) == QMessageBox.StandardButton.NoButton
                 and box.buttonRole(b) == QMessageBox.ButtonRole.ActionRole and "&" not in b.text()), None)


def _mark_letter(text: str, letter: str) -> str:
    """`text` with `letter` as its Alt letter: on its first occurrence, else written after it (Japanese)."""
    plain = text.replace("&", "&&")
    for candidate in (letter.upper(), letter.lower()):
        at = plain.find(candidate)
        if at >= 0:
            return plain[:at] + "&" + plain[at:]
    stem = plain.rstrip(".…")
    return f"{stem}(&{letter.upper()}){plain[len(stem):]}"


def _keep_details_letter(box: QMessageBox) -> None:
    """Qt rewrites its details button's text on every click ("Show…" ⇄ "Hide…"): the letter goes back on."""
    button = _details_button(box)
    if button is None:
        return
    def mark() -> None:
        if "&" not in button.text():
            button.setText(_mark_letter(button.text(), DETAILS_LETTER))

    mark()
    button.clicked.connect(mark)


def message_box(parent: QWidget | None, icon: QMessageBox.Icon, title: str, text: str,
                buttons: QMessageBox.StandardButton | None = None,
                default: QMessageBox.StandardButton | None = None, *, informative: str = "", details: str = "",
                rich: bool = False, name: str = "",
                labels: dict[QMessageBox.StandardButton, str] | None = None) -> QMessageBox:
    """A message box whose every button has an Alt letter. Its text is plain unless `rich` (a path, a host or
    a file's own words never turn into rich text, issue #29); `labels` names standard buttons in the caller's
    words (with their '&')."""

    box = QMessageBox(icon, title, text, buttons if buttons is not None else QMessageBox.StandardButton.Ok, parent)
    box.setTextFormat(Qt.TextFormat.RichText if rich else Qt.TextFormat.PlainText)
    if informative:
        box.setInformativeText(informative)
    if details:
        box.setDetailedText(details)
    if name:
        box.setObjectName(name)
    for which, label in (labels or {}).items():
        button = box.button(which)
        if button is not None:
            button.setText(label)
    if default is not None:
        box.setDefaultButton(default)
    give_mnemonics(box)
    _keep_details_letter(box)
    return box


def answer(box: QMessageBox) -> QMessageBox.StandardButton:
    """Show `box` modally; the standard button chosen (Escape and the window's close: the escape button's)."""
    box.exec()
    clicked = box.clickedButton()
    return box.standardButton(clicked) if clicked is not None else QMessageBox.StandardButton.NoButton


def ask(parent: QWidget | None, title: str, text: str, buttons: QMessageBox.StandardButton | None = None,
        default: QMessageBox.StandardButton | None = None,
        labels: dict[QMessageBox.StandardButton, str] | None = None) -> QMessageBox.StandardButton:
    """A question (Yes / No unless `buttons` says otherwise, No the default); the button chosen."""
    yes_no = QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No
    return answer(message_box(parent, QMessageBox.Icon.Question, title, text, buttons or yes_no,
                              default if default is not None else QMessageBox.StandardButton.No, labels=labels))


def warn(parent: QWidget | None, title: str, text: str) -> QMessageBox.StandardButton:
    return answer(message_box(parent, QMessageBox.Icon.Warning, title, text))


def critical(parent: QWidget | None, title: str, text: str) -> QMessageBox.StandardButton:
    return answer(message_box(parent, QMessageBox.Icon.Critical, title, text))


def inform(parent: QWidget | None, title: str, text: str) -> QMessageBox.StandardButton:
    return answer(message_box(parent, QMessageBox.Icon.Information, title, text))


def about(parent: QWidget | None, title: str, text: str) -> QMessageBox.StandardButton:
    """The About box (rich text, the application's icon), as QMessageBox.about shows it, with &OK."""
    box = message_box(parent, QMessageBox.Icon.NoIcon, title, text, rich=True)
    icon = QApplication.windowIcon()
    if not icon.isNull():
        box.setIconPixmap(icon.pixmap(64, 64))
    return answer(box)


def ask_text(parent: QWidget | None, title: str, label: str, text: str = "",
             check: Callable[[str], str] | None = None) -> tuple[str, bool]:
    """One line of text (QInputDialog.getText's answer: the text and whether OK took it), with &OK / &Cancel.

    With `check` (the text → why it cannot be taken, "" when it can) the dialog judges itself: while the text
    is not good, OK is disabled and one line under the field says why, so Enter takes nothing; accept()
    refuses it too (a click that raced the last keystroke)."""
    dialog = _CheckedTextDialog(parent, check) if check is not None else QInputDialog(parent)
    dialog.setWindowTitle(title)
    dialog.setLabelText(label)
    dialog.setTextValue(text)
    dialog.setOkButtonText(QCoreApplication.translate("Mnemonics", _TEXT["Ok"]))
    dialog.setCancelButtonText(QCoreApplication.translate("Mnemonics", _TEXT["Cancel"]))
    if isinstance(dialog, _CheckedTextDialog):
        dialog.judge(text)
    accepted = dialog.exec() == QInputDialog.DialogCode.Accepted
    return dialog.textValue(), accepted


class _CheckedTextDialog(QInputDialog):
    """A QInputDialog (so tests and people meet the same dialog) that holds OK while its text is not good."""

    def __init__(self, parent: QWidget | None, check: Callable[[str], str]) -> None:
        super().__init__(parent)
        self.check = check
        self.reason = QLabel()
        self.reason.setObjectName("reason")
        self.reason.setWordWrap(True)
        self.reason.setTextFormat(Qt.TextFormat.PlainText)
        self.textValueChanged.connect(self.judge)

    def _place_reason(self) -> None:
        layout = self.layout()
        if self.reason.parent() is self or not isinstance(layout, QVBoxLayout):
            return
        from . import style

        style.set_text_colour(self.reason, style.ERROR)
        layout.insertWidget(max(layout.count() - 1, 0), self.reason)  # above the buttons

    def judge(self, text: str) -> str:
        self._place_reason()
        why = self.check(text)
        self.reason.setText(why)
        self.reason.setVisible(bool(why))
        box = self.findChild(QDialogButtonBox)
        ok = box.button(QDialogButtonBox.StandardButton.Ok) if box is not None else None
        if ok is not None:
            ok.setEnabled(not why)
        return why

    def accept(self) -> None:
        if self.judge(self.textValue()):
            return  # the reason is shown; the focus stays in the field
        super().accept()
