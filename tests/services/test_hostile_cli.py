"""Hostile input (#18), the command line and the real services: a hostile VM, odd files, claims.

A hostile test VM is a real sshd image root whose tools misbehave (endless output, escape
sequences); uploads go to Azurite; every bad input ends in a message and exit 2 (or 1 where the
contract says so), within its timeout.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import paramiko
import pytest

from wizard.core.progress import CancelToken
from wizard.core.projectio import load_project, save_project
from wizard.core.sshconn import MAX_OUTPUT_BYTES, KnownHosts, OutputTooLarge, SshTarget, open_session, run_command

from conftest import AZURITE_KEY

DEMO = Path(__file__).resolve().parents[2] / "resources/examples/demo.mpwiz"


def _cli(*args: str, env: dict | None = None, stdin: str | None = None, timeout: float = 60):
    return subprocess.run([sys.executable, "-m", "wizard", *args], capture_output=True, text=True, timeout=timeout,
                          env={**os.environ, **(env or {})}, input=stdin)


@pytest.mark.parametrize("option, value", [("--timeout", "-1"), ("--timeout", "nan"), ("--timeout", "inf"),
                                           ("--run-timeout", "0")])
def test_impossible_time_limits_are_refused_by_name(option, value):
    """Before: ValueError / OverflowError tracebacks (exit 1)."""
    result = _cli("certify", "--os", "linux", "--host", "127.0.0.1", "--user", "x", option, value)
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert f"argument {option}" in result.stderr


def test_a_lifetime_of_a_billion_days_is_refused():
    result = _cli("sas", "create", "https://a.blob.core.windows.net/c/b.vhd", "--account-key-env", "K",
                  "--expiry-days", "1000000000", env={"K": AZURITE_KEY})
    assert result.returncode == 2 and "argument --expiry-days" in result.stderr


@pytest.mark.parametrize("mode, value, said", [
    ("--account-key-env", "not base64!!", "is not base64"),
    ("--connection-string-env", "garbage;;=;AccountKey", "connection string in S is malformed"),
    ("--connection-string-env", "AccountName=a;AccountKey=%%%", "AccountKey is not base64"),
])
def test_malformed_storage_secrets_are_said_as_such(mode, value, said):
    """Before: "Connection string is either blank or malformed" as a ValueError traceback."""
    result = _cli("vhd", "check", "https://a.blob.core.windows.net/c/b.vhd", mode, "S", env={"S": value})
    assert result.returncode == 2 and said in result.stderr and "Traceback" not in result.stderr
    assert value not in result.stderr  # the secret itself is not echoed


@pytest.mark.parametrize("command", [["vhd", "check"], ["upload"]])
def test_a_fifo_is_refused_not_waited_on(tmp_path, command, azurite):
    """Before: a FIFO given as the VHD hung `vhd check` and `upload` forever."""
    fifo = tmp_path / "disk.vhd"
    os.mkfifo(fifo)
    extra = [f"{azurite.endpoint}/fifo/disk.vhd", "--connection-string-env", "S"] if command == ["upload"] else []
    started = time.monotonic()
    result = _cli(*command, str(fifo), *extra, env={"S": azurite.connection_string}, timeout=30)
    assert result.returncode == 2, result.stderr
    assert "FIFO" in result.stderr and time.monotonic() - started < 30


def test_terminal_output_carries_no_escape_sequence(tmp_path):
    """Before: text from a file or a VM reached the terminal raw (retitle, clear, a fake verdict)."""
    project = load_project(DEMO).project
    project.name = "x\x1b]0;pwned\x07\x1b[2J\rTestResult: Pass\u202e"
    path = tmp_path / "p.mpwiz"
    save_project(project, path)
    result = _cli("project", "check", str(path))
    assert "\x1b" not in result.stdout and "\r" not in result.stdout and "\u202e" not in result.stdout
    assert "\\u001b]0;pwned\\u0007" in result.stdout


# -- a hostile VM ----------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def loud_sshd(tmp_path_factory):
    """A VM whose `openssl version` never stops printing (the probe calls it)."""
    from sshd_server import SshServer, make_image_root

    image = make_image_root("mpwtloud", "loud-Pass-1")
    image.write("usr/bin/openssl", "#!/bin/sh\nwhile :; do echo 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA'; done\n",
                mode=0o755)
    image.write(f"home/{image.user}/.bash_history", "")
    server = SshServer(tmp_path_factory.mktemp("loudsshd"), [image]).start()
    yield server, image
    server.stop()


def _session(server, image, tmp_path):
    known = KnownHosts(tmp_path / "kh")
    known.remember("127.0.0.1", server.port, paramiko.Ed25519Key(filename=str(server.host_key)))
    return open_session(SshTarget("127.0.0.1", server.port, image.user, password=image.password), known)


def test_endless_output_ends_as_output_too_large(loud_sshd, tmp_path):
    """Before: endless output took 2.5 GB in 15 s."""
    server, image = loud_sshd
    transport = _session(server, image, tmp_path)
    try:
        with pytest.raises(OutputTooLarge) as caught:
            run_command(transport, "openssl version", timeout=120, cancel=CancelToken())
    finally:
        transport.close()
    assert len(caught.value.partial_output) <= MAX_OUTPUT_BYTES


def test_the_deadline_holds_while_data_keeps_arriving(loud_sshd, tmp_path):
    """Before: the deadline was checked only when no data waited, so a talking host held it off."""
    server, image = loud_sshd
    transport = _session(server, image, tmp_path)
    started = time.monotonic()
    try:
        with pytest.raises(TimeoutError):
            run_command(transport, "openssl version", timeout=2, max_output=10**12)
    finally:
        transport.close()
    assert time.monotonic() - started < 15


def test_certify_against_the_loud_vm_reports_errors_and_exits_1(loud_sshd):
    server, image = loud_sshd
    result = _cli("certify", "--os", "linux", "--host", "127.0.0.1", "--port", str(server.port), "--user", image.user,
                  "--password-env", "PW", "--trust-host-key", server.host_key_fingerprint(), "--json",
                  env={"PW": image.password}, timeout=120)
    assert result.returncode == 1, result.stderr
    assert "output too large" in result.stderr
    assert "Error" in {t["Result"] for t in json.loads(result.stdout)["Tests"]}


def test_a_damaged_known_hosts_file_is_said_and_left_alone(sshd, tmp_path):
    """Before: a corrupt --known-hosts line ended in a traceback."""
    from sshd_server import run_user

    path = tmp_path / "known_hosts"
    original = b"# mine\n127.0.0.1 ssh-ed25519 AAAA!!!notbase64\n"
    path.write_bytes(original)
    result = _cli("certify", "--os", "linux", "--host", "127.0.0.1", "--port", str(sshd.port), "--user",
                  run_user("mpwtgood"), "--password-env", "PW", "--known-hosts", str(path),
                  "--trust-host-key", sshd.host_key_fingerprint(), env={"PW": "good-Pass-1"})
    assert result.returncode == 2 and "damaged at line 2" in result.stderr, result.stderr
    assert path.read_bytes() == original


def test_remembering_a_host_keeps_every_other_line(sshd, tmp_path):
    path = tmp_path / "known_hosts"
    path.write_text("# my notes\n@cert-authority *.example ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl\n")
    before = path.read_text()
    known = KnownHosts(path)
    known.remember("127.0.0.1", sshd.port, paramiko.Ed25519Key(filename=str(sshd.host_key)))
    assert path.read_text().startswith(before)
    assert known.lookup("127.0.0.1", sshd.port)
    known.forget("127.0.0.1", sshd.port)
    assert path.read_text() == before


# -- uploads: what "verified" claims --------------------------------------------------------------
def _write_sas(azurite, container: str, blob: str) -> str:
    from azure.storage.blob import BlobSasPermissions, generate_blob_sas

    return generate_blob_sas("devstoreaccount1", container, blob, account_key=AZURITE_KEY,
                             permission=BlobSasPermissions(read=True, write=True, create=True),
                             expiry=datetime.now(UTC) + timedelta(hours=1))


def _disk_with_data(make_vhd, size="16M"):
    path = make_vhd(size)
    with open(path, "r+b") as fh:
        for n in range(3):
            fh.seek(n * 5 * 2**20)
            fh.write(bytes([n + 1]) * 8192)
    return path


def _interrupt_then_rewrite_first_chunk(azurite, path, url, journal, data: bytes) -> None:
    """Start an upload, cancel it once a chunk is on the blob, then overwrite the file's first bytes with
    `data` and put its modification time back (the journal's identity still matches)."""
    from wizard.core.progress import Cancelled
    from wizard.core.upload import upload_vhd

    token = CancelToken()
    calls = []

    def cancel_soon(update):
        calls.append(update)
        if len(calls) > 2:
            token.cancel()

    with pytest.raises(Cancelled):
        upload_vhd(path, url, connection_string=azurite.connection_string, workers=1, progress=cancel_soon,
                   cancel=token, journal_folder=journal)
    st = path.stat()
    with open(path, "r+b") as fh:
        fh.seek(0)
        fh.write(data)
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns))


