"""Alt+letter mnemonics for Qt's standard dialog buttons.

Qt's own "OK", "Cancel", "Close" … carry no '&' in English (nor in Qt's Japanese catalogue), so
every dialog's QDialogButtonBox / QMessageBox goes through `give_mnemonics` where it is built.
Japanese writes the letter after the word: "キャンセル(&C)" (resources/i18n/mpwizard_ja.ts).
"""

from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QAbstractButton, QDialogButtonBox, QLabel, QMessageBox, QWidget

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

