"""`mpwizard report`: the certification report bundle of a project's latest test run."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .output import CommandError, error, warning

if TYPE_CHECKING:
    from ..core.model import Project


def add_commands(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("project", type=Path, help="the .mpwiz project")
    parser.add_argument("--sku", metavar="ID", help="only this SKU (default: every SKU)")
    parser.add_argument("-o", "--output", metavar="DIR", type=Path, required=True, help="folder for the bundle and its zip")
    parser.add_argument("--upload", action="store_true", help="store the zip in the container of the SKU's OS disk VHD")
    parser.add_argument("--account-key-env", metavar="VAR", help="storage account key from this variable (default: keyring)")
    parser.add_argument("--connection-string-env", metavar="VAR", help="connection string from this variable (default: keyring)")
    parser.set_defaults(func=report_command)


def storage_access_for(project: Project, args: argparse.Namespace) -> Any:
    """The project's storage account with the secret from --*-env, the session or the OS keyring
    (operations.storage_access); CommandError without one."""
    from ..core.operations import NoStorageCredential, storage_access
    from .inputs import given_secret

    try:
        return storage_access(project, given_secret(args))
    except NoStorageCredential as exc:
        raise CommandError(f"{exc} Or pass --account-key-env VAR / --connection-string-env VAR.") from None


def report_command(args: argparse.Namespace) -> int:
    from ..core.operations import StorageError, make_report, now_iso, questionnaire_state
    from .inputs import load_for_sku

    project = load_for_sku(args.project, args.sku)
    if project is None:
        return 2
    if not project.test_runs:
        error("the project has no test run yet: run the certification tests first (Test run step or `mpwizard certify`)")
        return 2
    skus = [s for s in project.skus if args.sku in (None, s.sku_id)]
    access = storage_access_for(project, args) if args.upload else None
    from ..report_pdf import html_to_pdf  # Qt lays out the PDF (offscreen)

    created = now_iso()
    status = 0
    state = questionnaire_state(project)
    if not state.complete:
        warning(f"the questionnaire is not complete ({state.answered} of {state.total} answered"
                + (", SSH access information missing" if state.ssh_info_missing else "") + ")")
        status = 1
    for sku in skus:
        try:
            made = make_report(project, sku, Path(args.output), access, created, html_to_pdf)
        except StorageError as exc:
            error(f"{sku.sku_id}: the report could not be stored: {exc}")
            return 2
        print(made.zip_path)
        if made.blob_url:
            print(made.blob_url)
    return status