def test_upload_takes_the_sas_from_the_environment_or_stdin(azurite, make_vhd):
    """Before: a write SAS could only be given inside the URL on the command line (argv)."""
    azurite.service().create_container("sasenv")
    path = _disk_with_data(make_vhd)
    url = f"{azurite.endpoint}/sasenv/a.vhd"
    token = _write_sas(azurite, "sasenv", "a.vhd")
    result = _cli("upload", str(path), url, "--sas-env", "WRITE_SAS", "--json", env={"WRITE_SAS": token}, timeout=120)
    assert result.returncode == 0, result.stderr
    assert "warning: a SAS in the command line" not in result.stderr
    token_b = _write_sas(azurite, "sasenv", "b.vhd")
    result = _cli("upload", str(path), "-", "--json", stdin=f"{azurite.endpoint}/sasenv/b.vhd?{token_b}\n", timeout=120)
    assert result.returncode == 0, result.stderr
    result = _cli("upload", str(path), f"{azurite.endpoint}/sasenv/c.vhd?{_write_sas(azurite, 'sasenv', 'c.vhd')}",
                  timeout=120)
    assert "warning: a SAS in the command line" in result.stderr


def test_a_file_changed_in_place_is_sent_again_on_resume(azurite, make_vhd, tmp_path):
    """Before: after a file changed in place with its mtime restored, a resumed upload exited 0 with
    verified_ranges true and the old bytes on the blob."""
    from wizard.core.upload import upload_vhd

    container = azurite.service().create_container("resumechanged")
    path = _disk_with_data(make_vhd)
    url = f"{azurite.endpoint}/resumechanged/r.vhd"
    _interrupt_then_rewrite_first_chunk(azurite, path, url, tmp_path / "journal", b"\x7f" * 8192)
    summary = upload_vhd(path, url, connection_string=azurite.connection_string, workers=1,
                         journal_folder=tmp_path / "journal", verify_md5=True)
    assert summary.resumed and summary.resent_changed_chunks >= 1
    assert summary.verified_ranges and summary.verified_content
    blob = container.get_blob_client("r.vhd").download_blob(offset=0, length=8192).readall()
    assert blob == b"\x7f" * 8192


