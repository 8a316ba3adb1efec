"""Install Qt's and the app's translators for the chosen or system language.

Qt's own `qtbase_<lang>.qm` goes first so QWizard's Back/Next/Finish and the
standard dialogs are translated too; then the app's catalogue from resources/i18n.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from typing import Any, Protocol

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator

from .core.i18n_marks import QT_TRANSLATE_NOOP
from .core.resources import resource_path

log = logging.getLogger(__name__)
LANGUAGES = ("en", "ja")
_installed: list[QTranslator] = []
_current = {"lang": "en"}


def current_language() -> str:
    """The language whose translators are installed now."""
    return _current["lang"]


def display_name() -> str:
    """The product's name in the UI language (window and dialog titles)."""
    from . import APP_DISPLAY_NAME

    return QCoreApplication.translate("App", APP_DISPLAY_NAME_MARKED) if APP_DISPLAY_NAME == APP_DISPLAY_NAME_MARKED \
        else APP_DISPLAY_NAME


APP_DISPLAY_NAME_MARKED = QT_TRANSLATE_NOOP("App", "Marketplace Image Wizard")

# Qt's own Japanese catalogue (qtbase_ja) lacks these two labels of its file dialog; the app's
# catalogue, installed after Qt's and so asked first, carries them in Qt's context.
# The file list's Type column comes from QAbstractFileIconProvider (with a disambiguation that QTranslator
# falls back from), also missing from qtbase_ja.
QT_GAPS = (QT_TRANSLATE_NOOP("QFileDialog", "&Look in:"), QT_TRANSLATE_NOOP("QFileDialog", "Files of &type:"),
           QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "Folder"), QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "Drive"),
           QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "Shortcut"), QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "File"))


def set_session_language(lang: str | None) -> None:
    """`--lang` on the command line: this session's choice, above the saved one (the Language menu
    shows it checked); choosing in the menu ends it."""
    _current["session"] = lang if lang in LANGUAGES else ""


def chosen_language() -> str:
    """What the Language menu shows checked: "" (system default), "en" or "ja"."""
    return _current.get("session") or saved_language()


def local_time(iso: str) -> str:
    """An ISO 8601 UTC time stamp from the project as the person's local time, e.g. 2026-12-01 18:07."""
    from datetime import datetime

    try:
        moment = datetime.fromisoformat(iso.replace("Z", "+00:00"))
    except (ValueError, AttributeError):
        return iso
    if moment.tzinfo is None:
        return iso
    return moment.astimezone().strftime("%Y-%m-%d %H:%M")


def saved_language() -> str:
    value = QSettings().value("ui/language", "")
    return value if value in LANGUAGES else ""


def effective_language(requested: str | None = None) -> str:
    lang = requested or saved_language()
    if lang in LANGUAGES:
        return lang
    return "ja" if QLocale.system().language() == QLocale.Language.Japanese else "en"


def install_translators(lang: str) -> list[str]:
    """Replace the installed translators; returns the catalogues loaded."""
    app = QCoreApplication.instance()
    for tr in _installed:
        if app is not None:
            app.removeTranslator(tr)
    _installed.clear()
    _current["lang"] = lang
    loaded: list[str] = []
    if lang == "en":
        return loaded
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    for name, folder in ((f"qtbase_{lang}", qt_dir), (f"mpwizard_{lang}", str(resource_path("i18n")))):
        tr = QTranslator()
        if app is not None and tr.load(name, folder):
            app.installTranslator(tr)
            _installed.append(tr)
            loaded.append(name)
        else:
            log.warning("translation %s not found in %s", name, folder)
    return loaded


def translate(context: str, text: str) -> str:
    return QCoreApplication.translate(context, text)


def translate_template(template: str, args: Mapping[str, Any]) -> str:
    """A core template in the UI language; argument values that are templates themselves are translated and
    filled too (a disk's name with its LUN)."""
    from .core.disk_names import NESTED_TEMPLATES

    values: dict[str, Any] = {}
    for key, value in args.items():
        if isinstance(value, str):
            nested = value in NESTED_TEMPLATES  # only our own templates are filled; "{x}" in data stays text
            value = translate(CORE_CONTEXT, value)
            value = value.format(**args) if nested else value
        values[key] = value
    return translate(CORE_CONTEXT, template).format(**values)


class Templated(Protocol):
    """A core Problem or VHD Finding: English `message`, and the `template` with its `args` to translate."""

    @property
    def message(self) -> str: ...
    @property
    def template(self) -> str: ...
    @property
    def args(self) -> Mapping[str, str] | tuple[tuple[str, str], ...]: ...


def translate_problem(problem: Templated) -> str:
    """Show a core Problem in the UI language (templates are marked in the core)."""
    if not problem.template:
        return problem.message
    args = {k: translate(CORE_CONTEXT, v) for k, v in dict(problem.args).items()}
    try:
        return translate(CORE_CONTEXT, problem.template).format(**args)
    except (KeyError, IndexError, ValueError):
        return problem.message


CORE_CONTEXT = "Core"  # the context the Qt-free core marks its templates with


def translate_failure(error: BaseException) -> str:
    """A TranslatableError (an SshFailure adds `advice`) in the UI language, advice on a new line; any other
    error as its text."""
    template = getattr(error, "template", "")
    args = getattr(error, "template_args", {})
    try:
        text = translate(CORE_CONTEXT, template).format(**args) if template else str(error)
    except (KeyError, IndexError, ValueError):
        text = str(error)
    return with_next_step(text, getattr(error, "advice", ""), getattr(error, "details", ""))


def with_next_step(text: str, advice: str = "", details: str = "") -> str:
    """A sentence (already in the UI language), then the next step (a Core template) on its own line, then
    the raw code on a details line (core/error_codes.py)."""
    text = f"{text}\n{translate(CORE_CONTEXT, advice)}" if advice else text
    if details:
        from .core.error_codes import M_DETAILS

        text += "\n" + translate(CORE_CONTEXT, M_DETAILS).format(details=details)
    return text
