"""The `mpwizard` command: opens the wizard, or runs a Qt-free sub-command.

The package (ARCHITECTURE.md "How to… add a command group"):
- `parser.py`: the groups (`GROUPS`), the GUI's options, the value types;
- one module per group (`project`, `vhd`, `sas`, `upload`, `certify`, `report`, `export`, `pc`), each with
  `add_commands(parser)`; only the chosen group's module is imported;
- `output.py`: result lines, JSON, terminal-safe streams; `inputs.py`: secrets from the environment.

Sub-commands never import Qt (`report` and `certify --report` lay out their PDF with Qt offscreen), so
they start fast and run without a display; only `gui` start-up imports the Qt application, lazily.
Whatever goes wrong, a command ends with one sentence on stderr, never a traceback (that goes to the
log file, `core.logs.log_file()`).
"""

from __future__ import annotations

import sys

from .. import __version__
from .output import CommandError
from .parser import GROUPS, build_gui_parser, build_parser

SUBCOMMANDS = tuple(GROUPS)  # what `mpwizard NAME` runs as a command instead of opening a project file

__all__ = ["SUBCOMMANDS", "CommandError", "build_gui_parser", "build_parser", "main", "preload_gui_core"]


def preload_gui_core() -> None:
    """Import the Qt-free modules the first page needs before PySide6 is loaded.

    Once loaded, PySide6 hooks `import` and reads the source of each module an import statement
    brings in (looking for `from __feature__ import ...`); what is imported before it is spared
    (~6 ms of start-up)."""
    from ..core import disk_names, image_names, logs, projectio, status, steps, validation, vmsizes  # noqa: F401


def _log_to_file() -> None:
    """Records (paramiko's transport thread's included) go to the log file, never to the terminal:
    without a handler, Python's last-resort handler prints warnings and errors on stderr."""
    import logging
    import threading

    from ..core.logs import setup_logging

    try:
        setup_logging()
    except OSError:  # no writable log folder: drop the records rather than print them
        logging.getLogger().addHandler(logging.NullHandler())

    def log_thread_failure(failure: threading.ExceptHookArgs) -> None:
        logging.getLogger("mpwizard.cli").error("a background thread (%s) failed", getattr(failure.thread, "name", "?"),
                                                exc_info=failure.exc_value)

    threading.excepthook = log_thread_failure  # a library thread's uncaught error: the log, not the terminal


def _unexpected(command: str, exc: BaseException) -> int:
    """The last wall: one sentence and exit 2; the traceback goes to the log file."""
    import logging

    from ..core.logs import log_file, redact

    logging.getLogger("mpwizard.cli").error("unexpected failure of %s", command, exc_info=exc)
    print(f"error: {command} failed unexpectedly ({type(exc).__name__}: {redact(str(exc))}). This is a bug of "
          f"mpwizard {__version__}: please report it with the command you ran and the log file {log_file()}.",
          file=sys.stderr)
    return 2


def run_command(argv: list[str]) -> int:
    """A sub-command: parse (importing only the chosen group), run, and map every failure to an exit code."""
    from .output import error, install_streams

    _log_to_file()
    # What a command prints holds text from VMs and project files: no escape sequence reaches the terminal.
    out, err = install_streams()
    try:
        args = build_parser(argv[0]).parse_args(argv)
        return int(args.func(args))
    except CommandError as exc:
        error(exc)
        return 2
    except KeyboardInterrupt:
        print("\ncancelled", file=sys.stderr)
        return 130
    except BrokenPipeError:  # the reader went away (`| head`): nothing left to tell it, and no noise at exit
        import os

        try:
            os.dup2(os.open(os.devnull, os.O_WRONLY), out.fileno())
        except (OSError, ValueError):
            pass
        return 1
    except Exception as exc:  # noqa: BLE001 - the last wall: a message and exit 2, never a traceback
        return _unexpected(argv[0], exc)
    finally:
        try:
            sys.stdout.flush()
        except (OSError, ValueError):  # stdout closed or a broken pipe: nothing left to tell it
            pass
        sys.stdout, sys.stderr = out, err


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv and argv[0] in SUBCOMMANDS:
        return run_command(argv)
    args = build_gui_parser().parse_args(argv)
    preload_gui_core()
    from ..pyside_import import import_pyside  # Qt is imported only here

    import_pyside()
    from ..app import run_gui

    return run_gui(args)
