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

SUBCOMMANDS = ("project", "vhd", "sas", "upload", "certify", "report", "export")


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


def _vhd_check(args: argparse.Namespace) -> int:
    from .core.profiles import load_profile
    from .core.storage import StorageError
    from .core.vhdjobs import check_target

    try:
        secret = _secret_from_env(args)
    except SystemExit as exc:
        print(exc, file=sys.stderr)
        return 2
    try:
        report = check_target(args.target, load_profile(args.profile), args.role, args.os, secret)
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


def _secret_from_env(args: argparse.Namespace) -> tuple[str, str] | None:
    """(kind, value) from the environment variable named on the command line."""
    import os

    for kind, env_name in (("key", getattr(args, "account_key_env", None)),
                           ("connection-string", getattr(args, "connection_string_env", None))):
        if env_name:
            value = os.environ.get(env_name)
            if not value:
                raise SystemExit(f"error: environment variable {env_name} is not set")
            return kind, value
    return None


def _sas_create(args: argparse.Namespace) -> int:
    from datetime import UTC, datetime, timedelta

    from .core.profiles import load_profile
    from .core.sas import create_sas
    from .core.storage import parse_blob_url, parse_connection_string

    try:
        kind, secret = _secret_from_env(args) or (None, None)
    except SystemExit as exc:
        print(exc, file=sys.stderr)
        return 2
    if kind is None:
        print("error: give --account-key-env or --connection-string-env", file=sys.stderr)
        return 2
    key = secret
    try:
        blob = parse_blob_url(args.blob_url)
        if blob.query:
            print("error: give the blob URL without a SAS", file=sys.stderr)
            return 2
        if kind == "connection-string":
            parts = parse_connection_string(secret)
            key = parts.get("AccountKey", "")
            if parts.get("AccountName") and parts["AccountName"] != blob.account:
                print(f"error: the connection string is for account {parts['AccountName']}, the URL for {blob.account}",
                      file=sys.stderr)
                return 2
        profile = load_profile(args.profile)
        now = datetime.now(UTC)
        expiry = None
        if args.expiry_days is not None:
            expiry = now - timedelta(minutes=profile.sas_start_offset_minutes) + timedelta(days=args.expiry_days)
        sas = create_sas(args.blob_url, key, profile, now=now, expiry=expiry, scheme=args.scheme)
    except ValueError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print(json.dumps(sas.to_json(), indent=2) if args.json else sas.uri)
    return 0


def _sas_verify(args: argparse.Namespace) -> int:
    import os

    from .core.profiles import load_profile
    from .core.sas import verify_sas
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
        result = verify_sas(uri, load_profile(args.profile))
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
    from .core.progress import Cancelled, CancelToken, ProgressUpdate
    from .core.storage import StorageError
    from .core.upload import UploadRefused, upload_vhd

    try:
        kind, secret = _secret_from_env(args) or (None, None)
    except SystemExit as exc:
        print(exc, file=sys.stderr)
        return 2
    if kind is None and "sig=" not in args.blob_url:
        print("error: give --account-key-env, --connection-string-env, or a blob URL with a write SAS", file=sys.stderr)
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
        summary = upload_vhd(args.file, args.blob_url, account_key=secret if kind == "key" else None,
                             connection_string=secret if kind == "connection-string" else None,
                             workers=args.workers, verify_md5=args.verify_md5, progress=progress, cancel=token)
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
    print(json.dumps(summary.to_json(), indent=2) if args.json else
          f"uploaded: {summary.bytes_sent} bytes sent, {summary.bytes_skipped} skipped, {summary.seconds:.1f} s"
          + (" (resumed)" if summary.resumed else ""))
    return 0


