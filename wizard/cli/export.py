"""`mpwizard export`: the portal-ready SKU form in one of the export formats (SAS URIs from the keyring)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def add_commands(parser: argparse.ArgumentParser) -> None:
    from ..core.operations import export_formats

    parser.add_argument("project", type=Path, help="the .mpwiz project")
    parser.add_argument("--format", choices=export_formats(), required=True)
    parser.add_argument("--sku", metavar="ID", help="only this SKU (default: every SKU)")
    parser.add_argument("-o", "--output", metavar="FILE", type=Path, help="write here (default: stdout)")
    parser.set_defaults(func=export_command)


def export_command(args: argparse.Namespace) -> int:
    from ..core.operations import (
        ExportRefused,
        ExportWriteError,
        ProjectSaveError,
        prepare_export,
        render_export,
        write_export,
    )
    from .inputs import load_for_sku
    from .output import error

    project = load_for_sku(args.project, args.sku)
    if project is None:
        return 2
    exports = prepare_export(project, args.sku)
    if not exports:
        print("missing: the offer has no SKU to export: add one on the Offer step", file=sys.stderr)
        return 1
    try:
        if args.output:
            write_export(args.format, project, exports, Path(args.output))
        else:
            sys.stdout.write(render_export(args.format, project, exports))
    except ExportRefused as exc:
        print(f"refused: {exc}", file=sys.stderr)
        return 1
    except (ProjectSaveError, ExportWriteError) as exc:
        error(exc)
        return 2
    missing = [(e.sku.sku_id, m) for e in exports for m in e.missing]
    for sku_id, item in missing:
        print(f"missing: {sku_id}: {item}", file=sys.stderr)
    return 1 if missing else 0
