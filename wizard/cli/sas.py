"""`mpwizard sas create | verify`: a read + list SAS URI for a blob, and the portal's rules for one."""

from __future__ import annotations

import argparse
import sys

from .parser import add_profile, add_storage_secret, days


def add_commands(parser: argparse.ArgumentParser) -> None:
    sub = parser.add_subparsers(dest="sas_command", required=True)
    create = sub.add_parser("create", help="print a read+list SAS URI for a blob, per the profile")
    create.add_argument("blob_url")
    add_storage_secret(create, required=True)
    add_profile(create)
    create.add_argument("--expiry-days", type=days, metavar="N", help="days from the start; never below the profile's minimum")
    create.add_argument("--scheme", choices=("https", "http"), help="default: https (http for a local emulator)")
    create.add_argument("--json", action="store_true")
    create.set_defaults(func=create_command)
    verify = sub.add_parser("verify", help="check a SAS URI against the portal's rules and read the blob through it")
    verify.add_argument("sas_uri", nargs="?", default="",
                        help="the SAS URI; '-' reads it from standard input (keeps the signature out of the process list)")
    verify.add_argument("--uri-env", "--sas-env", metavar="VAR", dest="uri_env",
                        help="read the SAS URI from this environment variable")
    add_profile(verify)
    verify.add_argument("--json", action="store_true")
    verify.set_defaults(func=verify_command)


def create_command(args: argparse.Namespace) -> int:
    from ..core.operations import NoStorageCredential, blob_access, blob_url_has_sas, sign_sas
    from ..core.profiles import load_profile
    from .inputs import given_secret
    from .output import error, print_json

    given = given_secret(args)
    if given is None:
        error("give --account-key-env or --connection-string-env")
        return 2
    try:
        if blob_url_has_sas(args.blob_url):
            error("give the blob URL without a SAS")
            return 2
        sas = sign_sas(args.blob_url, blob_access(args.blob_url, given), load_profile(args.profile),
                       total_days=args.expiry_days, scheme=args.scheme)
    except (ValueError, NoStorageCredential) as exc:
        error(exc)
        return 2
    if args.json:
        print_json(sas.to_json(), ensure_ascii=True)
    else:
        print(sas.uri)
    return 0


def verify_command(args: argparse.Namespace) -> int:
    import os

    from ..core.operations import StorageError, verify_sas_uri
    from ..core.profiles import load_profile
    from ..core.verdicts import DISK_FAIL
    from .output import error, finding_lines, print_json

    uri = args.sas_uri
    if args.uri_env:
        uri = os.environ.get(args.uri_env, "")
    elif uri == "-":
        uri = sys.stdin.readline().strip()
    if not uri:
        error("give the SAS URI (as '-' on standard input, or with --uri-env VAR)")
        return 2
    try:
        result = verify_sas_uri(uri, load_profile(args.profile))
    except (StorageError, ValueError) as exc:
        error(exc)
        return 2
    if args.json:
        print_json({"verdict": result.verdict, "reachable": result.reachable,
                    "expiry": result.expiry.isoformat() if result.expiry else None,
                    "findings": [{"id": f.id, "severity": f.severity, "message": f.message} for f in result.findings]},
                   ensure_ascii=True)
    else:
        finding_lines(result.findings)
        print(f"verdict: {result.verdict}")
    return 1 if result.verdict == DISK_FAIL else 0
