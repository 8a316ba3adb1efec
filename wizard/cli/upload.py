"""`mpwizard upload`: a fixed VHD to a page blob (only existing data; resumable; verified)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from .parser import add_storage_secret, count

RESUME = "run the same command again to resume"


def add_commands(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", type=Path)
    parser.add_argument("blob_url", help="the target blob URL (a write SAS in it, or use the credential options)")
    add_storage_secret(parser)
    parser.add_argument("--workers", type=count, help="parallel Put Page requests (default: chosen by measured "
                        "throughput, from 2 up to 16)")
    parser.add_argument("--verify-md5", action="store_true", help="also read the blob back, compare its MD5 with the "
                        "file's and store it as the blob's Content-MD5 (reads the data twice)")
    parser.add_argument("--sas-env", metavar="VAR", help="a write SAS token (or the whole SAS URI) from this environment "
                                                         "variable; or give the URL as '-' to read it from standard input")
    parser.add_argument("--json", action="store_true", help="print the summary as JSON on stdout")
    parser.set_defaults(func=upload_command)


def _progress_line() -> Any:
    """A progress callback that rewrites one line on stderr at most once a second."""
    import time

    last = [0.0]

    def progress(update: Any) -> None:
        now = time.monotonic()
        if now - last[0] >= 1 or update.done == update.total:
            last[0] = now
            pct = 100 * update.done / update.total if update.total else 0
            print(f"\r{pct:5.1f}%  {update.message}", end="", file=sys.stderr, flush=True)

    return progress


def upload_command(args: argparse.Namespace) -> int:
    from ..core.operations import StorageError, UploadRefused, blob_access, upload_disk
    from ..core.progress import Cancelled, CancelToken
    from .inputs import given_secret, url_with_sas
    from .output import error, note, print_json

    given = given_secret(args)
    args.blob_url = url_with_sas(args.blob_url, args)
    if given is None and "sig=" not in args.blob_url:
        error("give --account-key-env, --connection-string-env, or a write SAS (--sas-env VAR, or the "
              "URL with the SAS on standard input as '-')")
        return 2
    token = CancelToken()
    try:
        access = blob_access(args.blob_url, given) if given else None
        summary = upload_disk(str(args.file), args.blob_url, access, workers=args.workers, verify_md5=args.verify_md5,
                              progress=_progress_line(), cancel=token)
    except (KeyboardInterrupt, Cancelled):
        token.cancel()
        print(f"\ncancelled: {RESUME}", file=sys.stderr)
        return 1
    except UploadRefused as exc:
        print(file=sys.stderr)
        error(exc)
        return 1
    except (StorageError, OSError, ValueError) as exc:
        print(file=sys.stderr)
        error(f"{exc} ({RESUME})")
        return 2
    print(file=sys.stderr)
    if summary.restart_reason:
        note(f"started over because {summary.restart_reason}")
    if summary.created_container:
        note(f"the container {summary.created_container} did not exist: it was created (private)")
    if args.json:
        print_json(summary.to_json(), ensure_ascii=True)
    else:
        print(f"uploaded: {summary.bytes_sent} bytes sent, {summary.bytes_skipped} skipped, {summary.seconds:.1f} s"
              + (" (resumed)" if summary.resumed else "") + f"\nverified: {summary.verification}"
              + (f"\nnote: {summary.resent_changed_chunks} chunk(s) had changed in the file since the interrupted "
                 "upload and were sent again" if summary.resent_changed_chunks else ""))
    return 0
