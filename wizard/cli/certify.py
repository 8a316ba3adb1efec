"""`mpwizard certify`: the certification test cases on the test VM (SSH, or WinRM for Windows)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from .output import CommandError, english, print_json, warning
from .parser import add_profile, seconds

if TYPE_CHECKING:
    from ..core.model import ConnectionSettings
    from ..core.operations import CertificationRun, VmSecrets

M_TLS_OFF = ("TLS certificate validation is OFF: the VM's identity is not checked and the password could be read by "
             "anyone in between. Use this only for a throw-away test VM.")


def add_commands(parser: argparse.ArgumentParser) -> None:
    add = parser.add_argument
    add("--os", choices=("linux", "windows"), required=True)
    add("--host", required=True)
    add("--port", type=int, help="default 22; 5986 for Windows over WinRM")
    add("--transport", choices=("winrm", "ssh"), default="winrm",
        help="Windows only: PowerShell remoting over HTTPS (default) or OpenSSH")
    add("--insecure-skip-tls-verify", action="store_true",
        help="Windows/WinRM only: do not validate the VM's certificate (self-signed test VMs; warned)")
    add("--base-image", metavar="NAME", help="Windows only: the SKU's declared base image "
        "(e.g. 'SQL Server 2014 Standard'), for the SQL Server check")
    add("--run-timeout", type=seconds, default=900.0,
        help="Windows only: seconds the probe may take; the Windows Update search comes last and "
        "gets 70%% of them, so a slow search loses no other section")
    add("--user", required=True)
    add("--key", help="private key file (OpenSSH or PEM)")
    add("--password-env", metavar="VAR", help="environment variable holding the password")
    add("--passphrase-env", metavar="VAR", help="environment variable holding the key's passphrase")
    add("--known-hosts", metavar="FILE", help="known_hosts file to verify (and, with --trust-host-key, extend)")
    add("--trust-host-key", metavar="SHA256:…", help="accept this host key fingerprint on first contact")
    add_profile(parser)
    add("--timeout", type=seconds, default=30.0, help="seconds to connect (and for the Linux run)")
    add("--json", action="store_true", help="print the certification tool's record shape")
    add("--report", metavar="DIR", help="write the report bundle (json, html, pdf, logs/, zip) into DIR")
    parser.set_defaults(func=certify_command)


def vm_secrets(args: argparse.Namespace) -> VmSecrets:
    """The password and the key's passphrase from the variables named (CommandError when one is not set)."""
    from ..core.operations import VmSecrets
    from .inputs import env_value

    return VmSecrets(env_value(args.password_env) if args.password_env else None,
                     env_value(args.passphrase_env) if args.passphrase_env else None)


def vm_settings(args: argparse.Namespace) -> ConnectionSettings:
    """The test VM as the options describe it (port defaulted by platform and transport)."""
    from ..core.model import OS_WINDOWS, ConnectionSettings
    from ..core.operations import vm_port

    windows = args.os == OS_WINDOWS
    if args.port is None:
        args.port = vm_port(args.os, args.transport)
    return ConnectionSettings(platform=args.os, host=args.host, port=args.port, user=args.user,
                              auth="key" if args.key and not windows else "password", key_file=args.key or "",
                              windows_transport=args.transport, verify_tls=not args.insecure_skip_tls_verify)


def run_on_vm(args: argparse.Namespace, target: ConnectionSettings, secrets: VmSecrets) -> CertificationRun:
    """The run; a connection that cannot be made is a CommandError saying why and what to do."""
    from ..core.model import OS_WINDOWS
    from ..core.operations import SshFailure, UnknownHostKey, known_hosts_for, run_certification
    from ..core.profiles import load_profile

    windows = args.os == OS_WINDOWS
    try:
        return run_certification(target, secrets, load_profile(args.profile), known_hosts_for(args.known_hosts),
                                 args.trust_host_key, args.base_image or "", connect_timeout=args.timeout,
                                 run_timeout=args.run_timeout if windows else args.timeout)
    except UnknownHostKey as exc:
        raise CommandError(f"unknown host key {exc.key_type} {exc.fingerprint} for {args.host}:{args.port}; compare it "
                           "with the VM's and pass --trust-host-key with that value (or --known-hosts FILE)") from None
    except SshFailure as exc:
        raise CommandError(f"{exc} {exc.advice}") from None
    except (OSError, EOFError) as exc:
        raise CommandError(f"the connection failed: {exc}") from None


def write_report(args: argparse.Namespace, run: CertificationRun, target: ConnectionSettings) -> None:
    from ..core.operations import certification_bundle
    from ..report_pdf import html_to_pdf  # Qt lays out the PDF (offscreen): the one Qt import of a command

    zip_path = certification_bundle(run, target, args.profile, Path(args.report), html_to_pdf)
    print(f"report: {zip_path}", file=sys.stderr)


def certify_command(args: argparse.Namespace) -> int:
    from ..core.model import OS_WINDOWS
    from ..core.operations import M_DROPPED, certification_record
    from .output import blocking, check_result_lines

    secrets = vm_secrets(args)
    target = vm_settings(args)
    if args.os == OS_WINDOWS and args.insecure_skip_tls_verify and args.transport == "winrm":
        warning(M_TLS_OFF)
    run = run_on_vm(args, target, secrets)
    if run.interrupted:
        warning(english(M_DROPPED, reason=run.interrupted))
    if args.report:
        write_report(args, run, target)
    if args.json:
        print_json(certification_record(run.results, run.system, args.profile, run.finished, inline_evidence=True))
    else:
        check_result_lines(run.results)
        print(f"TestResult: {certification_record(run.results, run.system, args.profile, run.finished)['TestResult']}")
    return 1 if blocking(run.results) else 0
