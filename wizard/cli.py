"""The `mpwizard` command: opens the wizard, or runs a Qt-free sub-command.

Sub-commands must not import Qt so they start fast and run on machines without
a display; only `gui()` imports the Qt application, lazily.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from . import APP_DISPLAY_NAME, __version__

SUBCOMMANDS = ("project", "vhd", "sas", "upload", "certify", "report", "export", "catalogue")


class CommandError(Exception):
    """What the command was given cannot be used (a variable not set, no credential): exit 2 with the reason."""


def _seconds(text: str) -> float:
    """A time limit in seconds: a finite number above 0, at most a day (argparse says it well)."""
    import math

    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of seconds") from None
    if not math.isfinite(value) or not 0 < value <= 86400:
        raise argparse.ArgumentTypeError(f"{text} s: give a number of seconds above 0 and at most 86400 (a day)")
    return value


def _days(text: str) -> int:
    """A SAS lifetime in days: a whole number from 1 to 36500 (what a date can hold, and far more than needed)."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number of days") from None
    if not 1 <= value <= 36500:
        raise argparse.ArgumentTypeError(f"{text} days: give 1 to 36500")
    return value


def _count(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if not 1 <= value <= 256:
        raise argparse.ArgumentTypeError(f"{text}: give 1 to 256")
    return value


def _project_check(args: argparse.Namespace) -> int:
    from .core.projectio import ProjectUnreadable, load_project
    from .core.validation import validate_offer

    try:
        loaded = load_project(args.file)
    except ProjectUnreadable as exc:
        if args.json:
            print(json.dumps({"file": str(args.file), "readable": False, "reason": exc.reason, "message": str(exc),
                              "line": exc.line, "column": exc.column}, ensure_ascii=False, indent=2))
        else:
            print(f"error: {exc}", file=sys.stderr)
        return 2
    project = loaded.project
    problems = loaded.problems + validate_offer(project)
    errors = [p for p in problems if p.severity == "error"]
    summary = {
        "file": str(args.file),
        "readable": True,
        "valid": not errors,
        "project_id": project.project_id,
        "offer_id": project.offer.offer_id,
        "profile": project.profile_id,
        "skus": [{"sku_id": s.sku_id, "os_family": s.os_family, "version": s.version, "disks": len(s.disks)}
                 for s in project.skus],
        "migrated_from": loaded.migrated_from,
        "problems": [{"path": p.path, "severity": p.severity, "message": p.message} for p in problems],
    }
    if args.json:
        print(json.dumps(summary, ensure_ascii=False, indent=2))
    else:
        print(f"Project {project.display_name() or '(unnamed)'} — offer {project.offer.offer_id or '?'}, "
              f"profile {project.profile_id}, {len(project.skus)} SKU(s)")
        for sku in project.skus:
            print(f"  SKU {sku.sku_id or '?'}: {sku.os_family}, version {sku.version}, {len(sku.disks)} disk(s)")
        if loaded.migrated_from:
            print(f"  (file format {loaded.migrated_from}; it will be upgraded when saved)")
        for p in problems:
            print(f"{p.severity}: {p}")
        print("valid" if not errors else f"invalid: {len(errors)} problem(s)")
    return 0 if not errors else 1


def _project_import_pc(args: argparse.Namespace) -> int:
    from .core.operations import import_partner_center
    from .core.pc_import import ImportUnreadable, read_import_file
    from .core.projectio import ProjectSaveError, ProjectUnreadable, load_project, save_project

    try:
        loaded = load_project(args.project)
        project = loaded.project
        text = read_import_file(args.file)
        imported = import_partner_center(project, text, args.sku)
        save_project(project, args.project, expected=loaded.stamp)  # keeps the previous file as .bak
    except (ProjectUnreadable, ImportUnreadable, ProjectSaveError, OSError, UnicodeDecodeError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print(f"imported into SKU {imported.sku_id}: published versions {', '.join(imported.versions) or 'none'}")
    if not imported.in_keyring:
        print("warning: the keyring is unavailable: the published SAS tokens are kept for this run only", file=sys.stderr)
    for item in imported.not_taken:
        print(f"not taken: {item}", file=sys.stderr)
    return 1 if imported.not_taken or not imported.in_keyring else 0


def _with_sas(url: str, args: argparse.Namespace) -> str:
    """The URL to use: `-` reads it from standard input; --sas-env VAR adds the SAS token (or gives the
    whole SAS URI) from the environment -- so that no SAS has to sit in the command line (argv is
    readable by every user of the machine)."""
    import os
    from urllib.parse import urlsplit

    from_stdin = url == "-"
    if from_stdin:
        url = sys.stdin.readline().strip()
        if not url:
            raise CommandError("standard input held no URL")
    var = getattr(args, "sas_env", None)
    if not var:
        if "sig=" in url and not from_stdin:
            print("warning: a SAS in the command line can be read by other users of this machine; prefer "
                  "--sas-env VAR or '-' (standard input)", file=sys.stderr)
        return url
    value = os.environ.get(var, "").strip()
    if not value:
        raise CommandError(f"environment variable {var} is not set")
    base = urlsplit(url)._replace(query="").geturl()
    if value.startswith(("http://", "https://")):
        if urlsplit(value)._replace(query="").geturl() != base:
            raise CommandError(f"the SAS URI in {var} is for another blob than {base}")
        return value
    if urlsplit(url).query:
        raise CommandError("give the blob URL without a SAS when the SAS comes from --sas-env")
    return f"{base}?{value.lstrip('?')}"


def _vhd_check(args: argparse.Namespace) -> int:
    from .core.operations import check_disk
    from .core.profiles import load_profile
    from .core.storage import StorageError

    given = _given_secret(args)
    target = _with_sas(args.target, args) if args.target == "-" or args.sas_env or "://" in args.target else args.target
    try:
        report = check_disk(target, load_profile(args.profile), args.role, args.os, given=given,
                            image_type=args.image_type).report
    except StorageError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    if args.json:
        print(json.dumps(report.to_json(), indent=2))
    else:
        info = report.info
        print(f"{info.target}: {info.format} {info.disk_type or ''}, virtual {info.virtual_size} bytes, "
              f"file {info.file_size} bytes, allocated {info.allocated_bytes if info.allocated_bytes is not None else 'unknown'}")
        for f in report.findings:
            print(f"  [{f.severity.upper():7}] {f.id}: {f.message}")
            if f.fix:
                print(f"            fix: {f.fix}")
        print(f"verdict: {report.verdict}")
    return 1 if report.verdict == "fail" else 0


def _vhd_preflight(args: argparse.Namespace) -> int:
    """The Linux test cases from the VHD file itself: certify's output, record and exit codes."""
    from .core.checks import tool_record
    from .core.operations import preflight_disk
    from .core.profiles import load_profile
    from .core.storage import StorageError
    from .core.verdicts import BLOCKING, NEEDS_NOTE

    try:
        done = preflight_disk(args.file, load_profile(args.profile), args.profile)
    except StorageError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    run = done.run
    if args.json:
        record = tool_record(run.results, run.system, args.profile, run.finished, inline_evidence=True)
        record["Preflight"] = {"Offline": True, "Image": run.target, "Layout": run.layout, "BytesRead": run.bytes_read,
                               "Notes": run.notes}
        print(json.dumps(record, indent=2, ensure_ascii=False))
    else:
        print(f"{run.target}: {run.layout} (offline, {run.bytes_read} bytes read)")
        for r in run.results:
            print(f"[{r.result:7}] {r.id}: {r.actual}" + (f"  (required: {r.required})" if r.result != "Passed" else ""))
            if r.remediation and r.result in NEEDS_NOTE:
                print(f"          fix: {r.remediation}")
        for note in run.notes:  # where a value came from, what the image could not tell (a damaged ESP)
            print(f"note: {note}")
        print(f"TestResult: {tool_record(run.results, run.system, args.profile, run.finished)['TestResult']} (offline pre-flight)")
    return 1 if any(r.result in BLOCKING for r in run.results) else 0


def _given_secret(args: argparse.Namespace):
    """The storage secret from the environment variable named on the command line (GivenSecret), or None."""
    import os

    from .core.operations import GivenSecret
    from .core.secrets import ACCOUNT_KEY, CONNECTION_STRING

    for mode, env_name in ((ACCOUNT_KEY, getattr(args, "account_key_env", None)),
                           (CONNECTION_STRING, getattr(args, "connection_string_env", None))):
        if env_name:
            from .core.storage import account_key_problem, connection_string_problem

            value = os.environ.get(env_name)
            if not value:
                raise CommandError(f"environment variable {env_name} is not set")
            problem = account_key_problem(value) if mode == ACCOUNT_KEY else connection_string_problem(value)
            if problem:
                what = "the account key" if mode == ACCOUNT_KEY else "the connection string"
                raise CommandError(f"{what} in {env_name} {problem}" if mode == ACCOUNT_KEY
                                   else f"{what} in {env_name} is malformed: {problem}")
            return GivenSecret(mode, value)
    return None


def _access_for_blob(blob_url: str, given):
    """A StorageAccess for one blob from a secret given on the command line (no project)."""
    from .core.secrets import CONNECTION_STRING
    from .core.storage import StorageAccess, parse_blob_url, parse_connection_string

    blob = parse_blob_url(blob_url)
    suffix = "" if blob.path_style or ".blob." not in blob.host else blob.host.split(".blob.", 1)[1]
    if given.mode == CONNECTION_STRING:
        named = parse_connection_string(given.value).get("AccountName")
        if named and named != blob.account:
            raise ValueError(f"the connection string is for account {named}, the URL for {blob.account}")
    return StorageAccess(given.mode, blob.account, suffix, blob.account_url, given.value)


def _sas_create(args: argparse.Namespace) -> int:
    from .core.operations import NoStorageCredential, sign_sas
    from .core.profiles import load_profile
    from .core.storage import parse_blob_url

    given = _given_secret(args)
    if given is None:
        print("error: give --account-key-env or --connection-string-env", file=sys.stderr)
        return 2
    try:
        if parse_blob_url(args.blob_url).query:
            print("error: give the blob URL without a SAS", file=sys.stderr)
            return 2
        sas = sign_sas(args.blob_url, _access_for_blob(args.blob_url, given), load_profile(args.profile),
                       total_days=args.expiry_days, scheme=args.scheme)
    except (ValueError, NoStorageCredential) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print(json.dumps(sas.to_json(), indent=2) if args.json else sas.uri)
    return 0


def _sas_verify(args: argparse.Namespace) -> int:
    import os

    from .core.operations import verify_sas_uri
    from .core.profiles import load_profile
    from .core.storage import StorageError

    uri = args.sas_uri
    if args.uri_env:
        uri = os.environ.get(args.uri_env, "")
    elif uri == "-":
        uri = sys.stdin.readline().strip()
    if not uri:
        print("error: give the SAS URI (as '-' on standard input, or with --uri-env VAR)", file=sys.stderr)
        return 2
    try:
        result = verify_sas_uri(uri, load_profile(args.profile))
    except (StorageError, ValueError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    if args.json:
        print(json.dumps({"verdict": result.verdict, "reachable": result.reachable,
                          "expiry": result.expiry.isoformat() if result.expiry else None,
                          "findings": [{"id": f.id, "severity": f.severity, "message": f.message}
                                       for f in result.findings]}, indent=2))
    else:
        for f in result.findings:
            print(f"[{f.severity.upper():7}] {f.id}: {f.message}")
        print(f"verdict: {result.verdict}")
    return 1 if result.verdict == "fail" else 0


def _upload(args: argparse.Namespace) -> int:
    from .core.operations import upload_disk
    from .core.progress import Cancelled, CancelToken, ProgressUpdate
    from .core.storage import StorageError
    from .core.upload import UploadRefused

    given = _given_secret(args)
    args.blob_url = _with_sas(args.blob_url, args)
    if given is None and "sig=" not in args.blob_url:
        print("error: give --account-key-env, --connection-string-env, or a write SAS (--sas-env VAR, or the "
              "URL with the SAS on standard input as '-')", file=sys.stderr)
        return 2
    start = [0.0]

    def progress(update: ProgressUpdate) -> None:
        import time

        now = time.monotonic()
        if now - start[0] >= 1 or update.done == update.total:
            start[0] = now
            pct = 100 * update.done / update.total if update.total else 0
            print(f"\r{pct:5.1f}%  {update.message}", end="", file=sys.stderr, flush=True)

    token = CancelToken()
    try:
        access = _access_for_blob(args.blob_url, given) if given else None
        summary = upload_disk(str(args.file), args.blob_url, access, workers=args.workers, verify_md5=args.verify_md5,
                              progress=progress, cancel=token)
    except KeyboardInterrupt:
        token.cancel()
        print("\ncancelled: run the same command again to resume", file=sys.stderr)
        return 1
    except Cancelled:
        print("\ncancelled: run the same command again to resume", file=sys.stderr)
        return 1
    except UploadRefused as exc:
        print(f"\nerror: {exc}", file=sys.stderr)
        return 1
    except (StorageError, OSError, ValueError) as exc:
        print(f"\nerror: {exc} (run the same command again to resume)", file=sys.stderr)
        return 2
    print(file=sys.stderr)
    if summary.restart_reason:
        print(f"note: started over because {summary.restart_reason}", file=sys.stderr)
    if summary.created_container:
        print(f"note: the container {summary.created_container} did not exist: it was created (private)", file=sys.stderr)
    print(json.dumps(summary.to_json(), indent=2) if args.json else
          f"uploaded: {summary.bytes_sent} bytes sent, {summary.bytes_skipped} skipped, {summary.seconds:.1f} s"
          + (" (resumed)" if summary.resumed else "") + f"\nverified: {summary.verification}"
          + (f"\nnote: {summary.resent_changed_chunks} chunk(s) had changed in the file since the interrupted "
             "upload and were sent again" if summary.resent_changed_chunks else ""))
    return 0


def _certify(args: argparse.Namespace) -> int:
    import os
    from pathlib import Path

    from .core.checks import tool_record
    from .core.model import OS_WINDOWS, ConnectionSettings
    from .core.operations import VmSecrets, run_certification
    from .core.profiles import load_profile
    from .core.sshconn import KnownHosts, SessionKnownHosts, SshFailure, UnknownHostKey
    from .core.verdicts import BLOCKING, NEEDS_NOTE

    secrets = {}
    for name in ("password_env", "passphrase_env"):
        var = getattr(args, name)
        if var:
            if var not in os.environ:
                print(f"error: environment variable {var} is not set", file=sys.stderr)
                return 2
            secrets[name] = os.environ[var]
    windows = args.os == OS_WINDOWS
    if args.port is None:
        args.port = 5986 if windows and args.transport == "winrm" else 22
    if windows and args.insecure_skip_tls_verify and args.transport == "winrm":
        print("warning: TLS certificate validation is OFF: the VM's identity is not checked and the password could "
              "be read by anyone in between. Use this only for a throw-away test VM.", file=sys.stderr)
    target = ConnectionSettings(platform=args.os, host=args.host, port=args.port, user=args.user,
                                auth="key" if args.key and not windows else "password", key_file=args.key or "",
                                windows_transport=args.transport, verify_tls=not args.insecure_skip_tls_verify)
    # Without --known-hosts, an in-memory list: only --trust-host-key can admit a host.
    known = KnownHosts(Path(args.known_hosts)) if args.known_hosts else SessionKnownHosts()
    try:
        run = run_certification(target, VmSecrets(secrets.get("password_env"), secrets.get("passphrase_env")),
                                load_profile(args.profile), known, args.trust_host_key, args.base_image or "",
                                connect_timeout=args.timeout,
                                run_timeout=args.run_timeout if windows else args.timeout)
    except UnknownHostKey as exc:
        print(f"error: unknown host key {exc.key_type} {exc.fingerprint} for {args.host}:{args.port}; compare it with "
              "the VM's and pass --trust-host-key with that value (or --known-hosts FILE)", file=sys.stderr)
        return 2
    except SshFailure as exc:
        print(f"error: {exc} {exc.advice}", file=sys.stderr)
        return 2
    except (OSError, EOFError) as exc:
        print(f"error: the connection failed: {exc}", file=sys.stderr)
        return 2
    results, system = run.results, run.system
    if run.interrupted:
        print(f"warning: the connection dropped during the run ({run.interrupted}): the checks whose evidence had "
              "arrived are judged, the others are Errors. Run again.", file=sys.stderr)
    record = tool_record(results, system, args.profile, run.finished)
    if args.report:
        from .core.report import build_record, bundle_name, write_bundle
        from .report_pdf import html_to_pdf

        stored = run.record(target, args.profile)
        bundle = write_bundle(build_record(stored, run.finished), stored.results, Path(args.report),
                              bundle_name(f"vm-{args.host}", "", run.finished), html_to_pdf)
        print(f"report: {bundle.zip_path}", file=sys.stderr)
    if args.json:
        print(json.dumps(tool_record(results, system, args.profile, run.finished, inline_evidence=True), indent=2,
                         ensure_ascii=False))
    else:
        for r in results:
            print(f"[{r.result:7}] {r.id}: {r.actual}" + (f"  (required: {r.required})" if r.result != "Passed" else ""))
            if r.remediation and r.result in NEEDS_NOTE:
                print(f"          fix: {r.remediation}")
        print(f"TestResult: {record['TestResult']}")
    return 1 if any(r.result in BLOCKING for r in results) else 0


def _storage_access_for(project, args: argparse.Namespace):
    """The project's storage account with the secret from --*-env, the session or the OS keyring; exits 2
    without one."""
    from .core.operations import NoStorageCredential, storage_access

    try:
        return storage_access(project, _given_secret(args))
    except NoStorageCredential as exc:
        raise CommandError(f"{exc} Or pass --account-key-env VAR / --connection-string-env VAR.") from None


def _load_for_sku(path: Path, sku_id: str | None):
    """The project at `path`, or None after saying why it cannot be used (unreadable, or no such SKU)."""
    from .core.projectio import ProjectUnreadable, load_project

    try:
        project = load_project(path).project
    except ProjectUnreadable as exc:
        print(f"error: {exc}", file=sys.stderr)
        return None
    if sku_id is not None and not any(s.sku_id == sku_id for s in project.skus):
        print(f"error: no SKU with the ID {sku_id!r} (the project has: {', '.join(s.sku_id for s in project.skus)})",
              file=sys.stderr)
        return None
    return project


def _report(args: argparse.Namespace) -> int:
    from .core.operations import make_report
    from .core.projectio import utc_now_iso
    from .core.questionnaire import progress
    from .core.storage import StorageError

    project = _load_for_sku(args.project, args.sku)
    if project is None:
        return 2
    if not project.test_runs:
        print("error: the project has no test run yet: run the certification tests first (Test run step or "
              "`mpwizard certify`)", file=sys.stderr)
        return 2
    skus = [s for s in project.skus if args.sku in (None, s.sku_id)]
    access = _storage_access_for(project, args) if args.upload else None
    from .report_pdf import html_to_pdf

    created = utc_now_iso()
    status = 0
    state = progress(project)
    if not state.complete:
        print(f"warning: the questionnaire is not complete ({state.answered} of {state.total} answered"
              + (", SSH access information missing" if state.ssh_info_missing else "") + ")", file=sys.stderr)
        status = 1
    for sku in skus:
        try:
            made = make_report(project, sku, Path(args.output), access, created, html_to_pdf)
        except StorageError as exc:
            print(f"error: {sku.sku_id}: the report could not be stored: {exc}", file=sys.stderr)
            return 2
        print(made.zip_path)
        if made.blob_url:
            print(made.blob_url)
    return status


def _export(args: argparse.Namespace) -> int:
    from .core.export import ExportRefused
    from .core.operations import prepare_export, render_export, write_export
    from .core.projectio import ProjectSaveError

    project = _load_for_sku(args.project, args.sku)
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
    except ProjectSaveError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    missing = [(e.sku.sku_id, m) for e in exports for m in e.missing]
    for sku_id, item in missing:
        print(f"missing: {sku_id}: {item}", file=sys.stderr)
    return 1 if missing else 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="mpwizard", description=f"{APP_DISPLAY_NAME} {__version__}")
    parser.add_argument("--version", action="version", version=f"mpwizard {__version__}")
    sub = parser.add_subparsers(dest="command")
    project = sub.add_parser("project", help="inspect project files")
    project_sub = project.add_subparsers(dest="project_command", required=True)
    check = project_sub.add_parser("check", help="load and validate a project file")
    check.add_argument("file", type=Path)
    check.add_argument("--json", action="store_true", help="print one JSON object")
    check.set_defaults(func=_project_check)
    imp = project_sub.add_parser("import-pc", help="take over a plan's technical configuration from Partner Center "
                                                   "(its published versions are kept in every export)")
    imp.add_argument("project", type=Path, help="the .mpwiz project (saved, with a .bak of the old file)")
    imp.add_argument("file", type=Path, help="a virtual-machine-plan-technical-configuration resource, or an API "
                                             "response holding one")
    imp.add_argument("--sku", metavar="ID", help="the SKU to merge into (default: the plan's externalId)")
    imp.set_defaults(func=_project_import_pc)

    from .core.profiles import DEFAULT_PROFILE_ID, PROFILE_IDS

    vhd = sub.add_parser("vhd", help="check VHD files and blobs")
    vhd_sub = vhd.add_subparsers(dest="vhd_command", required=True)
    vcheck = vhd_sub.add_parser("check", help="check a VHD file or page blob against a profile")
    vcheck.add_argument("target", help="a file path, or a blob URL (with a SAS, or use --account-key-env)")
    vcheck.add_argument("--role", choices=("os", "data"), default="os")
    vcheck.add_argument("--os", choices=("linux", "windows"), default="linux")
    vcheck.add_argument("--image-type", choices=("x64Gen1", "x64Gen2", "arm64Gen2"), default=None,
                        help="judge the OS disk's partition table for how this image type boots (Gen2: GPT + EFI system partition)")
    vcheck.add_argument("--profile", choices=PROFILE_IDS, default=DEFAULT_PROFILE_ID)
    creds = vcheck.add_mutually_exclusive_group()
    creds.add_argument("--account-key-env", metavar="VAR", help="environment variable holding the account key")
    creds.add_argument("--connection-string-env", metavar="VAR", help="environment variable holding a connection string")
    vcheck.add_argument("--sas-env", metavar="VAR", help="a read SAS token (or the whole SAS URI) from this environment "
                                                          "variable; or give the URL as '-' to read it from standard input")
    vcheck.add_argument("--json", action="store_true", help="print one JSON object")
    vcheck.set_defaults(func=_vhd_check)

    vpre = vhd_sub.add_parser("preflight", help="run the Linux test cases on the VHD file itself, offline (ext2/3/4 "
                                                "root file systems; before upload and before any VM)")
    vpre.add_argument("file", help="a local fixed VHD (or raw disk image)")
    vpre.add_argument("--profile", choices=PROFILE_IDS, default=DEFAULT_PROFILE_ID)
    vpre.add_argument("--json", action="store_true", help="print the certification tool's record shape (as certify --json)")
    vpre.set_defaults(func=_vhd_preflight)

    sas = sub.add_parser("sas", help="create and verify SAS URIs for VHD blobs")
    sas_sub = sas.add_subparsers(dest="sas_command", required=True)
    create = sas_sub.add_parser("create", help="print a read+list SAS URI for a blob, per the profile")
    create.add_argument("blob_url")
    ccreds = create.add_mutually_exclusive_group(required=True)
    ccreds.add_argument("--account-key-env", metavar="VAR")
    ccreds.add_argument("--connection-string-env", metavar="VAR")
    create.add_argument("--profile", choices=PROFILE_IDS, default=DEFAULT_PROFILE_ID)
    create.add_argument("--expiry-days", type=_days, metavar="N", help="days from the start; never below the profile's minimum")
    create.add_argument("--scheme", choices=("https", "http"), help="default: https (http for a local emulator)")
    create.add_argument("--json", action="store_true")
    create.set_defaults(func=_sas_create)
    verify = sas_sub.add_parser("verify", help="check a SAS URI against the portal's rules and read the blob through it")
    verify.add_argument("sas_uri", nargs="?", default="",
                        help="the SAS URI; '-' reads it from standard input (keeps the signature out of the process list)")
    verify.add_argument("--uri-env", "--sas-env", metavar="VAR", dest="uri_env",
                        help="read the SAS URI from this environment variable")
    verify.add_argument("--profile", choices=PROFILE_IDS, default=DEFAULT_PROFILE_ID)
    verify.add_argument("--json", action="store_true")
    verify.set_defaults(func=_sas_verify)

    upload = sub.add_parser("upload", help="upload a fixed VHD to a page blob (only existing data; resumable)")
    upload.add_argument("file", type=Path)
    upload.add_argument("blob_url", help="the target blob URL (a write SAS in it, or use the credential options)")
    ucreds = upload.add_mutually_exclusive_group()
    ucreds.add_argument("--account-key-env", metavar="VAR")
    ucreds.add_argument("--connection-string-env", metavar="VAR")
    upload.add_argument("--workers", type=_count, help="parallel Put Page requests (default: chosen by measured "
                        "throughput, from 2 up to 16)")
    upload.add_argument("--verify-md5", action="store_true", help="also read the blob back, compare its MD5 with the file's and store it "
                        "as the blob's Content-MD5 (reads the data twice)")
    upload.add_argument("--sas-env", metavar="VAR", help="a write SAS token (or the whole SAS URI) from this environment "
                                                         "variable; or give the URL as '-' to read it from standard input")
    upload.add_argument("--json", action="store_true", help="print the summary as JSON on stdout")
    upload.set_defaults(func=_upload)

    certify = sub.add_parser("certify", help="run the certification test cases on the test VM (SSH, or WinRM for Windows)")
    certify.add_argument("--os", choices=("linux", "windows"), required=True)
    certify.add_argument("--host", required=True)
    certify.add_argument("--port", type=int, help="default 22; 5986 for Windows over WinRM")
    certify.add_argument("--transport", choices=("winrm", "ssh"), default="winrm",
                         help="Windows only: PowerShell remoting over HTTPS (default) or OpenSSH")
    certify.add_argument("--insecure-skip-tls-verify", action="store_true",
                         help="Windows/WinRM only: do not validate the VM's certificate (self-signed test VMs; warned)")
    certify.add_argument("--base-image", metavar="NAME", help="Windows only: the SKU's declared base image "
                         "(e.g. 'SQL Server 2014 Standard'), for the SQL Server check")
    certify.add_argument("--run-timeout", type=_seconds, default=900.0,
                         help="Windows only: seconds the probe may take; the Windows Update search comes last and "
                         "gets 70%% of them, so a slow search loses no other section")
    certify.add_argument("--user", required=True)
    certify.add_argument("--key", help="private key file (OpenSSH or PEM)")
    certify.add_argument("--password-env", metavar="VAR", help="environment variable holding the password")
    certify.add_argument("--passphrase-env", metavar="VAR", help="environment variable holding the key's passphrase")
    certify.add_argument("--known-hosts", metavar="FILE", help="known_hosts file to verify (and, with --trust-host-key, extend)")
    certify.add_argument("--trust-host-key", metavar="SHA256:…", help="accept this host key fingerprint on first contact")
    certify.add_argument("--profile", choices=PROFILE_IDS, default=DEFAULT_PROFILE_ID)
    certify.add_argument("--timeout", type=_seconds, default=30.0, help="seconds to connect (and for the Linux run)")
    certify.add_argument("--json", action="store_true", help="print the certification tool's record shape")
    certify.add_argument("--report", metavar="DIR", help="write the report bundle (json, html, pdf, logs/, zip) into DIR")
    certify.set_defaults(func=_certify)

    report = sub.add_parser("report", help="build the certification report bundle of a project's latest test run")
    report.add_argument("project", type=Path, help="the .mpwiz project")
    report.add_argument("--sku", metavar="ID", help="only this SKU (default: every SKU)")
    report.add_argument("-o", "--output", metavar="DIR", type=Path, required=True, help="folder for the bundle and its zip")
    report.add_argument("--upload", action="store_true", help="store the zip in the container of the SKU's OS disk VHD")
    report.add_argument("--account-key-env", metavar="VAR", help="storage account key from this variable (default: keyring)")
    report.add_argument("--connection-string-env", metavar="VAR", help="connection string from this variable (default: keyring)")
    report.set_defaults(func=_report)

    from .core.export import FORMATS

    export = sub.add_parser("export", help="export the portal-ready SKU form (SAS URIs from the keyring)")
    export.add_argument("project", type=Path, help="the .mpwiz project")
    export.add_argument("--format", choices=FORMATS, required=True)
    export.add_argument("--sku", metavar="ID", help="only this SKU (default: every SKU)")
    export.add_argument("-o", "--output", metavar="FILE", type=Path, help="write here (default: stdout)")
    export.set_defaults(func=_export)
    from . import cli_catalogue

    cli_catalogue.add_parser(sub)
    return parser


def build_gui_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="mpwizard", description=f"{APP_DISPLAY_NAME} {__version__}",
                                     epilog=f"Sub-commands: {', '.join(SUBCOMMANDS)} (mpwizard COMMAND --help)")
    parser.add_argument("--version", action="version", version=f"mpwizard {__version__}")
    parser.add_argument("file", nargs="?", type=Path, help="a .mpwiz project to open")
    parser.add_argument("--demo", action="store_true", help="open the bundled sample project")
    parser.add_argument("--lang", choices=("en", "ja"), help="user interface language (default: system)")
    parser.add_argument("--smoke", action="store_true", help="self-test: open every page offscreen and exit")
    return parser


def preload_gui_core() -> None:
    """Import the Qt-free modules the first page needs before PySide6 is loaded.

    Once loaded, PySide6 hooks `import` and reads the source of each module an import statement
    brings in (looking for `from __feature__ import ...`); what is imported before it is spared
    (~6 ms of start-up)."""
    from .core import logs, projectio, questionnaire, steps, validation, vmsizes  # noqa: F401


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv and argv[0] in SUBCOMMANDS:
        from .core.terminal import VisibleStream

        args = build_parser().parse_args(argv)
        # What a command prints holds text from VMs and project files: no escape sequence reaches the terminal.
        out, err = sys.stdout, sys.stderr
        sys.stdout, sys.stderr = VisibleStream(out), VisibleStream(err, redact=True)  # type: ignore[assignment]
        try:
            return args.func(args)
        except CommandError as exc:
            print(f"error: {exc}", file=sys.stderr)
            return 2
        except Exception as exc:  # noqa: BLE001 - the last wall: a message and exit 2, never a traceback
            import logging

            from .core.logs import redact

            logging.getLogger("mpwizard.cli").exception("unexpected failure of %s", argv[0])
            print(f"error: {argv[0]} failed unexpectedly ({type(exc).__name__}: {redact(str(exc))}). This is a bug of "
                  f"mpwizard {__version__}: please report it with the command you ran.", file=sys.stderr)
            return 2
        finally:
            sys.stdout.flush()
            sys.stdout, sys.stderr = out, err
    args = build_gui_parser().parse_args(argv)
    preload_gui_core()
    from .app import run_gui  # Qt is imported only here

    return run_gui(args)
