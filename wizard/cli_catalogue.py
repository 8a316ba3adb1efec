"""`mpwizard catalogue import FILE`: refresh the VM size catalogue from `az vm list-skus -o json`.

A self-contained command module (`add_parser(subparsers)`, `run(args) -> int`) so it moves into the
`wizard/cli/` package unchanged. Never imports Qt.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import UTC, datetime
from pathlib import Path


def add_parser(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    catalogue = subparsers.add_parser("catalogue", help="the VM size catalogue (recommended sizes)")
    catalogue_sub = catalogue.add_subparsers(dest="catalogue_command", required=True)
    imp = catalogue_sub.add_parser("import", help="refresh the catalogue from the output of `az vm list-skus -o json` "
                                   "(use --location to keep it short)")
    imp.add_argument("file", type=Path, help="the saved JSON output of `az vm list-skus -o json`, or '-' for standard input")
    imp.add_argument("--json", action="store_true", help="print the summary as JSON")
    imp.set_defaults(func=run)
    show = catalogue_sub.add_parser("show", help="print where the catalogue in use comes from and how many sizes it has")
    show.add_argument("--json", action="store_true", help="print the summary as JSON")
    show.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from .core import vmsizes
    from .core.projectio import atomic_write_text
    from .core.skus_import import MAX_FILE_BYTES, SkusImportError, catalogue_document, read_list_skus

    if args.catalogue_command == "show":
        sizes = vmsizes.catalogue()
        imported = vmsizes.imported_path()
        summary = {"sizes": len(sizes), "imported_file": str(imported) if imported.is_file() else None}
        print(json.dumps(summary, indent=2) if args.json else
              f"{len(sizes)} sizes from " + (f"{imported} (imported)" if imported.is_file() else "the bundled catalogue"))
        return 0
    name = "standard input" if str(args.file) == "-" else str(args.file)
    try:
        if str(args.file) == "-":
            text: bytes = sys.stdin.buffer.read(MAX_FILE_BYTES + 1)
        else:
            with open(args.file, "rb") as handle:
                text = handle.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        print(f"error: {name}: {exc.strerror or exc}", file=sys.stderr)
        return 2
    try:
        result = read_list_skus(text, name)
    except SkusImportError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    now = datetime.now(UTC).replace(microsecond=0).isoformat()
    target = vmsizes.imported_path()
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        atomic_write_text(target, json.dumps(catalogue_document(result, now, name), indent=1, ensure_ascii=False) + "\n",
                          keep_backup=False)
    except OSError as exc:
        print(f"error: the catalogue could not be written to {target}: {exc.strerror or exc}", file=sys.stderr)
        return 2
    vmsizes.reload()
    if args.json:
        print(json.dumps({"sizes": len(result.rows), "skipped": result.skipped, "written": str(target)}, indent=2))
    else:
        print(f"{len(result.rows)} sizes imported into {target}")
        for reason, count in sorted(result.skipped.items()):
            print(f"left out: {count} × {reason}", file=sys.stderr)
    return 0
