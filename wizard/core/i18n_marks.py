"""Mark strings for translation in Qt-free code.

`pyside6-lupdate` finds calls named QT_TRANSLATE_NOOP in any source file, so the
core can mark its message templates without importing Qt; the GUI translates
them at display time with `QCoreApplication.translate(context, template)`.
"""


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - the name lupdate looks for
    return text


class TranslatableError(Exception):
    """An error whose message is a template marked with QT_TRANSLATE_NOOP("Core", ...).

    `str()` is the English text (command line, log); the GUI shows the template filled with
    `template_args` in the user's language (`wizard.i18n.translate_failure`)."""

    def __init__(self, template: str, **args: object):
        super().__init__(template.format(**args) if args else template)
        self.template = template
        self.template_args = args
