"""The command line's grammar: the command groups, the GUI's options, and the value types.

A command group is a module `wizard/cli/<name>.py` with `add_commands(parser)` (its sub-commands,
each with `set_defaults(func=...)`), registered by one line in `GROUPS`. Only the chosen group's
module is imported: `mpwizard vhd check` never loads the SAS, upload or certification code, and
`mpwizard --help` lists the groups from `GROUPS` alone.
"""

from __future__ import annotations

import argparse
import importlib
import math
from pathlib import Path

from .. import APP_DISPLAY_NAME, __version__

# name -> the help line `mpwizard --help` shows; the module wizard/cli/<name>.py adds the commands.
GROUPS: dict[str, str] = {
    "project": "inspect project files",
    "vhd": "check VHD files and blobs",
    "sas": "create and verify SAS URIs for VHD blobs",
    "upload": "upload a fixed VHD to a page blob (only existing data; resumable)",
    "certify": "run the certification test cases on the test VM (SSH, or WinRM for Windows)",
    "report": "build the certification report bundle of a project's latest test run",
    "export": "export the portal-ready SKU form (SAS URIs from the keyring)",
    "pc": "Partner Center, live: pull plans, push a version, submit, follow the job (issue #30)",
    "catalogue": "the VM size catalogue: refresh it from `az vm list-skus -o json`",
}


def build_parser(chosen: str | None = None) -> argparse.ArgumentParser:
    """The sub-command parser. With `chosen`, only that group's module is imported and given its
    commands (the others are listed by name and help); without, every group is built."""
    parser = argparse.ArgumentParser(prog="mpwizard", description=f"{APP_DISPLAY_NAME} {__version__}")
    parser.add_argument("--version", action="version", version=f"mpwizard {__version__}")
    sub = parser.add_subparsers(dest="command")
    for name, help_text in GROUPS.items():
        group = sub.add_parser(name, help=help_text)
        if chosen in (None, name):
            importlib.import_module(f"{__package__}.{name}").add_commands(group)
    return parser


def build_gui_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="mpwizard", description=f"{APP_DISPLAY_NAME} {__version__}",
                                     epilog=f"Sub-commands: {', '.join(GROUPS)} (mpwizard COMMAND --help)")
    parser.add_argument("--version", action="version", version=f"mpwizard {__version__}")
    parser.add_argument("file", nargs="?", type=Path, help="a .mpwiz project to open")
    parser.add_argument("--demo", action="store_true", help="open the bundled sample project")
    parser.add_argument("--lang", choices=("en", "ja"), help="user interface language (default: system)")
    parser.add_argument("--smoke", action="store_true", help="self-test: open every page offscreen and exit")
    return parser


# -- options several groups share ------------------------------------------------------------------
def add_profile(parser: argparse.ArgumentParser) -> None:
    from ..core.profiles import DEFAULT_PROFILE_ID, PROFILE_IDS

    parser.add_argument("--profile", choices=PROFILE_IDS, default=DEFAULT_PROFILE_ID)


def add_storage_secret(parser: argparse.ArgumentParser, required: bool = False, helps: tuple[str, str] | None = None) -> None:
    """--account-key-env VAR | --connection-string-env VAR (one of them; the secret never on argv)."""
    group = parser.add_mutually_exclusive_group(required=required)
    key_help, cs_help = helps or (None, None)
    group.add_argument("--account-key-env", metavar="VAR", help=key_help)
    group.add_argument("--connection-string-env", metavar="VAR", help=cs_help)


# -- value types (argparse says what is wrong with them) -------------------------------------------
def seconds(text: str) -> float:
    """A time limit in seconds: a finite number above 0, at most a day."""
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of seconds") from None
    if not math.isfinite(value) or not 0 < value <= 86400:
        raise argparse.ArgumentTypeError(f"{text} s: give a number of seconds above 0 and at most 86400 (a day)")
    return value


def days(text: str) -> int:
    """A SAS lifetime in days: a whole number from 1 to 36500 (what a date can hold, and far more than needed)."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number of days") from None
    if not 1 <= value <= 36500:
        raise argparse.ArgumentTypeError(f"{text} days: give 1 to 36500")
    return value


def count(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if not 1 <= value <= 256:
        raise argparse.ArgumentTypeError(f"{text}: give 1 to 256")
    return value
