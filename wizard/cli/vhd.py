"""`mpwizard vhd check | preflight`: a VHD file or page blob against a profile, and the Linux test
cases from the image's own files."""

from __future__ import annotations

import argparse

from .parser import add_profile, add_storage_secret


def add_commands(parser: argparse.ArgumentParser) -> None:
    sub = parser.add_subparsers(dest="vhd_command", required=True)
    check = sub.add_parser("check", help="check a VHD file or page blob against a profile")
    check.add_argument("target", help="a file path, or a blob URL (with a SAS, or use --account-key-env)")
    check.add_argument("--role", choices=("os", "data"), default="os")
    check.add_argument("--os", choices=("linux", "windows"), default="linux")
    check.add_argument("--image-type", choices=("x64Gen1", "x64Gen2", "arm64Gen2"), default=None,
                       help="judge the OS disk's partition table for how this image type boots (Gen2: GPT + EFI system partition)")
    add_profile(check)
    add_storage_secret(check, helps=("environment variable holding the account key",
                                     "environment variable holding a connection string"))
    check.add_argument("--sas-env", metavar="VAR", help="a read SAS token (or the whole SAS URI) from this environment "
                                                         "variable; or give the URL as '-' to read it from standard input")
    check.add_argument("--json", action="store_true", help="print one JSON object")
    check.set_defaults(func=check_command)

    pre = sub.add_parser("preflight", help="run the Linux test cases on the VHD file itself, offline (ext2/3/4 "
                                           "root file systems; before upload and before any VM)")
    pre.add_argument("file", help="a local fixed VHD (or raw disk image)")
    add_profile(pre)
    pre.add_argument("--json", action="store_true", help="print the certification tool's record shape (as certify --json)")
    pre.set_defaults(func=preflight_command)


def check_command(args: argparse.Namespace) -> int:
    from ..core.operations import StorageError, check_disk
    from ..core.profiles import load_profile
    from ..core.verdicts import DISK_FAIL
    from .inputs import given_secret, url_with_sas
    from .output import error, finding_lines, print_json

    given = given_secret(args)
    target = url_with_sas(args.target, args) if args.target == "-" or args.sas_env or "://" in args.target else args.target
    try:
        report = check_disk(target, load_profile(args.profile), args.role, args.os, given=given,
                            image_type=args.image_type).report
    except StorageError as exc:
        error(exc)
        return 2
    if args.json:
        print_json(report.to_json(), ensure_ascii=True)
    else:
        info = report.info
        print(f"{info.target}: {info.format} {info.disk_type or ''}, virtual {info.virtual_size} bytes, "
              f"file {info.file_size} bytes, allocated {info.allocated_bytes if info.allocated_bytes is not None else 'unknown'}")
        finding_lines(report.findings, indent="  ", fixes=True)
        print(f"verdict: {report.verdict}")
    return 1 if report.verdict == DISK_FAIL else 0


def preflight_command(args: argparse.Namespace) -> int:
    """The Linux test cases from the VHD file itself: certify's output, record and exit codes."""
    from ..core.operations import StorageError, certification_record, preflight_disk, preflight_record
    from ..core.profiles import load_profile
    from .output import blocking, check_result_lines, error, print_json

    try:
        done = preflight_disk(args.file, load_profile(args.profile), args.profile)
    except StorageError as exc:
        error(exc)
        return 2
    run = done.run
    if args.json:
        print_json(preflight_record(done, args.profile))
    else:
        print(f"{run.target}: {run.layout} (offline, {run.bytes_read} bytes read)")
        check_result_lines(run.results)
        for line in run.notes:  # where a value came from, what the image could not tell (a damaged ESP)
            print(f"note: {line}")
        record = certification_record(run.results, run.system, args.profile, run.finished)
        print(f"TestResult: {record['TestResult']} (offline pre-flight)")
    return 1 if blocking(run.results) else 0