def _certify(args: argparse.Namespace) -> int:
    import os
    from pathlib import Path

    from .core.linux_checks import tool_record
    from .core.projectio import utc_now_iso
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
    if args.port is None:
        args.port = 5986 if args.os == "windows" and args.transport == "winrm" else 22
    # Without --known-hosts, an in-memory list: only --trust-host-key can admit a host.
    known = KnownHosts(Path(args.known_hosts)) if args.known_hosts else SessionKnownHosts()
    started = utc_now_iso()
    try:
        if args.os == "windows":
            results, system = _certify_windows(args, secrets, known)
        else:
            results, system = _certify_linux(args, secrets, known)
    except UnknownHostKey as exc:
        print(f"error: unknown host key {exc.key_type} {exc.fingerprint} for {args.host}:{args.port}; compare it with "
              "the VM's and pass --trust-host-key with that value (or --known-hosts FILE)", file=sys.stderr)
        return 2
    except SshFailure as exc:
        print(f"error: {exc} {exc.advice}", file=sys.stderr)
        return 2
    except (OSError, EOFError) as exc:
        print(f"error: the connection dropped during the run: {exc}", file=sys.stderr)
        return 2
    created = utc_now_iso()
    record = tool_record(results, system, args.profile, created)
    if args.report:
        from .core.model import TestRunRecord
        from .core.report import build_record, bundle_name, write_bundle
        from .core.verdicts import as_records
        from .report_pdf import html_to_pdf

        records = as_records(results)
        run = TestRunRecord(started, created, args.os, args.host, args.user, args.profile, system.get("OSDistro", ""),
                            records, system)
        bundle = write_bundle(build_record(run, created), records, Path(args.report),
                              bundle_name(f"vm-{args.host}", "", created), html_to_pdf)
        print(f"report: {bundle.zip_path}", file=sys.stderr)
    if args.json:
        print(json.dumps(tool_record(results, system, args.profile, created, inline_evidence=True), indent=2,
                         ensure_ascii=False))
    else:
        for r in results:
            print(f"[{r.result:7}] {r.id}: {r.actual}" + (f"  (required: {r.required})" if r.result != "Passed" else ""))
            if r.remediation and r.result in NEEDS_NOTE:
                print(f"          fix: {r.remediation}")
        print(f"TestResult: {record['TestResult']}")
    return 1 if any(r.result in BLOCKING for r in results) else 0


def _certify_linux(args: argparse.Namespace, secrets: dict, known):
    from .core.linux_checks import run_linux_suite, system_info
    from .core.profiles import load_profile
    from .core.sshconn import SshTarget, open_session

    target = SshTarget(args.host, args.port, args.user, password=secrets.get("password_env"),
                       key_file=args.key, passphrase=secrets.get("passphrase_env"))
    transport = open_session(target, known, args.timeout, args.trust_host_key)
    try:
        results, evidence = run_linux_suite(transport, load_profile(args.profile), timeout=args.timeout)
    finally:
        transport.close()
    return results, system_info(evidence)


def _certify_windows(args: argparse.Namespace, secrets: dict, known):
    from .core.profiles import load_profile
    from .core.windows_checks import Context, run_on_target, system_info
    from .core.winremote import WinTarget

    if args.insecure_skip_tls_verify and args.transport == "winrm":
        print("warning: TLS certificate validation is OFF: the VM's identity is not checked and the password could "
              "be read by anyone in between. Use this only for a throw-away test VM.", file=sys.stderr)
    target = WinTarget(args.host, args.user, secrets.get("password_env"), args.port, args.transport,
                       verify_tls=not args.insecure_skip_tls_verify)
    results, evidence = run_on_target(target, load_profile(args.profile), Context(args.base_image or ""), known,
                                      args.trust_host_key, timeout=args.run_timeout, connect_timeout=args.timeout)
    return results, system_info(evidence)


def _storage_access_for(project, args: argparse.Namespace):
    """The project's storage settings with the secret from --*-env or the OS keyring; exits 2 without one."""
    from .core.credentials import CredentialError, credentials
    from .core.storage import StorageAccess, storage_secret_ref

    s = project.storage
    mode = s.mode
    from_env = _secret_from_env(args)
    if from_env:
        mode = "account-key" if from_env[0] == "key" else "connection-string"
        secret = from_env[1]
    else:
        try:
            secret = credentials().get(storage_secret_ref(project.project_id, mode))
        except CredentialError as exc:
            raise SystemExit(f"error: {exc}") from None
    if not secret:
        raise SystemExit("error: no storage secret: remember it in the keyring in the SAS step, or pass "
                         "--account-key-env VAR / --connection-string-env VAR")
    return StorageAccess.from_settings(s, secret, mode)


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
    from .core.projectio import utc_now_iso
    from .core.questionnaire import progress
    from .core.report import make_project_bundle
    from .core.report_store import store_bundle
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
        bundle = make_project_bundle(project, sku, args.output, created, html_to_pdf)
        print(bundle.zip_path)
        if access is not None:
            try:
                url = store_bundle(bundle.zip_path, sku.os_disk.blob_url if sku.os_disk else "", access)
            except StorageError as exc:
                print(f"error: {sku.sku_id}: the report could not be stored: {exc}", file=sys.stderr)
                return 2
            print(url)
    return status


