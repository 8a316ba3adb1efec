"""Mark strings for translation in Qt-free code.

`pyside6-lupdate` finds calls named QT_TRANSLATE_NOOP in any source file, so the
core can mark its message templates without importing Qt; the GUI translates
them at display time with `QCoreApplication.translate(context, template)`.
"""


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - the name lupdate looks for
    return text
