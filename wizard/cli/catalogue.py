"""`mpwizard catalogue import FILE | show`: refresh the VM size catalogue from `az vm list-skus -o json`
(so the catalogue never goes stale in the field), and say which catalogue is in use."""

from __future__ import annotations

import argparse
import sys


def add_commands(parser: argparse.ArgumentParser) -> None:
    sub = parser.add_subparsers(dest="catalogue_command", required=True)
    imp = sub.add_parser("import", help="refresh the catalogue from the output of `az vm list-skus -o json` "
                         "(with --location to keep it short)")
    imp.add_argument("file", help="the saved JSON output of `az vm list-skus -o json`, or '-' for standard input")
    imp.add_argument("--json", action="store_true", help="print the summary as JSON")
    imp.set_defaults(func=import_command)
    show = sub.add_parser("show", help="say where the catalogue in use comes from and how many sizes it has")
    show.add_argument("--json", action="store_true", help="print the summary as JSON")
    show.set_defaults(func=show_command)


def import_command(args: argparse.Namespace) -> int:
    from ..core.operations import SIZE_CATALOGUE_MAX_BYTES as MAX_FILE_BYTES
    from ..core.operations import SkusImportError, import_size_catalogue
    from .output import english, error, print_json

    name = "standard input" if args.file == "-" else args.file
    try:
        if args.file == "-":
            data = sys.stdin.buffer.read(MAX_FILE_BYTES + 1)
        else:
            with open(args.file, "rb") as handle:
                data = handle.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        error(f"{name}: {exc.strerror or exc}")
        return 2
    try:
        done = import_size_catalogue(data, name)
    except SkusImportError as exc:
        error(english(exc.template, **exc.args_))
        return 2
    except OSError as exc:
        error(f"the catalogue could not be written: {exc.strerror or exc}")
        return 2
    if args.json:
        print_json({"sizes": done.sizes, "skipped": done.skipped, "written": str(done.written)})
    else:
        print(f"{done.sizes} sizes imported into {done.written}")
        for reason, count in sorted(done.skipped.items()):
            print(f"left out: {count} × {reason}", file=sys.stderr)
    return 0


def show_command(args: argparse.Namespace) -> int:
    from ..core.operations import size_catalogue_in_use
    from .output import print_json

    count, source = size_catalogue_in_use()
    if args.json:
        print_json({"sizes": count, "imported_file": str(source) if source else None})
    else:
        print(f"{count} sizes from " + (f"{source} (imported)" if source else "the bundled catalogue"))
    return 0