def _export(args: argparse.Namespace) -> int:
    from .core.export import load_sas_uris, prepare, render

    project = _load_for_sku(args.project, args.sku)
    if project is None:
        return 2
    exports = prepare(project, load_sas_uris(project), args.sku)
    text = render(args.format, project, exports)
    if args.output:
        from .core.projectio import atomic_write_text

        atomic_write_text(Path(args.output), text, keep_backup=False)
    else:
        sys.stdout.write(text)
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

    from .core.profiles import DEFAULT_PROFILE_ID, PROFILE_IDS

    vhd = sub.add_parser("vhd", help="check VHD files and blobs")
    vhd_sub = vhd.add_subparsers(dest="vhd_command", required=True)
    vcheck = vhd_sub.add_parser("check", help="check a VHD file or page blob against a profile")
    vcheck.add_argument("target", help="a file path, or a blob URL (with a SAS, or use --account-key-env)")
    vcheck.add_argument("--role", choices=("os", "data"), default="os")
    vcheck.add_argument("--os", choices=("linux", "windows"), default="linux")
    vcheck.add_argument("--profile", choices=PROFILE_IDS, default=DEFAULT_PROFILE_ID)
    creds = vcheck.add_mutually_exclusive_group()
    creds.add_argument("--account-key-env", metavar="VAR", help="environment variable holding the account key")
    creds.add_argument("--connection-string-env", metavar="VAR", help="environment variable holding a connection string")
    vcheck.add_argument("--json", action="store_true", help="print one JSON object")
    vcheck.set_defaults(func=_vhd_check)

    sas = sub.add_parser("sas", help="create and verify SAS URIs for VHD blobs")
    sas_sub = sas.add_subparsers(dest="sas_command", required=True)
    create = sas_sub.add_parser("create", help="print a read+list SAS URI for a blob, per the profile")
    create.add_argument("blob_url")
    ccreds = create.add_mutually_exclusive_group(required=True)
    ccreds.add_argument("--account-key-env", metavar="VAR")
    ccreds.add_argument("--connection-string-env", metavar="VAR")
    create.add_argument("--profile", choices=PROFILE_IDS, default=DEFAULT_PROFILE_ID)
    create.add_argument("--expiry-days", type=int, metavar="N", help="days from the start; never below the profile's minimum")
    create.add_argument("--scheme", choices=("https", "http"), help="default: https (http for a local emulator)")
    create.add_argument("--json", action="store_true")
    create.set_defaults(func=_sas_create)
    verify = sas_sub.add_parser("verify", help="check a SAS URI against the portal's rules and read the blob through it")
    verify.add_argument("sas_uri", nargs="?", default="",
                        help="the SAS URI; '-' reads it from standard input (keeps the signature out of the process list)")
    verify.add_argument("--uri-env", metavar="VAR", help="read the SAS URI from this environment variable")
    verify.add_argument("--profile", choices=PROFILE_IDS, default=DEFAULT_PROFILE_ID)
    verify.add_argument("--json", action="store_true")
    verify.set_defaults(func=_sas_verify)

    upload = sub.add_parser("upload", help="upload a fixed VHD to a page blob (only existing data; resumable)")
    upload.add_argument("file", type=Path)
    upload.add_argument("blob_url", help="the target blob URL (a write SAS in it, or use the credential options)")
    ucreds = upload.add_mutually_exclusive_group()
    ucreds.add_argument("--account-key-env", metavar="VAR")
    ucreds.add_argument("--connection-string-env", metavar="VAR")
    upload.add_argument("--workers", type=int, help="parallel Put Page requests (default: chosen by measured "
                        "throughput, from 2 up to 16)")
    upload.add_argument("--verify-md5", action="store_true", help="also read every byte and store the Content-MD5")
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
    certify.add_argument("--run-timeout", type=float, default=900.0,
                         help="Windows only: seconds the probe may take (Windows Update searches are slow)")
    certify.add_argument("--user", required=True)
    certify.add_argument("--key", help="private key file (OpenSSH or PEM)")
    certify.add_argument("--password-env", metavar="VAR", help="environment variable holding the password")
    certify.add_argument("--passphrase-env", metavar="VAR", help="environment variable holding the key's passphrase")
    certify.add_argument("--known-hosts", metavar="FILE", help="known_hosts file to verify (and, with --trust-host-key, extend)")
    certify.add_argument("--trust-host-key", metavar="SHA256:…", help="accept this host key fingerprint on first contact")
    certify.add_argument("--profile", choices=PROFILE_IDS, default=DEFAULT_PROFILE_ID)
    certify.add_argument("--timeout", type=float, default=30.0, help="seconds to connect (and for the Linux run)")
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
        args = build_parser().parse_args(argv)
        return args.func(args)
    args = build_gui_parser().parse_args(argv)
    preload_gui_core()
    from .app import run_gui  # Qt is imported only here

    return run_gui(args)
