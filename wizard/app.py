"""Start the Qt application: settings, language, logging, crash dialog, main window."""

from __future__ import annotations

import argparse
import logging
import os
import sys
import time
import traceback
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication

from . import APP_DISPLAY_NAME, APP_NAME, ORGANIZATION, __version__
from .core import logs
from .core.resources import resource_path
from .document import ProjectDocument
from .i18n import display_name, effective_language, install_translators, set_session_language

if TYPE_CHECKING:
    from PySide6.QtGui import QFileOpenEvent

    from .mainwindow import MainWindow

log = logging.getLogger(__name__)
DEMO_PROJECT = "examples/demo.mpwiz"


class FirstPaintReporter(QObject):
    """bench/: prints when the watched page first paints (bench_startup reads the line); the app quits once
    the work that follows the first paint has run, as after a session (what it remembers, e.g. the imported
    VM size catalogue's place, is there for the next start, as it is for a person who opened the app before)."""

    def __init__(self, app: QApplication, started: float):
        super().__init__(app)
        self.app, self.started = app, started

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            print(f"first-page-shown {time.perf_counter() - self.started:.4f}", flush=True)
            if os.environ.get("MPWIZARD_BENCH_EXIT_AT_PAINT"):
                os._exit(0)  # bench/: an instruction count up to the paint, not the teardown after it
        return False


class WizardApplication(QApplication):
    def __init__(self, argv: list[str]):
        super().__init__(argv)
        self.window: MainWindow | None = None
        self.pending_files: list[Path] = []  # FileOpen events that came before the window

    def event(self, event: QEvent) -> bool:
        # macOS delivers a double-clicked .mpwiz file as a FileOpen event to the application object.
        # Handled here rather than by an application-wide event filter: such a filter sees every
        # widget's events, and wrapping the first of them makes PySide create every Qt type at once
        # (~20 ms of start-up).
        if event.type() == QEvent.Type.FileOpen:
            path = Path(cast("QFileOpenEvent", event).file())
            if self.window is not None:
                self.window.open_path(path)
            else:
                self.pending_files.append(path)
            return True
        return super().event(event)


def install_excepthook(log_path: Path | None = None) -> None:
    """Unexpected errors: log them, then show a dialog with copyable details."""

    def hook(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        path = log_path or logs.log_file()
        text = logs.redact("".join(traceback.format_exception(exc_type, exc, tb)))
        log.error("unhandled exception:\n%s", text)
        if QApplication.instance() is None or os.environ.get("MPWIZARD_NO_CRASH_DIALOG"):
            sys.__excepthook__(exc_type, exc, tb)
            return
        from PySide6.QtWidgets import QMessageBox

        from .mnemonics import answer, message_box

        answer(message_box(None, QMessageBox.Icon.Critical, QCoreApplication.translate("App", "Unexpected error"),
                           QCoreApplication.translate("App", "Something went wrong: {0}\n\nYour project is autosaved. "
                                                             "Details are in the log: {1}").format(
                               logs.redact(str(exc)) or exc_type.__name__, path), details=text))

    sys.excepthook = hook


def the_app() -> WizardApplication:
    """The running application (this module creates it as a WizardApplication)."""
    return cast(WizardApplication, QApplication.instance())


def set_window_icon() -> None:
    from PySide6.QtGui import QIcon

    QApplication.setWindowIcon(QIcon(str(resource_path("icons", "mpwizard.svg"))))


def create_window(document: ProjectDocument) -> MainWindow:
    from .mainwindow import MainWindow

    app = the_app()
    window = MainWindow(document, defer_until_painted=True)  # pages 2–7 are built just after the first paint
    window.languageChangeRequested.connect(lambda lang: switch_language(window, lang))
    app.window = window
    return window


def switch_language(window: MainWindow, lang: str) -> None:
    """Apply a new language at once by rebuilding the window around the same project."""
    window.settings.setValue("ui/language", lang)
    set_session_language(None)
    install_translators(effective_language(lang or None))
    QApplication.setApplicationDisplayName(display_name())
    current = window.wizard.currentId()
    geometry = window.saveGeometry()
    new_window = create_window(window.document)
    new_window.restoreGeometry(geometry)
    new_window.show()
    new_window.wizard.jump_to(max(current, 0))
    window._closing_for_language = True
    window.close()
    window.deleteLater()


def run_gui(args: argparse.Namespace) -> int:
    started = time.perf_counter()
    if getattr(args, "smoke", False):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
        os.environ["MPWIZARD_NO_CRASH_DIALOG"] = "1"  # nobody is there to close a dialog
    if sys.platform.startswith("linux") and not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        # Without a display Qt would abort; offscreen keeps --smoke and CI working.
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    QCoreApplication.setOrganizationName(ORGANIZATION)
    QCoreApplication.setApplicationName(APP_NAME)
    app = WizardApplication(sys.argv[:1])
    app.setApplicationDisplayName(APP_DISPLAY_NAME)
    app.setApplicationVersion(__version__)
    install_excepthook()
    lang = effective_language(getattr(args, "lang", None))
    set_session_language(getattr(args, "lang", None))
    install_translators(lang)
    app.setApplicationDisplayName(display_name())  # Qt appends it to every dialog's title
    log.info("mpwizard %s starting, language %s", __version__, lang)

    window = create_window(ProjectDocument())
    if getattr(args, "smoke", False):
        from .smoke import run_smoke

        try:
            return run_smoke(app, window)
        except Exception:  # noqa: BLE001 - a smoke test reports, it does not crash
            traceback.print_exc()
            print("smoke: failed", file=sys.stderr)
            return 1
    if getattr(args, "demo", False):
        window.open_path(resource_path(DEMO_PROJECT), ask=False)
        window.document.path = None  # never overwrite the bundled sample: Save asks where
        window._update_title()
    elif args.file:
        window.open_path(args.file, ask=False)
    for path in app.pending_files:
        window.open_path(path)
    window.show()
    # The log file (and logging.handlers) and the SVG icon (Qt's SVG plugin) come once the window is on screen.
    for deferred in (logs.setup_logging, set_window_icon):
        window.firstPainted.connect(deferred)
    if os.environ.get("MPWIZARD_BENCH_EXIT_ON_SHOW"):
        # bench/: report when the first page has painted, then quit.
        window.pages[0].installEventFilter(FirstPaintReporter(app, started))
        window.firstPainted.connect(lambda: QTimer.singleShot(0, app.quit))
    elif not args.file and not getattr(args, "demo", False):
        QTimer.singleShot(0, window.offer_recovery)
        # A newcomer's first screen: the start page (rules and what to have ready), once the window
        # is on screen and unless an autosave was restored.
        window.firstPainted.connect(lambda: QTimer.singleShot(0, window, window.start_if_new))
    return app.exec()
