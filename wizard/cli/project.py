"""`mpwizard project check | import-pc`: read, validate and merge into project files."""

from __future__ import annotations

import argparse
from pathlib import Path

from .output import english, error, print_json, warning


def add_commands(parser: argparse.ArgumentParser) -> None:
    sub = parser.add_subparsers(dest="project_command", required=True)
    check = sub.add_parser("check", help="load and validate a project file")
    check.add_argument("file", type=Path)
    check.add_argument("--json", action="store_true", help="print one JSON object")
    check.set_defaults(func=check_command)
    imp = sub.add_parser("import-pc", help="take over a plan's technical configuration from Partner Center "
                                           "(its published versions are kept in every export)")
    imp.add_argument("project", type=Path, help="the .mpwiz project (saved, with a .bak of the old file)")
    imp.add_argument("file", type=Path, help="a virtual-machine-plan-technical-configuration resource (external or "
                                             "durable IDs), a resource tree or a configure request")
    imp.add_argument("--sku", metavar="ID", help="the SKU to merge into, and the plan taken from a file of several "
                                                 "(default: the plan's externalId)")
    imp.set_defaults(func=import_pc_command)


def check_command(args: argparse.Namespace) -> int:
    from ..core.operations import ProjectUnreadable, check_project

    try:
        checked = check_project(args.file)
    except ProjectUnreadable as exc:
        if args.json:
            print_json({"file": str(args.file), "readable": False, "reason": exc.reason, "message": str(exc),
                        "line": exc.line, "column": exc.column})
        else:
            error(exc)
        return 2
    project, problems, errors, failed = checked.project, checked.problems, checked.errors, checked.failed
    if args.json:
        print_json({
            "file": str(args.file),
            "readable": True,
            "valid": checked.valid,
            "project_id": project.project_id,
            "offer_id": project.offer.offer_id,
            "profile": project.profile_id,
            "skus": [{"sku_id": s.sku_id, "os_family": s.os_family, "version": s.version, "disks": len(s.disks)}
                     for s in project.skus],
            "migrated_from": checked.migrated_from,
            "problems": [{"path": p.path, "severity": p.severity, "message": p.message} for p in problems],
            # What the step list and Export mark ✗ (core.status): a broken link of the chain, a failed check…
            "failed": [{"sku": sku_id, "id": item.id, "step": item.step.name.lower(), "message": item.text}
                       for sku_id, item in failed],
        })
    else:
        print(f"Project {project.display_name() or '(unnamed)'} — offer {project.offer.offer_id or '?'}, "
              f"profile {project.profile_id}, {len(project.skus)} SKU(s)")
        for sku in project.skus:
            print(f"  SKU {sku.sku_id or '?'}: {sku.os_family}, version {sku.version}, {len(sku.disks)} disk(s)")
        if checked.migrated_from:
            print(f"  (file format {checked.migrated_from}; it will be upgraded when saved)")
        for p in problems:
            print(f"{p.severity}: {p}")
        for sku_id, item in failed:  # the evaluator's ✗, as the step list and Export say them
            print(f"✗ {f'SKU {sku_id}: ' if sku_id else ''}{item.text}")
        if checked.valid:
            print("valid")
        else:
            said = [f"{len(errors)} problem(s)"] if errors else []
            said += [f"{len(failed)} item(s) failed or out of date"] if failed else []
            print(f"invalid: {', '.join(said)}")
    return 0 if checked.valid else 1


def import_pc_command(args: argparse.Namespace) -> int:
    import sys

    from ..core.operations import M_TOKENS_SESSION_ONLY, ImportUnreadable, ProjectSaveError, ProjectUnreadable, import_partner_center_file

    try:
        imported = import_partner_center_file(args.project, args.file, args.sku)
    except (ProjectUnreadable, ImportUnreadable, ProjectSaveError, OSError, UnicodeDecodeError) as exc:
        error(exc)
        return 2
    print(f"imported into SKU {imported.sku_id}: published versions {', '.join(imported.versions) or 'none'}")
    if not imported.in_keyring:
        warning(english(M_TOKENS_SESSION_ONLY))
    for item in imported.not_taken:
        print(f"not taken: {item}", file=sys.stderr)
    return 1 if imported.not_taken or not imported.in_keyring else 0