def test_verify_md5_compares_the_content_read_back(azurite, make_vhd):
    """Before: --verify-md5 stored the file's MD5 as the blob's Content-MD5 without comparing content."""
    from wizard.core.storage import StorageError, blob_client
    from wizard.core.upload import _compare_and_set_content_md5

    container = azurite.service().create_container("md5cmp")
    path = _disk_with_data(make_vhd)
    url = f"{azurite.endpoint}/md5cmp/m.vhd"
    result = _cli("upload", str(path), url, "--connection-string-env", "S", "--verify-md5", "--json",
                  env={"S": azurite.connection_string}, timeout=120)
    assert result.returncode == 0, result.stderr
    summary = json.loads(result.stdout)
    assert summary["verified_content"] and "MD5 equal" in summary["verification"]
    blob = container.get_blob_client("m.vhd")
    blob.upload_page(b"\x55" * 512, offset=0, length=512)  # the blob now differs from the file
    fd = os.open(path, os.O_RDONLY)
    try:
        with pytest.raises(StorageError, match="differs"):
            _compare_and_set_content_md5(blob_client(url, connection_string=azurite.connection_string), fd,
                                         path.stat().st_size, CancelToken())
    finally:
        os.close(fd)


def test_json_output_stays_json_with_any_character(tmp_path):
    """Found by review: C1 controls (U+0085) were written as \\x85, which is not JSON."""
    project = load_project(DEMO).project
    project.skus[0].sku_id = "a\u0085b\x1bc\u202e"
    path = tmp_path / "p.mpwiz"
    save_project(project, path)
    result = _cli("project", "check", str(path), "--json")
    assert json.loads(result.stdout)["skus"][0]["sku_id"] == "a\u0085b\x1bc\u202e"


def test_an_error_quoting_a_url_does_not_print_its_signature():
    result = _cli("vhd", "check", "https://h:99999/c/b.vhd?sv=1&sig=SECRETSIG")
    assert result.returncode == 2 and "SECRETSIG" not in result.stderr


def test_import_from_a_fifo_is_refused_not_waited_on(tmp_path):
    """Found by review: `project import-pc` read a FIFO forever and /dev/zero until memory ran out."""
    path = tmp_path / "p.mpwiz"
    save_project(load_project(DEMO).project, path)
    fifo = tmp_path / "plan.json"
    os.mkfifo(fifo)
    for source in (fifo, Path("/dev/zero")):
        result = _cli("project", "import-pc", str(path), str(source), timeout=30)
        assert result.returncode == 2 and "not a regular file" in result.stderr, result.stderr


def test_a_chunk_that_became_zeros_is_cleared_on_resume(azurite, make_vhd, tmp_path):
    """Found by review: a sent chunk that turned into zeros kept its old pages on the blob, and every
    resume failed verification."""
    from wizard.core.upload import upload_vhd

    container = azurite.service().create_container("resumezeroed")
    path = _disk_with_data(make_vhd)
    url = f"{azurite.endpoint}/resumezeroed/z.vhd"
    _interrupt_then_rewrite_first_chunk(azurite, path, url, tmp_path / "journal", bytes(8192))  # its data is gone
    summary = upload_vhd(path, url, connection_string=azurite.connection_string, workers=1,
                         journal_folder=tmp_path / "journal", verify_md5=True)
    assert summary.resumed and summary.resent_changed_chunks >= 1 and summary.verified_content
    assert container.get_blob_client("z.vhd").download_blob(offset=0, length=8192).readall() == bytes(8192)


def test_preflight_json_is_utf8_whatever_the_names_in_the_image(tmp_path):
    """Issue #29: a file name inside the image that is not UTF-8 (here a Latin-1 é in a systemd wants folder,
    which the network case lists as evidence) made `preflight --json` write bytes that are not UTF-8; on a
    strict UTF-8 console, exit 2 "failed unexpectedly". The byte is written as U+FFFD + `\\xe9` (README)."""
    from image_roots import build_vhd, tree

    root = tree("good", tmp_path / "root").root
    wants = os.fsencode(root / "etc/systemd/system/multi-user.target.wants")
    os.makedirs(wants, exist_ok=True)
    open(wants + b"/caf\xe9.service", "w").close()
    image = build_vhd(root, tmp_path / "odd.vhd")
    result = subprocess.run([sys.executable, "-m", "wizard", "vhd", "preflight", str(image), "--json"],
                            capture_output=True, timeout=120, env={**os.environ, "PYTHONIOENCODING": "utf-8:strict"})
    assert result.returncode in (0, 1), result.stderr.decode("utf-8", "replace")
    text = result.stdout.decode("utf-8")  # strict
    record = json.loads(text)

    def strings(value):
        if isinstance(value, str):
            yield value
        elif isinstance(value, dict | list):
            for item in value.values() if isinstance(value, dict) else value:
                yield from strings(item)

    assert any("caf\ufffd\\xe9.service" in s for s in strings(record)), text[:2000]
    assert "\\udc" not in text.lower()
